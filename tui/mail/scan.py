"""The scan: read sources message by message, decide, and write in small transactions.

Each message is handled once, keyed by its Message-ID (or a hash of date, sender and subject).
A message handled before is recognised from its header bytes alone, so a second scan of a large
folder reads little. A message is opened past its headers only when they could concern a job
being tracked (:meth:`MailWorld.worth_reading`). Decisions are written in batches, each batch in
one store transaction that first checks, against the file as it is then, which messages another
process handled meanwhile: two scans at once log each message once, and a scan killed midway
leaves every batch it finished and nothing of the one it was in.
"""

from __future__ import annotations

import dataclasses
import os
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

import pendulum
from pendulum import Date, DateTime

from ..engine.mail_decide import decide
from ..engine.mail_facts import MailFacts
from ..engine.mail_match import MailWorld, Match, classify_match
from ..engine.mail_records import MailSeen, seen_id
from ..engine.mail_rules import Classification, MailRules
from ..engine.models import Records
from ..store import Store
from .actions import record
from .parse import MalformedMessage, full_facts, head_facts, message_key
from .sources import RawMessage, Source

__all__ = ["Outcome", "Scan", "batch_size"]

BATCH = 200
BATCH_SECONDS = 1.0


def batch_size() -> int:
    """Messages per transaction (``NOWWHAT_MAIL_BATCH`` changes it, for tests that kill a scan)."""
    try:
        return max(1, int(os.environ.get("NOWWHAT_MAIL_BATCH", BATCH)))
    except ValueError:
        return BATCH


@dataclass
class Outcome:
    """One message's result, as ``mail scan`` reports it."""

    name: str
    message_id: str
    date: DateTime
    direction: str
    verdict: str
    company: str | None
    opportunity: str | None
    action: str
    subject: str = ""
    reason: str = ""
    review_id: str | None = None
    touch_id: str | None = None
    sent_kind: str = ""
    match: str = ""
    source: str = ""

    def to_json(self) -> dict[str, object]:
        """The keys scripts read (``message_id`` ... ``action``), then the details."""
        return {
            "message_id": self.message_id,
            "date": self.date.isoformat(),
            "direction": self.direction,
            "verdict": self.verdict,
            "company": self.company,
            "opportunity": self.opportunity,
            "action": self.action,
            "sent_kind": self.sent_kind or None,
            "subject": self.subject,
            "file": self.name,
            "source": self.source,
            "match": self.match or None,
            "reason": self.reason,
            "review": self.review_id,
            "touch": self.touch_id,
        }


@dataclass
class _Pending:
    seen_id: str
    raw: RawMessage
    source: Source
    facts: MailFacts
    match: Match
    verdict: Classification


