"""The day plan: every rule's items for one day, shared out and laid out as a sandwich.

``plan_day(records, now, day)`` is the engine's main entry point. It reads no clock: ``now`` is
the moment the plan is made at. A day after today is planned as of its start (what is known
now, nothing new logged); today as of ``now``; an earlier day as of its end.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import pendulum
from pendulum import Date, DateTime, Time

from .context import Context, build_context
from .followups import FollowUpState, follow_up_items, thank_you_items
from .goals import GOALS, done_this_week, goal_items, target_by
from .items import CALL_KINDS, FOLLOW_UP_KINDS, PlanItem
from .lookup import company_key, opportunity_for
from .models import Records, Task
from .network import network_items
from .sandwich import allocate, lay_out, split_search
from .when import format_clock, short_day

__all__ = [
    "DayPlan",
    "Deferred",
    "GlowWindow",
    "PlannedBlock",
    "Split",
    "Warning",
    "find_item",
    "plan_day",
    "plan_to_json",
]

RANK_OF_KIND = {"thank_you": 0, "check_in": 1, "advocate_ask": 2, "find_advocate": 3}


@dataclass(frozen=True, slots=True)
class PlannedBlock:
    """A block of the day: one layer, a start and end time, its items in order."""

    layer: str
    start: Time
    end: Time
    items: tuple[PlanItem, ...]


@dataclass(frozen=True, slots=True)
class Deferred:
    """An item due today that does not fit, with why and the day it moves to."""

    item: PlanItem
    reason: str
    to: Date


@dataclass(frozen=True, slots=True)
class GlowWindow:
    """The hours after an interview that went well, when avoided calls go first."""

    company: str
    until: DateTime


@dataclass(frozen=True, slots=True)
class Warning:
    """Something the person should know about the search as a whole."""

    code: str
    message: str
    company: str | None = None


@dataclass(frozen=True, slots=True)
class Split:
    """Minutes by layer: the budget, the follow-up cap, what is planned and what is done."""

    budget_minutes: int
    follow_up_cap_minutes: int
    follow_up_minutes: int
    search_minutes: int
    done_follow_up_minutes: int
    done_search_minutes: int


@dataclass(frozen=True, slots=True)
class DayPlan:
    """Everything the Today screen and ``nowwhat today`` show for one day."""

    date: Date
    business_day: bool
    split: Split
    blocks: tuple[PlannedBlock, ...]
    deferred: tuple[Deferred, ...]
    glow: tuple[GlowWindow, ...]
    warnings: tuple[Warning, ...]
    events: tuple[tuple[Time, Time, str], ...] = field(default=())
    states: tuple[FollowUpState, ...] = field(default=())

    def items(self) -> list[PlanItem]:
        """Every placed item, in order."""
        return [item for block in self.blocks for item in block.items]


def _as_of(context: Context, day: Date) -> DateTime:
    today = context.today
    start = pendulum.datetime(day.year, day.month, day.day, tz=context.tz)
    if day > today:
        return start
    if day < today:
        return start.add(days=1).subtract(microseconds=1)
    return context.now


def _minute(value: Time) -> int:
    return value.hour * 60 + value.minute


def _clock(minutes: int) -> Time:
    return Time(minutes // 60, minutes % 60)


def _events(context: Context, day: Date, start: int, end: int) -> list[tuple[int, int, str]]:
    """That day's interviews, clipped to work hours, as (start, end, label) in minutes."""
    events = []
    for opportunity_id, interviews in context.interviews_of.items():
        opportunity = context.opportunities.get(opportunity_id)
        for interview in interviews:
            if not context.on_day(interview.start, day):
                continue
            local = interview.start.in_timezone(context.tz)
            begin = local.hour * 60 + local.minute
            finish = begin + interview.minutes
            if finish <= start or begin >= end:
                continue
            label = f"Interview: {opportunity.company if opportunity else '?'} ({interview.kind})"
            events.append((max(begin, start), min(finish, end), label))
    events.sort()
    return events


