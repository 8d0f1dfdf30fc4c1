"""The tone lexicon's cue patterns: a few words with gaps and choices, compiled to a regex on stems.

A pattern is written in words, each matched by its stem, so "I be frustrate" matches "I'm
frustrated", "I am getting frustrated" does not (no gap) but "I be * frustrate" does:

- ``word`` any inflection of the word (or a word whose stem is ``word``)
- ``=word`` exactly this word ("=frankly", so that "Frank" is not "frankly")
- ``stem~`` any word whose stem starts so ("frustrat~")
- ``<class>`` a word from a class the lexicon defines (weekdays, months, numbers); the
  prepared draft tags each token with its classes, so the pattern stays small
- ``#`` a number written in digits, ``#th`` an ordinal in digits ("3rd", "23rd")
- ``*`` up to 3 words, ``*N`` up to N words, never across the end of a sentence
- ``a | b c`` one of several words or word sequences: ``(a|b c)`` in a group, ``[a|b]`` optional
- ``^`` the start of a sentence; ``.`` the end of one; ``?``, ``!`` and ``:`` themselves
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence

__all__ = ["compile_pattern"]

_WORD_END = "[,/][^ ]*"  # after a key: its classes (",num"), then "/word"
_ANY_WORD = "(?: [^ .?!][^ ]*)"
_Part = tuple[bool, str]  # (a word's key only, needing its ending; the regex)


class _Parser:
    def __init__(
        self, pattern: str, key: Callable[[str], str], classes: Mapping[str, Sequence[str]]
    ) -> None:
        spaced = pattern
        for bracket in "()[]|":
            spaced = spaced.replace(bracket, f" {bracket} ")
        self.items = spaced.split()
        self.position = 0
        self.key = key
        self.classes = classes
        self.pattern = pattern

    def fail(self, why: str) -> ValueError:
        return ValueError(f"pattern {self.pattern!r}: {why}")

    def sequence(self, closing: str | None) -> _Part:
        """Elements up to ``closing`` (or the end), with ``|`` alternatives between them."""
        options: list[list[_Part]] = []
        current: list[_Part] = []
        while self.position < len(self.items):
            item = self.items[self.position]
            if item == closing:
                break
            self.position += 1
            if item == "|":
                options.append(current)
                current = []
            elif item == "(":
                current.append(self.sequence(")"))
                self.position += 1
            elif item == "[":
                inner = self.sequence("]")
                current.append((False, f"(?:{_render(inner)})?"))
                self.position += 1
            elif item in (")", "]"):
                raise self.fail(f"unexpected {item!r}")
            else:
                current.append(self.element(item))
        else:
            if closing is not None:
                raise self.fail(f"missing {closing!r}")
        options.append(current)
        if any(not option for option in options):
            raise self.fail("an empty choice")
        if len(options) == 1 and len(options[0]) == 1:
            return options[0][0]
        if all(len(option) == 1 and option[0][0] for option in options):
            # a choice of single words shares one word ending: smaller, faster regexes
            return (True, "(?:" + "|".join(option[0][1] for option in options) + ")")
        return (False, _choice(["".join(map(_render, o)) for o in options]))

    def element(self, item: str) -> _Part:
        if item == "^":
            return (False, r"(?<=[.?!]/[.?!])")
        if item == ".":
            return (False, r" [.?!]/[.?!]")
        if item in ("?", "!", ":"):
            return (False, f" {re.escape(item)}/{re.escape(item)}")
        if item.startswith("*"):
            count = item[1:] or "3"
            if not count.isdigit():
                raise self.fail(f"a gap is * or *N, not {item!r}")
            return (False, f"{_ANY_WORD}{{0,{int(count)}}}")
        return self.word(item)

    def word(self, word: str) -> _Part:
        if not word:
            raise self.fail("an empty word")
        if word == "#":
            return (True, r"[0-9]+")
        if word == "#th":
            return (True, r"[0-9]+(?:st|nd|rd|th)")
        if word.startswith("<") and word.endswith(">"):
            name = word[1:-1]
            if name not in self.classes or not re.fullmatch(r"[a-z0-9]+", name):
                raise self.fail(f"unknown class {word}")
            return (False, rf" [^ /]*,{name}[,/][^ ]*")  # the draft's tokens carry their classes
        if word.startswith("="):
            return (False, r" [^ /]*/" + re.escape(word[1:].lower()) + "(?![^ ])")
        if word.endswith("~"):
            return (True, re.escape(self.key(word[:-1].lower())) + r"[^ /,]*")
        if not re.fullmatch(r"[a-z0-9']+", word.lower()):
            raise self.fail(f"{word!r} is not a word")
        keys = sorted({self.key(word.lower()), word.lower()})
        return (True, "|".join(re.escape(k) for k in keys))


_START = r"(?<=[.?!]/[.?!])"


def _leading_space(regex: str) -> str:
    """``regex`` rewritten to begin with its space where it can (a sentence start too)."""
    if regex.startswith(_START + " "):
        return r" (?<=[.?!]/[.?!] )" + regex[len(_START) + 1 :]
    return regex


def _choice(options: Sequence[str]) -> str:
    """One of ``options``; the space they all start with goes in front, where the regex engine
    can use it to skip ahead (a pattern that starts with an alternation cannot)."""
    options = [_leading_space(option) for option in options]
    if all(option.startswith(" ") for option in options):
        return " (?:" + "|".join(option[1:] for option in options) + ")"
    return "(?:" + "|".join(options) + ")"


def _render(part: _Part) -> str:
    """A part as regex: a word's key gets the rest of its token ("/word ") appended."""
    is_key, text = part
    return f" (?:{text}){_WORD_END}" if is_key else text


def compile_pattern(
    patterns: str | Sequence[str], key: Callable[[str], str], classes: Mapping[str, Sequence[str]]
) -> re.Pattern[str]:
    """One regex that finds any of ``patterns`` in a prepared draft's keys.

    ``key`` stems one word. Several patterns make one regex because compiling is what costs
    (a fraction of a millisecond each, hundreds of them): the lexicon loads in a few dozen.
    """
    bodies = []
    for pattern in [patterns] if isinstance(patterns, str) else patterns:
        parser = _Parser(pattern, key, classes)
        bodies.append(_render(parser.sequence(None)))
        if parser.position != len(parser.items):
            raise parser.fail(f"unexpected {parser.items[parser.position]!r}")
    if not bodies:
        raise ValueError("no pattern")
    # Every token is written " key/word", so each pattern starts with a literal space: the
    # regex engine jumps from space to space instead of trying every character.
    return re.compile(_choice(bodies))
