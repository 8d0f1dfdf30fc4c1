"""Weekly goals (applications, networking calls) spread pro rata over the week's business days.

By the end of the k-th of n business days, ``ceil(goal * k / n)`` should be done. What is still
missing by today is today's share: the person's own tasks of that kind fill it first, the rest
become goal items. Marking a goal item done stores a finished task under the item's id, so it
counts towards the week like any other.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from pendulum import Date

from .context import Context
from .items import PlanItem
from .lookup import company_key
from .models import Opportunity

__all__ = [
    "GOALS",
    "Goal",
    "applications_between",
    "applied_day",
    "calls_between",
    "goal_items",
    "week_days",
]


@dataclass(frozen=True, slots=True)
class Goal:
    """One weekly goal: which setting, which task kind, how its items are named."""

    setting: str
    kind: str
    prefix: str
    noun: str


GOALS = (
    Goal("weekly_applications", "apply", "apply", "applications"),
    Goal("weekly_networking_calls", "networking_call", "call", "networking calls"),
)


def week_days(context: Context, day: Date) -> list[Date]:
    """The business days of ``day``'s week (Monday to Sunday)."""
    monday = day.subtract(days=day.isoweekday() - 1)
    days = (monday.add(days=i) for i in range(7))
    return [d for d in days if context.calendar.is_business_day(d)]


def _monday(day: Date) -> Date:
    return day.subtract(days=day.isoweekday() - 1)


def applied_day(context: Context, opportunity: Opportunity) -> Date | None:
    """The day the person applied: the applied date, else the day an opportunity added as
    applied was added (the form and ``add opportunity`` leave the date empty by default).
    The context keeps these for every opportunity (``Context.applied``)."""
    if opportunity.applied_on is not None:
        return opportunity.applied_on
    if opportunity.stage == "applied" and opportunity.created_at is not None:
        return context.local_day(opportunity.created_at)
    return None


def applications_between(context: Context, start: Date, end: Date) -> int:
    """Applications made on days in ``[start, end)``: finished apply tasks and applied dates."""
    seen: set[str] = set()
    for task in context.finished_between(context.bounds(start)[0], context.bounds(end)[0]):
        if task.kind == "apply":
            seen.add(company_key(task.company) if task.company else task.id)
    seen.update(key for applied, key in context.applied if start <= applied < end)
    return len(seen)


def calls_between(context: Context, start: Date, end: Date) -> int:
    """Networking calls made on days in ``[start, end)``: finished call tasks and logged calls."""
    first, stop = context.bounds(start)[0], context.bounds(end)[0]
    tasks = context.finished_between(first, stop)
    touches = context.touches_between(first, stop)
    return sum(t.kind == "networking_call" for t in tasks) + sum(
        t.kind == "call" and t.direction == "out" for t in touches
    )


def _counter(goal: Goal) -> Callable[[Context, Date, Date], int]:
    return applications_between if goal.kind == "apply" else calls_between


def target_by(context: Context, goal: Goal, day: Date, *, through: bool = True) -> int:
    """How many should be done by the end of ``day`` (or of the business day before it)."""
    days = week_days(context, day)
    if not days:
        return 0
    k = sum(1 for d in days if d < day or (through and d == day))
    return math.ceil(int(context.settings[goal.setting]) * k / len(days))


def done_this_week(context: Context, goal: Goal, day: Date, *, through: bool = True) -> int:
    """How many were done this week before ``day`` (or through it)."""
    end = day.add(days=1) if through else day
    return _counter(goal)(context, _monday(day), end)


def goal_items(context: Context, day: Date, already: Iterable[PlanItem]) -> list[PlanItem]:
    """Today's goal items: the pro-rata shortfall not already covered by ``already`` items."""
    if not context.calendar.is_business_day(day):
        return []
    planned = list(already)
    finished = {t.id: t for t in context.records.tasks if t.status == "done"}
    items: list[PlanItem] = []
    for goal in GOALS:
        weekly = context.settings[goal.setting]
        if not weekly:
            continue
        needed = target_by(context, goal, day) - done_this_week(context, goal, day, through=False)
        covered = sum(1 for item in planned if item.kind == goal.kind and not item.goal)
        if goal.kind == "apply":
            covered += sum(1 for applied, _ in context.applied if applied == day)
        so_far = done_this_week(context, goal, day, through=False)
        minutes = context.settings["minutes_apply" if goal.kind == "apply" else "minutes_call"]
        for number in range(1, max(0, needed - covered) + 1):
            item_id = f"goal-{goal.prefix}-{day.isoformat()}-{number}"
            task = finished.get(item_id)
            mark = context.marks.get(item_id)
            if task is None and mark is not None and mark.snoozed_to and mark.snoozed_to > day:
                continue  # not today; a later day's share includes it again if still missing
            what = "Apply for a new role" if goal.kind == "apply" else "Make a networking call"
            items.append(
                PlanItem(
                    id=item_id,
                    kind=goal.kind,
                    title=task.title if task else what,
                    minutes=minutes,
                    due=day,
                    reason=f"Weekly goal: {weekly} {goal.noun}; {so_far} done so far this week.",
                    done=task is not None,
                    goal=True,
                    source_id=task.id if task else None,
                    rank=(3, number, ""),
                )
            )
    return items
