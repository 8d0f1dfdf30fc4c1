"""A private cache of the decoded records, so a start-up does not validate an unchanged file again.

Decoding a database builds every record through its checks and parses every stamp: about 13 µs a
record, most of a busy database's start-up (see the benchmark). The file's records were checked
the last time it was read; while the file's bytes are the same, those checks would find the same.
So, when nowwhat is done with a database whose data it holds, it writes the records beside it as
plain values (``marshal``), keyed by the SHA-256 of the database's bytes. The next start that
finds the same bytes builds the records straight from those values, without the checks.

Safety: the key is the content, not a file date, so an edit by any other means misses the cache;
the format, the nowwhat and schema versions and the records' field lists are part of the key (a new
version of nowwhat ignores an old cache); the file is 0600 in the database's own folder, like the
database. Anything unexpected means "no cache": the records are decoded from the database as
before.

The cache cannot be forged: it carries an HMAC-SHA256 of its header (with the database's
digest) and its payload, keyed by a random secret of this database kept in a 0600 file beside
it (``.nowwhat.json.key``), which must be a plain file, owned by the user and readable by no one
else. A plain checksum would not do: anyone who can put a file in the folder can compute one,
so a copy of another database's cache with this file's digest written into its header (or a
freshly computed checksum) would be trusted. Without the secret no such file verifies, and a
cache that does not verify is ignored.
"""

from __future__ import annotations

import hashlib
import hmac
import marshal
import os
import secrets
import stat
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any

from pendulum import Date, DateTime, FixedTimezone, Timezone

from .. import __version__
from ..engine.when import _cached_zone, _fixed_zone
from .documents import _DAY, _MAP, _PLANS, _STAMP, RECORD_TYPES
from .safefile import atomic_write
from .schema import CURRENT_VERSION

__all__ = [
    "Cached",
    "CachedTable",
    "cache_is_current",
    "cache_path",
    "key_path",
    "load_cache",
    "save_cache",
]

FORMAT = 2  # 2: authenticated by an HMAC (format 1 had a checksum anyone could recompute)
_KEY_BYTES = 32
_MAGIC = b"nowwhat-snapshot\n"

CachedTable = tuple[list[str], tuple[Any, ...]]
"""A table's document ids, in file order, and its records in the same order."""
Cached = tuple[dict[str, CachedTable], dict[str, Any]]
"""Every table, and the settings as stored."""


def cache_path(database: Path) -> Path:
    """Where the cache of ``database`` lives: a hidden file beside it."""
    return database.with_name(f".{database.name}.snapshot")


def key_path(database: Path) -> Path:
    """Where the secret that authenticates the cache of ``database`` lives."""
    return database.with_name(f".{database.name}.key")


