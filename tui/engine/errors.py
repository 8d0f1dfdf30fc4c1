"""The error the engine raises for bad input: a value refused, naming its field."""

__all__ = ["ControlCharacter", "InvalidField"]

_LONGEST = 300


class InvalidField(ValueError):
    """A value refused on the way in.

    It names the field so the CLI and the forms can say exactly which input is wrong.
    """

    def __init__(self, field: str, problem: str) -> None:
        # One line, of a readable length, whatever value is quoted in it (a 4,000-digit number).
        if len(problem) > _LONGEST:
            problem = problem[: _LONGEST - 1] + "…"
        if len(field) > 100:
            field = field[:99] + "…"
        self.field = field
        self.problem = problem
        super().__init__(f"{field}: {problem}")


class ControlCharacter(InvalidField):
    """Text refused because it holds a terminal control character (see :mod:`.text`).

    Its own kind, so text read back from a file written before the rule can be shown with
    visible stand-ins instead of being refused.
    """
