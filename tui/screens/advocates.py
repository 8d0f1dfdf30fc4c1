"""Advocates: who can tell you what is going on inside, what you last heard, what is still open."""

from __future__ import annotations

import dataclasses
from typing import ClassVar

from pendulum import DateTime
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.widgets import DataTable, Static

from ..engine.advocates import AdvocateRow, advocates_view
from ..engine.models import Contact, Records
from ..modals.pick import PickScreen
from ..modals.records import contact_form, touch_form
from ..screens.waiting import STATE_STYLE
from ..widgets.table import RecordTable, cell
from .base import WIDTH_CLASSES, DataScreen, brief

__all__ = ["AdvocatesScreen"]

SHORT_QUESTION = {
    "Has anything changed internally?": "changed?",
    "Is the job still posted?": "posted?",
}


class AdvocatesScreen(DataScreen):
    """Advocates by company, with their intel and the waiting opportunities they can help."""

    TITLE = "Advocates"
    HORIZONTAL_BREAKPOINTS = WIDTH_CLASSES
    CSS_PATH = "advocates.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("a", "add", "Add", id="advocates.add", tooltip="Add someone as an advocate"),
        Binding(
            "c",
            "compose",
            "Compose",
            id="advocates.compose",
            tooltip="Write to the advocate: has anything changed? is the job still posted?",
        ),
        Binding(
            "e",
            "edit",
            "Edit",
            id="advocates.edit",
            tooltip="Edit the advocate: company, relation, channels, intel notes",
        ),
        Binding(
            "l",
            "log",
            "Log",
            id="advocates.log",
            tooltip="Log a check-in with the advocate, with their answers and a note",
        ),
        Binding(
            "p",
            "promote",
            "Promote",
            id="advocates.promote",
            tooltip="Make an existing contact an advocate (u undoes)",
        ),
        Binding(
            "h",
            "history",
            "History",
            id="advocates.history",
            show=False,
            tooltip="Every touch with them: correct one (enter) or delete one (x)",
        ),
        Binding(
            "x,delete",
            "delete",
            "Delete",
            id="advocates.delete",
            key_display="x",
            show=False,
            tooltip="Delete the contact (asks first; u undoes)",
        ),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.rows: list[AdvocateRow] = []
        self.records: Records | None = None

    def compose_body(self) -> ComposeResult:
        with Horizontal(id="advocates-body"):
            yield RecordTable(id="people")
            yield Static(id="intel")

    def show(self, records: Records, now: DateTime) -> None:
        self.records = records
        self.rows = advocates_view(records, now)
        wide = self.size.width >= 100
        columns = ["Name", "Company", "Last asked", "Open", "Can help with"]
        if wide:
            columns.insert(2, "Relation")
        rows = []
        for row in self.rows:
            asked = (
                "never"
                if row.days_since is None
                else ("today" if row.days_since == 0 else f"{row.days_since} d ago")
            )
            if not row.open_questions:
                open_text = "—"
            elif wide:
                open_text = ", ".join(SHORT_QUESTION.get(q, q) for q in row.open_questions)
            else:  # at 80 columns the list would be cut mid-word; the panel below lists them
                open_text = f"{len(row.open_questions)} to ask"
            cells = [
                cell(row.contact.name),
                cell(row.contact.company),
                cell(asked),
                cell(open_text, "bold" if row.open_questions else ""),
                cell(", ".join(o.company for o, _ in row.helps) or "—"),
            ]
            if wide:
                cells.insert(2, cell(row.contact.relation))
            rows.append((row.contact.id, cells))
        self.query_one(RecordTable).fill(columns, rows, keep=["Name", "Can help with"])
        if not rows:
            self.query_one("#intel", Static).update(
                Text(
                    "No advocates yet. An advocate works at (or near) a company you are waiting on "
                    "and can tell you whether anything changed. Add one with a, or promote a "
                    "contact with p."
                )
            )
        else:
            self._show_intel()

    def _selected(self) -> AdvocateRow | None:
        key = self.query_one(RecordTable).current_key
        return next((r for r in self.rows if r.contact.id == key), None)

    @on(DataTable.RowHighlighted)
    def _highlighted(self) -> None:
        self.when_settled("intel", self._show_intel)

    def _show_intel(self) -> None:
        row = self._selected()
        pane = self.query_one("#intel", Static)
        if row is None:
            pane.update("")
            return
        text = Text()
        text.append(row.contact.name, style="bold")
        if row.contact.relation:
            text.append(f" · {row.contact.relation}")
        if row.contact.company:
            text.append(f" · {row.contact.company}")
        text.append("\n")
        for channel in (row.contact.email, row.contact.phone):
            if channel:
                text.append(f"{channel}\n", style="dim")
        if row.open_questions:
            text.append("\nStill to ask\n", style="bold")
            for question in row.open_questions:
                text.append(f"  ? {question}\n")
        if row.helps:
            text.append("\nCan help with\n", style="bold")
            for opportunity, state in row.helps:
                label, style = STATE_STYLE[state]
                text.append(f"  {opportunity.company} ")
                text.append(f"({label})\n", style=style)
        if row.intel:
            text.append("\nIntel\n", style="bold")
            for note in row.intel:
                text.append(f"  {note}\n")
        pane.update(text)

    # -- actions ----------------------------------------------------------------------------------

    def action_add(self) -> None:
        self.app.push_screen(contact_form(self.store, self.now(), advocate=True), self._after_form)

    def action_log(self) -> None:
        row = self._selected()
        if row is None:
            self.notify("Choose an advocate first (or add one with a).", markup=False)
            return
        # The opportunity they can help with; none yet: the touch is with the person alone.
        self.app.push_screen(
            touch_form(
                self.store,
                self.now(),
                opportunity=row.helps[0][0] if row.helps else None,
                contact=row.contact,
                kind="advocate_ask",
                questions=True,
            ),
            self._after_form,
        )

    def action_compose(self) -> None:
        row = self._selected()
        if row is None:
            self.notify("Choose an advocate first.", markup=False)
            return
        about = row.helps[0][0] if row.helps else None
        self.open_composer(opportunity=about, contact=row.contact)

    def action_edit(self) -> None:
        row = self._selected()
        if row is None:
            self.notify("Choose an advocate first.", markup=False)
            return
        self.app.push_screen(contact_form(self.store, self.now(), row.contact), self._after_form)

    def action_promote(self) -> None:
        if self.records is None:
            return
        others = [c for c in self.records.contacts if not c.is_advocate]
        if not others:
            self.notify("Every contact is already an advocate.", markup=False)
            return
        choices = [
            (c.id, Text(f"{c.name}" + (f" · {c.company}" if c.company else "")))
            for c in sorted(others, key=lambda c: c.name.casefold())
        ]
        self.app.push_screen(PickScreen("Promote a contact to advocate", choices), self._promote)

    def _promote(self, contact_id: str | None) -> None:
        if not contact_id or self.records is None:
            return
        contact = next((c for c in self.records.contacts if c.id == contact_id), None)
        if not isinstance(contact, Contact):
            return
        promoted = dataclasses.replace(contact, tags=contact.tags | {"advocate"})
        self.change_undoable(
            self.store.put,
            promoted,
            expected=contact,
            summary=f"{brief(contact.name)} is now an advocate",
        )

    def action_history(self) -> None:
        row = self._selected()
        if row is None:
            self.notify("Choose an advocate first.", markup=False)
            return
        from ..modals.history import open_history

        open_history(
            self,
            f"Touches with {row.contact.name}",
            (),
            (t for t in self.store.records().touches if t.contact_id == row.contact.id),
            empty="Nothing logged with them yet (l logs a check-in).",
        )

    def action_delete(self) -> None:
        row = self._selected()
        if row is None:
            self.notify("Choose an advocate first.", markup=False)
            return
        self.confirm_delete("contact", row.contact.id)

    def _after_form(self, saved: bool | None) -> None:
        if saved:
            self.nowwhat.data_changed()

    def on_resize(self) -> None:
        if self.records is not None:
            self.refresh_data()
