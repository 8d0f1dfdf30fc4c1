"""No control character in stored or imported text reaches the terminal from any verb."""

from __future__ import annotations

from pathlib import Path

import pytest
from hostile import CONTROLLED, hostile_control_file, unsafe_for_a_terminal

from tui.cli import main
from tui.store import Store

NOW = "2026-11-23 08:30"


def _run(capsys: pytest.CaptureFixture[str], db: Path, *args: str) -> tuple[int, str]:
    code = main(["--db", str(db), "--now", NOW, *args])
    captured = capsys.readouterr()
    return code, captured.out + captured.err


@pytest.mark.parametrize(
    "verb",
    [
        ("today",),
        ("today", "--plain"),
        ("today", "--json"),
        ("waiting",),
        ("waiting", "--json"),
        ("advocates",),
        ("advocates", "--json"),
        ("export",),
        ("export", "--format", "csv"),
        ("export", "--format", "ics"),
        ("settings",),
        ("done", "tsk_c"),
        ("log", "check-in", "--company", CONTROLLED),
        ("calibration",),  # issue 18
        ("calibration", "--json"),
        ("debrief", "int_c", "--estimate", "70"),
        ("waiting", "--plain"),
        ("advocates", "--plain"),
        ("pipeline",),
        ("pipeline", "--json"),
        ("set-stage", "opp_c", "offer", "--in-hand"),
        ("delete", "opportunity", "opp_c"),
        ("delete", "contact", "con_c"),
        ("delete", "task", "tsk_c"),
        ("undo", "tsk_c"),
        ("log", "check-in", "--opportunity", "opp_c"),
        ("add", "opportunity", "--company", CONTROLLED.replace("\x00", "")),
        ("mail", "review"),
        ("mail", "review", "--json"),
        ("mail", "review", "rev_c"),
        ("mail", "sources"),
    ],
    ids=lambda v: " ".join(v)[:30],
)
def test_stored_control_characters_never_reach_the_terminal(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, verb: tuple[str, ...]
) -> None:
    db = hostile_control_file(tmp_path / "old.json")
    code, output = _run(capsys, db, *verb)
    assert code in {0, 2}, output
    assert unsafe_for_a_terminal(output) == []


def test_the_text_is_kept_and_shown_with_visible_stand_ins(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    db = hostile_control_file(tmp_path / "old.json")
    code, output = _run(capsys, db, "today", "--plain")
    assert code == 0
    assert "Acme␛]52;c;cm0gLXJmIC8K␇" in output  # what was there, shown, not obeyed


def test_typed_text_with_a_control_character_is_refused_in_one_line(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    db = tmp_path / "new.json"
    _run(capsys, db, "add", "task", "--title", "Fine", "--kind", "apply")
    before = db.read_bytes()
    code, output = _run(capsys, db, "add", "task", "--title", CONTROLLED, "--kind", "apply")
    assert code == 2
    assert output.splitlines() == [
        "nowwhat: error: title: contains a control character, ESC (U+001B): remove it"
    ]
    assert db.read_bytes() == before


def test_imports_clean_control_characters_and_say_so(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    db = tmp_path / "new.json"
    sheet = tmp_path / "tracker.csv"
    text = CONTROLLED.replace("\x00", "")  # a NUL makes it binary: refused whole, rightly
    sheet.write_text(f'Company,Role,Notes\n"{text}",Analyst,"one\x1b[2J\nline two"\n')
    code, output = _run(capsys, db, "import", str(sheet))
    assert code == 0
    assert "(control characters removed)" in output
    assert unsafe_for_a_terminal(output) == []
    cards = tmp_path / "people.vcf"
    cards.write_text(
        f"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Eve\x1b]0;x\x07 Doe\r\nORG:{text}\r\nEND:VCARD\r\n"
    )
    code, output = _run(capsys, db, "import", str(cards))
    assert code == 0, output
    assert unsafe_for_a_terminal(output) == []
    records = Store(db).records()
    assert [o.company for o in records.opportunities] == [
        "Acme]52;c;cm0gLXJmIC8K]0;owned[2J[H[?1049h 2Jevilx"
    ]
    assert records.opportunities[0].notes == "one[2J\nline two"
    # ORG's parts are split at ";" (organisation; unit): the organisation is kept.
    assert [(c.name, c.company) for c in records.contacts] == [("Eve]0;x Doe", "Acme]52")]


def test_a_json_import_keeps_control_characters_as_visible_stand_ins(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    old = hostile_control_file(tmp_path / "old.json")
    code, exported = _run(capsys, old, "export")
    backup = tmp_path / "backup.json"
    backup.write_text(exported.replace("␛", "\\u001b"))  # as an older nowwhat exported it
    db = tmp_path / "new.json"
    code, output = _run(capsys, db, "import", str(backup))
    assert code == 0, output
    assert Store(db).records().tasks[0].title.startswith("Acme␛]52;")


def test_every_face_shows_a_control_character_that_did_not_come_from_a_record(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """The output side stands on its own: a plan item built around the records' checks."""
    import pendulum
    from pendulum import Time

    from tui.cli import _print_rich
    from tui.engine.items import PlanItem
    from tui.engine.plan import DayPlan, PlannedBlock, Split
    from tui.render import render_plan
    from tui.summary import plain_summary

    item = PlanItem(id="x", kind="apply", title=CONTROLLED, minutes=30, due=None, reason="")
    plan = DayPlan(
        date=pendulum.Date(2026, 11, 23),
        business_day=True,
        split=Split(240, 72, 0, 30, 0, 0),
        blocks=(PlannedBlock("search", Time(9, 0), Time(9, 30), (item,)),),
        deferred=(),
        glow=(),
        warnings=(),
    )
    _print_rich(render_plan(plan))
    rich_output = capsys.readouterr().out
    for output in (plain_summary(plan), rich_output):
        assert unsafe_for_a_terminal(output) == []
        assert "Acme␛]52;c;" in output
