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
from .followups import FollowUpState
from .models import Contact, Interview, Records
from .silence import answers
from .steps import Step, opportunity_steps

__all__ = [
    "NextStep",
    "WaitingRoom",
    "WaitingRow",
    "answer_history",
    "waiting_room",
    "waiting_to_json",
]

STATE_ORDER = {"promise_broken": 0, "waiting": 1, "gone_quiet": 2, "heard_back": 3}

NextStep = Step
"""The waiting room's next step is the engine's one answer to "what is next" (:mod:`.steps`)."""


@dataclass(frozen=True, slots=True)
class WaitingRow:
    """One opportunity in the waiting room."""

    state: FollowUpState
    silence_days: int | None  # None once they have answered: nobody is silent
    next_step: Step | None
    advocates: tuple[Contact, ...]
    upcoming: Interview | None
    steps: tuple[Step, ...] = ()
    glow_until: DateTime | None = None  # the glow after its latest interview (felt good)
    glow_active: bool = False

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
    today: Date | None = None

    @property
    def glow(self) -> WaitingRow | None:
        """The row whose glow is on now, else the one whose glow ended last (or ``None``)."""
        glowing = [r for r in self.rows if r.glow_until is not None]
        if not glowing:
            return None
        active = [r for r in glowing if r.glow_active]
        if active:
            return min(active, key=lambda r: r.glow_until or r.interviewed_at)
        return max(glowing, key=lambda r: r.glow_until or r.interviewed_at)


def answer_history(context: Context) -> list[int]:
    """Days from each interview to the first answer after it, over the whole history."""
    # One rule for what an answer is, shared with the silence notes (tui.engine.silence).
    return [answer.days for answer in answers(context)]


def waiting_room(records: Records, now: DateTime) -> WaitingRoom:
    """The waiting room as of ``now``."""
    context = build_context(records, now)
    today = context.today
    rows = []
    hours = int(records.settings["glow_hours"])
    for opportunity in records.opportunities:
        state, steps = opportunity_steps(context, opportunity, context.now, today)
        if state is None:
            continue
        upcoming = next(
            (i for i in context.interviews_of.get(opportunity.id, []) if i.start > context.now),
            None,
        )
        silence = None
        if state.state != "heard_back":
            silence = today.toordinal() - context.local_day(state.last_word).toordinal()
        glow_until = None
        if hours and state.interview.felt in {"great", "good"}:
            glow_until = state.interview.start.add(hours=hours)
        rows.append(
            WaitingRow(
                state=state,
                silence_days=silence,
                next_step=steps[0] if steps else None,
                advocates=tuple(context.advocates_for(opportunity)),
                upcoming=upcoming,
                steps=tuple(steps),
                glow_until=glow_until,
                glow_active=glow_until is not None and glow_until > context.now,
            )
        )
    rows.sort(
        key=lambda r: (
            STATE_ORDER[r.state.state],
            -(r.silence_days if r.silence_days is not None else -1),
            r.company.casefold(),
        )
    )
    history = answer_history(context)
    median = statistics.median(history) if history else None
    return WaitingRoom(tuple(rows), median, len(history), today)


def waiting_to_json(room: WaitingRoom) -> dict[str, Any]:
    """The waiting room as ``nowwhat waiting --json`` prints it (field names are a contract)."""
    return {
        "opportunities": [
            {
                "id": row.state.opportunity.id,
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
                    {
                        "kind": row.next_step.kind,
                        "due": row.next_step.due.isoformat(),
                        "id": row.next_step.item_id,
                        "late": row.next_step.is_late(room.today) if room.today else False,
                    }
                    if row.next_step
                    else None
                ),
                "advocates": [c.name for c in row.advocates],
                "check_ins": len(row.state.check_ins),
                "glow_until": row.glow_until.isoformat() if row.glow_until else None,
                "glow_active": row.glow_active,
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
