"""Properties of any plan, over random databases: the sandwich's promises hold whatever the data."""

from __future__ import annotations

import dataclasses
import itertools
import os
import random

import pendulum
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tui.engine.calendar import BusinessCalendar
from tui.engine.compose import situation_for
from tui.engine.context import build_context
from tui.engine.models import (
    FEELINGS,
    OUTCOMES,
    Contact,
    Interview,
    Opportunity,
    Records,
    Task,
    Touch,
)
from tui.engine.plan import DayPlan, plan_day, plan_to_json
from tui.engine.settings import Settings
from tui.engine.steps import follow_up_items
from tui.engine.waiting import waiting_room

TZ = "Europe/London"
BASE = pendulum.datetime(2026, 12, 14, tz=TZ)  # Christmas, Boxing Day and New Year are near
COMPANIES = ["Acme", "Beta", "Gamma", "Delta", "Echo"]


@st.composite
def moments(draw: st.DrawFn, low_days: int = -40, high_days: int = 10) -> pendulum.DateTime:
    minutes = draw(st.integers(low_days * 24 * 60, high_days * 24 * 60))
    return BASE.add(minutes=minutes)


@st.composite
def databases(draw: st.DrawFn) -> tuple[Records, pendulum.DateTime, pendulum.Date]:
    settings = (
        Settings()
        .with_text("timezone", TZ)
        .with_text("country", draw(st.sampled_from(["GB", "US", ""])))
        .with_text("daily_minutes", str(draw(st.integers(60, 480))))
        .with_text("work_start", draw(st.sampled_from(["07:30", "09:00", "10:00"])))
        .with_text("work_end", draw(st.sampled_from(["15:00", "17:00", "18:30"])))
        .with_text("follow_up_share", str(draw(st.sampled_from([0.1, 0.2, 0.3, 0.45]))))
        .with_text("weekly_applications", str(draw(st.integers(0, 12))))
        .with_text("weekly_networking_calls", str(draw(st.integers(0, 6))))
    )
    opportunities = []
    for n, company in enumerate(
        draw(st.lists(st.sampled_from(COMPANIES), max_size=5, unique=True))
    ):
        stage = draw(st.sampled_from(["applied", "interviewing", "interviewing", "rejected"]))
        opportunities.append(
            Opportunity(
                id=f"opp_{n}",
                company=company,
                stage=stage,
                offer_in_hand=draw(st.booleans()) and n == 0 and draw(st.booleans()),
            )
        )
    interviews = []
    for opportunity in opportunities:
        for n in range(draw(st.integers(0, 3))):
            start = draw(moments(-30, 5))
            promised = draw(st.none() | st.integers(0, 10))
            interviews.append(
                Interview(
                    id=f"int_{opportunity.id}_{n}",
                    opportunity_id=opportunity.id,
                    start=start,
                    minutes=draw(st.integers(30, 180)),
                    felt=draw(st.none() | st.sampled_from(FEELINGS)),
                    promised_by=start.date().add(days=promised) if promised is not None else None,
                    skills=tuple(
                        draw(st.lists(st.sampled_from(["SQL", "Python", "demos"]), max_size=2))
                    ),
                )
            )
    contacts = []
    for n in range(draw(st.integers(0, 5))):
        tags = draw(st.frozensets(st.sampled_from(["core", "advocate"])))
        contacts.append(
            Contact(
                id=f"con_{n}",
                name=f"Person {n}",
                company=draw(st.sampled_from([*COMPANIES, ""])),
                tags=tags,
            )
        )
    touches = []
    for n in range(draw(st.integers(0, 14))):
        kind = draw(
            st.sampled_from(
                ["thank_you", "check_in", "advocate_ask", "network_update", "heard_back", "call"]
            )
        )
        opportunity = draw(st.none() | st.sampled_from(opportunities)) if opportunities else None
        contact = draw(st.none() | st.sampled_from(contacts)) if contacts else None
        if opportunity is None and contact is None:
            continue
        touches.append(
            Touch(
                id=f"tch_{n}",
                kind=kind,
                at=draw(moments(-40, 3)),
                opportunity_id=opportunity.id if opportunity else None,
                contact_id=contact.id if contact else None,
                direction="in" if kind == "heard_back" else "out",
                outcome=draw(st.sampled_from(OUTCOMES))
                if kind == "heard_back" and draw(st.booleans())
                else None,
            )
        )
    tasks = []
    for n in range(draw(st.integers(0, 8))):
        done = draw(st.booleans()) and draw(st.booleans())
        due = draw(st.none() | st.integers(-10, 10))
        tasks.append(
            Task(
                id=f"tsk_{n}",
                title=f"Task {n}",
                kind=draw(
                    st.sampled_from(
                        ["apply", "cold_call", "networking_call", "research", "prep", "other"]
                    )
                ),
                minutes=draw(st.none() | st.integers(10, 120)),
                due=BASE.date().add(days=due) if due is not None else None,
                status="done" if done else "open",
                done_at=draw(moments(-10, 0)) if done else None,
            )
        )
    now = draw(moments(-3, 3))
    day = now.date().add(days=draw(st.sampled_from([0, 0, 0, 1, 3, -1])))
    records = Records(
        tuple(opportunities),
        tuple(interviews),
        tuple(contacts),
        tuple(touches),
        tuple(tasks),
        settings=settings,
    )
    return records, now, day


