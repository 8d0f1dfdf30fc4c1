"""One test per engine rule, at its boundaries, across a weekend and Thanksgiving (Thu 26 Nov 2026).

November 2026: Mon 16 ... Fri 20 | Sat 21 Sun 22 | Mon 23 Tue 24 Wed 25 [Thu 26 holiday] Fri 27
| Sat 28 Sun 29 | Mon 30, Tue 1 Dec ...
"""

from __future__ import annotations

import dataclasses
import datetime
import itertools
import sys
import time
from typing import ClassVar, NoReturn

import pendulum
import pytest
from world import World, deferred_of, everything, items_of

from tui.engine.calendar import BusinessCalendar
from tui.engine.plan import plan_day


def d(text: str) -> pendulum.Date:
    return pendulum.Date.fromisoformat(text)


# -- business days ---------------------------------------------------------------------------


def test_business_days_skip_weekends_and_the_countrys_holidays() -> None:
    us, nowhere = BusinessCalendar("US"), BusinessCalendar("")
    assert not us.is_business_day(d("2026-11-26"))  # Thanksgiving
    assert nowhere.is_business_day(d("2026-11-26"))  # no country: no holidays
    assert us.is_business_day(d("2026-11-27"))
    assert not us.is_business_day(d("2026-11-28"))  # Saturday
    assert us.add(d("2026-11-25"), 1) == d("2026-11-27")
    assert us.add(d("2026-11-20"), 1) == d("2026-11-23")
    assert us.add(d("2026-11-20"), 5) == d("2026-11-30")
    assert us.between(d("2026-11-23"), d("2026-11-30")) == 4
    assert us.holiday_name(d("2026-11-26")) == "Thanksgiving Day"
    assert BusinessCalendar("DE").is_business_day(d("2026-11-26"))


# -- 1. thank-you ----------------------------------------------------------------------------


def test_thank_you_appears_once_the_interview_has_happened(world: World) -> None:
    interview = world.interview("Acme", "2026-11-20 10:00")
    assert everything(world.plan("2026-11-20 09:59"), "thank_you") == []
    (item,) = everything(world.plan("2026-11-20 11:00"), "thank_you")
    assert item.id == f"ty-{interview.id}"
    assert item.due == d("2026-11-20") and item.overdue_days == 0


def test_thank_you_is_overdue_only_after_the_next_business_day(world: World) -> None:
    world.interview("Acme", "2026-11-20 10:00")  # Friday
    overdue = {
        day: everything(world.plan(f"{day} 08:00"), "thank_you")[0].overdue_days
        for day in ("2026-11-23", "2026-11-24", "2026-11-25", "2026-11-27")
    }
    # Monday is the deadline (the weekend does not count); Thanksgiving does not count either.
    assert overdue == {"2026-11-23": 0, "2026-11-24": 1, "2026-11-25": 2, "2026-11-27": 3}


def test_thank_you_deadline_skips_a_holiday(world: World) -> None:
    world.interview("Acme", "2026-11-25 10:00")  # the day before Thanksgiving
    (item,) = everything(world.plan("2026-11-27 08:00"), "thank_you")
    assert item.overdue_days == 0  # Friday is the first business day after


def test_a_logged_thank_you_ends_it_but_only_one_sent_after_the_interview(world: World) -> None:
    world.interview("Acme", "2026-11-20 10:00")
    world.touch("thank_you", "2026-11-19 16:00", company="Acme")  # for an earlier conversation
    assert len(everything(world.plan("2026-11-23 08:00"), "thank_you")) == 1
    world.touch("thank_you", "2026-11-20 17:00", company="acme")
    assert everything(world.plan("2026-11-23 08:00"), "thank_you") == []


def test_a_thank_you_logged_to_the_interviewer_alone_counts_for_the_interview(
    world: World,
) -> None:
    """A thank-you logged against the person (no opportunity picked) is still the one the plan
    asked for: the item shows done, not as still to send."""
    interview = world.interview("Acme", "2026-11-23 10:00")
    sam = world.contact("Sam Lee", company="Acme")
    world.touch("thank_you", "2026-11-23 15:00", contact=sam)
    (item,) = everything(world.plan("2026-11-23 16:00"), "thank_you")
    assert item.id == f"ty-{interview.id}" and item.done
    assert item.contact == "Sam Lee"


# -- 2. promise ------------------------------------------------------------------------------


