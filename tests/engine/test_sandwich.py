"""The sandwich on its own: the budget split, placing around fixed events, what did not fit.

Properties over random items, checked against a plain minute-by-minute reading of each rule.
"""

from __future__ import annotations

import itertools
import os

from hypothesis import given, settings
from hypothesis import strategies as st

from tui.engine.items import PlanItem
from tui.engine.sandwich import allocate, blocks_of, free_minutes, lay_out, place, split_search

EXAMPLES = int(os.environ.get("NOWWHAT_HYPOTHESIS_EXAMPLES", "200"))
FAST = settings(max_examples=EXAMPLES, deadline=None)
_ids = itertools.count()


@st.composite
def plan_items(draw: st.DrawFn, kind: str = "other") -> PlanItem:
    return PlanItem(
        id=f"{kind}-{next(_ids)}",
        kind=kind,
        title="x",
        minutes=draw(st.integers(5, 120)),
        due=None,
        reason="",
        done=draw(st.booleans()),
        glow=draw(st.booleans()),
    )


follow = st.lists(plan_items("check_in"), max_size=8)
search = st.lists(plan_items("application"), max_size=8)


def minutes(items: list[PlanItem]) -> int:
    return sum(i.minutes for i in items)


@FAST
@given(follow, search, st.integers(0, 480), st.sampled_from([0.0, 0.25, 0.4, 0.5]))
def test_allocation_keeps_to_the_budget_and_the_share_and_drops_nothing(
    follow_up: list[PlanItem], search_: list[PlanItem], budget: int, share: float
) -> None:
    result = allocate(follow_up, search_, budget, share)
    cap = int(share * budget)
    assert result.cap == cap and result.budget == budget
    done_follow = [i for i in follow_up if i.done]
    done_search = [i for i in search_ if i.done]
    open_follow = [i for i in result.follow_up if not i.done]
    open_search = [i for i in result.search if not i.done]
    # Done work keeps its place; open work never takes more than what is left of the share,
    # or of the day.
    assert set(map(id, done_follow)) <= set(map(id, result.follow_up))
    assert set(map(id, done_search)) <= set(map(id, result.search))
    assert minutes(open_follow) <= max(0, cap - minutes(done_follow))
    room = max(0, budget - minutes(result.follow_up) - minutes(done_search))
    assert minutes(open_search) <= room
    # Nothing silently dropped: each item is chosen or left out with a reason, once.
    chosen = [*result.follow_up, *result.search, *(i for i, _ in result.left_out)]
    assert sorted(map(id, chosen)) == sorted(map(id, [*follow_up, *search_]))
    # First fit: an item was left out only because it was bigger than what stayed free.
    for item, reason in result.left_out:
        if item.kind == "check_in":
            assert item.minutes > cap - minutes(result.follow_up)
            assert reason == f"the follow-up share ({cap} min) is full"
        else:
            assert item.minutes > budget - minutes(result.follow_up) - minutes(result.search)
            assert reason == f"the day's {budget} min are full"
    # The order given is the order kept.
    assert [i.id for i in result.follow_up] == [i.id for i in follow_up if i in result.follow_up]
    assert [i.id for i in result.search] == [i.id for i in search_ if i in result.search]


def test_a_full_day_says_why_in_its_own_words() -> None:
    item = PlanItem(id="a", kind="application", title="x", minutes=60, due=None, reason="")
    result = allocate([], [item], 30, 0.5, full="work hours end in 30 min")
    assert result.left_out == [(item, "work hours end in 30 min")]
    assert result.search_minutes == 0 and result.follow_up_minutes == 0
    fits = allocate([], [item], 60, 0.5)
    assert fits.search == [item] and fits.search_minutes == 60 and fits.left_out == []


def test_items_that_exactly_fill_the_share_and_the_day_fit() -> None:
    def item(name: str, kind: str, minutes: int) -> PlanItem:
        return PlanItem(id=name, kind=kind, title=name, minutes=minutes, due=None, reason="")

    follow_up = [item("f", "check_in", 72), item("g", "check_in", 1)]
    search_ = [item("s", "application", 168), item("t", "application", 1)]
    result = allocate(follow_up, search_, 240, 0.3)
    assert [i.id for i in result.follow_up] == ["f"] and [i.id for i in result.search] == ["s"]
    assert [(i.id, why) for i, why in result.left_out] == [
        ("g", "the follow-up share (72 min) is full"),
        ("t", "the day's 240 min are full"),
    ]


