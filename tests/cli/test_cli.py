"""The command line: each verb does what it says; bad input gets one line, exit 2, no change."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from tui.cli import main
from tui.engine.settings import Settings
from tui.locations import shipped_data
from tui.store import Store

NOW = "2026-11-23 08:30"


@dataclass
class Result:
    code: int
    out: str
    err: str


@pytest.fixture
def nowwhat(capsys: pytest.CaptureFixture[str], db_path: Path):  # type: ignore[no-untyped-def]
    """Run the CLI in-process against the test database, at the fixed moment."""

    def run(*args: str, db: Path | None = db_path) -> Result:
        argv = (["--db", str(db)] if db else []) + ["--now", NOW, *args]
        code = main(argv)
        captured = capsys.readouterr()
        return Result(code, captured.out, captured.err)

    run("settings", "set", "timezone", "America/New_York")
    run("settings", "set", "country", "US")
    return run


def test_add_interview_creates_the_opportunity_and_reads_time_in_the_zone(
    nowwhat, db_path: Path
) -> None:  # type: ignore[no-untyped-def]
    result = nowwhat(
        "add",
        "interview",
        "--company",
        "Acme",
        "--role",
        "Analyst",
        "--at",
        "2026-11-24 14:00",
        "--promised-by",
        "2026-11-27",
        "--felt",
        "great",
        "--skills",
        "SQL, demos",
        "--minutes",
        "45",
    )
    assert result.code == 0, result.err
    assert "added interview int_" in result.out
    records = Store(db_path).records()
    (opportunity,) = records.opportunities
    (interview,) = records.interviews
    assert (opportunity.company, opportunity.role, opportunity.stage) == (
        "Acme",
        "Analyst",
        "interviewing",
    )
    assert interview.opportunity_id == opportunity.id
    assert interview.start.timezone_name == "America/New_York"
    assert interview.start.in_timezone("UTC").hour == 19  # 14:00 in New York, not UTC
    assert interview.skills == ("SQL", "demos")
    assert (interview.felt, interview.minutes, str(interview.promised_by)) == (
        "great",
        45,
        "2026-11-27",
    )
    # A second interview at the same company joins the same opportunity.
    assert nowwhat("add", "interview", "--company", "acme", "--at", "2026-12-01 10:00").code == 0
    records = Store(db_path).records()
    assert len(records.opportunities) == 1 and len(records.interviews) == 2


def test_add_opportunity_contact_and_task(nowwhat, db_path: Path) -> None:  # type: ignore[no-untyped-def]
    assert (
        nowwhat(
            "add",
            "opportunity",
            "--company",
            "Beta",
            "--role",
            "BI Dev",
            "--stage",
            "lead",
            "--url",
            "https://beta.example/jobs/1",
        ).code
        == 0
    )
    assert (
        nowwhat(
            "add",
            "contact",
            "--name",
            "Priya Raman",
            "--company",
            "Beta",
            "--advocate",
            "--core",
            "--email",
            "priya@example.com",
        ).code
        == 0
    )
    assert (
        nowwhat(
            "add",
            "task",
            "--title",
            "Apply at Gamma",
            "--kind",
            "apply",
            "--minutes",
            "40",
            "--due",
            "2026-11-25",
            "--company",
            "Gamma",
        ).code
        == 0
    )
    records = Store(db_path).records()
    assert records.opportunities[0].stage == "lead"
    assert records.contacts[0].tags == frozenset({"advocate", "core"})
    (task,) = records.tasks
    assert (task.kind, task.minutes, str(task.due), task.status) == (
        "apply",
        40,
        "2026-11-25",
        "open",
    )


def test_log_links_the_touch_and_heard_back_moves_the_stage(nowwhat, db_path: Path) -> None:  # type: ignore[no-untyped-def]
    nowwhat("add", "interview", "--company", "Acme", "--at", "2026-11-20 10:00")
    nowwhat("add", "contact", "--name", "Dana", "--company", "Acme")
    assert nowwhat("log", "thank-you", "--company", "ACME").code == 0
    assert (
        nowwhat(
            "log",
            "heard-back",
            "--company",
            "Acme",
            "--contact",
            "dana",
            "--outcome",
            "offer-in-hand",
            "--at",
            "2026-11-22 09:00",
            "--note",
            "Offer letter signed!",
        ).code
        == 0
    )
    records = Store(db_path).records()
    thank_you, heard = records.touches
    assert thank_you.kind == "thank_you" and str(thank_you.at) == "2026-11-23 08:30:00-05:00"
    assert heard.direction == "in" and heard.outcome == "offer_in_hand"
    assert heard.contact_id == records.contacts[0].id
    assert records.opportunities[0].offer_in_hand is True
    assert records.opportunities[0].stage == "offer"


def test_news_from_a_contact_counts_for_the_job_at_their_company(nowwhat, db_path: Path) -> None:  # type: ignore[no-untyped-def]
    nowwhat("add", "interview", "--company", "Acme", "--at", "2026-11-10 10:00")
    nowwhat("add", "contact", "--name", "Dana", "--company", "Acme")
    nowwhat("add", "contact", "--name", "Chris", "--company", "Acme", "--core")
    before = json.loads(nowwhat("waiting", "--json").out)
    assert before["opportunities"][0]["state"] != "heard_back"
    assert nowwhat("log", "heard-back", "--contact", "Dana", "--outcome", "next-round").code == 0
    assert nowwhat("log", "network-update", "--contact", "Chris").code == 0
    records = Store(db_path).records()
    heard, update = records.touches
    assert heard.opportunity_id == records.opportunities[0].id  # about the job: linked
    assert update.opportunity_id is None  # telling a friend how it went is not
    assert records.opportunities[0].stage == "interviewing"
    after = json.loads(nowwhat("waiting", "--json").out)
    assert after["opportunities"][0]["state"] == "heard_back"


def test_settings_lists_and_sets(nowwhat, db_path: Path) -> None:  # type: ignore[no-untyped-def]
    listing = nowwhat("settings").out
    for key in (
        "timezone",
        "country",
        "daily_minutes",
        "work_start",
        "work_end",
        "follow_up_share",
        "weekly_applications",
        "weekly_networking_calls",
        "glow_hours",
        "min_active",
    ):
        assert key in listing
    assert nowwhat("settings", "set", "follow_up_share", "0.25").code == 0
    assert nowwhat("settings", "set", "work_start", "08:30").code == 0
    settings = Store(db_path).settings()
    assert settings["follow_up_share"] == 0.25 and settings["work_start"] == "08:30"
    assert settings.country == "US"


BAD_INPUT = [
    pytest.param(
        ["log", "check-in", "--company", "Nobody Inc"], "no opportunity at", id="unknown-company"
    ),
    pytest.param(
        ["add", "interview", "--company", "Acme", "--at", "next tuesday"],
        "is not a date and time",
        id="malformed-date",
    ),
    pytest.param(
        ["add", "interview", "--company", "Acme", "--at", "2026-02-30 10:00"],
        "not a real date",
        id="impossible-date",
    ),
    pytest.param(
        ["add", "interview", "--company", "Acme", "--at", "2026-03-08 02:30"],
        "does not exist in America/New_York",
        id="time-the-clocks-skip",
    ),
    pytest.param(
        ["log", "check-in", "--company", "Acme", "--at", "2026-11-24"],
        "needs a time of day too",
        id="moment-without-time",
    ),
    pytest.param(
        ["export", "--format", "ics", "--days", "100000"],
        "more than a year ahead",
        id="calendar-too-far-ahead",
    ),
    pytest.param(
        ["add", "task", "--title", "x", "--kind", "apply", "--due", "2026-13-01"],
        "not a real date",
        id="impossible-due",
    ),
    pytest.param(
        ["settings", "set", "colour", "blue"], "colour: is not a setting", id="unknown-setting"
    ),
    pytest.param(
        ["settings", "set", "follow_up_share", "0.5"], "out of range", id="out-of-range-share"
    ),
    pytest.param(
        ["settings", "set", "daily_minutes", "5000"], "out of range", id="out-of-range-minutes"
    ),
    pytest.param(
        ["settings", "set", "timezone", "Mars/Olympus"], "unknown time zone", id="bad-zone"
    ),
    pytest.param(
        ["add", "interview", "--company", "Acme", "--at", "2026-11-24 10:00", "--frobnicate"],
        "unrecognized arguments: --frobnicate",
        id="unknown-option",
    ),
    pytest.param(
        ["add", "interview", "--company", "Acme", "--at", "2026-11-24 10:00", "--felt", "amazing"],
        "invalid choice: 'amazing'",
        id="bad-choice",
    ),
    pytest.param(
        [
            "add",
            "interview",
            "--company",
            "Acme",
            "--at",
            "2026-11-24 10:00",
            "--promised-by",
            "2026-11-20",
        ],
        "promised by: is before the interview",  # the person's words, not the field's id
        id="promise-before-interview",
    ),
    pytest.param(
        ["log", "thank-you", "--company", "Acme", "--outcome", "offer"],
        "only a heard-back touch has an outcome",
        id="outcome-on-thank-you",
    ),
    pytest.param(
        ["add", "contact", "--name", "Eve", "--email", "eve-at-example"],
        "is not an e-mail address",
        id="bad-email",
    ),
    pytest.param(
        ["add", "task", "--title", "x", "--kind", "apply", "--minutes", "-4"],
        "must be above 0",
        id="negative-minutes",
    ),
    pytest.param(["frobnicate"], "invalid choice: 'frobnicate'", id="unknown-verb"),
    pytest.param(["import", "/nonexistent/file.json"], "no such file", id="missing-import"),
]


@pytest.mark.parametrize(("argv", "message"), BAD_INPUT)
def test_bad_input_is_one_line_exit_2_and_changes_nothing(
    nowwhat, db_path: Path, argv: list[str], message: str
) -> None:  # type: ignore[no-untyped-def]
    nowwhat("add", "interview", "--company", "Acme", "--at", "2026-11-20 10:00")
    before = db_path.read_bytes()
    result = nowwhat(*argv)
    assert result.code == 2
    assert result.err.count("\n") == 1 and result.err.startswith("nowwhat: error: ")
    assert message in result.err
    assert "Traceback" not in result.err
    assert db_path.read_bytes() == before


def test_a_typed_offset_keeps_the_instant_and_the_zone_name(nowwhat, db_path: Path) -> None:  # type: ignore[no-untyped-def]
    nowwhat("add", "interview", "--company", "Acme", "--at", "2026-11-20T15:00:00Z")
    result = nowwhat("log", "check-in", "--company", "Acme", "--at", "2026-11-21T14:00:00+01:00")
    assert result.code == 0, result.err
    records = Store(db_path).records()
    (interview,) = records.interviews
    (touch,) = records.touches
    # The same instants, held in the configured zone: day arithmetic stays right across DST.
    assert interview.start.timezone_name == touch.at.timezone_name == "America/New_York"
    assert (interview.start.hour, touch.at.hour) == (10, 8)
    assert '"2026-11-21T08:00:00-05:00[America/New_York]"' in db_path.read_text()


def test_an_unreadable_database_is_named_exit_1_and_left_alone(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    db = tmp_path / "broken.json"
    db.write_text('{"_meta": {"1": {"schema_version": 1}}\n,,}')
    before = db.read_bytes()
    for argv in (["settings"], ["add", "opportunity", "--company", "X"], ["export"], []):
        assert main(["--db", str(db), *argv]) == 1
        err = capsys.readouterr().err
        assert err.count("\n") == 1
        assert str(db) in err and "line 2, column 2" in err
    assert db.read_bytes() == before


def test_export_import_round_trip_keeps_ids_and_never_duplicates(nowwhat, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    nowwhat("add", "interview", "--company", "Acme", "--at", "2026-11-20 10:00", "--skills", "SQL")
    nowwhat("add", "contact", "--name", "Priya", "--company", "Acme", "--advocate")
    nowwhat("log", "advocate-ask", "--company", "Acme", "--contact", "Priya")
    nowwhat("add", "task", "--title", "Apply at Gamma", "--kind", "apply")
    nowwhat("settings", "set", "glow_hours", "48")
    exported = json.loads(nowwhat("export", "--format", "json").out)
    assert set(exported) >= {
        "opportunities",
        "interviews",
        "contacts",
        "touches",
        "tasks",
        "settings",
    }
    (interview,) = exported["interviews"]
    assert interview["company"] == "Acme" and interview["id"].startswith("int_")
    (touch,) = exported["touches"]
    assert (touch["company"], touch["contact"]) == ("Acme", "Priya")
    dump = tmp_path / "export.json"
    dump.write_text(json.dumps(exported))

    other = tmp_path / "other.json"
    first = nowwhat("import", str(dump), db=other)
    assert first.code == 0 and "interviews: 1 added" in first.out
    assert json.loads(nowwhat("export", db=other).out) == exported
    second = nowwhat("import", str(dump), db=other)
    assert "interviews: 0 added, 0 updated, 1 unchanged" in second.out
    assert json.loads(nowwhat("export", db=other).out) == exported


def test_a_bad_import_changes_nothing(nowwhat, db_path: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    nowwhat("add", "opportunity", "--company", "Acme")
    exported = json.loads(nowwhat("export").out)
    exported["opportunities"].append({"id": "opp_new", "company": "Fine"})
    exported["interviews"].append(
        {"id": "int_bad", "opportunity_id": "opp_missing", "start": "2026-11-20T10:00:00-05:00"}
    )
    dump = tmp_path / "bad.json"
    dump.write_text(json.dumps(exported))
    before = db_path.read_bytes()
    result = nowwhat("import", str(dump))
    assert result.code == 2 and "opp_missing" in result.err
    assert db_path.read_bytes() == before


def test_db_option_beats_environment_beats_default(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys
) -> None:  # type: ignore[no-untyped-def]
    main(["locate"])
    default = capsys.readouterr().out
    assert "nowwhat/nowwhat.json" in default and str(tmp_path) not in default
    monkeypatch.setenv("NOWWHAT_DB", str(tmp_path / "env.json"))
    main(["locate"])
    assert f"database  {tmp_path / 'env.json'}" in capsys.readouterr().out
    main(["--db", str(tmp_path / "opt.json"), "locate"])
    out = capsys.readouterr().out
    assert f"database  {tmp_path / 'opt.json'}" in out
    assert f"lock      {tmp_path / 'opt.json.lock'}" in out
    assert f"cache     {tmp_path / '.opt.json.snapshot'}" in out
    assert f"archive   {tmp_path / 'opt.archive.json'}" in out
    assert not (tmp_path / "opt.json").exists()  # locate creates nothing


def test_the_demo_is_a_private_copy_of_a_realistic_database(capsys, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    shipped = shipped_data("demo.json").read_bytes()
    assert main(["--demo", "--now", NOW, "export"]) == 0
    exported = json.loads(capsys.readouterr().out)
    companies = {o["company"] for o in exported["opportunities"]}
    stages = {o["stage"] for o in exported["opportunities"]}
    advocates = [c for c in exported["contacts"] if "advocate" in c["tags"]]
    core = [c for c in exported["contacts"] if "core" in c["tags"]]
    assert len(companies) >= 6 and len(stages) >= 3
    assert len(exported["contacts"]) >= 10 and len(advocates) >= 3 and core
    assert any(i["promised_by"] for i in exported["interviews"])
    assert any(not i["promised_by"] for i in exported["interviews"])
    assert exported["touches"] and exported["tasks"]
    # Changes go to the private copy, never the shipped file.
    assert main(["--demo", "--now", NOW, "add", "opportunity", "--company", "Scratch"]) == 0
    assert shipped_data("demo.json").read_bytes() == shipped


def test_the_demo_moves_in_whole_weeks_to_stay_current(capsys) -> None:  # type: ignore[no-untyped-def]
    main(["--demo", "--now", "2027-03-03 09:00", "export"])
    exported = json.loads(capsys.readouterr().out)
    starts = {i["id"]: i["start"] for i in exported["interviews"]}
    # Designed for Tue 2026-11-17 14:00 New York; 14 weeks later it is Tue 2027-02-23 14:00.
    assert starts["int_northwind_panel"] == "2027-02-23T14:00:00-05:00[America/New_York]"
    # Across the switch to summer time the wall clock stays at 14:00 (the zone is kept).
    main(["--demo", "--now", "2027-04-07 09:00", "export"])
    exported = json.loads(capsys.readouterr().out)
    starts = {i["id"]: i["start"] for i in exported["interviews"]}
    assert starts["int_northwind_panel"] == "2027-03-30T14:00:00-04:00[America/New_York]"


def test_the_installed_command_finds_its_data_from_any_folder(tmp_path: Path) -> None:
    command = shutil.which("nowwhat", path=str(Path(sys.executable).parent))
    assert command, "the nowwhat console script is installed beside this Python"
    result = subprocess.run(
        [command, "--demo", "--now", NOW, "export"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "Northwind Analytics" in result.stdout
    located = subprocess.run(
        [command, "locate"], cwd=tmp_path, capture_output=True, text=True, timeout=60, check=True
    ).stdout
    data_line = next(line for line in located.splitlines() if line.startswith("data "))
    assert Path(data_line.split(maxsplit=1)[1], "demo.json").is_file()


def test_the_console_script_runs_every_verb_with_the_cycle_collector_on(
    monkeypatch: pytest.MonkeyPatch, db_path: Path
) -> None:
    # tui.launch pauses it for the dashboard's start-up; a verb (an import of a big file, say)
    # must not run without it, and it is on again when the script returns.
    import gc

    from tui import cli, launch

    seen: list[bool] = []

    def verb(session: object, args: object) -> int:
        seen.append(gc.isenabled())
        return 0

    monkeypatch.setitem(cli._VERBS, "today", verb)
    Store(db_path).save_settings(Settings())  # a database to read (a missing one is refused)
    monkeypatch.setattr(sys, "argv", ["nowwhat", "--db", str(db_path), "--now", NOW, "today"])
    try:
        assert launch.main() == 0
        assert seen == [True]
        assert gc.isenabled()
    finally:
        gc.enable()
