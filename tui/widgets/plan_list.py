"""The day's plan as a list: block headings, items with time and badges, now, what moved, events."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import ClassVar

from pendulum import Date, Time
from rich.style import Style
from rich.text import Text
from textual.reactive import reactive
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from ..engine.items import KIND_LABEL, PlanItem
from ..engine.plan import DayPlan, Deferred
from ..engine.when import format_clock, short_day

__all__ = ["PlanList"]

LAYER = {"search": "SEARCH", "follow_up": "FOLLOW-UP"}
MAX_MOVED = 30  # a day rarely needs more; hundreds of lines would only slow the screen down


@dataclass(frozen=True)
class _Styles:
    done: Style
    glow: Style
    muted: Style
    kind: Style
    now: Style


def _minute(value: Time) -> int:
    return value.hour * 60 + value.minute


class PlanList(OptionList):
    """Options are items (their id is the item id); headings and events are disabled lines.

    Lateness is said once, calmly: a LATE heading with the count of everything past its day,
    over the late items that wait for room; a late item that is planned keeps its slot without
    a badge (the line below the list says how late). The "now" line shows where the day is.
    """

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "plan--done",
        "plan--glow",
        "plan--muted",
        "plan--kind",
        "plan--now",
    }
    # One line per item: long titles end in an ellipsis (the pane below shows them whole).
    # Done by the renderer at whatever width the list has, so a resize needs no rebuild.
    DEFAULT_CSS = """
    PlanList { text-wrap: nowrap; text-overflow: ellipsis; }
    PlanList > .plan--done { color: $text-muted; text-style: strike; }
    PlanList > .plan--glow { color: $warning; text-style: bold; }
    PlanList > .plan--muted { color: $text-muted; }
    PlanList > .plan--kind { text-style: bold; }
    PlanList > .plan--now { color: $accent; text-style: bold; }
    PlanList > .option-list--option-disabled { color: $text-primary; text-style: bold; }
    """

    # Moving the cursor repaints the two lines it leaves and lands on, not the whole list:
    # over SSH that is the difference between a few hundred bytes and several kilobytes.
    highlighted: reactive[int | None] = reactive(None, repaint=False)

    def watch_highlighted(  # type: ignore[override]  # Textual passes (old, new) when asked
        self, old: int | None, new: int | None
    ) -> None:
        super().watch_highlighted(new)
        for index in (old, new):
            if index is not None:
                self._refresh_option(index)

    def _refresh_option(self, index: int) -> None:
        lines = [y for y, (option, _) in enumerate(self._lines) if option == index]
        if lines:
            self.refresh_lines(lines[0], len(lines))

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.items: dict[str, PlanItem] = {}
        self._clocks: dict[str, str] = {}
        self.date: Date | None = None
        self.why_moved: dict[str, str] = {}
        """Why each item that is not in today's blocks is not there (the engine's reason)."""

    def _styles(self) -> _Styles:
        if self.app.no_color:
            # NO_COLOR turns colours into greys, and a muted grey on a dark grey is nearly
            # invisible: without colour, states are words and plain text styles.
            plain = Style()
            return _Styles(Style(strike=True), Style(bold=True), plain, Style(bold=True), plain)

        def ink(name: str) -> Style:
            # The component's colour and attributes, not its background: a background would
            # cover the cursor's, and the highlighted line must be highlighted end to end.
            full = self.get_component_rich_style(name)
            return Style(
                color=full.color,
                bold=full.bold,
                dim=full.dim,
                italic=full.italic,
                underline=full.underline,
                strike=full.strike,
            )

        return _Styles(
            done=ink("plan--done"),
            glow=ink("plan--glow"),
            muted=ink("plan--muted"),
            kind=ink("plan--kind"),
            now=ink("plan--now"),
        )

    def _line(self, item: PlanItem, clock: str, styles: _Styles) -> Text:
        line = Text()
        line.append("✓ " if item.done else "○ ", style=styles.muted if item.done else "")
        line.append(f"{clock:<6}", style=styles.muted)
        line.append(f"{KIND_LABEL.get(item.kind, item.kind):<13}", style=styles.kind)
        line.append(f"{item.minutes:>3}m ", style=styles.muted)
        if item.glow and not item.done:
            line.append("✦ ", style=styles.glow)
        elif item.avoided and not item.done:
            line.append(f"↻{item.put_off} ", style=styles.muted)  # put off N times: quietly
        if item.goal and not item.done:
            line.append("goal ", style=styles.muted)
        line.append(item.title, style=styles.done if item.done else "")
        return line

    @staticmethod
    def _heading(text: str) -> Option:
        return Option(Text(text), disabled=True)

    def show_plan(self, plan: DayPlan) -> None:
        """Show ``plan``, keeping the highlighted item highlighted when it is still there."""
        highlighted = self.highlighted_option.id if self.highlighted_option else None
        styles = self._styles()
        options: list[Option] = []
        self.items = {}
        self.why_moved = {}
        self.date = plan.date
        now = plan.now
        now_shown = now is None

        def now_line(note: str = "") -> None:
            nonlocal now_shown
            if now_shown or now is None:
                return
            now_shown = True
            text = Text(f"── now {format_clock(now)} ", style=styles.now)
            if note:
                text.append(f"· {note} ", style=styles.now)
            text.append("─" * 40, style=styles.now)
            options.append(Option(text, disabled=True))

        items = [item for block in plan.blocks for item in block.items]
        if items and all(i.goal for i in items):
            options.append(self._heading("Only your weekly goals so far: a adds a task of yours"))
        if (
            now is not None
            and plan.open_from is not None
            and _minute(now) < _minute(plan.work_hours[0])
        ):
            now_line(f"the day starts at {format_clock(plan.work_hours[0])}")
        events = list(plan.events)

        def event_line(start: Time, end: Time, label: str) -> None:
            if now is not None and _minute(start) >= _minute(now):
                now_line()
            options.append(self._heading(f"{format_clock(start)}–{format_clock(end)}  {label}"))

        for block in plan.blocks:
            while events and events[0][0] < block.start:
                event_line(*events.pop(0))
            if now is not None and _minute(block.start) >= _minute(now):
                now_line()
            minutes = sum(i.minutes for i in block.items)
            options.append(
                self._heading(
                    f"{format_clock(block.start)}–{format_clock(block.end)}  "
                    f"{LAYER[block.layer]}  {minutes} min"
                )
            )
            clock = _minute(block.start)
            for item in block.items:
                if now is not None and not now_shown and clock >= _minute(now):
                    now_line()
                self._clocks[item.id] = f"{clock // 60:02d}:{clock % 60:02d}"
                options.append(Option(self._line(item, self._clocks[item.id], styles), id=item.id))
                self.items[item.id] = item
                clock += item.minutes
        for event in events:
            event_line(*event)
        if plan.after_hours:
            now_line(f"work hours ended at {format_clock(plan.work_hours[1])}")
            self._next_day(plan, options)
        else:
            now_line()
        self._moved(plan, options, styles)
        if not self.items:
            if plan.after_hours:
                options.append(self._heading("Nothing is left for today."))
            else:
                options.append(self._heading("Nothing planned. Add a task with a."))
        self.set_options(options)
        self._restore(highlighted)

    def _next_day(self, plan: DayPlan, options: list[Option]) -> None:
        block = plan.next_block
        if plan.next_day is None:
            return
        day = short_day(plan.next_day)
        if block is None:
            options.append(self._heading(f"{day.upper()}: nothing planned yet"))
            return
        options.append(
            self._heading(
                f"{day.upper()} STARTS  {format_clock(block.start)}–{format_clock(block.end)}  "
                f"{LAYER[block.layer]}"
            )
        )
        for item in block.items:
            label = KIND_LABEL.get(item.kind, item.kind)
            options.append(Option(Text(f"  · {label:<13}{item.title}"), disabled=True))

    def _moved(self, plan: DayPlan, options: list[Option], styles: _Styles) -> None:
        late_placed = [i for i in plan.items() if i.overdue_days and not i.done]
        today = [d for d in plan.deferred if d.to == plan.date]
        late = [d for d in plan.deferred if d.to != plan.date and d.item.overdue_days]
        moved = [d for d in plan.deferred if d.to != plan.date and not d.item.overdue_days]
        shown = 0

        def group(heading: str, entries: list[Deferred]) -> None:
            nonlocal shown
            options.append(self._heading(heading))
            for deferred in entries:
                if shown >= MAX_MOVED:
                    break
                shown += 1
                options.append(Option(self._line(deferred.item, "", styles), id=deferred.item.id))
                self.items[deferred.item.id] = deferred.item
                self.why_moved[deferred.item.id] = deferred.reason

        if today:
            group(f"NOT PLANNED  {len(today)} · why is below", today)
        total_late = len(late_placed) + len(late)
        if late:
            where = f", {len(late_placed)} planned above" if late_placed else ""
            to = {short_day(d.to) for d in late}
            moves = f"these move to {to.pop()}" if len(to) == 1 else "these move on"
            group(f"LATE  {total_late}{where} · {moves}:", late)
        elif late_placed:
            options.append(self._heading(f"LATE  {total_late}, planned above"))
        if moved:
            group(f"MOVED TO {short_day(moved[0].to).upper()}  {len(moved)}", moved)
        if len(plan.deferred) > shown and shown >= MAX_MOVED:
            hidden = len(plan.deferred) - shown
            options.append(self._heading(f"… and {hidden} more (nowwhat today lists them all)"))

    def show_done(self, item_id: str, done: bool) -> None:
        """Tick (or untick) one line at once, before the store and the re-plan catch up."""
        item = self.items.get(item_id)
        if item is None:
            return
        item = dataclasses.replace(item, done=done)
        self.items[item_id] = item
        line = self._line(item, self._clocks.get(item_id, ""), self._styles())
        self.replace_option_prompt(item_id, line)

    def _restore(self, wanted: str | None) -> None:
        if wanted is not None and wanted in self.items:
            self.highlighted = self.get_option_index(wanted)
        else:
            self.highlighted = next((i for i, o in enumerate(self.options) if not o.disabled), None)
        # The new options' height is known only once laid out: scroll then, or a row far
        # down stays out of sight after a change of day.
        self.call_after_refresh(self.scroll_to_highlight)

    def on_resize(self) -> None:
        # Another day's plan can change the panes around the list (more warnings, no glow):
        # the list's height changes after the scroll, so scroll again once it has.
        self.scroll_to_highlight()

    @property
    def current(self) -> PlanItem | None:
        """The highlighted item, if the cursor is on one."""
        option = self.highlighted_option
        return self.items.get(option.id) if option is not None and option.id else None