def _task_minutes(context: Context, task: Task) -> int:
    if task.minutes is not None:
        return task.minutes
    if task.kind == "apply":
        return int(context.settings["minutes_apply"])
    if task.kind in CALL_KINDS:
        return int(context.settings["minutes_call"])
    return int(context.settings["minutes_task"])


def _own_tasks(context: Context, as_of: DateTime, day: Date) -> list[PlanItem]:
    """The person's own tasks due on ``day`` (no due date: always due), and those done on it."""
    items = []
    start, end = context.bounds(day)
    finished = context.finished_between(start, min(end, as_of.add(microseconds=1)))
    candidates = [(context.task_position[t.id], t) for t in finished] + context.open_tasks
    for position, task in candidates:
        done_today = task.status != "open"
        if task.id.startswith(("goal-", "glow-")):
            continue  # stored only to record a goal or glow item as done
        if not done_today:
            if task.due is not None and task.due > day:
                continue
            if task.snoozed_to is not None and task.snoozed_to > day:
                continue
        due_text = f"due {short_day(task.due)}" if task.due else "no due date"
        items.append(
            PlanItem(
                id=task.id,
                kind=task.kind,
                title=task.title,
                minutes=_task_minutes(context, task),
                due=task.due,
                overdue_days=context.calendar.between(task.due, day) if task.due else 0,
                reason=f"Your own task ({due_text}).",
                company=task.company or None,
                done=done_today,
                source_id=task.id,
                rank=(1, task.due.toordinal() if task.due else 10**6, f"{position:08d}"),
            )
        )
    items.sort(key=lambda i: i.rank)
    return items


def _done_follow_ups(context: Context, as_of: DateTime, day: Date) -> list[PlanItem]:
    """Follow-up and network items finished on ``day``, under the ids they were planned with."""
    settings = context.settings
    done: dict[str, PlanItem] = {}
    start, end = context.bounds(day)
    for touch in context.touches_between(start, min(end, as_of.add(microseconds=1))):
        if touch.direction != "out":
            continue
        company = context.company_of(touch)
        opportunity = context.opportunities.get(touch.opportunity_id or "")
        if opportunity is None and company:
            opportunity = opportunity_for(context.records, company)
        item_id = None
        title = ""
        if touch.kind in {"thank_you", "check_in"} and opportunity is not None:
            past = [i for i in context.interviews_of.get(opportunity.id, []) if i.start <= touch.at]
            if not past:
                continue
            interview = past[-1]
            if touch.kind == "thank_you":
                item_id, title = f"ty-{interview.id}", f"Send a thank-you to {opportunity.company}"
            else:
                earlier = [
                    t
                    for t in context.touches_of.get(opportunity.id, [])
                    if t.kind == "check_in" and interview.start <= t.at <= touch.at
                ]
                item_id = f"ci{len(earlier)}-{interview.id}"
                title = f"Check in with {opportunity.company}"
        elif touch.kind == "advocate_ask" and opportunity is not None:
            item_id, title = f"aa-{opportunity.id}", f"Ask an advocate about {opportunity.company}"
        elif touch.kind == "network_update" and touch.contact_id in context.contacts:
            contact = context.contacts[touch.contact_id]
            item_id, title = f"nu-{contact.id}", f"Update {contact.name}"
        if item_id is None:
            continue
        kind = touch.kind
        person = context.contacts.get(touch.contact_id or "")
        done[item_id] = PlanItem(
            id=item_id,
            kind=kind,
            title=title,
            minutes=int(settings[f"minutes_{kind}"]),
            due=day,
            reason="Done.",
            company=company,
            contact=person.name if person else None,
            done=True,
            opportunity_id=opportunity.id if opportunity else None,
            contact_id=touch.contact_id,
            source_id=touch.id,
            rank=(RANK_OF_KIND.get(kind, 2), 0, company_key(company or "")),
        )
    for item_id, mark in context.marks.items():
        if (
            item_id.startswith("fa-")
            and mark.done_at is not None
            and mark.done_at <= as_of
            and context.on_day(mark.done_at, day)
        ):
            opportunity = context.opportunities.get(item_id[3:])
            company = opportunity.company if opportunity else None
            done[item_id] = PlanItem(
                id=item_id,
                kind="find_advocate",
                title=f"Find an advocate at {company}",
                minutes=int(settings["minutes_find_advocate"]),
                due=day,
                reason="Done.",
                company=company,
                done=True,
                opportunity_id=opportunity.id if opportunity else None,
                source_id=mark.id,
                rank=(3, 0, company_key(company or "")),
            )
    return list(done.values())


