"""The debrief form: saved as typed, field by field; restored after the app is killed mid-typing.

The demo at its anchor moment (Mon 23 Nov 08:30) has one interview whose debrief Today offers:
Quillstone, Fri 20 Nov 11:00-12:00.
"""

from __future__ import annotations

import os
import pty
import select
import signal
import struct
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from pendulum import Date
from textual.widgets import Checkbox, Input, Static

from tui.app import NowwhatApp
from tui.engine.models import Interview
from tui.modals.debrief import DebriefForm
from tui.screens.today import TodayScreen
from tui.store import Store

QUILLSTONE = "int_quillstone_tech"


def quillstone(db: Path) -> Interview:
    return next(i for i in Store(db).records().interviews if i.id == QUILLSTONE)


async def settle(app: NowwhatApp, pilot: object, seconds: float = 0.4) -> None:
    await pilot.pause(seconds)  # type: ignore[attr-defined]
    await app.writes_settled()
    await pilot.pause()  # type: ignore[attr-defined]


async def test_each_field_is_saved_as_it_is_typed_without_a_save(
    make_app: Callable[..., NowwhatApp], demo_db: Path
) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        prompt = app.screen.query_one("#debrief", Static)
        assert "Debrief your Quillstone interview" in str(prompt.render())
        await pilot.press("b")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, DebriefForm)
        form.query_one("#field-estimate", Input).focus()
        await pilot.press(*"65")
        await settle(app, pilot)
        assert quillstone(demo_db).estimate == 65  # no ctrl+s: saved as typed
        form.query_one("#field-next_steps", Input).focus()
        await pilot.press(*"a call by Monday")
        await settle(app, pilot)
        saved = quillstone(demo_db)
        assert saved.next_steps == "a call by Monday"
        assert saved.promised_by == Date(2026, 11, 23)  # the Monday after Fri 20 Nov
        assert form.query_one("#field-promised_by", Input).value == "2026-11-23"
        assert saved.debriefed_at is None  # answers saved; the debrief is not finished
        box = form.query_one("#field-signal-3", Checkbox)
        assert str(box.label) == "references asked"
        box.focus()
        await pilot.press("space")
        await settle(app, pilot)
        assert quillstone(demo_db).signals == ("references asked",)
        form.query_one("#field-estimate", Input).focus()
        await pilot.press("end", "backspace", "backspace", *"150")
        await settle(app, pilot)
        assert quillstone(demo_db).estimate == 65  # 150 does not read: the last good value stays
        await pilot.press("backspace", "backspace", "backspace", *"70")
        await pilot.press("escape")  # close at once: what was pending is written first
        await settle(app, pilot, 0.1)
        assert isinstance(app.screen, TodayScreen)
        assert quillstone(demo_db).estimate == 70
        assert quillstone(demo_db).debriefed_at is None
        prompt = app.screen.query_one("#debrief", Static)
        assert "Finish the debrief of your Quillstone interview" in str(prompt.render())
        await pilot.press("b")
        await pilot.pause()
        await pilot.press("ctrl+s")  # done
        await settle(app, pilot)
        assert quillstone(demo_db).debriefed_at is not None
        assert not app.screen.query_one("#debrief", Static).display  # no longer offered


async def test_felt_is_saved_when_chosen(
    make_app: Callable[..., NowwhatApp], demo_db: Path
) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("b")
        await pilot.pause()
        select = app.screen.query_one("#field-felt")
        select.focus()
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("down", "down", "enter")  # good -> ok -> rough
        await settle(app, pilot)
        assert quillstone(demo_db).felt == "rough"


# -- killed mid-typing -------------------------------------------------------------------------


class Terminal:
    """The real app on a pseudo-terminal: keys in, screen bytes out."""

    def __init__(self, argv: list[str], size: tuple[int, int] = (80, 24)) -> None:
        import fcntl
        import termios

        pid, fd = pty.fork()
        if pid == 0:  # the child: the app itself
            os.environ["TERM"] = "xterm-256color"
            os.execv(argv[0], argv)  # noqa: S606 - our own fixed command
        self.pid, self.fd = pid, fd
        fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", size[1], size[0], 0, 0))
        self.output = bytearray()

    def read(self, seconds: float) -> None:
        deadline = time.monotonic() + seconds
        while (left := deadline - time.monotonic()) > 0:
            ready, _, _ = select.select([self.fd], [], [], left)
            if ready:
                try:
                    self.output += os.read(self.fd, 1 << 16)
                except OSError:
                    return

    def wait_for(self, marker: bytes, timeout: float = 60) -> None:
        deadline = time.monotonic() + timeout
        while marker not in self.output:
            if time.monotonic() > deadline:
                raise TimeoutError(f"{marker!r} never appeared")
            self.read(0.1)

    def type(self, text: str, pause: float = 0.02) -> None:
        for char in text:
            os.write(self.fd, char.encode())
            self.read(pause)

    def kill(self) -> None:
        os.kill(self.pid, signal.SIGKILL)
        os.waitpid(self.pid, 0)
        os.close(self.fd)


