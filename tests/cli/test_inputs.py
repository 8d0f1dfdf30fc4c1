"""Unbounded and slow input: every file handed over is read with a byte cap and never blocks;
what no parser can take (a 131,073-character cell, JSON nested 100,000 deep, a 5,000-digit
number) is one line and exit 2; a spreadsheet import does work in proportion to its rows.

The devices and FIFOs run in a child process held to a time and memory limit, so the test
fails (instead of eating the machine) on a build that reads them without a cap.
"""

from __future__ import annotations

import os
import threading
from pathlib import Path

import pytest
from faults import run_cli, run_process

from tui.store import Store

NOW = "2026-11-23 08:30"


def _one_line(text: str) -> str:
    lines = text.strip().splitlines()
    assert len(lines) == 1, text
    assert "Traceback" not in text
    return lines[0]


@pytest.mark.parametrize(
    ("verb", "source"),
    [("import", "/dev/zero"), ("tone", "/dev/zero"), ("tone", "/dev/urandom")],
)
def test_an_endless_device_is_refused_within_the_cap(
    tmp_path: Path, verb: str, source: str
) -> None:
    result = run_process("--db", str(tmp_path / "db.json"), verb, source, timeout=30)
    assert result.code == 2, result
    assert source in _one_line(result.err)


def test_a_fifo_is_refused_for_import_without_waiting_for_a_writer(tmp_path: Path) -> None:
    fifo = tmp_path / "tracker.csv"
    os.mkfifo(fifo)
    result = run_process("--db", str(tmp_path / "db.json"), "import", str(fifo), timeout=20)
    assert result.code == 2, result
    assert "not a regular file" in _one_line(result.err)


def test_tone_reads_a_pipe_up_to_the_cap_and_never_waits_on_an_idle_fifo(tmp_path: Path) -> None:
    idle = tmp_path / "idle"
    os.mkfifo(idle)
    result = run_process("tone", str(idle), timeout=20)
    assert result.code == 0, result  # nobody writing: an empty draft, read at once
    fed = tmp_path / "fed"
    os.mkfifo(fed)

    def feed() -> None:
        with fed.open("w") as out:
            out.write("I still haven't heard back. As I said, I need an answer.\n")

    writer = threading.Thread(target=feed)
    writer.start()
    result = run_process("tone", str(fed), timeout=20)
    writer.join(timeout=20)
    assert result.code == 1 and "frustrated" in result.out, result


def test_a_csv_cell_over_the_csv_modules_limit_is_one_line(tmp_path: Path) -> None:
    sheet = tmp_path / "tracker.csv"
    sheet.write_text("Company,Notes\nAcme," + "x" * 140_000 + "\n")
    result = run_cli("--db", str(tmp_path / "db.json"), "--now", NOW, "import", str(sheet))
    assert result.code == 2
    assert "line 2: a cell is longer than 131,072 characters" in _one_line(result.err)
    assert not (tmp_path / "db.json").exists()


@pytest.mark.parametrize(
    ("body", "problem"),
    [
        ("[" * 100_000 + "]" * 100_000, "nested too deeply"),
        ('{"format": "nowwhat-export", "schema_version": ' + "9" * 5000 + "}", "4,300 digits"),
    ],
    ids=["nested-100000-deep", "a-5000-digit-number"],
)
def test_json_no_parser_can_take_is_one_line(tmp_path: Path, body: str, problem: str) -> None:
    export = tmp_path / "export.json"
    export.write_text(body)
    result = run_cli("--db", str(tmp_path / "db.json"), "--now", NOW, "import", str(export))
    assert result.code == 2
    line = _one_line(result.err)
    assert problem in line and len(line) < 300


def test_a_huge_number_in_a_record_is_a_short_line(tmp_path: Path) -> None:
    export = tmp_path / "export.json"
    export.write_text(
        '{"format": "nowwhat-export", "schema_version": 1, "tasks": '
        '[{"id": "tsk_a", "title": "T", "minutes": ' + "9" * 4000 + "}]}"
    )
    result = run_cli("--db", str(tmp_path / "db.json"), "--now", NOW, "import", str(export))
    assert result.code == 2
    line = _one_line(result.err)
    assert "tasks[1].minutes" in line and len(line) < 400


def test_a_spreadsheet_import_matches_each_row_once_not_against_every_row_before(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Linear, counted rather than timed: the company-name key is worked out a fixed number
    of times per row (matching each row against all rows before it made 8,000 rows take
    11 s; see tests/bench/bench_import.py for the times)."""
    from tui.engine import lookup
    from tui.exchange import spreadsheet

    calls = 0
    real = lookup.company_key

    def counted(name: str) -> str:
        nonlocal calls
        calls += 1
        return real(name)

    monkeypatch.setattr(spreadsheet, "company_key", counted)
    sheet = tmp_path / "tracker.csv"
    rows = 2000
    sheet.write_text(
        "Company,Role,Interview,Contact\n"
        + "".join(
            f"Co {n},Analyst,2026-11-{1 + n % 28:02d} 14:00,Person {n}\n" for n in range(rows)
        )
    )
    db = tmp_path / "db.json"
    assert run_cli("--db", str(db), "--now", NOW, "import", str(sheet)).code == 0
    assert calls <= 10 * rows, f"{calls} company keys for {rows} rows"
    records = Store(db).records()
    assert (len(records.opportunities), len(records.interviews), len(records.contacts)) == (
        rows,
        rows,
        rows,
    )
    assert len({o.id for o in records.opportunities}) == rows
    calls = 0
    again = run_cli("--db", str(db), "--now", NOW, "import", str(sheet))  # adds nothing
    assert again.out.strip().endswith(f"0 row(s) imported, {rows} skipped")
    assert calls <= 10 * rows
