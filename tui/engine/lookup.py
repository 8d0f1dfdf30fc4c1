"""Finding records by what a person types: company names, contact names."""

from __future__ import annotations

from .models import Contact, Opportunity, Records

__all__ = ["company_key", "contacts_named", "opportunities_at", "opportunity_for"]


def company_key(name: str) -> str:
    """Company names match case-insensitively and ignoring surrounding spaces."""
    return " ".join(name.split()).casefold()


def opportunities_at(records: Records, company: str) -> list[Opportunity]:
    """Every opportunity at ``company``."""
    key = company_key(company)
    return [o for o in records.opportunities if company_key(o.company) == key]


def opportunity_for(records: Records, company: str) -> Opportunity | None:
    """The opportunity a touch or interview at ``company`` belongs to.

    Active ones win over closed ones; among those, the one interviewed for most recently, then
    the one added last.
    """
    candidates = opportunities_at(records, company)
    if not candidates:
        return None
    if len(candidates) == 1:
        return candidates[0]
    wanted = {o.id for o in candidates}
    latest: dict[str, float] = {}  # aware moments as timestamps: comparable across zones
    for interview in records.interviews:
        if interview.opportunity_id in wanted:
            stamp = interview.start.timestamp()
            if stamp > latest.get(interview.opportunity_id, float("-inf")):
                latest[interview.opportunity_id] = stamp
    order = {o.id: i for i, o in enumerate(records.opportunities)}
    return max(candidates, key=lambda o: (o.active, latest.get(o.id, float("-inf")), order[o.id]))


def contacts_named(records: Records, name: str) -> list[Contact]:
    """Contacts whose name matches ``name`` case-insensitively."""
    key = company_key(name)
    return [c for c in records.contacts if company_key(c.name) == key]
