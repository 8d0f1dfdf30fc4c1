"""`nowwhat today / waiting / advocates / done / snooze` on the demo: what scripts rely on."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from tui.cli import main
from tui.store import Store

NOW = "2026-11-23 08:30"  # Monday: the demo's anchor


@pytest.fixture
def demo(demo_db: Path) -> Path:
    """The demo database at its anchor (a private copy)."""
    return demo_db


@pytest.fixture
def run(demo: Path, capsys: pytest.CaptureFixture[str]):  # type: ignore[no-untyped-def]
    def call(*args: str, now: str = NOW) -> tuple[int, str, str]:
        code = main(["--db", str(demo), "--now", now, *args])
        out, err = capsys.readouterr()
        return code, out, err

    return call


def _json(run, *args: str, now: str = NOW) -> Any:  # type: ignore[no-untyped-def]
    code, out, err = run(*args, now=now)
    assert code == 0, err
    return json.loads(out)


def test_today_json_has_the_documented_shape(run) -> None:  # type: ignore[no-untyped-def]
    plan = _json(run, "today", "--json")
    assert plan["date"] == "2026-11-23" and plan["business_day"] is True
    # The demo's Monday: 240 min, 30% (72 min) for follow-up; a thank-you, a check-in and two
    # advocate asks take 70 of them, search the other 170; nothing is done yet.
    assert plan["split"] == {
        "budget_minutes": 240,
        "follow_up_cap_minutes": 72,
        "follow_up_minutes": 70,
        "search_minutes": 170,
        "done_follow_up_minutes": 0,
        "done_search_minutes": 0,
    }
    assert [b["layer"] for b in plan["blocks"]] == ["search", "follow_up", "search"]
    by_layer = {"search": 0, "follow_up": 0}
    for block in plan["blocks"]:
        by_layer[block["layer"]] += sum(i["minutes"] for i in block["items"])
    assert by_layer == {"search": 170, "follow_up": 70}
    item = plan["blocks"][1]["items"][0]
    assert set(item) >= {
        "kind",
        "title",
        "company",
        "contact",
        "minutes",
        "due",
        "overdue_days",
        "glow",
        "reason",
        "id",
    }
    assert (item["kind"], item["company"]) == ("thank_you", "Quillstone")
    assert plan["glow"] == [{"company": "Quillstone", "until": "2026-11-23T11:00:00-05:00"}]
    assert all(set(d) >= {"kind", "title", "company", "reason"} for d in plan["deferred"])
    assert {w["code"] for w in plan["warnings"]} == {"gone_quiet"}
    first = plan["blocks"][0]["items"]
    assert first[0]["glow"] and first[0]["kind"] in {"cold_call", "networking_call"}


def test_done_logs_the_touch_and_the_plan_shows_it_done(run, demo: Path) -> None:  # type: ignore[no-untyped-def]
    code, out, _ = run("done", "ty-int_quillstone_tech", now="2026-11-23 10:40")
    assert code == 0 and "Send a thank-you to Quillstone" in out
    touch = Store(demo).records().touches[-1]
    assert (touch.kind, touch.opportunity_id) == ("thank_you", "opp_quillstone")
    plan = _json(run, "today", "--json", now="2026-11-23 10:45")
    items = {i["id"]: i for b in plan["blocks"] for i in b["items"]}
    assert items["ty-int_quillstone_tech"]["done"] is True
    assert plan["split"]["done_follow_up_minutes"] == 15
    code, _, err = run("done", "ty-int_quillstone_tech", now="2026-11-23 10:50")
    assert code == 2 and "already done" in err
    tomorrow = _json(run, "today", "--json", now="2026-11-24 08:00")
    assert "ty-int_quillstone_tech" not in json.dumps(tomorrow)


def test_done_on_a_goal_item_records_a_finished_task_that_counts(run, demo: Path) -> None:  # type: ignore[no-untyped-def]
    assert run("done", "goal-call-2026-11-23-1")[0] == 0
    stored = {t.id: t for t in Store(demo).records().tasks}
    assert stored["goal-call-2026-11-23-1"].status == "done"
    assert stored["goal-call-2026-11-23-1"].kind == "networking_call"


def test_snooze_moves_an_item_to_the_next_business_day_or_a_chosen_one(run) -> None:  # type: ignore[no-untyped-def]
    assert run("snooze", "tsk_fernway_apply")[1].startswith("snoozed tsk_fernway_apply to Tue")
    assert "tsk_fernway_apply" not in json.dumps(_json(run, "today", "--json"))
    assert "tsk_fernway_apply" in json.dumps(_json(run, "today", "--json", "--date", "2026-11-24"))
    assert run("snooze", "ci1-int_northwind_panel", "--to", "2026-11-25")[0] == 0
    tuesday = json.dumps(_json(run, "today", "--json", "--date", "2026-11-24"))
    assert "ci1-int_northwind_panel" not in tuesday
    wednesday = json.dumps(_json(run, "today", "--json", "--date", "2026-11-25"))
    assert "ci1-int_northwind_panel" in wednesday
    # A weekly-goal item leaves today too (a later day's share picks it up again).
    assert run("snooze", "goal-call-2026-11-23-2")[0] == 0
    today = json.dumps(_json(run, "today", "--json"))
    assert "goal-call-2026-11-23-2" not in today and "goal-call-2026-11-23-1" in today


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["done", "ty-nothing"], "is not an open item in today's plan"),
        (["snooze", "tsk_fernway_apply", "--to", "2026-11-20"], "is not after today"),
        (["today", "--date", "2026-11-31"], "not a real date"),
    ],
)
def test_bad_plan_input_is_one_line_and_changes_nothing(run, demo: Path, argv, message) -> None:  # type: ignore[no-untyped-def]
    before = demo.read_bytes()
    code, _, err = run(*argv)
    assert code == 2 and err.count("\n") == 1 and message in err
    assert demo.read_bytes() == before


def test_a_rest_day_plan(run) -> None:  # type: ignore[no-untyped-def]
    plan = _json(run, "today", "--json", "--date", "2026-11-26")
    assert plan["business_day"] is False
    assert not [b for b in plan["blocks"] if b["layer"] == "follow_up"]
    assert "Thanksgiving" in next(w["message"] for w in plan["warnings"] if w["code"] == "rest_day")


def test_waiting_json(run) -> None:  # type: ignore[no-untyped-def]
    room = _json(run, "waiting", "--json")
    rows = {r["company"]: r for r in room["opportunities"]}
    assert set(rows) == {
        "Northwind Analytics",
        "Bluefin Health",
        "Quillstone",
        "Lumen Freight",
        "Harbor & Pine",
    }
    northwind = rows["Northwind Analytics"]
    assert northwind["state"] == "promise_broken" and northwind["silence_days"] == 6
    assert northwind["id"] == "opp_northwind"  # a script can act on the row
    assert northwind["next_step"] == {
        "kind": "check_in",
        "due": "2026-11-23",
        "id": "ci1-int_northwind_panel",  # the same id Today's plan item has
        "late": False,
    }
    assert northwind["advocates"] == ["Priya Raman"]
    assert northwind["promised_by"] == "2026-11-20"
    assert northwind["interviewed_at"].startswith("2026-11-17T14:00:00-05:00")
    assert rows["Lumen Freight"]["state"] == "gone_quiet"
    assert rows["Harbor & Pine"]["state"] == "heard_back"
    harbor = rows["Harbor & Pine"]
    assert harbor["next_step"] == {
        "kind": "interview",
        "due": "2026-11-25",
        "id": None,
        "late": False,
    }
    assert harbor["silence_days"] is None  # they answered: nobody is silent
    # Harbor & Pine answered in 6 days, Copperleaf in 9, and the ten interviews of the earlier
    # search (make_demo.py) in 3, 6, 7, 7, 7, 8, 8, 8, 9 and 10: the median is still 7.5.
    assert room["history"] == {"median_answer_days": 7.5, "answers_seen": 12}


def test_advocates_json(run) -> None:  # type: ignore[no-untyped-def]
    rows = {a["name"]: a for a in _json(run, "advocates", "--json")["advocates"]}
    assert set(rows) == {"Priya Raman", "Marcus Lee", "Aisha Bello"}
    marcus = rows["Marcus Lee"]
    # He answered both 11 days ago: old news, and Today asks him both again (an answer counts
    # for a week, as long as asks wait).
    assert marcus["days_since"] == 11 and len(marcus["open_questions"]) == 2
    assert any("reorganised" in note for note in marcus["intel"])
    assert marcus["helps"] == [
        {"company": "Lumen Freight", "state": "gone_quiet", "opportunity_id": "opp_lumen"}
    ]
    assert marcus["id"] == "con_marcus"  # named by id, so a script can act on the row
    assert rows["Priya Raman"]["last_check_in"] is None
    assert len(rows["Priya Raman"]["open_questions"]) == 2


def test_readable_output_shows_the_sandwich(run) -> None:  # type: ignore[no-untyped-def]
    code, out, _ = run("today")
    assert code == 0
    assert out.index("SEARCH") < out.index("FOLLOW-UP") < out.rindex("SEARCH")
    assert "glow" in out and "Moved to another day" in out
    assert "Waiting room" in run("waiting")[1]
    assert "Advocates" in run("advocates")[1]


def test_tone_command_exit_codes_and_findings(tmp_path: Path, capsys, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import io

    frustrated = tmp_path / "angry.txt"
    frustrated.write_text("Hi Ravi,\nI still haven't heard back and you promised!!\n")
    assert main(["tone", str(frustrated)]) == 1
    out = capsys.readouterr().out
    assert out.startswith("frustrated") and "2:1" in out and "you promised" in out
    assert "try:" in out
    calm = tmp_path / "calm.txt"
    calm.write_text("Hi Ravi, just following up on the role. Any update is welcome.\n")
    assert main(["--now", "2026-11-23 10:00", "tone", str(calm)]) == 0
    assert capsys.readouterr().out.startswith("calm")
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(b"Why haven't you replied??")))
    assert main(["tone", "-"]) == 1
    capsys.readouterr()
    late = tmp_path / "late.txt"
    late.write_text("Thanks!")
    assert main(["--now", "2026-11-23 23:30", "tone", str(late)]) == 0
    assert "sleep on it" in capsys.readouterr().out
    (tmp_path / "binary.bin").write_bytes(b"\x00\x01\x02garbage")
    for bad in (str(tmp_path / "missing.txt"), str(tmp_path / "binary.bin")):
        assert main(["tone", bad]) == 2
        assert capsys.readouterr().err.count("\n") == 1


def test_a_run_leaves_a_cache_the_next_run_reads_with_the_same_result(run, demo: Path) -> None:  # type: ignore[no-untyped-def]
    from tui.store.snapshot_cache import cache_path

    first = _json(run, "today", "--json")
    assert cache_path(demo).exists()
    code, _, err = run("done", first["blocks"][0]["items"][0]["id"])
    assert code == 0, err
    after_write = _json(run, "today", "--json")  # the cache is of the file before the write
    assert after_write != first
    assert _json(run, "today", "--json") == after_write  # now from the new cache


def test_today_json_says_when_the_day_is_over_and_how_tomorrow_starts(run) -> None:  # type: ignore[no-untyped-def]
    plan = _json(run, "today", "--json", now="2026-11-23 18:30")
    assert plan["now"] == "18:30" and plan["after_hours"] is True
    assert plan["blocks"] == [] or all(i["done"] for b in plan["blocks"] for i in b["items"])
    assert plan["next_block"]["date"] == "2026-11-24" and plan["next_block"]["start"] == "09:00"
    meridian = next(d for d in plan["deferred"] if d["id"] == "tsk_meridian_call")
    assert meridian["avoided"] is True and meridian["put_off"] == 3  # two snoozes, one slide
    ahead = _json(run, "today", "--json", "--date", "2026-11-24", now="2026-11-23 18:30")
    assert ahead["now"] is None and ahead["after_hours"] is False and ahead["next_block"] is None
