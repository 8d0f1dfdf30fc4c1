"""Pipeline: every opportunity by stage, and this week's progress against the weekly goals."""

from __future__ import annotations

from typing import ClassVar

from pendulum import DateTime
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.widgets import Static

from .. import actions
from ..engine.models import Opportunity, Records
from ..engine.pipeline import pipeline_view
from ..engine.when import short_day
from ..modals.records import opportunity_form
from ..modals.stage import IN_HAND, stage_picker, stage_words
from ..widgets.table import RecordTable, cell
from .base import DataScreen, brief

__all__ = ["PipelineScreen", "change_stage"]

EMPTY = (
    "No opportunities yet. Every job you are pursuing goes here, by stage: applied, "
    "interviewing, offer… Add one with a (an interview added in the Waiting room, with i, "
    "brings its opportunity too). The goals above count this week's applications and calls."
)


WIDE = 100
"""From this width the table has room for every column."""


def _bar(done: int, goal: int, width: int = 20) -> str:
    filled = 0 if goal == 0 else min(width, round(width * done / goal))
    return "█" * filled + "·" * (width - filled)


def change_stage(screen: DataScreen, opportunity: Opportunity) -> None:
    """Ask for the stage (the current one marked), then move the opportunity, with an undo."""

    def chosen(choice: str | None) -> None:
        if choice is None:
            return
        stage, in_hand = ("offer", True) if choice == IN_HAND else (choice, False)
        if (stage, in_hand) == (opportunity.stage, opportunity.offer_in_hand):
            return
        screen.change_undoable(
            actions.set_stage,
            screen.store,
            screen.now(),
            opportunity.id,
            stage,
            in_hand=in_hand,
            summary=lambda changed: (
                f"{brief(actions.describe_opportunity(changed))}: {stage_words(changed)}"
            ),
        )

    screen.app.push_screen(stage_picker(opportunity), chosen)


class PipelineScreen(DataScreen):
    """All opportunities, active ones first, and the week's applications and calls."""

    TITLE = "Pipeline"
    CSS_PATH = "lists.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("a", "add", "Add", id="pipeline.add", tooltip="Add an opportunity"),
        Binding(
            "e",
            "edit",
            "Edit",
            id="pipeline.edit",
            tooltip="Edit the opportunity: company, role, stage, posting URL, notes",
        ),
        Binding(
            "g",
            "stage",
            "Stage",
            id="pipeline.stage",
            tooltip="Move it to another stage: offer, offer in hand, rejected, withdrawn, closed…",
        ),
        Binding(
            "x,delete",
            "delete",
            "Delete",
            id="pipeline.delete",
            key_display="x",
            tooltip="Delete the opportunity with its interviews and touches (asks first; u undoes)",
        ),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.records: Records | None = None

    def compose_body(self) -> ComposeResult:
        yield Static(id="goals", classes="intro")
        yield RecordTable(id="opportunities")
        yield Static(Text(EMPTY), id="empty", classes="detail")

    def show(self, records: Records, now: DateTime) -> None:
        self.records = records
        pipeline = pipeline_view(records, now)
        tz = records.settings.timezone
        goals = Text()
        for number, goal in enumerate(pipeline.goals):
            if number:
                goals.append("\n")
            goals.append(f"{goal.noun:<17} {goal.done:>2}/{goal.goal:<3} ")
            goals.append(_bar(goal.done, goal.goal), style="bold")
            goals.append(f"  {goal.pace} by tonight to keep pace")
        goals.append(f"\nactive opportunities: {pipeline.active}")
        self.query_one("#goals", Static).update(goals)
        columns = ["Company", "Role", "Stage", "Applied", "Interviews", "Last touch"]
        if self.size.width < WIDE:  # names stay whole: the last touch is the first to go
            columns.remove("Last touch")
        rows = []
        for row in pipeline.rows:
            opportunity = row.opportunity
            last = short_day(row.last_touch.in_timezone(tz).date()) if row.last_touch else "—"
            cells = {
                "Company": cell(opportunity.company),
                "Role": cell(opportunity.role),
                "Stage": cell(
                    stage_words(opportunity), "bold" if opportunity.offer_in_hand else ""
                ),
                "Applied": cell(
                    short_day(opportunity.applied_on) if opportunity.applied_on else "—"
                ),
                "Interviews": cell(str(row.interviews)),
                "Last touch": cell(last),
            }
            rows.append((opportunity.id, [cells[c] for c in columns]))
        table = self.query_one(RecordTable)
        table.fill(columns, rows)
        table.display = bool(rows)
        self.query_one("#empty").display = not rows

    def _selected(self) -> Opportunity | None:
        key = self.query_one(RecordTable).current_key
        records = self.records
        found = next((o for o in records.opportunities if o.id == key), None) if records else None
        if found is None:
            self.notify("Choose an opportunity first (a adds one).", markup=False)
        return found

    def action_add(self) -> None:
        self.app.push_screen(opportunity_form(self.store, self.now()), self._after_form)

    def action_edit(self) -> None:
        opportunity = self._selected()
        if opportunity is not None:
            self.app.push_screen(
                opportunity_form(self.store, self.now(), opportunity), self._after_form
            )

    def action_stage(self) -> None:
        opportunity = self._selected()
        if opportunity is not None:
            change_stage(self, opportunity)

    def action_delete(self) -> None:
        opportunity = self._selected()
        if opportunity is not None:
            self.confirm_delete("opportunity", opportunity.id)

    def _after_form(self, saved: bool | None) -> None:
        if saved:
            self.nowwhat.data_changed()

    def on_resize(self) -> None:
        if self.records is not None:
            self.refresh_data()
