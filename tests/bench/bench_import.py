"""Benchmark a spreadsheet import at 1k, 10k and 100k rows; prints figures, asserts nothing.

Run: ``python tests/bench/bench_import.py`` (``--quick`` stops at 10k). Each size is imported
by the real command (``nowwhat import tracker.csv``) in its own process, into a fresh
database, so the time is what a person waits and the peak memory (the child's maximum resident
set) is the whole process's. The baseline, in the same run and process kind, is Python reading
the same file with the ``csv`` module and nothing else: the least any import does. A linear
import keeps both its time per row and its memory per row flat as the file grows.
"""

from __future__ import annotations

import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

NOWWHAT = Path(sys.executable).with_name("nowwhat")
NOW = "2026-11-23 08:30"
STATUSES = ("applied", "phone screen", "interviewing", "rejected", "offer", "saved")
ROLES = ("Data Analyst", "BI Developer", "Analytics Engineer", "Data Scientist", "ML Engineer")


def write_tracker(path: Path, rows: int, seed: int = 7) -> None:
    """A tracker like a busy person's, scaled up: every company distinct, a third with an
    interview, half with a contact (so each row makes one to three records)."""
    rng = random.Random(seed)
    with path.open("w", encoding="utf-8", newline="") as out:
        out.write("Company,Job Title,Status,Date Applied,Interview Date,Contact,Notes,Link\n")
        for n in range(rows):
            day = 1 + n % 28
            interview = f"2026-11-{day:02d} 14:00" if rng.random() < 0.33 else ""
            contact = f"Person {n}" if rng.random() < 0.5 else ""
            out.write(
                f"Company {n},{rng.choice(ROLES)},{rng.choice(STATUSES)},2026-10-{day:02d},"
                f"{interview},{contact},,https://jobs.example/{n}\n"
            )


def measured(argv: list[str]) -> tuple[float, float, float]:
    """Wall seconds, CPU seconds and peak resident MiB of one child process running ``argv``.

    The CPU time is the figure to read on a shared machine: the wall time includes waiting
    for the other processes' turn (and the fsyncs).
    """
    start = time.perf_counter()
    child = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(child.pid, 0)
    seconds = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        problem = child.stderr.read().decode() if child.stderr else ""
        raise SystemExit(f"{argv[0]} failed: {problem}")
    return seconds, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024  # Linux: KiB


def main() -> None:
    sizes = (1_000, 10_000) if "--quick" in sys.argv else (1_000, 10_000, 100_000)
    print(
        f"{'rows':>8} {'file MB':>8} {'wall s':>7} {'CPU s':>6} {'CPU µs/row':>10} "
        f"{'peak MiB':>9} {'KiB/row':>8} {'csv-only CPU s':>15} {'ratio':>7}"
    )
    with tempfile.TemporaryDirectory(prefix="nowwhat-bench-import-") as folder:
        for rows in sizes:
            tracker = Path(folder) / f"tracker-{rows}.csv"
            write_tracker(tracker, rows)
            db = Path(folder) / f"db-{rows}.json"
            baseline = [
                sys.executable,
                "-c",
                "import csv, sys; sum(1 for _ in csv.reader(open(sys.argv[1], encoding='utf-8')))",
                str(tracker),
            ]
            _, base_cpu, _ = measured(baseline)
            wall, cpu, mib = measured(
                [str(NOWWHAT), "--db", str(db), "--now", NOW, "import", str(tracker)]
            )
            print(
                f"{rows:>8,} {tracker.stat().st_size / 1e6:>8.1f} {wall:>7.2f} {cpu:>6.2f} "
                f"{cpu / rows * 1e6:>10.0f} {mib:>9.1f} {mib * 1024 / rows:>8.2f} "
                f"{base_cpu:>15.2f} {cpu / base_cpu:>6.1f}x"
            )


if __name__ == "__main__":
    main()
