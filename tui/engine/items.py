"""Planned items: one thing to do on a day, why, for how long, and the stable id it is known by.

Ids are stable across runs so ``nowwhat done ID`` and the screens can refer to an item that the
engine derived rather than stored: ``ty-<interview>`` (thank-you), ``ci2-<interview>`` (second
check-in), ``aa-<opportunity>`` (advocate ask), ``fa-<opportunity>`` (find an advocate),
``co-<opportunity>`` (a gracious close-out once an offer is in hand), ``nu-<contact>`` (network
update), ``goal-apply-<day>-<n>`` and ``goal-call-<day>-<n>`` (weekly goals), ``glow-call-<day>``
(the call the glow suggests); the person's own tasks keep their id.
"""

from __future__ import annotations

from dataclasses import dataclass

from pendulum import Date

__all__ = [
    "FOLLOW_UP_KINDS",
    "ITEM_KINDS",
    "KIND_LABEL",
    "SEARCH_KINDS",
    "TOUCH_LABEL",
    "PlanItem",
    "item_layer",
]

FOLLOW_UP_KINDS = ("thank_you", "check_in", "advocate_ask", "find_advocate", "close_out")
SEARCH_KINDS = (
    "network_update",
    "apply",
    "cold_call",
    "networking_call",
    "research",
    "prep",
    "other",
)
ITEM_KINDS = FOLLOW_UP_KINDS + SEARCH_KINDS
CALL_KINDS = frozenset({"cold_call", "networking_call"})


TOUCH_LABEL = {  # how each kind of logged touch reads in a timeline (every TOUCH_KINDS entry)
    "thank_you": "thank-you",
    "check_in": "check-in",
    "advocate_ask": "asked advocate",
    "network_update": "network update",
    "heard_back": "heard back",
    "call": "call",
    "close_out": "closing note",
    "acknowledgement": "receipt",
}

KIND_LABEL = {  # how each kind reads in a list
    "thank_you": "thank-you",
    "check_in": "check-in",
    "advocate_ask": "ask advocate",
    "find_advocate": "find advocate",
    "close_out": "close out",
    "network_update": "network",
    "apply": "apply",
    "cold_call": "cold call",
    "networking_call": "call",
    "research": "research",
    "prep": "prep",
    "other": "task",
}


def item_layer(kind: str) -> str:
    """``follow_up`` for chasing an answer, ``search`` for everything that finds new ones."""
    return "follow_up" if kind in FOLLOW_UP_KINDS else "search"


@dataclass(frozen=True, slots=True, kw_only=True)
class PlanItem:
    """One thing to do, derived by a rule or taken from the person's own tasks."""

    id: str
    kind: str
    title: str
    minutes: int
    due: Date | None
    reason: str
    company: str | None = None
    contact: str | None = None
    overdue_days: int = 0
    glow: bool = False
    done: bool = False
    goal: bool = False
    opportunity_id: str | None = None
    contact_id: str | None = None
    source_id: str | None = None  # the touch, task or mark that records a done item
    rank: tuple[int, int, str] = (0, 0, "")
    put_off: int = 0  # times snoozed or left to slide to a later day (see the avoided rule)
    avoided: bool = False  # put off at least ``avoided_after`` times
    before: str | None = None  # prep: the interview it must be done before ("onsite 15:00")

    @property
    def layer(self) -> str:
        """Which half of the sandwich the item belongs to."""
        return item_layer(self.kind)
