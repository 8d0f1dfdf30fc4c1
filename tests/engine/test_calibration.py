"""Calibration on constructed histories, with exact figures, at the boundaries: 0, 1, 4, 5 outcomes.

Every figure below is worked out by hand in the comment beside it. A history is a list of
interviews at companies C1, C2, ... each with how it felt, an estimate and an outcome.
"""

from __future__ import annotations

from typing import Any

import pytest
from world import World

from tui.engine.calibration import calibration, calibration_to_json, outcomes, waiting_silences
from tui.engine.settings import DEBRIEF_SIGNALS

NOW = "2026-12-20 09:00"
REFS, TOUR, SOLD = (
    "references asked",
    "met more people than planned / a tour",
    ("they sold the role to you"),
)


def history(
    world: World, rows: list[tuple[str | None, int | None, str | None]], **extra: Any
) -> None:
    """One interview per row, a day apart from 2 Nov: (felt, estimate, outcome or None)."""
    for number, (felt, estimate, outcome) in enumerate(rows, start=1):
        company = f"C{number}"
        day = 2 + number
        world.interview(company, f"2026-11-{day:02d} 10:00", felt=felt, estimate=estimate, **extra)
        if outcome is not None:
            world.touch("heard_back", f"2026-11-{day + 3:02d} 12:00", company, outcome=outcome)


def report(world: World, now: str = NOW) -> Any:
    return calibration(world.records(), world.at(now))


# -- outcomes: what counts as advancing ------------------------------------------------------


def test_each_outcome_is_read_from_the_first_answer_then_the_stage(world: World) -> None:
    world.interview("Next", "2026-11-02 10:00")
    world.touch("heard_back", "2026-11-04 10:00", "Next", outcome="next_round")
    world.interview("Offer", "2026-11-02 11:00")
    world.touch("heard_back", "2026-11-03 10:00", "Offer", note="no decision yet")
    world.touch("heard_back", "2026-11-05 10:00", "Offer", outcome="offer")
    world.interview("No", "2026-11-02 12:00")
    world.touch("heard_back", "2026-11-06 10:00", "No", outcome="rejected")
    first = world.interview("Two rounds", "2026-11-02 13:00")
    world.interview("Two rounds", "2026-11-16 13:00")
    world.opportunity("Marked", stage="rejected")
    world.interview("Marked", "2026-11-02 14:00")
    world.opportunity("Left", stage="withdrawn")
    world.interview("Left", "2026-11-02 15:00")
    world.interview("Waiting", "2026-12-15 10:00")
    world.interview("Future", "2026-12-28 10:00")
    found = {
        o.opportunity.company + (o.interview.id == first.id) * " 1": o
        for o in outcomes(world.records(), world.at(NOW))
    }
    assert {k: (o.advanced, o.because) for k, o in found.items()} == {
        "Next": (True, "next round"),
        "Offer": (True, "offer"),  # the heard-back with no outcome is not the answer
        "No": (False, "rejected"),
        "Two rounds 1": (True, "a later interview"),
        "Two rounds": (None, "no answer yet"),  # the second round: no word, no check-in yet
        "Marked": (False, "stage: rejected"),
        "Left": (None, "withdrawn"),
        "Waiting": (None, "no answer yet"),
    }  # "Future" has not happened: not an interview to judge yet


def test_an_answer_after_the_next_round_belongs_to_the_next_round(world: World) -> None:
    first = world.interview("Acme", "2026-11-02 10:00")
    second = world.interview("Acme", "2026-11-09 10:00")
    world.touch("heard_back", "2026-11-12 10:00", "Acme", outcome="rejected")
    by_id = {o.interview.id: o for o in outcomes(world.records(), world.at(NOW))}
    assert (by_id[first.id].advanced, by_id[first.id].because) == (True, "a later interview")
    assert (by_id[second.id].advanced, by_id[second.id].because) == (False, "rejected")


