"""Records refuse bad values on the way in, naming the field; settings keep to their ranges."""

from __future__ import annotations

from typing import Any

import pendulum
import pytest

from tui.engine.errors import InvalidField
from tui.engine.models import OUTCOMES, STAGES, Contact, Interview, Opportunity, Task, Touch
from tui.engine.settings import SPECS, Settings

NOW = pendulum.datetime(2026, 11, 23, 8, 30, tz="America/New_York")


@pytest.mark.parametrize(
    ("cls", "values", "field"),
    [
        (Opportunity, {"id": "opp_a", "company": "  "}, "company"),
        (Opportunity, {"id": "opp_a", "company": "Acme", "stage": "hired?"}, "stage"),
        (Opportunity, {"id": "opp_a", "company": "Acme", "url": "javascript:alert(1)"}, "url"),
        (Opportunity, {"id": "has space", "company": "Acme"}, "id"),
        (
            Interview,
            {"id": "int_a", "opportunity_id": "opp_a", "start": NOW, "felt": "amazing"},
            "felt",
        ),
        (Interview, {"id": "int_a", "opportunity_id": "opp_a", "start": NOW.naive()}, "start"),
        (
            Interview,
            {"id": "int_a", "opportunity_id": "opp_a", "start": NOW, "minutes": 0},
            "minutes",
        ),
        (
            Interview,
            {"id": "int_a", "opportunity_id": "opp_a", "start": NOW, "skills": ("",)},
            "skills",
        ),
        (Contact, {"id": "con_a", "name": "Eve", "email": "not an address"}, "email"),
        (Contact, {"id": "con_a", "name": "Eve", "tags": frozenset({"Core Friend"})}, "tags"),
        (
            Touch,
            {"id": "tch_a", "kind": "smoke_signal", "at": NOW, "opportunity_id": "opp_a"},
            "kind",
        ),
        (Touch, {"id": "tch_a", "kind": "check_in", "at": NOW}, "opportunity_id"),
        (
            Touch,
            {
                "id": "tch_a",
                "kind": "check_in",
                "at": NOW,
                "opportunity_id": "opp_a",
                "outcome": "offer",
            },
            "outcome",
        ),
        (Task, {"id": "tsk_a", "title": "Apply", "kind": "juggle"}, "kind"),
        (Task, {"id": "tsk_a", "title": "Apply", "status": "done"}, "done_at"),
        (Task, {"id": "tsk_a", "title": "Apply", "due": NOW}, "due"),
    ],
)
def test_an_invalid_value_is_refused_naming_its_field(
    cls: type, values: dict[str, Any], field: str
) -> None:
    with pytest.raises(InvalidField) as caught:
        cls(**values)
    assert caught.value.field == field
    assert field in str(caught.value)


def test_valid_records_are_accepted_and_say_what_they_are() -> None:
    # Every outcome the model knows is a valid heard-back; one it does not know is refused.
    for outcome in OUTCOMES:
        Touch(id="tch_a", kind="heard_back", at=NOW, opportunity_id="opp_a", outcome=outcome)
    with pytest.raises(InvalidField):
        Touch(id="tch_a", kind="heard_back", at=NOW, opportunity_id="opp_a", outcome="maybe")
    # Only the stages still in play are active.
    active = {stage: Opportunity(id="o", company="Acme", stage=stage).active for stage in STAGES}
    assert {s for s, on in active.items() if not on} == {"rejected", "withdrawn", "closed"}
    # An advocate is a contact tagged so, whatever else they are tagged.
    assert Contact(id="c", name="Eve", tags=frozenset({"advocate", "core"})).is_advocate
    assert not Contact(id="c", name="Eve", tags=frozenset({"core"})).is_advocate
    assert not Contact(id="c", name="Eve").is_advocate


def test_settings_have_the_documented_defaults() -> None:
    settings = Settings()
    assert settings["daily_minutes"] == 240
    assert settings["follow_up_share"] == 0.3
    assert (settings["work_start"], settings["work_end"]) == ("09:00", "17:00")
    assert settings["glow_hours"] == 72
    assert settings["min_active"] == 3
    assert settings.changed() == {}


@pytest.mark.parametrize(
    ("key", "text"),
    [
        ("follow_up_share", "0.5"),
        ("follow_up_share", "0"),
        ("follow_up_share", "lots"),
        ("daily_minutes", "-5"),
        ("timezone", "Mars/Olympus"),
        ("country", "XX"),
        ("work_start", "25:00"),
        ("work_end", "08:00"),
        ("colour", "blue"),
    ],
)
def test_a_bad_setting_is_refused_naming_the_key(key: str, text: str) -> None:
    with pytest.raises(InvalidField) as caught:
        Settings().with_text(key, text)
    assert caught.value.field in {key, "work_end"}


def test_settings_parse_what_people_type() -> None:
    settings = Settings().with_text("country", "gb").with_text("follow_up_share", "0.25")
    assert settings.country == "GB"
    assert settings["follow_up_share"] == 0.25
    assert settings.changed() == {"country": "GB", "follow_up_share": 0.25}
    assert set(SPECS) >= {
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
    }


@pytest.mark.parametrize(
    ("values", "field"),
    [
        ({"interviewers": ("Ravi", "\x1b[2J")}, "interviewers"),
        ({"interviewers": ("Ravi", " ")}, "interviewers"),
        ({"promised_by": "2026-11-27"}, "promised_by"),
        ({"promised_by": NOW}, "promised_by"),
        ({"minutes": None}, "minutes"),
    ],
)
def test_an_interview_refuses_each_bad_value_by_name(values: dict[str, Any], field: str) -> None:
    with pytest.raises(InvalidField) as caught:
        Interview(id="int_a", opportunity_id="opp_a", start=NOW, **values)
    assert caught.value.field == field


