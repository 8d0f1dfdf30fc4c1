"""Templates fill safely (hostile placeholders included), user templates add and override,
drafts are private and survive being reopened."""

from __future__ import annotations

import dataclasses
import stat
from pathlib import Path

import pytest
from world import World

from tui.drafts import DraftStore, available_templates, fill, load_template
from tui.engine.compose import TEMPLATES, situation_for
from tui.engine.tone import check_tone
from tui.lexicon import shipped_lexicon

VALUES = {
    "contact": "Ravi",
    "company": "Northwind",
    "role": "Analyst",
    "interview_day": "Tuesday",
    "skills": "SQL",
    "promised_phrase": "by Friday",
    "your_name": "Sam",
    "promised_by": "Friday 20 November",
    "interview_date": "",
    "interview_kind": "",
    "contact_name": "Ravi Menon",
}


def test_placeholders_fill_and_unknown_ones_are_reported_not_crashed_on() -> None:
    filled = fill("Hi $contact, about ${role} at $company ($$5 coffee). $unknown $contact", VALUES)
    assert filled.text == "Hi Ravi, about Analyst at Northwind ($5 coffee). $unknown Ravi"
    assert filled.unknown == ("unknown",)


@pytest.mark.parametrize(
    "hostile",
    [
        "${company.__class__}",
        "${company.__class__.__mro__}",
        "{company.__class__}",
        "{0.__globals__}",
        "${contact[0]}",
        "$",
        "${}",
        "%(company)s",
    ],
)
def test_hostile_placeholders_reach_nothing(hostile: str) -> None:
    filled = fill(f"Hello {hostile} end", VALUES)
    assert "class" not in filled.text.replace(hostile, "")  # nothing was evaluated
    assert filled.text == f"Hello {hostile} end"


def _situation_values(**settings: str) -> dict[str, str]:
    """The values the composer fills a template with, for an interview with skills, a promise
    and a hiring manager (the engine's own, not a hand-made dict)."""
    world = World(**settings)
    world.interview(
        "Quillstone",
        "2026-11-20 11:00",
        skills=("dbt", "data modelling", "testing"),
        promised_by="2026-11-27",
        interviewers=("Jordan Okafor",),
    )
    world.opportunities[0] = dataclasses.replace(world.opportunities[0], role="Analytics Engineer")
    world.contact("Jordan Okafor", "Quillstone", relation="hiring manager")
    records = world.records()
    situation = situation_for(
        records, world.at("2026-11-23 09:00"), opportunity=records.opportunities[0]
    )
    return situation.values


def test_every_shipped_template_fills_completely_and_reads_calm(tmp_path: Path) -> None:
    values = _situation_values(your_name="Sam Rivera")
    for name in TEMPLATES:
        text, source = load_template(name, tmp_path / "db.json")
        assert source == "shipped"
        filled = fill(text, values)
        assert filled.unknown == (), name
        assert filled.text.startswith("Subject: ")
        assert "Hi Jordan," in filled.text and filled.text.rstrip().endswith("Sam Rivera"), name
        report = check_tone(filled.text, shipped_lexicon())
        assert report.verdict == "calm", (name, report.findings)


def test_templates_read_as_a_person_wrote_them(tmp_path: Path) -> None:
    values = _situation_values(your_name="Sam Rivera")
    update = fill(load_template("network_update", tmp_path / "db.json")[0], values).text
    assert "for an Analytics Engineer role" in update  # not "a Analytics Engineer role"
    assert "dbt, data modelling and testing" in update  # not "dbt, data modelling, testing"
    thanks = fill(load_template("thank_you", tmp_path / "db.json")[0], values).text
    assert "the discussion of dbt, data modelling and testing" in thanks
    ask = load_template("advocate_ask", tmp_path / "db.json")[0]
    assert "$questions" in ask  # the questions still open, from the engine


def test_no_skills_no_name_no_contact_still_reads_whole(tmp_path: Path) -> None:
    world = World()
    world.interview("Acme", "2026-11-20 11:00")
    records = world.records()
    values = situation_for(
        records, world.at("2026-11-23 09:00"), opportunity=records.opportunities[0]
    ).values
    for name in TEMPLATES:
        text = fill(load_template(name, tmp_path / "db.json")[0], values).text
        assert "the work we discussed" not in text and "Hi there," not in text, name
        assert "$" not in text, name
        assert not text.rstrip().endswith(("Best regards,", "Best,")), name  # no empty sign-off
    thanks = fill(load_template("thank_you", tmp_path / "db.json")[0], values).text
    assert "Hello," in thanks and "I enjoyed our conversation, and" in thanks


def test_a_users_own_templates_add_to_and_override_the_shipped_ones(tmp_path: Path) -> None:
    db = tmp_path / "db.json"
    own = tmp_path / "templates"
    own.mkdir()
    (own / "thank_you.txt").write_text("Cheers $contact! $mystery")
    (own / "coffee_chat.txt").write_text("Coffee, $contact?")
    (own / "../escape.txt").write_text("nope")  # outside the folder: not a template
    assert available_templates(db) == [*TEMPLATES, "coffee_chat"]
    text, source = load_template("thank_you", db)
    assert source.endswith("templates/thank_you.txt")
    assert fill(text, VALUES).unknown == ("mystery",)
    with pytest.raises(ValueError):
        load_template("../escape", db)


def test_drafts_are_private_files_that_come_back(tmp_path: Path) -> None:
    drafts = DraftStore(tmp_path / "db.json")
    path = drafts.save("check_in_first-con_ravi", "Hi Ravi,\nhalf a thought")
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    assert DraftStore(tmp_path / "db.json").load("check_in_first-con_ravi") == (
        "Hi Ravi,\nhalf a thought"
    )
    drafts.discard("check_in_first-con_ravi")
    assert drafts.load("check_in_first-con_ravi") is None
    assert drafts.path("../../etc/passwd").parent == drafts.folder
