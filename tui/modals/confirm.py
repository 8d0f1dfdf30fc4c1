"""Asked once before a change that cannot be seen at a glance: a delete, a frustrated send."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from ..terminal import shown

__all__ = ["ConfirmDialog"]


class ConfirmDialog(ModalScreen[bool]):
    """A question naming what it is about; dismisses with ``True`` for yes, ``False`` for no.

    ``y`` (or the yes button) says yes; ``n``, ``escape`` or the no button says no. Enter
    presses the focused button, which starts on "no": a key typed by mistake changes nothing.
    """

    CSS_PATH = "dialog.tcss"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("y", "answer(True)", "Yes", id="confirm.yes"),
        Binding("n,escape", "answer(False)", "No", id="confirm.no"),
    ]

    def __init__(
        self, question: str, subject: str, details: str = "", *, yes: str = "Yes", no: str = "No"
    ) -> None:
        super().__init__()
        self.question = question
        self.subject = subject
        self.details = details
        self.yes = yes
        self.no = no

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog", classes="confirm"):
            yield Static(Text(self.question), classes="form-title")
            yield Static(shown(self.subject, "bold"), id="confirm-subject")
            if self.details:
                yield Static(shown(self.details), id="confirm-details")
            with Horizontal(classes="form-buttons"):
                yield Button(f"{self.yes}  y", id="yes", variant="error")
                yield Button(f"{self.no}  n / esc", id="no")

    def on_mount(self) -> None:
        self.query_one("#no", Button).focus()

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "yes")

    def action_answer(self, yes: bool) -> None:
        self.dismiss(yes)
