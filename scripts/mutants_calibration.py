"""Mutation check of the calibration rules: each mutant of a rule must make a test fail.

Run from the checkout: ``.venv/bin/python scripts/mutants_calibration.py``. Each mutant changes
one rule in a copy of the installed module's source (the file is restored afterwards, even on
an interrupt), runs the engine tests of issue 18, and is *killed* when they fail. It prints one
line per mutant and exits 1 if any survived.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TESTS = [
    "tests/engine/test_calibration.py",
    "tests/engine/test_promises.py",
    "tests/engine/test_silence_and_debrief.py",
]
# (module, the rule as written, the mutant, what it breaks)
MUTANTS = [
    ("calibration", "touch.outcome in ADVANCED", "touch.outcome not in ADVANCED", "outcome"),
    (
        "calibration",
        'frozenset({"next_round", "offer", "offer_in_hand"})',
        'frozenset({"next_round", "offer_in_hand"})',
        "an offer advances",
    ),
    (
        "calibration",
        "touch.at > context.now",
        "touch.at > context.now.add(days=30)",
        "future answers",
    ),
    (
        "calibration",
        "touch.at >= following.start",
        "touch.at > following.start.add(days=9)",
        "answer after the next round",
    ),
    (
        "calibration",
        'return Outcome(interview, opportunity, True, "a later interview")',
        'return Outcome(interview, opportunity, None, "a later interview")',
        "a later interview",
    ),
    (
        "calibration",
        'opportunity.stage in {"rejected", "closed"}',
        'opportunity.stage in {"closed"}',
        "stage rejected",
    ),
    ("calibration", 'state.state == "gone_quiet"', 'state.state == "promise_broken"', "gone quiet"),
    (
        "calibration",
        "low <= o.interview.estimate <= high",
        "low < o.interview.estimate <= high",
        "band low end",
    ),
    (
        "calibration",
        "low <= o.interview.estimate <= high",
        "low <= o.interview.estimate < high",
        "band high end",
    ),
    ("calibration", "(100 if o.advanced else 0)", "(0 if o.advanced else 100)", "Brier outcome"),
    ("calibration", "/ (10_000 * len(scored))", "/ (10_000 * (len(scored) + 1))", "Brier mean"),
    (
        "calibration",
        "row.with_n >= minimum and row.without_n >= minimum",
        "row.with_n > minimum and row.without_n >= minimum",
        "signal minimum, with",
    ),
    (
        "calibration",
        "row.with_n >= minimum and row.without_n >= minimum",
        "row.with_n >= minimum",
        "signal minimum, without",
    ),
    ("calibration", "if left > right:", "if left >= right:", "no difference"),
    ("calibration", "and o.interview.debriefed_at is not None]", "]", "finished debriefs only"),
    ("calibration", "if decided < minimum:", "if decided <= minimum:", "5 outcomes"),
    ("calibration", "elif brier_n < minimum:", "elif brier_n <= minimum:", "Brier warning"),
    ("silence", "self.answered_on > promised", "self.answered_on >= promised", "promised day"),
    ("silence", "answer.at <= context.now", "True", "answers still to come"),
    ("silence", "if history.count == 1:", "if history.count == 0:", "one answer"),
    ("debrief", "ended > now or", "ended >= now or", "offered from the end"),
    ("debrief", "ended.add(days=window) <= now", "ended.add(days=window) < now", "window end"),
    ("debrief", "interview.debriefed_at is not None or", "False or", "finished debrief"),
    ("debrief", "if value > 100:", "if value > 101:", "estimate range"),
    (
        "promises",
        "(wanted - day.isoweekday()) % 7 or 7",
        "(wanted - day.isoweekday()) % 7",
        "weekday strictly after",
    ),
    (
        "promises",
        "monday_after = day.add(days=8 - day.isoweekday())",
        "monday_after = day.add(days=1)",
        "next <weekday>",
    ),
    (
        "promises",
        "return friday.add(days=7) if _says_next(match) else friday",
        "return friday",
        "end of next week",
    ),
    ("promises", "return calendar.add(day, count)", "return day.add(days=count)", "business days"),
    (
        "promises",
        "if found is not None and found < day:",
        "if found is not None and found <= day:",
        "a date on the interview's day",
    ),
    (
        "promises",
        "return min(found, key=lambda f: (f[0], f[1]))[2]",
        "return max(found, key=lambda f: (f[0], f[1]))[2]",
        "the first phrase wins",
    ),
]


def run_tests() -> bool:
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-x", "-p", "no:randomly", *TESTS],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    return result.returncode == 0


def main() -> int:
    import tui.engine

    folder = Path(tui.engine.__file__).parent
    survived = 0
    for module, rule, mutant, what in MUTANTS:
        path = folder / f"{module}.py"
        original = path.read_text(encoding="utf-8")
        if original.count(rule) != 1:
            print(f"?        {module}: the rule for {what!r} is not found once", file=sys.stderr)
            survived += 1
            continue
        try:
            path.write_text(original.replace(rule, mutant), encoding="utf-8")
            passed = run_tests()
        finally:
            path.write_text(original, encoding="utf-8")
        survived += passed
        print(f"{'SURVIVED' if passed else 'killed  '} {module}: {what}")
    print(f"{len(MUTANTS) - survived} of {len(MUTANTS)} mutants killed")
    return 1 if survived else 0


if __name__ == "__main__":
    sys.exit(main())
