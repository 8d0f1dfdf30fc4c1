"""``nowwhat import invite.ics``: a saved invitation goes where a mailed one goes."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pendulum

from tui.store import Store

Run = Callable[..., tuple[int, str, str]]


def _ics(
    *,
    method: str = "REQUEST",
    sequence: int = 0,
    start: str = "DTSTART;TZID=Europe/London:20260320T150000",
    end: str = "DTEND;TZID=Europe/London:20260320T160000",
    extra: str = "",
    organizer: str = "ravi.menon@northwind.example",
) -> str:
    return (
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Test//EN\r\n"
        f"METHOD:{method}\r\nBEGIN:VEVENT\r\nUID:nw-panel-42@northwind.example\r\n"
        f"SEQUENCE:{sequence}\r\n{start}\r\n{end}\r\n{extra}"
        "SUMMARY:Northwind Analytics interview (video)\r\n"
        "LOCATION:https://meet.northwind.example/ravi\r\n"
        f"ORGANIZER;CN=Ravi Menon:mailto:{organizer}\r\n"
        "ATTENDEE;CN=Hannah Cole:mailto:hannah.cole@northwind.example\r\n"
        "ATTENDEE;CN=Sam Rivera:mailto:sam.rivera@fastmail.example\r\n"
        "END:VEVENT\r\nEND:VCALENDAR\r\n"
    )


def test_an_invitation_file_is_queued_converted_honestly_across_dst(
    nowwhat: Run, world_db: Path, tmp_path: Path
) -> None:
    invite = tmp_path / "invite.ics"
    invite.write_text(_ics())
    code, out, err = nowwhat(world_db, "import", str(invite))
    assert code == 0, err
    assert "queued for review as rev_" in out and "Northwind Analytics" in out
    (review,) = Store(world_db).records().mail_review
    # 20 March 2026: London is still on GMT, New York already on EDT (the US moved on the 8th):
    # 15:00 in London is 11:00 in New York, not 10:00.
    assert review.invite_start is not None
    assert review.invite_start.timezone_name == "Europe/London"
    assert review.invite_start.in_timezone("America/New_York").hour == 11
    assert (review.invite_kind, review.invite_minutes) == ("video", 60)
    assert review.invite_interviewers == ("Ravi Menon", "Hannah Cole")
    assert review.invite_new_contacts == ("Hannah Cole <hannah.cole@northwind.example>",)
    code, out, _ = nowwhat(world_db, "import", str(invite))
    assert code == 0 and "already imported" in out
    assert len(Store(world_db).records().mail_review) == 1
    code, out, _ = nowwhat(world_db, "mail", "accept", review.id)
    assert code == 0, out
    (interview,) = Store(world_db).records().interviews
    assert interview.start == pendulum.datetime(2026, 3, 20, 15, tz="Europe/London")


def test_a_later_file_moves_the_accepted_interview(
    nowwhat: Run, world_db: Path, tmp_path: Path
) -> None:
    first = tmp_path / "invite.ics"
    first.write_text(_ics())
    nowwhat(world_db, "import", str(first))
    (review,) = Store(world_db).records().mail_review
    nowwhat(world_db, "mail", "accept", review.id)
    moved = tmp_path / "moved.ics"
    moved.write_text(
        _ics(
            sequence=2,
            start="DTSTART:20260323T140000Z",
            end="DTEND:20260323T150000Z",
        )
    )
    code, out, _ = nowwhat(world_db, "import", str(moved))
    assert code == 0 and "moves" in out
    (interview,) = Store(world_db).records().interviews
    assert interview.start == pendulum.datetime(2026, 3, 23, 14, tz="UTC")
    assert interview.invite_sequence == 2
    cancel = tmp_path / "cancel.ics"
    cancel.write_text(_ics(method="CANCEL", sequence=3))
    code, out, _ = nowwhat(world_db, "import", str(cancel))
    assert code == 0 and "cancelled" in out
    (interview,) = Store(world_db).records().interviews
    assert interview.cancelled


def test_repeating_and_overriding_invitations_are_refused_with_the_reason(
    nowwhat: Run, world_db: Path, tmp_path: Path
) -> None:
    before = world_db.read_bytes()
    for extra, words in (
        ("RRULE:FREQ=WEEKLY;COUNT=3\r\n", "repeats (RRULE)"),
        ("RECURRENCE-ID;TZID=Europe/London:20260327T150000\r\n", "RECURRENCE-ID"),
    ):
        path = tmp_path / "series.ics"
        path.write_text(_ics(extra=extra))
        code, _, err = nowwhat(world_db, "import", str(path))
        assert code == 2 and words in err and "nothing was imported" in err, err
        assert err.count("\n") == 1
    assert world_db.read_bytes() == before


def test_an_unknown_organizer_waits_for_an_opportunity_to_be_chosen(
    nowwhat: Run, world_db: Path, tmp_path: Path
) -> None:
    path = tmp_path / "invite.ics"
    unknown = (
        _ics()
        .replace("northwind.example", "elsewhere.example")
        .replace("Northwind Analytics ", "")
        .replace("Ravi Menon", "Kim Lo")
    )
    path.write_text(unknown)
    code, out, _ = nowwhat(world_db, "import", str(path))
    assert code == 0 and "no opportunity matched" in out
    (review,) = Store(world_db).records().mail_review
    code, _, err = nowwhat(world_db, "mail", "accept", review.id)
    assert code == 2 and "--opportunity" in err
    code, out, _ = nowwhat(world_db, "mail", "accept", review.id, "--opportunity", "opp_bluefin")
    assert code == 0
    assert Store(world_db).records().interviews[0].opportunity_id == "opp_bluefin"


def test_a_file_that_is_not_a_calendar_is_one_line(
    nowwhat: Run, world_db: Path, tmp_path: Path
) -> None:
    path = tmp_path / "bad.ics"
    path.write_bytes(b"\x00\x01 not a calendar")
    code, _, err = nowwhat(world_db, "import", str(path))
    assert code == 2 and err.count("\n") == 1 and "nothing was imported" in err
    code, _, err = nowwhat(world_db, "import", str(tmp_path / "missing.ics"))
    assert code == 2 and "no such file" in err
