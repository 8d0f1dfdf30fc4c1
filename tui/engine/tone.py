"""The tone check: does a follow-up let frustration seep in? Findings, a score, a verdict.

Frustration in a follow-up has a small vocabulary: reproach ("still haven't heard", "as I
said"), counting and pressure ("third time", "I need an answer"), sarcasm ("I guess you forgot
about me"), disappointment words, repeated ``?``/``!`` and shouting capitals. The lexicon is
plain data (``data/tone.json``) so it can grow without code; this module only applies it. A
general sentiment scorer does worse here: "you promised to call me by Monday" reads as positive.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from pendulum import DateTime

__all__ = ["Finding", "Lexicon", "ToneReport", "check_tone"]

LATE_START, LATE_END = 22, 6


@dataclass(frozen=True, slots=True)
class Finding:
    """One place in the draft that reads as frustrated, why, and what to say instead."""

    start: int
    end: int
    text: str
    category: str
    why: str
    instead: str
    weight: int


@dataclass(frozen=True, slots=True)
class _Pattern:
    regex: re.Pattern[str]
    category: str
    weight: int
    why: str
    instead: str


@dataclass(frozen=True, slots=True)
class Lexicon:
    """Compiled patterns, the score at which a draft reads as frustrated, and allowed capitals."""

    patterns: tuple[_Pattern, ...]
    threshold: int
    allowed_caps: frozenset[str]

    @classmethod
    def from_data(cls, data: Mapping[str, Any]) -> Lexicon:
        """Build from the JSON structure of ``data/tone.json``; a bad entry names its index."""
        patterns = []
        for number, entry in enumerate(data.get("patterns", [])):
            try:
                regex = re.compile(rf"(?<![\w']){entry['pattern']}(?![\w'])", re.IGNORECASE)
                patterns.append(
                    _Pattern(
                        regex,
                        str(entry["category"]),
                        int(entry["weight"]),
                        str(entry["why"]),
                        str(entry["instead"]),
                    )
                )
            except (KeyError, TypeError, ValueError, re.error) as error:
                raise ValueError(f"tone lexicon entry {number} is invalid: {error}") from None
        return cls(
            patterns=tuple(patterns),
            threshold=int(data.get("threshold", 2)),
            allowed_caps=frozenset(str(w) for w in data.get("allowed_caps", ())),
        )


@dataclass(frozen=True, slots=True)
class ToneReport:
    """The findings in order, the score, the verdict, and a late-night note if it applies."""

    findings: tuple[Finding, ...]
    score: int
    verdict: str  # calm | frustrated
    late_night: bool

    @property
    def frustrated(self) -> bool:
        return self.verdict == "frustrated"


_PUNCTUATION = re.compile(r"[?!]{2,}")
_CAPS = re.compile(r"\b[A-Z][A-Z'’]{2,}\b")


def _shouting(text: str, allowed: frozenset[str]) -> list[Finding]:
    """Runs of capitalised words (not acronyms) read as shouting."""
    words = [m for m in _CAPS.finditer(text) if m.group(0) not in allowed]
    findings = []
    for match in words:
        long_word = len(match.group(0)) >= 5
        neighbours = sum(1 for other in words if abs(other.start() - match.start()) < 25)
        if long_word or neighbours >= 2:
            findings.append(
                Finding(
                    match.start(),
                    match.end(),
                    match.group(0),
                    "shouting",
                    "capitals read as shouting",
                    "write it in lower case; let the words carry it",
                    1 if not long_word else 2,
                )
            )
    return findings


def check_tone(text: str, lexicon: Lexicon, written_at: DateTime | None = None) -> ToneReport:
    """Check ``text``; ``written_at`` (local time) adds the late-night note between 22 and 6."""
    findings: list[Finding] = []
    for pattern in lexicon.patterns:
        for match in pattern.regex.finditer(text):
            findings.append(
                Finding(
                    match.start(),
                    match.end(),
                    match.group(0),
                    pattern.category,
                    pattern.why,
                    pattern.instead,
                    pattern.weight,
                )
            )
    for match in _PUNCTUATION.finditer(text):
        # "??" or "?!" asks in exasperation; "!!" alone may be excitement ("Thank you so
        # much!!"), so it is a hint that takes a second one to tip the verdict.
        asking = "?" in match.group(0)
        findings.append(
            Finding(
                match.start(),
                match.end(),
                match.group(0),
                "punctuation",
                "repeated ? or ! reads as exasperation"
                if asking
                else "several ! can read as exasperation (or as excitement)",
                "one question mark or full stop" if asking else "one ! is plenty",
                2 if asking else 1,
            )
        )
    findings += _shouting(text, lexicon.allowed_caps)
    findings = _without_overlaps(findings)
    score = sum(f.weight for f in findings)
    late = written_at is not None and (written_at.hour >= LATE_START or written_at.hour < LATE_END)
    return ToneReport(
        findings=tuple(findings),
        score=score,
        verdict="frustrated" if score >= lexicon.threshold else "calm",
        late_night=late,
    )


def _without_overlaps(findings: Sequence[Finding]) -> list[Finding]:
    """One finding per stretch of text: the heaviest (then longest) wins."""
    kept: list[Finding] = []
    for finding in sorted(findings, key=lambda f: (-f.weight, -(f.end - f.start), f.start)):
        if all(finding.end <= k.start or finding.start >= k.end for k in kept):
            kept.append(finding)
    return sorted(kept, key=lambda f: f.start)
