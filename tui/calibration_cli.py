"""``nowwhat calibration [--json]`` and ``nowwhat debrief``: the calibration verbs.

Registered in :mod:`tui.cli`; they call the same engine and actions the screens call.
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

from pendulum import DateTime

from . import actions
from .engine.calendar import BusinessCalendar
from .engine.calibration import calibration, calibration_to_json, waiting_silences
from .engine.debrief import checklist, parse_estimate
from .engine.errors import InvalidField
from .engine.models import FEELINGS
from .engine.promises import promise_in
from .engine.text import visible
from .store import Store
from .terminal import Guarded, safe_json

__all__ = ["add_parsers", "run_calibration", "run_debrief"]


def add_parsers(verbs: Any) -> None:
    """Add ``calibration`` and ``debrief`` to the command line's verbs."""
    report = verbs.add_parser(
        "calibration", help="how your feeling and estimates after interviews compare with outcomes"
    )
    report.add_argument("--json", action="store_true", help="print JSON for scripts")

    debrief = verbs.add_parser(
        "debrief", help="record an interview's debrief (the ids are in nowwhat calibration)"
    )
    debrief.add_argument("id", help="the interview's id")
    debrief.add_argument("--felt", choices=FEELINGS)
    debrief.add_argument("--estimate", metavar="0-100", help="how likely an advance feels")
    debrief.add_argument(
        "--next-steps", metavar="TEXT", help='what they said, e.g. "a call by Monday"'
    )
    debrief.add_argument(
        "--signal",
        action="append",
        default=None,
        metavar="LABEL",
        help="a signal of the checklist (repeat; see nowwhat settings: debrief_signals)",
    )
    debrief.add_argument("--skills", metavar='"A, B"', help="the skills that came up")


def run_calibration(store: Store, now: DateTime, args: argparse.Namespace) -> int:
    """Print the calibration (text, or JSON with ``--json``)."""
    records = store.records()
    report = calibration(records, now)
    quiet = waiting_silences(records, now)
    if args.json:
        data = calibration_to_json(report, records.settings.timezone)
        data["silence"] = [
            {
                "company": company,
                "silence_days": note.silence_days,
                "published_figure": note.published,
                "text": note.sentence,
            }
            for company, note in quiet
        ]
        sys.stdout.write(safe_json(data) + "\n")
        return 0
    from rich.console import Console

    from .render_calibration import render_calibration

    Console(highlight=False).print(
        Guarded(render_calibration(report, quiet, records.settings.timezone))
    )
    return 0


def run_debrief(store: Store, now: DateTime, args: argparse.Namespace) -> int:
    """Save the given answers of an interview's debrief and mark it finished."""
    records = store.records()
    interview = next((i for i in records.interviews if i.id == args.id), None)
    if interview is None:
        raise InvalidField("id", f"no interview {args.id}")
    changes: dict[str, Any] = {}
    if args.felt:
        changes["felt"] = args.felt
    if args.estimate is not None:
        try:
            changes["estimate"] = parse_estimate(args.estimate)
        except ValueError as error:
            raise InvalidField("estimate", str(error)) from None
    if args.next_steps is not None:
        changes["next_steps"] = args.next_steps.strip()
        held = interview.start.in_timezone(records.settings.timezone).date()
        promise = promise_in(args.next_steps, held, BusinessCalendar(records.settings.country))
        if promise is not None:
            changes["promised_by"] = promise.day
    if args.signal is not None:
        known = {s.casefold(): s for s in checklist(records.settings, interview)}
        chosen = []
        for label in args.signal:
            found = known.get(label.strip().casefold())
            if found is None:
                raise InvalidField(
                    "signal", f"{label!r} is not on the checklist ({'; '.join(known.values())})"
                )
            chosen.append(found)
        changes["signals"] = tuple(dict.fromkeys(chosen))
    if args.skills is not None:
        changes["skills"] = actions.split_list(args.skills)
    saved = actions.save_debrief(store, now, interview.id, changes, finish=True)
    line = f"debriefed {saved.id}"
    if "promised_by" in changes and saved.promised_by is not None:
        line += f": promised by {saved.promised_by.format('ddd D MMM YYYY')}"
    sys.stdout.write(visible(line) + "\n")
    return 0