def test_a_check_in_is_due_the_business_day_after_the_promise(world: World) -> None:
    world.interview("Acme", "2026-11-16 10:00", promised_by="2026-11-25")
    world.touch("thank_you", "2026-11-16 15:00", company="Acme")
    wednesday = world.plan("2026-11-25 08:00")
    assert everything(wednesday, "check_in") == []
    assert [s.state for s in wednesday.states] == ["waiting"]
    friday = world.plan("2026-11-27 08:00")  # Thursday is Thanksgiving
    (check_in,) = everything(friday, "check_in")
    assert check_in.due == d("2026-11-27") and check_in.id.startswith("ci1-")
    assert [s.state for s in friday.states] == ["promise_broken"]


def test_a_promise_on_friday_breaks_on_monday(world: World) -> None:
    world.interview("Acme", "2026-11-16 10:00", promised_by="2026-11-20")
    assert [s.state for s in world.plan("2026-11-20 16:00").states] == ["waiting"]
    plan = world.plan("2026-11-23 08:00")
    assert [s.state for s in plan.states] == ["promise_broken"]
    assert len(everything(plan, "check_in")) == 1


def test_hearing_back_stops_the_clock(world: World) -> None:
    world.interview("Acme", "2026-11-16 10:00", promised_by="2026-11-20")
    world.touch("heard_back", "2026-11-20 12:00", company="Acme", outcome="next_round")
    plan = world.plan("2026-11-30 08:00")
    assert everything(plan, "check_in") == [] and everything(plan, "advocate_ask") == []
    assert [s.state for s in plan.states] == ["heard_back"]


# -- 3. no promise ---------------------------------------------------------------------------


def test_without_a_promise_the_first_check_in_is_five_business_days_later(world: World) -> None:
    world.interview("Acme", "2026-11-20 10:00")
    world.touch("thank_you", "2026-11-20 15:00", company="Acme")
    # 23, 24, 25, (26 holiday), 27, 30: the fifth business day is Monday the 30th.
    assert everything(world.plan("2026-11-27 08:00"), "check_in") == []
    (item,) = everything(world.plan("2026-11-30 08:00"), "check_in")
    assert item.due == d("2026-11-30")


# -- 4. re-check and gone quiet --------------------------------------------------------------


def test_unanswered_check_ins_repeat_five_business_days_apart_then_go_quiet(world: World) -> None:
    world.interview("Acme", "2026-11-02 10:00")
    world.touch("thank_you", "2026-11-02 15:00", company="Acme")
    world.touch("check_in", "2026-11-09 10:00", company="Acme")
    # 10, (11 is Veterans Day), 12, 13, 16, 17: the second is due on Tuesday the 17th.
    assert everything(world.plan("2026-11-16 08:00"), "check_in") == []
    (second,) = everything(world.plan("2026-11-17 08:00"), "check_in")
    assert second.id.startswith("ci2-") and second.due == d("2026-11-17")
    world.touch("check_in", "2026-11-17 10:00", company="Acme")
    # 18, 19, 20, 23, 24: the third is due on Tuesday the 24th.
    assert everything(world.plan("2026-11-23 08:00"), "check_in") == []
    (third,) = everything(world.plan("2026-11-24 08:00"), "check_in")
    assert third.id.startswith("ci3-")
    world.touch("check_in", "2026-11-24 10:00", company="Acme")
    # After the third (at most 3): 25, 27, 30, 1, 2 -> gone quiet on Wed 2 Dec, no fourth.
    before = world.plan("2026-12-01 08:00")
    assert [s.state for s in before.states] == ["waiting"]
    quiet = world.plan("2026-12-02 08:00")
    assert [s.state for s in quiet.states] == ["gone_quiet"]
    assert everything(quiet, "check_in") == []
    (warning,) = [w for w in quiet.warnings if w.code == "gone_quiet"]
    assert "find someone inside" in warning.message and warning.company == "Acme"
    assert everything(quiet, "find_advocate")  # the next step is someone inside
    assert everything(world.plan("2027-01-15 08:00"), "check_in") == []


def test_a_check_in_at_the_interviews_own_minute_counts_as_the_first(world: World) -> None:
    """History entered by date alone puts an interview and a check-in on the same midnight:
    the follow-up rule counts that check-in, so the plan must show the first check-in done
    under the id it planned, not an extra one."""
    interview = world.interview("Acme", "2026-11-23 00:00")
    world.touch("check_in", "2026-11-23 00:00", company="Acme")
    (item,) = everything(world.plan("2026-11-23 16:00"), "check_in")
    assert item.id == f"ci1-{interview.id}" and item.done


