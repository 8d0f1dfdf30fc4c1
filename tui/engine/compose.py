"""Which message fits the situation, to whom, and the facts a template is filled with.

The template is the one of the opportunity's next step (:mod:`.steps`, the same answer Today
and the Waiting room show): a thank-you, the first, second or last check-in, the advocate ask
(to the advocate), a gracious close-out once an offer is in hand or after a rejection. When the
next step is not a message (finding an advocate, the next interview), the first step that is
one is drafted, and a note says so. A core contact gets the network update, with the skills
the latest interview highlighted.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from pendulum import Date, DateTime

from .context import Context, build_context
from .followups import ADVOCATE_QUESTIONS, open_questions
from .items import KIND_LABEL
from .models import Contact, Interview, Opportunity, Records
from .steps import Step, opportunity_steps, recipient
from .when import short_day

__all__ = [
    "TEMPLATES",
    "TOUCH_OF_TEMPLATE",
    "Situation",
    "a_role",
    "listed",
    "situation_for",
    "when_phrase",
]

TEMPLATES = (
    "thank_you",
    "check_in_first",
    "check_in_second",
    "check_in_last",
    "advocate_ask",
    "network_update",
    "close_out",
)
TOUCH_OF_TEMPLATE = {
    "thank_you": "thank_you",
    "check_in_first": "check_in",
    "check_in_second": "check_in",
    "check_in_last": "check_in",
    "advocate_ask": "advocate_ask",
    "network_update": "network_update",
    "close_out": "close_out",
}


@dataclass(frozen=True, slots=True)
class Situation:
    """A message to write: the template, to whom, about what, and the values to fill it with."""

    template: str
    opportunity: Opportunity | None
    contact: Contact | None
    values: dict[str, str]
    next_step: Step | None = None
    """The opportunity's next step, as Today and the Waiting room show it."""
    notes: tuple[str, ...] = field(default=())
    """What the person should know about this draft (why this template, what is missing)."""

    @property
    def key(self) -> str:
        """Where its draft is kept: one draft per template and person or company."""
        target = (
            self.contact.id
            if self.contact
            else (self.opportunity.id if self.opportunity else "anyone")
        )
        return f"{self.template}-{target}"

    @property
    def facts(self) -> dict[str, str]:
        """What the tone check may name in its calmer phrases: the real promised day."""
        day = self.values.get("promised_day", "")
        return {"promised_day": day} if day else {}

    @property
    def recipient_where(self) -> str:
        """Who the recipient is and where they work: "recruiter, Bluefin Health"."""
        if self.contact is None:
            return ""
        return ", ".join(part for part in (self.contact.relation, self.contact.company) if part)

    @property
    def about(self) -> str:
        """What the message is about, when it is not simply the recipient's own company."""
        opportunity = self.opportunity
        if opportunity is None:
            return ""
        role = f"the {opportunity.role} role" if opportunity.role else "the role"
        same = self.contact is not None and _same_company(self.contact.company, opportunity)
        return role if same else f"{role} at {opportunity.company}"


def _same_company(company: str, opportunity: Opportunity) -> bool:
    return " ".join(company.split()).casefold() == " ".join(opportunity.company.split()).casefold()


def listed(parts: tuple[str, ...] | list[str]) -> str:
    """``("dbt", "data modelling", "testing")`` -> ``"dbt, data modelling and testing"``."""
    items = [p for p in parts if p]
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


_VOWEL_LETTERS = frozenset("AEFHILMNORSX")  # an SQL, an HR, an ML: initials said with a vowel


def a_role(role: str) -> str:
    """``"Analytics Engineer"`` -> ``"an Analytics Engineer role"``; empty -> ``"a role"``."""
    if not role.strip():
        return "a role"
    first = role.split()[0]
    if first.isupper() and len(first) > 1:
        article = "an" if first[0] in _VOWEL_LETTERS else "a"
    else:
        article = "an" if first[0].lower() in "aeiou" else "a"
    return f"{article} {role} role"


