"""The Calibration screen (6) on the demo's history, and the silence in the Waiting room."""

from __future__ import annotations

import io
from collections.abc import Callable

from rich.console import Console
from textual.widgets import Static

from tui.app import NowwhatApp
from tui.modals.debrief import DebriefForm
from tui.screens.calibration import CalibrationScreen
from tui.widgets.table import RecordTable


def as_text(widget: Static) -> str:
    """What a Static holding a Rich renderable says, as plain text 116 columns wide."""
    console = Console(width=116, file=io.StringIO(), record=True, color_system=None)
    console.print(widget.content)
    return console.export_text()


async def test_the_screen_shows_every_part_from_the_demos_history(
    make_app: Callable[..., NowwhatApp],
) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("6")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, CalibrationScreen)
        summary = as_text(screen.query_one("#summary", Static))
        # Worked out by hand in scripts/make_demo.py's story: 15 interviews with an outcome.
        assert "How it felt, and what came of it (15 with an outcome, 3 open)" in summary
        assert "great                3    0 of 3" in summary
        assert "Brier score 0.27 from 15 interviews" in summary
        assert "references asked" in summary and "went with advancing" in summary
        assert "went with not advancing" in summary and "too few to say" in summary
        assert "silent" not in summary  # the silences are the Waiting room's
        table = screen.query_one(RecordTable)
        assert table.row_count == 18  # every interview that has begun; Harbor's second has not
        assert table.current_key == "int_quillstone_tech"  # latest first
        await pilot.press("b")  # editable later: its debrief opens from here
        await pilot.pause()
        assert isinstance(app.screen, DebriefForm)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, CalibrationScreen)


async def test_calibration_is_in_the_palette(make_app: Callable[..., NowwhatApp]) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        titles = [c.title for c in app.get_system_commands(app.screen)]
        assert "Go to Calibration" in titles and "Calibration: Debrief" in titles
        assert "Today: Debrief" in titles


async def test_the_waiting_room_puts_the_silence_in_proportion(
    make_app: Callable[..., NowwhatApp],
) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("2")
        await pilot.pause(0.3)
        pane = str(app.screen.query_one("#timeline", Static).render())
        assert (
            "6 days silent; your answers have come after a median of 7.5 days (12 answers); "
            "3 of 7 came after the promised day." in pane.replace("\n", " ")
        )
        table = app.screen.query_one(RecordTable)
        silent = [str(c) for c in table.get_row("opp_northwind")]
        assert "6 d, usual 7.5" in silent
