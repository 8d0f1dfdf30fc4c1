"""What the Inbox shows, on its own: the review queue in order, the applied messages lately."""

from __future__ import annotations

import pendulum

from tui.engine.mail_inbox import inbox_view, review_count, review_notice
from tui.engine.mail_records import MailReview, MailSeen
from tui.engine.models import Contact, Opportunity, Records

TZ = "America/New_York"
NOW = pendulum.datetime(2026, 11, 23, 8, 30, tz=TZ)


def at(day: int, hour: int = 9) -> pendulum.DateTime:
    return pendulum.datetime(2026, 11, day, hour, 0, tz=TZ)


def review(n: int, when: pendulum.DateTime, **values: object) -> MailReview:
    return MailReview(
        id=f"rev_{n}",
        seen_id=f"seen_{n}",
        at=when,
        direction="in",
        **values,  # type: ignore[arg-type]
    )


def seen(n: int, when: pendulum.DateTime, **values: object) -> MailSeen:
    base: dict[str, object] = {"direction": "in", "verdict": "reply", "action": "applied"}
    base.update(values)
    return MailSeen(id=f"seen_{n}", at=when, **base)  # type: ignore[arg-type]


def records(**values: object) -> Records:
    return Records(
        opportunities=(
            Opportunity(id="opp_a", company="Acme"),
            Opportunity(id="opp_b", company="Bluefin"),
        ),
        contacts=(Contact(id="con_p", name="Priya", company="Acme"),),
        **values,  # type: ignore[arg-type]
    )


def test_the_queue_is_oldest_first_and_names_the_company_or_the_candidates() -> None:
    queue = (
        review(1, at(20), verdict="next_round", opportunity_id="opp_b"),
        review(2, at(18), verdict="rejected", candidates=("opp_a", "opp_b")),
        review(3, at(19), verdict="sent", sent_kind="check_in", contact_id="con_p"),
        review(4, at(17), verdict="offer", status="accepted", opportunity_id="opp_a"),
        review(5, at(21), verdict="interview_invite"),
    )
    view = inbox_view(records(mail_review=queue), NOW)
    assert [(r.review.id, r.company, r.what) for r in view.review] == [
        ("rev_2", "Acme or Bluefin", "rejected"),
        ("rev_3", "Priya", "sent check-in"),
        ("rev_1", "Bluefin", "next round"),
        ("rev_5", "?", "invitation"),
    ]
    assert review_count(records(mail_review=queue)) == 4
    assert review_notice(records(mail_review=queue)) == "4 messages to review"
    assert review_notice(records(mail_review=queue[:1])) == "1 message to review"
    assert review_notice(records(mail_review=queue[3:4])) == ""


def test_applied_messages_of_the_last_two_weeks_unseen_first_then_newest() -> None:
    messages = (
        seen(1, at(20), handled_at=at(20), opportunity_id="opp_a", noticed=True),
        seen(2, at(21), handled_at=at(21), opportunity_id="opp_b", noticed=True),
        seen(3, at(10), handled_at=at(10), contact_id="con_p"),  # not yet looked at
        seen(4, at(22), handled_at=at(22), action="review"),  # waits in the queue instead
        seen(5, at(22), action="applied"),  # never handled
        seen(6, at(2), handled_at=at(9, 8), opportunity_id="opp_a"),  # 14 days and 30 minutes ago
        seen(7, at(9, 8), handled_at=at(9, 9), direction="out", verdict="sent", sent_kind="other"),
    )
    view = inbox_view(records(mail_seen=messages), NOW)
    assert [(r.seen.id, r.company, r.what, r.new) for r in view.applied] == [
        ("seen_3", "Priya", "reply", True),
        ("seen_7", "", "sent other", True),
        ("seen_2", "Bluefin", "reply", False),
        ("seen_1", "Acme", "reply", False),
    ]
    assert view.new_applied == 2
    assert [r.seen.id for r in inbox_view(records(mail_seen=messages), NOW, days=3).applied] == [
        "seen_2",
        "seen_1",
    ]
