"""Train the tone check's model (data/tone_model.json) from the labelled drafts in the repo.

    .venv/bin/python scripts/train_tone_model.py            # train, report, write the model
    .venv/bin/python scripts/train_tone_model.py --check    # train and compare, write nothing

A logistic regression over stems and stem pairs (tui/engine/tone_model.py), trained by plain
stochastic gradient descent with a fixed seed, so the same drafts give the same weights; it
predicts with an even prior (the bias is dropped: see _train). It
learns from tests/engine/data/tone_tuning.json and labelled_drafts.json. Before writing, it
reports a 5-fold cross-validation on the tuning set (folds keep a draft and its wrapped variants
together) and the figures on tests/engine/data/tone_holdout.json, a set it never trains on:
the rules alone, the model alone, and both as the check weighs them.
"""

from __future__ import annotations

import argparse
import json
import math
import random
import re
import sys
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any

from tui.engine.tone import Lexicon, check_tone
from tui.engine.tone_model import ToneModel, blank_salutations, features
from tui.engine.tone_text import blank_quoted, prepare
from tui.lexicon import affect_words, shipped_lexicon
from tui.locations import shipped_data

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "engine" / "data"
TRAIN = (DATA / "tone_tuning.json", DATA / "labelled_drafts.json")
HOLDOUT = DATA / "tone_holdout.json"
OUT = ROOT / "data" / "tone_model.json"
L2, EPOCHS, RATE, MIN_DF, SEED = 3e-3, 25, 0.2, 3, 15


def _drafts(path: Path) -> list[dict[str, Any]]:
    data = json.loads(path.read_text(encoding="utf-8"))
    return list(data["drafts"] if isinstance(data, Mapping) else data)


def _featurise(text: str, lexicon: Lexicon) -> set[str]:
    live = blank_quoted(text)
    prepared = prepare(live, lexicon.irregular or {}, lexicon.spellings or {})
    mask = blank_salutations(live)
    kept = [mask[start] != " " for start, _ in prepared.spans]
    return set(features(prepared, kept))


def _train(rows: Sequence[tuple[set[str], bool]]) -> tuple[dict[str, float], float]:
    counts = Counter(f for found, _ in rows for f in found)
    keep = {f for f, n in counts.items() if n >= MIN_DF}
    rows = [(sorted(found & keep), label) for found, label in rows]
    weights: dict[str, float] = {}
    bias = 0.0
    order = list(range(len(rows)))
    rng = random.Random(SEED)  # noqa: S311 - a fixed, reproducible order, not a secret
    for _ in range(EPOCHS):
        rng.shuffle(order)
        for index in order:
            found, label = rows[index]
            z = bias + sum(weights.get(f, 0.0) for f in found)
            p = 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))
            gradient = p - (1.0 if label else 0.0)
            bias -= RATE * gradient
            for f in found:
                w = weights.get(f, 0.0)
                weights[f] = w - RATE * (gradient + L2 * w)
    # The bias learned is the labelled drafts' balance (more frustrated ones than calm), not
    # evidence about a draft: with it, a short neutral note ("NB: my number changed") would
    # lean frustrated. The model predicts from its words alone, an even prior.
    del bias
    return {f: round(w, 4) for f, w in sorted(weights.items()) if abs(w) >= 0.005}, 0.0


def _figures(pairs: Sequence[tuple[bool, bool]]) -> str:
    """Figures of (flagged, frustrated) pairs."""
    tp = fp = tn = fn = 0
    for flagged, frustrated in pairs:
        tp += flagged and frustrated
        fp += flagged and not frustrated
        tn += not flagged and not frustrated
        fn += frustrated and not flagged
    n = len(pairs)
    return (
        f"accuracy {(tp + tn) / n:.3f}  frustrated recall {tp / max(1, tp + fn):.3f}  "
        f"calm precision {tn / max(1, tn + fn):.3f}  frustrated precision "
        f"{tp / max(1, tp + fp):.3f}  ({fp} calm flagged, {fn} frustrated missed)"
    )


