"""The network on its own: who hears about an interview, and the order of the Network view."""

from __future__ import annotations

from world import World, everything

from tui.engine.network import network_view


def test_core_contacts_hear_how_the_interview_went_and_the_view_puts_them_first() -> None:
    world = World(weekly_applications=0, weekly_networking_calls=0)
    world.interview("Acme", "2026-11-20 10:00")
    dana = world.contact("Dana", tags=("core",))
    sam = world.contact("sam", tags=("core",))
    ann = world.contact("Ann", tags=("core",))
    world.contact("Not core")
    world.contact("Zoe", tags=("core",))  # never in touch
    world.touch("network_update", "2026-11-20 18:00", contact=dana)  # told already
    world.touch("call", "2026-11-02 12:00", contact=sam, direction="out")
    world.touch("call", "2026-11-19 12:00", contact=ann, direction="out")
    updates = {
        i.contact: i.title for i in everything(world.plan("2026-11-23 08:00"), "network_update")
    }
    assert updates == {
        "sam": "Tell sam how Acme went",
        "Ann": "Tell Ann how Acme went",
        "Zoe": "Tell Zoe how Acme went",
    }
    rows = network_view(world.records(), world.at("2026-11-23 08:00"))
    # Due an update first (the longest silent first), then the rest.
    assert [(r.contact.name, r.days_since, r.update_due is not None) for r in rows] == [
        ("Zoe", None, True),
        ("sam", 21, True),
        ("Ann", 4, True),
        ("Dana", 3, False),
    ]
