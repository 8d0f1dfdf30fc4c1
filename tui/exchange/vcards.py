"""Contacts from vCard files (phones and mail programs export them), merged, never doubled.

Parsed with vobject, one card at a time: a broken card is reported with the line it starts on
(and why), and the good cards around it are imported. A card matches an existing contact by
e-mail address, or by name and company; a match fills in what was missing, and a different
e-mail address on the card becomes the contact's (the one it had is kept in the notes), so a
newer address is never dropped.
"""

from __future__ import annotations

import contextlib
import dataclasses
import re
from collections.abc import Iterator
from dataclasses import dataclass

from ..actions import canonical_company
from ..engine.errors import InvalidField
from ..engine.lookup import company_key
from ..engine.models import Contact
from ..engine.text import clean
from ..store import Store
from .spreadsheet import ImportError_

__all__ = ["CardResult", "import_vcards", "split_cards"]

_BEGIN = re.compile(r"^BEGIN:VCARD\s*$", re.IGNORECASE)
_END = re.compile(r"^END:VCARD\s*$", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class CardResult:
    """What happened to one card."""

    number: int
    action: str  # added | merged | unchanged | skipped
    summary: str
    line: int = 0  # the line of the file the card starts on


@dataclass(frozen=True, slots=True)
class _Chunk:
    line: int  # where BEGIN:VCARD is
    text: str
    problem: str = ""  # why it cannot be a card, if it cannot


def split_cards(text: str) -> Iterator[_Chunk]:
    """The cards of a file, each with the line it starts on; a card that is never closed (the
    next BEGIN, or the end of the file, comes first) is yielded with its problem."""
    start: int | None = None
    lines: list[str] = []
    for number, line in enumerate(text.splitlines(), start=1):
        if _BEGIN.match(line):
            if start is not None:
                yield _Chunk(start, "", f"not closed: no END:VCARD before line {number}")
            start, lines = number, [line]
        elif start is not None:
            lines.append(line)
            if _END.match(line):
                yield _Chunk(start, "\n".join(lines) + "\n")
                start, lines = None, []
    if start is not None:
        yield _Chunk(start, "", "not closed: the file ends before its END:VCARD")


def _first(card: object, name: str) -> str:
    """The first non-empty value of a property (for ORG, the organisation, not the unit)."""
    values = getattr(card, "contents", {}).get(name, [])
    for value in values:
        text = value.value
        if isinstance(text, list):
            text = next((str(part) for part in text if part), "")
        text = clean(str(text)).strip()  # a card's text never brings a control character in
        if text:
            return text
    return ""


def _name(card: object) -> str:
    name = _first(card, "fn")
    if name:
        return name
    structured = getattr(card, "contents", {}).get("n", [])
    if structured:
        parts = structured[0].value
        joined = " ".join(p for p in (parts.given, parts.additional, parts.family) if p)
        return clean(joined).strip()
    return ""


def _parse(chunk: _Chunk) -> tuple[object | None, str]:
    """The card of a chunk, or why it is not one."""
    if chunk.problem:
        return None, chunk.problem
    import vobject

    try:
        return vobject.readOne(chunk.text, ignoreUnreadable=True), ""
    except Exception as error:  # vobject raises several kinds for malformed input
        reason = str(error).split(": ", 1)[-1] if ": " in str(error) else str(error)
        return None, f"unreadable ({reason or type(error).__name__})"


def _merged(match: Contact, company: str, email: str, phone: str) -> Contact:
    """``match`` with what the card adds: what was missing, and a newer e-mail address."""
    notes = match.notes
    new_email = match.email or email
    if email and match.email and email.casefold() != match.email.casefold():
        new_email = email
        kept = f"Earlier e-mail: {match.email}"
        if kept not in notes:
            notes = f"{notes}\n{kept}" if notes else kept
    return dataclasses.replace(
        match,
        company=match.company or company,
        email=new_email,
        phone=match.phone or phone,
        notes=notes,
    )


def import_vcards(store: Store, text: str, *, dry_run: bool = False) -> list[CardResult]:
    """Import every good card in ``text``; with ``dry_run``, only report."""
    import logging

    import vobject  # noqa: F401 - first: importing it sets its logger's level

    # vobject logs each line it skips to stderr; our own report says what happened instead.
    logging.getLogger("vobject.base").setLevel(logging.CRITICAL)
    chunks = list(split_cards(text))
    if not chunks:
        raise ImportError_("not a vCard file (no BEGIN:VCARD ... END:VCARD)")
    results: list[CardResult] = []
    with store.transaction() if not dry_run else contextlib.nullcontext():
        records = store.records()
        contacts = list(records.contacts)
        changed: list[Contact] = []
        for number, chunk in enumerate(chunks, start=1):
            at = f" (line {chunk.line})"
            card, problem = _parse(chunk)
            if card is None:
                results.append(CardResult(number, "skipped", f"skipped{at}: {problem}", chunk.line))
                continue
            name = _name(card)
            if not name:
                results.append(
                    CardResult(number, "skipped", f"skipped{at}: the card has no name", chunk.line)
                )
                continue
            email = _first(card, "email")
            phone = _first(card, "tel")
            company = canonical_company(records, _first(card, "org").split(";")[0].strip())
            match = next(
                (c for c in contacts if email and c.email.casefold() == email.casefold()), None
            ) or next(
                (
                    c
                    for c in contacts
                    if company_key(c.name) == company_key(name)
                    and company_key(c.company) == company_key(company)
                ),
                None,
            )
            try:
                if match is None:
                    made = Contact(
                        id=store.new_id(Contact),
                        name=name,
                        company=company,
                        email=email,
                        phone=phone,
                    )
                    contacts.append(made)
                    changed.append(made)
                    results.append(CardResult(number, "added", f"added {name}", chunk.line))
                    continue
                merged = _merged(match, company, email, phone)
            except InvalidField as error:
                results.append(
                    CardResult(number, "skipped", f"skipped {name}{at}: {error}", chunk.line)
                )
                continue
            if merged == match:
                results.append(
                    CardResult(number, "unchanged", f"{name} is already there", chunk.line)
                )
                continue
            contacts[contacts.index(match)] = merged
            changed.append(merged)
            said = f"merged {name} into {match.name}"
            if merged.email != match.email and match.email:
                said += f" (e-mail now {merged.email}; {match.email} kept in the notes)"
            results.append(CardResult(number, "merged", said, chunk.line))
        if changed and not dry_run:
            store.upsert_many(changed)
    return results
