"""A small world builder for engine tests: records by company and local time, then a plan."""

from __future__ import annotations

import itertools
from typing import Any

from pendulum import Date, DateTime

from tui.engine.models import Contact, Interview, Mark, Opportunity, Records, Task, Touch
from tui.engine.plan import DayPlan, plan_day
from tui.engine.settings import Settings
from tui.engine.when import parse_moment

TZ = "America/New_York"


class World:
    """Builds records the way a person would describe them: "interviewed at Acme on Fri 10:00"."""

    def __init__(self, **settings: str) -> None:
        base = Settings().with_text("timezone", TZ).with_text("country", "US")
        for key, value in settings.items():
            base = base.with_text(key, str(value))
        self.settings = base
        self.opportunities: list[Opportunity] = []
        self.interviews: list[Interview] = []
        self.contacts: list[Contact] = []
        self.touches: list[Touch] = []
        self.tasks: list[Task] = []
        self.marks: list[Mark] = []
        self._ids = itertools.count(1)

    def at(self, text: str) -> DateTime:
        return parse_moment(text, TZ)

    def _id(self, prefix: str) -> str:
        return f"{prefix}_{next(self._ids)}"

    def opportunity(self, company: str, **values: Any) -> Opportunity:
        for existing in self.opportunities:
            if existing.company == company:
                return existing
        made = Opportunity(id=self._id("opp"), company=company, **values)
        self.opportunities.append(made)
        return made

    def interview(self, company: str, at: str, **values: Any) -> Interview:
        if isinstance(values.get("promised_by"), str):
            values["promised_by"] = Date.fromisoformat(values["promised_by"])
        made = Interview(
            id=self._id("int"),
            opportunity_id=self.opportunity(company).id,
            start=self.at(at),
            **values,
        )
        self.interviews.append(made)
        return made

    def contact(
        self, name: str, company: str = "", tags: tuple[str, ...] = (), **values: Any
    ) -> Contact:
        made = Contact(
            id=self._id("con"), name=name, company=company, tags=frozenset(tags), **values
        )
        self.contacts.append(made)
        return made

    def touch(
        self,
        kind: str,
        at: str,
        company: str | None = None,
        contact: Contact | None = None,
        **values: Any,
    ) -> Touch:
        opportunity = self.opportunity(company).id if company else None
        direction = "in" if kind == "heard_back" else values.pop("direction", "out")
        made = Touch(
            id=self._id("tch"),
            kind=kind,
            at=self.at(at),
            opportunity_id=opportunity,
            contact_id=contact.id if contact else None,
            direction=direction,
            **values,
        )
        self.touches.append(made)
        return made

    def task(self, title: str, kind: str = "other", **values: Any) -> Task:
        if isinstance(values.get("due"), str):
            values["due"] = Date.fromisoformat(values["due"])
        made = Task(id=self._id("tsk"), title=title, kind=kind, **values)
        self.tasks.append(made)
        return made

    def mark(self, item_id: str, snoozed_to: str | None = None, done_at: str | None = None) -> Mark:
        """What the person did with a planned item: a snooze (to a day) or a done (at a moment)."""
        made = Mark(
            id=self._id("mrk"),
            item_id=item_id,
            snoozed_to=Date.fromisoformat(snoozed_to) if snoozed_to else None,
            done_at=self.at(done_at) if done_at else None,
        )
        self.marks.append(made)
        return made

    def records(self) -> Records:
        return Records(
            opportunities=tuple(self.opportunities),
            interviews=tuple(self.interviews),
            contacts=tuple(self.contacts),
            touches=tuple(self.touches),
            tasks=tuple(self.tasks),
            marks=tuple(self.marks),
            settings=self.settings,
        )

    def plan(self, now: str, day: str | None = None) -> DayPlan:
        return plan_day(self.records(), self.at(now), Date.fromisoformat(day) if day else None)


def items_of(plan: DayPlan, kind: str | None = None) -> list[Any]:
    """Placed items (optionally of one kind)."""
    return [i for i in plan.items() if kind is None or i.kind == kind]


def deferred_of(plan: DayPlan, kind: str | None = None) -> list[Any]:
    return [d.item for d in plan.deferred if kind is None or d.item.kind == kind]


def everything(plan: DayPlan, kind: str | None = None) -> list[Any]:
    """Placed and deferred: everything due that day."""
    return items_of(plan, kind) + deferred_of(plan, kind)


__all__ = ["TZ", "World", "deferred_of", "everything", "items_of"]
