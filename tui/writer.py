"""Changes from the screens, written one after another off the UI thread.

A write takes the database's inter-process lock, and another nowwhat session (or a cron job)
may hold it for seconds. Written on the UI thread, that froze every key. So the dashboard hands
each change to one writer thread, in the order they were made, and stays live: the screen shows
the change at once, a "waiting" notice appears if the lock is slow, and the outcome arrives as a
notification. Before the app exits, every queued change is written.
"""

from __future__ import annotations

import asyncio
import contextlib
import contextvars
import threading
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from functools import partial
from typing import Any, TypeVar

from .engine.errors import InvalidField
from .store import StoreError
from .store.errors import os_error_line

__all__ = ["REFUSALS", "Writer", "refusal_text"]

T = TypeVar("T")

REFUSALS = (InvalidField, StoreError, OSError)
"""What a change may end in that the person is told about (the data stays as it was)."""


def refusal_text(error: BaseException) -> str:
    """A refusal as the one line the person is shown (an OS error without ``[Errno N]``)."""
    if isinstance(error, OSError):
        return os_error_line(error)
    return str(error)


class Writer:
    """One thread that applies changes in order; results come back on the app's event loop."""

    def __init__(self) -> None:
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="nowwhat-write")
        self._pending = 0
        self._count = threading.Lock()
        self._closed = False

    @property
    def pending(self) -> int:
        """Changes handed over and not yet written (or refused)."""
        return self._pending

    def submit(
        self,
        work: Callable[..., T],
        *args: Any,
        done: Callable[[T], object],
        failed: Callable[[BaseException], object],
        **kwargs: Any,
    ) -> Future[T]:
        """Run ``work(*args, **kwargs)`` after every change handed over before it.

        ``done`` (with the result) or ``failed`` (with the refusal) is then called on the event
        loop that called this, never on the writer thread.
        """
        loop = asyncio.get_running_loop()
        # The outcome runs in the caller's context (Textual keeps its active app and screen in
        # context variables): a callback may push a screen or notify as if called right here.
        context = contextvars.copy_context()
        with self._count:
            self._pending += 1

        def finished(future: Future[T]) -> None:
            with self._count:
                self._pending -= 1
            error = future.exception()
            callback = partial(failed, error) if error else partial(done, future.result())
            with contextlib.suppress(RuntimeError):  # the app's loop is gone: nobody to tell
                loop.call_soon_threadsafe(callback, context=context)

        future = self._pool.submit(work, *args, **kwargs)
        future.add_done_callback(finished)
        return future

    def wait(self) -> None:
        """Block until every change handed over so far is written or refused."""
        if not self._closed:
            self._pool.submit(lambda: None).result()

    def close(self) -> None:
        """Write everything still queued, then stop (called before the app exits)."""
        if not self._closed:
            self._closed = True
            self._pool.shutdown(wait=True)
