"""Every OS error is one line naming the file and the cause (exit 1), never a traceback, and the
data is never lost: a full disk (faked at the write here; really full in test_disk_faults), a
parent path that is a file, a lock path that is a symlink loop, a folder as the database, a
database without write permission; a ``backups/`` that cannot be written warns and still writes.
"""

from __future__ import annotations

import errno
import json
import os
from pathlib import Path
from typing import Any

import pytest
from faults import run_cli, run_process

from tui.engine.models import Task
from tui.store import Store, StoreError, UnreadableDatabase, safefile

NOW = "2026-11-23 08:30"
ADD = ("add", "task", "--title", "Apply at Vega", "--kind", "apply")


def _database(path: Path) -> bytes:
    assert run_cli("--db", str(path), "--now", NOW, *ADD[:3], "Apply at Orbit", *ADD[4:]).code == 0
    return path.read_bytes()


def _one_line(text: str) -> str:
    lines = text.strip().splitlines()
    assert len(lines) == 1, text
    assert "Traceback" not in text and "Errno" not in text and ".tmp" not in text, text
    return lines[0]


def _titles(path: Path) -> list[str]:
    return [t.title for t in Store(path).records().tasks]


@pytest.fixture
def disk_full(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every write of a file's bytes fails as on a full disk (ENOSPC)."""

    def full(fd: int, data: object) -> int:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(safefile.os, "write", full)


def test_a_full_disk_is_one_line_and_the_file_is_untouched(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = tmp_path / "nowwhat.json"
    before = _database(db)

    def full(fd: int, data: object) -> int:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(safefile.os, "write", full)
    result = run_cli("--db", str(db), "--now", NOW, *ADD)
    assert result.code == 1
    line = _one_line(result.err)
    assert line == f"nowwhat: cannot save to {db}: the disk is full; nothing was changed"
    assert db.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")) == []
    monkeypatch.undo()
    assert _titles(db) == ["Apply at Orbit"]


def test_a_parent_path_that_is_a_file_is_named(tmp_path: Path) -> None:
    blocker = tmp_path / "notes.txt"
    blocker.write_text("my notes\n")
    db = blocker / "nowwhat.json"
    for args in (ADD, ("today",)):
        result = run_cli("--db", str(db), "--now", NOW, *args)
        assert result.code == 1
        assert f"{blocker} is a file, not a folder" in _one_line(result.err)
    assert blocker.read_text() == "my notes\n"


def test_a_folder_as_the_database_is_one_line(tmp_path: Path) -> None:
    folder = tmp_path / "nowwhat.json"
    folder.mkdir()
    for args in (ADD, ("today",)):
        result = run_cli("--db", str(folder), "--now", NOW, *args)
        assert result.code == 1
        assert "it is a folder, not a file" in _one_line(result.err)


def test_a_lock_path_that_is_a_symlink_loop_is_one_line(tmp_path: Path) -> None:
    db = tmp_path / "nowwhat.json"
    before = _database(db)
    lock = db.with_name(db.name + ".lock")
    lock.unlink()
    lock.symlink_to(lock.name)  # points at itself
    result = run_cli("--db", str(db), "--now", NOW, *ADD)
    assert result.code == 1
    line = _one_line(result.err)
    assert str(db) in line and str(lock) in line
    assert f"{lock} is a symbolic link (nowwhat locks only a plain file; remove the link)" in line
    assert db.read_bytes() == before


def test_a_database_symlink_loop_is_one_line(tmp_path: Path) -> None:
    db = tmp_path / "nowwhat.json"
    db.symlink_to(db.name)
    result = run_cli("--db", str(db), "--now", NOW, "today")
    assert result.code == 1
    assert "symbolic link loop" in _one_line(result.err)


def test_a_file_shaped_backups_folder_warns_and_the_change_is_still_written(
    tmp_path: Path,
) -> None:
    db = tmp_path / "nowwhat.json"
    _database(db)
    backups = tmp_path / "backups"
    assert not backups.exists()  # the first write had nothing to back up
    backups.write_text("not a folder")
    result = run_cli("--db", str(db), "--now", NOW, *ADD)
    assert result.code == 0
    warning = _one_line(result.err)
    assert warning.startswith("nowwhat: warning: no backup today: cannot write")
    assert str(backups) in warning and "your change was saved" in warning
    assert _titles(db) == ["Apply at Orbit", "Apply at Vega"]


def test_a_read_only_database_is_refused_not_replaced(tmp_path: Path) -> None:
    db = tmp_path / "nowwhat.json"
    before = _database(db)
    db.chmod(0o400)
    inode = db.stat().st_ino
    result = run_cli("--db", str(db), "--now", NOW, *ADD)
    assert result.code == 1
    line = _one_line(result.err)
    assert str(db) in line and "read-only" in line and "nothing was changed" in line
    assert db.read_bytes() == before
    assert (db.stat().st_ino, db.stat().st_mode & 0o777) == (inode, 0o400)  # the same file
    assert run_cli("--db", str(db), "--now", NOW, "today").code == 0  # reading still works


def test_the_store_raises_one_error_kind_for_what_the_os_refused(
    tmp_path: Path, disk_full: None
) -> None:
    """What the TUI's writer and every verb get: a StoreError whose text is the one line."""
    store = Store(tmp_path / "nowwhat.json")
    with pytest.raises(StoreError) as raised:
        store.save_settings(store.settings())
    assert str(raised.value).endswith("the disk is full; nothing was changed")
    (tmp_path / "plain.txt").write_text("")
    with pytest.raises(UnreadableDatabase, match=r"plain\.txt is a file, not a folder"):
        Store(tmp_path / "plain.txt" / "inner.json")


def test_a_write_the_disk_refused_is_forgotten_in_memory_too(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = Store(tmp_path / "nowwhat.json")
    store.add(Task(id=store.new_id(Task), title="Apply at Orbit", kind="apply"))
    real_write = safefile.os.write

    def full(fd: int, data: object) -> int:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(safefile.os, "write", full)
    with pytest.raises(StoreError):
        store.add(Task(id=store.new_id(Task), title="Apply at Vega", kind="apply"))
    monkeypatch.setattr(safefile.os, "write", real_write)
    # The session goes on with what is on disk, not with the change that was never saved.
    assert [t.title for t in store.records().tasks] == ["Apply at Orbit"]
    assert _titles(tmp_path / "nowwhat.json") == ["Apply at Orbit"]


def test_a_database_that_cannot_be_read_is_one_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = tmp_path / "nowwhat.json"
    _database(db)
    store = Store(db)
    real_open = open

    class Failing:
        def __init__(self, handle: Any) -> None:
            self.handle = handle

        def __enter__(self) -> Failing:
            return self

        def __exit__(self, *exc: object) -> None:
            self.handle.close()

        def read(self) -> bytes:
            raise OSError(errno.EIO, os.strerror(errno.EIO))

    def failing_open(file: Any, mode: str = "r", *args: Any, **kwargs: Any) -> Any:
        handle = real_open(file, mode, *args, **kwargs)
        return Failing(handle) if isinstance(file, int) and "b" in mode else handle

    monkeypatch.setattr("builtins.open", failing_open)
    with pytest.raises(UnreadableDatabase, match="an input/output error"):
        store._storage.reload_if_changed(force=True)


def test_a_database_that_is_a_device_or_a_fifo_is_refused_without_reading_it(
    tmp_path: Path,
) -> None:
    fifo = tmp_path / "nowwhat.json"
    os.mkfifo(fifo)
    for path in (fifo, Path("/dev/zero")):
        result = run_process("--db", str(path), "--now", NOW, "today", timeout=20)
        assert result.code == 1
        assert "not a regular file" in _one_line(result.err)


def test_deeply_nested_or_huge_numbers_in_the_database_are_one_line(tmp_path: Path) -> None:
    meta = '"_meta": {"1": {"schema_version": 1}}'
    for body in ("[" * 100_000 + "]" * 100_000, "9" * 5000):
        db = tmp_path / "nowwhat.json"
        db.write_text("{" + meta + ', "x": ' + body + "}")
        result = run_cli("--db", str(db), "--now", NOW, "today")
        assert result.code == 1
        assert "not a nowwhat database" in _one_line(result.err)
    db.write_text(json.dumps({"_meta": {"1": {"schema_version": 10**3000}}}))
    line = _one_line(run_cli("--db", str(db), "--now", NOW, "today").err)
    assert len(line) < 300


def test_a_database_that_cannot_be_opened_is_one_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = tmp_path / "nowwhat.json"
    _database(db)
    store = Store(db)
    real_open = os.open

    def refused(path: Any, flags: int, *args: Any, **kwargs: Any) -> int:
        if Path(path) == db:
            raise OSError(errno.EACCES, os.strerror(errno.EACCES))
        return real_open(path, flags, *args, **kwargs)

    monkeypatch.setattr("tui.store.storage.os.open", refused)
    with pytest.raises(UnreadableDatabase, match=str(db)):
        store._storage.reload_if_changed(force=True)
