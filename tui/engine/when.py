"""Reading and writing moments: what a person types, stored stamps, days and clock times.

A stored moment keeps its IANA zone, not only its offset:
``2026-03-27T14:00:00+01:00[Europe/Berlin]`` (the RFC 9557 form). An offset alone gets
"the same time tomorrow" wrong across a DST change. What a person types without an offset is
read in the configured zone, never as UTC.
"""

from __future__ import annotations

import datetime as _dt
import functools
import re

import pendulum
from pendulum import Date, DateTime, Time

from .errors import InvalidField

__all__ = [
    "EARLIEST_YEAR",
    "LATEST_YEAR",
    "ambiguity_note",
    "check_iana_zone",
    "check_year",
    "format_clock",
    "format_day",
    "format_stamp",
    "local_moment",
    "parse_clock",
    "parse_day",
    "parse_moment",
    "parse_stamp",
    "parse_when_day",
    "parse_when_moment",
    "second_occurrence",
    "short_day",
    "zone",
]

EARLIEST_YEAR = 1970
LATEST_YEAR = 2200
"""Every stored moment and day falls in these years (inclusive). Nothing a job search needs is
outside them, and far outside them dates stop working: a stamp in 9999 in New York is in the
year 10000 in UTC, which no datetime can hold, so one such value made the whole file unreadable.
"""

_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
_MOMENT = re.compile(
    r"^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d{1,6}))?)?)?"
    r"(Z|[+-]\d{2}:?\d{2})?(?:\[([A-Za-z0-9_+\-/]+)\])?$"
)
_CLOCK = re.compile(r"^(\d{1,2}):(\d{2})$")


def zone(name: str, field: str = "timezone") -> pendulum.Timezone:
    """Return the IANA zone called ``name`` or refuse it, naming ``field``."""
    try:
        return pendulum.timezone(name.strip())
    except Exception:  # pendulum raises several kinds for unknown names
        raise InvalidField(
            field, f"unknown time zone {name!r} (use an IANA name like Europe/Berlin)"
        ) from None


def check_year(year: int, field: str, text: object) -> None:
    """Refuse a year outside :data:`EARLIEST_YEAR`..:data:`LATEST_YEAR`, naming ``field``."""
    if not EARLIEST_YEAR <= year <= LATEST_YEAR:
        raise InvalidField(
            field,
            f"{text!s} is out of range (years {EARLIEST_YEAR} to {LATEST_YEAR} only)",
        )


@functools.cache
def _iana_names() -> frozenset[str]:
    """The zone names of the IANA database (tzdata's list), read once when first needed."""
    try:
        from importlib import resources

        listed = resources.files("tzdata").joinpath("zones").read_text(encoding="utf-8")
        names = frozenset(listed.split())
    except (ModuleNotFoundError, OSError):  # no tzdata package: the system's zone files
        import zoneinfo

        names = frozenset(zoneinfo.available_timezones())
    # Names that are files on this machine, not places: "localtime" is whatever the machine
    # is set to (another machine, or the same one next month, reads it differently).
    return names - {"localtime", "posixrules", "Factory"}


def check_iana_zone(name: str, field: str = "timezone") -> None:
    """Refuse a zone name that is not in the IANA database (``localtime``, a file path...).

    Checked when a zone is typed or imported; a stored one only has to be loadable, so an
    older file that holds such a name still opens.
    """
    zone(name, field)
    if name.strip() not in _iana_names():
        raise InvalidField(
            field, f"{name!r} is not an IANA time zone name (use one like Europe/Berlin)"
        )


def _real_date(year: int, month: int, day: int, text: str, field: str) -> Date:
    check_year(year, field, repr(text))
    try:
        return Date(year, month, day)
    except ValueError:
        raise InvalidField(field, f"{text!r} is not a real date") from None


def parse_day(text: str, field: str = "date") -> Date:
    """Parse a calendar day written ``YYYY-MM-DD``."""
    match = _DAY.match(text.strip())
    if not match:
        raise InvalidField(field, f"{text!r} is not a date (expected YYYY-MM-DD)")
    year, month, day = (int(g) for g in match.groups())
    return _real_date(year, month, day, text, field)


def parse_clock(text: str, field: str = "time") -> Time:
    """Parse a wall-clock time written ``HH:MM``."""
    match = _CLOCK.match(text.strip())
    if not match:
        raise InvalidField(field, f"{text!r} is not a time (expected HH:MM)")
    hour, minute = int(match.group(1)), int(match.group(2))
    if hour > 23 or minute > 59:
        raise InvalidField(field, f"{text!r} is not a real time of day")
    return Time(hour, minute)