# -- 5. no pestering -------------------------------------------------------------------------


def test_no_check_in_within_three_business_days_of_any_touch(world: World) -> None:
    world.interview("Acme", "2026-11-16 10:00", promised_by="2026-11-23")
    world.touch("thank_you", "2026-11-16 15:00", company="Acme")
    recruiter = world.contact("Dana", "ACME")
    world.touch("call", "2026-11-24 09:00", contact=recruiter, direction="in")
    # The promise breaks on Tue 24 but they called that day: 25, 27, 30 -> Monday.
    assert everything(world.plan("2026-11-27 08:00"), "check_in") == []
    (item,) = everything(world.plan("2026-11-30 08:00"), "check_in")
    assert item.due == d("2026-11-30")
    assert "Held until Mon 30 Nov" in item.reason


# -- 6. advocates ----------------------------------------------------------------------------


def test_an_overdue_answer_brings_an_advocate_ask_at_most_once_a_week(world: World) -> None:
    world.interview("Northwind Analytics", "2026-11-16 10:00", promised_by="2026-11-20")
    world.touch("thank_you", "2026-11-16 15:00", company="Northwind Analytics")
    priya = world.contact("Priya", "northwind analytics", tags=("advocate",))
    assert everything(world.plan("2026-11-20 08:00"), "advocate_ask") == []
    (ask,) = everything(world.plan("2026-11-23 08:00"), "advocate_ask")
    assert ask.contact == "Priya"
    assert "Has anything changed internally?" in ask.title
    assert "Is the job still posted?" in ask.title
    world.touch("advocate_ask", "2026-11-23 12:00", company="Northwind Analytics", contact=priya)
    assert everything(world.plan("2026-11-27 08:00"), "advocate_ask") == []
    assert everything(world.plan("2026-11-30 08:00"), "advocate_ask") != []


def test_no_advocate_ask_within_three_business_days_of_any_touch(world: World) -> None:
    world.interview("Northwind", "2026-11-16 10:00", promised_by="2026-11-20")
    world.touch("thank_you", "2026-11-16 15:00", company="Northwind")
    world.contact("Priya", "Northwind", tags=("advocate",))
    world.touch("call", "2026-11-20 16:00", company="Northwind", direction="in")
    # Due Mon 23 by the promise, but they called on Friday: 23, 24, 25 -> Wednesday.
    for day in ("2026-11-23", "2026-11-24"):
        assert everything(world.plan(f"{day} 08:00"), "advocate_ask") == [], day
    (ask,) = everything(world.plan("2026-11-25 08:00"), "advocate_ask")
    assert ask.due == d("2026-11-25")


def test_no_advocate_at_the_company_asks_you_to_find_one(world: World) -> None:
    world.interview("Bluefin", "2026-11-16 10:00", promised_by="2026-11-20")
    world.contact("Priya", "Northwind", tags=("advocate",))
    plan = world.plan("2026-11-23 08:00")
    (find,) = everything(plan, "find_advocate")
    assert find.title == "Find an advocate at Bluefin"
    assert everything(plan, "advocate_ask") == []


# -- 7. glow ---------------------------------------------------------------------------------


def test_glow_puts_calls_first_for_72_hours_after_a_good_interview() -> None:
    world = World(weekly_applications=0, weekly_networking_calls=0)
    world.interview("Acme", "2026-11-16 10:00", felt="great")
    world.task("Research Beta", "research", minutes=30)
    world.task("Cold call Gamma", "cold_call", minutes=30)
    plan = world.plan("2026-11-18 08:00")
    first = plan.blocks[0]
    assert first.layer == "search" and first.items[0].title == "Cold call Gamma"
    assert first.items[0].glow is True
    assert [g.company for g in plan.glow] == ["Acme"]
    assert plan.glow[0].until == world.at("2026-11-19 10:00")
    assert not any(i.glow for i in items_of(plan) if i.kind == "research")
    # Thursday: the glow ends at 10:00; at 11:00 it is gone.
    assert world.plan("2026-11-19 09:00").glow
    assert not world.plan("2026-11-19 11:00").glow


def test_glow_suggests_the_avoided_call_when_there_is_none() -> None:
    world = World(weekly_applications=0, weekly_networking_calls=0)
    world.interview("Acme", "2026-11-16 10:00", felt="good")
    (call,) = [i for i in world.plan("2026-11-17 08:00").items() if i.glow]
    assert call.kind == "networking_call" and "putting off" in call.title


