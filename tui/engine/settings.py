"""The person's settings: every number the engine uses, with defaults, limits and help.

Settings hold plain JSON values (text, whole numbers, fractions, true/false) so they store and
export as they are. Each key has a spec that parses what a person types and refuses values out of
range with a message naming the key.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import cache
from typing import Any

from pendulum import Time

from .errors import InvalidField
from .text import control_in, describe
from .when import check_iana_zone, parse_clock, zone

__all__ = [
    "DEBRIEF_SIGNALS",
    "SPECS",
    "SettingSpec",
    "Settings",
    "addresses",
    "check_entered",
    "supported_countries",
]


@cache
def supported_countries() -> frozenset[str]:
    """Country codes the ``holidays`` package knows (imported only when asked: it is large)."""
    import holidays

    return frozenset(holidays.list_supported_countries())


@dataclass(frozen=True, slots=True)
class SettingSpec:
    """How one setting is typed in, checked and explained."""

    key: str
    help: str
    parse: Callable[[str, str], Any]
    check: Callable[[str, Any], None]


def _int(low: int, high: int) -> tuple[Callable[[str, str], Any], Callable[[str, Any], None]]:
    def parse(key: str, text: str) -> int:
        try:
            return int(text.strip())
        except ValueError:
            raise InvalidField(key, f"{text!r} is not a whole number") from None

    def check(key: str, value: Any) -> None:
        if isinstance(value, bool) or not isinstance(value, int):
            raise InvalidField(key, f"{value!r} is not a whole number")
        if not low <= value <= high:
            raise InvalidField(key, f"{value} is out of range ({low} to {high})")

    return parse, check


def _share() -> tuple[Callable[[str, str], Any], Callable[[str, Any], None]]:
    def parse(key: str, text: str) -> float:
        try:
            return float(text.strip())
        except ValueError:
            raise InvalidField(key, f"{text!r} is not a number") from None

    def check(key: str, value: Any) -> None:
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise InvalidField(key, f"{value!r} is not a number")
        if not 0 < value < 0.5:
            raise InvalidField(
                key, f"{value} is out of range: must be above 0 and below 0.5 (search gets most)"
            )

    return parse, check


def _text(
    checker: Callable[[str, str], None],
) -> tuple[Callable[[str, str], Any], Callable[[str, Any], None]]:
    def parse(key: str, text: str) -> str:
        return text.strip()

    def check(key: str, value: Any) -> None:
        if not isinstance(value, str):
            raise InvalidField(key, "must be text")
        checker(key, value)

    return parse, check


def _bool() -> tuple[Callable[[str, str], Any], Callable[[str, Any], None]]:
    def parse(key: str, text: str) -> bool:
        lowered = text.strip().lower()
        if lowered in {"true", "yes", "on", "1"}:
            return True
        if lowered in {"false", "no", "off", "0"}:
            return False
        raise InvalidField(key, f"{text!r} is not true or false")

    def check(key: str, value: Any) -> None:
        if not isinstance(value, bool):
            raise InvalidField(key, "must be true or false")

    return parse, check


def _labels() -> tuple[Callable[[str, str], Any], Callable[[str, Any], None]]:
    """A list of short labels, typed separated by ``;`` (a label may hold a comma)."""

    def parse(key: str, text: str) -> tuple[str, ...]:
        return tuple(part.strip() for part in text.split(";") if part.strip())

    def check(key: str, value: Any) -> None:
        if not isinstance(value, list | tuple) or not all(isinstance(v, str) for v in value):
            raise InvalidField(key, "must be a list of labels")
        if len(value) > 20:
            raise InvalidField(key, f"has {len(value)} labels; at most 20")
        if len({v.casefold() for v in value}) != len(value):
            raise InvalidField(key, "names a label twice")
        for label in value:
            if not label.strip() or len(label) > 100:
                raise InvalidField(key, f"{label!r} is not a label of 1 to 100 characters")
            _check_name(key, label)

    return parse, check


DEBRIEF_SIGNALS = (
    "next steps or a date named",
    "met more people than planned / a tour",
    "salary, notice period or start date discussed",
    "references asked",
    "they sold the role to you",
    "it ended early",
    "questions you could not answer",
)
"""The debrief's checklist of concrete signals, by default (the ``debrief_signals`` setting)."""


