"""Regenerate screenshots/: an SVG of every screen on the demo data at 120x40 (and Today at 80x24).

Run from the checkout: ``.venv/bin/python scripts/screenshots.py``. The demo is used at its anchor
moment (Monday 23 November 2026, 08:30 New York), so the pictures only change when the app does.
"""

from __future__ import annotations

import asyncio
import sys
import tempfile
from pathlib import Path

import pendulum

from tui.app import build_app
from tui.locations import shipped_data
from tui.store import Store

NOW = pendulum.datetime(2026, 11, 23, 8, 30, tz="America/New_York")
OUT = Path(__file__).resolve().parent.parent / "screenshots"
SHOTS = [
    ("today", ["1"], (120, 40)),
    ("today-80x24", ["1"], (80, 24)),
    ("waiting", ["2"], (120, 40)),
    ("advocates", ["3"], (120, 40)),
    ("network", ["4"], (120, 40)),
    ("pipeline", ["5"], (120, 40)),
    ("inbox", ["7"], (120, 40)),
    ("help", ["1", "question_mark"], (120, 40)),
    ("add-interview", ["2", "i"], (120, 40)),
    ("composer", ["2", "c"], (120, 40)),
    ("calibration", ["6"], (120, 40)),
    ("calibration-80x24", ["6"], (80, 24)),
    ("debrief", ["1", "b"], (120, 40)),
    ("pipeline-stage", ["5", "g"], (80, 24)),
    ("pipeline-delete", ["5", "x"], (80, 24)),
]


async def shoot(folder: Path) -> None:
    for name, keys, size in SHOTS:
        db = folder / f"{name}.json"
        db.write_bytes(shipped_data("demo.json").read_bytes())
        app = build_app(Store(db), NOW)
        async with app.run_test(size=size) as pilot:
            await pilot.pause()
            for key in keys:
                await pilot.press(key)
                await pilot.pause()
            await pilot.pause(0.2)
            app.save_screenshot(filename=f"{name}.svg", path=str(OUT))
        print(f"screenshots/{name}.svg", file=sys.stderr)


if __name__ == "__main__":
    OUT.mkdir(exist_ok=True)
    with tempfile.TemporaryDirectory() as folder:
        asyncio.run(shoot(Path(folder)))
