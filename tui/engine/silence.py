"""The silence put in proportion: how long the person's own answers took, against this one.

"6 days silent; your answers have come after a median of 7.5 days (4 answers); 3 of 4 came
after the promised day." An answer is the first heard-back after an interview (before the next
interview of the same opportunity). Before the person has any answer of their own, a published
figure stands in, with its source named: it is a survey of candidates, not their history.
"""

from __future__ import annotations

import statistics
from dataclasses import dataclass

from pendulum import Date, DateTime

from .context import Context, build_context
from .models import Interview, Records, Touch

__all__ = [
    "PUBLISHED",
    "Answer",
    "AnswerHistory",
    "SilenceNote",
    "answer_history_of",
    "answers",
    "silence_note",
]

PUBLISHED = (
    "Talent Board 2024: 48% of candidates say the recruiter followed up as promised "
    "(a survey of candidates)"
)
"""The figure shown before the person has answers of their own (a survey, not a measurement)."""


@dataclass(frozen=True, slots=True)
class Answer:
    """The first word after one interview, and how long it took in local days."""

    interview: Interview
    touch: Touch
    days: int
    answered_on: Date

    @property
    def after_promise(self) -> bool:
        """It came later than the day they had promised (``False`` when nothing was promised)."""
        promised = self.interview.promised_by
        return promised is not None and self.answered_on > promised


def answers(context: Context) -> list[Answer]:
    """Every interview's first heard-back (before the opportunity's next interview), by then."""
    found = []
    for opportunity_id, interviews in context.interviews_of.items():
        touches = context.touches_of.get(opportunity_id, [])
        for position, interview in enumerate(interviews):
            following = interviews[position + 1].start if position + 1 < len(interviews) else None
            answer = next(
                (
                    t
                    for t in touches
                    if t.kind == "heard_back"
                    and t.at >= interview.start
                    and (following is None or t.at < following)
                ),
                None,
            )
            if answer is not None and answer.at <= context.now:
                answered_on = context.local_day(answer.at)
                held = context.local_day(interview.start)
                found.append(Answer(interview, answer, (answered_on - held).days, answered_on))
    return found


@dataclass(frozen=True, slots=True)
class AnswerHistory:
    """The person's answers so far: how many, their median wait, and the promises among them."""

    count: int
    median_days: float | None
    promised: int  # answers to an interview that had a promised day
    after_promise: int  # of those, how many came after it


def answer_history_of(records: Records, now: DateTime) -> AnswerHistory:
    """The history every silence is measured against, as of ``now``."""
    found = answers(build_context(records, now))
    days = [a.days for a in found]
    return AnswerHistory(
        count=len(found),
        median_days=float(statistics.median(days)) if days else None,
        promised=sum(1 for a in found if a.interview.promised_by is not None),
        after_promise=sum(1 for a in found if a.after_promise),
    )


@dataclass(frozen=True, slots=True)
class SilenceNote:
    """One silence in proportion: a short form for a table cell and the whole sentence."""

    silence_days: int
    short: str
    sentence: str
    published: bool  # no history of the person's own: the published figure stands in


def _days(count: float) -> str:
    return f"{count:g} day" + ("" if count == 1 else "s")


def silence_note(silence_days: int, history: AnswerHistory) -> SilenceNote:
    """``silence_days`` of silence, put against ``history`` (or the published figure)."""
    silent = f"{_days(silence_days)} silent"
    if history.median_days is None:
        return SilenceNote(
            silence_days,
            f"{silence_days} d",
            f"{silent}; no answers of your own logged yet to compare with. {PUBLISHED}.",
            published=True,
        )
    median = history.median_days
    if history.count == 1:
        sentence = f"{silent}; your one answer so far came after {_days(median)}"
    else:
        sentence = (
            f"{silent}; your answers have come after a median of {_days(median)} "
            f"({history.count} answers)"
        )
    if history.promised:
        sentence += f"; {history.after_promise} of {history.promised} came after the promised day"
    return SilenceNote(silence_days, f"{silence_days} d, usual {median:g}", sentence + ".", False)
