"""The storage's promises, one by one: private files, atomic writes, backups, refusing bad files."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest
from tinydb import Query

from tui.engine.models import Opportunity
from tui.engine.settings import Settings
from tui.store import Conflict, Store, StoreError, UnreadableDatabase, schema
from tui.store.backups import backups_of
from tui.store.storage import SafeJSONStorage


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture(params=[0o000, 0o022, 0o077, 0o277], ids=lambda m: f"umask{m:03o}")
def umask(request: pytest.FixtureRequest) -> Iterator[int]:
    old = os.umask(request.param)
    try:
        yield request.param
    finally:
        os.umask(old)


def test_database_lock_backups_are_0600_and_new_folders_0700_whatever_the_umask(
    tmp_path: Path, umask: int
) -> None:
    db = tmp_path / "new" / "nested" / "nowwhat.json"
    days = iter([dt.date(2026, 11, 23), dt.date(2026, 11, 24)])
    store = Store(db, today=lambda: next(days), default_timezone=lambda: "UTC")
    store.add(Opportunity(id="opp_1", company="Acme"))
    store.add(Opportunity(id="opp_2", company="Beta"))  # a new day: makes a backup
    assert _mode(db) == 0o600
    assert _mode(db.with_name("nowwhat.json.lock")) == 0o600
    (backup,) = backups_of(db)
    assert _mode(backup) == 0o600
    assert _mode(backup.parent) == 0o700
    assert _mode(db.parent) == 0o700
    assert _mode(db.parent.parent) == 0o700


def test_an_existing_folder_keeps_its_mode(tmp_path: Path) -> None:
    shared = tmp_path / "shared"
    shared.mkdir(mode=0o755)
    shared.chmod(0o755)
    Store(shared / "db.json", default_timezone=lambda: "UTC").add(
        Opportunity(id="opp_1", company="Acme")
    )
    assert _mode(shared) == 0o755  # not ours to change
    assert _mode(shared / "db.json") == 0o600


def test_a_loose_existing_file_becomes_private_on_the_next_write(tmp_path: Path) -> None:
    db = tmp_path / "db.json"
    Store(db, default_timezone=lambda: "UTC").add(Opportunity(id="opp_1", company="Acme"))
    db.chmod(0o644)
    Store(db).add(Opportunity(id="opp_2", company="Beta"))
    assert _mode(db) == 0o600


def test_writes_are_compact_json_unless_the_setting_asks(store: Store, db_path: Path) -> None:
    store.add(Opportunity(id="opp_1", company="Acme"))
    text = db_path.read_text()
    assert "\n" not in text and ", " not in text and '": ' not in text
    store.save_settings(store.settings().with_text("pretty_json", "true"))
    store.records()
    store.add(Opportunity(id="opp_2", company="Beta"))
    assert "\n  " in db_path.read_text()


def test_every_change_is_on_disk_when_the_call_returns(store: Store, db_path: Path) -> None:
    store.add(Opportunity(id="opp_1", company="Acme"))
    on_disk = json.loads(db_path.read_text())
    assert [d["company"] for d in on_disk["opportunities"].values()] == ["Acme"]


def test_a_write_is_fsynced_then_renamed_then_its_folder_fsynced(
    store: Store, db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The order that makes a write durable: data on disk before the rename, rename on disk."""
    events: list[str] = []
    real_fsync, real_replace = os.fsync, os.replace

    def fsync(fd: int) -> None:
        kind = "folder" if stat.S_ISDIR(os.fstat(fd).st_mode) else "file"
        events.append(f"fsync {kind}")
        real_fsync(fd)

    def replace(source: str | Path, target: str | Path) -> None:
        events.append(f"replace -> {Path(target).name}")
        real_replace(source, target)

    monkeypatch.setattr(os, "fsync", fsync)
    monkeypatch.setattr(os, "replace", replace)
    store.add(Opportunity(id="opp_1", company="Acme"))
    write = events[events.index(f"replace -> {db_path.name}") - 1 :]
    assert write[:3] == ["fsync file", f"replace -> {db_path.name}", "fsync folder"], events


