"""Readable Rich renderings of the plan, the waiting room and the advocates, for the CLI.

User text always goes into ``Text`` objects, never into markup strings, so a company called
``[bold]Acme[/]`` prints exactly like that.
"""

from __future__ import annotations

from pendulum import Date
from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from .engine.advocates import AdvocateRow
from .engine.items import KIND_LABEL, PlanItem
from .engine.plan import DayPlan
from .engine.text import visible
from .engine.waiting import WaitingRoom
from .engine.when import format_clock
from .terminal import shown

__all__ = ["KIND_LABEL", "STATE_LABEL", "render_advocates", "render_plan", "render_waiting"]

STATE_LABEL = {
    "waiting": ("waiting", "cyan"),
    "promise_broken": ("promise broken", "red"),
    "gone_quiet": ("gone quiet", "magenta"),
    "heard_back": ("heard back", "green"),
}
LAYER_LABEL = {"search": "SEARCH", "follow_up": "FOLLOW-UP"}


def _day(day: Date) -> str:
    return day.format("ddd D MMM")


def _item_line(item: PlanItem) -> Text:
    line = Text()
    line.append("[x] " if item.done else "[ ] ", style="green" if item.done else "")
    line.append(f"{KIND_LABEL.get(item.kind, item.kind):<13}", style="bold")
    line.append(visible(item.title), style="strike dim" if item.done else "")
    line.append(f"  {item.minutes} min", style="dim")
    if item.glow:
        line.append("  glow", style="bold yellow")
    elif item.avoided:
        line.append(f"  put off {item.put_off}x", style="dim")
    line.append(f"  [{item.id}]", style="dim")
    return line


def render_plan(plan: DayPlan) -> RenderableType:
    """The day as three slices of a sandwich, then what moved and what to know."""
    parts: list[RenderableType] = []
    split = plan.split
    header = Text()
    header.append(plan.date.format("dddd D MMMM YYYY"), style="bold")
    if not plan.business_day:
        header.append("  (rest day)", style="dim")
    parts.append(header)
    parts.append(
        Text(
            f"follow-up {split.follow_up_minutes}/{split.follow_up_cap_minutes} min · "
            f"search {split.search_minutes} min · budget {split.budget_minutes} min · "
            f"done {split.done_follow_up_minutes + split.done_search_minutes} min",
            style="dim",
        )
    )
    for window in plan.glow:
        glow = Text()
        glow.append("glow: ", style="bold yellow")
        glow.append(f"until {window.until.format('ddd HH:mm')} after ")
        glow.append(visible(window.company))
        glow.append(": what you keep putting off goes first")
        parts.append(glow)
    if plan.now is not None:
        start, end = plan.work_hours
        if plan.after_hours:
            note = f"work hours ended at {format_clock(end)}: nothing more is planned today"
        elif plan.open_from is not None and plan.open_from > start:
            note = f"planned from now to {format_clock(end)}"
        else:
            note = f"the day starts at {format_clock(start)}"
        parts.append(Text(f"now {format_clock(plan.now)} · {note}", style="bold"))
    for start, end, label in plan.events:
        event = Text()
        event.append(f"{format_clock(start)}-{format_clock(end)}  ", style="bold")
        event.append(visible(label))
        parts.append(event)
    for block in plan.blocks:
        parts.append(
            Text(
                f"\n{format_clock(block.start)}-{format_clock(block.end)}  "
                f"{LAYER_LABEL[block.layer]}",
                style="bold cyan",
            )
        )
        parts.extend(_item_line(item) for item in block.items)
    if plan.after_hours and plan.next_day is not None:
        first = plan.next_block
        head = f"\n{plan.next_day.format('dddd D MMMM')} starts"
        if first is None:
            parts.append(Text(f"{head} with nothing planned yet", style="bold"))
        else:
            parts.append(
                Text(
                    f"{head}: {format_clock(first.start)}-{format_clock(first.end)}  "
                    f"{LAYER_LABEL[first.layer]}",
                    style="bold",
                )
            )
            parts.extend(Text("  ").append_text(_item_line(i)) for i in first.items)
    late = plan.late()
    if late:
        placed = sum(1 for i in plan.items() if i.overdue_days and not i.done)
        parts.append(
            Text(
                f"\nLate: {len(late)} past their day"
                + (f" ({placed} planned above)" if placed else ""),
                style="bold",
            )
        )
    here = [d for d in plan.deferred if d.to == plan.date]
    moved = [d for d in plan.deferred if d.to != plan.date]
    for title, group in (("Not planned", here), ("Moved to another day", moved)):
        if not group:
            continue
        parts.append(Text(f"\n{title}", style="bold"))
        for deferred in group:
            line = Text("  ")
            line.append(visible(deferred.item.title))
            line.append(f"  ({deferred.reason})", style="dim")
            parts.append(line)
    if plan.warnings:
        parts.append(Text("\nWorth knowing", style="bold"))
        for warning in plan.warnings:
            parts.append(shown(f"  ! {warning.message}", style="yellow"))
    return Group(*parts)


def render_waiting(room: WaitingRoom) -> RenderableType:
    """The waiting room as a table, with the person's own answer history."""
    table = Table(title="Waiting room", expand=False)
    for column in (
        "company",
        "role",
        "interviewed",
        "promised",
        "silence",
        "state",
        "next step",
        "advocates",
    ):
        table.add_column(column)
    for row in room.rows:
        label, colour = STATE_LABEL[row.state.state]
        promised = row.state.interview.promised_by
        step = row.next_step
        table.add_row(
            shown(row.company),
            shown(row.state.opportunity.role),
            Text(row.interviewed_at.format("D MMM")),
            Text(_day(promised) if promised else "-"),
            Text("-" if row.silence_days is None else f"{row.silence_days} d"),
            Text(label, style=colour),
            Text(f"{KIND_LABEL.get(step.kind, step.kind)} {_day(step.due)}" if step else "-"),
            shown(", ".join(c.name for c in row.advocates) or "-"),
        )
    if room.median_answer_days is None:
        note = Text("No answers logged yet: your own answer times will show here.", style="dim")
    else:
        note = Text(
            f"Companies have answered you in a median of {room.median_answer_days:g} days "
            f"({room.answers_seen} answers).",
            style="dim",
        )
    return Group(table, note)


def render_advocates(rows: list[AdvocateRow]) -> RenderableType:
    """Advocates as a table: who, where, when last asked, what is still open."""
    table = Table(title="Advocates")
    for column in ("name", "company", "relation", "last asked", "open questions", "can help with"):
        table.add_column(column)
    for row in rows:
        table.add_row(
            shown(row.contact.name),
            shown(row.contact.company),
            shown(row.contact.relation),
            Text(f"{row.days_since} d ago" if row.days_since is not None else "never"),
            shown("\n".join(row.open_questions) or "-", multiline=True),
            shown(", ".join(o.company for o, _ in row.helps) or "-"),
        )
    return table
