"""The words for what the operating system refused, on their own: which permission is missing
and where, the cause for a code nowwhat has no words of its own for, and what is wrong with JSON
that did not load. (The store and the CLI saying these in one line is in test_disk_errors.)

The tests run as any user, root included, so missing permissions are described to the module
through ``os.access``, which is all it asks."""

from __future__ import annotations

import errno
import json
import os
from pathlib import Path

import pytest

from tui.store import errors
from tui.store.errors import json_problem, os_cause, os_error_line

DB = Path("/home/jo/data/nowwhat.json")


def _denied(monkeypatch: pytest.MonkeyPatch, missing: dict[Path, int]) -> None:
    """Every path exists and allows everything except the modes named in ``missing``."""

    def access(path: str | Path, mode: int) -> bool:
        return mode == os.F_OK or not (missing.get(Path(path), 0) & mode)

    monkeypatch.setattr(errors.os, "access", access)


@pytest.mark.parametrize(
    ("missing", "said"),
    [
        ({Path("/home/jo"): os.X_OK}, "permission denied (you may not enter the folder /home/jo)"),
        ({DB: os.R_OK}, f"permission denied ({DB} is not readable for you)"),
        ({DB: os.W_OK}, f"permission denied ({DB} is read-only for you)"),
        (
            {DB.parent: os.W_OK},
            f"permission denied (you may not write in the folder {DB.parent})",
        ),
        ({}, "permission denied"),
    ],
)
def test_a_refused_permission_names_what_is_missing_and_where(
    monkeypatch: pytest.MonkeyPatch, missing: dict[Path, int], said: str
) -> None:
    _denied(monkeypatch, missing)
    assert os_cause(PermissionError(errno.EACCES, "Permission denied"), DB) == said


def test_a_refused_operation_with_every_permission_there_is_an_immutable_file(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    _denied(monkeypatch, {})
    assert os_cause(PermissionError(errno.EPERM, "Operation not permitted"), DB) == (
        "the operation is not permitted (an immutable file or folder?)"
    )


def test_a_code_without_words_of_its_own_says_the_systems_in_lower_case() -> None:
    assert os_cause(OSError(errno.ENOSPC, "No space left on device"), DB) == "the disk is full"
    assert os_cause(OSError(errno.EXDEV, "Invalid Cross-Device Link"), DB) == (
        "invalid cross-device link"
    )
    assert os_cause(OSError("Something Odd"), DB) == "something odd"


def test_an_os_error_line_names_the_file_then_the_cause() -> None:
    full = OSError(errno.ENOSPC, "No space left on device", "/home/jo/draft.txt")
    assert os_error_line(full) == "/home/jo/draft.txt: the disk is full"
    assert os_error_line(full, about=DB) == f"{DB}: the disk is full"
    assert os_error_line(OSError(errno.EIO, "Input/output error")) == (
        "an input/output error (the disk may be failing)"
    )
    assert os_error_line(OSError(errno.EXDEV, "Invalid Cross-Device Link")) == (
        "invalid cross-device link"
    )


def test_json_that_did_not_load_is_said_in_a_few_words() -> None:
    with pytest.raises(ValueError) as huge:
        json.loads("9" * 5000)
    assert json_problem(huge.value) == "a number with more than 4,300 digits"
    assert json_problem(RecursionError("maximum recursion depth exceeded")) == "nested too deeply"
    with pytest.raises(ValueError) as bad:
        json.loads('{"a": }')
    assert json_problem(bad.value) == str(bad.value)
    long = ValueError("x" * 500)
    assert json_problem(long) == "x" * 199 + "…"
