"""The review queue: accepting does what the verdict means; rejecting and undoing change no more."""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from pathlib import Path

import pendulum
import pytest
from mail_corpus import TUNING, labels

from tui.cli import main
from tui.engine.debrief import debrief_prompts
from tui.engine.models import Interview, Opportunity
from tui.engine.plan import plan_day
from tui.store import Store

Run = Callable[..., tuple[int, str, str]]


def _one(tmp_path: Path, part: str) -> Path:
    folder = tmp_path / f"only-{part}"
    folder.mkdir(exist_ok=True)
    name = next(n for n in labels() if part in n)
    shutil.copyfile(TUNING / "messages" / name, folder / name)
    return folder


def _cli(capsys: pytest.CaptureFixture[str], db: Path, now: str, *args: str) -> tuple[int, str]:
    code = main(["--db", str(db), "--now", now, *args])
    captured = capsys.readouterr()
    return code, captured.out + captured.err


def _queued(db: Path) -> list[str]:
    return [r.id for r in Store(db).records().mail_review if r.open]


def test_accepting_a_rejection_closes_the_opportunity(
    nowwhat: Run, world_db: Path, tmp_path: Path
) -> None:
    code, out, _ = nowwhat(world_db, "mail", "scan", str(_one(tmp_path, "taleo-reject-cobalt")))
    assert code == 0 and "review" in out
    (review,) = _queued(world_db)
    store = Store(world_db)
    assert store.get(Opportunity, "opp_cobalt").stage == "applied"  # nothing until accepted
    code, out, _ = nowwhat(world_db, "mail", "accept", review)
    assert code == 0, out
    assert "now: rejected" in out and "close-out" in out
    records = Store(world_db).records()
    assert next(o for o in records.opportunities if o.id == "opp_cobalt").stage == "rejected"
    (touch,) = records.touches
    assert (touch.kind, touch.outcome, touch.direction) == ("heard_back", "rejected", "in")
    assert touch.at.isoformat() == "2026-11-26T06:15:00-05:00"  # the message's own date
    code, out, err = nowwhat(world_db, "mail", "accept", review)
    assert code == 2 and "already settled" in err


def test_accepting_an_offer_in_hand_ends_the_search_warning(
    nowwhat: Run, world_db: Path, tmp_path: Path
) -> None:
    nowwhat(world_db, "mail", "scan", str(_one(tmp_path, "quillstone-offer-letter")))
    (review,) = _queued(world_db)
    code, out, _ = nowwhat(world_db, "mail", "accept", review, "--in-hand")
    assert code == 0 and "offer (in hand)" in out
    opportunity = Store(world_db).get(Opportunity, "opp_quill")
    assert (opportunity.stage, opportunity.offer_in_hand) == ("offer", True)


def test_an_offer_not_yet_in_hand_says_so(nowwhat: Run, world_db: Path, tmp_path: Path) -> None:
    nowwhat(world_db, "mail", "scan", str(_one(tmp_path, "harbor-verbal-offer")))
    (review,) = _queued(world_db)
    code, out, _ = nowwhat(world_db, "mail", "accept", review)
    assert code == 0 and "is it in hand" in out
    opportunity = Store(world_db).get(Opportunity, "opp_harbor")
    assert (opportunity.stage, opportunity.offer_in_hand) == ("offer", False)


def test_rejecting_a_proposal_changes_nothing_but_the_queue(
    nowwhat: Run, world_db: Path, tmp_path: Path
) -> None:
    nowwhat(world_db, "mail", "scan", str(_one(tmp_path, "ashby-reject-bluefin")))
    (review,) = _queued(world_db)
    before = Store(world_db).records()
    code, out, _ = nowwhat(world_db, "mail", "reject", review)
    assert code == 0 and "nothing was changed" in out
    after = Store(world_db).records()
    assert after.opportunities == before.opportunities and after.touches == before.touches
    assert _queued(world_db) == []
    # scanning again does not bring it back
    nowwhat(world_db, "mail", "scan", str(_one(tmp_path, "ashby-reject-bluefin")))
    assert _queued(world_db) == []


def test_an_ambiguous_message_waits_for_a_choice(
    nowwhat: Run, world_db: Path, tmp_path: Path
) -> None:
    Store(world_db).add(Opportunity(id="opp_fern_ds", company="Fernway", role="Data Scientist"))
    folder = tmp_path / "amb"
    folder.mkdir()
    (folder / "m.eml").write_bytes(
        b"From: Fernway Careers <careers@fernway.example>\nTo: sam.rivera@fastmail.example\n"
        b"Subject: Your applications at Fernway\nDate: Tue, 24 Nov 2026 10:00:00 -0500\n"
        b"Message-ID: <amb-1@fernway.example>\n\nWe regret to inform you that we will not be "
        b"moving forward with your applications.\n"
    )
    code, out, _ = nowwhat(world_db, "mail", "scan", "--json", str(folder))
    (row,) = json.loads(out)
    assert (row["verdict"], row["opportunity"], row["action"]) == ("rejected", None, "review")
    (review,) = _queued(world_db)
    code, out, err = nowwhat(world_db, "mail", "accept", review)
    assert code == 2 and "--opportunity" in err and "opp_fern_new" in err
    code, out, _ = nowwhat(world_db, "mail", "accept", review, "--opportunity", "opp_fern_new")
    assert code == 0
    assert Store(world_db).get(Opportunity, "opp_fern_new").stage == "rejected"


