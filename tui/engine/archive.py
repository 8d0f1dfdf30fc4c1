"""Finished history: what of the records no day's plan needs any more (issue 19).

A person keeps nowwhat across job searches; years of closed opportunities, old touches and done
tasks would otherwise be read, built and rewritten with every start and every change. The store
keeps what :func:`finished_history` names in an archive beside the database. Pure: records and
``now`` in, record ids out.

What is finished, as of ``now`` with a horizon of ``days``:

* an opportunity that is closed (rejected, withdrawn, closed) and whose every date — applied,
  created, posting checked, each interview's start, each touch about it — is older than the
  horizon, together with those interviews and touches;
* a done task finished (and created) before the horizon.

An opportunity whose touches include the latest touch with some contact stays: the network
items read each contact's last word ("no word for 21+ days" against "you have not told them
about your search yet"), and that must not change when old history leaves.

Contacts, marks, settings and mail records are never archived.
"""

from __future__ import annotations

import dataclasses
from collections import defaultdict
from dataclasses import dataclass

from pendulum import Date, DateTime

from .models import Interview, Records, Touch

__all__ = ["HORIZON_DAYS", "Finished", "finished_history", "without"]

HORIZON_DAYS = 180
"""How old finished history must be before it leaves the records every start reads."""


@dataclass(frozen=True, slots=True)
class Finished:
    """The ids of finished records, by table."""

    opportunities: frozenset[str] = frozenset()
    interviews: frozenset[str] = frozenset()
    touches: frozenset[str] = frozenset()
    tasks: frozenset[str] = frozenset()

    def __bool__(self) -> bool:
        return bool(self.opportunities or self.interviews or self.touches or self.tasks)

    def inverse(self, records: Records) -> Finished:
        """Every record of ``records`` in the archived tables that is not finished."""
        return Finished(
            *(
                frozenset(r.id for r in getattr(records, name)) - self.of(name)
                for name in ("opportunities", "interviews", "touches", "tasks")
            )
        )

    def of(self, table: str) -> frozenset[str]:
        found: frozenset[str] = getattr(self, table, frozenset())
        return found


def _day(value: Date | DateTime | None) -> Date | None:
    if value is None:
        return None
    return value.date() if isinstance(value, DateTime) else value


def finished_history(records: Records, now: DateTime, days: int = HORIZON_DAYS) -> Finished:
    """What of ``records`` is finished history as of ``now`` (see the module's rules)."""
    horizon = now.subtract(days=days)
    horizon_day = horizon.date()
    interviews_of: dict[str, list[Interview]] = defaultdict(list)
    for interview in records.interviews:
        interviews_of[interview.opportunity_id].append(interview)
    touches_of: dict[str, list[Touch]] = defaultdict(list)
    for touch in records.touches:
        if touch.opportunity_id is not None:
            touches_of[touch.opportunity_id].append(touch)
    latest: dict[str, DateTime] = {}
    for touch in records.touches:
        if touch.contact_id is not None:
            seen = latest.get(touch.contact_id)
            if seen is None or touch.at > seen:
                latest[touch.contact_id] = touch.at
    opportunities: set[str] = set()
    interviews: set[str] = set()
    touches: set[str] = set()
    for opportunity in records.opportunities:
        if opportunity.active:
            continue
        days_seen = [
            _day(opportunity.applied_on),
            _day(opportunity.created_at),
            _day(opportunity.posting_checked),
        ]
        if any(d is not None and d >= horizon_day for d in days_seen):
            continue
        its_interviews = interviews_of.get(opportunity.id, [])
        its_touches = touches_of.get(opportunity.id, [])
        if any(i.start >= horizon for i in its_interviews) or any(
            t.at >= horizon or (t.contact_id is not None and latest[t.contact_id] == t.at)
            for t in its_touches
        ):
            continue
        opportunities.add(opportunity.id)
        interviews.update(i.id for i in its_interviews)
        touches.update(t.id for t in its_touches)
    tasks = {
        task.id
        for task in records.tasks
        if task.status == "done"
        and task.done_at is not None
        and task.done_at < horizon
        and (task.created_at is None or task.created_at < horizon)
    }
    return Finished(
        frozenset(opportunities), frozenset(interviews), frozenset(touches), frozenset(tasks)
    )


def without(records: Records, finished: Finished) -> Records:
    """``records`` less what ``finished`` names: the records every start reads."""
    return dataclasses.replace(
        records,
        opportunities=tuple(o for o in records.opportunities if o.id not in finished.opportunities),
        interviews=tuple(i for i in records.interviews if i.id not in finished.interviews),
        touches=tuple(t for t in records.touches if t.id not in finished.touches),
        tasks=tuple(t for t in records.tasks if t.id not in finished.tasks),
    )
