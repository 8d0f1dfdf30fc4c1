"""A message's bytes to :class:`MailFacts`, with the standard library's ``email`` (policy default).

Two depths: :func:`head_facts` reads the header block only (enough to match on), and
:func:`full_facts` the whole message: the text the sender wrote now (plain text preferred, HTML
turned into text), the history it quotes, a message it forwards, and a calendar part. Header
values are decoded by ``email`` and cleaned of control characters before anything keeps them.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import html
import re
from collections.abc import Callable, Iterable
from email import policy
from email.header import decode_header, make_header
from email.message import EmailMessage, Message
from email.parser import BytesParser
from email.utils import getaddresses, parsedate_to_datetime
from html.parser import HTMLParser

import pendulum
from pendulum import DateTime

from ..engine.mail_facts import Address, Forwarded, MailFacts
from ..engine.text import clean
from .ics import CalendarError, read_invitation

__all__ = [
    "MalformedMessage",
    "full_facts",
    "head_facts",
    "head_of",
    "message_key",
    "split_quoted",
]

MAX_TEXT = 20_000  # characters of text the rules read: enough for any real message
MAX_HEAD = 256 * 1024
_KEPT_HEADERS = (
    "list-id",
    "list-unsubscribe",
    "precedence",
    "auto-submitted",
    "x-auto-response-suppress",
)
_MESSAGE_ID = re.compile(rb"^message-id[ \t]*:[ \t]*((?:.*)(?:\r?\n[ \t].*)*)", re.I | re.M)
_ANGLE = re.compile(r"<[^<>\s]+>")


class MalformedMessage(Exception):
    """A message that cannot be read: skipped, with its name and this reason."""


def head_of(data: bytes) -> bytes:
    """The header block of a message (up to the first empty line)."""
    for separator in (b"\n\n", b"\r\n\r\n"):
        end = data.find(separator)
        if end != -1:
            return data[: end + len(separator)]
    return data[:MAX_HEAD]


def message_key(head: bytes) -> str:
    """What a message is known by: its Message-ID, else a hash of its date, sender and subject.

    Read straight from the header bytes (the fast path of a second scan, which must not parse
    20,000 messages again); the hash needs the decoded values, so it parses the header block.
    """
    found = _MESSAGE_ID.search(head)
    if found is not None:
        value = clean(re.sub(rb"\s+", b"", found.group(1)).decode("ascii", "replace"))
        angle = _ANGLE.search(value)
        if angle is not None:
            return angle.group(0)[:998]
        if value:
            return value[:998]
    message = _parse_head(head)
    sender = ",".join(a.email for a in _addresses(message, "from"))
    when = _date(message)
    stamp = when.in_timezone("UTC").isoformat() if when is not None else ""
    subject = " ".join(_header(message, "subject").split())
    digest = hashlib.sha256(f"{stamp}\n{sender}\n{subject}".encode()).hexdigest()
    return f"hash:{digest}"


def _parse_head(head: bytes) -> Message:
    """The header block, parsed for the quick check: ``email``'s compat32 parser, with the
    encoded words decoded on demand. (Policy default builds a rich object of every header,
    about 2.5 ms a message: most of a 20,000-message scan. Messages that are read further are
    parsed with policy default.)"""
    return BytesParser(policy=policy.compat32).parsebytes(head, headersonly=True)


def _decoded(value: object) -> str:
    if isinstance(value, str) and "=?" not in value:
        return value
    try:
        return str(make_header(decode_header(str(value))))
    except (ValueError, LookupError, UnicodeError, TypeError):
        return str(value)


def _header(message: Message, name: str) -> str:
    try:
        value = message.get(name)
    except Exception:  # a header policy default cannot parse: read it raw
        value = message.get_all(name, [None])[0] if hasattr(message, "get_all") else None
    if value is None:
        return ""
    text = _decoded(value) if not isinstance(message, EmailMessage) else str(value)
    return clean(text).strip()


def _addresses(message: Message, *names: str) -> tuple[Address, ...]:
    out: list[Address] = []
    for name in names:
        try:
            values = message.get_all(name) or []
        except Exception:
            values = []
        for raw in values:
            try:
                out.extend(_plain_addresses(str(raw)))
            except Exception:  # noqa: S112 - a header nothing can read: no address from it
                continue
    return tuple(out)


def _kept(pairs: Iterable[tuple[str, str]]) -> list[Address]:
    out = []
    for display, email in pairs:
        email = clean(email).strip().strip("<>").lower()
        if "@" in email:
            out.append(Address(clean(display).strip().strip('"'), email))
    return out


@functools.lru_cache(maxsize=8192)
def _plain_addresses(raw: str) -> tuple[Address, ...]:
    """An address header as ``email.utils.getaddresses`` reads it, remembered: the same few
    senders and your own address come back in thousands of messages."""
    return tuple(_kept((_decoded(n), e) for n, e in getaddresses([raw])))


def _date(message: Message) -> DateTime | None:
    raw = _header(message, "date")
    candidates = [raw] if raw else []
    try:
        received = message.get_all("received") or []
    except Exception:
        received = []
    candidates += [str(r).rpartition(";")[2] for r in received[:1]]
    for text in candidates:
        try:
            parsed = parsedate_to_datetime(text.strip())
        except (TypeError, ValueError, IndexError):
            continue
        if parsed.tzinfo is None:
            parsed = parsed.replace(tzinfo=pendulum.UTC)
        try:
            return pendulum.instance(parsed)
        except Exception:  # noqa: S112 - an impossible date: try the next source
            continue
    return None


def _references(message: Message) -> tuple[str, ...]:
    found: list[str] = []
    for name in ("in-reply-to", "references"):
        for ref in _ANGLE.findall(_header(message, name)):
            if ref not in found:
                found.append(ref)
    return tuple(found)


Fallback = Callable[[], DateTime | None]


def _facts_from_headers(
    message: Message, key: str, *, in_sent: bool, name: str, fallback: Fallback | None = None
) -> MailFacts:
    when = _date(message)
    if when is None and fallback is not None:
        when = fallback()
    if when is None:
        raise MalformedMessage(f"{name}: no readable Date header")
    senders = _addresses(message, "from")
    headers = {h: _header(message, h)[:500] for h in _KEPT_HEADERS if message.get(h) is not None}
    return MailFacts(
        key=key,
        at=when,
        sender=senders[0] if senders else None,
        subject=_header(message, "subject")[:500],
        message_id=key if not key.startswith("hash:") else "",
        to=_addresses(message, "to", "cc"),
        reply_to=_addresses(message, "reply-to"),
        references=_references(message),
        headers=headers,
        in_sent_folder=in_sent,
    )


def head_facts(
    head: bytes,
    key: str,
    *,
    in_sent: bool = False,
    name: str = "",
    fallback: Fallback | None = None,
) -> MailFacts:
    """The facts in a header block (no text): enough to decide whether to read further.

    ``fallback`` dates a message with no readable Date header (the file's time, or the IMAP
    server's arrival date).
    """
    try:
        message = _parse_head(head)
    except Exception as error:
        raise MalformedMessage(f"{name}: headers cannot be read ({error})") from None
    _check_is_mail(message, name)
    return _facts_from_headers(message, key, in_sent=in_sent, name=name, fallback=fallback)


def _check_is_mail(message: Message, name: str) -> None:
    """Refuse what is not a mail message at all (a stray file, a binary, a torn download)."""
    keys = {k.lower() for k in message}
    if not keys & {"from", "to", "subject", "date", "message-id"}:
        raise MalformedMessage(f"{name}: no mail headers (From, To, Subject, Date)")
    for key in message:
        if "\x00" in key:
            raise MalformedMessage(f"{name}: binary data in the headers")


def full_facts(
    data: bytes,
    key: str,
    tz: str,
    *,
    in_sent: bool = False,
    name: str = "",
    fallback: Fallback | None = None,
) -> MailFacts:
    """Every fact the rules use, from the whole message."""
    try:
        message = BytesParser(policy=policy.default).parsebytes(data)
    except Exception as error:
        raise MalformedMessage(f"{name}: not a readable message ({error})") from None
    _check_is_mail(message, name)
    facts = _facts_from_headers(message, key, in_sent=in_sent, name=name, fallback=fallback)
    text, quoted = _body(message)
    new, old, forwarded = split_quoted(text)
    quoted = "\n".join(x for x in (old, quoted) if x)
    method, invitation = "", None
    calendar = _calendar_part(message)
    if calendar is not None:
        data_part, hint = calendar
        try:
            invitation = read_invitation(data_part, tz, method_hint=hint)
            method = invitation.method
        except CalendarError:
            method = ""
    return MailFacts(
        key=facts.key,
        at=facts.at,
        sender=facts.sender,
        subject=facts.subject,
        message_id=facts.message_id,
        to=facts.to,
        reply_to=facts.reply_to,
        references=facts.references,
        headers=facts.headers,
        in_sent_folder=in_sent,
        text=new[:MAX_TEXT],
        quoted=quoted[:MAX_TEXT],
        forwarded=forwarded,
        calendar_method=method,
        invitation=invitation,
        body_read=True,
    )


def _content(part: Message) -> str:
    try:
        content = part.get_content()  # type: ignore[attr-defined]
    except (LookupError, UnicodeError, AssertionError, ValueError):
        payload = part.get_payload(decode=True)
        content = payload.decode("utf-8", "replace") if isinstance(payload, bytes) else ""
    if isinstance(content, bytes):
        content = content.decode("utf-8", "replace")
    return str(content)


def _body(message: EmailMessage) -> tuple[str, str]:
    """The text of a message (plain preferred) and the quoted part an HTML mail marks."""
    try:
        part = message.get_body(preferencelist=("plain", "html"))
    except Exception:
        part = None
    if part is None:
        return "", ""
    content = _content(part)
    if part.get_content_subtype() == "html":
        return html_to_text(content)
    return content.replace("\r\n", "\n"), ""


def _calendar_part(message: EmailMessage) -> tuple[bytes, str] | None:
    for part in message.walk():
        content_type = part.get_content_type()
        filename = (part.get_filename() or "").lower()
        if content_type in {"text/calendar", "application/ics"} or filename.endswith(".ics"):
            payload = part.get_payload(decode=True)
            if isinstance(payload, bytes) and payload.strip():
                return payload, str(part.get_param("method", "") or "")
    return None


# -- quoted history and forwards ------------------------------------------------------------------

_FORWARD = re.compile(
    r"^[ \t]*(-{2,}\s*forwarded message\s*-{2,}|begin forwarded message:|"
    r"-{2,}\s*weitergeleitete nachricht\s*-{2,}|-{2,}\s*message transf[ée]r[ée]\s*-{2,})",
    re.IGNORECASE | re.MULTILINE,
)
_QUOTE_START = re.compile(
    r"^[ \t]*(on [^\n]{4,200}(\n[^\n]{0,120})?\bwrote:[ \t]*$|le [^\n]{4,200}a [ée]crit ?:[ \t]*$|"
    r"am [^\n]{4,200}schrieb[^\n]{0,80}:[ \t]*$|"
    r"-{3,}\s*(original message|urspr[üu]ngliche nachricht|message d'origine|mensaje original|"
    r"messaggio originale|oorspronkelijk bericht|ursprungligt meddelande)\s*-{3,}|"
    r"_{10,}[ \t]*\n[ \t]*(from|von|de|van|fr[åa]n) ?:|"
    r"(from|von|de|van|fr[åa]n) ?: [^\n]+\n[ \t]*(sent|date|gesendet|datum|envoy[ée]|enviado|"
    r"fecha|inviato|verzonden|skickat) ?: [^\n]+\n|>)",
    re.IGNORECASE | re.MULTILINE,
)
_FIELD = re.compile(r"^[ \t]*(from|subject|date|to|cc|sent)[ \t]*:[ \t]*(.*)$", re.IGNORECASE)


def split_quoted(text: str) -> tuple[str, str, Forwarded | None]:
    """``text`` as (what was written now, the history it quotes, the message it forwards)."""
    text = text.replace("\r\n", "\n")
    forward = _FORWARD.search(text)
    quote = _QUOTE_START.search(text)
    if forward is not None and (quote is None or forward.start() <= quote.start()):
        new = text[: forward.start()].strip()
        rest = text[forward.end() :]
        return new, "", _forwarded(rest)
    if quote is not None:
        return text[: quote.start()].strip(), text[quote.start() :].strip(), None
    return text.strip(), "", None


def _forwarded(rest: str) -> Forwarded:
    lines = rest.lstrip("\n").split("\n")
    sender: Address | None = None
    subject = ""
    body_start = 0
    for number, line in enumerate(lines[:12]):
        field = _FIELD.match(line)
        if field is None:
            if line.strip() == "" and number > 0:
                body_start = number + 1
                break
            continue
        name, value = field.group(1).lower(), field.group(2).strip()
        if name == "from" and sender is None:
            pairs = getaddresses([value])
            if pairs and "@" in pairs[0][1]:
                sender = Address(clean(pairs[0][0]).strip('"'), clean(pairs[0][1]).lower())
        elif name == "subject":
            subject = clean(value)
        body_start = number + 1
    body = "\n".join(lines[body_start:])
    new, _, _ = split_quoted(body)
    return Forwarded(sender, subject[:500], new[:MAX_TEXT])


# -- HTML -----------------------------------------------------------------------------------------

_BLOCKS = frozenset(
    {"p", "div", "br", "tr", "td", "th", "li", "h1", "h2", "h3", "h4", "h5", "h6", "table", "ul"}
    | {"ol", "hr", "section", "article", "header", "footer", "center", "blockquote"}
)
_SKIP = frozenset({"script", "style", "head", "title", "noscript"})
# Where mail programs put the history a reply quotes: Gmail, Thunderbird, Yahoo, Outlook,
# Proton, Apple Mail.
_QUOTE_MARKS = re.compile(
    r"gmail_quote|moz-cite|yahoo_quoted|divRplyFwdMsg|OutlookMessageHeader|appendonsend|"
    r"protonmail_quote|AppleOriginalContents",
    re.IGNORECASE,
)


class _Text(HTMLParser):
    """Collects an HTML mail's text; quoted history (blockquote, Gmail's quote) apart."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.text: list[str] = []
        self.quoted: list[str] = []
        self._skip = 0
        self._quote = 0
        self._stack: list[tuple[str, bool]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        quote = tag == "blockquote" or any(
            k in {"class", "id"} and v and _QUOTE_MARKS.search(v) for k, v in attrs
        )
        if tag in _SKIP:
            self._skip += 1
        if tag not in {"br", "hr", "img", "meta", "link", "input"}:
            self._stack.append((tag, quote))
            if quote:
                self._quote += 1
        if tag in _BLOCKS:
            self._out().append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP and self._skip:
            self._skip -= 1
        while self._stack:
            open_tag, quote = self._stack.pop()
            if quote:
                self._quote -= 1
            if open_tag == tag:
                break
        if tag in _BLOCKS:
            self._out().append("\n")

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self._out().append(data)

    def _out(self) -> list[str]:
        return self.quoted if self._quote > 0 else self.text


def html_to_text(content: str) -> tuple[str, str]:
    """An HTML body as plain text, and its quoted history apart."""
    parser = _Text()
    with contextlib.suppress(Exception):  # a broken page: what was read so far
        parser.feed(content)
        parser.close()
    text = html.unescape("".join(parser.text))
    quoted = html.unescape("".join(parser.quoted))
    tidy = re.compile(r"[ \t\u00a0]+")
    text = "\n".join(tidy.sub(" ", line).strip() for line in text.split("\n"))
    text = re.sub(r"\n{3,}", "\n\n", text).strip()
    return text, quoted.strip()
