"""What a person can do to their data, shared by the command line and the screens.

Each function takes the store, the moment it counts as now, and typed values (already parsed from
text); it checks what it needs, changes the database in one transaction, and returns the records
it made. Nothing here knows about Textual or argparse.

Adding something that is already there (the same company and role, the same e-mail, the same
name at the same company, an interview on the same day) is refused with :class:`Duplicate`,
naming the record, unless ``new=True``; a company name that fits several open opportunities is
refused with :class:`Ambiguous`, naming them. Company names are kept in one spelling: the first
one typed.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from pendulum import Date, DateTime

from .engine.calendar import BusinessCalendar
from .engine.errors import InvalidField
from .engine.items import PlanItem
from .engine.lookup import company_key, contacts_named, opportunities_at, opportunity_for
from .engine.models import (
    STAGES,
    Contact,
    Interview,
    Mark,
    Opportunity,
    Records,
    Task,
    Touch,
)
from .engine.plan import find_item, plan_day
from .engine.settings import SPECS, Settings
from .engine.when import short_day
from .store import Store
from .store.documents import TABLE_OF, Record

__all__ = [
    "DELETABLE",
    "TITLE_LIMIT",
    "Ambiguous",
    "Deletion",
    "Duplicate",
    "add_contact",
    "add_interview",
    "add_opportunity",
    "add_task",
    "canonical_company",
    "change_setting",
    "change_settings",
    "complete_item",
    "delete_record",
    "describe_opportunity",
    "edit_interview",
    "edit_touch",
    "find_opportunity",
    "log_touch",
    "planned_deletion",
    "save_debrief",
    "set_stage",
    "snooze_item",
    "split_list",
    "undo_item",
]

TITLE_LIMIT = 200
"""A task's title, like a role or a company, fits on a line: longer ones are refused."""


class Duplicate(InvalidField):
    """What is being added is already there; ``existing`` is its id (add it anyway with new)."""

    def __init__(self, field: str, problem: str, existing: str) -> None:
        super().__init__(field, problem)
        self.existing = existing


class Ambiguous(InvalidField):
    """A name fits several records; ``ids`` are theirs (say which by id)."""

    def __init__(self, field: str, problem: str, ids: tuple[str, ...]) -> None:
        super().__init__(field, problem)
        self.ids = ids


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


def canonical_company(records: Records, name: str) -> str:
    """The spelling a company already has (``northwind  analytics`` -> ``Northwind Analytics``),
    else the name as typed with its spaces tidied: one company, one spelling."""
    key = company_key(name)
    if not key:
        return ""
    for company in (
        *(o.company for o in records.opportunities),
        *(c.company for c in records.contacts),
        *(t.company for t in records.tasks),
    ):
        if company and company_key(company) == key:
            return company
    return " ".join(name.split())


def describe_opportunity(opportunity: Opportunity) -> str:
    """``Northwind Analytics · Senior Data Analyst``: how an opportunity is named to the person."""
    return opportunity.company + (f" · {opportunity.role}" if opportunity.role else "")


def find_opportunity(records: Records, opportunity_id: str) -> Opportunity:
    """The opportunity with this id, or a refusal naming it."""
    found = next((o for o in records.opportunities if o.id == opportunity_id), None)
    if found is None:
        raise InvalidField("opportunity", f"there is no opportunity with id {opportunity_id}")
    return found


def _open_at(records: Records, company: str) -> list[Opportunity]:
    """The opportunities a touch or interview at ``company`` could be about: the active ones,
    or, when none is active, all of them."""
    candidates = opportunities_at(records, company)
    active = [o for o in candidates if o.active]
    return active or candidates


