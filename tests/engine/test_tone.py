"""The tone check: catches frustration in its many shapes, leaves calm follow-ups alone, and says
why and what to say instead.

Each cue category has drafts that only it makes frustrated; the same drafts read as calm once
that category is taken out of the lexicon (tested too), so removing a cue fails its test.
"""

from __future__ import annotations

import itertools
import json
import math
import re
from collections.abc import Mapping
from functools import cache
from pathlib import Path
from typing import Any

import pendulum
import pytest

from tui.engine.tone import Lexicon, check_tone
from tui.engine.tone_model import ToneModel, blank_salutations, features
from tui.engine.tone_text import blank_quoted, prepare, stem
from tui.lexicon import affect_words, shipped_lexicon
from tui.locations import shipped_data
from tui.tone_figures import load_drafts, set_files, tone_figures
from tui.tone_training import author_drafts, cross_author, featurise, rows_of

DATA = Path(__file__).parent / "data"
DRAFTS = json.loads((DATA / "labelled_drafts.json").read_text())["drafts"]


@cache
def _data() -> Mapping[str, Any]:
    return json.loads(shipped_data("tone.json").read_text(encoding="utf-8"))


@cache
def _affect() -> Mapping[str, float]:
    return affect_words(shipped_data("tone_affect.tsv").read_text(encoding="utf-8"))


@cache
def _model() -> Mapping[str, Any]:
    return json.loads(shipped_data("tone_model.json").read_text(encoding="utf-8"))


@cache
def _rules() -> Lexicon:
    """The cues alone: the category tests below are about them, not the model."""
    return Lexicon.from_data(_data(), _affect())


@cache
def _without(category: str) -> Lexicon:
    """The cues with every cue (and sequence) of one category taken out."""
    data = dict(_data())
    data["patterns"] = [e for e in data["patterns"] if e["category"] != category]
    data["sequences"] = [e for e in data["sequences"] if e["category"] != category]
    return Lexicon.from_data(data, None if category == "affect" else _affect())


# -- measured figures ----------------------------------------------------------------------------


def test_precision_and_recall_on_the_labelled_drafts(capsys: pytest.CaptureFixture[str]) -> None:
    assert len(DRAFTS) >= 60
    assert sum(d["label"] == "calm" for d in DRAFTS) >= 30
    assert sum(d["label"] == "frustrated" for d in DRAFTS) >= 30
    figures = tone_figures(DATA / "labelled_drafts.json")
    with capsys.disabled():
        print(
            f"\ntone check on {figures['size']} labelled drafts: "
            f"precision {figures['frustrated_precision']:.2f}, "
            f"recall {figures['frustrated_recall']:.2f}"
        )
    assert figures["frustrated_precision"] >= 0.97, figures["wrongly_flagged"]
    assert figures["frustrated_recall"] >= 0.97, figures["missed"]


def test_the_figures_on_the_tuning_set(capsys: pytest.CaptureFixture[str]) -> None:
    """Floors a little under what was measured (0.999, 1.000, 1.000 with the model, which
    learned from these drafts; 0.994, 0.991, 0.990 for the cues alone): a change that costs
    more than a handful of drafts fails here. The honest figures are leave-one-author-out's
    and the measuring sets'."""
    drafts = load_drafts(DATA / "tone_tuning.json")
    assert len(drafts) >= 900
    assert sum(d["label"] == "calm" for d in drafts) >= 400
    assert len({d["id"] for d in drafts}) == len(drafts)
    figures = tone_figures(DATA / "tone_tuning.json")
    with capsys.disabled():
        print(
            f"\ntone check on the tuning set ({figures['size']}): accuracy "
            f"{figures['accuracy']:.3f}, frustrated recall {figures['frustrated_recall']:.3f}, "
            f"calm precision {figures['calm_precision']:.3f}"
        )
    assert figures["accuracy"] >= 0.985
    assert figures["frustrated_recall"] >= 0.985, figures["missed"]
    assert figures["calm_precision"] >= 0.985, figures["missed"]
    assert figures["frustrated_precision"] >= 0.98, figures["wrongly_flagged"]
    rules = tone_figures(DATA / "tone_tuning.json", _rules())
    assert rules["accuracy"] >= 0.98 and rules["frustrated_recall"] >= 0.975, rules["missed"]


@pytest.mark.parametrize(
    ("name", "size"),
    [("tone_tuning_T2.json", 260), ("tone_tuning_T3.json", 260), ("tone_phrases.json", 38)],
)
def test_the_figures_on_the_other_writers_tuning_sets(
    capsys: pytest.CaptureFixture[str], name: str, size: int
) -> None:
    """T2 (13 voices) and T3 (calm and frustrated near twins) were written by people who never
    saw the code; the model learned from them, so these are tuning figures (measured: accuracy
    0.988 and 0.969, frustrated precision 0.985 and 0.942), a floor against regressions. T3's
    calm twins with a strong cue ("a ridiculous question", "frustrated at first, but") stay
    flagged: a cue that is enough on its own is not argued away by the model. The honest
    figures are leave-one-author-out's."""
    drafts = load_drafts(DATA / name)
    assert len(drafts) == size and len({d["id"] for d in drafts}) == size
    figures = tone_figures(DATA / name)
    with capsys.disabled():
        print(
            f"\ntone check on {name} ({figures['size']}): accuracy {figures['accuracy']:.3f}, "
            f"frustrated recall {figures['frustrated_recall']:.3f}, calm precision "
            f"{figures['calm_precision']:.3f}"
        )
    assert figures["accuracy"] >= 0.955
    assert figures["frustrated_recall"] >= 0.98, figures["missed"]
    assert figures["calm_precision"] >= 0.98, figures["missed"]
    assert figures["frustrated_precision"] >= 0.93, figures["wrongly_flagged"]


