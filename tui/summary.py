"""The login summary: today's plan as plain text within 80 columns, for MOTD and cron mail."""

from __future__ import annotations

import textwrap

from .engine.items import KIND_LABEL
from .engine.plan import DayPlan
from .engine.text import visible
from .engine.when import format_clock, short_day

__all__ = ["plain_summary"]

WIDTH = 80
LAYER = {"search": "search", "follow_up": "follow-up"}


def _wrap(text: str, indent: str = "", width: int = WIDTH) -> list[str]:
    return textwrap.wrap(
        text, width=width, initial_indent=indent, subsequent_indent=indent + "  "
    ) or [indent.rstrip()]


def plain_summary(plan: DayPlan) -> str:
    """No colour, no box drawing, nothing wider than 80 columns: safe in any mail or MOTD."""
    split = plan.split
    lines = [
        f"nowwhat - {plan.date.format('dddd D MMMM')}"
        + ("" if plan.business_day else " (rest day)"),
        f"follow-up {split.follow_up_minutes}/{split.follow_up_cap_minutes} min, "
        f"search {split.search_minutes} min, done "
        f"{split.done_follow_up_minutes + split.done_search_minutes}/{split.budget_minutes} min",
    ]
    for window in plan.glow:
        lines += _wrap(
            f"glow until {window.until.format('ddd HH:mm')} after {window.company}: "
            "make the calls you have been putting off"
        )
    for block in plan.blocks:
        lines.append("")
        lines.append(f"{format_clock(block.start)}-{format_clock(block.end)} {LAYER[block.layer]}")
        for item in block.items:
            mark = "x" if item.done else " "
            late = f", {item.overdue_days}d overdue" if item.overdue_days and not item.done else ""
            label = KIND_LABEL.get(item.kind, item.kind)
            lines += _wrap(f"[{mark}] {label}: {item.title} ({item.minutes} min{late})", "  ")
    overdue = [d.item for d in plan.deferred if d.item.layer == "follow_up"]
    if plan.deferred:
        lines.append("")
        lines.append(
            f"moved to {short_day(plan.deferred[0].to)}: {len(plan.deferred)} item"
            + ("s" if len(plan.deferred) != 1 else "")
            + (f" ({len(overdue)} follow-up)" if overdue else "")
        )
        for item in overdue:
            late = f", {item.overdue_days}d overdue" if item.overdue_days else ""
            lines += _wrap(f"- {item.title}{late}", "  ")
    if plan.warnings:
        lines.append("")
        for warning in plan.warnings:
            lines += _wrap(f"! {warning.message}")
    return "\n".join(visible(line)[:WIDTH] for line in lines) + "\n"
