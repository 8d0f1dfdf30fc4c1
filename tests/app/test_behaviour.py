"""App-wide behaviour: help, palette, live updates from other processes, small terminals, literal
user text, and exiting cleanly when the SSH link drops."""

from __future__ import annotations

import os
import pty
import select
import signal
import subprocess
import sys
import time
from pathlib import Path

from hostile import NOW, hostile_store
from screen_text import screen_text

from tui.app import build_app
from tui.engine.models import Task
from tui.screens.help import HelpScreen
from tui.screens.today import TodayScreen
from tui.store import Store
from tui.widgets.plan_list import PlanList


async def test_help_lists_the_keys_of_the_current_screen(make_app) -> None:  # type: ignore[no-untyped-def]
    app = make_app()
    async with app.run_test(size=(100, 36)) as pilot:
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        shown = screen_text(app)
        assert "Mark the item done" in shown and "command palette" in shown
        await pilot.press("escape")
        await pilot.press("2", "question_mark")
        await pilot.pause()
        assert "Log a thank-you, a check-in" in screen_text(app)


async def test_every_screen_action_is_in_the_command_palette(make_app) -> None:  # type: ignore[no-untyped-def]
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        titles = {c.title for c in app.get_system_commands(app.screen)}
        for expected in (
            "Today: Done",
            "Today: Snooze",
            "Waiting room: Log touch",
            "Waiting room: Add interview",
            "Advocates: Promote",
            "Network: Log update",
            "Pipeline: Add",
            "Pipeline: Stage",
            "Pipeline: Delete",
            "Waiting room: History",
            "Go to Waiting room",
        ):
            assert expected in titles
        command = next(
            c for c in app.get_system_commands(app.screen) if c.title == "Advocates: Add"
        )
        command.callback()
        await pilot.pause()
        await pilot.pause()
        assert app.screen.query_one(".form-title").render().plain == "Add an advocate"  # type: ignore[attr-defined]


async def test_another_process_write_appears_within_two_seconds_cursor_kept(
    make_app, demo_db: Path
) -> None:  # type: ignore[no-untyped-def]
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        plan = app.screen.query_one(PlanList)
        plan.highlighted = plan.get_option_index("ci1-int_northwind_panel")
        await pilot.pause()
        subprocess.run(
            [
                sys.executable,
                "-m",
                "tui.cli",
                "--db",
                str(demo_db),
                "--now",
                "2026-11-23 08:40",
                "add",
                "task",
                "--title",
                "Call the Zeta recruiter",
                "--kind",
                "cold_call",
                "--due",
                "2026-11-23",
                "--minutes",
                "15",
            ],
            check=True,
            capture_output=True,
        )
        started = time.monotonic()
        while time.monotonic() - started < 3:
            await pilot.pause(0.1)
            if any(i.title == "Call the Zeta recruiter" for i in plan.items.values()):
                break
        seen_after = time.monotonic() - started
        assert any(i.title == "Call the Zeta recruiter" for i in plan.items.values())
        assert seen_after <= 2.5
        assert plan.highlighted_option.id == "ci1-int_northwind_panel"


async def test_a_too_small_terminal_says_so_and_recovers(make_app) -> None:  # type: ignore[no-untyped-def]
    app = make_app()
    async with app.run_test(size=(60, 15)) as pilot:
        await pilot.pause()
        assert app.has_class("-too-small")
        notice = app.screen.query_one("TooSmall")
        assert notice.display and "need 64 x 18" in str(notice.render())
        assert not app.screen.query_one(".body").display
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        assert not app.has_class("-too-small")
        assert app.screen.query_one(".body").display


async def test_looking_at_every_screen_writes_nothing(make_app, demo_db: Path) -> None:  # type: ignore[no-untyped-def]
    before = demo_db.read_bytes()
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        for key in "12345":
            await pilot.press(key)
            await pilot.pause()
    assert demo_db.read_bytes() == before


async def test_user_text_is_shown_literally_on_every_screen(tmp_path: Path) -> None:
    app = build_app(hostile_store(tmp_path / "hostile.json"), NOW)
    async with app.run_test(size=(140, 40)) as pilot:
        for key, expected in (
            ("1", "[@click=app.quit]Apply[/]"),
            ("2", "[bold]Acme[/]"),
            ("3", "[link=x]Mallory[/link]"),
            ("4", "[@click=app.quit]x[/]"),
            ("5", "[link=x]role[/link]"),
        ):
            await pilot.press(key)
            await pilot.pause()
            assert expected in screen_text(app), (key, expected)
        await pilot.press("1")
        await pilot.pause()
        await pilot.click(offset=(10, 10))  # clicking a [@click=app.quit] text must not quit
        await pilot.pause()
        assert app.is_running and isinstance(app.screen, TodayScreen)


def test_hangup_ends_the_app_cleanly_and_frees_the_lock(demo_db: Path) -> None:
    """What a dropped SSH link does: SIGHUP to the process on the terminal."""
    pid, fd = pty.fork()
    if pid == 0:  # the child: run nowwhat on a terminal
        os.environ["TERM"] = "xterm-256color"
        os.execv(  # noqa: S606 - our own interpreter with fixed arguments
            sys.executable,
            [sys.executable, "-m", "tui.cli", "--db", str(demo_db), "--now", "2026-11-23 08:30"],
        )
    output = b""
    deadline = time.monotonic() + 20
    while b"FOLLOW-UP" not in output and time.monotonic() < deadline:
        ready, _, _ = select.select([fd], [], [], 0.2)
        if ready:
            try:
                output += os.read(fd, 65536)
            except OSError:
                break
    assert b"FOLLOW-UP" in output, "the app drew its first frame"
    os.kill(pid, signal.SIGHUP)
    started = time.monotonic()
    status = None
    while time.monotonic() - started < 5:
        done, status = os.waitpid(pid, os.WNOHANG)
        if done:
            break
        try:
            select.select([fd], [], [], 0.1)
            os.read(fd, 65536)
        except OSError:
            time.sleep(0.05)
    assert status is not None and done, "nowwhat did not exit within 5 s of SIGHUP"
    os.close(fd)
    store = Store(demo_db, lock_timeout=1)
    store.add(Task(id="tsk_after", title="After the hangup", kind="other"))  # lock is free
