"""What a person can do to their data, shared by the command line and the screens.

Each function takes the store, the moment it counts as now, and typed values (already parsed from
text); it checks what it needs, changes the database in one transaction, and returns the records
it made. Nothing here knows about Textual or argparse.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Mapping
from typing import Any

from pendulum import Date, DateTime

from .engine.calendar import BusinessCalendar
from .engine.errors import InvalidField
from .engine.items import PlanItem
from .engine.lookup import company_key, contacts_named, opportunities_at, opportunity_for
from .engine.models import Contact, Interview, Mark, Opportunity, Records, Task, Touch
from .engine.plan import find_item, plan_day
from .engine.settings import Settings
from .store import Store

__all__ = [
    "add_contact",
    "add_interview",
    "add_opportunity",
    "add_task",
    "change_setting",
    "complete_item",
    "edit_interview",
    "log_touch",
    "save_debrief",
    "snooze_item",
    "split_list",
    "undo_item",
]

# A heard-back outcome moves the opportunity along.
_STAGE_AFTER = {
    "next_round": "interviewing",
    "offer": "offer",
    "offer_in_hand": "offer",
    "rejected": "rejected",
}
_INBOUND = {"heard_back"}
_ABOUT_THE_JOB = {"thank_you", "check_in", "heard_back", "advocate_ask"}
"""Touches that concern the job at the contact's company even when only the person is named."""


def split_list(text: str | None) -> tuple[str, ...]:
    """``"SQL, stakeholder demos"`` -> ``("SQL", "stakeholder demos")``."""
    if not text:
        return ()
    return tuple(part.strip() for part in text.split(",") if part.strip())


def add_opportunity(
    store: Store,
    now: DateTime,
    *,
    company: str,
    role: str = "",
    stage: str = "applied",
    url: str = "",
    source: str = "",
    applied_on: Date | None = None,
) -> Opportunity:
    """Start tracking a job."""
    opportunity = Opportunity(
        id=store.new_id(Opportunity),
        company=company.strip(),
        role=role.strip(),
        stage=stage,
        url=url.strip(),
        source=source.strip(),
        applied_on=applied_on,
        created_at=now,
    )
    return store.add(opportunity)


def add_interview(
    store: Store,
    now: DateTime,
    *,
    company: str,
    start: DateTime,
    role: str = "",
    promised_by: Date | None = None,
    felt: str | None = None,
    skills: Iterable[str] = (),
    interviewers: Iterable[str] = (),
    kind: str = "interview",
    minutes: int | None = None,
) -> Interview:
    """Record an interview; the company's opportunity is created when it has none."""
    if not company.strip():
        raise InvalidField("company", "must not be empty")
    if promised_by is not None and promised_by < start.date():
        raise InvalidField("promised_by", "is before the interview")
    with store.transaction():
        records = store.records()
        opportunity = _opportunity_for_interview(store, now, records, company, role)
        if opportunity.stage in {"lead", "applied", "screening"}:
            store.put(dataclasses.replace(opportunity, stage="interviewing"))
        interview = Interview(
            id=store.new_id(Interview),
            opportunity_id=opportunity.id,
            start=start,
            kind=kind.strip() or "interview",
            minutes=minutes if minutes is not None else int(records.settings["interview_minutes"]),
            skills=tuple(skills),
            interviewers=tuple(interviewers),
            promised_by=promised_by,
            felt=felt,
        )
        store.add(interview)
    return interview


def edit_interview(
    store: Store,
    before: Interview,
    after: Interview,
    *,
    opportunity: Opportunity | None,
    company: str,
    role: str,
    force: bool = False,
) -> Interview:
    """Save an edited interview; its company and role belong to its ``opportunity`` (as read
    with ``before``) and are changed there, in the same transaction. Unless ``force``, refuse
    (Conflict) if another session changed either record since they were read."""
    with store.transaction():  # both records or neither
        store.put(after, expected=None if force else before)
        if opportunity is not None and (company, role) != (opportunity.company, opportunity.role):
            renamed = dataclasses.replace(opportunity, company=company, role=role)
            store.put(renamed, expected=None if force else opportunity)
    return after


DEBRIEF_FIELDS = frozenset({"felt", "estimate", "next_steps", "skills", "signals", "promised_by"})
"""What a debrief may change on an interview, field by field."""


