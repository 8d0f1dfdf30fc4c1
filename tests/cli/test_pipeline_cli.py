"""Managing the pipeline from the command line: stages, deletes, undo, ids, names, dates.

Scripts outside this repository call ``nowwhat set-stage OPPORTUNITY_ID STAGE [--in-hand]``:
its name and argument order are a contract.
"""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path
from typing import Any

import pytest
from hostile import unsafe_for_a_terminal

from tui.cli import main
from tui.engine.models import Contact, Opportunity, Task
from tui.store import Store

NOW = "2026-11-23 08:30"  # Monday: the demo's anchor


@pytest.fixture
def run(demo_db: Path, capsys: pytest.CaptureFixture[str]):  # type: ignore[no-untyped-def]
    def call(*args: str, now: str = NOW, db: Path | None = None) -> tuple[int, str, str]:
        code = main(["--db", str(db or demo_db), "--now", now, *args])
        out, err = capsys.readouterr()
        return code, out, err

    return call


def _json(run, *args: str) -> Any:  # type: ignore[no-untyped-def]
    code, out, err = run(*args)
    assert code == 0, err
    return json.loads(out)


def _refused(run, demo_db: Path, *args: str) -> str:  # type: ignore[no-untyped-def]
    """Run a verb that must be refused: exit 2, one line, nothing changed; return the line."""
    before = demo_db.read_bytes()
    code, _, err = run(*args)
    assert code == 2, err
    assert err.count("\n") == 1 and err.startswith("nowwhat: error: ")
    assert demo_db.read_bytes() == before
    return err


# -- stages -------------------------------------------------------------------------------------


def test_set_stage_moves_an_opportunity_and_an_offer_can_be_in_hand(run, demo_db: Path) -> None:  # type: ignore[no-untyped-def]
    code, out, _ = run("set-stage", "opp_lumen", "rejected")
    assert code == 0 and "Lumen Freight · Data Analyst is now rejected" in out
    stored = {o.id: o for o in Store(demo_db).records().opportunities}
    assert stored["opp_lumen"].stage == "rejected"
    assert run("set-stage", "opp_harbor", "offer", "--in-hand")[0] == 0
    harbor = next(o for o in Store(demo_db).records().opportunities if o.id == "opp_harbor")
    assert (harbor.stage, harbor.offer_in_hand) == ("offer", True)
    for stage in ("applied", "screening", "interviewing", "offer", "withdrawn", "closed"):
        assert run("set-stage", "opp_quillstone", stage)[0] == 0, stage
        assert Store(demo_db).get(Opportunity, "opp_quillstone").stage == stage


def test_moving_a_lead_to_applied_dates_the_application(run, demo_db: Path) -> None:  # type: ignore[no-untyped-def]
    run("add", "opportunity", "--company", "Gamma", "--role", "Analyst", "--stage", "lead")
    lead = next(o for o in Store(demo_db).records().opportunities if o.company == "Gamma")
    assert lead.applied_on is None
    run("set-stage", lead.id, "applied")
    assert str(Store(demo_db).get(Opportunity, lead.id).applied_on) == "2026-11-23"


@pytest.mark.parametrize(
    ("argv", "said"),
    [
        (["set-stage", "opp_nothing", "offer"], "no opportunity with id opp_nothing"),
        (["set-stage", "opp_lumen", "rejected", "--in-hand"], "only an offer can be in hand"),
        (["set-stage", "opp_lumen", "hired"], "invalid choice: 'hired'"),
        (["delete", "task", "tsk_nothing"], "there is no task with id tsk_nothing"),
        (["delete", "opportunity", "opp_nothing"], "no opportunity with id opp_nothing"),
        (["delete", "interview", "int_nothing"], "no interview with id int_nothing"),
        (["delete", "contact", "con_nothing"], "no contact with id con_nothing"),
        (["delete", "touch", "tch_nothing"], "no touch with id tch_nothing"),
        (["delete", "meeting", "x"], "invalid choice: 'meeting'"),
    ],
)
def test_an_unknown_id_or_stage_is_exit_2_and_changes_nothing(
    run, demo_db: Path, argv, said
) -> None:  # type: ignore[no-untyped-def]
    assert said in _refused(run, demo_db, *argv)


# -- deletes ------------------------------------------------------------------------------------


