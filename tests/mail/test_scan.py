"""``nowwhat mail scan`` on local mail: what it logs, queues, ignores, and never does."""

from __future__ import annotations

import json
import os
import shutil
import stat
from collections.abc import Callable
from pathlib import Path

import pytest
from mail_corpus import TUNING, labels, make_maildir

from tui.engine.models import Opportunity
from tui.store import Store

Run = Callable[..., tuple[int, str, str]]
KEYS = {"message_id", "date", "direction", "verdict", "company", "opportunity", "action"}


def _scan(nowwhat: Run, db: Path, *args: str) -> list[dict[str, object]]:
    code, out, err = nowwhat(db, "mail", "scan", "--json", *args)
    assert code == 0, err
    data = json.loads(out)
    assert isinstance(data, list)
    return data


def test_json_has_the_keys_scripts_read_and_iso_dates(
    nowwhat: Run, world_db: Path, maildir: Path
) -> None:
    rows = _scan(nowwhat, world_db, str(maildir))
    assert len(rows) == len(labels())
    for row in rows:
        assert set(row) >= KEYS
        assert row["direction"] in {"in", "out"}
        assert row["action"] in {"applied", "review", "ignored", "seen"}
        assert "T" in str(row["date"]) and str(row["date"])[-6] in "+-"
    verdicts = {row["verdict"] for row in rows}
    assert verdicts == {
        "interview_invite",
        "next_round",
        "rejected",
        "offer",
        "acknowledgement",
        "reply",
        "sent",
        "unrelated",
    }


def test_scanning_twice_adds_nothing(nowwhat: Run, world_db: Path, maildir: Path) -> None:
    first = _scan(nowwhat, world_db, str(maildir))
    after_first = Store(world_db).records()
    second = _scan(nowwhat, world_db, str(maildir))
    after_second = Store(world_db).records()
    assert sum(r["action"] == "applied" for r in first) > 10
    assert {r["action"] for r in second} == {"seen"}
    assert after_second.touches == after_first.touches
    assert after_second.mail_review == after_first.mail_review
    assert len(after_second.mail_seen) == len(first)
    # the same verdicts are reported for what was seen
    assert sorted((r["message_id"], r["verdict"]) for r in first) == sorted(
        (r["message_id"], r["verdict"]) for r in second
    )


def test_a_copy_of_a_message_in_another_folder_is_handled_once(
    nowwhat: Run, world_db: Path, tmp_path: Path
) -> None:
    name = next(n for n in labels() if "dana-reply-still-deciding" in n)
    folder = tmp_path / "mail"
    (folder / "a").mkdir(parents=True)
    (folder / "b").mkdir()
    shutil.copyfile(TUNING / "messages" / name, folder / "a" / "one.eml")
    shutil.copyfile(TUNING / "messages" / name, folder / "b" / "copy.eml")
    rows = _scan(nowwhat, world_db, str(folder))
    assert [r["action"] for r in rows] == ["applied", "seen"]
    assert len(Store(world_db).records().touches) == 1


def test_dry_run_leaves_the_database_byte_for_byte(
    nowwhat: Run, world_db: Path, maildir: Path
) -> None:
    before = world_db.read_bytes()
    files_before = sorted(p.name for p in world_db.parent.iterdir())
    rows = _scan(nowwhat, world_db, "--dry-run", str(maildir))
    assert {"applied", "review", "ignored"} <= {r["action"] for r in rows}
    assert world_db.read_bytes() == before
    assert sorted(p.name for p in world_db.parent.iterdir()) == files_before
    code, out, _ = nowwhat(world_db, "mail", "scan", "--dry-run", str(maildir))
    assert code == 0 and "would be applied" in out and "nothing was changed" in out
    assert world_db.read_bytes() == before


def test_no_body_text_is_stored(nowwhat: Run, world_db: Path, maildir: Path) -> None:
    _scan(nowwhat, world_db, str(maildir))
    stored = world_db.read_text(encoding="utf-8")
    for sentence in (
        "The team is still finishing interviews with a couple of other candidates",  # a reply
        "we have decided to move forward with other candidates",  # a rejection
        "I'm thrilled to share that the team would like to extend you an offer",  # an offer
        "Thank you for taking the time to speak with me today",  # Sam's own thank-you
        "are you free saturday",  # personal mail
    ):
        assert sentence.lower() not in stored.lower(), sentence
    # what is kept: metadata
    assert "Re: Checking in - Analytics Engineer" in stored  # a subject line
    assert "dana.whitfield@quillstone.example" in stored  # a counterpart