# Leave one author out, six authors: the model retrained on the other five for each, measured on
# the one left out (accuracy, frustrated recall, calm precision, frustrated precision):
#   engineers  0.977 0.994 0.993 0.963     A  0.957 0.933 0.936 0.979
#   T2         0.938 0.969 0.967 0.913     B  0.950 0.960 0.959 0.941
#   T3         0.912 0.900 0.902 0.921     C  0.937 0.920 0.923 0.952
# (with three authors, before A, B and C joined: engineers 0.941, T2 0.896, T3 0.877). The
# floors sit a little under what was measured.
CROSS_AUTHOR_FLOORS = {
    "engineers": (0.965, 0.985, 0.985, 0.95),
    "T2 (13 voices)": (0.925, 0.955, 0.955, 0.90),
    "T3 (near twins)": (0.90, 0.885, 0.89, 0.91),
    "A (one-liners to threads)": (0.945, 0.92, 0.925, 0.965),
    "B (non-native writers)": (0.935, 0.945, 0.945, 0.925),
    "C (minimal pairs)": (0.925, 0.905, 0.91, 0.94),
}


@pytest.mark.slow
def test_the_check_generalises_to_an_author_it_never_learned_from(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """Train on the other authors' drafts, measure on this one's, for each author. The cues
    were written on the engineers' drafts, so their fold flatters the cues; a few were added
    after studying the misses on A, B and C, so those folds flatter them a little too; T2 and T3
    are honest for both. The model is what carries across writers: the check beats the cues
    alone by a wide margin on every fold but the engineers'."""
    results = cross_author(author_drafts(DATA), _data(), _affect())
    with capsys.disabled():
        for author, judges in results.items():
            for judge, figures in judges.items():
                print(f"\nleave-one-author-out {author}, {judge}: {figures.line()}", end="")
        print()
    assert set(results) == set(CROSS_AUTHOR_FLOORS)
    for author, (accuracy, recall, calm_precision, precision) in CROSS_AUTHOR_FLOORS.items():
        check = results[author]["check"]
        assert check.accuracy >= accuracy, (author, check)
        assert check.frustrated_recall >= recall, (author, check)
        assert check.calm_precision >= calm_precision, (author, check)
        assert check.frustrated_precision >= precision, (author, check)
    for author in set(CROSS_AUTHOR_FLOORS) - {"engineers"}:
        cues = results[author]["cues alone"]
        assert results[author]["check"].accuracy >= cues.accuracy + 0.1, author


def test_each_author_weighs_the_same_in_training() -> None:
    drafts = author_drafts(DATA)
    assert [len(d) for d in drafts.values()] == [1206, 260, 260, 300, 200, 300]
    rows = rows_of(drafts, _rules())
    totals: dict[int, float] = {}
    start = 0
    for number, author in enumerate(drafts.values()):
        totals[number] = sum(weight for _, _, weight in rows[start : start + len(author)])
        start += len(author)
    assert len(rows) == sum(len(d) for d in drafts.values())
    assert max(totals.values()) - min(totals.values()) < 1e-6  # 1,206 drafts weigh as 200 do
    assert abs(sum(totals.values()) - len(rows)) < 1e-6  # a draft weighs 1 on average


def test_tone_figures_counts_what_it_is_given(tmp_path: Path) -> None:
    path = tmp_path / "set.json"
    path.write_text(
        json.dumps(
            [
                {"id": "a", "label": "calm", "text": "Thanks so much for your time!"},
                {"id": "b", "label": "calm", "text": "As I said, I can start in May."},
                {"id": "c", "label": "frustrated", "text": "Per my last email, any news?"},
                {"id": "d", "label": "frustrated", "text": "Any news on the role?"},
            ]
        )
    )
    figures = tone_figures(path)
    assert (figures["size"], figures["calm"], figures["frustrated"]) == (4, 2, 2)
    assert figures["accuracy"] == 0.5
    assert figures["frustrated_recall"] == 0.5 and figures["frustrated_precision"] == 0.5
    assert figures["calm_precision"] == 0.5
    assert (figures["missed"], figures["wrongly_flagged"]) == (["d"], ["b"])
    path.write_text(json.dumps([{"id": "x", "label": "angry", "text": "?"}]))
    with pytest.raises(ValueError, match="draft x"):
        tone_figures(path)


def test_a_set_may_be_json_lines_and_a_folder_stands_for_its_sets(tmp_path: Path) -> None:
    drafts = [
        {"id": "a", "label": "calm", "text": "Thanks so much for your time!"},
        {"id": "b", "label": "frustrated", "text": "Per my last email, any news?"},
    ]
    (tmp_path / "one.jsonl").write_text("\n".join(json.dumps(d) for d in drafts) + "\n")
    (tmp_path / "two.json").write_text(json.dumps({"drafts": drafts}))
    (tmp_path / "notes.txt").write_text("not a set")
    files = set_files([tmp_path])
    assert [f.name for f in files] == ["one.jsonl", "two.json"]
    for file in files:
        figures = tone_figures(file)
        assert (figures["size"], figures["accuracy"]) == (2, 1.0)
    assert set_files([tmp_path / "two.json"]) == [tmp_path / "two.json"]


# -- each cue category ---------------------------------------------------------------------------

CATEGORY_DRAFTS = {
    "reproach": [
        "As I said, I can start in January.",
        "Per my last email, here is my portfolio.",
        "Nobody has bothered to reply.",
        "Hi Ravi, I still haven't heard back about the role.",
    ],
    "counting": [
        "This is the third time I write.",
        "I have written three times already about this role.",
        "Again, I am asking for an update.",
        "Here I am writing yet another follow-up.",
    ],
    "pressure": ["I need an answer now.", "I demand a decision by the end of the day."],
    "time": [
        "Three weeks after the final round, I am still in the dark.",
        "The Friday deadline came and went.",
        "How much longer do I have to wait?",
    ],
    "silence": [
        "Not a word since the onsite.",
        "Weeks of silence after a full day of interviews.",
        "I feel completely ignored.",
    ],
    "rhetorical": [
        "I don't understand why I have to ask.",
        "How hard is it to send an update?",
        "Why is it so hard to reply?",
    ],
    "minimiser": ["A reply would take you two minutes.", "All I need is a yes or a no."],
    "expectation": [
        "I expected better from your team.",
        "I think I deserve to know.",
        "My patience is running thin.",
        "This is not the experience I was led to expect.",
    ],
    "courtesy": [
        "Could you at least acknowledge my emails?",
        "It is a matter of basic respect to reply.",
        "I would appreciate the courtesy of a reply.",
    ],
    "guilt": [
        "I've put my life on hold waiting for your decision.",
        "My family keeps asking me if I got the job.",
    ],
    "ultimatum": ["I will take my skills elsewhere.", "This is your last chance."],
    "sarcasm": [
        "Thanks for nothing.",
        "No worries, I have all the time in the world.",
        "I guess you forgot about me.",
    ],
    "feeling": [
        "I'm getting really frustrated.",
        "This is so annoying.",
        "I am fed up with waiting.",
        "Frankly, I was disappointed.",  # a feeling word (3) and "frankly" (1) add up
    ],
    "judgement": ["This is ridiculous.", "Your hiring process is a joke."],
    "broken promise": [
        "You said a week. That was on the 2nd. It is now the 23rd.",
        "You told me Monday. It is now Thursday.",
    ],
}


@pytest.mark.parametrize(
    ("category", "text"),
    [(category, text) for category, texts in CATEGORY_DRAFTS.items() for text in texts],
)
def test_each_cue_category_makes_its_drafts_frustrated(category: str, text: str) -> None:
    assert check_tone(text, shipped_lexicon()).frustrated  # the check as shipped
    report = check_tone(text, _rules())
    assert report.frustrated, report
    finding = next(f for f in report.findings if f.category == category)
    assert finding.why and finding.instead
    assert text[finding.start : finding.end] == finding.text
    # and without that category the draft reads as calm: the test above needs the cue
    assert not check_tone(text, _without(category)).frustrated


def test_negative_words_add_up_with_a_weak_cue_but_never_tip_a_draft_alone() -> None:
    lexicon = _rules()
    alone = check_tone("A horrid, dreadful, miserable week.", lexicon)
    assert {f.category for f in alone.findings} == {"affect"}
    assert sum(f.weight for f in alone.findings) >= lexicon.threshold
    assert alone.score == 3 and not alone.frustrated  # capped
    with_cue = "Frankly, I was told it would be quick, and the wait has been dismal."
    assert check_tone(with_cue, lexicon).frustrated
    assert not check_tone(with_cue, _without("affect")).frustrated
    assert not check_tone("No problem at all, and not miserable in the least.", lexicon).findings


def test_two_weak_cues_add_up_where_one_does_not() -> None:
    lexicon = _rules()
    assert not check_tone("Any update? Once again, I'd like to know.", lexicon).frustrated
    assert not check_tone("I was told the role was open.", lexicon).frustrated
    both = check_tone("I was told the role was open. Frankly, any update?", lexicon)
    assert both.score == 2 and not both.frustrated
    three = check_tone("Frankly, I was told the role was open. Apparently not.", lexicon)
    assert three.score == 3 and not three.frustrated
    four = check_tone("Frankly, I was told it was open. Apparently not. Well, yet again.", lexicon)
    assert four.score >= lexicon.threshold and four.frustrated


def test_a_score_at_the_threshold_is_frustrated() -> None:
    lexicon = _rules()
    report = check_tone("Per my last email.", lexicon)
    assert report.score == lexicon.threshold == 4 and report.frustrated


# -- generalising: inflections, sentences, quoted history ---------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "I'm getting really frustrated.",
        "I am becoming frustrated.",
        "It is frustrating.",
        "This is frustratingly slow and annoying.",
        "I feel annoyed.",
        "It's so irritating.",
        "I'm getting fed up.",
    ],
)
def test_frustration_named_in_any_inflection(text: str) -> None:
    assert check_tone(text, shipped_lexicon()).frustrated


