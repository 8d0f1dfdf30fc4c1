"""The composer: the right template, filled from the data, with a live tone check beside it."""

from __future__ import annotations

import contextlib
import os
import shlex
import subprocess
from collections.abc import Callable
from typing import TYPE_CHECKING, ClassVar, cast

from pendulum import DateTime
from rich.text import Text
from textual import on
from textual.app import ComposeResult, SuspendNotSupported
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Header, Static, TextArea

from .. import actions
from ..drafts import DraftStore, available_templates, fill, load_template
from ..engine.compose import TOUCH_OF_TEMPLATE, Situation
from ..engine.tone import ToneReport, check_tone
from ..lexicon import shipped_lexicon
from ..modals.pick import PickScreen
from ..store import Store
from ..store.errors import os_error_line
from ..widgets.clean_input import CleanTextArea
from ..widgets.key_bar import KeyBar
from ..writer import REFUSALS, refusal_text
from .base import WIDTH_CLASSES

if TYPE_CHECKING:
    from ..app import NowwhatApp

__all__ = ["ComposerScreen"]

SAVE_DELAY = 0.3  # seconds of quiet typing before the draft is written


class ComposerScreen(Screen[bool]):
    """Write, check, copy, send. Dismisses with ``True`` once marked as sent."""

    HORIZONTAL_BREAKPOINTS = WIDTH_CLASSES
    CSS_PATH = "composer.tcss"
    TITLE = "Composer"
    AUTO_FOCUS = None  # start on the keys (y copies, m marks sent); i or ctrl+e to edit
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "escape",
            "leave",
            "Back",
            id="composer.leave",
            tooltip="Stop editing; pressed again, close the composer (the draft is kept)",
        ),
        Binding("i", "edit_here", "Edit", id="composer.edit", tooltip="Edit the draft here"),
        Binding("ctrl+e", "external_editor", "$EDITOR", id="composer.editor", priority=True),
        Binding(
            "y",
            "copy",
            "Copy",
            id="composer.copy",
            tooltip="Copy the draft to your own machine's clipboard (OSC 52 over SSH)",
        ),
        Binding(
            "m",
            "mark_sent",
            "Mark sent",
            id="composer.sent",
            tooltip="Log the message as sent: the waiting room and today's plan update",
        ),
        Binding("t", "template", "Template", id="composer.template"),
    ]

    def __init__(self, store: Store, clock: Callable[[], DateTime], situation: Situation) -> None:
        super().__init__()
        self.store = store
        self.clock = clock  # the app's: its real clock, or a fixed --now
        self.situation = situation
        self.template = situation.template
        self.drafts = DraftStore(store.path)
        self._save_timer: Timer | None = None
        self._save_problem: str | None = None
        self.report: ToneReport | None = None
        self.text = ""

    @property
    def key(self) -> str:
        return self.situation.key.replace(self.situation.template, self.template, 1)

    def compose(self) -> ComposeResult:
        yield Header(icon="")
        yield Static(id="recipient")
        with Horizontal(id="composer-body"):
            area = CleanTextArea(id="draft", soft_wrap=True, show_line_numbers=False)
            # Start on the keys, not in the text: y copies, m marks sent; i or ctrl+e edits.
            area.can_focus = False
            yield area
            yield Static(id="tone")
        yield Static(id="notes")
        yield KeyBar()

    def on_mount(self) -> None:
        self._load()

    # -- text -------------------------------------------------------------------------------------

    def _load(self) -> None:
        notes = []
        try:
            saved = self.drafts.load(self.key)
        except (OSError, ValueError) as error:  # unreadable, too large: start from the template
            saved = None
            notes.append(f"Could not restore the draft: {_problem(error)}")
        if saved is not None:
            text = saved
            notes.append("Restored your draft (saved as you typed).")
        else:
            try:
                template, source = load_template(self.template, self.store.path)
            except (OSError, ValueError) as error:
                template, source = "", "shipped"
                notes.append(f"Could not read the template: {_problem(error)}")
            filled = fill(template, self.situation.values)
            text = filled.text
            if filled.unknown:
                notes.append(
                    "Left as written (nothing to fill them with): " + ", ".join(filled.unknown)
                )
            if source != "shipped":
                notes.append(f"Your template: {source}")
        area = self.query_one(TextArea)
        area.load_text(text)
        area.cursor_blink = False
        self.text = text
        self.query_one("#notes", Static).update(Text("\n".join(notes)))
        self._show_header()
        self._check()

    def _show_header(self) -> None:
        situation = self.situation
        who = situation.contact.name if situation.contact else "(no contact yet)"
        where = (
            situation.opportunity.company
            if situation.opportunity
            else (situation.contact.company if situation.contact else "")
        )
        self.sub_title = self.template.replace("_", " ")
        text = Text()
        text.append("To ", style="dim")
        text.append(who, style="bold")
        if where:
            text.append(" · ", style="dim")
            text.append(where)
        self.query_one("#recipient", Static).update(text)

    @on(TextArea.Changed)
    def _typed(self, event: TextArea.Changed) -> None:
        self.text = event.text_area.text
        self._check()
        if self._save_timer is not None:
            self._save_timer.stop()
        self._save_timer = self.set_timer(SAVE_DELAY, self._save)

    def _save(self) -> None:
        self._save_timer = None
        try:
            self.drafts.save(self.key, self.text)
        except OSError as error:
            # Said once, not at every pause in the typing; the text stays on the screen.
            message = os_error_line(error, about=self.drafts.path(self.key))
            if message != self._save_problem:
                self._save_problem = message
                self.notify(
                    f"Could not save the draft: {message} (your text is still here)",
                    severity="error",
                    markup=False,
                )
        else:
            self._save_problem = None

    def on_unmount(self) -> None:
        if self._save_timer is not None:  # typed, not yet written: write it now
            self._save_timer.stop()
            self._save()

    def _check(self) -> None:
        text = self.text
        local = self.clock().in_timezone(self.store.settings().timezone)
        report = check_tone(text, shipped_lexicon(), local)
        self.report = report
        panel = Text()
        if report.frustrated:
            panel.append("Reads as frustrated", style="bold red")
        else:
            panel.append("Reads as calm", style="bold green")
        panel.append(f"  (score {report.score})\n", style="dim")
        if report.late_night:
            panel.append(
                "\nIt is late: sleep on it and send it in the morning.\n", style="bold yellow"
            )
        for finding in report.findings:
            panel.append("\n“")
            panel.append(finding.text, style="bold")
            panel.append(f"” — {finding.why}\n")
            panel.append(f"  try: {finding.instead}\n", style="green")
        if not report.findings:
            panel.append("\nNothing here reads as reproach, pressure or sarcasm.", style="dim")
        self.query_one("#tone", Static).update(panel)

    # -- actions ----------------------------------------------------------------------------------

    def action_edit_here(self) -> None:
        area = self.query_one(TextArea)
        area.can_focus = True
        area.focus()

    def action_leave(self) -> None:
        area = self.query_one(TextArea)
        if area.has_focus:
            area.can_focus = False
            self.set_focus(None)
        else:
            self.dismiss(False)

    def action_copy(self) -> None:
        self.app.copy_to_clipboard(self.text)
        self.notify(
            "Copied to your clipboard (OSC 52: works over SSH in most terminals).", markup=False
        )

    def action_external_editor(self) -> None:
        """Edit in ``$EDITOR`` with the app suspended; the draft file is private (0600)."""
        self._save()
        path = self.drafts.path(self.key)
        editor = shlex.split(os.environ.get("VISUAL") or os.environ.get("EDITOR") or "vi")
        try:
            with self.app.suspend():
                subprocess.run([*editor, str(path)], check=False)
        except SuspendNotSupported:  # no terminal to hand over (tests): run it anyway
            subprocess.run([*editor, str(path)], check=False, capture_output=True)
        except FileNotFoundError:
            self.notify(
                f"Editor not found: {editor[0]} (set $EDITOR)", severity="error", markup=False
            )
            return
        try:
            edited = self.drafts.load(self.key)
        except (OSError, ValueError) as error:
            self.notify(f"Could not read the edited draft: {_problem(error)}", markup=False)
            return
        if edited is None:
            return
        self.query_one(TextArea).load_text(edited)
        self.text = self.query_one(TextArea).text
        self._check()

    def action_mark_sent(self) -> None:
        situation = self.situation
        kind = TOUCH_OF_TEMPLATE.get(self.template, "check_in")
        app = cast("NowwhatApp", self.app)
        app.write(
            actions.log_touch,
            self.store,
            self.clock(),
            kind=kind,
            # A network update is news for a friend, not a touch with the company.
            company=situation.opportunity.company
            if situation.opportunity and kind != "network_update"
            else None,
            contact_id=situation.contact.id if situation.contact else None,
            note=f"sent from the composer ({self.template.replace('_', ' ')})",
            done=self._sent,
            failed=self._not_sent,
        )

    def _sent(self, _: object) -> None:
        if self._save_timer is not None:
            self._save_timer.stop()
            self._save_timer = None
        with contextlib.suppress(OSError):  # a draft left behind is harmless; the touch is logged
            self.drafts.discard(self.key)
        self.notify("Logged as sent.", markup=False)
        self.dismiss(True)

    def _not_sent(self, error: BaseException) -> None:
        if not isinstance(error, REFUSALS):
            raise error
        self.notify(refusal_text(error), severity="error", markup=False)

    def action_template(self) -> None:
        names = available_templates(self.store.path)
        choices = [(name, Text(name.replace("_", " "))) for name in names]
        self.app.push_screen(PickScreen("Use another template", choices), self._switch)

    def _switch(self, name: str | None) -> None:
        if name and name != self.template:
            self._save()
            self.template = name
            self._load()


def _problem(error: BaseException) -> str:
    return os_error_line(error) if isinstance(error, OSError) else str(error)
