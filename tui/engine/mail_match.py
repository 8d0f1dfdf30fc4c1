"""The mail matcher: which opportunity (and which person) a message is about, and how sure it is.

In order of strength: the counterpart's address is a contact's; an address or domain the person
gave for the opportunity (``mail_hints``); the company's own domain, learned from its contacts'
addresses and its posting URL; the thread of a message matched before; an applicant-tracking
system or job board sending for a company named in the sender's name, the subject, the sender
address or the text; the company named in the subject or text (whole words, aliases such as
"Harbor and Pine" for "Harbor & Pine"). Among one company's opportunities an open one always wins
over a closed one unless only the closed one's role is named; several open ones are told apart
by the role named, and otherwise the message waits for review with the candidates listed: never
a guess.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from .lookup import company_key
from .mail_facts import Address, MailFacts
from .mail_rules import Classification, MailRules, classify, first_named, job_related, later_round
from .models import Contact, Interview, Opportunity, Records
from .settings import addresses

__all__ = ["MailWorld", "Match", "classify_match", "registrable_domain"]

_TWO_LEVEL = frozenset(
    {
        "co.uk",
        "org.uk",
        "ac.uk",
        "gov.uk",
        "me.uk",
        "com.au",
        "net.au",
        "org.au",
        "co.nz",
        "co.jp",
        "ne.jp",
        "co.in",
        "com.br",
        "com.mx",
        "co.za",
        "com.sg",
        "com.cn",
        "com.hk",
        "co.kr",
        "com.tr",
        "co.il",
    }
)
METHOD_STRENGTH = ("address", "hint", "domain", "thread", "ats", "name", "none")
"""How a match was made, strongest first. Only ``address`` is sure enough to apply alone."""


def registrable_domain(domain: str) -> str:
    """What an organisation registers: ``talent.acme.example`` -> ``acme.example``."""
    labels = [x for x in domain.lower().strip(".").split(".") if x]
    if len(labels) >= 3 and ".".join(labels[-2:]) in _TWO_LEVEL:
        return ".".join(labels[-3:])
    return ".".join(labels[-2:])


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]", "", text.lower())


@dataclass(frozen=True, slots=True)
class Match:
    """What a message was matched to, and how.

    ``opportunity_id`` is None when the match is ambiguous (see ``candidates``) or reaches only a
    person (``contact_only``). ``personal``: the person is a friend, advocate or core contact, or
    writes from a personal address: news from them is not the employer's answer. ``named``: the
    chosen opportunity's company or role is named in the message (your news to a friend about
    her employer is about that opportunity; your news about others is not).
    """

    direction: str
    method: str
    counterpart: Address | None = None
    opportunity_id: str | None = None
    candidates: tuple[str, ...] = ()
    contact_id: str | None = None
    contact_only: bool = False
    personal: bool = False
    person: bool = True
    forwarded: bool = False
    relevant: bool = True
    tags: frozenset[str] = frozenset()
    sender_kind: str = "person"
    note: str = ""
    named: bool = False

    @property
    def matched(self) -> bool:
        return self.method != "none"

    @property
    def ambiguous(self) -> bool:
        return self.opportunity_id is None and len(self.candidates) > 1


def classify_match(
    facts: MailFacts, rules: MailRules, match: Match, *, interviewed: bool = False
) -> Classification:
    """The verdict for a message as the matcher saw it: the one place where what a
    :class:`Match` found is handed to :func:`classify`, for the scan and its tests alike.

    ``interviewed``: the matched opportunity had an interview before the message (see
    :meth:`MailWorld.interviewed_before`)."""
    found = classify(
        facts,
        rules,
        direction=match.direction,
        matched=match.matched,
        person=match.person,
        relevant=match.relevant,
        contact_only=match.contact_only,
        forwarded=match.forwarded,
        tags=match.tags,
        sender_kind=match.sender_kind,
        personal=match.personal,
    )
    return later_round(found, facts, rules, interviewed=interviewed)


@dataclass
class _Company:
    key: str
    name: str
    opportunities: list[Opportunity] = field(default_factory=list)
    patterns: list[re.Pattern[str]] = field(default_factory=list)
    slugs: set[str] = field(default_factory=set)


class MailWorld:
    """The records indexed for matching: built once per scan, then asked about each message."""

    def __init__(self, records: Records, rules: MailRules) -> None:
        self.rules = rules
        self.records = records
        self.mine = frozenset(addresses(str(records.settings["my_addresses"])))
        self.opportunities = {o.id: o for o in records.opportunities}
        self._interviews: dict[str, list[Interview]] | None = None
        self.contacts = {c.id: c for c in records.contacts}
        self.by_email: dict[str, Contact] = {}
        for contact in records.contacts:
            if contact.email:
                self.by_email.setdefault(contact.email.lower(), contact)
        self.by_name: dict[str, list[Contact]] = {}
        for contact in records.contacts:
            self.by_name.setdefault(_slug(contact.name), []).append(contact)
        self.companies: dict[str, _Company] = {}
        for opportunity in records.opportunities:
            key = company_key(opportunity.company)
            company = self.companies.get(key)
            if company is None:
                company = self.companies[key] = _Company(key, opportunity.company)
            company.opportunities.append(opportunity)
        self.domains: dict[str, set[str]] = {}
        self.address_hints: dict[str, set[str]] = {}
        for company in self.companies.values():
            names = self._aliases(company)
            for opportunity in company.opportunities:
                names.extend(h for h in opportunity.mail_hints if "@" not in h and "." not in h)
            company.patterns = [_pattern(name) for name in dict.fromkeys(names)]
            company.slugs = {_slug(n) for n in names if len(_slug(n)) >= 4}
            for opportunity in company.opportunities:
                self._learn_domains(company, opportunity)
        self.patterns = [
            (key, pattern) for key, c in self.companies.items() for pattern in c.patterns
        ]
        # A company's own name as a domain ("Hollis & Grey" -> hollisgrey.example): what an
        # opportunity with no contact, posted on an applicant-tracking site, writes from.
        self.name_domains: dict[str, set[str]] = {}
        for company in self.companies.values():
            for slug in company.slugs:
                self.name_domains.setdefault(slug, set()).update(
                    o.id for o in company.opportunities
                )
        self.threads: dict[str, str | None] = {}
        for seen in records.mail_seen:
            if seen.message_id and seen.action != "ignored":
                self.threads[seen.message_id] = seen.opportunity_id

    # -- building ---------------------------------------------------------------------------------

    def interviewed_before(self, match: Match, facts: MailFacts) -> bool:
        """Whether the matched opportunity had an interview that began before this message
        was sent (not cancelled, and not the one this very invitation set up or moves): an
        invitation after one is to a later round, however it is worded."""
        if match.opportunity_id is None or match.contact_only or match.ambiguous:
            return False
        if self._interviews is None:
            self._interviews = {}
            for interview in self.records.interviews:
                self._interviews.setdefault(interview.opportunity_id, []).append(interview)
        uid = facts.invitation.uid if facts.invitation is not None else ""
        return any(
            not interview.cancelled
            and interview.start < facts.at
            and not (uid and interview.invite_uid == uid)
            for interview in self._interviews.get(match.opportunity_id, ())
        )

    def _aliases(self, company: _Company) -> list[str]:
        """Names the company goes by: as written, with "and" for "&", without a trailing
        "Systems", "Inc", "Bank"... (a single word left must be at least four letters)."""
        name = " ".join(company.name.split())
        names = [name]
        if "&" in name:
            names.append(name.replace("&", "and"))
            names.append(name.replace(" & ", "&"))
        if " and " in name.lower():
            names.append(re.sub(r"\band\b", "&", name, flags=re.IGNORECASE))
        words = name.replace(",", " ").split()
        while len(words) > 1 and words[-1].lower().strip(".") in self.rules.company_words:
            words = words[:-1]
            if len(words) > 1 or len(words[0]) >= 4:
                names.append(" ".join(words))
        return names

    def _learn_domains(self, company: _Company, opportunity: Opportunity) -> None:
        for hint in opportunity.mail_hints:
            hint = hint.strip().lower()
            if "@" in hint:
                self.address_hints.setdefault(hint, set()).add(opportunity.id)
            elif "." in hint:
                self.domains.setdefault(registrable_domain(hint), set()).add(opportunity.id)
        for contact in self.records.contacts:
            if not contact.email:
                continue
            linked = opportunity.id in contact.opportunity_ids
            if not linked and company_key(contact.company) != company.key:
                continue
            domain = contact.email.rpartition("@")[2].lower()
            if self._free(domain) or self._ats(domain):
                continue
            self.domains.setdefault(registrable_domain(domain), set()).add(opportunity.id)
        if opportunity.url:
            host = re.sub(r"^https?://", "", opportunity.url).split("/", 1)[0].split(":")[0]
            if self._ats(host) or self._board(host):
                # A posting on an applicant-tracking system's site: its path names the company
                # ("jobs.lever.co/harborpine/1234"), which the system's mail carries too.
                path = opportunity.url.split("//", 1)[-1].split("/")[1:2]
                if path and len(_slug(path[0])) >= 4:
                    company.slugs.add(_slug(path[0]))
            elif host and not self._free(host):
                self.domains.setdefault(registrable_domain(host), set()).add(opportunity.id)

    # -- senders ------------------------------------------------------------------------------

    def _company_domain(self, domain: str) -> set[str]:
        """The opportunities a sender's domain belongs to: learned from contacts, postings and
        hints, else the company's name spelled as the domain's name."""
        registrable = registrable_domain(domain)
        learned = self.domains.get(registrable)
        if learned:
            return learned
        if self._ats(domain) or self._board(domain):
            return set()
        return self.name_domains.get(_slug(registrable.split(".")[0]), set())

    def _labels(self, domain: str) -> list[str]:
        parts = domain.lower().split(".")
        return parts[:-1] if len(parts) > 1 else parts

    def _ats(self, domain: str) -> str | None:
        return next((self.rules.ats[x] for x in self._labels(domain) if x in self.rules.ats), None)

    def _board(self, domain: str) -> str | None:
        labels = self._labels(domain)
        return next((self.rules.job_boards[x] for x in labels if x in self.rules.job_boards), None)

    def _free(self, domain: str) -> bool:
        labels = self._labels(domain)
        return bool(labels) and labels[-1] in self.rules.free_mail

    def sender_kind(self, address: Address | None) -> str:
        """``ats``, ``job_board``, ``calendar``, ``automated`` or ``person``."""
        if address is None:
            return "automated"
        if self._ats(address.domain):
            return "ats"
        if self._board(address.domain):
            return "job_board"
        if address.local in self.rules.calendars:
            return "calendar"
        if self.rules.automated.match(address.local):
            return "automated"
        return "person"

    def mine_address(self, address: Address | None) -> bool:
        return address is not None and address.email in self.mine

    # -- orientation --------------------------------------------------------------------------

    def orient(self, facts: MailFacts) -> tuple[str, list[Address], bool]:
        """Direction, the counterparts to match on, and whether a forward stands in.

        The person's own message to themself that forwards one (from a work account to a
        personal one) is read as the message it forwards, coming in.
        """
        if self.mine_address(facts.sender) or facts.in_sent_folder:
            recipients = [a for a in facts.to if a.email not in self.mine]
            if not recipients and facts.forwarded is not None and facts.forwarded.sender:
                return "in", [facts.forwarded.sender], True
            return "out", recipients, False
        counterparts = [a for a in (facts.sender, *facts.reply_to) if a is not None]
        if facts.invitation is not None and facts.invitation.organizer is not None:
            # Google and others send invitations from their own address: the organizer is
            # the person it is from.
            counterparts.append(facts.invitation.organizer)
        return "in", [a for a in counterparts if a.email not in self.mine], False

    # -- the header check ---------------------------------------------------------------------

    def worth_reading(self, facts: MailFacts) -> bool:
        """From the headers alone: could this message be about a job being tracked?

        Only such messages are opened further (over IMAP, only their bodies are fetched): a
        known contact, an opportunity's address or domain, an applicant-tracking or job-board
        sender, a company named in the subject, a thread already matched, or the person's own
        mail to one of those.
        """
        direction, counterparts, forwarded = self.orient(facts)
        if forwarded:
            return True
        if direction == "out" and not counterparts and facts.subject:
            return bool(first_named(self.patterns, facts.subject))
        for address in counterparts:
            if address.email in self.by_email or address.email in self.address_hints:
                return True
            domain = address.domain
            if not self._free(domain) and self._company_domain(domain):
                return True
            if direction == "in" and self.sender_kind(address) in {"ats", "job_board", "calendar"}:
                return True
        if any(ref in self.threads for ref in facts.references):
            return True
        if direction == "out" and facts.subject.lower().startswith(("fwd", "fw:")):
            return True
        names = " ".join(a.name for a in counterparts if a.name)
        if any(self._named_contact(a.name) for a in counterparts if a.name):
            return True
        return bool(first_named(self.patterns, facts.subject) or first_named(self.patterns, names))

    # -- matching -----------------------------------------------------------------------------

    def unmatched(self, facts: MailFacts) -> Match:
        """The match of a message whose headers concern nothing tracked (never read further)."""
        direction, counterparts, forwarded = self.orient(facts)
        return Match(
            direction=direction,
            method="none",
            counterpart=counterparts[0] if counterparts else None,
            forwarded=forwarded,
            relevant=False,
        )

    def match(self, facts: MailFacts) -> Match:
        """The opportunity and contact a message is about, and how they were found."""
        direction, counterparts, forwarded = self.orient(facts)
        sender = facts.forwarded.sender if forwarded and facts.forwarded else facts.sender
        kind = self.sender_kind(sender) if direction == "in" else "person"
        text = "\n".join(
            p
            for p in (
                facts.text,
                facts.forwarded.subject if facts.forwarded else "",
                facts.forwarded.text if facts.forwarded else "",
            )
            if p
        )
        subject = facts.forwarded.subject if forwarded and facts.forwarded else facts.subject
        base: dict[str, Any] = {
            "direction": direction,
            "forwarded": forwarded,
            "sender_kind": kind,
            "person": kind == "person",
        }
        # 1. a contact's own address
        for address in counterparts:
            contact = self.by_email.get(address.email)
            if contact is None:
                continue
            personal = self._free(address.domain) or bool(
                contact.tags & {"core", "advocate", "friend"}
            )
            opportunities = self._of_contact(contact)
            if not opportunities:
                # Someone with no opportunity of their own, about one all the same: the person
                # forwards a company's message to a friend or mentor (it is about that company),
                # or a friend or reference answers in a thread whose subject names one ("RE:
                # Reference for Quillstone?"). Found by name only, so it waits for a look —
                # logged at once it would tell Quillstone's clock that Quillstone answered.
                forward = direction == "out" and facts.forwarded is not None
                about = self._forward_about(facts) if forward else []
                why = "the company of the message forwarded"
                if not about:
                    about = self._named_opportunities(subject)
                    why = "a contact writing about an opportunity they name"
                    forward = False
                speaks_of_a_job = job_related(f"{subject}\n{text}", self.rules)
                if about:
                    chosen, candidates, note = self._narrow(about, subject, text)
                    return Match(
                        method="name",
                        counterpart=address,
                        opportunity_id=chosen,
                        candidates=candidates,
                        contact_id=contact.id,
                        personal=True,
                        relevant=forward or speaks_of_a_job,
                        tags=contact.tags,
                        note=note or why,
                        **base,
                    )
                return Match(
                    method="address",
                    counterpart=address,
                    contact_id=contact.id,
                    contact_only=True,
                    personal=True,
                    relevant=speaks_of_a_job,
                    tags=contact.tags,
                    **base,
                )
            chosen, candidates, note = self._narrow(opportunities, subject, text)
            relevant = not personal or self._relevant(subject, text, opportunities)
            named = chosen is not None and self._names(self.opportunities[chosen], subject, text)
            return Match(
                method="address",
                counterpart=address,
                opportunity_id=chosen,
                candidates=candidates,
                contact_id=contact.id,
                personal=personal,
                relevant=relevant,
                tags=contact.tags,
                note=note,
                named=named,
                **base,
            )
        # 2. an address or domain of the opportunity
        for address in counterparts:
            hinted = self.address_hints.get(address.email)
            if hinted:
                return self._result("hint", address, hinted, subject, text, base)
        for address in counterparts:
            domain = address.domain
            if self._free(domain) or self._ats(domain) or self._board(domain):
                continue
            found = self._company_domain(domain)
            if found:
                return self._result("domain", address, found, subject, text, base)
        counterpart = counterparts[0] if counterparts else None
        # 3. the thread of a message matched before
        for reference in facts.references:
            if reference in self.threads:
                opportunity_id = self.threads[reference]
                if opportunity_id is not None and opportunity_id in self.opportunities:
                    return self._result(
                        "thread", counterpart, {opportunity_id}, subject, text, base
                    )
        # 4. a system sending for a company: the company it names
        if direction == "in" and kind in {"ats", "job_board", "calendar"} and sender is not None:
            address_words = " ".join(re.split(r"[@._+-]", sender.email))
            sources = [(sender.name, True), (subject, False), (address_words, True), (text, False)]
            for source, by_slug in sources:
                keys = first_named(self.patterns, source)
                if not keys and by_slug:
                    keys = self._slugs_in(source)  # "northwind@myworkday", "HarborPine Talent"
                if keys:
                    found_ids = {o.id for k in keys for o in self.companies[k].opportunities}
                    return self._result("ats", counterpart, found_ids, subject, text, base)
            contact = self._named_contact(sender.name) or self._contact_in(f"{subject}\n{text}")
            if contact is not None:
                return self._contact_by_name(contact, counterpart, subject, text, base)
        # 5. a contact's name on a counterpart with an address nowwhat does not know
        for address in counterparts:
            contact = self._named_contact(address.name) if address.name else None
            if contact is not None:
                return self._contact_by_name(contact, address, subject, text, base)
        # 6. the company named
        names = " ".join(a.name for a in counterparts if a.name)
        keys = (
            first_named(self.patterns, subject)
            or first_named(self.patterns, names)
            or first_named(self.patterns, text)
        )
        if keys:
            found_ids = {o.id for k in keys for o in self.companies[k].opportunities}
            match = self._result("name", counterpart, found_ids, subject, text, base)
            if direction == "in" and kind == "person":
                # A name alone from someone unknown: only when the message speaks of a job.
                relevant = job_related(f"{subject}\n{text}", self.rules)
                return dataclasses.replace(match, relevant=relevant, personal=True)
            return match
        return Match(method="none", counterpart=counterpart, relevant=False, **base)

    def _result(
        self,
        method: str,
        counterpart: Address | None,
        ids: Iterable[str],
        subject: str,
        text: str,
        base: dict[str, Any],
    ) -> Match:
        opportunities = [self.opportunities[i] for i in sorted(ids) if i in self.opportunities]
        chosen, candidates, note = self._narrow(opportunities, subject, text)
        return Match(
            method=method,
            counterpart=counterpart,
            opportunity_id=chosen,
            candidates=candidates,
            relevant=True,
            note=note,
            **base,
        )

    def _of_contact(self, contact: Contact) -> list[Opportunity]:
        linked = [self.opportunities[i] for i in contact.opportunity_ids if i in self.opportunities]
        if linked:
            return linked
        if not contact.company:
            return []
        company = self.companies.get(company_key(contact.company))
        if company is None:
            # "Northwind" for a contact at "Northwind Analytics": the company's other names.
            for candidate in self.companies.values():
                if any(p.fullmatch(contact.company) for p in candidate.patterns):
                    company = candidate
                    break
        return list(company.opportunities) if company else []

    def _named_contact(self, name: str) -> Contact | None:
        """A contact named in a system sender's display name ("Mia Santos via LinkedIn")."""
        name = re.sub(
            r"\s*[(\[]?\s*\b(via|through|on behalf of)\b.*$", "", name, flags=re.IGNORECASE
        )
        found = self.by_name.get(_slug(name))
        return found[0] if found and len(found) == 1 else None

    def _contact_by_name(
        self,
        contact: Contact,
        counterpart: Address | None,
        subject: str,
        text: str,
        base: dict[str, Any],
    ) -> Match:
        opportunities = self._of_contact(contact)
        chosen, candidates, note = self._narrow(opportunities, subject, text)
        return Match(
            method="name",
            counterpart=counterpart,
            opportunity_id=chosen,
            candidates=candidates,
            contact_id=contact.id,
            contact_only=not opportunities,
            personal=bool(contact.tags & {"core", "advocate", "friend"}),
            tags=contact.tags,
            note=note or f"the sender's name is {contact.name}'s",
            **base,
        )

    def _contact_in(self, text: str) -> Contact | None:
        """The one contact whose full name (two words or more) a system's message names
        ("Mia Santos sent you a message")."""
        found = {
            c.id: c
            for c in self.records.contacts
            if len(c.name.split()) >= 2 and _pattern(c.name, fold=True).search(text)
        }
        return next(iter(found.values())) if len(found) == 1 else None

    def _named_opportunities(self, subject: str) -> list[Opportunity]:
        """The opportunities of the one company a subject names, if it names one: what a
        thread is about (a passing mention in the text is not)."""
        keys = first_named(self.patterns, subject)
        if len(keys) != 1:
            return []
        return list(self.companies[keys[0]].opportunities)

    def _forward_about(self, facts: MailFacts) -> list[Opportunity]:
        """The opportunities the message inside a forward is about."""
        inner = facts.forwarded
        if inner is None:
            return []
        if inner.sender is not None:
            contact = self.by_email.get(inner.sender.email)
            if contact is not None and self._of_contact(contact):
                return self._of_contact(contact)
            found = self._company_domain(inner.sender.domain)
            if found and not self._free(inner.sender.domain):
                return [self.opportunities[i] for i in sorted(found) if i in self.opportunities]
        names = " ".join(x for x in (inner.sender.name if inner.sender else "", inner.subject) if x)
        keys = first_named(self.patterns, names) or first_named(self.patterns, inner.text)
        return [o for k in keys[:1] for o in self.companies[k].opportunities]

    def _slugs_in(self, text: str) -> list[str]:
        tokens = {t for t in re.split(r"[^a-z0-9]+", text.lower()) if len(t) >= 4}
        joined = _slug(text)
        return [
            key
            for key, company in self.companies.items()
            if company.slugs & tokens or any(s == joined for s in company.slugs)
        ]

    def _names(self, opportunity: Opportunity, subject: str, text: str) -> bool:
        """Whether the message names this opportunity's company or its role."""
        both = f"{subject}\n{text}"
        if opportunity.role and _pattern(opportunity.role, fold=True).search(both):
            return True
        return company_key(opportunity.company) in first_named(self.patterns, both)

    def _relevant(self, subject: str, text: str, opportunities: list[Opportunity]) -> bool:
        both = f"{subject}\n{text}"
        if job_related(both, self.rules):
            return True
        if any(o.role and _pattern(o.role, fold=True).search(both) for o in opportunities):
            return True  # "Fwd: Senior Data Analyst - Sam?"
        keys = {company_key(o.company) for o in opportunities}
        return any(k in keys for k in first_named(self.patterns, both))

    def _narrow(
        self, opportunities: list[Opportunity], subject: str, text: str
    ) -> tuple[str | None, tuple[str, ...], str]:
        """One opportunity, or none and the candidates, with a note on how it was chosen."""
        if not opportunities:
            return None, (), ""
        if len(opportunities) == 1:
            return opportunities[0].id, (), ""
        both = f"{subject}\n{text}"
        named = [o for o in opportunities if o.role and _pattern(o.role, fold=True).search(both)]
        companies = {company_key(o.company) for o in opportunities}
        if len(companies) > 1:
            in_text = first_named(self.patterns, both)
            wanted = [k for k in in_text if k in companies][:1]
            if wanted:
                return self._narrow(
                    [o for o in opportunities if company_key(o.company) == wanted[0]],
                    subject,
                    text,
                )
            return None, tuple(o.id for o in opportunities), "several companies"
        open_ones = [o for o in opportunities if o.active]
        open_named = [o for o in named if o.active]
        closed_named = [o for o in named if not o.active]
        if len(open_named) == 1:
            return open_named[0].id, (), "its role is named"
        if len(open_named) > 1:
            return None, tuple(o.id for o in open_named), "several open roles are named"
        if len(open_ones) == 1:
            if len(closed_named) == 1:
                # Only the closed one's role is named ("your Data Analyst application of 2025").
                return closed_named[0].id, (), "the role of a closed opportunity is named"
            return open_ones[0].id, (), "the open one of the company's opportunities"
        if len(open_ones) > 1:
            return None, tuple(o.id for o in open_ones), "several open opportunities"
        if len(closed_named) == 1:
            return closed_named[0].id, (), "its role is named"
        return None, tuple(o.id for o in opportunities), "several closed opportunities"


def _pattern(name: str, *, fold: bool = False) -> re.Pattern[str]:
    """A whole-word pattern for a name; one word matches as a proper noun only (``Avail`` but
    not "to no avail"), several words in any case."""
    words = name.split()
    body = r"\s+".join(re.escape(w) for w in words)
    edge_left, edge_right = r"(?<![\w&])", r"(?![\w&])"
    if len(words) == 1 and not fold:
        word = words[0]
        variants = {word, word.upper(), word[:1].upper() + word[1:]}
        body = "|".join(re.escape(v) for v in sorted(variants))
        return re.compile(f"{edge_left}(?:{body}){edge_right}")
    return re.compile(f"{edge_left}{body}{edge_right}", re.IGNORECASE)
