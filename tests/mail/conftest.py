"""Fixtures for the mail tests: the world's database, the tuning corpus, and Maildirs made of it."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from dovecot import Dovecot, dovecot_server
from mail_corpus import NOW, make_maildir
from mail_world import world_store

from tui.cli import main
from tui.store import Store


@pytest.fixture
def world_db(tmp_path: Path) -> Path:
    """A database holding the corpus's world (opportunities, contacts, your addresses)."""
    path = tmp_path / "db" / "nowwhat.json"
    world_store(path)
    return path


@pytest.fixture
def world(world_db: Path) -> Store:
    return Store(world_db)


@pytest.fixture
def maildir(tmp_path: Path) -> Path:
    return make_maildir(tmp_path / "Maildir")


@pytest.fixture
def nowwhat(capsys: pytest.CaptureFixture[str]) -> Callable[..., tuple[int, str, str]]:
    """Run the command line in this process: (exit code, stdout, stderr)."""

    def run(db: Path, *args: str) -> tuple[int, str, str]:
        code = main(["--db", str(db), "--now", NOW, *args])
        captured = capsys.readouterr()
        return code, captured.out, captured.err

    return run


@pytest.fixture(scope="session")
def dovecot() -> Iterator[Dovecot]:
    """One private Dovecot for the whole run (each test makes its own user)."""
    with dovecot_server() as server:
        yield server
