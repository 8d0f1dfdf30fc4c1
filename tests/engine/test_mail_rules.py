"""The person's own mail rules merged over the shipped ones, on their own: their rules and words
are tried first, their sender tables add to the shipped ones name by name, a new table is taken as
it is, and their file's own "about" and "version" never replace the shipped ones."""

from __future__ import annotations

import json

import pendulum
import pytest

from tui.engine.errors import InvalidField
from tui.engine.mail_facts import Address, Forwarded, MailFacts
from tui.engine.mail_rules import Classification, MailRules, classify, later_round, merge_rules
from tui.locations import shipped_data

SHIPPED = {
    "about": "shipped rules",
    "version": 3,
    "verdicts": [{"name": "shipped"}],
    "senders": {
        "ats": {"Greenhouse": ["greenhouse"], "Lever": ["lever"]},
        "free_mail": ["gmail"],
        "automated_local_parts": "^(no-?reply)@",
    },
}


def test_their_rules_come_first_and_their_tables_add_name_by_name() -> None:
    extra = {
        "about": "mine",
        "version": 99,
        "verdicts": [{"name": "mine"}],
        "senders": {
            "ats": {"Greenhouse": ["grnh-eu"], "Teamtailor": ["teamtailor"]},
            "free_mail": ["posteo"],
            "automated_local_parts": "^(robot)@",
            "job_boards": {"Otta": ["otta"]},
        },
        "company_words": ["gmbh"],
        "aliases": {"Acme Systems": ["acme"]},
    }
    merged = merge_rules(SHIPPED, extra)
    assert (merged["about"], merged["version"]) == ("shipped rules", 3)
    assert merged["verdicts"] == [{"name": "mine"}, {"name": "shipped"}]
    senders = merged["senders"]
    assert senders["ats"] == {
        "Greenhouse": ["grnh-eu"],  # a name given again: theirs replaces the shipped one
        "Lever": ["lever"],
        "Teamtailor": ["teamtailor"],
    }
    assert senders["free_mail"] == ["posteo", "gmail"]
    assert senders["automated_local_parts"] == "^(robot)@"
    assert senders["job_boards"] == {"Otta": ["otta"]}
    assert merged["company_words"] == ["gmbh"]
    assert merged["aliases"] == {"Acme Systems": ["acme"]}
    # The shipped rules themselves are left as they were.
    assert SHIPPED["senders"]["free_mail"] == ["gmail"]  # type: ignore[index]


def test_a_nested_table_merges_its_entries_and_lists_keep_theirs_first() -> None:
    shipped = {"senders": {"ats": {"Greenhouse": ["greenhouse"]}, "calendars": ["calendar"]}}
    extra = {"senders": {"ats": {"Workable": ["workable"]}, "calendars": ["cal-bot"]}}
    senders = merge_rules(shipped, extra)["senders"]
    assert senders["ats"] == {"Greenhouse": ["greenhouse"], "Workable": ["workable"]}
    assert senders["calendars"] == ["cal-bot", "calendar"]


def test_a_rules_file_with_a_wrong_shape_is_refused_naming_the_table() -> None:
    shipped = json.loads(shipped_data("mail_rules.json").read_text())
    with pytest.raises(InvalidField, match=r"^senders: must be an object"):
        MailRules.from_data({**shipped, "senders": ["greenhouse"]})
    wrong = [{"name": "mine", "verdict": "hired", "any": ["\\bwelcome aboard\\b"]}]
    with pytest.raises(InvalidField, match=r"^verdicts: mine: verdict must be one of"):
        MailRules.from_data({**shipped, "verdicts": wrong + shipped["verdicts"]})


def _invite(text: str = "", forwarded: Forwarded | None = None) -> MailFacts:
    return MailFacts(
        key="<k@x>",
        at=pendulum.datetime(2026, 11, 20, 10, tz="UTC"),
        sender=Address("", "dana@acme.example"),
        subject="Chat",
        text=text,
        to=(Address("", "me@home.example"),),
        body_read=True,
        forwarded=forwarded,
    )


def test_a_message_matched_to_nothing_is_unrelated_whatever_it_says() -> None:
    """The classifier's first rule: mail about no known opportunity never becomes an outcome."""
    rules = MailRules.from_data(json.loads(shipped_data("mail_rules.json").read_text()))
    found = classify(
        _invite("We regret to inform you we went with another candidate."),
        rules,
        direction="in",
        matched=False,
        person=True,
        relevant=True,
        contact_only=False,
        forwarded=False,
    )
    assert found.verdict == "unrelated"


def test_the_later_round_step_reads_a_forwarded_invitation_and_works_without_its_rule() -> None:
    """An advocate forwards "we'd like to invite you to the final round": the words are in the
    forwarded part. Rules without a ``later_round`` entry leave an invitation as it is."""
    data = json.loads(shipped_data("mail_rules.json").read_text())
    found = Classification("interview_invite", "invitation", False)
    inner = Forwarded(None, "Acme", "We'd like to invite you to the final round next week.")
    facts = _invite("See below!", forwarded=inner)
    shipped = MailRules.from_data(data)
    assert later_round(found, facts, shipped, interviewed=False).verdict == "next_round"
    del data["later_round"]
    bare = MailRules.from_data(data)
    assert later_round(found, facts, bare, interviewed=False) == found
