"""IMAP against a real Dovecot on 127.0.0.1: read-only, incremental, and the password nowhere."""

from __future__ import annotations

import collections
import contextlib
import json
import os
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from dovecot import Dovecot, Mailbox
from mail_corpus import NOW, TUNING, labels, make_maildir
from mail_world import world_store

from tui.mail.imap import ImapSource, ReadOnlyViolation, parse_url
from tui.mail.parse import head_of
from tui.store import Store

pytestmark = pytest.mark.slow

Run = Callable[..., tuple[int, str, str]]
NOWWHAT = [sys.executable, "-c", "import sys; from tui.cli import main; sys.exit(main())"]
READ_COMMANDS = {"CAPABILITY", "EXAMINE", "UID SEARCH", "UID FETCH", "LOGOUT", "NOOP"}


def _corpus(direction: str) -> list[bytes]:
    return [
        (TUNING / "messages" / name).read_bytes()
        for name, label in sorted(labels().items())
        if label["direction"] == direction
    ]


@pytest.fixture
def mailbox(dovecot: Dovecot, monkeypatch: pytest.MonkeyPatch) -> Mailbox:
    """A user whose INBOX and Sent hold the corpus; the client trusts the test's certificate."""
    box = dovecot.add_user()
    box.deliver("INBOX", _corpus("in"))
    box.deliver("Sent", _corpus("out"))
    monkeypatch.setenv("SSL_CERT_FILE", str(dovecot.ca))
    monkeypatch.setenv("NOWWHAT_IMAP_PASSWORD", box.password)
    return box


def _commands(box: Mailbox) -> list[str]:
    return [command for session in box.sessions() for command in session]


def _verb(command: str) -> str:
    words = command.split()
    return " ".join(words[:2]).upper() if words[0].upper() == "UID" else words[0].upper()


def _assert_read_only(box: Mailbox) -> None:
    commands = _commands(box)
    assert commands, "the rawlog recorded nothing"
    for command in commands:
        assert _verb(command) in READ_COMMANDS, command
        if _verb(command) == "UID FETCH":
            assert "BODY.PEEK[" in command.upper() and "BODY[" not in command.upper().replace(
                "BODY.PEEK[", ""
            ), command
    assert box.flags() == {""}, "a message was flagged (read) on the server"


def _save_sources(nowwhat: Run, db: Path, box: Mailbox) -> None:
    for folder in ("INBOX", "Sent"):
        code, _out, err = nowwhat(db, "mail", "sources", "add", box.url(folder))
        assert code == 0, err


def test_imap_gives_what_the_maildir_gives_and_only_reads(
    nowwhat: Run, world_db: Path, mailbox: Mailbox, tmp_path: Path
) -> None:
    _save_sources(nowwhat, world_db, mailbox)
    code, out, err = nowwhat(world_db, "mail", "scan", "--json")
    assert code == 0, err
    over_imap = json.loads(out)
    local_db = tmp_path / "local" / "nowwhat.json"
    world_store(local_db)
    code, out, _ = nowwhat(local_db, "mail", "scan", "--json", str(make_maildir(tmp_path / "md")))
    from_files = json.loads(out)
    assert len(over_imap) == len(from_files) == len(labels())

    def verdicts(rows: list[dict[str, object]]) -> dict[object, tuple[object, ...]]:
        return {
            r["message_id"] or r["subject"]: (r["verdict"], r["opportunity"], r["action"])
            for r in rows
        }

    assert verdicts(over_imap) == verdicts(from_files)
    imap_records, file_records = Store(world_db).records(), Store(local_db).records()

    def touches(records: object) -> collections.Counter[tuple[object, ...]]:
        return collections.Counter(
            (t.at, t.kind, t.opportunity_id, t.contact_id, t.direction, t.outcome)
            for t in records.touches  # type: ignore[attr-defined]
        )

    def queue(records: object) -> collections.Counter[tuple[object, ...]]:
        return collections.Counter(
            (r.verdict, r.opportunity_id, r.subject, r.invite_start)
            for r in records.mail_review  # type: ignore[attr-defined]
        )

    assert touches(imap_records) == touches(file_records) and len(imap_records.touches) > 10
    assert queue(imap_records) == queue(file_records) and len(imap_records.mail_review) > 20
    _assert_read_only(mailbox)
    # bodies were fetched only for messages whose headers could concern a job
    bodies = sum(c.upper().endswith("(BODY.PEEK[])") for c in _commands(mailbox))
    assert 0 < bodies < len(labels())
    # the saved sources remember where they stopped
    saved = {s.location.rsplit("/", 1)[1]: s for s in imap_records.mail_sources}
    assert saved["INBOX"].uidvalidity > 0 and saved["INBOX"].last_uid == len(_corpus("in"))
    assert saved["Sent"].last_uid == len(_corpus("out"))
    # a rescan fetches nothing: it asks for new UIDs and finds none
    sessions_before = len(mailbox.sessions())
    code, out, _ = nowwhat(world_db, "mail", "scan", "--json")
    assert code == 0 and json.loads(out) == []
    new_sessions = mailbox.sessions()[sessions_before:]
    assert len(new_sessions) == 2
    for session in new_sessions:
        assert [_verb(c) for c in session] == ["EXAMINE", "UID SEARCH", "LOGOUT"], session
        assert f"UID {saved['INBOX'].last_uid + 1}:*" in session[1] or "UID" in session[1]
    _assert_read_only(mailbox)


