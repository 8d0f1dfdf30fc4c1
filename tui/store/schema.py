"""What makes a file a nowwhat database, its schema version, and the migrations between versions.

A database is a JSON object of TinyDB tables. The ``_meta`` table holds one document with
``schema_version``. Migrations are functions from one version's data to the next; a file from a
newer nowwhat is refused rather than guessed at.
"""

from __future__ import annotations

import copy
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .errors import UnreadableDatabase

__all__ = [
    "CURRENT_VERSION",
    "MIGRATIONS",
    "TABLES",
    "Migration",
    "check_database",
    "empty_database",
    "meta_of",
    "migrate",
    "schema_version",
]

CURRENT_VERSION = 3
TABLES = (
    "opportunities",
    "interviews",
    "contacts",
    "touches",
    "tasks",
    "marks",
    "mail_sources",
    "mail_seen",
    "mail_review",
    "settings",
    "_meta",
)


@dataclass(frozen=True, slots=True)
class Migration:
    """Turns the data of schema ``source`` into schema ``source + 1``."""

    source: int
    apply: Callable[[dict[str, Any]], dict[str, Any]]
    summary: str


def _to_2(data: dict[str, Any]) -> dict[str, Any]:
    """Version 2 only adds: every version-1 document reads as it is (new fields take their
    defaults, new tables start empty). The version is raised so that an older nowwhat refuses
    a version-2 file instead of reading it and dropping what it does not know on its next
    write (it keeps only the fields it knows)."""
    return data


def _to_3(data: dict[str, Any]) -> dict[str, Any]:
    """Version 3 keeps finished history in an archive file beside the database
    (:mod:`.archive`). Nothing in the file changes (the archive starts empty); the version is
    raised so that an older nowwhat, which would not see the archive, refuses the file instead
    of showing (and exporting) a database without its history."""
    return data


# When the data model changes, add Migration(n, fn, "...") here and raise CURRENT_VERSION. Each
# migration gets a test with a file of the old version.
MIGRATIONS: Sequence[Migration] = (
    Migration(
        1,
        _to_2,
        "debriefs (estimate, next steps, signals), invitations (UID, sequence, cancelled), mail "
        "hints, acknowledgement touches, and the mail tables (sources, seen, review queue)",
    ),
    Migration(2, _to_3, "finished history may live in an archive file beside the database"),
)


def meta_of(data: Mapping[str, Any]) -> dict[str, Any] | None:
    """The single ``_meta`` document, or ``None`` when there is none."""
    meta = data.get("_meta")
    if not isinstance(meta, dict) or not meta:
        return None
    document = next(iter(meta.values()))
    return document if isinstance(document, dict) else None


def schema_version(data: Mapping[str, Any]) -> int | None:
    """The file's schema version, or ``None`` if it does not say."""
    meta = meta_of(data)
    if meta is None:
        return None
    version = meta.get("schema_version")
    return version if isinstance(version, int) and not isinstance(version, bool) else None


def check_database(path: Path, data: dict[str, Any]) -> None:
    """Refuse data that is not a nowwhat database this version can read."""
    version = schema_version(data)
    if version is None:
        raise UnreadableDatabase(
            path, "not a nowwhat database (no _meta table with schema_version)"
        )
    if version > CURRENT_VERSION:
        raise UnreadableDatabase(
            path,
            f"written by a newer nowwhat (schema {version if version < 10**6 else '?'}; "
            "this one reads up to "
            f"{CURRENT_VERSION}). Upgrade nowwhat",
        )
    if version < 1:
        raise UnreadableDatabase(path, f"unknown schema version {max(version, -1)}")
    for name, table in data.items():
        if not isinstance(table, dict) or not all(isinstance(doc, dict) for doc in table.values()):
            raise UnreadableDatabase(path, f"not a nowwhat database (table {name!r} is malformed)")


def empty_database(created_at: str) -> dict[str, Any]:
    """The data of a brand-new database."""
    return {"_meta": {"1": {"schema_version": CURRENT_VERSION, "created_at": created_at}}}


def migrate(
    data: dict[str, Any],
    migrations: Sequence[Migration] | None = None,
    target: int | None = None,
) -> tuple[dict[str, Any], list[str]]:
    """Bring ``data`` up to ``target`` (default: this version's schema).

    Returns the new data and what was done, in order. The defaults are looked up at call time
    so a test can stand in a different chain.
    """
    migrations = MIGRATIONS if migrations is None else migrations
    target = CURRENT_VERSION if target is None else target
    version = schema_version(data)
    if version is None:
        raise ValueError("data has no schema version")
    by_source = {m.source: m for m in migrations}
    data = copy.deepcopy(data)  # the caller's data stays as read, whatever a step does to it
    done: list[str] = []
    while version < target:
        step = by_source.get(version)
        if step is None:
            raise ValueError(f"no migration from schema {version}")
        data = step.apply(data)
        version += 1
        meta = meta_of(data)
        if meta is None:
            raise ValueError(f"migration from {step.source} lost the _meta table")
        meta["schema_version"] = version
        done.append(f"{step.source} -> {version}: {step.summary}")
    return data, done
