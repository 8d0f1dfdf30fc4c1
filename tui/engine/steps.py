"""One truth for "what is next": every pending step of an opportunity, from one function.

Today's follow-up items, the Waiting room's "Next step" and the composer's choice of template
answer the same question, so they all come from :func:`opportunity_steps`. The steps of one
opportunity, in the order they are due:

* a thank-you for its latest interview, until one is logged or they have answered since;
* the next check-in (first, second, last) while no answer came, held back by no-pestering;
* an advocate ask (or finding an advocate) once an answer is overdue;
* once an offer is in hand elsewhere, only a gracious close-out, until one is sent;
* after they answered "next round", the next interview.

A closed opportunity (rejected, withdrawn, closed) and the offer in hand itself have none.
"""

from __future__ import annotations

from dataclasses import dataclass

from pendulum import Date, DateTime

from .context import Context
from .followups import (
    ADVOCATE_QUESTIONS,
    FollowUpState,
    advocate_step,
    analyse,
    open_questions,
    snoozed_due,
)
from .items import PlanItem
from .lookup import company_key
from .models import Contact, Interview, Opportunity
from .when import short_day

__all__ = [
    "MESSAGE_KINDS",
    "STEP_RANK",
    "Step",
    "follow_up_items",
    "opportunity_steps",
    "recipient",
    "step_item",
]

STEP_RANK = {
    "close_out": 0,
    "thank_you": 0,
    "check_in": 1,
    "advocate_ask": 2,
    "find_advocate": 3,
    "interview": 4,
}
MESSAGE_KINDS = frozenset({"thank_you", "check_in", "advocate_ask", "close_out"})
"""Steps that are a message to write (the composer has a template for each)."""


@dataclass(frozen=True, slots=True)
class Step:
    """One thing to do for an opportunity, from ``due``; its plan item is ``item_id``."""

    kind: str  # thank_you | check_in | advocate_ask | find_advocate | close_out | interview
    opportunity: Opportunity
    due: Date
    item_id: str | None = None
    late_after: Date | None = None  # a thank-you may wait a business day; others are late after due
    contact: Contact | None = None  # whom the message goes to (the advocate, for an ask)
    number: int = 0  # which check-in
    interview: Interview | None = None  # the interview it is about (the next one, for interview)
    max_check_ins: int = 3

    @property
    def template(self) -> str | None:
        """The composer's template for this step, or ``None`` when there is nothing to write."""
        if self.kind == "check_in":
            if self.number <= 1:
                return "check_in_first"
            return "check_in_last" if self.number >= self.max_check_ins else "check_in_second"
        return self.kind if self.kind in MESSAGE_KINDS else None

    def is_late(self, today: Date) -> bool:
        """Still undone past its deadline on ``today``."""
        return today > (self.late_after or self.due)


def recipient(
    context: Context, opportunity: Opportunity, interview: Interview | None
) -> Contact | None:
    """Who a message about ``opportunity`` goes to: whoever wrote last, else an interviewer or
    anyone at the company who is not an advocate."""
    for touch in reversed(context.touches_of.get(opportunity.id, [])):
        if touch.at > context.now:
            continue
        person = context.contacts.get(touch.contact_id or "")
        if person is not None and not person.is_advocate:
            return person
    people = context.people_at.get(company_key(opportunity.company), [])
    if interview is not None:
        named = [c for c in people if c.name in interview.interviewers]
        if named:
            return named[0]
    return people[0] if people else None


def _closed_out(context: Context, opportunity: Opportunity, as_of: DateTime) -> bool:
    """A gracious close-out was sent (or marked done): nothing more to chase there."""
    sent = context.closed_out_at.get(opportunity.id)
    if sent and sent[0] <= as_of:
        return True
    mark = context.marks.get(f"co-{opportunity.id}")
    return mark is not None and mark.done_at is not None and mark.done_at <= as_of


def _upcoming(context: Context, opportunity: Opportunity, as_of: DateTime) -> Interview | None:
    return next((i for i in context.interviews_of.get(opportunity.id, []) if i.start > as_of), None)


def opportunity_steps(
    context: Context, opportunity: Opportunity, as_of: DateTime, day: Date
) -> tuple[FollowUpState | None, list[Step]]:
    """Where ``opportunity`` stands on ``day`` (touches up to ``as_of``) and its pending steps,
    earliest first (ties: thank-you, check-in, advocate ask, finding an advocate)."""
    if not opportunity.active or opportunity.offer_in_hand:
        return None, []
    state = analyse(context, opportunity, as_of, day)
    if _closed_out(context, opportunity, as_of):
        return state, []
    offer = context.offer
    if offer is not None:
        if opportunity.stage == "lead":  # nobody there knows you yet: nothing to close
            return state, []
        item_id = f"co-{opportunity.id}"
        interview = state.interview if state else None
        return state, [
            Step(
                "close_out",
                opportunity,
                snoozed_due(context, item_id, day),
                item_id,
                contact=recipient(context, opportunity, interview),
                interview=interview,
            )
        ]
    if state is None:
        return None, []
    if state.state == "heard_back":
        upcoming = _upcoming(context, opportunity, as_of)
        if upcoming is None:
            return state, []
        return state, [
            Step("interview", opportunity, context.local_day(upcoming.start), interview=upcoming)
        ]
    steps: list[Step] = []
    interview = state.interview
    to = recipient(context, opportunity, interview)
    thanks = context.thanks_to.get(company_key(opportunity.company), [])
    if not any(interview.start <= at <= as_of for at in thanks):
        item_id = f"ty-{interview.id}"
        held = context.local_day(interview.start)
        due = snoozed_due(context, item_id, held)
        steps.append(
            Step(
                "thank_you",
                opportunity,
                due,
                item_id,
                late_after=max(context.calendar.add(held, 1), due),
                contact=to,
                interview=interview,
            )
        )
    if state.check_in_due is not None:
        item_id = f"ci{state.check_in_number}-{interview.id}"
        steps.append(
            Step(
                "check_in",
                opportunity,
                snoozed_due(context, item_id, state.check_in_due),
                item_id,
                contact=to,
                number=state.check_in_number,
                interview=interview,
                max_check_ins=int(context.settings["max_check_ins"]),
            )
        )
    helper = advocate_step(context, state, as_of)
    if helper is not None:
        steps.append(
            Step(
                helper.kind,
                opportunity,
                helper.due,
                helper.item_id,
                contact=helper.advocate,
                interview=interview,
            )
        )
    steps.sort(key=lambda s: (s.due, STEP_RANK[s.kind]))
    return state, steps


