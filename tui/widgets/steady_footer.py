"""Textual's Footer, rebuilt only when the keys it shows change."""

from __future__ import annotations

from textual.screen import Screen
from textual.widgets import Footer

__all__ = ["SteadyFooter"]

Shown = tuple[tuple[str, str, str, bool], ...]


class SteadyFooter(Footer):
    """A Footer that skips the rebuild when a screen switch or focus move changes nothing.

    Textual's Footer recomposes all its keys (about 16 widgets, each restyled) whenever the
    screen's bindings are updated, which happens several times on every screen switch even
    though the same keys come back. That rebuild was most of the cost of switching screens.
    """

    def __init__(self) -> None:
        super().__init__()
        self._shown: Shown | None = None

    def _keys_shown(self, screen: Screen[object]) -> Shown:
        return tuple(
            (binding.key, binding.action, binding.description, enabled)
            for (_, binding, enabled, _) in screen.active_bindings.values()
            if binding.show or binding.key == self.app.COMMAND_PALETTE_BINDING
        )

    def bindings_changed(self, screen: Screen[object]) -> None:
        if self.is_attached and screen is self.screen and screen.app.app_focus:
            shown = self._keys_shown(screen)
            if self._bindings_ready and shown == self._shown:
                return
            self._shown = shown  # Footer.bindings_changed rebuilds from exactly these
        super().bindings_changed(screen)
