"""Living in it every day: the plan knows the time, prep comes before its interview, the glow
fades visibly, avoided tasks are named, and the search's ending (an offer, a closed door) shows.

November 2026: Mon 23 Tue 24 Wed 25 [Thu 26 Thanksgiving] Fri 27 | Mon 30, Tue 1 Dec, Wed 2 Dec.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pendulum
import pytest
from world import World, everything, items_of

from tui import actions
from tui.demo import write_demo_copy
from tui.engine.compose import situation_for
from tui.engine.pipeline import pipeline_view
from tui.engine.plan import DayPlan, GlowWindow, plan_day, plan_to_json
from tui.engine.waiting import waiting_room
from tui.store import Store


def d(text: str) -> pendulum.Date:
    return pendulum.Date.fromisoformat(text)


def slots(plan: DayPlan) -> dict[str, str]:
    """Where each placed item starts, as ``HH:MM``."""
    found = {}
    for block in plan.blocks:
        minute = block.start.hour * 60 + block.start.minute
        for item in block.items:
            found[item.id] = f"{minute // 60:02d}:{minute % 60:02d}"
            minute += item.minutes
    return found


def quiet_world() -> World:
    return World(weekly_applications=0, weekly_networking_calls=0)


# -- 13 §2: the plan starts from now ----------------------------------------------------------


def test_todays_plan_starts_from_now_and_done_items_keep_their_slot() -> None:
    world = quiet_world()
    research = world.task("Research Beta", "research", minutes=60, due="2026-11-24")
    apply = world.task("Apply at Gamma", "apply", minutes=45, due="2026-11-24")
    cv = world.task("Update CV", "other", minutes=30, due="2026-11-24")
    morning = world.plan("2026-11-24 08:00")
    assert slots(morning) == {research.id: "09:00", apply.id: "10:00", cv.id: "10:45"}
    world.tasks[-1] = dataclasses.replace(cv, status="done", done_at=world.at("2026-11-24 09:10"))
    afternoon = world.plan("2026-11-24 13:02")
    # Nothing new before the current time (rounded up to 5 minutes); the done one stays put.
    assert slots(afternoon) == {cv.id: "10:45", research.id: "13:05", apply.id: "14:05"}
    assert afternoon.now == pendulum.Time(13, 2) and afternoon.open_from == pendulum.Time(13, 5)
    assert afternoon.split.done_search_minutes == 30


def test_at_three_the_plan_is_what_fits_before_five() -> None:
    world = quiet_world()
    tasks = [world.task(f"Task {n}", "research", minutes=45, due="2026-11-24") for n in range(6)]
    plan = world.plan("2026-11-24 15:00")
    assert slots(plan) == {tasks[0].id: "15:00", tasks[1].id: "15:45"}
    assert plan.split.budget_minutes == 120  # the two hours left, not the day's 240
    assert [d.item.id for d in plan.deferred] == [t.id for t in tasks[2:]]
    assert {d.reason for d in plan.deferred} == {
        "no time left before 17:00 (it is 15:00): moves to Wed 25 Nov"
    }


def test_after_hours_the_plan_says_so_and_shows_tomorrows_first_block() -> None:
    world = quiet_world()
    tasks = [world.task(f"Task {n}", "research", minutes=45, due="2026-11-24") for n in range(3)]
    plan = world.plan("2026-11-24 18:30")
    assert plan.after_hours and plan.items() == []
    assert [d.item.id for d in plan.deferred] == [t.id for t in tasks]
    assert {d.reason for d in plan.deferred} == {
        "the working day ended at 17:00: moves to Wed 25 Nov"
    }
    tomorrow = world.plan("2026-11-24 18:30", "2026-11-25")
    assert plan.next_day == d("2026-11-25")
    assert plan.next_block == tomorrow.blocks[0] and tomorrow.blocks[0].items
    assert not world.plan("2026-11-24 16:00").after_hours


def test_late_items_are_counted_once() -> None:
    world = quiet_world()
    world.task("Late one", "research", minutes=30, due="2026-11-20")
    world.task("Late two", "research", minutes=30, due="2026-11-23")
    world.task("On time", "research", minutes=30, due="2026-11-24")
    plan = world.plan("2026-11-24 08:00")
    assert sorted(i.title for i in plan.late()) == ["Late one", "Late two"]


# -- 13 §2: prep before its interview ----------------------------------------------------------


def _prep_world() -> tuple[World, str]:
    world = quiet_world()
    world.interview("Harbor & Pine", "2026-12-02 15:00", kind="onsite", minutes=120)
    for n in range(3):  # older own work, ranked before the prep by its due date
        world.task(f"Apply {n}", "apply", minutes=45, due="2026-11-30")
    prep = world.task(
        "Prepare for the onsite", "prep", minutes=45, due="2026-12-01", company="Harbor & Pine"
    )
    return world, prep.id


def test_prep_is_planned_before_its_interview() -> None:
    world, prep = _prep_world()
    wednesday = world.plan("2026-12-02 08:00")  # 120 minutes: the onsite takes the rest
    assert slots(wednesday)[prep] == "09:00"
    (item,) = [i for i in wednesday.items() if i.id == prep]
    assert item.reason.endswith("Before the Harbor & Pine onsite (Wed 2 Dec 15:00).")
    at_noon = world.plan("2026-12-02 12:00")
    assert slots(at_noon)[prep] == "12:00"


def test_prep_that_cannot_fit_before_its_interview_never_moves_past_it() -> None:
    world, prep = _prep_world()
    tight = world.plan("2026-12-02 14:30")
    (left,) = [x for x in tight.deferred if x.item.id == prep]
    assert (left.to, left.reason) == (
        d("2026-12-02"),
        "no room before the Harbor & Pine onsite at 15:00",
    )
    begun = world.plan("2026-12-02 15:10")
    (left,) = [x for x in begun.deferred if x.item.id == prep]
    assert left.to == d("2026-12-02") and "has begun" in left.reason
    assert prep not in {i.id for i in everything(world.plan("2026-12-03 08:00"))}


def test_the_demos_prep_stays_before_wednesdays_onsite(tmp_path: Path) -> None:
    wednesday = pendulum.Date(2026, 12, 2)
    records = Store(write_demo_copy(tmp_path, wednesday)).records()
    for clock in ("08:30", "09:00", "11:00", "13:00", "14:20", "15:00", "16:00", "18:30"):
        now = pendulum.parse(f"2026-12-02 {clock}", tz="America/New_York")
        plan = plan_day(records, now)  # type: ignore[arg-type]
        moved = [x for x in plan.deferred if x.item.id == "tsk_harbor_prep"]
        assert all(x.to == wednesday for x in moved), (clock, moved)
        if clock <= "13:00":
            assert "tsk_harbor_prep" in slots(plan), clock
    thursday = plan_day(records, pendulum.datetime(2026, 12, 3, 9, tz="America/New_York"))
    assert "tsk_harbor_prep" not in {i.id for i in thursday.items()}


# -- 13 §2 / 18: the glow, visible whenever it applies ------------------------------------------


def test_the_glow_shows_on_a_rest_day_and_the_waiting_room_says_when_it_ended() -> None:
    world = quiet_world()
    world.interview("Acme", "2026-11-20 11:00", felt="good")  # Friday
    saturday = world.plan("2026-11-21 10:00")
    assert saturday.glow == (GlowWindow("Acme", world.at("2026-11-23 11:00")),)
    (row,) = waiting_room(world.records(), world.at("2026-11-23 09:00")).rows
    assert row.glow_active and row.glow_until == world.at("2026-11-23 11:00")
    room = waiting_room(world.records(), world.at("2026-11-23 12:00"))
    assert room.glow is room.rows[0] and not room.rows[0].glow_active  # ended, and says when


def test_an_interview_that_felt_rough_gets_no_glow() -> None:
    world = quiet_world()
    world.interview("Acme", "2026-11-23 10:00", felt="rough")
    world.task("Cold call Gamma", "cold_call", minutes=30)
    plan = world.plan("2026-11-24 08:00")
    assert not plan.glow and not any(i.glow for i in plan.items())
    (row,) = waiting_room(world.records(), world.at("2026-11-24 08:00")).rows
    assert row.glow_until is None


# -- 18: the calls you keep avoiding --------------------------------------------------------


def test_a_task_snoozed_twice_is_avoided_and_the_glow_puts_it_first() -> None:
    world = quiet_world()
    world.interview("Acme", "2026-11-23 10:00", felt="great")  # glow until Thu 10:00
    research = world.task("Research Beta", "research", minutes=30)
    call = world.task("Cold call Gamma", "cold_call", minutes=30)
    portfolio = world.task("Refresh the portfolio", "other", minutes=40)
    world.mark(portfolio.id, snoozed_to="2026-11-20")
    world.mark(portfolio.id, snoozed_to="2026-11-23")
    plan = world.plan("2026-11-24 08:00")
    first = plan.blocks[0].items
    assert [i.id for i in first[:2]] == [portfolio.id, call.id]  # any kind: avoided first
    assert first[0].glow and first[0].avoided and first[0].put_off == 2
    assert first[0].reason.endswith("You have put this off twice — now is the moment.")
    assert not next(i for i in plan.items() if i.id == research.id).avoided
    # Outside the glow: marked quietly, in its usual place.
    friday = world.plan("2026-11-27 08:00")
    (item,) = [i for i in friday.items() if i.id == portfolio.id]
    assert item.avoided and not item.glow and item.reason.endswith("You have put this off twice.")
    assert friday.items()[0].id == research.id


def test_a_task_left_to_slide_twice_is_avoided_and_the_setting_decides_how_often() -> None:
    world = quiet_world()
    task = world.task("Apply at Fernway", "apply", minutes=60, due="2026-11-23")
    assert not next(i for i in world.plan("2026-11-24 08:00").items() if i.id == task.id).avoided
    item = next(i for i in world.plan("2026-11-25 08:00").items() if i.id == task.id)
    assert item.avoided and item.put_off == 2
    strict = World(weekly_applications=0, weekly_networking_calls=0, avoided_after=3)
    strict.task("Apply at Fernway", "apply", minutes=60, due="2026-11-23")
    assert not any(i.avoided for i in strict.plan("2026-11-25 08:00").items())


def test_a_follow_up_snoozed_twice_is_avoided_too() -> None:
    world = quiet_world()
    interview = world.interview("Acme", "2026-11-16 10:00", promised_by="2026-11-18")
    world.touch("thank_you", "2026-11-16 15:00", company="Acme")
    world.mark(f"ci1-{interview.id}", snoozed_to="2026-11-20")
    world.mark(f"ci1-{interview.id}", snoozed_to="2026-11-23")
    (check_in,) = everything(world.plan("2026-11-23 08:00"), "check_in")
    assert check_in.avoided and check_in.put_off == 2


def test_a_follow_up_snoozed_once_tells_scripts_it_was_put_off_once() -> None:
    """``nowwhat today --json`` gives each item's put-off count, as it does for own tasks, so a
    script can see an item sliding before it turns avoided."""
    world = quiet_world()
    interview = world.interview("Acme", "2026-11-16 10:00", promised_by="2026-11-18")
    world.touch("thank_you", "2026-11-16 15:00", company="Acme")
    world.mark(f"ci1-{interview.id}", snoozed_to="2026-11-23")
    plan = world.plan("2026-11-23 08:00")
    (check_in,) = everything(plan, "check_in")
    assert check_in.put_off == 1 and not check_in.avoided
    data = plan_to_json(plan)
    rows = [*(i for b in data["blocks"] for i in b["items"]), *data["deferred"]]
    (shown,) = [i for i in rows if i["id"] == check_in.id]
    assert shown["put_off"] == 1


def test_snoozing_a_task_leaves_a_mark_the_engine_counts(store: Store) -> None:
    now = pendulum.datetime(2026, 11, 23, 9, tz="America/New_York")
    task = actions.add_task(store, now, title="Cold call Meridian", kind="cold_call", minutes=30)
    actions.snooze_item(store, now, task.id)
    actions.snooze_item(store, now.add(days=1), task.id)
    records = store.records()
    assert [m.item_id for m in records.marks] == [task.id, task.id]
    plan = plan_day(records, pendulum.datetime(2026, 11, 25, 8, tz="America/New_York"))
    (item,) = [i for i in plan.items() if i.id == task.id]
    assert item.avoided and item.put_off == 2


# -- 13 §1: the search's ending ---------------------------------------------------------------


def test_an_opportunity_added_as_applied_counts_towards_the_week() -> None:
    world = World()
    now = "2026-11-25 10:00"
    assert pipeline_view(world.records(), world.at(now)).goals[0].done == 0
    world.opportunity("Zeta", stage="applied", created_at=world.at("2026-11-25 09:00"))
    world.opportunity("Yeta", stage="applied", applied_on=d("2026-11-24"))
    world.opportunity("Old", stage="applied", created_at=world.at("2026-11-13 09:00"))
    world.opportunity("Lead", stage="lead", created_at=world.at("2026-11-25 09:00"))
    assert pipeline_view(world.records(), world.at(now)).goals[0].done == 2


def test_an_offer_in_hand_ends_the_warning_and_suggests_close_outs() -> None:
    world = World(weekly_applications=10)
    world.interview("Acme", "2026-11-16 10:00", promised_by="2026-11-18")
    world.touch("thank_you", "2026-11-16 15:00", company="Acme")
    world.contact("Ana", "Acme", relation="recruiter")
    world.opportunity("Beta")
    world.opportunity("Lead Co", stage="lead")
    world.opportunity("Offer Co", stage="offer", offer_in_hand=True)
    plan = world.plan("2026-11-25 08:00")
    codes = {w.code for w in plan.warnings}
    assert "keep_searching" not in codes and "applications_behind" not in codes
    assert "offer_in_hand" in codes
    close_outs = everything(plan, "close_out")
    assert sorted(i.company for i in close_outs) == ["Acme", "Beta"]  # not the lead, not the offer
    assert everything(plan, "check_in") == [] and not any(i.goal for i in everything(plan))
    records = world.records()
    acme = records.opportunities[0]
    situation = situation_for(records, world.at("2026-11-25 08:00"), opportunity=acme)
    assert situation.template == "close_out" and situation.contact is not None
    assert "received an offer" in situation.values["close_out_news"]
    # Sending it ends the step.
    world.touch("close_out", "2026-11-25 10:00", company="Acme")
    later = world.plan("2026-11-25 11:00")
    assert [i.done for i in everything(later, "close_out") if i.company == "Acme"] == [True]
    assert "Acme" not in {i.company for i in everything(world.plan("2026-11-27 08:00"))}


@pytest.mark.parametrize("stage", ["rejected", "withdrawn", "closed"])
def test_a_closed_opportunity_has_no_follow_ups_advocate_asks_or_waiting_row(stage: str) -> None:
    world = quiet_world()
    world.interview("Acme", "2026-11-02 10:00", promised_by="2026-11-04")
    world.contact("Priya", "Acme", tags=("advocate",))
    world.interview("Beta", "2026-11-02 10:00", promised_by="2026-11-04")  # no advocate
    assert {i.kind for i in everything(world.plan("2026-11-23 08:00"))} >= {
        "thank_you",
        "check_in",
        "advocate_ask",
        "find_advocate",
    }
    for n, opportunity in enumerate(world.opportunities):
        world.opportunities[n] = opportunity.__class__(
            id=opportunity.id, company=opportunity.company, stage=stage
        )
    assert everything(world.plan("2026-11-23 08:00")) == []
    assert waiting_room(world.records(), world.at("2026-11-23 08:00")).rows == ()
    assert items_of(world.plan("2026-11-24 08:00")) == []


def test_a_task_without_a_due_day_is_never_overdue() -> None:
    world = World(weekly_applications=0, weekly_networking_calls=0)
    world.task("Read about the company", kind="research", minutes=20)
    world.task("Apply at Orbit", kind="apply", minutes=30, due="2026-11-19")
    tasks = {i.title: i.overdue_days for i in everything(world.plan("2026-11-23 08:00"))}
    assert tasks == {"Read about the company": 0, "Apply at Orbit": 2}
