"""Private files written so that a crash leaves either the old or the new content, never a mix."""

from __future__ import annotations

import contextlib
import os
import secrets
from collections.abc import Sequence
from pathlib import Path

__all__ = [
    "PRIVATE_DIR",
    "PRIVATE_FILE",
    "atomic_write",
    "ensure_private_dir",
    "fsync_dir",
    "temp_name",
]

PRIVATE_FILE = 0o600
PRIVATE_DIR = 0o700


def ensure_private_dir(folder: Path) -> None:
    """Create ``folder`` (and missing parents) as 0700; folders that already exist are left alone.

    The mode is set explicitly afterwards because ``mkdir`` honours the umask.
    """
    missing: list[Path] = []
    current = folder
    while not current.exists():
        missing.append(current)
        current = current.parent
    for path in reversed(missing):
        with contextlib.suppress(FileExistsError):
            path.mkdir(mode=PRIVATE_DIR)
            path.chmod(PRIVATE_DIR)


def fsync_dir(folder: Path) -> None:
    """Make a rename inside ``folder`` durable."""
    fd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def temp_name(target: Path) -> Path:
    """A fresh hidden name beside ``target`` for the next version of it."""
    return target.with_name(f".{target.name}.{secrets.token_hex(6)}.tmp")


def atomic_write(target: Path, payload: bytes | Sequence[bytes]) -> os.stat_result:
    """Replace ``target`` with ``payload`` atomically and durably, as a 0600 file.

    Write a temp file in the same folder, fsync it, ``os.replace`` it over the target, fsync the
    folder. Returns the stat of the file now at ``target`` so the caller can recognise it.
    ``payload`` may come in pieces, written one after the other (no copy to join them).
    """
    pieces = [payload] if isinstance(payload, bytes) else payload
    tmp = temp_name(target)
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE_FILE)
    try:
        try:
            os.fchmod(fd, PRIVATE_FILE)  # the umask may have taken bits away; put them back
            for piece in pieces:
                view = memoryview(piece)
                while view:
                    written = os.write(fd, view)
                    view = view[written:]
            os.fsync(fd)
            stat = os.fstat(fd)
        finally:
            os.close(fd)
        tmp.replace(target)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()
        raise
    fsync_dir(target.parent)
    return stat