def test_inflections_share_one_stem_and_contractions_read_alike() -> None:
    assert len({stem(w) for w in ("frustrated", "frustrating", "frustrate")}) == 1
    assert len({stem(w) for w in ("disappointed", "disappointing", "disappointment")}) == 1
    assert len({stem(w) for w in ("reply", "replied", "replies", "replying")}) == 1
    assert stem("final") != stem("finally")  # "the final round" is not "finally"
    lexicon = shipped_lexicon()
    for text in (
        "I still haven't heard back.",
        "I still havent heard back.",
        "I still have not heard back.",
    ):
        assert check_tone(text, lexicon).frustrated, text


def test_a_promise_set_against_today_across_sentences() -> None:
    lexicon = shipped_lexicon()
    text = "You said a week. That was on the 2nd. It is now the 23rd."
    report = check_tone(text, lexicon)
    finding = next(f for f in report.findings if f.category == "broken promise")
    assert finding.text.startswith("You said a week") and "It is now" in finding.text
    for sentence in ("You said a week.", "That was on the 2nd.", "It is now the 23rd."):
        assert not check_tone(sentence, _rules()).frustrated, sentence  # no single one damns it
    far = (
        "You said a week. I enjoyed the chat. The team was great. I loved the office. "
        "It is now the 23rd."
    )
    assert not check_tone(far, _rules()).frustrated  # too far apart to be one reproach