def test_a_contacts_relation_is_short_text() -> None:
    assert Contact(id="c", name="Eve", relation="r" * 200).relation == "r" * 200
    with pytest.raises(InvalidField, match="relation"):
        Contact(id="c", name="Eve", relation="r" * 201)


@pytest.mark.parametrize(
    ("stored", "field"),
    [
        ({"pretty_json": "yes"}, "pretty_json"),  # a stored setting is checked, not parsed
        ({"pretty_json": 1}, "pretty_json"),
        ({"debrief_signals": "a; b"}, "debrief_signals"),
        ({"debrief_signals": ["a", 2]}, "debrief_signals"),
    ],
)
def test_a_stored_setting_of_the_wrong_type_is_refused_by_name(
    stored: dict[str, Any], field: str
) -> None:
    with pytest.raises(InvalidField) as caught:
        Settings.from_mapping(stored)
    assert caught.value.field == field
    assert Settings.from_mapping({"pretty_json": True})["pretty_json"] is True
    assert Settings.from_mapping({"debrief_signals": ["a", "b"]})["debrief_signals"] == ("a", "b")


RANGES = {
    "daily_minutes": (30, 720),
    "weekly_applications": (0, 100),
    "weekly_networking_calls": (0, 100),
    "glow_hours": (0, 336),
    "avoided_after": (1, 30),
    "min_active": (0, 50),
    "check_in_after_days": (1, 30),
    "recheck_after_days": (1, 30),
    "max_check_ins": (1, 10),
    "no_pester_days": (0, 30),
    "advocate_ask_every_days": (1, 60),
    "network_every_days": (1, 365),
    "interview_minutes": (5, 600),
    "minutes_thank_you": (1, 240),
    "minutes_check_in": (1, 240),
    "minutes_advocate_ask": (1, 240),
    "minutes_find_advocate": (1, 240),
    "minutes_close_out": (1, 240),
    "minutes_apply": (1, 480),
    "minutes_call": (1, 240),
    "minutes_network_update": (1, 240),
    "minutes_task": (1, 480),
    "debrief_days": (1, 30),
    "calibration_min": (2, 50),
}


@pytest.mark.parametrize(("key", "bounds"), RANGES.items())
def test_each_number_setting_keeps_to_its_range_at_both_ends(
    key: str, bounds: tuple[int, int]
) -> None:
    low, high = bounds
    assert Settings().with_text(key, str(low))[key] == low
    assert Settings().with_text(key, str(high))[key] == high
    for outside in (low - 1, high + 1):
        with pytest.raises(InvalidField):
            Settings().with_text(key, str(outside))


def test_a_day_of_minutes_is_the_longest_an_interview_or_a_task_can_be() -> None:
    assert Interview(id="int_a", opportunity_id="opp_a", start=NOW, minutes=1440).minutes == 1440
    assert Task(id="tsk_a", title="Portfolio", minutes=1440).minutes == 1440
    assert Task(id="tsk_a", title="Portfolio", minutes=1).minutes == 1
    for minutes in (0, 1441):
        with pytest.raises(InvalidField, match="minutes"):
            Interview(id="int_a", opportunity_id="opp_a", start=NOW, minutes=minutes)
        with pytest.raises(InvalidField, match="minutes"):
            Task(id="tsk_a", title="Portfolio", minutes=minutes)


def test_a_contacts_notes_keep_lines_up_to_their_limit() -> None:
    notes = "met at the meetup\n" + "n" * (20000 - 18)
    assert Contact(id="c", name="Eve", notes=notes).notes == notes
    with pytest.raises(InvalidField, match="notes"):
        Contact(id="c", name="Eve", notes=notes + "n")
    with pytest.raises(InvalidField, match="notes"):
        Contact(id="c", name="Eve", notes="bell \x07")


def test_the_limits_are_the_ones_the_forms_promise() -> None:
    """Exactly at a limit is accepted, one past it refused: 20,000 characters of notes, a
    company name of 200, an estimate from 0 to 100 (a debrief's 0-100 field)."""
    from tui.engine.errors import InvalidField
    from tui.engine.models import Interview, Opportunity, Task

    start = pendulum.datetime(2026, 11, 20, 10, tz="America/New_York")
    Opportunity(id="opp_1", company="Acme", notes="n" * 20000)
    with pytest.raises(InvalidField):
        Opportunity(id="opp_1", company="Acme", notes="n" * 20001)
    Task(id="tsk_1", title="t", company="c" * 200)
    with pytest.raises(InvalidField):
        Task(id="tsk_1", title="t", company="c" * 201)
    for estimate in (0, 100):
        Interview(id="int_1", opportunity_id="opp_1", start=start, estimate=estimate)
    for estimate in (-1, 101):
        with pytest.raises(InvalidField, match="percentage"):
            Interview(id="int_1", opportunity_id="opp_1", start=start, estimate=estimate)


def test_core_and_advocate_are_told_apart_by_their_tags() -> None:
    from tui.engine.models import Contact

    core = Contact(id="con_1", name="Jo", tags=frozenset({"core"}))
    advocate = Contact(id="con_2", name="Priya", tags=frozenset({"advocate"}))
    assert (core.is_core, core.is_advocate) == (True, False)
    assert (advocate.is_core, advocate.is_advocate) == (False, True)
