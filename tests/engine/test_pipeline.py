"""The pipeline view on its own: every opportunity is listed, furthest stage first with the closed
ones last, each with its interview count and its latest touch so far; and the week's goals."""

from __future__ import annotations

from world import World

from tui.engine.pipeline import pipeline_view

NOW = "2026-11-25 10:00"  # Wednesday


def test_every_opportunity_is_listed_active_first_by_furthest_stage_then_company() -> None:
    world = World()
    for company, stage in [
        ("zed", "applied"),
        ("Beta", "rejected"),
        ("Acme", "applied"),
        ("Lumen", "offer"),
        ("Quill", "lead"),
        ("Harbor", "interviewing"),
        ("Alder", "closed"),
    ]:
        world.opportunity(company, stage=stage)
    view = pipeline_view(world.records(), world.at(NOW))
    assert [r.opportunity.company for r in view.rows] == [
        "Lumen",
        "Harbor",
        "Acme",
        "zed",  # by name without regard to case: after Acme
        "Quill",
        "Alder",  # closed comes after rejected in the stage order
        "Beta",
    ]
    assert view.active == 5


def test_a_row_counts_its_interviews_and_shows_the_latest_touch_so_far() -> None:
    world = World()
    world.interview("Acme", "2026-11-16 10:00")
    world.interview("Acme", "2026-11-23 10:00")
    world.opportunity("Beta", stage="applied")
    world.touch("thank_you", "2026-11-16 15:00", company="Acme")
    latest = world.touch("check_in", "2026-11-24 09:00", company="Acme")
    world.touch("check_in", "2026-11-27 09:00", company="Acme")  # not yet: after now
    rows = {r.opportunity.company: r for r in pipeline_view(world.records(), world.at(NOW)).rows}
    assert (rows["Acme"].interviews, rows["Acme"].last_touch) == (2, latest.at)
    assert (rows["Beta"].interviews, rows["Beta"].last_touch) == (0, None)


def test_the_goals_show_done_pace_and_the_goal_from_the_settings() -> None:
    world = World(weekly_applications=5, weekly_networking_calls=2)
    world.opportunity("Zeta", stage="applied", created_at=world.at("2026-11-24 09:00"))
    view = pipeline_view(world.records(), world.at(NOW))
    applications, calls = view.goals
    assert (applications.noun, applications.done, applications.goal) == ("applications", 1, 5)
    assert (calls.noun, calls.done, calls.goal) == ("networking calls", 0, 2)
    # Thanksgiving (Thu 26) is off: Wednesday ends the third of four working days, so the pace is
    # 5 * 3 / 4 -> 4 applications and 2 * 3 / 4 -> 2 calls, rounded up.
    assert (applications.pace, calls.pace) == (4, 2)
