"""The shipped tone lexicon (``data/tone.json``), loaded once when the tone check first runs."""

from __future__ import annotations

import json
from functools import cache

from .engine.tone import Lexicon
from .locations import shipped_data

__all__ = ["shipped_lexicon"]


@cache
def shipped_lexicon() -> Lexicon:
    """The lexicon nowwhat ships with."""
    return Lexicon.from_data(json.loads(shipped_data("tone.json").read_text(encoding="utf-8")))
