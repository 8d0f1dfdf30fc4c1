"""Round four of the mail rules (tuned on corpus C): a receipt gives way to an invitation
stated outright, not to one promised under a condition; a friend writing in a thread that names
one company is about its opportunity but waits for review; and the phrasings of C's misses.
Round five (tuned on D): a company's own name as a sender domain, and D's phrasings."""

from __future__ import annotations

import json
from typing import Any

import pytest
from mail_message import AT
from mail_message import message as _facts

from tui.engine.errors import InvalidField
from tui.engine.mail_decide import decide
from tui.engine.mail_facts import Address, Invitation, MailFacts
from tui.engine.mail_match import MailWorld, classify_match
from tui.engine.mail_rules import MailRules
from tui.engine.models import Contact, Opportunity, Records
from tui.engine.settings import Settings
from tui.locations import shipped_data

DATA: dict[str, Any] = json.loads(shipped_data("mail_rules.json").read_text())
RULES = MailRules.from_data(DATA)
ACME = Opportunity(id="opp_acme", company="Acme Systems", role="Data Analyst")
DANA = Contact(id="con_d", name="Dana Lee", company="Acme Systems", email="dana@acme.example")
JO = Contact(id="con_jo", name="Jo Park", email="jo.park@outlook.example")
RECORDS = Records(
    opportunities=(ACME,),
    contacts=(DANA, JO),
    settings=Settings().with_text("my_addresses", "me@home.example"),
)


def _read(facts: MailFacts, rules: MailRules = RULES) -> tuple[str, str | None, str]:
    """(verdict, opportunity, action) of one message."""
    world = MailWorld(RECORDS, rules)
    match = world.match(facts)
    verdict = classify_match(facts, rules, match)
    action = decide(facts, match, verdict, RECORDS, world.mine).action
    return verdict.verdict, match.opportunity_id, action


RECEIPT_THAT_INVITES = (
    "Thanks for applying to the Data Analyst role - your work stood out. "
    "Would you have 30 minutes this week for an intro call?"
)
RECEIPT_THAT_PROMISES = (
    "Thank you for applying! Our team reviews every application. "
    "If there is a match, we will contact you to schedule a first conversation."
)


def test_a_receipt_that_also_invites_is_an_invitation_for_review_not_a_logged_receipt() -> None:
    """The recruiter's "thanks for applying — would you have 30 minutes?" must not be logged
    as an automatic receipt: the invitation would vanish into the touch log."""
    verdict, opportunity, action = _read(_facts(RECEIPT_THAT_INVITES))
    assert (verdict, opportunity, action) == ("interview_invite", "opp_acme", "review")


def test_a_receipt_that_promises_a_call_if_there_is_a_match_stays_a_receipt() -> None:
    """ "If there is a match we will schedule a call" is no invitation: the condition is left out
    when the receipt asks whether an invitation outranks it."""
    assert _read(_facts(RECEIPT_THAT_PROMISES))[0] == "acknowledgement"


def test_without_yield_to_the_receipt_would_win() -> None:
    """The yielding is what decides it: the same rules without ``yield_to`` read a receipt."""
    copy = json.loads(json.dumps(DATA))
    for rule in copy["verdicts"]:
        rule.pop("yield_to", None)
    assert _read(_facts(RECEIPT_THAT_INVITES), MailRules.from_data(copy))[0] == "acknowledgement"


def test_without_the_conditional_words_a_promised_call_would_outrank_the_receipt() -> None:
    copy = json.loads(json.dumps(DATA))
    del copy["conditional"]
    assert _read(_facts(RECEIPT_THAT_PROMISES), MailRules.from_data(copy))[0] == "interview_invite"


@pytest.mark.parametrize("value", ["maybe", ["interview_invite", "nope"], 3])
def test_a_yield_to_naming_no_verdict_is_refused_with_its_place(value: object) -> None:
    copy = json.loads(json.dumps(DATA))
    copy["verdicts"][0]["yield_to"] = value
    with pytest.raises(InvalidField, match=r"verdicts\[1\]"):
        MailRules.from_data(copy)


