"""Templates fill safely (hostile placeholders included), user templates add and override,
drafts are private and survive being reopened."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest

from tui.drafts import DraftStore, available_templates, fill, load_template
from tui.engine.compose import TEMPLATES
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


def test_every_shipped_template_fills_completely_and_reads_calm(tmp_path: Path) -> None:
    for name in TEMPLATES:
        text, source = load_template(name, tmp_path / "db.json")
        assert source == "shipped"
        filled = fill(text, VALUES)
        assert filled.unknown == (), name
        assert filled.text.startswith("Subject: ")
        report = check_tone(filled.text, shipped_lexicon())
        assert report.verdict == "calm", (name, report.findings)


def test_the_network_update_lists_the_skills_and_the_advocate_ask_names_the_questions(
    tmp_path: Path,
) -> None:
    update = fill(load_template("network_update", tmp_path / "db.json")[0], VALUES).text
    assert "highlighted my SQL" in update
    ask = load_template("advocate_ask", tmp_path / "db.json")[0]
    assert "changed internally" in ask and "still posted" in ask


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
