"""Where nowwhat keeps things: the database, its lock and backups, and the files it ships with.

Nothing here creates a folder or reads the home directory at import time: these are functions,
called when a path is needed. ``--db`` beats ``NOWWHAT_DB`` beats the platform's data folder.
"""

from __future__ import annotations

import os
from pathlib import Path

from .engine.errors import InvalidField

__all__ = ["ENV_DB", "database_path", "default_database_path", "shipped_data"]

ENV_DB = "NOWWHAT_DB"


def default_database_path() -> Path:
    """The platform's per-user data folder (``~/.local/share/nowwhat/nowwhat.json`` on Linux)."""
    from platformdirs import user_data_path

    return user_data_path("nowwhat", appauthor=False) / "nowwhat.json"


def database_path(option: str | None = None) -> Path:
    """The database in use: the ``--db`` option, else ``$NOWWHAT_DB``, else the default."""
    if option is not None and not option.strip():
        # An empty --db (an unset shell variable, "--db $DB") must not quietly mean the
        # default database: the person meant some file, and would write to the wrong one.
        raise InvalidField("--db", "is empty: give the database file's path")
    chosen = option or os.environ.get(ENV_DB)
    return Path(chosen).expanduser().absolute() if chosen else default_database_path()


def shipped_data(*parts: str) -> Path:
    """A file from ``data/``: installed inside the package, or beside it in a checkout."""
    from importlib import resources  # with zipfile, a cost the dashboard's start need not pay

    installed = Path(str(resources.files("tui"))) / "data"
    base = installed if installed.is_dir() else Path(__file__).resolve().parent.parent / "data"
    return base.joinpath(*parts)