def test_deleting_an_opportunity_takes_its_interviews_and_touches(run, demo_db: Path) -> None:  # type: ignore[no-untyped-def]
    code, out, _ = run("delete", "opportunity", "opp_bluefin")
    assert code == 0
    assert "deleted opportunity opp_bluefin: Bluefin Health · Product Analyst." in out
    assert "Its 2 interviews and 3 touches are deleted with it." in out
    records = Store(demo_db).records()
    assert "opp_bluefin" not in {o.id for o in records.opportunities}
    assert not [i for i in records.interviews if i.opportunity_id == "opp_bluefin"]
    assert not [t for t in records.touches if t.opportunity_id == "opp_bluefin"]
    assert "con_lena" in {c.id for c in records.contacts}  # people stay
    # Every view still works without it.
    assert "Bluefin" not in run("waiting", "--plain")[1]
    assert run("today", "--json")[0] == 0


def test_deleting_a_contact_keeps_the_touches_about_an_opportunity(run, demo_db: Path) -> None:  # type: ignore[no-untyped-def]
    code, out, _ = run("delete", "contact", "con_marcus")
    assert code == 0 and "Marcus Lee (Lumen Freight)" in out
    records = Store(demo_db).records()
    ask = next(t for t in records.touches if t.id == "tch_marcus_ask")
    assert ask.contact_id is None and ask.opportunity_id == "opp_lumen"
    code, out, _ = run("delete", "contact", "con_elena")  # her network update goes with her
    assert "tch_elena_update" not in {t.id for t in Store(demo_db).records().touches}


def test_each_kind_can_be_deleted_by_id(run, demo_db: Path) -> None:  # type: ignore[no-untyped-def]
    for kind, record_id in (
        ("task", "tsk_portfolio"),
        ("touch", "tch_omar_call"),
        ("interview", "int_harbor_first"),
    ):
        code, out, err = run("delete", kind, record_id)
        assert code == 0, err
        assert out.startswith(f"deleted {kind} {record_id}: ")
        assert record_id not in demo_db.read_text()


# -- undo ---------------------------------------------------------------------------------------


def test_a_done_can_be_undone_by_id(run, demo_db: Path) -> None:  # type: ignore[no-untyped-def]
    touches = len(Store(demo_db).records().touches)
    code, out, _ = run("done", "ty-int_quillstone_tech")
    assert code == 0 and "nowwhat undo ty-int_quillstone_tech" in out  # says how to take it back
    assert len(Store(demo_db).records().touches) == touches + 1
    code, out, _ = run("undo", "ty-int_quillstone_tech")
    assert code == 0 and "not done any more: Send a thank-you to Quillstone" in out
    assert len(Store(demo_db).records().touches) == touches
    plan = _json(run, "today", "--json")
    item = next(
        i for b in plan["blocks"] for i in b["items"] if i["id"] == "ty-int_quillstone_tech"
    )
    assert item["done"] is False
    run("done", "tsk_fernway_apply")
    assert run("done", "tsk_fernway_apply", "--undo")[0] == 0
    assert Store(demo_db).get(Task, "tsk_fernway_apply").status == "open"
    assert "is not done today" in _refused(run, demo_db, "undo", "ty-int_quillstone_tech")


# -- ids in every JSON --------------------------------------------------------------------------


def test_every_json_row_is_named_by_its_id(run) -> None:  # type: ignore[no-untyped-def]
    room = _json(run, "waiting", "--json")
    northwind = next(r for r in room["opportunities"] if r["company"] == "Northwind Analytics")
    assert northwind["id"] == northwind["opportunity_id"] == "opp_northwind"
    assert northwind["interview_id"] == "int_northwind_panel"
    assert northwind["advocate_ids"] == ["con_priya"]
    advocates = _json(run, "advocates", "--json")["advocates"]
    assert {a["id"] for a in advocates} == {"con_marcus", "con_priya", "con_aisha"}
    pipeline = _json(run, "pipeline", "--json")
    assert {o["id"] for o in pipeline["opportunities"]} >= {"opp_lumen", "opp_tidewater"}
    # ... and a script can act on a row by that id.
    assert run("set-stage", northwind["id"], "withdrawn")[0] == 0


# -- plain listings -----------------------------------------------------------------------------


def test_plain_listings_are_never_cut_and_hold_no_colour(run, demo_db: Path) -> None:  # type: ignore[no-untyped-def]
    long_name = "Northwind Analytics and Partners Incorporated of Greater Boston"
    store = Store(demo_db)
    store.put(dataclasses.replace(store.get(Opportunity, "opp_northwind"), company=long_name))
    for verb in ("waiting", "advocates", "pipeline"):
        code, out, _ = run(verb, "--plain")
        assert code == 0 and "\x1b" not in out and "…" not in out, verb
        assert unsafe_for_a_terminal(out) == []
    waiting = run("waiting", "--plain")[1]
    assert long_name in waiting
    row = next(line for line in waiting.splitlines() if line.startswith(long_name))
    assert "promise broken" in row and row.rstrip().endswith("opp_northwind")
    advocates = run("advocates", "--plain")[1]
    assert any(line.rstrip().endswith("con_priya") for line in advocates.splitlines())


