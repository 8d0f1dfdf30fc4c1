"""The waiting room: who owes an answer, since when, what was promised, and what to do next."""

from __future__ import annotations

from typing import ClassVar

from pendulum import Date, DateTime
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.widgets import DataTable, Static

from ..engine.items import KIND_LABEL, TOUCH_LABEL
from ..engine.lookup import company_key
from ..engine.models import Records
from ..engine.silence import SilenceNote, answer_history_of, silence_note
from ..engine.waiting import NextStep, WaitingRoom, WaitingRow, waiting_room
from ..engine.when import short_day
from ..modals.records import interview_form, touch_form
from ..widgets.review_notice import mail_notice
from ..widgets.table import RecordTable, cell
from .base import WIDTH_CLASSES, DataScreen

__all__ = ["STATE_STYLE", "WaitingScreen"]

STATE_STYLE = {
    "waiting": ("waiting", "bold cyan"),
    "promise_broken": ("promise broken", "bold red"),
    "gone_quiet": ("gone quiet", "bold magenta"),
    "heard_back": ("heard back", "bold green"),
}
ARROW = {"in": "←", "out": "→"}


def _ago(days: int) -> str:
    return "today" if days == 0 else ("yesterday" if days == 1 else f"{days} days ago")


def _step_text(step: NextStep, today: Date) -> tuple[str, str]:
    """``check-in today``, ``ask advocate Fri 4``, ``thank-you late, Mon 30``: the engine's next
    step (the one Today plans and the composer drafts)."""
    what = KIND_LABEL.get(step.kind, step.kind.replace("_", " "))
    if step.kind == "check_in" and step.number > 1:
        what = f"check-in {step.number}"
    if step.due == today:
        return f"{what} today", ""
    when = f"{step.due.strftime('%a')} {step.due.day}"
    if step.is_late(today):  # still undone: say so, not just show a past date
        return f"{what} late, {when}", "bold"
    return f"{what} {when}", ""


