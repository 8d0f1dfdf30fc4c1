"""A database whose every user-typed field is Rich markup: it must be shown, never obeyed."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pendulum

from tui.engine.models import Contact, Interview, Opportunity, Task, Touch
from tui.engine.settings import Settings
from tui.store import Store

__all__ = [
    "CONTROLLED",
    "CONTROL_PAYLOADS",
    "MARKUP",
    "NOW",
    "hostile_control_file",
    "hostile_store",
    "unsafe_for_a_terminal",
]

NOW = pendulum.datetime(2026, 11, 23, 8, 30, tz="America/New_York")
MARKUP = ["[bold]Eve[/]", "[/]", "[link=x]Mallory[/link]", "[@click=app.quit]x[/]"]


def hostile_store(path: Path) -> Store:
    store = Store(path, default_timezone=lambda: "America/New_York")
    store.save_settings(Settings().with_text("timezone", "America/New_York"))
    store.add(Opportunity(id="opp_x", company="[bold]Acme[/]", role="[link=x]role[/link]"))
    store.add(
        Interview(
            id="int_x",
            opportunity_id="opp_x",
            start=NOW.subtract(days=6),
            skills=("[red]SQL[/]",),
            promised_by=NOW.subtract(days=3).date(),
            felt="good",
            kind="[b]panel",
        )
    )
    for n, name in enumerate(MARKUP):
        store.add(
            Contact(
                id=f"con_{n}",
                name=name,
                company="[bold]Acme[/]",
                tags=frozenset({"advocate", "core"}),
                notes="[@click=app.quit]x[/]",
            )
        )
    store.add(
        Touch(
            id="tch_x",
            kind="advocate_ask",
            at=NOW.subtract(days=2),
            contact_id="con_0",
            opportunity_id="opp_x",
            answers={"still_posted": "[/]"},
            note="[/bold]",
        )
    )
    store.add(Task(id="tsk_x", title="[@click=app.quit]Apply[/]", kind="apply"))
    return store


# -- terminal control characters ------------------------------------------------------------------

CONTROL_PAYLOADS = {
    "clipboard": "\x1b]52;c;cm0gLXJmIC8K\x07",  # OSC 52: the clipboard becomes "rm -rf /\n"
    "window title": "\x1b]0;owned\x07",
    "clear screen": "\x1b[2J\x1b[H",
    "alternate screen": "\x1b[?1049h",
    "BEL, CR, NUL, DEL": "\x07\r\x00\x7f",
    "C1 CSI": "\x9b2J",
    "bidi override": "\u202eevil\u202c\u2066x\u2069",
}
CONTROLLED = "Acme" + "".join(CONTROL_PAYLOADS.values())
"""One text holding every class of control character a terminal might obey."""

_SGR = re.compile(r"\x1b\[[0-9;:]*m")  # Textual's own styling between text segments
_TERMINAL_UNSAFE = re.compile(
    "[\x00-\x09\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]"
)


def hostile_control_file(path: Path) -> Path:
    """A database written the way an older nowwhat (or a hand edit) could have left it: the
    control characters in every text field, never passed through the records' checks."""
    text, note = CONTROLLED, CONTROLLED + "\nsecond line"
    start = NOW.subtract(days=6).isoformat()
    data = {
        "_meta": {"1": {"schema_version": 1}},
        "settings": {"1": {"timezone": "America/New_York", "your_name": "Sam"}},
        "opportunities": {
            "1": {
                "id": "opp_c",
                "company": text,
                "role": text,
                "notes": note,
                "url": "",
                "stage": "interviewing",
            }
        },
        "interviews": {
            "1": {
                "id": "int_c",
                "opportunity_id": "opp_c",
                "start": start,
                "kind": text,
                "skills": [text],
                "interviewers": [text],
                "felt": "good",
                "promised_by": NOW.subtract(days=3).date().isoformat(),
                "notes": note,
                "next_steps": text,  # the debrief's (issue 18)
                "signals": [text],
                "estimate": 60,
            }
        },
        "contacts": {
            "1": {
                "id": "con_c",
                "name": text,
                "company": text,
                "relation": text,
                "tags": ["advocate", "core"],
                "notes": note,
            }
        },
        "touches": {
            "1": {
                "id": "tch_c",
                "kind": "advocate_ask",
                "at": NOW.subtract(days=2).isoformat(),
                "opportunity_id": "opp_c",
                "contact_id": "con_c",
                "channel": "email",
                "answers": {"still_posted": text},
                "note": note,
            }
        },
        "tasks": {"1": {"id": "tsk_c", "title": text, "kind": "apply", "company": text}},
        # mail (issue 16): a queue entry and an applied message holding the same text
        "mail_seen": {
            "1": {
                "id": "msg_c",
                "at": NOW.subtract(days=1).isoformat(),
                "direction": "in",
                "verdict": "reply",
                "action": "applied",
                "subject": text,
                "counterpart": text,
                "opportunity_id": "opp_c",
                "touch_id": "tch_c",
                "handled_at": NOW.subtract(hours=1).isoformat(),
            }
        },
        "mail_review": {
            "1": {
                "id": "rev_c",
                "seen_id": "msg_c",
                "at": NOW.subtract(days=1).isoformat(),
                "direction": "in",
                "verdict": "rejected",
                "subject": text,
                "counterpart": text,
                "reason": text,
                "opportunity_id": "opp_c",
                "invite_interviewers": [text],
                "invite_problem": text,
            }
        },
        "mail_sources": {"1": {"id": "src_c", "location": text}},
    }
    path.write_text(json.dumps(data), encoding="utf-8")
    path.chmod(0o600)
    return path


def unsafe_for_a_terminal(output: str) -> list[str]:
    """The characters in ``output`` a terminal could obey (beyond line breaks and the
    dashboard's own styling sequences); empty when it is safe."""
    # CR LF ends every line of a calendar file (RFC 5545): harmless, unlike a lone CR.
    return _TERMINAL_UNSAFE.findall(_SGR.sub("", output).replace("\r\n", "\n"))
