"""The tone check: does a follow-up let frustration seep in? Findings, a score, a verdict.

Frustration in a follow-up is rarely one word. It is reproach ("as I said"), a promised day set
against today ("You said a week. It is now the 23rd."), counting ("three times already"),
rhetorical questions and minimisers ("why is it so hard to send a simple update?"), reproach of
worth or manners ("I expected better", "the courtesy of a reply"), guilt, ultimatums, sarcasm,
frustration named outright, repeated ``?``/``!`` and shouting. The lexicon (``data/tone.json``)
holds these as cue patterns on word stems (see ``tone_patterns``), each with a category, a weight,
why it reads that way and a calmer phrase; a word-level affect list (VADER's negative words) adds
weak evidence. Weights add up across the draft, so two weak cues make a frustrated draft where
one does not; a category may be capped so that, say, negative words alone never tip it. Quoted
history and the signature are not the user's words now and are not read.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from pendulum import DateTime

from .tone_model import ToneModel, blank_salutations, features
from .tone_patterns import compile_pattern
from .tone_text import Prepared, blank_quoted, prepare, stem

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
class _Cue:
    regexes: tuple[re.Pattern[str], ...]
    category: str
    weight: int
    why: str
    instead: str
    unless: tuple[re.Pattern[str], ...] = ()
    raw: bool = False  # a regex on the text itself (the lexicon's older form), not on stems


@dataclass(frozen=True, slots=True)
class _Sequence:
    """Two cues in order, at most ``within`` sentences apart: the promise, then today."""

    first: tuple[re.Pattern[str], ...]
    then: tuple[re.Pattern[str], ...]
    within: int
    category: str
    weight: int
    why: str
    instead: str


@dataclass(frozen=True, slots=True)
class _Affect:
    words: Mapping[str, float]
    weights: tuple[tuple[float, int], ...]  # (valence at or below, weight), strongest first
    negators: frozenset[str]
    window: int
    why: str
    instead: str


@dataclass(frozen=True, slots=True)
class Lexicon:
    """Compiled cues, the score at which a draft reads as frustrated, and allowed capitals."""

    patterns: tuple[_Cue, ...]
    threshold: int
    allowed_caps: frozenset[str]
    sequences: tuple[_Sequence, ...] = ()
    affect: _Affect | None = None
    caps: Mapping[str, int] | None = None
    irregular: Mapping[str, str] | None = None
    spellings: Mapping[str, str] | None = None
    default_day: str = "the date you mentioned"
    tags: Mapping[str, str] | None = None  # a word's key -> its classes as tags (",num,unit")
    model: ToneModel | None = None

    @classmethod
    def from_data(
        cls,
        data: Mapping[str, Any],
        affect_words: Mapping[str, float] | None = None,
        model: Mapping[str, Any] | None = None,
    ) -> Lexicon:
        """Build from the JSON structure of ``data/tone.json``; a bad entry names its index.

        ``affect_words`` maps a lower-case word to its valence (negative is unpleasant), as in
        VADER's lexicon; ``model`` is the trained model (``data/tone_model.json``), weighed as
        the ``model`` setting says. Without them the check uses the cue patterns alone.
        """
        irregular = {str(k): str(v) for k, v in data.get("irregular", {}).items()}
        spellings = {str(k): str(v) for k, v in data.get("spellings", {}).items()}
        classes = {str(k): [str(w) for w in v] for k, v in data.get("classes", {}).items()}

        def key(word: str) -> str:
            return stem(irregular.get(word, word))

        tags: dict[str, str] = {}
        for name, members in classes.items():
            for member in members:
                tags[key(member)] = tags.get(key(member), "") + f",{name}"

        def patterns(entry: Mapping[str, Any], field: str) -> tuple[re.Pattern[str], ...]:
            value = entry.get(field, ())
            items = [value] if isinstance(value, str) else [str(item) for item in value]
            return (compile_pattern(items, key, classes),) if items else ()

        cues = []
        for number, entry in enumerate(data.get("patterns", [])):
            try:
                if "match" in entry:
                    regexes, raw = patterns(entry, "match"), False
                else:
                    regex = re.compile(rf"(?<![\w']){entry['pattern']}(?![\w'])", re.IGNORECASE)
                    regexes, raw = (regex,), True
                if not regexes:
                    raise ValueError("no match")
                cues.append(
                    _Cue(
                        regexes,
                        str(entry["category"]),
                        int(entry["weight"]),
                        str(entry["why"]),
                        str(entry["instead"]),
                        patterns(entry, "unless"),
                        raw,
                    )
                )
            except (KeyError, TypeError, ValueError, re.error) as error:
                raise ValueError(f"tone lexicon entry {number} is invalid: {error}") from None
        sequences = []
        for number, entry in enumerate(data.get("sequences", [])):
            try:
                sequences.append(
                    _Sequence(
                        patterns(entry, "first"),
                        patterns(entry, "then"),
                        int(entry.get("within", 2)),
                        str(entry["category"]),
                        int(entry["weight"]),
                        str(entry["why"]),
                        str(entry["instead"]),
                    )
                )
            except (KeyError, TypeError, ValueError, re.error) as error:
                raise ValueError(f"tone lexicon sequence {number} is invalid: {error}") from None
        affect = None
        setting = data.get("affect")
        if affect_words and setting:
            excluded = {str(w) for w in setting.get("not_affect", ())}
            affect = _Affect(
                words={w: v for w, v in affect_words.items() if w not in excluded},
                weights=tuple(
                    sorted(((float(v), int(w)) for v, w in setting["weights"]), key=lambda p: p[0])
                ),
                negators=frozenset(str(w) for w in setting.get("negators", ())),
                window=int(setting.get("window", 3)),
                why=str(setting["why"]),
                instead=str(setting["instead"]),
            )
        return cls(
            patterns=tuple(cues),
            threshold=int(data.get("threshold", 2)),
            allowed_caps=frozenset(str(w) for w in data.get("allowed_caps", ())),
            sequences=tuple(sequences),
            affect=affect,
            caps={str(k): int(v) for k, v in data.get("category_caps", {}).items()},
            irregular=irregular,
            spellings=spellings,
            default_day=str(data.get("default_day", "the date you mentioned")),
            tags=tags,
            model=ToneModel.from_data(model, data["model"]) if model and "model" in data else None,
        )


@dataclass(frozen=True, slots=True)
class ToneReport:
    """The findings in order, the score, the verdict, and a late-night note if it applies.

    The score is the findings' weights added up (a capped category at most its cap), less the
    model's weight when it is sure the draft is calm; never below 0.
    """

    findings: tuple[Finding, ...]
    score: int
    verdict: str  # calm | frustrated
    late_night: bool

    @property
    def frustrated(self) -> bool:
        return self.verdict == "frustrated"


_PUNCTUATION = re.compile(r"[?!]{2,}")
_CAPS = re.compile(r"\b[A-Z][A-Z'’]{2,}\b")
_DAY = re.compile(
    r"\b(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day"
    r"|(?:the )?\d{1,2}(?:st|nd|rd|th)(?: of [A-Z][a-z]+)?"
    r"|\d{1,2} (?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*"
    r"|(?:the )?end of (?:the|this|next) (?:week|month))\b"
)


def _shouting(text: str, allowed: frozenset[str]) -> list[Finding]:
    """Capitalised words read as shouting: a long one alone, short ones only beside another.

    A 3-4 letter word in capitals is often an acronym nobody listed (SAP, CRM), so it counts
    only next to another capitalised word; "allowed_caps" lists the acronyms that never count.
    """
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
                    2 if long_word else 1,
                )
            )
    return findings


def _punctuation(text: str) -> list[Finding]:
    findings = []
    for match in _PUNCTUATION.finditer(text):
        # "??" or "?!" asks in exasperation; "!!" alone may be excitement ("Thank you so
        # much!!"), so it is a hint that takes more to tip the verdict.
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
                4 if asking else (2 if len(match.group(0)) >= 3 else 1),
            )
        )
    return findings


def _span(prepared: Prepared, match: re.Match[str]) -> tuple[int, int] | None:
    first = prepared.starts.get(match.start())
    last = prepared.ends.get(match.end())
    if first is None or last is None or last < first:
        return None
    while last > first and prepared.words[last] in ".?!:":
        last -= 1  # the span ends on a word, not on the full stop the pattern needed
    return prepared.spans[first][0], prepared.spans[last][1]


def _sentence_of(prepared: Prepared, match: re.Match[str]) -> int:
    return prepared.sentence[prepared.starts[match.start()]]


def _sentence_keys(prepared: Prepared, sentence: int) -> str:
    start, end = prepared.bounds[sentence]
    return prepared.keys[start:end]


def _cue_findings(prepared: Prepared, lexicon: Lexicon, live: str) -> list[Finding]:
    findings = []
    for cue in lexicon.patterns:
        for regex in cue.regexes:
            if cue.raw:
                for match in regex.finditer(live):
                    findings.append(
                        Finding(
                            match.start(),
                            match.end(),
                            match.group(0),
                            cue.category,
                            cue.why,
                            cue.instead,
                            cue.weight,
                        )
                    )
                continue
            for match in regex.finditer(prepared.keys):
                span = _span(prepared, match)
                if span is None:
                    continue
                if cue.unless:
                    keys = _sentence_keys(prepared, _sentence_of(prepared, match))
                    if any(u.search(keys) for u in cue.unless):
                        continue
                findings.append(
                    Finding(
                        span[0],
                        span[1],
                        prepared.text[span[0] : span[1]],
                        cue.category,
                        cue.why,
                        cue.instead,
                        cue.weight,
                    )
                )
    return findings


def _sequence_findings(prepared: Prepared, lexicon: Lexicon) -> list[Finding]:
    findings = []
    for sequence in lexicon.sequences:
        firsts = [m for regex in sequence.first for m in regex.finditer(prepared.keys)]
        thens = [m for regex in sequence.then for m in regex.finditer(prepared.keys)]
        for first in sorted(firsts, key=lambda m: m.start()):
            sentence = _sentence_of(prepared, first)
            later = [
                m
                for m in thens
                if m.start() >= first.end()
                and _sentence_of(prepared, m) - sentence <= sequence.within
            ]
            if not later:
                continue
            then = min(later, key=lambda m: m.start())
            head, tail = _span(prepared, first), _span(prepared, then)
            if head is None or tail is None:
                continue
            findings.append(
                Finding(
                    head[0],
                    tail[1],
                    prepared.text[head[0] : tail[1]],
                    sequence.category,
                    sequence.why,
                    sequence.instead,
                    sequence.weight,
                )
            )
            break  # one per sequence: the same reproach said twice is still one
    return findings


def _affect_findings(prepared: Prepared, affect: _Affect) -> list[Finding]:
    findings = []
    for index, word in enumerate(prepared.words):
        valence = affect.words.get(word)
        if valence is None:
            continue
        weight = next((w for limit, w in affect.weights if valence <= limit), 0)
        if not weight:
            continue
        before = range(max(0, index - affect.window), index)
        if any(
            prepared.words[i] in affect.negators
            and prepared.sentence[i] == prepared.sentence[index]
            for i in before
        ):
            continue  # "no problem", "not disappointed at all"
        start, end = prepared.spans[index]
        findings.append(
            Finding(
                start,
                end,
                prepared.text[start:end],
                "affect",
                affect.why,
                affect.instead,
                weight,
            )
        )
    return findings


def _model_view(
    prepared: Prepared, live: str, lexicon: Lexicon, taken: Sequence[Finding]
) -> tuple[list[Finding], int, bool]:
    """The model's view of the whole draft: a finding on the words that weighed most when it
    leans frustrated, or, when it is sure the draft is calm, a negative weight for the score;
    and whether the finding is too light to tip the draft alone, and so is shown only if the
    draft is frustrated with it.

    The cues are precise but see only their phrases; the model sees every word but is less
    sure of each. Its weight (``steps`` in the lexicon, chosen by the leave-one-author-out
    figures) lets a cue that it backs up count for more, and a weak cue it doubts for less.
    """
    model = lexicon.model
    assert model is not None
    mask = blank_salutations(live)
    kept = [mask[start] != " " for start, _ in prepared.spans]
    found = features(prepared, kept, mask, lexicon.allowed_caps)
    probability = model.probability(found)
    weight = model.weight(probability)
    if weight <= 0:
        return [], weight, False
    leaning = model.leaning(found, count=len(found))
    read = [i for i, keep in enumerate(kept) if keep and prepared.words[i] not in ".?!:"]
    if not leaning and not read:
        return [], 0, False

    def span(feature: str, index: int) -> tuple[int, int]:
        last = index + (1 if feature.startswith("b:") else 0)
        while last > index and prepared.words[last] in ".?!:":
            last -= 1
        return prepared.spans[index][0], prepared.spans[last][1]

    if leaning:
        words = "; weighing most: " + ", ".join(
            "“" + " ".join(prepared.words[i : i + (2 if f.startswith("b:") else 1)]) + "”"
            for f, i in leaning[:3]
        )
        # marked on the heaviest words that no cue has marked already
        spans = (span(f, i) for f, i in leaning)
        free = (s for s in spans if all(s[1] <= t.start or s[0] >= t.end for t in taken))
        start, end = next(free, None) or span(*leaning[0])
    else:  # only how it is written leans frustrated ("??", an eye-roll): the draft as a whole
        start, end, words = prepared.spans[read[0]][0], prepared.spans[read[-1]][1], ""
    finding = Finding(
        start,
        end,
        live[start:end],
        "overall",
        f"{model.why} ({round(100 * probability)}%{words})",
        model.instead,
        weight,
    )
    return [finding], 0, weight < lexicon.threshold


def _fill(instead: str, sentence: str, facts: Mapping[str, str], default_day: str) -> str:
    if "{promised_day}" not in instead:
        return instead
    day = facts.get("promised_day")
    if not day:
        named = _DAY.search(sentence)
        day = named.group(0) if named else default_day
    return instead.replace("{promised_day}", day)


def _sentence_around(text: str, start: int, end: int) -> str:
    left = max(text.rfind(mark, 0, start) for mark in ".?!\n")
    rights = [i for i in (text.find(mark, end) for mark in ".?!\n") if i != -1]
    return text[left + 1 : min(rights) if rights else len(text)]


def check_tone(
    text: str,
    lexicon: Lexicon,
    written_at: DateTime | None = None,
    facts: Mapping[str, str] | None = None,
) -> ToneReport:
    """Check ``text``; ``written_at`` (local time) adds the late-night note between 22 and 6.

    ``facts`` may name the real ``promised_day`` ("Friday 20 November"), used in the calmer
    phrases that mention it; without it, a day named in the sentence, or a neutral phrase.
    """
    live = blank_quoted(text)
    prepared = prepare(live, lexicon.irregular or {}, lexicon.spellings or {}, lexicon.tags)
    findings = _cue_findings(prepared, lexicon, live)
    findings += _sequence_findings(prepared, lexicon)
    if lexicon.affect is not None:
        findings += _affect_findings(prepared, lexicon.affect)
    # How it is written (capitals, "??") is a separate signal from what it says, so those
    # findings do not compete with the words they sit on.
    findings = _without_overlaps(findings)
    findings += _without_overlaps(_punctuation(live) + _shouting(live, lexicon.allowed_caps))
    lean, tentative = 0, False
    if lexicon.model is not None:
        overall, lean, tentative = _model_view(prepared, live, lexicon, findings)
        findings += overall
    findings.sort(key=lambda f: f.start)
    facts = facts or {}
    findings = [
        Finding(
            f.start,
            f.end,
            f.text,
            f.category,
            f.why,
            _fill(f.instead, _sentence_around(text, f.start, f.end), facts, lexicon.default_day),
            f.weight,
        )
        for f in findings
    ]
    if lean < 0 and any(f.weight >= lexicon.threshold for f in findings):
        lean = 0  # a cue that is enough on its own is not argued away by the draft around it
    score = max(0, _score(findings, lexicon.caps or {}) + lean)
    if tentative and score < lexicon.threshold:
        # the model leaned towards frustrated, not enough to matter: no finding to show
        findings = [f for f in findings if f.category != "overall"]
        score = _score(findings, lexicon.caps or {})
    late = written_at is not None and (written_at.hour >= LATE_START or written_at.hour < LATE_END)
    return ToneReport(
        findings=tuple(findings),
        score=score,
        verdict="frustrated" if score >= lexicon.threshold else "calm",
        late_night=late,
    )


def _score(findings: Sequence[Finding], caps: Mapping[str, int]) -> int:
    """Weights add up across the draft; a capped category adds at most its cap."""
    totals: dict[str, int] = {}
    for finding in findings:
        totals[finding.category] = totals.get(finding.category, 0) + finding.weight
    return sum(min(total, caps.get(category, total)) for category, total in totals.items())


def _without_overlaps(findings: Sequence[Finding]) -> list[Finding]:
    """One finding per stretch of text: the heaviest (then longest) wins."""
    kept: list[Finding] = []
    for finding in sorted(findings, key=lambda f: (-f.weight, -(f.end - f.start), f.start)):
        if all(finding.end <= k.start or finding.start >= k.end for k in kept):
            kept.append(finding)
    return sorted(kept, key=lambda f: f.start)