def test_unrelated_mail_keeps_only_its_key_date_and_verdict(
    nowwhat: Run, world_db: Path, maildir: Path
) -> None:
    _scan(nowwhat, world_db, str(maildir))
    records = Store(world_db).records()
    ignored = [m for m in records.mail_seen if m.verdict == "unrelated"]
    assert ignored
    assert all(not m.subject and not m.counterpart and not m.message_id for m in ignored)
    stored = world_db.read_text(encoding="utf-8")
    assert "dinner saturday?" not in stored  # a friend's subject line
    assert "alex.chen@gmail.example" not in stored


def test_a_reply_to_a_closed_opportunitys_company_goes_to_the_open_one(
    nowwhat: Run, world_db: Path, tmp_path: Path
) -> None:
    folder = tmp_path / "one"
    folder.mkdir()
    name = next(n for n in labels() if "tom-reply-waiting-feedback" in n)
    shutil.copyfile(TUNING / "messages" / name, folder / "m.eml")
    rows = _scan(nowwhat, world_db, str(folder))
    assert (rows[0]["verdict"], rows[0]["opportunity"]) == ("reply", "opp_fern_new")
    touches = Store(world_db).records().touches
    assert [(t.kind, t.opportunity_id) for t in touches] == [("heard_back", "opp_fern_new")]


def test_a_closed_opportunity_is_chosen_only_when_its_own_role_is_named(
    nowwhat: Run, world_db: Path, tmp_path: Path
) -> None:
    folder = tmp_path / "fernway"
    folder.mkdir()
    for name in labels():
        if "icims-reject-fernway" in name:
            shutil.copyfile(TUNING / "messages" / name, folder / name)
    rows = {Path(str(r["file"])).name: r for r in _scan(nowwhat, world_db, str(folder))}
    old = next(r for n, r in rows.items() if "fernway-old" in n)
    new = next(r for n, r in rows.items() if "fernway-new" in n)
    assert old["opportunity"] == "opp_fern_old"  # "Data Analyst (Req 2025-031)"
    assert new["opportunity"] == "opp_fern_new"  # names the open role


def test_an_ats_rejection_is_queued_never_applied(
    nowwhat: Run, world_db: Path, maildir: Path
) -> None:
    rows = _scan(nowwhat, world_db, str(maildir))
    rejections = [r for r in rows if r["verdict"] == "rejected"]
    assert len(rejections) >= 10
    assert {r["action"] for r in rejections} == {"review"}
    workday = next(r for r in rejections if "Update on your application" in str(r["subject"]))
    assert workday["opportunity"] == "opp_northwind"  # from talent.<company>
    records = Store(world_db).records()
    assert all(t.outcome is None for t in records.touches)
    stages = {o.id: o.stage for o in records.opportunities}
    assert stages["opp_tidewater"] == "applied" and stages["opp_northwind"] == "interviewing"


def test_only_clock_moving_touches_by_address_are_applied(
    nowwhat: Run, world_db: Path, maildir: Path
) -> None:
    rows = _scan(nowwhat, world_db, str(maildir))
    applied = [r for r in rows if r["action"] == "applied"]
    assert {r["verdict"] for r in applied} <= {"reply", "acknowledgement", "sent"}
    assert {r["match"] for r in applied} == {"address"}
    records = Store(world_db).records()
    by_id = {t.id: t for t in records.touches}
    for row in applied:
        touch = by_id[str(row["touch"])]
        assert touch.channel == "email"
        assert touch.at.isoformat() == row["date"]  # the message's own Date
        assert touch.direction == row["direction"]
    kinds = {t.kind for t in records.touches}
    assert {"thank_you", "check_in", "advocate_ask", "heard_back"} <= kinds


def test_a_source_that_does_not_exist_is_one_line_and_changes_nothing(
    nowwhat: Run, world_db: Path, maildir: Path, tmp_path: Path
) -> None:
    before = world_db.read_bytes()
    code, out, err = nowwhat(world_db, "mail", "scan", str(maildir), str(tmp_path / "nope"))
    assert code == 2
    assert err.splitlines() == [f"nowwhat: error: {tmp_path / 'nope'}: no such file or folder"]
    assert out == ""
    assert world_db.read_bytes() == before


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads any file")
def test_an_unreadable_source_is_one_line_and_changes_nothing(
    nowwhat: Run, world_db: Path, tmp_path: Path
) -> None:
    locked = tmp_path / "locked"
    locked.mkdir(mode=0)
    before = world_db.read_bytes()
    try:
        code, _, err = nowwhat(world_db, "mail", "scan", str(locked))
    finally:
        locked.chmod(0o700)
    assert code == 2 and err.count("\n") == 1 and "permission denied" in err
    assert world_db.read_bytes() == before


