"""Fixtures for engine tests."""

from __future__ import annotations

import pytest
from world import World


@pytest.fixture
def world() -> World:
    """An empty world in New York with US holidays, default settings, no weekly goals."""
    return World(weekly_applications=0, weekly_networking_calls=0)
