"""Asked when a record changed in another session while it was being edited here."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Static

__all__ = ["ConflictDialog"]


class ConflictDialog(ModalScreen[str | None]):
    """Reload theirs, keep mine, or go back to the form: never overwrite silently."""

    CSS_PATH = "dialog.tcss"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("r", "choose('reload')", "Reload theirs"),
        Binding("k", "choose('keep')", "Keep mine"),
        Binding("escape", "choose('back')", "Back to the form"),
    ]

    def __init__(self, message: str) -> None:
        super().__init__()
        self.message = message

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield Static(Text("Changed in another session"), classes="form-title")
            yield Static(Text(self.message))
            yield Static(
                Text(
                    "Reload: discard your edits and show theirs. Keep mine: save yours over theirs."
                )
            )
            with Horizontal(classes="form-buttons"):
                yield Button("Reload theirs  r", id="reload")
                yield Button("Keep mine  k", id="keep", variant="warning")
                yield Button("Back  esc", id="back")

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id)

    def action_choose(self, choice: str) -> None:
        self.dismiss(choice)
