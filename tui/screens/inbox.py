"""Inbox: what mail brought. The review queue to settle, and what scans applied (with undo).

Accepting does what the verdict means (:mod:`tui.mail.actions`): a rejection closes the
opportunity and offers the gracious close-out, an offer asks whether it is in hand, an
invitation opens the interview form filled from it. ``s`` scans the saved sources in a worker
thread with its own handle on the database (like a second session), so the screen stays live
and shows the scan's progress.
"""

from __future__ import annotations

import time
from typing import Any, ClassVar

from pendulum import Date, DateTime
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.widgets import DataTable, ProgressBar, Static

from ..engine.mail_inbox import AppliedRow, InboxView, ReviewRow, inbox_view
from ..engine.mail_records import INVITATIONS, MailReview
from ..engine.models import Opportunity, Records
from ..engine.when import format_clock, short_day
from ..widgets.table import RecordTable, cell
from .base import DataScreen

__all__ = ["InboxScreen"]


class InboxScreen(DataScreen):
    """The review queue above, the messages applied lately below, the selected entry between."""

    TITLE = "Inbox"
    CSS_PATH = "inbox.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "s",
            "scan",
            "Scan now",
            id="inbox.scan",
            tooltip="Scan the saved mail sources now (nowwhat mail sources add PATH)",
        ),
        Binding(
            "a",
            "accept",
            "Accept",
            id="inbox.accept",
            tooltip="Accept the selected entry: do what it proposes",
        ),
        Binding("r", "reject", "Reject", id="inbox.reject", tooltip="Reject it: change nothing"),
        Binding(
            "m",
            "match",
            "Match",
            id="inbox.match",
            tooltip="Choose the opportunity the selected entry is about",
        ),
        Binding(
            "o",
            "excerpt",
            "Excerpt",
            id="inbox.excerpt",
            tooltip="Show the first lines of the message, read from the mail now",
        ),
        Binding(
            "u",
            "undo",
            "Undo",
            id="inbox.undo",
            tooltip="Take back what a scan applied (the selected line below)",
        ),
        Binding(
            "n",
            "noticed",
            "Seen all",
            id="inbox.noticed",
            show=False,
            tooltip="Mark every newly applied message as looked at",
        ),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.view: InboxView | None = None
        self.records: Records | None = None
        self._scanning = False
        self._excerpts: dict[str, str] = {}

    def compose_body(self) -> ComposeResult:
        yield Static(id="inbox-status", classes="intro")
        yield ProgressBar(id="scan-progress", show_eta=False)
        yield RecordTable(id="review")
        yield Static(id="inbox-detail")
        yield Static(id="applied-title", classes="intro")
        yield RecordTable(id="applied")

    def on_mount(self) -> None:
        self.query_one("#scan-progress", ProgressBar).display = False
        super().on_mount()

    # -- showing ------------------------------------------------------------------------------

    def show(self, records: Records, now: DateTime) -> None:
        self.records = records
        view = inbox_view(records, now)
        self.view = view
        tz = records.settings.timezone
        if not self._scanning:
            self._show_status(records)
        rows = []
        today = now.in_timezone(tz).date()
        room = max(20, self.size.width - 52)  # the subject fits: no sideways scrolling
        for row in view.review:
            review = row.review
            subject = ("→ " if review.direction == "out" else "") + review.subject
            rows.append(
                (
                    review.id,
                    [
                        cell(_day(review.at.in_timezone(tz).date(), today)),
                        cell(row.what),
                        cell(_cut(row.company, 22)),
                        cell(_cut(subject, room)),
                    ],
                )
            )
        self.query_one("#review", RecordTable).fill(["Date", "What", "About", "Subject"], rows)
        applied = []
        for line in view.applied:
            seen = line.seen
            applied.append(
                (
                    seen.id,
                    [
                        cell("new" if line.new else "", "bold"),
                        cell(_day(seen.at.in_timezone(tz).date(), today)),
                        cell(line.what),
                        cell(_cut(line.company, 22)),
                        cell(_cut(seen.subject, room - 4)),
                    ],
                )
            )
        self.query_one("#applied", RecordTable).fill(
            ["", "Date", "Logged", "About", "Subject"], applied
        )
        title = Text("Applied in the last 14 days", style="bold")
        if view.new_applied:
            title.append(f" · {view.new_applied} new (n: mark them seen)")
        if not applied:
            title.append(" · nothing yet")
        self.query_one("#applied-title", Static).update(title)
        self._show_detail()

    def _show_status(self, records: Records) -> None:
        view = self.view
        waiting = len(view.review) if view else 0
        text = Text()
        text.append(f"{waiting} to review " if waiting else "Nothing to review ", style="bold")
        sources = records.mail_sources
        if sources:
            last = max((s.last_scan for s in sources if s.last_scan), default=None)
            text.append(f"· {len(sources)} saved source{'s' if len(sources) != 1 else ''}")
            if last is not None:
                local = last.in_timezone(records.settings.timezone)
                text.append(
                    f", last IMAP scan {short_day(local.date())} {format_clock(local.time())}"
                )
            text.append(" · s scans now")
        else:
            text.append("· no saved source: nowwhat mail sources add ~/Maildir")
        self.query_one("#inbox-status", Static).update(text)

    def _selected_review(self) -> ReviewRow | None:
        key = self.query_one("#review", RecordTable).current_key
        if self.view is None or key is None:
            return None
        return next((r for r in self.view.review if r.review.id == key), None)

    def _selected_applied(self) -> AppliedRow | None:
        key = self.query_one("#applied", RecordTable).current_key
        if self.view is None or key is None:
            return None
        return next((r for r in self.view.applied if r.seen.id == key), None)

    @on(DataTable.RowHighlighted, "#review")
    def _highlighted(self) -> None:
        self.when_settled("inbox-detail", self._show_detail)

    def _show_detail(self) -> None:
        pane = self.query_one("#inbox-detail", Static)
        row = self._selected_review()
        if row is None or self.records is None:
            pane.update(
                Text("The review queue is empty." if self.view and not self.view.review else "")
            )
            return
        review = row.review
        tz = self.records.settings.timezone
        text = Text()
        arrow = "to" if review.direction == "out" else "from"
        text.append(f"{row.what} · {row.company}", style="bold")
        text.append(f"  {arrow} {review.counterpart or '?'}\n")
        text.append(review.reason)
        if review.invite_start is not None:
            start = review.invite_start.in_timezone(tz)
            text.append(
                f"\ninterview {review.invite_kind} {short_day(start.date())} "
                f"{format_clock(start.time())}, {review.invite_minutes or '?'} min"
            )
            if review.invite_interviewers:
                text.append(" with " + ", ".join(review.invite_interviewers))
        if review.invite_problem:
            text.append(f"\ncalendar: {review.invite_problem}")
        excerpt = self._excerpts.get(review.id)
        if excerpt is not None:
            text.append("\n")
            text.append(excerpt, style="italic")
        else:
            text.append("\n")
            text.append("o shows the first lines of the message", style="dim")
        pane.update(text)

    # -- actions ----------------------------------------------------------------------------

    def _need_review(self) -> ReviewRow | None:
        row = self._selected_review()
        if row is None:
            self.notify("Nothing to review is selected.", markup=False)
        return row

    def action_accept(self) -> None:
        row = self._need_review()
        if row is None:
            return
        review = row.review
        if review.opportunity_id is None and review.contact_id is None:
            self._pick(review, then_accept=True)
            return
        self._accept(review, review.opportunity_id)

    def _accept(self, review: MailReview, opportunity_id: str | None, **extra: Any) -> None:
        from ..mail import actions as mail_actions

        records = self.records
        opportunity = next(
            (o for o in (records.opportunities if records else ()) if o.id == opportunity_id),
            None,
        )
        if review.verdict == "offer" and "in_hand" not in extra:
            from ..modals.ask import AskScreen

            company = opportunity.company if opportunity else "the company"

            def answered(in_hand: bool | None) -> None:
                self._accept(review, opportunity_id, in_hand=bool(in_hand))

            self.app.push_screen(
                AskScreen(
                    "An offer",
                    f"Is the offer from {company} in hand: signed, in writing? Until it is, "
                    "the search keeps going.",
                    yes="In hand",
                    no="Not yet",
                ),
                answered,
            )
            return
        if review.verdict in INVITATIONS and review.invite_method != "CANCEL":
            self._open_interview_form(review, opportunity)
            return

        def done(result: mail_actions.Accepted) -> None:
            self.notify(_said(result), markup=False)
            if review.verdict == "rejected" and result.opportunity is not None:
                self._offer_close_out(result.opportunity)

        self.change(
            mail_actions.accept,
            self.store,
            self.now(),
            review.id,
            opportunity_id=opportunity_id,
            done=done,
            **extra,
        )

    def _open_interview_form(self, review: MailReview, opportunity: Opportunity | None) -> None:
        from ..mail import actions as mail_actions
        from ..modals.records import interview_form

        if opportunity is None:
            self._pick(review, then_accept=True)
            return
        tz = self.store.settings().timezone
        prefill: dict[str, Any] = {"company": opportunity.company, "role": opportunity.role}
        if review.invite_start is not None:
            start = review.invite_start.in_timezone(tz)
            prefill["start"] = f"{start.date().isoformat()} {format_clock(start.time())}"
        if review.invite_kind:
            prefill["kind"] = review.invite_kind
        if review.invite_minutes:
            prefill["minutes"] = review.invite_minutes
        now = self.now()

        def accept(values: dict[str, Any]) -> None:
            mail_actions.accept(
                self.store,
                now,
                review.id,
                opportunity_id=opportunity.id,
                start=values["start"],
                minutes=values.get("minutes"),
                kind=values.get("kind") or None,
            )

        self.app.push_screen(
            interview_form(
                self.store,
                now,
                prefill=prefill,
                on_save=accept,
                title=f"Accept the invitation: {opportunity.company}",
            ),
            self._after_form,
        )

    def _after_form(self, saved: bool | None) -> None:
        if saved:
            self.notify("Interview added: prep before it, a thank-you after it.", markup=False)
            self.nowwhat.data_changed()

    def _offer_close_out(self, opportunity: Opportunity) -> None:
        from ..modals.ask import AskScreen

        def answered(write: bool | None) -> None:
            if write:
                self.open_composer(opportunity=opportunity)

        self.app.push_screen(
            AskScreen(
                "Closed",
                f"{opportunity.company} is closed. A gracious close-out keeps the door open: "
                "write it now?",
                yes="Write it",
                no="Later",
            ),
            answered,
        )

    def action_reject(self) -> None:
        from ..mail import actions as mail_actions

        row = self._need_review()
        if row is None:
            return
        self.change(
            mail_actions.reject,
            self.store,
            self.now(),
            row.review.id,
            done=lambda _: self.notify("Rejected: nothing was changed.", markup=False),
        )

    def action_match(self) -> None:
        row = self._need_review()
        if row is not None:
            self._pick(row.review, then_accept=False)

    def _pick(self, review: MailReview, *, then_accept: bool) -> None:
        from ..mail import actions as mail_actions
        from ..modals.pick import PickScreen

        records = self.records
        if records is None:
            return
        candidates = set(review.candidates)
        choices = []
        ordered = sorted(
            records.opportunities,
            key=lambda o: (o.id not in candidates, not o.active, o.company.casefold()),
        )
        for opportunity in ordered:
            label = Text(opportunity.company)
            if opportunity.role:
                label.append(f" · {opportunity.role}")
            label.append(f" ({opportunity.stage})", style="dim")
            choices.append((opportunity.id, label))

        def chosen(opportunity_id: str | None) -> None:
            if opportunity_id is None:
                return
            if then_accept:
                self._accept(review, opportunity_id)
                return
            self.change(
                mail_actions.change_match,
                self.store,
                review.id,
                opportunity_id,
                done=lambda _: self.notify("Match changed.", markup=False),
            )

        self.app.push_screen(PickScreen("Which opportunity is it about?", choices), chosen)

    def action_excerpt(self) -> None:
        row = self._need_review()
        if row is None:
            return
        self._excerpts[row.review.id] = "reading the message…"
        self._show_detail()
        self.run_worker(
            lambda: self._read_excerpt(row.review), thread=True, group="excerpt", exclusive=True
        )

    def _read_excerpt(self, review: MailReview) -> None:
        from ..mail.excerpt import excerpt
        from ..store import Store

        text = excerpt(Store(self.store.path), review)
        self.app.call_from_thread(self._excerpt_read, review.id, text or "(no text)")

    def _excerpt_read(self, review_id: str, text: str) -> None:
        self._excerpts[review_id] = text
        self._show_detail()

    def action_undo(self) -> None:
        from ..mail import actions as mail_actions

        row = self._selected_applied()
        if row is None:
            self.notify("Select an applied message below first (tab moves there).", markup=False)
            return
        self.change(
            mail_actions.undo,
            self.store,
            self.now(),
            row.seen.id,
            done=lambda _: self.notify(f"Undone: {row.what} — {row.company}", markup=False),
        )

    def action_noticed(self) -> None:
        from ..mail import actions as mail_actions

        self.change(
            mail_actions.notice_all,
            self.store,
            done=lambda count: self.notify(f"{count} marked as seen.", markup=False),
        )

    # -- scanning ---------------------------------------------------------------------------

    def action_scan(self) -> None:
        if self._scanning:
            self.notify("A scan is running.", markup=False)
            return
        if not self.store.records().mail_sources:
            self.notify(
                "No saved source yet: nowwhat mail sources add ~/Maildir (or imaps://…)",
                markup=False,
                timeout=8,
            )
            return
        self._scanning = True
        bar = self.query_one("#scan-progress", ProgressBar)
        bar.update(total=None, progress=0)
        bar.display = True
        self.query_one("#inbox-status", Static).update(Text("Scanning…", style="bold"))
        now = self.now()
        self.run_worker(lambda: self._scan(now), thread=True, group="mail-scan", exclusive=True)

    def _scan(self, now: DateTime) -> None:
        """In a worker thread, with the database opened again: the scan is another session."""
        from ..mail.connect import open_sources
        from ..mail.imap import ImapError
        from ..mail.rules import load_rules
        from ..mail.scan import Scan
        from ..mail.sources import SourceError
        from ..store import Store, StoreError

        call = self.app.call_from_thread
        try:
            store = Store(self.store.path)
            sources = open_sources(store)
            total = 0
            for source in sources:
                count = getattr(source, "count", lambda: None)()
                if count is None:
                    total = 0
                    break
                total += count
            call(self._scan_total, total or None)

            def progress(done: int, name: str) -> None:
                if done % 25 == 0:
                    call(self._scan_progress, done)

            scan = Scan(store, now, load_rules(store.path), progress=progress)
            shown = time.monotonic()
            for _ in scan.run(sources):
                if time.monotonic() - shown > 1.0:  # what is written shows as it comes
                    call(self.nowwhat.check_store)
                    shown = time.monotonic()
            store.save_snapshot()
            call(self._scan_done, dict(scan.counts), list(scan.problems), "")
        except (SourceError, ImapError, StoreError, OSError) as error:
            call(self._scan_done, {}, [], str(error))

    def _scan_total(self, total: int | None) -> None:
        self.query_one("#scan-progress", ProgressBar).update(total=total)

    def _scan_progress(self, done: int) -> None:
        self.query_one("#scan-progress", ProgressBar).update(progress=done)
        self.query_one("#inbox-status", Static).update(
            Text(f"Scanning… {done:,} messages read", style="bold")
        )

    def _scan_done(self, counts: dict[str, int], problems: list[str], error: str) -> None:
        self._scanning = False
        self.query_one("#scan-progress", ProgressBar).display = False
        self.nowwhat.check_store()
        self.refresh_data()
        if error:
            self.notify(f"Scan stopped: {error}", severity="error", markup=False, timeout=10)
            return
        message = (
            f"Scanned: {counts.get('applied', 0)} applied, {counts.get('review', 0)} to review, "
            f"{counts.get('ignored', 0)} ignored, {counts.get('seen', 0)} seen before"
        )
        if problems:
            message += f"; {len(problems)} skipped (nowwhat mail scan lists them)"
        self.notify(message, markup=False, timeout=8)


def _cut(text: str, width: int) -> str:
    return text if len(text) <= width else text[: max(1, width - 1)] + "…"


def _day(day: Date, today: Date) -> str:
    """``Fri 20 Nov``, with the year when it is not this year's (a 2025 application)."""
    shown = short_day(day)
    return shown if day.year == today.year else f"{shown} {day.year}"


def _said(result: Any) -> str:
    review = result.review
    company = result.opportunity.company if result.opportunity else "?"
    if review.verdict == "rejected":
        return f"Accepted: {company} is closed."
    if review.verdict == "offer":
        held = " (in hand)" if result.opportunity and result.opportunity.offer_in_hand else ""
        return f"Accepted: an offer from {company}{held}."
    if result.interview is not None and result.interview.cancelled:
        return f"Accepted: the {company} interview is marked cancelled."
    return f"Accepted: {review.verdict.replace('_', ' ')} — {company}."
