"""The shipped tone lexicon (``data/tone.json`` and ``data/tone_affect.tsv``), loaded once."""

from __future__ import annotations

import json
from functools import cache

from .engine.tone import Lexicon
from .locations import shipped_data

__all__ = ["affect_words", "shipped_lexicon"]


def affect_words(text: str) -> dict[str, float]:
    """The word -> valence pairs of a tab-separated affect list; ``#`` lines are comments."""
    words = {}
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        word, _, valence = line.partition("\t")
        try:
            words[word.strip()] = float(valence)
        except ValueError:
            raise ValueError(f"tone affect list line {number} is invalid: {line!r}") from None
    return words


@cache
def shipped_lexicon() -> Lexicon:
    """The lexicon nowwhat ships with: the cues, VADER's negative words and the trained model."""
    data = json.loads(shipped_data("tone.json").read_text(encoding="utf-8"))
    affect = affect_words(shipped_data("tone_affect.tsv").read_text(encoding="utf-8"))
    model_file = shipped_data("tone_model.json")
    model = json.loads(model_file.read_text(encoding="utf-8")) if model_file.exists() else None
    return Lexicon.from_data(data, affect, model)
