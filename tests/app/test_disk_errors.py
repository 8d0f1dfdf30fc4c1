"""In the dashboard, a store or OS failure is a one-line notification and the screen stays as
it was: never Textual's crash screen (whose traceback prints local variables, bytes of the
database among them), whether it comes from a write, the two-second watch, a screen's redraw
or the composer's draft save.
"""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest
from textual.widgets import TextArea

from tui.app import build_app
from tui.screens.composer import ComposerScreen
from tui.screens.today import TodayScreen
from tui.store import Store, safefile
from tui.widgets.plan_list import PlanList

from .conftest import DEMO_NOW

ITEM = "ty-int_quillstone_tech"


def _messages(app: object, severity: str = "error") -> list[str]:
    return [n.message for n in app._notifications if n.severity == severity]  # type: ignore[attr-defined]


def _clean(message: str) -> None:
    assert "\n" not in message and "Errno" not in message and ".tmp" not in message, message


async def test_a_full_disk_while_marking_done_is_a_notification_and_changes_nothing(
    demo_db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = demo_db.read_bytes()

    def full(fd: int, data: object) -> int:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(safefile.os, "write", full)
    app = build_app(Store(demo_db), DEMO_NOW)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        plan = app.screen.query_one(PlanList)
        plan.highlighted = plan.get_option_index(ITEM)
        await pilot.press("space")
        await app.writes_settled()
        await pilot.pause()
        (message,) = _messages(app)
        _clean(message)
        assert message == f"cannot save to {demo_db}: the disk is full; nothing was changed"
        assert not app.screen.query_one(PlanList).items[ITEM].done  # back to what is on disk
        assert isinstance(app.screen, TodayScreen)
    assert app.return_code in (None, 0)
    assert demo_db.read_bytes() == before


async def test_a_database_that_becomes_unusable_is_said_once_and_the_screen_stays(
    demo_db: Path,
) -> None:
    app = build_app(Store(demo_db), DEMO_NOW)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        shown = list(app.screen.query_one(PlanList).items)
        demo_db.unlink()
        demo_db.symlink_to(demo_db.name)  # a loop where the file was: every open fails
        for _ in range(3):  # the two-second watch, three times over
            app.check_store()
            await pilot.pause()
        await pilot.press("2")  # a screen drawn for the first time
        await pilot.pause()
        await pilot.press("1")  # and one drawn before
        await pilot.pause()
        (message,) = _messages(app)
        _clean(message)
        assert str(demo_db) in message and "symbolic link loop" in message
        assert isinstance(app.screen, TodayScreen)
        assert list(app.screen.query_one(PlanList).items) == shown
    assert app.return_code in (None, 0)


async def test_a_draft_that_cannot_be_saved_is_said_once_in_one_line(demo_db: Path) -> None:
    (demo_db.parent / "drafts").write_text("a file where the drafts folder goes")
    app = build_app(Store(demo_db), DEMO_NOW)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("2")
        await pilot.pause()
        await pilot.press("c")
        await pilot.pause()
        assert isinstance(app.screen, ComposerScreen)
        await pilot.press("i")
        for key in ("x", "y"):
            await pilot.press(key)
            await pilot.pause(0.5)  # past the pause after which a draft is saved
        (message,) = _messages(app)
        _clean(message)
        assert "drafts is a file, not a folder" in message and "still here" in message
        assert "xy" in app.screen.query_one(TextArea).text  # the text is kept on screen
    assert app.return_code in (None, 0)


async def test_a_backup_that_cannot_be_made_warns_and_the_change_is_saved(demo_db: Path) -> None:
    (demo_db.parent / "backups").write_text("not a folder")
    app = build_app(Store(demo_db), DEMO_NOW)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        plan = app.screen.query_one(PlanList)
        plan.highlighted = plan.get_option_index(ITEM)
        before = len(Store(demo_db).records().touches)
        await pilot.press("space")
        await app.writes_settled()
        await pilot.pause()
        (warning,) = _messages(app, "warning")
        _clean(warning)
        assert warning.startswith("no backup today") and "your change was saved" in warning
        assert _messages(app) == []
    assert len(Store(demo_db).records().touches) == before + 1
