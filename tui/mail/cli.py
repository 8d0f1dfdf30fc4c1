"""``nowwhat mail ...``: scan mail, settle the review queue, keep the sources to scan.

``mail scan SOURCE... [--dry-run] [--json] [--since DATE]`` reads Maildirs, mbox files, ``.eml``
files or folders of them, and IMAP folders (``imaps://user@host/INBOX``); with no SOURCE, the
saved ones (for cron). ``mail review [ID]`` lists the queue (or shows one entry with a short
excerpt read from the mail itself), ``mail accept ID`` / ``mail reject ID`` settle one, ``mail
undo ID`` takes back what a scan applied, ``mail sources [add|remove] ...`` keeps the sources,
``mail hints OPPORTUNITY [add|remove] VALUE`` the domains and sender addresses of a company.

This module is imported on every start (it adds the sub-parser), so it imports nothing heavy at
the top: the scan, ``email`` and IMAP come in when a verb runs.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ..cli import Session
    from ..engine.mail_records import MailReview
    from .scan import Outcome
    from .sources import Source

__all__ = ["add_parser", "import_invitation", "run"]


def add_parser(verbs: Any) -> None:
    """Add ``mail`` and its verbs to the command line."""
    mail = verbs.add_parser("mail", help="read your own mail: replies, rejections, invitations")
    what = mail.add_subparsers(dest="mail_verb", metavar="VERB", required=True)
    scan = what.add_parser("scan", help="scan mail folders (no SOURCE: the saved sources)")
    scan.add_argument(
        "sources",
        nargs="*",
        metavar="SOURCE",
        help="a Maildir, an mbox, an .eml file, a folder of them, or imaps://USER@HOST/FOLDER",
    )
    scan.add_argument("--dry-run", action="store_true", help="report what would happen only")
    scan.add_argument("--json", action="store_true", help="one JSON array, an object a message")
    scan.add_argument("--since", metavar="YYYY-MM-DD", help="ignore mail dated before this day")
    scan.add_argument(
        "--password-command",
        metavar="CMD",
        help="for IMAP: a command that prints the password (like mbsync's PassCmd)",
    )
    review = what.add_parser("review", help="the review queue (with an ID: one entry and excerpt)")
    review.add_argument("id", nargs="?")
    review.add_argument("--json", action="store_true")
    review.add_argument("--all", action="store_true", help="settled entries too")
    accept = what.add_parser("accept", help="accept a review entry: do what it proposes")
    accept.add_argument("id")
    accept.add_argument("--opportunity", metavar="ID", help="the opportunity it is about")
    accept.add_argument("--at", metavar="YYYY-MM-DD HH:MM", help="an interview's time")
    accept.add_argument("--in-hand", action="store_true", help="an offer you hold in writing")
    accept.add_argument(
        "--no-contacts", action="store_true", help="do not add an invitation's new people"
    )
    reject = what.add_parser("reject", help="reject a review entry: change nothing")
    reject.add_argument("id")
    undo = what.add_parser("undo", help="take back what a scan logged (by its touch id)")
    undo.add_argument("id")
    sources = what.add_parser("sources", help="list the saved sources; add or remove one")
    change = sources.add_subparsers(dest="sources_verb", metavar="add|remove")
    add = change.add_parser("add", help="save a folder, file or imaps:// folder to scan")
    add.add_argument("location")
    add.add_argument(
        "--password-command", metavar="CMD", default="", help="for IMAP: prints the password"
    )
    remove = change.add_parser("remove", help="forget a saved source")
    remove.add_argument("location")
    hints = what.add_parser(
        "hints", help="an opportunity's mail domains, sender addresses and other names"
    )
    hints.add_argument("opportunity")
    hint_change = hints.add_subparsers(dest="hints_verb", metavar="add|remove")
    for verb in ("add", "remove"):
        one = hint_change.add_parser(verb)
        one.add_argument("value")


def _say(text: str) -> None:
    from ..cli import say

    say(text)


def _error(message: str) -> Exception:
    from ..cli import CliError

    return CliError(message)


def run(session: Session, args: argparse.Namespace) -> int:
    """Run ``nowwhat mail VERB``."""
    verb = args.mail_verb
    if verb == "scan":
        return _scan(session, args)
    if verb == "review":
        return _review(session, args)
    if verb == "accept":
        return _accept(session, args)
    if verb == "reject":
        from . import actions

        review = actions.reject(session.store, session.now, args.id)
        _say(f"rejected {review.id}: nothing was changed")
        return 0
    if verb == "undo":
        return _undo(session, args)
    if verb == "sources":
        return _sources(session, args)
    return _hints(session, args)


# -- scan -----------------------------------------------------------------------------------------


def _open_sources(session: Session, args: argparse.Namespace) -> list[Source]:
    from .connect import open_sources
    from .sources import SourceError

    try:
        return open_sources(
            session.store,
            args.sources,
            since=_since(session, args),
            password_command=args.password_command or "",
        )
    except SourceError as error:
        raise _error(str(error)) from None


def _since(session: Session, args: argparse.Namespace) -> Any:
    from ..engine.when import parse_day

    return parse_day(args.since, "since") if args.since else None


def _scan(session: Session, args: argparse.Namespace) -> int:
    from ..cli import _print_json
    from .imap import ImapError
    from .rules import load_rules
    from .scan import Scan

    sources = _open_sources(session, args)
    rules = load_rules(session.store.path)
    scan = Scan(
        session.store, session.now, rules, dry_run=args.dry_run, since=_since(session, args)
    )
    everything: list[Outcome] = []
    try:
        for batch in scan.run(sources):
            if args.json:
                everything.extend(batch)
                continue
            for outcome in batch:
                line = _line(outcome)
                if line:
                    _say(line)
            sys.stdout.flush()
    except ImapError as error:
        for problem in scan.problems:
            sys.stderr.write(_visible(f"nowwhat: {problem}") + "\n")
        raise error
    for problem in scan.problems:
        sys.stderr.write(_visible(f"nowwhat: {problem}") + "\n")
    if args.json:
        _print_json([o.to_json() for o in everything])
        return 0
    counts = scan.counts
    would = "would be " if args.dry_run else ""
    total = sum(counts.get(k, 0) for k in ("applied", "review", "ignored", "seen", "skipped"))
    _say(
        f"{total} message(s): {counts.get('applied', 0)} {would}applied, "
        f"{counts.get('review', 0)} {would}queued for review, {counts.get('ignored', 0)} "
        f"{would}ignored, {counts.get('seen', 0)} seen before, {counts.get('skipped', 0)} skipped"
        + (" (dry run: nothing was changed)" if args.dry_run else "")
    )
    return 0


def _visible(text: str) -> str:
    from ..engine.text import visible

    return visible(text)


def _line(outcome: Outcome) -> str:
    if outcome.action not in {"applied", "review"}:
        return ""
    when = outcome.date.format("YYYY-MM-DD")
    company = outcome.company or "?"
    what = outcome.verdict + (f" ({outcome.sent_kind})" if outcome.sent_kind else "")
    if outcome.action == "applied":
        ref = outcome.touch_id or ""
        return f"applied {ref:<12}  {when}  {what:<24} {company}: {outcome.subject}"
    ref = outcome.review_id or "(dry run)"
    return f"review  {ref:<12}  {when}  {what:<24} {company}: {outcome.subject} — {outcome.reason}"


# -- review ---------------------------------------------------------------------------------------


def _review_json(review: MailReview, companies: dict[str, str]) -> dict[str, object]:
    return {
        "id": review.id,
        "date": review.at.isoformat(),
        "direction": review.direction,
        "verdict": review.verdict,
        "sent_kind": review.sent_kind or None,
        "company": companies.get(review.opportunity_id or ""),
        "opportunity": review.opportunity_id,
        "candidates": list(review.candidates),
        "subject": review.subject,
        "counterpart": review.counterpart,
        "reason": review.reason,
        "status": review.status,
        "invitation": {
            "method": review.invite_method,
            "uid": review.invite_uid,
            "sequence": review.invite_sequence,
            "start": review.invite_start.isoformat() if review.invite_start else None,
            "minutes": review.invite_minutes or None,
            "kind": review.invite_kind,
            "interviewers": list(review.invite_interviewers),
            "new_contacts": list(review.invite_new_contacts),
            "problem": review.invite_problem or None,
        }
        if review.invite_uid or review.invite_problem
        else None,
    }


def _review(session: Session, args: argparse.Namespace) -> int:
    from ..cli import _print_json

    records = session.store.records()
    companies = {o.id: o.company for o in records.opportunities}
    if args.id:
        review = next((r for r in records.mail_review if r.id == args.id), None)
        if review is None:
            raise _error(f"{args.id} is not in the review queue")
        excerpt = _excerpt(session, review)
        if args.json:
            data = _review_json(review, companies)
            data["excerpt"] = excerpt
            _print_json(data)
            return 0
        _show_review(review, companies, session.store.settings().timezone)
        _say("")
        _say(excerpt or "(no excerpt: the message could not be read again)")
        return 0
    entries = [r for r in records.mail_review if args.all or r.open]
    entries.sort(key=lambda r: r.at)
    if args.json:
        _print_json([_review_json(r, companies) for r in entries])
        return 0
    if not entries:
        _say("Nothing to review.")
        return 0
    tz = session.store.settings().timezone
    for review in entries:
        _show_review(review, companies, tz)
    _say(f"{len(entries)} to review: nowwhat mail accept ID, or mail reject ID")
    return 0


def _show_review(review: MailReview, companies: dict[str, str], tz: str) -> None:
    when = review.at.in_timezone(tz).format("YYYY-MM-DD HH:mm")
    company = companies.get(review.opportunity_id or "")
    if company is None and review.candidates:
        company = " or ".join(companies.get(c, c) for c in review.candidates)
    what = review.verdict + (f" ({review.sent_kind})" if review.sent_kind else "")
    arrow = "to" if review.direction == "out" else "from"
    status = "" if review.open else f"  [{review.status}]"
    _say(f"{review.id}  {when}  {what}  {company or '?'}{status}")
    _say(f"    {review.subject}  ({arrow} {review.counterpart or '?'})")
    _say(f"    {review.reason}")
    if review.invite_start is not None:
        start = review.invite_start.format("ddd D MMM YYYY HH:mm zz")
        people = ", ".join(review.invite_interviewers) or "?"
        _say(
            f"    interview {review.invite_kind or ''} {start}, {review.invite_minutes} min, "
            f"with {people}"
        )
        if review.invite_new_contacts:
            _say(f"    new contacts: {', '.join(review.invite_new_contacts)}")


def _excerpt(session: Session, review: MailReview) -> str:
    from .excerpt import excerpt

    return excerpt(session.store, review)


def _accept(session: Session, args: argparse.Namespace) -> int:
    from ..engine.when import parse_moment
    from . import actions

    start = parse_moment(args.at, session.tz, "at", need_time=True) if args.at else None
    done = actions.accept(
        session.store,
        session.now,
        args.id,
        opportunity_id=args.opportunity,
        start=start,
        in_hand=args.in_hand,
        add_contacts=not args.no_contacts,
    )
    review = done.review
    company = done.opportunity.company if done.opportunity else "?"
    _say(f"accepted {review.id}: {review.verdict} — {company}")
    if done.touch is not None:
        _say(f"  logged {done.touch.kind.replace('_', ' ')} {done.touch.id}")
    if done.opportunity is not None:
        stage = done.opportunity.stage + (" (in hand)" if done.opportunity.offer_in_hand else "")
        _say(f"  {company} is now: {stage}")
    if done.interview is not None:
        when = done.interview.start.in_timezone(session.tz).format("ddd D MMM YYYY HH:mm zz")
        state = " (cancelled)" if done.interview.cancelled else ""
        _say(f"  interview {done.interview.id}: {done.interview.kind}, {when}{state}")
    if done.task is not None:
        _say(f"  task {done.task.id}: {done.task.title}, due {done.task.due}")
    for contact in done.contacts:
        _say(f"  new contact {contact.id}: {contact.name} <{contact.email}>")
    if done.needs_time:
        _say(
            "  no time yet: when it is set, nowwhat mail accept is done; add it with "
            f"nowwhat add interview --company {company!r} --at 'YYYY-MM-DD HH:MM'"
        )
    if review.verdict == "rejected":
        _say("  next: a gracious close-out keeps the door open (the composer's close-out template)")
    elif review.verdict == "offer" and not args.in_hand:
        _say(
            "  is it in hand (signed, in writing)? then: nowwhat mail accept is done; "
            "mark it with the Pipeline screen, or accept with --in-hand next time"
        )
    elif done.next_step and done.interview is not None:
        _say(f"  {done.next_step}")
    return 0


def _undo(session: Session, args: argparse.Namespace) -> int:
    from . import actions

    records = session.store.records()
    entry = next(
        (m for m in records.mail_seen if args.id in {m.id, m.touch_id, m.interview_id}), None
    )
    if entry is None:
        raise _error(f"{args.id} is not something a mail scan applied")
    actions.undo(session.store, session.now, entry.id)
    _say(f"undone: {entry.subject or entry.verdict} (the message stays handled)")
    return 0


# -- sources and hints ----------------------------------------------------------------------


def _sources(session: Session, args: argparse.Namespace) -> int:
    from . import actions

    verb = args.sources_verb
    if verb == "add":
        location = args.location
        if location.startswith(("imap://", "imaps://")):
            from .imap import parse_url

            try:
                location = parse_url(location).location
            except ValueError as error:
                raise _error(str(error)) from None
        else:
            from .sources import SourceError, local_source

            try:
                location = str(Path(location).expanduser().absolute())
                local_source(location)
            except SourceError as error:
                raise _error(str(error)) from None
        source = actions.add_source(
            session.store, session.now, location, password_command=args.password_command
        )
        _say(f"saved source {source.id}: {source.location}")
        return 0
    if verb == "remove":
        location = args.location
        if not location.startswith(("imap://", "imaps://", "src_")):
            location = str(Path(location).expanduser().absolute())
        source = actions.remove_source(session.store, location)
        _say(f"removed source {source.id}: {source.location}")
        return 0
    saved = session.store.records().mail_sources
    if not saved:
        _say("No saved sources: nowwhat mail sources add ~/Maildir (or imaps://you@host/INBOX)")
        return 0
    for source in saved:
        extra = ""
        if source.last_uid:
            extra = f"  (UIDVALIDITY {source.uidvalidity}, up to UID {source.last_uid})"
        if source.password_command:
            extra += "  password from a command"
        _say(f"{source.id}  {source.location}{extra}")
    return 0


def _hints(session: Session, args: argparse.Namespace) -> int:
    import dataclasses

    from ..engine.models import Opportunity
    from ..engine.text import clean
    from ..store import NotFound

    store = session.store
    try:
        opportunity = store.get(Opportunity, args.opportunity)
    except NotFound:
        raise _error(f"no opportunity with id {args.opportunity}") from None
    verb = args.hints_verb
    if verb in {"add", "remove"}:
        value = (
            clean(args.value).strip().lower()
            if "@" in args.value or "." in args.value
            else clean(args.value).strip()
        )
        if not value:
            raise _error("the hint is empty")
        with store.transaction():
            current = store.get(Opportunity, opportunity.id)
            hints = list(current.mail_hints)
            if verb == "add" and value not in hints:
                hints.append(value)
            elif verb == "remove":
                if value not in hints:
                    raise _error(f"{value} is not a hint of {current.company}")
                hints.remove(value)
            store.put(dataclasses.replace(current, mail_hints=tuple(hints)))
        opportunity = store.get(Opportunity, opportunity.id)
    _say(
        f"{opportunity.company} ({opportunity.id}): "
        + (", ".join(opportunity.mail_hints) or "no hints")
    )
    return 0


# -- nowwhat import invite.ics ---------------------------------------------------------------


def import_invitation(session: Session, path: Path, dry_run: bool) -> int:
    """``nowwhat import invite.ics``: the invitation goes through the review queue as mail does."""
    from .invite_file import import_invitation_file

    return import_invitation_file(session, path, dry_run)
