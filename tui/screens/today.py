"""Today: the day's sandwich — search, follow-up, search — with why each item is there."""

from __future__ import annotations

from typing import ClassVar

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
from .base import DataScreen

__all__ = ["TodayScreen"]


class TodayScreen(DataScreen):
    """The plan for one day; ``[`` and ``]`` move between days, ``t`` comes back to today."""

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
    ]

    def __init__(self) -> None:
        super().__init__()
        self.day: Date | None = None  # None: follow the clock
        self.plan: DayPlan | None = None
        self.records: Records | None = None
        self.debriefs: tuple[DebriefPrompt, ...] = ()

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
        today = now.in_timezone(records.settings.timezone).date()
        when = (
            ""
            if plan.date == today
            else (" · planning ahead" if plan.date > today else " · looking back")
        )
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
        text = Text("✦ glow: ")
        if plan.date == today:
            hours = max(1, round((window.until - now).total_seconds() / 3600))
            text.append(f"{hours} h left after ")
        else:
            text.append(f"until {window.until.format('ddd HH:mm')} after ")
        text.append(window.company)
        text.append(" · make the calls you have been putting off")
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
        item = self.query_one(PlanList).current
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
        if item.due:
            text.append(f"due {short_day(item.due)} · ")
        text.append(item.reason)
        why.update(text)

    # -- actions ----------------------------------------------------------------------------------

    def action_done(self) -> None:
        plan_list = self.query_one(PlanList)
        item = plan_list.current
        if item is None:
            self.notify("Move the cursor to an item first.", markup=False)
            return
        # Tick the line in this frame; store the change and re-plan right after it is drawn.
        # (The re-plan of a large database takes longer than a keypress should.)
        plan_list.show_done(item.id, not item.done)
        self.call_after_refresh(self._commit_done, item)

    def _commit_done(self, item: PlanItem) -> None:
        work = actions.undo_item if item.done else actions.complete_item
        word = "Undone" if item.done else "Done"
        self.change(
            work,
            self.store,
            self.now(),
            item.id,
            item,
            done=lambda _: self.notify(f"{word}: {item.title}", markup=False),
        )

    def action_snooze(self) -> None:
        item = self.query_one(PlanList).current
        if item is None:
            self.notify("Move the cursor to an item first.", markup=False)
            return
        self.change(
            actions.snooze_item,
            self.store,
            self.now(),
            item.id,
            None,
            item,
            done=lambda day: self.notify(
                f"Snoozed to {short_day(day)}: {item.title}", markup=False
            ),
        )

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
