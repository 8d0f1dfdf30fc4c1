"""Pipeline: every opportunity by stage, and this week's progress against the weekly goals."""

from __future__ import annotations

from typing import ClassVar

from pendulum import DateTime
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.widgets import Static

from ..engine.models import Records
from ..engine.pipeline import pipeline_view
from ..engine.when import short_day
from ..modals.records import opportunity_form
from ..widgets.table import RecordTable, cell
from .base import DataScreen

__all__ = ["PipelineScreen"]


def _bar(done: int, goal: int, width: int = 20) -> str:
    filled = 0 if goal == 0 else min(width, round(width * done / goal))
    return "█" * filled + "·" * (width - filled)


class PipelineScreen(DataScreen):
    """All opportunities, active ones first, and the week's applications and calls."""

    TITLE = "Pipeline"
    CSS_PATH = "lists.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("a", "add", "Add opportunity", id="pipeline.add"),
    ]

    def compose_body(self) -> ComposeResult:
        yield Static(id="goals", classes="intro")
        yield RecordTable(id="opportunities")

    def show(self, records: Records, now: DateTime) -> None:
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
        rows = []
        for row in pipeline.rows:
            opportunity = row.opportunity
            last = short_day(row.last_touch.in_timezone(tz).date()) if row.last_touch else "—"
            stage = opportunity.stage + (" · offer in hand" if opportunity.offer_in_hand else "")
            rows.append(
                (
                    opportunity.id,
                    [
                        cell(opportunity.company),
                        cell(opportunity.role),
                        cell(stage, "" if opportunity.active else "dim"),
                        cell(short_day(opportunity.applied_on) if opportunity.applied_on else "—"),
                        cell(str(row.interviews)),
                        cell(last),
                    ],
                )
            )
        self.query_one(RecordTable).fill(
            ["Company", "Role", "Stage", "Applied", "Interviews", "Last touch"], rows
        )

    def action_add(self) -> None:
        self.app.push_screen(opportunity_form(self.store, self.now()), self._after_form)

    def _after_form(self, saved: bool | None) -> None:
        if saved:
            self.nowwhat.data_changed()
