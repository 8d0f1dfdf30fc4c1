"""Reading the promised day out of what they said, always from the interview's day.

November 2026: Mon 16 Tue 17 ... Fri 20 | Sat 21 Sun 22 | Mon 23 ... Wed 25 [Thu 26 Thanksgiving]
Fri 27 | Mon 30, Tue 1 Dec.
"""

from __future__ import annotations

import pytest
from pendulum import Date

from tui.engine.calendar import BusinessCalendar
from tui.engine.promises import promise_in

TUESDAY = Date(2026, 11, 17)


@pytest.mark.parametrize(
    ("said", "day", "phrase"),
    [
        ("They'll call by Monday", "2026-11-23", "Monday"),
        ("a decision by the end of next week", "2026-11-27", "the end of next week"),
        ("we'll get back to you in two weeks", "2026-12-01", "two weeks"),
        ("by the end of the week", "2026-11-20", "the end of the week"),
        ("by end of week", "2026-11-20", "end of week"),
        ("this week", "2026-11-20", "this week"),
        ("sometime next week", "2026-11-27", "next week"),
        ("Thursday", "2026-11-19", "Thursday"),
        ("this Thursday", "2026-11-19", "this Thursday"),
        ("next Thursday", "2026-11-26", "next Thursday"),  # the later reading: next week's
        ("next Monday", "2026-11-23", "next Monday"),
        ("Tuesday", "2026-11-24", "Tuesday"),  # said on a Tuesday: a week later, never today
        ("within 3 days", "2026-11-20", "3 days"),
        ("in a week", "2026-11-24", "a week"),
        ("in a couple of days", "2026-11-19", "a couple of days"),
        ("in a month", "2026-12-17", "a month"),
        ("by the end of the month", "2026-11-30", "the end of the month"),
        ("next month", "2026-12-31", "next month"),
        ("tomorrow", "2026-11-18", "tomorrow"),
        ("by end of day", "2026-11-17", "end of day"),
        ("by December 4th", "2026-12-04", "December 4th"),
        ("on the 4th of Jan", "2027-01-04", "4th of Jan"),  # the first such day from then on
        ("Dec. 4", "2026-12-04", "Dec. 4"),
        ("decision 2026-12-04", "2026-12-04", "2026-12-04"),
        ("BY MONDAY", "2026-11-23", "MONDAY"),
        ("by Friday, then an onsite in two weeks", "2026-11-20", "Friday"),  # the first named
        ("an onsite in two weeks, feedback by Friday", "2026-12-01", "two weeks"),
        ("in six days", "2026-11-23", "six days"),  # each number in words
        ("in ten business days", "2026-12-01", "ten business days"),
        ("in twelve days", "2026-11-29", "twelve days"),
    ],
)
def test_each_phrase_reads_as_a_day_after_the_interview(said: str, day: str, phrase: str) -> None:
    found = promise_in(said, TUESDAY)
    assert found is not None
    assert (found.day.isoformat(), found.phrase) == (day, phrase)


@pytest.mark.parametrize(
    "said", ["soon", "in a few days", "they will be in touch", "", "2026-13-40", "in 0 days"]
)
def test_vague_or_impossible_words_name_no_day(said: str) -> None:
    assert promise_in(said, TUESDAY) is None


def test_it_reads_from_the_interview_not_from_today() -> None:
    # The same words after a Friday interview and after a Monday one.
    assert promise_in("by Monday", Date(2026, 11, 20)).day == Date(2026, 11, 23)  # type: ignore[union-attr]
    assert promise_in("by Monday", Date(2026, 11, 16)).day == Date(2026, 11, 23)  # type: ignore[union-attr]
    assert promise_in("end of the week", Date(2026, 11, 20)).day == Date(2026, 11, 20)  # type: ignore[union-attr]
    assert promise_in("end of the week", Date(2026, 11, 21)).day == Date(2026, 11, 27)  # type: ignore[union-attr]
    assert promise_in("end of next week", Date(2026, 11, 20)).day == Date(2026, 11, 27)  # type: ignore[union-attr]


def test_business_days_skip_the_weekend_and_the_countrys_holidays() -> None:
    wednesday = Date(2026, 11, 25)
    us = promise_in("in 3 business days", wednesday, BusinessCalendar("US"))
    assert us is not None and us.day == Date(2026, 12, 1)  # Fri 27, Mon 30, Tue 1
    plain = promise_in("in 3 working days", wednesday)
    assert plain is not None and plain.day == Date(2026, 11, 30)  # Thu 26, Fri 27, Mon 30
    assert promise_in("in 3 days", wednesday).day == Date(2026, 11, 28)  # type: ignore[union-attr]


def test_the_year_turns_for_a_date_already_past_in_the_interviews_year() -> None:
    found = promise_in("by 2 January", Date(2026, 12, 28))
    assert found is not None and found.day == Date(2027, 1, 2)
    same_day = promise_in("by 28 December", Date(2026, 12, 28))
    assert same_day is not None and same_day.day == Date(2026, 12, 28)


def test_next_month_said_in_december_is_the_end_of_january() -> None:
    found = promise_in("we'll decide next month", Date(2026, 12, 8))
    assert found is not None and found.day == Date(2027, 1, 31)
    november = promise_in("next month", Date(2026, 11, 30))
    assert november is not None and november.day == Date(2026, 12, 31)
