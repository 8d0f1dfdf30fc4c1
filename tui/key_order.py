"""Keys applied in the order they were typed, however fast they arrive.

Textual hands each key press to the widget focused *when the app reads it*, then lets the
widget handle it later, from its own queue; bindings run when the key has bubbled back up to
the app, and focus moves (Tab, a form opening) happen then. Keys that arrive together (a paste
of keystrokes, a laggy SSH link, tmux ``send-keys``) are all read before the first has been
handled, so ``T1 Tab Tab 25`` put "25" into the title ("T125"), and a save (a priority key)
read the fields before the letters typed just before it had reached them.

:class:`KeyOrder` hands the app one key (or paste) at a time: the next one only once the last
has gone through the focused widget and every widget above it, whatever that set off has had
its turn (a second pass: an Enter posts "submitted", which moves the focus), and a screen it
opened is mounted with its focus set. It costs a few queue hops a key; a key that never
settles (a widget removed under it) lets the next one through after :data:`SETTLE_LIMIT`.
"""

from __future__ import annotations

import asyncio
from collections import deque
from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING, Any

from textual import events
from textual.css.query import NoMatches
from textual.dom import DOMNode
from textual.timer import Timer

if TYPE_CHECKING:
    from textual.app import App

__all__ = ["SETTLE_LIMIT", "KeyOrder"]

SETTLE_LIMIT = 1.0  # seconds: the longest one key may hold the next back

Ordered = events.Key | events.Paste


class KeyOrder:
    """Feeds key presses and pastes to ``dispatch`` one at a time, each after the last settled."""

    def __init__(self, app: App[Any], dispatch: Callable[[Ordered], Awaitable[None]]) -> None:
        self.app = app
        self._dispatch = dispatch
        self._waiting: deque[Ordered] = deque()
        self._busy = False
        self._turn = 0  # which key is settling: a late hop of an earlier one is ignored
        self._limit: Timer | None = None
        self._tasks: set[asyncio.Task[None]] = set()

    @property
    def pending(self) -> int:
        """Keys read but not yet handed on (for tests)."""
        return len(self._waiting) + (1 if self._busy else 0)

    async def take(self, event: Ordered) -> None:
        """A key or paste arrived: hand it on now, or after those before it."""
        self._waiting.append(event)
        if not self._busy:
            await self._next()

    async def _next(self) -> None:
        if self._busy or not self._waiting:
            return
        event = self._waiting.popleft()
        self._busy = True
        self._turn += 1
        turn = self._turn
        start = self._target()
        try:
            await self._dispatch(event)
        finally:
            self._limit = self.app.set_timer(SETTLE_LIMIT, lambda: self._release(turn))
            if start is None:
                self._release(turn)
            else:
                self._walk(start, turn, rounds=2, then=self._screen_ready)

    def _target(self) -> DOMNode | None:
        """Where the app hands a key: the focused widget, else the screen."""
        try:
            return self.app.focused or self.app.screen
        except Exception:  # no screen (the app is closing)
            return None

    def _walk(self, start: DOMNode, turn: int, *, rounds: int, then: Callable[[int], None]) -> None:
        """Queue a hop behind the key at ``start`` and each node above it, up to the app;
        ``rounds`` times over, then ``then``."""
        path = list(start.ancestors_with_self)
        self._hop(path, 0, start, turn, rounds, then)

    def _hop(
        self,
        path: list[DOMNode],
        index: int,
        start: DOMNode,
        turn: int,
        rounds: int,
        then: Callable[[int], None],
    ) -> None:
        if turn != self._turn or not self._busy:
            return  # released meanwhile (the limit passed)
        while index < len(path):
            if path[index].call_later(self._hop, path, index + 1, start, turn, rounds, then):
                return  # runs once that node has handled what came before
            index += 1  # a node that closed meanwhile: nothing more comes from it
        if rounds > 1 and start.is_attached:
            self._walk(start, turn, rounds=rounds - 1, then=then)
        else:
            then(turn)

    def _screen_ready(self, turn: int) -> None:
        """Once a screen the key opened is mounted, one last pass from its focus."""
        try:
            screen = self.app.screen
        except Exception:
            self._release(turn)
            return
        # Textual's own flag, set once the screen is mounted (its focus is set by then).
        flag: asyncio.Event = getattr(screen, "_mounted_event")  # noqa: B009 - typed Never
        if flag.is_set():
            self._last_pass(turn)
            return

        async def mounted() -> None:
            await flag.wait()
            self.app.call_later(self._last_pass, turn)

        task = asyncio.get_running_loop().create_task(mounted())
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    def _last_pass(self, turn: int) -> None:
        start = self._target()
        if start is None:
            self._release(turn)
            return
        try:
            self._walk(start, turn, rounds=1, then=self._release)
        except NoMatches:
            self._release(turn)

    def _release(self, turn: int) -> None:
        if turn != self._turn or not self._busy:
            return
        self._busy = False
        if self._limit is not None:
            self._limit.stop()
            self._limit = None
        if self._waiting:
            self.app.call_later(self._next)