def _group(draft: Mapping[str, Any]) -> str:
    """Wrapped variants (subject, signature, quoted history) share their base draft's note."""
    return re.sub(r"^(?:wrapped \([^)]*\)|[a-z]+ batch[^:]*): ", "", str(draft.get("note", "")))


def _judges(
    lexicon: Lexicon,
    data: Mapping[str, Any],
    affect: Mapping[str, float],
    weights: Any,
    bias: float,
) -> dict[str, Callable[[str], bool]]:
    trained = {"weights": weights, "bias": bias}
    model = ToneModel.from_data(trained, data["model"])
    rules = Lexicon.from_data(data, affect)
    both = Lexicon.from_data(data, affect, trained)
    return {
        "rules alone": lambda text: check_tone(text, rules).frustrated,
        "model alone": lambda text: model.probability(_featurise(text, lexicon)) >= 0.5,
        "rules + model": lambda text: check_tone(text, both).frustrated,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--check", action="store_true", help="report only; do not write")
    parser.add_argument("--quick", action="store_true", help="skip the cross-validation")
    args = parser.parse_args(argv)
    lexicon = shipped_lexicon()
    data = json.loads(shipped_data("tone.json").read_text(encoding="utf-8"))
    affect = affect_words(shipped_data("tone_affect.tsv").read_text(encoding="utf-8"))
    drafts = [d for path in TRAIN for d in _drafts(path)]
    tuning = drafts[: len(_drafts(TRAIN[0]))]
    rows = {id(d): (_featurise(d["text"], lexicon), d["label"] == "frustrated") for d in drafts}

    groups = sorted({_group(d) for d in tuning}) if not args.quick else []
    random.Random(SEED).shuffle(groups)  # noqa: S311 - reproducible folds
    in_tuning = {id(d) for d in tuning}
    if groups:
        print("5-fold cross-validation on the tuning set (the rules were tuned on all of it):")
    results: dict[str, list[tuple[bool, bool]]] = {}
    for fold in range(5 if groups else 0):
        held = set(groups[fold::5])
        tested = [d for d in tuning if _group(d) in held]
        train = [rows[id(d)] for d in drafts if id(d) not in in_tuning or _group(d) not in held]
        weights, bias = _train(train)
        for name, judge in _judges(lexicon, data, affect, weights, bias).items():
            results.setdefault(name, []).extend(
                (judge(d["text"]), d["label"] == "frustrated") for d in tested
            )
    for name, pairs in results.items():
        print(f"  {name:<14} {_figures(pairs)}")

    weights, bias = _train(list(rows.values()))
    if HOLDOUT.exists() and not args.quick:
        holdout = _drafts(HOLDOUT)
        print(f"held-out set {HOLDOUT.name} ({len(holdout)} drafts, never trained or tuned on):")
        for name, judge in _judges(lexicon, data, affect, weights, bias).items():
            pairs = [(judge(d["text"]), d["label"] == "frustrated") for d in holdout]
            print(f"  {name:<14} {_figures(pairs)}")
    payload = {
        "about": "Weights of the tone check's logistic regression over stems (u:) and stem "
        "pairs (b:); written by scripts/train_tone_model.py from the labelled drafts in "
        f"tests/engine/data ({len(drafts)} drafts). Do not edit by hand: retrain.",
        "trained_on": len(drafts),
        "bias": bias,
        "weights": weights,
    }
    text = json.dumps(payload, indent=0, sort_keys=False, ensure_ascii=False) + "\n"
    if args.check:
        same = OUT.exists() and OUT.read_text(encoding="utf-8") == text
        print(f"{OUT.name}: {'matches' if same else 'differs from'} what this training gives")
        return 0 if same else 1
    OUT.write_text(text, encoding="utf-8")
    print(f"wrote {OUT.relative_to(ROOT)}: {len(weights)} weights, bias {bias}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
