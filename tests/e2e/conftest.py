"""End-to-end fixtures: a real OpenSSH server on 127.0.0.1, and terminals that log in to it.

The tests here use nowwhat the way a person does: the real ``ssh`` client in a real terminal
(a tmux pane of 80x24, ``TERM=xterm-256color``), keys typed, the screen read back with
``tmux capture-pane``. The server is a private ``sshd`` (its own host key, config, port and
authorized key; key login only) started once per test run. Each test gets its own tmux server on
its own socket, so no other tmux is ever touched, and everything is stopped even when a test
fails. Without ``sshd``, ``ssh`` or ``tmux`` the tests are skipped (``.ci/run`` installs them).
"""

from __future__ import annotations

import contextlib
import os
import pwd
import re
import secrets
import shlex
import shutil
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

NOWWHAT = Path(sys.executable).with_name("nowwhat")
"""The console script of the environment the tests run in (CI's fresh venv, or .venv)."""

NOW = "2026-11-23 08:30"
"""The demo's anchor moment: with it the plan, and so the screen, is always the same."""

TIMEOUT = 10.0
"""How long to wait for the screen to show something before failing with what it does show."""

WIDTH, HEIGHT = 80, 24

RELAY = Path(__file__).with_name("relay.py")


def _sshd_binary() -> str | None:
    # sshd lives in sbin, which is often not on a normal user's PATH.
    return shutil.which("sshd", path=f"{os.environ.get('PATH', '')}:/usr/sbin:/sbin")


def _require_tools() -> str:
    sshd = _sshd_binary()
    if sshd is None:
        pytest.skip(
            "sshd is not installed: the end-to-end tests need OpenSSH's server "
            "(apt-get install openssh-server openssh-client tmux; .ci/run does this as root)"
        )
    for tool, package in (("ssh", "openssh-client"), ("ssh-keygen", "openssh-client")):
        if shutil.which(tool) is None:
            pytest.skip(f"{tool} is not installed: apt-get install {package}")
    if shutil.which("tmux") is None:
        pytest.skip("tmux is not installed: apt-get install tmux")
    if not NOWWHAT.is_file():
        pytest.fail(f"no nowwhat console script next to {sys.executable}: install the project")
    return sshd


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _listening(port: int) -> bool:
    with socket.socket() as probe:
        probe.settimeout(0.2)
        return probe.connect_ex(("127.0.0.1", port)) == 0


@dataclass(frozen=True)
class SshServer:
    """A running private sshd, and how to log in to it."""

    port: int
    user: str
    key: Path
    home: Path
    log: Path

    def login(self, db: Path, *, now: str | None = NOW) -> list[str]:
        """The ``ssh`` command that runs this environment's nowwhat on ``db``, on a terminal.

        sshd starts the command with the login's own environment (and root's shell rc files),
        so the remote side gets a clean, explicit one: the terminal type, UTF-8, UTC, a private
        HOME, and the absolute path of the nowwhat under test.
        """
        remote = [
            "env",
            "-i",
            "TERM=xterm-256color",
            "LANG=C.UTF-8",
            "TZ=UTC",
            f"HOME={self.home}",
            "PATH=/usr/bin:/bin",
            str(NOWWHAT),
            "--db",
            str(db),
        ]
        if now is not None:
            remote += ["--now", now]
        return [
            "ssh",
            "-F",
            "none",  # none of this machine's ssh_config
            "-tt",
            "-p",
            str(self.port),
            "-i",
            str(self.key),
            "-o",
            "IdentitiesOnly=yes",
            "-o",
            "BatchMode=yes",  # never a password prompt: a failed login fails at once
            "-o",
            "StrictHostKeyChecking=no",
            "-o",
            "UserKnownHostsFile=/dev/null",
            "-o",
            "LogLevel=ERROR",
            f"{self.user}@127.0.0.1",
            "exec " + shlex.join(remote),
        ]

    @staticmethod
    def apps_on(db: Path) -> set[int]:
        """The running nowwhat processes on ``db``: the remote ends of the sessions.

        Like ``pgrep -f DB``, but only processes with the path as an argument of its own: the
        local ``ssh`` client carries it too, inside its one remote-command argument.
        """
        return app_pids(db)

    @staticmethod
    def wait_apps_gone(db: Path, timeout: float) -> float:
        """Seconds until no nowwhat on ``db`` runs any more; fails after ``timeout``."""
        started = time.monotonic()
        while app_pids(db):
            if time.monotonic() - started > timeout:
                pytest.fail(f"nowwhat on {db} still runs {timeout:.0f} s later: {app_pids(db)}")
            time.sleep(0.05)
        return time.monotonic() - started


