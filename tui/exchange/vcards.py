"""Contacts from vCard files (phones and mail programs export them), merged, never doubled.

Parsed with vobject. A card matches an existing contact by e-mail address, or by name and
company; a match only fills in what was missing.
"""

from __future__ import annotations

import contextlib
import dataclasses
from dataclasses import dataclass

from ..engine.errors import InvalidField
from ..engine.lookup import company_key
from ..engine.models import Contact
from ..engine.text import clean
from ..store import Store
from .spreadsheet import ImportError_

__all__ = ["CardResult", "import_vcards"]


@dataclass(frozen=True, slots=True)
class CardResult:
    """What happened to one card."""

    number: int
    action: str  # added | merged | unchanged | skipped
    summary: str


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


def import_vcards(store: Store, text: str, *, dry_run: bool = False) -> list[CardResult]:
    """Import every card in ``text``; with ``dry_run``, only report."""
    import logging

    import vobject

    # vobject logs each line it skips to stderr; our own report says what happened instead.
    logging.getLogger("vobject.base").setLevel(logging.CRITICAL)
    try:
        cards = list(vobject.readComponents(text, ignoreUnreadable=True))
    except Exception as error:  # vobject raises several kinds for malformed input
        raise ImportError_(f"not a vCard file ({type(error).__name__}: {error})") from None
    if not cards or not all(getattr(c, "name", "").upper() == "VCARD" for c in cards):
        raise ImportError_("not a vCard file (no BEGIN:VCARD ... END:VCARD)")
    results: list[CardResult] = []
    with store.transaction() if not dry_run else contextlib.nullcontext():
        contacts = list(store.records().contacts)
        changed: list[Contact] = []
        for number, card in enumerate(cards, start=1):
            name = _name(card)
            if not name:
                results.append(CardResult(number, "skipped", "skipped: the card has no name"))
                continue
            email = _first(card, "email")
            phone = _first(card, "tel")
            company = _first(card, "org").split(";")[0].strip()
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
                    results.append(CardResult(number, "added", f"added {name}"))
                    continue
                merged = dataclasses.replace(
                    match,
                    company=match.company or company,
                    email=match.email or email,
                    phone=match.phone or phone,
                )
            except InvalidField as error:
                results.append(CardResult(number, "skipped", f"skipped {name}: {error}"))
                continue
            if merged == match:
                results.append(CardResult(number, "unchanged", f"{name} is already there"))
                continue
            contacts[contacts.index(match)] = merged
            changed.append(merged)
            results.append(CardResult(number, "merged", f"merged {name} into {match.name}"))
        if changed and not dry_run:
            store.upsert_many(changed)
    return results
