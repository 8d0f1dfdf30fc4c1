"""The forms for interviews, contacts, tasks, opportunities and touches.

Each function returns a :class:`FormScreen` whose save callback goes through :mod:`tui.actions`
or the store, so the forms and the command line change data the same way. Editing passes the
record as first read, so a change made meanwhile in another session is caught, not overwritten.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Mapping
from typing import Any

from pendulum import Date, DateTime

from .. import actions
from ..engine.calendar import BusinessCalendar
from ..engine.models import (
    FEELINGS,
    STAGES,
    TASK_KINDS,
    Contact,
    Interview,
    Opportunity,
    Records,
    Task,
    Touch,
)
from ..engine.promises import promise_in
from ..engine.when import format_clock
from ..store import Store
from .debrief import InterviewForm, debrief_fields, debrief_values
from .form import FieldSpec, FormScreen

__all__ = [
    "contact_form",
    "edit_touch_form",
    "interview_form",
    "opportunity_form",
    "task_form",
    "touch_form",
]

KIND_CHOICES = [(k.replace("_", " "), k) for k in TASK_KINDS]
FEEL_CHOICES = [(f, f) for f in FEELINGS]
TOUCH_CHOICES = [
    ("thank-you sent", "thank_you"),
    ("check-in sent", "check_in"),
    ("heard back", "heard_back"),
    ("asked an advocate", "advocate_ask"),
    ("network update", "network_update"),
    ("call", "call"),
]
OUTCOME_CHOICES = [
    ("next round", "next_round"),
    ("offer", "offer"),
    ("offer in hand", "offer_in_hand"),
    ("rejected", "rejected"),
    ("no decision yet", ""),
]


def _companies(records: Records) -> list[str]:
    names = {o.company for o in records.opportunities} | {
        c.company for c in records.contacts if c.company
    }
    return sorted(names, key=str.casefold)


def _iso(day: Date | None) -> str:
    return day.isoformat() if day else ""


def _tz(store: Store) -> str:
    return store.settings().timezone


def task_form(store: Store, now: DateTime, task: Task | None = None) -> FormScreen:
    """Add a task, or edit ``task``."""
    records = store.records()
    fields = [
        FieldSpec(
            "title",
            "Title",
            required=True,
            value=task.title if task else "",
            limit=actions.TITLE_LIMIT,
        ),
        FieldSpec(
            "kind",
            "Kind",
            "choice",
            required=True,
            choices=KIND_CHOICES,
            value=task.kind if task else "apply",
        ),
        FieldSpec(
            "minutes",
            "Minutes",
            "int",
            value=task.minutes if task and task.minutes else "",
            placeholder="default for the kind",
        ),
        FieldSpec(
            "due",
            "Due",
            "day",
            value=task.due.isoformat() if task and task.due else "",
            placeholder="today, fri, +3d, 2026-12-01 (empty: whenever)",
            help="empty: due whenever there is room",
        ),
        FieldSpec(
            "company",
            "Company",
            value=task.company if task else "",
            suggestions=_companies(records),
            limit=200,
        ),
    ]

    def save(values: dict[str, Any], force: bool) -> None:
        if task is None:
            actions.add_task(
                store,
                now,
                title=values["title"],
                kind=values["kind"],
                minutes=values["minutes"],
                due=values["due"],
                company=values["company"],
            )
        else:
            changed = dataclasses.replace(
                task,
                title=values["title"],
                kind=values["kind"],
                minutes=values["minutes"],
                due=values["due"],
                company=values["company"],
            )
            store.put(changed, expected=None if force else task)

    return FormScreen("Edit task" if task else "Add a task", fields, save, now=now, tz=_tz(store))


def interview_form(
    store: Store,
    now: DateTime,
    interview: Interview | None = None,
    company: str = "",
    *,
    for_opportunity: Opportunity | None = None,
    prefill: Mapping[str, Any] | None = None,
    on_save: Callable[[dict[str, Any]], object] | None = None,
    title: str = "",
) -> FormScreen:
    """Add an interview (creating the opportunity if new), or edit ``interview``.

    Opened on an opportunity (a Waiting room row), a new interview belongs to that very one
    unless its company or role is changed. ``prefill`` sets fields by name (an invitation read
    from mail); ``on_save`` replaces what saving does (accepting that invitation, which adds the
    interview its own way).
    """
    records = store.records()
    tz = _tz(store)
    opportunity = next(
        (o for o in records.opportunities if interview and o.id == interview.opportunity_id),
        for_opportunity,
    )
    start = interview.start.in_timezone(tz) if interview else None
    fields = [
        FieldSpec(
            "company",
            "Company",
            required=True,
            value=opportunity.company if opportunity else company,
            suggestions=_companies(records),
            limit=200,
        ),
        FieldSpec("role", "Role", value=opportunity.role if opportunity else "", limit=200),
        FieldSpec(
            "start",
            "When",
            "moment",
            required=True,
            value=f"{start.date().isoformat()} {format_clock(start.time())}" if start else "",
            placeholder="2026-12-01 14:00, tomorrow 10:00, fri 9:30",
        ),
        FieldSpec(
            "kind",
            "Kind",
            value=interview.kind if interview else "video",
            placeholder="phone, video, onsite, panel",
        ),
        FieldSpec(
            "minutes",
            "Minutes",
            "int",
            value=interview.minutes if interview else records.settings["interview_minutes"],
        ),
        FieldSpec(
            "promised_by",
            "Promised by",
            "day",
            value=interview.promised_by.isoformat() if interview and interview.promised_by else "",
            placeholder="when they said they would answer (fri, +1w)",
            help="empty: no promise (check in after 5 business days)",
        ),
        FieldSpec(
            "felt",
            "It felt",
            "choice",
            choices=FEEL_CHOICES,
            value=interview.felt if interview and interview.felt else "",
        ),
        FieldSpec(
            "skills",
            "Skills shown",
            "list",
            value=", ".join(interview.skills) if interview else "",
            placeholder="SQL, stakeholder demos",
        ),
    ]
    # The debrief's own fields, once the interview has happened (issue 18: tui/modals/debrief.py).
    debriefed = interview is not None and interview.start <= now
    if debriefed:
        fields += debrief_fields(records.settings, interview)

    if prefill:
        fields = [
            dataclasses.replace(f, value=prefill[f.name]) if f.name in prefill else f
            for f in fields
        ]

    def save(values: dict[str, Any], force: bool) -> None:
        if on_save is not None:
            on_save(values)
            return
        if interview is None:
            same = for_opportunity is not None and (values["company"], values["role"]) == (
                for_opportunity.company,
                for_opportunity.role,
            )
            actions.add_interview(
                store,
                now,
                company=values["company"],
                role=values["role"],
                start=values["start"],
                promised_by=values["promised_by"],
                felt=values["felt"],
                skills=values["skills"],
                kind=values["kind"],
                minutes=values["minutes"],
                opportunity_id=for_opportunity.id if same and for_opportunity else None,
                new=force,
            )
            return
        changed = dataclasses.replace(
            interview,
            start=values["start"],
            kind=values["kind"] or "interview",
            minutes=values["minutes"] or interview.minutes,
            promised_by=values["promised_by"],
            felt=values["felt"] or None,
            skills=values["skills"],
        )
        if debriefed:
            answers: dict[str, Any] = {
                "estimate": values["estimate"],
                "next_steps": values["next_steps"],
                "signals": debrief_values(fields, values)["signals"],
            }
            if not changed.promised_by and answers["next_steps"]:
                held = values["start"].in_timezone(tz).date()
                promise = promise_in(
                    answers["next_steps"], held, BusinessCalendar(records.settings.country)
                )
                answers["promised_by"] = promise.day if promise else None
            answered = (
                answers["estimate"] is not None or answers["next_steps"] or answers["signals"]
            )
            if answered and changed.debriefed_at is None:
                answers["debriefed_at"] = now
            changed = dataclasses.replace(changed, **answers)
        actions.edit_interview(
            store,
            interview,
            changed,
            opportunity=opportunity,
            company=values["company"],
            role=values["role"],
            force=force,
        )

    return InterviewForm(
        title or ("Edit interview" if interview else "Add an interview"),
        fields,
        save,
        now=now,
        tz=tz,
        country=records.settings.country,
    )


def contact_form(
    store: Store,
    now: DateTime,
    contact: Contact | None = None,
    *,
    advocate: bool = False,
    core: bool = False,
    company: str = "",
) -> FormScreen:
    """Add a contact (an advocate, if asked), or edit ``contact``."""
    records = store.records()
    fields = [
        FieldSpec("name", "Name", required=True, value=contact.name if contact else "", limit=200),
        FieldSpec(
            "company",
            "Company",
            value=contact.company if contact else company,
            suggestions=_companies(records),
            limit=200,
        ),
        FieldSpec(
            "relation",
            "Relation",
            value=contact.relation if contact else "",
            placeholder="former colleague, friend of Chris, recruiter",
        ),
        FieldSpec("email", "E-mail", "email", value=contact.email if contact else "", limit=320),
        FieldSpec("phone", "Phone", value=contact.phone if contact else "", limit=50),
        FieldSpec(
            "advocate",
            "Advocate",
            "flag",
            value=contact.is_advocate if contact else advocate,
            help="tells you what is going on inside (space ticks)",
        ),
        FieldSpec(
            "core",
            "Core network",
            "flag",
            value=contact.is_core if contact else core,
            help="hears how each interview went",
        ),
        FieldSpec("notes", "Intel / notes", value=contact.notes if contact else ""),
    ]

    def save(values: dict[str, Any], force: bool) -> None:
        if contact is None:
            actions.add_contact(
                store,
                name=values["name"],
                company=values["company"],
                relation=values["relation"],
                email=values["email"],
                phone=values["phone"],
                advocate=values["advocate"],
                core=values["core"],
                notes=values["notes"],
                new=force,
            )
            return
        tags = set(contact.tags) - {"advocate", "core"}
        tags |= {t for t, on in (("advocate", values["advocate"]), ("core", values["core"])) if on}
        changed = dataclasses.replace(
            contact,
            name=values["name"],
            company=values["company"],
            relation=values["relation"],
            email=values["email"],
            phone=values["phone"],
            tags=frozenset(tags),
            notes=values["notes"],
        )
        store.put(changed, expected=None if force else contact)

    title = "Edit contact" if contact else ("Add an advocate" if advocate else "Add a contact")
    return FormScreen(title, fields, save, now=now, tz=_tz(store))


STAGE_WORDS = {
    "lead": "lead (not applied yet)",
    "applied": "applied",
    "screening": "screening",
    "interviewing": "interviewing",
    "offer": "offer",
    "rejected": "rejected",
    "withdrawn": "withdrawn (you stepped back)",
    "closed": "closed (the role is gone)",
}


def opportunity_form(
    store: Store, now: DateTime, opportunity: Opportunity | None = None
) -> FormScreen:
    """Add an opportunity, or edit ``opportunity`` (company, role, stage, posting, notes)."""
    records = store.records()
    fields = [
        FieldSpec(
            "company",
            "Company",
            required=True,
            value=opportunity.company if opportunity else "",
            suggestions=_companies(records),
            limit=200,
        ),
        FieldSpec("role", "Role", value=opportunity.role if opportunity else "", limit=200),
        FieldSpec(
            "stage",
            "Stage",
            "choice",
            required=True,
            choices=[(STAGE_WORDS[s], s) for s in STAGES],
            value=opportunity.stage if opportunity else "applied",
        ),
        FieldSpec(
            "offer_in_hand",
            "Offer in hand",
            "flag",
            value=opportunity.offer_in_hand if opportunity else False,
            visible_when=("stage", "offer"),
            help="the letter is yours (space ticks)",
        ),
        FieldSpec(
            "url",
            "Posting URL",
            "url",
            value=opportunity.url if opportunity else "",
            placeholder="https://...",
        ),
        FieldSpec(
            "applied_on",
            "Applied on",
            "day",
            value=_iso(opportunity.applied_on if opportunity else None),
            placeholder="today, mon, 2026-11-20",
        ),
    ]
    if opportunity is not None:
        fields.append(FieldSpec("notes", "Notes", value=opportunity.notes, limit=20000))

    def save(values: dict[str, Any], force: bool) -> None:
        if opportunity is None:
            actions.add_opportunity(
                store,
                now,
                company=values["company"],
                role=values["role"],
                stage=values["stage"],
                url=values["url"],
                applied_on=values["applied_on"],
                new=force,
            )
            return
        changed = dataclasses.replace(
            opportunity,
            company=values["company"],
            role=values["role"],
            stage=values["stage"],
            offer_in_hand=bool(values.get("offer_in_hand")) and values["stage"] == "offer",
            url=values["url"],
            applied_on=values["applied_on"],
            notes=values["notes"],
        )
        store.put(changed, expected=None if force else opportunity)

    title = "Edit opportunity" if opportunity else "Add an opportunity"
    return FormScreen(title, fields, save, now=now, tz=_tz(store))


def touch_form(
    store: Store,
    now: DateTime,
    *,
    company: str = "",
    contact: Contact | None = None,
    kind: str = "",
    questions: bool = False,
    opportunity: Opportunity | None = None,
) -> FormScreen:
    """Log a message or call; for an advocate, with the answers to the open questions.

    Opened on a ``contact``, the touch goes to that very person unless the name is changed;
    opened on an ``opportunity`` (a Waiting room row), to that very opportunity unless the
    company is changed. When it happened is read as the past: ``mon 16:30`` is last Monday.
    """
    records = store.records()
    names = sorted({c.name for c in records.contacts}, key=str.casefold)
    company = opportunity.company if opportunity is not None else company
    fields = [
        FieldSpec(
            "kind",
            "What happened",
            "choice",
            required=True,
            choices=TOUCH_CHOICES,
            value=kind or "check_in",
        ),
        FieldSpec(
            "company",
            "Company",
            value=company,
            suggestions=_companies(records),
            help="the opportunity's company (empty: news for the contact alone)",
            limit=200,
        ),
        FieldSpec(
            "contact",
            "Contact",
            value=contact.name if contact else "",
            suggestions=names,
            limit=200,
        ),
        FieldSpec(
            "at",
            "When",
            "moment",
            value="now",
            placeholder="now, today 10:00, mon 16:30 (last Monday)",
            past=True,
        ),
        FieldSpec(
            "outcome",
            "Outcome",
            "choice",
            choices=OUTCOME_CHOICES,
            visible_when=("kind", "heard_back"),
        ),
    ]
    if questions:
        fields += [
            FieldSpec(
                "internal_change",
                "Changed inside?",
                visible_when=("kind", "advocate_ask"),
                placeholder="what they said (empty: did not ask)",
            ),
            FieldSpec(
                "still_posted",
                "Still posted?",
                visible_when=("kind", "advocate_ask"),
                placeholder="yes / no / not sure",
            ),
        ]
    fields.append(FieldSpec("note", "Note", placeholder="anything worth remembering"))

    def save(values: dict[str, Any], force: bool) -> None:
        answers = {k: values[k] for k in ("internal_change", "still_posted") if values.get(k)}
        same_person = contact is not None and values["contact"] == contact.name
        same_job = opportunity is not None and values["company"] == opportunity.company
        actions.log_touch(
            store,
            _as_of(now, values["at"]),
            kind=values["kind"],
            company=None if same_job else values["company"] or None,
            opportunity_id=opportunity.id if same_job and opportunity else None,
            contact=None if same_person else values["contact"] or None,
            contact_id=contact.id if same_person and contact else None,
            at=values["at"],
            outcome=values.get("outcome") or None,
            note=values["note"],
            answers=answers,
        )

    return FormScreen("Log a touch", fields, save, now=now, tz=_tz(store))


def _as_of(opened: DateTime, at: DateTime | None) -> DateTime:
    """The moment a form's change is saved as of: when it was opened, or later if the person
    typed a later moment ("now" is read when saved: the form may have been open a while)."""
    return at if at is not None and at > opened else opened


def edit_touch_form(store: Store, now: DateTime, touch: Touch) -> FormScreen:
    """Correct a logged touch: when it happened, the outcome, the answers, the note.

    What it was and with whom stay as logged: a touch logged against the wrong company is
    better deleted and logged again than silently moved.
    """
    tz = _tz(store)
    at = touch.at.in_timezone(tz)
    fields = [
        FieldSpec(
            "at",
            "When",
            "moment",
            required=True,
            value=f"{at.date().isoformat()} {format_clock(at.time())}",
            past=True,
        ),
        FieldSpec("channel", "Channel", value=touch.channel, placeholder="email, phone, linkedin"),
    ]
    if touch.kind == "heard_back":
        fields.append(
            FieldSpec(
                "outcome", "Outcome", "choice", choices=OUTCOME_CHOICES, value=touch.outcome or ""
            )
        )
    if touch.kind == "advocate_ask":
        fields += [
            FieldSpec(
                "internal_change", "Changed inside?", value=touch.answers.get("internal_change", "")
            ),
            FieldSpec("still_posted", "Still posted?", value=touch.answers.get("still_posted", "")),
        ]
    fields.append(FieldSpec("note", "Note", value=touch.note))

    def save(values: dict[str, Any], force: bool) -> None:
        changes: dict[str, Any] = {
            "at": values["at"],
            "note": values["note"],
            "channel": values["channel"] or touch.channel,
        }
        if "outcome" in values:
            changes["outcome"] = values["outcome"] or None
        if touch.kind == "advocate_ask":
            changes["answers"] = {
                k: values[k] for k in ("internal_change", "still_posted") if values.get(k)
            }
        actions.edit_touch(
            store,
            _as_of(now, values["at"]),
            touch,
            dataclasses.replace(touch, **changes),
            force=force,
        )

    label = dict((v, k) for k, v in TOUCH_CHOICES).get(touch.kind, touch.kind)
    return FormScreen(f"Edit: {label}", fields, save, now=now, tz=tz)
