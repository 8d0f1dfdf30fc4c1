"""How the cost grows with the years behind the search: year, decade and stress side by side.

Run from the checkout: ``nice -n 10 .venv/bin/python tests/bench/bench_scale.py`` (about fifteen
minutes; ``--quick`` for fewer rounds, ``--no-callgrind`` to skip the instruction counts,
``--writes`` for the writes alone).
Nothing is asserted: it prints. The databases (``generate.py``): **year**, one busy search;
**decade**, the very same active search plus ten years of finished ones (3,000 closed
opportunities, 40,000 touches, 15,000 done tasks); **stress**, five times the year, all of it
live. Each figure is next to the year's, measured in the same run (decade/year, stress/year):

1. instructions from process start to Today's first frame (callgrind; the process ends as the
   frame is written, see ``exit_at_frame.py``), and of one ``nowwhat today --json``, against a
   hello-world Textual app: the same count every run, unlike the wall clock on a shared machine;
2. wall clock to Today's first frame on a pty at 80x24 and peak memory there, in interleaved
   rounds (the machine's drift moves every variant alike);
3. wall clock of ``nowwhat today --json`` and its peak memory, interleaved the same way;
4. one write (mark a task done, in the process: lock, write, fsync, replace), interleaved, and
   the first write of a session started from the records cache (it parses the file).

Every start runs on a file the run before left unchanged (its records cache current), as a
person's every start after the first does.
"""

from __future__ import annotations

import compileall
import dataclasses
import gc
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

import pendulum
from generate import PRESETS, generate, write
from ptyrun import Session

from tui.holiday_cache import install_holiday_cache
from tui.store import Store

NOW = "2026-11-23 08:30"
MOMENT = pendulum.datetime(2026, 11, 23, 8, 30, tz="America/New_York")
HERE = Path(__file__).parent
PYTHON = sys.executable
NOWWHAT = str(Path(sys.executable).with_name("nowwhat"))
QUICK = "--quick" in sys.argv
CALLGRIND = "--no-callgrind" not in sys.argv
WRITES_ONLY = "--writes" in sys.argv
ARCHIVED = "--archived" in sys.argv
"""Move each database's finished history to its archive first, as the end of the first
dashboard run on it does (done here so no measured run pays for it or is stopped in it)."""
ROUNDS = 3 if QUICK else 9
SIZES = ("year", "decade", "stress")


def median(values: list[float]) -> float:
    return statistics.median(values)


def header(title: str) -> None:
    print(f"\n{title}")
    print(f"  {'':<34} {'year':>10} {'decade':>10} {'stress':>10} {'dec/year':>9} {'str/year':>9}")


def line(name: str, values: dict[str, float], unit: str, fmt: str = "{:10.1f}") -> None:
    year = values["year"]
    cells = " ".join(fmt.format(values[size]) for size in SIZES)
    ratios = f"{values['decade'] / year:8.2f}x {values['stress'] / year:8.2f}x"
    print(f"  {name + ' (' + unit + ')':<34} {cells} {ratios}")


def app_argv(db: Path) -> list[str]:
    return [NOWWHAT, "--db", str(db), "--now", NOW]


def first_frame(argv: list[str], marker: bytes) -> tuple[float, int]:
    """Seconds to ``marker`` on a pty, and the peak memory (KiB) once the frame is drawn."""
    session = Session(argv)
    try:
        seconds = session.read_until(marker)
        session.settle(0.3)
        return seconds, session.peak_rss_kb()
    finally:
        session.close()


def callgrind(argv: list[str], out: Path, *, pty: bool) -> int:
    """Instructions ``argv`` executes, counted by callgrind (on a pty for the app)."""
    command = ["valgrind", "--tool=callgrind", f"--callgrind-out-file={out}", *argv]
    if pty:
        session = Session(command)
        try:
            deadline = time.perf_counter() + 900
            while time.perf_counter() < deadline:
                session.read_for(0.5)
                pid, _ = os.waitpid(session.pid, os.WNOHANG)
                if pid:
                    break
        finally:
            os.close(session.fd)
    else:
        subprocess.run(command, check=True, capture_output=True, timeout=900)
    for text in out.read_text().splitlines():
        if text.startswith("totals:"):
            return int(text.split()[1])
    raise RuntimeError(f"no totals in {out}")


def cli(db: Path, folder: Path) -> tuple[float, int]:
    """Wall seconds and peak memory (KiB) of one ``nowwhat today --json``.

    The memory comes from ``/usr/bin/time``: Linux carries a process's peak over ``exec``, so
    the rusage of a child forked from this (large) process would report this process's peak.
    """
    report = folder / "time.out"
    started = time.perf_counter()
    command = [NOWWHAT, "--db", str(db), "--now", NOW, "today", "--json"]
    subprocess.run(
        ["/usr/bin/time", "-f", "%M", "-o", str(report), *command],
        check=True,
        stdout=subprocess.DEVNULL,
    )
    seconds = time.perf_counter() - started
    return seconds, int(report.read_text().split()[-1])