def _one_opportunity(records: Records, company: str) -> Opportunity:
    """The one opportunity at ``company``; refuse when there is none or several."""
    candidates = _open_at(records, company)
    if not candidates:
        raise InvalidField("company", f"no opportunity at {company!r}; add it first")
    if len(candidates) > 1:
        named = ", ".join(f"{o.id} ({o.role or 'no role'})" for o in candidates)
        raise Ambiguous(
            "company",
            f"{candidates[0].company} has {len(candidates)} open opportunities: {named}",
            tuple(o.id for o in candidates),
        )
    return candidates[0]


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
    new: bool = False,
) -> Opportunity:
    """Start tracking a job; the same company and role again is refused unless ``new``."""
    with store.transaction():
        records = store.records()
        company = canonical_company(records, company)
        if not new:
            same = next(
                (
                    o
                    for o in opportunities_at(records, company)
                    if company_key(o.role) == company_key(role)
                ),
                None,
            )
            if same is not None:
                raise Duplicate(
                    "company",
                    f"{describe_opportunity(same)} is already there ({same.id}, {same.stage})",
                    same.id,
                )
        opportunity = Opportunity(
            id=store.new_id(Opportunity),
            company=company,
            role=" ".join(role.split()),
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
    company: str = "",
    start: DateTime,
    role: str = "",
    promised_by: Date | None = None,
    felt: str | None = None,
    skills: Iterable[str] = (),
    interviewers: Iterable[str] = (),
    kind: str = "interview",
    minutes: int | None = None,
    opportunity_id: str | None = None,
    new: bool = False,
) -> Interview:
    """Record an interview; the company's opportunity is created when it has none.

    ``opportunity_id`` says exactly which opportunity (a company may have several). An interview
    for the same opportunity on the same day is refused as already there, unless ``new``.
    """
    if not company.strip() and not opportunity_id:
        raise InvalidField("company", "must not be empty")
    if promised_by is not None and promised_by < start.date():
        raise InvalidField("promised_by", "is before the interview")
    with store.transaction():
        records = store.records()
        if opportunity_id:
            opportunity = find_opportunity(records, opportunity_id)
        else:
            opportunity = _opportunity_for_interview(store, now, records, company, role)
        tz = records.settings.timezone
        day = start.in_timezone(tz).date()
        same = next(
            (
                i
                for i in records.interviews
                if i.opportunity_id == opportunity.id and i.start.in_timezone(tz).date() == day
            ),
            None,
        )
        if same is not None and not new:
            raise Duplicate(
                "start",
                f"{describe_opportunity(opportunity)} already has an interview on "
                f"{short_day(day)} at {same.start.in_timezone(tz).format('HH:mm')} ({same.id})",
                same.id,
            )
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
    """The company's opportunity for this role: an exact role match, else the one open
    opportunity there (which takes the role if it has none), else a new one. With no role and
    several open opportunities, the person is asked to say which."""
    candidates = _open_at(records, company)
    if role.strip():
        same_role = [
            o
            for o in opportunities_at(records, company)
            if company_key(o.role) == company_key(role)
        ]
        if same_role:
            return same_role[-1]
        roleless = [o for o in candidates if not o.role]
        if len(roleless) == 1:
            return store.put(dataclasses.replace(roleless[0], role=" ".join(role.split())))
        return add_opportunity(
            store, now, company=company, role=role, stage="interviewing", new=True
        )
    if not candidates:
        return add_opportunity(store, now, company=company, role=role, stage="interviewing")
    if len(candidates) > 1:
        return _one_opportunity(records, company)
    return candidates[0]


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
    new: bool = False,
) -> Contact:
    """Add a person; ``advocate`` and ``core`` become tags. Someone already there (the same
    e-mail, or the same name at the same company) is refused unless ``new``."""
    tags = frozenset(t for t, on in (("advocate", advocate), ("core", core)) if on)
    with store.transaction():
        records = store.records()
        company = canonical_company(records, company)
        if not new:
            same = next(
                (
                    c
                    for c in records.contacts
                    if email.strip() and c.email.casefold() == email.strip().casefold()
                ),
                None,
            ) or next(
                (
                    c
                    for c in contacts_named(records, name)
                    if company_key(c.company) == company_key(company)
                ),
                None,
            )
            if same is not None:
                where = f" at {same.company}" if same.company else ""
                raise Duplicate(
                    "email" if email.strip() and same.email else "name",
                    f"{same.name}{where} is already there ({same.id})",
                    same.id,
                )
        contact = Contact(
            id=store.new_id(Contact),
            name=" ".join(name.split()),
            company=company,
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
    if len(title.strip()) > TITLE_LIMIT:
        raise InvalidField(
            "title", f"is too long ({len(title.strip())} characters; at most {TITLE_LIMIT})"
        )
    with store.transaction():
        task = Task(
            id=store.new_id(Task),
            title=title.strip(),
            kind=kind,
            minutes=minutes,
            due=due,
            company=canonical_company(store.records(), company),
            created_at=now,
        )
        return store.add(task)


def _person(
    records: Records, contact: str | None, contact_id: str | None, company: str | None
) -> Contact | None:
    """The contact a touch is with: by id when known, else by an unambiguous name."""
    if contact_id:
        person = next((c for c in records.contacts if c.id == contact_id), None)
        if person is None:
            raise InvalidField("contact", f"there is no contact with id {contact_id}")
        return person
    if not contact:
        return None
    matches = contacts_named(records, contact)
    if company and len(matches) > 1:
        matches = [m for m in matches if company_key(m.company) == company_key(company)]
    if not matches:
        raise InvalidField("contact", f"no contact named {contact!r}")
    if len(matches) > 1:
        named = ", ".join(f"{m.id} ({m.company or 'no company'})" for m in matches)
        raise Ambiguous(
            "contact",
            f"{len(matches)} contacts are named {contact!r}: {named}",
            tuple(m.id for m in matches),
        )
    return matches[0]


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
    opportunity_id: str | None = None,
) -> Touch:
    """Record a message or call; a heard-back outcome also moves the opportunity's stage.

    The opportunity is ``opportunity_id`` when the caller knows exactly which (a screen's
    selected row), else the one open opportunity at ``company`` (several: refused, naming
    them). The person is ``contact_id`` when known, else the contact named ``contact`` (typed:
    must be unambiguous). A touch after ``now`` is refused: it has not happened yet.
    """
    if not company and not contact and not contact_id and not opportunity_id:
        raise InvalidField("company", "say which company (or contact) this was with")
    if outcome is not None and kind != "heard_back":
        raise InvalidField("outcome", "only a heard-back touch has an outcome")
    if at is not None and at > now:
        raise InvalidField(
            "at",
            f"{at.format('ddd D MMM YYYY HH:mm')} is in the future: log it once it has happened",
        )
    with store.transaction():
        records = store.records()
        opportunity = None
        if opportunity_id:
            opportunity = find_opportunity(records, opportunity_id)
        elif company:
            opportunity = _one_opportunity(records, company)
        person = _person(records, contact, contact_id, company)
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


