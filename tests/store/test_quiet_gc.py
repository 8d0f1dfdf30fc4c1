"""Pausing the cycle collector for a parse leaves it as it was found."""

from __future__ import annotations

import gc

from tui.store.quiet_gc import paused_gc


def test_the_collector_is_paused_inside_and_restored_after() -> None:
    assert gc.isenabled()
    with paused_gc():
        assert not gc.isenabled()
    assert gc.isenabled()
    gc.disable()
    try:
        with paused_gc():
            assert not gc.isenabled()
        assert not gc.isenabled()  # it was off: it stays off
    finally:
        gc.enable()
