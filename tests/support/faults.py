"""Real faults of a disk and of a shared machine, made on purpose (root only; skipped otherwise).

* :func:`small_tmpfs`: a tiny tmpfs to fill up (a full disk that is really full);
* :func:`read_only_view`: a read-only bind mount of a folder (a read-only file system);
* :func:`immutable`: ``chattr +i`` (not even root may change it);
* :func:`second_user` and :func:`as_user`: a second Unix account, and a function run in a
  forked child that has dropped to it (the interpreter lives under root's home, where the
  account cannot exec it, so a fork of this process stands in for a second login).
"""

from __future__ import annotations

import contextlib
import json
import os
import pwd
import shutil
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

__all__ = [
    "CLIResult",
    "as_user",
    "fill",
    "immutable",
    "needs_root",
    "read_only_view",
    "run_cli",
    "run_process",
    "second_user",
    "small_tmpfs",
]


def needs_root(what: str) -> None:
    if os.geteuid() != 0:
        pytest.skip(f"{what} needs root")


@contextlib.contextmanager
def small_tmpfs(where: Path, size: str = "256k") -> Iterator[Path]:
    """A tmpfs of ``size`` mounted at ``where`` (created), unmounted afterwards."""
    needs_root("mounting a tmpfs")
    where.mkdir(parents=True, exist_ok=True)
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={size},mode=0755", "tmpfs", str(where)],
        capture_output=True,
        text=True,
    )
    if mounted.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {mounted.stderr.strip()}")
    try:
        yield where
    finally:
        subprocess.run(["umount", "-l", str(where)], check=False, capture_output=True)


def fill(folder: Path) -> None:
    """Write into ``folder`` until its file system has no byte left."""
    block = b"\0" * 4096
    with (folder / "filler").open("wb", buffering=0) as out, contextlib.suppress(OSError):
        while True:
            out.write(block)
    with (folder / "filler-small").open("wb", buffering=0) as out, contextlib.suppress(OSError):
        while True:
            out.write(b"\0")


@contextlib.contextmanager
def read_only_view(source: Path, where: Path) -> Iterator[Path]:
    """``source`` seen read-only at ``where`` (a bind mount remounted ``ro``)."""
    needs_root("a read-only bind mount")
    where.mkdir(parents=True, exist_ok=True)
    steps = (
        ["mount", "--bind", str(source), str(where)],
        ["mount", "-o", "remount,bind,ro", str(where)],
    )
    for step in steps:
        done = subprocess.run(step, capture_output=True, text=True)
        if done.returncode != 0:
            subprocess.run(["umount", "-l", str(where)], check=False, capture_output=True)
            pytest.skip(f"cannot make a read-only mount here: {done.stderr.strip()}")
    try:
        yield where
    finally:
        subprocess.run(["umount", "-l", str(where)], check=False, capture_output=True)


@contextlib.contextmanager
def immutable(path: Path) -> Iterator[Path]:
    """``path`` with the immutable attribute: no write, rename or new entry, even for root."""
    needs_root("chattr +i")
    if shutil.which("chattr") is None:
        pytest.skip("chattr is not installed")
    done = subprocess.run(["chattr", "+i", str(path)], capture_output=True, text=True)
    if done.returncode != 0:
        pytest.skip(f"this file system has no immutable attribute: {done.stderr.strip()}")
    try:
        yield path
    finally:
        subprocess.run(["chattr", "-i", str(path)], check=False, capture_output=True)


@contextlib.contextmanager
def second_user(name: str) -> Iterator[pwd.struct_passwd]:
    """A second, unprivileged account: created if missing, removed again if we created it."""
    needs_root("creating a second Unix account")
    if shutil.which("useradd") is None:
        pytest.skip("useradd is needed to make a second account")
    try:
        account = pwd.getpwnam(name)
        created = False
    except KeyError:
        for attempt in range(10):  # another test process may hold /etc/passwd's lock a moment
            made = subprocess.run(
                ["useradd", "--no-create-home", "--no-user-group", name], capture_output=True
            )
            if made.returncode == 0:
                break
            time.sleep(0.2 * (attempt + 1))
        else:
            pytest.skip(f"useradd failed: {made.stderr.decode(errors='replace').strip()}")
        account = pwd.getpwnam(name)
        created = True
    try:
        yield account
    finally:
        if created:
            for attempt in range(10):
                if subprocess.run(["userdel", name], capture_output=True).returncode == 0:
                    break
                time.sleep(0.2 * (attempt + 1))


def as_user(account: pwd.struct_passwd, work: Callable[[], Any]) -> Any:
    """``work()`` run in a forked child with the account's uid and gid; its result (a plain
    JSON value or a :class:`CLIResult`) comes back as JSON, an exception as an AssertionError.
    Import what ``work`` needs before calling this: the child may not be able to read the
    interpreter's files."""
    reader, writer = os.pipe()
    child = os.fork()
    if child == 0:  # pragma: no cover - the child
        os.close(reader)
        try:
            os.setgroups([])
            os.setgid(account.pw_gid)
            os.setuid(account.pw_uid)
            try:
                value = work()
                outcome: list[Any] = (
                    ["cli", [value.code, value.out, value.err]]
                    if isinstance(value, CLIResult)
                    else ["ok", value]
                )
            except BaseException as error:
                outcome = ["raised", f"{type(error).__name__}: {error}"]
            with os.fdopen(writer, "w") as out:
                json.dump(outcome, out)
        finally:
            os._exit(0)
    os.close(writer)
    with os.fdopen(reader) as incoming:
        data = incoming.read()
    os.waitpid(child, 0)
    kind, value = json.loads(data)
    if kind == "raised":
        raise AssertionError(f"as {account.pw_name}: {value}")
    return CLIResult(*value) if kind == "cli" else value


class CLIResult:
    """What one in-process run of the command line printed and returned."""

    def __init__(self, code: int, out: str, err: str) -> None:
        self.code, self.out, self.err = code, out, err

    def __repr__(self) -> str:
        return f"CLIResult({self.code}, out={self.out!r}, err={self.err!r})"


def run_cli(*argv: str) -> CLIResult:
    """``nowwhat ARGV`` in this process with stdout and stderr captured (works in a child made
    by :func:`as_user`, where pytest's capture is not ours to use)."""
    import io

    from tui.cli import main

    out, err = io.StringIO(), io.StringIO()
    saved = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = out, err
    try:
        code = main(list(argv))
    finally:
        sys.stdout, sys.stderr = saved
    return CLIResult(code, out.getvalue(), err.getvalue())


def run_process(*argv: str, timeout: float = 30, memory: int = 1 << 30) -> CLIResult:
    """``nowwhat ARGV`` in a child process, killed after ``timeout`` seconds and held to
    ``memory`` bytes of address space: for inputs that could hang or eat the machine. A kill
    or a memory error shows as exit code -9 or 1 with what the child printed."""
    import resource

    def limit() -> None:  # pragma: no cover - in the child
        resource.setrlimit(resource.RLIMIT_AS, (memory, memory))

    try:
        done = subprocess.run(
            # -P: the installed tui, never the checkout in the working folder
            [sys.executable, "-P", "-m", "tui.cli", *argv],
            capture_output=True,
            text=True,
            timeout=timeout,
            preexec_fn=limit,
        )
    except subprocess.TimeoutExpired as expired:
        return CLIResult(-9, str(expired.stdout or ""), f"timed out after {timeout} s")
    return CLIResult(done.returncode, done.stdout, done.stderr)
