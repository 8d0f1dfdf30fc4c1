"""The tuning corpus for tests: its labels, and Maildirs made of its messages."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pendulum

__all__ = ["DATA", "NOW", "NOW_AT", "TUNING", "labels", "make_maildir"]

DATA = Path(__file__).resolve().parent.parent / "mail" / "data"
TUNING = DATA / "tuning"
NOW = "2026-12-02 09:00"
NOW_AT = pendulum.datetime(2026, 12, 2, 9, 0, tz="America/New_York")


def labels() -> dict[str, dict[str, Any]]:
    data: dict[str, dict[str, Any]] = json.loads((TUNING / "labels.json").read_text())
    return data


def make_maildir(folder: Path, names: list[str] | None = None) -> Path:
    """A Maildir of corpus messages as mbsync leaves it: received mail in the top folder, your
    own in ``.Sent``."""
    chosen = names if names is not None else sorted(labels())
    every = labels()
    for sub in ("cur", "new", "tmp"):
        (folder / sub).mkdir(parents=True, exist_ok=True)
        (folder / ".Sent" / sub).mkdir(parents=True, exist_ok=True)
    for number, name in enumerate(chosen):
        box = folder / ".Sent" if every[name]["direction"] == "out" else folder
        target = box / "cur" / f"{1764000000 + number}.M{number}P7.test:2,S"
        shutil.copyfile(TUNING / "messages" / name, target)
    return folder
