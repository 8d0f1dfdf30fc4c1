"""The mail classifier: ordered phrase rules (``data/mail_rules.json``) that favour precision.

A message is first matched (:mod:`.mail_match`); this module says what it *is*: one of the eight
verdicts. The order is the design: things that are never about an application (job alerts,
calendar reminders, mailing lists) first; then rejection before offer before another round
before a receipt before an invitation, so "unfortunately we will not move forward" is never read
as a receipt and "next steps" in a receipt is never read as an invitation; then newsletters and
marketing. A message no rule settles is a ``reply`` that waits for review, never an outcome.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from .errors import InvalidField
from .mail_facts import MailFacts, normalise

__all__ = [
    "Classification",
    "MailRules",
    "Phrases",
    "automated",
    "classify",
    "first_named",
    "job_related",
    "merge_rules",
    "sent_kind",
]

_FLAGS = re.IGNORECASE | re.MULTILINE


def _compile(pattern: str, where: str) -> re.Pattern[str]:
    try:
        return re.compile(pattern, _FLAGS)
    except re.error as error:
        raise InvalidField(where, f"{pattern!r} is not a valid pattern ({error})") from None


def _patterns(value: object, where: str) -> tuple[re.Pattern[str], ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        return (_compile(value, where),)
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return tuple(_compile(v, where) for v in value)
    raise InvalidField(where, "must be a pattern or a list of patterns")


@dataclass(frozen=True, slots=True)
class Phrases:
    """One rule: it fires when any pattern is found and no ``unless`` pattern is."""

    name: str
    result: str
    any: tuple[re.Pattern[str], ...] = ()
    unless: tuple[re.Pattern[str], ...] = ()
    subject: tuple[re.Pattern[str], ...] = ()
    sender: tuple[re.Pattern[str], ...] = ()
    header: tuple[re.Pattern[str], ...] = ()
    text: tuple[re.Pattern[str], ...] = ()
    to_tag: str = ""
    no_invitation: bool = False
    yield_to: frozenset[str] = frozenset()

    def fires(
        self,
        *,
        both: str,
        subject: str = "",
        text: str = "",
        sender: str = "",
        headers: str = "",
        tags: frozenset[str] = frozenset(),
        invitation: bool = False,
    ) -> bool:
        """Whether this rule decides the message (every condition it names must hold)."""
        if self.no_invitation and invitation:
            return False
        if self.to_tag and self.to_tag not in tags:
            return False
        conditions = (
            (self.any, both),
            (self.subject, subject),
            (self.sender, sender),
            (self.header, headers),
            (self.text, text),
        )
        named = False
        for patterns, value in conditions:
            if not patterns:
                continue
            named = True
            if not any(p.search(value) for p in patterns):
                return False
        if not named:
            return False
        return not any(p.search(both) for p in self.unless)


def _rule(entry: object, where: str, result_key: str) -> Phrases:
    if not isinstance(entry, Mapping):
        raise InvalidField(where, "each rule must be an object")
    result = entry.get(result_key, "")
    if not isinstance(result, str):
        raise InvalidField(where, f"{result_key} must be text")
    name = entry.get("name", result)
    return Phrases(
        name=str(name),
        result=result,
        any=_patterns(entry.get("any"), where),
        unless=_patterns(entry.get("unless"), where),
        subject=_patterns(entry.get("subject"), where),
        sender=_patterns(entry.get("from"), where),
        header=_patterns(entry.get("header"), where),
        text=_patterns(entry.get("text"), where),
        to_tag=str(entry.get("to_tag", "")),
        no_invitation=bool(entry.get("no_invitation", False)),
        yield_to=_verdict_names(entry.get("yield_to", []), where),
    )


def _verdict_names(value: object, where: str) -> frozenset[str]:
    """``yield_to``: the verdicts whose rules, when one of them fires too, win over this one."""
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise InvalidField(where, "yield_to must be a verdict or a list of verdicts")
    unknown = sorted(set(value) - set(VERDICT_ORDER))
    if unknown:
        raise InvalidField(where, f"yield_to: {', '.join(unknown)} is not a verdict")
    return frozenset(value)


def _rules(data: Mapping[str, Any], key: str, result_key: str) -> tuple[Phrases, ...]:
    entries = data.get(key, [])
    if not isinstance(entries, list):
        raise InvalidField(key, "must be a list of rules")
    return tuple(_rule(e, f"{key}[{n}]", result_key) for n, e in enumerate(entries, start=1))


def _labels(value: object, where: str) -> dict[str, str]:
    """``{"Greenhouse": ["greenhouse", ...]}`` -> ``{"greenhouse": "Greenhouse", ...}``."""
    if not isinstance(value, Mapping):
        raise InvalidField(where, "must map a name to a list of domain labels")
    out: dict[str, str] = {}
    for name, labels in value.items():
        if not isinstance(labels, list) or not all(isinstance(x, str) for x in labels):
            raise InvalidField(where, f"{name}: must be a list of domain labels")
        for label in labels:
            out[label.lower()] = str(name)
    return out


def _words(value: object, where: str) -> frozenset[str]:
    if not isinstance(value, list) or not all(isinstance(x, str) for x in value):
        raise InvalidField(where, "must be a list of words")
    return frozenset(x.lower() for x in value)


VERDICT_ORDER = ("rejected", "offer", "next_round", "acknowledgement", "interview_invite")


@dataclass(frozen=True, slots=True)
class MailRules:
    """The classifier's data: sender tables and the ordered phrase rules."""

    ats: Mapping[str, str]
    job_boards: Mapping[str, str]
    calendars: frozenset[str]
    free_mail: frozenset[str]
    automated: re.Pattern[str]
    recruiting: re.Pattern[str]
    company_words: frozenset[str]
    job_words: re.Pattern[str]
    unrelated_first: tuple[Phrases, ...]
    verdicts: tuple[Phrases, ...]
    unrelated_after: tuple[Phrases, ...]
    sent: tuple[Phrases, ...]
    reply_doubts: tuple[re.Pattern[str], ...] = ()
    later_round: Phrases | None = None
    conditional: re.Pattern[str] | None = None
    source: Mapping[str, Any] = field(default_factory=dict, compare=False, repr=False)

    @classmethod
    def from_data(cls, data: Mapping[str, Any]) -> MailRules:
        """Build the rules from the JSON data; a bad pattern is refused naming its place."""
        senders = data.get("senders", {})
        if not isinstance(senders, Mapping):
            raise InvalidField("senders", "must be an object")
        verdicts = _rules(data, "verdicts", "verdict")
        for rule in verdicts:
            if rule.result not in VERDICT_ORDER:
                raise InvalidField(
                    "verdicts", f"{rule.name}: verdict must be one of {', '.join(VERDICT_ORDER)}"
                )
        sent = _rules(data, "sent", "kind")
        for rule in sent:
            if rule.result not in {"thank_you", "check_in", "advocate_ask", "network_update"}:
                raise InvalidField("sent", f"{rule.name}: kind {rule.result!r} is not known")
        return cls(
            ats=_labels(senders.get("ats", {}), "senders.ats"),
            job_boards=_labels(senders.get("job_boards", {}), "senders.job_boards"),
            calendars=_words(senders.get("calendars", []), "senders.calendars"),
            free_mail=_words(senders.get("free_mail", []), "senders.free_mail"),
            automated=_compile(str(senders.get("automated_local_parts", "^$")), "automated"),
            recruiting=_compile(str(senders.get("recruiting_local_parts", "^$")), "recruiting"),
            company_words=_words(data.get("company_words", []), "company_words"),
            job_words=_compile(str(data.get("job_words", "^$")), "job_words"),
            unrelated_first=_rules(data, "unrelated_first", "verdict"),
            verdicts=verdicts,
            unrelated_after=_rules(data, "unrelated_after", "verdict"),
            sent=sent,
            reply_doubts=_patterns(data.get("reply_doubts"), "reply_doubts"),
            later_round=_later_round(data.get("later_round")),
            conditional=(
                _compile(str(data["conditional"]), "conditional") if "conditional" in data else None
            ),
            source=data,
        )


