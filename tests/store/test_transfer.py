"""Export and import carry everything: every table and the settings go out and come back equal,
the same file imported twice changes nothing the second time, and a bad file is refused whole,
naming where it is wrong, with nothing written."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pendulum
import pytest

from tui.engine.errors import InvalidField
from tui.engine.mail_records import MailReview, MailSeen, MailSource
from tui.engine.models import Contact, Interview, Mark, Opportunity, Task, Touch
from tui.engine.settings import Settings
from tui.store import Store
from tui.store.documents import RECORD_TYPES
from tui.store.schema import CURRENT_VERSION
from tui.store.transfer import EXPORT_FORMAT, export_records, import_records

TZ = "America/New_York"
AT = pendulum.datetime(2026, 11, 20, 10, tz=TZ)


def _everything(store: Store) -> None:
    """One record of every kind, linked the way a person's data is, and a changed setting."""
    store.add_all(
        [
            Opportunity(id="opp_acme", company="Acme", role="Data Analyst", stage="interviewing"),
            Opportunity(id="opp_beta", company="Beta", stage="applied"),
            Contact(id="con_ana", name="Ana Ruiz", company="Acme", opportunity_ids=("opp_acme",)),
            Contact(id="con_sam", name="Sam", company="Gamma"),
            Interview(id="int_1", opportunity_id="opp_acme", start=AT, interviewers=("Ana",)),
            Touch(
                id="tch_1",
                kind="thank_you",
                at=AT.add(hours=5),
                opportunity_id="opp_acme",
                contact_id="con_ana",
            ),
            Touch(id="tch_2", kind="call", at=AT.add(days=1), contact_id="con_sam"),
            Task(id="tsk_1", title="Portfolio", minutes=30, due=AT.date()),
            Mark(id="mrk_1", item_id="ty-int_1", snoozed_to=AT.date().add(days=1)),
            MailSource(id="src_1", location="/mail/inbox", last_uid=7),
            MailSeen(
                id="msg_1",
                at=AT,
                direction="in",
                verdict="reply",
                action="applied",
                message_id="<m1@acme.example>",
                opportunity_id="opp_acme",
            ),
            MailReview(id="rev_1", seen_id="msg_1", at=AT, direction="in", verdict="offer"),
        ]
    )
    store.save_settings(store.records().settings.with_text("daily_minutes", "180"))


@pytest.fixture
def full(store: Store) -> Store:
    _everything(store)
    return store


def _fresh(tmp_path: Path) -> Store:
    fresh = Store(tmp_path / "other" / "nowwhat.json", default_timezone=lambda: TZ)
    fresh.save_settings(Settings().with_text("timezone", TZ).with_text("country", "US"))
    return fresh


def _as_file(data: dict[str, Any]) -> dict[str, Any]:
    """The export as it is read back from its JSON file."""
    return json.loads(json.dumps(data))


def test_every_table_and_the_settings_go_out_and_come_back_equal(
    full: Store, tmp_path: Path
) -> None:
    data = _as_file(export_records(full.records()))
    assert (data["format"], data["schema_version"]) == (EXPORT_FORMAT, CURRENT_VERSION)
    fresh = _fresh(tmp_path)
    summary = import_records(fresh, data)
    before, after = full.records(), fresh.records()
    for table in RECORD_TYPES:
        assert getattr(after, table) == getattr(before, table), table
        assert getattr(after, table), f"{table} carried nothing"
        added = len(getattr(before, table))
        assert summary[table] == {"added": added, "updated": 0, "unchanged": 0}, table
    assert after.settings == before.settings and after.settings["daily_minutes"] == 180


def test_the_export_names_what_its_ids_point_at(full: Store) -> None:
    data = export_records(full.records())
    (interview,) = data["interviews"]
    assert (interview["company"], interview["role"]) == ("Acme", "Data Analyst")
    touches = {t["id"]: t for t in data["touches"]}
    assert (touches["tch_1"]["company"], touches["tch_1"]["contact"]) == ("Acme", "Ana Ruiz")
    # A call with a person and no opportunity: the company is the person's.
    assert (touches["tch_2"]["company"], touches["tch_2"]["contact"]) == ("Gamma", "Sam")
    contacts = {c["id"]: c for c in data["contacts"]}
    assert contacts["con_ana"]["opportunities"] == ["Acme"]
    assert {"key": "daily_minutes", "value": 180} in data["settings"]


