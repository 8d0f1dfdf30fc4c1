"""Managing the pipeline from the screens: stages, edits, deletes that ask once, and ``u``.

Every key that writes either opens a form, or says what it did and that ``u`` takes it back.
"""

from __future__ import annotations

from pathlib import Path

from screen_text import screen_text
from textual.widgets import OptionList, TextArea

from tui.engine.models import Contact, Interview, Opportunity, Task, Touch
from tui.modals.confirm import ConfirmDialog
from tui.modals.form import FormScreen
from tui.modals.pick import PickActionScreen, PickScreen
from tui.screens.composer import ComposerScreen
from tui.screens.pipeline import PipelineScreen
from tui.screens.waiting import WaitingScreen
from tui.store import Store
from tui.widgets.plan_list import PlanList
from tui.widgets.table import RecordTable


def _ids(demo_db: Path, table: str) -> set[str]:
    return {r.id for r in getattr(Store(demo_db).records(), table)}


def _select(app, key: str) -> None:  # type: ignore[no-untyped-def]
    table = app.screen.query_one(RecordTable)
    table.move_cursor(row=table.get_row_index(key))


def _toasts(app) -> list[str]:  # type: ignore[no-untyped-def]
    return [n.message for n in app._notifications]


async def _settle(app, pilot) -> None:  # type: ignore[no-untyped-def]
    await app.writes_settled()
    await pilot.pause()


async def _choose(pilot, option_id: str) -> None:  # type: ignore[no-untyped-def]
    options = pilot.app.screen.query_one(OptionList)
    options.highlighted = options.get_option_index(option_id)
    await pilot.press("enter")
    await pilot.pause()


async def test_the_pipeline_moves_an_opportunity_to_offer_in_hand_and_back(
    make_app, demo_db: Path
) -> None:  # type: ignore[no-untyped-def]
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("5")
        await pilot.pause()
        assert isinstance(app.screen, PipelineScreen)
        _select(app, "opp_harbor")
        await pilot.press("g")
        await pilot.pause()
        assert isinstance(app.screen, PickScreen)
        assert "• interviewing" in screen_text(app)  # the current stage is marked
        await _choose(pilot, "offer_in_hand")
        await _settle(app, pilot)
        harbor = Store(demo_db).get(Opportunity, "opp_harbor")
        assert (harbor.stage, harbor.offer_in_hand) == ("offer", True)
        assert any("offer · in hand" in t and "u undoes" in t for t in _toasts(app))
        assert "offer · in hand" in str(app.screen.query_one(RecordTable).get_row("opp_harbor"))
        await pilot.press("u")
        await _settle(app, pilot)
        harbor = Store(demo_db).get(Opportunity, "opp_harbor")
        assert (harbor.stage, harbor.offer_in_hand) == ("interviewing", False)
        for stage in ("rejected", "withdrawn", "closed", "screening", "applied", "offer"):
            await pilot.press("g")
            await pilot.pause()
            await _choose(pilot, stage)
            await _settle(app, pilot)
            assert Store(demo_db).get(Opportunity, "opp_harbor").stage == stage


async def test_the_waiting_room_changes_a_stage_too(make_app, demo_db: Path) -> None:  # type: ignore[no-untyped-def]
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("2")
        await pilot.pause()
        _select(app, "opp_lumen")
        await pilot.press("g")
        await pilot.pause()
        await _choose(pilot, "withdrawn")
        await _settle(app, pilot)
        assert Store(demo_db).get(Opportunity, "opp_lumen").stage == "withdrawn"


async def test_deleting_an_opportunity_asks_once_and_u_brings_it_all_back(
    make_app, demo_db: Path
) -> None:  # type: ignore[no-untyped-def]
    before = {t: _ids(demo_db, t) for t in ("opportunities", "interviews", "touches")}
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("5")
        await pilot.pause()
        _select(app, "opp_bluefin")
        await pilot.press("x")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        shown = screen_text(app)
        assert "Delete this opportunity?" in shown and "Bluefin Health · Product Analyst" in shown
        assert "Its 2 interviews and 3 touches are deleted with it." in shown
        await pilot.press("n")
        await _settle(app, pilot)
        assert _ids(demo_db, "opportunities") == before["opportunities"]  # no: nothing
        await pilot.press("x")
        await pilot.pause()
        await pilot.press("enter")  # the focused button is "No": a stray enter deletes nothing
        await _settle(app, pilot)
        assert _ids(demo_db, "opportunities") == before["opportunities"]
        await pilot.press("x", "y")
        await _settle(app, pilot)
        assert "opp_bluefin" not in _ids(demo_db, "opportunities")
        assert not {"int_bluefin_onsite", "int_bluefin_screen"} & _ids(demo_db, "interviews")
        assert "opp_bluefin" not in [str(k.value) for k in app.screen.query_one(RecordTable).rows]
        assert any(t.startswith("Deleted the opportunity Bluefin") for t in _toasts(app))
        await pilot.press("u")
        await _settle(app, pilot)
        assert {t: _ids(demo_db, t) for t in before} == before
        assert "opp_bluefin" in [str(k.value) for k in app.screen.query_one(RecordTable).rows]


