"""A TinyDB storage that never loses a write, even with several processes on one file.

TinyDB's own ``JSONStorage`` rewrites the file in place and re-reads it on every query, with no
lock: a crash mid-write corrupts it and two processes silently overwrite each other. This one:

* keeps the data in memory and re-reads the file only when it changed on disk (device, inode,
  size, mtime_ns), telling listeners so TinyDB's query and next-id caches can be dropped;
* writes only inside :meth:`SafeJSONStorage.transaction`: take the inter-process lock, re-read
  if another process wrote, let TinyDB change the fresh data, then write it once — temp file in
  the same folder, fsync, ``os.replace``, fsync the folder;
* copies the file into ``backups/`` before the first write of each day (a backup that cannot
  be made is a warning, never a reason to refuse the write);
* refuses, without touching it, a file it cannot read or that is not a nowwhat database, and a
  file it may not write (read-only for the person, or another user's);
* turns every error of the operating system into one :class:`DiskError` line that names the
  database and the cause, never a temp file's name;
* works on the file a symbolic link points to: the path is resolved once, so the lock, the
  backups and the cache sit beside the real file and a write never replaces the link.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import json
import os
import stat
import threading
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

import orjson
from tinydb.storages import Storage

from .backups import backup_daily, backup_folder
from .errors import (
    DatabaseBusy,
    DiskError,
    StoreError,
    UnreadableDatabase,
    json_problem,
    os_cause,
)
from .quiet_gc import paused_gc
from .safefile import PRIVATE_FILE, atomic_write, ensure_private_dir

__all__ = ["SafeJSONStorage", "Signature", "parse_database", "real_path"]

Signature = tuple[int, int, int, int]
Validator = Callable[[Path, dict[str, Any]], None]


def _signature(found: os.stat_result) -> Signature:
    return (found.st_dev, found.st_ino, found.st_size, found.st_mtime_ns)


def _exists(path: Path) -> bool:
    """Whether ``path`` exists; never raises (``Path.exists`` does, for a folder we may not
    enter)."""
    return os.access(path, os.F_OK)


def _lock_cause(error: OSError, lock: Path) -> str:
    if lock.is_symlink():
        return f"{lock} is a symbolic link (nowwhat locks only a plain file; remove the link)"
    return os_cause(error, lock)


def real_path(path: Path) -> Path:
    """The file ``path`` names, every symbolic link followed (as far as they lead).

    Resolved once, when a database is opened: a write replaces the file at this path, so a
    link stays a link and its target gets the writes, and the lock is one lock whichever link
    a session came through.
    """
    return Path(os.path.realpath(Path(path).expanduser().absolute()))


def parse_database(path: Path, raw: bytes) -> dict[str, Any] | None:
    """Parse the bytes of a database file; ``None`` for an empty file (a new database)."""
    if not raw.strip():
        return None
    try:
        data = orjson.loads(raw)
    except orjson.JSONDecodeError:
        # The fast parser said no; the standard one says exactly where and why.
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError as error:
            raise UnreadableDatabase(
                path, f"not UTF-8 text (bad byte at offset {error.start})"
            ) from None
        try:
            data = json.loads(text)
        except json.JSONDecodeError as error:
            raise UnreadableDatabase(
                path, f"not valid JSON (line {error.lineno}, column {error.colno}: {error.msg})"
            ) from None
        except (RecursionError, ValueError) as error:  # deep nesting, a 5,000-digit number
            raise UnreadableDatabase(
                path, f"not a nowwhat database ({json_problem(error)})"
            ) from None
    if not isinstance(data, dict):
        raise UnreadableDatabase(path, "not a nowwhat database (the JSON is not an object)")
    return data


class SafeJSONStorage(Storage):
    """TinyDB storage with an inter-process lock, atomic durable writes and change detection.

    Use one instance per process and thread. Reads never take the lock: a file is only ever
    replaced whole, so a reader sees the old version or the new one.
    """

    def __init__(
        self,
        path: Path,
        *,
        validate: Validator | None = None,
        lock_timeout: float = 10.0,
        today: Callable[[], dt.date] = dt.date.today,
        keep_backups: int = 14,
        defer_parse: bool = False,
    ) -> None:
        self.given = Path(path).expanduser().absolute()
        """The path as the caller gave it (perhaps a symbolic link)."""
        self.path = real_path(self.given)
        """The file itself: the lock, the backups and every write go here."""
        self.lock_path = self.path.with_name(self.path.name + ".lock")
        self.lock_timeout = lock_timeout
        self.indent: int | None = None
        self.generation = 0
        self.digest: bytes | None = None
        """SHA-256 of the bytes the data in memory was read from; ``None`` once changed here."""
        self._validate = validate
        self._today = today
        self._keep_backups = keep_backups
        self._lock: Any = None  # made on the first write: filelock is a large import
        self._writer = threading.RLock()  # one transaction at a time in this process
        self.mutex = threading.RLock()
        """Held while the data in memory is read or changed (by a reader or a transaction)."""
        self._parsed: dict[str, Any] | None = None
        # Each table's JSON with the table object it was made from (compact files only).
        self._table_bytes: dict[str, tuple[Any, bytes]] = {}
        self._unparsed: bytes | None = None  # read but not parsed yet (see defer_parse)
        self._defer = defer_parse
        self._seen: Signature | None = None
        self._depth = 0
        self._dirty = False
        self._swept = False
        self._listeners: list[Callable[[], None]] = []
        self._warning_listeners: list[Callable[[str], None]] = []
        self._warned: set[str] = set()
        self._parse_listeners: list[Callable[[dict[str, Any]], None]] = []
        self._after_commit: list[Callable[[], object]] = []
        self.reload_if_changed(force=True)
        self._defer = False  # only the first read may wait: later ones are parsed as usual

    @property
    def _data(self) -> dict[str, Any] | None:
        if self._unparsed is not None:
            self.parse_now()
        return self._parsed

    @_data.setter
    def _data(self, data: dict[str, Any] | None) -> None:
        if data is not self._parsed:
            self._table_bytes.clear()
        self._unparsed = None
        self._parsed = data

    @property
    def in_transaction(self) -> bool:
        """Whether a transaction is open (in this thread, or in another: the writer's)."""
        return self._depth > 0

    @property
    def parsed(self) -> bool:
        """Whether the bytes read have been parsed (see ``defer_parse``)."""
        return self._unparsed is None

    def parse_now(self) -> None:
        """Parse and check the bytes whose parsing was deferred; tell the parse listeners.

        With ``defer_parse`` the first read only keeps the bytes and their digest: a caller
        that already has the records of exactly those bytes (the records cache) needs no parse
        until something reads or writes the data.
        """
        raw = self._unparsed
        if raw is None:
            return
        data = self._parse(raw)
        self._unparsed = None
        self._parsed = data
        self._table_bytes.clear()
        if data is not None:
            for listener in self._parse_listeners:
                listener(data)

    def _parse(self, raw: bytes) -> dict[str, Any] | None:
        """The data in ``raw``, checked; a file that is not a usable database raises."""
        with paused_gc():
            data = parse_database(self.path, raw)
        if data is not None and self._validate is not None:
            self._validate(self.path, data)
        return data

    def on_parse(self, listener: Callable[[dict[str, Any]], None]) -> None:
        """Call ``listener`` with the data when bytes whose parsing was deferred are parsed."""
        self._parse_listeners.append(listener)

    # -- TinyDB's storage interface -------------------------------------------------------------

    def read(self) -> dict[str, Any] | None:
        """The data as last read or written by this process (no disk access)."""
        return self._data

    def write(self, data: dict[str, Any]) -> None:
        """Accept TinyDB's changed data; it reaches the disk when the transaction ends."""
        self._table_bytes.clear()  # TinyDB does not say what it changed
        if self._depth == 0:
            # TinyDB read and changed the data without the lock: it may be stale. Only write it
            # if nobody else wrote in the meantime; otherwise refuse and take the disk's version.
            with self.transaction(refresh=False):
                if self._disk_signature() != self._seen and _exists(self.path):
                    self._discard()
                    raise StoreError(
                        f"{self.path} changed in another process during an unlocked write; "
                        "nothing was overwritten"
                    )
                self._set(data)
            return
        self._set(data)

    def close(self) -> None:
        """Nothing is held between transactions; kept for TinyDB's interface."""

    # -- our interface ----------------------------------------------------------------------------

    def on_warning(self, listener: Callable[[str], None]) -> None:
        """Call ``listener`` with a one-line warning (a backup that could not be made).

        Called from whichever thread wrote; each warning once per process.
        """
        self._warning_listeners.append(listener)

    def _warn(self, message: str) -> None:
        if message in self._warned:
            return
        self._warned.add(message)
        for listener in self._warning_listeners:
            listener(message)

    def on_reload(self, listener: Callable[[], None]) -> None:
        """Call ``listener`` whenever the data in memory is replaced by what is on disk."""
        self._listeners.append(listener)

    @contextlib.contextmanager
    def transaction(self, *, refresh: bool = True) -> Iterator[None]:
        """Hold the lock; start from the data on disk; write once at the end, or not at all.

        Nested transactions (in the same thread) join the outer one. If the block raises,
        nothing is written and the data in memory goes back to what is on disk.

        Threads: one writer at a time in this process (``_writer``), then the file lock (which
        may take long: another process holds it), then :attr:`mutex`, which readers take too.
        So a screen that reads while a write waits for the file lock is never held up by it.
        """
        with self._writer:
            if self._depth == 0:
                self._enter(refresh)
            self._depth += 1
            try:
                yield
            except BaseException:
                self._depth -= 1
                if self._depth == 0:
                    self._after_commit.clear()
                    try:
                        if self._dirty:
                            self._discard()
                    finally:
                        self._leave()
                raise
            self._depth -= 1
            if self._depth == 0:
                try:
                    if self._dirty:
                        self._flush()
                    self._run_after_commit()
                except BaseException:
                    self._after_commit.clear()
                    self._discard()
                    raise
                finally:
                    self._leave()

    def after_commit(self, work: Callable[[], object]) -> None:
        """Inside a transaction: run ``work`` once its data is on disk, still under the lock.

        For a second file whose change must follow this one's (the archive, see
        :mod:`.archive`): if the transaction writes nothing or fails, ``work`` is dropped.
        """
        if self._depth == 0:
            raise StoreError("after_commit needs a transaction")
        self._after_commit.append(work)

    def _run_after_commit(self) -> None:
        pending, self._after_commit = self._after_commit, []
        for work in pending:
            try:
                work()
            except StoreError as error:
                # This file's change is saved; what follows it only tidies the other file.
                self._warn(f"{error} (your change was saved)")

    def _enter(self, refresh: bool) -> None:
        """Take the file lock, then the data in memory, and catch up with the file."""
        self._make_folder()
        from filelock import FileLock, Timeout

        if self._lock is None:
            self._lock = FileLock(
                str(self.lock_path),
                mode=PRIVATE_FILE,
                timeout=self.lock_timeout,
                thread_local=False,
                preserve_lock_file=True,
            )
        try:
            self._lock.acquire()
        except Timeout:
            raise DatabaseBusy(self.path, self.lock_timeout) from None
        except OSError as error:
            cause = _lock_cause(error, self.lock_path)
            raise DiskError(self.path, f"its lock file: {cause}") from None
        self.mutex.acquire()
        try:
            if refresh:
                self.reload_if_changed()
        except BaseException:
            self._leave()
            raise

    def _make_folder(self) -> None:
        """Create the database's folder if it is missing, except behind a dangling link."""
        folder = self.path.parent
        if self.path != self.given and not _exists(folder):
            raise DiskError(
                self.path,
                f"{self.given} is a symbolic link to it, and its folder {folder} does not exist "
                "(create the folder, or point the link elsewhere)",
            )
        try:
            ensure_private_dir(folder)
        except OSError as error:
            raise DiskError.of(error, self.path, at=folder) from None

    def _leave(self) -> None:
        self.mutex.release()
        self._lock.release()

    def reload_if_changed(self, *, force: bool = False) -> bool:
        """Re-read the file if another process replaced it; return whether the data changed.

        A file that vanished keeps the data in memory: the next write puts it back rather than
        starting from nothing.
        """
        with self.mutex:
            try:
                # Non-blocking: a FIFO put where the database should be must not hang us.
                fd = os.open(self.path, os.O_RDONLY | os.O_NONBLOCK | os.O_CLOEXEC)
            except FileNotFoundError:  # a new database (its folder is made on the first write)
                self._seen = None
                return False
            except OSError as error:
                raise UnreadableDatabase(self.path, os_cause(error, self.path)) from None
            found = os.fstat(fd)
            if not stat.S_ISREG(found.st_mode):
                os.close(fd)
                if stat.S_ISDIR(found.st_mode):
                    raise UnreadableDatabase(self.path, "it is a folder, not a file")
                raise UnreadableDatabase(
                    self.path, "it is not a regular file (a device, a pipe or a socket)"
                )
            with open(fd, "rb") as handle:  # noqa: PTH123 - the descriptor just checked
                signature = _signature(found)
                if signature == self._seen and not force:
                    return False
                try:
                    raw = handle.read()
                except OSError as error:
                    raise UnreadableDatabase(self.path, os_cause(error, self.path)) from None
            if self._unparsed is not None:
                self.parse_now()  # so what changed can be told from what did not
            if self._defer and raw.strip():
                self._unparsed = raw
                self._parsed = None
                self._table_bytes.clear()
            else:
                self._data = self._parse(raw)
            self._seen = signature
            self._dirty = False
            self.digest = hashlib.sha256(raw).digest()
            self.generation += 1
            for listener in self._listeners:
                listener()
            return True

    @property
    def raw(self) -> dict[str, Any] | None:
        """The data in memory, for code that reads whole tables (the caller must not change it)."""
        return self._data

    def replace_all(self, data: dict[str, Any], *, changed: Iterable[str] | None = None) -> None:
        """Inside a transaction: replace the data (a change to one record, an import, a migration).

        ``changed`` names the only tables that differ from the data in memory (the others must
        be the very same, unchanged objects); ``None`` means any may have changed. The next
        write serialises again only the tables named: the rest reuse their bytes.
        """
        if self._depth == 0:
            raise StoreError("replace_all needs a transaction")
        if changed is None or data is not self._parsed:
            self._table_bytes.clear()
        else:
            for name in changed:
                self._table_bytes.pop(name, None)
        self._set(data)

    # -- internals --------------------------------------------------------------------------------

    def current_digest(self) -> bytes | None:
        """SHA-256 of the file, if it still holds exactly the data in memory; else ``None``.

        After our own write the digest is not known (hashing every write would slow it down);
        it is worked out here from the file, which must be the version this process wrote.
        """
        if self._dirty or (self._parsed is None and self._unparsed is None):
            return None
        if self.digest is not None:
            return self.digest
        try:
            with self.path.open("rb") as handle:
                if _signature(os.fstat(handle.fileno())) != self._seen:
                    return None
                raw = handle.read()
        except OSError:
            return None
        self.digest = hashlib.sha256(raw).digest()
        return self.digest

    def _set(self, data: dict[str, Any]) -> None:
        self._data = data
        self._dirty = True
        self.digest = None
        self.generation += 1

    def _disk_signature(self) -> Signature | None:
        try:
            return _signature(self.path.stat())
        except FileNotFoundError:
            return None

    def _discard(self) -> None:
        """Forget unwritten changes: go back to the file on disk."""
        self._dirty = False
        if _exists(self.path):
            self.reload_if_changed(force=True)
        else:
            self._data = None
            self.generation += 1
            for listener in self._listeners:
                listener()

    def _serialise(self) -> list[bytes]:
        """The file's bytes for the data in memory.

        A compact file is put together table by table, each table's JSON reused until the
        table changes: marking one task done re-serialises the tasks, not the 20,000 touches
        (measured at stress size: 24 ms for the whole file, 5 for the tasks). The result is
        byte for byte what serialising the whole data gives (a test checks).
        """
        data = self._data or {}
        if self.indent:
            self._table_bytes.clear()
            return [orjson.dumps(data, option=orjson.OPT_NON_STR_KEYS | orjson.OPT_INDENT_2)]
        pieces: list[bytes] = []
        for name, table in data.items():
            cached = self._table_bytes.get(name)
            if cached is None or cached[0] is not table:
                cached = (table, orjson.dumps(table, option=orjson.OPT_NON_STR_KEYS))
                self._table_bytes[name] = cached
            pieces += (b"," if pieces else b"{", orjson.dumps(name), b":", cached[1])
        pieces.append(b"}" if pieces else b"{}")
        return pieces

    def _flush(self) -> None:
        self._check_writable()
        payload = self._serialise()
        if not self._swept:
            self._sweep_temp_files()
        warning = None
        try:
            backup_daily(self.path, self._today(), self._keep_backups)
        except OSError as error:
            # A backup is a second copy: the person's change matters more than it does.
            folder = backup_folder(self.path)
            warning = f"no backup today: cannot write {folder}: {os_cause(error, folder)}"
        try:
            self._seen = _signature(atomic_write(self.path, payload))
        except OSError as error:
            raise DiskError.of(error, self.path) from None
        self._dirty = False
        if warning is not None:
            self._warn(f"{warning} (your change was saved)")

    def _check_writable(self) -> None:
        """Refuse to replace a file the person may not write, or that belongs to someone else.

        The atomic write renames a new file over the old one, which the folder's permissions
        allow even when the file's own do not: without this, a read-only database (or another
        user's, in a shared folder) would silently become a new file owned by the writer.
        """
        try:
            found = self.path.stat()
        except FileNotFoundError:
            return
        except OSError as error:
            raise DiskError.of(error, self.path) from None
        if not stat.S_ISREG(found.st_mode):
            raise DiskError(self.path, "it is not a regular file")
        me = os.geteuid()
        if found.st_uid != me:
            raise DiskError(
                self.path,
                f"it belongs to another user (uid {found.st_uid}); nowwhat only replaces "
                "files of the user running it",
            )
        if not found.st_mode & stat.S_IWUSR or not os.access(self.path, os.W_OK):
            raise DiskError(
                self.path,
                f"the file is read-only (mode {stat.S_IMODE(found.st_mode):04o}); "
                "make it writable (chmod u+w) to allow changes",
            )

    def _sweep_temp_files(self) -> None:
        """Remove temp files a killed writer left behind (safe: we hold the lock)."""
        with contextlib.suppress(OSError):
            for stale in self.path.parent.glob(f".{self.path.name}.*.tmp"):
                stale.unlink(missing_ok=True)
        self._swept = True
