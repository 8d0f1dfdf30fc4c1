"""Matching a message to an opportunity by what the person told nowwhat (a domain or an address
given as a mail hint) and by the thread of a message handled before: a reply in a thread is worth
reading whoever sends it, and a thread whose opportunity was deleted matches nothing."""

from __future__ import annotations

import dataclasses
import json

import pendulum

from tui.engine.mail_facts import Address, MailFacts
from tui.engine.mail_match import MailWorld
from tui.engine.mail_records import MailSeen, seen_id
from tui.engine.mail_rules import MailRules
from tui.engine.models import Contact, Opportunity, Records
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


def test_a_hint_without_a_dot_is_another_name_for_the_company() -> None:
    holdings = Opportunity(id="opp_nw", company="NW Holdings", mail_hints=("Northwind",))
    records = Records(
        opportunities=(holdings,),
        settings=Settings().with_text("my_addresses", "me@home.example"),
    )
    world = MailWorld(records, RULES)
    named = _facts("someone@elsewhere.example", subject="Your Northwind interview")
    assert world.worth_reading(named)
    assert world.match(named).opportunity_id == "opp_nw"


def test_an_ats_host_given_as_a_hint_does_not_claim_every_company_on_that_system() -> None:
    acme = Opportunity(id="opp_acme", company="Acme Systems", mail_hints=("acme.greenhouse.io",))
    records = Records(
        opportunities=(acme, BETA),
        settings=Settings().with_text("my_addresses", "me@home.example"),
    )
    match = MailWorld(records, RULES).match(
        _facts("no-reply@greenhouse.io", subject="Thank you for applying to Beta Labs")
    )
    assert (match.method, match.opportunity_id) == ("ats", "opp_beta")


def test_your_own_forward_is_worth_reading_and_your_own_chat_is_not() -> None:
    world = _world()
    forward = MailFacts(
        key="<f@x>",
        at=AT,
        sender=Address("", "me@home.example"),
        to=(Address("", "friend@elsewhere.example"),),
        subject="Fwd: next steps",
    )
    assert world.worth_reading(forward)

    assert not world.worth_reading(dataclasses.replace(forward, subject="Lunch on Friday?"))


def test_a_contacts_name_on_an_address_nowwhat_does_not_know_finds_the_contact() -> None:
    ana = Contact(id="con_ana", name="Ana Ruiz", company="Acme Systems", email="ana@acme.example")
    records = Records(
        opportunities=(ACME, BETA),
        contacts=(ana,),
        settings=Settings().with_text("my_addresses", "me@home.example"),
    )
    world = MailWorld(records, RULES)
    facts = _facts("ana.ruiz.1990@gmail.example", subject="Coffee?")
    facts = dataclasses.replace(facts, sender=Address("Ana Ruiz", "ana.ruiz.1990@gmail.example"))
    assert world.worth_reading(facts)
    match = world.match(facts)
    assert (match.method, match.contact_id, match.opportunity_id) == ("name", "con_ana", "opp_acme")