def parse_moment(
    text: str, tz: str, field: str = "at", *, need_time: bool = False, keep_offset: bool = False
) -> DateTime:
    """Parse a moment a person typed (or a stored stamp).

    ``2026-12-01 14:00`` is read in ``tz``; a wall-clock time the clocks skip there (a spring
    DST gap) is refused rather than moved. An explicit offset (``+01:00``, ``Z``) fixes the
    instant, which is then held in ``tz`` so the zone's name (and with it day arithmetic across
    DST) is kept; ``keep_offset`` keeps the bare offset instead (stored stamps). A bracketed
    zone (``[Europe/Berlin]``) is kept. A bare date means the start of that day, unless
    ``need_time``.
    """
    match = _MOMENT.match(text.strip())
    if not match:
        raise InvalidField(field, f"{text!r} is not a date and time (expected YYYY-MM-DD HH:MM)")
    year, month, day = int(match.group(1)), int(match.group(2)), int(match.group(3))
    _real_date(year, month, day, text, field)
    if need_time and match.group(4) is None:
        raise InvalidField(field, f"{text!r} needs a time of day too (YYYY-MM-DD HH:MM)")
    hour = int(match.group(4) or 0)
    minute = int(match.group(5) or 0)
    second = int(match.group(6) or 0)
    micro = int((match.group(7) or "0").ljust(6, "0"))
    if hour > 23 or minute > 59 or second > 59:
        raise InvalidField(field, f"{text!r} is not a real time of day")
    offset, bracket = match.group(8), match.group(9)
    home = zone(bracket, field) if bracket else zone(tz, field)
    if offset is None:
        return _wall_clock(year, month, day, hour, minute, second, micro, home, text, field)
    if offset == "Z":
        seconds = 0
    else:
        digits = offset[1:].replace(":", "")
        seconds = (int(digits[:2]) * 3600 + int(digits[2:]) * 60) * (1 if offset[0] == "+" else -1)
    fixed = pendulum.datetime(
        year, month, day, hour, minute, second, micro, tz=pendulum.FixedTimezone(seconds)
    )
    return fixed if keep_offset and not bracket else fixed.in_timezone(home)


def _wall_clock(
    year: int,
    month: int,
    day: int,
    hour: int,
    minute: int,
    second: int,
    micro: int,
    home: pendulum.Timezone,
    text: str,
    field: str,
) -> DateTime:
    """A wall-clock time in ``home``: a time the clocks skip is refused, never moved; a time
    that happens twice (the clocks go back) is its first occurrence (see
    :func:`second_occurrence`, so a face can say so)."""
    local = pendulum.datetime(year, month, day, hour, minute, second, micro, tz=home, fold=0)
    if (local.hour, local.minute) != (hour, minute):
        raise InvalidField(
            field,
            f"{text!r} does not exist in {home.name}: the clocks skip that hour",
        )
    return local


def local_moment(day: Date, clock: Time, tz: str, field: str, text: str) -> DateTime:
    """``clock`` on ``day`` in the zone ``tz``, by the rule every typed time follows: a time
    the clocks skip is refused, one they pass twice is the first occurrence."""
    check_year(day.year, field, repr(text))
    return _wall_clock(
        day.year, day.month, day.day, clock.hour, clock.minute, 0, 0, zone(tz, field), text, field
    )


def second_occurrence(moment: DateTime) -> DateTime | None:
    """The later of the two moments a wall-clock time names when the clocks go back, if
    ``moment`` is the first of two such; else ``None``. (``2026-11-01 01:30`` in New York is
    01:30 EDT and, an hour later, 01:30 EST.)"""
    if moment.fold != 0 or not isinstance(moment.tzinfo, pendulum.Timezone):
        return None
    later = moment.replace(fold=1)
    return None if later.utcoffset() == moment.utcoffset() else later


def ambiguity_note(moment: DateTime) -> str | None:
    """What to tell the person when the wall-clock time they typed happens twice; else None.

    One sentence for every face: the CLI prints it on stderr, a form shows it under the field.
    """
    later = second_occurrence(moment)
    if later is None:
        return None
    name = getattr(moment.tzinfo, "name", "")
    clock = moment.format("HH:mm")
    offset = later.format("Z")
    return (
        f"{moment.format('YYYY-MM-DD')} {clock} happens twice in {name} (the clocks go back): "
        f"taken as the first, {clock} {moment.format('zz')}; for the second ({clock} "
        f"{later.format('zz')}) write {later.format('YYYY-MM-DD HH:mm')}{offset}"
    )


def format_stamp(moment: DateTime) -> str:
    """Write a moment as ISO-8601 with offset, plus ``[Zone/Name]`` when it has an IANA zone."""
    text = moment.isoformat()
    tz = moment.timezone
    if isinstance(tz, pendulum.Timezone) and not isinstance(tz, pendulum.FixedTimezone):
        return f"{text}[{tz.name}]"
    return text