def save_debrief(
    store: Store,
    now: DateTime,
    interview_id: str,
    changes: Mapping[str, Any],
    *,
    finish: bool = False,
) -> Interview:
    """Save some of a debrief's answers to the interview as it is on disk now.

    Only the fields named in ``changes`` are written, onto the freshest copy of the record, so
    a debrief saved as it is typed never undoes what another session changed in the other
    fields. ``finish`` marks the debrief done (Today stops offering it); the first finish is
    the one kept.
    """
    unknown = set(changes) - DEBRIEF_FIELDS
    if unknown:
        raise InvalidField(sorted(unknown)[0], "is not part of a debrief")
    with store.transaction():
        interview = next((i for i in store.records().interviews if i.id == interview_id), None)
        if interview is None:
            raise InvalidField("interview", "that interview no longer exists")
        promised = changes.get("promised_by", interview.promised_by)
        if promised is not None and promised < interview.start.date():
            raise InvalidField("promised_by", "is before the interview")
        values = dict(changes)
        if finish and interview.debriefed_at is None:
            values["debriefed_at"] = now
        changed = dataclasses.replace(interview, **values)
        if changed != interview:
            store.put(changed)
    return changed


def _opportunity_for_interview(
    store: Store, now: DateTime, records: Records, company: str, role: str
) -> Opportunity:
    """The company's opportunity for this role: an exact role match, else one with no role yet
    (which takes the role), else a new one."""
    if role.strip():
        same_role = [
            o
            for o in opportunities_at(records, company)
            if company_key(o.role) == company_key(role)
        ]
        if same_role:
            return same_role[-1]
    current = opportunity_for(records, company)
    if current is not None and (not role.strip() or not current.role):
        if role.strip():
            current = store.put(dataclasses.replace(current, role=role.strip()))
        return current
    return add_opportunity(store, now, company=company, role=role, stage="interviewing")


def add_contact(
    store: Store,
    *,
    name: str,
    company: str = "",
    relation: str = "",
    email: str = "",
    phone: str = "",
    advocate: bool = False,
    core: bool = False,
    notes: str = "",
) -> Contact:
    """Add a person; ``advocate`` and ``core`` become tags."""
    tags = frozenset(t for t, on in (("advocate", advocate), ("core", core)) if on)
    contact = Contact(
        id=store.new_id(Contact),
        name=name.strip(),
        company=company.strip(),
        relation=relation.strip(),
        email=email.strip(),
        phone=phone.strip(),
        tags=tags,
        notes=notes,
    )
    return store.add(contact)


def add_task(
    store: Store,
    now: DateTime,
    *,
    title: str,
    kind: str = "other",
    minutes: int | None = None,
    due: Date | None = None,
    company: str = "",
) -> Task:
    """Add one of the person's own tasks."""
    task = Task(
        id=store.new_id(Task),
        title=title.strip(),
        kind=kind,
        minutes=minutes,
        due=due,
        company=company.strip(),
        created_at=now,
    )
    return store.add(task)


def log_touch(
    store: Store,
    now: DateTime,
    *,
    kind: str,
    company: str | None = None,
    contact: str | None = None,
    contact_id: str | None = None,
    at: DateTime | None = None,
    outcome: str | None = None,
    note: str = "",
    channel: str = "email",
    answers: dict[str, str] | None = None,
) -> Touch:
    """Record a message or call; a heard-back outcome also moves the opportunity's stage.

    The person is ``contact_id`` when the caller knows exactly who (a screen's selected row),
    else the contact named ``contact`` (typed: must be unambiguous).
    """
    if not company and not contact and not contact_id:
        raise InvalidField("company", "say which company (or contact) this was with")
    if outcome is not None and kind != "heard_back":
        raise InvalidField("outcome", "only a heard-back touch has an outcome")
    with store.transaction():
        records = store.records()
        opportunity = None
        if company:
            opportunity = opportunity_for(records, company)
            if opportunity is None:
                raise InvalidField("company", f"no opportunity at {company!r}; add it first")
        person = None
        if contact_id:
            person = next((c for c in records.contacts if c.id == contact_id), None)
            if person is None:
                raise InvalidField("contact", "that contact no longer exists")
        elif contact:
            matches = contacts_named(records, contact)
            if company and len(matches) > 1:
                matches = [m for m in matches if company_key(m.company) == company_key(company)]
            if not matches:
                raise InvalidField("contact", f"no contact named {contact!r}")
            if len(matches) > 1:
                raise InvalidField("contact", f"{len(matches)} contacts are named {contact!r}")
            person = matches[0]
        if person is not None and opportunity is None and kind in _ABOUT_THE_JOB:
            # "Heard back from Dana" is news about the job at Dana's company: link it, or
            # the clocks would keep running as if nobody had answered.
            opportunity = opportunity_for(records, person.company) if person.company else None
        touch = Touch(
            id=store.new_id(Touch),
            kind=kind,
            at=at or now,
            opportunity_id=opportunity.id if opportunity else None,
            contact_id=person.id if person else None,
            direction="in" if kind in _INBOUND else "out",
            channel=channel,
            outcome=outcome,
            answers=answers or {},
            note=note,
        )
        store.add(touch)
        if opportunity is not None and outcome is not None:
            changed = dataclasses.replace(
                opportunity,
                stage=_STAGE_AFTER[outcome],
                offer_in_hand=opportunity.offer_in_hand or outcome == "offer_in_hand",
            )
            if changed != opportunity:
                store.put(changed)
    return touch


