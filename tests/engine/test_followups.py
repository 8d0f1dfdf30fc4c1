"""The follow-up clocks at their edges: snoozes of every kind, the advocate schedule, the wording.

November 2026: Mon 2 ... Fri 6 | Mon 9 ... Fri 13 | Mon 16 ... Fri 20 | Mon 23 Tue 24 Wed 25
[Thu 26 Thanksgiving] Fri 27 | Mon 30.
"""

from __future__ import annotations

import pendulum
import pytest
from world import World, everything

from tui.engine.context import build_context
from tui.engine.followups import advocate_step, analyse, snoozed_due


def d(text: str) -> pendulum.Date:
    return pendulum.Date.fromisoformat(text)


def ids(world: World, now: str, kind: str) -> list[str]:
    return [item.id for item in everything(world.plan(now), kind)]


# -- snoozing, every kind of item -----------------------------------------------------------


def _waiting(world: World, *, advocate: bool) -> None:
    """Acme interviewed Mon 16, promised Fri 20, no word: on Mon 23 everything is due."""
    world.interview("Acme", "2026-11-16 10:00", promised_by="2026-11-20")
    if advocate:
        world.contact("Priya", "Acme", tags=("advocate",))


@pytest.mark.parametrize(
    ("kind", "advocate"),
    [("thank_you", False), ("check_in", False), ("advocate_ask", True), ("find_advocate", False)],
)
def test_a_snoozed_follow_up_leaves_today_and_comes_back_on_its_day(
    world: World, kind: str, advocate: bool
) -> None:
    _waiting(world, advocate=advocate)
    (item_id,) = ids(world, "2026-11-23 08:00", kind)
    world.mark(item_id, snoozed_to="2026-11-25")
    assert ids(world, "2026-11-23 08:00", kind) == []
    assert ids(world, "2026-11-24 08:00", kind) == []
    assert ids(world, "2026-11-25 08:00", kind) == [item_id]


def test_a_snoozed_thank_you_is_not_late_before_the_day_it_was_snoozed_to(world: World) -> None:
    world.interview("Acme", "2026-11-16 10:00")
    world.mark(f"ty-{world.interviews[0].id}", snoozed_to="2026-11-19")
    assert ids(world, "2026-11-18 08:00", "thank_you") == []
    (item,) = everything(world.plan("2026-11-19 08:00"), "thank_you")
    assert item.due == d("2026-11-19") and item.overdue_days == 0


def test_a_close_out_can_be_snoozed_too(world: World) -> None:
    world.interview("Acme", "2026-11-16 10:00")
    world.opportunity("Bluefin", stage="offer", offer_in_hand=True)
    (item_id,) = ids(world, "2026-11-23 08:00", "close_out")
    world.mark(item_id, snoozed_to="2026-11-24")
    assert ids(world, "2026-11-23 08:00", "close_out") == []
    assert ids(world, "2026-11-24 08:00", "close_out") == [item_id]


def test_a_snooze_to_an_earlier_day_never_brings_an_item_forward(world: World) -> None:
    world.interview("Acme", "2026-11-16 10:00", promised_by="2026-11-20")
    world.touch("thank_you", "2026-11-16 15:00", company="Acme")
    (item,) = everything(world.plan("2026-11-23 08:00"), "check_in")
    world.mark(item.id, snoozed_to="2026-11-18")
    assert ids(world, "2026-11-20 08:00", "check_in") == []
    context = build_context(world.records(), world.at("2026-11-23 08:00"))
    assert snoozed_due(context, item.id, d("2026-11-23")) == d("2026-11-23")
    assert snoozed_due(context, item.id, d("2026-11-17")) == d("2026-11-18")
    assert snoozed_due(context, "no-such-item", d("2026-11-17")) == d("2026-11-17")


def test_a_snoozed_task_waits_for_its_day(world: World) -> None:
    world.task("Update the portfolio", due="2026-11-23", minutes=30, snoozed_to=d("2026-11-25"))
    assert everything(world.plan("2026-11-23 08:00"), "other") == []
    assert everything(world.plan("2026-11-24 08:00"), "other") == []
    (task,) = everything(world.plan("2026-11-25 08:00"), "other")
    assert task.title == "Update the portfolio"