class WaitingScreen(DataScreen):
    """Every opportunity waiting for an answer, and the timeline of the selected one."""

    TITLE = "Waiting room"
    HORIZONTAL_BREAKPOINTS = WIDTH_CLASSES
    CSS_PATH = "waiting.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "details", "Show details", id="waiting.details", show=False),
        Binding(
            "d",
            "toggle_details",
            "Hide/show details",
            id="waiting.toggle_details",
            show=False,
            tooltip="More rows on a small screen; the timeline comes back with d or enter",
        ),
        Binding(
            "l",
            "log",
            "Log touch",
            id="waiting.log",
            tooltip="Log a thank-you, a check-in, or hearing back (with the outcome)",
        ),
        Binding("i", "interview", "Add interview", id="waiting.interview"),
        Binding(
            "e",
            "edit",
            "Edit",
            id="waiting.edit",
            tooltip="Edit the latest interview (its promised date, how it felt, skills)",
        ),
        Binding(
            "h",
            "history",
            "History",
            id="waiting.history",
            tooltip="Its interviews and touches: correct one (enter) or delete one (x)",
        ),
        Binding(
            "c",
            "compose",
            "Compose",
            id="waiting.compose",
            tooltip="Write the message that fits: thank-you, check-in or close-out",
        ),
        Binding(
            "g",
            "stage",
            "Stage",
            id="waiting.stage",
            show=False,
            tooltip="Move it to another stage: offer, offer in hand, rejected, withdrawn, closed…",
        ),
        Binding(
            "x,delete",
            "delete",
            "Delete",
            id="waiting.delete",
            key_display="x",
            show=False,
            tooltip="Delete the opportunity with its interviews and touches (asks first; u undoes)",
        ),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.room: WaitingRoom | None = None
        self.records: Records | None = None
        self.silences: dict[str, SilenceNote] = {}

    def compose_body(self) -> ComposeResult:
        yield Static(id="history")
        with Horizontal(id="waiting-body"):
            yield RecordTable(id="rooms")
            yield Static(id="timeline")

    def show(self, records: Records, now: DateTime) -> None:
        self.records = records
        room = waiting_room(records, now)
        self.room = room
        self._note_silences(room, records, now)  # issue 18: the silence in proportion
        today = now.in_timezone(records.settings.timezone).date()
        self.sub_title = mail_notice(records).removeprefix(" · ")  # mail to review (issue 16)
        history = self.query_one("#history", Static)
        if room.median_answer_days is None:
            line = Text("No answers logged yet: your own answer times will show here.")
        else:
            line = Text(
                f"Companies have answered you in a median of {room.median_answer_days:g} days "
                f"({room.answers_seen} answers). Silence past that is marked."
            )
        glow = self._glow_words(room.glow, now)
        if glow is not None:
            line.append("\n")
            line.append_text(glow)
        history.update(line)
        width = self.size.width
        columns = ["Company", "Silent", "State", "Next step"]
        if width >= 100:
            columns[1:1] = ["Interviewed", "Promised"]
        if width >= 115:
            columns.append("Advocates")
        if width >= 140:
            columns[1:1] = ["Role"]
        rows = []
        for row in room.rows:
            cells = self._cells(row, today, room)
            rows.append((row.state.opportunity.id, [cells[c] for c in columns]))
        table = self.query_one(RecordTable)
        table.fill(columns, rows, keep=["Silent", "State", "Next step"])
        if not rows:
            self.query_one("#timeline", Static).update(
                Text("Nobody owes you an answer yet. Add an interview with i.")
            )
        else:
            self._show_timeline()

    def _cells(self, row: WaitingRow, today: Date, room: WaitingRoom) -> dict[str, Text]:
        state = row.state
        label, style = STATE_STYLE[state.state]
        if self.app.no_color:  # a grey of a colour can vanish on the dark grey: the word says it
            style = "bold"
        held = state.interview.start.in_timezone(self.store.settings().timezone).date()
        promised = state.interview.promised_by
        silence = row.silence_days
        late = (
            silence is not None
            and room.median_answer_days is not None
            and silence > room.median_answer_days
        )
        step = row.next_step
        step_text, step_style = _step_text(step, today) if step else ("—", "")
        return {
            "Company": cell(state.opportunity.company),
            "Role": cell(state.opportunity.role),
            "Interviewed": cell(_ago((today - held).days)),
            "Promised": cell(short_day(promised) if promised else "—"),
            "Silent": cell(
                "—" if silence is None else self._silent_text(row) + (" !" if late else ""),
                "bold" if late else "",
            ),
            "State": cell(label, style),
            "Next step": cell(step_text, step_style),
            "Advocates": cell(", ".join(c.name for c in row.advocates) or "—"),
        }

    def _glow_words(self, row: WaitingRow | None, now: DateTime) -> Text | None:
        """The glow, on or just over: it fades visibly instead of vanishing."""
        if row is None or row.glow_until is None:
            return None
        tz = self.store.settings().timezone
        until = row.glow_until.in_timezone(tz)
        text = Text()
        if row.glow_active:
            hours = max(0, int((row.glow_until - now).total_seconds()) // 3600)
            text.append("✦ glow", style="" if self.app.no_color else "bold")
            text.append(
                f" after {row.company} until {until.format('ddd HH:mm')} "
                f"({hours} h left): what you put off goes first."
            )
        else:
            text.append(
                f"The glow after {row.company} ended {short_day(until.date())} "
                f"{until.format('HH:mm')}."
            )
        return text

    def _selected(self) -> WaitingRow | None:
        if self.room is None:
            return None
        key = self.query_one(RecordTable).current_key
        return next((r for r in self.room.rows if r.state.opportunity.id == key), None)

    @on(DataTable.RowHighlighted)
    def _highlighted(self) -> None:
        self.when_settled("timeline", self._show_timeline)

    def _show_timeline(self) -> None:
        row = self._selected()
        pane = self.query_one("#timeline", Static)
        if row is None or self.records is None:
            pane.update("")
            return
        records = self.records
        tz = records.settings.timezone
        opportunity = row.state.opportunity
        people = {c.id: c.name for c in records.contacts}
        events: list[tuple[DateTime, Text]] = []
        for interview in records.interviews:
            if interview.opportunity_id != opportunity.id:
                continue
            line = Text(f"interview · {interview.kind}" + (" · cancelled" * interview.cancelled))
            if interview.felt:
                line.append(f" · felt {interview.felt}")
            if interview.promised_by:
                line.append(f" · promised by {short_day(interview.promised_by)}")
            if interview.skills:
                line.append(" · " + ", ".join(interview.skills))
            events.append((interview.start, line))
        key = company_key(opportunity.company)
        company_of = {c.id: company_key(c.company) for c in records.contacts}
        for touch in records.touches:
            if touch.opportunity_id != opportunity.id and not (
                touch.opportunity_id is None and company_of.get(touch.contact_id or "") == key
            ):
                continue
            line = Text(f"{ARROW[touch.direction]} {TOUCH_LABEL.get(touch.kind, touch.kind)}")
            if touch.outcome:
                line.append(f": {touch.outcome.replace('_', ' ')}")
            if touch.contact_id in people:
                line.append(f" · {people[touch.contact_id or '']}")
            if touch.note:
                line.append(f" — {touch.note}")
            events.append((touch.at, line))
        events.sort(key=lambda e: e[0])
        text = Text()
        text.append(opportunity.company, style="bold")
        if opportunity.role:
            text.append(f" · {opportunity.role}")
        if row.state.interview.promised_by:
            text.append(f" · promised by {short_day(row.state.interview.promised_by)}")
        if row.silence_days is None:
            text.append(" · they answered")
        text.append("\n")
        note = self.silences.get(opportunity.id)  # issue 18: the silence in proportion
        if note is not None:
            text.append(note.sentence, style="italic")
            text.append("\n")
        today = self.now().in_timezone(tz).date()
        if row.steps:
            text.append("next: ", style="bold")
            text.append(" · then ".join(_step_text(s, today)[0] for s in row.steps[:3]))
            text.append("\n")
        glow = self._glow_words(row, self.now())
        if glow is not None:
            text.append_text(glow)
            text.append("\n")
        for moment, line in events:
            local = moment.in_timezone(tz)
            text.append(f"{short_day(local.date())} {local.format('HH:mm')}  ", style="dim")
            text.append_text(line)
            text.append("\n")
        if row.upcoming:
            text.append(
                f"next interview {short_day(row.upcoming.start.in_timezone(tz).date())}",
                style="bold",
            )
            text.append("\n")
        if opportunity.posting:
            text.append("posting: ", style="bold")
            gone = opportunity.posting == "gone"
            text.append(
                opportunity.posting,
                style=("bold" if self.app.no_color else "bold red") if gone else "",
            )
            if opportunity.posting_checked:
                text.append(
                    f" (checked {short_day(opportunity.posting_checked)}: "
                    f"{opportunity.posting_note})"
                )
            text.append("\n")
        if row.advocates:
            text.append("advocates: ", style="bold")
            text.append(", ".join(c.name for c in row.advocates))
        pane.update(text)

    # -- the silence in proportion (issue 18): words from tui/engine/silence.py ------------------

    def _note_silences(self, room: WaitingRoom, records: Records, now: DateTime) -> None:
        history = answer_history_of(records, now)
        self.silences = {
            row.state.opportunity.id: silence_note(row.silence_days, history)
            for row in room.rows
            if row.state.state != "heard_back" and row.silence_days is not None
        }

    def _silent_text(self, row: WaitingRow) -> str:
        note = self.silences.get(row.state.opportunity.id)
        return note.short if note is not None else f"{row.silence_days} d"

    # -- actions ----------------------------------------------------------------------------------

    def action_details(self) -> None:
        self.query_one("#timeline", Static).display = True

    def action_toggle_details(self) -> None:
        pane = self.query_one("#timeline", Static)
        pane.display = not pane.display

    @on(DataTable.RowSelected)
    def _selected_row(self) -> None:
        self.action_details()

    def action_log(self) -> None:
        row = self._selected()
        kind = "check_in"
        if row and row.next_step and row.next_step.kind in {"thank_you", "check_in"}:
            kind = row.next_step.kind
        self.app.push_screen(
            touch_form(
                self.store,
                self.now(),
                opportunity=row.state.opportunity if row else None,
                kind=kind,
            ),
            self._after_form,
        )

    def action_interview(self) -> None:
        row = self._selected()
        self.app.push_screen(
            interview_form(
                self.store, self.now(), for_opportunity=row.state.opportunity if row else None
            ),
            self._after_form,
        )

    def action_stage(self) -> None:
        row = self._selected()
        if row is None:
            self.notify("Choose an opportunity first.", markup=False)
            return
        from .pipeline import change_stage

        change_stage(self, row.state.opportunity)

    def action_delete(self) -> None:
        row = self._selected()
        if row is None:
            self.notify("Choose an opportunity first.", markup=False)
            return
        self.confirm_delete("opportunity", row.state.opportunity.id)

    def action_edit(self) -> None:
        row = self._selected()
        if row is None:
            self.notify("Choose an opportunity first.", markup=False)
            return
        self.app.push_screen(
            interview_form(self.store, self.now(), row.state.interview), self._after_form
        )

    def action_history(self) -> None:
        """The opportunity's interviews and touches, newest first: edit one or delete one."""
        row = self._selected()
        if row is None or self.records is None:
            self.notify("Choose an opportunity first.", markup=False)
            return
        from ..modals.history import open_history

        opportunity = row.state.opportunity
        open_history(
            self,
            f"{opportunity.company}: interviews and touches",
            (i for i in self.records.interviews if i.opportunity_id == opportunity.id),
            (t for t in self.records.touches if t.opportunity_id == opportunity.id),
            empty="Nothing logged for this opportunity yet (l logs a touch).",
        )

    def action_compose(self) -> None:
        row = self._selected()
        if row is None:
            self.notify("Choose an opportunity first.", markup=False)
            return
        self.open_composer(opportunity=row.state.opportunity)

    def _after_form(self, saved: bool | None) -> None:
        if saved:
            self.nowwhat.data_changed()

    def on_resize(self) -> None:
        if self.records is not None:
            self.refresh_data()
