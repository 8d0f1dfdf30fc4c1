"""Which message fits the situation, to whom, and the facts a template is filled with.

No thank-you yet -> the thank-you; a check-in due or a broken promise -> the first, second or
last check-in; an advocate -> the advocate ask; a core contact -> the network update (with the
skills the interview highlighted); a rejection -> a gracious close-out.
"""

from __future__ import annotations

from dataclasses import dataclass

from pendulum import DateTime

from .context import Context, build_context
from .followups import analyse
from .lookup import company_key
from .models import Contact, Interview, Opportunity, Records

__all__ = ["TEMPLATES", "TOUCH_OF_TEMPLATE", "Situation", "situation_for"]

TEMPLATES = (
    "thank_you",
    "check_in_first",
    "check_in_second",
    "check_in_last",
    "advocate_ask",
    "network_update",
    "close_out",
)
TOUCH_OF_TEMPLATE = {
    "thank_you": "thank_you",
    "check_in_first": "check_in",
    "check_in_second": "check_in",
    "check_in_last": "check_in",
    "advocate_ask": "advocate_ask",
    "network_update": "network_update",
    "close_out": "close_out",
}


@dataclass(frozen=True, slots=True)
class Situation:
    """A message to write: the template, to whom, about what, and the values to fill it with."""

    template: str
    opportunity: Opportunity | None
    contact: Contact | None
    values: dict[str, str]

    @property
    def key(self) -> str:
        """Where its draft is kept: one draft per template and person or company."""
        target = (
            self.contact.id
            if self.contact
            else (self.opportunity.id if self.opportunity else "anyone")
        )
        return f"{self.template}-{target}"


def _latest_interview(context: Context, opportunity: Opportunity | None) -> Interview | None:
    if opportunity is None:
        return None
    past = [i for i in context.interviews_of.get(opportunity.id, []) if i.start <= context.now]
    return past[-1] if past else None


def _recipient(
    context: Context, opportunity: Opportunity, interview: Interview | None
) -> Contact | None:
    """Who a message about ``opportunity`` goes to: whoever wrote last, else an interviewer or
    anyone at the company who is not an advocate."""
    for touch in reversed(context.touches_of.get(opportunity.id, [])):
        if (
            touch.contact_id in context.contacts
            and not context.contacts[touch.contact_id or ""].is_advocate
        ):
            return context.contacts[touch.contact_id or ""]
    key = company_key(opportunity.company)
    people = [
        c for c in context.records.contacts if company_key(c.company) == key and not c.is_advocate
    ]
    if interview is not None:
        named = [c for c in people if c.name in interview.interviewers]
        if named:
            return named[0]
    return people[0] if people else None


def _values(
    context: Context,
    opportunity: Opportunity | None,
    contact: Contact | None,
    interview: Interview | None,
) -> dict[str, str]:
    tz = context.settings.timezone
    first = contact.name.split()[0] if contact and contact.name.split() else "there"
    held = interview.start.in_timezone(tz) if interview else None
    promised = interview.promised_by if interview else None
    return {
        "contact": first,
        "contact_name": contact.name if contact else "",
        "company": opportunity.company if opportunity else (contact.company if contact else ""),
        "role": (opportunity.role or "open") if opportunity else "open",
        "interview_day": held.format("dddd") if held else "our call",
        "interview_date": held.format("dddd D MMMM") if held else "",
        "interview_kind": interview.kind if interview else "",
        "skills": ", ".join(interview.skills)
        if interview and interview.skills
        else "the work we discussed",
        "promised_by": promised.format("dddd D MMMM") if promised else "",
        "promised_phrase": f"by {promised.format('dddd')}" if promised else "soon",
        "your_name": str(context.settings["your_name"]) or "",
    }


def situation_for(
    records: Records,
    now: DateTime,
    *,
    opportunity: Opportunity | None = None,
    contact: Contact | None = None,
) -> Situation:
    """The message that fits: for an opportunity (and optionally its advocate) or a contact."""
    context = build_context(records, now)
    if opportunity is None and contact is not None:  # a core contact: the network update
        interview = None
        for interviews in context.interviews_of.values():
            for candidate in interviews:
                if candidate.start <= context.now and (
                    interview is None or candidate.start > interview.start
                ):
                    interview = candidate
        about = context.opportunities.get(interview.opportunity_id) if interview else None
        template = "advocate_ask" if contact.is_advocate and about is None else "network_update"
        return Situation(template, about, contact, _values(context, about, contact, interview))
    assert opportunity is not None
    interview = _latest_interview(context, opportunity)
    if contact is not None and contact.is_advocate:
        return Situation(
            "advocate_ask", opportunity, contact, _values(context, opportunity, contact, interview)
        )
    recipient = _recipient(context, opportunity, interview)
    if opportunity.stage == "rejected":
        template = "close_out"
    else:
        state = analyse(context, opportunity, context.now, context.today)
        thanked = state is None or any(
            t.kind == "thank_you" and t.at >= state.interview.start
            for t in context.touches_with_company.get(company_key(opportunity.company), [])
        )
        if state is not None and not thanked:
            template = "thank_you"
        else:
            sent = len(state.check_ins) if state else 0
            maximum = int(context.settings["max_check_ins"])
            template = (
                "check_in_first"
                if sent == 0
                else ("check_in_last" if sent >= maximum - 1 else "check_in_second")
            )
    return Situation(
        template, opportunity, recipient, _values(context, opportunity, recipient, interview)
    )
