"""The composer picks the message that fits the situation, addressed to the right person."""

from __future__ import annotations

import pendulum
from world import World

from tui.engine.compose import situation_for
from tui.engine.models import Records


def _for(world: World, now: str, company: str | None = None, contact: str | None = None):  # type: ignore[no-untyped-def]
    records: Records = world.records()
    opportunity = next((o for o in records.opportunities if o.company == company), None)
    person = next((c for c in records.contacts if c.name == contact), None)
    return situation_for(records, world.at(now), opportunity=opportunity, contact=person)


def test_no_thank_you_yet_means_the_thank_you(world: World) -> None:
    world.interview("Acme", "2026-11-20 10:00", interviewers=("Ana Diaz",))
    world.contact("Ana Diaz", "Acme", relation="hiring manager")
    situation = _for(world, "2026-11-20 15:00", company="Acme")
    assert situation.template == "thank_you"
    assert situation.contact is not None and situation.values["contact"] == "Ana"
    assert situation.values["interview_day"] == "Friday"


def test_check_ins_go_first_second_last(world: World) -> None:
    world.interview("Acme", "2026-11-02 10:00", promised_by="2026-11-06")
    world.touch("thank_you", "2026-11-02 15:00", company="Acme")
    assert _for(world, "2026-11-09 09:00", company="Acme").template == "check_in_first"
    world.touch("check_in", "2026-11-09 10:00", company="Acme")
    assert _for(world, "2026-11-17 09:00", company="Acme").template == "check_in_second"
    world.touch("check_in", "2026-11-17 10:00", company="Acme")
    situation = _for(world, "2026-11-24 09:00", company="Acme")
    assert situation.template == "check_in_last"
    # Eighteen days after the promise, "by Friday" would read as this week: the date.
    assert situation.values["promised_phrase"] == "by 6 November"


def test_an_advocate_gets_the_advocate_ask_and_a_rejection_a_close_out(world: World) -> None:
    world.interview("Acme", "2026-11-16 10:00")
    world.contact("Priya", "Acme", tags=("advocate",))
    assert _for(world, "2026-11-23 09:00", company="Acme", contact="Priya").template == (
        "advocate_ask"
    )
    world.opportunities[0] = world.opportunities[0].__class__(
        id=world.opportunities[0].id, company="Acme", stage="rejected"
    )
    assert _for(world, "2026-11-23 09:00", company="Acme").template == "close_out"


def test_a_core_contact_hears_about_the_latest_interview_and_its_skills(world: World) -> None:
    world.interview("Acme", "2026-11-16 10:00", skills=("SQL", "storytelling"))
    world.interview("Beta", "2026-11-19 10:00", skills=("dbt",))
    world.contact("Elena", tags=("core",))
    situation = _for(world, "2026-11-23 09:00", contact="Elena")
    assert situation.template == "network_update"
    assert (situation.values["company"], situation.values["skills"]) == ("Beta", "dbt")
    assert situation.values["contact"] == "Elena"


def test_the_late_night_guard_uses_local_time() -> None:
    from tui.engine.tone import check_tone
    from tui.lexicon import shipped_lexicon

    night_in_new_york = pendulum.datetime(2026, 11, 24, 4, 30, tz="UTC").in_timezone(
        "America/New_York"
    )
    assert check_tone("Thanks again!", shipped_lexicon(), night_in_new_york).late_night