def test_quoted_history_and_signatures_are_not_the_users_words() -> None:
    lexicon = shipped_lexicon()
    recruiter = "This has dragged on far too long and it is unacceptable, I'm frustrated too."
    reply = (
        "Thanks so much for letting me know, Will. I'm happy to wait.\n\n"
        "On Thu, 19 Nov 2026 at 17:03, Will Grant <will@fernway.example> wrote:\n> " + recruiter
    )
    assert check_tone(reply, lexicon).findings == ()
    outlook = (
        "Thanks, that's fine.\n\n-----Original Message-----\nFrom: Will\nSent: Monday\n" + recruiter
    )
    assert check_tone(outlook, lexicon).findings == ()
    quoted_line = "No problem!\n> " + recruiter + "\nSee you Monday."
    assert check_tone(quoted_line, lexicon).findings == ()
    assert check_tone(recruiter, lexicon).frustrated
    blanked = blank_quoted(reply)
    assert len(blanked) == len(reply) and "unacceptable" not in blanked


# -- the calm side -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Just following up to see if there is an update.",
        "Checking in on the timeline; happy to provide an update on my availability.",
        "I wanted to follow up once more and thank you for your time.",
        "Hi Dana, any update on the role?",
        "I know you are busy, so no rush at all.",
        "I'm still very interested in the position.",
        "No rush - whenever you have a moment.",
        "Following up on my note from last week in case it got buried.",
        "I know these decisions take time; I'd love to hear where things stand.",
        "Thank you again for the interview. It was great to see you again.",
        "I'm sorry to hear about the hiring freeze. No problem at all, I'm happy to wait.",
        "While I'm disappointed not to move forward, I appreciated the conversations.",
        "You mentioned a decision around Friday; is that still the plan? Thanks!",
        "I have an offer elsewhere with a deadline of Monday. Your team is my first choice.",
        "Kindly let me know the status of my application. Thanking you.",
        "It's been two weeks since my final interview and I wanted to reiterate my interest.",
        "I'm curious why the team chose Looker over Tableau.",
    ],
)
def test_calm_follow_ups_stay_calm(text: str) -> None:
    report = check_tone(text, shipped_lexicon())
    assert report.verdict == "calm", report.findings


@pytest.mark.parametrize(
    "text",
    [
        "Just following up to see if there is an update.",
        "Checking in: any update?",
        "I know you are busy.",
        "I'm still very interested.",
        "No rush at all.",
    ],
)
def test_the_named_calm_phrases_raise_nothing(text: str) -> None:
    assert check_tone(text, shipped_lexicon()).findings == ()


# -- how it is written: capitals, punctuation ----------------------------------------------------


def test_acronyms_stay_calm_and_capitals_shout_by_length() -> None:
    lexicon = shipped_lexicon()
    assert check_tone("I used SQL, dbt and A/B testing with the CEO and HR.", lexicon).score == 0
    assert check_tone("SQL on AWS, KPI dashboards for NYC, a QA team.", lexicon).findings == ()
    shouting = check_tone("I have been waiting for TWO WEEKS for an ANSWER.", lexicon)
    weights = {f.text: f.weight for f in shouting.findings if f.category == "shouting"}
    assert weights == {"TWO": 1, "WEEKS": 2, "ANSWER": 2}
    assert shouting.verdict == "frustrated"
    # an unlisted 3-4 letter word in capitals counts only beside another one
    assert check_tone("We migrated from ZQX last year.", lexicon).findings == ()
    pair = check_tone("We moved ZQX to QRV last year.", lexicon)
    assert [f.weight for f in pair.findings if f.category == "shouting"] == [1, 1]
    assert not pair.frustrated
    loud = check_tone("That is NONSENSE.", lexicon).findings
    assert [f.weight for f in loud if f.category == "shouting"] == [2]


def test_capitals_count_beside_the_words_they_shout() -> None:
    report = check_tone("I HAVE BEEN WAITING FOR THREE WEEKS.", shipped_lexicon())
    assert {f.category for f in report.findings} >= {"shouting", "time"}


@pytest.mark.parametrize(
    ("text", "verdict"),
    [
        ("Thank you so much for your time today!!", "calm"),  # excitement, not exasperation
        ("Thank you so much!!! This is wonderful news!", "calm"),
        ("Any news?? I'd like to know.", "frustrated"),
        ("Hi Ravi, I still havent heard back about the role.", "frustrated"),  # no apostrophe
        ("Why haven’t you replied to my email", "frustrated"),  # a typographic apostrophe
    ],
)
def test_exclamations_and_apostrophes_as_people_type_them(text: str, verdict: str) -> None:
    assert check_tone(text, shipped_lexicon()).verdict == verdict


