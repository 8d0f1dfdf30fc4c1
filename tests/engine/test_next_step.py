"""One truth for "what is next": Today, the Waiting room and the composer give the same answer.

Each test is one mismatch seen in use (issue 13 §3); the property that the three faces agree on
any data is in ``test_properties.py``, and on the demo at every hour of a week here.
"""

from __future__ import annotations

from pathlib import Path

import pendulum
from world import World, everything

from tui import actions
from tui.demo import write_demo_copy
from tui.engine.advocates import advocates_view
from tui.engine.compose import situation_for
from tui.engine.followups import ADVOCATE_QUESTIONS
from tui.engine.models import Records
from tui.engine.plan import plan_day
from tui.engine.waiting import waiting_room
from tui.store import Store


def _faces(records: Records, now: pendulum.DateTime) -> None:
    """The Waiting room's next step is the composer's, and Today plans it when it is due."""
    room = waiting_room(records, now)
    plan = plan_day(records, now)
    planned = {i.id for i in everything(plan)}
    today = plan.date
    for row in room.rows:
        step = row.next_step
        situation = situation_for(records, now, opportunity=row.state.opportunity)
        assert situation.next_step == step, row.company
        if step is None:
            continue
        if step.template is not None:
            assert situation.template == step.template, row.company
            if step.contact is not None:
                assert situation.contact == step.contact, row.company
        if step.item_id is not None and step.due <= today:
            assert step.item_id in planned, (row.company, step)
    steps = {s.item_id for row in room.rows for s in row.steps}
    for item in everything(plan):
        if item.layer == "follow_up" and not item.done and item.kind != "close_out":
            assert item.id in steps, item


def test_heard_back_next_round_ends_the_thank_you_everywhere() -> None:
    world = World(weekly_applications=0, weekly_networking_calls=0)
    world.interview("Quillstone", "2026-11-20 11:00", felt="good")
    world.touch("heard_back", "2026-11-23 10:00", company="Quillstone", outcome="next_round")
    assert everything(world.plan("2026-11-23 11:00"), "thank_you") == []
    assert everything(world.plan("2026-11-23 11:00", "2026-11-27"), "thank_you") == []
    (row,) = waiting_room(world.records(), world.at("2026-11-23 11:00")).rows
    assert row.next_step is None and row.silence_days is None  # heard back: nobody is silent
    world.interview("Quillstone", "2026-12-02 10:00", kind="onsite")
    (row,) = waiting_room(world.records(), world.at("2026-11-23 11:00")).rows
    assert row.next_step is not None and row.next_step.kind == "interview"
    assert row.next_step.due == pendulum.Date(2026, 12, 2)


def test_the_advocate_ask_the_waiting_room_shows_is_what_the_composer_writes() -> None:
    world = World(weekly_applications=0, weekly_networking_calls=0)
    world.interview("Bluefin Health", "2026-11-12 10:00", interviewers=("Lena Fischer",))
    lena = world.contact("Lena Fischer", "Bluefin Health", relation="recruiter")
    world.touch("thank_you", "2026-11-12 17:00", company="Bluefin Health", contact=lena)
    world.touch("check_in", "2026-11-19 10:00", company="Bluefin Health", contact=lena)
    noor = world.contact("Noor Aziz", "Bluefin Health", tags=("advocate",))
    now = world.at("2026-11-24 09:00")
    records = world.records()
    (row,) = waiting_room(records, now).rows
    assert row.next_step is not None
    assert (row.next_step.kind, row.next_step.due) == ("advocate_ask", pendulum.Date(2026, 11, 24))
    situation = situation_for(records, now, opportunity=records.opportunities[0])
    assert situation.template == "advocate_ask" and situation.contact == noor
    assert f"aa-{records.opportunities[0].id}" in {
        i.id for i in everything(world.plan("2026-11-24 09:00"))
    }
    _faces(records, now)


def test_they_replied_so_nobody_is_silent_and_the_next_interview_is_next() -> None:
    world = World(weekly_applications=0, weekly_networking_calls=0)
    world.interview("Harbor & Pine", "2026-11-10 13:00", promised_by="2026-11-17")
    world.touch("thank_you", "2026-11-10 16:00", company="Harbor & Pine")
    world.touch("heard_back", "2026-11-16 09:40", company="Harbor & Pine", outcome="next_round")
    world.interview("Harbor & Pine", "2026-11-25 15:00", kind="onsite")
    (row,) = waiting_room(world.records(), world.at("2026-11-24 09:00")).rows
    assert row.state.state == "heard_back" and row.silence_days is None
    assert row.next_step is not None and row.next_step.kind == "interview"


