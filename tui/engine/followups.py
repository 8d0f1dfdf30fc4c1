"""The follow-up clocks: thank-yous, check-ins, promises kept or broken, advocates, gone quiet.

Rules (every number a setting):

* every interview that has happened gets a thank-you until one is logged (due that day, overdue
  a business day later);
* with a promised date P and no word since the interview, a check-in is due the business day
  after P (from then on the promise is broken); without a promise, 5 business days after;
* after an unanswered check-in on T, the next is due 5 business days after T, at most 3; when
  the last has waited 5 business days the opportunity has gone quiet;
* no check-in or advocate ask is due within 3 business days of any touch with the company;
* once an answer is overdue, an advocate at the company is asked (at most once a week), or the
  person is asked to find one.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass
from operator import attrgetter

from pendulum import Date, DateTime

from .context import Context
from .lookup import company_key
from .models import Contact, Interview, Opportunity, Touch
from .when import short_day

__all__ = [
    "ADVOCATE_QUESTIONS",
    "AdvocateStep",
    "FollowUpState",
    "advocate_step",
    "analyse",
    "least_recently_asked",
    "open_questions",
    "snoozed_due",
]

ADVOCATE_QUESTIONS = {
    "internal_change": "Has anything changed internally?",
    "still_posted": "Is the job still posted?",
}


_day_text = short_day


@dataclass(frozen=True, slots=True, kw_only=True)
class FollowUpState:
    """Where one opportunity stands after its latest interview, on one day."""

    opportunity: Opportunity
    interview: Interview
    state: str  # waiting | promise_broken | gone_quiet | heard_back
    check_ins: tuple[Touch, ...]
    heard: Touch | None
    check_in_due: Date | None  # the next check-in, no-pestering applied; None when none is left
    check_in_number: int
    rule_date: Date | None  # the check-in's date by its own rule, before no-pestering
    quiet_from: Date | None
    help_from: Date | None  # from when an advocate (or finding one) is the next step
    last_word: DateTime  # the last time they said anything, or the interview
    pester_floor: Date | None


_AT = attrgetter("at")


def _latest_before(touches: list[Touch], moment: DateTime) -> Touch | None:
    """The latest of ``touches`` (sorted by time) at or before ``moment``."""
    index = bisect.bisect_right(touches, moment, key=_AT)
    return touches[index - 1] if index else None


def analyse(
    context: Context, opportunity: Opportunity, as_of: DateTime, day: Date
) -> FollowUpState | None:
    """The follow-up state of ``opportunity`` on ``day``, counting touches up to ``as_of``.

    ``None`` when there is nothing to follow up: no interview has happened yet, or the
    opportunity is closed or has an offer in hand.
    """
    if not opportunity.active or opportunity.offer_in_hand:
        return None
    past = [i for i in context.interviews_of.get(opportunity.id, []) if i.ended_by(as_of)]
    if not past:
        return None
    interview = past[-1]
    settings, calendar = context.settings, context.calendar
    touches = context.touches_of.get(opportunity.id, [])  # sorted by time
    since = touches[
        bisect.bisect_left(touches, interview.start, key=_AT) : bisect.bisect_right(
            touches, as_of, key=_AT
        )
    ]
    heard = next((t for t in reversed(since) if t.kind == "heard_back"), None)
    check_ins = tuple(t for t in since if t.kind == "check_in")
    incoming = [t for t in since if t.direction == "in"]
    last_word = incoming[-1].at if incoming else interview.start
    interview_day = context.local_day(interview.start)
    # Any exchange about the job holds follow-ups back; news told to a friend who works there
    # (a network update) is about the person, not the employer's decision, and does not.
    company_touches = context.job_touches_with_company.get(company_key(opportunity.company), [])
    latest = _latest_before(company_touches, as_of)
    pester_floor = (
        calendar.add(context.local_day(latest.at), settings["no_pester_days"]) if latest else None
    )
    if heard is not None:
        return FollowUpState(
            opportunity=opportunity,
            interview=interview,
            state="heard_back",
            check_ins=check_ins,
            heard=heard,
            check_in_due=None,
            check_in_number=0,
            rule_date=None,
            quiet_from=None,
            help_from=None,
            last_word=last_word,
            pester_floor=pester_floor,
        )

    promised = interview.promised_by
    broken_from = calendar.add(promised, 1) if promised else None
    first_rule = broken_from or calendar.add(interview_day, settings["check_in_after_days"])
    quiet_from = None
    rule_date: Date | None
    if not check_ins:
        rule_date, number = first_rule, 1
    elif len(check_ins) < settings["max_check_ins"]:
        last = context.local_day(check_ins[-1].at)
        rule_date, number = calendar.add(last, settings["recheck_after_days"]), len(check_ins) + 1
    else:
        last = context.local_day(check_ins[-1].at)
        quiet_from = calendar.add(last, settings["recheck_after_days"])
        rule_date, number = None, 0
    due = None
    if rule_date is not None:
        due = max(rule_date, pester_floor) if pester_floor else rule_date

    if quiet_from is not None and day >= quiet_from:
        state = "gone_quiet"
    elif broken_from is not None and day >= broken_from:
        state = "promise_broken"
    else:
        state = "waiting"
    triggers = [d for d in (due, broken_from, quiet_from) if d is not None]
    if check_ins:
        triggers.append(context.local_day(check_ins[0].at))
    help_from = min(triggers) if triggers else None
    return FollowUpState(
        opportunity=opportunity,
        interview=interview,
        state=state,
        check_ins=check_ins,
        heard=None,
        check_in_due=due,
        check_in_number=number,
        rule_date=rule_date,
        quiet_from=quiet_from,
        help_from=help_from,
        last_word=last_word,
        pester_floor=pester_floor,
    )


def snoozed_due(context: Context, item_id: str, due: Date) -> Date:
    """``due``, or the later day the person snoozed the item to."""
    mark = context.marks.get(item_id)
    if mark is not None and mark.snoozed_to is not None and mark.snoozed_to > due:
        return mark.snoozed_to
    return due


_snoozed = snoozed_due


def open_questions(context: Context, advocate: Contact, as_of: DateTime) -> tuple[str, ...]:
    """The questions still worth asking ``advocate``: not answered by them recently.

    An answer counts for ``advocate_ask_every_days`` (a week): the next ask is not due before
    then, and by then the news is old enough to ask again. The Advocates screen, Today's ask
    and the composer all take their questions from here.
    """
    every = int(context.settings["advocate_ask_every_days"])
    fresh_from = context.local_day(as_of).subtract(days=every)
    answered: set[str] = set()
    for touch in context.touches_with_contact.get(advocate.id, []):
        if touch.kind != "advocate_ask" or touch.at > as_of:
            continue
        if context.local_day(touch.at) <= fresh_from:
            continue
        answered.update(key for key, answer in touch.answers.items() if answer.strip())
    return tuple(q for key, q in ADVOCATE_QUESTIONS.items() if key not in answered)


def least_recently_asked(context: Context, advocates: list[Contact]) -> tuple[Contact, Date | None]:
    def last_ask(contact: Contact) -> DateTime | None:
        asks = [
            t for t in context.touches_with_contact.get(contact.id, []) if t.kind == "advocate_ask"
        ]
        return asks[-1].at if asks else None

    def order(contact: Contact) -> tuple[bool, float]:
        asked = last_ask(contact)
        return (asked is not None, asked.timestamp() if asked else 0.0)

    chosen = min(advocates, key=order)  # never asked first, then the longest ago
    asked = last_ask(chosen)
    return chosen, context.local_day(asked) if asked else None


@dataclass(frozen=True, slots=True)
class AdvocateStep:
    """The advocate-side next step for one opportunity: ask one, or find one, from ``due``."""

    kind: str  # advocate_ask | find_advocate
    item_id: str
    due: Date
    advocate: Contact | None


def advocate_step(context: Context, state: FollowUpState, as_of: DateTime) -> AdvocateStep | None:
    """When and how an advocate should help, once an answer is overdue; ``None`` before that."""
    if state.help_from is None or state.state == "heard_back":
        return None
    opportunity = state.opportunity
    advocates = context.advocates_for(opportunity)
    every = context.settings["advocate_ask_every_days"]
    if not advocates:
        item_id = f"fa-{opportunity.id}"
        due = _snoozed(context, item_id, state.help_from)
        mark = context.marks.get(item_id)
        if mark is not None and mark.done_at is not None and mark.done_at <= as_of:
            due = max(due, context.local_day(mark.done_at).add(days=every))
        return AdvocateStep("find_advocate", item_id, due, None)
    asks = [
        t
        for t in context.touches_with_company.get(company_key(opportunity.company), [])
        if t.kind == "advocate_ask" and t.at <= as_of
    ]
    due = state.help_from
    if asks:
        due = max(due, context.local_day(asks[-1].at).add(days=every))
    if state.pester_floor is not None:
        due = max(due, state.pester_floor)
    item_id = f"aa-{opportunity.id}"
    advocate, _ = least_recently_asked(context, advocates)
    return AdvocateStep("advocate_ask", item_id, _snoozed(context, item_id, due), advocate)
