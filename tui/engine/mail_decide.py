"""What to do with a classified, matched message: log it now, queue it for review, or leave it.

Applied at once is only what moves a clock forward and can be undone — a reply or a receipt from
a contact's own address, the person's own thank-you, check-in, advocate ask or network update to
one. Everything final (rejected, offer, an interview, another round), everything matched by
domain, name or a forward alone, and everything ambiguous waits in the review queue. A calendar
invitation proposes an interview; a later version of one the person accepted (same UID, higher
SEQUENCE) moves it, and its cancellation marks it cancelled, both at once.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass
from typing import Any

from pendulum import DateTime

from .mail_facts import Address, Invitation, MailFacts
from .mail_match import Match
from .mail_records import FINAL_VERDICTS
from .mail_rules import Classification
from .models import Contact, Interview, Records

__all__ = [
    "Decision",
    "InterviewChange",
    "TouchPlan",
    "decide",
    "interview_kind",
    "interviewers",
    "moved",
]

SENT_TOUCHES = frozenset({"thank_you", "check_in", "advocate_ask", "network_update"})
_OUTCOME = {"rejected": "rejected", "offer": "offer", "next_round": "next_round"}
_METHOD_WORDS = {
    "hint": "an address or domain you gave for it",
    "domain": "the company's domain",
    "thread": "the thread of an earlier message",
    "ats": "the company an applicant-tracking system names",
    "name": "the company's name",
    "address": "a contact's address",
}


@dataclass(frozen=True, slots=True)
class TouchPlan:
    """The touch a message stands for (logged now when applied, or when accepted)."""

    kind: str
    direction: str
    opportunity_id: str | None
    contact_id: str | None
    outcome: str | None = None


@dataclass(frozen=True, slots=True)
class InterviewChange:
    """A later invitation for an interview already accepted: move it, or cancel it."""

    interview_id: str
    change: str  # move | cancel
    start: DateTime | None = None
    minutes: int = 0
    sequence: int = 0


@dataclass(frozen=True, slots=True)
class Decision:
    """The outcome of reading one message."""

    action: str  # applied | review | ignored
    verdict: str
    opportunity_id: str | None
    contact_id: str | None
    reason: str
    sent_kind: str = ""
    touch: TouchPlan | None = None
    candidates: tuple[str, ...] = ()
    interview_change: InterviewChange | None = None
    supersedes: tuple[str, ...] = ()
    invite_kind: str = ""
    invite_interviewers: tuple[str, ...] = ()
    invite_new_contacts: tuple[str, ...] = ()


def decide(
    facts: MailFacts,
    match: Match,
    verdict: Classification,
    records: Records,
    mine: frozenset[str] = frozenset(),
) -> Decision:
    """What becomes of the message, given what is already in ``records``."""
    if verdict.verdict == "unrelated":
        return Decision("ignored", "unrelated", None, None, verdict.rule)
    if match.direction == "out":
        return _sent(match, verdict)
    if facts.calendar_method in {"REQUEST", "CANCEL"} and facts.invitation is not None:
        return _invitation(facts, facts.invitation, match, verdict, records, mine)
    opportunity = None if match.contact_only else match.opportunity_id
    if match.ambiguous:
        return Decision(
            "review",
            verdict.verdict,
            None,
            match.contact_id,
            f"could be about {len(match.candidates)} opportunities: choose one",
            candidates=match.candidates,
            touch=_touch_for(verdict.verdict, match, None),
        )
    touch = _touch_for(verdict.verdict, match, opportunity)
    if verdict.verdict in FINAL_VERDICTS:
        return Decision(
            "review",
            verdict.verdict,
            opportunity,
            match.contact_id,
            f"{_WHAT[verdict.verdict]}: nothing changes until you accept it",
            touch=touch,
        )
    if match.method != "address":
        return Decision(
            "review",
            verdict.verdict,
            opportunity,
            match.contact_id,
            f"matched by {_METHOD_WORDS.get(match.method, match.method)} only",
            touch=touch,
        )
    if match.forwarded or not verdict.settled:
        why = "a forwarded message" if match.forwarded else "no rule settled what it is"
        return Decision("review", verdict.verdict, opportunity, match.contact_id, why, touch=touch)
    return Decision(
        "applied", verdict.verdict, opportunity, match.contact_id, verdict.rule, touch=touch
    )


_WHAT = {
    "rejected": "a rejection",
    "offer": "an offer",
    "next_round": "another round",
    "interview_invite": "an invitation to interview",
}


def _touch_for(verdict: str, match: Match, opportunity: str | None) -> TouchPlan:
    about_job = None if (match.personal and match.contact_id) else opportunity
    if verdict == "acknowledgement":
        return TouchPlan("acknowledgement", "in", opportunity, match.contact_id)
    outcome = _OUTCOME.get(verdict)
    if outcome is not None:
        return TouchPlan("heard_back", "in", opportunity, match.contact_id, outcome)
    if verdict == "interview_invite":
        return TouchPlan("heard_back", "in", opportunity, match.contact_id, None)
    # A reply: from the employer it is their answer; from a friend or advocate it is news
    # about them, logged with the person so the employer's clocks keep running.
    return TouchPlan("heard_back", "in", about_job, match.contact_id)


def _sent(match: Match, verdict: Classification) -> Decision:
    kind = verdict.sent_kind or "other"
    # A network update is logged with the person, never as a touch of the employer; it is
    # *about* the opportunity only when it names it (news of her employer's offer to a friend).
    update = kind == "network_update"
    about = None if match.contact_only or (update and not match.named) else match.opportunity_id
    opportunity = None if update else about
    if kind not in SENT_TOUCHES:
        return Decision(
            "ignored",
            "sent",
            about,
            match.contact_id,
            "your own message: not a thank-you, check-in, advocate ask or network update",
            sent_kind=kind,
        )
    touch = TouchPlan(kind, "out", opportunity, match.contact_id)
    if match.ambiguous:
        return Decision(
            "review",
            "sent",
            None,
            match.contact_id,
            f"could be about {len(match.candidates)} opportunities: choose one",
            sent_kind=kind,
            candidates=match.candidates,
            touch=touch,
        )
    if match.method != "address":
        return Decision(
            "review",
            "sent",
            about,
            match.contact_id,
            f"matched by {_METHOD_WORDS.get(match.method, match.method)} only",
            sent_kind=kind,
            touch=touch,
        )
    return Decision(
        "applied", "sent", about, match.contact_id, verdict.rule, sent_kind=kind, touch=touch
    )


def _invitation(
    facts: MailFacts,
    invitation: Invitation,
    match: Match,
    verdict: Classification,
    records: Records,
    mine: frozenset[str],
) -> Decision:
    accepted = next(
        (i for i in records.interviews if invitation.uid and i.invite_uid == invitation.uid), None
    )
    pending = [
        r
        for r in records.mail_review
        if r.open and invitation.uid and r.invite_uid == invitation.uid
    ]
    opportunity = accepted.opportunity_id if accepted else match.opportunity_id
    kind = interview_kind(invitation)
    # Yourself: your addresses, or (when you have not said them) whom the mail was sent to.
    yourself = mine or frozenset(a.email for a in facts.to[:1])
    people, new = interviewers(invitation, records, yourself)
    common: dict[str, Any] = {
        "invite_kind": kind,
        "invite_interviewers": people,
        "invite_new_contacts": new,
    }
    if invitation.method == "CANCEL":
        if accepted is not None:
            if accepted.cancelled:
                return Decision(
                    "ignored", verdict.verdict, opportunity, match.contact_id, "already cancelled"
                )
            return Decision(
                "applied",
                verdict.verdict,
                opportunity,
                match.contact_id,
                "the invitation you accepted was cancelled: the interview is marked cancelled",
                interview_change=InterviewChange(accepted.id, "cancel"),
            )
        return Decision(
            "review",
            verdict.verdict,
            opportunity,
            match.contact_id,
            "cancels an invitation you have not accepted"
            if pending
            else "cancels an event nowwhat has no interview for",
            supersedes=tuple(r.id for r in pending),
            candidates=() if opportunity else match.candidates,
            **common,
        )
    if invitation.problem:
        return Decision(
            "review",
            verdict.verdict,
            opportunity,
            match.contact_id,
            f"the calendar invitation was not read: {invitation.problem}",
            candidates=() if opportunity else match.candidates,
            **common,
        )
    if accepted is not None:
        if invitation.sequence > accepted.invite_sequence:
            return Decision(
                "applied",
                verdict.verdict,
                opportunity,
                match.contact_id,
                "a later version of an invitation you accepted: the interview moves",
                interview_change=InterviewChange(
                    accepted.id,
                    "move",
                    invitation.start,
                    invitation.minutes,
                    invitation.sequence,
                ),
                **common,
            )
        return Decision(
            "ignored",
            verdict.verdict,
            opportunity,
            match.contact_id,
            "the same or an earlier version of an invitation you accepted",
        )
    if any(r.invite_sequence > invitation.sequence for r in pending):
        return Decision(
            "ignored",
            verdict.verdict,
            opportunity,
            match.contact_id,
            "an earlier version of an invitation already waiting for review",
        )
    why = "an invitation to interview: accept it to add the interview"
    if match.ambiguous:
        why = f"an invitation that could be about {len(match.candidates)} opportunities"
    return Decision(
        "review",
        verdict.verdict,
        opportunity if not match.ambiguous else None,
        match.contact_id,
        why,
        supersedes=tuple(r.id for r in pending),
        candidates=match.candidates,
        touch=_touch_for("interview_invite", match, opportunity),
        **common,
    )


_KINDS = (
    ("panel", re.compile(r"\bpanel\b", re.IGNORECASE)),
    (
        "onsite",
        re.compile(
            r"\b(on-?site|on site|in[- ]person|office|hq|headquarters|visit)\b|"
            r"\b\d+\s+\w+(\s+\w+)?\s+(st|street|ave|avenue|road|rd|blvd|boulevard|way|square|yards)\b",
            re.IGNORECASE,
        ),
    ),
    (
        "video",
        re.compile(
            r"\b(zoom|teams|google meet|meet\.|webex|video|hangouts?|whereby|skype|bluejeans)",
            re.IGNORECASE,
        ),
    ),
    ("phone", re.compile(r"\b(phone|telephone|call)\b|\+?\d[\d ().-]{8,}\d", re.IGNORECASE)),
)


def interview_kind(invitation: Invitation) -> str:
    """Phone, video, onsite or panel, guessed from the summary first, then the location."""
    for text in (invitation.summary, invitation.location, invitation.description):
        for kind, pattern in _KINDS:
            if text and pattern.search(text):
                return kind
    return "interview"


_RECRUITING = re.compile(r"recruit|talent|coordinat|\bhr\b|people ops|sourc", re.IGNORECASE)
_SYSTEM = re.compile(
    r"^(no-?reply|do-?not-?reply|recruiting|careers|jobs|talent|calendar|notifications?|"
    r"interviews?|scheduling|hr)([-_.+].*)?@",
    re.IGNORECASE,
)


def interviewers(
    invitation: Invitation, records: Records, mine: frozenset[str]
) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Who the person will meet (by name), and those not yet among the contacts as
    ``Name <address>`` (proposed as new contacts)."""
    by_email = {c.email.lower(): c for c in records.contacts if c.email}
    people: list[Address] = []
    for person in (invitation.organizer, *invitation.attendees):
        if person is None or person.email in mine or _SYSTEM.match(person.email):
            continue
        if person.email not in {p.email for p in people}:
            people.append(person)
    if len(people) > 1:
        # The recruiter who sends the invitation rarely interviews when others attend.
        others = [p for p in people if not _is_recruiter(by_email.get(p.email))]
        people = others or people
    names: list[str] = []
    new: list[str] = []
    for person in people:
        contact = by_email.get(person.email)
        if contact is not None:
            names.append(contact.name)
            continue
        name = person.name or person.email.partition("@")[0]
        names.append(name)
        new.append(f"{name} <{person.email}>")
    return tuple(names), tuple(new)


def _is_recruiter(contact: Contact | None) -> bool:
    return contact is not None and bool(_RECRUITING.search(contact.relation))


def moved(interview: Interview, change: InterviewChange) -> Interview:
    """The interview after a later invitation moved it (its clocks follow its new start)."""
    return dataclasses.replace(
        interview,
        start=change.start or interview.start,
        minutes=change.minutes or interview.minutes,
        invite_sequence=change.sequence,
        cancelled=False,
    )
