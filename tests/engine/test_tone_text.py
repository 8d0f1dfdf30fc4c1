"""The tone check's word keys on their own: short words kept whole, each suffix rule at its edge."""

from __future__ import annotations

import pytest

from tui.engine.tone_text import stem


@pytest.mark.parametrize(
    ("word", "key"),
    [
        ("was", "was"),  # three letters or fewer: kept whole
        ("yes", "yes"),
        ("its", "its"),
        ("bags", "bag"),
        ("boxes", "box"),
        ("class", "class"),
        ("status", "status"),
        ("replies", "repli"),
        ("studied", "studi"),
        ("getting", "get"),
        ("planned", "plan"),
        ("promised", "promis"),
        ("waiting", "wait"),
        ("ring", "ring"),  # the stem left would be one letter
        ("x1s", "x1s"),  # not a word: kept whole
    ],
)
def test_each_word_gets_its_key(word: str, key: str) -> None:
    assert stem(word) == key