def _free(minute: int, busy: list[tuple[int, int]]) -> bool:
    return not any(start <= minute < end for start, end in busy)


def _fits(start: int, length: int, busy: list[tuple[int, int]]) -> bool:
    return all(_free(m, busy) for m in range(start, start + length))


def _reference(
    sections: list[tuple[str, list[PlanItem]]],
    day_start: int,
    day_end: int,
    busy: list[tuple[int, int]],
    deadlines: dict[str, int],
) -> tuple[list[tuple[str, int, str]], list[tuple[str, bool]]]:
    """Each item at the first free minute after the one before that leaves it room (brute force)."""

    def first(cursor: int, length: int, limit: int) -> int | None:
        return next((s for s in range(cursor, limit - length + 1) if _fits(s, length, busy)), None)

    cursor, placed, missed = day_start, [], []
    for layer, items in sections:
        for item in items:
            deadline = deadlines.get(item.id)
            limit = day_end if deadline is None else min(day_end, deadline)
            start = first(cursor, item.minutes, limit)
            if start is None:
                late = deadline is not None and first(cursor, item.minutes, day_end) is not None
                missed.append((item.id, late))
                continue
            placed.append((layer, start, item.id))
            cursor = start + item.minutes
    return placed, missed


@st.composite
def days(draw: st.DrawFn) -> tuple[int, int, list[tuple[int, int]]]:
    day_start = draw(st.integers(0, 60))
    day_end = day_start + draw(st.integers(0, 300))
    busy = []
    for _ in range(draw(st.integers(0, 3))):
        start = draw(st.integers(0, 400))
        busy.append((start, start + draw(st.integers(1, 90))))
    return day_start, day_end, busy


@FAST
@given(st.lists(plan_items("application"), max_size=6), st.lists(plan_items(), max_size=4), days())
def test_placing_matches_the_first_free_minute_and_never_leaves_work_hours(
    first: list[PlanItem], second: list[PlanItem], day: tuple[int, int, list[tuple[int, int]]]
) -> None:
    day_start, day_end, busy = day
    sections = [("search", first), ("follow_up", second)]
    deadlines = {i.id: day_start + 90 for i in second[:2]}
    placed, overflow = place(sections, day_start, day_end, busy, deadlines)
    expected_placed, expected_missed = _reference(sections, day_start, day_end, busy, deadlines)
    assert [(p.layer, p.start, p.item.id) for p in placed] == expected_placed
    assert [(i.id, late) for i, late in overflow] == expected_missed
    for p in placed:
        assert day_start <= p.start and p.end <= day_end
        assert p.end <= deadlines.get(p.item.id, day_end)
        assert _fits(p.start, p.item.minutes, busy)
    # lay_out: the same items in blocks, what did not fit returned: nothing is lost.
    blocks, left = lay_out(sections, day_start, day_end, busy)
    laid = [item.id for block in blocks for item in block.items]
    assert sorted([*laid, *(i.id for i in left)]) == sorted(i.id for i in [*first, *second])
    for block in blocks:
        assert day_start <= block.start < block.end <= day_end
        assert block.end - block.start == minutes(block.items)
        assert _fits(block.start, block.end - block.start, busy)
    assert all(a.end <= b.start for a, b in itertools.pairwise(blocks))


def test_what_runs_past_the_end_of_work_hours_is_returned_not_laid_out() -> None:
    items = [
        PlanItem(id=name, kind="application", title=name, minutes=60, due=None, reason="")
        for name in ("a", "b", "c")
    ]
    blocks, left = lay_out([("search", items)], 540, 690, [(600, 630)])
    # 9:00-10:00 a; 10:00-10:30 busy; 10:30-11:30 b; c would end at 12:30, past 11:30.
    assert [(b.start, b.end, [i.id for i in b.items]) for b in blocks] == [
        (540, 600, ["a"]),
        (630, 690, ["b"]),
    ]
    assert [i.id for i in left] == ["c"]
    # An item that exactly fills what is left of the day fits.
    blocks, left = lay_out([("search", items[:1])], 540, 600, [])
    assert [(b.start, b.end) for b in blocks] == [(540, 600)] and left == []


