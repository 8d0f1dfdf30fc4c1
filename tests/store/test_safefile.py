"""Private atomic files on their own: no descriptor leaks, short writes, modes, failed renames."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from tui.engine.settings import Settings
from tui.store import Store, safefile


def open_fds() -> int:
    return len(list(Path("/proc/self/fd").iterdir()))


@pytest.fixture
def no_fsync(monkeypatch: pytest.MonkeyPatch) -> None:
    """A thousand fsyncs take seconds on a real disk and say nothing about descriptors."""
    monkeypatch.setattr(safefile.os, "fsync", lambda fd: os.fstat(fd))


@pytest.fixture
def umask() -> Iterator[None]:
    old = os.umask(0o022)
    yield
    os.umask(old)


@pytest.mark.skipif(not Path("/proc/self/fd").is_dir(), reason="needs /proc")
def test_a_thousand_writes_leave_no_descriptor_open(tmp_path: Path, no_fsync: None) -> None:
    target = tmp_path / "file.json"
    safefile.atomic_write(target, b"warm-up")
    before = open_fds()
    for n in range(1000):
        safefile.atomic_write(target, [b"version ", str(n).encode()])
    assert open_fds() == before
    assert target.read_bytes() == b"version 999"
    assert [p.name for p in tmp_path.iterdir()] == ["file.json"]


@pytest.mark.skipif(not Path("/proc/self/fd").is_dir(), reason="needs /proc")
def test_saves_of_the_store_leave_no_descriptor_open(store: Store, no_fsync: None) -> None:
    settings = store.settings()
    store.save_settings(settings.with_text("work_start", "08:00"))
    before = open_fds()
    for n in range(200):
        store.save_settings(settings.with_text("work_start", f"08:{n % 60:02d}"))
    assert open_fds() == before
    assert store.settings().clock("work_start").minute == 199 % 60


@pytest.mark.skipif(not Path("/proc/self/fd").is_dir(), reason="needs /proc")
def test_a_failed_rename_leaves_no_temp_file_and_no_descriptor(tmp_path: Path) -> None:
    target = tmp_path / "taken"
    target.mkdir()
    (target / "inside").write_text("x")
    before = open_fds()
    with pytest.raises(OSError):
        safefile.atomic_write(target, b"new")
    assert open_fds() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["taken"]


def test_short_writes_still_write_everything(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real_write = os.write
    monkeypatch.setattr(safefile.os, "write", lambda fd, data: real_write(fd, bytes(data)[:3]))
    target = tmp_path / "file"
    payload = [b"the first piece, ", b"", b"then the second"]
    result = safefile.atomic_write(target, payload)
    assert target.read_bytes() == b"".join(payload)
    assert result.st_size == len(b"".join(payload))
    assert result.st_ino == target.stat().st_ino


def test_the_file_is_0600_even_when_the_umask_takes_the_owners_bits(tmp_path: Path) -> None:
    old = os.umask(0o277)
    try:
        target = tmp_path / "file"
        safefile.atomic_write(target, b"private")
    finally:
        os.umask(old)
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert target.read_bytes() == b"private"


def test_missing_folders_are_made_0700_and_existing_ones_left_alone(
    tmp_path: Path, umask: None
) -> None:
    existing = tmp_path / "kept"
    existing.mkdir(mode=0o755)
    existing.chmod(0o755)
    deep = existing / "a" / "b" / "c"
    safefile.ensure_private_dir(deep)
    assert deep.is_dir()
    for folder in (existing / "a", existing / "a" / "b", deep):
        assert stat.S_IMODE(folder.stat().st_mode) == 0o700, folder
    assert stat.S_IMODE(existing.stat().st_mode) == 0o755
    safefile.ensure_private_dir(deep)  # already there: nothing to do
    assert deep.is_dir()


def test_a_temp_name_is_hidden_beside_its_target_and_fresh_each_time(tmp_path: Path) -> None:
    target = tmp_path / "nowwhat.json"
    names = {safefile.temp_name(target) for _ in range(50)}
    assert len(names) == 50
    for name in names:
        assert name.parent == tmp_path
        assert name.name.startswith(".nowwhat.json.") and name.name.endswith(".tmp")


def test_settings_saved_atomically_read_back(store: Store) -> None:
    store.save_settings(Settings().with_text("timezone", "Europe/Paris"))
    assert store.settings()["timezone"] == "Europe/Paris"