def test_an_answer_not_yet_received_does_not_count(world: World) -> None:
    world.interview("Acme", "2026-11-02 10:00")
    world.touch("heard_back", "2026-11-12 10:00", "Acme", outcome="offer")
    (before,) = outcomes(world.records(), world.at("2026-11-12 09:59"))
    (after,) = outcomes(world.records(), world.at("2026-11-12 10:00"))
    assert (before.advanced, after.advanced) == (None, True)


def test_gone_quiet_counts_as_not_advancing(world: World) -> None:
    world.interview("Quiet", "2026-11-02 10:00")
    for day in ("2026-11-09", "2026-11-16", "2026-11-23"):  # three unanswered check-ins
        world.touch("check_in", f"{day} 10:00", "Quiet")
    # Gone quiet 5 business days after the third: Mon 30 Nov (Thanksgiving skipped).
    (waiting,) = outcomes(world.records(), world.at("2026-11-27 10:00"))
    (quiet,) = outcomes(world.records(), world.at("2026-12-01 10:00"))
    assert (waiting.advanced, waiting.because) == (None, "no answer yet")
    assert (quiet.advanced, quiet.because) == (False, "gone quiet")


# -- the boundaries: 0, 1, 4, 5 outcomes -----------------------------------------------------


def test_no_outcome_yet_says_so_and_invents_nothing(world: World) -> None:
    history(world, [("great", 80, None), ("good", None, None)])
    result = report(world)
    assert result.decided == 0
    assert [(r.felt, r.interviews, r.advanced, r.open) for r in result.felt] == [
        ("great", 0, 0, 1),
        ("good", 0, 0, 1),
        ("ok", 0, 0, 0),
        ("rough", 0, 0, 0),
    ]
    assert (result.brier, result.brier_n) == (None, 0)
    assert all(b.interviews == 0 and b.mean_estimate is None for b in result.bands)
    assert all(s.verdict is None for s in result.signals)
    assert result.statements == (
        "No outcomes yet: once you hear back (or an opportunity goes quiet), each interview "
        "is compared with how it felt.",
    )


def test_one_outcome_a_rejected_interview_that_felt_great(world: World) -> None:
    history(world, [("great", 90, "rejected")])
    result = report(world)
    assert (result.felt[0].felt, result.felt[0].interviews, result.felt[0].advanced) == (
        "great",
        1,
        0,
    )
    assert result.brier == pytest.approx(0.81) and result.brier_n == 1  # (0.9 - 0)² = 0.81
    band = result.bands[4]
    assert (band.low, band.high, band.interviews, band.mean_estimate, band.advanced) == (
        80,
        100,
        1,
        90.0,
        0,
    )
    assert result.statements[:2] == (
        "Only 1 interview with an outcome: too few to say whether how an interview feels "
        "tells you anything (that takes at least 5). The counts are what happened, nothing more.",
        "The Brier score rests on 1 interview: too few to judge your estimates (at least 5).",
    )


def test_four_outcomes_are_still_too_few(world: World) -> None:
    history(
        world,
        [
            ("great", 80, "next_round"),
            ("great", 60, "rejected"),
            ("ok", 30, "rejected"),
            ("good", 90, "offer"),
        ],
    )
    result = report(world)
    # (0.8-1)² + (0.6-0)² + (0.3-0)² + (0.9-1)² = 0.04 + 0.36 + 0.09 + 0.01 = 0.50; / 4
    assert result.brier == pytest.approx(0.125) and result.brier_n == 4
    assert [(r.felt, r.interviews, r.advanced) for r in result.felt] == [
        ("great", 2, 1),
        ("good", 1, 1),
        ("ok", 1, 0),
        ("rough", 0, 0),
    ]
    assert result.statements[0].startswith("Only 4 interviews with an outcome: too few")
    assert result.statements[1] == (
        "The Brier score rests on 4 interviews: too few to judge your estimates (at least 5)."
    )


