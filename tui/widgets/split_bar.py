"""The split bar: follow-up against search minutes, planned and done, against the day's budget."""

from __future__ import annotations

from typing import ClassVar

from rich.style import Style
from rich.text import Text
from textual.app import RenderResult
from textual.reactive import reactive
from textual.widget import Widget

from ..engine.plan import Split

__all__ = ["SplitBar"]


class SplitBar(Widget):
    """One line: ``follow-up 30 min (max 72) ██▒▒▓▓░░░··· search 120 min · done 45 of 240``.

    Follow-up on the left (█ done, ▒ planned), search on the right (▓ done, ░ planned): the
    shapes differ as well as the colours, so the bar reads without colour too. Each number says
    what it is; where there is room, a key to the shapes follows.
    """

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "split-bar--follow",
        "split-bar--search",
        "split-bar--label",
    }
    DEFAULT_CSS = """
    SplitBar { height: 1; }
    SplitBar > .split-bar--follow { color: $warning; }
    SplitBar > .split-bar--search { color: $success; }
    SplitBar > .split-bar--label { color: $text-muted; }
    """

    split: reactive[Split | None] = reactive(None)

    def render(self) -> RenderResult:
        split = self.split
        if split is None:
            return ""
        if self.app.no_color:  # greys of colours are hard to read: the shapes carry it
            follow = search = muted = Style()
        else:
            follow = self.get_component_rich_style("split-bar--follow")
            search = self.get_component_rich_style("split-bar--search")
            muted = self.get_component_rich_style("split-bar--label")
        done = split.done_follow_up_minutes + split.done_search_minutes
        if split.budget_minutes == 0:
            return Text(f"no time left for planned work today · done {done} min", style=muted)
        left = f"follow-up {split.follow_up_minutes} min (max {split.follow_up_cap_minutes}) "
        done = split.done_follow_up_minutes + split.done_search_minutes
        right = f" search {split.search_minutes} min · done {done} of {split.budget_minutes}"
        key = "  █▓ done ▒░ planned"
        if self.size.width - len(left) - len(right) - len(key) >= 30:
            right += key
        width = max(10, self.size.width - len(left) - len(right))
        total = max(1, split.budget_minutes)

        def cells(minutes: int) -> int:
            return round(width * minutes / total)

        follow_done = cells(split.done_follow_up_minutes)
        follow_planned = max(0, cells(split.follow_up_minutes) - follow_done)
        search_done = cells(split.done_search_minutes)
        search_planned = max(0, cells(split.search_minutes) - search_done)
        empty = max(0, width - follow_done - follow_planned - search_done - search_planned)
        bar = Text(left, style=muted)
        bar.append("█" * follow_done, style=follow)
        bar.append("▒" * follow_planned, style=follow)
        bar.append("▓" * search_done, style=search)
        bar.append("░" * search_planned, style=search)
        bar.append("·" * empty, style=muted)
        bar.append(right, style=muted)
        return bar
