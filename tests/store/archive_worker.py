"""A second process for the archive's crash tests: it stops between the two writes of a move.

``python archive_worker.py move DB`` archives what is finished but, once the archive is
written, says ``between`` and waits before the main file is written; ``reopen DB OPP`` says
``between`` once the main file is written, before the archive is. The test kills it there.
``hammer DB OPP`` archives and reopens in a loop, saying each step, to be killed at random.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path
from typing import Any

import pendulum

from tui.store import Store
from tui.store.archive import Archive

NOW = pendulum.datetime(2026, 11, 23, 8, 30, tz="America/New_York")


def _pause_before_flush(store: Store) -> None:
    storage: Any = store._storage  # the test's hook: stop right before this file is written
    flush = storage._flush

    def paused() -> None:
        print("between", flush=True)
        time.sleep(60)
        flush()

    storage._flush = paused


if __name__ == "__main__":
    mode, path = sys.argv[1], Path(sys.argv[2])
    archive = Archive.of(Store(path))
    if mode == "move":
        _pause_before_flush(archive.main)  # the archive is written first, then this one
        archive.move_finished(NOW)
    elif mode == "reopen":
        _pause_before_flush(archive.store())  # the main file is written first, then this one
        archive.reopen(sys.argv[3])
    elif mode == "hammer":
        step = 0
        while True:
            archive.move_finished(NOW)
            print(f"moved {step}", flush=True)
            archive.reopen(sys.argv[3])
            print(f"reopened {step}", flush=True)
            step += 1
