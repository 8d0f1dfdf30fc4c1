"""The performance benchmark: every figure next to a baseline measured in the same run.

Run from the checkout: ``.venv/bin/python tests/bench/bench_app.py`` (about three minutes; pass
``--quick`` for fewer repetitions and a 3-second idle). Nothing here is asserted: it prints.

1. start-up, process start to the first frame of Today on a real pty at 80x24, for the demo, a
   busy year and five times that, against a hello-world Textual app (a ratio) — on a file the
   last run left unchanged (its records cache is used) and on one changed since (it is not);
   beside them the floor (``floor_app.py``): Today's widgets with canned text and pendulum
   imported, no nowwhat code, which no work on nowwhat can go below;
2. one keypress to the next frame: cursor move in the waiting room, switching screens, marking
   an item done (time to the first byte of the answer);
3. one write (mark a task done: lock, write, fsync, replace) at year and stress size;
4. the engine's day plan at year and stress size;
5. bytes written to the terminal: first frame, one cursor move, one screen switch, 10 s idle on
   each screen;
6. peak memory (RSS) against the hello-world app.

How the costs grow with years of finished history (year, decade and stress side by side, with
instruction counts) is ``bench_scale.py``.
"""

from __future__ import annotations

import compileall
import dataclasses
import gc
import os
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

import pendulum
from generate import PRESETS, generate, write
from ptyrun import Session

from tui.engine.plan import plan_day
from tui.holiday_cache import install_holiday_cache
from tui.locations import shipped_data
from tui.store import Store
from tui.store.snapshot_cache import cache_path

NOW = "2026-11-23 08:30"
MOMENT = pendulum.datetime(2026, 11, 23, 8, 30, tz="America/New_York")
HERE = Path(__file__).parent
PYTHON = sys.executable
NOWWHAT = str(Path(sys.executable).with_name("nowwhat"))
QUICK = "--quick" in sys.argv
RUNS = 3 if QUICK else 7
IDLE = 3.0 if QUICK else 10.0
DOWN, UP = b"\x1b[B", b"\x1b[A"


def median(values: list[float]) -> float:
    return statistics.median(values)


def row(name: str, value: float, unit: str, base: float | None = None) -> None:
    ratio = f"{value / base:6.2f}x" if base else ""
    baseline = f"{base:10.1f}" if base is not None else " " * 10
    print(f"  {name:<44} {value:10.1f} {unit:<5} {baseline} {ratio}")


def app_argv(db: Path) -> list[str]:
    return [NOWWHAT, "--db", str(db), "--now", NOW]


def hello_argv() -> list[str]:
    return [PYTHON, str(HERE / "hello_app.py")]


def floor_argv() -> list[str]:
    return [PYTHON, str(HERE / "floor_app.py")]


def first_frame(argv: list[str], marker: bytes) -> tuple[float, int, int]:
    session = Session(argv)
    try:
        seconds = session.read_until(marker)
        session.settle(0.3)
        return seconds, len(session.output), session.peak_rss_kb()
    finally:
        session.close()


def startup(folder: Path, databases: dict[str, Path]) -> None:
    print("\n1. start-up to the first frame (pty 80x24), median of", RUNS, "interleaved rounds")
    for db in databases.values():
        first_frame(app_argv(db), b"SEARCH")  # leaves the records cache, as every run does
    # One round runs every variant once, so a machine that speeds up or slows down during the
    # benchmark moves the baseline and the app alike (it did: the same hello-world app took
    # 250-400 ms on different runs of one day).
    variants: dict[str, Callable[[], tuple[float, int, int]]] = {
        "hello-world Textual app (baseline)": lambda: first_frame(hello_argv(), b"READY"),
        "floor: Today's widgets, canned text, pendulum": lambda: first_frame(
            floor_argv(), b"SEARCH"
        ),
        **{
            f"nowwhat, {name} database": (lambda db=db: first_frame(app_argv(db), b"SEARCH"))
            for name, db in databases.items()
        },
        **{
            f"nowwhat, {name}, first start after a change": (
                lambda db=databases[name]: cold_frame(db)
            )
            for name in ("year", "stress")
        },
    }
    results: dict[str, list[tuple[float, int, int]]] = {name: [] for name in variants}
    for _ in range(RUNS):
        for name, run in variants.items():
            results[name].append(run())
    for db in databases.values():
        first_frame(app_argv(db), b"SEARCH")  # leave the caches for what follows
    base = median([r[0] for r in results["hello-world Textual app (baseline)"]]) * 1000
    for name, runs in results.items():
        row(name, median([r[0] for r in runs]) * 1000, "ms", base)
    print("\n6. peak memory (RSS) at the first frame, median of", RUNS)
    hello_rss = median([r[2] for r in results["hello-world Textual app (baseline)"]]) / 1024
    for name, runs in results.items():
        row(name, median([r[2] for r in runs]) / 1024, "MiB", hello_rss)


def cold_frame(db: Path) -> tuple[float, int, int]:
    """A start on a file changed since the last run: no records cache to start from."""
    cache_path(db).unlink(missing_ok=True)
    return first_frame(app_argv(db), b"SEARCH")


