"""Calibration: how feeling and estimate after each interview compare with what happened.

"Did I do well, or did I just imagine it?" is answered from the person's own history, counted
honestly:

* an interview's **outcome** is its first heard-back with an outcome before the opportunity's
  next interview (next round, offer: advanced; rejected: not); failing that, a later interview
  of the same opportunity means it advanced; failing that (the latest interview), the stage
  says it (offer: advanced; rejected or closed: not; withdrawn: left out, it was the person's
  call), or the opportunity has gone quiet (counted as not advanced); otherwise it is still
  open and counts for nothing;
* per ``felt`` level: interviews with an outcome, and how many advanced;
* the 0-100 estimates against the outcomes: a reliability table in five bands and the Brier
  score (the mean of (estimate - outcome)², 0 is perfect, always saying 50% scores 0.25),
  always with the number of interviews it rests on; an interview with no estimate is left out;
* which debrief signals went with advancing and which did not — judged only where at least
  ``calibration_min`` (5) finished debriefs with an outcome had the signal and as many did not.

Below those numbers it says plainly that nothing can be said yet. Fractions are compared
exactly (cross-multiplied), never as rounded percentages.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from pendulum import DateTime

from .context import Context, build_context
from .debrief import checklist
from .followups import analyse
from .models import FEELINGS, Interview, Opportunity, Records
from .silence import SilenceNote, answer_history_of, silence_note
from .waiting import waiting_room

__all__ = [
    "BANDS",
    "Band",
    "Calibration",
    "FeltRow",
    "Outcome",
    "SignalRow",
    "calibration",
    "calibration_to_json",
    "outcomes",
    "waiting_silences",
]

ADVANCED = frozenset({"next_round", "offer", "offer_in_hand"})
BANDS = ((0, 19), (20, 39), (40, 59), (60, 79), (80, 100))
"""The reliability table's bands of estimates, in percent (both ends included)."""
NOT_RECORDED = "not recorded"


@dataclass(frozen=True, slots=True)
class Outcome:
    """One interview that has happened, and what came of it (``None``: nothing yet)."""

    interview: Interview
    opportunity: Opportunity
    advanced: bool | None
    because: str  # next round | offer | rejected | a later interview | gone quiet | ...


def _outcome_of(
    context: Context, opportunity: Opportunity, interviews: list[Interview], position: int
) -> Outcome:
    interview = interviews[position]
    following = interviews[position + 1] if position + 1 < len(interviews) else None
    for touch in context.touches_of.get(opportunity.id, []):
        if touch.kind != "heard_back" or touch.outcome is None or touch.at > context.now:
            continue
        if touch.at < interview.start or (following is not None and touch.at >= following.start):
            continue
        word = touch.outcome.replace("_", " ")
        return Outcome(interview, opportunity, touch.outcome in ADVANCED, word)
    if following is not None:
        return Outcome(interview, opportunity, True, "a later interview")
    if opportunity.offer_in_hand or opportunity.stage == "offer":
        return Outcome(interview, opportunity, True, "stage: offer")
    if opportunity.stage in {"rejected", "closed"}:
        return Outcome(interview, opportunity, False, f"stage: {opportunity.stage}")
    if opportunity.stage == "withdrawn":
        return Outcome(interview, opportunity, None, "withdrawn")
    state = analyse(context, opportunity, context.now, context.today)
    if state is not None and state.state == "gone_quiet":
        return Outcome(interview, opportunity, False, "gone quiet")
    return Outcome(interview, opportunity, None, "no answer yet")


def outcomes(records: Records, now: DateTime) -> list[Outcome]:
    """Every interview that has begun by ``now``, with its outcome, in time order."""
    context = build_context(records, now)
    found = []
    for opportunity in records.opportunities:
        interviews = context.interviews_of.get(opportunity.id, [])
        for position, interview in enumerate(interviews):
            if interview.start <= context.now:
                found.append(_outcome_of(context, opportunity, interviews, position))
    found.sort(key=lambda o: (o.interview.start, o.interview.id))
    return found


@dataclass(frozen=True, slots=True)
class FeltRow:
    """How interviews that felt one way turned out."""

    felt: str  # great | good | ok | rough | not recorded
    interviews: int  # with an outcome
    advanced: int
    open: int  # no outcome yet


