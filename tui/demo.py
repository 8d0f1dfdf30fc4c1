"""The bundled demo database, copied privately and moved in time so it always looks current.

``data/demo.json`` is written around an anchor day (``_meta.demo_anchor``). A copy is shifted by
whole weeks so the anchor lands in the week of "today": weekdays stay weekdays, and the story
(an interview last week, a promise that just broke) reads the same whenever the demo is opened.
"""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path
from typing import Any

from pendulum import Date, DateTime

from .engine.when import parse_day
from .locations import shipped_data
from .store.documents import RECORD_TYPES, from_document, to_document
from .store.safefile import atomic_write, ensure_private_dir
from .store.schema import meta_of

__all__ = ["demo_data", "write_demo_copy"]


def _shift(value: Any, weeks: int) -> Any:
    if isinstance(value, DateTime | Date):
        return value.add(weeks=weeks)
    return value


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
