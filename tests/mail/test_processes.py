"""Scans in real processes: two at once on one database, and one killed midway (SIGKILL)."""

from __future__ import annotations

import collections
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from mail_corpus import NOW
from mail_world import world_store

from tui.store import Store

pytestmark = pytest.mark.slow

NOWWHAT = [sys.executable, "-c", "import sys; from tui.cli import main; sys.exit(main())"]


def _env(batch: int) -> dict[str, str]:
    env = dict(os.environ)
    env["NOWWHAT_MAIL_BATCH"] = str(batch)
    return env


def _scan(db: Path, maildir: Path, batch: int = 1) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [*NOWWHAT, "--db", str(db), "--now", NOW, "mail", "scan", str(maildir)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=_env(batch),
    )


def _touch_keys(db: Path) -> list[tuple[str, str, str | None, str | None]]:
    return [
        (t.at.isoformat(), t.kind, t.opportunity_id, t.contact_id)
        for t in Store(db).records().touches
    ]


def _expected(tmp_path: Path, maildir: Path) -> int:
    """How many touches one scan alone logs."""
    db = tmp_path / "alone" / "nowwhat.json"
    world_store(db)
    done = subprocess.run(
        [*NOWWHAT, "--db", str(db), "--now", NOW, "mail", "scan", str(maildir)],
        capture_output=True,
        text=True,
        env=_env(200),
        check=True,
    )
    assert "applied" in done.stdout
    return len(Store(db).records().touches)


def test_two_scans_at_once_log_each_message_once(
    world_db: Path, maildir: Path, tmp_path: Path
) -> None:
    expected = _expected(tmp_path, maildir)
    first, second = _scan(world_db, maildir), _scan(world_db, maildir)
    outputs = [p.communicate(timeout=120) for p in (first, second)]
    assert [first.returncode, second.returncode] == [0, 0], outputs
    keys = _touch_keys(world_db)
    assert len(keys) == expected > 10
    assert collections.Counter(keys).most_common(1)[0][1] == 1  # none twice
    records = Store(world_db).records()
    assert len({m.id for m in records.mail_seen}) == len(records.mail_seen)
    # both processes had their share: each reported some messages as seen by the other
    applied = [o.count("\napplied ") + o.startswith("applied ") for o, _ in outputs]
    assert sum(applied) == expected


def test_a_scan_killed_midway_leaves_every_logged_touch_and_none_twice(
    world_db: Path, maildir: Path, tmp_path: Path
) -> None:
    expected = _expected(tmp_path, maildir)
    scan = _scan(world_db, maildir)
    assert scan.stdout is not None
    acknowledged: list[str] = []
    deadline = time.monotonic() + 60
    while len(acknowledged) < 5 and time.monotonic() < deadline:
        line = scan.stdout.readline()
        if not line:
            break
        if line.startswith("applied "):
            acknowledged.append(line.split()[1])
    os.kill(scan.pid, signal.SIGKILL)
    scan.wait(timeout=10)
    assert len(acknowledged) == 5, "the scan ended before it could be killed midway"
    records = Store(world_db).records()  # a valid database
    logged = {t.id for t in records.touches}
    assert set(acknowledged) <= logged  # every touch it said it logged is there
    assert len(logged) < expected  # it really was midway
    finish = subprocess.run(
        [*NOWWHAT, "--db", str(world_db), "--now", NOW, "mail", "scan", str(maildir)],
        capture_output=True,
        text=True,
        env=_env(200),
        check=True,
    )
    assert "seen before" in finish.stdout
    keys = _touch_keys(world_db)
    assert len(keys) == expected
    assert collections.Counter(keys).most_common(1)[0][1] == 1
