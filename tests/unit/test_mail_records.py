"""What nowwhat keeps about mail refuses a bad value on the way in, naming the field: a hand-edited
or damaged database, or an import, cannot slip in a wrong id, a direction that is neither way, or
text past its limit (each limit is allowed exactly, one character more is refused)."""

from __future__ import annotations

from typing import Any

import pendulum
import pytest

from tui.engine.errors import InvalidField
from tui.engine.mail_records import MailReview, MailSeen, MailSource

AT = pendulum.datetime(2026, 11, 23, 8, 30, tz="America/New_York")

BASE: dict[type, dict[str, Any]] = {
    MailSource: {"id": "src_a", "location": "/mail/inbox"},
    MailSeen: {"id": "msg_a", "at": AT, "direction": "in", "verdict": "reply", "action": "applied"},
    MailReview: {
        "id": "rev_a",
        "seen_id": "msg_a",
        "at": AT,
        "direction": "in",
        "verdict": "offer",
    },
}

LIMITS = [
    (MailSource, "location", 4000),
    (MailSource, "password_command", 1000),
    (MailSeen, "message_id", 1000),
    (MailSeen, "counterpart", 320),
    (MailSeen, "subject", 500),
    (MailReview, "subject", 500),
    (MailReview, "counterpart", 320),
    (MailReview, "message_id", 1000),
    (MailReview, "match", 50),
    (MailReview, "reason", 500),
    (MailReview, "source", 4000),
    (MailReview, "locator", 4000),
    (MailReview, "invite_uid", 500),
    (MailReview, "invite_kind", 100),
    (MailReview, "invite_summary", 500),
    (MailReview, "invite_problem", 500),
]


@pytest.mark.parametrize(("cls", "field", "limit"), LIMITS)
def test_each_text_keeps_to_its_limit(cls: type, field: str, limit: int) -> None:
    assert getattr(cls(**{**BASE[cls], field: "x" * limit}), field) == "x" * limit
    with pytest.raises(InvalidField, match=f"^{field}: is too long"):
        cls(**{**BASE[cls], field: "x" * (limit + 1)})


BAD = [
    (MailSource, "id", "has space"),
    (MailSource, "location", "  "),
    (MailSource, "uidvalidity", -1),
    (MailSource, "last_uid", True),
    (MailSource, "added_at", AT.naive()),
    (MailSeen, "id", "has space"),
    (MailSeen, "at", None),
    (MailSeen, "direction", "sideways"),
    (MailSeen, "verdict", "maybe"),
    (MailSeen, "action", "deleted"),
    (MailSeen, "sent_kind", "love_letter"),
    (MailSeen, "opportunity_id", "has space"),
    (MailSeen, "review_id", ""),
    (MailSeen, "noticed", "yes"),
    (MailReview, "id", "has space"),
    (MailReview, "seen_id", "msg a"),
    (MailReview, "direction", "sideways"),
    (MailReview, "verdict", "maybe"),
    (MailReview, "candidates", ["opp_a"]),
    (MailReview, "candidates", ("opp a",)),
    (MailReview, "contact_id", "con a"),
    (MailReview, "status", "pending"),
    (MailReview, "invite_method", "PUBLISH"),
    (MailReview, "invite_sequence", -1),
    (MailReview, "invite_minutes", 1.5),
    (MailReview, "invite_interviewers", ("",)),
    (MailReview, "invite_new_contacts", ("a\x1b[31m",)),
]


@pytest.mark.parametrize(("cls", "field", "value"), BAD)
def test_a_bad_value_is_refused_by_its_field_name(cls: type, field: str, value: object) -> None:
    with pytest.raises(InvalidField, match=f"^{field}: "):
        cls(**{**BASE[cls], field: value})


def test_the_good_values_are_kept() -> None:
    review = MailReview(
        **BASE[MailReview],
        candidates=("opp_a", "opp_b"),
        invite_method="REQUEST",
        invite_sequence=2,
        invite_minutes=45,
        invite_interviewers=("Ana Ruiz",),
    )
    assert (review.candidates, review.invite_minutes, review.open) == (("opp_a", "opp_b"), 45, True)
    assert (
        MailSeen(**{**BASE[MailSeen], "direction": "out", "sent_kind": "thank_you"}).direction
        == "out"
    )