def test_importing_the_same_file_twice_changes_nothing_the_second_time(
    full: Store, db_path: Path
) -> None:
    data = _as_file(export_records(full.records()))
    before = db_path.read_bytes()
    summary = import_records(full, data)
    assert all(counts["added"] == counts["updated"] == 0 for counts in summary.values())
    assert summary["touches"]["unchanged"] == 2
    assert db_path.read_bytes() == before


def test_a_changed_record_is_updated_and_a_new_one_added(full: Store) -> None:
    data = _as_file(export_records(full.records()))
    data["opportunities"][1]["stage"] = "screening"
    data["tasks"].append({**data["tasks"][0], "id": "tsk_2", "title": "Cover letter"})
    summary = import_records(full, data)
    assert summary["opportunities"] == {"added": 0, "updated": 1, "unchanged": 1}
    assert summary["tasks"] == {"added": 1, "updated": 0, "unchanged": 1}
    records = full.records()
    assert {o.id: o.stage for o in records.opportunities}["opp_beta"] == "screening"
    assert [t.title for t in records.tasks] == ["Portfolio", "Cover letter"]


def _broken(data: dict[str, Any], change: str) -> dict[str, Any]:
    broken = copy.deepcopy(data)
    if change == "format":
        broken["format"] = "something else"
    elif change.startswith("schema_version="):
        broken["schema_version"] = json.loads(change.partition("=")[2])
    elif change == "table not a list":
        broken["tasks"] = {"tsk_1": broken["tasks"][0]}
    elif change == "record not an object":
        broken["tasks"].append("tsk_9")
    elif change == "bad field":
        broken["touches"][1]["kind"] = "telegram"
    elif change == "id twice":
        broken["tasks"].append(dict(broken["tasks"][0], title="Again"))
    elif change == "settings not a list":
        broken["settings"] = {"daily_minutes": 180}
    elif change == "setting without a value":
        broken["settings"].append({"key": "daily_minutes"})
    elif change == "setting out of range":
        broken["settings"].append({"key": "daily_minutes", "value": 100000})
    elif change == "unknown holiday calendar":
        broken["settings"].append({"key": "country", "value": "XX"})
    elif change == "interview of a missing opportunity":
        broken["interviews"][0]["opportunity_id"] = "opp_gone"
    elif change == "touch of a missing opportunity":
        broken["touches"][0]["opportunity_id"] = "opp_gone"
    elif change == "touch with a missing contact":
        broken["touches"][1]["contact_id"] = "con_gone"
    elif change == "contact of a missing opportunity":
        broken["contacts"][0]["opportunity_ids"] = ["opp_acme", "opp_gone"]
    return broken


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ("format", "format"),
        ("schema_version=true", "schema_version"),
        ("schema_version=0", "schema_version"),
        (f"schema_version={CURRENT_VERSION + 1}", "schema_version"),
        ("table not a list", "tasks"),
        ("record not an object", "tasks[2]"),
        ("bad field", "touches[2].kind"),
        ("id twice", "tasks[2].id"),
        ("settings not a list", "settings"),
        ("setting without a value", "settings"),
        ("setting out of range", "daily_minutes"),
        ("unknown holiday calendar", "country"),
        ("interview of a missing opportunity", "interviews.int_1.opportunity_id"),
        ("touch of a missing opportunity", "touches.tch_1.opportunity_id"),
        ("touch with a missing contact", "touches.tch_2.contact_id"),
        ("contact of a missing opportunity", "contacts.con_ana.opportunity_ids"),
    ],
)
def test_a_bad_file_is_refused_whole_naming_where_with_nothing_written(
    full: Store, db_path: Path, tmp_path: Path, change: str, field: str
) -> None:
    data = _as_file(export_records(full.records()))
    fresh = _fresh(tmp_path)
    fresh_path = tmp_path / "other" / "nowwhat.json"
    before = fresh_path.read_bytes()
    with pytest.raises(InvalidField) as caught:
        import_records(fresh, _broken(data, change))
    assert caught.value.field == field
    assert fresh_path.read_bytes() == before
    assert fresh.records().opportunities == ()


def test_a_file_without_settings_keeps_the_ones_you_have(full: Store, tmp_path: Path) -> None:
    data = _as_file(export_records(full.records()))
    del data["settings"]
    fresh = _fresh(tmp_path)
    import_records(fresh, data)
    assert fresh.records().settings["daily_minutes"] == Settings()["daily_minutes"]
    assert fresh.records().settings["timezone"] == TZ
