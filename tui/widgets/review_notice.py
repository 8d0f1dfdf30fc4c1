"""The line Today and the Waiting room show while mail waits for review: "3 messages to review"."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static

from ..engine.mail_inbox import review_notice
from ..engine.models import Records

__all__ = ["ReviewNotice"]


class ReviewNotice(Static):
    """Hidden while the review queue is empty; points to the Inbox (key 6) otherwise."""

    DEFAULT_CSS = """
    ReviewNotice {
        height: auto;
        padding: 0 1;
        color: $warning;
        display: none;
    }
    """

    def show_records(self, records: Records) -> None:
        """Update from ``records``: the count, or nothing."""
        notice = review_notice(records)
        self.display = bool(notice)
        if notice:
            self.update(Text(f"✉ {notice}: press 6 for the Inbox"))
