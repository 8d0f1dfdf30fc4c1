"""How a general sentiment scorer (VADER) does on the same labelled sets as the tone check.

Not a dependency of nowwhat: run it in any environment with the scorer installed, e.g.
``python -m venv /tmp/vader && /tmp/vader/bin/pip install vaderSentiment`` then

    /tmp/vader/bin/python scripts/compare_vader.py tests/engine/data/tone_tuning.json [MORE.json]

A draft counts as flagged when VADER's compound score is below a threshold: its own -0.05 (its
line for "negative"), and, for reference, the threshold that gives the best accuracy on the
tuning set (``--tune``, by default tests/engine/data/tone_tuning.json), never on the set being
measured. Sets are JSON lists of {"id", "label", "text", "note"} (or {"drafts": [...]}, or JSON
Lines); a folder stands for the .json/.jsonl files in it.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

TUNING = Path(__file__).parent.parent / "tests" / "engine" / "data" / "tone_tuning.json"
NATURAL = -0.05


def _drafts(path: Path) -> list[Mapping[str, Any]]:
    text = path.read_text(encoding="utf-8")
    try:
        data = json.loads(text)
    except json.JSONDecodeError:  # JSON Lines: one draft a line
        data = [json.loads(line) for line in text.splitlines() if line.strip()]
    return list(data["drafts"] if isinstance(data, Mapping) else data)


def _set_files(paths: Sequence[Path]) -> list[Path]:
    """A file as it is, a folder as the .json/.jsonl files in it."""
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            files += sorted(p for p in path.iterdir() if p.suffix in (".json", ".jsonl"))
        else:
            files.append(path)
    return files


def _figures(scored: Sequence[tuple[str, float]], threshold: float) -> dict[str, float]:
    tp = sum(s < threshold and label == "frustrated" for label, s in scored)
    fp = sum(s < threshold and label == "calm" for label, s in scored)
    tn = sum(s >= threshold and label == "calm" for label, s in scored)
    fn = sum(s >= threshold and label == "frustrated" for label, s in scored)

    def ratio(a: int, b: int) -> float:
        return a / b if b else float("nan")

    return {
        "accuracy": ratio(tp + tn, len(scored)),
        "frustrated_recall": ratio(tp, tp + fn),
        "calm_precision": ratio(tn, tn + fn),
        "frustrated_precision": ratio(tp, tp + fp),
    }


def _best_threshold(scored: Sequence[tuple[str, float]]) -> float:
    """The compound threshold with the best accuracy (ties: the one nearest zero)."""
    candidates = sorted({round(s, 4) for _, s in scored} | {NATURAL})
    cuts = [c + 1e-4 for c in candidates]  # "below the cut" includes the candidate itself
    return max(cuts, key=lambda c: (_figures(scored, c)["accuracy"], -abs(c)))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("files", nargs="*", type=Path, help="labelled sets (JSON), or folders")
    parser.add_argument(
        "--tune", type=Path, default=TUNING, help="the set to tune the threshold on"
    )
    args = parser.parse_args(argv)
    scorer = SentimentIntensityAnalyzer()

    def score(path: Path) -> list[tuple[str, float]]:
        return [(d["label"], scorer.polarity_scores(d["text"])["compound"]) for d in _drafts(path)]

    tuned = _best_threshold(score(args.tune))
    print(f"VADER threshold: natural {NATURAL:+.2f}; tuned on {args.tune.name}: {tuned:+.4f}")
    print(
        f"{'set':<28} {'threshold':<9} {'size':>5} {'acc':>6} {'f-rec':>6} "
        f"{'c-prec':>6} {'f-prec':>6}"
    )
    for path in _set_files(args.files) or [args.tune]:
        scored = score(path)
        for name, threshold in (("natural", NATURAL), ("tuned", tuned)):
            f = _figures(scored, threshold)
            print(
                f"{path.name:<28} {name:<9} {len(scored):>5} {f['accuracy']:>6.3f} "
                f"{f['frustrated_recall']:>6.3f} {f['calm_precision']:>6.3f} "
                f"{f['frustrated_precision']:>6.3f}"
            )
    example = "You promised to call me by Monday."
    print(f"{example!r}: compound {scorer.polarity_scores(example)['compound']:+.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
