"""The silence in proportion, and when Today offers the debrief: exact words and boundaries."""

from __future__ import annotations

import pendulum
import pytest
from pendulum import Date
from world import World

from tui.engine.debrief import checklist, debrief_prompts, parse_estimate
from tui.engine.silence import AnswerHistory, answer_history_of, silence_note
from tui.engine.waiting import waiting_room

# -- the silence -----------------------------------------------------------------------------


def four_answers(world: World) -> None:
    """Answers after 5, 7, 8 and 10 days; three of the four after the promised day."""
    for company, held, promised, answered in (
        ("A", "2026-11-02", "2026-11-05", "2026-11-07"),  # 5 days, after the promise
        ("B", "2026-11-03", "2026-11-10", "2026-11-10"),  # 7 days, on the promised day
        ("C", "2026-11-04", "2026-11-06", "2026-11-12"),  # 8 days, after
        ("D", "2026-11-05", "2026-11-13", "2026-11-15"),  # 10 days, after
    ):
        world.interview(company, f"{held} 10:00", promised_by=promised)
        world.touch("heard_back", f"{answered} 16:00", company, outcome="rejected")


def test_the_issues_sentence_with_exact_figures(world: World) -> None:
    four_answers(world)
    history = answer_history_of(world.records(), world.at("2026-12-01 09:00"))
    assert history == AnswerHistory(count=4, median_days=7.5, promised=4, after_promise=3)
    note = silence_note(6, history)
    assert note.sentence == (
        "6 days silent; your answers have come after a median of 7.5 days (4 answers); "
        "3 of 4 came after the promised day."
    )
    assert (note.short, note.published) == ("6 d, usual 7.5", False)


def test_the_waiting_room_median_is_the_same_answer(world: World) -> None:
    four_answers(world)
    world.interview("E", "2026-11-25 10:00")
    now = world.at("2026-12-01 09:00")
    room = waiting_room(world.records(), now)
    history = answer_history_of(world.records(), now)
    assert (room.median_answer_days, room.answers_seen) == (history.median_days, history.count)


def test_before_any_answer_the_published_figure_is_named(world: World) -> None:
    world.interview("A", "2026-11-02 10:00")
    history = answer_history_of(world.records(), world.at("2026-11-09 09:00"))
    assert history == AnswerHistory(count=0, median_days=None, promised=0, after_promise=0)
    note = silence_note(7, history)
    assert note.sentence == (
        "7 days silent; no answers of your own logged yet to compare with. Talent Board 2024: "
        "48% of candidates say the recruiter followed up as promised (a survey of candidates)."
    )
    assert (note.short, note.published) == ("7 d", True)


def test_one_answer_without_a_promise(world: World) -> None:
    world.interview("A", "2026-11-02 10:00")
    world.touch("heard_back", "2026-11-07 09:00", "A")  # no outcome: still an answer
    history = answer_history_of(world.records(), world.at("2026-11-09 09:00"))
    assert history == AnswerHistory(count=1, median_days=5.0, promised=0, after_promise=0)
    assert silence_note(1, history).sentence == (
        "1 day silent; your one answer so far came after 5 days."
    )


def test_an_answer_is_counted_only_once_it_has_come(world: World) -> None:
    world.interview("A", "2026-11-02 10:00", promised_by="2026-11-05")
    world.touch("heard_back", "2026-11-06 09:00", "A")
    before = answer_history_of(world.records(), world.at("2026-11-06 08:59"))
    after = answer_history_of(world.records(), world.at("2026-11-06 09:00"))
    assert (before.count, after.count, after.after_promise) == (0, 1, 1)


def test_the_day_after_the_promise_is_late_the_day_itself_is_not(world: World) -> None:
    world.interview("On", "2026-11-02 10:00", promised_by="2026-11-05")
    world.touch("heard_back", "2026-11-05 23:00", "On")
    world.interview("Late", "2026-11-02 11:00", promised_by="2026-11-05")
    world.touch("heard_back", "2026-11-06 00:30", "Late")
    history = answer_history_of(world.records(), world.at("2026-11-09 09:00"))
    assert (history.promised, history.after_promise) == (2, 1)


# -- the debrief prompt ----------------------------------------------------------------------


def test_the_debrief_is_offered_from_the_end_of_the_interview(world: World) -> None:
    world.interview("Acme", "2026-11-20 10:00", minutes=45, kind="video")
    assert debrief_prompts(world.records(), world.at("2026-11-20 10:44")) == ()
    (prompt,) = debrief_prompts(world.records(), world.at("2026-11-20 10:45"))
    assert prompt.company == "Acme" and not prompt.started
    assert prompt.text == ("Debrief your Acme interview (Fri 20 Nov, ended 1 min ago): one minute.")


def test_the_offer_lasts_debrief_days_after_the_end(world: World) -> None:
    world.interview("Acme", "2026-11-20 10:00", minutes=60)
    assert len(debrief_prompts(world.records(), world.at("2026-11-23 10:59"))) == 1
    assert debrief_prompts(world.records(), world.at("2026-11-23 11:00")) == ()
    world.settings = world.settings.with_text("debrief_days", "4")
    assert len(debrief_prompts(world.records(), world.at("2026-11-23 11:00"))) == 1