def test_punctuation_weights() -> None:
    lexicon = shipped_lexicon()

    def weights(text: str) -> list[int]:
        return [f.weight for f in check_tone(text, lexicon).findings if f.category == "punctuation"]

    assert weights("Any news??") == [4]
    assert weights("Great!!") == [1]
    assert weights("Great!!!") == [2]
    # A question asked twice reads as exasperation; exclamations may be excitement, and the
    # advice says so.
    (asked,) = [
        f for f in check_tone("Any news?!", lexicon).findings if f.category == "punctuation"
    ]
    assert asked.why == "repeated ? or ! reads as exasperation"
    assert asked.instead == "one question mark or full stop"
    (glad,) = [f for f in check_tone("Great!!", lexicon).findings if f.category == "punctuation"]
    assert glad.why == "several ! can read as exasperation (or as excitement)"
    assert glad.instead == "one ! is plenty"


def test_short_capitals_are_neighbours_only_within_25_characters() -> None:
    lexicon = shipped_lexicon()

    def shouted(gap: int) -> list[str]:
        # Two unlisted 3-letter words in capitals whose starts are `gap` characters apart.
        text = "ZQX " + "x" * (gap - 5) + " QRV now."
        assert text.index("QRV") == gap
        report = check_tone(text, lexicon)
        return [f.text for f in report.findings if f.category == "shouting"]

    assert shouted(24) == ["ZQX", "QRV"]
    assert shouted(25) == []


# -- findings, calmer phrases, the promised day --------------------------------------------------


@pytest.mark.parametrize(
    ("text", "span", "category"),
    [
        ("Hi, I still haven't heard back about the role.", "still haven't heard", "reproach"),
        ("You promised to call me by Monday.", "You promised", "reproach"),
        ("As previously mentioned, I am available.", "As previously mentioned", "reproach"),
        ("I need an answer now.", "I need an answer", "pressure"),
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


def test_the_calmer_phrase_names_the_real_promised_day() -> None:
    lexicon = shipped_lexicon()
    text = "You promised to call me by Monday."
    told = check_tone(text, lexicon, facts={"promised_day": "Friday 20 November"})
    assert "Friday 20 November" in told.findings[0].instead
    assert "Monday" in check_tone(text, lexicon).findings[0].instead  # the day the draft names
    vague = check_tone("You promised to call me.", lexicon).findings[0].instead
    assert lexicon.default_day in vague and "{" not in vague
    said = check_tone(
        "You said a week. It is now the 23rd.", lexicon, facts={"promised_day": "Tue 1 Dec"}
    )
    assert "Tue 1 Dec" in said.findings[0].instead
    assert all("{" not in f.instead for f in check_tone("As I said, hi.", lexicon).findings)


def test_the_calmer_phrase_names_no_particular_role() -> None:
    report = check_tone("I still haven't heard anything.", shipped_lexicon())
    assert report.findings and all("Data Analyst" not in f.instead for f in report.findings)


def test_findings_do_not_overlap_and_come_in_order() -> None:
    report = check_tone(
        "Per my last email, I still haven't heard back. This is the third time I write.",
        shipped_lexicon(),
    )
    spans = [
        (f.start, f.end) for f in report.findings if f.category not in ("shouting", "punctuation")
    ]
    assert spans == sorted(spans)
    assert all(a_end <= b_start for (_, a_end), (b_start, _) in itertools.pairwise(spans))


# -- the clock -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("hour", "minute", "late"),
    [(21, 59, False), (22, 0, True), (23, 40, True), (0, 0, True), (5, 59, True), (6, 0, False)],
)
def test_a_draft_written_late_at_night_gets_a_sleep_on_it_note(
    hour: int, minute: int, late: bool
) -> None:
    moment = pendulum.datetime(2026, 11, 24, hour, minute, tz="America/New_York")
    report = check_tone("Thanks!", shipped_lexicon(), moment)
    assert report.late_night is late
    assert not report.frustrated  # the hour is a note, never a verdict


def test_without_a_time_there_is_no_late_night_note() -> None:
    assert not check_tone("Thanks!", shipped_lexicon()).late_night


# -- the lexicon as data -------------------------------------------------------------------------


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
    ("match", "message"),
    [
        ("still (waiting", "missing"),
        ("<nosuchclass> wait", "unknown class"),
        ("as i ] said", "unexpected"),
        ("still ( | wait)", "empty choice"),
        ("still *x wait", "a gap"),
        ("a-b", "not a word"),
    ],
)
def test_a_broken_cue_pattern_is_named(match: str, message: str) -> None:
    entry = {"category": "x", "weight": 1, "match": [match], "why": "w", "instead": "i"}
    with pytest.raises(ValueError, match=f"entry 0 is invalid: .*{message}"):
        Lexicon.from_data({"patterns": [entry], "classes": {"num": ["one"]}})


def test_a_bad_affect_line_is_named() -> None:
    assert affect_words("# comment\nawful\t-2.0\n\n") == {"awful": -2.0}
    with pytest.raises(ValueError, match="line 2"):
        affect_words("awful\t-2.0\nbroken line\n")


