"""``nowwhat import invite.ics``: a saved calendar invitation, handled as one read from mail.

It is matched to an opportunity by its organizer, attendees and summary; a first invitation
waits in the review queue (``nowwhat mail accept ID`` adds the interview), a later version of
one already accepted moves the interview, a cancellation marks it cancelled. A repeating
invitation, or one that changes one occurrence, is refused with the reason.
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import TYPE_CHECKING

from ..engine.mail_decide import decide
from ..engine.mail_facts import MailFacts
from ..engine.mail_match import MailWorld
from ..engine.mail_records import seen_id
from ..engine.mail_rules import Classification
from .actions import record
from .ics import CalendarError, read_invitation
from .rules import load_rules

if TYPE_CHECKING:
    from ..cli import Session

__all__ = ["MAX_ICS_BYTES", "import_invitation_file"]

MAX_ICS_BYTES = 1_000_000


def import_invitation_file(session: Session, path: Path, dry_run: bool) -> int:
    from ..cli import CliError, say

    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise CliError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise CliError(f"{path}: is a folder") from None
    except OSError as error:
        raise CliError(f"{path}: {error.strerror}") from None
    if len(data) > MAX_ICS_BYTES:
        raise CliError(f"{path}: too large for an invitation (over 1 MB); nothing was imported")
    store, now = session.store, session.now
    try:
        invitation = read_invitation(data, session.tz)
    except CalendarError as error:
        raise CliError(f"{path}: {error}; nothing was imported") from None
    if invitation.method not in {"REQUEST", "CANCEL", "PUBLISH", ""}:
        raise CliError(f"{path}: a calendar {invitation.method} is not an invitation")
    if invitation.problem:
        raise CliError(f"{path}: {invitation.problem}; nothing was imported")
    if invitation.start is None or (invitation.organizer is None and not invitation.attendees):
        raise CliError(f"{path}: no start time or no people; nothing was imported")
    method = "CANCEL" if invitation.method == "CANCEL" else "REQUEST"
    if method != invitation.method:
        import dataclasses

        invitation = dataclasses.replace(invitation, method=method)
    key = (
        "ics:"
        + hashlib.sha256(f"{invitation.uid}\n{invitation.sequence}\n{method}".encode()).hexdigest()
    )
    facts = MailFacts(
        key=key,
        at=now,
        sender=invitation.organizer,
        subject=invitation.summary,
        to=invitation.attendees,
        text=f"{invitation.summary}\n{invitation.location}\n{invitation.description}",
        calendar_method=method,
        invitation=invitation,
        body_read=True,
    )
    with store.transaction():
        records = store.records()
        if any(m.id == seen_id(key) for m in records.mail_seen):
            say(f"{path}: already imported (this version of the invitation)")
            return 0
        world = MailWorld(records, load_rules(store.path))
        match = world.match(facts)
        verdict = Classification(
            "interview_invite" if method == "REQUEST" else "reply",
            f"calendar file ({method})",
            True,
        )
        decision = decide(facts, match, verdict, records, world.mine)
        if dry_run:
            say(f"{path}: would be {decision.action}: {decision.reason}")
            return 0
        seen = record(
            store,
            now,
            seen_id(key),
            facts,
            decision,
            counterpart=invitation.organizer.email if invitation.organizer else "",
            source=str(path),
            locator=f"file:{path.absolute()}",
            match=match.method,
        )
    if seen.review_id:
        company = next(
            (o.company for o in records.opportunities if o.id == decision.opportunity_id), None
        )
        about = (
            f" for {company}"
            if company
            else " (no opportunity matched: accept with --opportunity ID)"
        )
        say(f"{path}: queued for review as {seen.review_id}{about}: {decision.reason}")
        say(f"  accept it with: nowwhat mail accept {seen.review_id}")
    elif decision.action == "applied":
        say(f"{path}: {decision.reason}")
    else:
        say(f"{path}: nothing to do ({decision.reason})")
    return 0
