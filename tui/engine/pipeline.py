"""The pipeline: every opportunity by stage, and this week's progress against the weekly goals."""

from __future__ import annotations

from dataclasses import dataclass

from pendulum import DateTime

from .context import build_context
from .goals import GOALS, done_this_week, target_by
from .models import STAGES, Opportunity, Records

__all__ = ["GoalProgress", "Pipeline", "PipelineRow", "pipeline_view"]


@dataclass(frozen=True, slots=True)
class PipelineRow:
    """One opportunity with its interview count and its latest touch."""

    opportunity: Opportunity
    interviews: int
    last_touch: DateTime | None


@dataclass(frozen=True, slots=True)
class GoalProgress:
    """A weekly goal: done so far this week, the pace by today, the goal."""

    noun: str
    done: int
    pace: int
    goal: int


@dataclass(frozen=True, slots=True)
class Pipeline:
    rows: tuple[PipelineRow, ...]
    goals: tuple[GoalProgress, ...]
    active: int


def pipeline_view(records: Records, now: DateTime) -> Pipeline:
    """All opportunities in stage order (active first), and the week's goals."""
    context = build_context(records, now)
    today = context.today
    order = {stage: n for n, stage in enumerate(STAGES)}
    rows = []
    for opportunity in records.opportunities:
        touches = context.touches_of.get(opportunity.id, [])
        past = [t for t in touches if t.at <= context.now]
        rows.append(
            PipelineRow(
                opportunity=opportunity,
                interviews=len(context.interviews_of.get(opportunity.id, [])),
                last_touch=past[-1].at if past else None,
            )
        )
    rows.sort(
        key=lambda r: (
            not r.opportunity.active,
            -order[r.opportunity.stage],
            r.opportunity.company.casefold(),
        )
    )
    goals = tuple(
        GoalProgress(
            noun=goal.noun,
            done=done_this_week(context, goal, today),
            pace=target_by(context, goal, today),
            goal=int(records.settings[goal.setting]),
        )
        for goal in GOALS
    )
    return Pipeline(tuple(rows), goals, sum(1 for o in records.opportunities if o.active))
