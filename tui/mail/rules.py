"""The classifier's rules: ``data/mail_rules.json``, extended by a ``mail_rules.json`` beside the
database (the person's own rules, tried first)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from ..engine.errors import InvalidField
from ..engine.mail_rules import MailRules, merge_rules
from ..locations import shipped_data

__all__ = ["load_rules", "own_rules_path", "shipped_rules"]

_SHIPPED: dict[str, Any] | None = None


def shipped_rules() -> dict[str, Any]:
    """The rules nowwhat ships with, as data."""
    global _SHIPPED
    if _SHIPPED is None:
        _SHIPPED = json.loads(shipped_data("mail_rules.json").read_text(encoding="utf-8"))
    return dict(_SHIPPED)


def own_rules_path(database: Path) -> Path:
    """Where the person's own rules live: ``mail_rules.json`` beside the database."""
    return database.with_name("mail_rules.json")


def load_rules(database: Path | None = None) -> MailRules:
    """The shipped rules, with the person's own on top when the file exists.

    A file that is not valid JSON or holds a bad pattern is refused with one line naming it.
    """
    data = shipped_rules()
    if database is not None:
        path = own_rules_path(database)
        if path.exists():
            try:
                extra = json.loads(path.read_text(encoding="utf-8"))
            except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
                raise InvalidField(str(path), f"cannot be read as rules ({error})") from None
            if not isinstance(extra, dict):
                raise InvalidField(str(path), "must be a JSON object like data/mail_rules.json")
            try:
                return MailRules.from_data(merge_rules(data, extra))
            except InvalidField as error:
                raise InvalidField(str(path), f"{error.field}: {error.problem}") from None
    return MailRules.from_data(data)