def _later_round(entry: object) -> Phrases | None:
    """The words that make an invitation one to a later round (see :func:`classify`)."""
    if entry is None:
        return None
    rule = _rule(entry, "later_round", "verdict")
    return replace(rule, result="next_round")


def merge_rules(shipped: Mapping[str, Any], extra: Mapping[str, Any]) -> dict[str, Any]:
    """The person's own rules on top of the shipped ones: their rules are tried first, their
    sender tables and word lists added."""
    merged: dict[str, Any] = dict(shipped)
    for key, value in extra.items():
        base = merged.get(key)
        if isinstance(value, list) and isinstance(base, list):
            merged[key] = [*value, *base]
        elif isinstance(value, Mapping) and isinstance(base, Mapping):
            inner: dict[str, Any] = dict(base)
            for name, item in value.items():
                old = inner.get(name)
                if isinstance(item, Mapping) and isinstance(old, Mapping):
                    inner[name] = {**old, **item}
                elif isinstance(item, list) and isinstance(old, list):
                    inner[name] = [*item, *old]
                else:
                    inner[name] = item
            merged[key] = inner
        elif key not in {"about", "version"}:
            merged[key] = value
    return merged


@dataclass(frozen=True, slots=True)
class Classification:
    """The verdict, the rule that gave it, and whether the rules settled it."""

    verdict: str
    rule: str
    settled: bool
    sent_kind: str = ""