def test_the_affect_words_are_vaders_negative_ones_with_its_licence() -> None:
    words = _affect()
    assert len(words) > 2000 and all(v <= -1.5 for v in words.values())
    assert {"appalled", "angry", "miserable"} <= set(words)
    licence = shipped_data("LICENSE-VADER.txt").read_text(encoding="utf-8")
    assert "MIT License" in licence and "C.J. Hutto" in licence


# -- the trained model ---------------------------------------------------------------------------


def test_the_model_catches_what_no_cue_names_and_says_which_words_weighed() -> None:
    text = "I've asked for an update three separate times."
    assert not check_tone(text, _rules()).frustrated
    report = check_tone(text, shipped_lexicon())
    assert report.frustrated
    overall = next(f for f in report.findings if f.category == "overall")
    assert overall.weight == 4 and text[overall.start : overall.end] == overall.text
    assert "%" in overall.why and "“" in overall.why and overall.instead
    # A pair of words that weighed is quoted as the pair, and the mark is the heaviest term's
    # own words in the draft (which terms weigh most depends on the trained model).
    quoted = re.findall(r"“([^”]+)”", overall.why)
    assert any(" " in term for term in quoted), quoted
    assert overall.text.strip() and overall.text in text


def test_when_only_how_it_is_written_leans_the_whole_draft_is_marked() -> None:
    text = "Right. Thanks?? Great..."
    overall = [f for f in check_tone(text, shipped_lexicon()).findings if f.category == "overall"]
    assert [(f.start, f.text) for f in overall] == [(0, "Right. Thanks?? Great")]
    assert "weighing most" not in overall[0].why


def test_a_word_milder_than_every_affect_step_weighs_nothing() -> None:
    data = dict(_data())
    data["affect"] = {**data["affect"], "weights": [[-2.5, 2]]}
    lexicon = Lexicon.from_data(data, {"gloomy": -2.0, "dismal": -3.0})
    assert [f.text for f in check_tone("A gloomy week.", lexicon).findings] == []
    (found,) = check_tone("A dismal week.", lexicon).findings
    assert (found.text, found.category, found.weight) == ("dismal", "affect", 2)


@pytest.mark.parametrize(
    "text",
    [
        "NB: my phone number has changed - it's now 555 0199.",
        "Great, thanks for confirming!",
        "Hi Mark - any news on the analyst role? Thanks, Jo",
        "Thursday at 2pm works for me. Could you send a calendar invite?",
    ],
)
def test_the_model_leaves_short_neutral_notes_alone(text: str) -> None:
    """The model predicts from words with an even prior: few words, little lean."""
    report = check_tone(text, shipped_lexicon())
    assert report.verdict == "calm" and all(f.category != "overall" for f in report.findings)


def test_model_probability_becomes_a_weight_by_steps() -> None:
    model = ToneModel.from_data(
        {"weights": {"u:silenc": 2.0, "u:thank": -3.0}, "bias": 0.0},
        {"steps": [[0.6, 2], [0.8, 4]], "why": "w", "instead": "i"},
    )
    assert model.steps == ((0.8, 4), (0.6, 2))
    assert model.probability([]) == 0.5 and model.weight(0.5) == 0
    assert model.weight(0.6) == 2 and model.weight(0.79) == 2 and model.weight(0.8) == 4
    assert model.probability(["u:silenc"]) > 0.8 > model.probability(["u:silenc", "u:thank"])
    assert model.leaning({"u:silenc": 3, "u:thank": 0, "b:._x": 1}) == [("u:silenc", 3)]
    with pytest.raises(ValueError, match="weights or steps"):
        ToneModel.from_data({"bias": 0.0}, {"steps": []})


def test_the_model_names_the_three_heaviest_words_by_default() -> None:
    weights = {"u:a": 4.0, "u:b": 3.0, "b:b_c": 2.0, "u:c": 1.0, "n:d": 9.0, "u:e": -1.0}
    model = ToneModel.from_data({"weights": weights}, {"steps": [[0.5, 4]]})
    found = {"u:c": 2, "n:d": 3, "b:b_c": 1, "u:e": 4, "u:b": 1, "u:a": 0}  # not in weight order
    assert model.leaning(found) == [("u:a", 0), ("u:b", 1), ("b:b_c", 1)]
    assert model.leaning(found, count=9) == [("u:a", 0), ("u:b", 1), ("b:b_c", 1), ("u:c", 2)]


def test_a_short_draft_gives_the_model_less_to_go_on() -> None:
    setting = {"steps": [[0.5, 4]], "why": "w", "instead": "i", "shrink": 10}
    model = ToneModel.from_data({"weights": {"u:busi": 1.0}, "bias": 0.0}, setting)
    short = ["u:busi", "u:you", "b:you_busi"]  # 2 stems: a fifth of 1.0 counts
    assert model.probability(short) == pytest.approx(1 / (1 + math.exp(-1.0 * 2 / 12)))
    longer = short + [f"u:word{n}" for n in range(30)]  # 32 stems: 32/42 of it
    assert model.probability(short) < model.probability(longer) < 1 / (1 + math.exp(-1.0))
    unshrunk = ToneModel.from_data({"weights": {"u:busi": 1.0}}, {"steps": [[0.5, 4]]})
    assert unshrunk.probability(short) == pytest.approx(1 / (1 + math.exp(-1.0)))


