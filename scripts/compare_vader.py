"""How a general sentiment scorer (VADER) does on the tone check's labelled drafts.

Not a dependency of nowwhat: run it in any environment with the scorer installed, e.g.
``python -m venv /tmp/vader && /tmp/vader/bin/pip install vaderSentiment`` then
``/tmp/vader/bin/python scripts/compare_vader.py``. A draft counts as flagged when VADER's
compound score is below -0.05 (its own threshold for "negative").
"""

from __future__ import annotations

import json
from pathlib import Path

from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

DRAFTS = Path(__file__).parent.parent / "tests" / "engine" / "data" / "labelled_drafts.json"


def main() -> None:
    drafts = json.loads(DRAFTS.read_text(encoding="utf-8"))["drafts"]
    scorer = SentimentIntensityAnalyzer()
    flagged = [(d, scorer.polarity_scores(d["text"])["compound"] < -0.05) for d in drafts]
    true_pos = sum(f and d["label"] == "frustrated" for d, f in flagged)
    false_pos = sum(f and d["label"] == "calm" for d, f in flagged)
    frustrated = sum(d["label"] == "frustrated" for d in drafts)
    precision = true_pos / (true_pos + false_pos) if true_pos + false_pos else float("nan")
    print(f"VADER on {len(drafts)} labelled drafts: precision {precision:.2f}, ", end="")
    print(f"recall {true_pos / frustrated:.2f}")
    example = "You promised to call me by Monday."
    print(f"{example!r}: compound {scorer.polarity_scores(example)['compound']:+.2f}")


if __name__ == "__main__":
    main()