# -- friendly dates, the past, the future -------------------------------------------------------


def test_the_cli_takes_the_dates_the_forms_take(run, demo_db: Path) -> None:  # type: ignore[no-untyped-def]
    assert (
        run("add", "task", "--title", "Apply at Gamma", "--kind", "apply", "--due", "tomorrow")[0]
        == 0
    )
    task = Store(demo_db).records().tasks[-1]
    assert str(task.due) == "2026-11-24"
    assert run("snooze", task.id, "--to", "+3d")[0] == 0
    assert str(Store(demo_db).records().tasks[-1].snoozed_to) == "2026-11-26"
    code, _, err = run(
        "add", "interview", "--company", "Zeta", "--at", "fri 10:00", "--promised-by", "+1w"
    )
    assert code == 0, err
    interview = Store(demo_db).records().interviews[-1]
    assert interview.start.isoformat() == "2026-11-27T10:00:00-05:00"
    assert str(interview.promised_by) == "2026-11-30"
    plan = _json(run, "today", "--json", "--date", "tomorrow")
    assert plan["date"] == "2026-11-24"


def test_a_touch_at_a_weekday_is_the_last_one_and_the_future_is_refused(run, demo_db: Path) -> None:  # type: ignore[no-untyped-def]
    code, out, _ = run("log", "check-in", "--company", "Quillstone", "--at", "mon 16:30")
    # Monday 08:30 now: 16:30 today has not happened, so it is last Monday's.
    assert code == 0 and "Mon 2026-11-16 16:30" in out
    assert Store(demo_db).records().touches[-1].at.isoformat() == "2026-11-16T16:30:00-05:00"
    assert run("log", "check-in", "--company", "Harbor & Pine", "--at", "fri 9:00")[0] == 0
    assert Store(demo_db).records().touches[-1].at.isoformat() == "2026-11-20T09:00:00-05:00"
    err = _refused(
        run, demo_db, "log", "check-in", "--company", "Quillstone", "--at", "2027-12-05 10:00"
    )
    assert "is in the future" in err
    assert "is in the future" in _refused(
        run, demo_db, "log", "thank-you", "--company", "Quillstone", "--at", "tomorrow 9:00"
    )


# -- duplicates and ambiguous names -------------------------------------------------------------


def test_the_same_interview_twice_is_refused_with_its_id_unless_new(run, demo_db: Path) -> None:  # type: ignore[no-untyped-def]
    readme = ["add", "interview", "--company", "Acme", "--role", "Data Analyst",
              "--at", "2026-12-01 14:00", "--promised-by", "2026-12-04", "--felt", "great",
              "--skills", "SQL, stakeholder demos"]  # fmt: skip
    assert run(*readme)[0] == 0
    first = Store(demo_db).records().interviews[-1]
    err = _refused(run, demo_db, *readme)
    assert first.id in err and "--new" in err
    assert run(*readme, "--new")[0] == 0
    assert (
        len(
            [
                i
                for i in Store(demo_db).records().interviews
                if i.opportunity_id == first.opportunity_id
            ]
        )
        == 2
    )


def test_the_same_opportunity_or_contact_is_refused_unless_new(run, demo_db: Path) -> None:  # type: ignore[no-untyped-def]
    err = _refused(run, demo_db, "add", "opportunity", "--company", "quillstone ",
                   "--role", "analytics engineer")  # fmt: skip
    assert "opp_quillstone" in err and "already there" in err
    err = _refused(run, demo_db, "add", "contact", "--name", "Priya Raman",
                   "--company", "Northwind Analytics")  # fmt: skip
    assert "con_priya" in err
    email = Store(demo_db).get(Contact, "con_priya").email
    err = _refused(run, demo_db, "add", "contact", "--name", "P. Raman", "--email", email.upper())
    assert "con_priya" in err
    assert run("add", "contact", "--name", "Priya Raman", "--company", "Northwind Analytics",
               "--new")[0] == 0  # fmt: skip
    assert run("add", "opportunity", "--company", "Quillstone", "--role", "Data Engineer")[0] == 0