def test_a_short_draft_is_pulled_towards_the_prior_and_left_to_the_cues() -> None:
    """Shrunk towards even odds, a two-word draft sits on the model's line between calm and
    frustrated, and the slightest lean of "Any news?" tipped it. The prior (log-odds -0.6, a
    probability of 0.35, where the shipped steps weigh 0) leaves it to the cues."""
    setting = {"steps": [[0.5, 4]], "why": "w", "instead": "i", "shrink": 10, "prior": -0.6}
    model = ToneModel.from_data({"weights": {"u:busi": 1.0}, "bias": 0.0}, setting)
    assert model.probability([]) == pytest.approx(1 / (1 + math.exp(0.6)))
    short = ["u:busi", "u:you"]  # 2 stems: 2/12 of the evidence, 10/12 of the prior
    expected = (1.0 * 2 - 0.6 * 10) / 12
    assert model.probability(short) == pytest.approx(1 / (1 + math.exp(-expected)))
    shipped = shipped_lexicon()
    assert shipped.model is not None and shipped.model.weight(shipped.model.probability([])) == 0
    data = dict(_data())
    data["model"] = {**data["model"], "prior": 0.0}
    even = Lexicon.from_data(data, _affect(), _model())
    for text in ("Any news?", "Following up again.", "Any update?", "Following up."):
        assert not check_tone(text, shipped).frustrated, text
    for text in ("Any news?", "Any update?", "Following up."):
        assert shipped.model.weight(shipped.model.probability(featurise(text, shipped))) == 0
    for text in ("Any news?", "Following up again."):  # without the prior: a coin toss, lost
        assert check_tone(text, even).frustrated, text


# New cue families from the kinds of miss on A, B and C; each needs another cue (or the model
# leaning) to tip a draft, and its calm uses are left alone.
CUE_FAMILIES = [
    ("Would really appreciate a call back this time.", "counting", "this time"),
    ("I hope the feedback actually arrives.", "counting", "actually arrives"),
    ("Looking forward to round seven!", "counting", "round seven"),
    ("I'll try one more time: is the role open?", "counting", "one more time"),
    ("It was great to finally speak after the two no-shows.", "silence", "no-shows"),
    ("I would be grateful for any response whatsoever.", "silence", "whatsoever"),
    ("It might be worth updating the job posting.", "judgement", "be worth updating"),
    ("No worries, I'm used to it by now.", "sarcasm", "used to it by now"),
]


@pytest.mark.parametrize(("text", "category", "marked"), CUE_FAMILIES)
def test_the_new_cue_families_mark_their_phrase(text: str, category: str, marked: str) -> None:
    report = check_tone(text, _rules())
    finding = next(f for f in report.findings if f.category == category)
    assert marked in finding.text and finding.why and finding.instead
    assert 2 <= finding.weight < _rules().threshold  # never enough alone


@pytest.mark.parametrize(
    "text",
    [
        "I'm sorry it didn't work out this time.",
        "I know hiring is slow at this time of year.",
        "Thanks so much for inviting me to a fourth round, I'm excited!",
        "Happy to help, no pressure whatsoever.",
        "Thanks one more time for the chat.",
    ],
)
def test_the_new_cue_families_leave_their_calm_uses_alone(text: str) -> None:
    assert not check_tone(text, _rules()).findings
    assert not check_tone(text, shipped_lexicon()).frustrated


def test_the_model_reads_negation_and_how_a_draft_is_written() -> None:
    lexicon = _rules()
    negated = featurise("It is not a problem at all.", lexicon)
    assert {"u:problem", "n:problem", "n:a", "n:at"} <= negated
    assert "n:all" not in negated and "n:be" not in negated  # three words, after the negator
    assert "n:problem" not in featurise("Not yet. A problem came up.", lexicon)  # a new sentence
    assert featurise("Fine 🙄", lexicon) >= {"s:eye-roll"}
    assert "s:smile" in featurise("Thanks! 😊", lexicon)
    assert "s:??" in featurise("Any news??", lexicon)
    assert "s:quoted" in featurise('Thanks for the "revised" offer.', lexicon)
    assert "s:trailing" in featurise("So... any news", lexicon)
    assert "s:caps" in featurise("It is NOW three weeks.", lexicon)
    plain = featurise("I used SQL on AWS with the CEO. Thanks, that's great.", lexicon)
    assert not {f for f in plain if f.startswith("s:")}  # acronyms are not capitals
    quoted = featurise("Thanks!\n\nOn Mon, Ana wrote:\n> Any news?? 🙄", lexicon)
    assert not {f for f in quoted if f.startswith("s:")}  # nor is quoted history


def _toy(steps: list[list[float]]) -> Lexicon:
    """The shipped cues with a model of two words: "frankly" leans frustrated, "thanks" calm."""
    model = {"weights": {"u:frankli": 3.0, "u:thank": -6.0}, "bias": 0.0}
    data = dict(_data())
    data["model"] = {"steps": steps, "why": "leans frustrated", "instead": "say it plainly"}
    return Lexicon.from_data(data, _affect(), model)


