"""Help: every key of the screen it was opened from, and the keys that work everywhere."""

from __future__ import annotations

from typing import ClassVar

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen, Screen
from textual.widgets import Static

__all__ = ["HelpScreen"]

CLOSE_HINT = "↑ ↓ PgUp PgDn scroll · esc, ? or q closes"
"""Said at the top, where it is seen before any scrolling is needed."""

EVERYWHERE = (
    ("1 … 7", "Today, Waiting room, Advocates, Network, Pipeline, Calibration, Inbox"),
    ("u", "undo the last change made with a key (a delete, done, snooze, stage…)"),
    ("ctrl+p", "command palette: every action of every screen, by name"),
    ("tab", "move between parts of the screen (shift+tab: back)"),
    ("?", "this help"),
    ("q", "quit (everything is already saved)"),
)
IN_FORMS = (
    ("ctrl+s", "save (or enter on the last field)"),
    ("escape", "cancel: nothing is saved (the debrief: close, its answers are kept)"),
    ("→", "take the suggested company or name"),
    ("dates", "2026-12-01, 2026-12-01 14:00, today, tomorrow, mon…sun, +3d, +2w"),
    ("", "for something that happened (a touch), mon is last Monday"),
)
KEY_WORDS = {
    "space": "space",
    "question_mark": "?",
    "left_square_bracket": "[",
    "right_square_bracket": "]",
    "escape": "esc",
}


def _key(binding: Binding) -> str:
    if binding.key_display:
        return binding.key_display
    first = binding.key.split(",")[0]
    return KEY_WORDS.get(first, first)


class HelpScreen(ModalScreen[None]):
    """A modal table of keys; any of escape, ? or q closes it, the arrows scroll it."""

    CSS_PATH = "../modals/dialog.tcss"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,question_mark,q", "close", "Close"),
    ]

    def __init__(self, screen: Screen[object]) -> None:
        super().__init__()
        self.source = screen

    def compose(self) -> ComposeResult:
        table = Table(box=None, show_header=False, padding=(0, 2, 0, 0), expand=True)
        table.add_column(style="bold", no_wrap=True, min_width=6)
        table.add_column(ratio=1)
        title = getattr(self.source, "TITLE", None) or "This screen"
        table.add_row(Text(title, style="bold underline"), "")
        for binding in getattr(self.source, "BINDINGS", []):
            if isinstance(binding, Binding):
                table.add_row(_key(binding), binding.tooltip or binding.description)
        for heading, rows in (("Everywhere", EVERYWHERE), ("In forms", IN_FORMS)):
            table.add_row("", "")
            table.add_row(Text(heading, style="bold underline"), "")
            for key, text in rows:
                table.add_row(key, text)
        with Vertical(id="dialog", classes="help"):
            yield Static(Text(CLOSE_HINT), classes="form-hint help-hint")
            with VerticalScroll(id="help-keys"):
                yield Static(table)

    def on_mount(self) -> None:
        self.query_one("#help-keys").focus()  # the arrows scroll from the start

    def action_close(self) -> None:
        self.dismiss(None)
