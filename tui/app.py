"""The Textual application: six screens as modes, the command palette, and the store watch.

One factory (:func:`build_app`) builds the app for the CLI, the tests and the screenshot script,
with the store and ``now`` injected. Every change is written through the store the moment it is
made; a two-second check picks up other sessions' changes without a restart. Keys are handed on
in the order typed (:mod:`tui.key_order`); ``u`` takes back the last change made with a key
(:mod:`tui.undo`); behind the too-small notice only quitting works.
"""

from __future__ import annotations

import asyncio
import contextlib
import gc
import importlib
import signal
import threading
from collections.abc import Callable, Iterable
from typing import Any, ClassVar, TypeVar

import pendulum
from pendulum import DateTime
from textual import events
from textual.app import App, SystemCommand
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.widget import AwaitMount

from .engine.errors import InvalidField
from .key_order import KeyOrder, Ordered
from .readable import install_readable_grey
from .screens.base import DataScreen
from .store import Store, StoreError
from .terminal import install_tui_guard
from .undo import Undo, undo
from .writer import REFUSALS, Writer, refusal_text

T = TypeVar("T")

__all__ = ["MIN_SIZE", "NowwhatApp", "build_app", "run_app"]

SLOW_WRITE = 0.5  # seconds before the person is told a change is waiting for the lock
SWITCH_HOLD = 0.005  # seconds
"""How long frames wait after switching to a screen built before: enough for its restyle."""

MIN_SIZE = (64, 18)
"""Below this the layout cannot work: the app says so instead of drawing a broken screen."""

QUIT_KEYS = frozenset({"q", "ctrl+c", "ctrl+q"})
"""The only keys that do anything while the terminal is too small: nothing is changed unseen."""

SCREENS: dict[str, tuple[str, str]] = {
    "today": ("today", "TodayScreen"),
    "waiting": ("waiting", "WaitingScreen"),
    "advocates": ("advocates", "AdvocatesScreen"),
    "network": ("network", "NetworkScreen"),
    "pipeline": ("pipeline", "PipelineScreen"),
    "calibration": ("calibration", "CalibrationScreen"),  # issue 18
    "inbox": ("inbox", "InboxScreen"),  # mail (issue 16)
}


def screen_class(mode: str) -> type[DataScreen]:
    """The screen class of a mode, imported on first use: start-up only pays for Today."""
    module, name = SCREENS[mode]
    found: type[DataScreen] = getattr(importlib.import_module(f"tui.screens.{module}"), name)
    return found


def _maker(mode: str) -> Callable[[], DataScreen]:
    return lambda: screen_class(mode)()