def test_no_glow_after_an_ok_interview(world: World) -> None:
    world.interview("Acme", "2026-11-16 10:00", felt="ok")
    world.task("Cold call Gamma", "cold_call")
    plan = world.plan("2026-11-17 08:00")
    assert not plan.glow and not any(i.glow for i in plan.items())


def test_a_glow_of_zero_hours_turns_the_glow_off_on_past_days_too() -> None:
    """Setting the glow to 0 hours switches it off: looking back at the day of a great
    interview must not show a glow or a suggested call that was never planned."""
    world = World(weekly_applications=0, weekly_networking_calls=0, glow_hours=0)
    world.interview("Acme", "2026-11-23 10:00", felt="great")
    past = world.plan("2026-11-24 08:00", "2026-11-23")
    assert past.glow == () and not any(i.glow for i in past.items())
    assert not any(i.kind == "networking_call" for i in everything(past))


# -- 8. core network -------------------------------------------------------------------------


def test_core_contacts_hear_about_each_interview_and_every_21_days(world: World) -> None:
    elena = world.contact("Elena", tags=("core",))
    chris = world.contact("Chris", tags=("core",))
    world.contact("Not core", tags=("advocate",))
    world.touch("network_update", "2026-11-10 09:00", contact=elena)
    world.touch("network_update", "2026-11-17 09:00", contact=chris)
    world.interview("Acme", "2026-11-16 10:00", skills=("SQL", "storytelling"))
    updates = {i.contact: i for i in everything(world.plan("2026-11-18 08:00"), "network_update")}
    assert set(updates) == {"Elena"}  # Chris heard after the interview
    assert updates["Elena"].title.endswith("SQL and storytelling")
    assert updates["Elena"].layer == "search"


def test_a_core_contact_goes_stale_after_21_days(world: World) -> None:
    tom = world.contact("Tom", tags=("core",))
    world.touch("call", "2026-11-02 18:00", contact=tom)
    assert everything(world.plan("2026-11-20 08:00"), "network_update") == []  # 18 days
    (item,) = everything(world.plan("2026-11-23 08:00"), "network_update")  # 21 days
    assert item.title == "Catch up with Tom"


# -- 9. the sandwich -------------------------------------------------------------------------


def test_follow_up_takes_at_most_its_share_and_the_rest_moves_with_a_reason(world: World) -> None:
    for company in ("Acme", "Beta", "Gamma", "Delta", "Echo", "Foxtrot"):
        world.interview(company, "2026-11-20 10:00")  # six thank-yous of 15 min
    world.task("Research", "research", minutes=60)
    plan = world.plan("2026-11-23 08:00")
    assert plan.split.budget_minutes == 240
    assert plan.split.follow_up_cap_minutes == 72
    placed = items_of(plan, "thank_you")
    assert [i.company for i in placed] == ["Acme", "Beta", "Delta", "Echo"]  # ties by name
    assert plan.split.follow_up_minutes == 60
    moved = deferred_of(plan, "thank_you")
    assert {i.company for i in moved} == {"Foxtrot", "Gamma"}
    assert all("follow-up share" in x.reason and "Tue 24 Nov" in x.reason for x in plan.deferred)
    layers = [b.layer for b in plan.blocks]
    assert layers == ["search", "follow_up"]  # one search item: the second slice is empty


def test_blocks_go_search_follow_up_search_inside_work_hours(world: World) -> None:
    world.interview("Acme", "2026-11-20 10:00")
    for n in range(4):
        world.task(f"Apply {n}", "apply", minutes=45)
    plan = world.plan("2026-11-23 08:00")
    assert [b.layer for b in plan.blocks] == ["search", "follow_up", "search"]
    assert str(plan.blocks[0].start) == "09:00:00"
    ends = [(b.start, b.end) for b in plan.blocks]
    assert all(a[1] <= b[0] for a, b in itertools.pairwise(ends))


def test_an_interview_that_day_shrinks_the_budget_and_splits_a_block(world: World) -> None:
    world.interview("Acme", "2026-11-23 10:00", minutes=60)
    for n in range(5):
        world.task(f"Apply {n}", "apply", minutes=45)
    plan = world.plan("2026-11-23 08:00")
    assert plan.split.budget_minutes == 180
    for block in plan.blocks:
        assert block.end.hour * 60 + block.end.minute <= 10 * 60 or (
            block.start.hour * 60 + block.start.minute >= 11 * 60
        ), "no block overlaps the interview"
    assert len(plan.blocks) >= 2 and all(b.layer == "search" for b in plan.blocks)