def test_a_malformed_message_is_skipped_with_its_name_and_reason(
    nowwhat: Run, world_db: Path, tmp_path: Path
) -> None:
    folder = tmp_path / "mixed"
    folder.mkdir()
    shutil.copyfile(TUNING / "messages" / sorted(labels())[0], folder / "a-good.eml")
    (folder / "b-broken.eml").write_bytes(b"this is not\x00 a message at all")
    (folder / "c-nodate.eml").write_bytes(
        b"From: x@y.example\nSubject: hi\nMessage-ID: <c@y.example>\n\nhello\n"
    )
    os.utime(folder / "c-nodate.eml", (0, 0))  # and no file time to date it by either... epoch
    code, out, err = nowwhat(world_db, "mail", "scan", "--json", str(folder))
    assert code == 0
    rows = json.loads(out)
    assert [Path(r["file"]).name for r in rows] == ["a-good.eml", "c-nodate.eml"]
    assert "b-broken.eml: skipped" in err and err.count("\n") == 1


def test_the_mail_source_is_never_written(
    nowwhat: Run, world_db: Path, maildir: Path, tmp_path: Path
) -> None:
    mbox = tmp_path / "archive.mbox"
    with mbox.open("wb") as out:
        for name in sorted(labels())[:20]:
            out.write(b"From MAILER-DAEMON Thu Jan  1 00:00:00 2026\n")
            out.write((TUNING / "messages" / name).read_bytes().replace(b"\nFrom ", b"\n>From "))
            out.write(b"\n")

    def snapshot() -> dict[str, tuple[bytes, int]]:
        found = {}
        for path in [*maildir.rglob("*"), mbox]:
            if path.is_file():
                found[str(path)] = (path.read_bytes(), path.stat().st_mtime_ns)
            else:
                found[str(path)] = (b"", path.stat().st_mtime_ns)
        return found

    for path in [*maildir.rglob("*"), mbox]:  # read-only, as a careful user might leave it
        path.chmod(path.stat().st_mode & ~(stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH))
    before = snapshot()
    rows = _scan(nowwhat, world_db, str(maildir), str(mbox))
    assert len(rows) == len(labels()) + 20
    assert snapshot() == before


def test_mbox_and_single_files_read_like_the_maildir(
    nowwhat: Run, world_db: Path, tmp_path: Path
) -> None:
    names = sorted(labels())[:30]
    mbox = tmp_path / "inbox"
    with mbox.open("wb") as out:
        for name in names:
            out.write(b"From someone@example Thu Jan  1 00:00:00 2026\n")
            out.write((TUNING / "messages" / name).read_bytes().replace(b"\nFrom ", b"\n>From "))
            out.write(b"\n")
    by_mbox = {
        r["message_id"]: r["verdict"] for r in _scan(nowwhat, world_db, "--dry-run", str(mbox))
    }
    one = _scan(nowwhat, world_db, "--dry-run", str(TUNING / "messages" / names[0]))
    assert len(one) == 1
    by_maildir = {
        r["message_id"]: r["verdict"]
        for r in _scan(nowwhat, world_db, "--dry-run", str(make_maildir(tmp_path / "md", names)))
    }
    assert by_mbox == by_maildir and len(by_mbox) == 30
    assert by_mbox[one[0]["message_id"]] == one[0]["verdict"]


def test_since_ignores_older_mail(nowwhat: Run, world_db: Path, maildir: Path) -> None:
    rows = _scan(nowwhat, world_db, "--since", "2026-11-25", str(maildir))
    assert rows and all(str(r["date"]) >= "2026-11-24" for r in rows)
    assert all(str(r["date"])[:10] >= "2026-11-25" or "T2" in str(r["date"]) for r in rows)


