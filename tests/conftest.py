"""Shared fixtures: a fixed moment, private temp databases, none of the developer's setup."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pendulum
import pytest

from tui.engine.settings import Settings
from tui.locations import shipped_data
from tui.store import Store

TZ = "America/New_York"


@pytest.fixture(autouse=True)
def _isolated_environment(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Iterator[None]:
    """Keep the developer's own database, config and time zone out of every test."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / ".local" / "share"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / ".config"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(home / ".cache"))
    monkeypatch.delenv("NOWWHAT_DB", raising=False)
    monkeypatch.setenv("TZ", "UTC")
    yield


@pytest.fixture
def demo_db(tmp_path: Path) -> Path:
    """A private 0600 copy of the demo database (not shifted: it is used at its anchor)."""
    path = tmp_path / "demo.json"
    path.write_bytes(shipped_data("demo.json").read_bytes())
    path.chmod(0o600)
    return path


@pytest.fixture
def now() -> pendulum.DateTime:
    """Monday 2026-11-23 08:30 in New York: the demo's anchor."""
    return pendulum.datetime(2026, 11, 23, 8, 30, tz=TZ)


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    """Where a test's database lives (not created yet)."""
    return tmp_path / "data" / "nowwhat.json"


@pytest.fixture
def store(db_path: Path) -> Store:
    """An empty store in New York time with US holidays."""
    opened = Store(db_path, default_timezone=lambda: TZ)
    opened.save_settings(Settings().with_text("timezone", TZ).with_text("country", "US"))
    return opened