def _read_key(path: Path) -> bytes | None:
    """The secret, if the file is one this user made: plain, owned by them, private."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | os.O_CLOEXEC)
    except OSError:
        return None
    try:
        found = os.fstat(fd)
        if (
            not stat.S_ISREG(found.st_mode)
            or found.st_uid != os.geteuid()
            or found.st_mode & 0o077
            or found.st_size != _KEY_BYTES
        ):
            return None
        key = os.read(fd, _KEY_BYTES + 1)
    except OSError:
        return None
    finally:
        os.close(fd)
    return key if len(key) == _KEY_BYTES else None


def _key_for_writing(path: Path) -> bytes:
    """The secret, made (0600) if there is none yet or the one there is not trustworthy."""
    key = _read_key(path)
    if key is None:
        key = secrets.token_bytes(_KEY_BYTES)
        atomic_write(path, key)
    return key


def _fingerprint() -> bytes:
    """What the cached values mean: format, versions, and every record type's fields in order.

    The nowwhat and schema versions are in it because their checks vouched for the records: a
    new version checks again.
    """
    plans = [(table, [field[:2] for field in _PLANS[cls]]) for table, cls in RECORD_TYPES.items()]
    key = (FORMAT, __version__, CURRENT_VERSION, plans)
    return hashlib.sha256(repr(key).encode()).digest()


_FINGERPRINT = _fingerprint()

# -- encoding -------------------------------------------------------------------------------------


def _zone_key(tz: object) -> object:
    if isinstance(tz, Timezone):
        return tz.name
    if isinstance(tz, FixedTimezone):
        return tz.offset
    raise TypeError(f"unexpected time zone {tz!r}")


def _encoder_source(cls: type) -> str:
    """Straight-line code that turns each ``cls`` record into a tuple of plain values."""
    values = []
    for name, kind, _optional, _required in _PLANS[cls]:
        if kind == _STAMP:
            values.append(
                f"None if (x := r.{name}) is None else (x.year, x.month, x.day, x.hour,"
                " x.minute, x.second, x.microsecond, x.fold, zones[x.tzinfo])"
            )
        elif kind == _DAY:
            values.append(f"None if (x := r.{name}) is None else x.toordinal()")
        elif kind == _MAP:
            values.append(f"dict(r.{name})")
        else:
            values.append(f"r.{name}")
    return "\n".join(
        [
            "def encode(records):",
            f"    return [({', '.join(values)},) for r in records]",
        ]
    )


class _ZoneIndex(dict[object, int]):
    """Time zone objects -> their index in ``keys`` (name or offset), filled on first sight."""

    def __init__(self) -> None:
        super().__init__()
        self.keys_seen: list[object] = []

    def __missing__(self, tz: object) -> int:
        key = _zone_key(tz)
        if key not in self.keys_seen:
            self.keys_seen.append(key)
        index = self[tz] = self.keys_seen.index(key)
        return index


def _encode(tables: Mapping[str, CachedTable], settings: Mapping[str, Any]) -> bytes:
    zones = _ZoneIndex()
    rows = {}
    for name, (ids, records) in tables.items():
        scope: dict[str, Any] = {"zones": zones}
        exec(_encoder_source(RECORD_TYPES[name]), scope)  # noqa: S102 - our own source
        rows[name] = (ids, scope["encode"](records))
    return marshal.dumps((zones.keys_seen, rows, dict(settings)))


# -- decoding -------------------------------------------------------------------------------------


def _builder_source(cls: type) -> str:
    """Straight-line code that sets each field of a ``cls`` from its cached value."""
    plan = _PLANS[cls]
    lines = [
        "def build(rows):",
        "    out = []",
        "    append = out.append",
        f"    for ({', '.join(f'v{i}' for i in range(len(plan)))},) in rows:",
        "        record = new(cls)",
    ]
    for i, (name, kind, _optional, _required) in enumerate(plan):
        value = f"v{i}"
        if kind == _STAMP:
            value = (
                f"None if v{i} is None else DateTime(v{i}[0], v{i}[1], v{i}[2], v{i}[3], v{i}[4],"
                f" v{i}[5], v{i}[6], tzinfo=zones[v{i}[8]], fold=v{i}[7])"
            )
        elif kind == _DAY:
            value = f"None if v{i} is None else (days.get(v{i}) or day(v{i}))"
        lines.append(f"        put(record, {name!r}, {value})")
    lines.append("        append(record)")
    lines.append("    return tuple(out)")
    return "\n".join(lines)


Builder = Callable[[list[tuple[Any, ...]]], tuple[Any, ...]]


def _builder(cls: type, zones: Sequence[object]) -> Builder:
    days: dict[int, Date] = {}  # pendulum's Date.fromordinal is slow; a database has few days

    def day(ordinal: int) -> Date:
        found = days[ordinal] = Date.fromordinal(ordinal)
        return found

    scope: dict[str, Any] = {
        "cls": cls,
        "new": object.__new__,
        "put": object.__setattr__,
        "DateTime": DateTime,
        "days": days,
        "day": day,
        "zones": zones,
    }
    exec(_builder_source(cls), scope)  # noqa: S102 - our own generated source, no input in it
    build: Builder = scope["build"]
    return build


def _zone(key: object) -> Timezone | FixedTimezone:
    if isinstance(key, str):
        return _cached_zone(key, "at")
    if isinstance(key, int):
        return _fixed_zone(key)
    raise TypeError(f"unexpected zone key {key!r}")


def _decode(payload: bytes | memoryview) -> Cached:
    zone_keys, rows, settings = marshal.loads(payload)  # noqa: S302 - our own 0600 file, checksummed
    zones = [_zone(key) for key in zone_keys]
    tables: dict[str, CachedTable] = {}
    for name, (ids, values) in rows.items():
        cls = RECORD_TYPES[name]
        records = _builder(cls, zones)(values)
        if len(records) != len(ids):
            raise ValueError("ids and records differ in number")
        tables[name] = (list(ids), records)
    if not isinstance(settings, dict):
        raise TypeError("settings must be a mapping")
    return tables, settings


# -- the file -------------------------------------------------------------------------------------


def _header(digest: bytes) -> bytes:
    return _MAGIC + _FINGERPRINT + digest


def _mac(key: bytes, header: bytes, payload: bytes | memoryview) -> bytes:
    made = hmac.new(key, header, hashlib.sha256)
    made.update(payload)  # no joined copy of a payload of megabytes
    return made.digest()


def _verified(path: Path, digest: bytes) -> memoryview | None:
    """The payload of the cache at ``path`` if it was written for ``digest`` by someone who
    holds this database's secret; else ``None``."""
    try:
        data = path.read_bytes()
    except OSError:
        return None
    header = _header(digest)
    if not data.startswith(header):
        return None
    key = _read_key(key_path(_database_of(path)))
    if key is None:
        return None
    view = memoryview(data)
    mac, payload = view[len(header) : len(header) + 32], view[len(header) + 32 :]
    if not hmac.compare_digest(mac, _mac(key, header, payload)):
        return None
    return payload


def _database_of(cache: Path) -> Path:
    return cache.with_name(cache.name.removeprefix(".").removesuffix(".snapshot"))


def load_cache(path: Path, digest: bytes) -> Cached | None:
    """The cached tables and stored settings of a database whose bytes hash to ``digest``."""
    payload = _verified(path, digest)
    if payload is None:
        return None
    try:
        return _decode(payload)
    except Exception:  # a cache is never worth an error: decode the database instead
        return None


def cache_is_current(path: Path, digest: bytes) -> bool:
    """Whether the cache at ``path`` is a verified cache of the bytes hashing to ``digest``."""
    try:
        with path.open("rb") as handle:
            head = handle.read(len(_MAGIC) + 64)
    except OSError:
        return False
    if head != _header(digest):
        return False  # the usual case when it is stale: decided by 81 bytes
    return _verified(path, digest) is not None


def save_cache(
    path: Path, digest: bytes, tables: Mapping[str, CachedTable], settings: Mapping[str, Any]
) -> bool:
    """Write the cache for the database whose bytes hash to ``digest``; False if it cannot be."""
    try:
        payload = _encode(tables, settings)
    except (TypeError, ValueError):
        return False
    key = _key_for_writing(key_path(_database_of(path)))
    header = _header(digest)
    atomic_write(path, [header, _mac(key, header, payload), payload])
    return True
