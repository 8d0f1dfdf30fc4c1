"""Writes from the screens never freeze the dashboard, even while another process holds the lock."""

from __future__ import annotations

import threading
import time
from pathlib import Path

from filelock import FileLock

from tui.app import build_app
from tui.screens.today import TodayScreen
from tui.screens.waiting import WaitingScreen
from tui.store import Store
from tui.widgets.plan_list import PlanList

from .conftest import DEMO_NOW


async def test_the_screen_stays_live_while_a_write_waits_for_the_lock(demo_db: Path) -> None:
    app = build_app(Store(demo_db, lock_timeout=20), DEMO_NOW)
    # Another nowwhat in the middle of a write (released from a timer thread, hence not local).
    other_session = FileLock(str(demo_db) + ".lock", thread_local=False)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        plan = app.screen.query_one(PlanList)
        plan.highlighted = plan.get_option_index("ty-int_quillstone_tech")
        await pilot.pause()
        other_session.acquire()
        try:
            started = time.monotonic()
            await pilot.press("space")
            await pilot.pause()
            assert plan.items["ty-int_quillstone_tech"].done  # ticked at once, pending
            await pilot.press("2")  # the UI is not stuck behind the write
            await pilot.pause(0.8)
            assert isinstance(app.screen, WaitingScreen)
            assert time.monotonic() - started < 5
            assert any("waits its turn" in n.message for n in app._notifications)
            before = Store(demo_db).records().touches
        finally:
            threading.Timer(0.2, other_session.release).start()
        await app.writes_settled()
        await pilot.pause()
        after = Store(demo_db).records().touches
        assert len(after) == len(before) + 1  # written once the lock was free
        assert after[-1].kind == "thank_you"
        await pilot.press("1")
        await pilot.pause()
        assert isinstance(app.screen, TodayScreen)
        assert app.screen.query_one(PlanList).items["ty-int_quillstone_tech"].done


async def test_quitting_writes_what_is_queued_first(demo_db: Path) -> None:
    app = build_app(Store(demo_db, lock_timeout=20), DEMO_NOW)
    other_session = FileLock(str(demo_db) + ".lock", thread_local=False)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        plan = app.screen.query_one(PlanList)
        plan.highlighted = plan.get_option_index("ty-int_quillstone_tech")
        await pilot.pause()
        before = len(Store(demo_db).records().touches)
        other_session.acquire()
        threading.Timer(0.5, other_session.release).start()
        await pilot.press("space")
        await pilot.pause()
        await pilot.press("q")
    assert len(Store(demo_db).records().touches) == before + 1
