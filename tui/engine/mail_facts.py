"""A mail message reduced to plain facts: what the classifier and the matcher decide from.

The reader (:mod:`tui.mail.parse`) turns a message into these; nothing here knows MIME, files or
IMAP. Text is what the sender wrote now (``text``), apart from the history it quotes
(``quoted``) and a message it forwards (``forwarded``).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field

from pendulum import DateTime

__all__ = [
    "Address",
    "Forwarded",
    "Invitation",
    "MailFacts",
    "domain_of",
    "normalise",
]

_QUOTES = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u201b": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u2013": "-",
        "\u2014": "-",
        "\u2212": "-",
        "\u00a0": " ",
        "\u200b": "",
        "\u2026": "...",
    }
)
_SPACES = re.compile(r"\s+")


def normalise(text: str) -> str:
    """Text as the phrase rules read it: NFKC, straight quotes and dashes, one space, lower case."""
    text = unicodedata.normalize("NFKC", text).translate(_QUOTES)
    return _SPACES.sub(" ", text).strip().lower()


def domain_of(address: str) -> str:
    """``Dana@Talent.Quillstone.example`` -> ``talent.quillstone.example``."""
    return address.rpartition("@")[2].strip().strip(".").lower()


@dataclass(frozen=True, slots=True)
class Address:
    """A display name and an e-mail address (lower case)."""

    name: str
    email: str

    @property
    def domain(self) -> str:
        return domain_of(self.email)

    @property
    def local(self) -> str:
        return self.email.partition("@")[0]

    def __str__(self) -> str:
        return f"{self.name} <{self.email}>" if self.name else self.email


@dataclass(frozen=True, slots=True)
class Forwarded:
    """The message a forward carries: who wrote it, its subject, its text."""

    sender: Address | None
    subject: str
    text: str


@dataclass(frozen=True, slots=True)
class Invitation:
    """One calendar event from a ``text/calendar`` part (or an ``.ics`` file), as plain values.

    ``problem`` says why it cannot be used as an interview (a repeating event, an override of one
    occurrence, no start): such an invitation is never half-read into an interview.
    """

    method: str
    uid: str
    sequence: int = 0
    start: DateTime | None = None
    minutes: int = 0
    summary: str = ""
    location: str = ""
    description: str = ""
    organizer: Address | None = None
    attendees: tuple[Address, ...] = ()
    problem: str = ""


@dataclass(frozen=True, slots=True)
class MailFacts:
    """Everything the rules look at, for one message.

    ``body_read`` is false when only the headers were read (a message that matched nothing is
    never opened further): then ``text`` is empty.
    """

    key: str
    at: DateTime
    sender: Address | None
    subject: str = ""
    message_id: str = ""
    to: tuple[Address, ...] = ()
    reply_to: tuple[Address, ...] = ()
    references: tuple[str, ...] = ()
    headers: Mapping[str, str] = field(default_factory=dict)
    in_sent_folder: bool = False
    text: str = ""
    quoted: str = ""
    forwarded: Forwarded | None = None
    calendar_method: str = ""
    invitation: Invitation | None = None
    body_read: bool = False

    @property
    def is_reply(self) -> bool:
        """Written in answer to another message (a subject with ``Re:``, or reply headers)."""
        return bool(self.references) or self.subject_is_reply

    @property
    def subject_is_reply(self) -> bool:
        """The subject is another message's (``Re: ...``): its words are not this writer's."""
        return bool(_REPLY.match(self.subject))


_REPLY = re.compile(r"^\s*(re|aw|sv|antw|vs|odp|r)\s*(\[\d+\])?\s*:", re.IGNORECASE)
