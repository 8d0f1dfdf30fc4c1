"""Text fields that clean what is pasted into them: no control character reaches a record."""

from __future__ import annotations

from textual import events
from textual.widgets import Input, TextArea

from ..engine.text import clean

__all__ = ["CleanInput", "CleanTextArea"]


class CleanInput(Input):
    """An ``Input`` whose pastes lose control characters (tabs and line breaks become spaces).

    A paste may carry anything: an ESC from a terminal's scrollback, a bidi override from a web
    page. The record's checks would refuse it on save; cleaning it on the way in keeps the field
    saveable and shows the person what will be stored.
    """

    def _on_paste(self, event: events.Paste) -> None:
        event.prevent_default()  # instead of Input's own paste, which keeps the first line raw
        event.stop()
        text = clean(event.text).strip("\n")
        if not text:
            return
        selection = self.selection
        if selection.is_empty:
            self.insert_text_at_cursor(text)
        else:
            self.replace(text, *selection)


class CleanTextArea(TextArea):
    """A ``TextArea`` (the composer's draft) whose pastes keep line breaks and lose controls."""

    async def _on_paste(self, event: events.Paste) -> None:
        event.prevent_default()
        event.stop()
        if self.read_only:
            return
        result = self._replace_via_keyboard(clean(event.text, multiline=True), *self.selection)
        if result:
            self.move_cursor(result.end_location)
            self.focus()
