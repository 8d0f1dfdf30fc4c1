"""Run a command on a pseudo-terminal of a given size and watch what it writes.

Used by the benchmarks to time start-up to the first frame, keypress to frame, and to count
the bytes a screen sends (what an SSH link would carry).
"""

from __future__ import annotations

import fcntl
import os
import pty
import select
import signal
import struct
import termios
import time
from collections.abc import Sequence
from pathlib import Path

__all__ = ["Session"]


class Session:
    """A child process on a pty; ``read_until`` collects its output with timestamps."""

    def __init__(
        self,
        argv: Sequence[str],
        size: tuple[int, int] = (80, 24),
        env: dict[str, str] | None = None,
    ) -> None:
        self.started = time.perf_counter()
        pid, fd = pty.fork()
        if pid == 0:
            os.environ.update(env or {})
            os.environ["TERM"] = "xterm-256color"
            os.execvp(argv[0], list(argv))  # noqa: S606 - the benchmark's own fixed commands
        self.pid, self.fd = pid, fd
        fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", size[1], size[0], 0, 0))
        self.output = bytearray()

    def read_for(self, seconds: float) -> bytes:
        """Everything written in the next ``seconds``."""
        got = bytearray()
        deadline = time.perf_counter() + seconds
        while (left := deadline - time.perf_counter()) > 0:
            ready, _, _ = select.select([self.fd], [], [], left)
            if ready:
                try:
                    chunk = os.read(self.fd, 1 << 16)
                except OSError:
                    break
                got += chunk
        self.output += got
        return bytes(got)

    def read_until(self, marker: bytes, timeout: float = 30.0) -> float:
        """Seconds from process start until ``marker`` appears in the output."""
        deadline = time.perf_counter() + timeout
        while marker not in self.output:
            left = deadline - time.perf_counter()
            if left <= 0:
                raise TimeoutError(f"{marker!r} did not appear; got {bytes(self.output[-300:])!r}")
            ready, _, _ = select.select([self.fd], [], [], left)
            if ready:
                try:
                    self.output += os.read(self.fd, 1 << 16)
                except OSError:
                    raise TimeoutError("the process closed its terminal") from None
        return time.perf_counter() - self.started

    def settle(self, quiet: float = 0.25, limit: float = 5.0) -> bytes:
        """Read until nothing arrives for ``quiet`` seconds; return what arrived."""
        got = bytearray()
        deadline = time.perf_counter() + limit
        while time.perf_counter() < deadline:
            chunk = self.read_for(quiet)
            if not chunk:
                break
            got += chunk
        return bytes(got)

    def key_to_frame(self, key: bytes, quiet: float = 0.15) -> tuple[float, int]:
        """Send ``key``; seconds until the first byte of the answer, and the bytes it took."""
        os.write(self.fd, key)
        sent = time.perf_counter()
        ready, _, _ = select.select([self.fd], [], [], 5.0)
        first = time.perf_counter() - sent if ready else float("nan")
        size = len(self.settle(quiet))
        return first, size

    def peak_rss_kb(self) -> int:
        """The child's peak resident memory so far (VmHWM), in KiB."""
        with Path(f"/proc/{self.pid}/status").open() as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
        return 0

    def close(self) -> None:
        try:
            os.kill(self.pid, signal.SIGTERM)
            for _ in range(50):
                done, _ = os.waitpid(self.pid, os.WNOHANG)
                if done:
                    break
                self.read_for(0.05)
            else:
                os.kill(self.pid, signal.SIGKILL)
                os.waitpid(self.pid, 0)
        except (ProcessLookupError, ChildProcessError):
            pass
        os.close(self.fd)
