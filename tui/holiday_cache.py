"""Public holidays kept in a small cache file, so start-up does not import the holidays package.

Importing ``holidays`` and computing one country-year takes about 0.1 s; the dates never change
for a given package version, so they are computed once and read back in well under a
millisecond. The cache holds no personal data.
"""

from __future__ import annotations

import importlib.util
import json
import os
from pathlib import Path

from pendulum import Date

from .engine.calendar import holidays_from_package, set_holiday_source
from .store.safefile import atomic_write, ensure_private_dir

__all__ = ["install_holiday_cache"]


def _folder() -> Path:
    base = os.environ.get("XDG_CACHE_HOME")
    if base:
        return Path(base) / "nowwhat"
    from platformdirs import user_cache_path

    return user_cache_path("nowwhat", appauthor=False)


def install_holiday_cache(folder: Path | None = None) -> None:
    """Make the engine read holidays through the cache in ``folder`` (default: the user's)."""
    # The package's own file stamps the cache (importlib.metadata would cost more than it saves).
    spec = importlib.util.find_spec("holidays")
    try:
        stat = Path(spec.origin).stat() if spec and spec.origin else None
    except OSError:
        stat = None
    version = f"{stat.st_size}-{stat.st_mtime_ns}" if stat else "unknown"
    where = folder or _folder()

    def source(country: str, year: int) -> dict[Date, str]:
        path = where / f"holidays-{version}-{country}-{year}.json"
        try:
            stored = json.loads(path.read_text(encoding="utf-8"))
            return {Date.fromisoformat(day): name for day, name in stored.items()}
        except (OSError, ValueError):
            pass
        found = holidays_from_package(country, year)
        try:
            ensure_private_dir(where)
            atomic_write(path, json.dumps({d.isoformat(): n for d, n in found.items()}).encode())
        except OSError:
            pass  # a read-only home: no cache, still correct
        return found

    set_holiday_source(source)
