"""Helpers that turn hand-written messages into .eml files and a labels.json (the corpus format).

A corpus is a folder with ``messages/*.eml`` and ``labels.json`` mapping each file name to
``{"verdict", "direction", "company", "opportunity", "note"}`` (and ``sent_kind`` for sent mail).
The messages themselves are written by hand in the ``make_*`` scripts; this module only encodes
them (stdlib ``email``, so the MIME is what real mailers produce), or writes a raw text as is.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from email.message import EmailMessage
from email.policy import SMTP
from email.utils import format_datetime, parsedate_to_datetime
from pathlib import Path
from typing import Any

__all__ = ["Corpus", "ics"]

ME = "Sam Rivera <sam.rivera@fastmail.example>"

_ZONES = {
    "America/New_York": (
        "BEGIN:VTIMEZONE\nTZID:America/New_York\nBEGIN:DAYLIGHT\nTZOFFSETFROM:-0500\n"
        "TZOFFSETTO:-0400\nTZNAME:EDT\nDTSTART:19700308T020000\n"
        "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=2SU\nEND:DAYLIGHT\nBEGIN:STANDARD\n"
        "TZOFFSETFROM:-0400\nTZOFFSETTO:-0500\nTZNAME:EST\nDTSTART:19701101T020000\n"
        "RRULE:FREQ=YEARLY;BYMONTH=11;BYDAY=1SU\nEND:STANDARD\nEND:VTIMEZONE"
    ),
    "America/Los_Angeles": (
        "BEGIN:VTIMEZONE\nTZID:America/Los_Angeles\nBEGIN:DAYLIGHT\nTZOFFSETFROM:-0800\n"
        "TZOFFSETTO:-0700\nTZNAME:PDT\nDTSTART:19700308T020000\n"
        "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=2SU\nEND:DAYLIGHT\nBEGIN:STANDARD\n"
        "TZOFFSETFROM:-0700\nTZOFFSETTO:-0800\nTZNAME:PST\nDTSTART:19701101T020000\n"
        "RRULE:FREQ=YEARLY;BYMONTH=11;BYDAY=1SU\nEND:STANDARD\nEND:VTIMEZONE"
    ),
    "Europe/London": (
        "BEGIN:VTIMEZONE\nTZID:Europe/London\nBEGIN:DAYLIGHT\nTZOFFSETFROM:+0000\n"
        "TZOFFSETTO:+0100\nTZNAME:BST\nDTSTART:19700329T010000\n"
        "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU\nEND:DAYLIGHT\nBEGIN:STANDARD\n"
        "TZOFFSETFROM:+0100\nTZOFFSETTO:+0000\nTZNAME:GMT\nDTSTART:19701025T020000\n"
        "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU\nEND:STANDARD\nEND:VTIMEZONE"
    ),
    "America/Chicago": (
        "BEGIN:VTIMEZONE\nTZID:America/Chicago\nBEGIN:DAYLIGHT\nTZOFFSETFROM:-0600\n"
        "TZOFFSETTO:-0500\nTZNAME:CDT\nDTSTART:19700308T020000\n"
        "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=2SU\nEND:DAYLIGHT\nBEGIN:STANDARD\n"
        "TZOFFSETFROM:-0500\nTZOFFSETTO:-0600\nTZNAME:CST\nDTSTART:19701101T020000\n"
        "RRULE:FREQ=YEARLY;BYMONTH=11;BYDAY=1SU\nEND:STANDARD\nEND:VTIMEZONE"
    ),
}


def ics(
    *,
    method: str,
    uid: str,
    start: str,
    end: str,
    summary: str,
    organizer: str,
    attendees: list[str],
    tzid: str | None = "America/New_York",
    sequence: int = 0,
    location: str = "",
    description: str = "",
    rrule: str = "",
    recurrence_id: str = "",
    status: str = "",
    prodid: str = "-//Google Inc//Google Calendar 70.9054//EN",
) -> str:
    """A calendar (RFC 5545) as an invitation client writes it.

    ``start``/``end`` are ``YYYYMMDDTHHMMSS`` local to ``tzid``, or ending in ``Z`` for UTC
    (then ``tzid`` is None). ``organizer`` and each attendee are ``Name <address>``.
    """

    def person(text: str) -> tuple[str, str]:
        name, _, rest = text.partition("<")
        return name.strip(), rest.rstrip(">").strip()

    lines = ["BEGIN:VCALENDAR", f"PRODID:{prodid}", "VERSION:2.0", "CALSCALE:GREGORIAN"]
    lines.append(f"METHOD:{method}")
    if tzid:
        lines.extend(_ZONES[tzid].split("\n"))
    lines.append("BEGIN:VEVENT")
    if tzid:
        lines += [f"DTSTART;TZID={tzid}:{start}", f"DTEND;TZID={tzid}:{end}"]
    else:
        lines += [f"DTSTART:{start}", f"DTEND:{end}"]
    if rrule:
        lines.append(f"RRULE:{rrule}")
    if recurrence_id:
        lines.append(
            f"RECURRENCE-ID;TZID={tzid}:{recurrence_id}"
            if tzid
            else f"RECURRENCE-ID:{recurrence_id}"
        )
    lines.append("DTSTAMP:20261101T120000Z")
    name, address = person(organizer)
    lines.append(f"ORGANIZER;CN={name}:mailto:{address}")
    lines.append(f"UID:{uid}")
    for attendee in attendees:
        name, address = person(attendee)
        lines.append(
            f"ATTENDEE;CUTYPE=INDIVIDUAL;ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=TRUE;"
            f"CN={name}:mailto:{address}"
        )
    lines.append(f"SEQUENCE:{sequence}")
    lines.append(f"STATUS:{status or ('CANCELLED' if method == 'CANCEL' else 'CONFIRMED')}")
    lines.append(f"SUMMARY:{summary}")
    if location:
        lines.append(f"LOCATION:{location.replace(',', chr(92) + ',')}")
    if description:
        lines.append("DESCRIPTION:" + description.replace("\n", "\\n").replace(",", "\\,"))
    lines += ["TRANSP:OPAQUE", "END:VEVENT", "END:VCALENDAR"]
    return "\r\n".join(lines) + "\r\n"


@dataclass
class Corpus:
    """Messages in the making: each :meth:`mail` or :meth:`raw` adds one file and its label."""

    folder: Path
    labels: dict[str, dict[str, Any]] = field(default_factory=dict)
    files: dict[str, bytes] = field(default_factory=dict)
    count: int = 0

    def _name(self, slug: str) -> str:
        self.count += 1
        return f"{self.count:03d}-{slug}.eml"

    def _label(
        self,
        name: str,
        verdict: str,
        direction: str,
        company: str | None,
        opportunity: str | None,
        note: str,
        sent_kind: str | None,
    ) -> None:
        label: dict[str, Any] = {
            "verdict": verdict,
            "direction": direction,
            "company": company,
            "opportunity": opportunity,
            "note": note,
        }
        if verdict == "sent":
            label["sent_kind"] = sent_kind or "other"
        self.labels[name] = label

    def mail(
        self,
        slug: str,
        label: tuple[str, str, str | None, str | None, str],
        *,
        frm: str,
        to: str,
        subject: str,
        date: str,
        text: str | None = None,
        html: str | None = None,
        charset: str = "utf-8",
        cte: str | None = None,
        calendar: str | None = None,
        calendar_as: str = "alternative",
        cc: str | None = None,
        reply_to: str | None = None,
        in_reply_to: str | None = None,
        headers: dict[str, str] | None = None,
        message_id: str | None = "auto",
        sent_kind: str | None = None,
        attachment: tuple[str, bytes, str] | None = None,
    ) -> str:
        """One message: plain text, HTML, or both, with an optional calendar part."""
        name = self._name(slug)
        message = EmailMessage()
        message["From"] = frm
        message["To"] = to
        if cc:
            message["Cc"] = cc
        if reply_to:
            message["Reply-To"] = reply_to
        message["Subject"] = subject
        message["Date"] = format_datetime(parsedate_to_datetime(_rfc(date)))
        if message_id == "auto":
            domain = frm.rsplit("@", 1)[-1].rstrip(">").strip()
            digest = hashlib.sha256(name.encode()).hexdigest()[:16]
            message["Message-ID"] = f"<{digest}.{slug}@{domain}>"
        elif message_id:
            message["Message-ID"] = message_id
        if in_reply_to:
            message["In-Reply-To"] = in_reply_to
            message["References"] = in_reply_to
        message["MIME-Version"] = "1.0"
        for key, value in (headers or {}).items():
            message[key] = value
        kwargs: dict[str, Any] = {"charset": charset}
        if cte:
            kwargs["cte"] = cte
        if text is not None:
            message.set_content(text, **kwargs)
            if html is not None:
                message.add_alternative(html, subtype="html", **kwargs)
        elif html is not None:
            message.set_content(html, subtype="html", **kwargs)
        if calendar is not None:
            method = next(
                line.split(":", 1)[1].strip()
                for line in calendar.splitlines()
                if line.startswith("METHOD:")
            )
            if calendar_as == "alternative":
                message.add_alternative(
                    calendar.encode(),
                    maintype="text",
                    subtype="calendar",
                    params={"method": method},
                )
            else:
                message.add_attachment(
                    calendar.encode(),
                    maintype="application",
                    subtype="ics",
                    filename="invite.ics",
                )
        if attachment is not None:
            filename, data, mime = attachment
            maintype, subtype = mime.split("/")
            message.add_attachment(data, maintype=maintype, subtype=subtype, filename=filename)
        for number, part in enumerate(message.walk()):
            if part.is_multipart():  # fixed boundaries: the same files on every run
                digest = hashlib.sha256(f"{name}/{number}".encode()).hexdigest()[:24]
                part.set_boundary(f"===============_{digest}==")
        self.files[name] = message.as_bytes(policy=SMTP.clone(linesep="\n"))
        self._label(name, *label, sent_kind)
        return name

    def raw(
        self,
        slug: str,
        label: tuple[str, str, str | None, str | None, str],
        text: str | bytes,
        sent_kind: str | None = None,
    ) -> str:
        """A message written out whole, byte for byte (odd mailers, legacy charsets)."""
        name = self._name(slug)
        data = text.encode("utf-8") if isinstance(text, str) else text
        self.files[name] = data.lstrip(b"\n")
        self._label(name, *label, sent_kind)
        return name

    def write(self) -> None:
        """Replace the folder's messages and labels with these."""
        messages = self.folder / "messages"
        messages.mkdir(parents=True, exist_ok=True)
        for old in messages.glob("*.eml"):
            old.unlink()
        for name, data in self.files.items():
            (messages / name).write_bytes(data)
        (self.folder / "labels.json").write_text(
            json.dumps(self.labels, indent=1, ensure_ascii=False) + "\n", encoding="utf-8"
        )


def _rfc(date: str) -> str:
    """``2026-11-03 09:14 -0500`` -> an RFC 2822 date."""
    day, clock, offset = date.split()
    year, month, dom = (int(x) for x in day.split("-"))
    months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
    return f"{dom} {months[month - 1]} {year} {clock}:00 {offset}"
