"""The cue pattern language on its own: choices of words and of marks, gaps, optional parts."""

from __future__ import annotations

import pytest

from tui.engine.tone_patterns import compile_pattern
from tui.engine.tone_text import prepare, stem


def finds(pattern: str, text: str) -> bool:
    return compile_pattern(pattern, stem, {}).search(prepare(text, {}, {}).keys) is not None


@pytest.mark.parametrize(
    ("pattern", "text", "found"),
    [
        ("news (? | !)", "Any news? Thanks.", True),
        ("news (? | !)", "Any news! Thanks.", True),
        ("news (? | !)", "Any news. Thanks.", False),
        ("(news | word) ?", "Any news?", True),
        ("(news | word) ?", "Not a word?", True),
        ("(news | word) ?", "Any reply?", False),
        ("(any news | a word) ?", "Not a word?", True),
        ("still [not] heard", "I still not heard.", True),
        ("still [not] heard", "I still heard.", True),
        ("still * heard", "I still have not heard.", True),
        ("still *1 heard", "I still have not heard.", False),
        ("^ any news", "Any news?", True),
        ("^ news", "Any news?", False),
    ],
)
def test_a_pattern_finds_what_it_says(pattern: str, text: str, found: bool) -> None:
    assert finds(pattern, text) is found
