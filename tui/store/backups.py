"""Daily copies of the database in ``backups/`` beside it, the last few kept."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from .safefile import atomic_write, ensure_private_dir

__all__ = ["backup_daily", "backup_folder", "backups_of"]


def backup_folder(db_path: Path) -> Path:
    """Where the backups of ``db_path`` live."""
    return db_path.parent / "backups"


def backups_of(db_path: Path) -> list[Path]:
    """The daily backups of ``db_path``, oldest first."""
    folder = backup_folder(db_path)
    if not folder.is_dir():
        return []
    pattern = re.compile(
        rf"^{re.escape(db_path.stem)}-\d{{4}}-\d{{2}}-\d{{2}}{re.escape(db_path.suffix)}$"
    )
    return sorted(p for p in folder.iterdir() if pattern.match(p.name))


def backup_daily(db_path: Path, day: dt.date, keep: int = 14) -> Path | None:
    """Copy ``db_path`` into today's backup unless one exists; keep the newest ``keep``.

    Called with the lock held, before the first write of ``day``, so the copy is of the file as
    the day found it. Returns the new backup, or ``None`` when there was nothing to do.
    """
    if not db_path.exists():
        return None
    folder = backup_folder(db_path)
    target = folder / f"{db_path.stem}-{day.isoformat()}{db_path.suffix}"
    if target.exists():
        return None
    ensure_private_dir(folder)
    atomic_write(target, db_path.read_bytes())
    for old in backups_of(db_path)[:-keep]:
        old.unlink(missing_ok=True)
    return target
