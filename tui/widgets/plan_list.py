"""The day's plan as a list: block headings, items with time and badges, what moved, events."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import ClassVar

from rich.style import Style
from rich.text import Text
from textual.reactive import reactive
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from ..engine.items import KIND_LABEL, PlanItem
from ..engine.plan import DayPlan
from ..engine.when import format_clock, short_day

__all__ = ["PlanList"]

LAYER = {"search": "SEARCH", "follow_up": "FOLLOW-UP"}
MAX_MOVED = 30  # a day rarely needs more; hundreds of lines would only slow the screen down


@dataclass(frozen=True)
class _Styles:
    done: Style
    overdue: Style
    glow: Style
    muted: Style
    kind: Style


class PlanList(OptionList):
    """Options are items (their id is the item id); headings and events are disabled lines."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "plan--done",
        "plan--overdue",
        "plan--glow",
        "plan--muted",
        "plan--kind",
    }
    # One line per item: long titles end in an ellipsis (the pane below shows them whole).
    # Done by the renderer at whatever width the list has, so a resize needs no rebuild.
    DEFAULT_CSS = """
    PlanList { text-wrap: nowrap; text-overflow: ellipsis; }
    PlanList > .plan--done { color: $text-muted; text-style: strike; }
    PlanList > .plan--overdue { color: $error; text-style: bold; }
    PlanList > .plan--glow { color: $warning; text-style: bold; }
    PlanList > .plan--muted { color: $text-muted; }
    PlanList > .plan--kind { text-style: bold; }
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

    def _styles(self) -> _Styles:
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
            overdue=ink("plan--overdue"),
            glow=ink("plan--glow"),
            muted=ink("plan--muted"),
            kind=ink("plan--kind"),
        )

    def _line(self, item: PlanItem, clock: str, styles: _Styles) -> Text:
        line = Text()
        line.append("✓ " if item.done else "○ ", style=styles.muted if item.done else "")
        line.append(f"{clock:<6}", style=styles.muted)
        line.append(f"{KIND_LABEL.get(item.kind, item.kind):<13}", style=styles.kind)
        line.append(f"{item.minutes:>3}m ", style=styles.muted)
        if item.overdue_days and not item.done:
            line.append(f"{item.overdue_days}d late ", style=styles.overdue)
        if item.glow and not item.done:
            line.append("✦ ", style=styles.glow)
        line.append(item.title, style=styles.done if item.done else "")
        return line

    def show_plan(self, plan: DayPlan) -> None:
        """Show ``plan``, keeping the highlighted item highlighted when it is still there."""
        highlighted = self.highlighted_option.id if self.highlighted_option else None
        styles = self._styles()
        options: list[Option] = []
        self.items = {}
        events = list(plan.events)
        for block in plan.blocks:
            while events and events[0][0] < block.start:
                start, end, label = events.pop(0)
                options.append(
                    Option(
                        Text(f"{format_clock(start)}–{format_clock(end)}  {label}"), disabled=True
                    )
                )
            minutes = sum(i.minutes for i in block.items)
            heading = Text(
                f"{format_clock(block.start)}–{format_clock(block.end)}  {LAYER[block.layer]}"
                f"  {minutes} min"
            )
            options.append(Option(heading, disabled=True))
            clock = block.start.hour * 60 + block.start.minute
            for item in block.items:
                self._clocks[item.id] = f"{clock // 60:02d}:{clock % 60:02d}"
                options.append(Option(self._line(item, self._clocks[item.id], styles), id=item.id))
                self.items[item.id] = item
                clock += item.minutes
        for start, end, label in events:
            options.append(
                Option(Text(f"{format_clock(start)}–{format_clock(end)}  {label}"), disabled=True)
            )
        if plan.deferred:
            day = short_day(plan.deferred[0].to)
            options.append(
                Option(Text(f"MOVED TO {day.upper()}  {len(plan.deferred)}"), disabled=True)
            )
            for deferred in plan.deferred[:MAX_MOVED]:
                options.append(Option(self._line(deferred.item, "", styles), id=deferred.item.id))
                self.items[deferred.item.id] = deferred.item
            if len(plan.deferred) > MAX_MOVED:
                hidden = len(plan.deferred) - MAX_MOVED
                options.append(
                    Option(
                        Text(f"… and {hidden} more (nowwhat today lists them all)"), disabled=True
                    )
                )
        if not self.items:
            options.append(Option(Text("Nothing planned. Add a task with a."), disabled=True))
        self.set_options(options)
        self._restore(highlighted)

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
            return
        first = next((i for i, o in enumerate(self.options) if not o.disabled), None)
        self.highlighted = first

    @property
    def current(self) -> PlanItem | None:
        """The highlighted item, if the cursor is on one."""
        option = self.highlighted_option
        return self.items.get(option.id) if option is not None and option.id else None
