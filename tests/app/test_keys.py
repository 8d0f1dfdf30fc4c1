"""Keys land where they were typed, however fast they come; behind "too small" nothing happens.

Pilot's ``press`` waits for the app to go idle after every key, which hides the race that
real terminals show (a paste of keystrokes, tmux ``send-keys``, a laggy SSH link): here
:func:`burst` hands the app every key at once, as a terminal does.
"""

from __future__ import annotations

from pathlib import Path

from textual import events
from textual.pilot import Pilot

from tui.engine.models import Task
from tui.modals.form import FormScreen
from tui.screens.today import TodayScreen
from tui.store import Store
from tui.widgets.plan_list import PlanList

CHARS = {"space": " ", "tab": None, "enter": "\r"}


async def burst(pilot: Pilot[None], *keys: str) -> None:
    """Send every key to the app in one go (no pause between them), then wait until all are
    handled. A key of more than one character is a key name (``tab``, ``ctrl+s``); a string
    in ``keys`` that is not a key name is typed letter by letter."""
    app = pilot.app
    driver = app._driver
    assert driver is not None
    expected = app.keys.received  # type: ignore[attr-defined]
    for key in keys:
        names = [key] if key in CHARS or "+" in key or len(key) == 1 else list(key)
        for name in names:
            char = CHARS.get(name, name if len(name) == 1 else None)
            event = events.Key(name, char)
            event.set_sender(app)
            driver.send_message(event)
            expected += 1
    await settled(pilot, expected)


async def settled(pilot: Pilot[None], expected: int) -> None:
    """Wait until the app has taken ``expected`` keys in all and handed every one on, and
    what they changed is written."""
    app = pilot.app
    for _ in range(250):
        await pilot.pause(0.02)
        if app.keys.received >= expected and app.keys.pending == 0:  # type: ignore[attr-defined]
            break
    await app.writes_settled()  # type: ignore[attr-defined]
    await pilot.pause()


async def test_a_burst_that_opens_a_form_and_fills_it_lands_in_order(
    make_app, demo_db: Path
) -> None:  # type: ignore[no-untyped-def]
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await burst(pilot, "a", "T1", "tab", "tab", "25", "ctrl+s")
        assert isinstance(app.screen, TodayScreen)
        task = Store(demo_db).records().tasks[-1]
        assert (task.title, task.minutes) == ("T1", 25)  # not "T125", not lost


async def test_tab_in_an_open_form_moves_before_the_next_keys_arrive(
    make_app, demo_db: Path
) -> None:  # type: ignore[no-untyped-def]
    """The issue's case: the form is open, then ``T1``, Tab, Tab, ``25`` arrive together."""
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("a")
        await pilot.pause()
        assert isinstance(app.screen, FormScreen)
        await burst(pilot, "T1", "tab", "tab", "25")
        assert app.screen.query_one("#field-title").value == "T1"  # type: ignore[attr-defined]
        assert app.screen.query_one("#field-minutes").value == "25"  # type: ignore[attr-defined]


async def test_clearing_a_field_and_typing_then_saving_saves_what_was_typed(
    make_app, demo_db: Path
) -> None:  # type: ignore[no-untyped-def]
    """ctrl+u, ``today``, ctrl+s in one go saved ``due: None``: the save read the field before
    the letters reached it."""
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        plan = app.screen.query_one(PlanList)
        plan.highlighted = plan.get_option_index("tsk_meridian_call")
        await pilot.pause()
        await burst(pilot, "e", "tab", "tab", "tab", "ctrl+u", "today", "ctrl+s")
        assert isinstance(app.screen, TodayScreen)
        task = Store(demo_db).get(Task, "tsk_meridian_call")
        assert str(task.due) == "2026-11-23"


async def test_a_paste_after_tab_goes_to_the_next_field(make_app, demo_db: Path) -> None:  # type: ignore[no-untyped-def]
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("a")
        await pilot.pause()
        driver = app._driver
        assert driver is not None
        expected = app.keys.received + 3
        for event in (events.Key("x", "x"), events.Key("tab", None), events.Paste("research")):
            event.set_sender(app)
            driver.send_message(event)
        await settled(pilot, expected)
        assert app.screen.query_one("#field-title").value == "x"  # type: ignore[attr-defined]
        kind = app.screen.focused
        assert kind is not None and kind.id == "field-kind"  # the paste did not reach the title


async def test_behind_the_too_small_notice_only_quitting_works(make_app, demo_db: Path) -> None:  # type: ignore[no-untyped-def]
    before = demo_db.read_bytes()
    app = make_app()
    async with app.run_test(size=(60, 20)) as pilot:
        await pilot.pause()
        assert app.has_class("-too-small")
        plan = app.screen.query_one(PlanList)
        highlighted = plan.highlighted
        for key in ("space", "a", "s", "2", "down", "x", "u", "enter", "question_mark"):
            await pilot.press(key)
            await pilot.pause()
        await burst(pilot, "space", "a", "T1", "ctrl+s")
        await app.writes_settled()
        assert isinstance(app.screen, TodayScreen)  # no form, no help, no other screen
        assert plan.highlighted == highlighted
        assert demo_db.read_bytes() == before  # nothing was marked done or added unseen
        await pilot.press("q")
        await pilot.pause()
    assert app.return_code == 0 and not app.is_running
