"""Business days on their own: adding none, adding some, across weekends and holidays."""

from __future__ import annotations

import pendulum

from tui.engine.calendar import BusinessCalendar


def d(text: str) -> pendulum.Date:
    return pendulum.Date.fromisoformat(text)


def test_adding_no_business_days_gives_the_day_itself_or_the_next_business_day() -> None:
    us = BusinessCalendar("US")
    assert us.add(d("2026-11-20"), 0) == d("2026-11-20")  # a Friday
    assert us.add(d("2026-11-21"), 0) == d("2026-11-23")  # Saturday -> Monday
    assert us.add(d("2026-11-26"), 0) == d("2026-11-27")  # Thanksgiving -> Friday
    assert us.add(d("2026-11-25"), 2) == d("2026-11-30")
