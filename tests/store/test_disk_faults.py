"""The same promises under real faults (root only; skipped with the reason otherwise): a tmpfs
filled to the last byte, a read-only mount, an immutable folder, and a second Unix account.

Each write the system refuses is one line naming the database and the cause, exit 1; the file
on disk is byte for byte what it was, and still reads.
"""

from __future__ import annotations

import os
import pwd
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from faults import as_user, fill, immutable, read_only_view, run_cli, second_user, small_tmpfs

import tui.cli  # the forked child of as_user cannot import anything from root's home
import tui.engine.plan
import tui.render
import tui.summary
from tui.store import Store

NOW = "2026-11-23 08:30"
ADD = ("add", "task", "--title", "Apply at Vega", "--kind", "apply")
_LOADED = (tui.cli, tui.engine.plan, tui.render, tui.summary)


def _preload() -> None:
    """Everything a verb imports on first use, loaded while this process can still read it."""
    import filelock  # noqa: F401

    from tui.holiday_cache import install_holiday_cache

    install_holiday_cache()


def _one_line(text: str) -> str:
    lines = text.strip().splitlines()
    assert len(lines) == 1, text
    assert "Traceback" not in text and "Errno" not in text and ".tmp" not in text, text
    return lines[0]


def _add(db: Path, title: str = "Apply at Orbit") -> None:
    result = run_cli("--db", str(db), "--now", NOW, *ADD[:3], title, *ADD[4:])
    assert result.code == 0, result


@pytest.fixture
def open_folder() -> Iterator[Path]:
    """A folder anyone may enter (pytest's own temp folders are private to root)."""
    folder = Path(tempfile.mkdtemp(prefix="nowwhat-faults-", dir="/tmp"))
    folder.chmod(0o755)
    try:
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture
def other() -> Iterator[pwd.struct_passwd]:
    worker = os.environ.get("PYTEST_XDIST_WORKER", "main")
    # The process id keeps two test runs on one machine (two checkouts) from sharing, and
    # deleting, each other's account.
    with second_user(f"nwfault-{worker}-{os.getpid()}"[:31]) as account:
        _preload()
        yield account


def test_a_really_full_disk_is_one_line_and_loses_nothing(tmp_path: Path) -> None:
    with small_tmpfs(tmp_path / "small", "256k") as folder:
        db = folder / "nowwhat.json"
        _add(db)
        _add(db, "Apply at Lyra")  # the day's backup is made: the folder is as it will be
        before = db.read_bytes()
        fill(folder)
        result = run_cli("--db", str(db), "--now", NOW, *ADD, "--company", "x" * 150)
        assert result.code == 1
        assert _one_line(result.err) == (
            f"nowwhat: cannot save to {db}: the disk is full; nothing was changed"
        )
        assert db.read_bytes() == before
        assert [p.name for p in folder.iterdir() if p.name.endswith(".tmp")] == []
        assert [t.title for t in Store(db).records().tasks] == ["Apply at Orbit", "Apply at Lyra"]


def test_a_read_only_file_system_is_one_line_and_reading_still_works(tmp_path: Path) -> None:
    source = tmp_path / "data"
    _add(source / "nowwhat.json")
    with read_only_view(source, tmp_path / "ro") as view:
        db = view / "nowwhat.json"
        result = run_cli("--db", str(db), "--now", NOW, *ADD)
        assert result.code == 1
        line = _one_line(result.err)
        assert str(db) in line and "read-only" in line and "nothing was changed" in line
        assert run_cli("--db", str(db), "--now", NOW, "today", "--plain").code == 0


def test_an_immutable_folder_is_one_line(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    db = folder / "nowwhat.json"
    _add(db)
    before = db.read_bytes()
    with immutable(folder):
        result = run_cli("--db", str(db), "--now", NOW, *ADD)
        assert result.code == 1
        assert str(db) in _one_line(result.err)
    assert db.read_bytes() == before


def test_an_unwritable_backups_folder_warns_and_the_change_is_written(tmp_path: Path) -> None:
    db = tmp_path / "nowwhat.json"
    _add(db)
    backups = tmp_path / "backups"
    backups.mkdir(mode=0o700)
    with immutable(backups):
        result = run_cli("--db", str(db), "--now", NOW, *ADD)
    assert result.code == 0
    warning = _one_line(result.err)
    assert "warning: no backup today" in warning and str(backups) in warning
    assert [t.title for t in Store(db).records().tasks] == ["Apply at Orbit", "Apply at Vega"]


def test_a_read_only_folder_of_ones_own_is_one_line(
    open_folder: Path, other: pwd.struct_passwd
) -> None:
    folder = open_folder / "mine"
    folder.mkdir(mode=0o700)
    os.chown(folder, other.pw_uid, other.pw_gid)
    db = folder / "nowwhat.json"
    assert as_user(other, lambda: run_cli("--db", str(db), "--now", NOW, *ADD).code) == 0
    before = db.read_bytes()
    folder.chmod(0o500)  # the account's own folder, made read-only by the account
    result = as_user(other, lambda: run_cli("--db", str(db), "--now", NOW, *ADD))
    assert result.code == 1
    line = _one_line(result.err)
    assert str(db) in line and "permission denied" in line
    assert db.read_bytes() == before


def test_another_users_file_is_read_but_never_replaced(
    open_folder: Path, other: pwd.struct_passwd
) -> None:
    """In a folder both may write (a shared folder, a group project), the rename that makes a
    write atomic is allowed even on a file you may not write: it must be refused instead."""
    shared = open_folder / "shared"
    shared.mkdir()
    shared.chmod(0o777)
    db = shared / "nowwhat.json"
    _add(db)
    db.chmod(0o644)  # theirs to read
    before = db.read_bytes()
    owner = db.stat().st_uid
    result = as_user(other, lambda: run_cli("--db", str(db), "--now", NOW, *ADD))
    assert result.code == 1
    line = _one_line(result.err)
    assert str(db) in line and "nothing was changed" in line
    assert (db.read_bytes(), db.stat().st_uid) == (before, owner)
    shown = as_user(other, lambda: run_cli("--db", str(db), "--now", NOW, "today", "--plain"))
    assert shown.code == 0 and "Apply at Orbit" in shown.out
    # and root, acting on the account's own file, does not take it over either
    os.chown(db, other.pw_uid, other.pw_gid)
    refused = run_cli("--db", str(db), "--now", NOW, *ADD)
    assert refused.code == 1 and "belongs to another user" in _one_line(refused.err)
    assert db.stat().st_uid == other.pw_uid


def test_a_private_file_of_another_user_is_one_line(
    open_folder: Path, other: pwd.struct_passwd
) -> None:
    folder = open_folder / "root-only"
    db = folder / "nowwhat.json"
    _add(db)  # the folder is 0700, the file 0600: the account may not even look
    for args in (("today",), ADD):
        result = as_user(other, lambda a=args: run_cli("--db", str(db), "--now", NOW, *a))
        assert result.code == 1
        assert "permission denied" in _one_line(result.err)
