"""What handing keys on in order costs (tui/key_order.py); prints figures, asserts nothing.

Run: ``python tests/bench/bench_keys.py``. The demo, headless at 100x30: the time from one key
(a cursor move in the waiting room) to the cursor having moved, and from 200 letters arriving
at once to all of them in a form's field. The baseline is the same app handing keys on the way
Textual does (each to whichever widget is focused when it is read), measured in the same run;
the two run in alternating rounds (each in its own process), so the machine's drift moves both.
"""

from __future__ import annotations

import asyncio
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pendulum

ROUNDS = 5
MOVES = 60
LETTERS = "abcdefghij" * 20


async def _measure(ordered: bool, folder: Path) -> dict[str, float]:
    from textual import events
    from textual.app import App

    from tui.app import NowwhatApp, build_app
    from tui.locations import shipped_data
    from tui.store import Store
    from tui.widgets.table import RecordTable

    if not ordered:

        async def as_textual(self: NowwhatApp, event: events.Event) -> None:
            await App.on_event(self, event)

        NowwhatApp.on_event = as_textual  # type: ignore[method-assign]
    db = folder / "demo.json"
    db.write_bytes(shipped_data("demo.json").read_bytes())
    app = build_app(Store(db), pendulum.datetime(2026, 11, 23, 8, 30, tz="America/New_York"))

    def send(key: str, char: str | None) -> None:
        event = events.Key(key, char)
        event.set_sender(app)
        assert app._driver is not None
        app._driver.send_message(event)

    moves = []
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("2")
        await pilot.pause(0.3)
        table = app.screen.query_one(RecordTable)
        for n in range(MOVES):
            before = table.cursor_row
            start = time.perf_counter()
            send("down" if n % 2 == 0 else "up", None)
            while table.cursor_row == before:
                await asyncio.sleep(0)
            moves.append((time.perf_counter() - start) * 1000)
            await pilot.pause(0.01)
        await pilot.press("1", "a")
        await pilot.pause(0.3)
        field = app.screen.query_one("#field-title")
        start = time.perf_counter()
        for letter in LETTERS:
            send(letter, letter)
        while field.value != LETTERS:  # type: ignore[attr-defined]
            await asyncio.sleep(0)
        typed = (time.perf_counter() - start) * 1000
    return {"move": statistics.median(moves), "typed": typed}


def _one(ordered: bool) -> dict[str, float]:
    done = subprocess.run(
        [sys.executable, __file__, "--one", "ordered" if ordered else "textual"],
        capture_output=True,
        text=True,
        check=True,
    )
    figures: dict[str, float] = json.loads(done.stdout.strip().splitlines()[-1])
    return figures


def main() -> None:
    if "--one" in sys.argv:
        ordered = sys.argv[-1] == "ordered"
        with tempfile.TemporaryDirectory() as folder:
            print(json.dumps(asyncio.run(_measure(ordered, Path(folder)))))
        return
    runs: dict[bool, list[dict[str, float]]] = {True: [], False: []}
    for _ in range(ROUNDS):
        for ordered in (False, True):
            runs[ordered].append(_one(ordered))
    print(f"{'what':<44} {'in order':>10} {'Textual':>10} {'ratio':>7}")
    for key, what in (
        ("move", f"one key to the cursor moved (median of {MOVES})"),
        ("typed", f"{len(LETTERS)} letters at once, all in the field"),
    ):
        mine = statistics.median(r[key] for r in runs[True])
        base = statistics.median(r[key] for r in runs[False])
        print(f"{what:<44} {mine:>8.2f}ms {base:>8.2f}ms {mine / base:>6.2f}x")
    print(f"(medians over {ROUNDS} alternating rounds, each in a fresh process)")


if __name__ == "__main__":
    main()