@pytest.fixture(scope="session")
def sshd(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SshServer]:
    """A real OpenSSH server on 127.0.0.1 at a free high port: key login only, for this user."""
    binary = _require_tools()
    folder = tmp_path_factory.mktemp("sshd")
    host_key, user_key = folder / "host_ed25519", folder / "user_ed25519"
    for key in (host_key, user_key):
        subprocess.run(
            ["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", "nowwhat-e2e", "-f", str(key)],
            check=True,
            capture_output=True,
        )
    authorized = folder / "authorized_keys"
    authorized.write_bytes(user_key.with_suffix(".pub").read_bytes())
    authorized.chmod(0o600)
    home = folder / "home"
    home.mkdir(mode=0o700)
    if os.geteuid() == 0:
        # sshd running as root needs its privilege separation folder (made by the service unit,
        # which nobody started here).
        Path("/run/sshd").mkdir(mode=0o755, parents=True, exist_ok=True)
    port = _free_port()
    config = folder / "sshd_config"
    config.write_text(
        "\n".join(
            [
                f"Port {port}",
                "ListenAddress 127.0.0.1",
                f"HostKey {host_key}",
                f"AuthorizedKeysFile {authorized}",
                f"PidFile {folder / 'sshd.pid'}",
                "PasswordAuthentication no",
                "KbdInteractiveAuthentication no",
                "PubkeyAuthentication yes",
                "AuthenticationMethods publickey",
                "PermitRootLogin prohibit-password",
                "UsePAM no",
                "StrictModes no",  # the keys sit in pytest's temp folders
                "PrintMotd no",
                "PrintLastLog no",
                "X11Forwarding no",
                "AllowTcpForwarding no",
                "LogLevel VERBOSE",
                "",
            ]
        )
    )
    log = folder / "sshd.log"
    checked = subprocess.run([binary, "-t", "-f", str(config)], capture_output=True, text=True)
    if checked.returncode != 0:
        pytest.fail(f"sshd rejects its test config: {checked.stderr.strip()}")
    # -D: stay in the foreground as our child, so it is ours to stop; -E: log to a file.
    server = subprocess.Popen([binary, "-D", "-f", str(config), "-E", str(log)])
    try:
        deadline = time.monotonic() + TIMEOUT
        while not _listening(port):
            if server.poll() is not None or time.monotonic() > deadline:
                log_text = log.read_text() if log.exists() else ""
                pytest.fail(f"sshd did not start on port {port}: {log_text.strip()}")
            time.sleep(0.05)
        yield SshServer(
            port=port,
            user=pwd.getpwuid(os.getuid()).pw_name,
            key=user_key,
            home=home,
            log=log,
        )
    finally:
        server.terminate()
        try:
            server.wait(timeout=5)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()


class Pane:
    """One terminal (a tmux session of 80x24): type into it, read what it shows."""

    def __init__(self, tmux: Tmux, name: str, script: Path) -> None:
        self.tmux = tmux
        self.name = name
        self._pid_file = script.with_suffix(".pid")
        self._status_file = script.with_suffix(".status")

    def screen(self, *, styled: bool = False) -> str:
        """What the terminal shows now: text only, or with colours and attributes."""
        return self.tmux("capture-pane", "-p", *(["-e"] if styled else []), "-t", self.name)

    @property
    def pid(self) -> int:
        """The command's process: ``ssh`` (or the byte-counting relay in front of it)."""
        deadline = time.monotonic() + TIMEOUT
        while not self._pid_file.exists() or not self._pid_file.read_text().strip():
            if time.monotonic() > deadline:
                pytest.fail("the terminal's command never started")
            time.sleep(0.02)
        return int(self._pid_file.read_text())

    def ended(self, timeout: float = TIMEOUT) -> int:
        """Wait for the command to end; its exit status (128 + N when killed by signal N)."""
        deadline = time.monotonic() + timeout
        while not self._status_file.exists() or not self._status_file.read_text().strip():
            if time.monotonic() > deadline:
                pytest.fail(f"the terminal's command still runs {timeout:.0f} s later")
            time.sleep(0.05)
        return int(self._status_file.read_text())

    def wait_until(self, test: Callable[[str], bool], what: str, timeout: float = TIMEOUT) -> str:
        """Poll the screen until ``test`` accepts it; return it, or fail showing it."""
        deadline = time.monotonic() + timeout
        while True:
            shown = self.screen()
            if test(shown):
                return shown
            if time.monotonic() > deadline:
                pytest.fail(f"after {timeout:.0f} s the screen still lacks {what}:\n{shown}")
            time.sleep(0.05)

    def wait_for(self, *texts: str, timeout: float = TIMEOUT) -> str:
        """Poll the screen until every one of ``texts`` is on it."""
        return self.wait_until(
            lambda shown: all(t in shown for t in texts), " and ".join(map(repr, texts)), timeout
        )

    def wait_gone(self, text: str, timeout: float = TIMEOUT) -> str:
        return self.wait_until(lambda shown: text not in shown, f"no {text!r}", timeout)

    def settle(self, quiet: float = 0.1) -> str:
        """Wait until the screen (colours included) stops changing for ``quiet`` seconds."""
        deadline = time.monotonic() + TIMEOUT
        last = self.screen(styled=True)
        while time.monotonic() < deadline:
            time.sleep(quiet)
            now = self.screen(styled=True)
            if now == last:
                return now
            last = now
        return last

    def press(self, *keys: str) -> None:
        """Press each key once the screen has reacted to the one before.

        Keys that arrive together race in Textual: ``tab`` moves the focus only after the keys
        behind it were already handed to the old field. So each key waits for a visible change
        (a focus change redraws the field borders), as a person would.
        """
        for key in keys:
            before = self.settle()
            self.tmux("send-keys", "-t", self.name, key)
            deadline = time.monotonic() + TIMEOUT
            while self.screen(styled=True) == before:
                if time.monotonic() > deadline:
                    pytest.fail(f"the screen did not react to {key!r}:\n{self.screen()}")
                time.sleep(0.02)

    def type(self, text: str) -> None:
        """Type ``text`` into the focused field and wait until it shows."""
        self.settle()
        self.tmux("send-keys", "-t", self.name, "-l", text)
        self.wait_for(text)

    def send(self, *keys: str) -> None:
        """Send keys without waiting for anything."""
        self.tmux("send-keys", "-t", self.name, *keys)


