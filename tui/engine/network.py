"""Educating the core network: after an interview, and whenever a core contact goes stale.

After an interview, each core contact not touched since gets a network update that names the
skills the interview highlighted, so they keep the person on their radar. Any core contact not
touched for ``network_every_days`` (21) gets one too. Network updates are search-layer work.
"""

from __future__ import annotations

from dataclasses import dataclass

from pendulum import Date, DateTime

from .context import Context, build_context
from .items import PlanItem
from .models import Contact, Interview, Records

__all__ = ["NetworkRow", "last_touch_with", "network_items", "network_view"]


def _listed(parts: tuple[str, ...]) -> str:
    """``dbt, data modelling and testing``."""
    return ", ".join(parts[:-1]) + " and " + parts[-1] if len(parts) > 1 else "".join(parts)


def last_touch_with(context: Context, contact: Contact, as_of: DateTime) -> DateTime | None:
    """When the person last exchanged a word with ``contact`` (either direction)."""
    touches = [t for t in context.touches_with_contact.get(contact.id, []) if t.at <= as_of]
    return touches[-1].at if touches else None


def _latest_interview(context: Context, as_of: DateTime, since_day: Date) -> Interview | None:
    """The most recent interview that has happened, if it was on or after ``since_day``."""
    latest: Interview | None = None
    for interviews in context.interviews_of.values():
        for interview in interviews:
            if interview.start <= as_of and (latest is None or interview.start > latest.start):
                latest = interview
    if latest is None or context.local_day(latest.start) < since_day:
        return None
    return latest


def network_items(context: Context, as_of: DateTime, day: Date) -> list[PlanItem]:
    """Network updates due on ``day``, one per core contact at most."""
    settings = context.settings
    every = settings["network_every_days"]
    items: list[PlanItem] = []
    latest = _latest_interview(context, as_of, day.subtract(days=every))
    for contact in context.records.contacts:
        if not contact.is_core:
            continue
        item_id = f"nu-{contact.id}"
        last = last_touch_with(context, contact, as_of)
        recent = latest if latest is not None and (last is None or latest.start > last) else None
        if recent is not None:
            opportunity = context.opportunities.get(recent.opportunity_id)
            company = opportunity.company if opportunity else "the"
            due = context.local_day(recent.start)
            title = f"Tell {contact.name} how {company} went"
            if recent.skills:
                title += f": {_listed(recent.skills)}"
            reason = (
                "Your core network keeps you on their radar when they know what you are good at."
            )
        else:
            due = context.local_day(last).add(days=every) if last else day
            if due > day:
                continue
            title = f"Catch up with {contact.name}"
            reason = (
                f"No word for {every}+ days: a short update keeps you on their radar."
                if last
                else "You have not told them about your search yet."
            )
        mark = context.marks.get(item_id)
        if mark is not None and mark.snoozed_to is not None and mark.snoozed_to > day:
            continue
        items.append(
            PlanItem(
                id=item_id,
                kind="network_update",
                title=title,
                minutes=settings["minutes_network_update"],
                due=due,
                overdue_days=context.calendar.between(due, day),
                reason=reason,
                contact=contact.name,
                company=contact.company or None,
                contact_id=contact.id,
                rank=(2, 0, contact.name.casefold()),
            )
        )
    return items


@dataclass(frozen=True, slots=True)
class NetworkRow:
    """One core contact: when they last heard from the person, and whether an update is due."""

    contact: Contact
    last_touch: DateTime | None
    days_since: int | None
    update_due: PlanItem | None


def network_view(records: Records, now: DateTime) -> list[NetworkRow]:
    """Core contacts, the ones due an update first, then the longest silent."""
    context = build_context(records, now)
    today = context.today
    due = {i.contact_id: i for i in network_items(context, context.now, today)}
    rows = []
    for contact in records.contacts:
        if not contact.is_core:
            continue
        last = last_touch_with(context, contact, context.now)
        rows.append(
            NetworkRow(
                contact=contact,
                last_touch=last,
                days_since=today.toordinal() - context.local_day(last).toordinal()
                if last
                else None,
                update_due=due.get(contact.id),
            )
        )
    rows.sort(
        key=lambda r: (
            r.update_due is None,
            -(r.days_since if r.days_since is not None else 10**6),
            r.contact.name.casefold(),
        )
    )
    return rows