def _merge(open_items: list[PlanItem], done_items: list[PlanItem]) -> list[PlanItem]:
    """Open items and done ones, one per id (a done item replaces the open one)."""
    done_ids = {i.id for i in done_items}
    return [i for i in open_items if i.id not in done_ids] + done_items


def _glow_windows(context: Context, as_of: DateTime, day: Date) -> list[GlowWindow]:
    hours = context.settings["glow_hours"]
    if not hours:
        return []
    ws, we = context.settings.clock("work_start"), context.settings.clock("work_end")
    day_start = pendulum.datetime(day.year, day.month, day.day, ws.hour, ws.minute, tz=context.tz)
    day_end = pendulum.datetime(day.year, day.month, day.day, we.hour, we.minute, tz=context.tz)
    # Hours are added in absolute time (a glow lasts that many real hours across a clock
    # change), so "ends by the day's start" is "began before this": one subtraction instead
    # of pendulum arithmetic for every good interview of the whole history.
    began_too_early = day_start.subtract(hours=hours)
    windows = []
    for opportunity_id, interviews in context.interviews_of.items():
        opportunity = context.opportunities.get(opportunity_id)
        for interview in interviews:
            if interview.felt not in {"great", "good"} or interview.start > as_of:
                continue
            if interview.start <= began_too_early:
                continue
            until = interview.start.add(hours=hours)
            if until <= day_start or interview.start >= day_end:
                continue
            if day == context.today and until <= context.now:
                continue
            windows.append(GlowWindow(opportunity.company if opportunity else "?", until))
    windows.sort(key=lambda w: w.until)
    return windows


def _with_glow(
    context: Context, items: list[PlanItem], day: Date, windows: list[GlowWindow]
) -> list[PlanItem]:
    """Calls first, marked glow; if there are none, the call the person has been putting off."""
    if not windows:
        return items
    calls = [
        PlanItem(**{**_fields(i), "glow": True, "reason": i.reason + _GLOW_NOTE})
        for i in items
        if i.kind in CALL_KINDS
    ]
    rest = [i for i in items if i.kind not in CALL_KINDS]
    if not calls:
        item_id = f"glow-call-{day.isoformat()}"
        finished = next((t for t in context.records.tasks if t.id == item_id), None)
        calls = [
            PlanItem(
                id=item_id,
                kind="networking_call",
                title=finished.title if finished else "Make the call you have been putting off",
                minutes=int(context.settings["minutes_call"]),
                due=day,
                reason="You interviewed well at "
                + ", ".join(w.company for w in windows)
                + ": for a few days you present better."
                + _GLOW_NOTE,
                glow=True,
                done=finished is not None and finished.status == "done",
                source_id=finished.id if finished else None,
                rank=(0, 0, ""),
            )
        ]
    return calls + rest


_GLOW_NOTE = " Glow: make it while the interview is fresh."


def _fields(item: PlanItem) -> dict[str, Any]:
    return {name: getattr(item, name) for name in PlanItem.__dataclass_fields__}


