"""The bundled demo database, copied privately and moved in time so it always looks current.

``data/demo.json`` is written around an anchor day (``_meta.demo_anchor``). A copy is shifted by
whole weeks so the anchor lands in the week of "today": weekdays stay weekdays, and the story
(an interview last week, a promise that just broke) reads the same whenever the demo is opened.
Days named in notes ("Onsite on the 25th") move with it: each is read as the nearest such day
to its record's own date (the touch's, the interview's, else the anchor's).
"""

from __future__ import annotations

import dataclasses
import json
import re
from pathlib import Path
from typing import Any

from pendulum import Date, DateTime

from .engine.when import parse_day
from .locations import shipped_data
from .store.documents import RECORD_TYPES, from_document, to_document
from .store.safefile import atomic_write, ensure_private_dir
from .store.schema import meta_of

__all__ = ["demo_data", "ordinal", "shift_days_in_text", "write_demo_copy"]


_ORDINAL = re.compile(r"\bthe (\d{1,2})(?:st|nd|rd|th)\b")
_TEXTS = ("notes", "note", "posting_note")
_WHEN = ("at", "start", "due", "applied_on", "created_at")


def _shift(value: Any, weeks: int) -> Any:
    if isinstance(value, DateTime | Date):
        return value.add(weeks=weeks)
    return value


def ordinal(number: int) -> str:
    """``1st``, ``2nd``, ``23rd``, ``25th``."""
    if 11 <= number % 100 <= 13:
        return f"{number}th"
    return f"{number}{({1: 'st', 2: 'nd', 3: 'rd'}).get(number % 10, 'th')}"


def _nearest(day_of_month: int, reference: Date) -> Date | None:
    """The date with that day of the month nearest to ``reference`` (a month either side)."""
    found = []
    for months in (-1, 0, 1):
        first = reference.replace(day=1).add(months=months)
        if day_of_month <= first.days_in_month:
            found.append(first.replace(day=day_of_month))
    return min(found, key=lambda d: abs((d - reference).days)) if found else None


def shift_days_in_text(text: str, reference: Date, weeks: int) -> str:
    """ "Onsite on the 25th" (written near ``reference``) as it reads ``weeks`` weeks later."""

    def moved(match: re.Match[str]) -> str:
        named = _nearest(int(match.group(1)), reference)
        if named is None:
            return match.group(0)
        return f"the {ordinal(named.add(weeks=weeks).day)}"

    return _ORDINAL.sub(moved, text)


def _reference(record: Any, anchor: Date) -> Date:
    for name in _WHEN:
        value = getattr(record, name, None)
        if isinstance(value, DateTime):
            return value.date()
        if isinstance(value, Date):
            return value
    return anchor


def demo_data(today: Date) -> dict[str, Any]:
    """The demo database's data, shifted by whole weeks so its anchor falls in ``today``'s week."""
    data: dict[str, Any] = json.loads(shipped_data("demo.json").read_text(encoding="utf-8"))
    meta = meta_of(data)
    if meta is None:
        raise ValueError("the shipped demo has no _meta table")
    anchor = parse_day(str(meta["demo_anchor"]), "demo_anchor")
    weeks = (today - anchor).days // 7
    if weeks == 0:
        return data
    for table, cls in RECORD_TYPES.items():
        for doc_id, document in data.get(table, {}).items():
            record = from_document(cls, document)
            changes = {
                f.name: _shift(getattr(record, f.name), weeks) for f in dataclasses.fields(record)
            }
            reference = _reference(record, anchor)
            for name in _TEXTS:
                text = changes.get(name)
                if isinstance(text, str) and text:
                    changes[name] = shift_days_in_text(text, reference, weeks)
            data[table][doc_id] = to_document(dataclasses.replace(record, **changes))
    meta["demo_anchor"] = anchor.add(weeks=weeks).isoformat()
    return data


def write_demo_copy(folder: Path, today: Date) -> Path:
    """Write a private (0600) copy of the demo into ``folder`` and return its path."""
    ensure_private_dir(folder)
    target = folder / "demo.json"
    payload = json.dumps(demo_data(today), ensure_ascii=False, indent=1).encode("utf-8")
    atomic_write(target, payload)
    return target
