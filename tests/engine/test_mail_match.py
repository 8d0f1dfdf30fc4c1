"""Matching a message to an opportunity by what the person told nowwhat (a domain or an address
given as a mail hint) and by the thread of a message handled before: a reply in a thread is worth
reading whoever sends it, and a thread whose opportunity was deleted matches nothing."""

from __future__ import annotations

import dataclasses
import json

import pendulum

from tui.engine.mail_facts import Address, Forwarded, MailFacts
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


def _world_of(opportunities: tuple[Opportunity, ...], *contacts: Contact) -> MailWorld:
    records = Records(
        opportunities=opportunities,
        contacts=contacts,
        settings=Settings().with_text("my_addresses", "me@home.example"),
    )
    return MailWorld(records, RULES)


def test_a_contacts_work_domain_is_learned_for_their_own_company_only() -> None:
    """A new person writing from Beta's domain is Beta's: the domain of a contact at Beta must
    not make every other company a candidate too (the message would wait for review)."""
    ana = Contact(id="con_ana", name="Ana Ruiz", company="Beta Labs", email="ana@betalabs.example")
    world = _world_of((ACME, BETA), ana)
    match = world.match(_facts("new.person@betalabs.example"))
    assert (match.method, match.opportunity_id, match.candidates) == ("domain", "opp_beta", ())


def test_a_contact_writing_from_free_mail_does_not_make_free_mail_their_companys() -> None:
    """A recruiter who writes from a personal address: only that address is theirs, not every
    message from the same free-mail provider."""
    jo = Contact(id="con_jo", name="Jo Park", company="Acme Systems", email="jo@gmail.example")
    world = _world_of((ACME, BETA), jo)
    stranger = _facts("someone.else@gmail.example", subject="Lunch")
    assert not world.worth_reading(stranger)
    assert world.match(stranger).opportunity_id is None
    from_jo = world.match(_facts("jo@gmail.example"))
    assert (from_jo.method, from_jo.opportunity_id) == ("address", "opp_acme")
    assert from_jo.personal, "a personal address: news from it is not the employer's answer"


def test_mail_from_a_known_contact_is_worth_reading_whatever_its_subject() -> None:
    """Over IMAP only messages worth reading are opened: a contact's mail must be, even from a
    personal address, without a name and with a subject that names nothing."""
    jo = Contact(id="con_jo", name="Jo Park", company="Acme Systems", email="jo@gmail.example")
    world = _world_of((ACME, BETA), jo)
    assert world.worth_reading(_facts("jo@gmail.example", subject="Quick question"))


def test_a_job_boards_notification_comes_from_a_system_not_a_person() -> None:
    """LinkedIn telling you Acme viewed your application is not Acme answering: it is matched
    by the company it names, as a system's message, never as a person's reply."""
    world = _world_of((ACME, BETA))
    facts = dataclasses.replace(
        _facts("jobs-listings@linkedin.example", subject="Your application was viewed"),
        sender=Address("Acme Systems via LinkedIn", "jobs-listings@linkedin.example"),
    )
    match = world.match(facts)
    assert (match.sender_kind, match.person, match.personal) == ("job_board", False, False)
    assert (match.method, match.opportunity_id) == ("ats", "opp_acme")


def test_a_company_named_in_the_subject_or_the_senders_name_is_worth_reading() -> None:
    """An unknown sender at an unknown address who names a tracked company, in the subject or
    in their display name, may be its recruiter: the message is opened."""
    world = _world_of((ACME, BETA))
    assert world.worth_reading(_facts("r.smith@gmail.example", subject="Your Beta Labs interview"))
    by_name = dataclasses.replace(
        _facts("r.smith@gmail.example", subject="Hello"),
        sender=Address("Rae Smith, Beta Labs", "r.smith@gmail.example"),
    )
    assert world.worth_reading(by_name)


def test_a_contact_at_another_name_of_the_company_is_matched_to_it() -> None:
    """A contact saved at "Northwind" works at the tracked "Northwind Analytics": mail from
    them is about its opportunity, not about no opportunity at all."""
    northwind = Opportunity(id="opp_nw", company="Northwind Analytics")
    ana = Contact(id="con_ana", name="Ana Ruiz", company="Northwind", email="ana@nw-mail.example")
    match = _world_of((BETA, northwind), ana).match(_facts("ana@nw-mail.example"))
    assert (match.method, match.opportunity_id, match.contact_only) == ("address", "opp_nw", False)


def test_a_contact_stays_with_their_company_when_another_shares_its_name() -> None:
    """ "Acme" and "Acme Systems" are two tracked companies: mail from a contact at Acme goes
    to Acme's opportunity, never to the other company that Acme is also a name of."""
    acme = Opportunity(id="opp_plain_acme", company="Acme")
    ana = Contact(id="con_ana", name="Ana Ruiz", company="Acme", email="ana@acme-mail.example")
    match = _world_of((ACME, acme), ana).match(_facts("ana@acme-mail.example"))
    assert (match.method, match.opportunity_id) == ("address", "opp_plain_acme")