def when_phrase(day: Date, today: Date) -> str:
    """How a past day reads in a sentence: today, yesterday, on Tuesday (this week), last
    Tuesday (last week's), on Tuesday last week, then the date (five weeks later "on Tuesday"
    would be wrong)."""
    days = (today - day).days
    if days == 0:
        return "today"
    if days == 1:
        return "yesterday"
    weekday = day.format("dddd")
    this_week = day.isoweekday() < today.isoweekday()
    if 1 < days < 7:
        return f"on {weekday}" if this_week else f"last {weekday}"
    if 7 <= days < 14 and this_week:
        return f"on {weekday} last week"
    year = f" {day.year}" if day.year != today.year else ""
    return f"on {day.day} {day.format('MMMM')}{year}"


def _conversation(day: Date, today: Date) -> str:
    days = (today - day).days
    if days == 0:
        return "today's conversation"
    if days == 1:
        return "yesterday's conversation"
    if days < 7:
        return f"{day.format('dddd')}'s conversation"
    return "our conversation"


def _promised_phrase(promised: Date | None, today: Date) -> str:
    if promised is None:
        return "soon"
    if abs((today - promised).days) < 7:
        return f"by {promised.format('dddd')}"
    return f"by {promised.day} {promised.format('MMMM')}"


def _values(
    context: Context,
    opportunity: Opportunity | None,
    contact: Contact | None,
    interview: Interview | None,
    *,
    questions: tuple[str, ...] = (),
    close_out: str = "",
) -> dict[str, str]:
    tz = context.settings.timezone
    today = context.today
    first = contact.name.split()[0] if contact and contact.name.split() else ""
    held = interview.start.in_timezone(tz) if interview else None
    held_day = held.date() if held else None
    promised = interview.promised_by if interview else None
    skills = listed(list(interview.skills)) if interview else ""
    name = str(context.settings["your_name"]).strip()
    company = opportunity.company if opportunity else (contact.company if contact else "")
    role = opportunity.role if opportunity else ""
    when = when_phrase(held_day, today) if held_day else ""
    if interview is not None and opportunity is not None:
        news = f"I interviewed with {opportunity.company} for {a_role(role)} {when}."
        if skills:
            news += f" We talked mostly about {skills}."
    else:
        news = "I'm looking for my next role, and I'd be glad of your ideas."
    return {
        "contact": first or "there",
        "contact_name": contact.name if contact else "",
        "greeting": f"Hi {first}," if first else "Hello,",
        "company": company,
        "role": role or "open",
        "a_role": a_role(role),
        "interview_day": held.format("dddd") if held else "our call",
        "interview_date": held.format("dddd D MMMM") if held else "",
        "interview_when": when or "recently",
        "conversation": _conversation(held_day, today) if held_day else "our conversation",
        "interview_kind": interview.kind if interview else "",
        "skills": skills or "the role",
        "skills_clause": f", especially the discussion of {skills}" if skills else "",
        "search_news": news,
        "promised_by": promised.format("dddd D MMMM") if promised else "",
        "promised_day": promised.format("dddd D MMMM") if promised else "",
        "promised_phrase": _promised_phrase(promised, today),
        "questions": "\n".join(f"- {q}" for q in questions)
        or "- Is there any news since we last spoke?",
        "close_out_news": close_out,
        "your_name": name,
        "signature": f"Best regards,\n{name}" if name else "",
        "signature_friendly": f"Best,\n{name}" if name else "",
    }


def _latest_interview(context: Context, opportunity: Opportunity | None) -> Interview | None:
    if opportunity is None:
        return None
    past = [i for i in context.interviews_of.get(opportunity.id, []) if i.ended_by(context.now)]
    return past[-1] if past else None


def _unsigned(context: Context) -> tuple[str, ...]:
    if str(context.settings["your_name"]).strip():
        return ()
    return ('Unsigned: set your name for signatures with nowwhat settings set your_name "…".',)


