"""A private cache of the decoded records, so a start-up does not validate an unchanged file again.

Decoding a database builds every record through its checks and parses every stamp: about 13 µs a
record, most of a busy database's start-up (see the benchmark). The file's records were checked
the last time it was read; while the file's bytes are the same, those checks would find the same.
So, when nowwhat is done with a database whose data it holds, it writes the records beside it as
plain values (``marshal``), keyed by the SHA-256 of the database's bytes. The next start that
finds the same bytes builds the records straight from those values, without the checks.

Safety: the key is the content, not a file date, so an edit by any other means misses the cache;
the payload carries its own SHA-256 (a torn or damaged cache is ignored, never trusted); the
format, the nowwhat and schema versions and the records' field lists are part of the key (a new
version of nowwhat ignores an old cache); the file is 0600 in the database's own folder, like the
database. Anything unexpected means "no cache": the records are decoded from the database as
before.
"""

from __future__ import annotations

import hashlib
import marshal
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any

from pendulum import Date, DateTime, FixedTimezone, Timezone

from .. import __version__
from ..engine.when import _cached_zone, _fixed_zone
from .documents import _DAY, _MAP, _PLANS, _STAMP, RECORD_TYPES
from .safefile import atomic_write
from .schema import CURRENT_VERSION

__all__ = ["Cached", "CachedTable", "cache_path", "cached_digest", "load_cache", "save_cache"]

FORMAT = 1
_MAGIC = b"nowwhat-snapshot\n"

CachedTable = tuple[list[str], tuple[Any, ...]]
"""A table's document ids, in file order, and its records in the same order."""
Cached = tuple[dict[str, CachedTable], dict[str, Any]]
"""Every table, and the settings as stored."""


def cache_path(database: Path) -> Path:
    """Where the cache of ``database`` lives: a hidden file beside it."""
    return database.with_name(f".{database.name}.snapshot")


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


def _decode(payload: bytes) -> Cached:
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


def load_cache(path: Path, digest: bytes) -> Cached | None:
    """The cached tables and stored settings of a database whose bytes hash to ``digest``."""
    try:
        data = path.read_bytes()
    except OSError:
        return None
    header = _header(digest)
    if not data.startswith(header):
        return None
    checksum, payload = data[len(header) : len(header) + 32], data[len(header) + 32 :]
    if hashlib.sha256(payload).digest() != checksum:
        return None
    try:
        return _decode(payload)
    except Exception:  # a cache is never worth an error: decode the database instead
        return None


def cached_digest(path: Path) -> bytes | None:
    """The database digest the cache at ``path`` was written for (``None``: none or not ours)."""
    try:
        with path.open("rb") as handle:
            head = handle.read(len(_MAGIC) + 64)
    except OSError:
        return None
    if not head.startswith(_MAGIC + _FINGERPRINT) or len(head) < len(_MAGIC) + 64:
        return None
    return head[len(_MAGIC) + 32 :]


def save_cache(
    path: Path, digest: bytes, tables: Mapping[str, CachedTable], settings: Mapping[str, Any]
) -> bool:
    """Write the cache for the database whose bytes hash to ``digest``; False if it cannot be."""
    try:
        payload = _encode(tables, settings)
    except (TypeError, ValueError):
        return False
    atomic_write(path, _header(digest) + hashlib.sha256(payload).digest() + payload)
    return True