def _check_zone(key: str, value: str) -> None:
    zone(value, key)


def _check_country(key: str, value: str) -> None:
    # The shape is checked on every load; the list of calendars (a large import) only when the
    # person sets the country, in Settings.with_text.
    if value and not re.fullmatch(r"[A-Z]{2,3}", value):
        raise InvalidField(key, f"{value!r} is not a holiday calendar code (e.g. US, GB, DE)")


def _check_clock(key: str, value: str) -> None:
    parse_clock(value, key)


def _check_name(key: str, value: str) -> None:
    if len(value) > 100:
        raise InvalidField(key, f"is too long ({len(value)} characters; at most 100)")
    bad = control_in(value)
    if bad is not None:
        raise InvalidField(key, f"contains a control character, {describe(bad)}: remove it")


def _check_addresses(key: str, value: str) -> None:
    _check_long_text(key, value, 2000)
    for address in addresses(value):
        if not re.fullmatch(r"[^@\s,;]+@[^@\s,;]+\.[^@\s,;]+", address):
            raise InvalidField(key, f"{address!r} is not an e-mail address")


def _check_long_text(key: str, value: str, limit: int) -> None:
    if len(value) > limit:
        raise InvalidField(key, f"is too long ({len(value)} characters; at most {limit})")
    bad = control_in(value)
    if bad is not None:
        raise InvalidField(key, f"contains a control character, {describe(bad)}: remove it")


def addresses(text: str) -> tuple[str, ...]:
    """``"a@x.example, B@y.example"`` -> ``("a@x.example", "b@y.example")`` (lower case)."""
    return tuple(part.strip().lower() for part in re.split(r"[,;\s]+", text) if part.strip())


_RAW: list[tuple[str, Any, str, tuple[Callable[[str, str], Any], Callable[[str, Any], None]]]] = [
    ("timezone", "UTC", "IANA time zone for days and work hours", _text(_check_zone)),
    (
        "country",
        "",
        "public holidays skipped as business days (US, GB, DE…; empty: none)",
        _text(_check_country),
    ),
    ("daily_minutes", 240, "minutes of planned work a day", _int(30, 720)),
    ("work_start", "09:00", "start of work hours (HH:MM)", _text(_check_clock)),
    ("work_end", "17:00", "end of work hours (HH:MM)", _text(_check_clock)),
    (
        "follow_up_share",
        0.3,
        "largest share of the day for follow-up (above 0, below 0.5)",
        _share(),
    ),
    ("weekly_applications", 10, "applications a week", _int(0, 100)),
    ("weekly_networking_calls", 5, "networking calls a week", _int(0, 100)),
    ("glow_hours", 72, "hours after a good interview when avoided calls go first", _int(0, 336)),
    (
        "avoided_after",
        2,
        "times a task is snoozed or slides to a later day before it counts as avoided",
        _int(1, 30),
    ),
    ("min_active", 3, "warn while fewer opportunities are active", _int(0, 50)),
    ("check_in_after_days", 5, "business days after an interview with no promise", _int(1, 30)),
    ("recheck_after_days", 5, "business days between unanswered check-ins", _int(1, 30)),
    ("max_check_ins", 3, "check-ins before an opportunity has gone quiet", _int(1, 10)),
    ("no_pester_days", 3, "business days between follow-ups to one company", _int(0, 30)),
    ("advocate_ask_every_days", 7, "days between asks to an advocate", _int(1, 60)),
    ("network_every_days", 21, "days before a core contact is stale", _int(1, 365)),
    ("interview_minutes", 60, "default length of an interview", _int(5, 600)),
    ("minutes_thank_you", 15, "minutes for a thank-you note", _int(1, 240)),
    ("minutes_check_in", 15, "minutes for a check-in", _int(1, 240)),
    ("minutes_advocate_ask", 20, "minutes for an advocate ask", _int(1, 240)),
    ("minutes_find_advocate", 30, "minutes to find an advocate", _int(1, 240)),
    ("minutes_close_out", 15, "minutes for a gracious close-out note", _int(1, 240)),
    ("minutes_apply", 45, "minutes for an application", _int(1, 480)),
    ("minutes_call", 30, "minutes for a cold or networking call", _int(1, 240)),
    ("minutes_network_update", 10, "minutes for a network update", _int(1, 240)),
    ("minutes_task", 30, "minutes for your own tasks without a length", _int(1, 480)),
    ("your_name", "", "how drafts are signed", _text(_check_name)),
    (
        "debrief_days",
        3,
        "days after an interview during which Today offers its debrief",
        _int(1, 30),
    ),
    (
        "debrief_signals",
        DEBRIEF_SIGNALS,
        "the debrief's checklist of signals (separate them with ;)",
        _labels(),
    ),
    (
        "calibration_min",
        5,
        "interviews needed before calibration judges anything (a signal: with it and without)",
        _int(2, 50),
    ),
    (
        "my_addresses",
        "",
        "your own e-mail addresses, comma-separated: mail from them is mail you sent",
        _text(_check_addresses),
    ),
    ("pretty_json", False, "indent the database file (slower; for reading by eye)", _bool()),
]