@dataclass
class Scan:
    """One run of ``mail scan`` over some sources."""

    store: Store
    now: DateTime
    rules: MailRules
    dry_run: bool = False
    since: Date | None = None
    progress: Callable[[int, str], None] | None = None
    batch: int = field(default_factory=batch_size)
    problems: list[str] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)

    def __post_init__(self) -> None:
        records = self.store.records()
        self.world = MailWorld(records, self.rules)
        self.tz = records.settings.timezone
        self._seen: dict[str, MailSeen] = {m.id: m for m in records.mail_seen}
        # Every message of this run by id, for copies of it later in the run: its outcome, or
        # for an ignored one just its date and direction (a 20,000-message folder is mostly
        # those, and memory should not grow with what was thrown away).
        self._this_run: dict[str, Outcome | tuple[DateTime, str, str]] = {}
        self._companies = {o.id: o.company for o in records.opportunities}
        self._done = 0

    # -- reading ----------------------------------------------------------------------------------

    def run(self, sources: Iterable[Source]) -> Iterator[list[Outcome]]:
        """Scan ``sources`` in turn; yield each batch's outcomes once it is written."""
        for source in sources:
            pending: list[_Pending] = []
            ready: list[Outcome] = []
            started = time.monotonic()
            for raw in source.messages():
                self._done += 1
                if self.progress is not None:
                    self.progress(self._done, raw.name)
                outcome, item = self._read(raw, source)
                if isinstance(outcome, str):  # a copy of a message still waiting to be written
                    ready.extend(self._commit(pending, source))
                    pending = []
                    outcome = self._copy_of(outcome, raw.name)
                    self.counts["seen"] = self.counts.get("seen", 0) + 1
                if outcome is not None:
                    ready.append(outcome)
                if item is not None:
                    pending.append(item)
                if len(pending) >= self.batch or (
                    pending and time.monotonic() - started > BATCH_SECONDS
                ):
                    ready.extend(self._commit(pending, source))
                    pending = []
                    started = time.monotonic()
                    yield ready
                    ready = []
                elif len(ready) >= 1000:
                    yield ready
                    ready = []
            ready.extend(self._commit(pending, source, final=True))
            yield ready

    def _read(
        self, raw: RawMessage, source: Source
    ) -> tuple[Outcome | str | None, _Pending | None]:
        """A message seen before, skipped for a reason, or read and waiting to be written (or
        the id of the same message read earlier in this run)."""
        try:
            head = raw.read_head()
            key = message_key(head)
        except (OSError, MalformedMessage, ValueError) as error:
            self._skip(raw, f"cannot be read ({error})")
            return None, None
        sid = seen_id(key)
        earlier = self._seen.get(sid)
        if earlier is not None:
            return self._outcome_of_seen(raw, source, key, earlier), None
        if sid in self._this_run:
            first = self._this_run[sid]
            if isinstance(first, Outcome) and first.action == "pending":
                return sid, None
            self.counts["seen"] = self.counts.get("seen", 0) + 1
            return self._copy_of(sid, raw.name), None

        def fallback() -> DateTime | None:
            arrived = raw.arrived()
            return pendulum.from_timestamp(arrived) if arrived is not None else None

        try:
            facts = head_facts(head, key, in_sent=raw.in_sent, name=raw.name, fallback=fallback)
        except MalformedMessage as error:
            self._skip(raw, str(error).partition(": ")[2] or str(error))
            return None, None
        if self.since is not None and facts.at.in_timezone(self.tz).date() < self.since:
            return None, None
        if not self.world.worth_reading(facts):
            # Nothing in its headers concerns a job being tracked: never opened further.
            match = self.world.unmatched(facts)
            verdict = Classification("unrelated", "nothing in its headers concerns a job", True)
            self._this_run[sid] = _placeholder(raw, facts, match.direction)
            return None, _Pending(sid, raw, source, facts, match, verdict)
        try:
            facts = full_facts(
                raw.read_all(), key, self.tz, in_sent=raw.in_sent, name=raw.name, fallback=fallback
            )
        except OSError as error:
            self._skip(raw, f"cannot be read ({error.strerror or error})")
            return None, None
        except MalformedMessage as error:
            self._skip(raw, str(error).partition(": ")[2] or str(error))
            return None, None
        match = self.world.match(facts)
        interviewed = self.world.interviewed_before(match, facts)
        verdict = classify_match(facts, self.rules, match, interviewed=interviewed)
        self._this_run[sid] = _placeholder(raw, facts, match.direction)
        return None, _Pending(sid, raw, source, facts, match, verdict)

    def _skip(self, raw: RawMessage, why: str) -> None:
        self.problems.append(f"{raw.name}: skipped, {why}")
        self.counts["skipped"] = self.counts.get("skipped", 0) + 1

    def _outcome_of_seen(
        self, raw: RawMessage, source: Source, key: str, seen: MailSeen
    ) -> Outcome:
        self.counts["seen"] = self.counts.get("seen", 0) + 1
        return Outcome(
            name=raw.name,
            message_id=key if not key.startswith("hash:") else "",
            date=seen.at,
            direction=seen.direction,
            verdict=seen.verdict,
            company=self._companies.get(seen.opportunity_id or ""),
            opportunity=seen.opportunity_id,
            action="seen",
            subject=seen.subject,
            review_id=seen.review_id,
            touch_id=seen.touch_id,
            sent_kind=seen.sent_kind,
            source=source.location,
        )

    # -- writing ----------------------------------------------------------------------------------

    def _commit(
        self, pending: list[_Pending], source: Source, *, final: bool = False
    ) -> list[Outcome]:
        checkpoint = source.checkpoint() if not self.dry_run else None
        if not pending and (checkpoint is None or not final):
            return []
        if self.dry_run:
            records = self.store.records()
            return [self._decided(p, records, None)[0] for p in pending]
        outcomes: list[Outcome] = []
        with self.store.transaction():
            records = self.store.records()
            known = {m.id: m for m in records.mail_seen}  # as the file is now: another scan?
            handled: list[MailSeen] = []
            for item in pending:
                earlier = known.get(item.seen_id)
                if earlier is not None:
                    outcomes.append(
                        self._outcome_of_seen(item.raw, item.source, item.facts.key, earlier)
                    )
                    continue
                outcome, seen = self._decided(item, records, self.store)
                outcomes.append(outcome)
                if seen is not None:
                    handled.append(seen)
                if outcome.action != "ignored":
                    records = self.store.records()  # an invitation next may depend on it
            self.store.add_all(handled)
            if checkpoint is not None:
                self._save_checkpoint(self.store.records(), source, checkpoint)
        return outcomes

    def _decided(
        self, item: _Pending, records: Records, store: Store | None
    ) -> tuple[Outcome, MailSeen | None]:
        decision = decide(item.facts, item.match, item.verdict, records, self.world.mine)
        counterpart = item.match.counterpart.email if item.match.counterpart else ""
        review_id = touch_id = None
        seen = None
        if store is not None:
            seen = record(
                store,
                self.now,
                item.seen_id,
                item.facts,
                decision,
                counterpart=counterpart,
                source=item.source.location,
                locator=item.raw.locator,
                match=item.match.method,
                keep=False,
            )
            self._seen[seen.id] = seen
            review_id, touch_id = seen.review_id, seen.touch_id
        if decision.action != "ignored" and item.facts.message_id:
            self.world.threads[item.facts.message_id] = decision.opportunity_id
        self.counts[decision.action] = self.counts.get(decision.action, 0) + 1
        outcome = Outcome(
            name=item.raw.name,
            message_id=item.facts.message_id,
            date=item.facts.at,
            direction=item.match.direction,
            verdict=decision.verdict,
            company=self._companies.get(decision.opportunity_id or ""),
            opportunity=decision.opportunity_id,
            action=decision.action,
            subject=item.facts.subject,
            reason=decision.reason,
            review_id=review_id,
            touch_id=touch_id,
            sent_kind=decision.sent_kind,
            match=item.match.method if item.match.matched else "",
            source=item.source.location,
        )
        self._this_run[item.seen_id] = (
            (outcome.date, outcome.direction, outcome.message_id)
            if decision.action == "ignored"
            else outcome
        )
        return outcome, seen

    def _copy_of(self, sid: str, name: str) -> Outcome:
        """The outcome of a copy of a message handled earlier in this run."""
        first = self._this_run[sid]
        if isinstance(first, Outcome):
            return dataclasses.replace(first, name=name, action="seen")
        at, direction, message_id = first
        return Outcome(
            name=name,
            message_id=message_id,
            date=at,
            direction=direction,
            verdict="unrelated",
            company=None,
            opportunity=None,
            action="seen",
        )

    def _save_checkpoint(self, records: Records, source: Source, point: tuple[int, int]) -> None:
        saved = next((s for s in records.mail_sources if s.location == source.location), None)
        if saved is None:
            return
        uidvalidity, last_uid = point
        changed = dataclasses.replace(
            saved, uidvalidity=uidvalidity, last_uid=last_uid, last_scan=self.now
        )
        if changed != saved:
            self.store.put(changed)


def _placeholder(raw: RawMessage, facts: MailFacts, direction: str) -> Outcome:
    """This run's note of a message read and not yet written (a copy of it may follow)."""
    return Outcome(
        name=raw.name,
        message_id=facts.message_id,
        date=facts.at,
        direction=direction,
        verdict="",
        company=None,
        opportunity=None,
        action="pending",
    )
