"""A second baseline: Today's screen with canned text, and pendulum imported, but no nowwhat.

The same widgets as Today (header, glow line, split bar, a list of 25 lines, the detail pane, a
warning, a footer with eight keys) filled with fixed text: no database, no engine, none of
nowwhat's modules. pendulum is imported because the design requires it for every date. What
this costs over the hello-world app is the part of nowwhat's start-up that no amount of work on
nowwhat's own code can remove; the benchmark prints it beside the targets.
"""

import pendulum  # noqa: F401 - imported for its cost, as nowwhat must
from rich.text import Text
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.widgets import Footer, Header, OptionList, Static
from textual.widgets.option_list import Option

KEYS = (
    ("space", "Done"),
    ("s", "Snooze"),
    ("a", "Add"),
    ("e", "Edit"),
    ("left_square_bracket", "Prev"),
    ("right_square_bracket", "Next"),
    ("question_mark", "Help"),
    ("q", "Quit"),
)


class TodayShaped(App[None]):
    CSS = """
    #glow { color: $warning; text-style: bold; padding: 0 1; }
    #split { height: 1; padding: 0 1; }
    OptionList { height: 1fr; border: none; padding: 0; }
    #why { height: 2; padding: 0 1; background: $boost; }
    #warnings { height: auto; max-height: 4; padding: 0 1; color: $warning; }
    """
    # Distinct actions, so the footer shows eight keys as Today's does (it groups by action).
    BINDINGS = [Binding(key, f"notify('{label}')", label) for key, label in KEYS]  # noqa: RUF012

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(
            "✦ glow: 21 h left after Quillstone · make the calls you have been putting off",
            id="glow",
        )
        yield Static("follow-up 60/72 ▒▒▒▒▒▒▒▒░░░░░░░░░░░░ search 180 · done 0/240 min", id="split")
        options = [Option(Text("09:00–12:00  SEARCH  180 min", style="bold"), disabled=True)]
        for n in range(24):
            clock = f"{9 + n // 4:02d}:{(n % 4) * 15:02d}"
            line = Text.assemble(("○ ", "dim"), (f"{clock} call", "cyan"), f"   30m ✦ Task {n}")
            options.append(Option(line))
        yield OptionList(*options)
        yield Static("Task 0\ndue Tue 24 Nov · Your own task", id="why")
        yield Static("! Lumen Freight has gone quiet after 3 check-ins", id="warnings")
        yield Footer()

    def on_mount(self) -> None:
        self.title = "Today"


if __name__ == "__main__":
    TodayShaped().run()
