"""The sandwich: share a day's budget between follow-up and search, then lay out the blocks.

Follow-up may take at most ``follow_up_share`` of the budget; search fills the rest. Blocks go
bread-filling-bread (search, follow-up, search) from the start of work hours, around fixed events
such as interviews, never past the end of work hours. Nothing is dropped: what does not fit is
returned with the reason it did not.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field

from .items import PlanItem

__all__ = ["Allocation", "Block", "allocate", "lay_out", "split_search"]


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
    follow_up: Sequence[PlanItem], search: Sequence[PlanItem], budget: int, share: float
) -> Allocation:
    """Fill the follow-up share in priority order, then the rest with search work.

    Done items always keep their place (the work happened) and count against the budget. Open
    items are taken first-fit in the order given: a large item that does not fit does not stop
    a smaller one behind it.
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
            left_out.append((item, f"the day's {budget} min are full"))
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
    start: int, minutes: int, events: Sequence[tuple[int, int]], day_end: int
) -> int | None:
    moved = True
    while moved:
        moved = False
        for event_start, event_end in events:
            if start < event_end and event_start < start + minutes:
                start = event_end
                moved = True
    return start if start + minutes <= day_end else None


def lay_out(
    sections: Sequence[tuple[str, Sequence[PlanItem]]],
    day_start: int,
    day_end: int,
    events: Sequence[tuple[int, int]],
) -> tuple[list[Block], list[PlanItem]]:
    """Place each section's items one after another; return the blocks and what did not fit.

    A fixed event splits a block in two; an item that would run past ``day_end`` is returned.
    """
    blocks: list[Block] = []
    overflow: list[PlanItem] = []
    cursor = day_start
    for layer, items in sections:
        current: Block | None = None
        for item in items:
            start = _earliest_fit(cursor, item.minutes, events, day_end)
            if start is None:
                overflow.append(item)
                continue
            if current is None or start != current.end:
                current = Block(layer, start, start)
                blocks.append(current)
            current.items.append(item)
            current.end = start + item.minutes
            cursor = current.end
    return blocks, overflow
