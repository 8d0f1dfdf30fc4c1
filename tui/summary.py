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
            "what you keep putting off goes first"
        )
    if plan.after_hours:
        lines += _wrap(
            f"work hours ended at {format_clock(plan.work_hours[1])}: nothing more is planned today"
        )
    elif (
        plan.now is not None and plan.open_from is not None and plan.open_from > plan.work_hours[0]
    ):
        lines.append(f"planned from {format_clock(plan.open_from)} (now) on")
    for block in plan.blocks:
        lines.append("")
        lines.append(f"{format_clock(block.start)}-{format_clock(block.end)} {LAYER[block.layer]}")
        for item in block.items:
            mark = "x" if item.done else " "
            label = KIND_LABEL.get(item.kind, item.kind)
            lines += _wrap(f"[{mark}] {label}: {item.title} ({item.minutes} min)", "  ")
    if plan.after_hours and plan.next_day is not None and plan.next_block is not None:
        block = plan.next_block
        lines.append("")
        lines.append(
            f"{short_day(plan.next_day)} starts {format_clock(block.start)}-"
            f"{format_clock(block.end)} {LAYER[block.layer]}"
        )
        for item in block.items:
            lines += _wrap(f"- {KIND_LABEL.get(item.kind, item.kind)}: {item.title}", "  ")
    moved = [d for d in plan.deferred if d.to != plan.date]
    follow = [d.item for d in moved if d.item.layer == "follow_up"]
    if moved:
        lines.append("")
        lines.append(
            f"moved to {short_day(moved[0].to)}: {len(moved)} item"
            + ("s" if len(moved) != 1 else "")
            + (f" ({len(follow)} follow-up)" if follow else "")
        )
        for item in follow:
            lines += _wrap(f"- {item.title}", "  ")
    for deferred in plan.deferred:
        if deferred.to == plan.date:
            lines += _wrap(f"not planned: {deferred.item.title} ({deferred.reason})")
    late = plan.late()
    if late:
        lines.append("")
        lines.append(f"late: {len(late)} past their day (no rush: they are in the plan or moved)")
    if plan.warnings:
        lines.append("")
        for warning in plan.warnings:
            lines += _wrap(f"! {warning.message}")
    return "\n".join(visible(line)[:WIDTH] for line in lines) + "\n"