class Tmux:
    """A private tmux server (its own socket and config) holding this test's terminals."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.socket = f"nowwhat-e2e-{os.getpid()}-{secrets.token_hex(4)}"
        self.config = folder / "tmux.conf"
        # No status line (the pane is the whole 80x24), and a pane whose ssh ended stays readable.
        self.config.write_text(
            "set -g status off\n"
            "set -g remain-on-exit on\n"
            "set -g default-terminal xterm-256color\n"
            "set -g default-size 80x24\n"
        )
        self._count = 0

    def __call__(self, *args: str) -> str:
        done = subprocess.run(
            ["tmux", "-L", self.socket, "-f", str(self.config), *args],
            capture_output=True,
            text=True,
            timeout=TIMEOUT,
            check=False,
        )
        if done.returncode != 0:
            raise RuntimeError(f"tmux {' '.join(args)}: {done.stderr.strip()}")
        return done.stdout

    def open(self, argv: list[str]) -> Pane:
        """A new 80x24 terminal running ``argv``; its pid and exit status are kept in files."""
        self._count += 1
        name = f"t{self._count}"
        script = self.folder / f"{name}.sh"
        # The inner shell records its pid and becomes the command, so the pid is the command's;
        # the outer one records how it ended (tmux's own pane status is not reliable for that).
        # The script also keeps the command line (with the database path) off the tmux server's
        # command line, where a process search would find it.
        pid_file, status_file = script.with_suffix(".pid"), script.with_suffix(".status")
        script.write_text(
            "TERM=xterm-256color\nexport TERM\n"
            + shlex.join(["sh", "-c", 'echo $$ >"$0" && exec "$@"', str(pid_file), *argv])
            + f"\necho $? >{shlex.quote(str(status_file))}\n"
        )
        self("new-session", "-d", "-s", name, "-x", str(WIDTH), "-y", str(HEIGHT), f"sh {script}")
        assert self(
            "display-message", "-p", "-t", name, "#{pane_width}x#{pane_height}"
        ).strip() == (f"{WIDTH}x{HEIGHT}")
        return Pane(self, name, script)

    def close(self) -> None:
        """Stop this tmux server: its panes' processes get SIGHUP, as on a closed terminal."""
        subprocess.run(["tmux", "-L", self.socket, "kill-server"], capture_output=True, check=False)


@pytest.fixture
def tmux(tmp_path: Path) -> Iterator[Tmux]:
    """This test's private tmux server, stopped afterwards whatever happened."""
    server = Tmux(tmp_path)
    try:
        yield server
    finally:
        server.close()


def app_pids(db: Path) -> set[int]:
    """The nowwhat processes with ``db`` as an argument (see :meth:`SshServer.apps_on`)."""
    wanted = os.fsencode(str(db))
    found = set()
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            argv = (entry / "cmdline").read_bytes().split(b"\0")
        except OSError:  # it ended meanwhile
            continue
        if wanted in argv and any(arg.endswith(b"nowwhat") for arg in argv):
            found.add(int(entry.name))
    return found


def _running(pid: int) -> bool:
    """Whether ``pid`` exists and is not a zombie waiting for its parent."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return False
    return re.search(r"\) Z ", stat) is None


@pytest.fixture
def login(sshd: SshServer, tmux: Tmux) -> Iterator[Callable[..., Pane]]:
    """Open a terminal that logs in over SSH and runs nowwhat on a database.

    ``login(db, now=NOW, count_bytes=None)``; with ``count_bytes`` (a file), ``ssh`` runs behind
    the relay that counts what it prints. Afterwards the terminals are closed and no nowwhat on
    those databases may outlive the test: stragglers get SIGKILL.
    """
    databases: set[Path] = set()

    def open_session(db: Path, *, now: str | None = NOW, count_bytes: Path | None = None) -> Pane:
        databases.add(db)
        argv = sshd.login(db, now=now)
        if count_bytes is not None:
            argv = [sys.executable, str(RELAY), str(count_bytes), *argv]
        return tmux.open(argv)

    try:
        yield open_session
    finally:
        tmux.close()
        leftovers = set().union(*(app_pids(db) for db in databases))
        deadline = time.monotonic() + 5
        while leftovers and time.monotonic() < deadline:
            time.sleep(0.05)
            leftovers = {pid for pid in leftovers if _running(pid)}
        for pid in leftovers:
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)
