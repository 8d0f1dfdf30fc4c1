"""The spreadsheet a job seeker already keeps: import it row by row, export it back.

Header names are matched loosely (``Company``; ``Role``/``Title``/``Position``; ``Status``/
``Stage``; ``Applied``/``Date Applied``; ``Interview``/``Interview Date``; ``Contact``;
``Notes``; ``URL``/``Link``) and dates in the common formats. Each row is read whole before
anything is stored: a row with one bad value is skipped with the reason, never half imported.
A row already imported adds nothing, so importing the same file twice creates no duplicates.
"""

from __future__ import annotations

import contextlib
import csv
import dataclasses
import datetime as dt
import functools
import io
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from pendulum import Date, DateTime, Time

from ..engine.errors import InvalidField
from ..engine.lookup import company_key
from ..engine.models import Contact, Interview, Opportunity, Records
from ..engine.text import clean
from ..engine.when import check_year, local_moment, short_day
from ..store import Store

__all__ = [
    "COLUMNS",
    "ImportError_",
    "RowResult",
    "export_csv",
    "import_csv",
    "parse_loose_day",
    "read_text",
]

COLUMNS = ("company", "role", "status", "applied", "interview", "contact", "notes", "url")
ALIASES = {
    "company": ("company", "company name", "employer", "organization", "organisation"),
    "role": ("role", "title", "position", "job title", "job", "job position", "role title"),
    "status": ("status", "stage", "state", "application status"),
    "applied": ("applied", "date applied", "applied on", "application date", "applied date"),
    "interview": ("interview", "interview date", "interview on", "next interview"),
    "contact": ("contact", "contact name", "recruiter", "hiring manager", "point of contact"),
    "notes": ("notes", "note", "comments", "comment"),
    "url": ("url", "link", "posting", "job link", "job url", "posting url", "job posting"),
}
STATUS = {
    "lead": ("saved", "wishlist", "bookmarked", "lead", "interested", "to apply"),
    "applied": ("applied", "submitted", "application sent", "sent"),
    "screening": ("screening", "phone screen", "recruiter call", "screen"),
    "interviewing": (
        "interview",
        "interviewing",
        "interviewed",
        "onsite",
        "final round",
        "technical interview",
        "in progress",
    ),
    "offer": ("offer", "offered", "offer received"),
    "rejected": ("rejected", "declined", "not selected", "no"),
    "withdrawn": ("withdrawn", "withdrew"),
    "closed": ("closed", "ghosted", "archived", "expired"),
}
MAX_BYTES = 10_000_000
_ISO_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
DAY_FORMATS = (
    "%Y-%m-%d",
    "%Y/%m/%d",
    "%m/%d/%Y",
    "%m/%d/%y",
    "%d.%m.%Y",
    "%d %b %Y",
    "%d %B %Y",
    "%b %d, %Y",
    "%B %d, %Y",
    "%b %d %Y",
    "%B %d %Y",
    "%d-%b-%Y",
)
TIME_FORMATS = ("%H:%M", "%I:%M %p", "%I:%M%p", "%I %p")


class ImportError_(ValueError):
    """The whole file is refused (encoding, size, no recognisable headers): nothing imported."""


@dataclass
class RowResult:
    """What happened to one row."""

    number: int
    imported: bool
    summary: str
    records: list[object] = field(default_factory=list)


def read_text(raw: bytes, name: str) -> str:
    """Decode a file a person gave us, or refuse it with a reason."""
    if len(raw) > MAX_BYTES:
        raise ImportError_(
            f"{name}: {len(raw) // 1_000_000} MB is too large to import "
            f"(at most {MAX_BYTES // 1_000_000} MB)"
        )
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return raw.decode("utf-16")
        except UnicodeDecodeError:
            raise ImportError_(f"{name}: broken UTF-16 text") from None
    if b"\x00" in raw:
        raise ImportError_(f"{name}: binary data, not a text file")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        advice = (
            "export the contacts again as vCard 3.0 or 4.0 (UTF-8)"
            if name.lower().endswith((".vcf", ".vcard"))
            else "save it as CSV UTF-8"
        )
        raise ImportError_(f"{name}: not UTF-8 text (byte {error.start}); {advice}") from None


def _norm(header: str) -> str:
    return " ".join(re.sub(r"[_\-/.]+", " ", header).lower().split())


def parse_loose_day(text: str, field: str) -> Date:
    """A day in a common spreadsheet format; ``03/04/2026`` is read US-style (March 4th)."""
    found = _loose_day(text)
    if found is None:
        raise InvalidField(field, f"{text!r} is not a date I can read")
    check_year(found.year, field, repr(text))
    return found


