"""No control character reaches the terminal from any screen, form or paste of the dashboard."""

from __future__ import annotations

from pathlib import Path

from hostile import NOW, hostile_control_file, unsafe_for_a_terminal
from screen_text import screen_text
from textual import events
from textual.widgets import Input, Static

from tui.app import build_app
from tui.engine.settings import Settings
from tui.store import Store


def _frame(app) -> str:  # type: ignore[no-untyped-def]
    """Everything the current frame sends to the terminal, line by line."""
    strips = app.screen._compositor.render_strips()
    return "\n".join(strip.render(app.console) for strip in strips)


async def test_every_screen_shows_stored_controls_visibly_and_sends_none(tmp_path: Path) -> None:
    app = build_app(Store(hostile_control_file(tmp_path / "old.json")), NOW)
    async with app.run_test(size=(120, 40)) as pilot:
        for key in ("1", "2", "3", "4", "5", "6", "7"):
            await pilot.press(key)
            await pilot.pause(0.3)
            assert unsafe_for_a_terminal(_frame(app)) == [], key
            assert "␛" in screen_text(app), key  # the text is there, made visible
        await pilot.press("2", "c")  # the composer: a draft filled with the company's name
        await pilot.pause(0.3)
        assert unsafe_for_a_terminal(_frame(app)) == []
        await pilot.press("escape", "e")  # a form whose inputs hold the stored text
        await pilot.pause(0.3)
        assert unsafe_for_a_terminal(_frame(app)) == []
        assert "␛" in screen_text(app)
        await pilot.press("escape", "6", "b")  # the debrief: next steps and a ticked signal
        await pilot.pause(0.3)
        assert type(app.screen).__name__ == "DebriefForm"
        assert unsafe_for_a_terminal(_frame(app)) == []
        assert "␛" in screen_text(app)


def _set_up(path: Path) -> Store:
    """A new database past the first-run setup (its form would open on top of Today)."""
    store = Store(path)
    store.save_settings(Settings().with_text("your_name", "Sam"))
    return store


async def test_the_guard_drops_a_control_that_slipped_past_everything(tmp_path: Path) -> None:
    app = build_app(_set_up(tmp_path / "new.json"), NOW)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        # A widget of its own (the screen's panes are redrawn by timers of their own).
        static = Static("x\x1b]52;c;cm0gLXJmIC8K\x07y \x1b]0;owned\x07 \x9b2J", id="probe")
        await app.screen.mount(static)
        for _ in range(50):
            await pilot.pause(0.05)
            frame = _frame(app)
            if "cm0gLXJmIC8K" in frame:
                break
        assert "]52;c;cm0gLXJmIC8K" in frame  # shown as plain text ...
        assert "\x1b]52" not in frame and unsafe_for_a_terminal(frame) == []  # ... never obeyed


async def test_a_paste_into_a_form_is_cleaned_before_it_reaches_the_field(tmp_path: Path) -> None:
    app = build_app(_set_up(tmp_path / "new.json"), NOW)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("a")  # add a task
        await pilot.pause()
        field = app.screen.query_one("#field-title", Input)
        field.post_message(events.Paste("abc\x1bdef\tghi\u202e!"))
        await pilot.pause()
        assert field.value == "abcdef ghi!"


async def test_the_dialogs_that_name_a_record_show_its_controls_visibly(tmp_path: Path) -> None:
    """The delete question, the stage picker and the history list name stored text."""
    app = build_app(Store(hostile_control_file(tmp_path / "old.json")), NOW)
    async with app.run_test(size=(120, 40)) as pilot:
        for keys in (("5", "x"), ("5", "g"), ("2", "h"), ("2", "x"), ("4", "x")):
            await pilot.press(*keys)
            await pilot.pause(0.3)
            assert unsafe_for_a_terminal(_frame(app)) == [], keys
            assert "␛" in screen_text(app), keys  # the name is there, made visible
            await pilot.press("escape")
            await pilot.pause()