def test_a_company_with_two_open_opportunities_is_not_guessed(run, demo_db: Path) -> None:  # type: ignore[no-untyped-def]
    assert run("add", "opportunity", "--company", "Quillstone", "--role", "Data Engineer")[0] == 0
    second = Store(demo_db).records().opportunities[-1]
    err = _refused(run, demo_db, "log", "check-in", "--company", "Quillstone")
    assert "opp_quillstone" in err and second.id in err and "--opportunity ID" in err
    code, _, err = run("log", "check-in", "--opportunity", second.id)
    assert code == 0, err
    assert Store(demo_db).records().touches[-1].opportunity_id == second.id
    code, _, err = run("add", "interview", "--opportunity", second.id, "--at", "2026-11-25 10:00")
    assert code == 0, err
    assert Store(demo_db).records().interviews[-1].opportunity_id == second.id
    code, _, err = run(
        "add", "task", "--title", "Prep", "--kind", "prep", "--opportunity", second.id
    )
    assert code == 0 and Store(demo_db).records().tasks[-1].company == "Quillstone"


def test_two_contacts_of_one_name_can_be_told_apart_by_id(run, demo_db: Path) -> None:  # type: ignore[no-untyped-def]
    assert run("add", "contact", "--name", "Priya Raman", "--company", "Elsewhere Ltd")[0] == 0
    other = Store(demo_db).records().contacts[-1]
    err = _refused(run, demo_db, "log", "network-update", "--contact", "Priya Raman")
    assert "con_priya" in err and other.id in err and "--contact-id ID" in err
    assert run("log", "network-update", "--contact-id", other.id)[0] == 0
    assert Store(demo_db).records().touches[-1].contact_id == other.id


def test_company_names_keep_one_spelling(run, demo_db: Path) -> None:  # type: ignore[no-untyped-def]
    assert run("add", "contact", "--name", "Jo Ng", "--company", "  northwind   ANALYTICS ")[0] == 0
    assert Store(demo_db).records().contacts[-1].company == "Northwind Analytics"
    assert run("add", "task", "--title", "Read up", "--kind", "research",
               "--company", "harbor & pine")[0] == 0  # fmt: skip
    assert Store(demo_db).records().tasks[-1].company == "Harbor & Pine"
    assert run("add", "opportunity", "--company", "New   Co", "--role", "x")[0] == 0
    assert Store(demo_db).records().opportunities[-1].company == "New Co"


# -- words, files, limits -----------------------------------------------------------------------


def test_a_read_only_verb_on_a_missing_database_says_so(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    missing = tmp_path / "typo.json"
    for verb in (["today"], ["waiting"], ["advocates", "--json"], ["settings"], ["export"]):
        assert main(["--db", str(missing), *verb]) == 1, verb
        err = capsys.readouterr().err
        assert err.count("\n") == 1 and f"no database at {missing}" in err
    assert not missing.exists()


def test_refusals_speak_the_persons_words(run, demo_db: Path) -> None:  # type: ignore[no-untyped-def]
    err = _refused(run, demo_db, "settings", "set", "work_start", "18:00")
    assert err.startswith("nowwhat: error: work_start: '18:00'")  # the key typed, not work_end
    err = _refused(run, demo_db, "add", "interview", "--company", "Acme",
                   "--at", "2026-12-01 14:00", "--promised-by", "2026-11-30")  # fmt: skip
    assert "promised by: is before the interview" in err and "promised_by" not in err
    err = _refused(run, demo_db, "add", "task", "--title", "x" * 300, "--kind", "apply")
    assert "title: is too long (300 characters; at most 200)" in err


def test_a_spreadsheet_file_gets_advice_and_a_dry_run_says_would(
    run, demo_db: Path, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    sheet = tmp_path / "tracker.xlsx"
    sheet.write_bytes(b"PK\x03\x04 not really a workbook")
    err = _refused(run, demo_db, "import", str(sheet))
    assert "CSV UTF-8" in err and "JSON" not in err
    csv = tmp_path / "tracker.csv"
    csv.write_text("Company,Role,Status\nZeta,Analyst,applied\n")
    code, out, _ = run("import", str(csv), "--dry-run")
    assert code == 0 and "row 2: would import" in out and "row 2: imported" not in out


def test_the_readmes_recipe_keeps_a_private_persistent_demo(
    tmp_path: Path, capsys, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.chdir(tmp_path)
    assert main(["--now", NOW, "--demo", "export", "--format", "json"]) == 0
    (tmp_path / "demo-export.json").write_text(capsys.readouterr().out)
    mine = tmp_path / "nowwhat-demo.json"
    assert main(["--db", str(mine), "import", "demo-export.json"]) == 0
    capsys.readouterr()
    assert mine.stat().st_mode & 0o777 == 0o600
    records = Store(mine).records()
    assert {o.company for o in records.opportunities} >= {"Northwind Analytics", "Quillstone"}
    assert records.settings.timezone == "America/New_York"
    assert main(["--db", str(mine), "--now", NOW, "set-stage", "opp_lumen", "closed"]) == 0
    assert Store(mine).get(Opportunity, "opp_lumen").stage == "closed"  # kept: it is a real file
