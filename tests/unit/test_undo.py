"""The one undo: a change recorded record by record, put back only if nothing changed since."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pendulum
import pytest

from tui import actions
from tui.engine.errors import InvalidField
from tui.engine.models import Opportunity, Records
from tui.store import Store
from tui.undo import changes_between, recorded, undo

NOW = pendulum.datetime(2026, 11, 23, 8, 30, tz="America/New_York")


def _everything(records: Records) -> dict[str, dict[str, object]]:
    """Every record by table and id (an undo may change the order, never the records)."""
    return {
        name: {r.id: r for r in getattr(records, name)}
        for name in ("opportunities", "interviews", "contacts", "touches", "tasks", "marks")
    }


def test_a_delete_is_undone_with_everything_that_went_with_it(demo_db: Path) -> None:
    store = Store(demo_db)
    before = _everything(store.records())
    done = recorded(
        store, "Deleted Bluefin", actions.delete_record, store, "opportunity", "opp_bluefin"
    )
    assert done.result.count(type(store.records().interviews[0])) == 2
    gone = {(type(b).__name__, b.id) for b, a in done.undo.pairs if b is not None and a is None}
    assert ("Opportunity", "opp_bluefin") in gone and ("Interview", "int_bluefin_onsite") in gone
    assert _everything(store.records()) != before
    undo(store, done.undo)
    assert _everything(store.records()) == before
    assert _everything(Store(demo_db).records()) == before  # on disk, not just in memory


def test_an_undo_never_overwrites_a_later_change(demo_db: Path) -> None:
    store = Store(demo_db)
    change = recorded(
        store, "Offer", actions.set_stage, store, NOW, "opp_harbor", "offer", in_hand=True
    ).undo
    # Another session (or a later change here) renames the opportunity meanwhile.
    other = Store(demo_db)
    other.put(dataclasses.replace(other.get(Opportunity, "opp_harbor"), role="Lead BI Developer"))
    with pytest.raises(InvalidField, match="nothing was undone"):
        undo(store, change)
    harbor = Store(demo_db).get(Opportunity, "opp_harbor")
    assert (harbor.stage, harbor.offer_in_hand, harbor.role) == ("offer", True, "Lead BI Developer")


def test_only_what_changed_is_recorded(demo_db: Path) -> None:
    store = Store(demo_db)
    before = store.records()
    actions.set_stage(store, NOW, "opp_lumen", "withdrawn")
    pairs = changes_between(before, store.records())
    assert [(b.id, b.stage, a.stage) for b, a in pairs] == [  # type: ignore[union-attr]
        ("opp_lumen", "interviewing", "withdrawn")
    ]
    assert changes_between(store.records(), store.records()) == ()


def test_undoing_an_undo_redoes_the_change(demo_db: Path) -> None:
    store = Store(demo_db)
    change = recorded(store, "Done", actions.complete_item, store, NOW, "tsk_fernway_apply").undo
    again = undo(store, change)
    assert next(t for t in store.records().tasks if t.id == "tsk_fernway_apply").status == "open"
    undo(store, again)
    assert next(t for t in store.records().tasks if t.id == "tsk_fernway_apply").status == "done"
