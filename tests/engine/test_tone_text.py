"""The tone check's word keys on their own: short words kept whole, each suffix rule at its edge."""

from __future__ import annotations

import pytest

from tui.engine.tone_text import blank_quoted, prepare, stem


@pytest.mark.parametrize(
    ("word", "key"),
    [
        ("was", "was"),  # three letters or fewer: kept whole
        ("yes", "yes"),
        ("its", "its"),
        ("bags", "bag"),
        ("boxes", "box"),
        ("axes", "axe"),  # "-es" after s, x or z goes only from a longer word
        ("ended", "end"),  # a suffix goes when three letters stay
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


def test_each_sentence_spans_its_own_keys_from_the_end_mark_before_it() -> None:
    prepared = prepare("Any news? Thanks a lot.", {}, {})
    first, second = (prepared.keys[start:end] for start, end in prepared.bounds)
    assert first == "./. any/any new/news ?/?"
    assert second == " ?/? thank/thanks a/a lot/lot ./. ./."
    assert prepared.sentence == (0, 0, 0, 1, 1, 1, 1)


def test_quoted_lines_and_history_are_blanked_in_place() -> None:
    text = "Any news?\n> Old words.\nOn Mon, 9 Nov 2026, Ravi wrote:\nMore"
    blanked = blank_quoted(text)
    assert len(blanked) == len(text)
    assert blanked.startswith("Any news?\n") and "Old" not in blanked and "Ravi" not in blanked
