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


def test_days_read_as_a_person_would_say_them() -> None:
    from tui.engine.compose import when_phrase

    monday = pendulum.Date(2026, 11, 23)
    said = {
        days: when_phrase(monday.subtract(days=days), monday) for days in (0, 1, 3, 6, 7, 12, 35)
    }
    assert said == {
        0: "today",
        1: "yesterday",
        3: "last Friday",  # it was last week
        6: "last Tuesday",
        7: "on 16 November",  # a week ago Monday: "last Monday" would be ambiguous
        12: "on 11 November",
        35: "on 19 October",  # five weeks later, never "on Monday"
    }
    friday = pendulum.Date(2026, 11, 27)
    assert when_phrase(pendulum.Date(2026, 11, 24), friday) == "on Tuesday"  # this week
    assert when_phrase(pendulum.Date(2026, 11, 17), friday) == "on Tuesday last week"
    assert when_phrase(pendulum.Date(2025, 12, 1), friday) == "on 1 December 2025"


def test_roles_and_skills_read_as_written() -> None:
    from tui.engine.compose import a_role, listed

    assert a_role("Analytics Engineer") == "an Analytics Engineer role"
    assert a_role("BI Developer") == "a BI Developer role"
    assert a_role("SQL Developer") == "an SQL Developer role"
    assert a_role("Data Analyst") == "a Data Analyst role"
    assert a_role("") == "a role"
    assert listed(("dbt", "data modelling", "testing")) == "dbt, data modelling and testing"
    assert listed(("SQL",)) == "SQL" and listed(()) == ""


def test_the_tone_check_can_name_the_real_promised_day(world: World) -> None:
    world.interview("Acme", "2026-11-16 10:00", promised_by="2026-11-20")
    world.touch("thank_you", "2026-11-16 15:00", company="Acme")
    situation = _for(world, "2026-11-23 09:00", company="Acme")
    # One line to pass once check_tone takes facts= (the tone branch).
    assert situation.facts == {"promised_day": "Friday 20 November"}
    assert situation.values["promised_phrase"] == "by Friday"  # three days ago: the weekday


def test_without_a_name_a_draft_is_unsigned_and_says_how_to_sign(world: World) -> None:
    world.interview("Acme", "2026-11-16 10:00")
    situation = _for(world, "2026-11-16 15:00", company="Acme")
    assert situation.values["signature"] == "" and situation.values["greeting"] == "Hello,"
    assert any("your_name" in note for note in situation.notes)
    world.settings = world.settings.with_text("your_name", "Sam Rivera")
    signed = _for(world, "2026-11-16 15:00", company="Acme")
    assert signed.values["signature"] == "Best regards,\nSam Rivera" and not signed.notes


def test_the_conversation_is_named_by_how_long_ago_it_was() -> None:
    from tui.engine.compose import _conversation

    today = pendulum.Date(2026, 11, 27)  # a Friday
    assert _conversation(today, today) == "today's conversation"
    assert _conversation(pendulum.Date(2026, 11, 26), today) == "yesterday's conversation"
    assert _conversation(pendulum.Date(2026, 11, 23), today) == "Monday's conversation"
    assert _conversation(pendulum.Date(2026, 11, 21), today) == "Saturday's conversation"
    assert _conversation(pendulum.Date(2026, 11, 20), today) == "our conversation"


def test_the_role_names_its_company_only_when_the_recipient_is_elsewhere() -> None:
    from tui.engine.compose import Situation
    from tui.engine.models import Contact, Opportunity

    opportunity = Opportunity(id="opp_a", company="Bluefin  Health", role="Data Analyst")

    def about(company: str) -> str:
        contact = Contact(id="con_a", name="Ravi", company=company)
        return Situation("check_in_first", opportunity, contact, {}).about

    assert about("bluefin health") == "the Data Analyst role"
    assert about("Northwind") == "the Data Analyst role at Bluefin  Health"


def test_thirteen_days_back_on_a_sunday_is_still_last_week() -> None:
    from tui.engine.compose import when_phrase

    sunday = pendulum.Date(2026, 11, 29)
    assert when_phrase(pendulum.Date(2026, 11, 16), sunday) == "on Monday last week"
    assert when_phrase(pendulum.Date(2026, 11, 15), sunday) == "on 15 November"


def test_a_close_out_thanks_for_the_news_or_withdraws_for_an_offer(world: World) -> None:
    world.opportunity("Acme", role="Data Analyst", stage="rejected")
    world.interview("Acme", "2026-11-16 10:00")
    rejected = _for(world, "2026-11-23 09:00", company="Acme")
    assert rejected.template == "close_out"
    assert rejected.values["close_out_news"].startswith(
        "Thank you for letting me know about the Data Analyst role. While I'm sorry"
    )
    assert "meeting the team at Acme" in rejected.values["close_out_news"]
    world.opportunity("Beta", stage="interviewing")
    world.opportunity("Gamma", stage="offer", offer_in_hand=True)
    withdrawing = _for(world, "2026-11-23 09:00", company="Beta")
    assert withdrawing.values["close_out_news"].startswith(
        "I wanted to let you know that I have received an offer I've decided to accept"
    )


def test_an_advocate_with_no_interview_yet_gets_the_ask_not_a_network_update(
    world: World,
) -> None:
    world.contact("Priya", "Acme", tags=("advocate", "core"))
    situation = _for(world, "2026-11-23 09:00", contact="Priya")
    assert (situation.template, situation.opportunity) == ("advocate_ask", None)


def test_an_ask_made_lately_says_when_the_next_one_is_due(world: World) -> None:
    world.interview("Acme", "2026-11-16 10:00")
    priya = world.contact("Priya", "Acme", tags=("advocate",))
    world.touch("advocate_ask", "2026-11-23 09:00", company="Acme", contact=priya)
    situation = _for(world, "2026-11-24 09:00", company="Acme", contact="Priya")
    assert situation.template == "advocate_ask"
    assert "The next ask is due Mon 30 Nov." in situation.notes


def test_the_note_names_the_step_to_take_first_and_the_second_check_in_by_number(
    world: World,
) -> None:
    world.interview("Acme", "2026-11-16 10:00", promised_by="2026-11-18")
    world.touch("thank_you", "2026-11-16 15:00", company="Acme")
    first = _for(world, "2026-11-24 09:00", company="Acme")
    assert first.template == "check_in_first"
    world.touch("check_in", "2026-11-19 10:00", company="Acme")
    second = _for(world, "2026-11-24 09:00", company="Acme")
    assert second.notes[0] == (
        "Next step: find advocate (Thu 19 Nov), nothing to write for that; this draft is the "
        "check-in 2, due Fri 27 Nov."
    )
