"""The composer: the right draft, a live tone check, copy over OSC 52, mark as sent, drafts kept."""

from __future__ import annotations

import stat
from pathlib import Path

import pendulum
from screen_text import screen_text
from textual.widgets import TextArea

from tui.app import build_app
from tui.screens.composer import ComposerScreen
from tui.screens.waiting import WaitingScreen
from tui.store import Store
from tui.widgets.table import RecordTable


async def _open(pilot, key: str = "2") -> ComposerScreen:  # type: ignore[no-untyped-def]
    await pilot.press(key)
    await pilot.pause()
    await pilot.press("c")
    await pilot.pause()
    screen = pilot.app.screen
    assert isinstance(screen, ComposerScreen)
    return screen


async def test_compose_from_the_waiting_room_picks_the_check_in(make_app) -> None:  # type: ignore[no-untyped-def]
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        composer = await _open(pilot)
        assert composer.template == "check_in_first"
        draft = composer.query_one(TextArea).text
        assert draft.startswith("Subject: Checking in on the Senior Data Analyst role")
        assert (
            "Hi Ravi," in draft and "by Friday" in draft and draft.rstrip().endswith("Sam Rivera")
        )
        assert "Reads as calm" in screen_text(app)


async def test_typing_frustration_shows_findings_live(make_app) -> None:  # type: ignore[no-untyped-def]
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        composer = await _open(pilot)
        await pilot.press("e", "ctrl+end", *" I still haven't heard back!!")
        await pilot.pause()
        assert composer.report is not None and composer.report.frustrated
        shown = screen_text(app)
        assert "Reads as frustrated" in shown and "still haven't heard" in shown
        assert "try:" in shown


async def test_copy_sends_the_draft_to_the_clipboard(make_app) -> None:  # type: ignore[no-untyped-def]
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        composer = await _open(pilot)
        await pilot.press("y")
        await pilot.pause()
        assert app.clipboard == composer.query_one(TextArea).text
        assert app.clipboard.startswith("Subject: Checking in")


async def test_the_composers_actions_are_in_the_command_palette(make_app) -> None:  # type: ignore[no-untyped-def]
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        composer = await _open(pilot)
        commands = {c.title: c for c in app.get_system_commands(composer)}
        assert {"Composer: Copy", "Composer: Mark sent", "Composer: Template"} <= set(commands)
        commands["Composer: Copy"].callback()
        await pilot.pause()
        assert app.clipboard == composer.query_one(TextArea).text


async def test_mark_sent_logs_the_touch_and_the_room_updates(make_app, demo_db: Path) -> None:  # type: ignore[no-untyped-def]
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await _open(pilot)
        await pilot.press("m")
        await pilot.pause()
        assert isinstance(app.screen, WaitingScreen)
        touch = Store(demo_db).records().touches[-1]
        assert (touch.kind, touch.opportunity_id, touch.contact_id) == (
            "check_in",
            "opp_northwind",
            "con_ravi",
        )
        row = app.screen.query_one(RecordTable).get_row("opp_northwind")
        assert "check-in today" not in [str(c) for c in row]


async def test_a_draft_is_saved_as_you_type_and_comes_back(make_app, demo_db: Path) -> None:  # type: ignore[no-untyped-def]
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await _open(pilot)
        await pilot.press("e", "ctrl+end", *" P.S. I also built the dashboards.")
        await pilot.pause(0.5)  # past the save delay
        drafts = list((demo_db.parent / "drafts").glob("*.txt"))
        assert len(drafts) == 1 and "P.S. I also built" in drafts[0].read_text()
        assert stat.S_IMODE(drafts[0].stat().st_mode) == 0o600
        await pilot.press("escape", "escape")
        await pilot.pause()
    again = make_app()
    async with again.run_test(size=(100, 30)) as pilot:
        composer = await _open(pilot)
        assert "P.S. I also built the dashboards." in composer.query_one(TextArea).text
        assert "Restored your draft" in screen_text(again)


async def test_the_external_editor_edits_the_draft(make_app, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    editor = tmp_path / "editor.sh"
    editor.write_text('#!/bin/sh\nprintf "Rewritten in my editor.\\n" > "$1"\n')
    editor.chmod(0o700)
    monkeypatch.setenv("EDITOR", str(editor))
    monkeypatch.delenv("VISUAL", raising=False)
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        composer = await _open(pilot)
        await pilot.press("ctrl+e")
        await pilot.pause()
        assert composer.query_one(TextArea).text == "Rewritten in my editor.\n"
        assert composer.report is not None and composer.report.verdict == "calm"


async def test_late_at_night_the_composer_says_sleep_on_it(demo_db: Path) -> None:
    late = pendulum.datetime(2026, 11, 23, 23, 30, tz="America/New_York")
    app = build_app(Store(demo_db), late)
    async with app.run_test(size=(100, 30)) as pilot:
        await _open(pilot)
        assert "sleep on it" in screen_text(app)


async def test_composing_for_an_advocate_and_a_core_contact(make_app) -> None:  # type: ignore[no-untyped-def]
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        composer = await _open(pilot, "3")  # Marcus Lee, the Lumen Freight advocate
        assert composer.template == "advocate_ask"
        text = composer.query_one(TextArea).text
        assert "Hi Marcus," in text and "still posted" in text and "Lumen Freight" in text
        await pilot.press("escape")
        composer = await _open(pilot, "4")
        assert composer.template == "network_update"
        assert "dbt, data modelling and testing" in composer.query_one(TextArea).text


async def test_the_header_says_who_works_where_and_what_it_is_about(make_app) -> None:  # type: ignore[no-untyped-def]
    app = make_app()
    async with app.run_test(size=(120, 30)) as pilot:
        composer = await _open(pilot, "4")  # the first core contact: Priya, at Northwind
        assert composer.template == "network_update"
        header = str(composer.query_one("#recipient").render())
        assert header == (
            "To Priya Raman (former colleague, Northwind Analytics) · about the Analytics "
            "Engineer role at Quillstone"
        )
        draft = composer.query_one(TextArea).text
        assert "for an Analytics Engineer role last Friday." in draft  # Monday: last week
        await pilot.press("escape")
        composer = await _open(pilot, "2")  # Northwind: the recruiter works there
        header = str(composer.query_one("#recipient").render())
        assert header == (
            "To Ravi Menon (hiring manager, Northwind Analytics) · about the Senior Data "
            "Analyst role"
        )


async def test_the_composer_says_when_its_draft_is_not_the_next_step(make_app) -> None:  # type: ignore[no-untyped-def]
    app = make_app()
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.press("2")
        await pilot.pause()
        app.screen.query_one(RecordTable).move_cursor(row=1)  # Bluefin: find an advocate first
        await pilot.pause()
        await pilot.press("c")
        await pilot.pause()
        composer = app.screen
        assert isinstance(composer, ComposerScreen) and composer.template == "check_in_second"
        notes = str(composer.query_one("#notes").render())
        assert "Next step: find advocate (Thu 19 Nov), nothing to write for that" in notes
