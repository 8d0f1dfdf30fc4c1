"""Where mail is read from: a Maildir, an mbox file, a single ``.eml``, or a folder of them.

Read with the standard library's ``mailbox``, one message at a time (a 20,000-message folder is
never held in memory), and never written: Maildirs are opened with ``create=False``, an mbox
file is opened read-only (``mailbox.mbox`` itself opens for writing), nothing is locked, moved
or flagged. A folder is searched for Maildirs (any folder with ``cur`` and ``new``), ``.eml``
files and mbox files; one whose name says Sent (``Sent``, ``.Sent``, ``Sent Items``,
``[Gmail].Sent Mail``) holds the person's own mail.
"""

from __future__ import annotations

import contextlib
import mailbox
import os
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Protocol

__all__ = [
    "MailboxSource",
    "RawMessage",
    "Source",
    "SourceError",
    "is_sent_folder",
    "local_source",
    "read_located",
]

_SENT = re.compile(
    r"(^|[./\[\] ])(sent|sent items|sent messages|sent mail|gesendet|envoy[ée]s)$", re.I
)
HEAD_CHUNK = 8192
MAX_HEAD = 256 * 1024


class SourceError(Exception):
    """A source that does not exist or cannot be read: one line, nothing changed."""


def is_sent_folder(name: str) -> bool:
    """Whether a folder's name says it holds sent mail."""
    return any(_SENT.search(part.strip()) for part in re.split(r"[/\\]", name) if part)


@dataclass
class RawMessage:
    """One message of a source: read its headers cheaply, the whole of it when needed."""

    name: str
    locator: str
    in_sent: bool
    read_head: Callable[[], bytes]
    read_all: Callable[[], bytes]
    arrived: Callable[[], float | None] = lambda: None
    """When it arrived (seconds since the epoch), for a message without a readable Date."""


class Source(Protocol):
    """Anything ``mail scan`` reads: it yields messages, and may keep a position (IMAP)."""

    @property
    def location(self) -> str: ...

    def messages(self) -> Iterator[RawMessage]: ...

    def checkpoint(self) -> tuple[int, int] | None: ...


def _head(handle: IO[bytes]) -> bytes:
    data = b""
    while len(data) < MAX_HEAD:
        chunk = handle.read(HEAD_CHUNK)
        if not chunk:
            break
        data += chunk
        if b"\n\n" in data or b"\r\n\r\n" in data:
            break
    return data


class _ReadOnlyMbox(mailbox.mbox):
    """``mailbox.mbox`` opened for reading only: the standard class opens the file ``rb+``."""

    def __init__(self, path: str) -> None:
        mailbox.Mailbox.__init__(self, path, None, False)
        self._message_factory = mailbox.mboxMessage
        self._file = Path(self._path).open("rb")  # noqa: SIM115 - closed in close()
        self._toc = None
        self._next_key = 0
        self._pending = False
        self._pending_sync = False
        self._locked = False
        self._file_length = None

    def flush(self) -> None:
        """Never writes (there is nothing to write)."""

    def close(self) -> None:
        self._file.close()


def _is_maildir(path: Path) -> bool:
    return (path / "cur").is_dir() and (path / "new").is_dir()


def _is_mbox(path: Path) -> bool:
    try:
        with path.open("rb") as handle:
            return handle.read(5) == b"From "
    except OSError:
        return False


