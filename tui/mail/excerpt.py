"""A short excerpt of a message in the review queue, read from the mail itself when asked.

nowwhat never stores a body: the excerpt is read again from where the message is (a file, a
Maildir, an mbox, an IMAP folder opened read-only) each time the person asks to see it.
"""

from __future__ import annotations

from ..engine.mail_records import MailReview
from ..engine.text import clean
from ..store import Store
from .parse import MalformedMessage, full_facts
from .sources import SourceError, read_located

__all__ = ["EXCERPT_CHARS", "excerpt"]

EXCERPT_CHARS = 600


def _imap_bytes(store: Store, review: MailReview) -> bytes:
    from .connect import password_from
    from .imap import ImapError, imap_source

    validity, uid, location = review.locator[len("imap:") :].split(":", 2)
    saved = next((s for s in store.records().mail_sources if s.location == location), None)

    def password() -> str:
        return password_from(saved.password_command if saved is not None else "")

    try:
        return imap_source(location, password=password).fetch(int(validity), int(uid))
    except ImapError as error:
        raise SourceError(str(error)) from None


def excerpt(store: Store, review: MailReview) -> str:
    """The first lines the sender wrote, or a line saying why they cannot be read now."""
    try:
        if review.locator.startswith("imap:"):
            data = _imap_bytes(store, review)
        else:
            data = read_located(review.locator)
        if not data:
            return "(the message is no longer in that folder)"
        facts = full_facts(data, review.message_id or "excerpt", store.settings().timezone)
    except (SourceError, MalformedMessage) as error:
        return f"(cannot read the message now: {error})"
    except Exception as error:  # the excerpt must never take the face down with it
        return f"(cannot read the message now: {type(error).__name__})"
    text = facts.text or (facts.forwarded.text if facts.forwarded else "")
    text = clean(text, multiline=True).strip()
    if len(text) > EXCERPT_CHARS:
        text = text[:EXCERPT_CHARS].rsplit(" ", 1)[0] + " …"
    return text
