"""Plain listings for pipes and scripts: one line a record, colour-free, never cut, ids last.

A Rich table wraps and cuts cells to the terminal's width ("Northw…" through a pipe); these
lines keep every value whole, in columns as wide as their longest value, so ``grep`` and
``awk`` see what the person typed, and the id at the end is what ``set-stage``, ``log`` and
``delete`` take.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from pendulum import DateTime

from .engine.advocates import AdvocateRow
from .engine.items import KIND_LABEL
from .engine.pipeline import Pipeline
from .engine.text import visible
from .engine.waiting import WaitingRoom
from .engine.when import short_day

__all__ = ["pipeline_to_json", "plain_advocates", "plain_pipeline", "plain_waiting"]

STATE_WORDS = {
    "waiting": "waiting",
    "promise_broken": "promise broken",
    "gone_quiet": "gone quiet",
    "heard_back": "heard back",
}


def _columns(header: Sequence[str], rows: Sequence[Sequence[str]], empty: str) -> str:
    """Aligned columns, two spaces apart, with a header line; ``empty`` when there are no rows."""
    if not rows:
        return empty + "\n"
    cells = [[visible(c) for c in row] for row in (header, *rows)]
    widths = [max(len(row[n]) for row in cells) for n in range(len(header))]
    lines = [
        "  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)).rstrip() for row in cells
    ]
    return "\n".join(lines) + "\n"


def plain_waiting(room: WaitingRoom, now: DateTime, tz: str) -> str:
    """``nowwhat waiting --plain``: who owes an answer, one line each."""
    today = now.in_timezone(tz).date()
    rows = []
    for row in room.rows:
        opportunity = row.state.opportunity
        promised = row.state.interview.promised_by
        step = row.next_step
        if step is None:
            next_step = "-"
        else:
            when = "today" if step.due == today else short_day(step.due)
            late = " (late)" if step.is_late(today) else ""
            next_step = f"{KIND_LABEL.get(step.kind, step.kind)} {when}{late}"
        rows.append(
            [
                opportunity.company,
                opportunity.role or "-",
                STATE_WORDS[row.state.state],
                f"{row.silence_days} d",
                short_day(promised) if promised else "-",
                next_step,
                ", ".join(c.name for c in row.advocates) or "-",
                opportunity.id,
            ]
        )
    header = ["company", "role", "state", "silent", "promised", "next step", "advocates", "id"]
    return _columns(header, rows, "Nobody owes you an answer yet.")


def plain_advocates(advocates: Sequence[AdvocateRow]) -> str:
    """``nowwhat advocates --plain``: the people inside, one line each."""
    rows = []
    for row in advocates:
        asked = "never" if row.days_since is None else f"{row.days_since} d ago"
        rows.append(
            [
                row.contact.name,
                row.contact.company or "-",
                asked,
                str(len(row.open_questions)),
                ", ".join(o.company for o, _ in row.helps) or "-",
                row.contact.id,
            ]
        )
    header = ["name", "company", "last asked", "open questions", "can help with", "id"]
    return _columns(header, rows, "No advocates yet (nowwhat add contact --advocate ...).")


def plain_pipeline(pipeline: Pipeline, tz: str) -> str:
    """``nowwhat pipeline``: every opportunity by stage, and the week against its goals."""
    rows = []
    for row in pipeline.rows:
        opportunity = row.opportunity
        rows.append(
            [
                opportunity.company,
                opportunity.role or "-",
                opportunity.stage + (" (in hand)" if opportunity.offer_in_hand else ""),
                short_day(opportunity.applied_on) if opportunity.applied_on else "-",
                str(row.interviews),
                short_day(row.last_touch.in_timezone(tz).date()) if row.last_touch else "-",
                opportunity.id,
            ]
        )
    header = ["company", "role", "stage", "applied", "interviews", "last touch", "id"]
    table = _columns(header, rows, "No opportunities yet (nowwhat add opportunity --company ...).")
    goals = "".join(
        f"{goal.noun}: {goal.done}/{goal.goal} this week ({goal.pace} by tonight to keep pace)\n"
        for goal in pipeline.goals
    )
    return f"{table}\n{goals}active opportunities: {pipeline.active}\n"


def pipeline_to_json(pipeline: Pipeline) -> dict[str, Any]:
    """``nowwhat pipeline --json``: each opportunity by id, and the week's goals."""
    return {
        "opportunities": [
            {
                "id": row.opportunity.id,
                "company": row.opportunity.company,
                "role": row.opportunity.role,
                "stage": row.opportunity.stage,
                "offer_in_hand": row.opportunity.offer_in_hand,
                "applied_on": (
                    row.opportunity.applied_on.isoformat() if row.opportunity.applied_on else None
                ),
                "interviews": row.interviews,
                "last_touch": row.last_touch.isoformat() if row.last_touch else None,
            }
            for row in pipeline.rows
        ],
        "goals": [
            {"goal": goal.noun, "done": goal.done, "pace": goal.pace, "target": goal.goal}
            for goal in pipeline.goals
        ],
        "active": pipeline.active,
    }