class NowwhatApp(App[None]):
    """The dashboard: Today, Waiting room, Advocates, Network, Pipeline, Calibration."""

    # Today's styles load with the app's: a screen with its own CSS_PATH makes Textual parse
    # every stylesheet again and restyle the app when it is first shown, and Today is always
    # the first screen shown.
    CSS_PATH: ClassVar = ["app.tcss", "screens/today.tcss"]
    TITLE = "nowwhat"
    MODES: ClassVar = {mode: _maker(mode) for mode in SCREENS}
    DEFAULT_MODE = "today"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("1", "switch_mode('today')", "Today", id="go.today", show=False),
        Binding("2", "switch_mode('waiting')", "Waiting", id="go.waiting", show=False),
        Binding("3", "switch_mode('advocates')", "Advocates", id="go.advocates", show=False),
        Binding("4", "switch_mode('network')", "Network", id="go.network", show=False),
        Binding("5", "switch_mode('pipeline')", "Pipeline", id="go.pipeline", show=False),
        Binding("6", "switch_mode('calibration')", "Calibration", id="go.calibration", show=False),
        Binding("7", "switch_mode('inbox')", "Inbox", id="go.inbox", show=False),
        Binding("question_mark", "help", "Help", id="help"),
        Binding("q", "quit", "Quit", id="quit"),
        Binding(
            "u",
            "undo",
            "Undo",
            id="undo",
            show=False,
            tooltip="Take back the last change made with a key (a delete, done, snooze, stage…)",
        ),
    ]

    def __init__(
        self,
        store: Store,
        now: DateTime,
        *,
        fixed_now: bool = False,
        poll_seconds: float = 2.0,
    ) -> None:
        install_tui_guard()  # no control character in any text reaches the terminal
        super().__init__()
        install_readable_grey(self)  # NO_COLOR: greys never fade into their background
        self.store = store
        self._start = now
        self._fixed_now = fixed_now
        self._poll_seconds = poll_seconds
        self.animation_level = "none"  # it runs over SSH: no animations by default
        self._switch_to_built = False
        self.writer = Writer()
        self._last_store_error: str | None = None
        store.on_warning(self._store_warning)
        self.keys = KeyOrder(self, self._dispatch_ordered)
        self.last_change: Undo | None = None
        """The change ``u`` takes back: the last one made with a key, until the next change."""

    # -- time and data ----------------------------------------------------------------------------

    def now(self) -> DateTime:
        """The moment the app takes as now: fixed with ``--now``, else the real clock."""
        if self._fixed_now:
            return self._start
        return pendulum.now(self.store.settings().timezone)

    def check_store(self) -> None:
        """Pick up changes another session or the CLI made; redraw only when there were some.

        A file that became unusable (another program wrote it, the disk went away) is said
        once, not every two seconds; the screen keeps what it showed.
        """
        try:
            changed = self.store.refresh()
        except StoreError as error:
            self.report_store_error(error)
            return
        self._last_store_error = None
        if changed:
            self.data_changed()

    def report_store_error(self, error: BaseException) -> None:
        """Tell the person about a store or OS problem: one line, once while it lasts."""
        message = refusal_text(error)
        if message == self._last_store_error:
            return
        self._last_store_error = message
        self.notify(message, severity="error", markup=False, timeout=10)

    def _store_warning(self, message: str) -> None:
        """A warning from the store (a backup that could not be made), from any thread."""

        def show() -> None:
            self.notify(message, severity="warning", markup=False, timeout=10)

        if threading.get_ident() == self._thread_id:
            show()
        else:
            with contextlib.suppress(RuntimeError):  # the app is gone: nobody to tell
                self.call_from_thread(show)

    def _handle_exception(self, error: Exception) -> None:
        """A store or OS error that reached the event loop is a notification, never Textual's
        crash screen (which would print local variables: bytes of the database among them).

        Each place that talks to the store handles its errors; this is the net under them.
        Anything else is a bug, and crashes as Textual does.
        """
        if isinstance(error, StoreError | OSError):
            self.report_store_error(error)
            return
        super()._handle_exception(error)

    def write(
        self,
        work: Callable[..., T],
        *args: Any,
        done: Callable[[T], object],
        failed: Callable[[BaseException], object],
        **kwargs: Any,
    ) -> None:
        """Hand a change to the writer thread (see :mod:`tui.writer`); the UI stays live.

        If it has not been written half a second later (another session holds the lock), the
        person is told it is waiting, and told again once it is saved.
        """
        slow = False
        self.last_change = None  # an undo lasts until the next change, whatever it is

        def written(result: T) -> None:
            if slow:
                self.notify("Saved.", markup=False)
            done(result)

        future = self.writer.submit(work, *args, done=written, failed=failed, **kwargs)

        def check() -> None:
            nonlocal slow
            if not future.done():
                slow = True
                self.notify(
                    "Saving… another nowwhat session is using the database; your change waits "
                    "its turn (the screen stays usable).",
                    markup=False,
                    timeout=12,
                )

        self.set_timer(SLOW_WRITE, check)

    async def writes_settled(self) -> None:
        """Wait until every change handed over is written and its outcome shown (for tests and
        for scripts driving the app)."""
        await asyncio.to_thread(self.writer.wait)
        await asyncio.sleep(0)  # the outcomes were queued on this loop: let them run

    def offer_undo(self, change: Undo, message: str | None = None) -> None:
        """Say what a change did, and that ``u`` takes it back (until the next change)."""
        if change.empty:
            return
        self.last_change = change
        self.notify(f"{message or change.summary} · u undoes", markup=False)

    def action_undo(self) -> None:
        """Take back the last change made with a key, if nothing changed it since."""
        change = self.last_change
        if change is None:
            self.notify(
                "Nothing to undo: an undo lasts until the next change.", markup=False, timeout=4
            )
            return

        def undone(_: object) -> None:
            self.data_changed()
            self.notify(f"Undone: {change.summary}", markup=False)

        def refused(error: BaseException) -> None:
            if not isinstance(error, REFUSALS):
                raise error
            self.data_changed()
            why = error.problem if isinstance(error, InvalidField) else str(error)
            self.notify(f"Not undone: {why}", severity="error", markup=False, timeout=8)

        self.write(undo, self.store, change, done=undone, failed=refused)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "undo":  # on the screens only: a form or a dialog keeps its own keys
            return isinstance(self.screen, DataScreen)
        return True

    def data_changed(self) -> None:
        """The data changed (here or elsewhere): redraw the visible screen, keeping its cursor."""
        screen = self.screen
        if isinstance(screen, DataScreen):
            screen.refresh_data()

    # -- life cycle -------------------------------------------------------------------------------

    def on_mount(self) -> None:
        self.set_interval(self._poll_seconds, self.check_store, name="store-watch")
        self._watch_signals()
        self._fit(self.size.width, self.size.height)
        self.call_after_refresh(self._first_run)

    def _first_run(self) -> None:
        """On an empty database nobody has set up: the short setup, once Today is drawn."""
        from .modals.setup import needs_setup, setup_form

        try:
            records = self.store.active_records()
        except StoreError:
            return
        if needs_setup(records) and not self.store.has_archive:
            self.push_screen(setup_form(self.store, self.now()), self._set_up)

    def _set_up(self, saved: bool | None) -> None:
        if saved:
            self.notify("Set up. Add what you are waiting on: 2, then i.", markup=False)
            self.data_changed()

    def _watch_signals(self) -> None:
        """Exit cleanly when the SSH link drops (SIGHUP) or the process is asked to stop.

        Textual does not handle these itself; without this the process would be killed at an
        arbitrary point or linger with no terminal. Writes are atomic either way.
        """
        with contextlib.suppress(NotImplementedError, RuntimeError, ValueError):
            loop = asyncio.get_running_loop()
            for number in (signal.SIGHUP, signal.SIGTERM):
                loop.add_signal_handler(number, self.exit)

    async def action_quit(self) -> None:
        """Quit once every change handed to the writer is on disk."""
        if self.writer.pending:
            self.notify("Saving your last change before quitting…", markup=False)
        await asyncio.to_thread(self.writer.close)
        self.exit()

    def on_unmount(self) -> None:
        self.writer.close()  # the link dropped (SIGHUP) or the app stopped: write what is queued

    async def on_event(self, event: events.Event) -> None:
        """Keys and pastes go through :class:`KeyOrder` (in the order typed); while the
        terminal is too small, nothing but quitting gets through."""
        if isinstance(event, events.Key | events.Paste) and not event.is_forwarded:
            if self.has_class("-too-small"):
                self.keys.drop(event)
                if isinstance(event, events.Key) and event.key in QUIT_KEYS:
                    await self.action_quit()
                return
            await self.keys.take(event)
            return
        if (
            isinstance(event, events.MouseEvent)
            and not event.is_forwarded
            and self.has_class("-too-small")
        ):
            return  # a click on the notice must not reach the screen hidden behind it
        await super().on_event(event)

    async def _dispatch_ordered(self, event: Ordered) -> None:
        await super().on_event(event)

    def on_resize(self, event: events.Resize) -> None:
        self._fit(event.size.width, event.size.height)

    def _fit(self, width: int, height: int) -> None:
        small = width < MIN_SIZE[0] or height < MIN_SIZE[1]
        self.set_class(small, "-too-small")

    # -- switching screens -------------------------------------------------------------------------

    def switch_mode(self, mode: str) -> AwaitMount:
        """Switch screens; a screen shown before comes back without Textual's 50 ms hold.

        Textual holds every frame for 50 ms after a mode switch, to hide a new screen's first
        layout. A screen that was built before has nothing to hide, and that hold was most of
        the time a switch took (see the benchmark).
        """
        self._switch_to_built = mode in self._screen_stacks
        try:
            return super().switch_mode(mode)
        finally:
            self._switch_to_built = False

    def delay_update(self, delay: float = 0.05) -> None:
        super().delay_update(SWITCH_HOLD if self._switch_to_built else delay)

    # -- actions ----------------------------------------------------------------------------------

    def action_help(self) -> None:
        """Show every key of the current screen and the global ones."""
        from .screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen(self.screen))

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        """Every action of every screen, so anything can be found by name with ctrl+p."""
        yield from super().get_system_commands(screen)
        if not isinstance(screen, DataScreen):  # a screen on top (the composer): its keys first
            title = screen.TITLE or "This screen"
            for binding in type(screen).BINDINGS:
                if isinstance(binding, Binding) and binding.description:
                    yield SystemCommand(
                        f"{title}: {binding.description}",
                        binding.tooltip or f"{binding.description} (key: {binding.key})",
                        self._here(screen, binding.action),
                    )
        for mode in SCREENS:
            found = screen_class(mode)
            title = found.TITLE or mode
            yield SystemCommand(
                f"Go to {title}", f"Switch to the {title} screen", self._go(mode, None)
            )
            for binding in found.BINDINGS:
                if not isinstance(binding, Binding) or not binding.description:
                    continue
                yield SystemCommand(
                    f"{title}: {binding.description}",
                    binding.tooltip or f"{binding.description} (key: {binding.key})",
                    self._go(mode, binding.action),
                )

    def _here(self, screen: Screen[object], action: str) -> Callable[[], None]:
        def start() -> None:
            self.call_later(screen.run_action, action)

        return start

    def _go(self, mode: str, action: str | None) -> Callable[[], None]:
        async def run() -> None:
            await self.switch_mode(mode)
            if action:
                await self.screen.run_action(action)

        def start() -> None:
            self.call_later(run)

        return start


def build_app(store: Store, now: DateTime, *, fixed_now: bool = True) -> NowwhatApp:
    """The app on ``store``, taking ``now`` as the current moment (fixed unless told otherwise)."""
    return NowwhatApp(store, now, fixed_now=fixed_now)


def run_app(store: Store, now: DateTime, *, fixed_now: bool = False) -> int:
    """Run the app in this terminal; return its exit code."""
    app = build_app(store, now, fixed_now=fixed_now)
    # The records, the modules and the app live as long as the process: set them aside from
    # the cycle collector, which would otherwise walk them all in every full collection
    # (measured at stress size: 70-80 ms for one full collection, a stalled keypress; 0 after).
    gc.freeze()
    try:
        app.run()
    finally:
        app.writer.close()
    return app.return_code or 0
