"""Seeded generator of large, realistic-looking nowwhat databases for benchmarks.

``generate(seed, sizes, now)`` returns records only; ``python generate.py OUT.json [preset]``
writes a database file. The same seed and sizes always give the same records.
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