def until(check: Callable[[], bool], timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while not check():
        if time.monotonic() > deadline:
            raise TimeoutError("the database never showed it")
        time.sleep(0.05)


@pytest.mark.slow
async def test_a_debrief_killed_mid_typing_is_restored(
    make_app: Callable[..., NowwhatApp], demo_db: Path
) -> None:
    command = [sys.executable, "-m", "tui.cli", "--db", str(demo_db), "--now", "2026-11-23 08:30"]
    app_process = Terminal(command)
    try:
        app_process.wait_for(b"Debrief your Quillstone")
        app_process.read(0.5)
        app_process.type("b")
        app_process.wait_for(b"Saved as you type")
        app_process.read(1.0)  # the form has focused its first field
        app_process.type("\t")  # from "It felt" to the estimate
        app_process.type("80")
        app_process.wait_for(b"80% likely to advance")  # the keys reached the estimate
        app_process.type("\t")  # to next steps
        app_process.type("decision by the end of next week")
        until(lambda: quillstone(demo_db).next_steps == "decision by the end of next week")
        app_process.type(", then a", pause=0)  # mid-typing: killed before this can be written
    finally:
        app_process.kill()  # SIGKILL: no chance to save anything more on the way out

    saved = quillstone(demo_db)  # the file parses, and holds every answer saved so far
    assert saved.estimate == 80
    assert saved.next_steps.startswith("decision by the end of next week")
    assert saved.promised_by == Date(2026, 11, 27)  # the end of the week after Fri 20 Nov
    assert saved.debriefed_at is None

    app = make_app()  # a new session on the same file: the debrief is offered to finish
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        prompt = app.screen.query_one("#debrief", Static)
        assert "Finish the debrief of your Quillstone interview" in str(prompt.render())
        await pilot.press("b")
        await pilot.pause()
        form = app.screen
        assert form.query_one("#field-estimate", Input).value == "80"
        assert form.query_one("#field-next_steps", Input).value == saved.next_steps
        assert form.query_one("#field-promised_by", Input).value == "2026-11-27"
        assert form.query_one("#field-felt").value == "good"  # type: ignore[attr-defined]


# -- the interview form has the debrief's fields too ------------------------------------------


async def test_the_interview_form_edits_the_debrief(
    make_app: Callable[..., NowwhatApp], demo_db: Path
) -> None:
    from tui.modals.records import interview_form

    app = make_app()
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        store = app.store
        app.push_screen(interview_form(store, app.now(), quillstone(demo_db)))
        await pilot.pause()
        form = app.screen
        form.query_one("#field-estimate", Input).value = "55"
        form.query_one("#field-next_steps", Input).focus()
        await pilot.press(*"by the end of next week")
        await pilot.pause()
        # Read from the interview's day (Fri 20 Nov), not from today (Mon 23).
        assert form.query_one("#field-promised_by", Input).value == "2026-11-27"
        assert "promised by Fri 27 Nov 2026" in str(form.query_one("#hint-next_steps").render())
        form.query_one("#field-signal-1", Checkbox).value = True
        assert quillstone(demo_db).estimate is None  # this form saves on ctrl+s, not as typed
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        saved = quillstone(demo_db)
        assert (saved.estimate, saved.next_steps, saved.promised_by) == (
            55,
            "by the end of next week",
            Date(2026, 11, 27),
        )
        assert saved.signals == ("met more people than planned / a tour",)
        assert saved.debriefed_at == app.now()  # answered here: Today stops offering it


async def test_a_future_interview_has_no_debrief_fields(
    make_app: Callable[..., NowwhatApp], demo_db: Path
) -> None:
    from tui.modals.records import interview_form

    app = make_app()
    future = next(i for i in Store(demo_db).records().interviews if i.id == "int_harbor_second")
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        app.push_screen(interview_form(app.store, app.now(), future))
        await pilot.pause()
        assert not app.screen.query("#field-estimate")