def moment_of(now: pendulum.DateTime, day: pendulum.Date) -> pendulum.DateTime:
    """What the engine counts as known when planning ``day`` at ``now``: all of it for today,
    up to the end of an earlier day, up to the start of a later one."""
    start = pendulum.datetime(day.year, day.month, day.day, tz=TZ)
    if day == now.in_timezone(TZ).date():
        return now
    return start.add(days=1).subtract(microseconds=1) if day < now.date() else start


def minute(value: pendulum.Time) -> int:
    return value.hour * 60 + value.minute


def everything(plan: DayPlan) -> list:  # type: ignore[type-arg]
    return plan.items() + [d.item for d in plan.deferred]


# scripts/mutate.py asks for fewer examples per mutant (a wrong rule fails within a few dozen).
EXAMPLES = int(os.environ.get("NOWWHAT_HYPOTHESIS_EXAMPLES", "250"))
SETTINGS = settings(
    max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)


@SETTINGS
@given(databases())
def test_follow_up_never_takes_more_than_its_share(case) -> None:  # type: ignore[no-untyped-def]
    records, now, day = case
    plan = plan_day(records, now, day)
    open_follow = sum(i.minutes for i in plan.items() if i.layer == "follow_up" and not i.done)
    done_follow = plan.split.done_follow_up_minutes
    assert open_follow <= max(0, plan.split.follow_up_cap_minutes - done_follow)
    assert plan.split.follow_up_cap_minutes <= 0.5 * plan.split.budget_minutes
    # The whole day keeps to its budget: open work only in what done work left of it.
    open_all = sum(i.minutes for i in plan.items() if not i.done)
    done_all = done_follow + plan.split.done_search_minutes
    assert open_all <= max(0, plan.split.budget_minutes - done_all)
    assert open_follow == plan.split.follow_up_minutes - done_follow
    assert open_all - open_follow == plan.split.search_minutes - plan.split.done_search_minutes


@SETTINGS
@given(databases())
def test_blocks_stay_in_work_hours_apart_and_clear_of_interviews(case) -> None:  # type: ignore[no-untyped-def]
    records, now, day = case
    plan = plan_day(records, now, day)
    settings_ = records.settings
    start, end = minute(settings_.clock("work_start")), minute(settings_.clock("work_end"))
    spans = [(minute(b.start), minute(b.end)) for b in plan.blocks]
    for (a_start, a_end), block in zip(spans, plan.blocks, strict=True):
        assert start <= a_start < a_end <= end
        assert a_end - a_start == sum(i.minutes for i in block.items)
    assert all(a[1] <= b[0] for a, b in itertools.pairwise(spans))
    for event_start, event_end, _ in plan.events:
        for a_start, a_end in spans:
            assert a_end <= minute(event_start) or a_start >= minute(event_end)


@SETTINGS
@given(databases())
def test_every_due_item_is_placed_or_deferred(case) -> None:  # type: ignore[no-untyped-def]
    records, now, day = case
    plan = plan_day(records, now, day)
    shown = {i.id for i in everything(plan)}
    assert len(shown) == len(everything(plan)), "an item appears twice"
    assert all(d.reason and d.to > day for d in plan.deferred), "moved without a reason or day"
    calendar = BusinessCalendar(records.settings.country)
    business = calendar.is_business_day(day)
    for task in records.tasks:
        if task.status != "open" or (task.due is not None and task.due > day):
            continue
        if task.snoozed_to is not None and task.snoozed_to > day:
            continue
        assert task.id in shown, f"own task {task.id} due {task.due} was dropped"
    # Whatever the follow-up rules made for the day (check-ins, advocate items) is shown too,
    # rest days included (deferred there).
    context = build_context(records, now)
    chasing, _ = follow_up_items(context, moment_of(now, day), day)
    for item in chasing:
        assert item.id in shown, f"{item.kind} {item.id} was dropped"
    if not business:
        assert {i.id for i in plan.items() if not i.done} <= {
            t.id for t in records.tasks if t.due == day
        }, "a rest day holds only tasks set for that very day"
    as_of = moment_of(now, day)
    active = {o.id: o for o in records.opportunities if o.active}
    companies = {o.id: o.company for o in records.opportunities}
    people = {c.id: c.company for c in records.contacts}

    def company_of(touch: Touch) -> str | None:  # a touch is with its opportunity's company,
        if touch.opportunity_id:  # else with its contact's
            return companies[touch.opportunity_id]
        return people.get(touch.contact_id or "") or None

    offer = any(o.offer_in_hand for o in active.values())
    latest: dict[str, Interview] = {}
    for interview in records.interviews:
        if interview.ended_by(as_of) and (
            interview.opportunity_id not in latest
            or interview.start >= latest[interview.opportunity_id].start  # ties: the later record
        ):
            latest[interview.opportunity_id] = interview
    # One thank-you per opportunity, for its latest interview, until one is sent or they
    # answered; once an offer is in hand there is only the close-out.
    for interview in latest.values():
        opportunity = active.get(interview.opportunity_id)
        if opportunity is None or offer:
            continue
        answered = any(
            t.opportunity_id == opportunity.id
            and t.kind in {"heard_back", "close_out"}
            and interview.start <= t.at <= as_of
            for t in records.touches
        )
        if answered:
            continue
        thanked = any(
            t.kind == "thank_you"
            and interview.start <= t.at <= as_of
            and company_of(t) == opportunity.company
            for t in records.touches
        )
        if not thanked:
            assert f"ty-{interview.id}" in shown, "a thank-you that is due was dropped"


