"""Waiting room, Advocates, Network and Pipeline: what they show and what their keys store."""

from __future__ import annotations

from pathlib import Path

import pendulum
from textual.widgets import Select

from tui.engine.items import TOUCH_LABEL
from tui.engine.models import TOUCH_KINDS, Contact, Touch
from tui.screens import base
from tui.screens.advocates import AdvocatesScreen
from tui.screens.waiting import WaitingScreen
from tui.store import Store
from tui.widgets.table import RecordTable


def _rows(app) -> dict[str, list[str]]:  # type: ignore[no-untyped-def]
    table = app.screen.query_one(RecordTable)
    return {str(key.value): [str(c) for c in table.get_row(key)] for key in table.rows}


async def test_waiting_room_rows_states_and_timeline(make_app, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    # The pane waits for the cursor to rest; a rest longer than any pause below (a loaded
    # machine makes pauses long) keeps the check of "not yet" from racing it.
    monkeypatch.setattr(base, "DETAIL_DELAY", 1.0)
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("2")
        await pilot.pause()
        assert isinstance(app.screen, WaitingScreen)
        rows = _rows(app)
        assert list(rows) == [
            "opp_northwind",
            "opp_bluefin",
            "opp_quillstone",
            "opp_lumen",
            "opp_harbor",
        ]
        northwind = rows["opp_northwind"]
        assert "promise broken" in northwind and "6 days ago" in northwind
        assert "Fri 20 Nov" in northwind and "check-in today" in northwind
        assert "Priya Raman" in northwind
        assert "gone quiet" in rows["opp_lumen"] and "heard back" in rows["opp_harbor"]
        assert "find advocate late, Thu 19" in rows["opp_bluefin"]  # a past step says late
        # ... but a thank-you may wait one business day: Friday's is due by Monday, not late.
        assert "thank-you Fri 20" in rows["opp_quillstone"]
        pane = app.screen.query_one("#timeline")
        await pilot.press("enter")  # shows the details: never hides them
        assert pane.display
        await pilot.press("d")  # hides them, for more rows on a small screen
        assert not pane.display
        await pilot.press("d")
        assert pane.display
        timeline = str(app.screen.query_one("#timeline").render())
        assert "panel (video)" in timeline and "thank-you · Ravi Menon" in timeline
        await pilot.press("down")
        await pilot.pause()
        # The detail pane follows once the cursor rests (it is not resent on every step).
        assert "Bluefin Health" not in str(app.screen.query_one("#timeline").render())
        await pilot.pause(1.2)
        assert "Bluefin Health" in str(app.screen.query_one("#timeline").render())
        history = str(app.screen.query_one("#history").render())
        assert "median of 7.5 days" in history


async def test_logging_hearing_back_moves_the_opportunity(make_app, demo_db: Path) -> None:  # type: ignore[no-untyped-def]
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("2")
        await pilot.pause()
        await pilot.press("l")
        await pilot.pause()
        form = app.screen
        assert form.query_one("#field-company").value == "Northwind Analytics"
        form.query_one("#field-kind", Select).value = "heard_back"
        await pilot.pause()
        assert form.query_one("#row-outcome").display  # the outcome appears for heard back
        form.query_one("#field-outcome", Select).value = "next_round"
        form.query_one("#field-note").value = "Final round next week"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, WaitingScreen)
        touch = Store(demo_db).records().touches[-1]
        assert (touch.kind, touch.outcome, touch.note) == (
            "heard_back",
            "next_round",
            "Final round next week",
        )
        assert "heard back" in _rows(app)["opp_northwind"]
        assert app.screen.query_one(RecordTable).current_key == "opp_northwind"