def step_item(
    context: Context, step: Step, state: FollowUpState | None, as_of: DateTime, day: Date
) -> PlanItem:
    """The plan item of a step that is due on ``day``."""
    settings, calendar = context.settings, context.calendar
    opportunity = step.opportunity
    company = opportunity.company
    key = company_key(company)
    person = step.contact.name if step.contact else None
    person_id = step.contact.id if step.contact else None
    overdue = calendar.between(step.late_after or step.due, day)

    def item(title: str, minutes: int, reason: str, rank: tuple[int, int, str]) -> PlanItem:
        return PlanItem(
            id=step.item_id or f"{step.kind}-{opportunity.id}",
            kind=step.kind,
            title=title,
            minutes=minutes,
            due=step.due,
            reason=reason,
            overdue_days=overdue,
            company=company,
            contact=person,
            opportunity_id=opportunity.id,
            contact_id=person_id,
            rank=rank,
        )

    if step.kind == "thank_you":
        assert step.interview is not None
        held = context.local_day(step.interview.start)
        deadline = calendar.add(held, 1)
        return item(
            title=f"Send a thank-you to {company}",
            minutes=settings["minutes_thank_you"],
            reason=f"Interviewed {short_day(held)} ({step.interview.kind}): a thank-you by "
            f"{short_day(deadline)} keeps you memorable.",
            rank=(0, 0, key),
        )
    if step.kind == "check_in":
        assert state is not None
        number = step.number
        promised = state.interview.promised_by
        if number == 1 and promised is not None:
            reason = (
                f"They promised an answer by {short_day(promised)}; no word since. A short, "
                "warm check-in."
            )
        elif number == 1:
            reason = (
                f"{settings['check_in_after_days']} business days since the interview on "
                f"{short_day(context.local_day(state.interview.start))} and no word yet."
            )
        else:
            last = context.local_day(state.check_ins[-1].at)
            reason = (
                f"Check-in {number} of {settings['max_check_ins']}: no answer to the one "
                f"you sent {short_day(last)}."
            )
        if (
            state.pester_floor is not None
            and state.rule_date is not None
            and state.pester_floor > state.rule_date
        ):
            reason += f" Held until {short_day(state.pester_floor)}: you were in touch recently."
        return item(
            title=f"Check in with {company}" + (f" (check-in {number})" if number > 1 else ""),
            minutes=settings["minutes_check_in"],
            reason=reason,
            rank=(1, -overdue, key),
        )
    if step.kind == "advocate_ask":
        assert step.contact is not None
        questions = open_questions(context, step.contact, as_of) or tuple(
            ADVOCATE_QUESTIONS.values()
        )
        return item(
            title=f"Ask {step.contact.name} about {company}: {' '.join(questions)}",
            minutes=settings["minutes_advocate_ask"],
            reason=f"{company} is overdue with an answer; {step.contact.name} can find out "
            "what is happening inside.",
            rank=(2, 0, key),
        )
    if step.kind == "find_advocate":
        return item(
            title=f"Find an advocate at {company}",
            minutes=settings["minutes_find_advocate"],
            reason=f"No one at {company} can tell you what is going on. Look for a former "
            "colleague, alum or friend of a friend there.",
            rank=(3, 0, key),
        )
    if step.kind == "close_out":
        offer = context.offer
        where = offer.company if offer else "another company"
        return item(
            title=f"Close out with {company} graciously",
            minutes=settings["minutes_close_out"],
            reason=f"You have an offer in hand from {where}: a short, warm note to {company} "
            "ends it well and keeps the door open.",
            rank=(0, 1, key),
        )
    raise ValueError(f"a {step.kind} step has no plan item")


def follow_up_items(
    context: Context, as_of: DateTime, day: Date
) -> tuple[list[PlanItem], list[FollowUpState]]:
    """Every follow-up item due on ``day`` (thank-yous, check-ins, advocate items, close-outs),
    and the state of every opportunity that is waiting for an answer."""
    items: list[PlanItem] = []
    states: list[FollowUpState] = []
    for opportunity in context.records.opportunities:
        state, steps = opportunity_steps(context, opportunity, as_of, day)
        if state is not None:
            states.append(state)
        for step in steps:
            if step.item_id is not None and step.due <= day:
                items.append(step_item(context, step, state, as_of, day))
    return items, states
