"""The database as records: read a consistent snapshot, change one record at a time, safely.

:class:`Store` puts TinyDB on top of :class:`SafeJSONStorage`. Every change runs in a storage
transaction (lock, fresh data, one atomic write), so a change is on disk the moment the call
returns, and a second process's changes are picked up before ours are applied.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import secrets
from collections.abc import Callable, Iterable, Iterator, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar, cast

from tinydb import TinyDB
from tinydb.queries import QueryLike
from tinydb.table import Table

from ..engine.errors import InvalidField
from ..engine.mail_records import MailReview, MailSeen, MailSource
from ..engine.models import Contact, Interview, Mark, Opportunity, Records, Task, Touch
from ..engine.settings import Settings
from . import schema
from .backups import backup_folder
from .documents import ID_PREFIX, TABLE_OF, Record, from_document, to_document
from .errors import Conflict, DiskError, NotFound, StoreError, UnreadableDatabase, os_cause
from .quiet_gc import paused_gc
from .safefile import atomic_write, ensure_private_dir
from .schema import TABLES, check_database, empty_database, schema_version
from .snapshot_cache import CachedTable, cache_is_current, cache_path, load_cache, save_cache
from .storage import SafeJSONStorage

if TYPE_CHECKING:
    from .archive import Archive

__all__ = ["Store"]

ARCHIVED = ("opportunities", "interviews", "touches", "tasks")

R = TypeVar(
    "R", Opportunity, Interview, Contact, Touch, Task, Mark, MailSource, MailSeen, MailReview
)

_ID_ALPHABET = "23456789abcdefghjkmnpqrstuvwxyz"  # no 0/1/i/l/o: ids are typed on the command line
_ID_SPACE = len(_ID_ALPHABET) ** 8


class _FreshTable(Table):
    """A TinyDB table that can forget its per-process caches when another process wrote."""

    def forget(self) -> None:
        self.clear_cache()
        self._next_id = None  # TinyDB's next-id cache would otherwise reuse another writer's id


class _Database(TinyDB):
    table_class = _FreshTable


class Store:
    """One nowwhat database file."""

    def __init__(
        self,
        path: Path,
        *,
        lock_timeout: float = 10.0,
        today: Callable[[], dt.date] = dt.date.today,
        default_timezone: Callable[[], str] | None = None,
        archive: bool = True,
    ) -> None:
        self._with_archive = archive
        self._archive: Archive | None = None
        self._storage = SafeJSONStorage(
            Path(path),
            validate=check_database,
            lock_timeout=lock_timeout,
            today=today,
            defer_parse=True,
        )
        self.path = self._storage.path
        """The database file itself (a symbolic link given is followed, once, here)."""
        self._default_timezone = default_timezone or _local_timezone
        storage = self._storage
        self._db = _Database(storage=lambda: storage)
        self._tables: dict[str, _FreshTable] = {
            name: cast(_FreshTable, self._db.table(name)) for name in TABLES
        }
        self._snapshot: tuple[int, Records] | None = None
        # Decoded records by table and doc id, with the document they came from: after a write
        # (or another process's) only documents that changed are decoded again.
        self._decoded: dict[str, dict[str, tuple[dict[str, Any], Any]]] = {}
        self._doc_ids: dict[str, dict[str, str]] = {}
        self._next_doc_ids: dict[str, int] = {}
        # Each table's decoded tuple with the table object it came from. Our own writes change
        # a table object in place and name it in ``_changed``; every other table is reused
        # whole (a re-read from disk brings new table objects, so nothing stale survives it).
        self._table_tuples: dict[str, tuple[dict[str, Any], tuple[Any, ...]]] = {}
        # The documents our own writes added or replaced, by table (None: something was
        # deleted, so the table takes the full pass), and where each document's record sits in
        # its table's tuple.
        self._changed: dict[str, set[str] | None] = {}
        self._positions: dict[str, dict[str, int]] = {}
        self._settings_seen: tuple[dict[str, Any], Settings] | None = None
        self._cached_digest: bytes | None = None  # the digest of the cache this run started from
        self._storage.on_reload(self._forget)
        if not self._start_from_cache():
            self._storage.parse_now()  # a bad file is refused here, as it always was
            self._migrate_if_needed()

    def on_warning(self, listener: Callable[[str], None]) -> None:
        """Call ``listener`` with each one-line warning (a backup that could not be made); the
        change it came with was saved."""
        self._storage.on_warning(listener)

    # -- reading ----------------------------------------------------------------------------------

    @property
    def exists(self) -> bool:
        """Whether the database file has been written yet."""
        return self.path.exists()

    @property
    def generation(self) -> int:
        """Changes whenever the data in memory changes (a write here or a re-read from disk),
        in this file or in its archive."""
        archived = self._archive.loaded if self._archive is not None else None
        return self._storage.generation + (archived.generation if archived is not None else 0)

    @property
    def archive(self) -> Archive | None:
        """The archive of finished history beside this database (None for an archive itself)."""
        if not self._with_archive:
            return None
        if self._archive is not None:
            return self._archive
        with self._storage.mutex:  # one archive object, whichever thread asks first
            if self._archive is None:
                from .archive import Archive

                self._archive = Archive(self)
            return self._archive

    @property
    def has_archive(self) -> bool:
        """Whether finished history may sit in an archive beside this file."""
        archive = self.archive
        return archive is not None and (archive.exists or archive.loaded is not None)

    def refresh(self) -> bool:
        """Pick up another process's changes; return whether there were any.

        While a transaction is open nothing is read: its own thread holds the lock (the file
        was caught up with when it was taken), so an import that asks for a fresh id per row
        does not open the file per row; another thread's check (the TUI's watch) returns at
        once instead of waiting for the write, and the next check catches up.
        """
        if self._storage.in_transaction:
            return False
        changed = self._storage.reload_if_changed()
        archived = self._archive.loaded if self._archive is not None else None
        if archived is not None:
            changed = archived.refresh() or changed
        return changed

    def records(self) -> Records:
        """Everything in the database as records, as of the latest version on disk: the main
        file's and, once there is one, its archive's (each record once, see :mod:`.archive`).

        Safe from any thread: records are immutable."""
        archive = self.archive
        if archive is not None and self.has_archive:
            return archive.records()
        return self.active_records()

    def active_records(self) -> Records:
        """The records of the main file alone: everything but the archived history.

        What Today plans from (the plan is the same, see :mod:`tui.engine.archive`). Safe
        from any thread: records are immutable, and the data in memory is read under the
        storage's mutex (a write in another thread waits for the file lock without it).
        """
        with self._storage.mutex:
            self.refresh()
            generation = self._storage.generation
            if self._snapshot is not None and self._snapshot[0] == generation:
                return self._snapshot[1]
            with paused_gc():
                snapshot = self._decode(self._storage.raw or {})
            self._snapshot = (generation, snapshot)
            return snapshot

    def settings(self) -> Settings:
        """The settings in force."""
        return self.active_records().settings

    def active_records_of(self, name: str) -> tuple[Any, ...]:
        """One table of :meth:`active_records`."""
        found: tuple[Any, ...] = getattr(self.active_records(), name)
        return found

    def get(self, cls: type[R], record_id: str) -> R:
        """The record of type ``cls`` with this id, or :class:`NotFound`."""
        for source in (self.active_records, self.records):
            records: tuple[Any, ...] = getattr(source(), TABLE_OF[cls])
            for record in records:
                if record.id == record_id:
                    return record  # type: ignore[no-any-return]
        raise NotFound(f"no {TABLE_OF[cls][:-1]} with id {record_id}")

    def search(self, cls: type[R], condition: QueryLike) -> list[R]:
        """Records of type ``cls`` matching a TinyDB query, as of the latest version on disk.

        ``store.search(Task, Query().status == "open")``. TinyDB caches query results per
        process; the refresh first drops that cache whenever another process wrote.
        """
        with self._storage.mutex:
            self.refresh()
            found = [
                from_document(cls, doc) for doc in self._tables[TABLE_OF[cls]].search(condition)
            ]
        archive = self.archive
        if archive is None or not self.has_archive or TABLE_OF[cls] not in ARCHIVED:
            return found
        mine = {record.id for record in self.active_records_of(TABLE_OF[cls])}
        older: list[R] = [r for r in archive.store().search(cls, condition) if r.id not in mine]
        return older + found  # a record in both files is the main file's copy

    # -- writing ----------------------------------------------------------------------------------

    @contextlib.contextmanager
    def transaction(self) -> Iterator[None]:
        """Group changes: one lock, one write, all or nothing."""
        with self._storage.transaction():
            self._initialise_if_new()
            yield

    def new_id(self, cls: type) -> str:
        """A fresh id for a record of type ``cls``, short enough to type."""
        with self._storage.mutex:
            self.active_records()  # brings the id index up to date
            taken = self._doc_ids.get(TABLE_OF[cls], {})
            while True:
                # One draw for all eight letters (a draw per letter was most of the cost of an
                # import's ids: 100,000 rows make 180,000 of them).
                number = secrets.randbelow(_ID_SPACE)
                letters = []
                for _ in range(8):
                    number, letter = divmod(number, len(_ID_ALPHABET))
                    letters.append(_ID_ALPHABET[letter])
                candidate = f"{ID_PREFIX[cls]}_" + "".join(letters)
                if candidate not in taken and not self._in_archive(TABLE_OF[cls], candidate):
                    return candidate

    def add(self, record: R) -> R:
        """Store a new record; its id must be new."""
        name = TABLE_OF[type(record)]
        with self.transaction():
            self.active_records()  # brings the id index up to date
            ids = self._doc_ids.get(name, {})
            if record.id in ids or self._in_archive(name, record.id):
                raise InvalidField("id", f"{record.id} already exists")
            if self._bring_back_opportunities([record]):
                self.active_records()
            # Straight into the table: TinyDB's insert scans and copies the whole table twice,
            # which is most of the cost of a write in a large database.
            data = self._storage.raw or {}
            table = data.setdefault(name, {})
            doc_id = str(self._next_doc_ids.get(name, 1))
            while doc_id in table:  # never reuse a number, whatever the index says
                doc_id = str(int(doc_id) + 1)
            table[doc_id] = to_document(record)
            self._mark_changed(name, doc_id)
            self._next_doc_ids[name] = int(doc_id) + 1
            self._storage.replace_all(data, changed={name})
            self._forget()
        return record

    def add_all(self, records: Iterable[Record]) -> None:
        """Store many new records in one pass (each id must be new): the per-record checks of
        :meth:`add` without re-reading the index for each (a mail scan writes thousands)."""
        with self.transaction():
            records = list(records)
            if self._bring_back_opportunities(records):
                self._forget()
            self.active_records()  # brings the id index up to date
            data = self._storage.raw or {}
            changed: set[str] = set()
            for record in records:
                name = TABLE_OF[type(record)]
                ids = self._doc_ids.setdefault(name, {})
                if record.id in ids or self._in_archive(name, record.id):
                    raise InvalidField("id", f"{record.id} already exists")
                table = data.setdefault(name, {})
                doc_id = str(self._next_doc_ids.get(name, 1))
                while doc_id in table:
                    doc_id = str(int(doc_id) + 1)
                table[doc_id] = to_document(record)
                ids[record.id] = doc_id
                self._mark_changed(name, doc_id)
                self._next_doc_ids[name] = int(doc_id) + 1
                changed.add(name)
            if changed:
                self._storage.replace_all(data, changed=changed)
                self._forget()

    def put(self, record: R, *, expected: R | None = None) -> R:
        """Replace the stored record with the same id.

        With ``expected`` (the record as the caller first read it), refuse with
        :class:`Conflict` if another session changed it since, instead of overwriting.
        """
        name = TABLE_OF[type(record)]
        with self.transaction():
            self.active_records()  # brings the id -> document index up to date
            doc_id = self._doc_ids.get(name, {}).get(record.id)
            archive = self.archive
            if doc_id is None and archive is not None and archive.bring_back(name, record.id):
                self.active_records()  # an archived record changed: back in the main file
                doc_id = self._doc_ids.get(name, {}).get(record.id)
            self._bring_back_opportunities([record])
            self.active_records()
            data = self._storage.raw or {}
            stored = data.get(name, {}).get(doc_id) if doc_id is not None else None
            if stored is None:
                raise NotFound(f"{record.id} no longer exists (deleted in another session?)")
            # Compare records, not documents: a document written by an older version may lack
            # fields that now have defaults, and still hold the very same record.
            if expected is not None and from_document(type(record), stored) != expected:
                raise Conflict(name, record.id)
            # A new document object, never a change in place: the decode cache relies on it.
            data[name][doc_id] = to_document(record)
            self._mark_changed(name, doc_id)
            self._storage.replace_all(data, changed={name})
            self._forget()
        return record

    def upsert_many(self, records: Iterable[Record]) -> None:
        """Store many records at once, replacing those with the same id (imports).

        Works on whole tables in one pass: TinyDB's one-document operations each copy the table,
        which turns a large import quadratic.
        """
        with self.transaction():
            records = list(records)
            self._bring_back_opportunities(records)
            data = {name: dict(table) for name, table in (self._storage.raw or {}).items()}
            positions: dict[str, dict[str, str]] = {}
            next_ids: dict[str, int] = {}
            written: list[tuple[str, str, dict[str, Any], Record]] = []
            for record in records:
                name = TABLE_OF[type(record)]
                table = data.setdefault(name, {})
                if name not in positions:
                    positions[name] = {doc["id"]: doc_id for doc_id, doc in table.items()}
                    next_ids[name] = max((int(k) for k in table), default=0) + 1
                doc_id = positions[name].get(record.id)
                if doc_id is None:
                    doc_id = str(next_ids[name])
                    next_ids[name] += 1
                    positions[name][record.id] = doc_id
                document = table[doc_id] = to_document(record)
                written.append((name, doc_id, document, record))
            self._storage.replace_all(data)
            self._forget()
            self._drop_archived_copies(written)
            # The next read need not decode what was just written from these very records
            # (they passed their checks when built): each document is paired with its record.
            for name, doc_id, document, record in written:
                self._decoded.setdefault(name, {})[doc_id] = (document, record)

    def delete(self, cls: type[R], record_id: str) -> None:
        """Remove one record."""
        name = TABLE_OF[cls]
        with self.transaction():
            archive = self.archive
            archived = 0
            if archive is not None and archive.exists:  # the archive's copy first, see .archive
                archived = archive.store().remove_many({name: [record_id]})
            self.active_records()
            doc_id = self._doc_ids.get(name, {}).get(record_id)
            data = self._storage.raw or {}
            if doc_id is None or doc_id not in data.get(name, {}):
                if archived:
                    return
                raise NotFound(f"no {name[:-1]} with id {record_id}")
            del data[name][doc_id]
            self._mark_changed(name, None)
            self._storage.replace_all(data, changed={name})
            self._forget()

    def archive_finished(self, now: Any, minimum: int = 100) -> int:
        """Move finished history to the archive once ``minimum`` records of it have gathered;
        return how many moved (see :mod:`.archive`). Done at the end of a run."""
        archive = self.archive
        if archive is None:
            return 0
        from ..engine.archive import finished_history

        finished = finished_history(self.active_records(), now)
        if sum(len(finished.of(name)) for name in ARCHIVED) < minimum:
            return 0
        return archive.move_finished(now)

    def _in_archive(self, name: str, record_id: str) -> bool:
        """Whether the archive holds ``record_id`` in table ``name``.

        Asked of the archive's id index first (:meth:`Archive.may_hold`: a new id is almost
        never there), so an add does not read the archive; only an id the index names, or an
        archive with no usable index, is looked up in the archive itself.
        """
        archive = self.archive
        if name not in ARCHIVED or archive is None or not archive.may_hold(record_id):
            return False
        store = archive.store()
        store.active_records()
        return record_id in store._doc_ids.get(name, {})

    def _bring_back_opportunities(self, records: Iterable[Any]) -> bool:
        """Inside a transaction: archived opportunities these touches or interviews name come
        back to the main file whole, so every record the main file holds has its company."""
        archive = self.archive
        if archive is None or not archive.exists:
            return False
        records = list(records)
        self.active_records()
        present = set(self._doc_ids.get("opportunities", {}))
        present |= {r.id for r in records if isinstance(r, Opportunity)}  # arriving with them
        wanted = {
            opportunity_id
            for record in records
            if isinstance(record, Touch | Interview)
            and (opportunity_id := record.opportunity_id) is not None
            and opportunity_id not in present
        }
        brought = False
        for opportunity_id in sorted(wanted):
            brought = archive.reopen(opportunity_id) or brought
        return brought

    def _drop_archived_copies(self, written: list[tuple[str, str, dict[str, Any], Record]]) -> None:
        """After an import: the archive's copies of what was written are left over (the main
        file's copy counts); they go once the main file is on disk."""
        archive = self.archive
        if archive is None or not archive.exists:
            return
        stale: dict[str, list[str]] = {}
        for name, _, _, record in written:
            if self._in_archive(name, record.id):
                stale.setdefault(name, []).append(record.id)
        if stale:
            store = archive.store()
            self.after_commit(lambda: store.remove_many(stale))

    def remove_many(self, ids: Mapping[str, Iterable[str]]) -> int:
        """Remove the records with these ids (by table name) in one write; return how many.

        Ids that are not there are passed over: the archive's moves remove what may already be
        gone (see :mod:`.archive`).
        """
        removed = 0
        with self.transaction():
            self.active_records()  # brings the id -> document index up to date
            data = self._storage.raw or {}
            changed: set[str] = set()
            for name, wanted in ids.items():
                doc_ids = self._doc_ids.get(name, {})
                table = data.get(name, {})
                for record_id in wanted:
                    doc_id = doc_ids.get(record_id)
                    if doc_id is not None and doc_id in table:
                        del table[doc_id]
                        removed += 1
                        changed.add(name)
                if name in changed:
                    self._mark_changed(name, None)
            if changed:
                self._storage.replace_all(data, changed=changed)
                self._forget()
        return removed

    def after_commit(self, work: Callable[[], object]) -> None:
        """Inside a transaction: run ``work`` once it is on disk, before the lock is let go."""
        self._storage.after_commit(work)

    def save_settings(self, settings: Settings) -> None:
        """Store the settings (only the values that differ from the defaults)."""
        with self.transaction():
            table = self._tables["settings"]
            table.truncate()
            table.insert(settings.changed())

    # -- internals --------------------------------------------------------------------------------

    def _forget(self) -> None:
        for table in self._tables.values():
            table.forget()

    def _initialise_if_new(self) -> None:
        """Give a brand-new file its schema version and the person's time zone."""
        if self._storage.raw is not None and schema_version(self._storage.raw) is not None:
            return
        now = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
        data = empty_database(now)
        zone = self._default_timezone()
        data["settings"] = {"1": Settings().with_text("timezone", zone).changed()}
        self._storage.replace_all(data)
        self._forget()

    def _migrate_if_needed(self) -> None:
        raw = self._storage.raw
        if raw is None or schema_version(raw) == schema.CURRENT_VERSION:
            return
        with self._storage.transaction():
            raw = self._storage.raw
            version = schema_version(raw) if raw is not None else None
            if raw is None or version is None or version >= schema.CURRENT_VERSION:
                return
            migrated, _ = schema.migrate(raw)
            check_database(self.path, migrated)
            try:
                self._decode(migrated)  # a record this version cannot read: refused, untouched
            finally:
                self._forget()
            folder = backup_folder(self.path)
            try:
                ensure_private_dir(folder)
                atomic_write(
                    folder / f"{self.path.stem}-pre-schema-{version + 1}{self.path.suffix}",
                    self.path.read_bytes(),
                )
            except OSError as error:  # no migration without the copy of the file before it
                raise DiskError(
                    self.path, f"the copy before the schema upgrade: {os_cause(error, folder)}"
                ) from None
            self._storage.replace_all(migrated)
            self._forget()

    def save_snapshot(self) -> bool:
        """Cache the records of the file as it is now, for a quick next start; False if not.

        Called when a run is done with the database (see :mod:`.snapshot_cache`). Skipped when
        the cache is already up to date or the file is not exactly the data in memory. An
        archive read during the run gets its own cache, so the next run's first look at the
        history is quick too.
        """
        archived = self._archive.loaded if self._archive is not None else None
        if archived is not None:
            archived.save_snapshot()
        try:
            self.active_records()
        except StoreError:
            return False
        digest = self._storage.current_digest()
        if digest is None:
            return False
        if digest == self._cached_digest:
            return True  # this run started from that very cache, verified
        try:
            if self.path.stat().st_uid != os.geteuid():
                return False  # another user's database: leave no file of ours in their folder
        except OSError:
            return False
        path = cache_path(self.path)
        if cache_is_current(path, digest):
            return True  # checked before the data: an unchanged file is never parsed for this
        data = self._storage.raw
        if data is None:
            return False
        tables: dict[str, CachedTable] = {}
        for name in TABLE_OF.values():
            source = data.get(name)
            seen = self._table_tuples.get(name)
            if source is None:
                tables[name] = ([], ())
            elif seen is not None and seen[0] is source:
                tables[name] = (list(source), seen[1])
            else:
                return False
        stored_settings: dict[str, Any] = next(iter(data.get("settings", {}).values()), {})
        try:
            return save_cache(path, digest, tables, stored_settings)
        except OSError:
            return False

    def _start_from_cache(self) -> bool:
        """Take the records from the cache made of exactly these bytes; False if there is none.

        The file is then parsed only when something needs its documents (a write, a search);
        :meth:`_link_documents` ties each cached record to its document at that point, so
        later changes are decoded record by record as usual.
        """
        digest = self._storage.digest
        if self._storage.parsed or digest is None:
            return False
        with paused_gc():
            cached = load_cache(cache_path(self.path), digest)
        if cached is None:
            return False
        self._cached_digest = digest
        tables, stored_settings = cached
        if set(tables) != set(TABLE_OF.values()):
            return False
        try:
            settings = Settings.from_mapping(stored_settings)
        except InvalidField:
            return False
        for name, (ids, records) in tables.items():
            pairs = zip(ids, records, strict=True)
            self._doc_ids[name] = {record.id: doc_id for doc_id, record in pairs}
            self._next_doc_ids[name] = max((int(k) for k in ids), default=0) + 1
        self._storage.indent = 2 if settings["pretty_json"] else None
        self._snapshot = (
            self._storage.generation,
            Records(settings=settings, **{name: records for name, (_, records) in tables.items()}),
        )
        self._storage.on_parse(lambda data: self._link_documents(data, tables))
        return True

    def _link_documents(self, data: dict[str, Any], tables: dict[str, CachedTable]) -> None:
        """Pair each cached record with its document, now that the file has been parsed.

        A record is only ever paired with the document of the same id: if the cache does not
        match the file (it cannot, for the same bytes and a verified cache), every cached
        record is dropped and the file decoded, so no write can put a record back that did
        not come from the file.
        """
        for name, (ids, records) in tables.items():
            source = data.get(name, {})
            if list(source) != ids or any(
                not isinstance(document, dict) or document.get("id") != record.id
                for document, record in zip(source.values(), records, strict=True)
            ):
                self._distrust_cache()
                return
            pairs = zip(ids, records, strict=True)
            self._decoded[name] = {doc_id: (source[doc_id], record) for doc_id, record in pairs}
            self._positions[name] = {doc_id: n for n, doc_id in enumerate(ids)}
            self._table_tuples[name] = (source, records)

    def _distrust_cache(self) -> None:
        """Forget everything the cache said, and the cache itself; the next read decodes the
        file (and the run's end writes a true cache)."""
        with contextlib.suppress(OSError):
            cache_path(self.path).unlink(missing_ok=True)
        self._decoded.clear()
        self._table_tuples.clear()
        self._positions.clear()
        self._doc_ids.clear()
        self._next_doc_ids.clear()
        self._snapshot = None
        self._cached_digest = None

    def _patch(
        self,
        cls: type[R],
        name: str,
        source: dict[str, Any],
        records: tuple[R, ...],
        touched: set[str],
    ) -> tuple[R, ...]:
        """After our own adds and replacements in a table: decode just those documents.

        The full pass over the table (every document compared) was most of a write's cost in
        a large database. Deletions take the full pass (see :meth:`_mark_changed`).
        """
        decoded, ids, positions = self._decoded[name], self._doc_ids[name], self._positions[name]
        out = list(records)
        for doc_id in touched:
            document = source[doc_id]
            record = from_document(cls, document)
            position = positions.get(doc_id)
            if position is None:
                positions[doc_id] = len(out)
                out.append(record)
            else:
                out[position] = record
            decoded[doc_id] = (document, record)
            ids[record.id] = doc_id
        result = tuple(out)
        self._table_tuples[name] = (source, result)
        return result

    def _mark_changed(self, name: str, doc_id: str | None) -> None:
        """Note our own change to a table: one document added or replaced, or (None) removed."""
        touched = self._changed.get(name, set())
        if touched is None:
            return  # the table already needs the full pass
        if doc_id is None:
            self._changed[name] = None
        else:
            touched.add(doc_id)
            self._changed[name] = touched

    def _decode(self, data: dict[str, Any]) -> Records:
        def table(cls: type[R]) -> tuple[R, ...]:
            name = TABLE_OF[cls]
            source = data.get(name, {})
            seen = self._table_tuples.get(name)
            if seen is not None and seen[0] is source and name not in self._changed:
                return seen[1]
            own_write = name in self._changed
            touched = self._changed.pop(name, None)
            if (
                seen is not None
                and seen[0] is source
                and touched is not None
                and name in self._positions
            ):
                return self._patch(cls, name, source, seen[1], touched)
            before = self._decoded.get(name, {})
            after: dict[str, tuple[dict[str, Any], Any]] = {}
            ids: dict[str, str] = {}
            out = []
            for doc_id, document in source.items():
                known = before.get(doc_id)
                # Our writes replace documents, never change them in place, so an identical
                # object is an unchanged record; after a re-read from disk, compare contents.
                if known is not None and (known[0] is document or known[0] == document):
                    record = known[1]
                else:
                    try:
                        record = from_document(cls, document)
                    except InvalidField as error:
                        raise UnreadableDatabase(
                            self.path, f"{_named(document, doc_id, name)} is invalid ({error})"
                        ) from None
                after[doc_id] = (document, record)
                ids[record.id] = doc_id
                out.append(record)
            self._decoded[name] = after
            self._doc_ids[name] = ids
            if not own_write or name not in self._next_doc_ids:
                # After our own write add() has already moved it on (and add() never reuses
                # a number whatever it says); after a read from disk, work it out.
                self._next_doc_ids[name] = max((int(k) for k in after), default=0) + 1
            result = tuple(out)
            self._table_tuples[name] = (source, result)
            self._positions[name] = {doc_id: n for n, doc_id in enumerate(after)}
            return result

        stored_settings: dict[str, Any] = next(iter(data.get("settings", {}).values()), {})
        known = self._settings_seen
        if known is not None and known[0] == stored_settings:
            settings = known[1]  # checked already: a write elsewhere rarely touches settings
        else:
            try:
                settings = Settings.from_mapping(stored_settings)
            except InvalidField as error:
                raise UnreadableDatabase(self.path, f"the settings are invalid ({error})") from None
            self._settings_seen = (dict(stored_settings), settings)
        self._storage.indent = 2 if settings["pretty_json"] else None
        return Records(
            opportunities=table(Opportunity),
            interviews=table(Interview),
            contacts=table(Contact),
            touches=table(Touch),
            tasks=table(Task),
            marks=table(Mark),
            settings=settings,
            mail_sources=table(MailSource),
            mail_seen=table(MailSeen),
            mail_review=table(MailReview),
        )


def _named(document: Any, doc_id: str, table: str) -> str:
    """A stored record as a message names it: by its id when it has a readable one."""
    record_id = document.get("id") if isinstance(document, dict) else None
    if isinstance(record_id, str) and record_id.isascii() and record_id.isprintable():
        return f"record {record_id[:64]} ({table}, document {doc_id})"
    return f"record {doc_id} in {table}"


def _local_timezone() -> str:
    """The machine's IANA zone name, or UTC when it has none."""
    from pendulum.tz import local_timezone

    try:
        name = local_timezone().name
    except Exception:
        return "UTC"
    return name if "/" in name or name == "UTC" else "UTC"
