"""A database reached through a symbolic link is the file it points to: a write goes to the
target and leaves the link a link; the lock, the backups and the cache sit beside the target, so
a session through the link and one on the target share one lock; a dangling link gets its
target created, or is refused in one line when the target's folder does not exist.
"""

from __future__ import annotations

from pathlib import Path

from faults import run_cli

from tui.engine.models import Task
from tui.store import Store

NOW = "2026-11-23 08:30"


def _add(db: Path, title: str) -> int:
    return run_cli(
        "--db", str(db), "--now", NOW, "add", "task", "--title", title, "--kind", "apply"
    ).code


def test_a_write_through_a_link_goes_to_its_target_and_the_link_stays(tmp_path: Path) -> None:
    target = tmp_path / "real" / "nowwhat.json"
    assert _add(target, "Apply at Orbit") == 0
    link = tmp_path / "link.json"
    link.symlink_to(target)
    for title in ("Apply at Vega", "Apply at Lyra"):  # the second write makes a backup too
        assert _add(link, title) == 0
    assert link.is_symlink() and link.resolve() == target
    titles = [t.title for t in Store(target).records().tasks]
    assert titles == ["Apply at Orbit", "Apply at Vega", "Apply at Lyra"]
    # everything nowwhat keeps beside the database is beside the real file
    assert sorted(p.name for p in tmp_path.iterdir()) == ["link.json", "real"]
    assert (target.parent / "nowwhat.json.lock").exists()
    assert (target.parent / "backups").is_dir()


def test_the_link_and_its_target_are_one_lock(tmp_path: Path) -> None:
    target = tmp_path / "nowwhat.json"
    link = tmp_path / "link.json"
    link.symlink_to(target.name)
    through_link, direct = Store(link), Store(target)
    assert through_link.path == direct.path == target
    through_link.add(Task(id="tsk_aaaaaaaa", title="one"))
    from filelock import FileLock, Timeout

    with through_link.transaction():  # holds the lock; the other session must wait for it
        other = FileLock(str(target) + ".lock", timeout=0.05)
        try:
            other.acquire()
            acquired = True
            other.release()
        except Timeout:
            acquired = False
    assert not acquired, "the session through the link did not hold the target's lock"
    direct.add(Task(id="tsk_bbbbbbbb", title="two"))
    assert [t.title for t in Store(link).records().tasks] == ["one", "two"]


def test_a_dangling_link_gets_its_target_created(tmp_path: Path) -> None:
    link = tmp_path / "link.json"
    link.symlink_to("target.json")
    assert _add(link, "Apply at Orbit") == 0
    assert link.is_symlink()
    assert [t.title for t in Store(tmp_path / "target.json").records().tasks] == ["Apply at Orbit"]


def test_a_dangling_link_into_a_missing_folder_is_refused_and_nothing_is_created(
    tmp_path: Path,
) -> None:
    link = tmp_path / "link.json"
    link.symlink_to(tmp_path / "unmounted" / "nowwhat.json")
    result = run_cli(
        "--db", str(link), "--now", NOW, "add", "task", "--title", "T", "--kind", "apply"
    )
    assert result.code == 1
    (line,) = result.err.strip().splitlines()
    assert str(link) in line and "does not exist" in line and "nothing was changed" in line
    assert sorted(p.name for p in tmp_path.iterdir()) == ["link.json"]


def test_locate_names_the_real_file(tmp_path: Path) -> None:
    target = tmp_path / "nowwhat.json"
    link = tmp_path / "link.json"
    link.symlink_to(target.name)
    out = run_cli("--db", str(link), "locate").out
    assert f"database  {target} (through the link {link})" in out
    assert f"lock      {target}.lock" in out