def test_reads_come_from_memory_until_the_file_changes(store: Store, db_path: Path) -> None:
    store.add(Opportunity(id="opp_1", company="Acme"))
    assert store.refresh() is False  # nothing changed: no re-read
    generation = store.generation
    store.records()
    assert store.generation == generation
    other = Store(db_path)
    other.add(Opportunity(id="opp_2", company="Beta"))
    assert store.refresh() is True
    assert {o.company for o in store.records().opportunities} == {"Acme", "Beta"}


def test_a_failed_transaction_writes_nothing_and_forgets_its_changes(
    store: Store, db_path: Path
) -> None:
    store.add(Opportunity(id="opp_1", company="Acme"))
    before = db_path.read_bytes()
    with pytest.raises(RuntimeError), store.transaction():
        store.add(Opportunity(id="opp_2", company="Beta"))
        raise RuntimeError("something went wrong half way")
    assert db_path.read_bytes() == before
    assert [o.id for o in store.records().opportunities] == ["opp_1"]
    assert store.search(Opportunity, Query().company == "Beta") == []


def test_an_unlocked_write_over_someone_elses_change_is_refused(tmp_path: Path) -> None:
    db = tmp_path / "db.json"
    Store(db, default_timezone=lambda: "UTC").add(Opportunity(id="opp_1", company="Acme"))
    storage = SafeJSONStorage(db)
    stale = storage.read()
    assert stale is not None
    Store(db).add(Opportunity(id="opp_2", company="Beta"))  # another process writes
    before = db.read_bytes()
    stale["opportunities"]["9"] = {"id": "opp_9", "company": "Lost update"}
    with pytest.raises(StoreError, match="changed in another process"):
        storage.write(stale)
    assert db.read_bytes() == before


def test_backups_one_per_day_before_its_first_write_the_last_14_kept(tmp_path: Path) -> None:
    db = tmp_path / "db.json"
    today = [dt.date(2026, 11, 1)]
    store = Store(db, today=lambda: today[0], default_timezone=lambda: "UTC")
    store.add(Opportunity(id="opp_0", company="Day 0"))
    assert backups_of(db) == []  # nothing existed to back up
    for day in range(1, 21):
        today[0] = dt.date(2026, 11, 1) + dt.timedelta(days=day)
        before = db.read_bytes()
        store.add(Opportunity(id=f"opp_{day}a", company=f"Day {day}"))
        store.add(Opportunity(id=f"opp_{day}b", company=f"Day {day} again"))
        newest = backups_of(db)[-1]
        assert newest.name == f"db-{today[0].isoformat()}.json"
        assert newest.read_bytes() == before  # the file as the day found it
    kept = backups_of(db)
    assert len(kept) == 14
    assert kept[0].name == "db-2026-11-08.json"


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        (
            b'{"_meta": {"1": {"schema_version": 1}},\n "tasks": {\n  "1": {"id" "x"}}}',
            "not valid JSON (line 3, column 14",
        ),
        (b"\xff\xfe\x00garbage", "not UTF-8 text"),
        (b"[1, 2, 3]", "not a nowwhat database"),
        (b'{"_default": {"1": {"name": "someone else\'s TinyDB"}}}', "not a nowwhat database"),
        (b'{"_meta": {"1": {"schema_version": 99}}}', "written by a newer nowwhat (schema 99"),
        (
            b'{"_meta": {"1": {"schema_version": 1}}, "opportunities": {"1": {"id": "opp_1"}}}',
            "record opp_1 (opportunities, document 1) is invalid (company: is missing)",
        ),
        (
            b'{"_meta": {"1": {"schema_version": 1}}, "settings": {"1": {"daily_minutes": -1}}}',
            "the settings are invalid",
        ),
    ],
)
def test_a_file_it_cannot_read_is_refused_by_name_and_left_byte_for_byte(
    tmp_path: Path, content: bytes, problem: str
) -> None:
    db = tmp_path / "precious.json"
    db.write_bytes(content)
    before = db.stat()
    with pytest.raises(UnreadableDatabase) as caught:
        store = Store(db)
        store.records()
        store.add(Opportunity(id="opp_2", company="Beta"))
    message = str(caught.value)
    assert str(db) in message
    assert problem in message
    assert db.read_bytes() == content
    assert db.stat().st_mtime_ns == before.st_mtime_ns
    assert not (tmp_path / "backups").exists()


