"""The ``nowwhat`` console script: starts the command with the cycle collector paused.

Start-up allocates hundreds of thousands of long-lived objects (modules, classes, records, the
widgets of the first screen) and almost no garbage cycles, so the collections it would trigger
walk everything and free nothing: measured at year size, about 3% of the start-up's
instructions. The collector comes back on before any verb runs (:func:`tui.cli.main`) and, in
the dashboard, once the first frame is drawn (:class:`tui.app.NowwhatApp`).
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