def test_a_friend_answering_in_a_thread_that_names_the_company_is_about_it_for_review() -> None:
    """Jo has no opportunity of her own; "RE: Reference for Acme Systems?" is about Acme's. It
    waits for a look: logged at once it would tell Acme's clock that Acme had answered."""
    facts = _facts(
        "Of course, happy to! Give Dana my number.",
        subject="RE: Reference for Acme Systems?",
        sender="jo.park@outlook.example",
    )
    verdict, opportunity, action = _read(facts)
    assert (opportunity, action) == ("opp_acme", "review")
    assert verdict == "reply"


def test_a_friend_mentioning_the_company_only_in_passing_stays_their_own_touch() -> None:
    facts = _facts(
        "Great to hear the Acme Systems loop went well! Let's catch up soon.",
        subject="Re: Quick update",
        sender="jo.park@outlook.example",
    )
    assert _read(facts)[1] is None


# (text, subject, verdict): the phrasings round four added outside the round-two rules.
PHRASES = [
    ("I'm sorry, the team has selected another candidate for the role.", "Update", "rejected"),
    ("I'm sorry we couldn't offer you the Senior Data Analyst role.", "Update", "rejected"),
    ("We are not able to continue with your application.", "Update", "rejected"),
    ("The position Data Analyst (Req 77) has been filled.", "Req 77", "rejected"),
    ("We decided for other candidate, his profile is closer.", "Update", "rejected"),
    ("We're going a different direction for this role. Best of luck.", "Hi", "rejected"),
    ("The position is now filled and the process is over.", "Data Analyst", "rejected"),
    ("Would you have time for a video call of about 30 minutes?", "Hi", "interview_invite"),
    ("Any chance you'd have 20 minutes on Monday for a call?", "Hi", "interview_invite"),
    ("Here's the Zoom: https://z.example/j/1 - talk Thursday!", "Thursday", "interview_invite"),
    (
        "The next step in our process is a 60-minute conversation with me.",
        "Hi",
        "interview_invite",
    ),
    ("We'd like you to complete a short take-home exercise this week.", "Hi", "next_round"),
    (
        "Here is the new invitation for your final-stage conversation. Are you free Thursday?",
        "Hi",
        "next_round",
    ),
    ("We'd like to add one last conversation. Are you free Tuesday?", "Hi", "next_round"),
    ("Thanks! We've received your availability for the interview.", "Hi", "acknowledgement"),
    ("Thanks for sharing your availability for the interviews.", "Hi", "acknowledgement"),
    ("We have received the following documents: the background form.", "Hi", "acknowledgement"),
    ("Thank you! We have received your signed offer letter.", "Welcome", "acknowledgement"),
]


@pytest.mark.parametrize(("text", "subject", "expected"), PHRASES)
def test_a_phrase_of_round_four(text: str, subject: str, expected: str) -> None:
    assert _read(_facts(text, subject=subject))[0] == expected


def test_your_own_thanks_that_asks_for_the_timeline_is_a_check_in() -> None:
    """A thank-you that asks where things stand is a check-in: logged as a thank-you it would
    leave the check-in clock running as if the person had not asked."""
    facts = MailFacts(
        key="<s@x>",
        at=AT,
        sender=Address("", "me@home.example"),
        subject="Data Analyst",
        text="I really enjoyed meeting the team. Would you be able to share a sense of your "
        "timeline?",
        to=(Address("", "dana@acme.example"),),
        body_read=True,
    )
    world = MailWorld(RECORDS, RULES)
    found = classify_match(facts, RULES, world.match(facts))
    assert (found.verdict, found.sent_kind) == ("sent", "check_in")


def test_a_profile_was_viewed_notice_is_unrelated() -> None:
    facts = _facts(
        "A recruiter at Acme Systems viewed your profile.",
        subject="Sam, your profile was viewed by 7 people",
        sender="notifications-noreply@linkedin.example",
    )
    assert _read(facts)[0] == "unrelated"