# -- the advocate schedule, several asks and several triggers --------------------------------


def _broken_promise_with_advocate(world: World) -> None:
    world.interview("Acme", "2026-11-02 10:00", promised_by="2026-11-06")
    world.touch("thank_you", "2026-11-02 15:00", company="Acme")
    world.contact("Priya", "Acme", tags=("advocate",))


def test_the_weekly_advocate_gap_counts_from_the_latest_ask(world: World) -> None:
    _broken_promise_with_advocate(world)
    priya = world.contacts[0]
    world.touch("advocate_ask", "2026-11-09 12:00", company="Acme", contact=priya)
    world.touch("advocate_ask", "2026-11-16 12:00", company="Acme", contact=priya)
    # A week after the first ask has passed, a week after the latest has not.
    assert ids(world, "2026-11-20 08:00", "advocate_ask") == []
    (ask,) = everything(world.plan("2026-11-23 08:00"), "advocate_ask")
    assert ask.due == d("2026-11-23") and ask.contact == "Priya"


def test_the_advocate_step_starts_at_the_earliest_trigger(world: World) -> None:
    # No promise: check-in 1 due Mon 9 and sent; check-in 2 due Tue 17 (Wed 11 is Veterans
    # Day). Help is due from the first check-in (Mon 9), held three business days by that
    # touch: Fri 13, not Tue 17.
    world.interview("Acme", "2026-11-02 10:00")
    world.touch("thank_you", "2026-11-02 15:00", company="Acme")
    world.contact("Priya", "Acme", tags=("advocate",))
    world.touch("check_in", "2026-11-09 09:00", company="Acme")
    assert ids(world, "2026-11-12 08:00", "advocate_ask") == []
    (ask,) = everything(world.plan("2026-11-13 08:00"), "advocate_ask")
    assert ask.due == d("2026-11-13")
    context = build_context(world.records(), world.at("2026-11-13 08:00"))
    state = analyse(context, world.opportunities[0], context.now, context.today)
    assert state is not None
    assert state.help_from == d("2026-11-09") and state.check_in_due == d("2026-11-17")


def test_a_broken_promise_is_a_trigger_before_a_held_back_check_in(world: World) -> None:
    world.interview("Acme", "2026-11-02 10:00", promised_by="2026-11-06")
    world.touch("thank_you", "2026-11-02 15:00", company="Acme")
    context = build_context(world.records(), world.at("2026-11-12 08:00"))
    state = analyse(context, world.opportunities[0], context.now, context.today)
    assert state is not None
    assert state.state == "promise_broken"
    assert state.help_from == d("2026-11-09") == state.check_in_due


def test_a_done_find_an_advocate_stays_done_for_a_week(world: World) -> None:
    world.interview("Acme", "2026-11-02 10:00", promised_by="2026-11-06")
    world.touch("thank_you", "2026-11-02 15:00", company="Acme")
    (item_id,) = ids(world, "2026-11-09 08:00", "find_advocate")
    world.mark(item_id, done_at="2026-11-09 11:00")
    for day in ("2026-11-10", "2026-11-11", "2026-11-13"):
        assert ids(world, f"{day} 08:00", "find_advocate") == [], day
    # A week after it was done, with nobody found yet, it is due again.
    assert ids(world, "2026-11-16 08:00", "find_advocate") == [item_id]


def test_done_at_the_very_moment_counts_as_done(world: World) -> None:
    world.interview("Acme", "2026-11-02 10:00", promised_by="2026-11-06")
    world.mark("fa-" + world.opportunities[0].id, done_at="2026-11-09 11:00")
    moment = world.at("2026-11-09 11:00")
    context = build_context(world.records(), moment)
    state = analyse(context, world.opportunities[0], moment, context.today)
    assert state is not None
    step = advocate_step(context, state, moment)
    assert step is not None and step.kind == "find_advocate"
    assert step.due == d("2026-11-16")
    before = advocate_step(context, state, moment.subtract(seconds=1))
    assert before is not None and before.due == d("2026-11-09")


