"""What every top-level screen shares: the store, the moment, redrawing when data changes."""

from __future__ import annotations

import gc
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

from pendulum import DateTime
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Header

from ..engine.errors import InvalidField
from ..engine.models import Contact, Opportunity, Records
from ..store import Store, StoreError
from ..undo import Recorded, recorded
from ..widgets.key_bar import KeyBar
from ..widgets.too_small import TooSmall
from ..writer import REFUSALS, refusal_text

if TYPE_CHECKING:
    from ..app import NowwhatApp

__all__ = ["DETAIL_DELAY", "WIDTH_CLASSES", "DataScreen", "brief", "said"]

DETAIL_DELAY = 0.12  # seconds

WIDTH_CLASSES = [(0, "-narrow"), (110, "-wide")]
"""Breakpoints for the screens whose layout changes with the width (set per screen, not on the
app: a breakpoint class restyles the whole screen on its first resize, and Today has no use
for one, so its first frame does not pay for it)."""

T = TypeVar("T")

BRIEF = 60
"""How much of a name a notification shows: a 300-character title must not cover the screen."""


def said(error: BaseException) -> str:
    """A refusal in the person's words: ``promised by: is before the interview``, not the
    field's id."""
    if isinstance(error, InvalidField):
        field = error.field.replace("_", " ") if error.field.isidentifier() else error.field
        return f"{field}: {error.problem}"
    return refusal_text(error)  # an OS error without [Errno N]


def brief(text: str, limit: int = BRIEF) -> str:
    """``text`` cut to ``limit`` characters with an ellipsis (for notifications)."""
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


class DataScreen(Screen[None]):
    """A screen drawn from the store; it redraws when the data changes and keeps its cursor."""

    def __init__(self) -> None:
        super().__init__()
        self._seen_generation = -1
        self._pending: dict[str, Timer] = {}

    def when_settled(self, name: str, callback: Callable[[], object]) -> None:
        """Run ``callback`` once the cursor rests (DETAIL_DELAY after the last move).

        A detail pane redrawn on every step of a held arrow key sends kilobytes per keypress
        over SSH; redrawn when the cursor rests, it costs one frame.
        """
        pending = self._pending.pop(name, None)
        if pending is not None:
            pending.stop()
        self._pending[name] = self.set_timer(DETAIL_DELAY, callback, name=name)

    @property
    def nowwhat(self) -> NowwhatApp:
        """The app, typed."""
        return self.app  # type: ignore[return-value]

    @property
    def store(self) -> Store:
        return self.nowwhat.store

    def now(self) -> DateTime:
        return self.nowwhat.now()

    def compose(self) -> ComposeResult:
        yield Header(icon="")
        yield TooSmall()
        with Vertical(classes="body"):
            yield from self.compose_body()
        yield KeyBar()

    def compose_body(self) -> ComposeResult:
        """The screen's own widgets."""
        raise NotImplementedError

    def on_mount(self) -> None:
        self.refresh_data()
        # The console script paused the cycle collector for the start-up (tui.launch): it
        # comes back once this screen is drawn.
        self.call_after_refresh(gc.enable)

    def on_screen_resume(self) -> None:
        if self._seen_generation != self.store.generation:
            self.refresh_data()

    def active_only(self) -> bool:
        """Whether the screen shows the search in progress only, so needs none of the archived
        history (Today: its plan is the same without it, see :mod:`tui.engine.archive`)."""
        return False

    def refresh_data(self) -> None:
        """Redraw from the latest records."""
        try:
            records = self.store.active_records() if self.active_only() else self.store.records()
        except StoreError as error:
            self.nowwhat.report_store_error(error)
            return
        self._seen_generation = self.store.generation
        self.show(records, self.now())

    def show(self, records: Records, now: DateTime) -> None:
        """Set the widgets from ``records`` as of ``now``."""
        raise NotImplementedError

    def open_composer(
        self, *, opportunity: Opportunity | None = None, contact: Contact | None = None
    ) -> None:
        """Open the composer on the message that fits this opportunity or contact."""
        from ..engine.compose import situation_for
        from .composer import ComposerScreen

        situation = situation_for(
            self.store.records(), self.now(), opportunity=opportunity, contact=contact
        )
        self.app.push_screen(ComposerScreen(self.store, self.now, situation), self._after_compose)

    def _after_compose(self, sent: bool | None) -> None:
        self.nowwhat.data_changed()

    def change(
        self,
        work: Callable[..., T],
        *args: Any,
        done: Callable[[T], object] | None = None,
        **kwargs: Any,
    ) -> None:
        """Hand a change to the app's writer (off the UI thread); redraw once it is written.

        ``done`` gets the result once the change is on disk. Bad input and store or OS problems
        are shown to the person literally, one line, and change nothing.
        """
        app = self.nowwhat

        def written(result: T) -> None:
            app.data_changed()
            if done is not None:
                done(result)

        def refused(error: BaseException) -> None:
            app.data_changed()  # the screen goes back to what is on disk
            if not isinstance(error, REFUSALS):
                raise error
            self.notify(said(error), severity="error", markup=False, timeout=8)

        app.write(work, *args, done=written, failed=refused, **kwargs)

    def change_undoable(
        self,
        work: Callable[..., T],
        *args: Any,
        summary: str | Callable[[T], str],
        done: Callable[[T], object] | None = None,
        **kwargs: Any,
    ) -> None:
        """A change made with a key and no form: once written, say what it did and offer the
        undo (``u``, until the next change)."""

        def written(change: Recorded[T]) -> None:
            self.nowwhat.offer_undo(change.undo)
            if done is not None:
                done(change.result)

        self.change(recorded, self.store, summary, work, *args, done=written, **kwargs)

    def confirm_delete(self, kind: str, record_id: str) -> None:
        """Ask once, naming the record and what goes with it; then delete, with an undo."""
        from .. import actions
        from ..modals.confirm import ConfirmDialog

        try:
            planned = actions.planned_deletion(self.store.records(), kind, record_id)
        except (InvalidField, StoreError) as error:
            self.notify(said(error), severity="error", markup=False)
            return
        details = " ".join(
            part
            for part in (planned.consequences, "u undoes the delete (until your next change).")
            if part
        )

        def answered(yes: bool | None) -> None:
            if yes:
                self.change_undoable(
                    actions.delete_record,
                    self.store,
                    kind,
                    record_id,
                    summary=f"Deleted the {kind} {brief(planned.name)}",
                )

        self.app.push_screen(
            ConfirmDialog(f"Delete this {kind}?", planned.name, details, yes="Delete"), answered
        )