def keys(db: Path, label: str) -> None:
    print(
        f"\n2. one keypress to the next frame ({label} database; time to the answer's first "
        "byte, median of",
        RUNS,
        ")",
    )
    session = Session(app_argv(db))
    try:
        session.read_until(b"SEARCH")
        session.settle(0.3)
        baseline = []
        for _ in range(RUNS):  # a key nothing is bound to: the cost of a round trip, no frame
            os.write(session.fd, b"\x1b[24~")  # F12
            started = time.perf_counter()
            session.read_for(0.05)
            baseline.append(time.perf_counter() - started)
        session.key_to_frame(b"2")  # the first visit builds the screen; measure the next ones
        session.settle(0.3)
        moves = []
        for step in range(RUNS):
            seconds, _ = session.key_to_frame(DOWN if step % 2 == 0 else UP, quiet=0.3)
            moves.append(seconds)
        switches = []
        for _ in range(RUNS):
            seconds, _ = session.key_to_frame(b"1", quiet=0.3)
            switches.append(seconds)
            seconds, _ = session.key_to_frame(b"2", quiet=0.3)
            switches.append(seconds)
        session.key_to_frame(b"1", quiet=0.3)
        done = []
        for _ in range(RUNS):
            seconds, _ = session.key_to_frame(b" ", quiet=0.4)  # done, then undone: no growth
            done.append(seconds)
        row("cursor move in the waiting room", median(moves) * 1000, "ms")
        row("switching screens (Today <-> Waiting room)", median(switches) * 1000, "ms")
        row("marking an item done / undone", median(done) * 1000, "ms")
    finally:
        session.close()


def writes(databases: dict[str, Path]) -> None:
    print("\n3. one write: mark a task done (lock, write, fsync, replace), median of", RUNS * 3)
    for name in ("year", "stress"):
        store = Store(databases[name])
        records = store.records()
        task = next(t for t in records.tasks if t.status == "open")
        times = []
        for n in range(RUNS * 3):
            changed = dataclasses.replace(task, status="done", done_at=MOMENT.add(minutes=n))
            started = time.perf_counter()
            store.put(changed)
            times.append(time.perf_counter() - started)
            store.put(task)
        row(f"{name} database", median(times) * 1000, "ms")
        store.save_snapshot()
        fresh = Store(databases[name])  # started from the cache: the file is not parsed yet
        started = time.perf_counter()
        fresh.put(dataclasses.replace(task, title=f"{task.title} (renamed)"))
        row(
            f"{name}: the first write after a start from the cache",
            (time.perf_counter() - started) * 1000,
            "ms",
        )
        fresh.put(task)


def engine(databases: dict[str, Path]) -> None:
    print("\n4. the engine's day plan, median of", RUNS * 3, "(baseline: one sort of all touches)")
    for name in ("year", "stress"):
        records = Store(databases[name]).records()

        def timed(work: Callable[[], object]) -> float:
            work()
            results = []
            for _ in range(RUNS * 3):
                started = time.perf_counter()
                work()
                results.append(time.perf_counter() - started)
            return median(results) * 1000

        # As in the app, which sets what lives as long as it does aside from the cycle
        # collector (run_app): otherwise every full collection here walks both databases.
        gc.collect()
        gc.freeze()
        base = timed(lambda r=records: sorted(r.touches, key=lambda t: t.at))
        warm = timed(lambda r=records: plan_day(r, MOMENT))
        cold = timed(lambda r=records: plan_day(dataclasses.replace(r), MOMENT))
        gc.unfreeze()
        row(f"{name}: plan, index reused (the app)", warm, "ms", base)
        row(f"{name}: plan, index built (one CLI call)", cold, "ms", base)


def bytes_sent(db: Path) -> None:
    print(f"\n5. bytes written to the terminal (demo database, 80x24; idle {IDLE:g} s each)")
    hello = Session(hello_argv())
    try:
        hello.read_until(b"READY")
        hello.settle(0.3)
        hello_first = len(hello.output)
        hello_idle = len(hello.read_for(IDLE))
    finally:
        hello.close()
    row("hello-world first frame (baseline)", hello_first, "B", hello_first)
    session = Session(app_argv(db))
    try:
        session.read_until(b"FOLLOW-UP")
        session.settle(0.3)
        row("first frame of Today", len(session.output), "B", hello_first)
        os.write(session.fd, DOWN)
        row("one cursor move on Today (the move)", len(session.read_for(0.08)), "B")
        row("  ... and its detail pane, once the cursor rests", len(session.settle(0.3)), "B")
        os.write(session.fd, b"2")
        row("one screen switch (to the waiting room)", len(session.settle(0.3)), "B")
        os.write(session.fd, DOWN)
        row("one cursor move in the waiting room", len(session.read_for(0.08)), "B")
        row("  ... and its timeline, once the cursor rests", len(session.settle(0.3)), "B")
        row(f"hello-world idle {IDLE:g} s (baseline)", hello_idle, "B")
        for key, name in (
            (b"1", "Today"),
            (b"2", "Waiting room"),
            (b"3", "Advocates"),
            (b"4", "Network"),
            (b"5", "Pipeline"),
        ):
            os.write(session.fd, key)
            session.settle(0.4)
            row(f"idle {IDLE:g} s on {name}", len(session.read_for(IDLE)), "B")
    finally:
        session.close()


def main() -> None:
    install_holiday_cache()
    # An installed package has its bytecode (pip compiles it); an editable checkout under
    # PYTHONDONTWRITEBYTECODE would recompile every module at every start and skew start-up.
    import tui

    compileall.compile_dir(Path(tui.__file__).parent, quiet=1)
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        demo = folder / "demo.json"
        shutil.copy(shipped_data("demo.json"), demo)
        databases = {"demo": demo}
        for preset in ("year", "stress"):
            path = folder / f"{preset}.json"
            write(path, generate(7, PRESETS[preset]))
            databases[preset] = path
        print(
            f"nowwhat benchmark: python {sys.version.split()[0]}, {os.cpu_count()} cores"
            f"{', quick' if QUICK else ''}"
        )
        print(f"  {'':<44} {'value':>10} {'unit':<5} {'baseline':>10} {'ratio':>7}")
        startup(folder, databases)
        keys(databases["stress"], "stress")
        writes(databases)
        engine(databases)
        bytes_sent(demo)


if __name__ == "__main__":
    main()
