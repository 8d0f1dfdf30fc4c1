"""The records indexed once per planning call, so each rule looks things up instead of scanning."""

from __future__ import annotations

import bisect
import dataclasses
import weakref
from collections import defaultdict
from dataclasses import dataclass, field
from operator import attrgetter

import pendulum
from pendulum import Date, DateTime

from .calendar import BusinessCalendar
from .lookup import company_key
from .models import Contact, Interview, Mark, Opportunity, Records, Task, Touch
from .settings import Settings

__all__ = ["Context", "build_context"]


@dataclass
class Context:
    """Everything a rule needs: settings, the calendar, ``now``, and the records by key."""

    records: Records
    settings: Settings
    calendar: BusinessCalendar
    now: DateTime
    opportunities: dict[str, Opportunity] = field(default_factory=dict)
    contacts: dict[str, Contact] = field(default_factory=dict)
    interviews_of: dict[str, list[Interview]] = field(default_factory=dict)
    touches_of: dict[str, list[Touch]] = field(default_factory=dict)
    touches_with_company: dict[str, list[Touch]] = field(default_factory=dict)
    job_touches_with_company: dict[str, list[Touch]] = field(default_factory=dict)
    """The company's touches about the job: without network updates and calls with a friend who
    works there (news about the person, not the employer's decision), for no-pestering."""
    touches_with_contact: dict[str, list[Touch]] = field(default_factory=dict)
    advocates_at: dict[str, list[Contact]] = field(default_factory=dict)
    people_at: dict[str, list[Contact]] = field(default_factory=dict)
    """Contacts at each company who are not advocates: who a message about the job goes to."""
    closed_out_at: dict[str, list[DateTime]] = field(default_factory=dict)
    """When a gracious close-out was sent to each opportunity."""
    linked_advocates: dict[str, list[Contact]] = field(default_factory=dict)
    marks: dict[str, Mark] = field(default_factory=dict)
    snoozes_of: dict[str, int] = field(default_factory=dict)
    """How many times each item (or task) was snoozed: every snooze leaves a mark."""
    applied: list[tuple[Date, str]] = field(default_factory=list)
    """Each application's day and company key (see ``goals.applied_day``)."""
    offer: Opportunity | None = None
    """An active opportunity with the offer in hand: the search is over."""
    thanks_to: dict[str, list[DateTime]] = field(default_factory=dict)
    timeline: list[Touch] = field(default_factory=list)
    _timeline_at: list[DateTime] = field(default_factory=list)
    finished: list[Task] = field(default_factory=list)
    task_position: dict[str, int] = field(default_factory=dict)
    open_tasks: list[tuple[int, Task]] = field(default_factory=list)
    """Tasks still open, with their position in the records (the order they were added)."""
    _finished_at: list[DateTime] = field(default_factory=list)
    _days: dict[DateTime, Date] = field(default_factory=dict)
    _bounds: dict[Date, tuple[DateTime, DateTime]] = field(default_factory=dict)

    @property
    def tz(self) -> str:
        """The person's zone: every local day is read in it."""
        return self.settings.timezone

    @property
    def today(self) -> Date:
        """The local date of ``now``."""
        return self.local_day(self.now)

    def local_day(self, moment: DateTime) -> Date:
        """The calendar day ``moment`` falls on where the person lives (memoised: zone
        conversion is the costliest thing the engine does)."""
        day = self._days.get(moment)
        if day is None:
            local = moment.in_timezone(self.tz)
            day = self._days[moment] = Date(local.year, local.month, local.day)
        return day

    def bounds(self, day: Date) -> tuple[DateTime, DateTime]:
        """The first moment of ``day`` and of the day after, in the person's zone."""
        found = self._bounds.get(day)
        if found is None:
            start = pendulum.datetime(day.year, day.month, day.day, tz=self.tz)
            found = self._bounds[day] = (start, start.add(days=1))
        return found

    def on_day(self, moment: DateTime, day: Date) -> bool:
        """Whether ``moment`` falls on local ``day`` (a comparison, no zone conversion)."""
        start, end = self.bounds(day)
        return start <= moment < end

    def touches_between(self, start: DateTime, end: DateTime) -> list[Touch]:
        """Touches with ``start <= at < end``, in time order (a bisect, not a scan)."""
        low = bisect.bisect_left(self._timeline_at, start)
        high = bisect.bisect_left(self._timeline_at, end)
        return self.timeline[low:high]

    def finished_between(self, start: DateTime, end: DateTime) -> list[Task]:
        """Tasks finished with ``start <= done_at < end``, in time order."""
        low = bisect.bisect_left(self._finished_at, start)
        high = bisect.bisect_left(self._finished_at, end)
        return self.finished[low:high]

    def between_days(self, moment: DateTime, first: Date, stop: Date) -> bool:
        """Whether ``moment`` falls on a local day in ``[first, stop)``."""
        return self.bounds(first)[0] <= moment < self.bounds(stop)[0]

    def company_of(self, touch: Touch) -> str | None:
        """The company a touch was with: its opportunity's, else its contact's."""
        if touch.opportunity_id and touch.opportunity_id in self.opportunities:
            return self.opportunities[touch.opportunity_id].company
        if touch.contact_id and touch.contact_id in self.contacts:
            return self.contacts[touch.contact_id].company or None
        return None

    def advocates_for(self, opportunity: Opportunity) -> list[Contact]:
        """Advocates at the opportunity's company, or linked to it, by name."""
        found = {c.id: c for c in self.advocates_at.get(company_key(opportunity.company), [])}
        for contact in self.linked_advocates.get(opportunity.id, []):
            found[contact.id] = contact
        return sorted(found.values(), key=lambda c: (c.name.casefold(), c.id))


