"""Train the tone check's model (data/tone_model.json) from the labelled drafts in the repo.

    .venv/bin/python scripts/train_tone_model.py                 # train, write the model
    .venv/bin/python scripts/train_tone_model.py --check         # train and compare, write nothing
    .venv/bin/python scripts/train_tone_model.py --cross-author  # leave-one-author-out figures
    .venv/bin/python scripts/train_tone_model.py --choose-steps  # ... and the best model steps

A logistic regression over stems, stem pairs, negated stems and how the draft is written
(tui/engine/tone_model.py), trained by stochastic gradient descent with a fixed seed, so the
same drafts give the same weights (tui/tone_training.py). It learns from the drafts of six
authors in tests/engine/data, each author weighing the same. --cross-author trains on all
authors but one and measures on the one left out, for each choice: the cues alone, the model
alone, and the check as shipped. --choose-steps also searches the "steps" of data/tone.json
(how the model's probability becomes a weight beside the cues) for the highest accuracy on the
worst author, among those that leave the calm drafts of tone_phrases.json calm.
"""

from __future__ import annotations

import argparse
import itertools
import json
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from tui.engine.tone import Lexicon, check_tone
from tui.lexicon import affect_words
from tui.locations import shipped_data
from tui.tone_figures import load_drafts
from tui.tone_training import (
    SCALE,
    Figures,
    Trained,
    author_drafts,
    cross_author,
    featurise,
    rows_of,
    train,
)

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "engine" / "data"
OUT = ROOT / "data" / "tone_model.json"
Row = tuple[int, int, float, bool]  # cue score, heaviest cue, model probability, frustrated


def _decide(score: int, heaviest: int, weight: int, threshold: int) -> bool:
    """The verdict ``check_tone`` gives for a cue score, its heaviest cue and the model's weight."""
    if weight > 0 or heaviest >= threshold:
        return score + max(0, weight) >= threshold
    return max(0, score + weight) >= threshold


def _choose_steps(
    drafts: Mapping[str, Sequence[Mapping[str, Any]]],
    data: Mapping[str, Any],
    affect: Mapping[str, float],
) -> None:
    """Search the model's steps on the leave-one-author-out probabilities and cue scores.

    Only steps that leave every calm draft of ``tone_phrases.json`` calm (with the model trained
    on all authors) are kept: "Any update?" and "No rush." must never be flagged.
    """

    def rows(trained: Trained, texts: Sequence[Mapping[str, Any]]) -> list[Row]:
        out = []
        for d in texts:
            report = check_tone(d["text"], trained.rules)
            heaviest = max((f.weight for f in report.findings), default=0)
            probability = trained.model.probability(featurise(d["text"], trained.rules))
            out.append((report.score, heaviest, probability, d["label"] == "frustrated"))
        return out

    folds = {
        held: rows(Trained.on({a: d for a, d in drafts.items() if a != held}, data, affect), texts)
        for held, texts in drafts.items()
    }
    calm_phrases = [d for d in load_drafts(DATA / "tone_phrases.json") if d["label"] == "calm"]
    phrases = rows(Trained.on(drafts, data, affect), calm_phrases)
    threshold = int(data.get("threshold", 4))
    grid = (0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7, 0.8)
    results = []
    for high, middle, low in itertools.combinations(sorted(grid, reverse=True), 3):
        for middle_weight, calm_weight in itertools.product((1, 2, 3), (0, -1, -2, -4)):
            steps = ((high, threshold), (middle, middle_weight), (low, 0), (0.0, calm_weight))

            def weight(probability: float, steps: Sequence[tuple[float, int]] = steps) -> int:
                return next(w for p, w in steps if probability >= p)

            if any(_decide(s, h, weight(p), threshold) for s, h, p, _ in phrases):
                continue
            figures = {
                held: Figures.of([(_decide(s, h, weight(p), threshold), y) for s, h, p, y in rows])
                for held, rows in folds.items()
            }
            worst = min(f.accuracy for f in figures.values())
            mean = sum(f.accuracy for f in figures.values()) / len(figures)
            results.append((worst, mean, steps, figures))
    results.sort(key=lambda r: (-r[0], -r[1]))
    print("model steps by the worst author's accuracy (then the mean), calm phrases all calm:")
    for worst, mean, steps, figures in results[:5]:
        shown = ", ".join(f"[{p}, {w}]" for p, w in steps)
        print(f"  worst {worst:.3f}  mean {mean:.3f}  steps [{shown}]")
        for held, f in figures.items():
            print(f"      {held:<26} {f.line()}")
    print(f"  (shipped steps: {data['model']['steps']})")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--check", action="store_true", help="report only; do not write")
    parser.add_argument(
        "--cross-author", action="store_true", help="leave-one-author-out figures first"
    )
    parser.add_argument(
        "--choose-steps", action="store_true", help="search the model's steps (slow)"
    )
    args = parser.parse_args(argv)
    data = json.loads(shipped_data("tone.json").read_text(encoding="utf-8"))
    affect = affect_words(shipped_data("tone_affect.tsv").read_text(encoding="utf-8"))
    drafts = author_drafts(DATA)

    if args.cross_author or args.choose_steps:
        print("leave one author out: train on the others, measure on this author's drafts")
        for held, judges in cross_author(drafts, data, affect).items():
            print(f"  {held} ({len(drafts[held])} drafts):")
            for name, figures in judges.items():
                print(f"    {name:<12} {figures.line()}")
    if args.choose_steps:
        _choose_steps(drafts, data, affect)

    lexicon = Lexicon.from_data(data, affect)
    weights = train(rows_of(drafts, lexicon))
    size = sum(len(d) for d in drafts.values())
    payload = {
        "about": "Weights of the tone check's logistic regression over stems (u:), stem pairs "
        "(b:), negated stems (n:) and how a draft is written (s:), a draft's sum times scale / "
        "sqrt(its number of features); written by "
        f"scripts/train_tone_model.py from the labelled drafts in tests/engine/data ({size} "
        f"drafts by {len(drafts)} authors, each weighing the same). Do not edit by hand: retrain.",
        "trained_on": size,
        "bias": 0.0,
        "scale": SCALE,
        "weights": weights,
    }
    text = json.dumps(payload, indent=0, sort_keys=False, ensure_ascii=False) + "\n"
    if args.check:
        same = OUT.exists() and OUT.read_text(encoding="utf-8") == text
        print(f"{OUT.name}: {'matches' if same else 'differs from'} what this training gives")
        return 0 if same else 1
    OUT.write_text(text, encoding="utf-8")
    print(f"wrote {OUT.relative_to(ROOT)}: {len(weights)} weights")
    return 0


if __name__ == "__main__":
    sys.exit(main())
