"""Schema versions: the migration chain runs in order, and an old file is upgraded with a backup."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import pytest

from tui.store import Store, UnreadableDatabase, schema
from tui.store.schema import CURRENT_VERSION, MIGRATIONS, Migration, migrate


def _v1() -> dict[str, Any]:
    return {
        "_meta": {"1": {"schema_version": 1}},
        "opportunities": {"1": {"id": "opp_1", "company": "Acme", "stage": "applied"}},
    }


def _rename_company_to_employer(data: dict[str, Any]) -> dict[str, Any]:
    for doc in data.get("opportunities", {}).values():
        doc["employer"] = doc.pop("company")
    return data


def _rename_back(data: dict[str, Any]) -> dict[str, Any]:
    for doc in data.get("opportunities", {}).values():
        doc["company"] = doc.pop("employer").upper()
    return data


CHAIN = (
    Migration(1, _rename_company_to_employer, "company becomes employer"),
    Migration(2, _rename_back, "employer becomes company again, upper-cased"),
)


def test_the_shipped_chain_reaches_the_current_version_from_1() -> None:
    sources = sorted(m.source for m in MIGRATIONS)
    assert sources == list(range(1, CURRENT_VERSION))
    data, done = migrate(_v1())
    assert schema.schema_version(data) == CURRENT_VERSION
    assert len(done) == CURRENT_VERSION - 1


def test_migrations_run_in_order_and_record_the_new_version() -> None:
    data, done = migrate(_v1(), CHAIN, target=3)
    assert data["opportunities"]["1"]["company"] == "ACME"
    assert data["_meta"]["1"]["schema_version"] == 3
    assert done == [
        "1 -> 2: company becomes employer",
        "2 -> 3: employer becomes company again, upper-cased",
    ]


def test_a_migration_leaves_the_data_it_was_given_as_read() -> None:
    read = _v1()
    migrate(read, CHAIN, target=3)
    assert read == _v1()


@pytest.mark.parametrize(("version", "said"), [(0, "0"), (-5, "-1")])
def test_a_schema_version_below_1_is_refused(version: int, said: str) -> None:
    data = {**_v1(), "_meta": {"1": {"schema_version": version}}}
    with pytest.raises(
        UnreadableDatabase, match=f": unknown schema version {said}\\. The file was left unchanged"
    ):
        schema.check_database(Path("nowwhat.json"), data)


def test_a_gap_in_the_chain_is_an_error_not_a_guess() -> None:
    with pytest.raises(ValueError, match="no migration from schema 2"):
        migrate(_v1(), CHAIN[:1], target=3)


def test_opening_an_old_file_migrates_it_and_keeps_a_copy_of_the_old_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = tmp_path / "db.json"
    original = json.dumps(_v1()).encode()
    db.write_bytes(original)
    monkeypatch.setattr(schema, "CURRENT_VERSION", 3)
    monkeypatch.setattr(schema, "MIGRATIONS", CHAIN)
    store = Store(db)
    assert [o.company for o in store.records().opportunities] == ["ACME"]
    assert json.loads(db.read_text())["_meta"]["1"]["schema_version"] == 3
    assert (tmp_path / "backups" / "db-pre-schema-2.json").read_bytes() == original


def test_after_an_upgrade_an_older_nowwhat_refuses_the_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = tmp_path / "db.json"
    db.write_text(json.dumps(_v1()))
    monkeypatch.setattr(schema, "CURRENT_VERSION", 3)
    monkeypatch.setattr(schema, "MIGRATIONS", CHAIN)
    Store(db).records()
    monkeypatch.setattr(schema, "CURRENT_VERSION", 1)
    with pytest.raises(UnreadableDatabase, match="newer nowwhat"):
        Store(db)


def test_a_version_1_file_opens_as_version_2_with_every_record_and_a_copy_kept(
    tmp_path: Path,
) -> None:
    """The demo as nowwhat 0.1 wrote it (schema 1): every record reads the same after the
    upgrade, the new fields take their defaults, and the old bytes are kept in backups/."""
    old = (Path(__file__).parent / "data" / "demo-schema-1.json").read_bytes()
    db = tmp_path / "db.json"
    db.write_bytes(old)
    store = Store(db)
    records = store.records()
    data = json.loads(old)
    assert len(records.opportunities) == len(data["opportunities"])
    assert len(records.touches) == len(data["touches"]) and len(records.tasks) == len(data["tasks"])
    assert {i.id: i.felt for i in records.interviews} == {
        d["id"]: d.get("felt") for d in data["interviews"].values()
    }
    assert all(i.estimate is None and i.signals == () for i in records.interviews)
    assert json.loads(db.read_text())["_meta"]["1"]["schema_version"] == CURRENT_VERSION
    assert (tmp_path / "backups" / "db-pre-schema-2.json").read_bytes() == old


def test_a_version_2_file_is_refused_by_a_version_1_reader(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = tmp_path / "db.json"
    db.write_bytes((Path(__file__).parent / "data" / "demo-schema-1.json").read_bytes())
    Store(db).records()  # upgraded to 2
    monkeypatch.setattr(schema, "CURRENT_VERSION", 1)
    with pytest.raises(UnreadableDatabase, match="newer nowwhat"):
        Store(db)


def test_a_version_2_file_opens_as_version_3_with_every_record_and_a_copy_kept(
    tmp_path: Path,
) -> None:
    """Version 3 (finished history in an archive beside the file, issue 19) changes nothing in
    a version-2 file: every record reads the same, the old bytes are kept, and an older
    nowwhat (which would not see the archive) refuses the file from then on."""
    sys.path.insert(0, str(Path(__file__).parents[1] / "bench"))
    from generate import PRESETS, generate, write  # a busy year's records

    db = tmp_path / "db.json"
    records = generate(7, {**PRESETS["year"], "touches": 400, "tasks": 150})
    write(db, records)
    data = json.loads(db.read_text())
    data["_meta"]["1"]["schema_version"] = 2
    old = json.dumps(data).encode()
    db.write_bytes(old)
    opened = Store(db).records()
    assert opened.counts() == records.counts()
    for name in ("opportunities", "interviews", "contacts", "touches", "tasks"):
        assert {r.id: r for r in getattr(opened, name)} == {r.id: r for r in getattr(records, name)}
    assert json.loads(db.read_text())["_meta"]["1"]["schema_version"] == 3
    assert (tmp_path / "backups" / "db-pre-schema-3.json").read_bytes() == old
