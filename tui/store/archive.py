"""The archive: finished history in a second file beside the database (issue 19).

Years of closed opportunities, old touches and done tasks would otherwise be read, built and
rewritten with every start and every change. :func:`tui.engine.archive.finished_history` says
what is finished; this module moves it to ``NAME.archive.json`` beside ``NAME.json`` and back.

The two files can never disagree about a record after a crash, because of one rule and an order:

* **the rule**: a record in both files is the main file's copy; the archive's is left over from
  a move a crash interrupted, and is dropped the next time the archive is written;
* **the order**: every move writes the file that gains the record before the one that loses
  it, and a delete removes the archive's copy before the main file's. So at every moment the
  copy that counts (the main file's if there is one, else the archive's) is either the record
  before the change or after it, never nothing: archiving writes the archive (records added),
  then the main file (records removed); reopening writes the main file (records added), then
  the archive (records removed).

Every write here runs under the main file's lock (the archive's own lock is taken inside it,
always in that order), and the second write of a move runs before that lock is let go
(:meth:`SafeJSONStorage.after_commit`): no other process can move the same record in between.
A reader that takes no lock reads the main file, then the archive, then checks that the main
file did not change meanwhile (and reads again if it did): each move changes the main file, so
no read can miss a record that was moving.

How the rest of nowwhat sees it (:class:`Store`):

* ``records()`` is this merged view once an archive exists, so every screen but Today, every
  verb, export, import and action reads everything, exact by construction; ``active_records()``
  is the main file alone, read by Today (today and the days ahead; a day in the past plans from
  everything), the first-run check and ``nowwhat today``. The plan is the same either way
  (:mod:`tui.engine.archive` says why; tests/store/test_archive.py and
  tests/app/test_archive_screens.py check it).
* ``put`` of a record only the archive holds, and ``add`` of a touch or interview naming an
  archived opportunity, bring the opportunity back whole first (:meth:`Archive.reopen`);
  ``add`` and ``new_id`` refuse ids the archive holds, asking its id index first
  (``NAME.archive.ids``, written before the archive gains ids, so it may name too many, never
  too few; see :meth:`Archive.may_hold`); ``delete`` removes the archive's copy
  first; an import's records the archive holds leave it after the main write; ``search``
  looks in both.
* Moving happens at the end of a dashboard run, once at least a hundred records are finished,
  so no start pays for it; schema version 3 makes an older nowwhat (which would not see the
  archive) refuse the main file.

Costs it moves rather than removes: the first look at history in a run (another screen)
reads the archive, about 0.3 s of CPU at decade size from
its records cache (0.9 s after it changed); the first move of a large old database takes
seconds at the end of that run.
"""

from __future__ import annotations

import dataclasses
import os
import threading
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from pendulum import DateTime

from ..engine.archive import HORIZON_DAYS, finished_history
from ..engine.models import Records
from .errors import DiskError
from .repository import Store
from .safefile import atomic_write

__all__ = ["ARCHIVED_TABLES", "Archive", "archive_path", "merge"]

ARCHIVED_TABLES = ("opportunities", "interviews", "touches", "tasks")


def archive_path(path: Path) -> Path:
    """``nowwhat.archive.json`` beside ``nowwhat.json``."""
    return path.with_name(f"{path.stem}.archive{path.suffix}")


def index_path(path: Path) -> Path:
    """``nowwhat.archive.ids`` beside ``nowwhat.json``: every id the archive may hold."""
    return path.with_name(f"{path.stem}.archive.ids")


INDEX_HEADER = b"nowwhat-archive-ids 1\n"


def merge(active: Records, archived: Records) -> Records:
    """Every record once: the main file's copy of a record in both files, else the archive's.

    Archived records come first (they are older), each table in its own file's order.
    """
    changes: dict[str, tuple[Any, ...]] = {}
    for name in ARCHIVED_TABLES:
        mine: tuple[Any, ...] = getattr(active, name)
        theirs: tuple[Any, ...] = getattr(archived, name)
        if not theirs:
            continue
        ids = {record.id for record in mine}
        changes[name] = (*(r for r in theirs if r.id not in ids), *mine)
    return dataclasses.replace(active, **changes) if changes else active  # type: ignore[arg-type]


