"""The engine's one error for bad input: it names the field, in one line of readable length."""

from __future__ import annotations

from tui.engine.errors import InvalidField


def test_a_refused_value_names_its_field_in_one_readable_line() -> None:
    error = InvalidField("title", "x" * 1000)
    assert error.field == "title"
    assert len(error.problem) == 300 and error.problem.endswith("…")
    assert str(error) == f"title: {error.problem}"
    exact = InvalidField("title", "y" * 300)
    assert exact.problem == "y" * 300
    long_field = InvalidField("f" * 150, "bad")
    assert len(long_field.field) == 100 and long_field.field.endswith("…")
    assert InvalidField("f" * 100, "bad").field == "f" * 100