def _warnings(
    context: Context,
    day: Date,
    states: list[FollowUpState],
    business_day: bool,
    next_business: Date,
) -> list[Warning]:
    settings = context.settings
    warnings: list[Warning] = []
    if not business_day:
        holiday = context.calendar.holiday_name(day)
        what = f"{day.format('dddd')}" + (f" ({holiday})" if holiday else "")
        warnings.append(
            Warning(
                "rest_day", f"{what} is a rest day: follow-ups wait for {short_day(next_business)}."
            )
        )
    offer = any(o.offer_in_hand for o in context.records.opportunities)
    if not offer:
        active = sum(1 for o in context.records.opportunities if o.active)
        if active < settings["min_active"]:
            warnings.append(
                Warning(
                    "keep_searching",
                    f"Only {active} active opportunit"
                    f"{'y' if active == 1 else 'ies'}: keep at least {settings['min_active']}"
                    " in play until an offer is in your hand.",
                )
            )
        goal = GOALS[0]
        expected = target_by(context, goal, day, through=False)
        made = done_this_week(context, goal, day)
        if made < expected:
            warnings.append(
                Warning(
                    "applications_behind",
                    f"{made} of {settings[goal.setting]} applications "
                    f"this week; by now the pace is {expected}.",
                )
            )
    for opportunity in context.records.opportunities:
        if opportunity.active and opportunity.posting == "gone":
            checked = (
                f" (checked {short_day(opportunity.posting_checked)})"
                if opportunity.posting_checked
                else ""
            )
            warnings.append(
                Warning(
                    "posting_gone",
                    f"The {opportunity.company} posting is gone{checked}: "
                    "ask an advocate whether the role is filled or on hold, and weigh "
                    "moving on.",
                    company=opportunity.company,
                )
            )
    for state in states:
        if state.state == "gone_quiet":
            advocates = context.advocates_for(state.opportunity)
            ask = (
                f"ask {advocates[0].name} what is going on"
                if advocates
                else "find someone inside to ask"
            )
            warnings.append(
                Warning(
                    "gone_quiet",
                    f"{state.opportunity.company} has gone quiet after "
                    f"{len(state.check_ins)} check-ins: {ask}, or let it go and put the "
                    "energy into new leads.",
                    company=state.opportunity.company,
                )
            )
    return warnings