def edit_touch(
    store: Store, now: DateTime, before: Touch, after: Touch, *, force: bool = False
) -> Touch:
    """Save a corrected touch (never moved into the future); unless ``force``, refuse
    (Conflict) if another session changed it since it was read."""
    if after.at > now:
        raise InvalidField(
            "at",
            f"{after.at.format('ddd D MMM YYYY HH:mm')} is in the future: a touch is logged "
            "once it has happened",
        )
    return store.put(after, expected=None if force else before)


def set_stage(
    store: Store, now: DateTime, opportunity_id: str, stage: str, *, in_hand: bool = False
) -> Opportunity:
    """Move an opportunity to ``stage``; ``in_hand`` marks an offer as in hand (the letter is
    yours: the keep-searching warning ends). Moving to applied dates the application today
    when it has no date, so it counts towards the week."""
    if stage not in STAGES:
        raise InvalidField("stage", f"{stage!r} is not one of {', '.join(STAGES)}")
    if in_hand and stage != "offer":
        raise InvalidField("in hand", "only an offer can be in hand (the stage must be offer)")
    with store.transaction():
        records = store.records()
        opportunity = find_opportunity(records, opportunity_id)
        changed = dataclasses.replace(opportunity, stage=stage, offer_in_hand=in_hand)
        if stage == "applied" and opportunity.applied_on is None:
            changed = dataclasses.replace(
                changed, applied_on=now.in_timezone(records.settings.timezone).date()
            )
        if changed != opportunity:
            store.put(changed)
    return changed


