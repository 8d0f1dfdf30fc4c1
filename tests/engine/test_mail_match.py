"""Matching a message to an opportunity by what the person told nowwhat (a domain or an address
given as a mail hint) and by the thread of a message handled before: a reply in a thread is worth
reading whoever sends it, and a thread whose opportunity was deleted matches nothing."""

from __future__ import annotations

import json

import pendulum

from tui.engine.mail_facts import Address, MailFacts
from tui.engine.mail_match import MailWorld
from tui.engine.mail_records import MailSeen, seen_id
from tui.engine.mail_rules import MailRules
from tui.engine.models import Opportunity, Records
from tui.engine.settings import Settings
from tui.locations import shipped_data

AT = pendulum.datetime(2026, 11, 20, 10, tz="America/New_York")
RULES = MailRules.from_data(json.loads(shipped_data("mail_rules.json").read_text()))
ACME = Opportunity(
    id="opp_acme",
    company="Acme Systems",
    mail_hints=("Talent.Acme-Careers.example", "jo.recruits@gmail.example"),
)
BETA = Opportunity(id="opp_beta", company="Beta Labs")


def _seen(message_id: str, opportunity_id: str | None, action: str = "applied") -> MailSeen:
    return MailSeen(
        id=seen_id(message_id),
        at=AT.subtract(days=3),
        direction="in",
        verdict="reply",
        action=action,
        message_id=message_id,
        opportunity_id=opportunity_id,
    )


def _world(*seen: MailSeen) -> MailWorld:
    records = Records(
        opportunities=(ACME, BETA),
        mail_seen=seen,
        settings=Settings().with_text("my_addresses", "me@home.example"),
    )
    return MailWorld(records, RULES)


def _facts(sender: str, references: tuple[str, ...] = (), subject: str = "Re: hello") -> MailFacts:
    return MailFacts(
        key="<k@x>",
        at=AT,
        sender=Address("", sender),
        subject=subject,
        to=(Address("", "me@home.example"),),
        references=references,
        text="Thanks, talk soon.",
        body_read=True,
    )


def test_a_domain_given_as_a_hint_matches_its_mail_and_an_address_hint_its_sender() -> None:
    world = _world()
    by_domain = world.match(_facts("maria@acme-careers.example"))
    assert (by_domain.method, by_domain.opportunity_id) == ("domain", "opp_acme")
    by_address = world.match(_facts("jo.recruits@gmail.example"))
    assert (by_address.method, by_address.opportunity_id) == ("hint", "opp_acme")
    assert world.worth_reading(_facts("maria@acme-careers.example"))
    assert not world.worth_reading(_facts("someone@elsewhere.example", subject="Lunch"))


def test_a_reply_in_a_known_thread_is_read_and_matched_to_its_opportunity() -> None:
    world = _world(_seen("<m1@beta.example>", "opp_beta"))
    reply = _facts("new.person@gmail.example", references=("<m1@beta.example>",))
    assert world.worth_reading(reply)
    match = world.match(reply)
    assert (match.method, match.opportunity_id) == ("thread", "opp_beta")


def test_a_thread_whose_opportunity_is_gone_or_that_was_ignored_matches_nothing() -> None:
    world = _world(
        _seen("<m1@gone.example>", "opp_gone"),
        _seen("<m2@x.example>", "opp_beta", action="ignored"),
    )
    for reference in ("<m1@gone.example>", "<m2@x.example>"):
        match = world.match(_facts("new.person@gmail.example", references=(reference,)))
        assert (match.method, match.opportunity_id) == ("none", None), reference
    ignored = _facts("new.person@gmail.example", references=("<m2@x.example>",), subject="Lunch")
    assert not world.worth_reading(ignored)
