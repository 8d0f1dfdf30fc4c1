"""Benchmark the engine on generated databases; prints figures, asserts nothing.

Run: ``python tests/bench/bench_engine.py``. Each figure is the median of repeated runs, next to
a baseline measured in the same run: one sort of all touches by time (the least any plan over
the history has to do). "warm" reuses the index the engine builds once per snapshot of the
records (what the app does between keypresses); "cold" is a fresh snapshot every time (what one
CLI call does).
"""

from __future__ import annotations

import dataclasses
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from generate import NOW, PRESETS, generate

from tui.engine.advocates import advocates_view
from tui.engine.plan import plan_day
from tui.engine.waiting import waiting_room


def median_ms(work: Callable[[], object], repeat: int = 15) -> float:
    work()  # warm caches (holiday tables, business-day memo)
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        work()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def main() -> None:
    print(f"{'database':<8} {'what':<18} {'median ms':>10} {'baseline ms':>12} {'ratio':>7}")
    for preset in ("year", "decade", "heavy", "stress"):
        records = generate(7, PRESETS[preset])
        baseline = median_ms(lambda r=records: sorted(r.touches, key=lambda t: t.at))
        for name, work in (
            ("plan_day cold", lambda r=records: plan_day(dataclasses.replace(r), NOW)),
            ("plan_day warm", lambda r=records: plan_day(r, NOW)),
            ("waiting_room", lambda r=records: waiting_room(r, NOW)),
            ("advocates_view", lambda r=records: advocates_view(r, NOW)),
        ):
            ms = median_ms(work)
            print(f"{preset:<8} {name:<18} {ms:>10.2f} {baseline:>12.2f} {ms / baseline:>7.1f}x")


if __name__ == "__main__":
    main()