def test_undo_takes_back_an_applied_touch(nowwhat: Run, world_db: Path, tmp_path: Path) -> None:
    code, out, _ = nowwhat(
        world_db, "mail", "scan", "--json", str(_one(tmp_path, "dana-reply-still-deciding"))
    )
    (row,) = json.loads(out)
    assert row["action"] == "applied"
    assert len(Store(world_db).records().touches) == 1
    code, out, _ = nowwhat(world_db, "mail", "undo", row["touch"])
    assert code == 0 and "undone" in out
    records = Store(world_db).records()
    assert records.touches == ()
    assert records.mail_seen[0].action == "undone"
    code, out, _ = nowwhat(
        world_db, "mail", "scan", "--json", str(_one(tmp_path, "dana-reply-still-deciding"))
    )
    assert json.loads(out)[0]["action"] == "seen"  # never applied again
    assert Store(world_db).records().touches == ()


def test_review_lists_and_shows_an_excerpt_read_from_the_mail(
    nowwhat: Run, world_db: Path, maildir: Path
) -> None:
    nowwhat(world_db, "mail", "scan", str(maildir))
    code, out, _ = nowwhat(world_db, "mail", "review", "--json")
    entries = json.loads(out)
    assert code == 0 and len(entries) == len(_queued(world_db)) > 20
    rejection = next(
        e for e in entries if e["subject"] == "Update on your application - Senior Data Analyst"
    )
    code, out, _ = nowwhat(world_db, "mail", "review", rejection["id"])
    assert code == 0
    assert "regret to inform you that we will not be moving forward" in out  # read just now
    assert "regret to inform" not in world_db.read_text()  # and never stored


def test_an_accepted_invitation_starts_what_an_interview_starts(
    capsys: pytest.CaptureFixture[str], world_db: Path, tmp_path: Path
) -> None:
    now = "2026-11-19 09:00"
    code, out = _cli(
        capsys, world_db, now, "mail", "scan", str(_one(tmp_path, "harbor-onsite-ics"))
    )
    assert code == 0
    (review_id,) = _queued(world_db)
    code, out = _cli(capsys, world_db, now, "mail", "review", "--json")
    (entry,) = json.loads(out)
    invitation = entry["invitation"]
    assert invitation["start"] == "2026-11-25T15:00:00-05:00"
    assert (invitation["minutes"], invitation["kind"]) == (120, "panel")
    assert invitation["interviewers"] == ["Grace Kim", "Luis Ortega"]  # not the recruiter
    assert len(invitation["new_contacts"]) == 2
    code, out = _cli(capsys, world_db, now, "mail", "accept", review_id)
    assert code == 0, out
    records = Store(world_db).records()
    (interview,) = records.interviews
    assert interview.start.isoformat() == "2026-11-25T15:00:00-05:00"
    assert interview.start.timezone_name == "America/New_York"
    assert interview.invite_uid == "harbor-onsite-2026-11-25@hire.lever.example"
    # an onsite is a later round: accepting it adds the interview and records the advance
    assert [t.outcome for t in records.touches if t.kind == "heard_back"] == ["next_round"]
    assert (interview.kind, interview.minutes) == ("panel", 120)
    assert {c.name for c in records.contacts if c.relation == "interviewer"} == {
        "Grace Kim",
        "Luis Ortega",
    }
    (prep,) = [t for t in records.tasks if t.kind == "prep"]
    assert prep.due == pendulum.date(2026, 11, 24)  # the business day before
    # the thank-you clock: the day of the interview, Today asks for it; and the debrief
    evening = pendulum.datetime(2026, 11, 25, 18, 0, tz="America/New_York")
    day = plan_day(records, evening)
    assert any(i.id == f"ty-{interview.id}" for i in day.items() + [d.item for d in day.deferred])
    assert [p.interview.id for p in debrief_prompts(records, evening)] == [interview.id]