async def test_an_undo_lasts_until_the_next_change(make_app, demo_db: Path) -> None:  # type: ignore[no-untyped-def]
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("5")
        await pilot.pause()
        _select(app, "opp_tidewater")
        await pilot.press("x", "y")
        await _settle(app, pilot)
        await pilot.press("a")  # another change, through a form
        await pilot.pause()
        app.screen.query_one("#field-company").value = "Zeta Corp"
        await pilot.press("ctrl+s")
        await _settle(app, pilot)
        await pilot.press("u")
        await _settle(app, pilot)
        assert "opp_tidewater" not in _ids(demo_db, "opportunities")  # that undo has lapsed
        assert any("Nothing to undo" in t for t in _toasts(app))


async def test_the_waiting_rooms_history_edits_and_deletes_interviews_and_touches(
    make_app, demo_db: Path
) -> None:  # type: ignore[no-untyped-def]
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("2")
        await pilot.pause()
        _select(app, "opp_harbor")
        await pilot.press("h")
        await pilot.pause()
        assert isinstance(app.screen, PickActionScreen)
        listed = {o.id for o in app.screen.query_one(OptionList)._options}
        assert listed == {
            "int_harbor_first",
            "int_harbor_second",
            "tch_harbor_ty",
            "tch_harbor_next",
        }
        options = app.screen.query_one(OptionList)
        options.highlighted = options.get_option_index("tch_harbor_ty")
        await pilot.press("x")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        assert "thank-you to" in screen_text(app)
        await pilot.press("y")
        await _settle(app, pilot)
        assert "tch_harbor_ty" not in _ids(demo_db, "touches")
        await pilot.press("u")
        await _settle(app, pilot)
        assert "tch_harbor_ty" in _ids(demo_db, "touches")
        await pilot.press("h")
        await pilot.pause()
        await _choose(pilot, "int_harbor_second")  # enter edits
        assert isinstance(app.screen, FormScreen)
        app.screen.query_one("#field-kind").value = "onsite with the CTO"
        await pilot.press("ctrl+s")
        await _settle(app, pilot)
        assert Store(demo_db).get(Interview, "int_harbor_second").kind == "onsite with the CTO"
        await pilot.press("h")
        await pilot.pause()
        options = app.screen.query_one(OptionList)
        options.highlighted = options.get_option_index("int_harbor_first")
        await pilot.press("x", "y")
        await _settle(app, pilot)
        assert "int_harbor_first" not in _ids(demo_db, "interviews")


async def test_the_pipeline_edits_an_opportunity(make_app, demo_db: Path) -> None:  # type: ignore[no-untyped-def]
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("5")
        await pilot.pause()
        _select(app, "opp_tidewater")
        await pilot.press("e")
        await pilot.pause()
        form = app.screen
        assert form.query_one("#field-role").value == "Data Scientist"
        form.query_one("#field-role").value = "Senior Data Scientist"
        form.query_one("#field-url").value = "https://tidewater.example/jobs/7"
        await pilot.press("ctrl+s")
        await _settle(app, pilot)
        tidewater = Store(demo_db).get(Opportunity, "opp_tidewater")
        assert (tidewater.role, tidewater.url) == (
            "Senior Data Scientist",
            "https://tidewater.example/jobs/7",
        )


async def test_network_logs_an_update_only_through_a_form_and_deletes_with_an_undo(
    make_app, demo_db: Path
) -> None:  # type: ignore[no-untyped-def]
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("4")
        await pilot.pause()
        touches = _ids(demo_db, "touches")
        await pilot.press("u")  # undo: there is nothing to undo, and nothing is logged
        await pilot.press("l")
        await pilot.pause()
        assert isinstance(app.screen, FormScreen)
        assert _ids(demo_db, "touches") == touches
        await pilot.press("escape")
        await pilot.pause()
        assert _ids(demo_db, "touches") == touches
        _select(app, "con_tom")
        await pilot.press("x")
        await pilot.pause()
        assert "Tom Becker (Staffwise)" in screen_text(app)
        await pilot.press("y")
        await _settle(app, pilot)
        assert "con_tom" not in _ids(demo_db, "contacts")
        await pilot.press("u")
        await _settle(app, pilot)
        assert Store(demo_db).get(Contact, "con_tom").name == "Tom Becker"


async def test_promoting_an_advocate_says_so_and_can_be_undone(make_app, demo_db: Path) -> None:  # type: ignore[no-untyped-def]
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("3", "p")
        await pilot.pause()
        await _choose(pilot, "con_lena")
        await _settle(app, pilot)
        assert Store(demo_db).get(Contact, "con_lena").is_advocate
        assert any("Lena Fischer is now an advocate · u undoes" in t for t in _toasts(app))
        await pilot.press("u")
        await _settle(app, pilot)
        assert not Store(demo_db).get(Contact, "con_lena").is_advocate
        _select(app, "con_aisha")
        await pilot.press("x", "y")
        await _settle(app, pilot)
        assert "con_aisha" not in _ids(demo_db, "contacts")


