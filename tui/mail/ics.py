"""Calendar invitations (RFC 5545) read with icalendar into plain :class:`Invitation` values.

An invitation becomes an interview only when it is one event at one time: a repeating event
(RRULE, RDATE), an override of one occurrence (RECURRENCE-ID), several events, an all-day event
or one without a start are refused with the reason, never half-read. Times keep their zone: a
TZID that names an IANA zone stays that zone; UTC and other zones are the same instant in the
person's own zone; a floating time (no zone) is read in the person's zone.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pendulum

from ..engine.mail_facts import Address, Invitation
from ..engine.text import clean

__all__ = ["CalendarError", "read_invitation"]

MAX_MINUTES = 24 * 60


class CalendarError(Exception):
    """The bytes are not a calendar icalendar can read."""


def _text(value: Any, limit: int = 500) -> str:
    return clean(str(value or ""))[:limit].strip()


def _person(value: Any) -> Address | None:
    if value is None:
        return None
    email = str(value)
    if email.lower().startswith("mailto:"):
        email = email[7:]
    email = email.strip().lower()
    if "@" not in email:
        return None
    params = getattr(value, "params", {}) or {}
    name = _text(params.get("CN", ""), 200).strip('"')
    return Address(name, clean(email))


def _moment(value: Any, tz: str) -> pendulum.DateTime | None:
    if value is None:
        return None
    moment = getattr(value, "dt", value)
    if not isinstance(moment, dt.datetime):
        return None
    if moment.tzinfo is None:  # floating: "the same local time wherever the attendee is"
        return pendulum.instance(moment, tz=tz)
    key = getattr(moment.tzinfo, "key", None)
    instant = pendulum.instance(moment.astimezone(dt.UTC))
    if isinstance(key, str):
        try:
            return instant.in_timezone(key)
        except Exception:  # noqa: S110 - an unknown zone name: the person's zone below
            pass
    return instant.in_timezone(tz)


def read_invitation(data: bytes, tz: str, *, method_hint: str = "") -> Invitation:
    """The one event of a calendar, or an invitation whose ``problem`` says why not."""
    from icalendar import Calendar

    try:
        calendar = Calendar.from_ical(data)
    except Exception as error:  # icalendar raises ValueError, KeyError... on bad input
        raise CalendarError(f"not a calendar icalendar can read ({error})") from None
    method = _text(calendar.get("METHOD", method_hint), 20).upper()
    events = list(calendar.walk("VEVENT"))
    if not events:
        return Invitation(method=method, uid="", problem="it holds no event")
    first = events[0]
    uid = _text(first.get("UID", ""), 500)
    sequence = _sequence(first.get("SEQUENCE", 0))
    base: dict[str, Any] = {
        "method": method,
        "uid": uid,
        "sequence": sequence,
        "summary": _text(first.get("SUMMARY", "")),
        "location": _text(first.get("LOCATION", "")),
        "description": _text(first.get("DESCRIPTION", ""), 2000),
        "organizer": _person(first.get("ORGANIZER")),
        "attendees": tuple(
            a for a in (_person(x) for x in _listed(first.get("ATTENDEE"))) if a is not None
        ),
    }
    if any(e.get("RECURRENCE-ID") is not None for e in events):
        return Invitation(
            **base,
            problem="it changes one occurrence of a repeating event (RECURRENCE-ID); "
            "add or move the interview by hand",
        )
    if any(e.get("RRULE") is not None or e.get("RDATE") is not None for e in events):
        return Invitation(
            **base, problem="it repeats (RRULE): a series is not one interview; add it by hand"
        )
    if len({str(e.get("UID", "")) for e in events}) > 1:
        return Invitation(**base, problem=f"it holds {len(events)} different events")
    start_value = first.get("DTSTART")
    if start_value is None:
        return Invitation(**base, problem="it has no start time")
    start = _moment(start_value, tz)
    if start is None:
        return Invitation(**base, problem="it is an all-day event, with no start time")
    end = _moment(first.get("DTEND"), tz)
    minutes = 0
    if end is not None:
        minutes = int((end - start).total_seconds() // 60)
    elif first.get("DURATION") is not None:
        duration = first.get("DURATION").dt
        if isinstance(duration, dt.timedelta):
            minutes = int(duration.total_seconds() // 60)
    if not 0 < minutes <= MAX_MINUTES:
        minutes = 0
    return Invitation(**base, start=start, minutes=minutes)


def _sequence(value: Any) -> int:
    try:
        number = int(str(value).strip())
    except ValueError:
        return 0
    return max(0, number)


def _listed(value: Any) -> list[Any]:
    if value is None:
        return []
    return list(value) if isinstance(value, list) else [value]
