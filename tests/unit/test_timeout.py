"""A hang fails its test (pytest-timeout) instead of stalling the whole run."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest


def test_every_test_has_a_time_limit_by_default(pytestconfig: pytest.Config) -> None:
    assert 0 < float(pytestconfig.getini("timeout")) <= 300


def test_a_test_that_hangs_fails_with_the_timeout(tmp_path: Path) -> None:
    hang = "import time\n\n\ndef test_hangs():\n    time.sleep(600)\n"
    (tmp_path / "test_hang.py").write_text(hang)
    env = dict(os.environ, PYTEST_DISABLE_PLUGIN_AUTOLOAD="1")
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "pytest_timeout", "-o", "timeout=1"],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 1, result.stdout + result.stderr
    assert "Timeout (>1.0s) from pytest-timeout" in result.stdout
