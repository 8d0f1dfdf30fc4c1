"""The control-character policy: what is refused, how pastes are cleaned, how it is shown."""

from __future__ import annotations

import re

import pytest
from hostile import CONTROLLED

from tui.engine.errors import ControlCharacter
from tui.engine.models import Contact, Task, Touch
from tui.engine.text import clean, control_in, describe, visible
from tui.terminal import drop_controls, safe_json


@pytest.mark.parametrize(
    ("char", "name"),
    [
        ("\x1b", "ESC (U+001B)"),
        ("\x07", "BEL (U+0007)"),
        ("\x00", "NUL (U+0000)"),
        ("\r", "carriage return (U+000D)"),
        ("\x9b", "CSI (U+009B)"),
        ("\x85", "control (U+0085)"),
        ("\u202e", "bidi control (U+202E)"),
        ("\u2067", "bidi control (U+2067)"),
    ],
)
def test_a_record_refuses_each_control_and_names_it(char: str, name: str) -> None:
    assert control_in(f"Ac{char}me") == char
    assert describe(char) == name
    with pytest.raises(
        ControlCharacter, match=re.escape(f"title: contains a control character, {name}")
    ):
        Task(id="tsk_1", title=f"Apply{char}now")


def test_only_notes_take_line_breaks_and_tabs() -> None:
    Touch(id="tch_1", kind="call", at=_moment(), contact_id="con_1", note="line\n\tnext")
    with pytest.raises(ControlCharacter, match="name: contains a control character, line break"):
        Contact(id="con_1", name="Ana\nDiaz")
    with pytest.raises(ControlCharacter, match="skills"):
        from tui.engine.models import Interview

        Interview(id="int_1", opportunity_id="opp_1", start=_moment(), skills=("SQL\x1b[2J",))
    with pytest.raises(ControlCharacter, match="answers"):
        Touch(id="tch_1", kind="call", at=_moment(), contact_id="c", answers={"q": "\x9b"})


def test_clean_is_what_a_paste_becomes() -> None:
    assert clean("abc\x1bdef") == "abcdef"
    assert clean("a\tb\r\nc") == "a b c"
    assert clean("a\tb\r\nc\x07", multiline=True) == "a b\nc"
    assert clean("\u202eevil") == "evil"
    assert clean("plain text") == "plain text"


def test_visible_keeps_the_text_and_shows_every_control() -> None:
    shown = visible(CONTROLLED)
    assert control_in(shown) is None
    assert shown.startswith("Acme␛]52;c;cm0gLXJmIC8K␇")
    assert "<U+009B>2J" in shown and "<U+202E>evil" in shown
    assert visible("a\nb") == "a␊b"
    assert visible("a\nb\tc", multiline=True) == "a\nb c"
    assert visible("nothing to see") == "nothing to see"


def test_the_guards_drop_what_is_left_and_json_escapes_it() -> None:
    assert drop_controls("a\x1b]0;x\x07b\nc\x9b") == "a]0;xb\nc"
    text = safe_json({"name": "a\x1b\x9b\u202e"})
    assert "\\u001b" in text and "\\u009b" in text and "\\u202e" in text
    assert control_in(text, multiline=True) is None


def _moment():  # type: ignore[no-untyped-def]
    import pendulum

    return pendulum.datetime(2026, 11, 23, 9, tz="UTC")


def test_each_kind_of_refused_character_is_named_and_shown_by_its_stand_in() -> None:
    assert describe("\u200e") == "bidi control (U+200E)"
    assert describe("\u200f") == "bidi control (U+200F)"
    assert visible("a\x7fb") == "a\u2421b"
    assert visible("a\x1bb") == "a\u241bb"
