"""The text a person would see on the app's screen right now (from its SVG screenshot)."""

from __future__ import annotations

import html
import re

from textual.app import App

__all__ = ["screen_text"]


def screen_text(app: App[object]) -> str:
    """Every text run of the current frame, in order, with entities decoded."""
    svg = app.export_screenshot()
    runs = re.findall(r"<text[^>]*>(.*?)</text>", svg, flags=re.S)
    return html.unescape(" ".join(runs)).replace("\xa0", " ")
