"""The engine stays pure: importing it loads no Textual, Rich or TinyDB (in a fresh process)."""

from __future__ import annotations

import pkgutil
import subprocess
import sys

import tui.engine

FORBIDDEN = ("textual", "rich", "tinydb", "platformdirs", "filelock")


def test_importing_every_engine_module_loads_no_ui_or_storage_library() -> None:
    modules = [f"tui.engine.{m.name}" for m in pkgutil.iter_modules(tui.engine.__path__)]
    assert "tui.engine.models" in modules
    script = (
        "import importlib, sys\n"
        f"for name in {modules!r}: importlib.import_module(name)\n"
        f"bad = sorted(m for m in sys.modules if m.split('.')[0] in {FORBIDDEN!r})\n"
        "print(','.join(bad))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "", f"tui.engine pulled in: {result.stdout.strip()}"


def test_the_check_would_notice_a_forbidden_import() -> None:
    """The same probe sees textual when something does import it (the test can fail)."""
    script = "import tui.app, sys; print('textual' in sys.modules)"
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "True"
