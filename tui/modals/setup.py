"""The first run: a short setup on an empty database (name, time zone, holidays, weekly goals)."""

from __future__ import annotations

from typing import Any

from pendulum import DateTime

from .. import actions
from ..engine.models import Records
from ..store import Store
from .form import FieldSpec, FormScreen

__all__ = ["needs_setup", "setup_form"]

NOTE = (
    "Welcome to nowwhat. Four things make the plan yours; each can be changed later with "
    "nowwhat settings. escape skips this (it asks again while the database is empty)."
)


def needs_setup(records: Records) -> bool:
    """An empty database nobody has set up yet: no records, no name for the signatures."""
    return not any(records.counts().values()) and not records.settings["your_name"]


def setup_form(store: Store, now: DateTime) -> FormScreen:
    """Your name (drafts are signed with it), time zone, holiday calendar, weekly goals."""
    settings = store.settings()
    fields = [
        FieldSpec(
            "your_name",
            "Your name",
            required=True,
            placeholder="how your messages are signed",
            limit=100,
        ),
        FieldSpec(
            "timezone",
            "Time zone",
            required=True,
            value=settings.timezone,
            placeholder="Europe/Berlin, America/New_York",
            help="days, work hours and every time you type are read in it",
        ),
        FieldSpec(
            "country",
            "Holidays of",
            value=settings.country,
            placeholder="US, GB, DE… (empty: none)",
            help="public holidays there are not business days",
        ),
        FieldSpec(
            "weekly_applications",
            "Applications",
            "int",
            value=settings["weekly_applications"],
            help="a week: the plan spreads them over the days",
        ),
        FieldSpec(
            "weekly_networking_calls",
            "Calls",
            "int",
            value=settings["weekly_networking_calls"],
            help="networking calls a week",
        ),
    ]

    def save(values: dict[str, Any], force: bool) -> None:
        actions.change_settings(
            store,
            {
                key: "" if values[key] is None else str(values[key])
                for key in (
                    "your_name",
                    "timezone",
                    "country",
                    "weekly_applications",
                    "weekly_networking_calls",
                )
            },
        )

    return FormScreen("Set up nowwhat", fields, save, now=now, tz=settings.timezone, note=NOTE)
