"""Choosing an opportunity's stage: the same list from the Pipeline and the Waiting room."""

from __future__ import annotations

from rich.text import Text

from ..engine.models import Opportunity
from .pick import PickScreen

__all__ = ["IN_HAND", "STAGE_CHOICES", "stage_picker", "stage_words"]

IN_HAND = "offer_in_hand"
"""The choice for an offer whose letter is in your hand (stage offer, marked in hand)."""

STAGE_CHOICES = (
    ("applied", "applied"),
    ("screening", "screening"),
    ("interviewing", "interviewing"),
    ("offer", "offer (not in hand yet)"),
    (IN_HAND, "offer in hand: the letter is yours, the search may rest"),
    ("rejected", "rejected"),
    ("withdrawn", "withdrawn: you stepped back"),
    ("closed", "closed: the role is gone"),
    ("lead", "lead: not applied yet"),
)


def stage_words(opportunity: Opportunity) -> str:
    """``offer · in hand``: the stage as the screens show it."""
    return opportunity.stage + (" · in hand" if opportunity.offer_in_hand else "")


def stage_picker(opportunity: Opportunity) -> PickScreen:
    """The stages, the current one marked; dismisses with a stage (or :data:`IN_HAND`)."""
    current = IN_HAND if opportunity.offer_in_hand else opportunity.stage
    choices = []
    for key, label in STAGE_CHOICES:
        text = Text("• " if key == current else "  ")
        text.append(label)
        choices.append((key, text))
    title = f"Stage of {opportunity.company}" + (
        f" · {opportunity.role}" if opportunity.role else ""
    )
    return PickScreen(title, choices, start=current)