@functools.lru_cache(maxsize=4096)
def _loose_day(text: str) -> Date | None:
    """The day ``text`` names, or None (remembered: a tracker repeats its days, and strptime
    is the slowest part of reading a row)."""
    iso = _ISO_DAY.match(text.strip())
    if iso:
        with contextlib.suppress(ValueError):
            return Date(int(iso.group(1)), int(iso.group(2)), int(iso.group(3)))
    cleaned = " ".join(text.replace(",", ", ").split()).replace(" ,", ",")
    for pattern in DAY_FORMATS:
        try:
            parsed = dt.datetime.strptime(cleaned, pattern)
        except ValueError:
            continue
        return Date(parsed.year, parsed.month, parsed.day)
    match = re.match(r"^(\d{1,2})/(\d{1,2})/(\d{4})$", cleaned)  # day first when unambiguous
    if match and int(match.group(1)) > 12:
        with contextlib.suppress(ValueError):
            return Date(int(match.group(3)), int(match.group(2)), int(match.group(1)))
    return None


def _parse_moment(text: str, tz: str, field: str) -> DateTime:
    """An interview date with an optional time (09:00 when none is given)."""
    parts = text.strip().rsplit(" ", 2)
    for cut in (2, 1):
        if len(parts) > cut:
            day_text, time_text = " ".join(parts[:-cut]), " ".join(parts[-cut:])
            for pattern in TIME_FORMATS:
                try:
                    clock = dt.datetime.strptime(time_text.upper(), pattern)
                except ValueError:
                    continue
                try:
                    day = parse_loose_day(day_text, field)
                except InvalidField:
                    break
                return local_moment(day, Time(clock.hour, clock.minute), tz, field, text)
    day = parse_loose_day(text, field)
    return local_moment(day, Time(9, 0), tz, field, text)


def _status(text: str) -> str:
    wanted = _norm(text)
    for stage, words in STATUS.items():
        if wanted in words:
            return stage
    raise InvalidField("status", f"{text!r} is not a stage I know (" + ", ".join(STATUS) + ")")


def _columns(headers: Iterable[str]) -> dict[str, int]:
    found: dict[str, int] = {}
    for position, header in enumerate(headers):
        name = _norm(header)
        for column, aliases in ALIASES.items():
            if name in aliases and column not in found:
                found[column] = position
    return found