# -- round five (tuned on corpus D) ----------------------------------------------------------

HOLLIS = Opportunity(
    id="opp_hollis",
    company="Hollis & Grey",
    role="Service Designer",
    url="https://jobs.lever.example/hollisgrey/b0e4",
)
CALDER = Opportunity(id="opp_calder", company="Calder Health Partners", role="Product Designer")
NO_CONTACTS = Records(
    opportunities=(HOLLIS, CALDER),
    settings=Settings().with_text("my_addresses", "me@home.example"),
)
INVITE = "Thanks for applying. Could we have a 30-minute video call next week?"


@pytest.mark.parametrize(
    ("sender", "expected"),
    [
        ("gwen.hollins@hollisgrey.example", "opp_hollis"),
        ("marisol@calderhealth.example", "opp_calder"),
        ("someone@calderwood.example", None),
    ],
)
def test_a_company_with_no_contact_is_known_by_its_name_as_a_domain(
    sender: str, expected: str | None
) -> None:
    """An opportunity posted on an applicant-tracking site, with no contact yet: the recruiter
    writes from the company's own name as a domain, and that mail must be read, not skipped
    as mail that concerns no job."""
    world = MailWorld(NO_CONTACTS, RULES)
    facts = _facts(INVITE, subject="Service Designer - chat?", sender=sender)
    assert world.worth_reading(facts) is (expected is not None)
    match = world.match(facts)
    assert match.opportunity_id == expected
    if expected is not None:
        assert match.method == "domain"
        assert classify_match(facts, RULES, match).verdict == "interview_invite"


def test_a_domain_learned_from_a_contact_wins_over_a_company_name() -> None:
    """Two companies: a contact's own address says which one; the name is only a fallback."""
    other = Opportunity(id="opp_other", company="Calderhealth Labs")
    contact = Contact(
        id="con_x", name="X", company="Calderhealth Labs", email="x@calderhealth.example"
    )
    records = Records(
        opportunities=(CALDER, other),
        contacts=(contact,),
        settings=Settings().with_text("my_addresses", "me@home.example"),
    )
    world = MailWorld(records, RULES)
    match = world.match(_facts(INVITE, sender="y@calderhealth.example"))
    assert match.opportunity_id == "opp_other"


def _cancel(text: str) -> str:
    event = Invitation(
        method="CANCEL", uid="u1", sequence=1, summary="Second interview", start=AT.add(days=1)
    )
    facts = MailFacts(
        key="<c@x>",
        at=AT,
        sender=Address("", "dana@acme.example"),
        subject="Canceled: Second interview",
        text=text,
        to=(Address("", "me@home.example"),),
        body_read=True,
        calendar_method="CANCEL",
        invitation=event,
    )
    world = MailWorld(RECORDS, RULES)
    return classify_match(facts, RULES, world.match(facts)).verdict


def test_a_cancellation_stays_a_reply_even_when_its_text_rejects() -> None:
    """Accepting a cancellation cancels the interview; calling it "rejected" would promise a
    close-out that key does not do. The words wait in the review entry for the person to read."""
    assert _cancel("The role is on hold, so we will not be moving forward with you.") == "reply"
    assert _cancel("Something came up; a new time will follow.") == "reply"


ROUND_FIVE = [
    ("Here's what we can offer: $138,000 base and equity.", "Join us", "offer"),
    ("Good news - here is the revised offer: base up to $166,000.", "Ferro", "offer"),
    ("We'd love for you to join Tessellate as our first designer.", "Hi", "offer"),
    ("Would you be up for a video coffee next week?", "Hi", "interview_invite"),
    ("The position is therefore filled.", "Update", "rejected"),
]


@pytest.mark.parametrize(("text", "subject", "expected"), ROUND_FIVE)
def test_a_phrase_of_round_five(text: str, subject: str, expected: str) -> None:
    assert _read(_facts(text, subject=subject))[0] == expected