def test_the_role_named_picks_one_of_a_companys_open_opportunities_else_review() -> None:
    """Two open applications at one company: a message naming one role goes to it; one naming
    neither waits for review with both listed, never a guess."""
    analyst = Opportunity(id="opp_analyst", company="Acme Systems", role="Data Analyst")
    manager = Opportunity(id="opp_pm", company="Acme Systems", role="Product Manager")
    ana = Contact(id="con_ana", name="Ana Ruiz", company="Acme Systems", email="ana@acme.example")
    world = _world_of((analyst, manager), ana)
    named = world.match(_facts("ana@acme.example", subject="Your Product Manager interview"))
    assert (named.opportunity_id, named.candidates) == ("opp_pm", ())
    unnamed = world.match(_facts("ana@acme.example", subject="Next steps"))
    assert unnamed.opportunity_id is None and unnamed.ambiguous
    assert set(unnamed.candidates) == {"opp_analyst", "opp_pm"}


def test_your_forward_of_a_companys_mail_to_a_friend_is_about_that_company() -> None:
    """Forwarding Beta's applicant-system mail to a mentor for advice is about Beta, found by
    the company the forwarded message names in its sender, subject or text."""
    mentor = Contact(
        id="con_mo", name="Mo Chen", email="mo@friends.example", tags=frozenset({"core"})
    )
    world = _world_of((ACME, BETA), mentor)

    def forward(inner: Forwarded) -> MailFacts:
        return MailFacts(
            key="<f@x>",
            at=AT,
            sender=Address("", "me@home.example"),
            to=(Address("Mo Chen", "mo@friends.example"),),
            subject=f"Fwd: {inner.subject}",
            forwarded=inner,
            body_read=True,
        )

    system = Address("Applications", "no-reply@greenhouse.io")
    by_subject = Forwarded(system, "Your application to Beta Labs", "We have received it.")
    by_text = Forwarded(system, "Next steps", "Thank you for your interest in Beta Labs.")
    for inner in (by_subject, by_text):
        match = world.match(forward(inner))
        assert (match.direction, match.method) == ("out", "name")
        assert (match.opportunity_id, match.contact_id, match.personal) == (
            "opp_beta",
            "con_mo",
            True,
        )


def test_a_sender_host_without_a_dot_is_told_by_its_one_name() -> None:
    """System names are looked up without the top-level label ("linkedin" of linkedin.com);
    a bare host (as an internal relay writes it) is its own name, not nothing."""
    world = _world_of((ACME, BETA))
    assert world.sender_kind(Address("", "jobs-listings@linkedin")) == "job_board"
    assert world.sender_kind(Address("", "jobs-listings@linkedin.com")) == "job_board"
    assert world.sender_kind(Address("", "jobs-listings@acme")) == "person"


def test_a_postings_own_host_is_the_companys_domain() -> None:
    """A posting on the company's careers site ("careers.nwa.example") tells nowwhat the domain
    its people write from, even when it spells nothing of the company's name."""
    north = Opportunity(
        id="opp_n", company="Northwind Analytics", url="https://careers.nwa.example/j/1"
    )
    world = _world_of((north, BETA))
    facts = _facts("ravi@nwa.example", subject="Your interview")
    assert world.worth_reading(facts)
    match = world.match(facts)
    assert (match.method, match.opportunity_id) == ("domain", "opp_n")


def test_a_posting_on_a_tracking_system_names_the_company_its_mail_carries() -> None:
    """ "jobs.lever.example/hpstudio/1": the path is how the system names the company in its
    own mail ("hpstudio@hire.lever.example"); the system's host is nobody's domain."""
    hp = Opportunity(
        id="opp_hp", company="Harbor Pine", url="https://jobs.lever.example/hpstudio/12"
    )
    other = Opportunity(id="opp_o", company="Other Co", url="https://jobs.lever.example/otherco/3")
    world = _world_of((hp, other))
    facts = _facts("hpstudio@hire.lever.example", subject="Your application")
    assert world.match(facts).opportunity_id == "opp_hp"
    assert "lever.example" not in world.domains


def test_a_calendar_service_sender_is_a_calendar_not_a_person() -> None:
    world = _world_of((ACME,))
    assert world.sender_kind(Address("", "calendar-notification@google.example")) == "calendar"
    assert world.sender_kind(Address("", "dana@acme.example")) == "person"


def test_a_system_message_naming_a_contact_by_first_and_last_name_is_theirs() -> None:
    """ "Mia Santos sent you a message" from a job board: the contact's two-word name is enough
    to find the opportunity she recruits for."""
    kes = Opportunity(id="opp_k", company="Kestrel")
    mia = Contact(
        id="con_mia", name="Mia Santos", email="mia@kestrel.example", opportunity_ids=("opp_k",)
    )
    world = _world_of((kes, BETA), mia)
    facts = dataclasses.replace(
        _facts("messages-noreply@linkedin.example", subject="You have a new message"),
        text="Mia Santos sent you a message: are you free Tuesday?",
    )
    assert world.match(facts).opportunity_id == "opp_k"


def test_a_longer_company_name_wins_over_a_shorter_one_inside_it() -> None:
    """ "Northstar Logistics: we've received your application" is Northstar Logistics' mail, not
    Northstar Labs' (whose short name "Northstar" sits inside the longer one): a near-name
    collision would put a rejection on the wrong company."""
    logistics = Opportunity(id="opp_log", company="Northstar Logistics")
    labs = Opportunity(id="opp_labs", company="Northstar Labs")
    world = _world_of((labs, logistics))
    facts = dataclasses.replace(
        _facts("noreply@smartrecruiters.example", subject="Northstar Logistics: your application"),
        text="Thank you for your interest in Northstar Logistics.",
    )
    assert world.match(facts).opportunity_id == "opp_log"
