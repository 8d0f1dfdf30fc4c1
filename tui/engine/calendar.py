"""Business days: Monday to Friday, minus the public holidays of the person's country."""

from __future__ import annotations

from functools import lru_cache

from pendulum import Date

__all__ = ["BusinessCalendar"]


@lru_cache(maxsize=64)
def _holidays(country: str, year: int) -> dict[Date, str]:
    """One country's public holidays in one year (the ``holidays`` data loads on first use)."""
    import holidays

    calendar = holidays.country_holidays(country, years=year)
    return {Date(d.year, d.month, d.day): str(name) for d, name in calendar.items()}


@lru_cache(maxsize=8192)
def _is_business_day(country: str, day: Date) -> bool:
    if day.isoweekday() > 5:
        return False
    return not country or day not in _holidays(country, day.year)


@lru_cache(maxsize=32768)
def _add(country: str, day: Date, count: int) -> Date:
    current = day
    if count == 0:
        while not _is_business_day(country, current):
            current = current.add(days=1)
        return current
    remaining = count
    while remaining:
        current = current.add(days=1)
        if _is_business_day(country, current):
            remaining -= 1
    return current


@lru_cache(maxsize=32768)
def _between(country: str, start: Date, end: Date) -> int:
    count = 0
    current = start
    while current < end:
        current = current.add(days=1)
        if _is_business_day(country, current):
            count += 1
    return count


class BusinessCalendar:
    """Answers "is this a business day?" and counts business days, for one country.

    Results are cached per country: planning asks the same questions for many records.
    """

    def __init__(self, country: str = "") -> None:
        self.country = country.upper()

    def holiday_name(self, day: Date) -> str | None:
        """The holiday's name if ``day`` is a public holiday, else ``None``."""
        if not self.country:
            return None
        return _holidays(self.country, day.year).get(day)

    def is_business_day(self, day: Date) -> bool:
        """Mon-Fri and not a public holiday."""
        return _is_business_day(self.country, day)

    def add(self, day: Date, count: int) -> Date:
        """The ``count``-th business day after ``day`` (``day`` itself not counted).

        ``add(d, 0)`` is ``d`` if it is a business day, else the next one.
        """
        return _add(self.country, day, count)

    def next(self, day: Date) -> Date:
        """The first business day after ``day``."""
        return _add(self.country, day, 1)

    def between(self, start: Date, end: Date) -> int:
        """Business days in ``(start, end]``: 0 when ``end <= start``."""
        return _between(self.country, start, end) if end > start else 0
