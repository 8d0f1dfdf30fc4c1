"""A DataTable that is refilled from records without losing the cursor, and shows text literally."""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text
from textual.widgets import DataTable

from ..terminal import shown

__all__ = ["RecordTable", "cell"]


def cell(value: object, style: str = "") -> Text:
    """A table cell that is never read as markup (``[bold]Eve[/]`` stays ``[bold]Eve[/]``) and
    shows a control character instead of obeying it."""
    return shown(value, style)


class RecordTable(DataTable[Text]):
    """Rows keyed by record id; :meth:`fill` keeps the cursor on the same record."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, cursor_type="row", zebra_stripes=True)
        self._columns: tuple[str, ...] = ()

    def fill(self, columns: Sequence[str], rows: Sequence[tuple[str, Sequence[Text]]]) -> None:
        """Show ``rows`` (record id, cells) under ``columns``; the cursor stays on its record."""
        current = self.current_key
        if tuple(columns) != self._columns:
            self.clear(columns=True)
            self.add_columns(*columns)
            self._columns = tuple(columns)
        else:
            self.clear()
        for key, cells in rows:
            self.add_row(*cells, key=key)
        if current is not None and current in {key for key, _ in rows}:
            self.move_cursor(row=self.get_row_index(current))

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
