"""Text a person typed or imported, kept free of terminal control characters.

A control character in stored text is an attack on the terminal that shows it: ESC starts
escape sequences (clear the screen, set the window title, write the clipboard with OSC 52),
C1 controls such as U+009B are ESC in disguise, and the bidi overrides reorder what is read.
So text is held to one policy, in three places:

* **entering**: :func:`control_in` finds what the records' checks refuse (with a message naming
  the character); :func:`clean` makes pasted or imported text acceptable (tabs become spaces,
  line breaks become spaces where a field is one line, every other control is removed);
* **stored before this policy** (an older file): :func:`visible` turns each control into a
  visible stand-in (``\\x1b`` -> ``␛``), so the text is kept and shown, never obeyed;
* **leaving**: every face renders text through :func:`visible` (and the terminal guards drop
  anything that still slips through).
"""

from __future__ import annotations

import re

__all__ = ["CONTROLS", "clean", "control_in", "describe", "visible"]

# C0 and DEL, C1, the Unicode bidi controls (Bidi_Control), and the line/paragraph separators.
_OTHERS = "\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029"
_ANY = CONTROLS = re.compile(f"[\x00-\x1f{_OTHERS}]")
"""Every character the policy is about."""
_NOT_IN_NOTES = re.compile(f"[\x00-\x08\x0b-\x1f{_OTHERS}]")  # notes keep tab and line break

_NAMES = {
    0x00: "NUL",
    0x07: "BEL",
    0x08: "backspace",
    0x09: "tab",
    0x0A: "line break",
    0x0D: "carriage return",
    0x1B: "ESC",
    0x7F: "DEL",
    0x9B: "CSI",
    0x2028: "line separator",
    0x2029: "paragraph separator",
}


def control_in(text: str, *, multiline: bool = False) -> str | None:
    """The first character of ``text`` a field may not hold, or ``None``.

    A one-line field takes no control character at all; a multi-line one (notes) takes line
    breaks and tabs.
    """
    found = (_NOT_IN_NOTES if multiline else _ANY).search(text)
    return found.group(0) if found else None


def describe(char: str) -> str:
    """How a refused character is named in a message: ``ESC (U+001B)``."""
    code = ord(char)
    name = _NAMES.get(code)
    if name is None:
        if 0x202A <= code <= 0x202E or 0x2066 <= code <= 0x2069 or code in {0x061C, 0x200E, 0x200F}:
            name = "bidi control"
        else:
            name = "control"
    return f"{name} (U+{code:04X})"


def clean(text: str, *, multiline: bool = False) -> str:
    """``text`` made acceptable: what a paste or an import is turned into.

    Windows and old-Mac line ends become ``\\n``; tabs become a space; in a one-line field line
    breaks become a space; every other control character is removed.
    """
    if not _ANY.search(text):
        return text
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\t", " ")
    text = text.replace("\u2028", "\n").replace("\u2029", "\n")
    if not multiline:
        text = text.replace("\n", " ")
        return _ANY.sub("", text)
    return _NOT_IN_NOTES.sub("", text)


def _stand_in(match: re.Match[str]) -> str:
    code = ord(match.group(0))
    if code < 0x20:
        return chr(0x2400 + code)  # the Unicode control pictures: ␀ ... ␛ ... ␟
    if code == 0x7F:
        return "\u2421"  # ␡
    return f"<U+{code:04X}>"


def visible(text: str, *, multiline: bool = False) -> str:
    """``text`` safe to show: each control character replaced by a visible stand-in.

    ESC shows as ``␛`` (the control pictures), C1 and bidi controls as ``<U+009B>``; tabs as a
    space. Line breaks stay where ``multiline`` allows them, else they show as ``␊``.
    """
    if not _ANY.search(text):
        return text
    text = text.replace("\t", " ")
    if multiline:
        return _NOT_IN_NOTES.sub(_stand_in, text.replace("\r\n", "\n"))
    return _ANY.sub(_stand_in, text)
