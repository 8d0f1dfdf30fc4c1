"""Seeded generator of large, realistic-looking nowwhat databases for benchmarks.

``generate(seed, sizes, now)`` returns records only; ``python generate.py OUT.json [preset]``
writes a database file. The same seed and sizes always give the same records.

``decade`` is the year's very records (the same active search) plus ten years of finished
searches before it: closed opportunities with their interviews and touches, and done tasks, all
finished more than a year before ``now`` (see :func:`history`).
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

import pendulum

from tui.engine.models import Contact, Interview, Opportunity, Records, Task, Touch
from tui.engine.settings import Settings

PRESETS = {
    # one person's busy year (issue 7), five times that, and the engine issue's heavy user
    "year": {
        "opportunities": 300,
        "interviews": 150,
        "contacts": 600,
        "touches": 4000,
        "tasks": 1500,
    },
    "stress": {
        "opportunities": 1500,
        "interviews": 750,
        "contacts": 3000,
        "touches": 20000,
        "tasks": 7500,
    },
    # issue 19: the year's active search on top of ten finished searches (history only)
    "decade": {
        "opportunities": 300,
        "interviews": 150,
        "contacts": 600,
        "touches": 4000,
        "tasks": 1500,
        "history_opportunities": 3000,
        "history_interviews": 1500,
        "history_touches": 40000,
        "history_tasks": 15000,
    },
    "heavy": {
        "opportunities": 300,
        "interviews": 600,
        "contacts": 2000,
        "touches": 20000,
        "tasks": 2000,
    },
}
NOW = pendulum.datetime(2026, 11, 23, 8, 30, tz="America/New_York")
WORDS = ["Analytics", "Health", "Freight", "Labs", "Bank", "Maps", "Energy", "Systems", "Foods"]
NAMES = ["Ana", "Bo", "Chen", "Dara", "Eli", "Fay", "Gus", "Hana", "Ivo", "Jo", "Kai", "Lea"]


def generate(seed: int, sizes: dict[str, int], now: pendulum.DateTime = NOW) -> Records:
    """The records of ``sizes``; with ``history_*`` sizes, the same active records (the same
    seed draws them first) plus the finished history of :func:`history`."""
    records = _active(seed, sizes, now)
    if "history_opportunities" not in sizes:
        return records
    return history(seed, sizes, now, records)


def _active(seed: int, sizes: dict[str, int], now: pendulum.DateTime) -> Records:
    rng = random.Random(seed)
    tz = "America/New_York"

    def moment(days_back: int, days_ahead: int = 0) -> pendulum.DateTime:
        minutes = rng.randint(-days_back * 1440, days_ahead * 1440)
        return now.add(minutes=minutes).replace(second=0, microsecond=0)

    companies = [
        f"{rng.choice(NAMES)}{rng.choice(WORDS)} {n}" for n in range(sizes["opportunities"])
    ]
    opportunities = tuple(
        Opportunity(
            id=f"opp_{n:05d}",
            company=companies[n],
            role="Data Analyst",
            stage=rng.choice(["applied"] * 4 + ["interviewing"] * 3 + ["rejected"] * 3),
            applied_on=moment(365).date(),
        )
        for n in range(sizes["opportunities"])
    )
    interviews = tuple(
        Interview(
            id=f"int_{n:05d}",
            opportunity_id=rng.choice(opportunities).id,
            start=moment(365, 14),
            felt=rng.choice([None, "great", "good", "ok", "rough"]),
            promised_by=moment(300).date() if rng.random() < 0.4 else None,
            skills=("SQL", "Python")[: rng.randint(0, 2)],
        )
        for n in range(sizes["interviews"])
    )
    interviews = tuple(
        i
        if i.promised_by is None or i.promised_by >= i.start.date()
        else Interview(
            **{**{f: getattr(i, f) for f in i.__dataclass_fields__}, "promised_by": None}
        )
        for i in interviews
    )
    contacts = tuple(
        Contact(
            id=f"con_{n:05d}",
            name=f"{rng.choice(NAMES)} {n}",
            company=rng.choice(companies) if rng.random() < 0.7 else "",
            tags=frozenset(t for t, p in (("core", 0.05), ("advocate", 0.05)) if rng.random() < p),
        )
        for n in range(sizes["contacts"])
    )
    kinds = ["thank_you", "check_in", "advocate_ask", "network_update", "heard_back", "call"]
    touches = []
    for n in range(sizes["touches"]):
        kind = rng.choice(kinds)
        touches.append(
            Touch(
                id=f"tch_{n:05d}",
                kind=kind,
                at=moment(365),
                opportunity_id=rng.choice(opportunities).id if rng.random() < 0.8 else None,
                contact_id=rng.choice(contacts).id if rng.random() < 0.5 or True else None,
                direction="in" if kind == "heard_back" else "out",
                outcome=rng.choice(["next_round", "rejected", None])
                if kind == "heard_back"
                else None,
            )
        )
    tasks = []
    for n in range(sizes["tasks"]):
        done = rng.random() < 0.8
        tasks.append(
            Task(
                id=f"tsk_{n:05d}",
                title=f"Task {n}",
                kind=rng.choice(
                    ["apply", "cold_call", "networking_call", "research", "prep", "other"]
                ),
                minutes=rng.choice([None, 15, 30, 45, 60]),
                due=moment(300, 30).date() if rng.random() < 0.7 else None,
                status="done" if done else "open",
                done_at=moment(300) if done else None,
            )
        )
    settings = Settings().with_text("timezone", tz).with_text("country", "US")
    return Records(
        opportunities, interviews, contacts, tuple(touches), tuple(tasks), settings=settings
    )


def history(seed: int, sizes: dict[str, int], now: pendulum.DateTime, active: Records) -> Records:
    """``active`` plus ten years of finished searches that ended over a year before ``now``.

    Every historical opportunity is closed (rejected, withdrawn or closed); its interviews and
    touches (with the heard-back answers the calibration and median figures read) fall in the
    weeks after its application, all over a year before ``now``; a quarter of the old touches
    name a contact still in the network (people stay), the rest only the company. Every
    historical task is done.
    """
    rng = random.Random(seed * 1000 + 19)
    year = 365

    def moment(lo_days: int, hi_days: int) -> pendulum.DateTime:
        minutes = rng.randint(lo_days * 1440, hi_days * 1440)
        return now.subtract(minutes=minutes).replace(second=0, microsecond=0)

    opportunities = []
    for n in range(sizes["history_opportunities"]):
        applied = moment(year + 90, 11 * year).date()
        opportunities.append(
            Opportunity(
                id=f"opp_h{n:05d}",
                company=f"{rng.choice(NAMES)}{rng.choice(WORDS)} h{n}",
                role=rng.choice(["Data Analyst", "Analytics Engineer", "BI Developer"]),
                stage=rng.choice(["rejected"] * 6 + ["withdrawn"] * 2 + ["closed"] * 2),
                applied_on=applied,
            )
        )

    def after(opportunity: Opportunity, lo: int, hi: int) -> pendulum.DateTime:
        """A moment ``lo``-``hi`` days after the application: a search's work follows it."""
        applied = opportunity.applied_on
        assert applied is not None
        start = pendulum.datetime(
            applied.year, applied.month, applied.day, 9, tz="America/New_York"
        )
        return start.add(minutes=rng.randint(lo * 1440, hi * 1440))

    interviews = []
    for n in range(sizes["history_interviews"]):
        opportunity = rng.choice(opportunities)
        start = after(opportunity, 5, 45)
        promised = start.add(days=rng.randint(2, 10)).date() if rng.random() < 0.4 else None
        interviews.append(
            Interview(
                id=f"int_h{n:05d}",
                opportunity_id=opportunity.id,
                start=start,
                felt=rng.choice([None, "great", "good", "ok", "rough"]),
                promised_by=promised,
                skills=("SQL", "Python")[: rng.randint(0, 2)],
            )
        )
    kinds = ["thank_you", "check_in", "heard_back", "call", "advocate_ask"]
    touches = []
    for n in range(sizes["history_touches"]):
        kind = rng.choice(kinds)
        opportunity = rng.choice(opportunities)
        touches.append(
            Touch(
                id=f"tch_h{n:05d}",
                kind=kind,
                at=after(opportunity, 0, 75),
                opportunity_id=opportunity.id,
                contact_id=rng.choice(active.contacts).id if rng.random() < 0.25 else None,
                direction="in" if kind == "heard_back" else "out",
                outcome=rng.choice(["next_round", "rejected", None])
                if kind == "heard_back"
                else None,
            )
        )
    tasks = []
    for n in range(sizes["history_tasks"]):
        done_at = moment(year + 1, 11 * year)
        tasks.append(
            Task(
                id=f"tsk_h{n:05d}",
                title=f"Old task {n}",
                kind=rng.choice(
                    ["apply", "cold_call", "networking_call", "research", "prep", "other"]
                ),
                minutes=rng.choice([None, 15, 30, 45, 60]),
                due=done_at.subtract(days=rng.randint(0, 5)).date() if rng.random() < 0.7 else None,
                status="done",
                done_at=done_at,
            )
        )
    return Records(
        (*active.opportunities, *opportunities),
        (*active.interviews, *interviews),
        active.contacts,
        (*active.touches, *touches),
        (*active.tasks, *tasks),
        settings=active.settings,
    )


def write(path: Path, records: Records) -> None:
    """Write ``records`` as a nowwhat database file at ``path``."""
    from tui.store import Store

    store = Store(path, default_timezone=lambda: records.settings.timezone)
    with store.transaction():
        store.save_settings(records.settings)
        store.upsert_many(
            [
                *records.opportunities,
                *records.interviews,
                *records.contacts,
                *records.touches,
                *records.tasks,
            ]
        )


if __name__ == "__main__":
    target = Path(sys.argv[1])
    preset = sys.argv[2] if len(sys.argv) > 2 else "year"
    write(target, generate(7, PRESETS[preset]))
    print(f"wrote {target} ({preset})")
