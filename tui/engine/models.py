"""The records nowwhat keeps: opportunities, interviews, contacts, touches and tasks.

Records are frozen dataclasses that check their own values when built, so nothing invalid gets
past the CLI, a form or an import. Moments are timezone-aware pendulum ``DateTime``; days are
pendulum ``Date``. Every record carries a stable string ``id`` that survives export and import.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from pendulum import Date, DateTime

from .errors import ControlCharacter, InvalidField
from .settings import Settings
from .text import control_in, describe
from .when import EARLIEST_YEAR, LATEST_YEAR, check_year

if TYPE_CHECKING:
    from .mail_records import MailReview, MailSeen, MailSource

__all__ = [
    "CLOSED_STAGES",
    "FEELINGS",
    "NOTE_FIELDS",
    "OUTCOMES",
    "STAGES",
    "TASK_KINDS",
    "TASK_STATUSES",
    "TOUCH_KINDS",
    "Contact",
    "Interview",
    "Mark",
    "Opportunity",
    "Records",
    "Task",
    "Touch",
]

STAGES = (
    "lead",
    "applied",
    "screening",
    "interviewing",
    "offer",
    "rejected",
    "withdrawn",
    "closed",
)
CLOSED_STAGES = frozenset({"rejected", "withdrawn", "closed"})
FEELINGS = ("great", "good", "ok", "rough")
TOUCH_KINDS = (
    "thank_you",
    "check_in",
    "advocate_ask",
    "network_update",
    "heard_back",
    "call",
    "close_out",
    "acknowledgement",  # an automatic receipt ("we received your application"), read from mail
)
OUTCOMES = ("next_round", "offer", "offer_in_hand", "rejected")
TASK_KINDS = ("apply", "cold_call", "networking_call", "research", "prep", "other")
TASK_STATUSES = ("open", "done", "dropped")
DIRECTIONS = ("out", "in")
POSTING_STATES = ("", "posted", "gone", "unknown")

NOTE_FIELDS = frozenset({"notes", "note"})
"""The fields that may hold line breaks and tabs: every other text is one line."""

_ID = re.compile(r"^[A-Za-z0-9_-]{1,64}$")
_TAG = re.compile(r"^[a-z0-9][a-z0-9_-]{0,31}$")


_VALID_IDS: set[str] = set()  # ids repeat across records (links): check each text once


def _check_id(value: object, name: str = "id") -> None:
    if value in _VALID_IDS:
        return
    if not isinstance(value, str) or not _ID.match(value):
        raise InvalidField(name, f"{value!r} is not a record id")
    if len(_VALID_IDS) < 200_000:
        _VALID_IDS.add(value)


def _check_text(
    value: object, name: str, *, required: bool = False, limit: int = 2000, notes: bool = False
) -> None:
    if not isinstance(value, str):
        raise InvalidField(name, "must be text")
    if required and not value.strip():
        raise InvalidField(name, "must not be empty")
    if len(value) > limit:
        raise InvalidField(name, f"is too long ({len(value)} characters; at most {limit})")
    bad = control_in(value, multiline=notes)
    if bad is not None:
        raise ControlCharacter(name, f"contains a control character, {describe(bad)}: remove it")


def _check_choice(
    value: object, name: str, choices: tuple[str, ...], *, optional: bool = False
) -> None:
    if optional and value is None:
        return
    if value not in choices:
        raise InvalidField(name, f"{value!r} is not one of {', '.join(choices)}")


def _check_moment(value: object, name: str, *, optional: bool = False) -> None:
    if optional and value is None:
        return
    if not isinstance(value, DateTime) or value.tzinfo is None:
        raise InvalidField(name, "must be a date and time with a time zone")
    if not EARLIEST_YEAR <= value.year <= LATEST_YEAR:
        check_year(value.year, name, value.isoformat())


def _check_day(value: object, name: str, *, optional: bool = False) -> None:
    if optional and value is None:
        return
    if not isinstance(value, Date) or isinstance(value, DateTime):
        raise InvalidField(name, "must be a date")
    if not EARLIEST_YEAR <= value.year <= LATEST_YEAR:
        check_year(value.year, name, value.isoformat())


def _check_texts(value: object, name: str) -> None:
    if not isinstance(value, tuple) or not all(isinstance(v, str) and v.strip() for v in value):
        raise InvalidField(name, "must be a list of non-empty texts")
    for text in value:
        _check_text(text, name, limit=200)


def _check_minutes(value: object, name: str, *, optional: bool = False) -> None:
    if optional and value is None:
        return
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= 24 * 60:
        raise InvalidField(name, f"{value!r} is not a number of minutes between 1 and 1440")


@dataclass(frozen=True, slots=True, kw_only=True)
class Opportunity:
    """A job the person is pursuing, at one company."""

    id: str
    company: str
    role: str = ""
    stage: str = "applied"
    source: str = ""
    url: str = ""
    applied_on: Date | None = None
    offer_in_hand: bool = False
    notes: str = ""
    created_at: DateTime | None = None
    posting: str = ""  # what the last check of the posting URL found: posted, gone, unknown
    posting_checked: Date | None = None
    posting_note: str = ""
    mail_hints: tuple[str, ...] = ()
    """Where its mail comes from, beyond what contacts and the posting URL tell: domains
    (``talent.acme.example``), sender addresses (``acme@myworkday.example``) or other names the
    company goes by (``Acme Corp``). Read by the mail matcher (:mod:`tui.engine.mail_match`)."""

    def __post_init__(self) -> None:
        _check_id(self.id)
        _check_text(self.company, "company", required=True, limit=200)
        _check_text(self.role, "role", limit=200)
        _check_choice(self.stage, "stage", STAGES)
        _check_text(self.source, "source", limit=200)
        _check_text(self.url, "url", limit=2000)
        if self.url and not re.match(r"^https?://\S+$", self.url):
            raise InvalidField("url", f"{self.url!r} is not an http(s) address")
        _check_day(self.applied_on, "applied_on", optional=True)
        if not isinstance(self.offer_in_hand, bool):
            raise InvalidField("offer_in_hand", "must be true or false")
        _check_text(self.notes, "notes", limit=20000, notes=True)
        _check_moment(self.created_at, "created_at", optional=True)
        _check_choice(self.posting, "posting", POSTING_STATES)
        _check_day(self.posting_checked, "posting_checked", optional=True)
        _check_text(self.posting_note, "posting_note", limit=500)
        _check_texts(self.mail_hints, "mail_hints")

    @property
    def active(self) -> bool:
        """Still in play: not rejected, withdrawn or closed."""
        return self.stage not in CLOSED_STAGES


@dataclass(frozen=True, slots=True, kw_only=True)
class Interview:
    """One interview for an opportunity, and what the person took from it."""

    id: str
    opportunity_id: str
    start: DateTime
    kind: str = "interview"
    minutes: int = 60
    interviewers: tuple[str, ...] = ()
    skills: tuple[str, ...] = ()
    promised_by: Date | None = None
    felt: str | None = None
    notes: str = ""
    # The debrief (issue 18): how likely an advance felt, what they said about next steps,
    # the concrete signals noticed, and when the debrief was finished (None: not yet).
    estimate: int | None = None
    next_steps: str = ""
    signals: tuple[str, ...] = ()
    debriefed_at: DateTime | None = None
    invite_uid: str = ""
    """The calendar invitation it came from (its UID): a later one moves or cancels it."""
    invite_sequence: int = 0
    cancelled: bool = False
    """Cancelled (by the company's calendar, or by hand): kept, but no longer planned around."""

    def __post_init__(self) -> None:
        _check_id(self.id)
        _check_id(self.opportunity_id, "opportunity_id")
        _check_moment(self.start, "start")
        _check_text(self.kind, "kind", required=True, limit=100)
        _check_minutes(self.minutes, "minutes")
        _check_texts(self.interviewers, "interviewers")
        _check_texts(self.skills, "skills")
        _check_day(self.promised_by, "promised_by", optional=True)
        _check_choice(self.felt, "felt", FEELINGS, optional=True)
        _check_text(self.notes, "notes", limit=20000, notes=True)
        if self.estimate is not None and (
            isinstance(self.estimate, bool)
            or not isinstance(self.estimate, int)
            or not 0 <= self.estimate <= 100
        ):
            raise InvalidField("estimate", f"{self.estimate!r} is not a percentage from 0 to 100")
        _check_text(self.next_steps, "next_steps", limit=2000)
        _check_texts(self.signals, "signals")
        _check_moment(self.debriefed_at, "debriefed_at", optional=True)
        _check_text(self.invite_uid, "invite_uid", limit=500)
        if isinstance(self.invite_sequence, bool) or not isinstance(self.invite_sequence, int):
            raise InvalidField("invite_sequence", "must be a whole number")
        if not isinstance(self.cancelled, bool):
            raise InvalidField("cancelled", "must be true or false")

    def ended_by(self, moment: DateTime) -> bool:
        """Over at ``moment``: the thank-you and the wait for an answer start when it ends,
        not while the person is still in the room."""
        return self.start + dt.timedelta(minutes=self.minutes) <= moment


@dataclass(frozen=True, slots=True, kw_only=True)
class Contact:
    """A person: core network, advocate, recruiter, interviewer."""

    id: str
    name: str
    company: str = ""
    relation: str = ""
    email: str = ""
    phone: str = ""
    tags: frozenset[str] = frozenset()
    opportunity_ids: tuple[str, ...] = ()
    notes: str = ""

    def __post_init__(self) -> None:
        _check_id(self.id)
        _check_text(self.name, "name", required=True, limit=200)
        _check_text(self.company, "company", limit=200)
        _check_text(self.relation, "relation", limit=200)
        _check_text(self.email, "email", limit=320)
        if self.email and not re.match(r"^[^@\s]+@[^@\s]+$", self.email):
            raise InvalidField("email", f"{self.email!r} is not an e-mail address")
        _check_text(self.phone, "phone", limit=50)
        if not isinstance(self.tags, frozenset) or not all(
            isinstance(t, str) and _TAG.match(t) for t in self.tags
        ):
            raise InvalidField("tags", "must be short lowercase words such as core or advocate")
        if not isinstance(self.opportunity_ids, tuple):
            raise InvalidField("opportunity_ids", "must be a list of record ids")
        for oid in self.opportunity_ids:
            _check_id(oid, "opportunity_ids")
        _check_text(self.notes, "notes", limit=20000, notes=True)

    @property
    def is_advocate(self) -> bool:
        """Tagged as someone who vouches for the person or tells them what is going on."""
        return "advocate" in self.tags

    @property
    def is_core(self) -> bool:
        """Part of the close network that hears how each interview went."""
        return "core" in self.tags


@dataclass(frozen=True, slots=True, kw_only=True)
class Touch:
    """One message or call, either direction: the record every clock is computed from."""

    id: str
    kind: str
    at: DateTime
    opportunity_id: str | None = None
    contact_id: str | None = None
    direction: str = "out"
    channel: str = "email"
    outcome: str | None = None
    answers: Mapping[str, str] = field(default_factory=dict)
    note: str = ""

    def __post_init__(self) -> None:
        _check_id(self.id)
        _check_choice(self.kind, "kind", TOUCH_KINDS)
        _check_moment(self.at, "at")
        if self.opportunity_id is not None:
            _check_id(self.opportunity_id, "opportunity_id")
        if self.contact_id is not None:
            _check_id(self.contact_id, "contact_id")
        if self.opportunity_id is None and self.contact_id is None:
            raise InvalidField("opportunity_id", "a touch needs a company or a contact")
        _check_choice(self.direction, "direction", DIRECTIONS)
        _check_text(self.channel, "channel", required=True, limit=50)
        _check_choice(self.outcome, "outcome", OUTCOMES, optional=True)
        if self.outcome is not None and self.kind != "heard_back":
            raise InvalidField("outcome", "only a heard-back touch has an outcome")
        if not isinstance(self.answers, Mapping) or not all(
            isinstance(k, str) and isinstance(v, str) for k, v in self.answers.items()
        ):
            raise InvalidField("answers", "must map questions to answers")
        for question, answer in self.answers.items():
            _check_text(question, "answers", limit=100)
            _check_text(answer, "answers", limit=2000)
        _check_text(self.note, "note", limit=20000, notes=True)


@dataclass(frozen=True, slots=True, kw_only=True)
class Task:
    """Something the person means to do: search work (apply, calls) or their own follow-up."""

    id: str
    title: str
    kind: str = "other"
    minutes: int | None = None
    due: Date | None = None
    company: str = ""
    status: str = "open"
    done_at: DateTime | None = None
    snoozed_to: Date | None = None
    created_at: DateTime | None = None

    def __post_init__(self) -> None:
        _check_id(self.id)
        _check_text(self.title, "title", required=True, limit=500)
        _check_choice(self.kind, "kind", TASK_KINDS)
        _check_minutes(self.minutes, "minutes", optional=True)
        _check_day(self.due, "due", optional=True)
        _check_text(self.company, "company", limit=200)
        _check_choice(self.status, "status", TASK_STATUSES)
        _check_moment(self.done_at, "done_at", optional=True)
        if self.status == "done" and self.done_at is None:
            raise InvalidField("done_at", "a done task needs the moment it was done")
        _check_day(self.snoozed_to, "snoozed_to", optional=True)
        _check_moment(self.created_at, "created_at", optional=True)


@dataclass(frozen=True, slots=True, kw_only=True)
class Mark:
    """What the person did with a planned item that is not a record of its own.

    A check-in or thank-you is done by logging a touch, and a task by finishing it; but a
    "find an advocate" item, or any item snoozed to a later day, needs somewhere to say so.
    """

    id: str
    item_id: str
    snoozed_to: Date | None = None
    done_at: DateTime | None = None

    def __post_init__(self) -> None:
        _check_id(self.id)
        if not isinstance(self.item_id, str) or not self.item_id.strip():
            raise InvalidField("item_id", "must name a planned item")
        _check_text(self.item_id, "item_id", limit=200)
        _check_day(self.snoozed_to, "snoozed_to", optional=True)
        _check_moment(self.done_at, "done_at", optional=True)
        if self.snoozed_to is None and self.done_at is None:
            raise InvalidField("snoozed_to", "a mark is either a snooze or a done")


@dataclass(frozen=True, slots=True, weakref_slot=True)
class Records:
    """Everything in one database, as plain records: what the engine plans from."""

    opportunities: tuple[Opportunity, ...] = ()
    interviews: tuple[Interview, ...] = ()
    contacts: tuple[Contact, ...] = ()
    touches: tuple[Touch, ...] = ()
    tasks: tuple[Task, ...] = ()
    marks: tuple[Mark, ...] = ()
    settings: Settings = field(default_factory=Settings)
    mail_sources: tuple[MailSource, ...] = ()
    mail_seen: tuple[MailSeen, ...] = ()
    mail_review: tuple[MailReview, ...] = ()

    def counts(self) -> dict[str, int]:
        """How many records of each kind: for summaries and sanity checks."""
        return {
            "opportunities": len(self.opportunities),
            "interviews": len(self.interviews),
            "contacts": len(self.contacts),
            "touches": len(self.touches),
            "tasks": len(self.tasks),
            "marks": len(self.marks),
            "mail_sources": len(self.mail_sources),
            "mail_seen": len(self.mail_seen),
            "mail_review": len(self.mail_review),
        }
