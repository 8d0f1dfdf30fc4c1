"""nowwhat over a real SSH login: a day's journey, a dropped link, two sessions at once, and what
the terminal costs in bytes.

Each test logs in to the private sshd (see conftest.py) with the real ``ssh`` client inside a
tmux terminal of 80x24, types as a person would, and reads the screen back after each step.
Then it checks the database file itself, not just the screen.
"""

from __future__ import annotations

import json
import os
import re
import secrets
import shutil
import signal
import time
from pathlib import Path

import pendulum
import pytest

from tui.engine.models import Task
from tui.locations import shipped_data
from tui.screens.base import DETAIL_DELAY
from tui.store import Store

pytestmark = pytest.mark.e2e

TODAY_TITLE = "Today — Monday 23 November 2026"


@pytest.fixture
def demo(tmp_path: Path) -> Path:
    """A private copy of the demo database, used at its anchor moment (``--now``)."""
    db = tmp_path / "data" / f"demo-{os.getpid()}-{time.monotonic_ns()}.json"
    db.parent.mkdir(mode=0o700)
    shutil.copyfile(shipped_data("demo.json"), db)
    db.chmod(0o600)
    return db


def selected(pane) -> str:  # type: ignore[no-untyped-def]
    """The title in Today's detail panel: the item under the cursor."""
    # The panel follows the cursor once it rests (DETAIL_DELAY): wait longer than that for the
    # screen to stay still, or the panel may still name the item the cursor just left.
    pane.settle(quiet=DETAIL_DELAY + 0.15)
    for line in pane.screen().splitlines():
        match = re.match(r"^ (\S.*?)  \(", line)
        if match and not line.startswith(" !"):
            return match.group(1)
    return ""


def move_to(pane, title: str, limit: int = 20) -> None:  # type: ignore[no-untyped-def]
    """Move Today's cursor down until ``title`` is the selected item."""
    for _ in range(limit):
        if selected(pane) == title:
            return
        pane.press("Down")
    pytest.fail(f"{title!r} is not in Today's list:\n{pane.screen()}")


def test_journey_add_an_interview_then_send_its_thank_you(sshd, login, demo: Path) -> None:  # type: ignore[no-untyped-def]
    pane = login(demo)
    pane.wait_for(TODAY_TITLE, "FOLLOW-UP")

    pane.press("2")
    pane.wait_for("Waiting room", "Northwind Analytics", "Next step")
    pane.press("i")
    pane.wait_for("Add an interview", "Skills shown")
    pane.press("C-u")  # the form starts with the selected company filled in
    pane.type("Zephyr Labs")
    pane.press("Tab")
    pane.type("Data Engineer")
    pane.press("Tab")
    pane.type("2026-11-20 10:00")
    pane.wait_for("Fri 20 Nov 2026 10:00")  # the form says what it understood
    pane.press("Tab")
    pane.type("onsite")  # a focused field's text is selected: typing replaces "video"
    pane.press("Tab")
    pane.type("45")
    pane.press("Tab")
    pane.type("2026-11-27")
    pane.wait_for("Fri 27 Nov 2026")
    pane.press("Tab", "Enter")  # "It felt" is a select: open it
    pane.wait_for("rough")
    pane.press("Down", "Enter")
    pane.wait_until(lambda s: re.search(r"It felt\s+great", s) is not None, "It felt: great")
    pane.press("Tab")
    pane.type("Spark, Airflow")
    pane.press("C-s")
    shown = pane.wait_gone("Add an interview")
    assert re.search(r"Zephyr Labs\s+3 d(, usual [\d.]+)?\s+waiting\s+thank-you Fri 20", shown), (
        shown
    )

    pane.press("1")
    pane.wait_for(TODAY_TITLE, "Send a thank-you to Zephyr Labs")
    move_to(pane, "Send a thank-you to Zephyr Labs")
    pane.press("Space")
    pane.wait_until(
        lambda s: (
            re.search(r"✓ \d\d:\d\d thank-you .*Send a thank-you to Zephyr Labs", s) is not None
        ),
        "the thank-you ticked off",
    )

    records = Store(demo).records()
    opportunity = next(o for o in records.opportunities if o.company == "Zephyr Labs")
    assert opportunity.role == "Data Engineer"
    (interview,) = [i for i in records.interviews if i.opportunity_id == opportunity.id]
    assert interview.start == pendulum.datetime(2026, 11, 20, 10, tz="America/New_York")
    assert (interview.kind, interview.minutes, interview.felt) == ("onsite", 45, "great")
    assert interview.promised_by == pendulum.Date(2026, 11, 27)
    assert interview.skills == ("Spark", "Airflow")
    thanks = [t for t in records.touches if t.opportunity_id == opportunity.id]
    assert [(t.kind, t.direction) for t in thanks] == [("thank_you", "out")]

    assert len(sshd.apps_on(demo)) == 1
    pane.send("q")
    sshd.wait_apps_gone(demo, timeout=5)
    assert pane.ended() == 0  # ssh passes on the remote app's exit status: a clean exit


def drop_link(pane) -> None:  # type: ignore[no-untyped-def]
    """Kill the local ssh client outright (SIGKILL: no goodbye), as a crashed laptop would."""
    pid = pane.pid
    assert Path(f"/proc/{pid}/comm").read_text().strip() == "ssh"
    os.kill(pid, signal.SIGKILL)
    assert pane.ended() == 128 + signal.SIGKILL


