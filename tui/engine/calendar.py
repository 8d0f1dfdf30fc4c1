"""Business days: Monday to Friday, minus the public holidays of the person's country."""

from __future__ import annotations

import datetime as _dt
from collections.abc import Callable
from functools import lru_cache

from pendulum import Date

__all__ = ["BusinessCalendar", "holidays_from_package", "set_holiday_source"]

HolidaySource = Callable[[str, int], dict[Date, str]]


def holidays_from_package(country: str, year: int) -> dict[Date, str]:
    """One country's public holidays in one year, from the ``holidays`` package."""
    import holidays

    calendar = holidays.country_holidays(country, years=year)
    return {Date(d.year, d.month, d.day): str(name) for d, name in calendar.items()}


_source: HolidaySource = holidays_from_package


def set_holiday_source(source: HolidaySource) -> None:
    """Where holidays come from. The app keeps them in a cache file: the package takes about a
    tenth of a second to import and compute a year, on every start."""
    global _source
    _source = source
    _holidays.cache_clear()
    _is_business_day.cache_clear()
    _add.cache_clear()
    _between.cache_clear()


@lru_cache(maxsize=64)
def _holidays(country: str, year: int) -> dict[Date, str]:
    return _source(country, year)


@lru_cache(maxsize=8192)
def _is_business_day(country: str, day: Date) -> bool:
    if day.isoweekday() > 5:
        return False
    return not country or day not in _holidays(country, day.year)


def _weekday_holidays(country: str, first: int, last: int) -> int:
    """Holidays on Mon-Fri with ordinals in ``[first, last]``."""
    if not country:
        return 0
    count = 0
    for year in range(_dt.date.fromordinal(first).year, _dt.date.fromordinal(last).year + 1):
        for holiday in _holidays(country, year):
            if first <= holiday.toordinal() <= last and holiday.isoweekday() <= 5:
                count += 1
    return count


@lru_cache(maxsize=32768)
def _between(country: str, start: Date, end: Date) -> int:
    """Business days in ``(start, end]`` by arithmetic: items can be months overdue."""
    days = end.toordinal() - start.toordinal()
    weeks, rest = divmod(days, 7)
    count = weeks * 5
    weekday = start.isoweekday()  # 1 = Monday
    for step in range(1, rest + 1):
        if (weekday + step - 1) % 7 < 5:
            count += 1
    return count - _weekday_holidays(country, start.toordinal() + 1, end.toordinal())


@lru_cache(maxsize=32768)
def _add(country: str, day: Date, count: int) -> Date:
    ordinal = day.toordinal()
    current = day
    if count == 0:
        while not _is_business_day(country, current):
            ordinal += 1
            current = _date(ordinal)
        return current
    remaining = count
    while remaining:
        ordinal += 1
        current = _date(ordinal)
        if _is_business_day(country, current):
            remaining -= 1
    return current


def _date(ordinal: int) -> Date:
    plain = _dt.date.fromordinal(ordinal)
    return Date(plain.year, plain.month, plain.day)


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