def test_five_outcomes_are_enough_to_drop_the_warnings(world: World) -> None:
    history(
        world,
        [
            ("great", 80, "next_round"),
            ("great", 60, "rejected"),
            ("ok", 30, "rejected"),
            ("good", 90, "offer"),
            ("rough", 0, "rejected"),
        ],
    )
    result = report(world)
    assert result.brier == pytest.approx(0.1) and result.brier_n == 5  # 0.50 + 0 = 0.50; / 5
    assert not any(s.startswith("Only") for s in result.statements)
    assert not any("Brier" in s for s in result.statements)


def test_an_interview_with_no_prediction_counts_for_felt_but_not_for_the_brier_score(
    world: World,
) -> None:
    history(world, [("good", None, "rejected"), ("good", 100, "offer"), (None, 40, "rejected")])
    result = report(world)
    assert (result.brier, result.brier_n) == (pytest.approx(0.08), 2)  # (0 + 0.16) / 2
    assert [(r.felt, r.interviews, r.advanced) for r in result.felt] == [
        ("great", 0, 0),
        ("good", 2, 1),
        ("ok", 0, 0),
        ("rough", 0, 0),
        ("not recorded", 1, 0),
    ]


def test_the_reliability_bands_include_both_ends(world: World) -> None:
    history(
        world,
        [
            (None, 0, "rejected"),
            (None, 19, "offer"),
            (None, 20, "rejected"),
            (None, 39, "offer"),
            (None, 79, "offer"),
            (None, 80, "rejected"),
            (None, 100, "offer"),
        ],
    )
    bands = [
        (b.low, b.high, b.interviews, b.mean_estimate, b.advanced) for b in report(world).bands
    ]
    assert bands == [
        (0, 19, 2, 9.5, 1),
        (20, 39, 2, 29.5, 1),
        (40, 59, 0, None, 0),
        (60, 79, 1, 79.0, 1),
        (80, 100, 2, 90.0, 1),
    ]


# -- signals: only where 5 debriefs with it and 5 without back them --------------------------


def signal_history(world: World, with_refs: list[str], without: list[str]) -> None:
    """Finished debriefs: ``with_refs`` outcomes had references asked, ``without`` did not."""
    done = world.at("2026-11-01 12:00")
    rows = [(REFS, o) for o in with_refs] + [(TOUR, o) for o in without]
    for number, (signal, outcome) in enumerate(rows, start=1):
        company = f"S{number}"
        world.interview(
            company, f"2026-11-{number + 1:02d} 10:00", signals=(signal,), debriefed_at=done
        )
        world.touch("heard_back", f"2026-11-{number + 2:02d} 12:00", company, outcome=outcome)


def rows_of(result: Any) -> dict[str, tuple[int, int, int, int, str | None]]:
    return {
        s.signal: (s.with_n, s.with_advanced, s.without_n, s.without_advanced, s.verdict)
        for s in result.signals
    }


def test_a_signal_backed_by_five_each_way_is_judged(world: World) -> None:
    signal_history(world, ["offer"] * 4 + ["rejected"], ["next_round"] + ["rejected"] * 4)
    result = rows_of(report(world))
    assert result[REFS] == (5, 4, 5, 1, "went with advancing")  # 4 of 5 against 1 of 5
    assert result[TOUR] == (5, 1, 5, 4, "went with not advancing")
    assert result[SOLD] == (0, 0, 10, 5, None)
    assert report(world).signal_basis == 10
    assert report(world).statements[-1:] == (
        "The other signals have fewer than 5 debriefs on one side: nothing can be said about "
        "them yet.",
    )


def test_four_on_one_side_is_not_enough(world: World) -> None:
    signal_history(world, ["offer"] * 4, ["rejected"] * 5)  # 4 with, 5 without
    result = report(world)
    assert rows_of(result)[REFS] == (4, 4, 5, 0, None)
    assert rows_of(result)[TOUR] == (5, 0, 4, 4, None)
    assert result.statements[-1:] == (
        "Nothing can be said about the signals yet: a signal is compared only when at least 5 "
        "finished debriefs with an outcome had it and 5 did not (you have 9 finished debriefs "
        "with an outcome).",
    )


