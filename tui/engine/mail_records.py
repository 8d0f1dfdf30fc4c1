"""What nowwhat keeps about mail: its sources, each message it handled, and the review queue.

Only metadata is kept, never a body or an attachment: the Message-ID, the date, the direction,
the counterpart's address, the subject line, the verdict and the record it was matched to. A
message that concerned nothing (``unrelated``) keeps even less: its key, date and verdict, so a
second scan knows it was seen.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from pendulum import DateTime

from .errors import InvalidField
from .models import (
    _check_choice,
    _check_id,
    _check_moment,
    _check_text,
    _check_texts,
)

__all__ = [
    "ACTIONS",
    "INVITATIONS",
    "REVIEW_STATUSES",
    "SENT_KINDS",
    "VERDICTS",
    "MailReview",
    "MailSeen",
    "MailSource",
    "seen_id",
]

VERDICTS = (
    "interview_invite",
    "next_round",
    "rejected",
    "offer",
    "acknowledgement",
    "reply",
    "sent",
    "unrelated",
)
FINAL_VERDICTS = frozenset({"interview_invite", "next_round", "rejected", "offer"})
INVITATIONS = frozenset({"interview_invite", "next_round"})
"""The verdicts whose acceptance adds an interview (a first one, or a later round's)."""
SENT_KINDS = ("thank_you", "check_in", "advocate_ask", "network_update", "other")
ACTIONS = ("applied", "review", "ignored", "accepted", "rejected", "undone")
"""What became of a message: the first three are what a scan does; the rest what came after."""
REVIEW_STATUSES = ("open", "accepted", "rejected", "superseded")
INVITE_METHODS = ("", "REQUEST", "CANCEL")


def seen_id(key: str) -> str:
    """The record id of a handled message, from its key (its Message-ID, or a hash of date,
    sender and subject): the same message always gets the same id, so it is handled once."""
    return "msg_" + hashlib.sha256(key.encode("utf-8", "surrogatepass")).hexdigest()[:40]


def _check_int(value: object, name: str, low: int = 0) -> None:
    if isinstance(value, bool) or not isinstance(value, int) or value < low:
        raise InvalidField(name, f"{value!r} is not a whole number of at least {low}")


def _check_optional_id(value: object, name: str) -> None:
    if value is not None:
        _check_id(value, name)


@dataclass(frozen=True, slots=True, kw_only=True)
class MailSource:
    """A place ``nowwhat mail scan`` reads with no argument: a folder, a file, an IMAP folder.

    An IMAP source keeps where the last scan stopped (UIDVALIDITY and the highest UID seen) so
    the next one fetches only what is new; the password is never kept, only the command that
    prints it (like mbsync's ``PassCmd``), if the person gave one.
    """

    id: str
    location: str
    password_command: str = ""
    uidvalidity: int = 0
    last_uid: int = 0
    added_at: DateTime | None = None
    last_scan: DateTime | None = None

    def __post_init__(self) -> None:
        _check_id(self.id)
        _check_text(self.location, "location", required=True, limit=4000)
        _check_text(self.password_command, "password_command", limit=1000)
        _check_int(self.uidvalidity, "uidvalidity")
        _check_int(self.last_uid, "last_uid")
        _check_moment(self.added_at, "added_at", optional=True)
        _check_moment(self.last_scan, "last_scan", optional=True)


@dataclass(frozen=True, slots=True, kw_only=True)
class MailSeen:
    """One message handled by a scan: its verdict and what was done with it.

    The id comes from the message's key (:func:`seen_id`). ``touch_id`` is the touch it logged
    (applied), ``review_id`` the queue entry it waits in.
    """

    id: str
    at: DateTime
    direction: str
    verdict: str
    action: str
    message_id: str = ""
    counterpart: str = ""
    subject: str = ""
    sent_kind: str = ""
    opportunity_id: str | None = None
    contact_id: str | None = None
    touch_id: str | None = None
    interview_id: str | None = None
    review_id: str | None = None
    handled_at: DateTime | None = None
    noticed: bool = False

    def __post_init__(self) -> None:
        _check_id(self.id)
        _check_moment(self.at, "at")
        _check_choice(self.direction, "direction", ("in", "out"))
        _check_choice(self.verdict, "verdict", VERDICTS)
        _check_choice(self.action, "action", ACTIONS)
        _check_text(self.message_id, "message_id", limit=1000)
        _check_text(self.counterpart, "counterpart", limit=320)
        _check_text(self.subject, "subject", limit=500)
        _check_choice(self.sent_kind, "sent_kind", ("", *SENT_KINDS))
        for name in ("opportunity_id", "contact_id", "touch_id", "interview_id", "review_id"):
            _check_optional_id(getattr(self, name), name)
        _check_moment(self.handled_at, "handled_at", optional=True)
        if not isinstance(self.noticed, bool):
            raise InvalidField("noticed", "must be true or false")


@dataclass(frozen=True, slots=True, kw_only=True)
class MailReview:
    """A message whose verdict changes something final, or whose match is not certain.

    Nothing happens until the person accepts it (``nowwhat mail accept ID``, the Inbox); the
    proposal is what the scan read: the verdict, the matched opportunity (or the candidates when
    it could not choose), and for a calendar invitation the interview it proposes.
    """

    id: str
    seen_id: str
    at: DateTime
    direction: str
    verdict: str
    subject: str = ""
    counterpart: str = ""
    message_id: str = ""
    sent_kind: str = ""
    opportunity_id: str | None = None
    candidates: tuple[str, ...] = ()
    contact_id: str | None = None
    match: str = ""
    reason: str = ""
    source: str = ""
    locator: str = ""
    status: str = "open"
    created_at: DateTime | None = None
    settled_at: DateTime | None = None
    invite_method: str = ""
    invite_uid: str = ""
    invite_sequence: int = 0
    invite_start: DateTime | None = None
    invite_minutes: int = 0
    invite_kind: str = ""
    invite_summary: str = ""
    invite_interviewers: tuple[str, ...] = ()
    invite_new_contacts: tuple[str, ...] = ()
    invite_problem: str = ""

    def __post_init__(self) -> None:
        _check_id(self.id)
        _check_id(self.seen_id, "seen_id")
        _check_moment(self.at, "at")
        _check_choice(self.direction, "direction", ("in", "out"))
        _check_choice(self.verdict, "verdict", VERDICTS)
        _check_text(self.subject, "subject", limit=500)
        _check_text(self.counterpart, "counterpart", limit=320)
        _check_text(self.message_id, "message_id", limit=1000)
        _check_choice(self.sent_kind, "sent_kind", ("", *SENT_KINDS))
        _check_optional_id(self.opportunity_id, "opportunity_id")
        if not isinstance(self.candidates, tuple):
            raise InvalidField("candidates", "must be a list of record ids")
        for candidate in self.candidates:
            _check_id(candidate, "candidates")
        _check_optional_id(self.contact_id, "contact_id")
        _check_text(self.match, "match", limit=50)
        _check_text(self.reason, "reason", limit=500)
        _check_text(self.source, "source", limit=4000)
        _check_text(self.locator, "locator", limit=4000)
        _check_choice(self.status, "status", REVIEW_STATUSES)
        _check_moment(self.created_at, "created_at", optional=True)
        _check_moment(self.settled_at, "settled_at", optional=True)
        _check_choice(self.invite_method, "invite_method", INVITE_METHODS)
        _check_text(self.invite_uid, "invite_uid", limit=500)
        _check_int(self.invite_sequence, "invite_sequence")
        _check_moment(self.invite_start, "invite_start", optional=True)
        _check_int(self.invite_minutes, "invite_minutes")
        _check_text(self.invite_kind, "invite_kind", limit=100)
        _check_text(self.invite_summary, "invite_summary", limit=500)
        if self.invite_interviewers:
            _check_texts(self.invite_interviewers, "invite_interviewers")
        if self.invite_new_contacts:
            _check_texts(self.invite_new_contacts, "invite_new_contacts")
        _check_text(self.invite_problem, "invite_problem", limit=500)

    @property
    def open(self) -> bool:
        """Still waiting for the person's decision."""
        return self.status == "open"
