"""A DataTable that is refilled from records without losing the cursor, shows text literally,
and fits its width: every column stays in view, the longest values ending in "…"."""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text
from textual import events
from textual.widgets import DataTable

from ..terminal import shown

__all__ = ["RecordTable", "cell", "fit_widths"]

MIN_COLUMN = 6
"""No column is cut narrower than this (or its heading, if that is shorter)."""

Rows = Sequence[tuple[str, Sequence[Text]]]


def cell(value: object, style: str = "") -> Text:
    """A table cell that is never read as markup (``[bold]Eve[/]`` stays ``[bold]Eve[/]``) and
    shows a control character instead of obeying it."""
    return shown(value, style)


def fit_widths(
    widths: Sequence[int], floors: Sequence[int], room: int, keep: Sequence[int] = ()
) -> list[int]:
    """Column widths that fit in ``room``: the widest column gives up a character at a time,
    none below its floor, the columns in ``keep`` only once no other can give. (If even the
    floors do not fit, the table scrolls sideways.)"""
    fitted = list(widths)
    while sum(fitted) > room:
        candidates = [n for n, w in enumerate(fitted) if w > floors[n] and n not in keep]
        if not candidates:
            candidates = [n for n, w in enumerate(fitted) if w > floors[n]]
        if not candidates:
            break
        widest = max(candidates, key=lambda n: (fitted[n], -n))
        fitted[widest] -= 1
    return fitted


def _cut(text: Text, width: int) -> Text:
    if text.cell_len <= width:
        return text
    cut = text.copy()
    cut.truncate(width, overflow="ellipsis")
    return cut


class RecordTable(DataTable[Text]):
    """Rows keyed by record id; :meth:`fill` keeps the cursor on the same record."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, cursor_type="row", zebra_stripes=True)
        self._columns: tuple[str, ...] = ()
        self._widths: tuple[int, ...] = ()
        self._source: tuple[list[str], list[tuple[str, Sequence[Text]]]] = ([], [])
        self._keep: frozenset[str] = frozenset()
        self._fitted_to = 0

    def fill(self, columns: Sequence[str], rows: Rows, *, keep: Sequence[str] = ()) -> None:
        """Show ``rows`` (record id, cells) under ``columns``; the cursor stays on its record.

        The columns named in ``keep`` are cut last, when the others are at their narrowest.
        """
        self._source = (list(columns), list(rows))
        self._keep = frozenset(keep)
        self._show()

    def _room(self) -> int:
        """Characters the cells may take: the width, less the padding and a scrollbar."""
        width = self.size.width or self.app.size.width  # before the first layout: the app's
        columns = len(self._source[0])
        return width - 2 * self.cell_padding * columns - 2

    def _show(self) -> None:
        columns, rows = self._source
        current = self.current_key
        widths = [
            max([len(name), *(cells[n].cell_len for _, cells in rows)])
            for n, name in enumerate(columns)
        ]
        # A column may be cut down to its heading (or MIN_COLUMN), never below.
        floors = [min(widths[n], max(MIN_COLUMN, len(name))) for n, name in enumerate(columns)]
        room = self._room()
        keep = [n for n, name in enumerate(columns) if name in self._keep]
        fitted = fit_widths(widths, floors, room, keep)
        self._fitted_to = room
        if tuple(columns) != self._columns or tuple(fitted) != self._widths:
            self.clear(columns=True)
            for name, width in zip(columns, fitted, strict=True):
                self.add_column(name, width=width)
            self._columns = tuple(columns)
            self._widths = tuple(fitted)
        else:
            self.clear()
        for key, cells in rows:
            self.add_row(*(_cut(c, w) for c, w in zip(cells, fitted, strict=True)), key=key)
        if current is not None and current in {key for key, _ in rows}:
            self.move_cursor(row=self.get_row_index(current))

    def on_resize(self, event: events.Resize) -> None:
        if self._source[0] and self._room() != self._fitted_to:
            self._show()

    @property
    def current_key(self) -> str | None:
        """The record id under the cursor."""
        if not self.row_count:
            return None
        try:
            key = self.coordinate_to_cell_key(self.cursor_coordinate).row_key
        except Exception:  # the cursor can point past the rows while they are replaced
            return None
        return str(key.value) if key.value is not None else None
