"""The interviews and touches behind a row, newest first: correct one, or delete one.

The Waiting room opens it on an opportunity, the Network and Advocates on a person: every
logged touch (and interview) can be edited or deleted from the screen that shows it.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from pendulum import DateTime
from rich.text import Text

from ..engine.items import TOUCH_LABEL
from ..engine.models import Interview, Records, Touch
from ..engine.when import short_day
from .pick import PickActionScreen
from .records import edit_touch_form, interview_form

if TYPE_CHECKING:
    from ..screens.base import DataScreen

__all__ = ["open_history"]


def _entries(
    records: Records, interviews: Iterable[Interview], touches: Iterable[Touch]
) -> list[tuple[str, Text]]:
    tz = records.settings.timezone
    people = {c.id: c.name for c in records.contacts}
    companies = {o.id: o.company for o in records.opportunities}
    entries: list[tuple[DateTime, str, Text]] = []
    for interview in interviews:
        local = interview.start.in_timezone(tz)
        label = Text(f"{short_day(local.date())} {local.format('HH:mm')}  interview")
        label.append(f" · {interview.kind}")
        entries.append((interview.start, interview.id, label))
    for touch in touches:
        local = touch.at.in_timezone(tz)
        label = Text(f"{short_day(local.date())} {local.format('HH:mm')}  ")
        label.append(TOUCH_LABEL.get(touch.kind, touch.kind))
        for name in (people.get(touch.contact_id or ""), companies.get(touch.opportunity_id or "")):
            if name:
                label.append(f" · {name}")
        if touch.note:
            label.append(f" — {touch.note}")
        entries.append((touch.at, touch.id, label))
    entries.sort(key=lambda e: e[0].timestamp(), reverse=True)
    return [(key, label) for _, key, label in entries]


def open_history(
    screen: DataScreen,
    title: str,
    interviews: Iterable[Interview],
    touches: Iterable[Touch],
    *,
    empty: str,
) -> None:
    """List them; enter edits the chosen one in its form, ``x`` deletes it (asks first)."""
    records = screen.store.records()
    held, logged = list(interviews), list(touches)
    choices = _entries(records, held, logged)
    if not choices:
        screen.notify(empty, markup=False)
        return
    by_id: dict[str, Interview | Touch] = {i.id: i for i in held}
    by_id.update((t.id, t) for t in logged)

    def after_form(saved: bool | None) -> None:
        if saved:
            screen.nowwhat.data_changed()

    def chosen(choice: tuple[str, str] | None) -> None:
        if choice is None:
            return
        verb, record_id = choice
        record = by_id.get(record_id)
        if record is None:
            return
        if verb == "delete":
            screen.confirm_delete(
                "interview" if isinstance(record, Interview) else "touch", record_id
            )
        elif isinstance(record, Interview):
            screen.app.push_screen(interview_form(screen.store, screen.now(), record), after_form)
        else:
            screen.app.push_screen(edit_touch_form(screen.store, screen.now(), record), after_form)

    screen.app.push_screen(PickActionScreen(title, choices), chosen)
