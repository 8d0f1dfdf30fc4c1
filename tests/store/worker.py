"""A second process for the storage tests: inserts, answers queries, holds the lock, or hammers.

Run as ``python worker.py MODE DB [args]``; it prints one line per completed step and flushes,
so the test knows exactly which writes had returned before it killed us.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

from tinydb import Query

from tui.engine.models import Opportunity
from tui.store import Store


def insert(db: Path, prefix: str, count: int, go: Path) -> None:
    store = Store(db, default_timezone=lambda: "UTC")
    while not go.exists():  # start together with the other writer
        time.sleep(0.001)
    for i in range(count):
        store.add(Opportunity(id=f"opp_{prefix}{i}", company=f"{prefix} company {i}"))
    print("done", flush=True)


def hammer(db: Path, prefix: str) -> None:
    store = Store(db, default_timezone=lambda: "UTC")
    i = 0
    while True:
        store.add(Opportunity(id=f"opp_{prefix}{i}", company=f"Kill test {i}", notes="x" * 200))
        print(i, flush=True)
        i += 1


def hold(db: Path, seconds: float) -> None:
    store = Store(db, default_timezone=lambda: "UTC")
    with store.transaction():
        print("holding", flush=True)
        time.sleep(seconds)


def serve(db: Path) -> None:
    """Answer one JSON command per line: add, delete, search, ids."""
    store = Store(db, default_timezone=lambda: "UTC")
    for line in sys.stdin:
        command = json.loads(line)
        op = command["op"]
        try:
            if op == "add":
                store.add(Opportunity(id=command["id"], company=command["company"]))
                reply: object = "ok"
            elif op == "delete":
                store.delete(Opportunity, command["id"])
                reply = "ok"
            elif op == "search":
                found = store.search(Opportunity, Query().company == command["company"])
                reply = [o.id for o in found]
            else:
                reply = [o.id for o in store.records().opportunities]
        except Exception as error:  # report, so the test shows what went wrong
            reply = f"error: {type(error).__name__}: {error}"
        print(json.dumps(reply), flush=True)


if __name__ == "__main__":
    mode, path = sys.argv[1], Path(sys.argv[2])
    if mode == "insert":
        insert(path, sys.argv[3], int(sys.argv[4]), Path(sys.argv[5]))
    elif mode == "hammer":
        hammer(path, sys.argv[3])
    elif mode == "hold":
        hold(path, float(sys.argv[3]))
    else:
        serve(path)