def test_the_least_recently_asked_advocate_is_asked(world: World) -> None:
    _broken_promise_with_advocate(world)
    priya = world.contacts[0]
    sam = world.contact("Sam", "Acme", tags=("advocate",))
    world.touch("advocate_ask", "2026-11-09 12:00", company="Acme", contact=sam)
    world.touch("advocate_ask", "2026-11-10 12:00", company="Acme", contact=priya)
    (ask,) = everything(world.plan("2026-11-17 08:00"), "advocate_ask")
    assert ask.contact == "Sam"
    world.touch("advocate_ask", "2026-11-17 12:00", company="Acme", contact=sam)
    (ask,) = everything(world.plan("2026-11-24 08:00"), "advocate_ask")
    assert ask.contact == "Priya"


# -- check-in wording ------------------------------------------------------------------------


def test_the_first_check_in_after_a_broken_promise_says_what_was_promised(world: World) -> None:
    world.interview("Acme", "2026-11-16 10:00", promised_by="2026-11-20")
    world.touch("thank_you", "2026-11-16 15:00", company="Acme")
    (item,) = everything(world.plan("2026-11-23 08:00"), "check_in")
    assert item.title == "Check in with Acme"
    assert item.reason == (
        "They promised an answer by Fri 20 Nov; no word since. A short, warm check-in."
    )


def test_a_first_check_in_without_a_promise_counts_the_days(world: World) -> None:
    world.interview("Acme", "2026-11-02 10:00")
    world.touch("thank_you", "2026-11-02 15:00", company="Acme")
    (item,) = everything(world.plan("2026-11-09 08:00"), "check_in")
    assert item.title == "Check in with Acme"
    assert item.reason == "5 business days since the interview on Mon 2 Nov and no word yet."


def test_later_check_ins_are_numbered_and_cite_the_last_one_sent(world: World) -> None:
    world.interview("Acme", "2026-11-02 10:00")
    world.touch("thank_you", "2026-11-02 15:00", company="Acme")
    world.touch("check_in", "2026-11-09 09:00", company="Acme")
    (second,) = everything(world.plan("2026-11-17 08:00"), "check_in")
    assert second.title == "Check in with Acme (check-in 2)"
    assert second.reason == "Check-in 2 of 3: no answer to the one you sent Mon 9 Nov."
    world.touch("check_in", "2026-11-17 09:00", company="Acme")
    (third,) = everything(world.plan("2026-11-24 08:00"), "check_in")
    assert third.title == "Check in with Acme (check-in 3)"
    assert third.reason == "Check-in 3 of 3: no answer to the one you sent Tue 17 Nov."
    world.touch("check_in", "2026-11-24 09:00", company="Acme")
    assert ids(world, "2026-12-07 08:00", "check_in") == []


def test_a_held_back_check_in_says_until_when(world: World) -> None:
    world.interview("Acme", "2026-11-16 10:00", promised_by="2026-11-20")
    world.touch("thank_you", "2026-11-16 15:00", company="Acme")
    world.touch("call", "2026-11-20 16:00", company="Acme", direction="out")
    (item,) = everything(world.plan("2026-11-25 08:00"), "check_in")
    assert item.reason.endswith(" Held until Wed 25 Nov: you were in touch recently.")


def test_the_clocks_start_again_from_the_latest_interview(world: World) -> None:
    world.interview("Acme", "2026-11-02 10:00")
    world.touch("thank_you", "2026-11-02 15:00", company="Acme")
    second = world.interview("Acme", "2026-11-16 10:00")
    # A new round: a new thank-you, and the check-in counts from it (5 business days: Mon 23).
    assert ids(world, "2026-11-17 08:00", "thank_you") == [f"ty-{second.id}"]
    world.touch("thank_you", "2026-11-16 15:00", company="Acme")
    assert ids(world, "2026-11-20 08:00", "check_in") == []
    (check_in,) = everything(world.plan("2026-11-23 08:00"), "check_in")
    assert check_in.id == f"ci1-{second.id}"
    assert check_in.reason.endswith("interview on Mon 16 Nov and no word yet.")
