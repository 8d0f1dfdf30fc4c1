"""The error the engine raises for bad input: a value refused, naming its field."""

__all__ = ["ControlCharacter", "InvalidField"]


class InvalidField(ValueError):
    """A value refused on the way in.

    It names the field so the CLI and the forms can say exactly which input is wrong.
    """

    def __init__(self, field: str, problem: str) -> None:
        self.field = field
        self.problem = problem
        super().__init__(f"{field}: {problem}")


class ControlCharacter(InvalidField):
    """Text refused because it holds a terminal control character (see :mod:`.text`).

    Its own kind, so text read back from a file written before the rule can be shown with
    visible stand-ins instead of being refused.
    """
