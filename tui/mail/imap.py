"""IMAP folders as sources, read-only by construction, with the standard library's ``imaplib``.

Why ``imaplib`` and not ``imapclient``: nowwhat sends five kinds of command (CAPABILITY,
STARTTLS, LOGIN, EXAMINE, UID SEARCH/FETCH, LOGOUT) and every one of them passes one method,
:meth:`_Guard._command`, which refuses anything else before a byte leaves — STORE, COPY, MOVE,
EXPUNGE, APPEND, SELECT (which would let flags change) and any FETCH that is not ``BODY.PEEK``
(``BODY[]`` and ``RFC822`` set ``\\Seen``). ``imapclient`` is a cleaner API over the same
``imaplib``, but one more dependency and one more layer between that guard and the wire; the
few responses parsed here (UIDs, UIDVALIDITY, header and body literals) are simple.

A folder is read incrementally: its UIDVALIDITY and the highest UID read are kept on the saved
source, so a rescan asks only for what is new (``UID SEARCH UID n:*``); a changed UIDVALIDITY
rescans the folder, which is safe because messages are known by their Message-ID. Headers come
first, in batches; a body is fetched only for a message whose headers could concern a tracked
job. Every connect and every command has a timeout. The password is asked for when the
connection is made and kept nowhere: not in the database, the source, a log or an error.
"""

from __future__ import annotations

import base64
import contextlib
import imaplib
import ipaddress
import os
import re
import socket
import ssl
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any
from urllib.parse import unquote, urlsplit

from pendulum import Date

from .sources import RawMessage, is_sent_folder

if TYPE_CHECKING:
    from ..store import Store

__all__ = [
    "COMMANDS",
    "ImapAuthError",
    "ImapError",
    "ImapSource",
    "ImapUrl",
    "ReadOnlyViolation",
    "imap_source",
    "parse_url",
]

TIMEOUT = 30.0  # seconds, for the connection and for every command
HEADER_BATCH = 200
COMMANDS = frozenset({"CAPABILITY", "STARTTLS", "LOGIN", "EXAMINE", "UID", "LOGOUT", "NOOP"})
"""The only commands nowwhat ever sends."""
_UID_COMMANDS = frozenset({"SEARCH", "FETCH"})
_LOOPBACK = {"localhost", "localhost.localdomain"}


class ImapError(Exception):
    """The server or the connection failed: one line, exit 1, nothing half-applied."""


class ImapAuthError(ImapError):
    """The server refused the login (its own words): exit 2."""


class ReadOnlyViolation(ImapError):
    """A command that could change the mailbox was about to be sent: refused, never sent."""


@dataclass(frozen=True)
class ImapUrl:
    """``imaps://USER@HOST[:PORT]/FOLDER`` taken apart (never with a password in it)."""

    scheme: str
    user: str
    host: str
    port: int
    folder: str

    @property
    def location(self) -> str:
        from urllib.parse import quote

        port = "" if self.port == (993 if self.scheme == "imaps" else 143) else f":{self.port}"
        user = quote(self.user, safe="")
        return f"{self.scheme}://{user}@{self.host}{port}/{quote(self.folder, safe='')}"

    @property
    def loopback(self) -> bool:
        if self.host.lower() in _LOOPBACK:
            return True
        try:
            return ipaddress.ip_address(self.host.strip("[]")).is_loopback
        except ValueError:
            return False


def parse_url(text: str) -> ImapUrl:
    """Read an IMAP source's address; ValueError says what is wrong with it."""
    parts = urlsplit(text)
    if parts.scheme not in {"imap", "imaps"}:
        raise ValueError(f"{text}: not an imap:// or imaps:// address")
    if parts.password is not None:
        raise ValueError(
            "put no password in the address: use --password-command or NOWWHAT_IMAP_PASSWORD"
        )
    if not parts.username or not parts.hostname:
        raise ValueError(f"{_safe(text)}: give the user and the host (imaps://USER@HOST/FOLDER)")
    folder = unquote(parts.path.lstrip("/")) or "INBOX"
    try:
        port = parts.port or (993 if parts.scheme == "imaps" else 143)
    except ValueError:
        raise ValueError(f"{_safe(text)}: the port is not a number") from None
    return ImapUrl(parts.scheme, unquote(parts.username), parts.hostname, port, folder)


