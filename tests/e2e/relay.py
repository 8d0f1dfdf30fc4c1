"""Run a command on its own pseudo-terminal, relay it to this one, and count what it prints.

Run as ``python relay.py COUNT_FILE COMMAND [ARG...]`` inside a terminal (a tmux pane). The
command (``ssh ...``) gets a terminal of the same size; keys are passed through untouched and its
output is copied to ours. After every read the relay appends one line to COUNT_FILE:
``<terminal bytes so far> <bytes the command has read so far>``. The first number is what the
remote app sent, as the terminal receives it; the second is the command's ``rchar`` from
``/proc``, which for ``ssh`` is mostly the encrypted bytes it read off its socket (plus the few
key bytes and files it read). A pipe such as ``ssh ... | tee`` cannot do this: ``ssh`` would no
longer have a terminal.
"""

from __future__ import annotations

import fcntl
import os
import pty
import select
import sys
import termios
import tty
from pathlib import Path


def _read_chars(pid: int) -> int:
    """How many bytes ``pid`` has read so far (all read() calls: its socket, terminal, files)."""
    try:
        for line in Path(f"/proc/{pid}/io").read_text().splitlines():
            if line.startswith("rchar:"):
                return int(line.split()[1])
    except OSError:
        pass
    return -1


def _write_all(fd: int, data: bytes) -> None:
    while data:
        data = data[os.write(fd, data) :]


def main(count_file: Path, argv: list[str]) -> int:
    size = fcntl.ioctl(sys.stdin.fileno(), termios.TIOCGWINSZ, b"\0" * 8)
    pid, master = pty.fork()
    if pid == 0:  # the child: its terminal gets our size, then it becomes the command
        fcntl.ioctl(sys.stdin.fileno(), termios.TIOCSWINSZ, size)
        os.execvp(argv[0], argv)  # noqa: S606 - the test's own fixed command
    saved = termios.tcgetattr(sys.stdin.fileno())
    tty.setraw(sys.stdin.fileno())  # keys go through as typed: ctrl+s, escape, arrows
    total = 0
    try:
        with count_file.open("a", encoding="ascii") as counts:
            while True:
                ready, _, _ = select.select([sys.stdin.fileno(), master], [], [])
                if master in ready:
                    try:
                        data = os.read(master, 65536)
                    except OSError:  # EIO: the command ended and closed its terminal
                        break
                    if not data:
                        break
                    _write_all(sys.stdout.fileno(), data)
                    total += len(data)
                    counts.write(f"{total} {_read_chars(pid)}\n")
                    counts.flush()
                if sys.stdin.fileno() in ready:
                    keys = os.read(sys.stdin.fileno(), 1024)
                    if not keys:
                        break
                    _write_all(master, keys)
    finally:
        termios.tcsetattr(sys.stdin.fileno(), termios.TCSAFLUSH, saved)
    _, status = os.waitpid(pid, 0)
    return os.waitstatus_to_exitcode(status)


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]), sys.argv[2:]))