_CACHE: dict[int, tuple[weakref.ref[Records], Context]] = {}


def build_context(records: Records, now: DateTime) -> Context:
    """The index of ``records`` for a planning call at ``now``.

    Indexing depends on the records alone, so it is built once per ``Records`` object and
    shared by every call on it (the app plans many days and screens from one snapshot).
    """
    key = id(records)
    hit = _CACHE.get(key)
    if hit is None or hit[0]() is not records:
        base = _index(records, now)
        forget = _CACHE.pop  # bound now: the callback may run while the interpreter shuts down
        _CACHE[key] = (weakref.ref(records, lambda _: forget(key, None)), base)
    else:
        base = hit[1]
    return dataclasses.replace(base, now=now.in_timezone(records.settings.timezone))


def _index(records: Records, now: DateTime) -> Context:
    settings = records.settings
    context = Context(
        records=records,
        settings=settings,
        calendar=BusinessCalendar(settings.country),
        now=now,
        opportunities={o.id: o for o in records.opportunities},
        contacts={c.id: c for c in records.contacts},
    )
    interviews: defaultdict[str, list[Interview]] = defaultdict(list)
    for interview in records.interviews:
        if interview.cancelled:
            continue  # kept for the record, never planned around (no thank-you, no glow)
        interviews[interview.opportunity_id].append(interview)
    for items in interviews.values():
        items.sort(key=lambda i: i.start)
    context.interviews_of = dict(interviews)

    by_opportunity: defaultdict[str, list[Touch]] = defaultdict(list)
    by_company: defaultdict[str, list[Touch]] = defaultdict(list)
    by_contact: defaultdict[str, list[Touch]] = defaultdict(list)
    opportunity_keys = {o.id: company_key(o.company) for o in records.opportunities}
    contact_keys = {c.id: company_key(c.company) for c in records.contacts if c.company}
    # By time, ties by id: two stable C-level sorts beat one sort on a Python tuple key.
    timeline = sorted(sorted(records.touches, key=attrgetter("id")), key=attrgetter("at"))
    context.timeline = timeline
    context._timeline_at = [t.at for t in timeline]
    finished = sorted(
        sorted(
            (t for t in records.tasks if t.status == "done" and t.done_at is not None),
            key=attrgetter("id"),
        ),
        key=attrgetter("done_at"),
    )
    context.finished = finished
    context.task_position = {t.id: n for n, t in enumerate(records.tasks)}
    context.open_tasks = [(n, t) for n, t in enumerate(records.tasks) if t.status == "open"]
    context._finished_at = [t.done_at for t in finished if t.done_at is not None]
    for touch in timeline:
        key = None
        if touch.opportunity_id:
            by_opportunity[touch.opportunity_id].append(touch)
            key = opportunity_keys.get(touch.opportunity_id)
        if touch.contact_id:
            by_contact[touch.contact_id].append(touch)
            if key is None:
                key = contact_keys.get(touch.contact_id)
        if key:
            by_company[key].append(touch)
    context.touches_of = dict(by_opportunity)
    context.touches_with_company = dict(by_company)
    core = {c.id for c in records.contacts if c.is_core}
    context.job_touches_with_company = {
        key: [t for t in touches if _about_the_job(t, core)] for key, touches in by_company.items()
    }
    context.thanks_to = {
        key: [t.at for t in touches if t.kind == "thank_you"] for key, touches in by_company.items()
    }
    context.touches_with_contact = dict(by_contact)

    context.closed_out_at = {
        key: stamps
        for key, touches in by_opportunity.items()
        if (stamps := [t.at for t in touches if t.kind == "close_out" and t.direction == "out"])
    }
    advocates: defaultdict[str, list[Contact]] = defaultdict(list)
    linked: defaultdict[str, list[Contact]] = defaultdict(list)
    people: defaultdict[str, list[Contact]] = defaultdict(list)
    for contact in records.contacts:
        if contact.company and not contact.is_advocate:
            people[company_key(contact.company)].append(contact)
        if contact.is_advocate:
            if contact.company:
                advocates[company_key(contact.company)].append(contact)
            for opportunity_id in contact.opportunity_ids:
                linked[opportunity_id].append(contact)
    context.advocates_at = dict(advocates)
    context.people_at = dict(people)
    context.linked_advocates = dict(linked)
    snoozes: defaultdict[str, int] = defaultdict(int)
    for mark in records.marks:
        context.marks[mark.item_id] = mark  # later marks win
        if mark.snoozed_to is not None:
            snoozes[mark.item_id] += 1
    context.snoozes_of = dict(snoozes)
    for opportunity in records.opportunities:
        day = opportunity.applied_on
        if day is None and opportunity.stage == "applied" and opportunity.created_at is not None:
            day = context.local_day(opportunity.created_at)  # added as applied, no date given
        if day is not None:
            context.applied.append((day, company_key(opportunity.company)))
    context.offer = next((o for o in records.opportunities if o.offer_in_hand and o.active), None)
    return context


def _about_the_job(touch: Touch, core: set[str]) -> bool:
    """Whether a touch with a company concerns the job there (and so holds follow-ups back).

    A network update is news about the person; so is a call with a friend from the core
    network that was not logged against the job.
    """
    if touch.kind == "network_update":
        return False
    return not (touch.kind == "call" and touch.opportunity_id is None and touch.contact_id in core)
