"""A small trained model for the tone check: weights of words and word pairs, from labelled drafts.

The cue lexicon knows the phrases it was written for; frustration keeps finding new ones ("five
weeks and counting", "still alive over there?"). A logistic regression over the draft's stems
and stem pairs carries what the labelled drafts share beyond those phrases: "silence",
"anyone", "nothing", "weeks" lean one way, "thanks", "happy to", "excited" the other. It is
trained by ``scripts/train_tone_model.py`` on the drafts in ``tests/engine/data`` and shipped as
``data/tone_model.json``; nothing is downloaded. Its verdict is one more finding, weighed with
the cues, naming the words that pushed it.
"""

from __future__ import annotations

import itertools
import math
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from .tone_text import Prepared

__all__ = ["NEGATED_WORDS", "ToneModel", "blank_salutations", "features"]

# A greeting line ("Hi Ravi,") and a sign-off block ("Best,\nSam") say who, not how: the
# labelled drafts use a handful of names, which the model must not learn as tone.
_GREETING = re.compile(
    r"^[ \t]*(?:subject:[^\n]*|(?:hi|hello|hey|dear|good (?:morning|afternoon|evening)|greetings)"
    r"\b[^\n]{0,40})$",
    re.IGNORECASE | re.MULTILINE,
)
_SIGN_OFF = re.compile(
    r"^[ \t]*(?:best|best regards|best wishes|kind regards|warm regards|warmly|regards|thanks|"
    r"thank you|many thanks|cheers|sincerely|yours sincerely|yours|all the best|sent from my \w+)"
    r"[,.!]?[ \t]*$",
    re.IGNORECASE | re.MULTILINE,
)


def blank_salutations(text: str) -> str:
    """``text`` with greeting lines and everything from a sign-off line on turned to spaces."""
    chars = list(text)
    for match in _GREETING.finditer(text):
        if len(match.group(0).split()) <= 6:  # "Hi Ravi," is a greeting; a long line is a sentence
            chars[match.start() : match.end()] = " " * (match.end() - match.start())
    sign_off = _SIGN_OFF.search(text)
    if sign_off:
        for index in range(sign_off.start(), len(chars)):
            if chars[index] != "\n":
                chars[index] = " "
    return "".join(chars)


def _keys(prepared: Prepared) -> list[tuple[str, int]]:
    """Each token's stem (punctuation as itself) and its index."""
    keys = []
    for index, piece in enumerate(prepared.keys.split(" ")[1:-1]):
        key = piece.partition("/")[0].partition(",")[0]
        keys.append((key, index))
    return keys


_ENDS = frozenset(".?!:")
_NEGATORS = frozenset({"not", "no", "never", "without", "nothing", "hardly", "nor"})
NEGATED_WORDS = 3  # a negator colours the next three words of its sentence: "not a single word"

# How a draft is written carries across writers better than its topic: an eye-roll emoji, "??",
# scare quotes around their words, capitals, a trailing "...". Each is one feature, present or not.
_EYE_ROLL = frozenset("🙄🙃😤😒😑😐😠😡🤬😞😔😕🙁☹😩😫😢😭🤦🤷")
_SMILE = frozenset("😊🙂😀😃😄😁😍🥰🎉🙏👍💕❤✨🙌😅🤞😉🔥🥳")
_STYLES = (
    ("s:??", re.compile(r"\?\?|\?!|!\?")),
    ("s:!!", re.compile(r"!!")),
    ("s:quoted", re.compile(r"(?<![\w\"“'‘])[\"“'‘]\w[\w \-]{0,25}[\"”'’](?![\w\"”])")),
    ("s:trailing", re.compile(r"\.\.\.|…")),
    ("s:caps", re.compile(r"\b[A-Z][A-Z'’]{2,}\b")),
)


def _style(text: str, allowed_caps: frozenset[str]) -> set[str]:
    found = set()
    for name, pattern in _STYLES:
        if name == "s:caps":
            if any(m.group(0) not in allowed_caps for m in pattern.finditer(text)):
                found.add(name)
        elif pattern.search(text):
            found.add(name)
    characters = set(text)
    if characters & _EYE_ROLL:
        found.add("s:eye-roll")
    if characters & _SMILE:
        found.add("s:smile")
    return found


