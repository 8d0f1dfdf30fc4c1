"""One received message as the mail engine sees it (:class:`MailFacts`), for the rule tests:
from the recruiter Dana at Acme, to the person's own address, its body read."""

from __future__ import annotations

from typing import Any

import pendulum

from tui.engine.mail_facts import Address, MailFacts

__all__ = ["AT", "message"]

AT = pendulum.datetime(2026, 11, 20, 10, tz="America/New_York")


def message(
    text: str, subject: str = "Data Analyst", sender: str = "dana@acme.example", **extra: Any
) -> MailFacts:
    return MailFacts(
        key="<k@x>",
        at=AT,
        sender=Address("", sender),
        subject=subject,
        text=text,
        to=(Address("", "me@home.example"),),
        body_read=True,
        **extra,
    )
