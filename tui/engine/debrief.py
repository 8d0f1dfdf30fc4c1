"""The one-minute debrief after an interview: when Today offers it, and what it records.

Right after an interview the person still remembers what happened, and that memory is what the
calibration later compares with the outcome. So once an interview has ended, Today offers its
debrief for ``debrief_days`` days (3), until it is finished — whatever the interview felt like:
a rough one gets no glow, but it gets the debrief. The debrief records how it felt, a 0-100
estimate of advancing, what they said about next steps (which fills ``promised_by``), the
skills that came up, and the concrete signals of the checklist (the ``debrief_signals`` setting).
"""

from __future__ import annotations

from dataclasses import dataclass

from pendulum import DateTime

from .models import Interview, Records
from .settings import Settings
from .when import short_day

__all__ = [
    "DebriefPrompt",
    "checklist",
    "debrief_prompts",
    "debrief_started",
    "interview_end",
    "parse_estimate",
]


@dataclass(frozen=True, slots=True)
class DebriefPrompt:
    """An interview whose debrief Today offers, and the line that offers it."""

    interview: Interview
    company: str
    ended: DateTime
    started: bool  # some answers are saved already: "finish", not "start"
    text: str


def interview_end(interview: Interview) -> DateTime:
    """When the interview ended: its start plus its length."""
    return interview.start.add(minutes=interview.minutes)


def debrief_started(interview: Interview) -> bool:
    """Whether any of the debrief's own answers is saved (``felt`` may come from elsewhere)."""
    return bool(interview.estimate is not None or interview.next_steps.strip() or interview.signals)


def _ago(ended: DateTime, now: DateTime) -> str:
    minutes = int((now - ended).total_seconds() // 60)
    if minutes < 60:
        return f"{max(minutes, 1)} min ago"
    hours = minutes // 60
    if hours < 24:
        return f"{hours} h ago"
    days = hours // 24
    return "yesterday" if days == 1 else f"{days} days ago"


def debrief_prompts(records: Records, now: DateTime) -> tuple[DebriefPrompt, ...]:
    """The debriefs to offer at ``now``, the most recently ended interview first.

    An interview is offered from the moment it ends until ``debrief_days`` days later, unless
    its debrief is finished (``debriefed_at``) or its opportunity is gone.
    """
    settings = records.settings
    window = int(settings["debrief_days"])
    companies = {o.id: o.company for o in records.opportunities}
    found = []
    for interview in records.interviews:
        if interview.debriefed_at is not None or interview.opportunity_id not in companies:
            continue
        if interview.cancelled:  # cancelled by the company's calendar (mail): nothing to debrief
            continue
        ended = interview_end(interview)
        if ended > now or ended.add(days=window) <= now:
            continue
        company = companies[interview.opportunity_id]
        started = debrief_started(interview)
        held = short_day(interview.start.in_timezone(settings.timezone).date())
        verb = "Finish the debrief of" if started else "Debrief"
        text = f"{verb} your {company} interview ({held}, ended {_ago(ended, now)}): one minute."
        found.append(DebriefPrompt(interview, company, ended, started, text))
    found.sort(key=lambda p: (p.ended, p.interview.id), reverse=True)
    return tuple(found)


def checklist(settings: Settings, interview: Interview | None = None) -> tuple[str, ...]:
    """The signals to tick: the setting's list, then any the interview has that it no longer
    names (so editing an old debrief never drops what was ticked then)."""
    listed = tuple(settings["debrief_signals"])
    known = {s.casefold() for s in listed}
    extra = tuple(s for s in (interview.signals if interview else ()) if s.casefold() not in known)
    return listed + extra


def parse_estimate(text: str) -> int | None:
    """``"70"`` or ``"70%"`` -> 70; empty -> ``None``; raises ValueError outside 0-100."""
    cleaned = text.strip().removesuffix("%").strip()
    if not cleaned:
        return None
    if not cleaned.isdigit():
        raise ValueError(f"{text.strip()!r} is not a percentage (0 to 100)")
    value = int(cleaned)
    if value > 100:
        raise ValueError(f"{value} is more than 100%")
    return value