def plan_day(records: Records, now: DateTime, day: Date | None = None) -> DayPlan:
    """Plan ``day`` (default: the local date of ``now``)."""
    context = build_context(records, now)
    day = day or context.today
    as_of = _as_of(context, day)
    settings, calendar = context.settings, context.calendar
    business_day = calendar.is_business_day(day)
    next_business = calendar.next(day)

    ws, we = _minute(settings.clock("work_start")), _minute(settings.clock("work_end"))
    events = _events(context, day, ws, we)
    event_minutes = sum(end - start for start, end, _ in events)
    budget = max(0, min(settings["daily_minutes"] - event_minutes, (we - ws) - event_minutes))

    thanks = thank_you_items(context, as_of, day)
    chasing, states = follow_up_items(context, as_of, day)
    done_follow = _done_follow_ups(context, as_of, day)
    follow_up = sorted(
        _merge(thanks + chasing, [i for i in done_follow if i.kind in FOLLOW_UP_KINDS]),
        key=lambda i: i.rank,
    )
    own = _own_tasks(context, as_of, day)
    network = _merge(
        network_items(context, as_of, day), [i for i in done_follow if i.kind == "network_update"]
    )
    glow = _glow_windows(context, as_of, day) if business_day else []
    goals = goal_items(context, day, own)
    search = _with_glow(context, own + network + goals, day, glow)

    left_out: list[tuple[PlanItem, str]] = []
    if not business_day:
        rest = "rest day"
        # Follow-ups and network updates wait for the next business day, and so do the
        # person's own tasks unless they set them for this very day; each says so.
        waits = [i for i in follow_up + network if not i.done]
        waits += [i for i in own if not i.done and i.due != day]
        left_out += [(i, rest) for i in waits]
        waiting = {i.id for i in waits}
        follow_up = []  # no follow-up block on a rest day, not even for one done anyway
        search = [i for i in search if i.id not in waiting]
    allocation = allocate(follow_up, search, budget, settings["follow_up_share"])
    left_out += allocation.left_out
    first, second = split_search(allocation.search)
    sections = [("search", first), ("follow_up", allocation.follow_up), ("search", second)]
    blocks, overflow = lay_out(sections, ws, we, [(s, e) for s, e, _ in events])
    left_out += [(i, "no room left in work hours") for i in overflow if not i.done]

    placed = [item for block in blocks for item in block.items]
    moves_to = short_day(next_business)
    deferred = tuple(
        Deferred(item, f"{why}: moves to {moves_to}", next_business) for item, why in left_out
    )
    follow_minutes = sum(i.minutes for i in placed if i.layer == "follow_up")
    split = Split(
        budget_minutes=budget,
        follow_up_cap_minutes=allocation.cap,
        follow_up_minutes=follow_minutes,
        search_minutes=sum(i.minutes for i in placed if i.layer == "search"),
        done_follow_up_minutes=sum(i.minutes for i in placed if i.layer == "follow_up" and i.done),
        done_search_minutes=sum(i.minutes for i in placed if i.layer == "search" and i.done),
    )
    return DayPlan(
        date=day,
        business_day=business_day,
        split=split,
        blocks=tuple(
            PlannedBlock(b.layer, _clock(b.start), _clock(b.end), tuple(b.items)) for b in blocks
        ),
        deferred=deferred,
        glow=tuple(glow),
        warnings=tuple(_warnings(context, day, states, business_day, next_business)),
        events=tuple((_clock(s), _clock(e), label) for s, e, label in events),
        states=tuple(states),
    )


def find_item(plan: DayPlan, item_id: str) -> PlanItem | None:
    """The item with ``item_id`` in ``plan``, placed or deferred."""
    for item in plan.items():
        if item.id == item_id:
            return item
    for deferred in plan.deferred:
        if deferred.item.id == item_id:
            return deferred.item
    return None


def _item_json(item: PlanItem) -> dict[str, Any]:
    return {
        "id": item.id,
        "kind": item.kind,
        "title": item.title,
        "company": item.company,
        "contact": item.contact,
        "minutes": item.minutes,
        "due": item.due.isoformat() if item.due else None,
        "overdue_days": item.overdue_days,
        "glow": item.glow,
        "done": item.done,
        "reason": item.reason,
    }


def plan_to_json(plan: DayPlan) -> dict[str, Any]:
    """The plan as the JSON that ``nowwhat today --json`` prints (field names are a contract)."""
    split = plan.split
    return {
        "date": plan.date.isoformat(),
        "business_day": plan.business_day,
        "split": {
            "budget_minutes": split.budget_minutes,
            "follow_up_cap_minutes": split.follow_up_cap_minutes,
            "follow_up_minutes": split.follow_up_minutes,
            "search_minutes": split.search_minutes,
            "done_follow_up_minutes": split.done_follow_up_minutes,
            "done_search_minutes": split.done_search_minutes,
        },
        "blocks": [
            {
                "layer": block.layer,
                "start": format_clock(block.start),
                "end": format_clock(block.end),
                "items": [_item_json(i) for i in block.items],
            }
            for block in plan.blocks
        ],
        "deferred": [
            {**_item_json(d.item), "reason": d.reason, "to": d.to.isoformat()}
            for d in plan.deferred
        ],
        "events": [
            {"start": format_clock(s), "end": format_clock(e), "title": label}
            for s, e, label in plan.events
        ],
        "glow": [{"company": g.company, "until": g.until.isoformat()} for g in plan.glow],
        "warnings": [{"code": w.code, "message": w.message} for w in plan.warnings],
    }