def test_a_file_that_goes_bad_while_open_is_never_overwritten(store: Store, db_path: Path) -> None:
    store.add(Opportunity(id="opp_1", company="Acme"))
    db_path.write_text('{"half a file": ')
    with pytest.raises(UnreadableDatabase, match="not valid JSON"):
        store.add(Opportunity(id="opp_2", company="Beta"))
    assert db_path.read_text() == '{"half a file": '


def test_a_file_deleted_under_a_running_session_is_written_back_whole(
    store: Store, db_path: Path
) -> None:
    store.add(Opportunity(id="opp_1", company="Acme"))
    db_path.unlink()
    store.add(Opportunity(id="opp_2", company="Beta"))
    assert {o.id for o in Store(db_path).records().opportunities} == {"opp_1", "opp_2"}


def test_an_empty_file_is_a_new_database(tmp_path: Path) -> None:
    db = tmp_path / "db.json"
    db.write_bytes(b"")
    store = Store(db, default_timezone=lambda: "Europe/Berlin")
    store.add(Opportunity(id="opp_1", company="Acme"))
    assert store.settings().timezone == "Europe/Berlin"
    assert json.loads(db.read_text())["_meta"]["1"]["schema_version"] == schema.CURRENT_VERSION


def test_settings_round_trip_and_only_changes_are_stored(store: Store, db_path: Path) -> None:
    store.save_settings(
        Settings().with_text("timezone", "Asia/Tokyo").with_text("glow_hours", "48")
    )
    stored = json.loads(db_path.read_text())["settings"]
    assert list(stored.values()) == [{"timezone": "Asia/Tokyo", "glow_hours": 48}]
    assert Store(db_path).settings()["glow_hours"] == 48


def test_an_edit_is_refused_only_if_another_session_really_changed_the_record(
    store: Store, db_path: Path
) -> None:
    store.add(Opportunity(id="opp_1", company="Acme", role="Analyst"))
    # As an older nowwhat wrote it: fields added since (the posting check) are missing.
    data = json.loads(db_path.read_text())
    (doc_id,) = data["opportunities"]
    data["opportunities"][doc_id] = {"id": "opp_1", "company": "Acme", "role": "Analyst"}
    db_path.write_text(json.dumps(data))
    mine = Store(db_path)
    seen = mine.get(Opportunity, "opp_1")
    mine.put(dataclasses.replace(seen, role="Lead Analyst"), expected=seen)  # same record: fine
    other = Store(db_path)
    other.put(dataclasses.replace(other.get(Opportunity, "opp_1"), notes="theirs"))
    mine_now = dataclasses.replace(seen, role="Lead Analyst")  # what this session last saved
    with pytest.raises(Conflict):
        mine.put(dataclasses.replace(mine_now, role="Principal"), expected=mine_now)
    assert mine.get(Opportunity, "opp_1").notes == "theirs"


def test_a_write_reserialises_only_what_changed_and_the_file_is_still_exact(
    demo_db: Path,
) -> None:
    """The file is put together from each table's JSON, reused while the table is unchanged.

    After every kind of change, the bytes must be exactly those of serialising everything
    afresh: a stale table here would be a change that never reached the disk.
    """
    import orjson

    store = Store(demo_db)
    records = store.records()
    task = next(t for t in records.tasks if t.status == "open")
    touch = records.touches[0]

    def fresh() -> bytes:
        return orjson.dumps(json.loads(demo_db.read_text()), option=orjson.OPT_NON_STR_KEYS)

    steps = [
        lambda: store.put(dataclasses.replace(task, title="Once")),
        lambda: store.put(dataclasses.replace(touch, note="Edited")),
        lambda: store.put(dataclasses.replace(task, title="Twice")),
        lambda: store.delete(type(touch), touch.id),
        lambda: store.save_settings(store.settings().with_text("minutes_call", "45")),
        lambda: store.add(dataclasses.replace(task, id="tsk_copy", title="Copy")),
    ]
    for step in steps:
        step()
        on_disk = demo_db.read_bytes()
        assert on_disk == fresh()
        assert on_disk == orjson.dumps(store._storage.raw, option=orjson.OPT_NON_STR_KEYS)
    reread = Store(demo_db).records()
    assert [t.title for t in reread.tasks if t.id in {task.id, "tsk_copy"}] == ["Twice", "Copy"]
    assert touch.id not in {t.id for t in reread.touches}
    assert reread.settings["minutes_call"] == 45
