"""The job seeker's world of a labelled mail corpus (``world.json``) as a nowwhat database.

Opportunities, contacts and the person's own addresses as the world describes them; what the
world says about an opportunity's applicant-tracking mail (a sender address, a domain) becomes
the opportunity's ``mail_hints``, as a person would type them in.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from tui.engine.models import Contact, Opportunity
from tui.engine.settings import Settings
from tui.store import Store

__all__ = ["WORLD", "hints_from", "load_world", "world_store"]

WORLD = Path(__file__).resolve().parent.parent / "mail" / "data" / "world.json"
TZ = "America/New_York"

_ADDRESS = re.compile(r"[\w.+-]+@[\w-]+(\.[\w-]+)+")
_DOMAIN = re.compile(r"\b(?:[a-z0-9-]+\.)+[a-z]{2,}\b")


def load_world(path: Path = WORLD) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


def hints_from(ats: str) -> tuple[str, ...]:
    """``"Workday (mail from northwind@myworkday.example and talent.northwind.example)"`` ->
    the address and the domain it names."""
    found = [m.group(0).lower() for m in _ADDRESS.finditer(ats)]
    rest = _ADDRESS.sub(" ", ats)
    found += [m.group(0).lower() for m in _DOMAIN.finditer(rest)]
    return tuple(dict.fromkeys(found))


def world_store(db: Path, world: dict[str, Any] | None = None) -> Store:
    """A fresh database at ``db`` holding the world's records and the person's addresses."""
    world = world or load_world()
    store = Store(db, default_timezone=lambda: TZ)
    me = world["me"]
    settings = (
        Settings()
        .with_text("timezone", TZ)
        .with_text("country", "US")
        .with_text("your_name", me["name"])
        .with_text("my_addresses", ", ".join(me["addresses"]))
    )
    store.save_settings(settings)
    records = []
    for item in world["opportunities"]:
        records.append(
            Opportunity(
                id=item["id"],
                company=item["company"],
                role=item.get("role", ""),
                stage=item.get("stage", "applied"),
                url=item.get("url", ""),
                mail_hints=hints_from(item.get("ats", "")),
            )
        )
    for item in world["contacts"]:
        records.append(
            Contact(
                id=item["id"],
                name=item["name"],
                company=item.get("company", ""),
                relation=item.get("relation", ""),
                email=item.get("email", ""),
                tags=frozenset(item.get("tags", [])),
            )
        )
    store.upsert_many(records)
    return store
