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

__all__ = ["ToneModel", "blank_salutations", "features"]

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


def features(prepared: Prepared, kept: Sequence[bool] | None = None) -> dict[str, int]:
    """The draft's features, each with the token index where it first occurs.

    Stems ("u:silenc") and pairs of neighbouring stems ("b:no_one"), sentence ends included in
    pairs so that a sentence's first word counts too ("b:._you"). ``kept[i]`` false leaves
    token i out (a greeting, a sign-off).
    """
    found: dict[str, int] = {}
    keys = [k for k in _keys(prepared) if kept is None or kept[k[1]]]
    for key, index in keys:
        if key not in ".?!:":
            found.setdefault("u:" + key, index)
    for (first, index), (second, _) in itertools.pairwise(keys):
        found.setdefault(f"b:{first}_{second}", index)
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
        )

    def probability(self, found: Iterable[str]) -> float:
        """The probability that a draft with these features reads as frustrated."""
        z = self.bias + sum(self.weights.get(feature, 0.0) for feature in found)
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))

    def weight(self, probability: float) -> int:
        """The finding's weight for a probability: 0 below the lowest step."""
        return next((w for p, w in self.steps if probability >= p), 0)

    def leaning(self, found: Mapping[str, int], count: int = 3) -> list[tuple[str, int]]:
        """The features that pushed hardest towards frustrated, with their token indices."""
        pushing = [(self.weights.get(f, 0.0), f, i) for f, i in found.items()]
        # a pair with a full stop in it ("b:._it") weighs, but says nothing to a reader
        pushing = [p for p in pushing if p[0] > 0 and not any(c in p[1][2:] for c in ".?!:")]
        pushing.sort(key=lambda p: -p[0])
        return [(feature, index) for _, feature, index in pushing[:count]]
