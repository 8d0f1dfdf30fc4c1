"""Errors the store raises; each carries a message fit to show the person as is."""

from __future__ import annotations

import errno
import os
from pathlib import Path

__all__ = [
    "Conflict",
    "DatabaseBusy",
    "DiskError",
    "NotFound",
    "StoreError",
    "UnreadableDatabase",
    "json_problem",
    "os_cause",
    "os_error_line",
]

_CAUSES = {
    errno.ENOSPC: "the disk is full",
    errno.EDQUOT: "your disk quota is used up",
    errno.EROFS: "the file system is mounted read-only",
    errno.EISDIR: "it is a folder, not a file",
    errno.ENAMETOOLONG: "the path is too long",
    errno.EIO: "an input/output error (the disk may be failing)",
    errno.EMFILE: "too many open files",
    errno.ENFILE: "too many open files",
    errno.ENOENT: "no such file or folder",
    errno.EFBIG: "the file is too large for this file system",
    errno.ENXIO: "it is not a regular file",
}


def _file_in_the_way(path: Path) -> Path | None:
    """The nearest part of ``path``'s folders that exists and is not a folder."""
    for part in reversed(path.parents):
        try:
            if part.exists() and not part.is_dir():
                return part
        except OSError:  # a folder we may not look into: nothing more to tell
            return None
    return None


def _permission(code: int, path: Path) -> str:
    """Which permission is missing: a folder on the way, the folder itself, or the file.

    Probes with ``os.access``, which answers without raising whatever the permissions.
    """
    for folder in reversed(path.parents):
        if os.access(folder, os.F_OK) and not os.access(folder, os.X_OK):
            return f"permission denied (you may not enter the folder {folder})"
    if os.access(path, os.F_OK) and not os.access(path, os.R_OK):
        return f"permission denied ({path} is not readable for you)"
    if os.access(path, os.F_OK) and not os.access(path, os.W_OK):
        return f"permission denied ({path} is read-only for you)"
    folder = path.parent
    if os.access(folder, os.F_OK) and not os.access(folder, os.W_OK | os.X_OK):
        return f"permission denied (you may not write in the folder {folder})"
    if code == errno.EPERM:
        return "the operation is not permitted (an immutable file or folder?)"
    return "permission denied"


def os_cause(error: OSError, path: Path) -> str:
    """Why the operating system refused, in words, naming what is at fault when it can tell.

    Never the temp file's name or ``[Errno 28]``: the person cares about their database and
    its folder, not about the hidden file a write goes through. Never raises.
    """
    code = error.errno
    if code == errno.ENOTDIR:
        blocker = _file_in_the_way(path)
        return f"{blocker} is a file, not a folder" if blocker else "a part of the path is a file"
    if code == errno.ELOOP:
        return f"{path} is a symbolic link loop (or a link where nowwhat follows none)"
    if code in (errno.EACCES, errno.EPERM):
        return _permission(code, path)
    found = _CAUSES.get(code or 0)
    if found is not None:
        return found
    return (error.strerror or str(error)).lower()


def json_problem(error: ValueError | RecursionError) -> str:
    """What is wrong with JSON that did not load, in a few words (not Python's advice)."""
    if isinstance(error, RecursionError):
        return "nested too deeply"
    text = str(error)
    if "integer string conversion" in text:
        return "a number with more than 4,300 digits"
    return text if len(text) <= 200 else text[:199] + "…"


def os_error_line(error: OSError, *, about: Path | None = None) -> str:
    """One line for an OS error met outside the store (a draft, an import file, stdout).

    It names the file (``about`` when the error's own file name is a temp file's) and the
    cause, never ``[Errno 28]``.
    """
    where = about
    if where is None and error.filename:
        where = Path(os.fsdecode(error.filename))
    if where is None:
        return _CAUSES.get(error.errno or 0) or (error.strerror or str(error)).lower()
    return f"{where}: {os_cause(error, where)}"


class StoreError(Exception):
    """Something about the database file that the person must be told about."""


class UnreadableDatabase(StoreError):
    """The file exists but cannot be used; it is left exactly as it is."""

    def __init__(self, path: Path, problem: str) -> None:
        self.path = path
        self.problem = problem
        super().__init__(f"cannot use {path}: {problem}. The file was left unchanged.")


class DiskError(StoreError):
    """The operating system refused a write (or a read) the database needed.

    The data in memory goes back to what is on disk: nothing was changed.
    """

    def __init__(self, path: Path, cause: str, *, doing: str = "save to") -> None:
        self.path = path
        self.cause = cause
        super().__init__(f"cannot {doing} {path}: {cause}; nothing was changed")

    @classmethod
    def of(cls, error: OSError, path: Path, *, at: Path | None = None) -> DiskError:
        """The error for ``error`` met while writing ``path`` (at ``at``: its folder, lock...)."""
        return cls(path, os_cause(error, at or path))


class DatabaseBusy(StoreError):
    """Another process held the lock for longer than we are willing to wait."""

    def __init__(self, path: Path, seconds: float) -> None:
        self.path = path
        super().__init__(
            f"{path} is locked by another nowwhat process (waited {seconds:g} s); "
            "nothing was changed"
        )


class NotFound(StoreError):
    """No record with that id (it may have been deleted by another session)."""


class Conflict(StoreError):
    """The record changed in another session since it was read; nothing was overwritten."""

    def __init__(self, table: str, record_id: str) -> None:
        self.table = table
        self.record_id = record_id
        super().__init__(
            f"{record_id} in {table} was changed by another session since you opened it"
        )
