"""Today knows what time it is; lateness is said once and calmly; other days say what a key does;
states stay readable without colour; the Waiting room shows the glow fading and who is silent."""

from __future__ import annotations

import re
from pathlib import Path

import pendulum
import pytest
from textual.color import Color
from textual.widget import Widget

from tui.app import build_app
from tui.engine.models import Records
from tui.engine.plan import plan_day
from tui.screens.today import TodayScreen
from tui.store import Store
from tui.widgets.plan_list import PlanList
from tui.widgets.split_bar import SplitBar
from tui.widgets.table import RecordTable

TZ = "America/New_York"


def at(text: str) -> pendulum.DateTime:
    return pendulum.parse(text, tz=TZ)  # type: ignore[return-value]


def _plan(app) -> PlanList:  # type: ignore[no-untyped-def]
    return app.screen.query_one(PlanList)


def _prompts(app) -> list[str]:  # type: ignore[no-untyped-def]
    return [str(o.prompt) for o in _plan(app).options]


def _visible(widget: Widget) -> list[str]:
    return [widget.render_line(y).text.rstrip() for y in range(widget.size.height)]


async def test_the_plan_starts_from_now_with_a_now_line(make_app) -> None:  # type: ignore[no-untyped-def]
    app = make_app(now=at("2026-11-23 11:20"))
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        prompts = _prompts(app)
        (marker,) = [n for n, p in enumerate(prompts) if p.startswith("── now 11:20")]
        clocks = [re.match(r"[○✓] (\d\d:\d\d)", p) for p in prompts]
        timed = [(n, m.group(1)) for n, m in enumerate(clocks) if m]
        assert timed and all(clock >= "11:20" for _, clock in timed)  # nothing before now
        assert all(n > marker for n, _ in timed)


async def test_at_three_today_shows_what_fits_before_five(make_app) -> None:  # type: ignore[no-untyped-def]
    app = make_app(now=at("2026-11-23 15:00"))
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        starts = [p.split("  ")[0] for p in _prompts(app) if re.match(r"\d\d:\d\d–", p)]
        assert starts and starts[0].startswith("15:00") and all(s >= "15:00" for s in starts)
        assert str(app.screen.query_one(SplitBar).render()).endswith("done 0 of 120")


async def test_after_work_hours_today_says_so_and_shows_tomorrows_start(make_app) -> None:  # type: ignore[no-untyped-def]
    app = make_app(now=at("2026-11-23 18:30"))
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        assert app.screen.sub_title.startswith("Monday 23 November 2026 · work hours are over")
        prompts = _prompts(app)
        assert any(p.startswith("── now 18:30 · work hours ended at 17:00") for p in prompts)
        (start,) = [p for p in prompts if p.startswith("TUE 24 NOV STARTS  09:00–")]
        assert not any(re.match(r"[○✓] \d\d:\d\d", p) for p in prompts)  # nothing left today
        assert "moves to Tue 24 Nov" in _plan(app).why_moved["ty-int_quillstone_tech"]
        assert start


async def test_late_is_one_calm_heading_with_the_count(make_app) -> None:  # type: ignore[no-untyped-def]
    app = make_app(now=at("2026-11-25 09:00"))
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        prompts = _prompts(app)
        assert not any(re.search(r"\dd late", p) for p in prompts)  # no badge on every row
        screen = app.screen
        assert isinstance(screen, TodayScreen) and screen.plan is not None
        late = len(screen.plan.late())
        (heading,) = [p for p in prompts if p.startswith("LATE")]
        assert heading.startswith(f"LATE  {late}") and late >= 5
        # The detail line says how late the highlighted one is.
        plan = _plan(app)
        plan.highlighted = plan.get_option_index("ty-int_quillstone_tech")
        await pilot.pause(0.3)
        assert "late by 2 business days" in str(screen.query_one("#why").render())