def test_a_network_update_to_a_friend_does_not_hold_back_her_employers_check_in() -> None:
    world = World(weekly_applications=0, weekly_networking_calls=0)
    world.interview("Northwind", "2026-11-17 14:00", promised_by="2026-11-20")
    world.touch("thank_you", "2026-11-17 18:00", company="Northwind")
    priya = world.contact("Priya Raman", "Northwind", tags=("core", "advocate"))
    world.touch("network_update", "2026-11-23 08:00", contact=priya)
    (check_in,) = everything(world.plan("2026-11-23 09:00"), "check_in")
    assert check_in.due == pendulum.Date(2026, 11, 23) and "Held until" not in check_in.reason
    # An advocate ask about the company is about the job: that holds it back.
    world.touches.pop()
    world.touch("advocate_ask", "2026-11-23 08:00", contact=priya, company="Northwind")
    assert everything(world.plan("2026-11-23 09:00"), "check_in") == []
    (held,) = everything(world.plan("2026-11-27 09:00"), "check_in")
    assert "Held until Fri 27 Nov" in held.reason


def test_the_advocates_open_questions_are_todays_and_the_composers(demo_db: Path) -> None:
    store = Store(demo_db)
    now = pendulum.datetime(2026, 11, 23, 9, tz="America/New_York")
    records = store.records()
    marcus = next(r for r in advocates_view(records, now) if r.contact.name == "Marcus Lee")
    (ask,) = [i for i in everything(plan_day(records, now)) if i.id == "aa-opp_lumen"]
    assert marcus.open_questions == tuple(ADVOCATE_QUESTIONS.values())
    assert all(question in ask.title for question in marcus.open_questions)
    # He answers both today: nothing is open, and the composer does not ask again.
    actions.log_touch(
        store,
        now,
        kind="advocate_ask",
        contact_id="con_marcus",
        answers={"internal_change": "still reorganising", "still_posted": "yes"},
    )
    records = store.records()
    marcus = next(r for r in advocates_view(records, now) if r.contact.name == "Marcus Lee")
    assert marcus.open_questions == ()
    lumen = next(o for o in records.opportunities if o.id == "opp_lumen")
    situation = situation_for(records, now, opportunity=lumen, contact=marcus.contact)
    assert situation.template == "advocate_ask"
    assert not any(q in situation.values["questions"] for q in ADVOCATE_QUESTIONS.values())
    assert any("answered your questions recently" in note for note in situation.notes)
    (done,) = [i for i in everything(plan_day(records, now)) if i.id == "aa-opp_lumen"]
    assert done.done


def test_the_three_faces_agree_on_the_demo_all_week(tmp_path: Path) -> None:
    for day in range(23, 28):
        records = Store(
            write_demo_copy(tmp_path / str(day), pendulum.Date(2026, 11, day))
        ).records()
        for hour in (8, 10, 13, 15, 18):
            _faces(records, pendulum.datetime(2026, 11, day, hour, tz="America/New_York"))


def test_the_thank_you_and_the_wait_start_when_the_interview_ends_not_when_it_starts() -> None:
    world = World(weekly_applications=0, weekly_networking_calls=0)
    world.interview("Quillstone", "2026-11-24 14:00", minutes=90)
    during = world.at("2026-11-24 15:00")
    assert everything(world.plan("2026-11-24 15:00"), "thank_you") == []
    assert waiting_room(world.records(), during).rows == ()  # nobody owes an answer yet
    situation = situation_for(world.records(), during, opportunity=world.records().opportunities[0])
    assert situation.template != "thank_you"
    after = world.at("2026-11-24 15:30")
    assert [i.kind for i in everything(world.plan("2026-11-24 15:30"), "thank_you")] == [
        "thank_you"
    ]
    (row,) = waiting_room(world.records(), after).rows
    assert row.next_step is not None and row.next_step.kind == "thank_you"
    _faces(world.records(), during)
    _faces(world.records(), after)


def test_a_step_is_late_only_after_its_deadline() -> None:
    from tui.engine.models import Opportunity
    from tui.engine.steps import Step

    acme = Opportunity(id="opp_a", company="Acme")
    day = pendulum.Date.fromisoformat
    thanks = Step("thank_you", acme, day("2026-11-20"), "ty-x", late_after=day("2026-11-23"))
    assert not thanks.is_late(day("2026-11-23")) and thanks.is_late(day("2026-11-24"))
    check_in = Step("check_in", acme, day("2026-11-20"), "ci1-x")
    assert not check_in.is_late(day("2026-11-20")) and check_in.is_late(day("2026-11-21"))
