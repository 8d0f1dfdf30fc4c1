"""The demo's notes move with its shifted dates: "Onsite on the 25th" for an onsite on the 25th."""

from __future__ import annotations

import pendulum

from tui.demo import demo_data, ordinal, shift_days_in_text


def _notes(data: dict, table: str, record_id: str, field: str) -> str:  # type: ignore[type-arg]
    return next(d[field] for d in data[table].values() if d["id"] == record_id)


def test_a_shifted_demo_names_the_shifted_days() -> None:
    data = demo_data(pendulum.Date(2026, 12, 2))  # one week on: the onsite is Wed 2 Dec
    onsite = next(d for d in data["interviews"].values() if d["id"] == "int_harbor_second")
    assert onsite["start"].startswith("2026-12-02T15:00")
    assert _notes(data, "touches", "tch_harbor_next", "note") == (
        "Onsite on the 2nd with Felix (BI lead)."
    )
    assert _notes(data, "contacts", "con_marcus", "notes") == (
        "Said on the 19th the data team is being reorganised."
    )
    same = demo_data(pendulum.Date(2026, 11, 25))  # the anchor's week: nothing moves
    assert _notes(same, "touches", "tch_harbor_next", "note") == (
        "Onsite on the 25th with Felix (BI lead)."
    )


def test_days_in_text_move_across_a_month_end() -> None:
    written = pendulum.Date(2026, 11, 16)
    assert shift_days_in_text("Call on the 30th", written, 1) == "Call on the 7th"
    assert shift_days_in_text("Met on the 2nd", written, 3) == "Met on the 23rd"  # 2 Nov
    assert shift_days_in_text("the 31st is no day in November", written, 1).startswith("the 7th")
    assert shift_days_in_text("on the 25th and the 3rd", written, 0) == "on the 25th and the 3rd"
    assert [ordinal(n) for n in (1, 2, 3, 4, 11, 12, 13, 21, 22, 23, 31)] == [
        "1st", "2nd", "3rd", "4th", "11th", "12th", "13th", "21st", "22nd", "23rd", "31st"
    ]  # fmt: skip
