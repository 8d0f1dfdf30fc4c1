"""Several real processes on one database file: nothing lost, nothing stale, nothing corrupt."""

from __future__ import annotations

import json
import random
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import IO, Any

import pytest

from tui.engine.models import Opportunity
from tui.store import DatabaseBusy, Store

WORKER = str(Path(__file__).with_name("worker.py"))

pytestmark = pytest.mark.slow


def _spawn(*args: str, stdin: int | None = None) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, WORKER, *args],
        stdin=stdin,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def test_two_processes_inserting_at_once_lose_nothing(tmp_path: Path) -> None:
    db = tmp_path / "db.json"
    go = tmp_path / "go"
    workers = [_spawn("insert", str(db), prefix, "300", str(go)) for prefix in ("a", "b")]
    time.sleep(1.0)  # both processes imported and waiting
    go.touch()
    for worker in workers:
        out, err = worker.communicate(timeout=180)
        assert worker.returncode == 0, err
        assert out.strip() == "done"
    data = json.loads(db.read_text())  # the file is valid JSON
    documents = list(data["opportunities"].values())
    ids = {d["id"] for d in documents}
    assert len(documents) == 600
    assert ids == {f"opp_{p}{i}" for p in "ab" for i in range(300)}
    assert len(Store(db).records().opportunities) == 600


class _Peer:
    """A long-lived second process that answers commands one at a time."""

    def __init__(self, db: Path) -> None:
        self.process = _spawn("serve", str(db), stdin=subprocess.PIPE)

    def __call__(self, **command: Any) -> Any:
        assert self.process.stdin is not None and self.process.stdout is not None
        self.process.stdin.write(json.dumps(command) + "\n")
        self.process.stdin.flush()
        reply = json.loads(self.process.stdout.readline())
        assert not (isinstance(reply, str) and reply.startswith("error")), reply
        return reply

    def close(self) -> None:
        assert self.process.stdin is not None
        self.process.stdin.close()
        self.process.wait(timeout=10)


def test_processes_taking_turns_see_each_others_changes(tmp_path: Path) -> None:
    db = tmp_path / "db.json"
    first, second = _Peer(db), _Peer(db)
    try:
        assert first(op="add", id="opp_a1", company="A1") == "ok"  # first caches its next id
        assert first(op="search", company="Shared") == []  # and caches this query's result
        assert second(op="add", id="opp_b1", company="Shared") == "ok"
        # The query cache must not hide the other process's insert...
        assert first(op="search", company="Shared") == ["opp_b1"]
        # ...and the next-id cache must not hand out the id the other process just used.
        assert first(op="add", id="opp_a2", company="A2") == "ok"
        assert sorted(second(op="ids")) == ["opp_a1", "opp_a2", "opp_b1"]
        assert second(op="delete", id="opp_b1") == "ok"
        # A deleted record is never returned from a stale cache.
        assert first(op="search", company="Shared") == []
        assert sorted(first(op="ids")) == ["opp_a1", "opp_a2"]
        assert first(op="add", id="opp_a3", company="A3") == "ok"
    finally:
        first.close()
        second.close()
    data = json.loads(db.read_text())
    documents = data["opportunities"]
    assert sorted(d["id"] for d in documents.values()) == ["opp_a1", "opp_a2", "opp_a3"]


def _collect(stream: IO[str], into: list[int]) -> None:
    for line in stream:
        into.append(int(line))


def test_a_writer_killed_at_random_moments_never_corrupts_or_loses_a_returned_write(
    tmp_path: Path,
) -> None:
    db = tmp_path / "db.json"
    # A few megabytes, so each write takes long enough for kills to land inside it.
    seed = Store(db, default_timezone=lambda: "UTC")
    seed.upsert_many(
        [Opportunity(id=f"opp_seed{i}", company=f"Seed {i}", notes="n" * 1500) for i in range(2000)]
    )
    rng = random.Random(20261126)
    acknowledged = 0
    kills = 30
    must_have = {f"opp_seed{i}" for i in range(2000)}
    for round_number in range(kills):
        worker = _spawn("hammer", str(db), f"r{round_number}x")
        returned: list[int] = []
        assert worker.stdout is not None
        reader = threading.Thread(target=_collect, args=(worker.stdout, returned))
        reader.start()
        # Let it get past start-up (first write), then kill at a random moment.
        deadline = time.monotonic() + 20
        while not returned and time.monotonic() < deadline:
            time.sleep(0.005)
        assert returned, "the writer never completed a write"
        time.sleep(rng.uniform(0.0, 0.25))
        worker.send_signal(signal.SIGKILL)
        worker.wait(timeout=10)
        reader.join(timeout=10)
        worker.stderr.close()  # type: ignore[union-attr]
        acknowledged += len(returned)

        data = json.loads(db.read_bytes())  # always parses
        stored = {d["id"] for d in data["opportunities"].values()}
        must_have |= {f"opp_r{round_number}x{i}" for i in returned}
        missing = must_have - stored  # this round's returned writes, every earlier one, the seed
        assert not missing, f"returned writes are missing after kill {round_number}: {missing}"
    # The kernel released the dead writer's lock: a new process writes at once.
    survivor = Store(db, lock_timeout=2.0)
    survivor.add(Opportunity(id="opp_after", company="After the kills"))
    assert acknowledged >= kills
    leftovers = [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")]
    assert leftovers == [], "the next write sweeps temp files a killed writer left"


def test_a_held_lock_makes_a_writer_wait_then_give_up_clearly(tmp_path: Path) -> None:
    db = tmp_path / "db.json"
    Store(db, default_timezone=lambda: "UTC").add(Opportunity(id="opp_1", company="One"))
    before = db.read_bytes()
    holder = _spawn("hold", str(db), "3")
    assert holder.stdout is not None
    assert holder.stdout.readline().strip() == "holding"
    impatient = Store(db, lock_timeout=0.3)
    with pytest.raises(DatabaseBusy, match="locked by another nowwhat process"):
        impatient.add(Opportunity(id="opp_2", company="Two"))
    assert db.read_bytes() == before
    holder.wait(timeout=10)
    holder.stdout.close()
    holder.stderr.close()  # type: ignore[union-attr]
    impatient.add(Opportunity(id="opp_2", company="Two"))  # free again once the holder is done
    assert {o.id for o in Store(db).records().opportunities} == {"opp_1", "opp_2"}
    assert db.stat().st_mode & 0o777 == 0o600
