"""The sandwich: share a day's budget between follow-up and search, then lay out the blocks.

Follow-up may take at most ``follow_up_share`` of the budget; search fills the rest. Blocks go
bread-filling-bread (search, follow-up, search) from the start of work hours, around fixed events
such as interviews, never past the end of work hours. Nothing is dropped: what does not fit is
returned with the reason it did not.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from .items import PlanItem

__all__ = [
    "Allocation",
    "Block",
    "Placed",
    "allocate",
    "blocks_of",
    "free_minutes",
    "lay_out",
    "place",
    "split_search",
]


@dataclass(slots=True)
class Block:
    """A stretch of the day given to one layer; times are minutes since midnight."""

    layer: str
    start: int
    end: int
    items: list[PlanItem] = field(default_factory=list)


@dataclass(slots=True)
class Allocation:
    """What made it into the day's budget, and what did not and why."""

    budget: int
    cap: int
    follow_up: list[PlanItem]
    search: list[PlanItem]
    left_out: list[tuple[PlanItem, str]]

    @property
    def follow_up_minutes(self) -> int:
        return sum(i.minutes for i in self.follow_up)

    @property
    def search_minutes(self) -> int:
        return sum(i.minutes for i in self.search)


def allocate(
    follow_up: Sequence[PlanItem],
    search: Sequence[PlanItem],
    budget: int,
    share: float,
    *,
    full: str | None = None,
) -> Allocation:
    """Fill the follow-up share in priority order, then the rest with search work.

    Done items always keep their place (the work happened) and count against the budget. Open
    items are taken first-fit in the order given: a large item that does not fit does not stop
    a smaller one behind it. ``full`` says why the day is full when it is not the budget (the
    working day is nearly over).
    """
    cap = math.floor(share * budget)
    left_out: list[tuple[PlanItem, str]] = []
    chosen_follow = [i for i in follow_up if i.done]
    room = cap - sum(i.minutes for i in chosen_follow)
    for item in follow_up:
        if item.done:
            continue
        if item.minutes <= room:
            chosen_follow.append(item)
            room -= item.minutes
        else:
            left_out.append((item, f"the follow-up share ({cap} min) is full"))
    follow_order = {item.id: n for n, item in enumerate(follow_up)}
    chosen_follow.sort(key=lambda i: follow_order[i.id])
    used = sum(i.minutes for i in chosen_follow)
    chosen_search = [i for i in search if i.done]
    room = budget - used - sum(i.minutes for i in chosen_search)
    for item in search:
        if item.done:
            continue
        if item.minutes <= room:
            chosen_search.append(item)
            room -= item.minutes
        else:
            left_out.append((item, full or f"the day's {budget} min are full"))
    search_order = {item.id: n for n, item in enumerate(search)}
    chosen_search.sort(key=lambda i: search_order[i.id])
    return Allocation(budget, cap, chosen_follow, chosen_search, left_out)


def split_search(items: Sequence[PlanItem]) -> tuple[list[PlanItem], list[PlanItem]]:
    """Cut search work into the two slices of bread: glow calls and about half first."""
    half = sum(i.minutes for i in items) / 2
    first: list[PlanItem] = []
    second: list[PlanItem] = []
    taken = 0
    for item in items:
        if item.glow or (taken < half and not second):
            first.append(item)
            taken += item.minutes
        else:
            second.append(item)
    return first, second


def _earliest_fit(
    start: int, minutes: int, busy: Sequence[tuple[int, int]], limit: int
) -> int | None:
    moved = True
    while moved:
        moved = False
        for busy_start, busy_end in busy:
            if start < busy_end and busy_start < start + minutes:
                start = busy_end
                moved = True
    return start if start + minutes <= limit else None


@dataclass(frozen=True, slots=True)
class Placed:
    """One item at its start (minutes since midnight), in one layer."""

    layer: str
    start: int
    item: PlanItem

    @property
    def end(self) -> int:
        return self.start + self.item.minutes


def place(
    sections: Sequence[tuple[str, Sequence[PlanItem]]],
    day_start: int,
    day_end: int,
    busy: Sequence[tuple[int, int]],
    deadlines: Mapping[str, int] | None = None,
) -> tuple[list[Placed], list[tuple[PlanItem, bool]]]:
    """Place each section's items one after another from ``day_start``, around ``busy`` spans.

    An item with a deadline (prep before an interview) must end by it. Returns what was placed
    and what did not fit, each with whether it was its deadline (not the day) that it missed.
    """
    cursor = day_start
    placed: list[Placed] = []
    overflow: list[tuple[PlanItem, bool]] = []
    for layer, items in sections:
        for item in items:
            deadline = deadlines.get(item.id) if deadlines else None
            limit = day_end if deadline is None else min(day_end, deadline)
            start = _earliest_fit(cursor, item.minutes, busy, limit)
            if start is None:
                missed_deadline = deadline is not None and (
                    _earliest_fit(cursor, item.minutes, busy, day_end) is not None
                )
                overflow.append((item, missed_deadline))
                continue
            placed.append(Placed(layer, start, item))
            cursor = start + item.minutes
    return placed, overflow


def blocks_of(placed: Sequence[Placed]) -> list[Block]:
    """Consecutive items of one layer with no gap between them make a block."""
    blocks: list[Block] = []
    for entry in sorted(placed, key=lambda p: p.start):
        current = blocks[-1] if blocks else None
        if current is None or current.layer != entry.layer or current.end != entry.start:
            current = Block(entry.layer, entry.start, entry.start)
            blocks.append(current)
        current.items.append(entry.item)
        current.end = entry.end
    return blocks


def free_minutes(start: int, end: int, busy: Sequence[tuple[int, int]]) -> int:
    """Minutes in ``[start, end)`` not covered by any busy span."""
    covered = 0
    cursor = start
    for busy_start, busy_end in sorted(busy):
        low, high = max(busy_start, cursor), min(busy_end, end)
        if high > low:
            covered += high - low
            cursor = high
    return max(0, end - start - covered)


def lay_out(
    sections: Sequence[tuple[str, Sequence[PlanItem]]],
    day_start: int,
    day_end: int,
    events: Sequence[tuple[int, int]],
) -> tuple[list[Block], list[PlanItem]]:
    """Place each section's items one after another; return the blocks and what did not fit.

    A fixed event splits a block in two; an item that would run past ``day_end`` is returned.
    """
    placed, overflow = place(sections, day_start, day_end, events)
    return blocks_of(placed), [item for item, _ in overflow]
