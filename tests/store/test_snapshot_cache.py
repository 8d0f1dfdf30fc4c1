"""The records cache: a start-up on unchanged bytes skips the checks, and nothing else ever does.

A wrong cache would show the person data that is not in their file, so every way the file and
the cache can disagree is tried here: edited by hand, written by another session, a damaged
cache. Each time the records must be exactly what decoding the file gives.
"""

from __future__ import annotations

import dataclasses
import json
import stat
from pathlib import Path

import pendulum
import pytest

from tui.engine.models import Records, Task, Touch
from tui.store import Store, UnreadableDatabase, documents, repository
from tui.store.snapshot_cache import cache_path


def _decoded_from_file(path: Path, monkeypatch: pytest.MonkeyPatch) -> Records:
    """The records as a plain decode of the file gives them (the cache switched off)."""
    with monkeypatch.context() as patch:
        patch.setattr(repository, "load_cache", lambda *_: None)
        return Store(path).records()


def _forbid_decoding(monkeypatch: pytest.MonkeyPatch) -> None:
    """Make any record decoded from a document fail: only the cache can supply them now."""

    def refuse(*_: object) -> None:
        raise AssertionError("a record was decoded from the file although the cache was valid")

    monkeypatch.setattr(repository, "from_document", refuse)


def test_a_second_start_takes_the_same_records_from_the_cache(
    demo_db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    expected = _decoded_from_file(demo_db, monkeypatch)
    assert Store(demo_db).save_snapshot()
    _forbid_decoding(monkeypatch)
    store = Store(demo_db)
    cached = store.records()
    assert not store._storage.parsed  # nor is the file parsed until something needs documents
    assert cached == expected
    assert len(cached.touches) == len(expected.touches) > 0
    # Same zones, days and moments, not merely equal instants.
    for mine, theirs in zip(cached.touches, expected.touches, strict=True):
        assert mine.at.tzinfo == theirs.at.tzinfo and mine.at.isoformat() == theirs.at.isoformat()


def test_fixed_offsets_days_lists_and_answers_survive_the_cache(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "db.json"
    store = Store(path)
    offset = pendulum.parse("2026-11-20T09:15:30.250000+05:30")
    assert isinstance(offset, pendulum.DateTime)
    store.add(
        Touch(
            id="tch_a",
            kind="heard_back",
            at=offset,
            contact_id="con_a",
            outcome="next_round",
            answers={"When?": "Soon", "Who?": "Ana"},
        )
    )
    store.add(Task(id="tsk_a", title="Apply", due=pendulum.date(2026, 12, 1), minutes=30))
    assert store.save_snapshot()
    expected = _decoded_from_file(path, monkeypatch)
    _forbid_decoding(monkeypatch)
    cached = Store(path).records()
    assert cached == expected
    assert cached.touches[0].at.utcoffset() == pendulum.duration(hours=5, minutes=30)
    assert cached.touches[0].answers == {"When?": "Soon", "Who?": "Ana"}
    assert cached.tasks[0].due == pendulum.date(2026, 12, 1)


def test_a_file_edited_by_hand_is_decoded_and_checked_again(
    demo_db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert Store(demo_db).save_snapshot()
    data = json.loads(demo_db.read_text())
    first = next(iter(data["tasks"]))
    data["tasks"][first]["title"] = "Edited by hand"
    demo_db.write_text(json.dumps(data))
    assert any(t.title == "Edited by hand" for t in Store(demo_db).records().tasks)
    # ... and an invalid edit is refused, whatever the cache holds.
    data["tasks"][first]["status"] = "maybe"
    demo_db.write_text(json.dumps(data))
    with pytest.raises(UnreadableDatabase, match="status"):
        Store(demo_db).records()


def test_a_damaged_cache_is_ignored(demo_db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    expected = _decoded_from_file(demo_db, monkeypatch)
    assert Store(demo_db).save_snapshot()
    cache = cache_path(demo_db)
    damaged = bytearray(cache.read_bytes())
    damaged[-10] ^= 0xFF
    cache.write_bytes(bytes(damaged))
    calls = []
    real = repository.from_document
    monkeypatch.setattr(repository, "from_document", lambda *a: calls.append(1) or real(*a))
    assert Store(demo_db).records() == expected
    assert calls, "the damaged cache was used"
    cache.write_bytes(b"")
    assert Store(demo_db).records() == expected


def test_another_sessions_write_is_seen_and_cached_for_the_next_start(
    demo_db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    mine = Store(demo_db)
    mine.records()
    assert mine.save_snapshot()
    theirs = Store(demo_db)
    task = next(t for t in theirs.records().tasks if t.status == "open")
    theirs.put(dataclasses.replace(task, title="Changed elsewhere"))
    assert any(t.title == "Changed elsewhere" for t in mine.records().tasks)
    assert theirs.save_snapshot()  # after its own write: the digest is read back from the file
    expected = _decoded_from_file(demo_db, monkeypatch)
    _forbid_decoding(monkeypatch)
    assert Store(demo_db).records() == expected


def test_writes_after_a_cached_start_change_only_what_they_change(
    demo_db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert Store(demo_db).save_snapshot()
    store = Store(demo_db)
    before = store.records()
    task = next(t for t in before.tasks if t.status == "open")
    store.put(dataclasses.replace(task, title="Renamed"))
    store.add(Task(id="tsk_new", title="New one"))
    after = store.records()
    assert after == _decoded_from_file(demo_db, monkeypatch)
    assert after.touches is before.touches  # untouched tables are reused, not decoded again
    assert {t.id for t in after.tasks} == {t.id for t in before.tasks} | {"tsk_new"}


def test_the_cache_always_matches_the_file_and_is_private(
    demo_db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = Store(demo_db)
    task = next(t for t in store.records().tasks if t.status == "open")
    store.put(dataclasses.replace(task, title="Mine"))  # the digest of our write is not known
    data = json.loads(demo_db.read_text())
    data["tasks"][next(iter(data["tasks"]))]["title"] = "Someone else"
    other = demo_db.with_name("other.json")
    other.write_text(json.dumps(data))
    other.replace(demo_db)  # replaced before this session read it back
    assert store._storage.current_digest() is None  # never our data under their file's key
    assert store.save_snapshot()  # it reads their file first, then caches that
    _forbid_decoding(monkeypatch)
    assert any(t.title == "Someone else" for t in Store(demo_db).records().tasks)
    assert stat.S_IMODE(cache_path(demo_db).stat().st_mode) == 0o600


def test_a_cache_from_other_record_fields_is_ignored(
    demo_db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert Store(demo_db).save_snapshot()
    from tui.store import snapshot_cache

    monkeypatch.setattr(snapshot_cache, "_FINGERPRINT", b"\0" * 32)  # as if fields had changed
    calls = []
    real = documents.from_document
    monkeypatch.setattr(repository, "from_document", lambda *a: calls.append(1) or real(*a))
    Store(demo_db).records()
    assert calls


def test_a_session_started_from_the_cache_sees_another_sessions_write(
    demo_db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert Store(demo_db).save_snapshot()
    mine = Store(demo_db)
    before = mine.records()
    assert not mine._storage.parsed
    theirs = Store(demo_db)
    task = next(t for t in theirs.records().tasks if t.status == "open")
    theirs.put(dataclasses.replace(task, title="Changed elsewhere"))
    after = mine.records()
    assert after == _decoded_from_file(demo_db, monkeypatch)
    assert any(t.title == "Changed elsewhere" for t in after.tasks)
    # Records whose documents did not change are reused, not decoded again (the parse of the
    # cached bytes before the re-read is what lets them be told apart).
    assert all(a is b for a, b in zip(after.touches, before.touches, strict=True))


# -- a cache that was not made from this file -----------------------------------------------------


def _two_databases(tmp_path: Path) -> tuple[Path, Path]:
    """A and B side by side, one task each, both with a cache of their own."""
    a, b = tmp_path / "A.json", tmp_path / "B.json"
    Store(a).add(Task(id="tsk_aaaaaaaa", title="A's own task"))
    Store(b).add(Task(id="tsk_bbbbbbbb", title="B's task"))
    for path in (a, b):
        store = Store(path)
        store.records()
        assert store.save_snapshot()
    return a, b


def test_another_files_cache_with_this_files_digest_patched_in_is_not_trusted(
    tmp_path: Path,
) -> None:
    """The attack: B's cache copied over A's, B's digest in its header replaced by A's."""
    import hashlib

    a, b = _two_databases(tmp_path)
    a_digest = hashlib.sha256(a.read_bytes()).digest()
    b_digest = hashlib.sha256(b.read_bytes()).digest()
    forged = cache_path(b).read_bytes()
    assert forged.count(b_digest) == 1
    cache_path(a).write_bytes(forged.replace(b_digest, a_digest))
    before = a.read_bytes()
    store = Store(a)
    assert [t.title for t in store.records().tasks] == ["A's own task"]
    # and a write in that session puts nothing of B's into A
    from faults import run_cli

    result = run_cli("--db", str(a), "--now", "2026-11-23 08:30", "done", "tsk_bbbbbbbb")
    assert result.code != 0
    assert a.read_bytes() == before


def test_a_cache_is_trusted_only_with_a_private_key_of_ones_own(
    demo_db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tui.store.snapshot_cache import key_path

    assert Store(demo_db).save_snapshot()
    key = key_path(demo_db)
    assert stat.S_IMODE(key.stat().st_mode) == 0o600 and key.stat().st_size == 32
    calls: list[int] = []
    real = repository.from_document
    monkeypatch.setattr(repository, "from_document", lambda *a: calls.append(1) or real(*a))
    key.chmod(0o644)  # readable by others: anyone could have made a cache that verifies
    Store(demo_db).records()
    assert calls, "a cache keyed by a readable secret was used"
    calls.clear()
    key.chmod(0o600)
    secret = key.read_bytes()
    key.unlink()
    key.symlink_to(demo_db.with_name("elsewhere.key"))
    demo_db.with_name("elsewhere.key").write_bytes(secret)
    demo_db.with_name("elsewhere.key").chmod(0o600)
    Store(demo_db).records()
    assert calls, "a cache keyed through a symbolic link was used"


def test_a_cached_record_is_never_written_back_over_a_different_document(
    tmp_path: Path,
) -> None:
    """Defence in depth: even a cache that verifies but does not match the file (it cannot
    happen, save a bug) never pairs a record with a document of another id, so a write in that
    session cannot put a record into the file that did not come from it."""
    import hashlib

    from faults import run_cli

    from tui.store.documents import TABLE_OF
    from tui.store.snapshot_cache import save_cache

    a, b = _two_databases(tmp_path)
    b_records = Store(b).records()
    tables = {
        name: ([str(n + 1) for n in range(len(getattr(b_records, name)))], getattr(b_records, name))
        for name in TABLE_OF.values()
    }
    a_digest = hashlib.sha256(a.read_bytes()).digest()
    assert save_cache(cache_path(a), a_digest, tables, {})
    before = a.read_bytes()
    result = run_cli("--db", str(a), "--now", "2026-11-23 08:30", "done", "tsk_bbbbbbbb")
    assert result.code != 0
    assert a.read_bytes() == before
    assert [t.title for t in Store(a).records().tasks] == ["A's own task"]


def test_a_cache_edited_inside_its_payload_is_never_believed(tmp_path: Path) -> None:
    """The seal covers the records, not only the header: a title changed inside the cache (a
    change that still decodes) makes the cache worthless, and the file's title is shown."""
    from tui.store.snapshot_cache import load_cache

    a, _ = _two_databases(tmp_path)
    cache = cache_path(a)
    sealed = cache.read_bytes()
    assert sealed.count(b"A's own task") == 1
    cache.write_bytes(sealed.replace(b"A's own task", b"A's own tusk"))
    import hashlib

    assert load_cache(cache, hashlib.sha256(a.read_bytes()).digest()) is None
    assert [t.title for t in Store(a).records().tasks] == ["A's own task"]


def test_a_current_cache_is_known_as_current_and_not_written_again(tmp_path: Path) -> None:
    """The end of a run that changed nothing leaves the cache file alone (no rewrite of
    megabytes at every exit); a cache of other bytes is not current."""
    import hashlib

    from tui.store.snapshot_cache import cache_is_current

    a, b = _two_databases(tmp_path)
    a_digest = hashlib.sha256(a.read_bytes()).digest()
    assert cache_is_current(cache_path(a), a_digest)
    assert not cache_is_current(cache_path(b), a_digest)
    assert not cache_is_current(tmp_path / "missing.cache", a_digest)
    stamp = cache_path(a).stat().st_mtime_ns
    store = Store(a)
    store._cached_digest = None
    store.records()
    assert store.save_snapshot()
    assert cache_path(a).stat().st_mtime_ns == stamp


def test_once_any_table_of_the_cache_is_found_wrong_none_of_it_is_believed(
    tmp_path: Path,
) -> None:
    """Defence in depth: a cache that verifies but disagrees with the file (it cannot happen,
    save a bug) is dropped whole when the file is parsed, the tables that seemed to agree with
    it too: after the next write every record shown is the file's."""
    import hashlib

    from tui.engine.models import Opportunity
    from tui.store.documents import TABLE_OF
    from tui.store.snapshot_cache import save_cache

    a = tmp_path / "A.json"
    store = Store(a)
    store.add(Opportunity(id="opp_aaaaaaaa", company="Real Company", role="Analyst"))
    store.add(Task(id="tsk_aaaaaaaa", title="real task"))
    real = Store(a).records()
    tables = {
        name: ([str(n + 1) for n in range(len(getattr(real, name)))], getattr(real, name))
        for name in TABLE_OF.values()
    }
    # the opportunity's id agrees with the file, its company does not; the tasks' ids do not
    forged = dataclasses.replace(real.opportunities[0], company="Forged")
    tables["opportunities"] = (["1"], (forged,))
    tables["tasks"] = (["1"], (Task(id="tsk_ffffffff", title="forged task"),))
    assert save_cache(cache_path(a), hashlib.sha256(a.read_bytes()).digest(), tables, {})
    session = Store(a)
    assert session.records().opportunities[0].company == "Forged"  # believed until parsed
    session.add(Task(id="tsk_bbbbbbbb", title="written in that session"))
    shown = session.records()
    assert [o.company for o in shown.opportunities] == ["Real Company"]
    assert sorted(t.title for t in shown.tasks) == ["real task", "written in that session"]
