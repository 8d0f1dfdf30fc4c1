"""Finding records by what a person types: which opportunity a company name means."""

from __future__ import annotations

import dataclasses

import pendulum

from tui.engine.lookup import company_key, contacts_named, opportunities_at, opportunity_for
from tui.engine.models import Contact, Interview, Opportunity, Records

TZ = "America/New_York"


def at(day: int) -> pendulum.DateTime:
    return pendulum.datetime(2026, 11, day, 10, 0, tz=TZ)


def test_a_company_name_matches_whatever_its_case_and_spacing() -> None:
    assert company_key("  Bluefin   Health ") == company_key("bluefin health") == "bluefin health"
    records = Records(
        opportunities=(Opportunity(id="o1", company="Bluefin Health"),),
        contacts=(Contact(id="c1", name="Ravi  Shah"), Contact(id="c2", name="Ravi")),
    )
    assert [o.id for o in opportunities_at(records, "BLUEFIN  health")] == ["o1"]
    assert [c.id for c in contacts_named(records, "ravi shah")] == ["c1"]
    assert opportunity_for(records, "Northwind") is None


def test_active_wins_then_the_latest_interview_then_the_one_added_last() -> None:
    older = Opportunity(id="o1", company="Acme")
    newer = Opportunity(id="o2", company="acme")
    closed = Opportunity(id="o3", company="Acme", stage="rejected")
    interviews = (
        Interview(id="i1", opportunity_id="o1", start=at(20)),
        Interview(id="i2", opportunity_id="o2", start=at(10)),
        Interview(id="i3", opportunity_id="o3", start=at(25)),
        Interview(id="i4", opportunity_id="o1", start=at(5)),
    )
    records = Records(opportunities=(older, newer, closed), interviews=interviews)
    found = opportunity_for(records, "ACME")
    assert found is not None and found.id == "o1"  # interviewed most recently among the active
    without = dataclasses.replace(records, interviews=())
    found = opportunity_for(without, "acme")
    assert found is not None and found.id == "o2"  # no interviews: the one added last
    only_closed = Records(opportunities=(closed,))
    assert opportunity_for(only_closed, "acme") == closed