def test_an_interview_outside_work_hours_takes_nothing_from_the_day(world: World) -> None:
    """An early breakfast interview or an evening call is not in the working day: the day
    shows no event for it and plans its work from the start of work hours."""
    world.interview("Acme", "2026-11-23 07:30", minutes=60)
    world.interview("Beta", "2026-11-23 17:30", minutes=60)
    task = world.task("Research Gamma", "research", minutes=30, due="2026-11-23")
    plan = world.plan("2026-11-23 07:00")
    assert plan.events == ()
    assert plan.split.budget_minutes == world.plan("2026-11-24 07:00").split.budget_minutes
    assert plan.blocks[0].start == pendulum.Time(9, 0) and plan.blocks[0].items[0].id == task.id


def test_a_rest_day_has_no_follow_up_and_says_so(world: World) -> None:
    world.interview("Acme", "2026-11-20 10:00", promised_by="2026-11-20")
    plan = world.plan("2026-11-26 09:00")  # Thanksgiving
    assert plan.business_day is False
    assert not any(b.layer == "follow_up" for b in plan.blocks)
    assert {i.kind for i in deferred_of(plan)} >= {"thank_you", "check_in"}
    assert all(x.to == d("2026-11-27") for x in plan.deferred)
    rest = [w for w in plan.warnings if w.code == "rest_day"]
    assert rest and "Thanksgiving" in rest[0].message


def test_a_rest_day_keeps_only_tasks_set_for_it_and_defers_the_rest_with_a_reason(
    world: World,
) -> None:
    world.task("Update the CV", "research")  # no due date: always due
    world.task("Apply at Beta", "apply", due="2026-11-24")  # overdue by Saturday
    world.task("Prepare the Acme case", "prep", due="2026-11-28")  # set for Saturday itself
    plan = world.plan("2026-11-28 09:00")
    assert plan.business_day is False
    assert [i.title for i in items_of(plan)] == ["Prepare the Acme case"]
    waiting = {x.item.title: x for x in plan.deferred}
    assert set(waiting) == {"Update the CV", "Apply at Beta"}
    assert all("rest day" in x.reason and x.to == d("2026-11-30") for x in waiting.values())


def test_weekly_goals_are_spread_over_the_weeks_business_days() -> None:
    world = World(weekly_applications=8, weekly_networking_calls=0)
    monday = world.plan("2026-11-23 08:00")
    goals = [i for i in everything(monday) if i.kind == "apply"]
    # Thanksgiving week has 4 business days: 8 * 1/4 = 2 on Monday.
    assert len(goals) == 2 and all(g.id.startswith("goal-apply-2026-11-23-") for g in goals)
    world.task("Apply at Beta", "apply", due="2026-11-23")
    assert len([i for i in everything(world.plan("2026-11-23 08:00")) if i.kind == "apply"]) == 2


# -- 10. keep searching ----------------------------------------------------------------------


def test_keep_searching_until_an_offer_is_in_hand() -> None:
    world = World(weekly_applications=10)
    world.opportunity("Acme")
    world.opportunity("Beta")
    plan = world.plan("2026-11-25 08:00")
    codes = {w.code for w in plan.warnings}
    assert {"keep_searching", "applications_behind"} <= codes
    world.opportunity("Gamma")
    world.opportunity("Delta", stage="rejected")
    assert "keep_searching" not in {w.code for w in world.plan("2026-11-25 08:00").warnings}
    world.opportunities.pop(2)
    world.opportunities.append(
        world.opportunities.pop(0).__class__(
            id="opp_offer", company="Offer Co", stage="offer", offer_in_hand=True
        )
    )
    codes = {w.code for w in world.plan("2026-11-25 08:00").warnings}
    assert "keep_searching" not in codes and "applications_behind" not in codes


def test_applications_behind_follows_the_pace_of_the_week_exactly() -> None:
    # 8 a week over Thanksgiving week's 4 business days: by Wednesday morning (2 days gone)
    # ceil(8 * 2 / 4) = 4 should be done.
    world = World(weekly_applications=8, min_active=0)
    for n in range(3):
        world.task(
            f"Apply {n}", "apply", status="done", done_at=world.at(f"2026-11-2{3 + n % 2} 1{n}:00")
        )
    assert "applications_behind" in {w.code for w in world.plan("2026-11-25 08:00").warnings}
    world.task("Apply 3", "apply", status="done", done_at=world.at("2026-11-24 16:00"))
    assert "applications_behind" not in {w.code for w in world.plan("2026-11-25 08:00").warnings}


