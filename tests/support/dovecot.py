"""A real IMAP server for the tests: Dovecot (Debian's ``dovecot-imapd``) on 127.0.0.1.

Started by the tests with a private configuration in a private folder: its own TLS certificate
(made here with ``openssl``, for the address 127.0.0.1), its own users (a passwd file), Maildirs
filled from the labelled corpus, and Dovecot's rawlog, which records every command each session
sent after logging in. One server serves the whole test run; each test gets a user of its own.
Without ``dovecot`` or ``openssl`` the tests are skipped with the reason (``.ci/run`` installs
``dovecot-imapd`` when it runs as root).
"""

from __future__ import annotations

import contextlib
import grp
import os
import pwd
import secrets
import shutil
import socket
import subprocess
import tempfile
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

__all__ = ["Dovecot", "Mailbox", "dovecot_server"]

TIMEOUT = 15.0


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _listening(port: int) -> bool:
    with socket.socket() as probe:
        probe.settimeout(0.2)
        return probe.connect_ex(("127.0.0.1", port)) == 0


def _binary() -> str:
    found = shutil.which("dovecot", path=f"{os.environ.get('PATH', '')}:/usr/sbin:/sbin")
    if found is None:
        pytest.skip(
            "dovecot is not installed: the IMAP tests need a real server "
            "(apt-get install dovecot-imapd; .ci/run does this as root)"
        )
    if shutil.which("openssl") is None:
        pytest.skip("openssl is not installed: the IMAP tests make their certificate with it")
    return found


@dataclass
class Mailbox:
    """One test user's account on the server."""

    server: Dovecot
    user: str
    password: str
    home: Path

    @property
    def maildir(self) -> Path:
        return self.home / "Maildir"

    def url(self, folder: str = "INBOX", *, scheme: str = "imaps") -> str:
        port = self.server.imaps_port if scheme == "imaps" else self.server.imap_port
        return f"{scheme}://{self.user}@127.0.0.1:{port}/{folder}"

    def deliver(self, folder: str, messages: Iterable[bytes]) -> None:
        """Put messages in a folder (INBOX, or a Maildir++ folder such as Sent), unread."""
        box = self.maildir if folder == "INBOX" else self.maildir / f".{folder}"
        for sub in ("cur", "new", "tmp"):
            (box / sub).mkdir(parents=True, exist_ok=True)
        for data in messages:
            name = f"{time.time_ns()}.M{secrets.token_hex(4)}P{os.getpid()}.test:2,"
            (box / "cur" / name).write_bytes(data)
        self.server.own(self.home)

    def sessions(self) -> list[list[str]]:
        """The commands of every session so far (rawlog), one list per session, in order."""
        found = []
        folder = self.server.rawlog / self.user
        for path in sorted(folder.glob("*.in")) if folder.exists() else []:
            lines = []
            for line in path.read_text(errors="replace").splitlines():
                parts = line.split(" ", 2)  # "<stamp> <tag> <command...>"
                if len(parts) == 3:
                    lines.append(parts[2])
            found.append(lines)
        return found

    def flags(self) -> set[str]:
        """The Maildir flags of every message file (``S`` once marked read)."""
        return {
            path.name.rpartition(":2,")[2]
            for path in self.maildir.rglob("*")
            if path.is_file() and ":2," in path.name and path.parent.name in {"cur", "new"}
        }


@dataclass
class Dovecot:
    """A running private Dovecot."""

    folder: Path
    imaps_port: int
    imap_port: int
    ca: Path
    rawlog: Path
    log: Path
    passwd: Path
    uid: int
    gid: int

    def own(self, path: Path) -> None:
        """Give ``path`` to the unprivileged user mail is read as (when the tests run as root)."""
        if os.geteuid() != 0:
            return
        for item in [path, *path.rglob("*")]:
            os.chown(item, self.uid, self.gid)

    def add_user(self, name: str | None = None, password: str | None = None) -> Mailbox:
        user = name or f"u{secrets.token_hex(4)}"
        secret = password or "pw-" + secrets.token_hex(8)
        home = self.folder / "home" / user
        (home / "Maildir" / "cur").mkdir(parents=True)
        (home / "Maildir" / "new").mkdir()
        (home / "Maildir" / "tmp").mkdir()
        (self.rawlog / user).mkdir(parents=True)
        self.own(home)
        self.own(self.rawlog / user)
        # A passwd file per user: Dovecot reads a file it has not seen at the first login
        # (one shared file is re-read at most once a second, which races new users).
        entry = self.passwd / user
        entry.write_text(f"{user}:{{PLAIN}}{secret}\n")
        entry.chmod(0o600)
        if os.geteuid() == 0:
            internal = pwd.getpwnam("dovecot")
            os.chown(entry, internal.pw_uid, internal.pw_gid)
        return Mailbox(self, user, secret, home)