async def test_today_snoozes_and_deletes_with_an_undo(make_app, demo_db: Path) -> None:  # type: ignore[no-untyped-def]
    app = make_app()
    async with app.run_test(size=(100, 36)) as pilot:
        await pilot.pause()
        plan = app.screen.query_one(PlanList)
        plan.highlighted = plan.get_option_index("tsk_fernway_apply")
        await pilot.pause()
        await pilot.press("s")
        await _settle(app, pilot)
        assert str(Store(demo_db).get(Task, "tsk_fernway_apply").snoozed_to) == "2026-11-24"
        assert any(t.startswith("Snoozed to Tue 24 Nov") and "u undoes" in t for t in _toasts(app))
        await pilot.press("u")
        await _settle(app, pilot)
        assert Store(demo_db).get(Task, "tsk_fernway_apply").snoozed_to is None
        plan.highlighted = plan.get_option_index("tsk_fernway_apply")
        await pilot.pause()
        await pilot.press("space")
        await _settle(app, pilot)
        assert Store(demo_db).get(Task, "tsk_fernway_apply").status == "done"
        await pilot.press("u")
        await _settle(app, pilot)
        assert Store(demo_db).get(Task, "tsk_fernway_apply").status == "open"
        plan.highlighted = plan.get_option_index("tsk_fernway_apply")
        await pilot.press("x")
        await pilot.pause()
        assert "Apply: Analytics Lead at Fernway" in screen_text(app)
        await pilot.press("y")
        await _settle(app, pilot)
        assert "tsk_fernway_apply" not in _ids(demo_db, "tasks")
        plan.highlighted = plan.get_option_index("ci1-int_northwind_panel")
        await pilot.press("x")  # a planned item: nothing of its own to delete
        await pilot.pause()
        assert not isinstance(app.screen, ConfirmDialog)
        assert any("made by the plan's rules" in t for t in _toasts(app))


async def test_a_frustrated_draft_is_asked_about_once_before_it_is_logged(
    make_app, demo_db: Path
) -> None:  # type: ignore[no-untyped-def]
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("2", "c")
        await pilot.pause()
        composer = app.screen
        assert isinstance(composer, ComposerScreen)
        composer.query_one(TextArea).load_text("Hi Ravi,\nI still haven't heard back from you.")
        await pilot.pause()
        touches = _ids(demo_db, "touches")
        await pilot.press("m")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        shown = screen_text(app)
        assert "It reads as frustrated: send anyway?" in shown
        assert "still haven't heard" in shown and "Try:" in shown  # the top finding
        await pilot.press("n")
        await _settle(app, pilot)
        assert app.screen is composer and _ids(demo_db, "touches") == touches
        await pilot.press("m", "y")
        await _settle(app, pilot)
        assert isinstance(app.screen, WaitingScreen)
        (logged,) = _ids(demo_db, "touches") - touches
        assert Store(demo_db).get(Touch, logged).kind == "check_in"
        assert any(t.startswith("Logged as sent") and "u undoes" in t for t in _toasts(app))
        await pilot.press("u")
        await _settle(app, pilot)
        assert _ids(demo_db, "touches") == touches


async def test_a_touch_with_a_person_alone_is_corrected_or_deleted_from_the_network(
    make_app, demo_db: Path
) -> None:  # type: ignore[no-untyped-def]
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("4")
        await pilot.pause()
        _select(app, "con_elena")
        await pilot.press("h")
        await pilot.pause()
        assert isinstance(app.screen, PickActionScreen)
        assert "network update" in screen_text(app)
        await pilot.press("x", "y")  # the only one: her update after Quillstone
        await _settle(app, pilot)
        assert "tch_elena_update" not in _ids(demo_db, "touches")
        await pilot.press("u")
        await _settle(app, pilot)
        assert "tch_elena_update" in _ids(demo_db, "touches")
        await pilot.press("3")
        await pilot.pause()
        _select(app, "con_marcus")
        await pilot.press("h")
        await pilot.pause()
        await pilot.press("enter")  # the ask, in its form
        await pilot.pause()
        assert isinstance(app.screen, FormScreen)
        app.screen.query_one("#field-note").value = "Asked over coffee"
        await pilot.press("ctrl+s")
        await _settle(app, pilot)
        assert Store(demo_db).get(Touch, "tch_marcus_ask").note == "Asked over coffee"


async def test_space_again_says_what_it_did_and_u_puts_the_mark_back(
    make_app, demo_db: Path
) -> None:  # type: ignore[no-untyped-def]
    app = make_app()
    async with app.run_test(size=(100, 36)) as pilot:
        await pilot.pause()
        plan = app.screen.query_one(PlanList)
        plan.highlighted = plan.get_option_index("tsk_fernway_apply")
        await pilot.pause()
        await pilot.press("space")
        await _settle(app, pilot)
        await pilot.press("space")
        await _settle(app, pilot)
        assert Store(demo_db).get(Task, "tsk_fernway_apply").status == "open"
        assert any(t.startswith("Not done: Apply") and "u undoes" in t for t in _toasts(app))
        await pilot.press("u")
        await _settle(app, pilot)
        assert Store(demo_db).get(Task, "tsk_fernway_apply").status == "done"