SPECS: Mapping[str, SettingSpec] = {
    key: SettingSpec(key, help_text, parse, check) for key, _, help_text, (parse, check) in _RAW
}
_DEFAULTS: Mapping[str, Any] = {key: default for key, default, _, _ in _RAW}


def check_entered(key: str, value: Any) -> None:
    """The checks a value gets when it comes in (typed or imported), beyond the stored shape.

    A loaded file is only checked for values it can work with; what comes in must also be a
    real holiday calendar and an IANA zone name (not ``localtime``, which means whatever the
    machine reading it is set to).
    """
    if key == "country" and isinstance(value, str) and value and value not in supported_countries():
        raise InvalidField(key, f"{value!r} is not a holiday calendar code (e.g. US, GB, DE)")
    if key == "timezone" and isinstance(value, str):
        check_iana_zone(value, key)


@dataclass(frozen=True, slots=True)
class Settings:
    """All settings, each a plain value; built only through :meth:`from_mapping` checks."""

    values: Mapping[str, Any] = dataclasses.field(default_factory=lambda: dict(_DEFAULTS))

    def __post_init__(self) -> None:
        for key, value in self.values.items():
            spec = SPECS.get(key)
            if spec is None:
                raise InvalidField(key, "is not a setting")
            spec.check(key, value)
        if self.clock("work_end") <= self.clock("work_start"):
            raise InvalidField("work_end", "must be later than work_start")

    @classmethod
    def from_mapping(cls, stored: Mapping[str, Any]) -> Settings:
        """Defaults overlaid with what is stored; unknown keys are refused by name."""
        values = dict(_DEFAULTS)
        values.update(stored)
        # JSON has lists, not tuples: held as tuples so a stored default equals the default.
        return cls({k: tuple(v) if isinstance(v, list) else v for k, v in values.items()})

    def __getitem__(self, key: str) -> Any:
        return self.values[key]

    def with_text(self, key: str, text: str) -> Settings:
        """A copy with ``key`` set from what a person typed; refuses unknown keys and bad values."""
        spec = SPECS.get(key)
        if spec is None:
            raise InvalidField(key, f"is not a setting (known: {', '.join(SPECS)})")
        value = spec.parse(key, text)
        if key == "country" and isinstance(value, str):
            value = value.upper()
        spec.check(key, value)
        check_entered(key, value)
        return Settings({**self.values, key: value})

    def changed(self) -> dict[str, Any]:
        """The values that differ from the defaults: what needs storing."""
        return {k: v for k, v in self.values.items() if _DEFAULTS.get(k) != v}

    def clock(self, key: str) -> Time:
        """A ``HH:MM`` setting as a time of day."""
        return parse_clock(str(self.values[key]), key)

    @property
    def timezone(self) -> str:
        """The IANA zone every local day and work hour is read in."""
        return str(self.values["timezone"])

    @property
    def country(self) -> str:
        """The holiday calendar code, or empty for none."""
        return str(self.values["country"])
