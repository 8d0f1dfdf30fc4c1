"""The screens on a database whose finished history is in the archive (issue 19): Today plans
from the main file alone and shows the plan made from everything; every other screen shows
every record, archived or not."""

from __future__ import annotations

import os
import pty
import select
import subprocess
import sys
import time
from pathlib import Path

import pendulum

from tui.app import build_app
from tui.engine.archive import finished_history
from tui.engine.plan import plan_day
from tui.screens.pipeline import PipelineScreen
from tui.screens.today import TodayScreen
from tui.store import Store
from tui.store.archive import archive_path

sys.path.insert(0, str(Path(__file__).parents[1] / "bench"))
sys.path.insert(0, str(Path(__file__).parents[1] / "store"))
from generate import generate, write
from test_archive import SMALL_DECADE, by_id, shown

NOW = pendulum.datetime(2026, 11, 23, 8, 30, tz="America/New_York")


async def test_today_and_the_pipeline_show_what_is_on_disk_with_the_history_archived(
    tmp_path: Path,
) -> None:
    records = generate(3, SMALL_DECADE)
    db = tmp_path / "db.json"
    write(db, records)
    assert Store(db).archive_finished(NOW, minimum=1) > 500
    assert finished_history(Store(db).active_records(), NOW).opportunities == frozenset()
    app = build_app(Store(db), NOW)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        today = app.screen
        assert isinstance(today, TodayScreen) and today.plan is not None
        assert shown(today.plan) == shown(plan_day(records, NOW))
        assert app.store.archive is not None and app.store.archive.loaded is None  # not read
        await pilot.press("5")
        await pilot.pause()
        pipeline = app.screen
        assert isinstance(pipeline, PipelineScreen)
        assert by_id(pipeline.records) == by_id(records)


def _run_on_a_terminal(db: Path, marker: bytes) -> None:
    """Start the dashboard on a pty, wait for ``marker``, quit with q, wait for the exit."""
    pid, fd = pty.fork()
    if pid == 0:  # the child: run nowwhat on a terminal
        os.environ["TERM"] = "xterm-256color"
        os.execv(  # noqa: S606 - our own interpreter with fixed arguments
            sys.executable,
            [sys.executable, "-m", "tui.cli", "--db", str(db), "--now", "2026-11-23 08:30"],
        )
    output = b""
    deadline = time.monotonic() + 30
    while marker not in output and time.monotonic() < deadline:
        ready, _, _ = select.select([fd], [], [], 0.2)
        if ready:
            try:
                output += os.read(fd, 65536)
            except OSError:
                break
    assert marker in output, "the app drew its first frame"
    os.write(fd, b"q")
    done = 0
    while time.monotonic() < deadline + 30:
        done, _ = os.waitpid(pid, os.WNOHANG)
        if done:
            break
        try:
            select.select([fd], [], [], 0.1)
            os.read(fd, 65536)
        except OSError:
            time.sleep(0.05)
    os.close(fd)
    assert done, "nowwhat did not exit after q"


def test_the_end_of_a_dashboard_run_moves_finished_history_and_a_verb_does_not(
    tmp_path: Path,
) -> None:
    records = generate(3, SMALL_DECADE)
    db = tmp_path / "db.json"
    write(db, records)
    finished = finished_history(records, NOW)
    verb = [sys.executable, "-m", "tui.cli", "--db", str(db), "--now", "2026-11-23 08:30"]
    today = subprocess.run(
        [*verb, "today", "--json"],
        capture_output=True,
        check=True,
    )
    assert today.stdout and not archive_path(db).exists(), "a verb only reads"
    _run_on_a_terminal(db, b"SEARCH")
    assert archive_path(db).exists()
    assert not finished.touches & {t.id for t in Store(db).active_records().touches}
    assert by_id(Store(db).records()) == by_id(records)
