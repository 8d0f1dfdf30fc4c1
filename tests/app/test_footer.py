"""The footer: each screen's own keys on one line, the palette's key at the right, and a change
of the keys (one becoming unavailable) shown as it happens."""

from __future__ import annotations

from typing import ClassVar

from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.widgets import Static

from tui.widgets.key_bar import KeyBar


def _bar(app: App[object]) -> KeyBar:
    return app.screen.query_one(KeyBar)


def _line(app: App[object]) -> str:
    return _bar(app).render_line(0).text


async def test_each_screen_shows_its_own_keys_across_switches(make_app) -> None:  # type: ignore[no-untyped-def]
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        today = _bar(app).shown()
        assert ("space", "Done", True) in today and ("s", "Snooze", True) in today
        assert _line(app).startswith(" space Done  s Snooze  a Add ")

        await pilot.press("2")
        await pilot.pause()
        waiting = _bar(app).shown()
        assert ("i", "Add interview", True) in waiting
        assert ("space", "Done", True) not in waiting
        assert "i Add interview" in _line(app) and "Done" not in _line(app)

        await pilot.press("1")
        await pilot.pause()
        assert _bar(app).shown() == today


async def test_the_palette_key_stays_at_the_right_and_a_narrow_bar_ends_in_an_ellipsis(
    make_app,
) -> None:  # type: ignore[no-untyped-def]
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        wide = _line(app)
        assert len(wide) == 120 and wide.endswith("▏^p palette ")
        assert "q Quit" in wide and "…" not in wide
        await pilot.resize_terminal(64, 24)
        await pilot.pause()
        narrow = _line(app)
        assert len(narrow) == 64 and narrow.endswith("▏^p palette ")
        # Whole keys only, then "…" for those that did not fit; help and quit always stay.
        keys, rest = narrow.split("…")
        assert keys.startswith(" space Done  s Snooze ")
        assert rest.split("▏")[0].strip() == "? Help  q Quit"
        for key, description, _ in _bar(app).shown():
            assert f" {key} {description} " in keys or f" {key} " not in keys


class _Toggle(App[None]):
    """A screen whose "x" key is only sometimes available, as Textual's check_action allows."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("x", "act", "Act"),
        Binding("y", "other", "Other"),
    ]
    allowed = True

    def compose(self) -> ComposeResult:
        yield Static("body")
        yield KeyBar()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "act":
            return True if self.allowed else None  # None: shown, but disabled
        return True

    def action_act(self) -> None: ...

    def action_other(self) -> None: ...


def _dimmed(app: App[object], text: str) -> bool:
    """Whether every cell of ``text`` in the bar is drawn dim."""
    line = _bar(app).render_line(0)
    start = line.text.index(text)
    position, dim = 0, []
    for segment in line:
        for _ in segment.text:
            if start <= position < start + len(text):
                dim.append(bool(segment.style and segment.style.dim))
            position += 1
    return all(dim)


async def test_the_bar_follows_a_change_of_its_keys() -> None:
    app = _Toggle()
    async with app.run_test(size=(80, 10)) as pilot:
        await pilot.pause()
        assert ("x", "Act", True) in _bar(app).shown()
        assert not _dimmed(app, "x Act")
        app.allowed = False
        app.screen.refresh_bindings()
        await pilot.pause(0.2)
        assert ("x", "Act", False) in _bar(app).shown()
        assert ("y", "Other", True) in _bar(app).shown()
        assert _dimmed(app, "x Act") and not _dimmed(app, "y Other")
