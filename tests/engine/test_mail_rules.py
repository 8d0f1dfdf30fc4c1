"""The person's own mail rules merged over the shipped ones, on their own: their rules and words
are tried first, their sender tables add to the shipped ones name by name, a new table is taken as
it is, and their file's own "about" and "version" never replace the shipped ones."""

from __future__ import annotations

import json

import pytest

from tui.engine.errors import InvalidField
from tui.engine.mail_rules import MailRules, merge_rules
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