def _config(folder: Path, server: Dovecot, me: str, root: bool) -> str:
    users = (
        ""
        if root
        else (
            f"default_internal_user = {me}\ndefault_login_user = {me}\n"
            f"default_internal_group = {grp.getgrgid(pwd.getpwnam(me).pw_gid).gr_name}\n"
        )
    )
    return f"""
base_dir = {folder}/run
state_dir = {folder}/state
log_path = {server.log}
protocols = imap
listen = 127.0.0.1
ssl = yes
ssl_cert = <{folder}/cert.pem
ssl_key = <{folder}/key.pem
ssl_min_protocol = TLSv1.2
disable_plaintext_auth = yes
auth_mechanisms = plain login
first_valid_uid = 1
first_valid_gid = 1
login_trusted_networks =
{users}
passdb {{
  driver = passwd-file
  args = scheme=PLAIN username_format=%u {server.passwd}/%u
}}
userdb {{
  driver = static
  args = uid={server.uid} gid={server.gid} home={folder}/home/%u
}}
mail_location = maildir:~/Maildir
namespace inbox {{
  inbox = yes
  separator = /
  mailbox Sent {{
    special_use = \\Sent
  }}
}}
service imap-login {{
  inet_listener imap {{
    port = {server.imap_port}
  }}
  inet_listener imaps {{
    port = {server.imaps_port}
    ssl = yes
  }}
}}
service anvil {{
  chroot =
}}
service stats {{
  unix_listener stats-writer {{
    mode = 0666
  }}
}}
protocol imap {{
  rawlog_dir = {server.rawlog}/%u
}}
"""


@contextlib.contextmanager
def dovecot_server() -> Iterator[Dovecot]:
    """Start a private Dovecot; stop it (and remove its folder) afterwards, whatever happened."""
    binary = _binary()
    root = os.geteuid() == 0
    me = pwd.getpwuid(os.getuid()).pw_name
    # Not under pytest's private temp folder: the mail processes run as an unprivileged user
    # when the tests run as root, and must be able to reach their folders.
    folder = Path(tempfile.mkdtemp(prefix="nowwhat-dovecot-"))
    folder.chmod(0o711)
    unprivileged = pwd.getpwnam("nobody") if root else pwd.getpwuid(os.getuid())
    server = Dovecot(
        folder=folder,
        imaps_port=_free_port(),
        imap_port=_free_port(),
        ca=folder / "cert.pem",
        rawlog=folder / "rawlog",
        log=folder / "dovecot.log",
        passwd=folder / "users",
        uid=unprivileged.pw_uid,
        gid=unprivileged.pw_gid,
    )
    process: subprocess.Popen[bytes] | None = None
    try:
        made = subprocess.run(
            [
                "openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
                "-keyout", str(folder / "key.pem"), "-out", str(folder / "cert.pem"),
                "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1,DNS:localhost",
            ],
            capture_output=True,
            check=False,
        )  # fmt: skip
        if made.returncode != 0:
            pytest.fail(f"openssl could not make a certificate: {made.stderr.decode()[-500:]}")
        (folder / "key.pem").chmod(0o600)
        (folder / "home").mkdir(mode=0o711)
        server.rawlog.mkdir(mode=0o711)
        server.passwd.mkdir(mode=0o755)
        config = folder / "dovecot.conf"
        config.write_text(_config(folder, server, me, root))
        process = subprocess.Popen(
            [binary, "-F", "-c", str(config)], stdout=subprocess.PIPE, stderr=subprocess.STDOUT
        )
        deadline = time.monotonic() + TIMEOUT
        while not (_listening(server.imaps_port) and _listening(server.imap_port)):
            if process.poll() is not None or time.monotonic() > deadline:
                output = process.stdout.read().decode() if process.stdout else ""
                log = server.log.read_text() if server.log.exists() else ""
                pytest.fail(f"dovecot did not start: {output.strip()} {log.strip()[-2000:]}")
            time.sleep(0.05)
        yield server
    finally:
        if process is not None:
            process.terminate()
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
        shutil.rmtree(folder, ignore_errors=True)