async def test_space_on_an_earlier_day_works_for_that_day_and_again_undoes(
    make_app, demo_db: Path
) -> None:  # type: ignore[no-untyped-def]
    app = make_app(now=at("2026-11-24 09:00"))  # Tuesday
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        await pilot.press("left_square_bracket")  # Monday
        await pilot.pause()
        assert app.screen.sub_title.startswith("Monday 23 November 2026")
        plan = _plan(app)
        plan.highlighted = plan.get_option_index("fa-opp_bluefin")
        await pilot.press("space")
        await app.writes_settled()
        await pilot.pause()
        marks = [m for m in Store(demo_db).records().marks if m.item_id == "fa-opp_bluefin"]
        assert len(marks) == 1 and marks[0].done_at is not None
        assert marks[0].done_at.in_timezone(TZ).date() == pendulum.Date(2026, 11, 23)
        assert _plan(app).items["fa-opp_bluefin"].done  # Monday shows it done
        await pilot.press("space")  # a second Space undoes: never a second done mark
        await app.writes_settled()
        await pilot.pause()
        assert not [m for m in Store(demo_db).records().marks if m.item_id == "fa-opp_bluefin"]
        assert not _plan(app).items["fa-opp_bluefin"].done


async def test_space_on_a_later_day_says_why_not_and_changes_nothing(
    make_app, demo_db: Path
) -> None:  # type: ignore[no-untyped-def]
    before = demo_db.read_bytes()
    app = make_app()
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        await pilot.press("right_square_bracket")
        await pilot.pause()
        await pilot.press("space")
        await app.writes_settled()
        await pilot.pause()
        messages = [n.message for n in app._notifications]
        assert any("has not come yet" in m for m in messages)
    assert demo_db.read_bytes() == before


@pytest.mark.parametrize(
    ("now", "item", "key"),
    [
        ("2026-11-24 09:00", "tsk_kestrel_apply", "left_square_bracket"),
        ("2026-11-30 09:00", "tsk_kestrel_apply", "right_square_bracket"),
        ("2026-11-30 09:00", "nu-con_tom", "left_square_bracket"),
    ],
)
async def test_the_selected_row_scrolls_into_view_after_a_change_of_day(
    make_app, now: str, item: str, key: str
) -> None:  # type: ignore[no-untyped-def]
    app = make_app(now=at(now))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        plan = _plan(app)
        plan.highlighted = plan.get_option_index(item)  # far down, and there the next day too
        await pilot.pause()
        await pilot.press(key)
        await pilot.pause(0.3)
        assert plan.highlighted_option is not None and plan.highlighted_option.id == item
        title = plan.items[item].title[:30]
        assert any(title in line for line in _visible(plan)), _visible(plan)


async def test_the_glow_banner_counts_down(make_app) -> None:  # type: ignore[no-untyped-def]
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, TodayScreen)
        banner = screen.query_one("#glow")
        assert "2 h 30 min left (until 11:00) after Quillstone" in str(banner.render())
        later = at("2026-11-23 10:20")
        app.now = lambda: later  # type: ignore[method-assign]  # the clock moves on
        screen._tick()
        await pilot.pause()
        assert "40 min left (until 11:00) after Quillstone" in str(banner.render())
        after = at("2026-11-23 11:05")
        app.now = lambda: after  # type: ignore[method-assign]
        screen._tick()
        await pilot.pause()
        assert not banner.display


async def test_a_fresh_database_says_what_the_goal_rows_are(db_path: Path) -> None:
    store = Store(db_path, default_timezone=lambda: TZ)
    app = build_app(store, at("2026-11-24 08:30"))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("escape")  # a first run opens the setup: skipped here
        await pilot.pause()
        prompts = _prompts(app)
        assert any("Only your weekly goals so far" in p for p in prompts)
        goals = [p for p in prompts if "Apply for a new role" in p]
        assert goals and all(" goal Apply for a new role" in p for p in goals)
        plan = _plan(app)
        plan.highlighted = plan.get_option_index("goal-apply-2026-11-24-1")
        await pilot.pause(0.3)
        assert "Weekly goal: 10 applications" in str(app.screen.query_one("#why").render())


async def test_the_split_bar_says_what_its_numbers_are(make_app) -> None:  # type: ignore[no-untyped-def]
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        bar = str(app.screen.query_one(SplitBar).render())
        assert bar.startswith("follow-up 70 min (max 72) ")
        assert bar.endswith(" search 170 min · done 0 of 240")
        await pilot.resize_terminal(140, 30)
        await pilot.pause()
        assert str(app.screen.query_one(SplitBar).render()).endswith("█▓ done ▒░ planned")


# -- without colour ------------------------------------------------------------------------