def change_setting(store: Store, key: str, text: str) -> Settings:
    """Set one setting from what a person typed."""
    with store.transaction():
        settings = store.settings().with_text(key, text)
        store.save_settings(settings)
    return settings


def complete_item(
    store: Store, now: DateTime, item_id: str, planned: PlanItem | None = None
) -> PlanItem:
    """Mark a planned item done the way its kind is done.

    A thank-you, check-in, advocate ask or network update logs the touch it stands for; the
    person's own task is finished; a goal or glow item is stored as a finished task under its
    id (so it counts towards the week); finding an advocate leaves a mark.
    """
    with store.transaction():
        records = store.records()
        # The screen already has the item from the plan it shows; the CLI plans to find it.
        item = planned if planned is not None else find_item(plan_day(records, now), item_id)
        tasks = {t.id: t for t in records.tasks}
        if item is None:
            task = tasks.get(item_id)
            if task is None or task.status != "open":
                raise InvalidField("id", f"{item_id} is not an open item in today's plan")
            store.put(dataclasses.replace(task, status="done", done_at=now))
            return _task_item(task)
        if item.done:
            raise InvalidField("id", f"{item_id} is already done")
        if item.id in tasks:
            store.put(dataclasses.replace(tasks[item.id], status="done", done_at=now))
        elif item.goal or item.id.startswith("glow-"):
            store.add(
                Task(
                    id=item.id,
                    title=item.title,
                    kind=item.kind,
                    minutes=item.minutes,
                    due=item.due,
                    status="done",
                    done_at=now,
                    created_at=now,
                )
            )
        elif item.kind in {"thank_you", "check_in", "advocate_ask", "network_update"}:
            store.add(
                Touch(
                    id=store.new_id(Touch),
                    kind=item.kind,
                    at=now,
                    opportunity_id=item.opportunity_id,
                    contact_id=item.contact_id,
                )
            )
        else:  # find_advocate
            store.add(Mark(id=store.new_id(Mark), item_id=item.id, done_at=now))
    return item


def snooze_item(
    store: Store,
    now: DateTime,
    item_id: str,
    to: Date | None = None,
    planned: PlanItem | None = None,
) -> Date:
    """Move an item to a later day (default: the next business day); return that day."""
    with store.transaction():
        records = store.records()
        settings = records.settings
        today = now.in_timezone(settings.timezone).date()
        day = to or BusinessCalendar(settings.country).next(today)
        if day <= today:
            raise InvalidField("to", f"{day.isoformat()} is not after today")
        tasks = {t.id: t for t in records.tasks}
        task = tasks.get(item_id)
        if task is not None and task.status == "open":
            store.put(dataclasses.replace(task, snoozed_to=day))
            return day
        item = planned if planned is not None else find_item(plan_day(records, now), item_id)
        if item is None or item.done:
            raise InvalidField("id", f"{item_id} is not an open item in today's plan")
        store.add(Mark(id=store.new_id(Mark), item_id=item.id, snoozed_to=day))
    return day


def _task_item(task: Task) -> PlanItem:
    return PlanItem(
        id=task.id,
        kind=task.kind,
        title=task.title,
        minutes=task.minutes or 0,
        due=task.due,
        reason="",
        company=task.company or None,
    )


def undo_item(
    store: Store, now: DateTime, item_id: str, planned: PlanItem | None = None
) -> PlanItem:
    """Take back marking a planned item done today: remove what recorded it."""
    with store.transaction():
        records = store.records()
        item = planned if planned is not None else find_item(plan_day(records, now), item_id)
        if item is None or not item.done or item.source_id is None:
            raise InvalidField("id", f"{item_id} is not done today")
        source = item.source_id
        tasks = {t.id: t for t in records.tasks}
        if source in tasks:
            task = tasks[source]
            if task.id.startswith(("goal-", "glow-")):
                store.delete(Task, task.id)
            else:
                store.put(dataclasses.replace(task, status="open", done_at=None))
        elif any(t.id == source for t in records.touches):
            store.delete(Touch, source)
        else:
            store.delete(Mark, source)
    return item
