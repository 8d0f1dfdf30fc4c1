"""Choose one record from a list, by keyboard (and, in a list of records, what to do with it)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

__all__ = ["PickActionScreen", "PickScreen"]


class PickScreen(ModalScreen[str | None]):
    """Dismisses with the chosen id, or ``None`` on escape; ``start`` is highlighted first."""

    CSS_PATH = "dialog.tcss"

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "Cancel")]

    def __init__(
        self,
        title: str,
        choices: Sequence[tuple[str, Text]],
        *,
        start: str | None = None,
        hint: str = "enter chooses · esc cancels",
    ) -> None:
        super().__init__()
        self.pick_title = title
        self.choices = list(choices)
        self.start = start
        self.hint = hint

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield Static(Text(self.pick_title), classes="form-title")
            yield OptionList(*(Option(label, id=key) for key, label in self.choices))
            yield Static(Text(self.hint), classes="form-hint")

    def on_mount(self) -> None:
        if self.start is not None:
            options = self.query_one(OptionList)
            try:
                options.highlighted = options.get_option_index(self.start)
            except Exception:  # not among the choices: the first stays highlighted
                return

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)

    def action_cancel(self) -> None:
        self.dismiss(None)


class PickActionScreen(ModalScreen[tuple[str, str] | None]):
    """A list of records; enter edits the highlighted one, ``x`` deletes it. Dismisses with
    ``("edit", id)`` or ``("delete", id)``, or ``None`` on escape."""

    CSS_PATH = "dialog.tcss"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="pick.cancel"),
        Binding("x,delete", "delete", "Delete", id="pick.delete"),
        Binding("e", "edit", "Edit", id="pick.edit"),
    ]

    def __init__(self, title: str, choices: Sequence[tuple[str, Text]]) -> None:
        super().__init__()
        self.pick_title = title
        self.choices = list(choices)

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield Static(Text(self.pick_title), classes="form-title")
            yield OptionList(*(Option(label, id=key) for key, label in self.choices))
            yield Static(
                Text("enter or e edits · x deletes (asks first) · esc closes"),
                classes="form-hint",
            )

    def _current(self) -> str | None:
        options = self.query_one(OptionList)
        if options.highlighted is None:
            return None
        return options.get_option_at_index(options.highlighted).id

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        if event.option.id is not None:
            self.dismiss(("edit", event.option.id))

    def action_edit(self) -> None:
        current = self._current()
        if current is not None:
            self.dismiss(("edit", current))

    def action_delete(self) -> None:
        current = self._current()
        if current is not None:
            self.dismiss(("delete", current))

    def action_cancel(self) -> None:
        self.dismiss(None)