_CHECKED_HEADERS = ("list-id", "list-unsubscribe", "precedence", "auto-submitted")


def _header_lines(headers: Mapping[str, str]) -> str:
    return "\n".join(
        f"{name}={headers[name].strip().lower()}" for name in _CHECKED_HEADERS if name in headers
    )


def automated(facts: MailFacts, rules: MailRules) -> bool:
    """Sent by a machine: an ``Auto-Submitted`` header, bulk precedence, or a no-reply sender."""
    auto = facts.headers.get("auto-submitted", "").strip().lower()
    if auto and auto != "no":
        return True
    if facts.headers.get("precedence", "").strip().lower() in {
        "bulk",
        "list",
        "junk",
        "auto_reply",
    }:
        return True
    if "x-auto-response-suppress" in facts.headers:
        return True
    return facts.sender is not None and bool(rules.automated.match(facts.sender.local))


def sent_kind(subject: str, text: str, rules: MailRules, tags: frozenset[str]) -> tuple[str, str]:
    """What the person's own message was: thank-you, check-in, advocate ask, network update or
    other, and the rule that said so."""
    both = f"{subject}\n{text}"
    for rule in rules.sent:
        if rule.fires(both=both, subject=subject, text=text, tags=tags):
            return rule.result, rule.name
    return "other", "none of the sent-mail rules"


def classify(
    facts: MailFacts,
    rules: MailRules,
    *,
    direction: str,
    matched: bool,
    person: bool,
    relevant: bool,
    contact_only: bool,
    forwarded: bool,
    tags: Iterable[str] = (),
    sender_kind: str = "person",
    personal: bool = False,
) -> Classification:
    """The verdict for a message that was matched (or not) as the matcher says.

    ``person``: the sender is a person, not a system; ``relevant``: the text speaks of a job
    (job words, or a company or role it was matched by); ``contact_only``: matched to a person
    with no opportunity; ``tags``: the matched contact's tags (for the person's own mail);
    ``personal``: a friend, advocate or core contact, or a personal address.
    """
    if not matched:
        return Classification("unrelated", "matched no opportunity or contact", True)
    # In a reply the subject is the thread's, not the writer's words: "Re: Interview
    # scheduled" is not an invitation, "Re: Following up" not a check-in. The rules that
    # look only at the subject (calendar answers, alerts) still see it.
    full_subject = normalise(facts.subject)
    subject = "" if facts.subject_is_reply else full_subject
    parts = [facts.text]
    if facts.forwarded is not None:
        parts.append(facts.forwarded.subject)
        parts.append(facts.forwarded.text)
    text = normalise("\n".join(p for p in parts if p))
    both = f"{subject}\n{text}"
    if direction == "out":
        if not relevant and (contact_only or personal):
            return Classification("unrelated", "your own message, not about a job", True)
        kind, reason = sent_kind(subject, text, rules, frozenset(tags))
        return Classification("sent", reason, True, kind)
    method = facts.calendar_method
    has_invitation = method in {"REQUEST", "CANCEL"} and facts.invitation is not None
    if method == "REQUEST" and facts.invitation is not None:
        event = facts.invitation
        about = f"{event.summary}\n{event.description}\n{event.location}"
        if personal and not relevant and not job_related(about, rules):
            # A friend's dinner, a birthday: an invitation from a personal contact that
            # speaks of no job is not an interview.
            return Classification("unrelated", "a personal invitation, not about a job", True)
        return Classification("interview_invite", "calendar invitation (METHOD:REQUEST)", True)
    if method == "CANCEL":
        # Even one whose text says the candidacy is over ("the role is on hold"): accepting a
        # cancellation cancels the interview, and a verdict saying "rejected" there would
        # promise a close-out that key does not do.
        return Classification("reply", "calendar cancellation (METHOD:CANCEL)", True)
    sender = facts.sender.email if facts.sender else ""
    headers = _header_lines(facts.headers)
    for rule in rules.unrelated_first:
        if rule.fires(
            both=f"{full_subject}\n{text}",
            subject=full_subject,
            text=text,
            sender=sender,
            headers=headers,
            invitation=has_invitation,
        ):
            return Classification("unrelated", rule.name, True)
    for rule in rules.verdicts:
        if rule.fires(both=both, subject=subject, text=text) and not _outranked(
            rule, rules, both=both, subject=subject, text=text
        ):
            return Classification(rule.result, rule.name, True)
    for rule in rules.unrelated_after:
        if rule.fires(both=both, subject=subject, text=text, sender=sender, headers=headers):
            return Classification("unrelated", rule.name, True)
    if sender_kind == "automated" and "list-unsubscribe" in facts.headers:
        # A mailing from a company's no-reply or news address that no rule read as news
        # about an application: its newsletter, its marketing.
        return Classification("unrelated", "a mailing (List-Unsubscribe, automated sender)", True)
    if not relevant:
        return Classification("unrelated", "not about a job", True)
    if contact_only and not facts.is_reply:
        return Classification("unrelated", "from a contact, about no opportunity", True)
    settled = person and facts.is_reply and not forwarded
    if settled and any(p.search(text) for p in rules.reply_doubts):
        # A person's answer that speaks of a decision, an offer or a meeting the rules did
        # not read: it waits for a look rather than being logged as a plain reply.
        return Classification("reply", "a reply that may carry news: for review", False)
    return Classification(
        "reply", "a person answered" if settled else "no rule settled it", settled
    )