class MailboxSource:
    """A path given to ``mail scan``: a Maildir, an mbox, an ``.eml`` file, or a folder."""

    def __init__(self, location: str) -> None:
        self.location = location
        self.path = Path(location).expanduser()

    def checkpoint(self) -> tuple[int, int] | None:
        return None

    def check(self) -> None:
        """Refuse a path that does not exist or cannot be read (before anything is scanned)."""
        path = self.path
        try:
            if not path.exists():
                raise SourceError(f"{self.location}: no such file or folder")
            if path.is_dir():
                next(path.iterdir(), None)
                if _is_maildir(path):
                    next((path / "cur").iterdir(), None)
                    next((path / "new").iterdir(), None)
            else:
                with path.open("rb") as handle:
                    handle.read(1)
        except PermissionError:
            raise SourceError(f"{self.location}: permission denied") from None
        except OSError as error:
            raise SourceError(f"{self.location}: {error.strerror or error}") from None

    def count(self) -> int | None:
        """How many messages there are, cheaply (for a progress bar); None for an mbox."""
        path = self.path
        if path.is_file():
            return None if _is_mbox(path) else 1
        total = 0
        for folder, names, files in os.walk(path):
            here = Path(folder)
            if _is_maildir(here):
                names[:] = [n for n in names if n not in {"cur", "new", "tmp"}]
                total += sum(1 for sub in ("cur", "new") for _ in (here / sub).iterdir())
                continue
            for file in files:
                if file.lower().endswith(".eml"):
                    total += 1
                elif not file.startswith(".") and _is_mbox(here / file):
                    return None
        return total

    def messages(self) -> Iterator[RawMessage]:
        """Every message, one at a time."""
        path = self.path
        root_sent = is_sent_folder(path.name)
        if path.is_file():
            if _is_mbox(path):
                yield from _mbox(path, root_sent)
            else:
                yield _eml(path, path.name, root_sent)
            return
        for folder, names, files in os.walk(path):
            names.sort()
            here = Path(folder)
            relative = here.relative_to(path).as_posix()
            sent = root_sent or (relative != "." and is_sent_folder(relative))
            if _is_maildir(here):
                names[:] = [n for n in names if n not in {"cur", "new", "tmp"}]
                yield from _maildir(here, sent)
                continue
            for file in sorted(files):
                file_path = here / file
                shown = file_path.relative_to(path).as_posix()
                if file.lower().endswith(".eml"):
                    yield _eml(file_path, shown, sent)
                elif not file.startswith(".") and _is_mbox(file_path):
                    yield from _mbox(file_path, sent or is_sent_folder(file))


def _eml(path: Path, shown: str, sent: bool) -> RawMessage:
    def head() -> bytes:
        with path.open("rb") as handle:
            return _head(handle)

    return RawMessage(shown, f"file:{path}", sent, head, path.read_bytes, _mtime(path))


def _mtime(path: Path) -> Callable[[], float | None]:
    def arrived() -> float | None:
        try:
            return path.stat().st_mtime
        except OSError:
            return None

    return arrived


def _maildir(folder: Path, sent: bool) -> Iterator[RawMessage]:
    box = mailbox.Maildir(str(folder), factory=None, create=False)
    # In the order they arrived, as an IMAP server numbers them: their names start with the
    # time of delivery (an invitation, then its update, then its cancellation).
    for key in sorted(box.iterkeys()):

        def head(key: str = key) -> bytes:
            handle = box.get_file(key)
            try:
                return _head(handle)  # type: ignore[arg-type]
            finally:
                handle.close()

        def whole(key: str = key) -> bytes:
            return box.get_bytes(key)

        def arrived(key: str = key) -> float | None:
            try:
                return float(box.get_message(key).get_date())
            except (KeyError, OSError, ValueError):
                return None

        yield RawMessage(
            f"{folder.name}/{key}", f"maildir:{key}:{folder}", sent, head, whole, arrived
        )


def _mbox(path: Path, sent: bool) -> Iterator[RawMessage]:
    box = _ReadOnlyMbox(str(path))
    try:
        for number, key in enumerate(box.iterkeys(), start=1):
            data = box.get_bytes(key)

            def read(data: bytes = data) -> bytes:
                return data

            def head(data: bytes = data) -> bytes:
                end = data.find(b"\n\n")
                return data if end == -1 else data[: end + 2]

            yield RawMessage(f"{path.name}#{number}", f"mbox:{key}:{path}", sent, head, read)
    finally:
        box.close()


def local_source(location: str) -> MailboxSource:
    """The source for a path (checked: a path that cannot be read raises :class:`SourceError`)."""
    source = MailboxSource(location)
    source.check()
    return source


def read_located(locator: str) -> bytes:
    """The bytes of a message found again by its locator (for the review queue's excerpt)."""
    kind, _, rest = locator.partition(":")
    try:
        if kind == "file":
            return Path(rest).read_bytes()
        if kind == "maildir":
            key, _, folder = rest.partition(":")
            return mailbox.Maildir(folder, factory=None, create=False).get_bytes(key)
        if kind == "mbox":
            key, _, path = rest.partition(":")
            box = _ReadOnlyMbox(path)
            try:
                return box.get_bytes(int(key))  # type: ignore[arg-type]  # mbox keys are ints
            finally:
                with contextlib.suppress(OSError):
                    box.close()
    except (OSError, KeyError, ValueError, mailbox.Error) as error:
        raise SourceError(f"the message is no longer where it was ({error})") from None
    raise SourceError(f"cannot read a message from {kind or 'this kind of'} source here")
