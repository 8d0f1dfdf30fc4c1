"""Another account on the same machine (a shared home server) cannot read anything of yours.

A second Unix account is created for the test (root only; skipped otherwise). The data sits in a
folder anyone may enter, and is written with umask 000, so only the modes nowwhat sets itself
(files 0600, its folders 0700) stand between that account and the database, its backups, its
lock file and the drafts.
"""

from __future__ import annotations

import os
import pwd
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from tui.drafts import DraftStore
from tui.store.backups import backups_of

pytestmark = pytest.mark.e2e

OTHER = "nowwhat-e2e-other"
NOWWHAT = Path(sys.executable).with_name("nowwhat")


@pytest.fixture(scope="session")
def other_user() -> Iterator[str]:
    """A second, unprivileged account: created if missing, removed again if we created it."""
    if os.geteuid() != 0:
        pytest.skip("creating a second Unix account needs root")
    if shutil.which("useradd") is None or shutil.which("runuser") is None:
        pytest.skip("useradd and runuser are needed to act as a second account")
    try:
        pwd.getpwnam(OTHER)
        created = False
    except KeyError:
        subprocess.run(["useradd", "--create-home", OTHER], check=True, capture_output=True)
        created = True
    try:
        yield OTHER
    finally:
        if created:
            subprocess.run(["userdel", "--remove", OTHER], check=False, capture_output=True)


def cat_as(user: str, path: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["runuser", "-u", user, "--", "cat", str(path)], capture_output=True, text=True, timeout=10
    )


def nowwhat_with_umask_000(db: Path, *args: str) -> None:
    subprocess.run(
        ["sh", "-c", 'umask 000 && exec "$0" "$@"', str(NOWWHAT), "--db", str(db), *args],
        check=True,
        capture_output=True,
    )


def test_another_user_cannot_read_the_database_backups_lock_or_drafts(other_user: str) -> None:
    top = Path(tempfile.mkdtemp(prefix="nowwhat-e2e-"))
    try:
        top.chmod(0o755)  # anyone may look in: the files' own modes must keep them private
        readable = top / "readable.txt"
        readable.write_text("anyone may read this\n")
        readable.chmod(0o644)
        db = top / "nowwhat.json"
        for title in ("Apply at Orbit", "Apply at Vega"):  # the second write backs up the first
            nowwhat_with_umask_000(db, "add", "task", "--title", title, "--kind", "apply")
        (backup,) = backups_of(db)
        lock = db.with_name(db.name + ".lock")
        old_umask = os.umask(0)
        try:
            draft = DraftStore(db).save("check_in_first-con_x", "Dear Ravi, about the role")
        finally:
            os.umask(old_umask)

        assert cat_as(other_user, readable).returncode == 0, "the account can reach the folder"
        for path in (db, backup, lock, draft):
            assert path.exists()
            refused = cat_as(other_user, path)
            assert refused.returncode != 0 and "Permission denied" in refused.stderr, path
        assert {p.stat().st_mode & 0o777 for p in (db, backup, lock, draft)} == {0o600}
        assert {p.stat().st_mode & 0o777 for p in (backup.parent, draft.parent)} == {0o700}
    finally:
        shutil.rmtree(top)
