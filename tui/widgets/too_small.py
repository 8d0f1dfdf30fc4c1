"""The notice shown instead of a broken layout when the terminal is too small."""

from __future__ import annotations

from textual.app import RenderResult
from textual.widget import Widget

__all__ = ["TooSmall"]


class TooSmall(Widget):
    """Says how much room nowwhat needs; visible only while the app has the -too-small class."""

    DEFAULT_CSS = """
    TooSmall {
        display: none;
        width: 1fr;
        height: 1fr;
        content-align: center middle;
        text-style: bold;
    }
    """

    def render(self) -> RenderResult:
        from ..app import MIN_SIZE

        width, height = self.app.size
        return (
            f"Terminal too small: need {MIN_SIZE[0]} x {MIN_SIZE[1]}, "
            f"have {width} x {height}.\nMake the window larger (q quits)."
        )
