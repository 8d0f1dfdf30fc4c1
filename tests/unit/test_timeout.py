"""A hang fails its test (pytest-timeout) instead of stalling the whole run."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest


def test_every_test_has_a_time_limit_by_default(pytestconfig: pytest.Config) -> None:
    assert 0 < float(pytestconfig.getini("timeout")) <= 300
    assert pytestconfig.getini("timeout_method") == "thread"


@pytest.mark.parametrize(
    "hang",
    [
        "import time\n\n\ndef test_hangs():\n    time.sleep(600)\n",
        # an endless loop inside a hypothesis property: it must not shrink forever
        "from hypothesis import given, strategies as st\n\n\n@given(st.integers())\n"
        "def test_hangs(n):\n    while True:\n        n += 1\n",
    ],
    ids=["sleep", "hypothesis"],
)
def test_a_test_that_hangs_ends_the_run_with_the_timeout(
    tmp_path: Path, pytestconfig: pytest.Config, hang: str
) -> None:
    (tmp_path / "test_hang.py").write_text(hang)
    env = dict(os.environ, PYTEST_DISABLE_PLUGIN_AUTOLOAD="1")
    method = pytestconfig.getini("timeout_method")
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-q",
            "-p",
            "pytest_timeout",
            "-p",
            "hypothesis.extra.pytestplugin",
            "-o",
            "timeout=1",
            "-o",
            f"timeout_method={method}",
        ],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode != 0, result.stdout + result.stderr
    assert "Timeout" in result.stdout + result.stderr
