"""The tone check: precise on calm follow-ups, catches frustrated ones, and says why and instead."""

from __future__ import annotations

import json
from pathlib import Path

import pendulum
import pytest

from tui.engine.tone import Lexicon, check_tone
from tui.lexicon import shipped_lexicon

DRAFTS = json.loads((Path(__file__).parent / "data" / "labelled_drafts.json").read_text())["drafts"]


def test_precision_and_recall_on_the_labelled_drafts(capsys: pytest.CaptureFixture[str]) -> None:
    lexicon = shipped_lexicon()
    assert len(DRAFTS) >= 60
    assert sum(d["label"] == "calm" for d in DRAFTS) >= 30
    assert sum(d["label"] == "frustrated" for d in DRAFTS) >= 30
    true_pos = false_pos = false_neg = 0
    missed, wrongly = [], []
    for draft in DRAFTS:
        flagged = check_tone(draft["text"], lexicon).frustrated
        frustrated = draft["label"] == "frustrated"
        true_pos += flagged and frustrated
        false_pos += flagged and not frustrated
        false_neg += frustrated and not flagged
        if frustrated and not flagged:
            missed.append(draft["text"])
        if flagged and not frustrated:
            wrongly.append(draft["text"])
    precision = true_pos / (true_pos + false_pos)
    recall = true_pos / (true_pos + false_neg)
    with capsys.disabled():
        print(
            f"\ntone check on {len(DRAFTS)} labelled drafts: precision {precision:.2f}, "
            f"recall {recall:.2f}; missed {missed}; wrongly flagged {wrongly}"
        )
    assert precision >= 0.95, wrongly
    assert recall >= 0.85, missed


@pytest.mark.parametrize(
    ("text", "span", "category"),
    [
        ("Hi, I still haven't heard back about the role.", "still haven't heard", "reproach"),
        ("You promised to call me by Monday.", "You promised", "reproach"),
        ("As I said, I can start in January.", "As I said", "reproach"),
        ("Per my last email, here is my portfolio.", "Per my last email", "reproach"),
        ("As previously mentioned, I am available.", "As previously mentioned", "reproach"),
        ("Nobody has bothered to reply.", "Nobody has bothered", "reproach"),
        ("This is the third time I write.", "third time", "counting"),
        ("I need an answer now.", "I need an answer", "pressure"),
        ("I guess you forgot about me.", "I guess you forgot", "sarcasm"),
        ("Any news??", "??", "punctuation"),
        ("Still nothing!!!", "!!!", "punctuation"),
        ("I was very disappointed.", "disappointed", "feeling"),
    ],
)
def test_each_finding_has_its_span_why_and_a_calmer_alternative(
    text: str, span: str, category: str
) -> None:
    report = check_tone(text, shipped_lexicon())
    finding = next(f for f in report.findings if f.category == category)
    assert span in text[finding.start : finding.end]  # the longest overlapping phrase wins
    assert finding.why and finding.instead


def test_a_general_sentiment_scorer_would_miss_this_one() -> None:
    report = check_tone("You promised to call me by Monday.", shipped_lexicon())
    assert report.verdict == "frustrated"


def test_capitals_are_shouting_but_acronyms_are_not() -> None:
    lexicon = shipped_lexicon()
    assert check_tone("I used SQL, dbt and A/B testing with the CEO and HR.", lexicon).score == 0
    shouting = check_tone("I have been waiting for TWO WEEKS for an ANSWER.", lexicon)
    assert {f.text for f in shouting.findings if f.category == "shouting"} == {
        "TWO",
        "WEEKS",
        "ANSWER",
    }
    assert shouting.verdict == "frustrated"


def test_calm_follow_ups_that_say_follow_up_and_update_pass() -> None:
    for text in (
        "Just following up to see if there is an update.",
        "Checking in on the timeline; happy to provide an update on my availability.",
        "I wanted to follow up once more and thank you for your time.",
    ):
        report = check_tone(text, shipped_lexicon())
        assert report.verdict == "calm" and report.findings == (), text


def test_a_draft_written_late_at_night_gets_a_sleep_on_it_note() -> None:
    lexicon = shipped_lexicon()
    late = pendulum.datetime(2026, 11, 23, 23, 40, tz="America/New_York")
    early = pendulum.datetime(2026, 11, 24, 5, 59, tz="America/New_York")
    morning = pendulum.datetime(2026, 11, 24, 6, 0, tz="America/New_York")
    assert check_tone("Thanks!", lexicon, late).late_night
    assert check_tone("Thanks!", lexicon, early).late_night
    assert not check_tone("Thanks!", lexicon, morning).late_night


def test_a_broken_lexicon_entry_is_named() -> None:
    with pytest.raises(ValueError, match="entry 1 is invalid"):
        Lexicon.from_data(
            {
                "patterns": [
                    {"category": "x", "weight": 1, "pattern": "ok", "why": "w", "instead": "i"},
                    {
                        "category": "x",
                        "weight": 1,
                        "pattern": "(unclosed",
                        "why": "w",
                        "instead": "i",
                    },
                ]
            }
        )


@pytest.mark.parametrize(
    ("text", "verdict"),
    [
        ("Thank you so much for your time today!!", "calm"),  # excitement, not exasperation
        ("Any news?? I'd like to know.", "frustrated"),
        ("Hi Ravi, I still havent heard back about the role.", "frustrated"),  # no apostrophe
        ("Why haven’t you replied to my email", "frustrated"),  # a typographic apostrophe
    ],
)
def test_exclamations_and_apostrophes_as_people_type_them(text: str, verdict: str) -> None:
    assert check_tone(text, shipped_lexicon()).verdict == verdict


def test_the_calmer_phrase_names_no_particular_role() -> None:
    report = check_tone("I still haven't heard anything.", shipped_lexicon())
    assert report.findings and all("Data Analyst" not in f.instead for f in report.findings)