def _safe(text: str) -> str:
    return re.sub(r"//[^@/]*:[^@/]*@", "//***@", text)


def _folder_name(folder: str) -> str:
    """A folder name as IMAP wants it: modified UTF-7 (RFC 3501) and quoted."""
    out: list[str] = []
    pending: list[str] = []

    def flush() -> None:
        if pending:
            raw = "".join(pending).encode("utf-16-be")
            out.append("&" + base64.b64encode(raw).decode().rstrip("=").replace("/", ",") + "-")
            pending.clear()

    for char in folder:
        if 0x20 <= ord(char) <= 0x7E:
            flush()
            out.append("&-" if char == "&" else char)
        else:
            pending.append(char)
    flush()
    name = "".join(out)
    return '"' + name.replace("\\", "\\\\").replace('"', '\\"') + '"'


class _Guard:
    """Mixed into imaplib's classes: every command passes here, is checked, and is recorded."""

    commands: list[str]

    def _command(self, name: str, *args: Any) -> Any:
        upper = name.upper()
        words = " ".join(a.decode() if isinstance(a, bytes) else str(a) for a in args)
        if upper not in COMMANDS:
            raise ReadOnlyViolation(f"refused to send {upper}: nowwhat only reads mail")
        if upper == "UID":
            sub = str(args[0]).upper() if args else ""
            if sub not in _UID_COMMANDS:
                raise ReadOnlyViolation(f"refused to send UID {sub}: nowwhat only reads mail")
            if sub == "FETCH":
                items = words.upper()
                plain_body = re.search(r"(?<!\.PEEK)\bBODY\[", items.replace("BODY.PEEK[", ""))
                if plain_body or re.search(r"\bRFC822(?!\.SIZE)\b", items):
                    raise ReadOnlyViolation(
                        "refused a FETCH that would mark mail as read (only BODY.PEEK is used)"
                    )
        self.commands.append("LOGIN ***" if upper == "LOGIN" else f"{upper} {words}".strip())
        return super()._command(name, *args)  # type: ignore[misc]


class _Plain(_Guard, imaplib.IMAP4):
    def __init__(self, host: str, port: int, timeout: float) -> None:
        self.commands = []
        super().__init__(host, port, timeout=timeout)


class _Tls(_Guard, imaplib.IMAP4_SSL):
    def __init__(self, host: str, port: int, context: ssl.SSLContext, timeout: float) -> None:
        self.commands = []
        super().__init__(host, port, ssl_context=context, timeout=timeout)


def _words(data: Any) -> str:
    """A server's answer, as one line of its own words."""
    if isinstance(data, list | tuple):
        data = b" ".join(x if isinstance(x, bytes) else str(x).encode() for x in data if x)
    if isinstance(data, bytes):
        data = data.decode("utf-8", "replace")
    text = re.sub(r"\s+", " ", str(data)).strip()
    from ..engine.text import clean

    return clean(text)[:300]