def test_an_item_is_moved_past_every_busy_span_in_any_order() -> None:
    item = PlanItem(id="a", kind="application", title="a", minutes=30, due=None, reason="")
    # Listed latest first: after moving past 9:00-10:00 it must still clear 10:00-10:30.
    placed, overflow = place([("search", [item])], 540, 1020, [(600, 630), (540, 600)])
    assert [(p.start, p.end) for p in placed] == [(630, 660)] and overflow == []


def test_a_deadline_missed_is_told_apart_from_a_full_day() -> None:
    prep = PlanItem(id="prep", kind="prep", title="prep", minutes=60, due=None, reason="")
    placed, overflow = place([("follow_up", [prep])], 540, 1020, [(560, 600)], {"prep": 600})
    assert placed == [] and overflow == [(prep, True)]
    placed, overflow = place([("follow_up", [prep])], 540, 580, [], {"prep": 600})
    assert placed == [] and overflow == [(prep, False)]
    placed, overflow = place([("follow_up", [prep])], 540, 1020, [], {"prep": 600})
    assert [(p.start, p.end) for p in placed] == [(540, 600)] and overflow == []


@FAST
@given(days(), st.integers(0, 400), st.integers(0, 400))
def test_free_minutes_counts_every_minute_no_span_covers(
    day: tuple[int, int, list[tuple[int, int]]], start: int, length: int
) -> None:
    _, _, busy = day
    end = start + length
    assert free_minutes(start, end, busy) == sum(_free(m, busy) for m in range(start, end))


@FAST
@given(st.lists(plan_items("application"), max_size=8))
def test_search_is_cut_in_two_with_every_glow_call_first(items: list[PlanItem]) -> None:
    first, second = split_search(items)
    assert sorted(i.id for i in first + second) == sorted(i.id for i in items)
    assert [i.id for i in items if i in first] == [i.id for i in first]
    assert [i.id for i in items if i in second] == [i.id for i in second]
    assert all(not i.glow for i in second)
    half = minutes(items) / 2
    cut = items.index(second[0]) if second else len(items)
    # Everything before the cut is first; after it only glow calls join the first slice.
    assert all(i in first for i in items[:cut])
    assert all(i.glow for i in items[cut:] if i in first)
    # A plain item went first only while the first slice held less than half ...
    for index, item in enumerate(items[:cut]):
        assert item.glow or minutes(items[:index]) < half
    # ... and the cut came once it held half or more.
    if second:
        assert minutes(items[:cut]) >= half


def test_search_halves_on_a_plain_list() -> None:
    def item(name: str, length: int, glow: bool = False) -> PlanItem:
        return PlanItem(
            id=name, kind="application", title=name, minutes=length, due=None, reason="", glow=glow
        )

    a, b, c, e = item("a", 30), item("b", 30), item("c", 30), item("e", 30)
    first, second = split_search([a, b, c, e])
    assert [i.id for i in first] == ["a", "b"] and [i.id for i in second] == ["c", "e"]
    g = item("g", 10, glow=True)
    first, second = split_search([a, b, c, g])
    assert [i.id for i in first] == ["a", "b", "g"] and [i.id for i in second] == ["c"]
    assert split_search([]) == ([], [])


def test_items_back_to_back_in_one_layer_make_one_block() -> None:
    items = [
        PlanItem(id=n, kind="application", title=n, minutes=30, due=None, reason="")
        for n in ("a", "b", "c", "e")
    ]
    follow = PlanItem(id="f", kind="check_in", title="f", minutes=15, due=None, reason="")
    placed, _ = place(
        [("search", items[:2]), ("follow_up", [follow]), ("search", items[2:])],
        540,
        1020,
        [(645, 660)],
    )
    blocks = blocks_of(list(reversed(placed)))
    assert [(b.layer, b.start, b.end, [i.id for i in b.items]) for b in blocks] == [
        ("search", 540, 600, ["a", "b"]),
        ("follow_up", 600, 615, ["f"]),
        ("search", 615, 645, ["c"]),
        ("search", 660, 690, ["e"]),
    ]
