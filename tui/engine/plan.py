"""The day plan: every rule's items for one day, shared out and laid out as a sandwich.

``plan_day(records, now, day)`` is the engine's main entry point. It reads no clock: ``now`` is
the moment the plan is made at. A day after today is planned as of its start (what is known
now, nothing new logged); today as of ``now``; an earlier day as of its end.

Today's plan starts from ``now``: what is done keeps the slot the day's plan gave it, and what
is left is laid out from the current time (rounded up to 5 minutes) to the end of work hours;
what no longer fits moves to the next business day with the reason. After work hours the plan
says so and carries the next business day's first block. Prep for an interview goes first and
must end before the interview; once the interview has begun it is no longer planned.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import Any

import pendulum
from pendulum import Date, DateTime, Time

from .context import Context, build_context
from .followups import FollowUpState
from .goals import GOALS, done_this_week, goal_items, target_by
from .items import CALL_KINDS, FOLLOW_UP_KINDS, PlanItem
from .lookup import company_key, opportunity_for
from .models import Interview, Records, Task
from .network import network_items
from .sandwich import allocate, blocks_of, free_minutes, place, split_search
from .steps import follow_up_items
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

RANK_OF_KIND = {
    "thank_you": 0,
    "close_out": 0,
    "check_in": 1,
    "advocate_ask": 2,
    "find_advocate": 3,
}


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
    work_hours: tuple[Time, Time] = (Time(9, 0), Time(17, 0))
    now: Time | None = None
    """The local time the plan was made at, when the day is today (else ``None``)."""
    open_from: Time | None = None
    """Where new work starts: work start, or ``now`` rounded up to 5 minutes, on today."""
    after_hours: bool = False
    """Today, after the end of work hours: nothing new is planned until tomorrow."""
    next_day: Date | None = None
    next_block: PlannedBlock | None = None
    """After hours: the next business day's first block, so the person knows how it starts."""
    goal_note: str = ""
    """The weekly goals in words ("10 applications and 5 networking calls a week")."""

    def items(self) -> list[PlanItem]:
        """Every placed item, in order."""
        return [item for block in self.blocks for item in block.items]

    def late(self) -> list[PlanItem]:
        """Open items past their day, placed or moved: what the "late" heading counts."""
        placed = [i for i in self.items() if i.overdue_days and not i.done]
        return placed + [d.item for d in self.deferred if d.item.overdue_days]


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
    limit = int(context.settings["avoided_after"])
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
        # Put off: each snooze, and each business day it stayed undone past the day it was
        # due (or snoozed to).
        planned_for = task.due
        if task.snoozed_to is not None and (planned_for is None or task.snoozed_to > planned_for):
            planned_for = task.snoozed_to
        slid = 0
        if planned_for is not None and planned_for < day and not done_today:
            slid = context.calendar.between(planned_for, day)
        put_off = context.snoozes_of.get(task.id, 0) + slid
        avoided = put_off >= limit and not done_today
        reason = f"Your own task ({due_text})."
        if avoided:
            reason += f" You have put this off {_times(put_off)}."
        items.append(
            PlanItem(
                id=task.id,
                kind=task.kind,
                title=task.title,
                minutes=_task_minutes(context, task),
                due=task.due,
                overdue_days=context.calendar.between(task.due, day) if task.due else 0,
                reason=reason,
                company=task.company or None,
                done=done_today,
                source_id=task.id,
                rank=(1, task.due.toordinal() if task.due else 10**6, f"{position:08d}"),
                put_off=put_off,
                avoided=avoided,
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
        elif touch.kind == "close_out" and opportunity is not None:
            item_id = f"co-{opportunity.id}"
            title = f"Close out with {opportunity.company} graciously"
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
    marked = {"fa-": ("find_advocate", "Find an advocate at {}"), "co-": _CLOSE_OUT}
    for item_id, mark in context.marks.items():
        found = marked.get(item_id[:3])
        if (
            found is not None
            and mark.done_at is not None
            and mark.done_at <= as_of
            and context.on_day(mark.done_at, day)
        ):
            kind, words = found
            opportunity = context.opportunities.get(item_id[3:])
            company = opportunity.company if opportunity else None
            done.setdefault(
                item_id,
                PlanItem(
                    id=item_id,
                    kind=kind,
                    title=words.format(company),
                    minutes=int(settings[f"minutes_{kind}"]),
                    due=day,
                    reason="Done.",
                    company=company,
                    done=True,
                    opportunity_id=opportunity.id if opportunity else None,
                    source_id=mark.id,
                    rank=(RANK_OF_KIND[kind], 0, company_key(company or "")),
                ),
            )
    return list(done.values())


_CLOSE_OUT = ("close_out", "Close out with {} graciously")


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


_GLOW_NOTE = " Glow: make it while the interview is fresh."


def _times(count: int) -> str:
    return "once" if count == 1 else ("twice" if count == 2 else f"{count} times")


def _marked_avoided(context: Context, items: list[PlanItem]) -> list[PlanItem]:
    """Snoozes count for every item (derived ones too); the own tasks' slides were counted with
    them. Put off ``avoided_after`` times or more: avoided, and the reason says so."""
    limit = int(context.settings["avoided_after"])
    marked = []
    for item in items:
        if item.avoided or item.id in context.task_position:
            marked.append(item)  # an own task: counted with its slides in _own_tasks
            continue
        put_off = context.snoozes_of.get(item.id, 0)
        if not put_off:
            marked.append(item)
            continue
        if put_off >= limit and not item.done:
            item = dataclasses.replace(
                item,
                put_off=put_off,
                avoided=True,
                reason=f"{item.reason} You have put this off {_times(put_off)}.",
            )
        elif put_off != item.put_off:
            item = dataclasses.replace(item, put_off=put_off)
        marked.append(item)
    return marked


def _glowing(item: PlanItem) -> PlanItem:
    if item.avoided:
        reason = item.reason.replace(
            f"You have put this off {_times(item.put_off)}.",
            f"You have put this off {_times(item.put_off)} — now is the moment.",
        )
        return dataclasses.replace(item, glow=True, reason=reason)
    return dataclasses.replace(item, glow=True, reason=item.reason + _GLOW_NOTE)


def _with_glow(
    context: Context,
    items: list[PlanItem],
    day: Date,
    windows: list[GlowWindow],
    first: int = 0,
) -> list[PlanItem]:
    """During the glow: what the person keeps avoiding goes first, then the calls, all marked
    glow; with neither, the call they have been putting off. ``first`` items (prep for an
    interview) stay ahead of them."""
    if not windows:
        return items
    ahead, rest = items[:first], items[first:]
    avoided = [_glowing(i) for i in rest if i.avoided and not i.done]
    calls = [_glowing(i) for i in rest if i.kind in CALL_KINDS and not i.avoided and not i.done]
    lifted = {i.id for i in avoided + calls}
    rest = [i for i in rest if i.id not in lifted]
    if not avoided and not calls:
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
    return ahead + avoided + calls + rest


def _avoided_first(items: list[PlanItem], windows: list[GlowWindow]) -> list[PlanItem]:
    """The follow-up layer during the glow: avoided items first, marked glow."""
    if not windows:
        return items
    avoided = [_glowing(i) for i in items if i.avoided and not i.done]
    lifted = {i.id for i in avoided}
    return avoided + [i for i in items if i.id not in lifted]


@dataclass(frozen=True, slots=True)
class _Prep:
    """A prep task and the interview it is for."""

    interview: Interview
    label: str  # "Harbor & Pine onsite"
    started: bool  # the interview has begun: too late to prepare


def _prep_for(context: Context, items: list[PlanItem], as_of: DateTime) -> dict[str, _Prep]:
    """Own prep tasks with a company: the first interview there on or after the day the task
    is due (else after it was made, else from now) is the one it prepares for."""
    tasks = {t.id: t for t in context.records.tasks}
    links: dict[str, _Prep] = {}
    for item in items:
        task = tasks.get(item.id)
        if item.kind != "prep" or item.done or task is None or not task.company:
            continue
        since = context.bounds(task.due)[0] if task.due is not None else task.created_at or as_of
        key = company_key(task.company)
        found: tuple[Interview, str] | None = None
        for opportunity in context.records.opportunities:
            if not opportunity.active or company_key(opportunity.company) != key:
                continue
            for interview in context.interviews_of.get(opportunity.id, []):
                if interview.start >= since and (found is None or interview.start < found[0].start):
                    found = (interview, f"{opportunity.company} {interview.kind}")
        if found is not None:
            interview, label = found
            links[item.id] = _Prep(interview, label, interview.start <= as_of)
    return links


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
    if context.offer is not None:
        others = sum(
            1
            for o in context.records.opportunities
            if o.active and not o.offer_in_hand and o.stage != "lead"
        )
        warnings.append(
            Warning(
                "offer_in_hand",
                f"Offer in hand from {context.offer.company}: the search can rest. "
                + (
                    f"Close out the other {others} graciously."
                    if others
                    else "Nothing else is open."
                ),
                company=context.offer.company,
            )
        )
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
        if state.state == "gone_quiet" and not offer:
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


def _ceil5(minute: int) -> int:
    return -(-minute // 5) * 5


def _goal_note(context: Context) -> str:
    parts = [
        f"{context.settings[goal.setting]} {goal.noun}"
        for goal in GOALS
        if context.settings[goal.setting]
    ]
    return (" and ".join(parts) + " a week") if parts else ""


def plan_day(records: Records, now: DateTime, day: Date | None = None) -> DayPlan:
    """Plan ``day`` (default: the local date of ``now``)."""
    context = build_context(records, now)
    day = day or context.today
    as_of = _as_of(context, day)
    is_today = day == context.today
    settings, calendar = context.settings, context.calendar
    business_day = calendar.is_business_day(day)
    next_business = calendar.next(day)
    moves_to = short_day(next_business)

    ws, we = _minute(settings.clock("work_start")), _minute(settings.clock("work_end"))
    events = _events(context, day, ws, we)
    busy = [(s, e) for s, e, _ in events]
    event_minutes = sum(end - start for start, end, _ in events)
    day_budget = max(0, min(settings["daily_minutes"] - event_minutes, (we - ws) - event_minutes))

    chasing, states = follow_up_items(context, as_of, day)
    done_follow = _done_follow_ups(context, as_of, day)
    follow_up = sorted(
        _merge(chasing, [i for i in done_follow if i.kind in FOLLOW_UP_KINDS]),
        key=lambda i: i.rank,
    )
    own = _own_tasks(context, as_of, day)
    network = _merge(
        network_items(context, as_of, day), [i for i in done_follow if i.kind == "network_update"]
    )
    glow = _glow_windows(context, as_of, day)
    goals = goal_items(context, day, own) if context.offer is None else []
    follow_up = _avoided_first(_marked_avoided(context, follow_up), glow)
    search = _marked_avoided(context, own + network + goals)

    # Prep goes first, and must end before its interview; once that has begun it is moot.
    left_out: list[tuple[PlanItem, str, Date]] = []
    preps = _prep_for(context, search, as_of)
    deadlines: dict[str, int] = {}
    for item_id, link in preps.items():
        if link.started:
            continue
        start = link.interview.start.in_timezone(context.tz)
        if context.on_day(link.interview.start, day):
            deadlines[item_id] = start.hour * 60 + start.minute
    prep_items = []
    for item in search:
        prep = preps.get(item.id)
        if prep is None:
            continue
        start = prep.interview.start.in_timezone(context.tz)
        when = f"{short_day(context.local_day(prep.interview.start))} {start.format('HH:mm')}"
        if prep.started:
            if context.on_day(prep.interview.start, day):
                left_out.append(
                    (item, f"the {prep.label} it prepares for has begun: mark it done", day)
                )
            continue
        prep_items.append(
            dataclasses.replace(
                item,
                before=f"{prep.label}, {when}",
                reason=f"{item.reason} Before the {prep.label} ({when}).",
            )
        )
    prepped = {i.id for i in prep_items}
    expired = {item_id for item_id, link in preps.items() if link.started}
    search = prep_items + [i for i in search if i.id not in prepped and i.id not in expired]
    if business_day:  # a rest day shows the glow, but plans no call for it
        search = _with_glow(context, search, day, glow, first=len(prep_items))

    if not business_day:
        rest = "rest day"
        # Follow-ups and network updates wait for the next business day, and so do the
        # person's own tasks unless they set them for this very day; each says so.
        waits = [i for i in follow_up + network if not i.done]
        waits += [i for i in own if not i.done and i.due != day and i.id not in expired]
        left_out += [(i, rest, next_business) for i in waits]
        waiting = {i.id for i in waits}
        follow_up = []  # no follow-up block on a rest day, not even for one done anyway
        search = [i for i in search if i.id not in waiting]

    share = settings["follow_up_share"]
    whole = allocate(follow_up, search, day_budget, share)
    first, second = split_search(whole.search)
    sections = [("search", first), ("follow_up", whole.follow_up), ("search", second)]
    morning, morning_over = place(sections, ws, we, busy, deadlines)

    now_minute = None
    open_from = ws
    if is_today:
        local = context.now
        now_minute = local.hour * 60 + local.minute
        open_from = max(ws, min(_ceil5(now_minute), 24 * 60 - 1))
    after_hours = now_minute is not None and now_minute >= we
    clock_now = format_clock(_clock(now_minute)) if now_minute is not None else ""
    if open_from == ws:  # planned from the start of work hours: the plan as a whole
        allocation, placed, overflow = whole, morning, morning_over
        no_room = "no room left in work hours"
    else:
        # What is done keeps its slot in the day's plan; what is left starts from now.
        kept = [p for p in morning if p.item.done]
        busy_now = busy + [(p.start, p.end) for p in kept]
        done_minutes = sum(i.minutes for i in follow_up + search if i.done)
        budget = min(day_budget, done_minutes + free_minutes(open_from, we, busy_now))
        if after_hours:
            no_room = f"the working day ended at {format_clock(_clock(we))}"
        else:
            no_room = f"no time left before {format_clock(_clock(we))} (it is {clock_now})"
        allocation = allocate(follow_up, search, budget, share, full=no_room)
        first, second = split_search(allocation.search)
        rest_sections = [
            (layer, [i for i in items if not i.done] + [i for i, _ in morning_over if i.done])
            if n == 0
            else (layer, [i for i in items if not i.done])
            for n, (layer, items) in enumerate(
                [("search", first), ("follow_up", allocation.follow_up), ("search", second)]
            )
        ]
        opened, overflow = place(rest_sections, open_from, we, busy_now, deadlines)
        placed = kept + opened
    fitted_the_day = {i.id for i in whole.follow_up + whole.search}
    for item, reason in allocation.left_out:
        # What the day had room for, but not the time left of it, says so.
        left_out.append((item, no_room if item.id in fitted_the_day else reason, next_business))
    left_out += [(item, no_room, next_business) for item, _ in overflow if not item.done]
    # Prep that cannot fit on its interview's day stays on that day: after it, it is moot.
    for number, (item, _reason, to) in enumerate(left_out):
        linked = preps.get(item.id)
        if linked is not None and item.id in deadlines and to != day:
            at = linked.interview.start.in_timezone(context.tz).format("HH:mm")
            left_out[number] = (item, f"no room before the {linked.label} at {at}", day)

    blocks = blocks_of(placed)
    placed_items = [p.item for p in placed]
    deferred = tuple(
        Deferred(item, f"{why}: moves to {moves_to}" if to != day else why, to)
        for item, why, to in left_out
    )
    split = Split(
        budget_minutes=allocation.budget,
        follow_up_cap_minutes=allocation.cap,
        follow_up_minutes=sum(i.minutes for i in placed_items if i.layer == "follow_up"),
        search_minutes=sum(i.minutes for i in placed_items if i.layer == "search"),
        done_follow_up_minutes=sum(
            i.minutes for i in placed_items if i.layer == "follow_up" and i.done
        ),
        done_search_minutes=sum(i.minutes for i in placed_items if i.layer == "search" and i.done),
    )
    next_block = None
    if after_hours:
        ahead = plan_day(records, now, next_business)
        next_block = ahead.blocks[0] if ahead.blocks else None
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
        work_hours=(_clock(ws), _clock(we)),
        now=_clock(now_minute) if now_minute is not None else None,
        open_from=_clock(open_from) if is_today else None,
        after_hours=after_hours,
        next_day=next_business if after_hours else None,
        next_block=next_block,
        goal_note=_goal_note(context),
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
        "put_off": item.put_off,
        "avoided": item.avoided,
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
        "now": format_clock(plan.now) if plan.now else None,
        "after_hours": plan.after_hours,
        "next_block": (
            {
                "date": plan.next_day.isoformat() if plan.next_day else None,
                "layer": plan.next_block.layer,
                "start": format_clock(plan.next_block.start),
                "end": format_clock(plan.next_block.end),
                "items": [_item_json(i) for i in plan.next_block.items],
            }
            if plan.next_block
            else None
        ),
    }
