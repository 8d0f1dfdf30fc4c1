"""Core network: the people who should hear how each interview went, stale ones first."""

from __future__ import annotations

from typing import ClassVar

from pendulum import DateTime
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.widgets import Static

from ..engine.models import Records
from ..engine.network import NetworkRow, network_view
from ..engine.when import short_day
from ..modals.records import contact_form, touch_form
from ..widgets.table import RecordTable, cell
from .base import DataScreen

__all__ = ["NetworkScreen"]

WIDE = 100
"""From this width the table has room for every column."""


class NetworkScreen(DataScreen):
    """Core contacts with their last update; ``l`` logs that you updated the selected one."""

    TITLE = "Network"
    CSS_PATH = "lists.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "l",
            "update",
            "Log update",
            id="network.update",
            tooltip="Log that you told this contact how your search is going (a form: when, note)",
        ),
        Binding("a", "add", "Add", id="network.add", tooltip="Add someone to your core network"),
        Binding("e", "edit", "Edit", id="network.edit", tooltip="Edit the contact"),
        Binding(
            "c",
            "compose",
            "Compose",
            id="network.compose",
            tooltip="Write the update: how the latest interview went, the skills it showed",
        ),
        Binding(
            "h",
            "history",
            "History",
            id="network.history",
            show=False,
            tooltip="Every touch with them: correct one (enter) or delete one (x)",
        ),
        Binding(
            "x,delete",
            "delete",
            "Delete",
            id="network.delete",
            key_display="x",
            show=False,
            tooltip="Delete the contact (asks first; u undoes)",
        ),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.rows: list[NetworkRow] = []

    def compose_body(self) -> ComposeResult:
        yield Static(
            Text(
                "Your core network keeps you on their radar when they know how each "
                "interview went and which skills it showed."
            ),
            classes="intro",
        )
        yield RecordTable(id="core")
        yield Static(id="suggestion", classes="detail")

    def show(self, records: Records, now: DateTime) -> None:
        self.rows = network_view(records, now)
        tz = records.settings.timezone
        table = self.query_one(RecordTable)
        columns = ["Name", "Company", "Relation", "Last update", "Since", "Status"]
        if self.size.width < WIDE:  # the relation is the first to go, never the status
            columns.remove("Relation")
        rows = []
        for row in self.rows:
            last = short_day(row.last_touch.in_timezone(tz).date()) if row.last_touch else "never"
            since = "—" if row.days_since is None else f"{row.days_since} d"
            status = cell("update due", "bold yellow") if row.update_due else cell("up to date")
            cells = {
                "Name": cell(row.contact.name),
                "Company": cell(row.contact.company),
                "Relation": cell(row.contact.relation),
                "Last update": cell(last),
                "Since": cell(since),
                "Status": status,
            }
            rows.append((row.contact.id, [cells[c] for c in columns]))
        table.fill(columns, rows, keep=["Status"])
        suggestion = self.query_one("#suggestion", Static)
        due = [r for r in self.rows if r.update_due]
        if not self.rows:
            suggestion.update(
                Text(
                    "No core contacts yet: add the few people who should hear how "
                    "your search is going (a)."
                )
            )
        elif due:
            item = due[0].update_due
            assert item is not None
            suggestion.update(Text(f"Next: {item.title}"))
        else:
            suggestion.update(Text("Everyone is up to date."))

    def action_update(self) -> None:
        """A form (when, a note) for the update, to the selected person: nothing is logged
        until it is saved."""
        key = self.query_one(RecordTable).current_key
        row = next((r for r in self.rows if r.contact.id == key), None)
        if row is None:
            self.notify("Choose a contact first.", markup=False)
            return
        self.app.push_screen(
            touch_form(self.store, self.now(), contact=row.contact, kind="network_update"),
            self._after_form,
        )

    def action_history(self) -> None:
        key = self.query_one(RecordTable).current_key
        row = next((r for r in self.rows if r.contact.id == key), None)
        if row is None:
            self.notify("Choose a contact first.", markup=False)
            return
        from ..modals.history import open_history

        open_history(
            self,
            f"Touches with {row.contact.name}",
            (),
            (t for t in self.store.records().touches if t.contact_id == row.contact.id),
            empty="Nothing logged with them yet (l logs an update).",
        )

    def action_delete(self) -> None:
        key = self.query_one(RecordTable).current_key
        row = next((r for r in self.rows if r.contact.id == key), None)
        if row is None:
            self.notify("Choose a contact first.", markup=False)
            return
        self.confirm_delete("contact", row.contact.id)

    def action_compose(self) -> None:
        key = self.query_one(RecordTable).current_key
        row = next((r for r in self.rows if r.contact.id == key), None)
        if row is None:
            self.notify("Choose a contact first.", markup=False)
            return
        self.open_composer(contact=row.contact)

    def action_edit(self) -> None:
        key = self.query_one(RecordTable).current_key
        row = next((r for r in self.rows if r.contact.id == key), None)
        if row is None:
            self.notify("Choose a contact first.", markup=False)
            return
        self.app.push_screen(contact_form(self.store, self.now(), row.contact), self._after_form)

    def action_add(self) -> None:
        self.app.push_screen(contact_form(self.store, self.now(), core=True), self._after_form)

    def _after_form(self, saved: bool | None) -> None:
        if saved:
            self.nowwhat.data_changed()

    def on_resize(self) -> None:
        self.refresh_data()
