"""Reading a file a person hands over (an import, a draft to check): bounded, and never stuck.

The size a file claims (``st_size``) is no bound: a device says 0 and gives without end
(``/dev/zero``), a pipe has no size. So every input is read with a byte cap, whatever it is;
it is opened non-blocking, so a FIFO with nobody writing to it cannot hang the command; and
where only a plain file makes sense (an import), anything else is refused before a byte is read.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

__all__ = ["InputRefused", "read_capped"]


class InputRefused(ValueError):
    """The input is refused whole, with a one-line reason naming it."""


def _megabytes(limit: int) -> str:
    return f"{limit / 1_000_000:g} MB"


def read_capped(path: Path, limit: int, *, regular_only: bool = True) -> bytes:
    """The bytes of ``path``, at most ``limit`` of them; more is refused, not cut.

    With ``regular_only`` a device, FIFO or socket is refused unread; without it they are read
    up to the cap (``tone <(...)`` hands over a pipe), and a FIFO nobody writes to reads as
    empty instead of waiting forever.
    """
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_CLOEXEC)
    except FileNotFoundError:
        raise InputRefused(f"{path}: no such file") from None
    except IsADirectoryError:
        raise InputRefused(f"{path}: is a folder") from None
    except OSError as error:
        raise InputRefused(f"{path}: {(error.strerror or str(error)).lower()}") from None
    try:
        found = os.fstat(fd)
        if stat.S_ISDIR(found.st_mode):
            raise InputRefused(f"{path}: is a folder")
        if regular_only and not stat.S_ISREG(found.st_mode):
            raise InputRefused(f"{path}: not a regular file (a device, a pipe or a socket)")
        if stat.S_ISREG(found.st_mode) and found.st_size > limit:
            raise InputRefused(
                f"{path}: {found.st_size / 1_000_000:.1f} MB is too large "
                f"(at most {_megabytes(limit)})"
            )
        os.set_blocking(fd, True)  # opened: now wait for a writer's data like any reader
        chunks: list[bytes] = []
        size = 0
        while size <= limit:
            chunk = os.read(fd, min(1 << 20, limit + 1 - size))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
        if size > limit:
            raise InputRefused(f"{path}: larger than {_megabytes(limit)}; nothing was read")
        return b"".join(chunks)
    except OSError as error:
        raise InputRefused(f"{path}: {(error.strerror or str(error)).lower()}") from None
    finally:
        os.close(fd)
