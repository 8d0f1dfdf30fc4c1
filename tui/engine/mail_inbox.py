"""What the Inbox shows: the review queue, and what scans applied lately (with undo).

One answer for every face: the count Today and the Waiting room show, the rows of the Inbox,
and ``nowwhat mail review`` all come from here.
"""

from __future__ import annotations

from dataclasses import dataclass

from pendulum import DateTime

from .mail_records import MailReview, MailSeen
from .models import Records

__all__ = [
    "VERDICT_LABEL",
    "AppliedRow",
    "InboxView",
    "ReviewRow",
    "inbox_view",
    "review_count",
    "review_notice",
]

APPLIED_DAYS = 14
VERDICT_LABEL = {
    "interview_invite": "invitation",
    "next_round": "next round",
    "rejected": "rejected",
    "offer": "offer",
    "acknowledgement": "receipt",
    "reply": "reply",
    "sent": "sent",
    "unrelated": "unrelated",
}
SENT_LABEL = {
    "thank_you": "thank-you",
    "check_in": "check-in",
    "advocate_ask": "advocate ask",
    "network_update": "network update",
    "other": "other",
}


@dataclass(frozen=True, slots=True)
class ReviewRow:
    """One entry waiting for the person, with the company (or the candidates) by name."""

    review: MailReview
    company: str
    what: str


@dataclass(frozen=True, slots=True)
class AppliedRow:
    """One message a scan applied: what it logged, and whether the person has seen it."""

    seen: MailSeen
    company: str
    what: str
    new: bool


@dataclass(frozen=True, slots=True)
class InboxView:
    review: tuple[ReviewRow, ...]
    applied: tuple[AppliedRow, ...]

    @property
    def new_applied(self) -> int:
        return sum(1 for row in self.applied if row.new)


def review_count(records: Records) -> int:
    """How many messages wait for review."""
    return sum(1 for r in records.mail_review if r.open)


def review_notice(records: Records) -> str:
    """``"3 messages to review"`` (or nothing when the queue is empty)."""
    count = review_count(records)
    if not count:
        return ""
    return f"{count} message{'s' if count != 1 else ''} to review"


def _what(verdict: str, sent_kind: str) -> str:
    if verdict == "sent":
        return f"sent {SENT_LABEL.get(sent_kind, sent_kind)}".strip()
    return VERDICT_LABEL.get(verdict, verdict)


def inbox_view(records: Records, now: DateTime, days: int = APPLIED_DAYS) -> InboxView:
    """The queue (oldest first: answer in order) and the applied messages of the last
    ``days`` (newest first; those not yet looked at first of all)."""
    companies = {o.id: o.company for o in records.opportunities}
    people = {c.id: c.name for c in records.contacts}
    review = []
    for entry in sorted((r for r in records.mail_review if r.open), key=lambda r: r.at):
        company = companies.get(entry.opportunity_id or "")
        if company is None and entry.candidates:
            company = " or ".join(companies.get(c, c) for c in entry.candidates)
        if company is None and entry.contact_id:
            company = people.get(entry.contact_id, "")
        review.append(ReviewRow(entry, company or "?", _what(entry.verdict, entry.sent_kind)))
    since = now.subtract(days=days)
    applied = []
    for seen in records.mail_seen:
        if seen.action != "applied" or seen.handled_at is None or seen.handled_at < since:
            continue
        company = companies.get(seen.opportunity_id or "") or people.get(seen.contact_id or "", "")
        applied.append(
            AppliedRow(seen, company, _what(seen.verdict, seen.sent_kind), not seen.noticed)
        )
    applied.sort(key=lambda row: (not row.new, -row.seen.at.timestamp()))
    return InboxView(tuple(review), tuple(applied))