def test_a_rough_interview_gets_the_debrief_but_a_finished_one_does_not(world: World) -> None:
    world.interview("Rough", "2026-11-20 10:00", felt="rough")
    world.interview(
        "Done", "2026-11-20 13:00", felt="great", debriefed_at=world.at("2026-11-20 15:00")
    )
    prompts = debrief_prompts(world.records(), world.at("2026-11-20 16:00"))
    assert [p.company for p in prompts] == ["Rough"]


def test_a_started_debrief_is_offered_to_finish_most_recent_first(world: World) -> None:
    world.interview("Early", "2026-11-19 10:00", estimate=40)
    world.interview("Late", "2026-11-20 09:00")
    prompts = debrief_prompts(world.records(), world.at("2026-11-20 13:30"))
    assert [(p.company, p.started) for p in prompts] == [("Late", False), ("Early", True)]
    assert prompts[0].text.startswith("Debrief your Late interview (Fri 20 Nov, ended 3 h ago)")
    assert prompts[1].text.startswith("Finish the debrief of your Early interview (Thu 19 Nov")
    assert "ended yesterday" in prompts[1].text


def test_the_checklist_keeps_what_an_old_debrief_ticked(world: World) -> None:
    settings = world.settings.with_text("debrief_signals", "references asked; a tour")
    old = world.interview("Acme", "2026-11-02 10:00", signals=("A TOUR", "free lunch"))
    assert checklist(settings) == ("references asked", "a tour")
    assert checklist(settings, old) == ("references asked", "a tour", "free lunch")


@pytest.mark.parametrize(
    ("typed", "value"), [("70", 70), (" 70% ", 70), ("0", 0), ("100", 100), ("", None)]
)
def test_an_estimate_is_a_percentage(typed: str, value: int | None) -> None:
    assert parse_estimate(typed) == value


@pytest.mark.parametrize("typed", ["101", "-5", "seventy", "7.5"])
def test_an_estimate_outside_0_to_100_is_refused(typed: str) -> None:
    with pytest.raises(ValueError, match=r"percentage|more than 100"):
        parse_estimate(typed)


def test_dates_in_the_silence_are_local_days(world: World) -> None:
    # 23:30 in New York is the next day in UTC: the answer still came on the 5th, locally.
    world.interview("A", "2026-11-02 10:00", promised_by="2026-11-05")
    world.touch("heard_back", "2026-11-05 23:30", "A")
    history = answer_history_of(world.records(), world.at("2026-11-09 09:00"))
    assert (history.median_days, history.after_promise) == (3.0, 0)
    assert Date(2026, 11, 5) == world.interviews[0].promised_by


# -- the checklist is a setting --------------------------------------------------------------


def test_the_checklist_is_typed_separated_by_semicolons_and_stored_as_a_list() -> None:
    from tui.engine.errors import InvalidField
    from tui.engine.settings import DEBRIEF_SIGNALS, Settings

    mine = Settings().with_text("debrief_signals", " references asked ;a tour, or two; ")
    assert mine["debrief_signals"] == ("references asked", "a tour, or two")
    assert mine.changed() == {"debrief_signals": ("references asked", "a tour, or two")}
    # Read back from JSON (a list), the default is the default: nothing needs storing.
    assert Settings.from_mapping({"debrief_signals": list(DEBRIEF_SIGNALS)}).changed() == {}
    twenty = tuple(f"signal {n}" for n in range(20))
    assert Settings().with_text("debrief_signals", ";".join(twenty))["debrief_signals"] == twenty
    for bad, why in (
        ("a; A", "names a label twice"),
        ("x" * 101, "is not a label of 1 to 100 characters"),
        (";".join(str(n) for n in range(21)), "has 21 labels; at most 20"),
    ):
        with pytest.raises(InvalidField, match=why):
            Settings().with_text("debrief_signals", bad)


def test_how_long_ago_an_interview_ended_reads_at_each_step() -> None:
    from tui.engine.debrief import _ago

    now = pendulum.datetime(2026, 11, 24, 12, 0, tz="America/New_York")
    ago = {
        label: _ago(now.subtract(**span), now)  # type: ignore[arg-type]
        for label, span in {
            "30 s": {"seconds": 30},
            "59 min": {"minutes": 59},
            "60 min": {"minutes": 60},
            "23 h 59": {"hours": 23, "minutes": 59},
            "24 h": {"hours": 24},
            "47 h": {"hours": 47},
            "48 h": {"hours": 48},
        }.items()
    }
    assert ago == {
        "30 s": "1 min ago",
        "59 min": "59 min ago",
        "60 min": "1 h ago",
        "23 h 59": "23 h ago",
        "24 h": "yesterday",
        "47 h": "yesterday",
        "48 h": "2 days ago",
    }
