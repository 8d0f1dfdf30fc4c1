"""The waiting room on its own: a broken promise comes first whatever the silence, and the JSON
that scripts read carries the posting check."""

from __future__ import annotations

import pendulum
from world import World

from tui.engine.waiting import waiting_room, waiting_to_json


def test_a_broken_promise_is_listed_before_a_longer_silence_without_one(world: World) -> None:
    # Acme interviewed on Monday 16 and has said nothing since: silent longer, but no promise.
    world.interview("Acme", "2026-11-16 10:00")
    # Beta promised an answer by Friday 20 and did not give it: broken on Monday 23.
    world.interview("Beta", "2026-11-18 10:00", promised_by="2026-11-20")
    room = waiting_room(world.records(), world.at("2026-11-23 09:00"))
    assert [(r.company, r.state.state) for r in room.rows] == [
        ("Beta", "promise_broken"),
        ("Acme", "waiting"),
    ]
    acme, beta = room.rows[1], room.rows[0]
    assert acme.silence_days is not None and beta.silence_days is not None
    assert acme.silence_days > beta.silence_days


def test_the_json_says_when_the_posting_was_last_checked(world: World) -> None:
    world.opportunity(
        "Acme", posting="gone", posting_checked=pendulum.Date(2026, 11, 20), stage="interviewing"
    )
    world.interview("Acme", "2026-11-16 10:00")
    world.interview("Beta", "2026-11-17 10:00")
    room = waiting_room(world.records(), world.at("2026-11-23 09:00"))
    rows = {r["company"]: r for r in waiting_to_json(room)["opportunities"]}
    assert (rows["Acme"]["posting"], rows["Acme"]["posting_checked"]) == ("gone", "2026-11-20")
    assert (rows["Beta"]["posting"], rows["Beta"]["posting_checked"]) == (None, None)
