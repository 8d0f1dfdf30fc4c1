"""The engine stays pure: importing it loads the standard library, pendulum and holidays (with
what those two need) and nothing else, in a fresh process: no Textual, Rich or TinyDB."""

from __future__ import annotations

import pkgutil
import subprocess
import sys

import tui.engine

ALLOWED = {
    "tui",
    "pendulum",
    "holidays",
    "dateutil",  # pendulum's and holidays' own dependencies
    "six",
    "tzdata",
    "__main__",  # the interpreter's own
    "_distutils_hack",  # setuptools' hook in a virtual environment
}


def _outsiders(modules: list[str]) -> list[str]:
    """Top-level packages outside the standard library and ALLOWED that importing loads."""
    script = (
        "import importlib, sys\n"
        f"for name in {modules!r}: importlib.import_module(name)\n"
        "tops = {m.split('.')[0] for m in sys.modules}\n"
        "std = set(sys.stdlib_module_names) | set(sys.builtin_module_names)\n"
        f"bad = sorted(t for t in tops - std - {ALLOWED!r} if not t.startswith('_sysconfigdata'))\n"
        "print(','.join(bad))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    )
    return [name for name in result.stdout.strip().split(",") if name]


def test_importing_every_engine_module_loads_no_ui_or_storage_library() -> None:
    modules = [f"tui.engine.{m.name}" for m in pkgutil.iter_modules(tui.engine.__path__)]
    assert "tui.engine.models" in modules
    assert _outsiders(modules) == [], "tui.engine pulled in more than pendulum and holidays"


def test_the_check_would_notice_a_forbidden_import() -> None:
    """The same probe flags what the app loads (the test can fail)."""
    assert {"textual", "rich", "tinydb"} <= set(_outsiders(["tui.app"]))