def features(
    prepared: Prepared,
    kept: Sequence[bool] | None = None,
    text: str | None = None,
    allowed_caps: frozenset[str] = frozenset(),
) -> dict[str, int]:
    """The draft's features, each with the token index where it first occurs.

    Stems ("u:silenc"), pairs of neighbouring stems ("b:no_one"), sentence ends included in
    pairs so that a sentence's first word counts too ("b:._you"), and stems in a negator's
    reach ("n:problem" in "not a problem"), which mean something else than the stem alone.
    ``kept[i]`` false leaves token i out (a greeting, a sign-off). With ``text`` (the same
    draft, what is not read blanked), how it is written counts too ("s:??", "s:eye-roll"),
    at index -1; capitals in ``allowed_caps`` (acronyms) do not count as capitals.
    """
    found: dict[str, int] = {}
    keys = [k for k in _keys(prepared) if kept is None or kept[k[1]]]
    reach = 0
    for key, index in keys:
        if key in _ENDS:
            reach = 0
            continue
        found.setdefault("u:" + key, index)
        if reach:
            found.setdefault("n:" + key, index)
            reach -= 1
        if key in _NEGATORS:
            reach = NEGATED_WORDS
    for (first, index), (second, _) in itertools.pairwise(keys):
        found.setdefault(f"b:{first}_{second}", index)
    if text is not None:
        for name in sorted(_style(text, allowed_caps)):
            found.setdefault(name, -1)
    return found


@dataclass(frozen=True, slots=True)
class ToneModel:
    """Weights of a logistic regression over ``features``; ``steps`` turn its probability into a
    finding's weight (the first step whose probability is reached)."""

    weights: Mapping[str, float]
    bias: float
    steps: tuple[tuple[float, int], ...]  # (probability at least, weight), highest first
    why: str
    instead: str
    shrink: float = 0.0  # a draft of n stems has its evidence scaled by n / (n + shrink)
    prior: float = 0.0  # the log-odds a short draft is pulled towards (shrink's other share)
    scale: float = 0.0  # evidence times scale / sqrt(number of features); 0: added up as it is

    @classmethod
    def from_data(cls, data: Mapping[str, object], setting: Mapping[str, object]) -> ToneModel:
        """From ``data/tone_model.json`` and the ``model`` setting of ``data/tone.json``."""
        weights = data.get("weights")
        steps = setting.get("steps")
        if not isinstance(weights, Mapping) or not isinstance(steps, Sequence):
            raise ValueError("tone model: weights or steps missing")
        return cls(
            weights={str(k): float(v) for k, v in weights.items()},
            bias=float(str(data.get("bias", 0.0))),
            steps=tuple(sorted(((float(p), int(w)) for p, w in steps), key=lambda s: -s[0])),
            why=str(setting.get("why", "")),
            instead=str(setting.get("instead", "")),
            shrink=float(str(setting.get("shrink", 0.0))),
            prior=float(str(setting.get("prior", 0.0))),
            scale=float(str(data.get("scale", 0.0))),
        )

    def probability(self, found: Iterable[str]) -> float:
        """The probability that a draft with these features reads as frustrated.

        A short draft gives the model few words to go on ("I know you are busy."), so its
        evidence is shrunk towards ``prior``: by n / (n + shrink) for a draft of n stems, the
        rest of the way to ``prior``. The prior sits where the model's weight is 0, so a draft
        of two words is left to the cues instead of being called frustrated on a coin toss.
        With ``scale`` (set by the training), the evidence is divided by the square root of the
        number of features, as it was in training: a long draft does not pile up evidence
        merely by being long.
        """
        z, stems, count = 0.0, 0, 0
        for feature in found:
            z += self.weights.get(feature, 0.0)
            stems += feature.startswith("u:")
            count += 1
        if self.scale:
            z *= self.scale / math.sqrt(max(1, count))
        z += self.bias
        if self.shrink:
            z = (z * stems + self.prior * self.shrink) / (stems + self.shrink)
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))

    def weight(self, probability: float) -> int:
        """The finding's weight for a probability: 0 below the lowest step; a negative weight
        says the model is sure the draft is calm."""
        return next((w for p, w in self.steps if probability >= p), 0)

    def leaning(self, found: Mapping[str, int], count: int = 3) -> list[tuple[str, int]]:
        """The features that pushed hardest towards frustrated, with their token indices."""
        pushing = [
            (self.weights.get(f, 0.0), f, i) for f, i in found.items() if f[:2] in ("u:", "b:")
        ]
        # a pair with a full stop in it ("b:._it") weighs, but says nothing to a reader; how the
        # draft is written ("s:??") and negated words have findings or words of their own
        pushing = [p for p in pushing if p[0] > 0 and not any(c in p[1][2:] for c in ".?!:")]
        pushing.sort(key=lambda p: -p[0])
        return [(feature, index) for _, feature, index in pushing[:count]]
