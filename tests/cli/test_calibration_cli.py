"""``nowwhat calibration`` and ``nowwhat debrief``: exact figures, one-line refusals, no change."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import pytest
from pendulum import Date

from tui.cli import main
from tui.store import Store

NOW = "2026-11-23 08:30"


@dataclass
class Result:
    code: int
    out: str
    err: str


@pytest.fixture
def nowwhat(capsys: pytest.CaptureFixture[str], db_path: Path):  # type: ignore[no-untyped-def]
    def run(*args: str) -> Result:
        code = main(["--db", str(db_path), "--now", NOW, *args])
        captured = capsys.readouterr()
        return Result(code, captured.out, captured.err)

    run("settings", "set", "timezone", "America/New_York")
    return run


def interview_id(db_path: Path, company: str) -> str:
    records = Store(db_path).records()
    opportunity = next(o for o in records.opportunities if o.company == company)
    return next(i.id for i in records.interviews if i.opportunity_id == opportunity.id)


def test_a_rejected_interview_that_felt_great_in_the_json(nowwhat, db_path: Path) -> None:  # type: ignore[no-untyped-def]
    nowwhat("add", "interview", "--company", "Acme", "--at", "2026-11-04 10:00", "--felt", "great")
    nowwhat(
        "log",
        "heard-back",
        "--company",
        "Acme",
        "--outcome",
        "rejected",
        "--at",
        "2026-11-09 12:00",
    )
    nowwhat("add", "interview", "--company", "Beta", "--at", "2026-11-17 10:00")
    acme = interview_id(db_path, "Acme")
    done = nowwhat(
        "debrief",
        acme,
        "--estimate",
        "90%",
        "--signal",
        "References asked",
        "--next-steps",
        "a call by Monday",
    )
    assert (done.code, done.out) == (0, f"debriefed {acme}: promised by Mon 9 Nov 2026\n")
    result = nowwhat("calibration", "--json")
    assert result.code == 0 and result.err == ""
    data = json.loads(result.out)
    assert data["with_outcome"] == 1
    assert data["brier"] == {"score": 0.81, "interviews": 1}
    assert data["felt"][0] == {"felt": "great", "interviews": 1, "advanced": 0, "open": 0}
    assert data["interviews"][0] == {
        "id": acme,
        "company": "Acme",
        "at": "2026-11-04T10:00:00-05:00",
        "felt": "great",
        "estimate": 90,
        "signals": ["references asked"],
        "debriefed": True,
        "advanced": False,
        "because": "rejected",
    }
    assert data["interviews"][1]["advanced"] is None  # Beta: still open
    refs = next(s for s in data["signals"] if s["signal"] == "references asked")
    assert refs == {
        "signal": "references asked",
        "with": {"interviews": 1, "advanced": 0},
        "without": {"interviews": 0, "advanced": 0},
        "verdict": None,
    }
    assert data["signal_basis"] == 1
    assert data["silence"] == [
        {
            "company": "Beta",
            "silence_days": 6,
            "published_figure": False,
            "text": "6 days silent; your one answer so far came after 5 days; 0 of 1 came "
            "after the promised day.",
        }
    ]
    text = nowwhat("calibration")
    assert "Brier score 0.81 from 1 interview (0 is perfect" in text.out
    assert "2026-11-04 Acme" in text.out and acme in text.out


def test_before_any_answer_the_silence_names_the_survey(nowwhat) -> None:  # type: ignore[no-untyped-def]
    nowwhat("add", "interview", "--company", "Acme", "--at", "2026-11-17 10:00")
    data = json.loads(nowwhat("calibration", "--json").out)
    assert data["with_outcome"] == 0 and data["brier"] == {"score": None, "interviews": 0}
    assert data["silence"][0]["published_figure"] is True
    assert (
        "Talent Board 2024: 48% of candidates say the recruiter followed up as promised"
        in (data["silence"][0]["text"])
    )


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--estimate", "150"], "nowwhat: error: estimate: 150 is more than 100%\n"),
        (
            ["--signal", "free lunch"],
            "nowwhat: error: signal: 'free lunch' is not on the checklist",
        ),
        (["--next-steps", "by Friday"], None),  # fine: the control case
    ],
)
def test_bad_debrief_input_is_one_line_and_changes_nothing(  # type: ignore[no-untyped-def]
    nowwhat, db_path: Path, args: list[str], message: str | None
) -> None:
    nowwhat("add", "interview", "--company", "Acme", "--at", "2026-11-18 10:00")
    acme = interview_id(db_path, "Acme")
    before = db_path.read_bytes()
    result = nowwhat("debrief", acme, *args)
    if message is None:
        assert result.code == 0
        interview = Store(db_path).records().interviews[0]
        assert interview.promised_by == Date(2026, 11, 20)  # the Friday after the Wednesday
        assert interview.debriefed_at is not None
        return
    assert result.code == 2 and result.out == ""
    assert result.err.startswith(message) and result.err.count("\n") == 1
    assert db_path.read_bytes() == before


def test_an_unknown_interview_is_refused(nowwhat) -> None:  # type: ignore[no-untyped-def]
    result = nowwhat("debrief", "int_nope", "--estimate", "50")
    assert (result.code, result.err) == (2, "nowwhat: error: id: no interview int_nope\n")
