"""A database whose every user-typed field is Rich markup: it must be shown, never obeyed."""

from __future__ import annotations

from pathlib import Path

import pendulum

from tui.engine.models import Contact, Interview, Opportunity, Task, Touch
from tui.engine.settings import Settings
from tui.store import Store

__all__ = ["MARKUP", "NOW", "hostile_store"]

NOW = pendulum.datetime(2026, 11, 23, 8, 30, tz="America/New_York")
MARKUP = ["[bold]Eve[/]", "[/]", "[link=x]Mallory[/link]", "[@click=app.quit]x[/]"]


def hostile_store(path: Path) -> Store:
    store = Store(path, default_timezone=lambda: "America/New_York")
    store.save_settings(Settings().with_text("timezone", "America/New_York"))
    store.add(Opportunity(id="opp_x", company="[bold]Acme[/]", role="[link=x]role[/link]"))
    store.add(
        Interview(
            id="int_x",
            opportunity_id="opp_x",
            start=NOW.subtract(days=6),
            skills=("[red]SQL[/]",),
            promised_by=NOW.subtract(days=3).date(),
            felt="good",
            kind="[b]panel",
        )
    )
    for n, name in enumerate(MARKUP):
        store.add(
            Contact(
                id=f"con_{n}",
                name=name,
                company="[bold]Acme[/]",
                tags=frozenset({"advocate", "core"}),
                notes="[@click=app.quit]x[/]",
            )
        )
    store.add(
        Touch(
            id="tch_x",
            kind="advocate_ask",
            at=NOW.subtract(days=2),
            contact_id="con_0",
            opportunity_id="opp_x",
            answers={"still_posted": "[/]"},
            note="[/bold]",
        )
    )
    store.add(Task(id="tsk_x", title="[@click=app.quit]Apply[/]", kind="apply"))
    return store
