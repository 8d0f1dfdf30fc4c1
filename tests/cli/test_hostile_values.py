"""Values that could brick the database or land in the wrong place: out-of-range moments and
days, a time the clocks pass twice, an empty ``--db``, zone names that are not places, an
import that says ``schema_version: true``. Each is refused in one line (exit 2, nothing
changed), or said on stderr; a file that already holds one names the record (exit 1, untouched).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import pendulum
import pytest

from tui.cli import main
from tui.engine.errors import InvalidField
from tui.engine.models import Interview, Opportunity, Task
from tui.store import Store

NOW = "2026-11-23 08:30"


@dataclass
class Result:
    code: int
    out: str
    err: str


@pytest.fixture
def nowwhat(capsys: pytest.CaptureFixture[str], db_path: Path):  # type: ignore[no-untyped-def]
    def run(*args: str, db: Path | None = db_path, now: str | None = NOW) -> Result:
        argv = (["--db", str(db)] if db is not None else []) + (["--now", now] if now else [])
        code = main([*argv, *args])
        captured = capsys.readouterr()
        return Result(code, captured.out, captured.err)

    run("settings", "set", "timezone", "America/New_York")
    return run


def _one_line(text: str) -> str:
    lines = text.strip().splitlines()
    assert len(lines) == 1, text
    assert "Traceback" not in text and "Error:" not in text
    return lines[0]


@pytest.mark.parametrize("at", ["9999-12-31 23:59", "0001-01-01 00:00", "2201-01-01 09:00"])
def test_a_moment_out_of_range_is_refused_and_nothing_is_written(
    nowwhat, db_path: Path, at: str
) -> None:  # type: ignore[no-untyped-def]
    before = db_path.read_bytes()
    result = nowwhat("add", "interview", "--company", "Acme", "--at", at)
    assert result.code == 2
    assert "out of range (years 1970 to 2200 only)" in _one_line(result.err)
    assert db_path.read_bytes() == before
    assert nowwhat("today").code == 0  # the database still works


@pytest.mark.parametrize(
    "args",
    [
        ("today", "--date", "9999-12-31"),
        ("today", "--date", "0001-01-01"),
        ("snooze", "x", "--to", "9999-12-31"),
        ("add", "task", "--title", "T", "--kind", "apply", "--due", "1969-12-31"),
    ],
)
def test_a_day_out_of_range_is_one_line_not_a_traceback(nowwhat, args: tuple[str, ...]) -> None:  # type: ignore[no-untyped-def]
    result = nowwhat(*args)
    assert result.code == 2
    assert "out of range" in _one_line(result.err)


@pytest.mark.parametrize("now", ["0001-01-01 00:00", "9999-12-31 23:59"])
def test_now_out_of_range_is_one_line(nowwhat, now: str) -> None:  # type: ignore[no-untyped-def]
    result = nowwhat("today", now=now)
    assert result.code == 2
    assert "--now" in _one_line(result.err)


def test_a_json_import_with_a_far_stamp_is_refused_whole(
    nowwhat, tmp_path: Path, db_path: Path
) -> None:  # type: ignore[no-untyped-def]
    export = tmp_path / "far.json"
    export.write_text(
        json.dumps(
            {
                "format": "nowwhat-export",
                "schema_version": 1,
                "opportunities": [{"id": "opp_a", "company": "Acme"}],
                "interviews": [
                    {
                        "id": "int_a",
                        "opportunity_id": "opp_a",
                        "start": "9999-12-31T23:59:00-05:00[America/New_York]",
                    }
                ],
            }
        )
    )
    before = db_path.read_bytes()
    result = nowwhat("import", str(export))
    assert result.code == 2
    assert "interviews[1].start" in _one_line(result.err)
    assert db_path.read_bytes() == before


def test_a_file_that_already_holds_a_far_stamp_names_the_record_and_stays_untouched(
    nowwhat, db_path: Path
) -> None:  # type: ignore[no-untyped-def]
    """What an older nowwhat let in: every verb says which record, exit 1, the file as it was."""
    store = Store(db_path)
    store.add(Opportunity(id="opp_a", company="Acme"))
    start = pendulum.datetime(2026, 12, 1, 14, tz="America/New_York")
    store.add(Interview(id="int_far", opportunity_id="opp_a", start=start))
    data = json.loads(db_path.read_text())
    (document,) = data["interviews"].values()
    document["start"] = "9999-12-31T23:59:00-05:00[America/New_York]"
    db_path.write_text(json.dumps(data))
    db_path.with_name(f".{db_path.name}.snapshot").unlink(missing_ok=True)
    before = db_path.read_bytes()
    for args in (("today",), ("waiting",), ("add", "task", "--title", "T", "--kind", "apply")):
        result = nowwhat(*args)
        assert result.code == 1, result
        line = _one_line(result.err)
        assert "int_far" in line and "start" in line and "out of range" in line
        assert "left unchanged" in line
        assert db_path.read_bytes() == before


def test_records_hold_only_moments_and_days_from_1970_to_2200() -> None:
    ok = pendulum.datetime(2200, 12, 31, 23, 59, tz="America/New_York")
    Interview(id="int_a", opportunity_id="opp_a", start=ok)
    for year in (1969, 2201, 9999):
        with pytest.raises(InvalidField, match="out of range"):
            Interview(
                id="int_a",
                opportunity_id="opp_a",
                start=pendulum.datetime(year, 6, 1, tz="UTC"),
            )
        with pytest.raises(InvalidField, match=r"due: .*out of range"):
            Task(id="tsk_a", title="T", due=pendulum.Date(year, 6, 1))


def test_a_time_the_clocks_pass_twice_is_the_first_and_stderr_says_so(
    nowwhat, db_path: Path
) -> None:  # type: ignore[no-untyped-def]
    result = nowwhat("add", "interview", "--company", "Acme", "--at", "2026-11-01 01:30")
    assert result.code == 0
    note = _one_line(result.err)
    assert "happens twice in America/New_York" in note and "the first, 01:30 EDT" in note
    assert "2026-11-01 01:30-05:00" in note  # how to ask for the second
    (interview,) = Store(db_path).records().interviews
    assert interview.start.utcoffset().total_seconds() == -4 * 3600  # EDT: the first
    second = nowwhat("add", "interview", "--company", "Beta", "--at", "2026-11-01 01:30-05:00")
    assert second.code == 0 and second.err == ""
    offsets = {i.start.utcoffset().total_seconds() for i in Store(db_path).records().interviews}
    assert offsets == {-4 * 3600, -5 * 3600}


def test_an_ordinary_time_has_no_note(nowwhat) -> None:  # type: ignore[no-untyped-def]
    result = nowwhat("add", "interview", "--company", "Acme", "--at", "2026-11-02 01:30")
    assert result.code == 0 and result.err == ""


def test_an_empty_db_option_is_refused_not_the_default_database(
    capsys: pytest.CaptureFixture[str],
) -> None:
    from tui.locations import default_database_path

    for args in (("add", "task", "--title", "T", "--kind", "apply"), ("locate",)):
        code = main(["--db", "", "--now", NOW, *args])
        err = capsys.readouterr().err
        assert code == 2
        assert "--db" in _one_line(err)
    assert not default_database_path().exists()


@pytest.mark.parametrize("name", ["localtime", "posixrules", "/etc/localtime", "Factory"])
def test_a_zone_that_is_not_an_iana_name_is_refused(nowwhat, db_path: Path, name: str) -> None:  # type: ignore[no-untyped-def]
    before = db_path.read_bytes()
    result = nowwhat("settings", "set", "timezone", name)
    assert result.code == 2
    assert "timezone" in _one_line(result.err)
    assert db_path.read_bytes() == before
    assert nowwhat("settings", "set", "timezone", "Europe/Berlin").code == 0


def test_an_import_cannot_bring_in_a_zone_that_is_not_an_iana_name(
    nowwhat, tmp_path: Path, db_path: Path
) -> None:  # type: ignore[no-untyped-def]
    export = tmp_path / "zone.json"
    export.write_text(
        json.dumps(
            {
                "format": "nowwhat-export",
                "schema_version": 1,
                "settings": [{"key": "timezone", "value": "localtime"}],
            }
        )
    )
    result = nowwhat("import", str(export))
    assert result.code == 2
    assert "localtime" in _one_line(result.err)
    assert Store(db_path).settings().timezone == "America/New_York"


@pytest.mark.parametrize("version", [True, 0, -1, "1", None, 99])
def test_an_import_with_a_schema_version_that_is_not_a_known_number_is_refused(
    nowwhat, tmp_path: Path, version: object
) -> None:  # type: ignore[no-untyped-def]
    export = tmp_path / "version.json"
    export.write_text(json.dumps({"format": "nowwhat-export", "schema_version": version}))
    result = nowwhat("import", str(export))
    assert result.code == 2
    assert "schema_version" in _one_line(result.err)


def test_your_name_is_at_most_100_characters(nowwhat) -> None:  # type: ignore[no-untyped-def]
    assert nowwhat("settings", "set", "your_name", "S" * 100).code == 0
    result = nowwhat("settings", "set", "your_name", "S" * 101)
    assert result.code == 2
    assert "at most 100" in _one_line(result.err)
