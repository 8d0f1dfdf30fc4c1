"""Today: what is shown, and what each key does to the stored data."""

from __future__ import annotations

import dataclasses
import gc
from pathlib import Path

import pendulum

from tui import actions
from tui.engine.models import Task
from tui.screens.today import TodayScreen
from tui.store import Store
from tui.widgets.plan_list import PlanList


def _plan(app) -> PlanList:  # type: ignore[no-untyped-def]
    return app.screen.query_one(PlanList)


async def _highlight(pilot, item_id: str) -> None:  # type: ignore[no-untyped-def]
    plan = _plan(pilot.app)
    plan.highlighted = plan.get_option_index(item_id)
    await pilot.pause()


async def test_today_shows_the_sandwich_with_glow_and_warnings(make_app) -> None:  # type: ignore[no-untyped-def]
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, TodayScreen)
        assert screen.sub_title.startswith("Monday 23 November 2026")  # then the mail notice
        plan = _plan(app)
        headings = [str(o.prompt) for o in plan.options if o.disabled]
        assert headings[0].startswith("── now 08:30 · the day starts at 09:00")
        assert [h.split()[1] for h in headings[1:4]] == ["SEARCH", "FOLLOW-UP", "SEARCH"]
        assert "ty-int_quillstone_tech" in plan.items
        glow = str(screen.query_one("#glow").render())
        assert "2 h 30 min left (until 11:00) after Quillstone" in glow
        warnings = str(screen.query_one("#warnings").render())
        assert "Lumen Freight has gone quiet" in warnings


async def test_space_marks_done_and_space_again_undoes(make_app, demo_db: Path) -> None:  # type: ignore[no-untyped-def]
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await _highlight(pilot, "ty-int_quillstone_tech")
        await pilot.press("space")
        await pilot.pause()
        touches = Store(demo_db).records().touches
        assert touches[-1].kind == "thank_you" and touches[-1].opportunity_id == "opp_quillstone"
        item = _plan(app).items["ty-int_quillstone_tech"]
        assert item.done
        assert _plan(app).highlighted_option.id == "ty-int_quillstone_tech"  # cursor stays
        await pilot.press("space")
        await pilot.pause()
        assert len(Store(demo_db).records().touches) == len(touches) - 1
        assert not _plan(app).items["ty-int_quillstone_tech"].done


async def test_snooze_moves_an_item_to_the_next_business_day(make_app, demo_db: Path) -> None:  # type: ignore[no-untyped-def]
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await _highlight(pilot, "tsk_fernway_apply")
        await pilot.press("s")
        await pilot.pause()
        assert "tsk_fernway_apply" not in _plan(app).items
        task = Store(demo_db).get(Task, "tsk_fernway_apply")
        assert str(task.snoozed_to) == "2026-11-24"
        await pilot.press("right_square_bracket")
        await pilot.pause()
        assert app.screen.sub_title.startswith("Tuesday 24 November 2026")
        assert "tsk_fernway_apply" in _plan(app).items
        await pilot.press("t")
        await pilot.pause()
        assert app.screen.sub_title.startswith("Monday 23 November 2026")


async def test_adding_a_task_through_the_form(make_app, demo_db: Path) -> None:  # type: ignore[no-untyped-def]
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("a")
        await pilot.pause()
        await pilot.press(*"Research Zeta")
        due = app.screen.query_one("#field-due")
        due.value = "tomorrow"
        await pilot.pause()
        assert "Tue 24 Nov 2026" in str(app.screen.query_one("#hint-due").render())
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, TodayScreen)
        tasks = Store(demo_db).records().tasks
        assert tasks[-1].title == "Research Zeta" and str(tasks[-1].due) == "2026-11-24"


