"""The Advocates view on its own: last ask, open questions, what they said, whom they can help."""

from __future__ import annotations

from world import World

from tui.engine.advocates import advocates_to_json, advocates_view


def _world() -> World:
    world = World(weekly_applications=0, weekly_networking_calls=0)
    world.interview("Acme", "2026-11-09 10:00", promised_by="2026-11-13")
    world.opportunity("Bluefin", stage="rejected")
    world.interview("Bluefin", "2026-11-09 11:00")
    world.interview("Cobalt", "2026-11-09 12:00")
    world.touch("heard_back", "2026-11-12 12:00", company="Cobalt")
    # Added out of order: the view sorts them.
    world.contact("Sam", "bluefin", tags=("advocate",))
    world.contact("zed", "acme", tags=("advocate",))
    world.contact("Ann", "Cobalt", tags=("advocate",))
    world.contact("Not an advocate", "Acme")
    priya = world.contact("Priya", "Acme", tags=("advocate",), notes="Former teammate")
    world.touch(
        "advocate_ask",
        "2026-11-09 16:00",
        company="Acme",
        contact=priya,
        answers={"internal_change": "Reorg in progress"},
        note="She will ping the manager",
    )
    world.touch(
        "advocate_ask",
        "2026-11-16 16:00",
        company="Acme",
        contact=priya,
        answers={"still_posted": "Yes, still up"},
    )
    world.touch("advocate_ask", "2026-11-30 16:00", company="Acme", contact=priya)  # to come
    return world


def test_advocates_come_by_company_then_name_whatever_the_case() -> None:
    world = _world()
    rows = advocates_view(world.records(), world.at("2026-11-20 08:00"))
    assert [(r.contact.company, r.contact.name) for r in rows] == [
        ("Acme", "Priya"),
        ("acme", "zed"),
        ("bluefin", "Sam"),
        ("Cobalt", "Ann"),
    ]


def test_the_last_ask_is_the_newest_one_that_has_happened() -> None:
    world = _world()
    priya = advocates_view(world.records(), world.at("2026-11-20 08:00"))[0]
    assert priya.last_ask is not None
    assert priya.last_ask.at == world.at("2026-11-16 16:00")
    assert priya.days_since == 4
    zed = advocates_view(world.records(), world.at("2026-11-20 08:00"))[1]
    assert zed.last_ask is None and zed.days_since is None
    assert zed.open_questions == (
        "Has anything changed internally?",
        "Is the job still posted?",
    )


def test_an_ask_logged_this_very_moment_is_the_last_one() -> None:
    world = _world()
    priya = advocates_view(world.records(), world.at("2026-11-16 16:00"))[0]
    assert priya.last_ask is not None and priya.last_ask.at == world.at("2026-11-16 16:00")
    assert priya.days_since == 0
    earlier = advocates_view(world.records(), world.at("2026-11-16 15:59"))[0]
    assert earlier.last_ask is not None and earlier.last_ask.at == world.at("2026-11-09 16:00")


def test_what_an_advocate_said_is_kept_newest_first_after_the_notes() -> None:
    world = _world()
    priya = advocates_view(world.records(), world.at("2026-11-20 08:00"))[0]
    assert priya.intel == (
        "Former teammate",
        "Mon 16 Nov: Is the job still posted? Yes, still up",
        "Mon 9 Nov: Has anything changed internally? Reorg in progress",
        "Mon 9 Nov: She will ping the manager",
    )
    # An answer older than a week no longer closes its question.
    assert priya.open_questions == ("Has anything changed internally?",)


def test_an_advocate_helps_only_with_opportunities_still_waiting() -> None:
    world = _world()
    rows = advocates_view(world.records(), world.at("2026-11-20 08:00"))
    helps = {r.contact.name: [(o.company, state) for o, state in r.helps] for r in rows}
    # Acme broke its promise; Bluefin rejected the person; Cobalt answered.
    assert helps == {
        "Priya": [("Acme", "promise_broken")],
        "zed": [("Acme", "promise_broken")],
        "Sam": [],
        "Ann": [],
    }


def test_the_json_carries_the_same_rows() -> None:
    world = _world()
    data = advocates_to_json(advocates_view(world.records(), world.at("2026-11-20 08:00")))
    first = data["advocates"][0]
    assert first == {
        "name": "Priya",
        "company": "Acme",
        "relation": "",
        "last_check_in": "2026-11-16T16:00:00-05:00[America/New_York]",
        "days_since": 4,
        "open_questions": ["Has anything changed internally?"],
        "intel": [
            "Former teammate",
            "Mon 16 Nov: Is the job still posted? Yes, still up",
            "Mon 9 Nov: Has anything changed internally? Reorg in progress",
            "Mon 9 Nov: She will ping the manager",
        ],
        "helps": [{"company": "Acme", "state": "promise_broken"}],
    }
    assert data["advocates"][1]["last_check_in"] is None