def _reader(text: str) -> Any:
    """The rows of a CSV, separated by commas, semicolons (a European spreadsheet) or tabs."""
    first = text.split("\n", 1)[0]
    try:
        dialect: type[csv.Dialect] | csv.Dialect = csv.Sniffer().sniff(first, delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    return csv.reader(io.StringIO(text), dialect)


def _rows(text: str) -> Iterator[list[str]]:
    """Row after row (not all held at once: 100,000 rows are 60 MB as lists), or the whole
    file refused with the line where the CSV stops making sense (a cell over the csv module's
    131,072 characters, a stray quote or NUL): the import writes nothing until the last row."""
    reader = _reader(text)
    try:
        yield from reader
    except csv.Error as error:
        problem = str(error)
        if "field larger than field limit" in problem:
            problem = f"a cell is longer than {csv.field_size_limit():,} characters"
        raise ImportError_(f"line {reader.line_num}: {problem}") from None


def unused_columns(text: str) -> list[str]:
    """Header names the import does not read, so the report can say they were left out."""
    try:
        header: list[str] = next(_reader(text), [])
    except csv.Error:
        return []
    used = set(_columns(header).values())
    return [h.strip() for n, h in enumerate(header) if n not in used and h.strip()]


def import_csv(store: Store, now: DateTime, text: str, *, dry_run: bool = False) -> list[RowResult]:
    """Import a tracker; with ``dry_run``, report what would happen and change nothing."""
    rows = _rows(text)
    header = next(rows, None)
    if header is None:
        raise ImportError_("the file is empty")
    columns = _columns(header)
    if "company" not in columns:
        raise ImportError_(
            "no Company column in the header row (found: " + ", ".join(header[:8]) + ")"
        )
    # Read and write as one transaction; a dry run takes no lock and writes nothing.
    with store.transaction() if not dry_run else contextlib.nullcontext():
        records = store.records()
        tz = records.settings.timezone
        results: list[RowResult] = []
        planned = _Planned(records)
        for number, row in enumerate(rows, start=2):
            if not any(cell.strip() for cell in row):
                continue
            raw = {n: (row[i] if i < len(row) else "") for n, i in columns.items()}
            values = {n: clean(v, multiline=n == "notes").strip() for n, v in raw.items()}
            cleaned = any(clean(v, multiline=n == "notes") != v for n, v in raw.items())
            try:
                result = planned.row(store, now, tz, number, values)
            except InvalidField as error:
                result = RowResult(number, False, f"skipped: {error}")
            if cleaned:
                result = dataclasses.replace(
                    result, summary=result.summary + " (control characters removed)"
                )
            results.append(result)
        new = [r for result in results if result.imported for r in result.records]
        if not dry_run and new:
            store.upsert_many(new)  # type: ignore[arg-type]
    return results


class _Planned:
    """The records so far plus those this file adds, so a file that repeats a row adds it once.

    Indexed once, by the keys a row is matched on: matching each row against every record
    before it made an import quadratic (8,000 rows took 11 s; 100,000 would take half an hour).
    """

    def __init__(self, records: Records) -> None:
        self._company: dict[str, Opportunity] = {}
        self._company_role: dict[tuple[str, str], Opportunity] = {}
        for opportunity in records.opportunities:
            self._index(opportunity)
        self._interviews = {(i.opportunity_id, i.start) for i in records.interviews}
        self._contacts = {(company_key(c.name), company_key(c.company)) for c in records.contacts}
        self._ids: set[str] = set()  # handed out in this file (a dry run reserves none)

    def _index(self, opportunity: Opportunity) -> None:
        company = company_key(opportunity.company)
        self._company.setdefault(company, opportunity)
        self._company_role.setdefault((company, company_key(opportunity.role)), opportunity)

    def _opportunity(self, company: str, role: str) -> Opportunity | None:
        """The first opportunity at ``company`` with this role (any role when none is given)."""
        if not role:
            return self._company.get(company_key(company))
        return self._company_role.get((company_key(company), company_key(role)))

    def _new_id(self, store: Store, cls: type) -> str:
        while True:
            made = store.new_id(cls)
            if made not in self._ids:
                self._ids.add(made)
                return made

    def row(
        self, store: Store, now: DateTime, tz: str, number: int, values: dict[str, str]
    ) -> RowResult:
        company = values.get("company", "")
        if not company:
            raise InvalidField("company", "is empty")
        role = values.get("role", "")
        stage = _status(values["status"]) if values.get("status") else None
        applied = parse_loose_day(values["applied"], "applied") if values.get("applied") else None
        start = (
            _parse_moment(values["interview"], tz, "interview") if values.get("interview") else None
        )
        url = values.get("url", "")
        made: list[object] = []
        done: list[str] = []
        opportunity = self._opportunity(company, role)
        if opportunity is None:
            opportunity = Opportunity(
                id=self._new_id(store, Opportunity),
                company=company,
                role=role,
                stage=stage or ("interviewing" if start else "applied"),
                url=url,
                applied_on=applied,
                notes=values.get("notes", ""),
                created_at=now,
                source="spreadsheet import",
            )
            made.append(opportunity)
            self._index(opportunity)
            done.append(f"{company}" + (f" ({role})" if role else ""))
        if start is not None and (opportunity.id, start) not in self._interviews:
            interview = Interview(
                id=self._new_id(store, Interview),
                opportunity_id=opportunity.id,
                start=start,
                kind="interview",
            )
            made.append(interview)
            self._interviews.add((opportunity.id, start))
            # strftime-based (pendulum's formatter is slow in a loop of 100,000 rows)
            when = f"{short_day(start.date())} {start.year} {start.hour:02d}:{start.minute:02d}"
            done.append(f"interview {when}")
        name = values.get("contact", "")
        person = (company_key(name), company_key(company))
        if name and person not in self._contacts:
            contact = Contact(id=self._new_id(store, Contact), name=name, company=company)
            made.append(contact)
            self._contacts.add(person)
            done.append(f"contact {name}")
        if not made:
            return RowResult(number, False, f"skipped: {company} is already there")
        return RowResult(number, True, "imported " + ", ".join(done), made)


def export_csv(records: Records) -> str:
    """Opportunities with the same headers the import reads."""
    tz = records.settings.timezone
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow([c.capitalize() if c != "url" else "URL" for c in COLUMNS])
    for opportunity in records.opportunities:
        interviews = sorted(
            (i for i in records.interviews if i.opportunity_id == opportunity.id),
            key=lambda i: i.start,
        )
        people = [
            c
            for c in records.contacts
            if company_key(c.company) == company_key(opportunity.company) and not c.is_advocate
        ]
        latest = interviews[-1].start.in_timezone(tz) if interviews else None
        writer.writerow(
            clean(cell, multiline=True)
            for cell in [
                opportunity.company,
                opportunity.role,
                opportunity.stage,
                opportunity.applied_on.isoformat() if opportunity.applied_on else "",
                latest.format("YYYY-MM-DD HH:mm") if latest else "",
                people[0].name if people else "",
                opportunity.notes,
                opportunity.url,
            ]
        )
    return out.getvalue()
