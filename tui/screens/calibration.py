"""Calibration: the feeling and the estimate after each interview, against what happened."""

from __future__ import annotations

from typing import ClassVar

from pendulum import DateTime
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.widgets import Static

from ..engine.calibration import Calibration, calibration
from ..engine.models import Records
from ..render_calibration import outcome_word, render_calibration
from ..widgets.table import RecordTable, cell
from .base import DataScreen

__all__ = ["CalibrationScreen"]


class CalibrationScreen(DataScreen):
    """The person's own history: per felt level, estimates against outcomes, the signals.

    Its own screen rather than a pane of Pipeline: Pipeline is about the search now (stages,
    this week's goals); this is a reading of the past that needs the whole height, and the
    interviews it rests on, each of whose debriefs can be opened and corrected from here.
    """

    TITLE = "Calibration"
    CSS_PATH = "calibration.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "b",
            "debrief",
            "Debrief",
            id="calibration.debrief",
            tooltip="Open the selected interview's debrief (felt, estimate, signals) to edit it",
        ),
        Binding(
            "tab",
            "app.focus_next",
            "Scroll/list",
            id="calibration.focus",
            tooltip="Move between the figures (to scroll them) and the interviews",
        ),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.report: Calibration | None = None
        self.records: Records | None = None

    def compose_body(self) -> ComposeResult:
        with VerticalScroll(id="figures"):
            yield Static(id="summary")
        yield Static(id="evidence-title", classes="intro")
        yield RecordTable(id="evidence")

    def on_mount(self) -> None:
        super().on_mount()
        self.query_one(RecordTable).focus()

    def show(self, records: Records, now: DateTime) -> None:
        self.records = records
        report = calibration(records, now)
        self.report = report
        tz = records.settings.timezone
        # The silences have their place in the Waiting room; here, the history itself.
        self.query_one("#summary", Static).update(
            render_calibration(report, side_by_side=self.size.width >= 100)
        )
        self.query_one("#evidence-title", Static).update(
            Text(
                f"The {len(report.outcomes)} interviews it rests on, latest first "
                "(b opens one's debrief):"
            )
        )
        rows = []
        for outcome in reversed(report.outcomes):
            interview = outcome.interview
            rows.append(
                (
                    interview.id,
                    [
                        cell(interview.start.in_timezone(tz).date().isoformat()),
                        cell(outcome.opportunity.company),
                        cell(interview.felt or "—"),
                        cell(f"{interview.estimate}%" if interview.estimate is not None else "—"),
                        cell(outcome_word(outcome), "" if outcome.advanced is not None else "dim"),
                        cell("done" if interview.debriefed_at else "—"),
                    ],
                )
            )
        self.query_one(RecordTable).fill(
            ["When", "Company", "Felt", "Est.", "Advanced?", "Debrief"], rows
        )

    def on_resize(self) -> None:
        if self.records is not None:
            self.refresh_data()

    def action_debrief(self) -> None:
        key = self.query_one(RecordTable).current_key
        outcome = next(
            (o for o in (self.report.outcomes if self.report else ()) if o.interview.id == key),
            None,
        )
        if outcome is None:
            self.notify("No interview to debrief yet.", markup=False)
            return
        from ..modals.debrief import DebriefForm

        form = DebriefForm(self.store, self.now, outcome.interview, outcome.opportunity.company)
        self.app.push_screen(form, self._after_form)

    def _after_form(self, saved: bool | None) -> None:
        self.nowwhat.data_changed()