def test_equal_rates_made_no_difference(world: World) -> None:
    signal_history(world, ["offer"] * 2 + ["rejected"] * 3, ["offer"] * 2 + ["rejected"] * 3)
    assert rows_of(report(world))[REFS] == (5, 2, 5, 2, "made no difference")


def test_unequal_groups_are_compared_as_exact_fractions(world: World) -> None:
    # 3 of 5 (0.6) with, 4 of 7 (0.571...) without: with is higher, by a little.
    signal_history(world, ["offer"] * 3 + ["rejected"] * 2, ["offer"] * 4 + ["rejected"] * 3)
    assert rows_of(report(world))[REFS] == (5, 3, 7, 4, "went with advancing")


def test_only_finished_debriefs_with_an_outcome_back_a_signal(world: World) -> None:
    signal_history(world, ["offer"] * 5, ["rejected"] * 5)
    world.interview("Unfinished", "2026-11-20 10:00", signals=(REFS,))  # no debriefed_at
    world.touch("heard_back", "2026-11-21 10:00", "Unfinished", outcome="rejected")
    world.interview("Open", "2026-11-22 10:00", signals=(REFS,), debriefed_at=world.at(NOW))
    assert rows_of(report(world))[REFS] == (5, 5, 5, 0, "went with advancing")


def test_a_signal_no_longer_in_the_checklist_still_counts(world: World) -> None:
    world.settings = world.settings.with_text("debrief_signals", "references asked")
    signal_history(world, ["offer"] * 5, ["rejected"] * 5)
    names = [s.signal for s in report(world).signals]
    assert names == [REFS, TOUR]  # the setting's, then the one only history has


def test_the_minimum_is_a_setting(world: World) -> None:
    world.settings = world.settings.with_text("calibration_min", "4")
    signal_history(world, ["offer"] * 4, ["rejected"] * 4)
    assert rows_of(report(world))[REFS] == (4, 4, 4, 0, "went with advancing")


def test_the_default_checklist_is_the_issues_list() -> None:
    assert DEBRIEF_SIGNALS == (
        "next steps or a date named",
        "met more people than planned / a tour",
        "salary, notice period or start date discussed",
        "references asked",
        "they sold the role to you",
        "it ended early",
        "questions you could not answer",
    )


def test_the_json_carries_every_figure(world: World) -> None:
    history(world, [("great", 90, "rejected"), ("good", None, None)])
    data = calibration_to_json(report(world), "America/New_York")
    assert data["with_outcome"] == 1 and data["minimum"] == 5
    assert data["brier"] == {"score": pytest.approx(0.81), "interviews": 1}
    assert data["interviews"][0] == {
        "id": world.interviews[0].id,
        "company": "C1",
        "at": "2026-11-03T10:00:00-05:00",
        "felt": "great",
        "estimate": 90,
        "signals": [],
        "debriefed": False,
        "advanced": False,
        "because": "rejected",
    }
    assert data["interviews"][1]["advanced"] is None
    assert data["reliability"][4] == {
        "low": 80,
        "high": 100,
        "interviews": 1,
        "mean_estimate": 90.0,
        "advanced": 0,
    }
    assert data["felt"][0] == {"felt": "great", "interviews": 1, "advanced": 0, "open": 0}
    assert data["signals"][0]["with"] == {"interviews": 0, "advanced": 0}


def test_each_waiting_silence_is_put_against_the_persons_own_answers() -> None:
    world = World(weekly_applications=0, weekly_networking_calls=0)
    world.interview("Acme", "2026-11-09 10:00")  # waiting, 11 days on Fri 20
    world.interview("Bluefin", "2026-11-02 10:00")
    world.touch("heard_back", "2026-11-06 12:00", company="Bluefin", outcome="next_round")
    world.interview("Cobalt", "2026-11-30 10:00")  # not held yet: nothing to wait for
    quiet = waiting_silences(world.records(), world.at("2026-11-20 08:00"))
    assert [(company, note.silence_days, note.short) for company, note in quiet] == [
        ("Acme", 11, "11 d, usual 4")
    ]
    assert quiet[0][1].sentence == "11 days silent; your one answer so far came after 4 days."
