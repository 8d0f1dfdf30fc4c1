"""What reaches the terminal: user text shown visibly, and guards that drop any control left.

Text is cleaned when it enters (:mod:`tui.engine.text`), so records hold none; these are the
output side of the same policy, for every face:

* :func:`shown` makes a Rich ``Text`` of user text with each control character replaced by a
  visible stand-in (``␛``), never read as markup;
* :func:`safe_json` prints JSON with C1 and bidi controls escaped too (``json`` with
  ``ensure_ascii=False`` escapes only C0);
* :class:`Guarded` wraps a Rich renderable for the command line, and
  :func:`install_tui_guard` does the same for every frame the dashboard draws: segment text
  (never the styling sequences around it) loses any control character before it is written.
  They are the last line, for text that did not come through a record (an error message, a
  path): a control character takes no cell, so dropping it keeps the layout as measured.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator

from rich.console import Console, ConsoleOptions, RenderableType
from rich.segment import Segment
from rich.text import Text

from .engine.text import CONTROLS, visible

__all__ = ["Guarded", "drop_controls", "install_tui_guard", "safe_json", "shown"]

_DROP = re.compile(CONTROLS.pattern.replace("\x00-\x1f", "\x00-\x09\x0b-\x1f"))
_ESCAPE_IN_JSON = re.compile("[\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]")


def shown(value: object, style: str = "", *, multiline: bool = False) -> Text:
    """User text as a ``Text``: literal (no markup), controls replaced by visible stand-ins."""
    return Text(visible("" if value is None else str(value), multiline=multiline), style=style)


def drop_controls(text: str) -> str:
    """``text`` without any control character but the line break (the guards' last resort)."""
    return _DROP.sub("", text) if _DROP.search(text) else text


def safe_json(data: object, *, indent: int | None = 1) -> str:
    """JSON for a terminal or a pipe: every control character escaped as ``\\uXXXX``."""
    text = json.dumps(data, ensure_ascii=False, indent=indent)
    return _ESCAPE_IN_JSON.sub(lambda m: f"\\u{ord(m.group(0)):04x}", text)


class Guarded:
    """A Rich renderable whose text segments reach the console without control characters."""

    def __init__(self, inner: RenderableType) -> None:
        self.inner = inner

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> Iterator[Segment]:
        for segment in console.render(self.inner, options):
            if segment.control:
                yield segment  # Rich's own cursor and screen controls
            else:
                yield Segment(drop_controls(segment.text), segment.style)


_installed = False


def install_tui_guard() -> None:
    """Make every strip the dashboard draws drop control characters from its text.

    Textual turns each line of the screen into terminal sequences in ``Strip.render``: the one
    place where a widget's text becomes bytes. This wraps it (Textual is pinned exactly, and a
    test feeds raw ESC, C1 and bidi characters through every screen and checks the bytes).
    """
    global _installed
    if _installed:
        return
    from rich.color import ColorSystem
    from textual.strip import Strip

    def render(self: Strip, console: Console) -> str:
        if self._render_cache is None:
            color_system = console._color_system or ColorSystem.TRUECOLOR
            style_render = self.render_style
            pieces: list[str] = []
            for text, style, _ in self._segments:
                safe = drop_controls(text)
                pieces.append(
                    safe if style is None else style_render(style, safe, color_system=color_system)
                )
            self._render_cache = "".join(pieces)
        return self._render_cache

    setattr(Strip, "render", render)  # noqa: B010 - documented above
    _installed = True