@dataclass
class ImapSource:
    """One IMAP folder: connects on first use, yields its messages in UID order."""

    url: ImapUrl
    password: Callable[[], str]
    uidvalidity: int = 0
    last_uid: int = 0
    since: Date | None = None
    timeout: float = TIMEOUT
    commands: list[str] = field(default_factory=list)
    _connection: Any = None
    _position: tuple[int, int] | None = None

    @property
    def location(self) -> str:
        return self.url.location

    def checkpoint(self) -> tuple[int, int] | None:
        """UIDVALIDITY and the highest UID read so far (kept on the saved source)."""
        return self._position

    # -- connection -----------------------------------------------------------------------------

    def _where(self) -> str:
        return f"{self.url.host}:{self.url.port}"

    def connect(self) -> Any:
        if self._connection is not None:
            return self._connection
        try:
            context = ssl.create_default_context()
            if self.url.scheme == "imaps":
                connection: Any = _Tls(self.url.host, self.url.port, context, self.timeout)
            else:
                connection = _Plain(self.url.host, self.url.port, self.timeout)
                if "STARTTLS" in connection.capabilities:
                    connection.starttls(ssl_context=context)
                elif not self.url.loopback:
                    connection.shutdown()
                    raise ImapError(
                        f"{self._where()}: the server offers no STARTTLS; nowwhat sends a "
                        "password in the clear only to this machine (use imaps://)"
                    )
            self.commands = connection.commands
        except ImapError:
            raise
        except ssl.SSLError as error:
            raise ImapError(f"{self._where()}: TLS failed ({error.reason or error})") from None
        except (OSError, imaplib.IMAP4.error) as error:
            raise ImapError(f"{self._where()}: cannot connect ({_reason(error)})") from None
        try:
            connection.login(self.url.user, self.password())
        except imaplib.IMAP4.abort as error:
            raise ImapError(f"{self._where()}: the connection dropped during login") from error
        except imaplib.IMAP4.error as error:
            raise ImapAuthError(
                f"{self._where()}: login refused for {self.url.user}: {_words(error.args)}"
            ) from None
        except OSError as error:
            raise ImapError(f"{self._where()}: the connection dropped ({_reason(error)})") from None
        self._connection = connection
        return connection

    def close(self) -> None:
        connection, self._connection = self._connection, None
        if connection is not None:
            with contextlib.suppress(OSError, imaplib.IMAP4.error):
                connection.logout()

    def _call(self, what: str, function: Callable[..., Any], *args: Any) -> list[Any]:
        try:
            status, data = function(*args)
        except ReadOnlyViolation:
            raise
        except imaplib.IMAP4.abort as error:
            raise ImapError(
                f"{self._where()}: the connection dropped during {what} ({_words(error.args)})"
            ) from None
        except imaplib.IMAP4.error as error:
            raise ImapError(f"{self._where()}: {what} failed: {_words(error.args)}") from None
        except (TimeoutError, OSError) as error:
            raise ImapError(
                f"{self._where()}: the connection dropped during {what} ({_reason(error)})"
            ) from None
        if status != "OK":
            raise ImapError(f"{self._where()}: {what} failed: {_words(data)}")
        return list(data or [])

    # -- reading --------------------------------------------------------------------------------

    def messages(self) -> Iterator[RawMessage]:
        connection = self.connect()
        try:
            yield from self._messages(connection)
        finally:
            self.close()

    def _messages(self, connection: Any) -> Iterator[RawMessage]:
        folder = _folder_name(self.url.folder)
        data = self._call(f"EXAMINE {self.url.folder}", connection.select, folder, True)
        del data
        validity = _number(connection.untagged_responses.get("UIDVALIDITY", [b"0"])[-1])
        start = self.last_uid + 1 if validity == self.uidvalidity and validity else 1
        criteria = ["UID", f"{start}:*"]
        if self.since is not None:
            criteria += ["SINCE", self.since.format("DD-MMM-YYYY")]
        found = self._call("UID SEARCH", connection.uid, "SEARCH", *criteria)
        uids = sorted({int(x) for x in b" ".join(found).split() if x.isdigit() and int(x) >= start})
        self._position = (validity, max(self.last_uid if start > 1 else 0, 0))
        sent = is_sent_folder(self.url.folder)
        for first in range(0, len(uids), HEADER_BATCH):
            chunk = uids[first : first + HEADER_BATCH]
            headers = self._headers(connection, chunk)
            for uid in chunk:
                head, arrived = headers.get(uid, (b"", None))
                if not head:
                    continue

                def whole(uid: int = uid) -> bytes:
                    return self._body(connection, uid)

                def when(arrived: float | None = arrived) -> float | None:
                    return arrived

                def header(head: bytes = head) -> bytes:
                    return head

                yield RawMessage(
                    name=f"{self.url.folder} UID {uid}",
                    locator=f"imap:{validity}:{uid}:{self.location}",
                    in_sent=sent,
                    read_head=header,
                    read_all=whole,
                    arrived=when,
                )
                self._position = (validity, uid)
        if not uids:
            self._position = (validity, self.last_uid if start > 1 else 0)

    def _headers(self, connection: Any, uids: list[int]) -> dict[int, tuple[bytes, float | None]]:
        wanted = ",".join(str(u) for u in uids)
        data = self._call(
            "UID FETCH (headers)",
            connection.uid,
            "FETCH",
            wanted,
            "(UID INTERNALDATE BODY.PEEK[HEADER])",
        )
        out: dict[int, tuple[bytes, float | None]] = {}
        for item in data:
            if not isinstance(item, tuple) or len(item) < 2:
                continue
            meta = item[0].decode("ascii", "replace") if isinstance(item[0], bytes) else ""
            uid = re.search(r"\bUID (\d+)", meta)
            if uid is None:
                continue
            arrived = None
            stamp = re.search(r'INTERNALDATE "([^"]+)"', meta)
            if stamp is not None:
                parsed = imaplib.Internaldate2tuple(f'INTERNALDATE "{stamp.group(1)}"'.encode())
                if parsed is not None:
                    import time

                    arrived = time.mktime(parsed)
            out[int(uid.group(1))] = (bytes(item[1]), arrived)
        return out

    def _body(self, connection: Any, uid: int) -> bytes:
        data = self._call("UID FETCH (body)", connection.uid, "FETCH", str(uid), "(BODY.PEEK[])")
        for item in data:
            if isinstance(item, tuple) and len(item) >= 2:
                return bytes(item[1])
        raise OSError(f"the server sent no body for UID {uid}")

    def fetch(self, uidvalidity: int, uid: int) -> bytes:
        """One message again (the review queue's excerpt); empty if the folder changed."""
        connection = self.connect()
        try:
            self._call(
                f"EXAMINE {self.url.folder}", connection.select, _folder_name(self.url.folder), True
            )
            validity = _number(connection.untagged_responses.get("UIDVALIDITY", [b"0"])[-1])
            if validity != uidvalidity:
                return b""
            return self._body(connection, uid)
        finally:
            self.close()


