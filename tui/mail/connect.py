"""Opening the sources of a scan: paths checked, IMAP addresses with their password command.

Shared by ``nowwhat mail scan`` and the Inbox's "scan now". The password is asked for only when
a connection is made: printed by a command (``--password-command``, or the one saved with the
source, like mbsync's ``PassCmd``) or taken from ``NOWWHAT_IMAP_PASSWORD`` for one run; it is
kept in no file, no record and no message.
"""

from __future__ import annotations

import os
import shlex
import subprocess
from collections.abc import Sequence
from typing import TYPE_CHECKING

from pendulum import Date

from .sources import Source, SourceError, local_source

if TYPE_CHECKING:
    from ..store import Store

__all__ = ["ENV_PASSWORD", "open_sources", "password_from"]

ENV_PASSWORD = "NOWWHAT_IMAP_PASSWORD"  # noqa: S105 - the name of a variable, not a password


def password_from(command: str) -> str:
    """The IMAP password: the first line the command prints, or the environment's."""
    if command:
        try:
            done = subprocess.run(
                shlex.split(command), capture_output=True, timeout=60, check=False
            )
        except (OSError, ValueError, subprocess.TimeoutExpired) as error:
            raise SourceError(
                f"the password command did not run ({type(error).__name__})"
            ) from None
        if done.returncode != 0:
            raise SourceError(f"the password command failed (exit {done.returncode})")
        lines = done.stdout.decode("utf-8", "replace").splitlines()
        if not lines or not lines[0]:
            raise SourceError("the password command printed nothing")
        return lines[0]
    password = os.environ.get(ENV_PASSWORD, "")
    if not password:
        raise SourceError(
            "IMAP needs a password: give --password-command 'pass show mail/work' or set "
            f"{ENV_PASSWORD} for this run"
        )
    return password


def open_sources(
    store: Store,
    locations: Sequence[str] = (),
    *,
    since: Date | None = None,
    password_command: str = "",
) -> list[Source]:
    """The sources named, or the saved ones; a path that cannot be read raises
    :class:`SourceError` before anything is scanned."""
    chosen: list[tuple[str, str]] = [(x, "") for x in locations]
    if not chosen:
        saved = store.records().mail_sources
        if not saved:
            raise SourceError(
                "no source given and none saved: nowwhat mail scan PATH, or save one with "
                "nowwhat mail sources add PATH"
            )
        chosen = [(s.location, s.password_command) for s in saved]
    opened: list[Source] = []
    for location, saved_command in chosen:
        if location.startswith(("imap://", "imaps://")):
            from .imap import imap_source

            def password(command: str = password_command or saved_command) -> str:
                return password_from(command)

            opened.append(imap_source(location, password=password, store=store, since=since))
        else:
            opened.append(local_source(location))
    return opened
