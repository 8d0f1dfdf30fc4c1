"""Days and moments as a person types them, the same in every face (the forms and the CLI).

``2026-12-01``, ``today``, ``tomorrow``, ``fri``, ``+3d``, ``2026-12-01 14:00``, ``fri 9:30``,
``now``. A moment that has already happened (a touch: a message sent, a call made) reads a
weekday as its *last* occurrence, and is refused when it lies in the future.
"""

from __future__ import annotations

from pendulum import Date, DateTime

from .engine.errors import InvalidField
from .engine.when import parse_when_day, parse_when_moment

__all__ = ["WEEKDAY_WORDS", "typed_day", "typed_moment"]

WEEKDAY_WORDS = frozenset(
    {
        "mon",
        "monday",
        "tue",
        "tues",
        "tuesday",
        "wed",
        "wednesday",
        "thu",
        "thur",
        "thurs",
        "thursday",
        "fri",
        "friday",
        "sat",
        "saturday",
        "sun",
        "sunday",
    }
)


def typed_day(text: str, now: DateTime, tz: str, field: str = "date") -> Date:
    """A day typed by a person, read in their zone (``fri`` is the next Friday, today included)."""
    return parse_when_day(text, now.in_timezone(tz).date(), field)


def typed_moment(
    text: str, now: DateTime, tz: str, field: str = "at", *, past: bool = False
) -> DateTime:
    """A moment typed by a person, read in their zone.

    With ``past`` (something that already happened): a weekday means the last one (``mon 16:30``
    on a Wednesday is two days ago, on a Monday at 15:00 a week ago), and a moment after ``now``
    is refused, because a touch logged ahead of time would stop every clock early.
    """
    moment = parse_when_moment(text, now, tz, field)
    if not past:
        return moment
    first = text.strip().split(" ", 1)[0].lower()
    if first in WEEKDAY_WORDS:
        while moment > now:
            moment = moment.subtract(days=7)  # the same wall-clock time, a week earlier
    if moment > now:
        raise InvalidField(
            field,
            f"{moment.format('ddd D MMM YYYY HH:mm')} is in the future: log it once it has "
            "happened",
        )
    return moment