DELETABLE: dict[str, type] = {
    "opportunity": Opportunity,
    "interview": Interview,
    "contact": Contact,
    "touch": Touch,
    "task": Task,
}
"""The kinds of record a person can delete, by the word they use."""


@dataclass(frozen=True, slots=True)
class Deletion:
    """What deleting one record takes with it, for the question asked first and the report."""

    kind: str
    record: Record
    name: str  # how the record is named to the person
    removed: tuple[Record, ...]  # the record and everything that goes with it
    unlinked: tuple[Record, ...]  # records that stay, no longer pointing at it (as changed)

    def count(self, cls: type) -> int:
        """How many records of ``cls`` go, besides the record itself."""
        return sum(1 for r in self.removed if isinstance(r, cls) and r is not self.record)

    @property
    def consequences(self) -> str:
        """``Its 2 interviews and 5 touches are deleted with it.`` (empty when nothing else is)."""
        parts = []
        for cls, one, many in ((Interview, "interview", "interviews"), (Touch, "touch", "touches")):
            number = self.count(cls)
            if number:
                parts.append(f"{number} {one if number == 1 else many}")
        said = ""
        if parts:
            verb = "is" if parts in (["1 interview"], ["1 touch"]) else "are"
            whose, it = ("Their", "them") if self.kind == "contact" else ("Its", "it")
            said = f"{whose} {' and '.join(parts)} {verb} deleted with {it}."
        stays = [r for r in self.unlinked if isinstance(r, Touch)]
        if stays:
            number = len(stays)
            said += (
                f"{' ' if said else ''}{number} {'touch' if number == 1 else 'touches'} about an "
                "opportunity stay, without the name."
            )
        return said


def _name_of(records: Records, record: Record) -> str:
    tz = records.settings.timezone
    companies = {o.id: o for o in records.opportunities}
    if isinstance(record, Opportunity):
        return describe_opportunity(record)
    if isinstance(record, Interview):
        at = record.start.in_timezone(tz)
        where = companies.get(record.opportunity_id)
        return (
            f"{record.kind} with {where.company if where else 'an unknown company'} on "
            f"{short_day(at.date())} {at.format('HH:mm')}"
        )
    if isinstance(record, Contact):
        return record.name + (f" ({record.company})" if record.company else "")
    if isinstance(record, Touch):
        at = record.at.in_timezone(tz)
        people = {c.id: c.name for c in records.contacts}
        with_whom = people.get(record.contact_id or "") or (
            companies[record.opportunity_id].company if record.opportunity_id in companies else ""
        )
        return (
            f"{record.kind.replace('_', '-')} {'from' if record.direction == 'in' else 'to'} "
            f"{with_whom or 'someone'} on {short_day(at.date())} {at.format('HH:mm')}"
        )
    if isinstance(record, Task):
        return record.title
    return record.id


