"""A first invitation and a later round told apart: an invitation after an interview of the same
opportunity, or one that names a later round, is ``next_round``; a first call that mentions what
would follow, an invitation that moves the very interview already accepted, or one after an
interview that was cancelled, stays ``interview_invite``."""

from __future__ import annotations

import dataclasses
import json

import pendulum
import pytest

from tui.engine.mail_facts import Address, Invitation, MailFacts
from tui.engine.mail_match import MailWorld, classify_match
from tui.engine.mail_rules import MailRules
from tui.engine.models import Contact, Interview, Opportunity, Records
from tui.engine.settings import Settings
from tui.locations import shipped_data

AT = pendulum.datetime(2026, 11, 20, 10, tz="America/New_York")
RULES = MailRules.from_data(json.loads(shipped_data("mail_rules.json").read_text()))
ACME = Opportunity(id="opp_acme", company="Acme Systems", role="Data Analyst")
DANA = Contact(id="con_d", name="Dana Lee", company="Acme Systems", email="dana@acme.example")
ME = Address("", "me@home.example")


def _screen(start: pendulum.DateTime, **values: object) -> Interview:
    return Interview(id="int_1", opportunity_id="opp_acme", start=start, minutes=30, **values)  # type: ignore[arg-type]


def _verdict(
    subject: str,
    text: str,
    *interviews: Interview,
    invitation: Invitation | None = None,
) -> str:
    records = Records(
        opportunities=(ACME,),
        contacts=(DANA,),
        interviews=interviews,
        settings=Settings().with_text("my_addresses", "me@home.example"),
    )
    facts = MailFacts(
        key="<k@x>",
        at=AT,
        sender=Address("Dana Lee", "dana@acme.example"),
        subject=subject,
        text=text,
        to=(ME,),
        body_read=True,
        calendar_method=invitation.method if invitation else "",
        invitation=invitation,
    )
    world = MailWorld(records, RULES)
    match = world.match(facts)
    assert match.opportunity_id == "opp_acme"
    interviewed = world.interviewed_before(match, facts)
    return classify_match(facts, RULES, match, interviewed=interviewed).verdict


FIRST = (
    "Interview at Acme Systems",
    "Hi Sam, thanks for applying. I'd love to set up a 30-minute call. "
    "Would Tuesday or Wednesday work for you? Dana",
)


def test_a_first_invitation_is_an_invitation_to_interview() -> None:
    assert _verdict(*FIRST) == "interview_invite"


def test_the_same_words_after_an_interview_are_a_later_round() -> None:
    assert _verdict(*FIRST, _screen(AT.subtract(days=6))) == "next_round"


def test_an_interview_still_ahead_or_cancelled_does_not_make_it_a_later_round() -> None:
    assert _verdict(*FIRST, _screen(AT.add(days=2))) == "interview_invite"
    assert _verdict(*FIRST, _screen(AT.subtract(days=6), cancelled=True)) == "interview_invite"


def test_an_invitation_that_moves_the_interview_it_set_up_is_not_a_later_round() -> None:
    """The calendar's own update of the screen already accepted (same UID) is about that
    screen, even once its first time has passed; a new invitation after it is the next round."""
    held = _screen(AT.subtract(hours=2), invite_uid="u-1")

    def invitation(uid: str) -> Invitation:
        return Invitation(
            method="REQUEST",
            uid=uid,
            sequence=2,
            start=AT.add(days=1),
            minutes=30,
            summary="Phone screen",
            organizer=Address("Dana Lee", "dana@acme.example"),
            attendees=(Address("Dana Lee", "dana@acme.example"), ME),
        )

    subject = "Updated invitation: Phone screen"
    text = "Dana Lee has updated the invitation: Phone screen"
    assert _verdict(subject, text, held, invitation=invitation("u-1")) == "interview_invite"
    assert _verdict(subject, text, held, invitation=invitation("u-2")) == "next_round"


@pytest.mark.parametrize(
    ("subject", "text"),
    [
        (
            "Final round at Acme Systems",
            "We'd like to invite you to our final round. Would Monday work?",
        ),
        (
            "Next conversation",
            "Good talking last week. I'd like you to meet the rest of the team: a 90-minute "
            "panel. Are you free Wednesday?",
        ),
        (
            "Acme - second interview invitation",
            "Following your call with me, the hiring manager would like to invite you to a "
            "second interview.",
        ),
        ("Onsite", "We'd love to schedule your onsite interview. Which day works for you?"),
    ],
)
def test_an_invitation_that_names_a_later_round_is_one(subject: str, text: str) -> None:
    assert _verdict(subject, text) == "next_round"


@pytest.mark.parametrize(
    ("subject", "text"),
    [
        (
            "Next steps",
            "I'd love to set up a 30-minute intro call. If that goes well, the next round "
            "is a panel with the team. Are you free Thursday?",
        ),
        (
            "Acme Systems: next step",
            "The next step is a 30-minute phone screen. Could you share your availability?",
        ),
    ],
)
def test_a_first_call_that_says_what_would_follow_is_still_a_first_invitation(
    subject: str, text: str
) -> None:
    assert _verdict(subject, text) == "interview_invite"


def test_an_interview_is_before_a_message_only_once_it_has_begun() -> None:
    """Mail sent at the very minute an interview starts was written before it happened: an
    invitation then is not yet to a later round."""
    records = Records(
        opportunities=(ACME,),
        contacts=(DANA,),
        interviews=(_screen(AT),),
        settings=Settings().with_text("my_addresses", "me@home.example"),
    )
    world = MailWorld(records, RULES)
    facts = MailFacts(key="<k@x>", at=AT, sender=Address("Dana Lee", "dana@acme.example"), to=(ME,))
    match = world.match(facts)
    assert match.opportunity_id == "opp_acme"
    assert not world.interviewed_before(match, facts)
    later = dataclasses.replace(facts, at=AT.add(minutes=1))
    assert world.interviewed_before(match, later)
