"""The weekly goals' counting on its own: which day an application counts on, calls by day."""

from __future__ import annotations

import pendulum
from world import World

from tui.engine.context import build_context
from tui.engine.goals import applications_between, applied_day, calls_between


def d(text: str) -> pendulum.Date:
    return pendulum.Date.fromisoformat(text)


def test_an_application_counts_on_its_date_else_on_the_day_it_was_added_as_applied() -> None:
    world = World(weekly_applications=0, weekly_networking_calls=0)
    added = world.at("2026-11-17 23:30")  # late on Tuesday, New York time
    dated = world.opportunity("Acme", stage="applied", applied_on=d("2026-11-16"))
    undated = world.opportunity("Bluefin", stage="applied", created_at=added)
    lead = world.opportunity("Cobalt", stage="lead", created_at=added)
    context = build_context(world.records(), world.at("2026-11-20 08:00"))
    assert applied_day(context, dated) == d("2026-11-16")
    assert applied_day(context, undated) == d("2026-11-17")
    assert applied_day(context, lead) is None
    assert applications_between(context, d("2026-11-16"), d("2026-11-17")) == 1
    assert applications_between(context, d("2026-11-17"), d("2026-11-18")) == 1
    assert applications_between(context, d("2026-11-16"), d("2026-11-23")) == 2


def test_calls_count_on_the_days_they_were_made() -> None:
    world = World(weekly_applications=0, weekly_networking_calls=0)
    friend = world.contact("Dana")
    world.touch("call", "2026-11-17 09:00", contact=friend, direction="out")
    world.touch("call", "2026-11-17 23:59", contact=friend, direction="out")
    world.touch("call", "2026-11-18 00:00", contact=friend, direction="out")
    world.touch("call", "2026-11-17 12:00", contact=friend, direction="in")  # they called
    world.task(
        "Call Sam", kind="networking_call", status="done", done_at=world.at("2026-11-17 10:00")
    )
    context = build_context(world.records(), world.at("2026-11-20 08:00"))
    assert calls_between(context, d("2026-11-17"), d("2026-11-18")) == 3
    assert calls_between(context, d("2026-11-18"), d("2026-11-19")) == 1
    assert calls_between(context, d("2026-11-16"), d("2026-11-17")) == 0


def test_the_weeks_goal_items_are_planned_but_never_counted_as_late() -> None:
    world = World(weekly_applications=5, weekly_networking_calls=2)
    overdue = world.task("Send the portfolio", minutes=30, due="2026-11-20")
    plan = world.plan("2026-11-24 08:00")
    goals = [i for i in plan.items() if i.goal]
    assert goals and {i.kind for i in goals} <= {"apply", "networking_call"}
    assert all(i.overdue_days == 0 for i in goals)
    assert [i.id for i in plan.late()] == [overdue.id]


def test_an_application_made_today_counts_towards_todays_goal_items() -> None:
    world = World(weekly_applications=10, weekly_networking_calls=0)
    before = len([i for i in world.plan("2026-11-24 13:00").items() if i.goal])
    world.opportunity("Acme", stage="applied", applied_on=d("2026-11-24"))
    after = len([i for i in world.plan("2026-11-24 13:00").items() if i.goal])
    assert before >= 2 and after == before - 1
