"""Forms: names completed from the records, the same record not added twice by accident, every
bad field marked at once, the past read as the past, and the first run's setup."""

from __future__ import annotations

from pathlib import Path

import pendulum
from screen_text import screen_text
from textual.widgets import Input

from tui import actions
from tui.app import build_app
from tui.store import Store
from tui.widgets.table import RecordTable

from .conftest import DEMO_NOW


def _hint(app, name: str) -> str:  # type: ignore[no-untyped-def]
    return str(app.screen.query_one(f"#hint-{name}").render())


async def _type(pilot, field: str, text: str) -> Input:  # type: ignore[no-untyped-def]
    widget = pilot.app.screen.query_one(f"#field-{field}", Input)
    widget.focus()
    widget.value = ""
    await pilot.pause()
    await pilot.press(*text)
    await pilot.pause(0.2)  # the suggestion comes from a worker
    return widget


async def _settle(app, pilot) -> None:  # type: ignore[no-untyped-def]
    await app.writes_settled()
    await pilot.pause()


async def test_company_and_contact_fields_complete_from_the_records(make_app) -> None:  # type: ignore[no-untyped-def]
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("5", "a")  # a new opportunity: its company is completed too
        await pilot.pause()
        company = await _type(pilot, "company", "quill")
        assert "Quillstone? (right arrow completes)" in _hint(app, "company")
        await pilot.press("right")
        await pilot.pause()
        assert company.value == "Quillstone"
        await pilot.press("escape")
        await pilot.press("2", "l")  # a touch: the contact is completed
        await pilot.pause()
        contact = await _type(pilot, "contact", "Aisha")
        assert "Aisha Bello?" in _hint(app, "contact")
        await pilot.press("right")
        await pilot.pause()
        assert contact.value == "Aisha Bello"


async def test_adding_an_opportunity_that_is_there_asks_first(make_app, demo_db: Path) -> None:  # type: ignore[no-untyped-def]
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("5", "a")
        await pilot.pause()
        form = app.screen
        form.query_one("#field-company").value = "quillstone"
        form.query_one("#field-role").value = "Analytics  Engineer"
        await pilot.press("ctrl+s")
        await _settle(app, pilot)
        shown = screen_text(app)
        assert "Is this the same one?" in shown and "opp_quillstone" in shown
        before = len(Store(demo_db).records().opportunities)
        await pilot.press("n")  # no: back to the form, nothing added
        await _settle(app, pilot)
        assert app.screen is form and len(Store(demo_db).records().opportunities) == before
        await pilot.press("ctrl+s")
        await _settle(app, pilot)
        await pilot.press("y")  # yes, another one
        await _settle(app, pilot)
        assert len(Store(demo_db).records().opportunities) == before + 1
        assert Store(demo_db).records().opportunities[-1].company == "Quillstone"  # one spelling


async def test_adding_a_contact_or_an_interview_that_is_there_asks_first(
    make_app, demo_db: Path
) -> None:  # type: ignore[no-untyped-def]
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("4", "a")  # "Add core contact" made a second Priya Raman
        await pilot.pause()
        app.screen.query_one("#field-name").value = "Priya Raman"
        app.screen.query_one("#field-company").value = "Northwind Analytics"
        await pilot.press("ctrl+s")
        await _settle(app, pilot)
        assert "Priya Raman at Northwind Analytics is already there (con_priya)" in screen_text(app)
        await pilot.press("n", "escape")
        await pilot.pause()
        assert [c.name for c in Store(demo_db).records().contacts].count("Priya Raman") == 1
        await pilot.press("2")
        await pilot.pause()
        table = app.screen.query_one(RecordTable)
        table.move_cursor(row=table.get_row_index("opp_northwind"))
        await pilot.press("i")
        await pilot.pause()
        app.screen.query_one("#field-start").value = "2026-11-17 16:00"  # the panel's day
        await pilot.press("ctrl+s")
        await _settle(app, pilot)
        assert "int_northwind_panel" in screen_text(app)
        await pilot.press("y")
        await _settle(app, pilot)
        northwind = [
            i for i in Store(demo_db).records().interviews if i.opportunity_id == "opp_northwind"
        ]
        assert len(northwind) == 2


async def test_every_bad_field_is_marked_at_once_and_the_message_goes_when_fixed(
    make_app, demo_db: Path
) -> None:  # type: ignore[no-untyped-def]
    app = make_app()
    async with app.run_test(size=(100, 36)) as pilot:
        await pilot.press("a")
        await pilot.pause()
        form = app.screen
        form.query_one("#field-title").value = "Research " + "x" * 300  # a title is capped
        form.query_one("#field-minutes").value = "half an hour"
        form.query_one("#field-due").value = "someday"
        await pilot.press("ctrl+s")
        await pilot.pause()
        for name, problem in (
            ("title", "at most 200"),
            ("minutes", "is not a whole number"),
            ("due", "is not a date"),
        ):
            assert "✗ " in _hint(app, name) and problem in _hint(app, name), name
        assert "Fix the fields marked ✗" in str(form.query_one("#form-error").render())
        form.query_one("#field-title").value = "Research Zeta"
        form.query_one("#field-minutes").value = "30"
        await pilot.pause()
        assert "Fix the fields" in str(form.query_one("#form-error").render())  # one is left
        form.query_one("#field-due").value = "fri"
        await pilot.pause()
        assert str(form.query_one("#form-error").render()).strip() == ""
        await pilot.press("ctrl+s")
        await _settle(app, pilot)
        assert Store(demo_db).records().tasks[-1].title == "Research Zeta"


