"""Calendar export, spreadsheet and vCard import, the login summary, and bad files refused whole."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tui.cli import main
from tui.store import Store

NOW = "2026-11-23 08:30"


@pytest.fixture
def demo(demo_db: Path) -> Path:
    """The demo database at its anchor (a private copy)."""
    return demo_db


@pytest.fixture
def empty(tmp_path: Path) -> Path:
    path = tmp_path / "mine.json"
    assert main(["--db", str(path), "settings", "set", "timezone", "America/New_York"]) == 0
    return path


def run(capsys, *argv: str) -> tuple[int, str, str]:  # type: ignore[no-untyped-def]
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


# -- calendar --------------------------------------------------------------------------------


def _ics(capsys, db: Path, now: str) -> bytes:  # type: ignore[no-untyped-def]
    code, out, _ = run(
        capsys, "--db", str(db), "--now", now, "export", "--format", "ics", "--days", "10"
    )
    assert code == 0
    return out.encode()


def test_the_calendar_parses_back_with_stable_uids(demo: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    from icalendar import Calendar

    first = Calendar.from_ical(_ics(capsys, demo, NOW))
    events = {str(e["uid"]): e for e in first.walk("VEVENT")}
    assert "int_harbor_second@nowwhat" in events  # Wednesday's onsite
    assert "promise-int_quillstone_tech@nowwhat" in events  # promised by Tue 1 Dec
    assert "ty-int_quillstone_tech@nowwhat" in events  # a planned follow-up
    assert "tsk_fernway_apply@nowwhat" not in events  # search work stays out
    onsite = events["int_harbor_second@nowwhat"]
    assert onsite.decoded("dtstart").isoformat() == "2026-11-25T15:00:00-05:00"
    assert first.walk("VTIMEZONE"), "the zone is described for calendars that need it"
    # Exported again a day later: the same UIDs, so a calendar updates instead of duplicating.
    again = [
        str(e["uid"])
        for e in Calendar.from_ical(_ics(capsys, demo, "2026-11-24 08:30")).walk("VEVENT")
    ]
    assert {"int_harbor_second@nowwhat", "promise-int_quillstone_tech@nowwhat"} <= set(again)
    assert len(again) == len(set(again))


# -- spreadsheet -----------------------------------------------------------------------------

TRACKER = """Company,Job Title,Status,Date Applied,Interview Date,Contact,Notes,Link
Acme Corp,Data Analyst,Interviewing,11/02/2026,2026-11-20 14:00,Dana Ruiz,Referred by Priya,https://acme.example/jobs/1
Beta Labs,BI Developer,applied,"Nov 5, 2026",,,,
Gamma Inc,Analyst,Offer??,2026-11-01,,,,
Delta,ML Engineer,rejected,31.10.2026,11/28/2026 9:30 AM,,,
Epsilon,Analyst,applied,2026-13-01,,,,
,Orphan role,applied,,,,,
"""


def test_a_tracker_imports_row_by_row_and_twice_adds_nothing(
    empty: Path, tmp_path: Path, capsys
) -> None:  # type: ignore[no-untyped-def]
    sheet = tmp_path / "tracker.csv"
    sheet.write_text(TRACKER)
    code, out, _ = run(capsys, "--db", str(empty), "--now", NOW, "import", str(sheet))
    assert code == 0
    assert (
        "row 2: imported Acme Corp (Data Analyst), interview Fri 20 Nov 2026 14:00, "
        "contact Dana Ruiz" in out
    )
    assert "row 3: imported Beta Labs (BI Developer)" in out
    assert "row 4: skipped: status: 'Offer??' is not a stage I know" in out
    assert "row 5: imported Delta (ML Engineer), interview Sat 28 Nov 2026 09:30" in out
    assert "row 6: skipped: applied: '2026-13-01' is not a date I can read" in out
    assert "row 7: skipped: company: is empty" in out
    # Acme's interview is history: the person is told Today will ask for its thank-you.
    assert "1 past interview(s): Today asks for their thank-yous" in out
    records = Store(empty).records()
    companies = {o.company: o for o in records.opportunities}
    assert set(companies) == {"Acme Corp", "Beta Labs", "Delta"}  # no half-imported rows
    assert str(companies["Acme Corp"].applied_on) == "2026-11-02"
    assert str(companies["Beta Labs"].applied_on) == "2026-11-05"
    assert str(companies["Delta"].applied_on) == "2026-10-31"
    assert companies["Delta"].stage == "rejected"
    assert companies["Acme Corp"].url == "https://acme.example/jobs/1"
    assert [c.name for c in records.contacts] == ["Dana Ruiz"]
    before = empty.read_bytes()
    code, out, _ = run(capsys, "--db", str(empty), "--now", NOW, "import", str(sheet))
    assert "0 row(s) imported" in out and "already there" in out
    assert Store(empty).records().counts() == records.counts()
    assert json.loads(empty.read_text()) == json.loads(before)


def test_a_dry_run_reports_and_changes_nothing(empty: Path, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    sheet = tmp_path / "tracker.csv"
    sheet.write_text(TRACKER)
    before = empty.read_bytes()
    code, out, _ = run(capsys, "--db", str(empty), "--now", NOW, "import", str(sheet), "--dry-run")
    assert code == 0 and "3 row(s) would be imported, 3 skipped" in out
    assert empty.read_bytes() == before
    never = tmp_path / "never.json"
    run(capsys, "--db", str(never), "--now", NOW, "import", str(sheet), "--dry-run")
    assert not never.exists()


def test_the_csv_export_reads_back_in(demo: Path, empty: Path, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    code, out, _ = run(capsys, "--db", str(demo), "--now", NOW, "export", "--format", "csv")
    assert code == 0
    header = out.splitlines()[0]
    assert header == "Company,Role,Status,Applied,Interview,Contact,Notes,URL"
    sheet = tmp_path / "out.csv"
    sheet.write_text(out)
    code, out, _ = run(capsys, "--db", str(empty), "--now", NOW, "import", str(sheet))
    assert "15 row(s) imported" in out  # the demo's 7, and the 8 of the earlier search
    companies = {o.company: o.stage for o in Store(empty).records().opportunities}
    assert companies["Copperleaf Bank"] == "rejected" and len(companies) == 15


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"Name,Title\nAcme,Analyst\n", "no Company column"),
        ("Company,Role\nCafé Müller,Barista\n".encode("latin-1"), "not UTF-8 text"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary data"),
        (b"", "the file is empty"),
    ],
)
def test_bad_files_are_refused_whole(
    empty: Path, tmp_path: Path, capsys, content: bytes, message: str
) -> None:  # type: ignore[no-untyped-def]
    bad = tmp_path / "bad.csv"
    bad.write_bytes(content)
    before = empty.read_bytes()
    code, _, err = run(capsys, "--db", str(empty), "--now", NOW, "import", str(bad))
    assert code == 2 and message in err and "nothing was imported" in err
    assert err.count("\n") == 1
    assert empty.read_bytes() == before


def test_a_50_mb_file_is_refused_without_reading_it_all_in(
    empty: Path, tmp_path: Path, capsys
) -> None:  # type: ignore[no-untyped-def]
    big = tmp_path / "huge.csv"
    with big.open("wb") as handle:
        handle.write(b"Company,Role\n")
        handle.seek(50 * 1024 * 1024)
        handle.write(b"\n")
    code, _, err = run(capsys, "--db", str(empty), "--now", NOW, "import", str(big))
    assert code == 2 and "too large" in err


# -- vCards ----------------------------------------------------------------------------------

CARDS = """BEGIN:VCARD
VERSION:3.0
FN:Priya Raman
N:Raman;Priya;;;
ORG:Northwind Analytics
EMAIL;TYPE=work:priya.raman@example.com
TEL;TYPE=cell:+1 212 555 0100
END:VCARD
BEGIN:VCARD
VERSION:3.0
FN:Dana Ruiz
ORG:Acme Corp;Recruiting
EMAIL:dana@acme.example
END:VCARD
BEGIN:VCARD
VERSION:4.0
N:Lee;Marcus;;;
ORG:Lumen Freight
TEL:+1 646 555 0199
END:VCARD
BEGIN:VCARD
VERSION:3.0
FN:Dana Ruiz
EMAIL:DANA@acme.example
TEL:+1 917 555 0111
END:VCARD
"""


def test_vcards_import_and_merge_by_email_or_name_and_company(
    demo: Path, tmp_path: Path, capsys
) -> None:  # type: ignore[no-untyped-def]
    cards = tmp_path / "contacts.vcf"
    cards.write_text(CARDS)
    before = {c.id: c for c in Store(demo).records().contacts}
    code, out, _ = run(capsys, "--db", str(demo), "--now", NOW, "import", str(cards))
    assert code == 0
    assert "card 1: merged Priya Raman into Priya Raman" in out  # same e-mail: fills the phone
    assert "card 2: added Dana Ruiz" in out
    assert "card 3: merged Marcus Lee into Marcus Lee" in out  # name + company
    assert "card 4: merged Dana Ruiz into Dana Ruiz" in out  # same e-mail, any case
    contacts = {c.name: c for c in Store(demo).records().contacts}
    assert len(contacts) == len(before) + 1
    assert contacts["Priya Raman"].phone == "+1 212 555 0100"
    assert contacts["Priya Raman"].tags == before["con_priya"].tags  # nothing else changed
    assert contacts["Marcus Lee"].phone == "+1 646 555 0199"
    assert contacts["Dana Ruiz"].company == "Acme Corp"
    assert contacts["Dana Ruiz"].phone == "+1 917 555 0111"
    code, out, _ = run(capsys, "--db", str(demo), "--now", NOW, "import", str(cards))
    assert out.count("is already there") == 4


def test_a_latin1_vcard_file_gets_advice_for_vcards(demo: Path, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    cards = tmp_path / "contacts.vcf"
    cards.write_bytes("BEGIN:VCARD\nVERSION:3.0\nFN:Zoë Müller\nEND:VCARD\n".encode("latin-1"))
    code, _, err = run(capsys, "--db", str(demo), "--now", NOW, "import", str(cards))
    assert code == 2 and "not UTF-8 text" in err and "vCard" in err and "CSV" not in err


def test_a_file_that_is_not_vcards_is_refused(demo: Path, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    bad = tmp_path / "contacts.vcf"
    bad.write_text("this is a shopping list\nmilk\neggs\n")
    before = demo.read_bytes()
    code, _, err = run(capsys, "--db", str(demo), "--now", NOW, "import", str(bad))
    assert code == 2 and "not a vCard file" in err
    assert demo.read_bytes() == before


# -- login summary ---------------------------------------------------------------------------


def test_the_login_summary_is_plain_and_narrow(demo: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    code, out, _ = run(capsys, "--db", str(demo), "--now", NOW, "today", "--plain")
    assert code == 0
    lines = out.splitlines()
    assert lines[0] == "nowwhat - Monday 23 November"
    assert max(len(line) for line in lines) <= 80
    assert "\x1b" not in out  # no colour
    assert not any(ch in out for ch in "┏━┃│─└┘┌┐╭╮╰╯")  # no box drawing
    assert "09:00-10:30 search" in out and "10:30-11:40 follow-up" in out
    assert "2d overdue" in out  # overdue follow-ups stand out
    assert "Find an advocate at Bluefin Health" in out  # moved follow-ups are listed
    assert "! Lumen Freight has gone quiet" in out


def test_a_card_with_a_broken_line_imports_without_noise(
    demo: Path, tmp_path: Path, capsys
) -> None:  # type: ignore[no-untyped-def]
    cards = tmp_path / "contacts.vcf"
    cards.write_text(
        "BEGIN:VCARD\nVERSION:3.0\nFN:Noor Haddad\nthis line is not a property\n"
        "EMAIL:noor@example.com\nEND:VCARD\n"
    )
    # A real process: pytest's log capture would hide what the library prints to stderr.
    nowwhat = Path(sys.executable).with_name("nowwhat")
    done = subprocess.run(
        [str(nowwhat), "--db", str(demo), "--now", NOW, "import", str(cards)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0 and "added Noor Haddad" in done.stdout
    assert done.stderr == ""  # the library's own log lines stay out of the person's terminal


def test_a_semicolon_sheet_imports_and_unknown_columns_are_named(
    empty: Path, tmp_path: Path, capsys
) -> None:  # type: ignore[no-untyped-def]
    sheet = tmp_path / "tracker.csv"
    sheet.write_text(
        "Firma;Company;Position;Status;Salary\n"
        "x;Acme Corp;Data Analyst;Applied;70k\n"
        "y;Beta Labs;BI Developer;Interviewing;80k\n"
    )
    code, out, _ = run(capsys, "--db", str(empty), "--now", NOW, "import", str(sheet))
    assert code == 0, out
    assert "columns not imported (not a field nowwhat knows): Firma, Salary" in out
    assert "row 2: imported Acme Corp (Data Analyst)" in out
    assert {o.company for o in Store(empty).records().opportunities} == {"Acme Corp", "Beta Labs"}