@SETTINGS
@given(databases(), st.randoms(use_true_random=False))
def test_same_input_same_plan_whatever_the_order_of_records(case, rng: random.Random) -> None:  # type: ignore[no-untyped-def]
    records, now, day = case
    first = plan_to_json(plan_day(records, now, day))
    assert plan_to_json(plan_day(records, now, day)) == first
    touches = list(records.touches)
    rng.shuffle(touches)
    shuffled = dataclasses.replace(records, touches=tuple(touches))
    assert plan_to_json(plan_day(shuffled, now, day)) == first


@SETTINGS
@given(databases())
def test_no_follow_up_on_a_non_business_day(case) -> None:  # type: ignore[no-untyped-def]
    records, now, day = case
    plan = plan_day(records, now, day)
    if not plan.business_day:
        assert not [b for b in plan.blocks if b.layer == "follow_up"]
        assert not [i for i in plan.items() if i.layer == "follow_up"]


@SETTINGS
@given(databases())
def test_no_check_in_before_its_rule_date(case) -> None:  # type: ignore[no-untyped-def]
    records, now, day = case
    plan = plan_day(records, now, day)
    calendar = BusinessCalendar(records.settings.country)
    interviews = {i.id: i for i in records.interviews}
    companies = {o.id: o.company for o in records.opportunities}
    contacts = {c.id: c.company for c in records.contacts}
    as_of = moment_of(now, day)
    for item in everything(plan):
        if item.kind != "check_in" or item.done:
            continue
        number, interview_id = item.id.split("-", 1)
        interview = interviews[interview_id]
        company = companies[interview.opportunity_id]
        held = interview.start.in_timezone(TZ).date()
        check_ins = sorted(
            t.at
            for t in records.touches
            if t.kind == "check_in"
            and t.opportunity_id == interview.opportunity_id
            and interview.start <= t.at <= as_of
        )
        if check_ins:
            rule = calendar.add(check_ins[-1].in_timezone(TZ).date(), 5)
        elif interview.promised_by:
            rule = calendar.add(interview.promised_by, 1)
        else:
            rule = calendar.add(held, 5)
        assert int(number[2:]) == len(check_ins) + 1
        assert day >= rule, f"check-in on {day} before its rule date {rule}"
        core = {c.id for c in records.contacts if c.is_core}
        with_company = [
            t.at
            for t in records.touches
            if t.at <= as_of
            # News told to a friend who works there is about the person, not the job.
            and t.kind != "network_update"
            and not (t.kind == "call" and not t.opportunity_id and t.contact_id in core)
            and (
                (t.opportunity_id and companies.get(t.opportunity_id) == company)
                or (not t.opportunity_id and t.contact_id and contacts.get(t.contact_id) == company)
            )
        ]
        if with_company:
            assert day >= calendar.add(max(with_company).in_timezone(TZ).date(), 3)


@SETTINGS
@given(databases())
def test_today_the_waiting_room_and_the_composer_give_one_next_step(case) -> None:  # type: ignore[no-untyped-def]
    records, now, _ = case
    room = waiting_room(records, now)
    plan = plan_day(records, now)
    planned = {i.id for i in everything(plan)}
    for row in room.rows:
        step = row.next_step
        situation = situation_for(records, now, opportunity=row.state.opportunity)
        assert situation.next_step == step
        if step is None:
            continue
        if step.template is not None:  # a message: the composer drafts exactly it, to them
            assert situation.template == step.template
            if step.contact is not None:
                assert situation.contact == step.contact
        if step.item_id is not None and step.due <= plan.date:
            assert step.item_id in planned, step  # and Today plans it (or says why not)
    steps = {s.item_id for row in room.rows for s in row.steps}
    for item in everything(plan):
        if item.layer == "follow_up" and not item.done and item.kind != "close_out":
            assert item.id in steps, item  # nothing planned that the Waiting room does not show