def test_glow_lasts_72_real_hours_across_the_clock_change() -> None:
    # Clocks go back at 02:00 on Sun 1 Nov 2026: 72 hours after Fri 30 Oct 13:00 is Mon 12:00
    # (not 13:00, as adding three calendar days would say).
    world = World(weekly_applications=0, weekly_networking_calls=0)
    world.interview("Acme", "2026-10-30 13:00", felt="great")
    (glow,) = world.plan("2026-11-02 08:30").glow
    assert glow.until == world.at("2026-11-02 12:00")
    assert world.plan("2026-11-02 11:30").glow
    assert not world.plan("2026-11-02 12:30").glow


class _ClockWatch:
    """Records every read of the clock while it is on: pendulum's, datetime's and time's.

    Python-level readers (pendulum.now, DateTime.now, Date.today...) are patched to raise; C-level
    ones (datetime.datetime.now, time.time...) cannot be patched, so a profile hook notes each
    call to them, however they were imported.
    """

    C_READERS: ClassVar[set[tuple[object, str]]] = {
        (datetime.datetime, "now"),
        (datetime.datetime, "utcnow"),
        (datetime.datetime, "today"),
        (datetime.date, "today"),
        (time, "time"),
        (time, "time_ns"),
        (time, "localtime"),
        (time, "gmtime"),
        (time, "ctime"),
        (time, "strftime"),
    }

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.reads: list[str] = []
        self._readers = {(id(owner), name) for owner, name in self.C_READERS}

        def forbidden(*args: object, **kwargs: object) -> NoReturn:
            raise AssertionError("the engine read the clock")

        for owner, name in (
            (pendulum, "now"),
            (pendulum, "today"),
            (pendulum, "tomorrow"),
            (pendulum, "yesterday"),
            (pendulum, "local_timezone"),
            (pendulum.DateTime, "now"),
            (pendulum.DateTime, "today"),
            (pendulum.Date, "today"),
        ):
            monkeypatch.setattr(owner, name, forbidden)

    def _hook(self, frame: object, event: str, arg: object) -> None:
        if event == "c_call":
            name = getattr(arg, "__name__", "")
            if (id(getattr(arg, "__self__", None)), name) in self._readers:
                self.reads.append(name)

    def __enter__(self) -> _ClockWatch:
        sys.setprofile(self._hook)
        return self

    def __exit__(self, *exc: object) -> None:
        sys.setprofile(None)


def test_the_plan_never_reads_the_clock(monkeypatch: pytest.MonkeyPatch) -> None:
    """With every clock reader raising or noted, a plan (and the waiting room) is still made."""
    world = World()
    world.interview("Acme", "2026-11-20 10:00", felt="good", promised_by="2026-11-24")
    world.contact("Priya", "Acme", tags=("advocate",))
    world.task("Apply to Bluefin", kind="apply", due="2026-11-23")
    records, now = world.records(), world.at("2026-11-24 08:30")
    expected = plan_day(records, now)
    watch = _ClockWatch(monkeypatch)
    with watch:
        plan = plan_day(dataclasses.replace(records), now)
        tomorrow = plan_day(dataclasses.replace(records), now, d("2026-11-25"))
    assert watch.reads == []
    assert plan == expected and plan.items() and tomorrow.date == d("2026-11-25")
    # The watch itself notices a read, so the test above can fail.
    with watch:
        datetime.datetime.now()
        time.time()
    assert watch.reads == ["now", "time"]
    with pytest.raises(AssertionError, match="read the clock"):
        pendulum.now()


def test_counting_business_days_by_arithmetic_matches_counting_day_by_day() -> None:
    import random

    rng = random.Random(20261126)
    for country in ("US", "GB", ""):
        calendar = BusinessCalendar(country)
        for _ in range(300):
            start = d("2025-01-01").add(days=rng.randint(0, 700))
            end = start.add(days=rng.randint(-3, 400))
            slow, day = 0, start
            while day < end:
                day = day.add(days=1)
                slow += calendar.is_business_day(day)
            assert calendar.between(start, end) == slow, (country, start, end)