def _unreadable(widget: Widget) -> list[str]:
    """Text runs whose grey (NO_COLOR turns colours into greys) is too close to their
    background's to read."""
    base = widget.background_colors[1]
    found = []
    for y in range(widget.size.height):
        for segment in widget.render_line(y):
            text, style = segment.text, segment.style
            if not text.strip() or style is None or style.color is None:
                continue
            fg = Color.from_rich_color(style.color).monochrome
            bg = Color.from_rich_color(style.bgcolor).monochrome if style.bgcolor else base
            bg = bg.monochrome
            if abs(fg.brightness - bg.brightness) < 0.25:
                found.append(text.strip())
    return found


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
async def test_today_and_the_waiting_room_read_without_colour(
    make_app, monkeypatch, size: tuple[int, int]
) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("NO_COLOR", "1")
    app = make_app(now=at("2026-11-25 09:00"))
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        assert app.no_color
        screen = app.screen
        for widget in (screen.query_one(PlanList), screen.query_one(SplitBar)):
            assert _unreadable(widget) == [], widget
        await pilot.press("2")
        await pilot.pause()
        assert _unreadable(app.screen.query_one(RecordTable)) == []


# -- the waiting room's clocks ---------------------------------------------------------------


def _cells(app) -> dict[str, list[str]]:  # type: ignore[no-untyped-def]
    table = app.screen.query_one(RecordTable)
    return {str(key.value): [str(c) for c in table.get_row(key)] for key in table.rows}


async def test_the_waiting_room_shows_who_is_silent_and_when_the_glow_ended(make_app) -> None:  # type: ignore[no-untyped-def]
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("2")
        await pilot.pause()
        rows = _cells(app)
        assert rows["opp_harbor"][3] == "—"  # they answered: not "8 d !"
        history = str(app.screen.query_one("#history").render())
        assert "✦ glow after Quillstone until Mon 11:00 (2 h left)" in history
    app = make_app(now=at("2026-11-24 09:00"))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("2")
        await pilot.pause()
        history = str(app.screen.query_one("#history").render())
        assert "The glow after Quillstone ended Mon 23 Nov 11:00." in history


async def test_the_waiting_rooms_next_step_is_todays_item(make_app, demo_db: Path) -> None:  # type: ignore[no-untyped-def]
    records: Records = Store(demo_db).records()
    now = at("2026-11-23 08:30")
    plan = plan_day(records, now)
    assert "fa-opp_bluefin" in {d.item.id for d in plan.deferred} | {i.id for i in plan.items()}
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("2")
        await pilot.pause()
        assert "find advocate late, Thu 19" in _cells(app)["opp_bluefin"]
        app.screen.query_one(RecordTable).move_cursor(row=1)
        await pilot.pause(0.3)
        timeline = str(app.screen.query_one("#timeline").render())
        assert "next: find advocate late, Thu 19 · then check-in 2 Fri 27" in timeline


# -- 13 §1: an opportunity added as applied counts, by the form and the CLI ------------------


async def test_an_opportunity_added_in_the_form_counts_as_this_weeks_application(
    make_app, demo_db: Path
) -> None:  # type: ignore[no-untyped-def]
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("5")
        await pilot.pause()
        assert "0/10" in str(app.screen.query_one("#goals").render())
        await pilot.press("a")
        await pilot.pause()
        await pilot.press(*"Zeta Analytics")
        await pilot.press("ctrl+s")  # stage applied (the default), no applied date
        await app.writes_settled()
        await pilot.pause()
        assert "1/10" in str(app.screen.query_one("#goals").render())


def test_an_opportunity_added_by_the_cli_counts_as_this_weeks_application(
    demo_db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import json

    from tui.cli import main

    def applications() -> str:
        assert main(["--db", str(demo_db), "--now", "2026-11-25 10:00", "today", "--json"]) == 0
        plan = json.loads(capsys.readouterr().out)
        return next(w["message"] for w in plan["warnings"] if w["code"] == "applications_behind")

    assert applications().startswith("0 of 10 applications")
    argv = ["--db", str(demo_db), "--now", "2026-11-25 10:00", "add", "opportunity"]
    assert main([*argv, "--company", "Zeta", "--role", "Analyst"]) == 0
    capsys.readouterr()
    assert applications().startswith("1 of 10 applications")
