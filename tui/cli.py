"""The ``nowwhat`` command: the TUI with no verb, and verbs for scripts, cron and the login message.

Every verb calls the same functions the screens call (:mod:`tui.actions`, the store, the engine).
Bad input gets one line on stderr and exit code 2, with the database unchanged; a database that
cannot be used gets one line and exit code 1.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import re
import shutil
import sys
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

import pendulum
from pendulum import Date, DateTime

from . import actions
from .engine.errors import InvalidField
from .engine.models import FEELINGS, OUTCOMES, STAGES, TASK_KINDS, Interview
from .engine.settings import SPECS
from .engine.text import visible
from .engine.when import ambiguity_note, parse_moment
from .locations import database_path, shipped_data
from .store import Store, StoreError
from .store.archive import archive_path
from .store.errors import json_problem, os_error_line
from .store.snapshot_cache import cache_path
from .store.storage import real_path
from .terminal import Guarded, safe_json
from .typed_when import typed_day, typed_moment

if TYPE_CHECKING:
    from rich.console import RenderableType

__all__ = ["build_parser", "main"]

EXIT_BAD_INPUT = 2
EXIT_BAD_DATABASE = 1
LOG_KINDS = ("thank-you", "check-in", "advocate-ask", "network-update", "heard-back", "call")
OUTCOME_WORDS = tuple(o.replace("_", "-") for o in OUTCOMES)


class CliError(Exception):
    """Bad input on the command line: reported in one line, exit code 2."""


class _Parser(argparse.ArgumentParser):
    """argparse that reports a usage error in one line instead of a usage block."""

    def error(self, message: str) -> NoReturn:
        raise CliError(message)


@dataclass
class Session:
    """What every verb works with: the open store and the moment taken as now."""

    store: Store
    now: DateTime

    @property
    def tz(self) -> str:
        return self.store.settings().timezone


def _positive_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
    if value <= 0:
        raise argparse.ArgumentTypeError(f"{text!r} must be above 0")
    return value


def _days_ahead(text: str) -> int:
    value = _positive_int(text)
    if value > 366:
        raise argparse.ArgumentTypeError(f"{text!r} is more than a year ahead (at most 366)")
    return value


def build_parser() -> argparse.ArgumentParser:
    """The whole command line, verbs and options."""
    parser = _Parser(
        prog="nowwhat",
        description="A keyboard-driven dashboard for the weeks after a job interview. "
        "With no command it opens the dashboard.",
    )
    parser.add_argument(
        "--db",
        metavar="PATH",
        help="database file (default: $NOWWHAT_DB, else the platform's data folder)",
    )
    parser.add_argument(
        "--now",
        metavar="ISO-8601",
        help="take this moment as now (YYYY-MM-DD HH:MM, read in your time zone)",
    )
    parser.add_argument(
        "--demo", action="store_true", help="use a private copy of the bundled demo data"
    )
    verbs = parser.add_subparsers(dest="verb", metavar="COMMAND")

    add = verbs.add_parser("add", help="add an opportunity, interview, contact or task")
    what = add.add_subparsers(dest="what", metavar="WHAT", required=True)
    opp = what.add_parser("opportunity", help="a job you are pursuing")
    opp.add_argument("--company", required=True)
    opp.add_argument("--role", default="")
    opp.add_argument("--stage", choices=STAGES, default="applied")
    opp.add_argument("--url", default="")
    opp.add_argument("--source", default="")
    opp.add_argument("--applied", metavar="DAY", help="2026-11-20, today, mon, -3d")
    opp.add_argument(
        "--new", action="store_true", help="add it even if this company and role is there"
    )

    interview = what.add_parser("interview", help="an interview (creates the opportunity if new)")
    interview.add_argument("--company", default="")
    interview.add_argument("--opportunity", metavar="ID", help="the opportunity, by id")
    interview.add_argument("--role", default="")
    interview.add_argument(
        "--at",
        required=True,
        metavar="WHEN",
        help='"2026-12-01 14:00", "tomorrow 10:30", "fri 9:30"',
    )
    interview.add_argument("--promised-by", metavar="DAY", help="2026-12-04, fri, +1w")
    interview.add_argument("--felt", choices=FEELINGS)
    interview.add_argument("--skills", default="", help='skills highlighted, "a, b"')
    interview.add_argument("--interviewers", default="", help='"Ana Diaz, Bo Li"')
    interview.add_argument("--kind", default="interview")
    interview.add_argument("--minutes", type=_positive_int)
    interview.add_argument(
        "--new", action="store_true", help="add it even if that day already has one"
    )

    contact = what.add_parser("contact", help="a person: core network, advocate, recruiter")
    contact.add_argument("--name", required=True)
    contact.add_argument("--company", default="")
    contact.add_argument("--relation", default="")
    contact.add_argument("--advocate", action="store_true")
    contact.add_argument("--core", action="store_true")
    contact.add_argument("--email", default="")
    contact.add_argument("--phone", default="")
    contact.add_argument(
        "--new",
        action="store_true",
        help="add them even if the e-mail, or the name at that company, is there",
    )

    task = what.add_parser("task", help="one of your own tasks")
    task.add_argument("--title", required=True)
    task.add_argument("--kind", required=True, choices=TASK_KINDS)
    task.add_argument("--minutes", type=_positive_int)
    task.add_argument("--due", metavar="DAY", help="2026-12-02, tomorrow, fri, +3d")
    task.add_argument("--company", default="")
    task.add_argument("--opportunity", metavar="ID", help="the company of this opportunity")

    log = verbs.add_parser("log", help="log a message or call")
    log.add_argument("kind", choices=LOG_KINDS)
    log.add_argument("--company")
    log.add_argument("--opportunity", metavar="ID", help="the opportunity, by id")
    log.add_argument("--contact")
    log.add_argument("--contact-id", metavar="ID", help="the contact, by id")
    log.add_argument(
        "--at",
        metavar="WHEN",
        help='when it happened: "2026-11-23 10:00", "today 9:15", "mon 16:30" (last Monday)',
    )
    log.add_argument("--outcome", choices=OUTCOME_WORDS)
    log.add_argument("--channel", default="email")
    log.add_argument("--note", default="")

    settings = verbs.add_parser("settings", help="list settings, or: settings set KEY VALUE")
    settings_verbs = settings.add_subparsers(dest="settings_verb", metavar="set")
    setter = settings_verbs.add_parser("set", help="change one setting")
    setter.add_argument("key")
    setter.add_argument("value")

    export = verbs.add_parser("export", help="print the whole database")
    export.add_argument(
        "--format",
        choices=("json", "csv", "ics"),
        default="json",
        help="json: everything; csv: opportunities; ics: the plan as a calendar",
    )
    export.add_argument(
        "--days",
        type=_days_ahead,
        default=14,
        help="with --format ics: how many days ahead (14; at most 366)",
    )

    importer = verbs.add_parser(
        "import",
        help="import an export (.json), a tracker spreadsheet (.csv), vCards (.vcf) or a "
        "calendar invitation (.ics)",
    )
    importer.add_argument("file")
    importer.add_argument(
        "--dry-run", action="store_true", help="report what would be imported; change nothing"
    )

    verbs.add_parser("check-postings", help="fetch each active posting URL: still posted?")

    verbs.add_parser("locate", help="print the paths nowwhat uses")

    tone = verbs.add_parser("tone", help="check a draft for frustrated tone (exit 1 if it is)")
    tone.add_argument("file", help="the draft, or - to read standard input")

    today = verbs.add_parser("today", help="the day's plan: search, follow-up, search")
    today.add_argument("--date", metavar="DAY", help="plan another day (2026-12-01, tomorrow, fri)")
    today.add_argument("--json", action="store_true", help="print JSON for scripts")
    today.add_argument(
        "--plain",
        action="store_true",
        help="a compact colour-free summary for a login message or cron mail",
    )

    for name, about in (
        ("waiting", "who owes you an answer, and since when"),
        ("advocates", "the people who can tell you what is going on"),
        ("pipeline", "every opportunity by stage, with its id"),
    ):
        listing = verbs.add_parser(name, help=about)
        shape = listing.add_mutually_exclusive_group()
        shape.add_argument("--json", action="store_true", help="print JSON for scripts")
        shape.add_argument(
            "--plain", action="store_true", help="one line each, colour-free, never cut"
        )

    done = verbs.add_parser("done", help="mark a planned item done (by the id the plan shows)")
    done.add_argument("id")
    done.add_argument("--undo", action="store_true", help="take back marking it done")

    undo = verbs.add_parser("undo", help="take back marking a planned item done")
    undo.add_argument("id")

    snooze = verbs.add_parser("snooze", help="move a planned item to a later day")
    snooze.add_argument("id")
    snooze.add_argument(
        "--to", metavar="DAY", help="2026-12-02, tomorrow, fri, +3d (default: next business day)"
    )

    stage = verbs.add_parser(
        "set-stage", help="move an opportunity to another stage (an offer: --in-hand)"
    )
    stage.add_argument("opportunity_id", metavar="OPPORTUNITY_ID")
    stage.add_argument("stage", metavar="STAGE", choices=STAGES, help=", ".join(STAGES))
    stage.add_argument("--in-hand", action="store_true", help="the offer letter is in your hand")

    delete = verbs.add_parser(
        "delete", help="delete a record by id: " + ", ".join(actions.DELETABLE)
    )
    delete.add_argument("kind", metavar="KIND", choices=tuple(actions.DELETABLE))
    delete.add_argument("id", metavar="ID")

    # -- calibration and debrief (issue 18): their own module, tui/calibration_cli.py --
    from .calibration_cli import add_parsers as add_calibration_parsers

    add_calibration_parsers(verbs)
    # -- mail (issues 16, 17): `nowwhat mail ...`, in tui/mail/cli.py --------------------------
    from .mail import cli as mail_cli

    mail_cli.add_parser(verbs)
    return parser


def _typed_moment(text: str, tz: str, field: str, *, need_time: bool = True) -> DateTime:
    """A moment typed on the command line; a wall-clock time that happens twice (the clocks
    go back) is its first occurrence, and stderr says so."""
    moment = parse_moment(text, tz, field, need_time=need_time)
    _note_ambiguity(moment, field)
    return moment


def _note_ambiguity(moment: DateTime, field: str) -> None:
    note = ambiguity_note(moment)
    if note is not None:
        sys.stderr.write(visible(f"nowwhat: note: {field}: {note}") + "\n")


def _day(session: Session, text: str | None, field: str) -> Date | None:
    """A day as typed, read as the forms read it (``2026-12-01``, ``tomorrow``, ``fri``)."""
    return typed_day(text, session.now, session.tz, field) if text else None


def _when(session: Session, text: str | None, field: str, *, past: bool = False) -> DateTime | None:
    """A moment as typed (``2026-12-01 14:00``, ``tomorrow 10:30``, ``fri 9:30``); ``past``: it
    already happened (a weekday is the last one, the future is refused). A wall-clock time that
    happens twice is its first occurrence, and stderr says so."""
    if not text:
        return None
    if re.fullmatch(r"\s*\d{4}-\d{2}-\d{2}\s*", text):  # a bare date: which time is a guess
        raise InvalidField(field, f"{text!r} needs a time of day too (YYYY-MM-DD HH:MM)")
    moment = typed_moment(text, session.now, session.tz, field, past=past)
    _note_ambiguity(moment, field)
    return moment


def _cmd_add(session: Session, args: argparse.Namespace) -> int:
    store, now = session.store, session.now
    if args.what == "opportunity":
        record = actions.add_opportunity(
            store,
            now,
            company=args.company,
            role=args.role,
            stage=args.stage,
            url=args.url,
            source=args.source,
            applied_on=_day(session, args.applied, "applied"),
            new=args.new,
        )
        say(f"added opportunity {record.id}: {actions.describe_opportunity(record)}")
    elif args.what == "interview":
        if not args.company.strip() and not args.opportunity:
            raise CliError("say which company (--company) or opportunity (--opportunity ID)")
        start = _when(session, args.at, "at")
        assert start is not None
        interview = actions.add_interview(
            store,
            now,
            company=args.company,
            opportunity_id=args.opportunity,
            role=args.role,
            start=start,
            promised_by=_day(session, args.promised_by, "promised_by"),
            felt=args.felt,
            skills=actions.split_list(args.skills),
            interviewers=actions.split_list(args.interviewers),
            kind=args.kind,
            minutes=args.minutes,
            new=args.new,
        )
        opportunity = actions.find_opportunity(store.records(), interview.opportunity_id)
        when = interview.start.format("YYYY-MM-DD HH:mm zz")
        say(
            f"added interview {interview.id}: {actions.describe_opportunity(opportunity)} "
            f"at {when} (opportunity {opportunity.id})"
        )
    elif args.what == "contact":
        person = actions.add_contact(
            store,
            name=args.name,
            company=args.company,
            relation=args.relation,
            email=args.email,
            phone=args.phone,
            advocate=args.advocate,
            core=args.core,
            new=args.new,
        )
        say(f"added contact {person.id}: {person.name}")
    else:
        company = args.company
        if args.opportunity:
            company = actions.find_opportunity(store.records(), args.opportunity).company
        task = actions.add_task(
            store,
            now,
            title=args.title,
            kind=args.kind,
            minutes=args.minutes,
            due=_day(session, args.due, "due"),
            company=company,
        )
        say(f"added task {task.id}: {task.title}")
    return 0


def _cmd_log(session: Session, args: argparse.Namespace) -> int:
    touch = actions.log_touch(
        session.store,
        session.now,
        kind=args.kind.replace("-", "_"),
        company=args.company,
        opportunity_id=args.opportunity,
        contact=args.contact,
        contact_id=args.contact_id,
        at=_when(session, args.at, "at", past=True),
        outcome=args.outcome.replace("-", "_") if args.outcome else None,
        note=args.note,
        channel=args.channel,
    )
    at = touch.at.in_timezone(session.tz)
    say(f"logged {args.kind} {touch.id} at {at.format('ddd YYYY-MM-DD HH:mm')}")
    return 0


def _cmd_settings(session: Session, args: argparse.Namespace) -> int:
    if args.settings_verb == "set":
        if args.key not in SPECS:
            raise InvalidField(args.key, "is not a setting (see: nowwhat settings)")
        settings = actions.change_setting(session.store, args.key, args.value)
        say(f"{args.key} = {json.dumps(settings[args.key])}")
        return 0
    settings = session.store.settings()
    width = max(len(k) for k in SPECS)
    for key, spec in SPECS.items():
        say(f"{key:<{width}}  {json.dumps(settings[key]):<16}  {spec.help}")
    return 0


def _cmd_export(session: Session, args: argparse.Namespace) -> int:
    records = session.store.records()
    if args.format == "csv":
        from .exchange.spreadsheet import export_csv

        sys.stdout.write(export_csv(records))
    elif args.format == "ics":
        from .exchange.ics import calendar_bytes

        sys.stdout.flush()
        sys.stdout.buffer.write(calendar_bytes(records, session.now, args.days))
    else:
        from .store.transfer import export_records

        _print_json(export_records(records))
    return 0


def _read_import(path: Path) -> str:
    from .exchange.reading import InputRefused, read_capped
    from .exchange.spreadsheet import MAX_BYTES, ImportError_, read_text

    try:
        raw = read_capped(path, MAX_BYTES)  # a plain file only, and never more than the cap
    except InputRefused as error:
        raise CliError(f"{error}; nothing was imported") from None
    try:
        return read_text(raw, str(path))
    except ImportError_ as error:
        raise CliError(f"{error}; nothing was imported") from None


SPREADSHEET_SUFFIXES = frozenset({".xlsx", ".xlsm", ".xls", ".ods", ".numbers"})


def _cmd_import(session: Session, args: argparse.Namespace) -> int:
    from .exchange.spreadsheet import ImportError_

    path = Path(args.file)
    if path.suffix.lower() == ".ics":  # a calendar invitation (issue 17): tui/mail/invite_file.py
        from .mail.cli import import_invitation

        return import_invitation(session, path, args.dry_run)
    suffix = path.suffix.lower()
    if suffix in SPREADSHEET_SUFFIXES:
        raise CliError(
            f'{path}: nowwhat reads spreadsheets as CSV: save it as "CSV UTF-8" '
            "(File > Save as) and import the .csv; nothing was imported"
        )
    text = _read_import(path)
    try:
        if suffix == ".csv":
            from .exchange.spreadsheet import import_csv, unused_columns

            rows = import_csv(session.store, session.now, text, dry_run=args.dry_run)
            unused = unused_columns(text)
            if unused:
                say("columns not imported (not a field nowwhat knows): " + ", ".join(unused))
            for row in rows:
                said = row.summary
                if args.dry_run and said.startswith("imported"):
                    said = "would import" + said.removeprefix("imported")
                say(f"row {row.number}: {said}")
            made = sum(r.imported for r in rows)
            say(
                f"{made} row(s) {'would be ' if args.dry_run else ''}imported, "
                f"{len(rows) - made} skipped"
            )
            past = [
                r
                for row in rows
                for r in row.records
                if isinstance(r, Interview) and r.start <= session.now
            ]
            if past:
                say(
                    f"{len(past)} past interview(s): Today asks for their thank-yous until one is "
                    "logged; if you sent them already, tick each one off there (space)"
                )
            return 0
        if suffix in {".vcf", ".vcard"}:
            from .exchange.vcards import import_vcards

            cards = import_vcards(session.store, text, dry_run=args.dry_run)
            for card in cards:
                say(f"card {card.number}: {card.summary}")
            if args.dry_run:
                say("dry run: nothing was changed")
            return 0
    except ImportError_ as error:
        raise CliError(f"{path}: {error}; nothing was imported") from None
    from .store.transfer import import_records

    try:
        data = json.loads(text)
    except (RecursionError, ValueError) as error:  # bad JSON, deep nesting, a huge number
        raise CliError(
            f"{path}: not a file nowwhat imports (a .csv tracker, .vcf contacts, or the .json "
            f"of nowwhat export; as JSON: {json_problem(error)}); nothing was imported"
        ) from None
    if args.dry_run:
        raise CliError("--dry-run works with .csv and .vcf files")
    summary = import_records(session.store, data)
    for table, counts in summary.items():
        say(
            f"{table}: {counts['added']} added, {counts['updated']} updated, "
            f"{counts['unchanged']} unchanged"
        )
    return 0


def _cmd_check_postings(session: Session, args: argparse.Namespace) -> int:
    from .exchange.postings import check_postings

    results = check_postings(session.store, session.now)
    if not results:
        say("No active opportunity has a posting URL (add one with --url).")
    for result in results:
        say(f"{result.state:<8} {result.opportunity.company}: {result.note}")
    return 0


MAX_DRAFT_BYTES = 1_000_000


def _cmd_tone(args: argparse.Namespace) -> int:
    """Exit 0 when the draft reads as calm, 1 when it reads as frustrated, 2 on bad input."""
    from .engine.tone import check_tone
    from .exchange.reading import InputRefused, read_capped
    from .lexicon import shipped_lexicon

    try:
        raw = (
            sys.stdin.buffer.read(MAX_DRAFT_BYTES + 1)
            if args.file == "-"
            # A pipe (tone <(...)) is fine, read up to the cap like stdin; /dev/zero is not.
            else read_capped(Path(args.file), MAX_DRAFT_BYTES, regular_only=False)
        )
    except InputRefused as error:
        raise CliError(f"{error} (a draft is at most 1 MB of text)") from None
    except OSError as error:
        raise CliError(f"{args.file}: {os_error_line(error)}") from None
    if len(raw) > MAX_DRAFT_BYTES or b"\x00" in raw:
        raise CliError(f"{args.file}: not a draft (binary or larger than 1 MB)")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise CliError(f"{args.file}: not UTF-8 text") from None
    local = pendulum.tz.local_timezone().name  # no database needed: the machine's own zone
    written = parse_moment(args.now, local, "--now") if args.now else pendulum.now(local)
    report = check_tone(text, shipped_lexicon(), written)
    say(f"{report.verdict} (score {report.score})")
    for finding in report.findings:
        line = text.count("\n", 0, finding.start) + 1
        column = finding.start - (text.rfind("\n", 0, finding.start) + 1) + 1
        say(f'  {line}:{column}  "{finding.text}"  {finding.category}: {finding.why}')
        say(f"         try: {finding.instead}")
    if report.late_night:
        say("  It is late: sleep on it and send it in the morning.")
    return 1 if report.frustrated else 0


def _cmd_locate(args: argparse.Namespace, given: Path) -> int:
    db = real_path(given)  # what the store will use: a link's target
    say(f"database  {db}" + (f" (through the link {given})" if db != given else ""))
    say(f"lock      {db.with_name(db.name + '.lock')}")
    say(f"archive   {archive_path(db)}  (finished history, moved out of the database)")
    say(f"backups   {db.parent / 'backups'}")
    say(f"cache     {cache_path(db)}")
    say(f"data      {shipped_data()}")
    return 0


def say(*parts: object) -> None:
    """Print one message for the person: every piece of text through :func:`visible`, so a
    name or a draft holding a control character shows it instead of obeying it."""
    sys.stdout.write(visible(" ".join(str(p) for p in parts), multiline=True) + "\n")


def _print_json(data: object) -> None:
    sys.stdout.write(safe_json(data) + "\n")


def _print_rich(renderable: RenderableType) -> None:
    from rich.console import Console

    Console(highlight=False).print(Guarded(renderable))


def _cmd_today(session: Session, args: argparse.Namespace) -> int:
    from .engine.plan import plan_day, plan_to_json

    plan = plan_day(session.store.active_records(), session.now, _day(session, args.date, "date"))
    if args.json:
        _print_json(plan_to_json(plan))
    elif args.plain:
        from .summary import plain_summary

        sys.stdout.write(plain_summary(plan))
    else:
        from .render import render_plan

        _print_rich(render_plan(plan))
    return 0


def _cmd_waiting(session: Session, args: argparse.Namespace) -> int:
    from .engine.waiting import waiting_room, waiting_to_json

    room = waiting_room(session.store.records(), session.now)
    if args.json:
        data = waiting_to_json(room)
        # Each row named by its records' ids, so a script can act on it (set-stage, log).
        for shown, row in zip(data["opportunities"], room.rows, strict=True):
            shown["id"] = row.state.opportunity.id
            shown["opportunity_id"] = row.state.opportunity.id
            shown["interview_id"] = row.state.interview.id
            shown["advocate_ids"] = [c.id for c in row.advocates]
        _print_json(data)
    elif args.plain:
        from .plain import plain_waiting

        sys.stdout.write(plain_waiting(room, session.now, session.tz))
    else:
        from .render import render_waiting

        _print_rich(render_waiting(room))
    return 0


def _cmd_advocates(session: Session, args: argparse.Namespace) -> int:
    from .engine.advocates import advocates_to_json, advocates_view

    rows = advocates_view(session.store.records(), session.now)
    if args.json:
        data = advocates_to_json(rows)
        for shown, row in zip(data["advocates"], rows, strict=True):
            shown["id"] = row.contact.id
            for helped, (opportunity, _) in zip(shown["helps"], row.helps, strict=True):
                helped["opportunity_id"] = opportunity.id
        _print_json(data)
    elif args.plain:
        from .plain import plain_advocates

        sys.stdout.write(plain_advocates(rows))
    else:
        from .render import render_advocates

        _print_rich(render_advocates(rows))
    return 0


def _cmd_pipeline(session: Session, args: argparse.Namespace) -> int:
    from .engine.pipeline import pipeline_view
    from .plain import pipeline_to_json, plain_pipeline

    pipeline = pipeline_view(session.store.records(), session.now)
    if args.json:
        _print_json(pipeline_to_json(pipeline))
    else:
        sys.stdout.write(plain_pipeline(pipeline, session.tz))
    return 0


def _cmd_done(session: Session, args: argparse.Namespace) -> int:
    if args.undo:
        return _cmd_undo(session, args)
    item = actions.complete_item(session.store, session.now, args.id)
    say(f"done: {item.title} (to take it back: nowwhat undo {args.id})")
    return 0


def _cmd_undo(session: Session, args: argparse.Namespace) -> int:
    item = actions.undo_item(session.store, session.now, args.id)
    say(f"not done any more: {item.title}")
    return 0


def _cmd_snooze(session: Session, args: argparse.Namespace) -> int:
    day = actions.snooze_item(session.store, session.now, args.id, _day(session, args.to, "to"))
    say(f"snoozed {args.id} to {day.format('ddd D MMM YYYY')}")
    return 0


def _cmd_set_stage(session: Session, args: argparse.Namespace) -> int:
    changed = actions.set_stage(
        session.store, session.now, args.opportunity_id, args.stage, in_hand=args.in_hand
    )
    stage = changed.stage + (" (offer in hand)" if changed.offer_in_hand else "")
    say(f"{changed.id}: {actions.describe_opportunity(changed)} is now {stage}")
    return 0


def _cmd_delete(session: Session, args: argparse.Namespace) -> int:
    deletion = actions.delete_record(session.store, args.kind, args.id)
    more = f" {deletion.consequences}" if deletion.consequences else ""
    say(f"deleted {args.kind} {args.id}: {deletion.name}.{more}")
    return 0


_VERBS: dict[str, Callable[[Session, argparse.Namespace], int]] = {
    "today": _cmd_today,
    "waiting": _cmd_waiting,
    "advocates": _cmd_advocates,
    "pipeline": _cmd_pipeline,
    "done": _cmd_done,
    "undo": _cmd_undo,
    "snooze": _cmd_snooze,
    "set-stage": _cmd_set_stage,
    "delete": _cmd_delete,
    "check-postings": _cmd_check_postings,
    "add": _cmd_add,
    "log": _cmd_log,
    "settings": _cmd_settings,
    "export": _cmd_export,
    "import": _cmd_import,
    # -- calibration and debrief (issue 18): tui/calibration_cli.py --
    "calibration": lambda session, args: _calibration_verb("run_calibration", session, args),
    "debrief": lambda session, args: _calibration_verb("run_debrief", session, args),
    "mail": lambda session, args: _cmd_mail(session, args),
}


def _calibration_verb(name: str, session: Session, args: argparse.Namespace) -> int:
    from . import calibration_cli

    run: Callable[[Store, DateTime, argparse.Namespace], int] = getattr(calibration_cli, name)
    return run(session.store, session.now, args)


def _cmd_mail(session: Session, args: argparse.Namespace) -> int:
    """``nowwhat mail ...`` (tui/mail/cli.py); an IMAP failure is one line: exit 1, or exit 2
    when the server refused the login."""
    from .mail import cli as mail_cli
    from .mail.imap import ImapAuthError, ImapError
    from .mail.sources import SourceError

    try:
        return mail_cli.run(session, args)
    except (ImapAuthError, SourceError) as error:  # the login refused; no password; no source
        raise CliError(str(error)) from None
    except ImapError as error:
        sys.stderr.write(visible(f"nowwhat: {error}") + "\n")
        return EXIT_BAD_DATABASE


def _now(store: Store, text: str | None) -> DateTime:
    tz = store.settings().timezone
    if text:
        return _typed_moment(text, tz, "--now", need_time=False)
    return pendulum.now(tz)


def _run(args: argparse.Namespace) -> int:
    if args.verb is not None:
        gc.enable()  # the console script pauses it for the dashboard's start-up only (tui.launch)
    demo_folder: Path | None = None
    try:
        if args.demo:
            from .demo import write_demo_copy

            demo_folder = Path(tempfile.mkdtemp(prefix="nowwhat-demo-"))
            today = (
                parse_moment(args.now, "UTC", "--now", keep_offset=True)
                if args.now
                else pendulum.now()
            ).date()
            db = write_demo_copy(demo_folder, today)
        else:
            db = database_path(args.db)
        if args.verb == "locate":
            return _cmd_locate(args, db)
        if args.verb == "tone":
            return _cmd_tone(args)
        if _reads_only(args) and (args.db or os.environ.get("NOWWHAT_DB")) and _missing(db):
            raise StoreError(
                f"no database at {db}: nothing to show (check --db or $NOWWHAT_DB; "
                "a command that adds something creates it)"
            )
        from .holiday_cache import install_holiday_cache

        install_holiday_cache()
        store = Store(db)
        store.on_warning(_warn)
        now = _now(store, args.now)
        try:
            if args.verb is None:
                from .app import run_app

                return run_app(store, now, fixed_now=args.now is not None)
            return _VERBS[args.verb](Session(store, now), args)
        finally:
            # The next start reads these records without re-checking; a dry run writes nothing.
            if demo_folder is None and not getattr(args, "dry_run", False):
                if args.verb is None:  # the dashboard's end; a verb on a file only reads it
                    _archive_finished(store, now)
                store.save_snapshot()
    finally:
        if demo_folder is not None:
            shutil.rmtree(demo_folder, ignore_errors=True)


def _archive_finished(store: Store, now: DateTime) -> None:
    """Move finished history to the archive at the end of a run (never at its start)."""
    try:
        store.archive_finished(now)
    except StoreError as error:
        _warn(f"finished history stays in the database for now: {error}")


def _warn(message: str) -> None:
    """A warning (the change was made): one line on stderr, the exit code unchanged."""
    sys.stderr.write(visible(f"nowwhat: warning: {message}") + "\n")


def _missing(db: Path) -> bool:
    """Nothing is at ``db`` (any other problem, such as a parent that is a file or a link
    loop, is the store's to name)."""
    try:
        db.stat()
    except FileNotFoundError:
        return True
    except OSError:
        return False
    return False


READ_ONLY_VERBS = frozenset({"today", "waiting", "advocates", "pipeline", "export"})


def _reads_only(args: argparse.Namespace) -> bool:
    """The verb only reads: run on a database that does not exist, it would show nothing."""
    if args.verb == "settings":
        return args.settings_verb is None
    return args.verb in READ_ONLY_VERBS


def _fail(message: str, code: int) -> int:
    sys.stderr.write(visible(f"nowwhat: {message}") + "\n")
    return code


FIELD_WORDS = {
    "opportunity_id": "opportunity",
    "contact_id": "contact",
    "item_id": "item",
    "at": "--at",
    "start": "--at",
}
"""How a refused field is named on the command line when its id is not the person's word."""


def _words(field: str) -> str:
    """A field's id in words (``promised_by`` -> ``promised by``); a path or a name as it is."""
    return field.replace("_", " ") if re.fullmatch(r"[a-z_]+", field) else field


def _refusal(error: InvalidField) -> str:
    """A refusal in the person's words: ``promised by: is before the interview``, and what to
    type to get past it (a duplicate, an ambiguous name)."""
    field = (
        error.field
        if error.field in SPECS  # a setting: the key is what was typed
        else FIELD_WORDS.get(error.field, _words(error.field))
    )
    said = f"{field}: {error.problem}"
    if isinstance(error, actions.Duplicate):
        said += "; add --new to add another anyway"
    elif isinstance(error, actions.Ambiguous):
        said += "; say which with " + (
            "--contact-id ID" if error.field == "contact" else "--opportunity ID"
        )
    return said


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit code."""
    try:
        args = build_parser().parse_args(argv)
        return _run(args)
    except CliError as error:
        return _fail(f"error: {error}", EXIT_BAD_INPUT)
    except InvalidField as error:
        return _fail(f"error: {_refusal(error)}", EXIT_BAD_INPUT)
    except StoreError as error:
        return _fail(str(error), EXIT_BAD_DATABASE)
    except KeyboardInterrupt:
        return 130
    except OSError as error:
        if isinstance(error, BrokenPipeError):
            return _quiet_broken_pipe()
        # The store turns its own OS errors into one line; this is every other file's.
        return _fail(os_error_line(error), EXIT_BAD_DATABASE)


def _quiet_broken_pipe() -> int:
    # The reader went away (`nowwhat export | head`): stop quietly, as other tools do.
    os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    return 141


if __name__ == "__main__":
    sys.exit(main())
