"""Records survive the trip to a document and back, zone and all; bad documents name the field."""

from __future__ import annotations

import json

import pendulum
import pytest
from hypothesis import given
from hypothesis import strategies as st

from tui.engine.errors import InvalidField
from tui.engine.models import (
    FEELINGS,
    OUTCOMES,
    STAGES,
    TASK_KINDS,
    Contact,
    Interview,
    Opportunity,
    Task,
    Touch,
)
from tui.store.documents import from_document, to_document

ZONES = st.sampled_from(["UTC", "Europe/Berlin", "America/New_York", "Asia/Kolkata"])
# Any text a record takes: every character but the controls the records refuse (tui.engine.text).
LETTERS = st.characters(exclude_categories=("Cc", "Cs", "Cf", "Zl", "Zp"))
TEXT = st.text(LETTERS, min_size=1, max_size=30).filter(str.strip)
IDS = st.from_regex(r"[a-z]{3}_[a-z0-9]{1,12}", fullmatch=True)


@st.composite
def moments(draw: st.DrawFn) -> pendulum.DateTime:
    naive = draw(
        st.datetimes(
            min_value=pendulum.datetime(2000, 1, 1).naive(),
            max_value=pendulum.datetime(2060, 1, 1).naive(),
        )
    )
    return pendulum.instance(naive, tz="UTC").in_timezone(draw(ZONES))


DAYS = st.dates(min_value=pendulum.Date(2000, 1, 1), max_value=pendulum.Date(2060, 1, 1)).map(
    lambda d: pendulum.Date(d.year, d.month, d.day)
)

RECORDS = st.one_of(
    st.builds(
        Opportunity,
        id=IDS,
        company=TEXT,
        role=st.text(LETTERS, max_size=20),
        stage=st.sampled_from(STAGES),
        applied_on=st.none() | DAYS,
        offer_in_hand=st.booleans(),
        created_at=st.none() | moments(),
    ),
    st.builds(
        Interview,
        id=IDS,
        opportunity_id=IDS,
        start=moments(),
        skills=st.lists(TEXT, max_size=4).map(tuple),
        interviewers=st.lists(TEXT, max_size=3).map(tuple),
        promised_by=st.none() | DAYS,
        felt=st.none() | st.sampled_from(FEELINGS),
        minutes=st.integers(1, 600),
    ),
    st.builds(
        Contact,
        id=IDS,
        name=TEXT,
        company=st.text(LETTERS, max_size=20),
        tags=st.frozensets(st.sampled_from(["core", "advocate", "recruiter"])),
        opportunity_ids=st.lists(IDS, max_size=3).map(tuple),
    ),
    st.builds(
        Touch,
        id=IDS,
        kind=st.just("heard_back"),
        at=moments(),
        opportunity_id=IDS,
        direction=st.just("in"),
        outcome=st.none() | st.sampled_from(OUTCOMES),
        answers=st.dictionaries(TEXT, st.text(LETTERS, max_size=20), max_size=3),
    ),
    st.builds(
        Task,
        id=IDS,
        title=TEXT,
        kind=st.sampled_from(TASK_KINDS),
        minutes=st.none() | st.integers(1, 480),
        due=st.none() | DAYS,
        snoozed_to=st.none() | DAYS,
    ),
)


@given(RECORDS)
def test_every_record_survives_json_and_back(record: object) -> None:
    document = json.loads(json.dumps(to_document(record)))  # type: ignore[arg-type]
    back = from_document(type(record), document)  # type: ignore[type-var]
    assert back == record
    for name in ("start", "at", "created_at"):
        value = getattr(record, name, None)
        if value is not None:
            assert getattr(back, name).timezone_name == value.timezone_name


def test_a_document_with_a_bad_value_names_the_field() -> None:
    with pytest.raises(InvalidField) as caught:
        from_document(
            Interview,
            {
                "id": "int_1",
                "opportunity_id": "opp_1",
                "start": "2026-11-24T14:00:00+01:00[Europe/Berlin]",
                "promised_by": "next week",
            },
        )
    assert caught.value.field == "promised_by"
    with pytest.raises(InvalidField) as caught:
        from_document(Opportunity, {"id": "opp_1"})
    assert caught.value.field == "company"
    with pytest.raises(InvalidField) as caught:
        from_document(Contact, {"id": "con_1", "name": "Eve", "tags": "core"})
    assert caught.value.field == "tags"
