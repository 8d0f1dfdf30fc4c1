"""The baseline: the smallest Textual app that draws a frame (a header, a line, a footer)."""

from textual.app import App, ComposeResult
from textual.widgets import Footer, Header, Static


class Hello(App[None]):
    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("Hello, world: READY")
        yield Footer()


if __name__ == "__main__":
    Hello().run()