def instructions(folder: Path, databases: dict[str, Path]) -> None:
    header("1. instructions (callgrind), millions")
    exit_at = str(HERE / "exit_at_frame.py")
    hello = callgrind(
        [PYTHON, exit_at, "READY", str(HERE / "hello_app.py")], folder / "cg.hello", pty=True
    )
    frame = {
        size: callgrind(
            [PYTHON, exit_at, "SEARCH", "nowwhat", "--db", str(db), "--now", NOW],
            folder / f"cg.frame.{size}",
            pty=True,
        )
        for size, db in databases.items()
    }
    today = {
        size: callgrind(
            [NOWWHAT, "--db", str(db), "--now", NOW, "today", "--json"],
            folder / f"cg.today.{size}",
            pty=False,
        )
        for size, db in databases.items()
    }
    print(f"  hello-world Textual app to its first frame: {hello / 1e6:,.0f} M")
    line("start-up to Today's first frame", {k: v / 1e6 for k, v in frame.items()}, "M")
    line("  the same, vs hello-world", {k: v / hello for k, v in frame.items()}, "x", "{:9.2f}x")
    line("today --json", {k: v / 1e6 for k, v in today.items()}, "M")


def walls(folder: Path, databases: dict[str, Path]) -> None:
    header(f"2./3. wall clock and peak memory, median of {ROUNDS} interleaved rounds")
    runs: dict[str, list[tuple[float, int]]] = {f"{k}.{s}": [] for k in "fc" for s in SIZES}
    hello: list[tuple[float, int]] = []
    for _ in range(ROUNDS):
        hello.append(first_frame([PYTHON, str(HERE / "hello_app.py")], b"READY"))
        for size, db in databases.items():
            runs[f"f.{size}"].append(first_frame(app_argv(db), b"SEARCH"))
            runs[f"c.{size}"].append(cli(db, folder))
    print(
        f"  hello-world: {median([h[0] for h in hello]) * 1000:.0f} ms, "
        f"{median([h[1] for h in hello]) / 1024:.1f} MiB"
    )

    def of(kind: str, index: int, scale: float) -> dict[str, float]:
        return {s: median([r[index] for r in runs[f"{kind}.{s}"]]) * scale for s in SIZES}

    line("start-up to Today's first frame", of("f", 0, 1000), "ms")
    line("peak memory at the first frame", of("f", 1, 1 / 1024), "MiB")
    line("today --json", of("c", 0, 1000), "ms")
    line("peak memory of today --json", of("c", 1, 1 / 1024), "MiB")


def writes(databases: dict[str, Path]) -> None:
    repeat = ROUNDS * 5
    header(f"4. one write (mark a task done and back), median of {repeat} interleaved")
    stores = {size: Store(db) for size, db in databases.items()}
    # As in the app, which sets what lives as long as it does aside from the cycle collector
    # (run_app): otherwise a full collection in a write walks this process's three databases.
    gc.collect()
    gc.freeze()
    tasks = {
        size: next(t for t in store.records().tasks if t.status == "open")
        for size, store in stores.items()
    }
    times: dict[str, list[float]] = {size: [] for size in SIZES}
    for n in range(repeat):
        for size, store in stores.items():
            task = tasks[size]
            changed = dataclasses.replace(task, status="done", done_at=MOMENT.add(minutes=n))
            started = time.perf_counter()
            store.put(changed)
            times[size].append(time.perf_counter() - started)
            store.put(task)
    line("one write", {s: median(times[s]) * 1000 for s in SIZES}, "ms")
    first: dict[str, list[float]] = {size: [] for size in SIZES}
    for store in stores.values():
        store.save_snapshot()
    for _ in range(ROUNDS):
        for size in SIZES:
            fresh = Store(databases[size])  # started from the cache: the file is not parsed yet
            task = tasks[size]
            started = time.perf_counter()
            fresh.put(dataclasses.replace(task, title=f"{task.title} (renamed)"))
            first[size].append((time.perf_counter() - started) * 1000)
            fresh.put(task)
            fresh.save_snapshot()
    line(f"first write after a cached start ({ROUNDS})", {s: median(first[s]) for s in SIZES}, "ms")


def leave_caches(databases: dict[str, Path]) -> None:
    """One ordinary start on each file, quit as a person does: its records cache is current."""
    for db in databases.values():
        first_frame(app_argv(db), b"SEARCH")


def main() -> None:
    install_holiday_cache()
    # An editable checkout under PYTHONDONTWRITEBYTECODE would recompile every module at every
    # start (see bench_app.py).
    import tui

    compileall.compile_dir(Path(tui.__file__).parent, quiet=1)
    print(f"nowwhat scale benchmark: python {sys.version.split()[0]}, {os.cpu_count()} cores")
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        databases: dict[str, Path] = {}
        for size in SIZES:
            path = folder / f"{size}.json"
            write(path, generate(7, PRESETS[size]))
            databases[size] = path
            if ARCHIVED:
                from tui.store.archive import Archive

                moved = Archive.of(Store(path)).move_finished(MOMENT)
                print(f"  {size}: {moved:,} finished records moved to the archive")
        for size, path in databases.items():
            counts = Store(path).records().counts()
            print(
                f"  {size}: {path.stat().st_size / 1e6:.1f} MB, "
                + ", ".join(f"{n:,} {k}" for k, n in counts.items() if n)
            )
        if not WRITES_ONLY:
            leave_caches(databases)
            if CALLGRIND:
                instructions(folder, databases)
            walls(folder, databases)
        writes(databases)


if __name__ == "__main__":
    main()