def test_a_dropped_link_ends_the_remote_app_and_keeps_every_change(  # type: ignore[no-untyped-def]
    sshd, login, demo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pane = login(demo)
    pane.wait_for(TODAY_TITLE, "FOLLOW-UP")
    assert selected(pane) == "Cold call Meridian Insurance's data team"
    pane.press("Space")
    pane.wait_until(
        lambda s: re.search(r"✓ 09:00 cold call .*Meridian", s) is not None, "the call ticked off"
    )
    pane.press("a")
    pane.wait_for("Add a task")
    pane.type("Ring Ada at Orbit")
    pane.press("C-s")
    pane.wait_gone("Add a task")
    (remote,) = sshd.apps_on(demo)

    drop_link(pane)
    seconds = sshd.wait_apps_gone(demo, timeout=5)
    with capsys.disabled():
        print(f"\n  remote nowwhat (pid {remote}) ended {seconds:.2f} s after ssh was killed")

    json.loads(demo.read_text(encoding="utf-8"))  # whole, valid JSON
    store = Store(demo, lock_timeout=1)  # nobody holds the lock: this would time out
    tasks = {t.title: t for t in store.records().tasks}
    assert tasks["Cold call Meridian Insurance's data team"].status == "done"
    assert tasks["Ring Ada at Orbit"].status == "open"
    store.add(Task(id="tsk_afterdrop", title="Written after the drop", kind="other"))
    assert "Written after the drop" in {t.title for t in Store(demo).records().tasks}


def test_a_draft_survives_a_dropped_link_and_is_restored(sshd, login, demo: Path) -> None:  # type: ignore[no-untyped-def]
    words = f"Draft words {secrets.token_hex(4)}"
    pane = login(demo)
    pane.wait_for(TODAY_TITLE)
    pane.press("2")
    pane.wait_for("Waiting room", "Northwind Analytics")
    pane.press("c")  # the composer on the first row: Northwind Analytics
    pane.wait_for("Composer", "To Ravi Menon · Northwind Analytics")
    pane.press("i")
    pane.type(words)
    time.sleep(1)  # typing stopped: the draft is written 0.3 s later

    drop_link(pane)
    sshd.wait_apps_gone(demo, timeout=5)
    drafts = sorted((demo.parent / "drafts").glob("*.txt"))
    assert [d for d in drafts if words in d.read_text(encoding="utf-8")], drafts
    assert {d.stat().st_mode & 0o777 for d in drafts} == {0o600}

    again = login(demo)
    again.wait_for(TODAY_TITLE)
    again.press("2")
    again.wait_for("Waiting room", "Northwind Analytics")
    again.press("c")
    again.wait_for("Restored your draft", words)


def test_two_sessions_on_one_database_see_each_others_changes(  # type: ignore[no-untyped-def]
    sshd, login, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "shared"
    folder.mkdir(mode=0o700)
    db = folder / "nowwhat.json"  # not there yet: the first save creates it
    first, second = login(db), login(db)
    for pane in (first, second):
        pane.wait_for(TODAY_TITLE, "Make a networking call")
    delays = []
    for writer, reader, title in (
        (first, second, "Write to Orbit (A)"),
        (second, first, "Write to Vega (B)"),
    ):
        writer.press("a")
        writer.wait_for("Add a task")
        writer.type(title)
        writer.press("C-s")
        writer.wait_gone("Add a task")
        writer.wait_for(title)
        saved = time.monotonic()
        reader.wait_for(title)  # no key pressed there: the app noticed the file changed
        delays.append(time.monotonic() - saved)
    for pane in (first, second):
        pane.wait_for("Write to Orbit (A)", "Write to Vega (B)")
    titles = {t.title for t in Store(db).records().tasks}
    assert {"Write to Orbit (A)", "Write to Vega (B)"} <= titles
    assert max(delays) < 5, delays  # the app checks every 2 s
    with capsys.disabled():
        print(
            "\n  the other session showed the change after "
            + ", ".join(f"{d:.1f} s" for d in delays)
        )


def test_bytes_over_ssh_for_paint_cursor_move_and_screen_switch(  # type: ignore[no-untyped-def]
    login, demo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Measured and printed, not asserted: what a slow link has to carry for each step."""
    counts = tmp_path / "bytes.txt"
    pane = login(demo, count_bytes=counts)

    def settled() -> tuple[int, int]:
        """The relay's counters once the app has been quiet for half a second."""
        last, quiet_since = "", time.monotonic()
        while time.monotonic() - quiet_since < 0.5:
            time.sleep(0.05)
            lines = counts.read_text(encoding="ascii").splitlines() if counts.exists() else []
            if lines and lines[-1] != last:
                last, quiet_since = lines[-1], time.monotonic()
        terminal, reads = last.split()
        return int(terminal), int(reads)

    steps: list[tuple[str, tuple[int, int]]] = []
    pane.wait_for(TODAY_TITLE, "FOLLOW-UP")
    steps.append(("first paint (login to Today)", settled()))
    pane.press("2")
    pane.wait_for("Waiting room", "Northwind Analytics")
    steps.append(("switch Today -> Waiting room", settled()))
    pane.press("Down")
    pane.wait_for("Bluefin Health ·")  # the timeline below follows the cursor
    steps.append(("one cursor move (Waiting room)", settled()))
    pane.press("1")
    pane.wait_for(TODAY_TITLE)
    steps.append(("switch Waiting room -> Today", settled()))
    time.sleep(3)
    steps.append(("idle for 3 s", settled()))

    rows, before = [], (0, 0)
    for name, after in steps:
        rows.append(f"  {name:<32} {after[0] - before[0]:>8} {after[1] - before[1]:>10}")
        before = after
    with capsys.disabled():
        print(
            "\n  bytes over SSH at 80x24, TERM=xterm-256color"
            f"\n  {'step':<32} {'terminal':>8} {'ssh reads':>10}"
            "\n" + "\n".join(rows) + "\n  (terminal: what ssh printed; ssh reads: its read()s,"
            " ≈ encrypted bytes off the socket; the first row includes the login itself)"
        )
