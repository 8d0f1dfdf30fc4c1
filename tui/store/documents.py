"""Records to TinyDB documents and back.

A document is the record's fields as JSON values: moments as ISO-8601 stamps with offset and
zone, days as ``YYYY-MM-DD``, lists for tuples and tag sets. Reading a document builds the record,
so a bad value is refused with an error naming the field.
"""

from __future__ import annotations

import dataclasses
import types
import typing
from collections.abc import Mapping
from typing import Any, TypeVar

from pendulum import Date, DateTime

from ..engine.errors import InvalidField
from ..engine.models import Contact, Interview, Mark, Opportunity, Task, Touch
from ..engine.when import format_day, format_stamp, parse_day, parse_stamp

__all__ = ["ID_PREFIX", "RECORD_TYPES", "TABLE_OF", "Record", "from_document", "to_document"]

Record = Opportunity | Interview | Contact | Touch | Task | Mark
R = TypeVar("R", Opportunity, Interview, Contact, Touch, Task, Mark)

TABLE_OF: Mapping[type, str] = {
    Opportunity: "opportunities",
    Interview: "interviews",
    Contact: "contacts",
    Touch: "touches",
    Task: "tasks",
    Mark: "marks",
}
RECORD_TYPES: Mapping[str, type] = {table: cls for cls, table in TABLE_OF.items()}
ID_PREFIX: Mapping[type, str] = {
    Opportunity: "opp",
    Interview: "int",
    Contact: "con",
    Touch: "tch",
    Task: "tsk",
    Mark: "mrk",
}


def _encode(value: Any) -> Any:
    if isinstance(value, DateTime):
        return format_stamp(value)
    if isinstance(value, Date):
        return format_day(value)
    if isinstance(value, frozenset):
        return sorted(value)
    if isinstance(value, tuple):
        return [_encode(v) for v in value]
    if isinstance(value, Mapping):
        return {str(k): _encode(v) for k, v in value.items()}
    return value


def to_document(record: Record) -> dict[str, Any]:
    """The record as a JSON-ready document."""
    return {f.name: _encode(getattr(record, f.name)) for f in dataclasses.fields(record)}


_HINTS: Mapping[type, dict[str, Any]] = {cls: typing.get_type_hints(cls) for cls in TABLE_OF}


def _decode(hint: Any, value: Any, name: str) -> Any:
    origin = typing.get_origin(hint)
    if origin in (types.UnionType, typing.Union):
        if value is None:
            return None
        (inner,) = [a for a in typing.get_args(hint) if a is not type(None)]
        return _decode(inner, value, name)
    if hint is DateTime:
        if not isinstance(value, str):
            raise InvalidField(name, "must be a date and time")
        return parse_stamp(value, name)
    if hint is Date:
        if not isinstance(value, str):
            raise InvalidField(name, "must be a date")
        return parse_day(value, name)
    if origin is tuple:
        if not isinstance(value, list):
            raise InvalidField(name, "must be a list")
        return tuple(value)
    if origin is frozenset:
        if not isinstance(value, list):
            raise InvalidField(name, "must be a list")
        return frozenset(value)
    if origin is Mapping:
        if not isinstance(value, dict):
            raise InvalidField(name, "must be an object")
        return dict(value)
    return value


def from_document(cls: type[R], document: Mapping[str, Any]) -> R:
    """Build a ``cls`` record from a document; keys the record does not know are ignored."""
    hints = _HINTS[cls]
    values: dict[str, Any] = {}
    for f in dataclasses.fields(cls):
        if f.name in document:
            values[f.name] = _decode(hints[f.name], document[f.name], f.name)
        elif f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING:
            raise InvalidField(f.name, "is missing")
    return cls(**values)
