"""The Textual application: built by one factory for the CLI, the tests and the screenshots."""

from __future__ import annotations

from typing import ClassVar

from pendulum import DateTime
from rich.text import Text
from textual.app import App, ComposeResult
from textual.widgets import DataTable, Footer, Header, TabbedContent, TabPane

from .store import Store

__all__ = ["NowwhatApp", "build_app", "run_app"]

_COLUMNS = {
    "opportunities": ("company", "role", "stage"),
    "interviews": ("opportunity_id", "start", "felt", "promised_by"),
    "contacts": ("name", "company", "tags"),
    "touches": ("kind", "at", "opportunity_id", "contact_id"),
    "tasks": ("title", "kind", "due", "status"),
}


class NowwhatApp(App[int]):
    """What the database holds, table by table (the dashboard screens replace this)."""

    TITLE = "nowwhat"
    BINDINGS: ClassVar = [("q", "quit", "Quit")]

    def __init__(self, store: Store, now: DateTime) -> None:
        super().__init__()
        self.store = store
        self.now = now

    def compose(self) -> ComposeResult:
        yield Header()
        records = self.store.records()
        with TabbedContent():
            for table, columns in _COLUMNS.items():
                with TabPane(table.capitalize(), id=table):
                    grid: DataTable[Text] = DataTable(zebra_stripes=True)
                    grid.add_columns(*columns)
                    for record in getattr(records, table):
                        grid.add_row(*(Text(_cell(getattr(record, c))) for c in columns))
                    yield grid
        yield Footer()


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, frozenset | tuple):
        return ", ".join(sorted(str(v) for v in value))
    return str(value)


def build_app(store: Store, now: DateTime) -> NowwhatApp:
    """The app on ``store`` with ``now`` as the moment it starts at."""
    return NowwhatApp(store, now)


def run_app(store: Store, now: DateTime, *, fixed_now: bool = False) -> int:
    """Run the app in this terminal; return its exit code."""
    build_app(store, now).run()
    return 0
