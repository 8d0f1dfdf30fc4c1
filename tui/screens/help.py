"""Help: every key of the screen it was opened from, and the keys that work everywhere."""

from __future__ import annotations

from typing import ClassVar

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import ModalScreen, Screen
from textual.widgets import Static

__all__ = ["HelpScreen"]


def _key(binding: Binding) -> str:
    if binding.key_display:
        return binding.key_display
    return {
        "space": "space",
        "question_mark": "?",
        "left_square_bracket": "[",
        "right_square_bracket": "]",
    }.get(binding.key, binding.key)


class HelpScreen(ModalScreen[None]):
    """A modal table of keys; any of escape, ? or q closes it."""

    CSS_PATH = "../modals/dialog.tcss"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,question_mark,q", "close", "Close"),
    ]

    def __init__(self, screen: Screen[object]) -> None:
        super().__init__()
        self.source = screen

    def compose(self) -> ComposeResult:
        table = Table(box=None, show_header=False, padding=(0, 2, 0, 0))
        table.add_column(style="bold")
        table.add_column()
        title = getattr(self.source, "TITLE", None) or "This screen"
        table.add_row(Text(title, style="bold underline"), "")
        for binding in getattr(self.source, "BINDINGS", []):
            if isinstance(binding, Binding):
                table.add_row(_key(binding), binding.tooltip or binding.description)
        table.add_row("", "")
        table.add_row(Text("Everywhere", style="bold underline"), "")
        for key, text in (
            ("1 … 7", "Today, Waiting room, Advocates, Network, Pipeline, Calibration, Inbox"),
            ("ctrl+p", "command palette: every action of every screen, by name"),
            ("tab / shift+tab", "move between parts of the screen"),
            ("?", "this help"),
            ("q", "quit (everything is already saved)"),
        ):
            table.add_row(key, text)
        table.add_row("", "")
        table.add_row(Text("In forms", style="bold underline"), "")
        for key, text in (
            ("ctrl+s", "save (or enter on the last field)"),
            ("escape", "cancel: nothing is saved (the debrief: close, its answers are kept)"),
            ("dates", "2026-12-01, 2026-12-01 14:00, today, tomorrow, mon…sun, +3d, +2w"),
        ):
            table.add_row(key, text)
        with VerticalScroll(id="dialog"):
            yield Static(table)
            yield Static(Text("esc closes"), classes="form-hint")

    def action_close(self) -> None:
        self.dismiss(None)
