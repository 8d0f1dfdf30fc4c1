"""Moments typed by a person are read in their zone; stored moments keep the zone across DST."""

from __future__ import annotations

import pendulum
import pytest
from hypothesis import given
from hypothesis import strategies as st

from tui.engine.errors import InvalidField
from tui.engine.when import (
    format_stamp,
    parse_clock,
    parse_day,
    parse_moment,
    parse_stamp,
)


def test_a_naive_moment_is_read_in_the_configured_zone_not_utc() -> None:
    moment = parse_moment("2026-12-01 14:00", "Europe/Berlin")
    assert moment.timezone_name == "Europe/Berlin"
    assert moment.in_timezone("UTC").hour == 13


def test_an_explicit_offset_wins_over_the_zone() -> None:
    moment = parse_moment("2026-12-01T14:00:00+05:30", "Europe/Berlin")
    assert moment.in_timezone("UTC").format("HH:mm") == "08:30"


def test_a_stamp_keeps_the_iana_zone_so_day_arithmetic_survives_dst() -> None:
    # The Saturday before Berlin switches to summer time.
    before = parse_moment("2026-03-28 14:00", "Europe/Berlin")
    stamp = format_stamp(before)
    assert stamp == "2026-03-28T14:00:00+01:00[Europe/Berlin]"
    after = parse_stamp(stamp).add(days=1)
    assert after.format("HH:mm Z") == "14:00 +02:00"  # same wall time, new offset


def test_an_offset_only_stamp_would_get_it_wrong() -> None:
    """Why the zone is stored: with only +01:00, the next day is an hour off the wall clock."""
    fixed = parse_stamp("2026-03-28T14:00:00+01:00").add(days=1)
    assert fixed.in_timezone("Europe/Berlin").format("HH:mm") == "15:00"


@pytest.mark.parametrize(
    "text", ["2026-02-30 10:00", "2026-13-01", "tomorrow-ish", "2026-11-24 25:00", "", "24/11/2026"]
)
def test_malformed_or_impossible_moments_are_refused_naming_the_field(text: str) -> None:
    with pytest.raises(InvalidField) as caught:
        parse_moment(text, "UTC", field="at")
    assert caught.value.field == "at"


def test_days_and_clocks_are_strict() -> None:
    assert parse_day("2026-11-24") == pendulum.Date(2026, 11, 24)
    with pytest.raises(InvalidField, match="not a real date"):
        parse_day("2026-02-29", "promised_by")
    assert parse_clock("09:05").minute == 5
    with pytest.raises(InvalidField):
        parse_clock("9.30", "work_start")
    with pytest.raises(InvalidField):
        parse_moment("2026-11-24 10:00", "Mars/Olympus")


ZONES = ["UTC", "Europe/Berlin", "America/New_York", "Australia/Lord_Howe", "Asia/Kolkata"]


@given(
    instant=st.datetimes(
        min_value=pendulum.datetime(1990, 1, 1).naive(),
        max_value=pendulum.datetime(2090, 1, 1).naive(),
    ),
    zone_name=st.sampled_from(ZONES),
)
def test_any_stamp_reads_back_as_the_same_instant_and_zone(instant, zone_name) -> None:  # type: ignore[no-untyped-def]
    moment = pendulum.instance(instant, tz="UTC").in_timezone(zone_name)
    back = parse_stamp(format_stamp(moment))
    assert back == moment
    assert back.timezone_name == zone_name


TODAY = pendulum.Date(2026, 11, 26)  # a Thursday


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("today", "2026-11-26"),
        ("tomorrow", "2026-11-27"),
        ("yesterday", "2026-11-25"),
        ("thu", "2026-11-26"),  # a weekday is its next occurrence, today included
        ("Fri", "2026-11-27"),
        ("monday", "2026-11-30"),
        ("wed", "2026-12-02"),
        ("+3d", "2026-11-29"),
        ("+2w", "2026-12-10"),
        ("-1d", "2026-11-25"),
        ("2026-12-01", "2026-12-01"),
    ],
)
def test_friendly_days(text: str, expected: str) -> None:
    from tui.engine.when import parse_when_day

    assert parse_when_day(text, TODAY).isoformat() == expected


def test_friendly_moments_are_read_in_the_zone() -> None:
    from tui.engine.when import parse_when_moment

    now = pendulum.datetime(2026, 11, 26, 20, 0, tz="Europe/Berlin")
    moment = parse_when_moment("tomorrow 14:00", now, "America/New_York")
    assert moment.isoformat() == "2026-11-27T14:00:00-05:00"  # tomorrow in New York
    assert parse_when_moment("fri", now, "UTC").format("YYYY-MM-DD HH:mm") == "2026-11-27 09:00"
    assert parse_when_moment("now", now, "UTC") == now
    assert parse_when_moment("2026-12-01 10:30", now, "UTC").hour == 10
    with pytest.raises(InvalidField):
        parse_when_moment("next blursday", now, "UTC")
    with pytest.raises(InvalidField):
        parse_when_moment("tomorrow 25:00", now, "UTC")


def test_the_last_second_of_a_minute_is_a_real_time_and_the_sixtieth_is_not() -> None:
    assert parse_moment("2026-11-23 10:59:59", "America/New_York").second == 59
    for text in ("2026-11-23 10:60", "2026-11-23 24:00", "2026-11-23 10:59:60"):
        with pytest.raises(InvalidField, match="not a real time of day"):
            parse_moment(text, "America/New_York")


def test_a_fraction_of_a_second_is_kept_as_written() -> None:
    moment = parse_moment("2026-11-23 10:00:30.25", "America/New_York")
    assert (moment.second, moment.microsecond) == (30, 250000)
    assert parse_moment("2026-11-23T10:00:30.123456-05:00", "UTC").microsecond == 123456
