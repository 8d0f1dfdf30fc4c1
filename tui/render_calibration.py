"""The calibration as Rich renderables: one rendering for ``nowwhat calibration`` and the screen.

Counts are shown as counts ("1 of 4"), never as a percentage of a handful; the Brier score
always says how many interviews it rests on. User text (company names, the person's own
signal labels) goes into ``Text`` objects, never markup.
"""

from __future__ import annotations

from collections.abc import Sequence

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from .engine.calibration import Calibration, Outcome
from .engine.silence import SilenceNote
from .terminal import shown

__all__ = [
    "brier_line",
    "interviews_table",
    "outcome_word",
    "render_calibration",
    "silence_lines",
]


def _of(part: int, whole: int) -> str:
    return f"{part} of {whole}" if whole else "—"


def _heading(text: str) -> Text:
    return Text(text, style="bold")


def _felt_table(report: Calibration) -> Table:
    table = Table(box=None, pad_edge=False, show_edge=False, padding=(0, 2, 0, 0))
    table.add_column("felt")
    table.add_column("with an outcome", justify="right")
    table.add_column("advanced", justify="right")
    table.add_column("still open", justify="right")
    for row in report.felt:
        table.add_row(
            row.felt, str(row.interviews), _of(row.advanced, row.interviews), str(row.open)
        )
    return table


def _band_table(report: Calibration) -> Table:
    table = Table(box=None, pad_edge=False, show_edge=False, padding=(0, 2, 0, 0))
    table.add_column("you said")
    table.add_column("interviews", justify="right")
    table.add_column("on average", justify="right")
    table.add_column("advanced", justify="right")
    for band in report.bands:
        mean = band.mean_estimate
        table.add_row(
            f"{band.low}-{band.high}%",
            str(band.interviews),
            f"{mean:.0f}%" if mean is not None else "—",
            _of(band.advanced, band.interviews),
        )
    return table


def brier_line(report: Calibration) -> Text:
    """The Brier score with the number it rests on (or why there is none)."""
    if report.brier is None:
        return Text("Brier score: none yet (no interview has both an estimate and an outcome).")
    noun = "interview" if report.brier_n == 1 else "interviews"
    return Text(
        f"Brier score {report.brier:.2f} from {report.brier_n} {noun} "
        "(0 is perfect; always saying 50% scores 0.25)."
    )


def _signal_table(report: Calibration) -> Table:
    table = Table(box=None, pad_edge=False, show_edge=False, padding=(0, 2, 0, 0))
    table.add_column("signal", ratio=3)
    table.add_column("with it: advanced", justify="right", no_wrap=True)
    table.add_column("without", justify="right", no_wrap=True)
    table.add_column("so far", ratio=2)
    for row in report.signals:
        table.add_row(
            shown(row.signal),
            _of(row.with_advanced, row.with_n),
            _of(row.without_advanced, row.without_n),
            Text(row.verdict or "too few to say", style="" if row.verdict else "dim"),
        )
    return table


def silence_lines(silences: Sequence[tuple[str, SilenceNote]]) -> list[Text]:
    """One line per waiting opportunity: its silence against the person's own answers."""
    lines = []
    for company, note in silences:
        line = shown(company, "bold")
        line.append(": ")
        line.append(note.sentence)
        lines.append(line)
    return lines


def outcome_word(outcome: Outcome) -> str:
    """``yes: next round``, ``no: gone quiet``, ``open``: did the interview lead further?"""
    if outcome.advanced is None:
        return "withdrawn" if outcome.because == "withdrawn" else "open"
    return f"{'yes' if outcome.advanced else 'no'}: {outcome.because}"


def interviews_table(report: Calibration, tz: str) -> Table:
    """The interviews the figures rest on, with the ids ``nowwhat debrief`` takes."""
    table = Table(box=None, pad_edge=False, show_edge=False, padding=(0, 1, 0, 0))
    table.add_column("when", no_wrap=True)
    table.add_column("company", ratio=1)
    table.add_column("felt", no_wrap=True)
    table.add_column("est.", justify="right", no_wrap=True)
    table.add_column("advanced?", ratio=1)
    table.add_column("id", no_wrap=True, style="dim")
    for outcome in reversed(report.outcomes):
        interview = outcome.interview
        table.add_row(
            interview.start.in_timezone(tz).date().isoformat(),
            shown(outcome.opportunity.company),
            interview.felt or "—",
            f"{interview.estimate}%" if interview.estimate is not None else "—",
            outcome_word(outcome),
            interview.id,
        )
    return table


def render_calibration(
    report: Calibration,
    silences: Sequence[tuple[str, SilenceNote]] = (),
    tz: str | None = None,
    *,
    side_by_side: bool = False,
) -> RenderableType:
    """Feeling, estimates, signals, what cannot be said yet, and the silences in proportion.

    ``side_by_side`` puts the feeling and the estimates next to each other (a wide screen).
    """
    open_count = len(report.outcomes) - report.decided
    felt: list[RenderableType] = [
        _heading(
            f"How it felt, and what came of it ({report.decided} with an outcome, "
            f"{open_count} open)"
        ),
        _felt_table(report),
    ]
    estimates: list[RenderableType] = [
        _heading(f"Your estimates against the outcomes ({report.brier_n} with both)"),
        _band_table(report),
    ]
    parts: list[RenderableType]
    if side_by_side:
        grid = Table.grid(padding=(0, 4))
        grid.add_row(Group(*felt), Group(*estimates))
        parts = [grid, brier_line(report)]
    else:
        parts = [*felt, Text(""), *estimates, brier_line(report)]
    parts += [
        Text(""),
        _heading(
            f"Signals (judged once {report.minimum} finished debriefs had one and "
            f"{report.minimum} did not; {report.signal_basis} so far)"
        ),
        _signal_table(report),
    ]
    if report.statements:
        parts.append(Text(""))
        for statement in report.statements:
            line = Text("! ", style="bold")
            line.append(statement)
            parts.append(line)
    if silences:
        parts += [Text(""), _heading("The silence, in proportion"), *silence_lines(silences)]
    if tz is not None and report.outcomes:
        parts += [Text(""), _heading("The interviews, latest first"), interviews_table(report, tz)]
    return Group(*parts)