def test_a_later_invitation_moves_the_accepted_interview_and_a_cancel_marks_it(
    capsys: pytest.CaptureFixture[str], world_db: Path, tmp_path: Path
) -> None:
    now = "2026-11-19 09:00"
    _cli(capsys, world_db, now, "mail", "scan", str(_one(tmp_path, "harbor-onsite-ics")))
    (review_id,) = _queued(world_db)
    _cli(capsys, world_db, now, "mail", "accept", review_id)
    _, out = _cli(
        capsys,
        world_db,
        "2026-11-20 10:00",
        "mail",
        "scan",
        "--json",
        str(_one(tmp_path, "harbor-onsite-moved-ics")),
    )
    (row,) = json.loads(out.split("\n", 0)[0])
    # the onsite follows an interview now on record: a later round, and its move is applied
    assert (row["verdict"], row["action"]) == ("next_round", "applied")
    interview = Store(world_db).records().interviews[0]
    assert interview.start.isoformat() == "2026-11-26T10:00:00-05:00"
    assert interview.invite_sequence == 1
    # the company cancels it: marked, kept, and no longer planned around
    cancel = (
        b"From: Lena Fischer <lena.fischer@harborpine.example>\n"
        b"To: Sam Rivera <sam.rivera@fastmail.example>\n"
        b"Subject: Canceled: Onsite: Harbor & Pine BI Developer (panel)\n"
        b"Date: Sat, 21 Nov 2026 09:00:00 -0500\nMessage-ID: <cancel-1@harborpine.example>\n"
        b"MIME-Version: 1.0\nContent-Type: text/calendar; method=CANCEL; charset=utf-8\n\n"
        b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nMETHOD:CANCEL\r\nBEGIN:VEVENT\r\n"
        b"UID:harbor-onsite-2026-11-25@hire.lever.example\r\nSEQUENCE:2\r\n"
        b"DTSTART:20261126T150000Z\r\nDTEND:20261126T170000Z\r\nSTATUS:CANCELLED\r\n"
        b"SUMMARY:Onsite: Harbor & Pine BI Developer (panel)\r\n"
        b"ORGANIZER;CN=Lena Fischer:mailto:lena.fischer@harborpine.example\r\n"
        b"END:VEVENT\r\nEND:VCALENDAR\r\n"
    )
    folder = tmp_path / "cancel"
    folder.mkdir()
    (folder / "cancel.eml").write_bytes(cancel)
    _code, out = _cli(capsys, world_db, "2026-11-21 10:00", "mail", "scan", "--json", str(folder))
    (row,) = json.loads(out)
    assert row["action"] == "applied" and "cancelled" in row["reason"]
    records = Store(world_db).records()
    (interview,) = records.interviews  # never silently deleted
    assert interview.cancelled
    evening = pendulum.datetime(2026, 11, 26, 18, 0, tz="America/New_York")
    day = plan_day(records, evening)
    assert not any(i.id == f"ty-{interview.id}" for i in day.items())
    assert debrief_prompts(records, evening) == ()


def test_a_repeating_invitation_is_refused_with_the_reason(
    nowwhat: Run, world_db: Path, tmp_path: Path
) -> None:
    _code, out, _ = nowwhat(
        world_db, "mail", "scan", "--json", str(_one(tmp_path, "quillstone-recurring-ics"))
    )
    (row,) = json.loads(out)
    # "the final stage": a later round, whose calendar entry cannot be read as one interview
    assert row["verdict"] == "next_round" and "RRULE" in row["reason"]
    review = Store(world_db).records().mail_review[0]
    assert review.invite_start is None and "repeats" in review.invite_problem


def test_an_invitation_can_be_accepted_before_its_time_is_known(
    nowwhat: Run, world_db: Path, tmp_path: Path
) -> None:
    nowwhat(world_db, "mail", "scan", str(_one(tmp_path, "tidewater-invite-no-ics")))
    (review,) = _queued(world_db)
    code, out, _ = nowwhat(world_db, "mail", "accept", review)
    assert code == 0 and "no time yet" in out
    assert Store(world_db).records().interviews == ()
    code, out, _ = nowwhat(
        world_db, "mail", "scan", str(_one(tmp_path, "avra-smartrecruiters-schedule"))
    )
    (review,) = _queued(world_db)
    code, out, _ = nowwhat(world_db, "mail", "accept", review, "--at", "2026-12-03 14:00")
    assert code == 0, out
    (interview,) = Store(world_db).records().interviews
    assert interview.opportunity_id == "opp_avra"
    assert interview.start.isoformat() == "2026-12-03T14:00:00-05:00"
    assert Store(world_db).get(Opportunity, "opp_avra").stage == "interviewing"


def test_the_interview_record_keeps_cancelled_and_uid_through_export(
    nowwhat: Run, world_db: Path
) -> None:
    store = Store(world_db)
    store.add(
        Interview(
            id="int_x",
            opportunity_id="opp_quill",
            start=pendulum.datetime(2026, 11, 20, 10, tz="America/New_York"),
            invite_uid="u-1",
            invite_sequence=3,
            cancelled=True,
        )
    )
    _code, out, _ = nowwhat(world_db, "export")
    exported = json.loads(out)
    (interview,) = exported["interviews"]
    assert (interview["invite_uid"], interview["invite_sequence"], interview["cancelled"]) == (
        "u-1",
        3,
        True,
    )
