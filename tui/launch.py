"""The ``nowwhat`` console script: starts the command with the cycle collector paused.

Start-up allocates hundreds of thousands of long-lived objects (modules, classes, records, the
widgets of the first screen) and almost no garbage cycles, so the collections it would trigger
walk everything and free nothing: measured at year size, 26 M of the 1,937 M instructions
to the first frame. The collector comes back on before any verb runs (``tui.cli``) and, in the
dashboard, once its first screen is drawn (:class:`tui.screens.base.DataScreen`).
"""

from __future__ import annotations

import gc
import sys

__all__ = ["main"]


def main() -> int:
    """Run ``nowwhat`` with the arguments it was given; return the exit code."""
    gc.disable()
    try:
        from .cli import main as run

        return run(sys.argv[1:])
    finally:
        gc.enable()


if __name__ == "__main__":
    sys.exit(main())
