"""The footer: the screen's keys on one line, drawn by one widget."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.screen import Screen
from textual.widget import Widget

__all__ = ["KeyBar"]

Shown = tuple[tuple[str, str, bool], ...]
"""(key as displayed, description, enabled) for each key the bar shows."""

KEPT = frozenset({"help", "quit"})
"""The ids of the keys that stay in the bar however narrow it is (the screen's own go first)."""


class KeyBar(Widget, can_focus=False):
    """What Textual's Footer shows, drawn as one line: each key the screen shows (dimmed while
    it is unavailable), and the command palette's key at the right.

    Textual's Footer mounts, styles and draws a widget per key: nine of them before Today's
    first frame, about 6% of the start-up's instructions, and again whenever the keys change.
    One widget drawing one line of text costs a fraction of that. It redraws only when the
    keys it shows change (a switch back to a screen shows the same keys: nothing is redrawn).
    """

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "key-bar--key",
        "key-bar--description",
        "key-bar--separator",
    }
    DEFAULT_CSS = """
    KeyBar {
        dock: bottom;
        height: 1;
        color: $footer-foreground;
        background: $footer-background;
    }
    KeyBar > .key-bar--key {
        color: $footer-key-foreground;
        background: $footer-key-background;
        text-style: bold;
    }
    KeyBar > .key-bar--description {
        color: $footer-description-foreground;
        background: $footer-description-background;
    }
    KeyBar > .key-bar--separator {
        color: $foreground 20%;
    }
    """

    def __init__(self) -> None:
        super().__init__()
        self._shown: Shown = ()

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self._bindings_changed)

    def _bindings_changed(self, screen: Screen[object]) -> None:
        if screen is self.screen and self.shown() != self._shown:
            self.refresh()

    def shown(self) -> Shown:
        """The keys the bar shows now, in order (help and quit last); the command palette's
        key is not among them."""
        seen: set[str] = set()
        keys: list[tuple[str, str, bool]] = []
        kept: list[tuple[str, str, bool]] = []
        for _node, binding, enabled, _tooltip in self.screen.active_bindings.values():
            if not binding.show or binding.action in seen:
                continue  # like the Footer: one key per action
            seen.add(binding.action)
            key = (self.app.get_key_display(binding), binding.description, enabled)
            (kept if binding.id in KEPT else keys).append(key)
        return (*keys, *kept)

    def _kept(self) -> int:
        """How many of the last keys shown are kept whatever the width."""
        return sum(
            1
            for _node, binding, _enabled, _tooltip in self.screen.active_bindings.values()
            if binding.show and binding.id in KEPT
        )

    def _palette(self) -> Text:
        """The command palette's key, for the right end of the bar (empty without a palette)."""
        app = self.app
        found = self.screen.active_bindings.get(app.COMMAND_PALETTE_BINDING)
        if not app.ENABLE_COMMAND_PALETTE or found is None:
            return Text()
        binding = found[1]
        return Text.assemble(
            ("▏", self.get_component_rich_style("key-bar--separator")),
            (app.get_key_display(binding), self.get_component_rich_style("key-bar--key")),
            (f" {binding.description} ", self.get_component_rich_style("key-bar--description")),
        )

    def render(self) -> Text:
        self._shown = self.shown()
        key_style = self.get_component_rich_style("key-bar--key")
        description_style = self.get_component_rich_style("key-bar--description")

        def piece(key: str, description: str, enabled: bool) -> Text:
            text = Text.assemble((f" {key} ", key_style), (description, description_style), " ")
            if not enabled:
                text.stylize("dim")
            return text

        kept_count = min(self._kept(), len(self._shown))
        own = self._shown[: len(self._shown) - kept_count]
        kept = Text(no_wrap=True, end="")
        for key in self._shown[len(own) :]:
            kept.append_text(piece(*key))
        palette = self._palette()
        room = self.size.width - palette.cell_len - kept.cell_len
        line = Text(no_wrap=True, end="")
        for number, key in enumerate(own):
            text = piece(*key)
            # Whole keys only; "…" says some did not fit (the palette lists every action).
            more = number < len(own) - 1
            if line.cell_len + text.cell_len + (2 if more else 0) > room:
                line.append("… ", description_style)
                break
            line.append_text(text)
        line.append_text(kept)
        line.rstrip()  # the last description's padding may sit under the palette's separator
        line.pad_right(max(self.size.width - palette.cell_len - line.cell_len, 0))
        return line + palette
