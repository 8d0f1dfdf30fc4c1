"""The split bar: follow-up against search minutes, planned and done, against the day's budget."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import RenderResult
from textual.reactive import reactive
from textual.widget import Widget

from ..engine.plan import Split

__all__ = ["SplitBar"]


class SplitBar(Widget):
    """One line: ``follow-up 30/72 ██▒▒▒▓▓░░░░░░░··· search 120 · done 45/240 min``.

    Follow-up on the left (█ done, ▒ planned), search on the right (▓ done, ░ planned): the
    shapes differ as well as the colours, so the bar reads without colour too.
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
        follow = self.get_component_rich_style("split-bar--follow")
        search = self.get_component_rich_style("split-bar--search")
        muted = self.get_component_rich_style("split-bar--label")
        left = f"follow-up {split.follow_up_minutes}/{split.follow_up_cap_minutes} "
        done = split.done_follow_up_minutes + split.done_search_minutes
        right = f" search {split.search_minutes} · done {done}/{split.budget_minutes} min"
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