def test_saved_sources_are_scanned_with_no_argument(
    nowwhat: Run, world_db: Path, maildir: Path
) -> None:
    code, _, err = nowwhat(world_db, "mail", "scan")
    assert code == 2 and "no source given and none saved" in err
    code, out, _ = nowwhat(world_db, "mail", "sources", "add", str(maildir))
    assert code == 0 and "saved source src_" in out
    code, out, _ = nowwhat(world_db, "mail", "sources")
    assert str(maildir) in out
    rows = _scan(nowwhat, world_db)
    assert len(rows) == len(labels())
    code, out, _ = nowwhat(world_db, "mail", "sources", "remove", str(maildir))
    assert code == 0
    code, out, _ = nowwhat(world_db, "mail", "sources")
    assert "No saved sources" in out
    code, _, err = nowwhat(world_db, "mail", "sources", "add", str(maildir / "missing"))
    assert code == 2 and "no such file or folder" in err


def test_hints_teach_a_company_its_ats_sender(nowwhat: Run, world_db: Path, tmp_path: Path) -> None:
    folder = tmp_path / "one"
    folder.mkdir()
    (folder / "m.eml").write_bytes(
        b"From: Careers <no-reply@jobs-portal.example>\nTo: sam.rivera@fastmail.example\n"
        b"Subject: We received your application\nDate: Tue, 10 Nov 2026 10:00:00 -0500\n"
        b"Message-ID: <portal-1@jobs-portal.example>\n\nWe have received your application.\n"
    )
    assert _scan(nowwhat, world_db, "--dry-run", str(folder))[0]["verdict"] == "unrelated"
    code, out, _ = nowwhat(world_db, "mail", "hints", "opp_cobalt", "add", "jobs-portal.example")
    assert code == 0 and "jobs-portal.example" in out
    row = _scan(nowwhat, world_db, "--dry-run", str(folder))[0]
    assert (row["verdict"], row["opportunity"], row["action"]) == (
        "acknowledgement",
        "opp_cobalt",
        "review",
    )
    assert Store(world_db).get(Opportunity, "opp_cobalt").mail_hints == ("jobs-portal.example",)


def test_control_characters_in_a_message_are_cleaned_before_anything_keeps_them(
    nowwhat: Run, world_db: Path, tmp_path: Path
) -> None:
    from hostile import unsafe_for_a_terminal

    folder = tmp_path / "hostile"
    folder.mkdir()
    # ESC and a bidi override in an encoded subject and display name, from a known contact
    (folder / "m.eml").write_bytes(
        b"From: =?utf-8?q?Dana_=1B]0;owned=07Whitfield?= <dana.whitfield@quillstone.example>\n"
        b"To: sam.rivera@fastmail.example\n"
        b"Subject: =?utf-8?b?UmU6IHVwZGF0ZSAbWzJK4oCuZXZpbA==?=\n"
        b"Date: Tue, 24 Nov 2026 10:00:00 -0500\nMessage-ID: <hostile-1@quillstone.example>\n"
        b"In-Reply-To: <x@fastmail.example>\n\nThanks Sam, still deciding.\n"
    )
    code, out, err = nowwhat(world_db, "mail", "scan", str(folder))
    assert code == 0, err
    assert unsafe_for_a_terminal(out + err) == []
    records = Store(world_db).records()
    (seen,) = records.mail_seen
    assert seen.subject == "Re: update [2Jevil"
    assert "\x1b" not in world_db.read_text()
    for verb in (("mail", "review"), ("mail", "scan", "--json", str(folder))):
        code, out, err = nowwhat(world_db, *verb)
        assert code == 0 and unsafe_for_a_terminal(out + err) == []


def test_an_absurd_message_is_kept_as_far_as_it_is_readable(
    nowwhat: Run, world_db: Path, tmp_path: Path
) -> None:
    folder = tmp_path / "absurd"
    folder.mkdir()
    local = b"x" * 400
    (folder / "m.eml").write_bytes(
        b"From: Someone <" + local + b"@quillstone.example>\nTo: sam.rivera@fastmail.example\n"
        b"Subject: " + b"Interview " * 200 + b"\nDate: Tue, 24 Nov 2026 10:00:00 -0500\n"
        b"Message-ID: <odd\x1b]0;t\x07id@quillstone.example>\n\n"
        b"We would like to invite you to an interview.\n"
    )
    code, out, err = nowwhat(world_db, "mail", "scan", "--json", str(folder))
    assert code == 0, err
    (row,) = json.loads(out)
    assert row["verdict"] == "interview_invite" and row["action"] == "review"
    (review,) = Store(world_db).records().mail_review
    assert len(review.counterpart) <= 320 and len(review.subject) <= 500
    assert "\x1b" not in review.message_id
