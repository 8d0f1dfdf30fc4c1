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

from ..engine.errors import ControlCharacter, InvalidField
from ..engine.mail_records import MailReview, MailSeen, MailSource
from ..engine.models import NOTE_FIELDS, Contact, Interview, Mark, Opportunity, Task, Touch
from ..engine.text import visible
from ..engine.when import format_day, format_stamp, parse_day, parse_stamp

__all__ = ["ID_PREFIX", "RECORD_TYPES", "TABLE_OF", "Record", "from_document", "to_document"]

Record = (
    Opportunity | Interview | Contact | Touch | Task | Mark | MailSource | MailSeen | MailReview
)
R = TypeVar(
    "R", Opportunity, Interview, Contact, Touch, Task, Mark, MailSource, MailSeen, MailReview
)

TABLE_OF: Mapping[type, str] = {
    Opportunity: "opportunities",
    Interview: "interviews",
    Contact: "contacts",
    Touch: "touches",
    Task: "tasks",
    Mark: "marks",
    # Mail (issue 16): the sources to scan, every message handled, the review queue.
    MailSource: "mail_sources",
    MailSeen: "mail_seen",
    MailReview: "mail_review",
}
RECORD_TYPES: Mapping[str, type] = {table: cls for cls, table in TABLE_OF.items()}
ID_PREFIX: Mapping[type, str] = {
    Opportunity: "opp",
    Interview: "int",
    Contact: "con",
    Touch: "tch",
    Task: "tsk",
    Mark: "mrk",
    MailSource: "src",
    MailSeen: "msg",
    MailReview: "rev",
}


_AS_IS = frozenset({str, int, bool, float, type(None)})


def _encode(value: Any) -> Any:
    if type(value) in _AS_IS:  # most fields: no isinstance chain (an import encodes 100,000s)
        return value
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
    names = _FIELD_NAMES.get(type(record))
    if names is None:
        names = _FIELD_NAMES[type(record)] = tuple(f.name for f in dataclasses.fields(record))
    return {name: _encode(getattr(record, name)) for name in names}


_FIELD_NAMES: dict[type, tuple[str, ...]] = {}


_PLAIN, _STAMP, _DAY, _TUPLE, _SET, _MAP = range(6)


def _kind(hint: Any) -> tuple[int, bool]:
    """How a field's JSON value becomes its Python value, and whether it may be null."""
    optional = False
    if typing.get_origin(hint) in (types.UnionType, typing.Union):
        optional = True
        (hint,) = [a for a in typing.get_args(hint) if a is not type(None)]
    origin = typing.get_origin(hint)
    if hint is DateTime:
        return _STAMP, optional
    if hint is Date:
        return _DAY, optional
    if origin is tuple:
        return _TUPLE, optional
    if origin is frozenset:
        return _SET, optional
    if origin is Mapping:
        return _MAP, optional
    return _PLAIN, optional


def _plan(cls: type) -> tuple[tuple[str, int, bool, bool], ...]:
    hints = typing.get_type_hints(cls)
    return tuple(
        (
            f.name,
            *_kind(hints[f.name]),
            f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING,
        )
        for f in dataclasses.fields(cls)
    )


# Worked out once per record type: decoding runs for every record of every database load.
_PLANS: Mapping[type, tuple[tuple[str, int, bool, bool], ...]] = {
    cls: _plan(cls) for cls in TABLE_OF
}
_DAYS: dict[str, Date] = {}
_WRONG = {
    _STAMP: (str, "must be a date and time"),
    _DAY: (str, "must be a date"),
    _TUPLE: (list, "must be a list"),
    _SET: (list, "must be a list"),
    _MAP: (dict, "must be an object"),
}


def _day(text: str, name: str) -> Date:
    found = _DAYS.get(text)
    if found is None:
        found = parse_day(text, name)
        if len(_DAYS) < 100_000:
            _DAYS[text] = found
    return found


def from_document(cls: type[R], document: Mapping[str, Any]) -> R:
    """Build a ``cls`` record from a document; keys the record does not know are ignored."""
    values: dict[str, Any] = {}
    for name, kind, optional, required in _PLANS[cls]:
        if name not in document:
            if required:
                raise InvalidField(name, "is missing")
            continue
        value = document[name]
        if kind != _PLAIN and not (value is None and optional):
            expected, problem = _WRONG[kind]
            if not isinstance(value, expected):
                raise InvalidField(name, problem)
            if kind == _STAMP:
                value = parse_stamp(value, name)
            elif kind == _DAY:
                value = _day(value, name)
            elif kind == _TUPLE:
                value = tuple(value)
            elif kind == _SET:
                value = frozenset(value)
            else:
                value = dict(value)
        values[name] = value
    try:
        return cls(**values)
    except ControlCharacter:
        # Written before control characters were refused: keep the text, made visible (the
        # person sees "␛" where ESC was), rather than refusing the person's own file.
        return cls(
            **{name: _made_visible(value, name in NOTE_FIELDS) for name, value in values.items()}
        )


def _made_visible(value: Any, notes: bool) -> Any:
    if isinstance(value, str):
        return visible(value, multiline=notes)
    if isinstance(value, tuple):
        return tuple(_made_visible(v, notes) for v in value)
    if isinstance(value, dict):
        return {_made_visible(k, notes): _made_visible(v, notes) for k, v in value.items()}
    return value
