"""What Today and the Waiting room say while mail waits for review: "3 messages to review".

It goes in the screen's header line (after Today's date), so it costs no row of a small
terminal: the count, and the key that opens the Inbox.
"""

from __future__ import annotations

from ..engine.mail_inbox import review_notice
from ..engine.models import Records

__all__ = ["mail_notice"]


def mail_notice(records: Records) -> str:
    """``" · ✉ 3 messages to review (7)"``, or nothing while the review queue is empty."""
    notice = review_notice(records)
    return f" · ✉ {notice} (7)" if notice else ""