def parse_stamp(text: str, field: str = "at") -> DateTime:
    """Read a stored stamp written by :func:`format_stamp`; an offset without zone is kept.

    Stamps nowwhat wrote take a fast path (``fromisoformat`` and a cached zone: a database holds
    tens of thousands of them); anything else goes through the careful parser, whose errors
    name the field.
    """
    try:
        return _read_stamp(text, field)
    except OverflowError:
        # Only a stamp in a far year: its instant is past what a datetime can hold.
        raise InvalidField(
            field, f"{text!r} is out of range (years {EARLIEST_YEAR} to {LATEST_YEAR} only)"
        ) from None


def _read_stamp(text: str, field: str) -> DateTime:
    bracket = text.find("[")
    iso = text if bracket < 0 else text[:bracket]
    try:
        aware = _dt.datetime.fromisoformat(iso)
    except ValueError:
        return parse_moment(text, "UTC", field, keep_offset=True)
    offset = aware.utcoffset()
    if offset is None or (bracket >= 0 and not text.endswith("]")):
        return parse_moment(text, "UTC", field, keep_offset=True)
    tz: pendulum.Timezone | pendulum.FixedTimezone
    if bracket >= 0:
        tz = _cached_zone(text[bracket + 1 : -1], field)
        local = aware.astimezone(tz)
    else:
        tz = _fixed_zone(int(offset.total_seconds()))
        local = aware
    return DateTime(
        local.year,
        local.month,
        local.day,
        local.hour,
        local.minute,
        local.second,
        local.microsecond,
        tzinfo=tz,
        fold=local.fold,
    )


_ZONES: dict[str, pendulum.Timezone] = {}
_FIXED: dict[int, pendulum.FixedTimezone] = {}


def _cached_zone(name: str, field: str) -> pendulum.Timezone:
    found = _ZONES.get(name)
    if found is None:
        found = _ZONES[name] = zone(name, field)
    return found


def _fixed_zone(seconds: int) -> pendulum.FixedTimezone:
    found = _FIXED.get(seconds)
    if found is None:
        found = _FIXED[seconds] = pendulum.FixedTimezone(seconds)
    return found


def format_day(day: Date) -> str:
    """Write a day as ``YYYY-MM-DD``."""
    return day.isoformat()


@functools.lru_cache(maxsize=4096)
def short_day(day: Date) -> str:
    """``Fri 20 Nov``: how a day reads in a reason or a table (strftime, not pendulum's
    formatter, which is slow in loops over many records; cached: a plan names few days)."""
    return f"{day.strftime('%a')} {day.day} {day.strftime('%b')}"


def format_clock(value: Time) -> str:
    """Write a clock time as ``HH:MM``."""
    return f"{value.hour:02d}:{value.minute:02d}"


_WEEKDAYS = {
    name: number
    for number, names in enumerate(
        (
            ("mon", "monday"),
            ("tue", "tues", "tuesday"),
            ("wed", "wednesday"),
            ("thu", "thur", "thurs", "thursday"),
            ("fri", "friday"),
            ("sat", "saturday"),
            ("sun", "sunday"),
        ),
        start=1,
    )
    for name in names
}
_OFFSET = re.compile(r"^([+-])(\d{1,3})([dw])$")
_WORD_AND_TIME = re.compile(r"^(\S+)(?:\s+(\d{1,2}:\d{2}))?$")


def _friendly_day(word: str, today: Date) -> Date | None:
    word = word.lower()
    if word == "today":
        return today
    if word == "tomorrow":
        return today.add(days=1)
    if word == "yesterday":
        return today.subtract(days=1)
    if word in _WEEKDAYS:
        ahead = (_WEEKDAYS[word] - today.isoweekday()) % 7
        return today.add(days=ahead)
    offset = _OFFSET.match(word)
    if offset:
        sign, amount, unit = offset.groups()
        days = int(amount) * (7 if unit == "w" else 1)
        return today.add(days=days if sign == "+" else -days)
    return None


def parse_when_day(text: str, today: Date, field: str = "date") -> Date:
    """A day typed in a form: ``2026-12-01``, ``today``, ``tomorrow``, ``fri``, ``+3d``, ``+2w``.

    A weekday means its next occurrence, today included.
    """
    friendly = _friendly_day(text.strip(), today)
    return friendly if friendly is not None else parse_day(text, field)


def parse_when_moment(text: str, now: DateTime, tz: str, field: str = "at") -> DateTime:
    """A moment typed in a form: ISO (``2026-12-01 14:00``) or a friendly day with an optional
    time (``tomorrow 14:00``, ``fri 9:30``, ``+1w``); ``now`` is accepted too. Read in ``tz``."""
    cleaned = text.strip()
    if cleaned.lower() == "now":
        return now.in_timezone(tz)
    match = _WORD_AND_TIME.match(cleaned)
    if match:
        local_today = now.in_timezone(tz).date()
        day = _friendly_day(match.group(1), local_today)
        if day is not None:
            clock = parse_clock(match.group(2), field) if match.group(2) else Time(9, 0)
            return local_moment(day, clock, tz, field, text)
    return parse_moment(cleaned, tz, field)
