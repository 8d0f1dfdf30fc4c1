"""Fixtures for app tests: the demo database at its anchor moment, and the app on it."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pendulum
import pytest

from tui.app import NowwhatApp, build_app
from tui.store import Store

DEMO_NOW = pendulum.datetime(2026, 11, 23, 8, 30, tz="America/New_York")


@pytest.fixture
def make_app(demo_db: Path) -> Callable[..., NowwhatApp]:
    """Build the app on the demo copy (or another database) at the demo's moment."""

    def make(db: Path | None = None, now: pendulum.DateTime = DEMO_NOW) -> NowwhatApp:
        return build_app(Store(db or demo_db), now)

    return make
