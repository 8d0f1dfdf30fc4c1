"""A draft as the tone check reads it: quoted history blanked, words stemmed, sentences marked.

The check matches its cues on word stems, so one entry ("frustrate") covers "frustrated",
"frustrating" and "frustratingly", and "haven't", "havent" and "have not" read the same. The
stemmer is a small suffix stripper written for this: it only has to map the inflections of one
word to one key, the same way for the lexicon and for the draft; it never has to be a linguist.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache

__all__ = ["Prepared", "blank_quoted", "prepare", "stem"]

# Suffixes stripped, longest first; the stem left must keep at least three letters.
_SUFFIXES = ("ingly", "edly", "ments", "ment", "ances", "ance", "ions", "ion", "ings", "ing", "ed")
_UNDOUBLE = frozenset("bdfgmnprt")
_VOWELS = frozenset("aeiou")


@lru_cache(maxsize=8192)
def stem(word: str) -> str:
    """The key of a lower-case word: "frustrated", "frustrating", "frustration" -> "frustrat"."""
    if len(word) <= 3 or not word.isalpha():
        return word
    base, stripped = word, ""
    if word.endswith("ies") or word.endswith("ied"):
        base, stripped = word[:-3] + "y", "ies"
    else:
        for suffix in _SUFFIXES:
            if word.endswith(suffix) and len(word) - len(suffix) >= 3:
                base, stripped = word[: -len(suffix)], suffix
                break
        else:
            if word.endswith("es") and len(word) > 4 and word[-3] in "sxz":
                base = word[:-2]
            elif word.endswith("s") and not word.endswith(("ss", "us", "is")):
                base = word[:-1]
    if stripped in ("ing", "ed", "ingly", "edly", "ings") and (
        len(base) > 3 and base[-1] == base[-2] and base[-1] in _UNDOUBLE
    ):
        base = base[:-1]  # "getting" -> "get", "planned" -> "plan"
    if base.endswith("e") and len(base) > 3:
        base = base[:-1]  # "promise" and "promised" -> "promis"
    if base.endswith("y") and len(base) > 3 and base[-2] not in _VOWELS:
        base = base[:-1] + "i"  # "reply", "replied", "replies" -> "repli"
    return base


# Quoted history: "On Tue, 10 Nov 2026, Ravi wrote:", an Outlook header block, a forwarded
# message; from there on the draft is somebody else's words (or the user's own earlier ones).
_HISTORY = re.compile(
    r"^[ \t]*(?:On\b[^\n]{0,300}(?:\n[^\n]{0,120})?\bwrote:[ \t]*$"
    r"|-{2,}[ \t]*(?:Original Message|Forwarded message)\b"
    r"|From:[^\n]*\n[ \t]*(?:Sent|Date):)",
    re.IGNORECASE | re.MULTILINE,
)
_QUOTED_LINE = re.compile(r"^[ \t]*>[^\n]*", re.MULTILINE)
_SIGNATURE = re.compile(r"^-- ?$", re.MULTILINE)


def blank_quoted(text: str) -> str:
    """``text`` with quoted history and the signature block turned to spaces (offsets kept)."""
    cut = len(text)
    for pattern in (_HISTORY, _SIGNATURE):
        match = pattern.search(text)
        if match:
            cut = min(cut, match.start())
    chars = list(text)
    for index in range(cut, len(chars)):
        if chars[index] != "\n":
            chars[index] = " "
    for match in _QUOTED_LINE.finditer(text, 0, cut):
        chars[match.start() : match.end()] = " " * (match.end() - match.start())
    return "".join(chars)


_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'", "´": "'"})
_TOKEN = re.compile(r"[A-Za-z0-9]+(?:'[A-Za-z]+)?|\?|!|[.;]|\n[ \t]*\n|:")
_CLITICS = {"'m": "am", "'re": "are", "'ve": "have", "'ll": "will", "'d": "would", "'s": "is"}
_NOT_BASES = {"ca": "can", "wo": "will", "sha": "shall"}


@dataclass(frozen=True, slots=True)
class Prepared:
    """The draft as tokens: ``keys`` is one " stem,class/word" per token, for the cue patterns.

    ``keys`` starts with a sentence end ("./."), so a pattern can anchor at a sentence's start;
    ``spans[i]`` is token i's place in the original text and ``sentence[i]`` its sentence.
    """

    text: str
    keys: str
    starts: Mapping[int, int]  # offset in keys of the space before a token -> token index
    ends: Mapping[int, int]  # offset in keys just after a token -> token index
    spans: tuple[tuple[int, int], ...]
    sentence: tuple[int, ...]
    words: tuple[str, ...]  # the lower-case word of each token (punctuation as itself)
    bounds: tuple[tuple[int, int], ...]  # each sentence's stretch of keys, its leading end mark too


def prepare(
    text: str,
    irregular: Mapping[str, str],
    spellings: Mapping[str, str],
    classes: Mapping[str, str] | None = None,
) -> Prepared:
    """Tokenise ``text`` (quoted history already blanked) into stems, words and sentences.

    ``irregular`` maps a word to its base form before stemming ("said" -> "say", "was" -> "be");
    ``spellings`` expands ways people type a contraction ("havent" -> "have not"); ``classes``
    maps a key to the classes it belongs to, written as the token's tags (",weekday").
    """
    classes = classes or {}
    parts: list[str] = ["./."]
    starts: dict[int, int] = {}
    ends: dict[int, int] = {}
    spans: list[tuple[int, int]] = []
    sentence: list[int] = []
    words: list[str] = []
    offset = len(parts[0])
    current = 0

    def add(word: str, key: str, span: tuple[int, int]) -> None:
        nonlocal offset
        piece = f" {key}{classes.get(key, '')}/{word}"
        starts[offset] = len(spans)
        offset += len(piece)
        ends[offset] = len(spans)
        parts.append(piece)
        spans.append(span)
        sentence.append(current)
        words.append(word)

    for match in _TOKEN.finditer(text.translate(_APOSTROPHES)):
        raw = match.group(0)
        span = (match.start(), match.end())
        if raw in "?!.;" or raw.startswith("\n"):
            mark = "." if raw in ".;" or raw.startswith("\n") else raw
            add(mark, mark, span)
            current += 1
            continue
        if raw == ":":
            add(":", ":", span)
            continue
        lower = raw.lower()
        pieces: list[str]
        if lower in spellings:
            pieces = spellings[lower].split()
        elif lower.endswith("n't") and len(lower) > 3:
            base = lower[:-3]
            pieces = [_NOT_BASES.get(base, base), "not"]
        elif "'" in lower:
            base, _, clitic = lower.partition("'")
            pieces = [base, _CLITICS.get("'" + clitic, clitic)] if clitic else [base]
        else:
            pieces = [lower]
        for piece in pieces:
            add(piece, stem(irregular.get(piece, piece)), span)
    parts.append(" ./.")
    keys = "".join(parts)
    bounds: list[tuple[int, int]] = []
    token_starts = sorted(starts)
    for index in range(len(token_starts)):
        number = sentence[index]
        end = token_starts[index + 1] if index + 1 < len(token_starts) else len(keys)
        if number == len(bounds):
            bounds.append((0 if index == 0 else token_starts[index - 1], end))
        else:
            bounds[number] = (bounds[number][0], end)
    return Prepared(
        text=text,
        keys=keys,
        starts=starts,
        ends=ends,
        spans=tuple(spans),
        sentence=tuple(sentence),
        words=tuple(words),
        bounds=tuple(bounds),
    )
