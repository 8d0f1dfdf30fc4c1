"""What a calendar invitation does to an interview already accepted, and whom it says you will
meet: a cancellation marks the interview cancelled (once), a later version moves it, an earlier
or the same one changes nothing; the recruiter who sends it is not counted as an interviewer."""

from __future__ import annotations

import dataclasses
import json

import pendulum

from tui.engine.mail_decide import Decision, InterviewChange, decide, moved
from tui.engine.mail_facts import Address, Invitation, MailFacts
from tui.engine.mail_match import MailWorld, classify_match
from tui.engine.mail_records import MailReview
from tui.engine.mail_rules import MailRules
from tui.engine.models import Contact, Interview, Opportunity, Records
from tui.engine.settings import Settings
from tui.locations import shipped_data

AT = pendulum.datetime(2026, 11, 20, 10, tz="America/New_York")
RULES = MailRules.from_data(json.loads(shipped_data("mail_rules.json").read_text()))
ACME = Opportunity(id="opp_acme", company="Acme Systems", role="Data Analyst")
DANA = Contact(
    id="con_d",
    name="Dana Lee",
    company="Acme Systems",
    email="dana@acme.example",
    relation="recruiter",
)
ME = Address("", "me@home.example")
ACCEPTED = Interview(
    id="int_1",
    opportunity_id="opp_acme",
    start=AT.add(days=3),
    minutes=30,
    invite_uid="u-1",
    invite_sequence=1,
)


def _records(*interviews: Interview, review: tuple[MailReview, ...] = ()) -> Records:
    return Records(
        opportunities=(ACME,),
        contacts=(DANA,),
        interviews=interviews,
        mail_review=review,
        settings=Settings().with_text("my_addresses", "me@home.example"),
    )


def _invitation(method: str = "REQUEST", sequence: int = 1, **values: object) -> Invitation:
    values.setdefault("attendees", (Address("Dana Lee", "dana@acme.example"), ME))
    return Invitation(
        method=method,
        uid="u-1",
        sequence=sequence,
        start=AT.add(days=4),
        minutes=45,
        summary="Video interview",
        organizer=Address("Dana Lee", "dana@acme.example"),
        **values,  # type: ignore[arg-type]
    )


def _decide(records: Records, invitation: Invitation) -> Decision:
    facts = MailFacts(
        key="<k@x>",
        at=AT,
        sender=Address("Dana Lee", "dana@acme.example"),
        subject=f"Invitation: {invitation.summary}",
        text=f"Dana Lee has invited you to {invitation.summary}",
        to=(ME,),
        body_read=True,
        calendar_method=invitation.method,
        invitation=invitation,
    )
    world = MailWorld(records, RULES)
    match = world.match(facts)
    verdict = classify_match(facts, RULES, match)
    return decide(facts, match, verdict, records, world.mine)


def test_cancelling_an_accepted_invitation_cancels_its_interview_once() -> None:
    decision = _decide(_records(ACCEPTED), _invitation("CANCEL"))
    assert (decision.action, decision.opportunity_id) == ("applied", "opp_acme")
    assert decision.interview_change == InterviewChange("int_1", "cancel")
    cancelled = dataclasses.replace(ACCEPTED, cancelled=True)
    again = _decide(_records(cancelled), _invitation("CANCEL"))
    assert (again.action, again.reason, again.interview_change) == (
        "ignored",
        "already cancelled",
        None,
    )


def test_a_later_version_moves_the_interview_and_the_same_one_changes_nothing() -> None:
    later = _decide(_records(ACCEPTED), _invitation(sequence=2))
    assert later.action == "applied"
    assert later.interview_change == InterviewChange("int_1", "move", AT.add(days=4), 45, 2)
    after = moved(ACCEPTED, later.interview_change)
    assert (after.start, after.minutes, after.invite_sequence) == (AT.add(days=4), 45, 2)
    for sequence in (0, 1):
        same = _decide(_records(ACCEPTED), _invitation(sequence=sequence))
        assert (same.action, same.interview_change) == ("ignored", None), sequence


def test_a_cancellation_of_an_invitation_still_in_review_supersedes_it() -> None:
    waiting = MailReview(
        id="rev_1",
        seen_id="msg_1",
        at=AT,
        direction="in",
        verdict="interview_invite",
        invite_uid="u-1",
        invite_sequence=1,
    )
    decision = _decide(_records(review=(waiting,)), _invitation("CANCEL"))
    assert (decision.action, decision.supersedes) == ("review", ("rev_1",))
    assert decision.reason == "cancels an invitation you have not accepted"
    nothing = _decide(_records(), _invitation("CANCEL"))
    assert (nothing.action, nothing.supersedes) == ("review", ())
    assert nothing.reason == "cancels an event nowwhat has no interview for"


def test_the_recruiter_who_sends_it_is_not_an_interviewer_and_a_stranger_is_proposed() -> None:
    invitation = _invitation(
        sequence=0,
        attendees=(
            Address("Dana Lee", "dana@acme.example"),
            Address("", "sam.ortiz@acme.example"),
            Address("Priya Raman", "priya@acme.example"),
            ME,
        ),
    )
    decision = _decide(_records(), invitation)
    assert decision.action == "review" and decision.verdict == "interview_invite"
    assert decision.invite_interviewers == ("sam.ortiz", "Priya Raman")
    assert decision.invite_new_contacts == (
        "sam.ortiz <sam.ortiz@acme.example>",
        "Priya Raman <priya@acme.example>",
    )
    one = _invitation(sequence=0, attendees=(Address("Priya Raman", "priya@acme.example"), ME))
    assert _decide(_records(), one).invite_interviewers == ("Priya Raman",)
    # Alone, the recruiter is who you will meet.
    alone = _decide(_records(), _invitation(sequence=0))
    assert (alone.invite_interviewers, alone.invite_new_contacts) == (("Dana Lee",), ())


def _plain(records: Records, text: str, sender: str = "dana@acme.example") -> Decision:
    facts = MailFacts(
        key="<p@x>",
        at=AT,
        sender=Address("Dana Lee", sender),
        subject="Your application",
        text=text,
        to=(ME,),
        body_read=True,
    )
    world = MailWorld(records, RULES)
    match = world.match(facts)
    verdict = classify_match(facts, RULES, match)
    return decide(facts, match, verdict, records, world.mine)


def test_an_acknowledgement_is_logged_as_one_not_as_their_answer() -> None:
    decision = _plain(_records(), "Your application for Data Analyst is now under review.")
    assert (decision.verdict, decision.opportunity_id) == ("acknowledgement", "opp_acme")
    assert decision.touch is not None
    assert (decision.touch.kind, decision.touch.direction) == ("acknowledgement", "in")
    assert decision.touch.opportunity_id == "opp_acme"
