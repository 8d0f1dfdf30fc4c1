"""How the tone check does on labelled sets of drafts, and how long one check takes.

    .venv/bin/python scripts/tone_eval.py tests/engine/data/tone_tuning.json [MORE.json ...]
    .venv/bin/python scripts/tone_eval.py --misses FILE     # also list what it got wrong
    .venv/bin/python scripts/tone_eval.py FOLDER            # every .json/.jsonl set in it

Each set is a JSON list of {"id", "label": "calm"|"frustrated", "text", "note"} (the older
{"drafts": [...]} file and JSON Lines work too). For each set it prints the size, accuracy,
frustrated recall, calm precision (of the drafts it lets pass, the share that really are calm),
frustrated precision and the time per draft; then the time of one check on a typical draft and on a
3,000-word one, medians of repeated runs, with the lexicon already loaded (as in the composer).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

from tui.engine.tone import check_tone
from tui.lexicon import shipped_lexicon
from tui.tone_figures import figures, load_drafts, set_files

TYPICAL = (
    "Hi Ravi,\n\nI hope you're well. I wanted to follow up on the Senior Data Analyst role; we "
    "last spoke on the 10th after my final round. I really enjoyed the case study, and I'm "
    "still very interested. Is there any update on the timeline?\n\nBest,\nSam"
)


def _long_draft(words: int = 3000) -> str:
    """A long draft of ordinary follow-up sentences with a few frustrated ones mixed in."""
    sentences = [
        "I wanted to follow up on our conversation about the analytics roadmap.",
        "The team's approach to experimentation really impressed me.",
        "You said a week. That was on the 2nd. It is now the 23rd.",
        "I know these decisions take time, and I'm happy to wait.",
        "I have written three times already and I'm getting really frustrated.",
        "Please let me know if there is anything else I can send.",
    ]
    text: list[str] = []
    count = 0
    while count < words:
        for sentence in sentences:
            text.append(sentence)
            count += len(sentence.split())
        text.append("\n\n")
    return " ".join(text)


def _median_ms(text: str, runs: int) -> float:
    lexicon = shipped_lexicon()
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        check_tone(text, lexicon)
        times.append(time.perf_counter() - started)
    return 1000 * statistics.median(times)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("files", nargs="+", type=Path, help="labelled sets (JSON), or folders")
    parser.add_argument("--misses", action="store_true", help="list the drafts it got wrong")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    lexicon = shipped_lexicon()
    print(f"lexicon loaded in {1000 * (time.perf_counter() - started):.0f} ms (once per process)")
    print(
        f"{'set':<28} {'size':>5} {'calm':>5} {'frus':>5} {'acc':>6} {'f-rec':>6} "
        f"{'c-prec':>6} {'f-prec':>6} {'ms/draft':>8}"
    )
    for path in set_files(args.files):
        try:
            drafts = load_drafts(path)
        except (OSError, ValueError, KeyError, TypeError) as error:
            print(f"{path}: {error}", file=sys.stderr)
            return 2
        result = figures(drafts, lexicon)
        print(
            f"{path.name:<28} {result['size']:>5} {result['calm']:>5} {result['frustrated']:>5} "
            f"{result['accuracy']:>6.3f} {result['frustrated_recall']:>6.3f} "
            f"{result['calm_precision']:>6.3f} {result['frustrated_precision']:>6.3f} "
            f"{result['ms_per_draft']:>8.2f}"
        )
        if args.misses:
            by_id = {str(d.get("id", n)): d for n, d in enumerate(drafts)}
            for kind in ("missed", "wrongly_flagged"):
                for name in result[kind]:
                    text = by_id[name]["text"].replace("\n", " ")
                    print(f"    {kind:<15} {name}: {text[:110]}")
    long_text = _long_draft()
    print(
        f"one check, median: typical draft ({len(TYPICAL.split())} words) "
        f"{_median_ms(TYPICAL, 200):.2f} ms; long draft ({len(long_text.split())} words) "
        f"{_median_ms(long_text, 15):.1f} ms"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
