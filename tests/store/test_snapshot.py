"""What a session shows after its own writes and another session's is exactly what is on disk.

The store reuses decoded records between writes (whole tables it did not touch, unchanged
documents of those it did); any slip there would show the person stale data. So after every
step of random sequences of adds, replacements and deletions, made here or by a second session
on the same file, each session's records must equal a fresh read of the file — also after a
session restarts from the records cache it left (see ``snapshot_cache``).
"""

from __future__ import annotations

import dataclasses
import json
import tempfile
from pathlib import Path

import pendulum
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tui.engine.models import Records, Task, Touch
from tui.store import Store
from tui.store.documents import from_document

Step = tuple[str, int, str, int]  # (session "a"/"b", operation, table, which record)

steps = st.lists(
    st.tuples(
        st.sampled_from(["a", "b"]),
        st.sampled_from(["add", "put", "delete", "read", "save", "restart"]),
        st.sampled_from(["tasks", "touches"]),
        st.integers(min_value=0, max_value=5),
    ),
    min_size=1,
    max_size=25,
)


def _as_data(records: Records) -> dict[str, object]:
    return {
        "tasks": [dataclasses.asdict(t) for t in records.tasks],
        "touches": [dataclasses.asdict(t) for t in records.touches],
    }


def _apply(store: Store, operation: str, table: str, which: int, counter: int) -> None:
    records = store.records()
    existing: tuple[Task, ...] | tuple[Touch, ...] = getattr(records, table)
    if operation in ("read", "save", "restart"):
        return
    if operation == "add" or not existing:
        if table == "tasks":
            store.add(Task(id=f"tsk_n{counter}", title=f"Task {counter}", kind="apply"))
        else:
            store.add(
                Touch(
                    id=f"tch_n{counter}",
                    kind="check_in",
                    at=_moment(counter),
                    contact_id="con_x",
                )
            )
        return
    target = existing[which % len(existing)]
    if operation == "delete":
        store.delete(type(target), target.id)
        return
    if isinstance(target, Task):
        changed: Task | Touch = dataclasses.replace(target, title=f"{target.title} *")
    else:
        changed = dataclasses.replace(target, note=f"{target.note}*")
    store.put(changed)


def _on_disk(path: Path) -> dict[str, object]:
    """The file's tasks and touches decoded directly, not through a store (nor its cache)."""
    if not path.exists():
        return {"tasks": [], "touches": []}
    data = json.loads(path.read_text())
    return {
        name: [dataclasses.asdict(from_document(cls, doc)) for doc in data.get(name, {}).values()]
        for name, cls in (("tasks", Task), ("touches", Touch))
    }


def _moment(counter: int) -> pendulum.DateTime:
    return pendulum.datetime(2026, 11, 2, 9, tz="Europe/Berlin").add(minutes=counter)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(steps)
def test_each_session_shows_exactly_what_is_on_disk_after_any_writes(sequence: list[Step]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "db.json"
        sessions = {"a": Store(path), "b": Store(path)}
        for counter, (who, operation, table, which) in enumerate(sequence):
            if operation == "save":  # leave a records cache (see snapshot_cache)
                sessions[who].save_snapshot()
            if operation == "restart":  # a new session: from the cache if it fits the file
                sessions[who] = Store(path)
            _apply(sessions[who], operation, table, which, counter)
            on_disk = _on_disk(path)
            for session in sessions.values():
                assert _as_data(session.records()) == on_disk
