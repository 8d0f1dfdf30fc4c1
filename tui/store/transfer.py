"""Export the whole database as one JSON object, and import it back without duplicating.

The export has a key per table, each a list of records with their stable ``id`` and, where the
store links records by id, the readable names beside the ids (an interview's ``company``, a
touch's ``company`` and ``contact``). Import matches records by id: importing the same file twice
changes nothing the second time. An import is checked whole before anything is written, then
written in one transaction: all of it or none of it.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ..engine.errors import InvalidField
from ..engine.models import Contact, Interview, Records, Touch
from ..engine.settings import Settings, check_entered
from .documents import RECORD_TYPES, Record, from_document, to_document
from .repository import Store
from .schema import CURRENT_VERSION

__all__ = ["EXPORT_FORMAT", "export_records", "import_records"]

EXPORT_FORMAT = "nowwhat-export"


def export_records(records: Records) -> dict[str, Any]:
    """Everything in ``records`` as one JSON-ready object."""
    companies = {o.id: o for o in records.opportunities}
    people = {c.id: c for c in records.contacts}

    def company_of(opportunity_id: str | None) -> str | None:
        found = companies.get(opportunity_id or "")
        return found.company if found else None

    interviews = []
    for interview in records.interviews:
        document = to_document(interview)
        document["company"] = company_of(interview.opportunity_id)
        found = companies.get(interview.opportunity_id)
        document["role"] = found.role if found else None
        interviews.append(document)
    touches = []
    for touch in records.touches:
        document = to_document(touch)
        person = people.get(touch.contact_id or "")
        document["company"] = company_of(touch.opportunity_id) or (
            person.company if person else None
        )
        document["contact"] = person.name if person else None
        touches.append(document)
    contacts = []
    for contact in records.contacts:
        document = to_document(contact)
        document["opportunities"] = [company_of(i) for i in contact.opportunity_ids]
        contacts.append(document)
    return {
        "format": EXPORT_FORMAT,
        "schema_version": CURRENT_VERSION,
        "opportunities": [to_document(o) for o in records.opportunities],
        "interviews": interviews,
        "contacts": contacts,
        "touches": touches,
        "tasks": [to_document(t) for t in records.tasks],
        "marks": [to_document(m) for m in records.marks],
        "mail_sources": [to_document(m) for m in records.mail_sources],
        "mail_seen": [to_document(m) for m in records.mail_seen],
        "mail_review": [to_document(m) for m in records.mail_review],
        "settings": [{"key": k, "value": v} for k, v in records.settings.values.items()],
    }


def _parse(data: Mapping[str, Any]) -> tuple[dict[str, list[Record]], Settings | None]:
    if not isinstance(data, Mapping) or data.get("format") != EXPORT_FORMAT:
        raise InvalidField("format", f'not a nowwhat export (expected "format": "{EXPORT_FORMAT}")')
    version = data.get("schema_version")
    # true is an int to Python, and must not read as schema 1
    if (
        isinstance(version, bool)
        or not isinstance(version, int)
        or not 1 <= version <= CURRENT_VERSION
    ):
        raise InvalidField("schema_version", f"{version!r} is not a schema this nowwhat reads")
    parsed: dict[str, list[Record]] = {}
    for table, cls in RECORD_TYPES.items():
        documents = data.get(table, [])
        if not isinstance(documents, list):
            raise InvalidField(table, "must be a list of records")
        parsed[table] = []
        seen: set[str] = set()
        for number, document in enumerate(documents, start=1):
            if not isinstance(document, Mapping):
                raise InvalidField(f"{table}[{number}]", "must be an object")
            try:
                record = from_document(cls, document)
            except InvalidField as error:
                raise InvalidField(f"{table}[{number}].{error.field}", error.problem) from None
            if record.id in seen:
                raise InvalidField(f"{table}[{number}].id", f"{record.id} appears twice")
            seen.add(record.id)
            parsed[table].append(record)
    settings = None
    if "settings" in data:
        entries = data["settings"]
        if not isinstance(entries, list):
            raise InvalidField("settings", "must be a list of {key, value}")
        values: dict[str, Any] = {}
        for entry in entries:
            if not isinstance(entry, Mapping) or "key" not in entry or "value" not in entry:
                raise InvalidField("settings", "each entry needs a key and a value")
            values[str(entry["key"])] = entry["value"]
        settings = Settings.from_mapping(values)
        for key, value in values.items():
            check_entered(key, value)
    return parsed, settings


def _check_links(parsed: dict[str, list[Record]], current: Records) -> None:
    opportunity_ids = {o.id for o in current.opportunities} | {
        r.id for r in parsed["opportunities"]
    }
    contact_ids = {c.id for c in current.contacts} | {r.id for r in parsed["contacts"]}
    for record in parsed["interviews"]:
        assert isinstance(record, Interview)
        if record.opportunity_id not in opportunity_ids:
            raise InvalidField(
                f"interviews.{record.id}.opportunity_id",
                f"{record.opportunity_id} is not in the file or the database",
            )
    for record in parsed["touches"]:
        assert isinstance(record, Touch)
        if record.opportunity_id is not None and record.opportunity_id not in opportunity_ids:
            raise InvalidField(
                f"touches.{record.id}.opportunity_id",
                f"{record.opportunity_id} is not in the file or the database",
            )
        if record.contact_id is not None and record.contact_id not in contact_ids:
            raise InvalidField(
                f"touches.{record.id}.contact_id",
                f"{record.contact_id} is not in the file or the database",
            )
    for record in parsed["contacts"]:
        assert isinstance(record, Contact)
        for linked in record.opportunity_ids:
            if linked not in opportunity_ids:
                raise InvalidField(
                    f"contacts.{record.id}.opportunity_ids",
                    f"{linked} is not in the file or the database",
                )


def import_records(store: Store, data: Mapping[str, Any]) -> dict[str, dict[str, int]]:
    """Bring an export into ``store``; return, per table, how many were added/updated/unchanged."""
    parsed, settings = _parse(data)
    summary: dict[str, dict[str, int]] = {}
    with store.transaction():
        current = store.records()
        _check_links(parsed, current)
        existing: dict[str, dict[str, Any]] = {
            table: {r.id: to_document(r) for r in getattr(current, table)} for table in RECORD_TYPES
        }
        changed: list[Record] = []
        for table in RECORD_TYPES:
            counts = {"added": 0, "updated": 0, "unchanged": 0}
            for record in parsed[table]:
                before = existing[table].get(record.id)
                if before == to_document(record):
                    counts["unchanged"] += 1
                    continue
                changed.append(record)
                counts["added" if before is None else "updated"] += 1
            summary[table] = counts
        store.upsert_many(changed)
        if settings is not None and settings != current.settings:
            store.save_settings(settings)
    return summary