async def test_an_invalid_field_says_why_and_saves_nothing(make_app, demo_db: Path) -> None:  # type: ignore[no-untyped-def]
    before = demo_db.read_bytes()
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("a")
        await pilot.pause()
        await pilot.press(*"Apply somewhere")
        app.screen.query_one("#field-due").value = "next blursday"
        await pilot.pause()
        assert "is not a date" in str(app.screen.query_one("#hint-due").render())
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "nothing was saved" in str(app.screen.query_one("#form-error").render())
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, TodayScreen)
    assert demo_db.read_bytes() == before


async def test_editing_a_task_changed_elsewhere_asks_before_overwriting(
    make_app, demo_db: Path
) -> None:  # type: ignore[no-untyped-def]
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await _highlight(pilot, "tsk_fernway_apply")
        await pilot.press("e")
        await pilot.pause()
        title = app.screen.query_one("#field-title")
        assert title.value == "Apply: Analytics Lead at Fernway"
        # Meanwhile another session renames the task.
        other = Store(demo_db)
        task = other.get(Task, "tsk_fernway_apply")
        other.put(dataclasses.replace(task, title="Renamed in the other session"))
        title.value = "Mine: apply at Fernway"
        await pilot.press("ctrl+s")
        await app.writes_settled()
        await pilot.pause()
        from tui.modals.conflict import ConflictDialog

        assert isinstance(app.screen, ConflictDialog)
        assert "changed in another session" in app.screen.message
        assert Store(demo_db).get(Task, "tsk_fernway_apply").title == (
            "Renamed in the other session"
        )
        await pilot.press("k")  # keep mine
        await pilot.pause()
        await app.writes_settled()
        await pilot.pause()
        assert Store(demo_db).get(Task, "tsk_fernway_apply").title == "Mine: apply at Fernway"


async def test_edit_on_a_find_advocate_item_opens_adding_one_there(make_app) -> None:  # type: ignore[no-untyped-def]
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await _highlight(pilot, "fa-opp_bluefin")
        await pilot.press("e")
        await pilot.pause()
        form = app.screen
        assert "advocate" in form.form_title.lower()
        assert form.query_one("#field-company").value == "Bluefin Health"


def _line_of(plan: PlanList, start: str) -> str:
    """The text of the list's line that begins an item titled ``start…``, as drawn."""
    lines = [plan.render_line(y).text.rstrip() for y in range(plan.size.height)]
    return next(line for line in lines if start in line)


async def test_a_long_title_stays_on_one_line_and_ends_in_an_ellipsis_at_any_width(
    make_app, demo_db: Path
) -> None:  # type: ignore[no-untyped-def]
    # Far wider than 160, and as long as a title may be.
    title = ("Research Zeta " + " ".join(f"topic{n}" for n in range(40)))[: actions.TITLE_LIMIT]
    now = pendulum.datetime(2026, 11, 23, 8, 30, tz="America/New_York")  # the demo's moment
    task = actions.add_task(Store(demo_db), now, title=title, due=now.date())
    # Quillstone's debrief done: its prompt line would push the task below 80x24's last row.
    actions.save_debrief(Store(demo_db), now, "int_quillstone_tech", {}, finish=True)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await _highlight(pilot, task.id)  # it waits for room, below the fold: bring it up
        plan = _plan(app)
        narrow = _line_of(plan, "Research Zeta")
        assert narrow.endswith("…") and len(narrow) <= plan.size.width
        await pilot.resize_terminal(160, 24)
        await pilot.pause()
        wide = _line_of(plan, "Research Zeta")
        # Redrawn at the new width without a rebuild: more of the title, still one line.
        assert wide.endswith("…") and len(wide) > len(narrow) + 60
        assert wide[:-1].rstrip() in f"{wide.split('Research')[0]}{title}"


async def test_the_cycle_collector_is_back_once_today_is_drawn(make_app) -> None:  # type: ignore[no-untyped-def]
    # The console script pauses it for the start-up (tui.launch); a dashboard left without it
    # would never free a cycle again.
    gc.disable()
    try:
        app = make_app()
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            assert "SEARCH" in _line_of(_plan(app), "SEARCH")
            assert gc.isenabled()
    finally:
        gc.enable()