@dataclass(frozen=True, slots=True)
class Band:
    """One row of the reliability table: estimates from ``low`` to ``high`` percent."""

    low: int
    high: int
    interviews: int
    estimate_total: int  # the estimates added up (their mean is this over ``interviews``)
    advanced: int

    @property
    def mean_estimate(self) -> float | None:
        return self.estimate_total / self.interviews if self.interviews else None


@dataclass(frozen=True, slots=True)
class SignalRow:
    """A signal of the checklist: how interviews with it and without it turned out."""

    signal: str
    with_n: int
    with_advanced: int
    without_n: int
    without_advanced: int
    verdict: str | None  # went with advancing | went with not advancing | made no difference


@dataclass(frozen=True, slots=True)
class Calibration:
    """Everything the Calibration screen and ``nowwhat calibration`` show."""

    outcomes: tuple[Outcome, ...]
    felt: tuple[FeltRow, ...]
    bands: tuple[Band, ...]
    brier: float | None  # None: no interview has both an estimate and an outcome
    brier_n: int
    signals: tuple[SignalRow, ...]
    signal_basis: int  # finished debriefs with an outcome: what the signals rest on
    minimum: int
    statements: tuple[str, ...]  # what can and cannot be said, in plain words

    @property
    def decided(self) -> int:
        """Interviews with an outcome."""
        return sum(1 for o in self.outcomes if o.advanced is not None)


def _felt_rows(found: list[Outcome]) -> tuple[FeltRow, ...]:
    rows = []
    for felt in (*FEELINGS, None):
        mine = [o for o in found if o.interview.felt == felt]
        if felt is None and not mine:
            continue
        decided = [o for o in mine if o.advanced is not None]
        rows.append(
            FeltRow(
                felt=felt or NOT_RECORDED,
                interviews=len(decided),
                advanced=sum(1 for o in decided if o.advanced),
                open=len(mine) - len(decided),
            )
        )
    return tuple(rows)


def _bands(scored: list[Outcome]) -> tuple[Band, ...]:
    bands = []
    for low, high in BANDS:
        mine = [
            o
            for o in scored
            if o.interview.estimate is not None and low <= o.interview.estimate <= high
        ]
        bands.append(
            Band(
                low=low,
                high=high,
                interviews=len(mine),
                estimate_total=sum(o.interview.estimate or 0 for o in mine),
                advanced=sum(1 for o in mine if o.advanced),
            )
        )
    return tuple(bands)


def _brier(scored: list[Outcome]) -> float | None:
    if not scored:
        return None
    total = sum(((o.interview.estimate or 0) - (100 if o.advanced else 0)) ** 2 for o in scored)
    return total / (10_000 * len(scored))


def _verdict(row: SignalRow) -> str:
    # with_advanced / with_n against without_advanced / without_n, exactly.
    left = row.with_advanced * row.without_n
    right = row.without_advanced * row.with_n
    if left > right:
        return "went with advancing"
    if left < right:
        return "went with not advancing"
    return "made no difference"


def _signals(
    records: Records, found: list[Outcome], minimum: int
) -> tuple[tuple[SignalRow, ...], int]:
    basis = [o for o in found if o.advanced is not None and o.interview.debriefed_at is not None]
    names = list(checklist(records.settings))
    known = {n.casefold() for n in names}
    for outcome in basis:
        for signal in outcome.interview.signals:
            if signal.casefold() not in known:
                known.add(signal.casefold())
                names.append(signal)
    rows = []
    for name in names:
        key = name.casefold()
        had = [o for o in basis if key in {s.casefold() for s in o.interview.signals}]
        lacked = [o for o in basis if o not in had]
        row = SignalRow(
            signal=name,
            with_n=len(had),
            with_advanced=sum(1 for o in had if o.advanced),
            without_n=len(lacked),
            without_advanced=sum(1 for o in lacked if o.advanced),
            verdict=None,
        )
        if row.with_n >= minimum and row.without_n >= minimum:
            row = SignalRow(**{**_fields(row), "verdict": _verdict(row)})
        rows.append(row)
    return tuple(rows), len(basis)