def _step_words(step: Step) -> str:
    if step.kind == "interview":
        return "the next interview"
    if step.kind == "check_in" and step.number > 1:
        return f"check-in {step.number}"
    return KIND_LABEL.get(step.kind, step.kind.replace("_", " "))


def _close_out_news(context: Context, opportunity: Opportunity) -> str:
    role = f"the {opportunity.role} role" if opportunity.role else "the role"
    if context.offer is not None and context.offer.id != opportunity.id:
        return (
            f"I wanted to let you know that I have received an offer I've decided to accept, "
            f"so I'd like to withdraw from the process for {role}. Thank you for your time "
            f"and for the conversations; I really enjoyed meeting the team at "
            f"{opportunity.company}."
        )
    return (
        f"Thank you for letting me know about {role}. While I'm sorry not to be moving "
        f"forward, I really enjoyed meeting the team at {opportunity.company} and learned a "
        "lot from our conversations."
    )


def situation_for(
    records: Records,
    now: DateTime,
    *,
    opportunity: Opportunity | None = None,
    contact: Contact | None = None,
) -> Situation:
    """The message that fits: for an opportunity (and optionally its advocate) or a contact."""
    context = build_context(records, now)
    if opportunity is None and contact is not None:  # a core contact: the network update
        interview = None
        for interviews in context.interviews_of.values():
            for candidate in interviews:
                if candidate.start <= context.now and (
                    interview is None or candidate.start > interview.start
                ):
                    interview = candidate
        about = context.opportunities.get(interview.opportunity_id) if interview else None
        if contact.is_advocate and about is None:
            questions = open_questions(context, contact, context.now)
            values = _values(context, None, contact, None, questions=questions)
            return Situation("advocate_ask", None, contact, values, notes=_unsigned(context))
        values = _values(context, about, contact, interview)
        return Situation("network_update", about, contact, values, notes=_unsigned(context))
    assert opportunity is not None
    interview = _latest_interview(context, opportunity)
    _, steps = opportunity_steps(context, opportunity, context.now, context.today)
    next_step = steps[0] if steps else None
    notes: list[str] = []
    if contact is not None and contact.is_advocate:
        questions = open_questions(context, contact, context.now)
        ask = next((s for s in steps if s.kind == "advocate_ask"), None)
        if not questions:
            notes.append(
                f"{contact.name} answered your questions recently; this asks only for news."
            )
        if ask is not None and ask.due > context.today:
            notes.append(f"The next ask is due {short_day(ask.due)}.")
        values = _values(context, opportunity, contact, interview, questions=questions)
        return Situation(
            "advocate_ask",
            opportunity,
            contact,
            values,
            next_step,
            tuple(notes) + _unsigned(context),
        )
    message = next((s for s in steps if s.template is not None), None)
    to = recipient(context, opportunity, interview)
    asking: tuple[str, ...] = ()
    if not opportunity.active:
        template = "close_out"
    elif message is not None:
        template = message.template or "check_in_first"
        to = message.contact or to
        if message.kind == "advocate_ask" and message.contact is not None:
            asking = open_questions(context, message.contact, context.now) or tuple(
                ADVOCATE_QUESTIONS.values()
            )
        if next_step is not None and message is not next_step:
            notes.append(
                f"Next step: {_step_words(next_step)} ({short_day(next_step.due)}), nothing "
                f"to write for that; this draft is the {_step_words(message)}, due "
                f"{short_day(message.due)}."
            )
    else:
        # Nothing to write is due: the most likely message, said as such.
        template = "thank_you" if interview is not None else "check_in_first"
        what = (
            f"next, {_step_words(next_step)} on {short_day(next_step.due)}"
            if next_step is not None
            else "no step is due"
        )
        notes.append(f"Nothing needs writing to {opportunity.company} now ({what}).")
    values = _values(
        context,
        opportunity,
        to,
        interview,
        questions=asking,
        close_out=_close_out_news(context, opportunity),
    )
    return Situation(
        template, opportunity, to, values, next_step, tuple(notes) + _unsigned(context)
    )
