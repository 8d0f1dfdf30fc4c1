"""The footer: each screen's own keys, kept (not rebuilt) across screen switches, and still
following a real change of the keys."""

from __future__ import annotations

from typing import ClassVar

from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.widgets import Static
from textual.widgets._footer import FooterKey

from tui.widgets.steady_footer import SteadyFooter


def _footer_keys(app: App[object]) -> list[FooterKey]:
    return list(app.screen.query_one(SteadyFooter).query(FooterKey))


def _shown(app: App[object]) -> list[tuple[str, str, bool]]:
    return [(key.key, key.description, key.has_class("-disabled")) for key in _footer_keys(app)]


async def test_each_screen_keeps_its_own_footer_across_switches(make_app) -> None:  # type: ignore[no-untyped-def]
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        today_keys = _footer_keys(app)
        today = _shown(app)
        assert ("space", "Done", False) in today and ("s", "Snooze", False) in today

        await pilot.press("2")
        await pilot.pause()
        waiting = _shown(app)
        assert ("i", "Add interview", False) in waiting
        assert ("space", "Done", False) not in waiting

        await pilot.press("1")
        await pilot.pause()
        assert _shown(app) == today
        # The same widgets: a switch back does not rebuild (and restyle) the footer.
        assert all(a is b for a, b in zip(_footer_keys(app), today_keys, strict=True))


class _Toggle(App[None]):
    """A screen whose "x" key is only sometimes available, as Textual's check_action allows."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("x", "act", "Act"),
        Binding("y", "other", "Other"),
    ]
    allowed = True

    def compose(self) -> ComposeResult:
        yield Static("body")
        yield SteadyFooter()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "act":
            return True if self.allowed else None  # None: shown, but disabled
        return True

    def action_act(self) -> None: ...

    def action_other(self) -> None: ...


async def test_the_footer_follows_a_change_of_its_keys() -> None:
    app = _Toggle()
    async with app.run_test(size=(80, 10)) as pilot:
        await pilot.pause()
        assert ("x", "Act", False) in _shown(app)
        app.allowed = False
        app.screen.refresh_bindings()
        await pilot.pause(0.2)
        assert ("x", "Act", True) in _shown(app)
        assert ("y", "Other", False) in _shown(app)