def _number(value: Any) -> int:
    try:
        return int(value.decode() if isinstance(value, bytes) else value)
    except (TypeError, ValueError):
        return 0


def _reason(error: BaseException) -> str:
    if isinstance(error, socket.timeout | TimeoutError):
        return "timed out"
    if isinstance(error, OSError) and error.strerror:
        return error.strerror
    return _words(error.args) or type(error).__name__


def imap_source(
    location: str,
    *,
    password: Callable[[], str],
    store: Store | None = None,
    since: Date | None = None,
    timeout: float = TIMEOUT,
) -> ImapSource:
    """The source for an IMAP address, resuming where the saved source of that address stopped."""
    from .sources import SourceError

    try:
        url = parse_url(location)
    except ValueError as error:
        raise SourceError(str(error)) from None
    with contextlib.suppress(ValueError):  # NOWWHAT_IMAP_TIMEOUT: seconds (default 30)
        timeout = float(os.environ.get("NOWWHAT_IMAP_TIMEOUT", timeout))
    source = ImapSource(url, password, since=since, timeout=timeout)
    if store is not None:
        saved = next((s for s in store.records().mail_sources if s.location == url.location), None)
        if saved is not None:
            source.uidvalidity, source.last_uid = saved.uidvalidity, saved.last_uid
    return source
