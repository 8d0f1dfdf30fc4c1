"""Without colour (``NO_COLOR``), every text stays readable: greys never fade into the background.

Textual honours ``NO_COLOR`` by turning each colour into the grey of the same brightness. A
dark colour on a dark background then becomes a dark grey on a dark grey: the waiting room's
"gone quiet" (magenta) came out as grey 237 on 234, next to invisible. :class:`ReadableGrey`
does what Textual's filter does, then gives any text too close to its background the plain
foreground grey (light on dark, dark on light). The words and the bold, underline and reverse
that carry each state are kept.
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING, Any

from rich.color import Color as RichColor
from rich.segment import Segment
from rich.style import Style
from textual.color import Color
from textual.filter import LineFilter, Monochrome, monochrome_style

if TYPE_CHECKING:
    from textual.app import App

__all__ = ["MIN_CONTRAST", "ReadableGrey", "install_readable_grey"]

MIN_CONTRAST = 100
"""Text and its background must differ by this much grey (of 255), or the text is redrawn."""

LIGHT = RichColor.from_rgb(222, 222, 222)
DARK = RichColor.from_rgb(28, 28, 28)


def _grey(color: RichColor | None) -> int | None:
    return None if color is None else Color.from_rich_color(color).monochrome.r


@lru_cache(maxsize=4096)
def readable_style(style: Style, background: Color) -> Style:
    """``style`` in greys, its text moved away from its background if the two are too close."""
    grey = monochrome_style(style)
    text = _grey(grey.color)
    under = _grey(grey.bgcolor)
    if under is None:
        under = background.monochrome.r
    if text is not None and abs(text - under) < MIN_CONTRAST:
        return grey + Style(color=LIGHT if under < 128 else DARK)
    return grey


class ReadableGrey(LineFilter):
    """Textual's monochrome filter, with a floor under the contrast of every segment."""

    def apply(self, segments: list[Segment], background: Color) -> list[Segment]:
        return [
            Segment(text, None if style is None else readable_style(style, background), None)
            for text, style, _ in segments
        ]


def install_readable_grey(app: App[Any]) -> None:
    """Put :class:`ReadableGrey` in place of Textual's monochrome filter (set up when the app
    is built, with ``NO_COLOR`` in the environment)."""
    filters: list[LineFilter] = app._filters  # Textual keeps them here; there is no setter
    for position, found in enumerate(filters):
        if isinstance(found, Monochrome):
            filters[position] = ReadableGrey()