def _outranked(rule: Phrases, rules: MailRules, *, both: str, subject: str, text: str) -> bool:
    """Whether a rule of a verdict ``rule`` yields to fires as well: a recruiter's "thanks for
    applying — would you have 30 minutes this week?" opens like a receipt but is an invitation,
    so the receipt rules yield to the invitation rules rather than repeating them. Only what is
    said outright counts: the receipt's own "if there is a match, we will schedule a call" is a
    promise under a condition, so sentences with a ``conditional`` word are left out here."""
    if not rule.yield_to:
        return False
    if rules.conditional is not None:
        both = _unconditional(both, rules.conditional)
        subject = _unconditional(subject, rules.conditional)
        text = _unconditional(text, rules.conditional)
    return any(
        other.result in rule.yield_to and other.fires(both=both, subject=subject, text=text)
        for other in rules.verdicts
        if other is not rule
    )


_SENTENCE = re.compile(r"[^.!?\n]+[.!?]*")


def _unconditional(text: str, conditional: re.Pattern[str]) -> str:
    """``text`` without its sentences that state a condition ("if", "once", "should we")."""
    return " ".join(
        m.group(0).strip() for m in _SENTENCE.finditer(text) if not conditional.search(m.group(0))
    )


def later_round(
    found: Classification, facts: MailFacts, rules: MailRules, *, interviewed: bool
) -> Classification:
    """An invitation is ``next_round`` rather than ``interview_invite`` when the opportunity
    has had an interview already (``interviewed``), or when it names a later round ("final
    round", "second interview", "a panel with the team"): what the person accepts is the same
    kind of change, but what it tells them, and the stage it moves to, are not."""
    if found.verdict != "interview_invite":
        return found
    if interviewed:
        why = f"{found.rule}, after an earlier interview"
        return Classification("next_round", why, found.settled)
    later = rules.later_round
    if later is None:
        return found
    parts = [normalise(facts.subject), facts.text]
    if facts.invitation is not None:
        parts += [facts.invitation.summary, facts.invitation.description]
    if facts.forwarded is not None:
        parts += [facts.forwarded.subject, facts.forwarded.text]
    if later.fires(both=normalise("\n".join(p for p in parts if p))):
        return Classification("next_round", f"{found.rule}, for a later round", found.settled)
    return found


def job_related(text: str, rules: MailRules) -> bool:
    """Whether ``text`` speaks of a job at all (interview, role, application, offer...)."""
    return bool(rules.job_words.search(text))


def first_named(patterns: Sequence[tuple[str, re.Pattern[str]]], text: str) -> list[str]:
    """The keys whose pattern is found in ``text``, in order of first appearance.

    A name found only inside a longer name found at the same place is not counted: "Northstar
    Logistics" names Northstar Logistics, not also "Northstar" (Labs)."""
    found = [(hit.start(), hit.end(), key) for key, p in patterns for hit in p.finditer(text)]
    found.sort(key=lambda hit: (hit[0], -hit[1], hit[2]))  # at one place, the longest first
    seen: list[str] = []
    spans: list[tuple[int, int]] = []
    for start, end, key in found:
        if any(a <= start and end <= b for a, b in spans):
            continue
        spans.append((start, end))
        if key not in seen:
            seen.append(key)
    return seen
