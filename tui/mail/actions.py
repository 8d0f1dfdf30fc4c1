"""What mail changes in the database, and what the person does with the review queue.

Shared by ``nowwhat mail ...`` and the Inbox screen. Every change goes through the store in one
transaction; nothing here reads mail (the scan does) or knows about Textual or argparse.

A touch logged from mail carries the message's own date and the channel ``email``. Accepting a
review entry does what the verdict means: a rejection closes the opportunity, an offer moves it
to *offer* (in hand if the person says so), another round moves it to *interviewing*, an
invitation adds the interview (with its prep task, the thank-you clock and the glow that every
interview starts) and the people it names.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field

from pendulum import DateTime

from .. import actions
from ..engine.calendar import BusinessCalendar
from ..engine.errors import InvalidField
from ..engine.mail_decide import Decision, InterviewChange, TouchPlan, moved
from ..engine.mail_facts import MailFacts
from ..engine.mail_records import INVITATIONS, MailReview, MailSeen, MailSource
from ..engine.models import Contact, Interview, Opportunity, Records, Task, Touch
from ..engine.text import clean, control_in
from ..store import Store

__all__ = [
    "Accepted",
    "accept",
    "add_source",
    "change_match",
    "notice_all",
    "record",
    "reject",
    "remove_source",
    "set_stage",
    "undo",
]

_STAGE_AFTER = {
    "next_round": "interviewing",
    "offer": "offer",
    "offer_in_hand": "offer",
    "rejected": "rejected",
}


def _now_or_before(moment: DateTime, now: DateTime) -> DateTime:
    """A message dated in the future (a sender's clock) is logged as of now."""
    return moment if moment <= now else now


def _note(subject: str) -> str:
    subject = clean(subject).strip()
    return f"e-mail: {subject}"[:300] if subject else "e-mail"


def set_stage(
    store: Store, opportunity_id: str, stage: str, *, in_hand: bool | None = None
) -> Opportunity:
    """Move an opportunity to ``stage`` (and mark an offer in hand).

    ``tui.actions`` has no stage change of its own yet (another change adds one); this is the
    small one mail needs, written the same way.
    """
    with store.transaction():
        opportunity = store.get(Opportunity, opportunity_id)
        changed = dataclasses.replace(
            opportunity,
            stage=stage,
            offer_in_hand=opportunity.offer_in_hand if in_hand is None else in_hand,
        )
        if changed != opportunity:
            store.put(changed)
    return changed


def _log(
    store: Store, now: DateTime, plan: TouchPlan, at: DateTime, subject: str, outcome: str | None
) -> Touch:
    touch = Touch(
        id=store.new_id(Touch),
        kind=plan.kind,
        at=_now_or_before(at, now),
        opportunity_id=plan.opportunity_id,
        contact_id=plan.contact_id,
        direction=plan.direction,
        channel="email",
        outcome=outcome,
        note=_note(subject),
    )
    store.add(touch)
    if plan.opportunity_id is not None and outcome in _STAGE_AFTER:
        set_stage(
            store,
            plan.opportunity_id,
            _STAGE_AFTER[outcome],
            in_hand=True if outcome == "offer_in_hand" else None,
        )
    return touch


def _change_interview(store: Store, change: InterviewChange) -> Interview:
    interview = store.get(Interview, change.interview_id)
    if change.change == "cancel":
        after = dataclasses.replace(interview, cancelled=True)
    else:
        after = moved(interview, change)
    store.put(after)
    return after


def _fit(value: str, limit: int) -> str:
    return clean(value)[:limit]


def record(
    store: Store,
    now: DateTime,
    seen_id: str,
    facts: MailFacts,
    decision: Decision,
    *,
    counterpart: str,
    source: str,
    locator: str,
    match: str,
    keep: bool = True,
) -> MailSeen:
    """Inside the scan's transaction: do what the decision says and remember the message.

    Every text kept is cleaned and cut to its field's limit: a hostile message is kept as far
    as it is readable, never refused halfway through a batch.

    With ``keep=False`` the record of the message is returned, not stored: the scan stores a
    batch of them in one pass (:meth:`Store.add_all`).
    """
    touch_id = review_id = interview_id = None
    if decision.action == "applied":
        if decision.interview_change is not None:
            interview_id = _change_interview(store, decision.interview_change).id
        elif decision.touch is not None:
            touch_id = _log(store, now, decision.touch, facts.at, facts.subject, None).id
    elif decision.action == "review":
        for other in decision.supersedes:
            old = store.get(MailReview, other)
            store.put(dataclasses.replace(old, status="superseded", settled_at=now))
        invitation = facts.invitation
        review = MailReview(
            id=store.new_id(MailReview),
            seen_id=seen_id,
            at=facts.at,
            direction=decision.touch.direction if decision.touch else "in",
            verdict=decision.verdict,
            subject=_fit(facts.subject, 500),
            counterpart=_fit(counterpart, 320),
            message_id=_fit(facts.message_id, 1000),
            sent_kind=decision.sent_kind,
            opportunity_id=decision.opportunity_id,
            candidates=decision.candidates,
            contact_id=decision.contact_id,
            match=match,
            reason=decision.reason[:500],
            source=source if control_in(source) is None else "",
            locator=locator if control_in(locator) is None else "",  # a path nobody could type
            created_at=now,
            invite_method=invitation.method
            if invitation
            and invitation.method
            in {
                "REQUEST",
                "CANCEL",
            }
            else "",
            invite_uid=_fit(invitation.uid, 500) if invitation else "",
            invite_sequence=invitation.sequence if invitation else 0,
            invite_start=invitation.start if invitation and not invitation.problem else None,
            invite_minutes=invitation.minutes if invitation else 0,
            invite_kind=decision.invite_kind,
            invite_summary=_fit(invitation.summary, 500) if invitation else "",
            invite_interviewers=tuple(
                _fit(n, 200) for n in decision.invite_interviewers if n.strip()
            ),
            invite_new_contacts=tuple(
                n for n in decision.invite_new_contacts if len(n) <= 200 and n.strip()
            ),
            invite_problem=_fit(invitation.problem, 500) if invitation else "",
        )
        store.add(review)
        review_id = review.id
    ignored = decision.action == "ignored"
    seen = MailSeen(
        id=seen_id,
        at=facts.at,
        direction=decision.touch.direction if decision.touch else _direction(decision, facts),
        verdict=decision.verdict,
        action=decision.action,
        message_id="" if ignored else _fit(facts.message_id, 1000),
        counterpart="" if ignored else _fit(counterpart, 320),
        subject="" if ignored else _fit(facts.subject, 500),
        sent_kind=decision.sent_kind,
        opportunity_id=decision.opportunity_id,
        contact_id=decision.contact_id,
        touch_id=touch_id,
        interview_id=interview_id,
        review_id=review_id,
        handled_at=now,
    )
    if keep:
        store.add(seen)
    return seen


def _direction(decision: Decision, facts: MailFacts) -> str:
    return "out" if decision.verdict == "sent" else "in"


# -- the review queue --------------------------------------------------------------------------


@dataclass(frozen=True)
class Accepted:
    """What accepting a review entry did, for the face to tell the person."""

    review: MailReview
    touch: Touch | None = None
    interview: Interview | None = None
    task: Task | None = None
    contacts: tuple[Contact, ...] = ()
    opportunity: Opportunity | None = None
    next_step: str = ""
    needs_time: bool = False
    superseded: tuple[str, ...] = field(default=())


def _open_review(records: Records, review_id: str) -> MailReview:
    review = next((r for r in records.mail_review if r.id == review_id), None)
    if review is None:
        raise InvalidField(
            "id", f"{review_id} is not in the review queue (see: nowwhat mail review)"
        )
    if not review.open:
        raise InvalidField("id", f"{review_id} was already settled ({review.status})")
    return review


def _settle(store: Store, now: DateTime, review: MailReview, status: str, **seen: object) -> None:
    store.put(dataclasses.replace(review, status=status, settled_at=now))
    try:
        entry = store.get(MailSeen, review.seen_id)
    except Exception:
        return
    action = "accepted" if status == "accepted" else "rejected"
    store.put(dataclasses.replace(entry, action=action, **seen))  # type: ignore[arg-type]


def _prep_day(store: Store, now: DateTime, start: DateTime) -> object:
    settings = store.settings()
    calendar = BusinessCalendar(settings.country)
    today = now.in_timezone(settings.timezone).date()
    day = start.in_timezone(settings.timezone).date().subtract(days=1)
    while day > today and not calendar.is_business_day(day):
        day = day.subtract(days=1)
    return max(day, today)


def accept(
    store: Store,
    now: DateTime,
    review_id: str,
    *,
    opportunity_id: str | None = None,
    start: DateTime | None = None,
    minutes: int | None = None,
    kind: str | None = None,
    in_hand: bool = False,
    add_contacts: bool = True,
) -> Accepted:
    """Accept a review entry: do what its verdict means, for the opportunity chosen."""
    with store.transaction():
        records = store.records()
        review = _open_review(records, review_id)
        chosen = opportunity_id or review.opportunity_id
        opportunity = None
        if chosen is not None:
            opportunity = next((o for o in records.opportunities if o.id == chosen), None)
            if opportunity is None:
                raise InvalidField("opportunity", f"no opportunity with id {chosen}")
        if opportunity is None and review.contact_id is None:
            raise InvalidField(
                "opportunity",
                "this message could be about several opportunities: choose one with "
                f"--opportunity ({', '.join(review.candidates) or 'see: nowwhat pipeline'})",
            )
        opp_id = opportunity.id if opportunity else None
        if review.invite_method == "CANCEL":
            return _accept_cancel(store, now, records, review)
        if review.verdict in INVITATIONS:
            return _accept_invitation(
                store,
                now,
                records,
                review,
                opportunity,
                start=start or review.invite_start,
                minutes=minutes,
                kind=kind,
                add_contacts=add_contacts,
            )
        plan = _plan(review, opp_id, records)
        outcome = {
            "rejected": "rejected",
            "offer": "offer_in_hand" if in_hand else "offer",
            "next_round": "next_round",
        }.get(review.verdict)
        touch = None
        if plan is not None:
            touch = _log(store, now, plan, review.at, review.subject, outcome)
        _settle(
            store,
            now,
            review,
            "accepted",
            touch_id=touch.id if touch else None,
            opportunity_id=opp_id,
        )
        after = store.get(Opportunity, opp_id) if opp_id else None
        step = ""
        if review.verdict == "rejected":
            step = "the opportunity is closed: a gracious close-out keeps the door open"
        elif review.verdict == "offer" and not in_hand:
            step = "is the offer in hand (a signed letter)? then the search can rest"
        return Accepted(review=review, touch=touch, opportunity=after, next_step=step)


def _plan(review: MailReview, opportunity_id: str | None, records: Records) -> TouchPlan | None:
    if review.direction == "out":
        kind = review.sent_kind
        if kind not in {"thank_you", "check_in", "advocate_ask", "network_update"}:
            return None
        about = None if kind == "network_update" else opportunity_id
        if about is None and review.contact_id is None:
            return None
        return TouchPlan(kind, "out", about, review.contact_id)
    kind = "acknowledgement" if review.verdict == "acknowledgement" else "heard_back"
    contact = next((c for c in records.contacts if c.id == review.contact_id), None)
    about = opportunity_id
    if (
        contact is not None
        and review.verdict == "reply"
        and contact.tags & {"core", "advocate", "friend"}
    ):
        about = None  # a friend's news is not the employer's answer
    if about is None and review.contact_id is None:
        return None
    return TouchPlan(kind, "in", about, review.contact_id)


def _accept_cancel(store: Store, now: DateTime, records: Records, review: MailReview) -> Accepted:
    interview = next(
        (i for i in records.interviews if review.invite_uid and i.invite_uid == review.invite_uid),
        None,
    )
    if interview is not None and not interview.cancelled:
        interview = dataclasses.replace(interview, cancelled=True)
        store.put(interview)
    _settle(store, now, review, "accepted", interview_id=interview.id if interview else None)
    return Accepted(
        review=review,
        interview=interview,
        next_step="the interview is marked cancelled" if interview else "nothing was scheduled",
    )


def _accept_invitation(
    store: Store,
    now: DateTime,
    records: Records,
    review: MailReview,
    opportunity: Opportunity | None,
    *,
    start: DateTime | None,
    minutes: int | None,
    kind: str | None,
    add_contacts: bool,
) -> Accepted:
    if opportunity is None:
        raise InvalidField("opportunity", "an interview needs an opportunity: give --opportunity")
    heard = TouchPlan("heard_back", "in", opportunity.id, review.contact_id)
    had_interview = review.verdict == "next_round" or any(
        i.opportunity_id == opportunity.id and i.start <= now and not i.cancelled
        for i in records.interviews
    )
    if start is None:
        # No time yet (an e-mail asking for availability): the answer is logged; the interview
        # is added once its time is set.
        touch = _log(
            store, now, heard, review.at, review.subject, "next_round" if had_interview else None
        )
        _settle(store, now, review, "accepted", touch_id=touch.id, opportunity_id=opportunity.id)
        return Accepted(
            review=review,
            touch=touch,
            opportunity=store.get(Opportunity, opportunity.id),
            needs_time=True,
            next_step="add the interview once its time is set",
        )
    settings = records.settings
    interview = Interview(
        id=store.new_id(Interview),
        opportunity_id=opportunity.id,
        start=start,
        kind=(kind or review.invite_kind or "interview").strip() or "interview",
        minutes=minutes or review.invite_minutes or int(settings["interview_minutes"]),
        interviewers=tuple(n for n in review.invite_interviewers if n.strip())[:20],
        invite_uid=review.invite_uid,
        invite_sequence=review.invite_sequence,
    )
    store.add(interview)
    if opportunity.stage in {"lead", "applied", "screening"}:
        store.put(dataclasses.replace(opportunity, stage="interviewing"))
    touch = _log(
        store, now, heard, review.at, review.subject, "next_round" if had_interview else None
    )
    task = None
    if start > now:
        task = actions.add_task(
            store,
            now,
            title=f"Prepare for the {opportunity.company} {interview.kind}",
            kind="prep",
            due=_prep_day(store, now, start),  # type: ignore[arg-type]
            company=opportunity.company,
        )
    made: list[Contact] = []
    if add_contacts:
        known = {c.email.lower() for c in records.contacts if c.email}
        for entry in review.invite_new_contacts:
            name, _, rest = entry.rpartition(" <")
            email = rest.rstrip(">").strip().lower()
            if not email or email in known:
                continue
            made.append(
                actions.add_contact(
                    store,
                    name=name.strip() or email.partition("@")[0],
                    company=opportunity.company,
                    relation="interviewer",
                    email=email,
                )
            )
            known.add(email)
    _settle(
        store,
        now,
        review,
        "accepted",
        touch_id=touch.id,
        interview_id=interview.id,
        opportunity_id=opportunity.id,
    )
    return Accepted(
        review=review,
        touch=touch,
        interview=interview,
        task=task,
        contacts=tuple(made),
        opportunity=store.get(Opportunity, opportunity.id),
        next_step="the interview is planned: prep before it, a thank-you after it",
    )


def reject(store: Store, now: DateTime, review_id: str) -> MailReview:
    """Settle a review entry without changing anything else (the proposal was wrong)."""
    with store.transaction():
        review = _open_review(store.records(), review_id)
        _settle(store, now, review, "rejected")
    return review


def change_match(store: Store, review_id: str, opportunity_id: str) -> MailReview:
    """Point a review entry at another opportunity (the picker in the Inbox)."""
    with store.transaction():
        records = store.records()
        review = _open_review(records, review_id)
        if not any(o.id == opportunity_id for o in records.opportunities):
            raise InvalidField("opportunity", f"no opportunity with id {opportunity_id}")
        changed = dataclasses.replace(review, opportunity_id=opportunity_id, candidates=())
        store.put(changed)
    return changed


def undo(store: Store, now: DateTime, seen_id: str) -> MailSeen:
    """Take back what a scan applied: the touch it logged goes, the message stays handled."""
    with store.transaction():
        records = store.records()
        entry = next((m for m in records.mail_seen if m.id == seen_id), None)
        if entry is None or entry.action != "applied":
            raise InvalidField("id", f"{seen_id} is not a message whose change can be undone")
        if entry.touch_id and any(t.id == entry.touch_id for t in records.touches):
            store.delete(Touch, entry.touch_id)
        if entry.interview_id:
            interview = next((i for i in records.interviews if i.id == entry.interview_id), None)
            if interview is not None and interview.cancelled:
                store.put(dataclasses.replace(interview, cancelled=False))
        changed = dataclasses.replace(entry, action="undone", touch_id=None, noticed=True)
        store.put(changed)
    return changed


def notice_all(store: Store) -> int:
    """Mark every applied message as looked at; return how many were new."""
    with store.transaction():
        fresh = [m for m in store.records().mail_seen if m.action == "applied" and not m.noticed]
        for entry in fresh:
            store.put(dataclasses.replace(entry, noticed=True))
    return len(fresh)


def add_source(
    store: Store, now: DateTime, location: str, *, password_command: str = ""
) -> MailSource:
    """Save a source for ``nowwhat mail scan`` with no argument (cron)."""
    with store.transaction():
        records = store.records()
        if any(s.location == location for s in records.mail_sources):
            raise InvalidField("source", f"{location} is already a source")
        source = MailSource(
            id=store.new_id(MailSource),
            location=location,
            password_command=password_command,
            added_at=now,
        )
        store.add(source)
    return source


def remove_source(store: Store, location: str) -> MailSource:
    """Forget a saved source (by its location or id); what it brought stays."""
    with store.transaction():
        records = store.records()
        source = next((s for s in records.mail_sources if location in {s.location, s.id}), None)
        if source is None:
            raise InvalidField(
                "source", f"{location} is not a saved source (see: nowwhat mail sources)"
            )
        store.delete(MailSource, source.id)
    return source
