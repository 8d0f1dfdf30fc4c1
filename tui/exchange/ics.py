"""The plan as a calendar: planned follow-ups, promised dates and interviews for the next days.

Search work stays out: the calendar is for the commitments other people are waiting on.

UIDs are stable (``<item id>@nowwhat``), so importing the file again updates the events instead
of duplicating them; an item that moves to another day moves in the calendar too.
"""

from __future__ import annotations

import pendulum
from pendulum import Date, DateTime

from ..engine.calendar import BusinessCalendar
from ..engine.models import Records
from ..engine.plan import plan_day
from ..engine.text import clean

__all__ = ["calendar_bytes"]

DOMAIN = "nowwhat"


def calendar_bytes(records: Records, now: DateTime, days: int = 14) -> bytes:
    """An iCalendar file covering ``days`` days from today."""
    from icalendar import Calendar, Event

    tz = records.settings.timezone
    today = now.in_timezone(tz).date()
    until = today.add(days=days)
    calendar = Calendar()
    calendar.add("prodid", "-//nowwhat//job search follow-ups//EN")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", "nowwhat")
    stamp = now.in_timezone("UTC")

    def event(uid: str, summary: str, description: str = "") -> Event:
        made = Event()
        made.add("uid", f"{uid}@{DOMAIN}")
        made.add("summary", clean(summary))  # no control character reaches a calendar
        made.add("dtstamp", stamp)
        if description:
            made.add("description", clean(description, multiline=True))
        return made

    companies = {o.id: o.company for o in records.opportunities}
    for interview in records.interviews:
        start = interview.start.in_timezone(tz)
        if not today <= start.date() < until:
            continue
        made = event(
            interview.id,
            f"Interview: {companies.get(interview.opportunity_id, '')} ({interview.kind})",
        )
        made.add("dtstart", start)
        made.add("dtend", start.add(minutes=interview.minutes))
        calendar.add_component(made)
    for interview in records.interviews:
        promised = interview.promised_by
        if promised is None or not today <= promised < until:
            continue
        made = event(
            f"promise-{interview.id}",
            f"{companies.get(interview.opportunity_id, '')} promised an answer",
            "If there is no word by the end of today, a check-in is due next.",
        )
        made.add("dtstart", promised)
        made.add("dtend", promised.add(days=1))
        calendar.add_component(made)

    business = BusinessCalendar(records.settings.country)
    seen: set[str] = set()
    day: Date = today
    while day < until:
        if business.is_business_day(day):
            plan = plan_day(records, now, day)
            for block in plan.blocks:
                clock = block.start.hour * 60 + block.start.minute
                for item in block.items:
                    start_minute = clock
                    clock += item.minutes
                    if item.done or item.id in seen or item.layer != "follow_up":
                        continue
                    seen.add(item.id)
                    start = pendulum.datetime(
                        day.year, day.month, day.day, start_minute // 60, start_minute % 60, tz=tz
                    )
                    made = event(item.id, item.title, item.reason)
                    made.add("dtstart", start)
                    made.add("dtend", start.add(minutes=item.minutes))
                    made.add("categories", ["follow-up"])
                    calendar.add_component(made)
        day = day.add(days=1)
    calendar.add_missing_timezones()  # VTIMEZONE for every TZID, so any calendar reads it
    return bytes(calendar.to_ical())
