"""Reading a promised date out of what they said about next steps ("we'll call by Monday").

Every phrase is read relative to the day of the interview, never to today: a debrief typed on
Wednesday about Monday's interview still reads "by Friday" as that week's Friday. Where a phrase
allows two readings the later day is taken, so a promise is never called broken early:

* ``Monday`` / ``by Monday`` / ``this Monday``: the first Monday after the interview's day (an
  interview on a Monday makes it the Monday a week later);
* ``next Monday``: the Monday of the week after the interview's week (weeks start on Monday);
* ``end of the week`` / ``this week``: the first Friday on or after the interview's day;
  ``end of next week`` / ``next week``: a week after that;
* ``end of the month`` / ``this month``, ``end of next month`` / ``next month``: its last day;
* ``in two weeks``, ``within 3 days``, ``in 5 business days`` (business days skip weekends and
  the country's holidays), ``in a week``, ``a couple of days``, ``in a month``;
* ``today``, ``end of day``, ``tomorrow``;
* ``4 December``, ``December 4th``, ``4th of Dec`` (the first such day from the interview on),
  ``2026-12-04``.

When the text names several, the first one it names is the promise ("by Friday, then an onsite
in two weeks" promises Friday). Vague words ("soon", "in a few days") name no day: ``None``.
"""

from __future__ import annotations

import calendar as _calendar
import re
from collections.abc import Callable
from dataclasses import dataclass

from pendulum import Date

from .calendar import BusinessCalendar

__all__ = ["Promise", "promise_in"]


@dataclass(frozen=True, slots=True)
class Promise:
    """The day a text promises, and the words it was read from."""

    day: Date
    phrase: str


_WEEKDAY_NAMES = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sept", "sep"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ),
        start=1,
    )
    for name in names
}
_NUMBERS = {
    "a": 1,
    "an": 1,
    "one": 1,
    "a couple of": 2,
    "a couple": 2,
    "couple of": 2,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
}
_MONTH = "|".join(sorted(_MONTHS, key=len, reverse=True))
_NUMBER = "|".join(sorted((re.escape(n) for n in _NUMBERS), key=len, reverse=True))
_ORDINAL = r"(?:st|nd|rd|th)?"
_END_OF = r"\b(?:(?:the\s+)?end\s+of\s+(?:next\s+|this\s+|the\s+)?|(?:next|this|the)\s+)"


def _friday_from(day: Date) -> Date:
    """The first Friday on or after ``day``."""
    return day.add(days=(5 - day.isoweekday()) % 7)


def _month_end(year: int, month: int) -> Date:
    return Date(year, month, _calendar.monthrange(year, month)[1])


def _next_month(day: Date) -> tuple[int, int]:
    return (day.year + 1, 1) if day.month == 12 else (day.year, day.month + 1)


def _weekday(match: re.Match[str], day: Date, _: BusinessCalendar) -> Date | None:
    wanted = _WEEKDAY_NAMES.index(match.group("weekday").lower()) + 1
    if match.group("next"):
        monday_after = day.add(days=8 - day.isoweekday())
        return monday_after.add(days=wanted - 1)
    ahead = (wanted - day.isoweekday()) % 7 or 7
    return day.add(days=ahead)


def _says_next(match: re.Match[str]) -> bool:
    return "next" in match.group(0).lower().split()


def _week(match: re.Match[str], day: Date, _: BusinessCalendar) -> Date | None:
    friday = _friday_from(day)
    return friday.add(days=7) if _says_next(match) else friday


def _month(match: re.Match[str], day: Date, _: BusinessCalendar) -> Date | None:
    if _says_next(match):
        return _month_end(*_next_month(day))
    return _month_end(day.year, day.month)


def _span(match: re.Match[str], day: Date, calendar: BusinessCalendar) -> Date | None:
    word = re.sub(r"\s+", " ", match.group("count").lower())
    count = int(word) if word.isdigit() else _NUMBERS[word]
    if count <= 0 or count > 366:
        return None
    unit = match.group("unit").lower()
    if unit.startswith("month"):
        return day.add(months=count)
    if unit.startswith("week"):
        return day.add(weeks=count)
    if match.group("business"):
        return calendar.add(day, count)
    return day.add(days=count)


def _near(match: re.Match[str], day: Date, _: BusinessCalendar) -> Date | None:
    return day.add(days=1) if match.group(0).lower() == "tomorrow" else day


def _dated(year: int, month: int, number: int) -> Date | None:
    try:
        return Date(year, month, number)
    except ValueError:
        return None


def _calendar_day(match: re.Match[str], day: Date, _: BusinessCalendar) -> Date | None:
    month = _MONTHS[(match.group("month") or match.group("month2")).lower()]
    number = int(match.group("day") or match.group("day2"))
    found = _dated(day.year, month, number)
    if found is not None and found < day:
        found = _dated(day.year + 1, month, number)
    return found


def _iso(match: re.Match[str], day: Date, _: BusinessCalendar) -> Date | None:
    return _dated(int(match.group("y")), int(match.group("m")), int(match.group("d")))


_Reader = Callable[[re.Match[str], Date, BusinessCalendar], Date | None]
_PATTERNS: tuple[tuple[re.Pattern[str], _Reader], ...] = tuple(
    (re.compile(pattern, re.IGNORECASE), reader)
    for pattern, reader in (
        (r"\b(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})\b", _iso),
        (_END_OF + r"week\b", _week),
        (_END_OF + r"month\b", _month),
        (
            r"\b(?:(?P<next>next)\s+|this\s+)?(?P<weekday>" + "|".join(_WEEKDAY_NAMES) + r")\b",
            _weekday,
        ),
        (
            r"\b(?P<count>\d{1,3}|" + _NUMBER + r")\s+"
            r"(?P<business>business\s+|working\s+)?(?P<unit>days?|weeks?|months?)\b",
            _span,
        ),
        (r"\b(?:tomorrow|today|tonight|end of (?:the )?day)\b", _near),
        (
            r"\b(?P<day>\d{1,2})" + _ORDINAL + r"\s+(?:of\s+)?(?P<month>" + _MONTH + r")\b"
            r"|\b(?P<month2>" + _MONTH + r")\.?\s+(?P<day2>\d{1,2})" + _ORDINAL + r"\b",
            _calendar_day,
        ),
    )
)


def promise_in(
    text: str, interview_day: Date, calendar: BusinessCalendar | None = None
) -> Promise | None:
    """The day ``text`` promises an answer by, read from ``interview_day``; ``None`` if none."""
    business = calendar if calendar is not None else BusinessCalendar("")
    found: list[tuple[int, int, Promise]] = []
    for pattern, reader in _PATTERNS:
        for match in pattern.finditer(text):
            day = reader(match, interview_day, business)
            if day is not None:
                phrase = match.group(0).strip()
                found.append((match.start(), -len(phrase), Promise(day, phrase)))
                break  # the first reading of each kind is enough: the earliest of all wins
    if not found:
        return None
    return min(found, key=lambda f: (f[0], f[1]))[2]