async def test_a_touch_is_read_as_the_past_and_the_future_is_refused(
    make_app, demo_db: Path
) -> None:  # type: ignore[no-untyped-def]
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("2", "l")
        await pilot.pause()
        at = app.screen.query_one("#field-at", Input)
        at.value = "mon 16:30"  # Monday 08:30: 16:30 today has not happened yet
        await pilot.pause()
        assert "Mon 16 Nov 2026 16:30" in _hint(app, "at")
        at.value = "tomorrow 9:00"
        await pilot.pause()
        assert "is in the future" in _hint(app, "at")
        touches = len(Store(demo_db).records().touches)
        await pilot.press("ctrl+s")
        await _settle(app, pilot)
        assert len(Store(demo_db).records().touches) == touches
        at.value = "fri 17:00"
        await pilot.press("ctrl+s")
        await _settle(app, pilot)
        touch = Store(demo_db).records().touches[-1]
        assert touch.at.isoformat() == "2026-11-20T17:00:00-05:00"
        assert touch.opportunity_id == "opp_northwind"


async def test_the_waiting_room_logs_to_its_row_when_the_company_has_two(
    make_app, demo_db: Path
) -> None:  # type: ignore[no-untyped-def]
    actions.add_opportunity(Store(demo_db), DEMO_NOW, company="Quillstone", role="Data Engineer")
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("2")
        await pilot.pause()
        table = app.screen.query_one(RecordTable)
        table.move_cursor(row=table.get_row_index("opp_quillstone"))
        await pilot.press("l")
        await pilot.pause()
        await pilot.press("ctrl+s")
        await _settle(app, pilot)
        assert Store(demo_db).records().touches[-1].opportunity_id == "opp_quillstone"


async def test_a_new_database_starts_with_a_short_setup(tmp_path: Path) -> None:
    db = tmp_path / "new.json"
    app = build_app(Store(db), DEMO_NOW)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.pause()
        assert "Set up nowwhat" in screen_text(app)
        form = app.screen
        form.query_one("#field-your_name").value = "Sam Rivera"
        form.query_one("#field-timezone").value = "Europe/Berlin"
        form.query_one("#field-country").value = "de"
        form.query_one("#field-weekly_applications").value = "6"
        form.query_one("#field-weekly_networking_calls").value = "3"
        await pilot.press("ctrl+s")
        await _settle(app, pilot)
        assert "Set up nowwhat" not in screen_text(app)
    settings = Store(db).settings()
    assert settings["your_name"] == "Sam Rivera" and settings.timezone == "Europe/Berlin"
    assert settings.country == "DE"
    assert (settings["weekly_applications"], settings["weekly_networking_calls"]) == (6, 3)
    again = build_app(Store(db), DEMO_NOW)
    async with again.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.pause()
        assert "Set up nowwhat" not in screen_text(again)  # once is enough


async def test_the_setup_can_be_skipped_and_a_used_database_never_sees_it(
    make_app, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    app = build_app(Store(tmp_path / "new.json"), DEMO_NOW)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert "Set up nowwhat" not in screen_text(app)
    demo = make_app()
    async with demo.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.pause()
        assert "Set up nowwhat" not in screen_text(demo)


async def test_empty_screens_say_what_they_are_for(tmp_path: Path) -> None:
    store = Store(tmp_path / "new.json")
    store.save_settings(store.settings().with_text("your_name", "Sam"))
    app = build_app(store, pendulum.datetime(2026, 11, 23, 8, 30, tz="UTC"))
    async with app.run_test(size=(80, 24)) as pilot:
        for key, said in (
            ("2", "Nobody owes you an answer yet"),
            ("3", "No advocates yet"),
            ("4", "No core contacts yet"),
            ("5", "No opportunities yet"),
        ):
            await pilot.press(key)
            await pilot.pause()
            assert said in screen_text(app), key


async def test_a_message_sent_from_the_composer_goes_to_its_opportunity_among_two(
    make_app, demo_db: Path
) -> None:  # type: ignore[no-untyped-def]
    actions.add_opportunity(Store(demo_db), DEMO_NOW, company="Quillstone", role="Data Engineer")
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("2")
        await pilot.pause()
        table = app.screen.query_one(RecordTable)
        table.move_cursor(row=table.get_row_index("opp_quillstone"))
        await pilot.press("c")
        await pilot.pause()
        await pilot.press("m")
        await _settle(app, pilot)
        touch = Store(demo_db).records().touches[-1]
        assert (touch.kind, touch.opportunity_id) == ("thank_you", "opp_quillstone")