def test_a_model_sure_of_calm_takes_points_off_weak_cues_but_not_a_strong_one() -> None:
    """Weak cues the model doubts count for less: four hints (1 each) in a draft the model is
    sure is calm lose 2 points, and no finding says so. A cue that is enough on its own (4)
    keeps its weight: one frustrated sentence in a long calm draft is still frustrated."""
    lexicon = _toy([[0.9, 4], [0.1, 0], [0.0, -2]])
    hints = "Frankly, I was told it was open. Apparently not. Well, yet again. Thanks."
    assert check_tone(hints, _rules()).frustrated
    report = check_tone(hints, lexicon)
    assert report.score == check_tone(hints, _rules()).score - 2 and not report.frustrated
    assert "overall" not in {f.category for f in report.findings}
    assert check_tone("Thanks!", lexicon).score == 0  # never below 0
    strong = check_tone("Per my last email, thanks so much.", lexicon)
    assert strong.score == 4 and strong.frustrated
    # the shipped model doubts weak cues too, in a draft from the tuning set
    sorry = (
        "Sorry for the second email - the upload portal kept timing out, which was a bit "
        "frustrating, so I've attached my portfolio here instead."
    )
    assert check_tone(sorry, _rules()).frustrated
    assert not check_tone(sorry, shipped_lexicon()).frustrated


def test_a_light_model_finding_shows_only_when_the_draft_is_frustrated_with_it() -> None:
    lexicon = _toy([[0.99, 4], [0.9, 2], [0.0, 0]])
    alone = check_tone("Frankly, it went well.", lexicon)  # the model's 2 and "frankly"'s 1
    assert alone.score == 1 and not alone.frustrated
    assert [f.category for f in alone.findings] == ["expectation"]
    with_cue = check_tone("Frankly, I was told it would be quick. Apparently not.", lexicon)
    assert with_cue.frustrated and "overall" in {f.category for f in with_cue.findings}


def test_greetings_and_sign_offs_are_left_out_of_the_model() -> None:
    text = "Hi Ravi,\n\nAny news on the role?\n\nBest,\nSam\nAnalyst"
    blanked = blank_salutations(text)
    assert len(blanked) == len(text)
    assert "Ravi" not in blanked and "Sam" not in blanked and "Any news on the role?" in blanked
    long_line = "Hi, I wanted to ask whether the team has had time to look at my take-home yet."
    assert blank_salutations(long_line) == long_line  # a sentence, not a greeting
    # Six words are a greeting line; seven are a sentence.
    assert blank_salutations("Hi there team, hope you're well").strip() == ""
    assert blank_salutations("Hi there team, hope you are well") == (
        "Hi there team, hope you are well"
    )


def test_a_sentence_end_is_no_feature_and_ends_a_negators_reach() -> None:
    found = features(prepare("It is not done. Problem solved.", {}, {}))
    assert "n:don" in found and "n:problem" not in found
    assert "u:." not in found and found["u:problem"] == 5
    assert found["b:._problem"] == 4  # a sentence's first word still pairs with the end before


def test_without_the_model_file_the_cues_still_work() -> None:
    assert _rules().model is None and shipped_lexicon().model is not None
    assert check_tone("Per my last email, any news?", _rules()).frustrated


@pytest.mark.slow
def test_the_shipped_model_is_what_the_training_script_gives() -> None:
    """Retrain from the repo's drafts (fixed seed) and compare with data/tone_model.json."""
    import subprocess
    import sys

    script = Path(__file__).parents[2] / "scripts" / "train_tone_model.py"
    result = subprocess.run(
        [sys.executable, str(script), "--check"], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize(
    ("name", "floors"),
    [
        # A, B and C were written blind as measuring sets; once measured and reported (the
        # README keeps those figures), they became training data, so these are tuning figures:
        # measured 0.997 / 1.000 / 1.000 / 0.993 (A), 0.985 / 1.000 / 1.000 / 0.971 (B),
        # 0.993 / 1.000 / 1.000 / 0.987 (C). The floors sit a little under: a regression fails
        # here. The honest figures are leave-one-author-out's, and a new blind set's.
        ("tone_tuning_A.json", (0.98, 0.98, 0.98, 0.975)),
        ("tone_tuning_B.json", (0.97, 0.98, 0.98, 0.95)),
        ("tone_tuning_C.json", (0.98, 0.98, 0.98, 0.97)),
        # D is still blind (never trained or tuned on): measured once with this check, 0.948 /
        # 0.950 / 0.950 / 0.945 (the README). The floor is that figure less a draft or two, so
        # a change that makes the check worse on a writer it never saw fails here.
        ("tone_measure_D.json", (0.94, 0.94, 0.94, 0.935)),
        # E, written blind after this check was finished and measured once with it: 0.963 /
        # 0.955 / 0.956 / 0.970 (the README). Never tuned on; the floor is a draft or two under.
        ("tone_measure_E.json", (0.955, 0.945, 0.945, 0.96)),
    ],
)
def test_the_figures_on_the_sets_that_were_written_blind(
    capsys: pytest.CaptureFixture[str], name: str, floors: tuple[float, float, float, float]
) -> None:
    """Sets written by helper sessions that never saw the lexicon, the model or the code, and
    all but D and E now learned from."""
    drafts = load_drafts(DATA / name)
    assert len(drafts) >= 200
    figures = tone_figures(DATA / name)
    with capsys.disabled():
        print(
            f"\ntone check on {name} ({figures['size']}): accuracy {figures['accuracy']:.3f}, "
            f"frustrated recall {figures['frustrated_recall']:.3f}, calm precision "
            f"{figures['calm_precision']:.3f}, frustrated precision "
            f"{figures['frustrated_precision']:.3f}"
        )
    accuracy, recall, calm_precision, frustrated_precision = floors
    assert figures["accuracy"] >= accuracy
    assert figures["frustrated_recall"] >= recall
    assert figures["calm_precision"] >= calm_precision
    assert figures["frustrated_precision"] >= frustrated_precision
