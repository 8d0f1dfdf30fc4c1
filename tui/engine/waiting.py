"""The waiting room: every opportunity awaiting an answer, with honest clocks.

For each: when the interview was, what was promised, how long they have been silent, the state
(waiting, promise broken, gone quiet, heard back), the next step and its date, and who could
help from inside. Beside it, the person's own history: how long companies have taken to answer.
"""

from __future__ import annotations

import statistics
from dataclasses import dataclass
from typing import Any

from pendulum import Date, DateTime

from .context import Context, build_context
from .followups import FollowUpState, advocate_step, analyse
from .lookup import company_key
from .models import Contact, Interview, Records
from .silence import answers

__all__ = [
    "NextStep",
    "WaitingRoom",
    "WaitingRow",
    "answer_history",
    "waiting_room",
    "waiting_to_json",
]

STATE_ORDER = {"promise_broken": 0, "waiting": 1, "gone_quiet": 2, "heard_back": 3}


@dataclass(frozen=True, slots=True)
class NextStep:
    """What to do next for an opportunity, and from when."""

    kind: str
    due: Date
    late_after: Date | None = None  # a thank-you may wait a business day; others are late after due

    def is_late(self, today: Date) -> bool:
        """Still undone past its deadline on ``today``."""
        return today > (self.late_after or self.due)


@dataclass(frozen=True, slots=True)
class WaitingRow:
    """One opportunity in the waiting room."""

    state: FollowUpState
    silence_days: int
    next_step: NextStep | None
    advocates: tuple[Contact, ...]
    upcoming: Interview | None

    @property
    def company(self) -> str:
        return self.state.opportunity.company

    @property
    def interviewed_at(self) -> DateTime:
        return self.state.interview.start


@dataclass(frozen=True, slots=True)
class WaitingRoom:
    """All rows, and how long answers have taken before (median, in days)."""

    rows: tuple[WaitingRow, ...]
    median_answer_days: float | None
    answers_seen: int


def answer_history(context: Context) -> list[int]:
    """Days from each interview to the first answer after it, over the whole history."""
    # One rule for what an answer is, shared with the silence notes (tui.engine.silence).
    return [answer.days for answer in answers(context)]


def _next_step(
    context: Context, state: FollowUpState, upcoming: Interview | None
) -> NextStep | None:
    if state.state == "heard_back":
        return NextStep("interview", context.local_day(upcoming.start)) if upcoming else None
    steps = []
    company_touches = context.touches_with_company.get(company_key(state.opportunity.company), [])
    thanked = any(
        t.kind == "thank_you" and state.interview.start <= t.at <= context.now
        for t in company_touches
    )
    if not thanked:
        held = context.local_day(state.interview.start)
        steps.append(NextStep("thank_you", held, context.calendar.add(held, 1)))
    if state.check_in_due is not None:
        steps.append(NextStep("check_in", state.check_in_due))
    helper = advocate_step(context, state, context.now)
    if helper is not None:
        steps.append(NextStep(helper.kind, helper.due))
    return min(steps, key=lambda s: s.due) if steps else None


def waiting_room(records: Records, now: DateTime) -> WaitingRoom:
    """The waiting room as of ``now``."""
    context = build_context(records, now)
    today = context.today
    rows = []
    for opportunity in records.opportunities:
        state = analyse(context, opportunity, context.now, today)
        if state is None:
            continue
        upcoming = next(
            (i for i in context.interviews_of.get(opportunity.id, []) if i.start > context.now),
            None,
        )
        silence = (today - context.local_day(state.last_word)).days
        rows.append(
            WaitingRow(
                state=state,
                silence_days=silence,
                next_step=_next_step(context, state, upcoming),
                advocates=tuple(context.advocates_for(opportunity)),
                upcoming=upcoming,
            )
        )
    rows.sort(key=lambda r: (STATE_ORDER[r.state.state], -r.silence_days, r.company.casefold()))
    history = answer_history(context)
    median = statistics.median(history) if history else None
    return WaitingRoom(tuple(rows), median, len(history))


def waiting_to_json(room: WaitingRoom) -> dict[str, Any]:
    """The waiting room as ``nowwhat waiting --json`` prints it (field names are a contract)."""
    return {
        "opportunities": [
            {
                "company": row.company,
                "role": row.state.opportunity.role,
                "interviewed_at": row.interviewed_at.isoformat(),
                "promised_by": (
                    row.state.interview.promised_by.isoformat()
                    if row.state.interview.promised_by
                    else None
                ),
                "silence_days": row.silence_days,
                "state": row.state.state,
                "next_step": (
                    {"kind": row.next_step.kind, "due": row.next_step.due.isoformat()}
                    if row.next_step
                    else None
                ),
                "advocates": [c.name for c in row.advocates],
                "check_ins": len(row.state.check_ins),
                "posting": row.state.opportunity.posting or None,
                "posting_checked": (
                    row.state.opportunity.posting_checked.isoformat()
                    if row.state.opportunity.posting_checked
                    else None
                ),
            }
            for row in room.rows
        ],
        "history": {
            "median_answer_days": room.median_answer_days,
            "answers_seen": room.answers_seen,
        },
    }