def test_a_rescan_fetches_only_new_mail_and_a_new_uidvalidity_is_safe(
    nowwhat: Run, world_db: Path, mailbox: Mailbox
) -> None:
    _save_sources(nowwhat, world_db, mailbox)
    code, _, err = nowwhat(world_db, "mail", "scan")
    assert code == 0, err
    touches = Store(world_db).records().touches
    mailbox.deliver(
        "INBOX",
        [
            b"From: Dana Whitfield <dana.whitfield@quillstone.example>\n"
            b"To: sam.rivera@fastmail.example\nSubject: Re: Final round\n"
            b"Date: Wed, 02 Dec 2026 08:00:00 -0500\nMessage-ID: <new-1@quillstone.example>\n"
            b"In-Reply-To: <final-times-sam@fastmail.example>\n\nThanks Sam, noted!\n"
        ],
    )
    before = len(mailbox.sessions())
    code, out, _ = nowwhat(world_db, "mail", "scan", "--json")
    rows = json.loads(out)
    assert [(r["message_id"], r["action"]) for r in rows] == [
        ("<new-1@quillstone.example>", "applied")
    ]
    inbox_session = next(s for s in mailbox.sessions()[before:] if "INBOX" in s[0])
    fetches = [c for c in inbox_session if _verb(c) == "UID FETCH"]
    assert len(fetches) == 2 and all(" 136 " in f or " 1" in f for f in fetches)
    assert len(Store(world_db).records().touches) == len(touches) + 1
    # the server renumbers the folder (a restored backup, a migration): UIDVALIDITY changes
    for name in ("dovecot-uidlist", "dovecot.index", "dovecot.index.cache", "dovecot.index.log"):
        (mailbox.maildir / name).unlink(missing_ok=True)
    old = next(s for s in Store(world_db).records().mail_sources if s.location.endswith("INBOX"))
    code, out, _ = nowwhat(world_db, "mail", "scan", "--json")
    rows = json.loads(out)
    assert rows and {r["action"] for r in rows} == {"seen"}  # read again, changed nothing
    assert len(Store(world_db).records().touches) == len(touches) + 1
    new = next(s for s in Store(world_db).records().mail_sources if s.location.endswith("INBOX"))
    assert new.uidvalidity != old.uidvalidity
    _assert_read_only(mailbox)


def test_the_guard_refuses_every_command_that_could_change_the_mailbox(
    mailbox: Mailbox, dovecot: Dovecot
) -> None:
    source = ImapSource(parse_url(mailbox.url()), lambda: mailbox.password)
    connection = source.connect()
    try:
        attempts = {
            "STORE": lambda: connection.store("1", "+FLAGS", "\\Seen"),
            "UID STORE": lambda: connection.uid("STORE", "1", "+FLAGS", "(\\Seen)"),
            "COPY": lambda: connection.copy("1", "Sent"),
            "UID MOVE": lambda: connection.uid("MOVE", "1", "Sent"),
            "EXPUNGE": lambda: connection.expunge(),
            "APPEND": lambda: connection.append("INBOX", None, None, b"From: x\n\nx\n"),
            "SELECT": lambda: connection.select("INBOX"),
            "CREATE": lambda: connection.create("Junk2"),
            "DELETE": lambda: connection.delete("Sent"),
            "FETCH BODY[]": lambda: connection.uid("FETCH", "1", "(BODY[])"),
            "FETCH RFC822": lambda: connection.uid("FETCH", "1", "(RFC822)"),
        }
        connection.select('"INBOX"', True)
        for name, attempt in attempts.items():
            with pytest.raises(ReadOnlyViolation):
                attempt()
            assert name  # each one refused before a byte was sent
    finally:
        source.close()
    sent = _commands(mailbox)
    assert [_verb(c) for c in sent] == ["EXAMINE", "LOGOUT"]
    assert source.commands[0] == "CAPABILITY" and "LOGIN ***" in source.commands
    assert mailbox.flags() == {""}


