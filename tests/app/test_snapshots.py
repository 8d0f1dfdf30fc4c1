"""SVG snapshots of every screen at 80x24 and 120x40 on the demo data at a fixed moment.

Regenerate after a deliberate change with ``pytest tests/app/test_snapshots.py --snapshot-update``
and look at the report before committing.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hostile import NOW, hostile_store

from tui.app import build_app

SCREENS = {
    "today": "1",
    "waiting": "2",
    "advocates": "3",
    "network": "4",
    "pipeline": "5",
    "calibration": "6",
    "inbox": "7",
}


@pytest.mark.parametrize("size", [(80, 24), (120, 40)], ids=["80x24", "120x40"])
@pytest.mark.parametrize("screen", list(SCREENS))
def test_screen(snap_compare, make_app, screen: str, size: tuple[int, int]) -> None:  # type: ignore[no-untyped-def]
    assert snap_compare(make_app(), press=[SCREENS[screen]], terminal_size=size)


def test_help(snap_compare, make_app) -> None:  # type: ignore[no-untyped-def]
    assert snap_compare(make_app(), press=["2", "question_mark"], terminal_size=(80, 30))


def test_add_interview_form(snap_compare, make_app) -> None:  # type: ignore[no-untyped-def]
    async def fill(pilot) -> None:  # type: ignore[no-untyped-def]
        await pilot.press("2", "i")
        await pilot.pause()
        pilot.app.screen.query_one("#field-start").value = "tomorrow 10:30"
        pilot.app.screen.query_one("#field-promised_by").value = "someday"
        await pilot.pause()

    assert snap_compare(make_app(), run_before=fill, terminal_size=(80, 24))


def test_composer(snap_compare, make_app) -> None:  # type: ignore[no-untyped-def]
    async def write(pilot) -> None:  # type: ignore[no-untyped-def]
        await pilot.press("2", "c")
        await pilot.pause()
        await pilot.press("e", "ctrl+end", *" I still haven't heard back!!", "escape")
        await pilot.pause()

    assert snap_compare(make_app(), run_before=write, terminal_size=(100, 30))


def test_too_small(snap_compare, make_app) -> None:  # type: ignore[no-untyped-def]
    assert snap_compare(make_app(), terminal_size=(60, 15))


def test_markup_is_shown_literally(snap_compare, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    app = build_app(hostile_store(tmp_path / "hostile.json"), NOW)
    assert snap_compare(app, press=["3"], terminal_size=(80, 24))
