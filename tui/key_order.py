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
from textual.widgets import Input, TextArea

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
        self._limit: asyncio.TimerHandle | None = None
        self._tasks: set[asyncio.Task[None]] = set()
        self._loose: DOMNode | None = None  # a text field given letters without waiting
        self.received = 0
        """Keys and pastes taken so far (for tests: all of a burst has arrived)."""

    @property
    def pending(self) -> int:
        """Keys read but not yet handed on (for tests)."""
        return len(self._waiting) + (1 if self._busy else 0)

    def drop(self, event: Ordered) -> None:
        """A key or paste arrived that must do nothing (the terminal is too small)."""
        self.received += 1

    async def take(self, event: Ordered) -> None:
        """A key or paste arrived: hand it on now, or after those before it."""
        self.received += 1
        self._waiting.append(event)
        if not self._busy:
            await self._next()

    async def _next(self) -> None:
        await self._hand_on()
        if self._loose is not None and not self._busy and not self._waiting:
            # The letters are handed to the field: once it has taken them, all is settled.
            loose, self._loose = self._loose, None
            self._walk(loose, self._begin(), rounds=1, then=self._release)

    async def _hand_on(self) -> None:
        while self._waiting and not self._busy:
            event = self._waiting[0]
            target = self._target()
            if self._typed(event, target):
                # A letter into a text field: the field takes it and nothing moves, so the next
                # one may follow at once (a paste of keystrokes is not slowed down) ...
                self._waiting.popleft()
                self._loose = target
                await self._dispatch(event)
                continue
            turn = self._begin()
            if self._loose is not None:
                # ... but whatever comes next waits until the field has taken them all.
                loose, self._loose = self._loose, None
                self._walk(loose, turn, rounds=1, then=self._release)
                return
            self._waiting.popleft()
            try:
                await self._dispatch(event)
            finally:
                if target is None:
                    self._release(turn)
                else:
                    self._walk(target, turn, rounds=2, then=self._screen_ready)
            return

    def _begin(self) -> int:
        """Hold the next keys back until this turn is released (or the limit passes)."""
        self._busy = True
        self._turn += 1
        turn = self._turn
        # A plain loop timer (no task, unlike a Textual Timer): this runs for every key.
        self._limit = asyncio.get_running_loop().call_later(SETTLE_LIMIT, self._release, turn)
        return turn

    def _typed(self, event: Ordered, target: DOMNode | None) -> bool:
        """A printable key for a text field that consumes it, with no priority binding."""
        if not isinstance(event, events.Key) or not event.is_printable:
            return False
        if not isinstance(target, Input | TextArea) or getattr(target, "read_only", False):
            return False
        try:
            chain = self.app.screen._binding_chain
        except Exception:
            return False
        return not any(
            binding.priority
            for _node, bindings in chain
            for binding in bindings.key_to_bindings.get(event.key, ())
        )

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
            self._limit.cancel()
            self._limit = None
        if self._waiting:
            self.app.call_later(self._next)
