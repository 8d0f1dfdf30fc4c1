"""vCards: one broken card costs only itself, named by its real line; a merge keeps a new e-mail."""

from __future__ import annotations

from pathlib import Path

import pytest

from tui.cli import main
from tui.engine.models import Contact
from tui.store import Store

NOW = "2026-11-23 08:30"

GOOD_BAD_GOOD = """\
BEGIN:VCARD
VERSION:3.0
FN:Ana Diaz
EMAIL:ana@example.com
END:VCARD
BEGIN:VCARD
VERSION:3.0
FN:Never Closed
EMAIL:never@example.com
BEGIN:VCARD
VERSION:3.0
FN:Cleo Park
ORG:Acme
END:VCARD
BEGIN:VCARD
VERSION:3.0
FN:Bad Address
EMAIL:not an address
END:VCARD
"""


def _import(capsys: pytest.CaptureFixture[str], db: Path, cards: Path, *extra: str) -> list[str]:
    assert main(["--db", str(db), "--now", NOW, "import", str(cards), *extra]) == 0
    out, err = capsys.readouterr()
    assert err == ""
    return out.splitlines()


def test_the_good_cards_of_a_file_with_broken_ones_are_imported(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    cards = tmp_path / "contacts.vcf"
    cards.write_text(GOOD_BAD_GOOD)
    db = tmp_path / "mine.json"
    lines = _import(capsys, db, cards)
    assert lines[0] == "card 1: added Ana Diaz"
    # The broken card is named by the line it starts on, in the file as the person sees it.
    assert lines[1] == "card 2: skipped (line 6): not closed: no END:VCARD before line 10"
    assert lines[2] == "card 3: added Cleo Park"
    assert lines[3].startswith("card 4: skipped Bad Address (line 15): email:")
    assert {c.name for c in Store(db).records().contacts} == {"Ana Diaz", "Cleo Park"}


def test_a_card_cut_off_at_the_end_of_the_file_is_named(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    cards = tmp_path / "contacts.vcf"
    cards.write_text("BEGIN:VCARD\nVERSION:3.0\nFN:Ana Diaz\nEND:VCARD\nBEGIN:VCARD\nFN:Cut\n")
    lines = _import(capsys, tmp_path / "mine.json", cards)
    assert lines == [
        "card 1: added Ana Diaz",
        "card 2: skipped (line 5): not closed: the file ends before its END:VCARD",
    ]


def test_a_merge_keeps_a_new_email_address(
    demo_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = Store(demo_db).get(Contact, "con_marcus")
    assert before.email
    cards = tmp_path / "contacts.vcf"
    cards.write_text(
        "BEGIN:VCARD\nVERSION:3.0\nFN:Marcus Lee\nORG:Lumen Freight\n"
        "EMAIL:marcus@lumen-freight.example\nEND:VCARD\n"
    )
    (line,) = _import(capsys, demo_db, cards)
    assert line.startswith("card 1: merged Marcus Lee into Marcus Lee")
    assert "marcus@lumen-freight.example" in line
    after = Store(demo_db).get(Contact, "con_marcus")
    assert after.email == "marcus@lumen-freight.example"  # the new address, not dropped
    assert f"Earlier e-mail: {before.email}" in after.notes  # nor the one it had
    assert after.notes.startswith(before.notes)  # the intel is still there
    (again,) = _import(capsys, demo_db, cards)
    assert again == "card 1: Marcus Lee is already there"  # twice changes nothing
