"""A TinyDB storage that never loses a write, even with several processes on one file.

TinyDB's own ``JSONStorage`` rewrites the file in place and re-reads it on every query, with no
lock: a crash mid-write corrupts it and two processes silently overwrite each other. This one:

* keeps the data in memory and re-reads the file only when it changed on disk (device, inode,
  size, mtime_ns), telling listeners so TinyDB's query and next-id caches can be dropped;
* writes only inside :meth:`SafeJSONStorage.transaction`: take the inter-process lock, re-read
  if another process wrote, let TinyDB change the fresh data, then write it once — temp file in
  the same folder, fsync, ``os.replace``, fsync the folder;
* copies the file into ``backups/`` before the first write of each day;
* refuses, without touching it, a file it cannot read or that is not a nowwhat database.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import orjson
from tinydb.storages import Storage

from .backups import backup_daily
from .errors import DatabaseBusy, StoreError, UnreadableDatabase
from .safefile import PRIVATE_FILE, atomic_write, ensure_private_dir

__all__ = ["SafeJSONStorage", "Signature", "parse_database"]

Signature = tuple[int, int, int, int]
Validator = Callable[[Path, dict[str, Any]], None]


def _signature(stat: os.stat_result) -> Signature:
    return (stat.st_dev, stat.st_ino, stat.st_size, stat.st_mtime_ns)


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
    ) -> None:
        self.path = Path(path)
        self.lock_path = self.path.with_name(self.path.name + ".lock")
        self.lock_timeout = lock_timeout
        self.indent: int | None = None
        self.generation = 0
        self._validate = validate
        self._today = today
        self._keep_backups = keep_backups
        self._lock: Any = None  # made on the first write: filelock is a large import
        self._data: dict[str, Any] | None = None
        self._seen: Signature | None = None
        self._depth = 0
        self._dirty = False
        self._swept = False
        self._listeners: list[Callable[[], None]] = []
        self.reload_if_changed(force=True)

    # -- TinyDB's storage interface -------------------------------------------------------------

    def read(self) -> dict[str, Any] | None:
        """The data as last read or written by this process (no disk access)."""
        return self._data

    def write(self, data: dict[str, Any]) -> None:
        """Accept TinyDB's changed data; it reaches the disk when the transaction ends."""
        if self._depth == 0:
            # TinyDB read and changed the data without the lock: it may be stale. Only write it
            # if nobody else wrote in the meantime; otherwise refuse and take the disk's version.
            with self.transaction(refresh=False):
                if self._disk_signature() != self._seen and self.path.exists():
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

    def on_reload(self, listener: Callable[[], None]) -> None:
        """Call ``listener`` whenever the data in memory is replaced by what is on disk."""
        self._listeners.append(listener)

    @contextlib.contextmanager
    def transaction(self, *, refresh: bool = True) -> Iterator[None]:
        """Hold the lock; start from the data on disk; write once at the end, or not at all.

        Nested transactions join the outer one. If the block raises, nothing is written and the
        data in memory goes back to what is on disk.
        """
        if self._depth == 0:
            ensure_private_dir(self.path.parent)
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
            try:
                if refresh:
                    self.reload_if_changed()
            except BaseException:
                self._lock.release()
                raise
        self._depth += 1
        try:
            yield
        except BaseException:
            self._depth -= 1
            if self._depth == 0:
                try:
                    if self._dirty:
                        self._discard()
                finally:
                    self._lock.release()
            raise
        self._depth -= 1
        if self._depth == 0:
            try:
                if self._dirty:
                    self._flush()
            except BaseException:
                self._discard()
                raise
            finally:
                self._lock.release()

    def reload_if_changed(self, *, force: bool = False) -> bool:
        """Re-read the file if another process replaced it; return whether the data changed.

        A file that vanished keeps the data in memory: the next write puts it back rather than
        starting from nothing.
        """
        try:
            handle = self.path.open("rb")
        except FileNotFoundError:
            self._seen = None
            return False
        except IsADirectoryError:
            raise UnreadableDatabase(self.path, "it is a folder, not a file") from None
        except PermissionError:
            raise UnreadableDatabase(self.path, "permission denied") from None
        with handle:
            signature = _signature(os.fstat(handle.fileno()))
            if signature == self._seen and not force:
                return False
            raw = handle.read()
        data = parse_database(self.path, raw)
        if data is not None and self._validate is not None:
            self._validate(self.path, data)
        self._data = data
        self._seen = signature
        self._dirty = False
        self.generation += 1
        for listener in self._listeners:
            listener()
        return True

    @property
    def raw(self) -> dict[str, Any] | None:
        """The data in memory, for code that reads whole tables (the caller must not change it)."""
        return self._data

    def replace_all(self, data: dict[str, Any]) -> None:
        """Inside a transaction: replace every table at once (migrations, imports)."""
        if self._depth == 0:
            raise StoreError("replace_all needs a transaction")
        self._set(data)

    # -- internals --------------------------------------------------------------------------------

    def _set(self, data: dict[str, Any]) -> None:
        self._data = data
        self._dirty = True
        self.generation += 1

    def _disk_signature(self) -> Signature | None:
        try:
            return _signature(self.path.stat())
        except FileNotFoundError:
            return None

    def _discard(self) -> None:
        """Forget unwritten changes: go back to the file on disk."""
        self._dirty = False
        if self.path.exists():
            self.reload_if_changed(force=True)
        else:
            self._data = None
            self.generation += 1
            for listener in self._listeners:
                listener()

    def _flush(self) -> None:
        options = orjson.OPT_NON_STR_KEYS | (orjson.OPT_INDENT_2 if self.indent else 0)
        payload = orjson.dumps(self._data or {}, option=options)
        if not self._swept:
            self._sweep_temp_files()
        backup_daily(self.path, self._today(), self._keep_backups)
        self._seen = _signature(atomic_write(self.path, payload))
        self._dirty = False

    def _sweep_temp_files(self) -> None:
        """Remove temp files a killed writer left behind (safe: we hold the lock)."""
        for stale in self.path.parent.glob(f".{self.path.name}.*.tmp"):
            stale.unlink(missing_ok=True)
        self._swept = True
