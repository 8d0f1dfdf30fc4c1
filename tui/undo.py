"""Taking a change back: every record a change touched, as it was before and as it was left.

One mechanism for every delete and every key that writes without a form. :func:`recorded` runs
a change in one transaction and notes, record by record, what it was before and what the change
left; :func:`undo` puts the "before" back in one transaction, but only if each record is still
exactly as the change left it. If another session (or a later change) touched one of them,
nothing is undone and the person is told why: an undo never overwrites newer work.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from .engine.errors import InvalidField
from .engine.models import Records
from .store import Store
from .store.documents import RECORD_TYPES, TABLE_OF, Record

__all__ = ["Recorded", "Undo", "changes_between", "recorded", "undo"]

T = TypeVar("T")

Pair = tuple[Record | None, Record | None]
"""One record as it was before a change and after it (``None``: it did not exist)."""


@dataclass(frozen=True, slots=True)
class Undo:
    """How to take one change back; ``summary`` says what the change did, in the user's words."""

    summary: str
    pairs: tuple[Pair, ...]

    @property
    def empty(self) -> bool:
        """The change changed nothing (there is nothing to undo)."""
        return not self.pairs


@dataclass(frozen=True, slots=True)
class Recorded(Generic[T]):
    """What a change returned, and how to take it back."""

    result: T
    undo: Undo


def _tables(records: Records) -> dict[str, tuple[Any, ...]]:
    return {name: getattr(records, name) for name in RECORD_TYPES}


def changes_between(before: Records, after: Records) -> tuple[Pair, ...]:
    """Every record that differs between two snapshots, with both versions.

    The store hands back the very same tuple for a table nothing changed in, and the very same
    record object for a document it did not rewrite, so only changed tables are compared, and
    mostly by identity.
    """
    pairs: list[Pair] = []
    old_tables, new_tables = _tables(before), _tables(after)
    for name, old in old_tables.items():
        new = new_tables[name]
        if old is new:
            continue
        old_by_id = {r.id: r for r in old}
        new_by_id = {r.id: r for r in new}
        for record_id in old_by_id.keys() | new_by_id.keys():
            was, now = old_by_id.get(record_id), new_by_id.get(record_id)
            if was is not now and was != now:
                pairs.append((was, now))
    return tuple(pairs)


def recorded(
    store: Store,
    summary: str | Callable[[T], str],
    work: Callable[..., T],
    *args: Any,
    **kwargs: Any,
) -> Recorded[T]:
    """Run ``work(*args, **kwargs)`` in one transaction and note how to take it back.

    ``summary`` is what the change did ("Deleted the task Apply at Gamma"), or a function that
    says it from the result.
    """
    with store.transaction():
        before = store.records()
        result = work(*args, **kwargs)
        after = store.records()
    said = summary(result) if callable(summary) else summary
    return Recorded(result, Undo(said, changes_between(before, after)))


def _key(pair: Pair) -> tuple[type, str]:
    record = pair[0] if pair[0] is not None else pair[1]
    assert record is not None
    return type(record), record.id


def undo(store: Store, change: Undo) -> Undo:
    """Put every record ``change`` touched back as it was; refuse if any changed since.

    Returns the undo of the undo (so it could be redone the same way).
    """

    def put_back() -> None:
        records = store.records()
        current = {cls: {r.id: r for r in getattr(records, TABLE_OF[cls])} for cls in TABLE_OF}
        for pair in change.pairs:
            cls, record_id = _key(pair)
            if current[cls].get(record_id) != pair[1]:
                raise InvalidField(
                    "undo",
                    "something it changed was changed again since (here or in another "
                    "session), so nothing was undone",
                )
        for before, after in change.pairs:
            # Any: the store's methods take one record type at a time, these are a mix.
            was: Any = before
            left: Any = after
            if was is None:
                store.delete(type(left), left.id)
            elif left is None:
                store.add(was)
            else:
                store.put(was)

    return recorded(store, f"Undone: {change.summary}", put_back).undo
