"""80x24 and no colour: help says how to scroll and close, the footer keeps help and quit,
nothing that matters is cut, the selected line is highlighted end to end, greys stay readable."""

from __future__ import annotations

from rich.segment import Segment
from screen_text import screen_text
from textual.color import Color
from textual.widgets import Checkbox

from tui.readable import MIN_CONTRAST
from tui.screens.help import HelpScreen
from tui.widgets.key_bar import KeyBar
from tui.widgets.plan_list import PlanList
from tui.widgets.table import RecordTable


def _grey(color: object) -> int:
    return Color.from_rich_color(color).monochrome.r  # type: ignore[arg-type]


def _segment(strip, text: str) -> Segment:  # type: ignore[no-untyped-def]
    return next(s for s in strip if text in s.text)


async def test_without_colour_every_state_stays_readable(make_app, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("NO_COLOR", "1")
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("2")
        await pilot.pause()
        # The frame as it goes to the terminal: after Textual's filters (and ours).
        frame = app.screen._compositor.render_strips()
        for state in ("gone quiet", "promise broken", "waiting", "heard back"):
            line = next(strip for strip in frame if state in strip.text)
            segment = _segment(line, state)
            assert segment.style is not None and segment.style.color is not None, state
            background = segment.style.bgcolor
            assert background is not None
            contrast = abs(_grey(segment.style.color) - _grey(background))
            assert contrast >= MIN_CONTRAST, (state, contrast)  # gone quiet was 237 on 234


async def test_help_at_80x24_says_how_to_scroll_and_close_at_the_top(make_app) -> None:  # type: ignore[no-untyped-def]
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("2", "question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        shown = screen_text(app)
        assert "scroll" in shown and "esc, ? or q closes" in shown
        assert "In forms" not in shown  # it does not fit: hence the line at the top
        for _ in range(3):
            await pilot.press("pagedown")
        await pilot.pause()
        shown = screen_text(app)
        assert "In forms" in shown and "esc, ? or q closes" in shown  # scrolled, still told
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, HelpScreen)


async def test_the_composers_footer_keeps_help_and_quit_at_80x24(make_app) -> None:  # type: ignore[no-untyped-def]
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("2", "c")
        await pilot.pause()
        footer = app.screen.query_one(KeyBar).render_line(0).text
        assert "? Help" in footer and "q Quit" in footer and "y Copy" in footer, footer


async def test_the_advocate_forms_checkboxes_render_whole_at_80x24(make_app) -> None:  # type: ignore[no-untyped-def]
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("3", "a")
        await pilot.pause()
        boxes = list(app.screen.query(Checkbox))
        assert len(boxes) == 2
        for box in boxes:
            drawn = box.render_line(0).text
            assert "▐X▌" in drawn and "…" not in drawn, drawn


async def test_network_status_and_who_an_advocate_can_help_are_not_cut(make_app) -> None:  # type: ignore[no-untyped-def]
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("4")
        await pilot.pause()
        table = app.screen.query_one(RecordTable)
        header = table.render_line(0).text
        assert "Status" in header
        line = table.render_line(table.get_row_index("con_priya") + 1).text
        assert "update due" in line and line.rstrip().endswith("update due")
        await pilot.press("3")
        await pilot.pause()
        table = app.screen.query_one(RecordTable)
        assert "Can help with" in table.render_line(0).text
        line = table.render_line(table.get_row_index("con_priya") + 1).text
        assert line.rstrip().endswith("Northwind Analytics"), line
        assert "…" not in line, line  # no cell cut mid-word: the open questions are counted
        assert "2 to ask" in line, line


async def test_the_selected_line_is_highlighted_in_every_cell(make_app) -> None:  # type: ignore[no-untyped-def]
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        plan = app.screen.query_one(PlanList)
        plan.focus()
        plan.highlighted = plan.get_option_index("nu-con_priya")  # time, kind, minutes, late
        await pilot.pause()
        line = next(
            plan.render_line(y)
            for y in range(plan.size.height)
            if "Tell Priya Raman" in plan.render_line(y).text
        )
        backgrounds = {s.style.bgcolor for s in line if s.text.strip() and s.style is not None}
        assert len(backgrounds) == 1, line  # one highlight, not the list's own colour in places