async def test_adding_an_interview_with_a_friendly_date(make_app, demo_db: Path) -> None:  # type: ignore[no-untyped-def]
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("2")
        await pilot.pause()
        await pilot.press("i")
        await pilot.pause()
        form = app.screen
        form.query_one("#field-company").value = "Zeta Corp"
        form.query_one("#field-start").value = "tomorrow 10:30"
        form.query_one("#field-promised_by").value = "fri"
        await pilot.pause()
        assert "Tue 24 Nov 2026 10:30 EST" in str(form.query_one("#hint-start").render())
        assert "Fri 27 Nov 2026" in str(form.query_one("#hint-promised_by").render())
        await pilot.press("ctrl+s")
        await pilot.pause()
        records = Store(demo_db).records()
        interview = records.interviews[-1]
        assert interview.start.isoformat() == "2026-11-24T10:30:00-05:00"
        assert str(interview.promised_by) == "2026-11-27"
        assert any(o.company == "Zeta Corp" for o in records.opportunities)


async def test_advocates_promote_and_log_a_check_in_with_answers(make_app, demo_db: Path) -> None:  # type: ignore[no-untyped-def]
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("3")
        await pilot.pause()
        assert isinstance(app.screen, AdvocatesScreen)
        assert set(_rows(app)) == {"con_marcus", "con_priya", "con_aisha"}
        intel = str(app.screen.query_one("#intel").render())
        assert "reorganised" in intel
        await pilot.press("p")
        await pilot.pause()
        picker = app.screen.query_one("OptionList")
        picker.highlighted = picker.get_option_index("con_lena")
        await pilot.press("enter")
        await pilot.pause()
        assert "advocate" in Store(demo_db).records().contacts[7].tags  # Lena Fischer
        assert "con_lena" in _rows(app)
        table = app.screen.query_one(RecordTable)
        table.move_cursor(row=table.get_row_index("con_priya"))
        await pilot.pause(0.3)
        await pilot.press("l")
        await pilot.pause()
        form = app.screen
        assert form.query_one("#field-contact").value == "Priya Raman"
        form.query_one("#field-internal_change").value = "New VP of data started Monday"
        form.query_one("#field-still_posted").value = "yes"
        await pilot.press("ctrl+s")
        await pilot.pause()
        touch = Store(demo_db).records().touches[-1]
        assert touch.kind == "advocate_ask" and touch.contact_id == "con_priya"
        assert touch.answers == {
            "internal_change": "New VP of data started Monday",
            "still_posted": "yes",
        }
        assert "New VP of data" in str(app.screen.query_one("#intel").render())


async def test_network_logs_an_update_and_pipeline_shows_goals(make_app, demo_db: Path) -> None:  # type: ignore[no-untyped-def]
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("4")
        await pilot.pause()
        rows = _rows(app)
        assert all("update due" in row for row in rows.values())
        table = app.screen.query_one(RecordTable)
        key = table.current_key
        before = Store(demo_db).records().touches
        await pilot.press("l")  # a form: nothing is logged until it is saved
        await pilot.pause()
        assert app.screen.query_one("#field-kind", Select).value == "network_update"
        assert Store(demo_db).records().touches == before
        await pilot.press("ctrl+s")
        await app.writes_settled()
        await pilot.pause()
        touch = Store(demo_db).records().touches[-1]
        assert (touch.kind, touch.contact_id) == ("network_update", key)
        assert "up to date" in _rows(app)[key]
        await pilot.press("5")
        await pilot.pause()
        goals = str(app.screen.query_one("#goals").render())
        assert "applications" in goals and "0/10" in goals and "3 by tonight" in goals
        stages = [row[2] for row in _rows(app).values()]
        assert stages[-1] == "rejected"  # closed ones last


async def test_editing_an_interview_promise_from_the_waiting_room(make_app, demo_db: Path) -> None:  # type: ignore[no-untyped-def]
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("2")
        await pilot.pause()
        await pilot.press("e")
        await pilot.pause()
        form = app.screen
        assert form.query_one("#field-promised_by").value == "2026-11-20"
        form.query_one("#field-promised_by").value = "2026-11-25"
        form.query_one("#field-role").value = "Lead Data Analyst"
        await pilot.press("ctrl+s")
        await pilot.pause()
        records = Store(demo_db).records()
        interview = next(i for i in records.interviews if i.id == "int_northwind_panel")
        assert str(interview.promised_by) == "2026-11-25"
        # The role is the opportunity's: it is changed there, not silently dropped.
        opportunity = next(o for o in records.opportunities if o.id == "opp_northwind")
        assert opportunity.role == "Lead Data Analyst"
        # The promise is no longer broken: the room says so at once.
        assert "waiting" in _rows(app)["opp_northwind"]