class Archive:
    """The archive beside one database; made when first needed, read only when asked."""

    def __init__(self, main: Store) -> None:
        self.main = main
        self.path = archive_path(main.path)
        self._store: Store | None = None
        self._making = threading.Lock()  # the UI thread and the writer may both ask first
        self._merged: tuple[Records, Records, Records] | None = None
        self.index_path = index_path(main.path)
        self._index: tuple[tuple[int, int, int], frozenset[str]] | None = None

    @staticmethod
    def of(main: Store) -> Archive:
        """The archive of ``main`` (the one its own reads and writes use)."""
        archive = main.archive
        if archive is None:
            raise ValueError(f"{main.path} is an archive itself")
        return archive

    @property
    def exists(self) -> bool:
        return os.access(self.path, os.F_OK)

    @property
    def loaded(self) -> Store | None:
        """The archive's store once it has been read, else None."""
        return self._store

    def store(self) -> Store:
        """The archive file as a store of its own (its records are plain nowwhat records)."""
        with self._making:
            if self._store is None:
                self._store = Store(self.path, default_timezone=lambda: "UTC", archive=False)
            return self._store

    def may_hold(self, record_id: str) -> bool:
        """False only if the archive surely does not hold ``record_id``.

        The index beside the archive names every id the archive holds, and perhaps some it no
        longer does: it is written before the archive gains ids (:meth:`move_finished`) and
        never when it loses them, so a crash can leave it naming too many, never too few. No
        index, or one that cannot be read, says "maybe" (the archive itself is then asked).
        """
        if not self.exists:
            return False
        if self._store is not None:
            return True  # read already: the exact answer costs nothing more
        try:
            found = self.index_path.stat()
            signature = (found.st_ino, found.st_size, found.st_mtime_ns)
            if self._index is None or self._index[0] != signature:
                raw = self.index_path.read_bytes()
                if not raw.startswith(INDEX_HEADER):
                    return True
                ids = frozenset(raw[len(INDEX_HEADER) :].decode("ascii").split())
                self._index = (signature, ids)
        except (OSError, UnicodeDecodeError):
            return True
        return record_id in self._index[1]

    def _write_index(self, ids: Iterable[str]) -> None:
        """Replace the index with ``ids`` (before the archive gains any of them)."""
        payload = INDEX_HEADER + "\n".join(sorted(ids)).encode("ascii")
        try:
            atomic_write(self.index_path, payload)
        except OSError as error:
            raise DiskError.of(error, self.index_path) from None
        self._index = None

    def archived(self) -> Records:
        """The archive's own records (empty when there is no archive)."""
        if not self.exists and self._store is None:
            return Records()
        return self.store().active_records()

    def records(self) -> Records:
        """Everything: the main file's records and the archive's, each record once."""
        while True:
            self.main.refresh()
            active = self.main.active_records()
            archived = self.archived()
            if not self.main.refresh():  # the main file did not change while we read: done
                if (
                    self._merged is None
                    or self._merged[0] is not active
                    or (self._merged[1] is not archived)
                ):
                    self._merged = (active, archived, merge(active, archived))
                return self._merged[2]

    def bring_back(self, name: str, record_id: str) -> bool:
        """Inside the main file's transaction: an archived record that is about to change comes
        back to the main file (a touch or interview with its whole opportunity); False when
        the archive does not hold it."""
        if not self.exists:
            return False
        archived = self.store().active_records()
        record = next((r for r in getattr(archived, name, ()) if r.id == record_id), None)
        if record is None:
            return False
        opportunity_id = (
            record.id if name == "opportunities" else getattr(record, "opportunity_id", None)
        )
        if opportunity_id is not None and self.reopen(opportunity_id):
            return True
        store = self.store()
        self.main.upsert_many([record])
        self.main.after_commit(lambda: store.remove_many({name: [record_id]}))
        return True

    def move_finished(self, now: DateTime, days: int = HORIZON_DAYS) -> int:
        """Move what is finished as of ``now`` to the archive; return how many records moved.

        Two writes under the main file's lock: the archive gains the records (and sheds copies
        left over from an interrupted move), then the main file loses them.
        """
        with self.main.transaction():
            active = self.main.active_records()
            finished = finished_history(active, now, days)
            moving = [
                record
                for name in ARCHIVED_TABLES
                for record in getattr(active, name)
                if record.id in finished.of(name)
            ]
            archive = self.store()
            stale = self._left_over(active, archive.active_records(), finished.of)
            if not moving and not stale:
                return 0
            if moving:  # the index first: it may name too many ids, never too few
                held = archive.active_records()
                self._write_index(
                    {r.id for name in ARCHIVED_TABLES for r in getattr(held, name)}
                    | {r.id for r in moving}
                )
            with archive.transaction():
                if stale:
                    archive.remove_many(stale)
                if moving:
                    archive.upsert_many(moving)
            if moving:
                self.main.remove_many({name: finished.of(name) for name in ARCHIVED_TABLES})
            return len(moving)

    def reopen(self, opportunity_id: str) -> bool:
        """Bring an archived opportunity back whole (its interviews and touches with it).

        The main file gains them first; the archive loses them once that is on disk, before the
        lock is let go. Returns False when the archive does not hold it.
        """
        with self.main.transaction():
            archive = self.store() if self.exists else None
            if archive is None:
                return False
            archived = archive.active_records()
            group = [o for o in archived.opportunities if o.id == opportunity_id]
            if not group:
                return False
            interviews = [i for i in archived.interviews if i.opportunity_id == opportunity_id]
            touches = [t for t in archived.touches if t.opportunity_id == opportunity_id]
            self.main.upsert_many([*group, *interviews, *touches])
            ids = {
                "opportunities": [opportunity_id],
                "interviews": [i.id for i in interviews],
                "touches": [t.id for t in touches],
            }
            self.main.after_commit(lambda: archive.remove_many(ids))
            return True

    def delete(self, table: str, record_id: str) -> bool:
        """Remove one record from both files: the archive's copy first, then the main file's."""
        with self.main.transaction():
            removed = 0
            if self.exists:
                removed += self.store().remove_many({table: [record_id]})
            removed += self.main.remove_many({table: [record_id]})
            return removed > 0

    @staticmethod
    def _left_over(active: Records, archived: Records, of: Any) -> dict[str, Iterable[str]]:
        """Archive copies of records the main file holds and is not about to give up."""
        stale: dict[str, Iterable[str]] = {}
        for name in ARCHIVED_TABLES:
            moving = of(name)
            main_ids = {r.id for r in getattr(active, name)} - moving
            found = [r.id for r in getattr(archived, name) if r.id in main_ids]
            if found:
                stale[name] = found
        return stale