def planned_deletion(records: Records, kind: str, record_id: str) -> Deletion:
    """What ``delete KIND ID`` would remove, without removing anything.

    An opportunity takes its interviews and touches with it (they are about that job and
    nothing else), and the day's marks on its items; contacts that were linked to it stay.
    A contact takes the touches that were with them alone (network updates, asks); touches
    that also name an opportunity stay, without the person. An interview, a touch or a task
    goes alone. Every one of them comes back with the undo.
    """
    cls = DELETABLE.get(kind)
    if cls is None:
        raise InvalidField("kind", f"{kind!r} is not one of {', '.join(DELETABLE)}")
    table: tuple[Any, ...] = getattr(records, TABLE_OF[cls])
    record = next((r for r in table if r.id == record_id), None)
    if record is None:
        raise InvalidField(kind, f"there is no {kind} with id {record_id}")
    removed: list[Record] = [record]
    unlinked: list[Record] = []
    item_ends: set[str] = set()
    if isinstance(record, Opportunity):
        interviews = [i for i in records.interviews if i.opportunity_id == record.id]
        removed += interviews
        removed += [t for t in records.touches if t.opportunity_id == record.id]
        item_ends = {record.id, *(i.id for i in interviews)}
        for contact in records.contacts:
            if record.id in contact.opportunity_ids:
                ids = tuple(x for x in contact.opportunity_ids if x != record.id)
                unlinked.append(dataclasses.replace(contact, opportunity_ids=ids))
    elif isinstance(record, Contact):
        for touch in records.touches:
            if touch.contact_id != record.id:
                continue
            if touch.opportunity_id is None:
                removed.append(touch)
            else:
                unlinked.append(dataclasses.replace(touch, contact_id=None))
        item_ends = {record.id}
    elif isinstance(record, Interview):
        item_ends = {record.id}
    removed += [
        m for m in records.marks if "-" in m.item_id and m.item_id.split("-", 1)[1] in item_ends
    ]
    return Deletion(kind, record, _name_of(records, record), tuple(removed), tuple(unlinked))


def delete_record(store: Store, kind: str, record_id: str) -> Deletion:
    """Delete one record and what goes with it (see :func:`planned_deletion`), in one
    transaction."""
    with store.transaction():
        deletion = planned_deletion(store.records(), kind, record_id)
        # Any: the store's methods take one record type at a time, these are a mix.
        removed: tuple[Any, ...] = deletion.removed
        unlinked: tuple[Any, ...] = deletion.unlinked
        for record in removed:
            store.delete(type(record), record.id)
        for record in unlinked:
            store.put(record)
    return deletion


def _with_texts(settings: Settings, texts: dict[str, str]) -> Settings:
    """``settings`` with each key set from typed text; a refusal names the key that was typed.

    Settings check each other (work hours must start before they end): a bad ``work_start``
    is reported as the work start, not as "work_end: must be later".
    """
    for key, text in texts.items():
        if key not in SPECS:
            raise InvalidField(key, "is not a setting (see: nowwhat settings)")
        try:
            settings = settings.with_text(key, text)
        except InvalidField as error:
            if error.field == key:
                raise
            raise InvalidField(
                key,
                f"{text.strip()!r} clashes with {error.field} ({settings[error.field]}): "
                f"{error.field} {error.problem}",
            ) from None
    return settings


def change_setting(store: Store, key: str, text: str) -> Settings:
    """Set one setting from what a person typed."""
    return change_settings(store, {key: text})


def change_settings(store: Store, texts: dict[str, str]) -> Settings:
    """Set several settings at once (the first-run setup): all of them, or none."""
    with store.transaction():
        settings = _with_texts(store.settings(), texts)
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
            # Each snooze leaves a mark, as for derived items: the engine counts them to tell
            # a task the person keeps putting off (avoided).
            store.add(Mark(id=store.new_id(Mark), item_id=task.id, snoozed_to=day))
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
        if item is None:
            # A task finished by id that today's plan does not show (due another day).
            task = next((t for t in records.tasks if t.id == item_id), None)
            if (
                task is not None
                and task.status == "done"
                and not task.id.startswith(("goal-", "glow-"))
            ):
                store.put(dataclasses.replace(task, status="open", done_at=None))
                return _task_item(task)
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
