"""The one error the engine raises for bad input: a value refused, naming its field."""

__all__ = ["InvalidField"]


class InvalidField(ValueError):
    """A value refused on the way in.

    It names the field so the CLI and the forms can say exactly which input is wrong.
    """

    def __init__(self, field: str, problem: str) -> None:
        self.field = field
        self.problem = problem
        super().__init__(f"{field}: {problem}")