def test_the_password_appears_nowhere(
    dovecot: Dovecot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    secret = "Xq7-never-print-this-9Kz"  # noqa: S105 - the test user's password
    box = dovecot.add_user(password=secret)
    box.deliver("INBOX", _corpus("in")[:20])
    home = tmp_path / "home"
    home.mkdir()
    db = tmp_path / "data" / "nowwhat.json"
    world_store(db)
    env = {
        **os.environ,
        "HOME": str(home),
        "XDG_DATA_HOME": str(home / "share"),
        "SSL_CERT_FILE": str(dovecot.ca),
        "NOWWHAT_MAIL_BATCH": "3",
    }
    env.pop("NOWWHAT_IMAP_PASSWORD", None)
    outputs: list[str] = []

    def run(*args: str, password: str | None = None) -> int:
        extra = {"NOWWHAT_IMAP_PASSWORD": password} if password else {}
        done = subprocess.run(
            [*NOWWHAT, "--db", str(db), "--now", NOW, *args],
            capture_output=True,
            text=True,
            env={**env, **extra},
            check=False,
        )
        outputs.append(done.stdout + done.stderr)
        return done.returncode

    password_file = tmp_path / "secret.txt"
    password_file.write_text(secret + "\n")
    command = f"cat {password_file}"
    assert run("mail", "sources", "add", box.url(), "--password-command", command) == 0
    assert run("mail", "scan") == 0  # the password from the command
    assert run("mail", "scan", box.url(), "--json", password=secret) == 0  # from the environment
    assert run("mail", "scan", "--password-command", "false") == 2  # a failing command
    wrong = f"printf %s {secret}-wrong"
    assert run("mail", "scan", box.url(), "--password-command", wrong) == 2  # refused login
    assert run("mail", "review") == 0
    assert run("mail", "sources") == 0
    assert run("settings") == 0
    assert run("locate") == 0
    assert run("export") == 0
    assert any("applied" in o for o in outputs[:2]), outputs
    assert "login refused" in outputs[4] and "Authentication failed" in outputs[4]
    for output in outputs:
        assert secret not in output
    for path in [*tmp_path.rglob("*"), *home.rglob("*")]:
        if path.is_file() and path != password_file:
            assert secret.encode() not in path.read_bytes(), path
    # the scan logged nothing of its own anywhere else either
    assert not any(p.suffix == ".log" for p in tmp_path.rglob("*"))


def test_bad_credentials_exit_2_with_the_servers_words(
    nowwhat: Run, world_db: Path, mailbox: Mailbox, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NOWWHAT_IMAP_PASSWORD", "wrong")
    before = world_db.read_bytes()
    code, _out, err = nowwhat(world_db, "mail", "scan", mailbox.url())
    assert code == 2
    assert err.count("\n") == 1 and "Authentication failed" in err and "wrong" not in err
    assert world_db.read_bytes() == before
    monkeypatch.delenv("NOWWHAT_IMAP_PASSWORD")
    code, _, err = nowwhat(world_db, "mail", "scan", mailbox.url())
    assert code == 2 and "--password-command" in err and "NOWWHAT_IMAP_PASSWORD" in err


class _Dropper:
    """A TCP relay to the server that cuts the connection after ``limit`` bytes from it."""

    def __init__(self, port: int, limit: int) -> None:
        self.limit = limit
        self.target = port
        self.listener = socket.socket()
        self.listener.bind(("127.0.0.1", 0))
        self.listener.listen()
        self.port = self.listener.getsockname()[1]
        self.thread = threading.Thread(target=self._serve, daemon=True)
        self.thread.start()

    def _serve(self) -> None:
        client, _ = self.listener.accept()
        upstream = socket.create_connection(("127.0.0.1", self.target))
        passed = 0

        def up() -> None:
            try:
                while data := client.recv(65536):
                    upstream.sendall(data)
            except OSError:
                pass

        threading.Thread(target=up, daemon=True).start()
        try:
            while data := upstream.recv(65536):
                client.sendall(data)
                passed += len(data)
                if passed > self.limit:
                    break
        except OSError:
            pass
        for sock in (client, upstream):
            with contextlib.suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)
            sock.close()

    def close(self) -> None:
        self.listener.close()


def test_a_dropped_connection_is_one_line_exit_1_and_nothing_half_applied(
    nowwhat: Run,
    world_db: Path,
    mailbox: Mailbox,
    dovecot: Dovecot,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("NOWWHAT_MAIL_BATCH", "1")
    headers = sum(len(head_of(m)) for m in _corpus("in"))  # all fetched in one answer first
    dropper = _Dropper(dovecot.imaps_port, limit=headers + 40_000)
    try:
        url = mailbox.url().replace(f":{dovecot.imaps_port}/", f":{dropper.port}/")
        code, _out, err = nowwhat(world_db, "mail", "scan", url)
    finally:
        dropper.close()
    assert code == 1, err
    (line,) = err.strip().splitlines()
    assert "dropped" in line or "connection" in line
    records = Store(world_db).records()  # valid, with what was finished
    done = len(records.mail_seen)
    assert 0 < done < len(_corpus("in"))
    for seen in records.mail_seen:  # each message all or nothing
        if seen.action == "applied":
            assert any(t.id == seen.touch_id for t in records.touches)
    code, _, _ = nowwhat(world_db, "mail", "scan", mailbox.url())
    assert code == 0
    records = Store(world_db).records()
    assert len(records.mail_seen) == len(_corpus("in"))
    keys = collections.Counter((t.at, t.kind, t.opportunity_id) for t in records.touches)
    assert keys.most_common(1)[0][1] == 1


def test_a_silent_server_times_out_in_one_line(
    nowwhat: Run, world_db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen()
    port = listener.getsockname()[1]
    monkeypatch.setenv("NOWWHAT_IMAP_TIMEOUT", "1")
    monkeypatch.setenv("NOWWHAT_IMAP_PASSWORD", "x")
    try:
        started = time.monotonic()
        code, _, err = nowwhat(world_db, "mail", "scan", f"imaps://sam@127.0.0.1:{port}/INBOX")
        elapsed = time.monotonic() - started
    finally:
        listener.close()
    assert code == 1 and err.count("\n") == 1 and "timed out" in err
    assert elapsed < 10


def test_imap_with_starttls_on_this_machine(nowwhat: Run, world_db: Path, mailbox: Mailbox) -> None:
    code, out, err = nowwhat(world_db, "mail", "scan", "--json", mailbox.url(scheme="imap"))
    assert code == 0, err
    assert len(json.loads(out)) == len(_corpus("in"))
    assert "STARTTLS" in mailbox.server.log.read_text() or "TLS" in mailbox.server.log.read_text()


def test_addresses_with_a_password_or_plain_text_elsewhere_are_refused(
    nowwhat: Run, world_db: Path
) -> None:
    code, _, err = nowwhat(
        world_db, "mail", "sources", "add", "imaps://sam:hunter2@mail.example/INBOX"
    )
    assert code == 2 and "no password in the address" in err and "hunter2" not in err
    assert not parse_url("imap://sam@mail.example/INBOX").loopback
    assert parse_url("imap://sam@127.0.0.1/INBOX").loopback
    assert (
        parse_url("imaps://sam%40fastmail.example@imap.example:993/Sent%20Items").folder
        == "Sent Items"
    )


def test_a_scan_killed_midway_over_imap_loses_nothing_and_doubles_nothing(
    nowwhat: Run, world_db: Path, mailbox: Mailbox, tmp_path: Path
) -> None:
    _save_sources(nowwhat, world_db, mailbox)
    reference = tmp_path / "ref" / "nowwhat.json"
    world_store(reference)
    nowwhat(reference, "mail", "scan", str(make_maildir(tmp_path / "md")))
    expected = len(Store(reference).records().touches)
    env = {**os.environ, "NOWWHAT_MAIL_BATCH": "1"}
    scan = subprocess.Popen(
        [*NOWWHAT, "--db", str(world_db), "--now", NOW, "mail", "scan"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    assert scan.stdout is not None
    acknowledged: list[str] = []
    while len(acknowledged) < 4:
        line = scan.stdout.readline()
        if not line:
            break
        if line.startswith("applied "):
            acknowledged.append(line.split()[1])
    os.kill(scan.pid, signal.SIGKILL)
    scan.wait(timeout=10)
    assert len(acknowledged) == 4
    logged = {t.id for t in Store(world_db).records().touches}
    assert set(acknowledged) <= logged and len(logged) < expected
    code, _, err = nowwhat(world_db, "mail", "scan")
    assert code == 0, err
    records = Store(world_db).records()
    keys = collections.Counter(
        (t.at, t.kind, t.opportunity_id, t.contact_id) for t in records.touches
    )
    assert len(records.touches) == expected and keys.most_common(1)[0][1] == 1
    _assert_read_only(mailbox)


@pytest.fixture(autouse=True)
def _no_stray_password(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.delenv("NOWWHAT_IMAP_PASSWORD", raising=False)
    yield


async def test_scan_now_in_the_inbox_works_over_imap(
    world_db: Path, mailbox: Mailbox, nowwhat: Run
) -> None:
    import pendulum

    from tui.app import build_app

    _save_sources(nowwhat, world_db, mailbox)
    app = build_app(Store(world_db), pendulum.datetime(2026, 12, 2, 9, tz="America/New_York"))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("7")
        await pilot.pause()
        await pilot.press("s")
        for _ in range(300):
            await pilot.pause(0.1)
            if not app.screen._scanning:  # type: ignore[attr-defined]
                break
        await pilot.pause(0.3)
    records = Store(world_db).records()
    assert len(records.mail_seen) == len(labels())
    assert all(s.last_uid > 0 for s in records.mail_sources)
    _assert_read_only(mailbox)
