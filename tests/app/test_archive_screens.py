"""The screens on a database whose finished history is in the archive (issue 19): Today plans
from the main file alone and shows the plan made from everything; every other screen shows
every record, archived or not."""

from __future__ import annotations

import sys
from pathlib import Path

import pendulum

from tui.app import build_app
from tui.engine.archive import finished_history
from tui.engine.plan import plan_day
from tui.screens.pipeline import PipelineScreen
from tui.screens.today import TodayScreen
from tui.store import Store

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
