"""The mail engine, pure: the classifier's order, the matcher's choices, invitations' kinds."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pendulum
import pytest

from tui.engine.mail_decide import decide, interview_kind
from tui.engine.mail_facts import Address, Invitation, MailFacts
from tui.engine.mail_match import MailWorld, classify_match, registrable_domain
from tui.engine.mail_rules import MailRules, merge_rules
from tui.engine.models import Contact, Opportunity, Records
from tui.engine.settings import Settings
from tui.locations import shipped_data

AT = pendulum.datetime(2026, 11, 20, 10, tz="America/New_York")
RULES = MailRules.from_data(json.loads(shipped_data("mail_rules.json").read_text()))


def _records(*opportunities: Opportunity, contacts: tuple[Contact, ...] = ()) -> Records:
    settings = Settings().with_text("my_addresses", "me@home.example")
    return Records(opportunities=opportunities, contacts=contacts, settings=settings)


def _facts(
    text: str, subject: str = "Hello", sender: str = "x@acme.example", **extra: object
) -> MailFacts:
    return MailFacts(
        key="<k@x>",
        at=AT,
        sender=Address("", sender),
        subject=subject,
        text=text,
        to=(Address("", "me@home.example"),),
        body_read=True,
        **extra,  # type: ignore[arg-type]
    )


def _verdict(records: Records, facts: MailFacts) -> tuple[str, str | None, str]:
    world = MailWorld(records, RULES)
    match = world.match(facts)
    verdict = classify_match(facts, RULES, match)
    decision = decide(facts, match, verdict, records, world.mine)
    return verdict.verdict, decision.opportunity_id, decision.action


ACME = Opportunity(
    id="opp_acme", company="Acme Systems", role="Data Analyst", url="https://acme.example/jobs/1"
)


def test_registrable_domains() -> None:
    assert registrable_domain("talent.acme.example") == "acme.example"
    assert registrable_domain("mail.shop.co.uk") == "shop.co.uk"
    assert registrable_domain("acme.example") == "acme.example"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a rejection that thanks for the application first is a rejection
        (
            "Thank you for applying. Unfortunately we have decided to move forward with "
            "other candidates.",
            "rejected",
        ),
        # "next steps" and a conditional interview in a receipt are not an invitation
        (
            "We have received your application. Next steps: if there is a match we will "
            "reach out to schedule an interview.",
            "acknowledgement",
        ),
        # "unfortunately" about a time is not a rejection
        (
            "Unfortunately something came up on my side for Thursday. Could we move our call "
            "to Monday?",
            "reply",
        ),
        ("We are delighted to offer you the Data Analyst role.", "offer"),
        ("We'd like to move you forward to the final round.", "next_round"),
        ("Could you share your availability for a 30-minute call next week?", "interview_invite"),
        ("Thanks, noted.", "reply"),
    ],
)
def test_the_rules_in_their_order(text: str, expected: str) -> None:
    assert _verdict(_records(ACME), _facts(text))[0] == expected


def test_a_final_verdict_is_never_applied_and_an_unsettled_one_waits() -> None:
    dana = Contact(id="con_d", name="Dana Lee", company="Acme Systems", email="dana@acme.example")
    records = _records(ACME, contacts=(dana,))
    reply = _facts("Thanks Sam, still deciding.", subject="Re: hi", sender="dana@acme.example")
    assert _verdict(records, reply) == ("reply", "opp_acme", "applied")
    unsettled = _facts(
        "Here is the paper I mentioned.", subject="paper", sender="dana@acme.example"
    )
    assert _verdict(records, unsettled) == ("reply", "opp_acme", "review")
    final = _facts(
        "We regret to inform you we will not be moving forward with your application.",
        sender="dana@acme.example",
    )
    assert _verdict(records, final) == ("rejected", "opp_acme", "review")
    by_domain = _facts("Thanks, still deciding.", subject="Re: hi", sender="lee@acme.example")
    assert _verdict(records, by_domain) == ("reply", "opp_acme", "review")


def test_names_match_as_whole_words_and_near_names_do_not() -> None:
    avail = Opportunity(id="opp_avail", company="Avail", stage="rejected")
    avra = Opportunity(id="opp_avra", company="Avra Systems")
    harbor = Opportunity(id="opp_h", company="Harbor & Pine")
    records = _records(avail, avra, harbor)
    world = MailWorld(records, RULES)
    assert (
        world.match(_facts("I tried three times, to no avail.", sender="f@friend.example")).method
        == "none"
    )
    found = world.match(
        _facts("Your interview at Harbor and Pine is confirmed.", sender="n@x.example")
    )
    assert found.opportunity_id == "opp_h"
    found = world.match(
        _facts("The Avra team would like to schedule a call.", sender="n@x.example")
    )
    assert found.opportunity_id == "opp_avra"


def test_an_open_opportunity_wins_unless_only_the_closed_ones_role_is_named() -> None:
    old = Opportunity(id="opp_old", company="Fernway", role="Data Analyst", stage="rejected")
    new = Opportunity(id="opp_new", company="Fernway", role="Analytics Lead")
    tom = Contact(id="con_t", name="Tom O", company="Fernway", email="tom@fernway.example")
    records = _records(old, new, contacts=(tom,))
    world = MailWorld(records, RULES)
    assert (
        world.match(_facts("Any news?", sender="tom@fernway.example")).opportunity_id == "opp_new"
    )
    assert (
        world.match(
            _facts("About your Data Analyst application", sender="tom@fernway.example")
        ).opportunity_id
        == "opp_old"
    )
    third = Opportunity(id="opp_ds", company="Fernway", role="Data Scientist")
    world = MailWorld(_records(old, new, third, contacts=(tom,)), RULES)
    ambiguous = world.match(_facts("Any news?", sender="tom@fernway.example"))
    assert ambiguous.opportunity_id is None and set(ambiguous.candidates) == {"opp_new", "opp_ds"}


def test_an_ats_sender_is_resolved_by_the_company_it_names() -> None:
    records = _records(ACME, Opportunity(id="opp_b", company="Beta"))
    facts = _facts(
        "Thank you for applying to Acme Systems!",
        subject="Thank you for applying",
        sender="no-reply@us.greenhouse-mail.example",
    )
    assert _verdict(records, facts) == ("acknowledgement", "opp_acme", "review")
    tenant = _facts("Your application was received.", sender="acmesystems@myworkday.example")
    assert _verdict(records, tenant)[1] == "opp_acme"


def test_interview_kinds_from_summary_then_location() -> None:
    def kind(summary: str, location: str = "") -> str:
        return interview_kind(
            Invitation(method="REQUEST", uid="u", summary=summary, location=location)
        )

    assert kind("Onsite: BI Developer (panel)") == "panel"
    assert kind("Interview", "200 Water St, New York") == "onsite"
    assert kind("Chat", "https://zoom.example/j/1") == "video"
    assert kind("Recruiter phone screen") == "phone"
    assert kind("Coffee") == "interview"


def test_the_persons_own_rules_come_first() -> None:
    extra = {
        "verdicts": [{"name": "my rule", "verdict": "rejected", "any": ["\\bnot this time\\b"]}]
    }
    rules = MailRules.from_data(
        merge_rules(json.loads(shipped_data("mail_rules.json").read_text()), extra)
    )
    assert rules.verdicts[0].name == "my rule" and len(rules.verdicts) == len(RULES.verdicts) + 1


def test_a_rules_file_beside_the_database_is_used_and_a_bad_one_is_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from tui.cli import main

    db = tmp_path / "nowwhat.json"
    main(
        [
            "--db",
            str(db),
            "add",
            "opportunity",
            "--company",
            "Acme Systems",
            "--url",
            "https://acme.example/j",
        ]
    )
    folder = tmp_path / "mail"
    folder.mkdir()
    (folder / "m.eml").write_bytes(
        b"From: Lee <lee@acme.example>\nTo: me@home.example\nSubject: hi\n"
        b"Date: Fri, 20 Nov 2026 10:00:00 -0500\nMessage-ID: <m1@acme.example>\n\n"
        b"Not this time, sorry.\n"
    )
    capsys.readouterr()
    main(["--db", str(db), "mail", "scan", "--json", "--dry-run", str(folder)])
    assert json.loads(capsys.readouterr().out)[0]["verdict"] == "reply"
    rules = tmp_path / "mail_rules.json"
    rules.write_text(
        json.dumps(
            {"verdicts": [{"name": "mine", "verdict": "rejected", "any": ["not this time"]}]}
        )
    )
    main(["--db", str(db), "mail", "scan", "--json", "--dry-run", str(folder)])
    assert json.loads(capsys.readouterr().out)[0]["verdict"] == "rejected"
    rules.write_text(json.dumps({"verdicts": [{"verdict": "rejected", "any": ["(unclosed"]}]}))
    code = main(["--db", str(db), "mail", "scan", "--dry-run", str(folder)])
    err = capsys.readouterr().err
    assert (
        code == 2
        and err.count("\n") == 1
        and "mail_rules.json" in err
        and "not a valid pattern" in err
    )


def test_an_invitation_sent_by_a_calendar_service_is_from_its_organizer() -> None:
    dana = Contact(id="con_d", name="Dana Lee", company="Acme Systems", email="dana@acme.example")
    records = _records(ACME, contacts=(dana,))
    invitation = Invitation(
        method="REQUEST",
        uid="u-1",
        start=AT.add(days=3),
        minutes=30,
        summary="Phone screen",
        organizer=Address("Dana Lee", "dana@acme.example"),
        attendees=(Address("Dana Lee", "dana@acme.example"), Address("", "me@home.example")),
    )
    facts = _facts(
        "Dana Lee has invited you to Phone screen",
        subject="Invitation: Phone screen @ Mon",
        sender="calendar-notification@google.example",
        calendar_method="REQUEST",
        invitation=invitation,
    )
    facts = dataclasses.replace(
        facts,
        sender=Address("Dana Lee (via Google Calendar)", "calendar-notification@google.example"),
    )
    assert _verdict(records, facts) == ("interview_invite", "opp_acme", "review")
    assert MailWorld(records, RULES).match(facts).method == "address"