def _fields(row: SignalRow) -> dict[str, Any]:
    return {name: getattr(row, name) for name in SignalRow.__dataclass_fields__}


def _plural(count: int, noun: str) -> str:
    return f"{count} {noun}" + ("" if count == 1 else "s")


def _statements(
    decided: int, brier_n: int, signals: tuple[SignalRow, ...], basis: int, minimum: int
) -> tuple[str, ...]:
    said = []
    if decided == 0:
        said.append(
            "No outcomes yet: once you hear back (or an opportunity goes quiet), each "
            "interview is compared with how it felt."
        )
        return tuple(said)
    if decided < minimum:
        said.append(
            f"Only {_plural(decided, 'interview')} with an outcome: too few to say whether "
            f"how an interview feels tells you anything (that takes at least {minimum}). "
            "The counts are what happened, nothing more."
        )
    if brier_n == 0:
        said.append("No estimate on an interview with an outcome yet: the debrief asks for one.")
    elif brier_n < minimum:
        said.append(
            f"The Brier score rests on {_plural(brier_n, 'interview')}: too few to judge "
            f"your estimates (at least {minimum})."
        )
    judged = [s for s in signals if s.verdict is not None]
    if not judged:
        said.append(
            f"Nothing can be said about the signals yet: a signal is compared only when at "
            f"least {minimum} finished debriefs with an outcome had it and {minimum} did not "
            f"(you have {_plural(basis, 'finished debrief')} with an outcome)."
        )
    elif len(judged) < len(signals):
        said.append(
            f"The other signals have fewer than {minimum} debriefs on one side: nothing can "
            "be said about them yet."
        )
    return tuple(said)


def calibration(records: Records, now: DateTime) -> Calibration:
    """The person's calibration as of ``now``."""
    minimum = int(records.settings["calibration_min"])
    found = outcomes(records, now)
    scored = [o for o in found if o.advanced is not None and o.interview.estimate is not None]
    signals, basis = _signals(records, found, minimum)
    decided = sum(1 for o in found if o.advanced is not None)
    return Calibration(
        outcomes=tuple(found),
        felt=_felt_rows(found),
        bands=_bands(scored),
        brier=_brier(scored),
        brier_n=len(scored),
        signals=signals,
        signal_basis=basis,
        minimum=minimum,
        statements=_statements(decided, len(scored), signals, basis, minimum),
    )


def calibration_to_json(report: Calibration, tz: str) -> dict[str, Any]:
    """The calibration as ``nowwhat calibration --json`` prints it (field names are a contract)."""
    return {
        "interviews": [
            {
                "id": o.interview.id,
                "company": o.opportunity.company,
                "at": o.interview.start.in_timezone(tz).isoformat(),
                "felt": o.interview.felt,
                "estimate": o.interview.estimate,
                "signals": list(o.interview.signals),
                "debriefed": o.interview.debriefed_at is not None,
                "advanced": o.advanced,
                "because": o.because,
            }
            for o in report.outcomes
        ],
        "with_outcome": report.decided,
        "minimum": report.minimum,
        "felt": [
            {"felt": r.felt, "interviews": r.interviews, "advanced": r.advanced, "open": r.open}
            for r in report.felt
        ],
        "reliability": [
            {
                "low": b.low,
                "high": b.high,
                "interviews": b.interviews,
                "mean_estimate": b.mean_estimate,
                "advanced": b.advanced,
            }
            for b in report.bands
        ],
        "brier": {"score": report.brier, "interviews": report.brier_n},
        "signals": [
            {
                "signal": s.signal,
                "with": {"interviews": s.with_n, "advanced": s.with_advanced},
                "without": {"interviews": s.without_n, "advanced": s.without_advanced},
                "verdict": s.verdict,
            }
            for s in report.signals
        ],
        "signal_basis": report.signal_basis,
        "statements": list(report.statements),
    }


def waiting_silences(records: Records, now: DateTime) -> list[tuple[str, SilenceNote]]:
    """Each opportunity still waiting for an answer, with its silence in proportion."""
    room = waiting_room(records, now)
    history = answer_history_of(records, now)
    return [
        (row.company, silence_note(row.silence_days, history))
        for row in room.rows
        if row.state.state != "heard_back"
    ]
