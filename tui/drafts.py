"""Message templates and drafts: safe filling, user templates, drafts kept as you type.

Templates are plain text with ``$placeholders`` filled by :class:`string.Template` — never
``str.format``, which a user template could use to reach object attributes. A placeholder the
facts do not provide is left in the text and reported, never crashed on. The first line may be
``Subject: ...``. Templates in ``templates/`` beside the database add to or replace the shipped
ones. Drafts live in ``drafts/`` beside the database, private (0600), written atomically, so a
dropped connection loses at most the last fraction of a second of typing.
"""

from __future__ import annotations

import re
import string
from dataclasses import dataclass
from pathlib import Path

from .engine.compose import TEMPLATES
from .exchange.reading import InputRefused, read_capped
from .locations import shipped_data
from .store.safefile import atomic_write, ensure_private_dir

__all__ = ["DraftStore", "Filled", "available_templates", "fill", "load_template"]

_NAME = re.compile(r"^[a-z0-9_]{1,40}$")
MAX_TEXT_BYTES = 1_000_000
"""A template or a draft is a message: more than this is not one (and is never read in whole)."""


@dataclass(frozen=True, slots=True)
class Filled:
    """A filled template and the placeholders nothing filled (left as written)."""

    text: str
    unknown: tuple[str, ...]


def fill(template: str, values: dict[str, str]) -> Filled:
    """Fill ``$name`` / ``${name}`` placeholders from ``values``; report the ones it could not.

    ``$$`` is a literal dollar. Anything that is not a plain identifier (``${a.b}``,
    ``${x[0]}``) is not a placeholder: it is left as it is and reported.
    """
    parsed = string.Template(template)
    unknown = [name for name in parsed.get_identifiers() if name not in values]
    malformed = re.findall(r"\$\{[^}]*[^\w}][^}]*\}", template)
    return Filled(parsed.safe_substitute(values), tuple(unknown + malformed))


def _user_folder(db_path: Path) -> Path:
    return db_path.parent / "templates"


def available_templates(db_path: Path) -> list[str]:
    """The shipped template names, then the person's own ones."""
    names = list(TEMPLATES)
    folder = _user_folder(db_path)
    if folder.is_dir():
        names += sorted(
            p.stem for p in folder.glob("*.txt") if _NAME.match(p.stem) and p.stem not in names
        )
    return names


def load_template(name: str, db_path: Path) -> tuple[str, str]:
    """The template's text and where it came from (the person's folder wins)."""
    if not _NAME.match(name):
        raise ValueError(f"{name!r} is not a template name")
    own = _user_folder(db_path) / f"{name}.txt"
    if own.is_file():
        try:
            raw = read_capped(own, MAX_TEXT_BYTES)
        except InputRefused as error:
            raise ValueError(str(error)) from None
        return raw.decode("utf-8", errors="replace"), str(own)
    shipped = shipped_data("templates", f"{name}.txt")
    if not shipped.is_file():
        raise ValueError(f"no template called {name!r}")
    return shipped.read_text(encoding="utf-8"), "shipped"


class DraftStore:
    """Drafts in a private folder, one file per message being written."""

    def __init__(self, db_path: Path) -> None:
        self.folder = db_path.parent / "drafts"

    def path(self, key: str) -> Path:
        safe = re.sub(r"[^A-Za-z0-9_-]", "_", key)[:100]
        return self.folder / f"{safe}.txt"

    def load(self, key: str) -> str | None:
        """The saved draft, or ``None``."""
        path = self.path(key)
        if not path.is_file():
            return None
        try:
            return read_capped(path, MAX_TEXT_BYTES).decode("utf-8", errors="replace")
        except InputRefused as error:
            raise ValueError(str(error)) from None

    def save(self, key: str, text: str) -> Path:
        """Keep ``text`` as the draft (atomically, mode 0600)."""
        ensure_private_dir(self.folder)
        path = self.path(key)
        atomic_write(path, text.encode("utf-8"))
        return path

    def discard(self, key: str) -> None:
        """Forget the draft (it was sent)."""
        self.path(key).unlink(missing_ok=True)
