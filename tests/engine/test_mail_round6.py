"""Round six of the mail rules (tuned on corpus E, which was blind for round five): a credit
union is known by its short name and its domain, and the rejections E's senders wrote in words
no rule knew — "ended up going with someone", "extended an offer to another candidate", "the
position is no longer open", "we've closed your application", "pause all hiring … that
includes the role". Each phrase has a near-miss that must stay what it is."""

from __future__ import annotations

import json
from typing import Any

import pytest
from mail_message import message

from tui.engine.mail_match import MailWorld, classify_match
from tui.engine.mail_rules import MailRules
from tui.engine.models import Opportunity, Records
from tui.engine.settings import Settings
from tui.locations import shipped_data

DATA: dict[str, Any] = json.loads(shipped_data("mail_rules.json").read_text())
RULES = MailRules.from_data(DATA)
ARBOR = Opportunity(id="opp_arbor", company="Arborline Credit Union", role="Designer")
RECORDS = Records(
    opportunities=(ARBOR,),
    settings=Settings().with_text("my_addresses", "me@home.example"),
)
SENDER = "kevin@arborline.example"


def _verdict(text: str, subject: str = "Update", rules: MailRules = RULES) -> str:
    world = MailWorld(RECORDS, rules)
    facts = message(text, subject=subject, sender=SENDER)
    return classify_match(facts, rules, world.match(facts)).verdict


def test_a_credit_union_is_known_by_its_short_name_as_a_domain() -> None:
    """Arborline Credit Union's recruiter writes from arborline.example with a subject that
    names no job ("Req 2207"): the mail must be read and matched, not skipped."""
    world = MailWorld(RECORDS, RULES)
    facts = message(
        "We have selected another candidate for the Designer position.",
        subject="Req 2207",
        sender=SENDER,
    )
    assert world.worth_reading(facts)
    match = world.match(facts)
    assert (match.opportunity_id, match.method) == ("opp_arbor", "domain")


def test_without_credit_and_union_as_company_words_the_mail_is_skipped() -> None:
    words = [w for w in DATA["company_words"] if w not in {"credit", "union"}]
    rules = MailRules.from_data({**DATA, "company_words": words})
    facts = message("We have selected another candidate.", subject="Req 2207", sender=SENDER)
    assert not MailWorld(RECORDS, rules).worth_reading(facts)


REJECTIONS = [
    "We ended up going with someone who has spent years on pricing experiments.",
    "We've extended an offer to another candidate for the role, and they've accepted.",
    "The Designer, Patient App position is no longer open.",
    "Thank you for your interest. We've closed your application.",
    "We have decided to pause all hiring until spring, and that includes the UX role.",
]
NEAR_MISSES = [
    # the same words, deciding nothing
    "We ended up going with a video call last time; shall we do that again?",
    "We ended up going with another round, so you'll meet Sam on Tuesday.",
    "We've extended the offer deadline to Friday so you have time to decide.",
    "If the position is no longer open by then, I'll let you know.",
    "Should we pause all hiring next year, including the UX role, I will tell you.",
    "Despite the pause on hiring elsewhere, your role is going ahead.",
]


@pytest.mark.parametrize("text", REJECTIONS)
def test_a_rejection_of_round_six(text: str) -> None:
    assert _verdict(text) == "rejected"


@pytest.mark.parametrize("text", NEAR_MISSES)
def test_a_near_miss_of_round_six_is_not_a_rejection(text: str) -> None:
    assert _verdict(text) != "rejected"


INVITATIONS = [
    "Your application has been selected for a phone interview with me.",
    "Please reply with your availability for Tuesday or Wednesday.",
]


@pytest.mark.parametrize("text", INVITATIONS)
def test_an_invitation_of_round_six(text: str) -> None:
    assert _verdict(text, subject="Designer") == "interview_invite"


def test_not_selected_for_an_interview_is_still_a_rejection() -> None:
    assert _verdict("You have not been selected for an interview.") == "rejected"


@pytest.mark.parametrize("text", INVITATIONS)
def test_without_round_six_the_invitation_is_a_reply(text: str) -> None:
    verdicts = []
    for rule in DATA["verdicts"]:
        if rule["name"] == "invitation to interview":
            patterns = [p for p in rule["any"] if "reply with" not in p and "shortlisted" not in p]
            rule = {**rule, "any": patterns}
        verdicts.append(rule)
    rules = MailRules.from_data({**DATA, "verdicts": verdicts})
    assert _verdict(text, subject="Designer", rules=rules) == "reply"
