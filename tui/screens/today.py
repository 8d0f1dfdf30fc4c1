"""Today: the day's sandwich — search, follow-up, search — from now on, with why each item is there.

The plan is the engine's (``plan_day``): this screen shows it, re-plans as the clock moves (every
few minutes, when the app follows the real clock), and says why a key does nothing on a day
where it cannot work.
"""

from __future__ import annotations

from typing import ClassVar

import pendulum
from pendulum import Date, DateTime
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.widgets import OptionList, Static

from .. import actions
from ..engine.calendar import BusinessCalendar
from ..engine.debrief import DebriefPrompt, debrief_prompts
from ..engine.items import PlanItem
from ..engine.models import Contact, Interview, Records, Task
from ..engine.plan import DayPlan, plan_day
from ..engine.when import short_day
from ..widgets.plan_list import PlanList
from ..widgets.review_notice import mail_notice
from ..widgets.split_bar import SplitBar
from .base import DataScreen, brief

__all__ = ["TodayScreen"]

TICK_SECONDS = 30.0


def _slot(moment: DateTime) -> int:
    """The five-minute slot a moment falls in: the plan starts from it, so it changes then."""
    return int(moment.timestamp()) // 300


def _left(until: DateTime, now: DateTime) -> str:
    """``2 h 25 min``: how long the glow lasts, counting down in five-minute steps."""
    minutes = max(5, -(-int((until - now).total_seconds()) // 300) * 5)
    hours, rest = divmod(minutes, 60)
    if not hours:
        return f"{rest} min"
    return f"{hours} h" + (f" {rest} min" if rest else "")


class TodayScreen(DataScreen):
    """The plan for one day; ``[`` and ``]`` move between days, ``t`` comes back to today."""

    def active_only(self) -> bool:
        """Today and the days ahead plan from the search in progress; a day in the past from
        everything (its plan may reach back to where the archive begins)."""
        return self.day is None or self.day >= self.now().date()

    TITLE = "Today"
    # Its styles (today.tcss) are loaded with the app's: see NowwhatApp.CSS_PATH.
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "space", "done", "Done", id="today.done", tooltip="Mark the item done (again: undo)"
        ),
        Binding(
            "s",
            "snooze",
            "Snooze",
            id="today.snooze",
            tooltip="Move the item to the next business day",
        ),
        Binding("a", "add", "Add", id="today.add", tooltip="Add one of your own tasks"),
        Binding(
            "e",
            "edit",
            "Edit",
            id="today.edit",
            tooltip="Edit the task, interview or contact behind the item",
        ),
        Binding(
            "left_square_bracket",
            "day(-1)",
            "Prev",
            id="today.previous",
            key_display="[",
            tooltip="The previous business day",
        ),
        Binding(
            "right_square_bracket",
            "day(1)",
            "Next",
            id="today.next",
            key_display="]",
            tooltip="The next business day (plan ahead)",
        ),
        Binding("t", "today", "Back to today", id="today.today", show=False),
        # -- the debrief (issue 18): tui/engine/debrief.py, tui/modals/debrief.py --
        Binding(
            "b",
            "debrief",
            "Debrief",
            id="today.debrief",
            tooltip="The one-minute debrief of an interview that just ended",
        ),
        Binding(
            "x,delete",
            "delete",
            "Delete",
            id="today.delete",
            key_display="x",
            show=False,
            tooltip="Delete the task behind the item (asks first; u undoes)",
        ),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.day: Date | None = None  # None: follow the clock
        self.plan: DayPlan | None = None
        self.records: Records | None = None
        self.debriefs: tuple[DebriefPrompt, ...] = ()
        self._planned_at: DateTime | None = None
        self._today: Date | None = None

    def on_mount(self) -> None:
        # (DataScreen's on_mount runs too: Textual calls each class's handler in turn.)
        # The plan starts from now and the glow counts down: re-plan as the clock moves (a
        # fixed --now never moves, so nothing is redrawn then).
        self.set_interval(TICK_SECONDS, self._tick, name="clock")

    def _tick(self) -> None:
        if self._planned_at is None or self.app.screen is not self:
            return
        now = self.now()
        if _slot(now) != _slot(self._planned_at):
            self.refresh_data()

    def compose_body(self) -> ComposeResult:
        yield Static(id="glow")
        yield Static(id="debrief")  # the debrief prompt (issue 18)
        yield SplitBar(id="split")
        yield PlanList(id="plan")
        yield Static(id="why")
        yield Static(id="warnings")

    def show(self, records: Records, now: DateTime) -> None:
        self.records = records
        plan = plan_day(records, now, self.day)
        self.plan = plan
        self._planned_at = now
        today = now.in_timezone(records.settings.timezone).date()
        self._today = today
        if plan.date != today:
            when = " · planning ahead" if plan.date > today else " · looking back"
        elif plan.after_hours:
            when = " · work hours are over"
        else:
            when = ""
        self.sub_title = f"{plan.date.format('dddd D MMMM YYYY')}{when}" + mail_notice(records)
        self.query_one(SplitBar).split = plan.split
        self._show_glow(plan, now, today)
        self._show_debrief(records, now, plan.date == today)
        self.query_one(PlanList).show_plan(plan)
        self._show_why()
        self._show_warnings(plan)

    def _show_glow(self, plan: DayPlan, now: DateTime, today: Date) -> None:
        banner = self.query_one("#glow", Static)
        banner.display = bool(plan.glow)
        if not plan.glow:
            return
        window = plan.glow[0]
        tz = self.store.settings().timezone
        until = window.until.in_timezone(tz)
        text = Text("✦ glow: ")
        if plan.date == today:
            text.append(f"{_left(window.until, now)} left (until {until.format('HH:mm')}) after ")
        else:
            text.append(f"until {until.format('ddd HH:mm')} after ")
        text.append(window.company)
        text.append(" · avoided tasks first")
        banner.update(text)

    # -- the debrief (issue 18): the prompt comes from the engine, the form from modals/debrief --

    def _show_debrief(self, records: Records, now: DateTime, today: bool) -> None:
        self.debriefs = debrief_prompts(records, now) if today else ()
        line = self.query_one("#debrief", Static)
        line.display = bool(self.debriefs)
        if self.debriefs:
            text = Text("✎ b: ")
            text.append(self.debriefs[0].text)
            if len(self.debriefs) > 1:
                text.append(f" (and {len(self.debriefs) - 1} more)")
            line.update(text)

    def action_debrief(self) -> None:
        if not self.debriefs:
            self.notify(
                "No interview is waiting for its debrief (edit a past one with e on its item, "
                "or from the Waiting room).",
                markup=False,
            )
            return
        if len(self.debriefs) == 1:
            self._open_debrief(self.debriefs[0].interview.id)
            return
        from ..modals.pick import PickScreen

        choices = [(p.interview.id, Text(p.text)) for p in self.debriefs]
        self.app.push_screen(PickScreen("Which interview?", choices), self._open_debrief)

    def _open_debrief(self, interview_id: str | None) -> None:
        prompt = next((p for p in self.debriefs if p.interview.id == interview_id), None)
        if prompt is None:
            return
        from ..modals.debrief import DebriefForm

        form = DebriefForm(self.store, self.now, prompt.interview, prompt.company)
        self.app.push_screen(form, self._after_form)

    def _show_warnings(self, plan: DayPlan) -> None:
        panel = self.query_one("#warnings", Static)
        panel.display = bool(plan.warnings)
        text = Text()
        for number, warning in enumerate(plan.warnings):
            if number:
                text.append("\n")
            text.append("! ", style="bold")
            text.append(warning.message)
        panel.update(text)

    @on(OptionList.OptionHighlighted)
    def _highlighted(self) -> None:
        self.when_settled("why", self._show_why)

    def _show_why(self) -> None:
        plan_list = self.query_one(PlanList)
        item = plan_list.current
        why = self.query_one("#why", Static)
        if item is None:
            why.update("")
            return
        text = Text()
        text.append(item.title, style="bold")
        who = " · ".join(x for x in (item.company, item.contact) if x)
        if who:
            text.append(f"  ({who})")
        text.append("\n")
        moved = plan_list.why_moved.get(item.id)
        if moved:
            text.append(f"Not planned here: {moved}. ", style="bold")
        if item.due:
            text.append(f"due {short_day(item.due)} · ")
        if item.overdue_days and not item.done:
            days = item.overdue_days
            text.append(f"late by {days} business day{'s' if days != 1 else ''} · ")
        text.append(item.reason)
        why.update(text)

    # -- actions ----------------------------------------------------------------------------------

    def action_done(self) -> None:
        plan_list = self.query_one(PlanList)
        item = plan_list.current
        if item is None:
            self.notify("Move the cursor to an item first.", markup=False)
            return
        plan, today = self.plan, self._today
        if plan is None or today is None:
            return
        if plan.date > today:
            self.notify(
                f"{short_day(plan.date)} has not come yet: mark items done on today's plan "
                "(t goes back to today).",
                markup=False,
            )
            return
        # On an earlier day, it is done that day (when the plan had it), so that day shows it.
        when = self.now() if plan.date == today else self._moment_on(plan, item)
        # Tick the line in this frame; store the change and re-plan right after it is drawn.
        # (The re-plan of a large database takes longer than a keypress should.)
        plan_list.show_done(item.id, not item.done)
        self.call_after_refresh(self._commit_done, item, when, plan.date != today)

    def _moment_on(self, plan: DayPlan, item: PlanItem) -> DateTime:
        """The moment an item of an earlier day counts as done: its slot, else the day's end
        of work hours."""
        tz = self.store.settings().timezone
        day = plan.date
        clock = plan.work_hours[1]
        for block in plan.blocks:
            minute = block.start.hour * 60 + block.start.minute
            for planned in block.items:
                if planned.id == item.id:
                    clock = pendulum.Time(minute // 60, minute % 60)
                minute += planned.minutes
        return pendulum.datetime(day.year, day.month, day.day, clock.hour, clock.minute, tz=tz)

    def _commit_done(self, item: PlanItem, when: DateTime, earlier: bool) -> None:
        if item.done:  # space again: not done after all (and u puts the mark back)
            self.change_undoable(
                actions.undo_item,
                self.store,
                self.now(),
                item.id,
                item,
                summary=f"Not done: {brief(item.title)}",
            )
            return
        word = f"Done on {short_day(when.date())}" if earlier else "Done"
        self.change_undoable(
            actions.complete_item,
            self.store,
            when,
            item.id,
            item,
            summary=f"{word}: {brief(item.title)}",
        )

    def action_snooze(self) -> None:
        item = self.query_one(PlanList).current
        if item is None:
            self.notify("Move the cursor to an item first.", markup=False)
            return
        plan, today = self.plan, self._today
        if plan is None or today is None:
            return
        if plan.date < today:
            self.notify(
                f"{short_day(plan.date)} is over: snooze items on today's plan "
                "(t goes back to today).",
                markup=False,
            )
            return
        # Planning ahead, a snooze moves the item past the day you are looking at.
        to = (
            None
            if plan.date == today
            else BusinessCalendar(self.store.settings().country).next(plan.date)
        )
        self.change_undoable(
            actions.snooze_item,
            self.store,
            self.now(),
            item.id,
            to,
            item,
            summary=lambda day: f"Snoozed to {short_day(day)}: {brief(item.title)}",
        )

    def action_delete(self) -> None:
        """Delete the task behind the item (asks first); a planned item has nothing to delete."""
        item = self.query_one(PlanList).current
        if item is None or self.records is None:
            self.notify("Move the cursor to an item first.", markup=False)
            return
        task = next((t for t in self.records.tasks if t.id == item.id), None)
        if task is None or task.id.startswith(("goal-", "glow-")):
            self.notify(
                "This item is made by the plan's rules, not a task of yours: it goes once it is "
                "done (space) or snoozed (s).",
                markup=False,
            )
            return
        self.confirm_delete("task", task.id)

    def action_add(self) -> None:
        from ..modals.records import task_form

        self.app.push_screen(task_form(self.store, self.now()), self._after_form)

    def action_edit(self) -> None:
        item = self.query_one(PlanList).current
        if item is None or self.records is None:
            self.notify("Move the cursor to an item first.", markup=False)
            return
        from ..modals.records import contact_form, interview_form, task_form

        records = self.records
        task = next((t for t in records.tasks if t.id == item.id), None)
        if isinstance(task, Task):
            self.app.push_screen(task_form(self.store, self.now(), task), self._after_form)
            return
        interview_id = item.id.split("-", 1)[1] if item.kind in {"thank_you", "check_in"} else ""
        interview = next((i for i in records.interviews if i.id == interview_id), None)
        if isinstance(interview, Interview):
            self.app.push_screen(
                interview_form(self.store, self.now(), interview), self._after_form
            )
            return
        contact = next((c for c in records.contacts if c.id == item.contact_id), None)
        if isinstance(contact, Contact):
            self.app.push_screen(contact_form(self.store, self.now(), contact), self._after_form)
            return
        if item.kind == "find_advocate" and item.company:
            # Nothing to edit yet: the way forward is adding the advocate once found.
            self.app.push_screen(
                contact_form(self.store, self.now(), advocate=True, company=item.company),
                self._after_form,
            )
            return
        if item.goal:
            why = "comes from your weekly goals: change them with nowwhat settings"
        else:
            why = "is made by the plan's rules and has nothing of its own to edit"
        self.notify(f"This item {why}.", markup=False)

    def _after_form(self, saved: bool | None) -> None:
        if saved:
            self.nowwhat.data_changed()

    def action_day(self, step: int) -> None:
        settings = self.store.settings()
        current = self.plan.date if self.plan else self.now().date()
        calendar = BusinessCalendar(settings.country)
        target = current.add(days=step)
        # Hop over weekends and holidays: the plan of a rest day is rarely what you want.
        while not calendar.is_business_day(target) and abs((target - current).days) < 7:
            target = target.add(days=step)
        self.day = target
        self.refresh_data()

    def action_today(self) -> None:
        self.day = None
        self.refresh_data()