async def test_editing_an_advocates_intel(make_app, demo_db: Path) -> None:  # type: ignore[no-untyped-def]
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("3")
        await pilot.pause()
        await pilot.press("e")
        await pilot.pause()
        notes = app.screen.query_one("#field-notes")
        assert notes.value.startswith("Said on the 12th")
        notes.value = "Team reorganised; hiring resumes in January."
        await pilot.press("ctrl+s")
        await pilot.pause()
        marcus = next(c for c in Store(demo_db).records().contacts if c.id == "con_marcus")
        assert marcus.notes == "Team reorganised; hiring resumes in January."
        assert marcus.is_advocate
        assert "hiring resumes" in str(app.screen.query_one("#intel").render())


async def test_correcting_a_logged_touch(make_app, demo_db: Path) -> None:  # type: ignore[no-untyped-def]
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("2")
        await pilot.pause()
        table = app.screen.query_one(RecordTable)
        table.move_cursor(row=table.get_row_index("opp_harbor"))
        await pilot.pause()
        await pilot.press("h")  # its history: interviews and touches
        await pilot.pause()
        picker = app.screen.query_one("OptionList")
        picker.highlighted = picker.get_option_index("tch_harbor_next")
        await pilot.press("enter")
        await pilot.pause()
        form = app.screen
        assert form.query_one("#field-outcome", Select).value == "next_round"
        form.query_one("#field-at").value = "2026-11-16 11:15"
        form.query_one("#field-note").value = "Onsite on the 25th with Felix and the CTO"
        await pilot.press("ctrl+s")
        await pilot.pause()
        touch = next(t for t in Store(demo_db).records().touches if t.id == "tch_harbor_next")
        assert touch.at.isoformat() == "2026-11-16T11:15:00-05:00"
        assert touch.note == "Onsite on the 25th with Felix and the CTO"
        assert (touch.kind, touch.outcome) == ("heard_back", "next_round")


async def test_every_kind_of_touch_shows_in_the_waiting_room(make_app, demo_db: Path) -> None:  # type: ignore[no-untyped-def]
    """A close-out sent from the composer (or any kind of touch) reads as words, never a crash."""
    store = Store(demo_db)
    opportunity = next(o for o in store.records().opportunities if o.id == "opp_northwind")
    for number, kind in enumerate(TOUCH_KINDS):
        store.add(
            Touch(
                id=f"tch_every_{number}",
                kind=kind,
                at=pendulum.datetime(2026, 11, 18, 9, number, tz="America/New_York"),
                opportunity_id=opportunity.id,
                direction="in" if kind == "heard_back" else "out",
            )
        )
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("2")
        await pilot.pause()
        table = app.screen.query_one(RecordTable)
        table.move_cursor(row=table.get_row_index("opp_northwind"))
        await pilot.pause(0.3)
        timeline = str(app.screen.query_one("#timeline").render())
        for kind in TOUCH_KINDS:
            assert TOUCH_LABEL[kind] in timeline, kind
        assert "closing note" in timeline


async def test_two_people_with_one_name_each_get_their_own_update(make_app, demo_db: Path) -> None:  # type: ignore[no-untyped-def]
    store = Store(demo_db)
    first = next(c for c in store.records().contacts if c.is_core)
    namesake = Contact(
        id="con_namesake", name=first.name, company="Elsewhere Ltd", tags=frozenset({"core"})
    )
    store.add(namesake)
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("4")
        await pilot.pause()
        table = app.screen.query_one(RecordTable)
        for person in (namesake, first):
            table.move_cursor(row=table.get_row_index(person.id))
            await pilot.pause()
            await pilot.press("l", "ctrl+s")
            await app.writes_settled()
            await pilot.pause()
            touch = Store(demo_db).records().touches[-1]
            assert (touch.kind, touch.contact_id) == ("network_update", person.id)
