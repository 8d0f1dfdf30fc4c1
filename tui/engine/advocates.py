"""Advocates: the people inside (or near) a company who vouch for the person and tell them news.

For each: their company, when they were last asked and how long ago, which questions are still
open (has anything changed internally? is the job still posted?), what they have said, and which
waiting opportunities they could help with.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from pendulum import DateTime

from .context import build_context
from .followups import ADVOCATE_QUESTIONS, analyse, open_questions
from .models import Contact, Opportunity, Records, Touch
from .when import format_stamp, short_day

__all__ = ["AdvocateRow", "advocates_to_json", "advocates_view"]


@dataclass(frozen=True, slots=True)
class AdvocateRow:
    """One advocate and what they can do for the person now."""

    contact: Contact
    last_ask: Touch | None
    days_since: int | None
    open_questions: tuple[str, ...]
    intel: tuple[str, ...]
    helps: tuple[tuple[Opportunity, str], ...]  # waiting opportunities and their state


def advocates_view(records: Records, now: DateTime) -> list[AdvocateRow]:
    """Every advocate, by company then name."""
    context = build_context(records, now)
    today = context.today
    waiting = []
    for opportunity in records.opportunities:
        state = analyse(context, opportunity, context.now, today)
        if state is not None and state.state != "heard_back":
            waiting.append(state)
    helpers = [(s, {c.id for c in context.advocates_for(s.opportunity)}) for s in waiting]
    rows = []
    for contact in records.contacts:
        if not contact.is_advocate:
            continue
        asks = [
            t
            for t in context.touches_with_contact.get(contact.id, [])
            if t.kind == "advocate_ask" and t.at <= context.now
        ]
        last = asks[-1] if asks else None
        # The same questions Today's ask and the composer put: answers count for a week.
        still_open = open_questions(context, contact, context.now)
        intel = []
        if contact.notes:
            intel.append(contact.notes)
        for ask in reversed(asks):
            for key, answer in ask.answers.items():
                question = ADVOCATE_QUESTIONS.get(key, key)
                intel.append(f"{short_day(context.local_day(ask.at))}: {question} {answer}")
            if ask.note:
                intel.append(f"{short_day(context.local_day(ask.at))}: {ask.note}")
        helps = tuple((s.opportunity, s.state) for s, ids in helpers if contact.id in ids)
        rows.append(
            AdvocateRow(
                contact=contact,
                last_ask=last,
                days_since=(today - context.local_day(last.at)).days if last else None,
                open_questions=still_open,
                intel=tuple(intel),
                helps=helps,
            )
        )
    rows.sort(key=lambda r: (r.contact.company.casefold(), r.contact.name.casefold()))
    return rows


def advocates_to_json(rows: list[AdvocateRow]) -> dict[str, Any]:
    """The advocates as ``nowwhat advocates --json`` prints them."""
    return {
        "advocates": [
            {
                "name": row.contact.name,
                "company": row.contact.company,
                "relation": row.contact.relation,
                "last_check_in": format_stamp(row.last_ask.at) if row.last_ask else None,
                "days_since": row.days_since,
                "open_questions": list(row.open_questions),
                "intel": list(row.intel),
                "helps": [{"company": o.company, "state": state} for o, state in row.helps],
            }
            for row in rows
        ]
    }
