"""A modal form: typed fields, what was understood shown as you type, errors inline, saved at once.

A form is a list of :class:`FieldSpec`. Each field's text is parsed as it changes: a date field
shows "Tue 24 Nov 2026 14:00 EST" or why it cannot be read, right under itself. ``ctrl+s``, or
``enter`` on the last field, saves: every field must parse, then the form's ``save`` callback
changes the store (it may refuse with an :class:`InvalidField`, shown on that field). ``escape``
cancels and changes nothing. Every field that does not read is marked at once, and the "fix the
fields" line goes once they all read. If the record changed in another session since the form
opened, the person chooses: reload theirs or keep mine; if what is being added is already there
(:class:`~tui.actions.Duplicate`), the person is asked whether it is the same one.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, ClassVar, cast

from pendulum import DateTime
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.screen import ModalScreen
from textual.suggester import SuggestFromList
from textual.widget import Widget
from textual.widgets import Button, Checkbox, Input, Select, Static

from ..actions import Duplicate, split_list
from ..engine.errors import InvalidField
from ..engine.when import ambiguity_note, short_day
from ..store import Conflict, StoreError
from ..typed_when import typed_day, typed_moment
from ..widgets.clean_input import CleanInput
from ..writer import refusal_text
from .confirm import ConfirmDialog
from .conflict import ConflictDialog

if TYPE_CHECKING:
    from ..app import NowwhatApp

__all__ = ["FIX_FIELDS", "FieldSpec", "FormScreen"]

FIX_FIELDS = "Fix the fields marked ✗"
TABLE_WORDS = {
    "opportunities": "opportunity",
    "interviews": "interview",
    "contacts": "contact",
    "touches": "touch",
    "tasks": "task",
}


@dataclass(frozen=True)
class FieldSpec:
    """One field: its name in the values, its label, how its text is read."""

    name: str
    label: str
    kind: str = "text"  # text | day | moment | int | list | choice | flag | url | email
    value: Any = ""
    required: bool = False
    choices: Sequence[tuple[str, str]] = ()
    suggestions: Sequence[str] = ()
    placeholder: str = ""
    help: str = ""
    visible_when: tuple[str, str] | None = None  # (other field, value) that shows this one
    limit: int | None = None  # the longest text the record takes: refused here, with the others
    past: bool = False  # a moment that already happened: a weekday is the last one, no future
    extra: dict[str, Any] = field(default_factory=dict)


class FormScreen(ModalScreen[bool]):
    """Fill in, check, save. Dismisses with ``True`` when saved, ``False`` when cancelled."""

    CSS_PATH = "dialog.tcss"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="form.cancel"),
        Binding("ctrl+s", "save", "Save", id="form.save", priority=True),
    ]

    def __init__(
        self,
        title: str,
        fields: Sequence[FieldSpec],
        save: Callable[[dict[str, Any], bool], object],
        *,
        now: DateTime,
        tz: str,
        note: str = "",
    ) -> None:
        super().__init__()
        self.form_title = title
        self.fields = list(fields)
        self._save = save
        self._now = now
        self._tz = tz
        self._note = note
        self._touched: set[str] = set()  # fields edited, or all after a save attempt
        self._saving = False
        self._error_text = ""

    # -- layout -----------------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="form"):
            yield Static(Text(self.form_title), classes="form-title")
            if self._note:
                yield Static(Text(self._note), classes="form-note")
            for spec in self.fields:
                with Horizontal(classes="form-row", id=f"row-{spec.name}"):
                    yield Static(Text(spec.label), classes="form-label")
                    yield self._widget(spec)
                yield Static("", id=f"hint-{spec.name}", classes="form-hint")
            yield Static("", id="form-error", classes="form-error")
            with Horizontal(classes="form-buttons"):
                yield Button("Save  ctrl+s", id="save", variant="primary")
                yield Button("Cancel  esc", id="cancel")

    def _widget(self, spec: FieldSpec) -> Input | Select[str] | Checkbox:
        if spec.kind == "choice":
            return Select(
                [(label, value) for label, value in spec.choices],
                value=spec.value if spec.value else Select.NULL,
                allow_blank=not spec.required,
                prompt=spec.placeholder or "choose",
                id=f"field-{spec.name}",
            )
        if spec.kind == "flag":
            return Checkbox(spec.help, value=bool(spec.value), id=f"field-{spec.name}")
        suggester = (
            SuggestFromList(spec.suggestions, case_sensitive=False) if spec.suggestions else None
        )
        widget = CleanInput(
            value=str(spec.value or ""),
            placeholder=spec.placeholder,
            suggester=suggester,
            id=f"field-{spec.name}",
        )
        widget.cursor_blink = False  # a blinking cursor sends bytes every second over SSH
        return widget

    def on_mount(self) -> None:
        for spec in self.fields:
            self._check(spec)
        self._apply_visibility()
        first = self._inputs()
        if first:
            first[0].focus()

    # -- reading values ---------------------------------------------------------------------------

    def _inputs(self) -> list[Widget]:
        """The editable widgets of the visible fields, in order."""
        return [
            self.query_one(f"#field-{spec.name}")
            for spec in self.fields
            if self.query_one(f"#row-{spec.name}").display
        ]

    def _raw(self, spec: FieldSpec) -> Any:
        widget = self.query_one(f"#field-{spec.name}")
        if isinstance(widget, Select):
            return None if widget.value is Select.NULL else widget.value
        if isinstance(widget, Checkbox):
            return widget.value
        assert isinstance(widget, Input)
        return widget.value

    def _visible(self, spec: FieldSpec) -> bool:
        if spec.visible_when is None:
            return True
        other, wanted = spec.visible_when
        return bool(self._raw(next(f for f in self.fields if f.name == other)) == wanted)

    def _clock(self) -> DateTime:
        """Now, for reading "today" and "now": the app's clock (it moves while the form is
        open), or the moment the form was given."""
        now = getattr(self.app, "now", None)
        return now() if callable(now) else self._now

    def _parse(self, spec: FieldSpec) -> tuple[Any, str]:
        """The value of a field and how it reads back; raises InvalidField."""
        raw = self._raw(spec)
        if spec.kind in {"choice", "flag"}:
            if spec.required and raw in (None, ""):
                raise InvalidField(spec.name, "choose one")
            return raw, ""
        text = str(raw).strip()
        if not text:
            if spec.required:
                raise InvalidField(spec.name, "must not be empty")
            return None if spec.kind in {"day", "moment", "int"} else (
                () if spec.kind == "list" else ""
            ), ""
        if spec.limit is not None and len(text) > spec.limit:
            raise InvalidField(
                spec.name, f"is too long ({len(text)} characters; at most {spec.limit})"
            )
        if spec.kind == "day":
            day = typed_day(text, self._clock(), self._tz, spec.name)
            return day, f"{short_day(day)} {day.year}"
        if spec.kind == "moment":
            moment = typed_moment(text, self._clock(), self._tz, spec.name, past=spec.past)
            understood = moment.format("ddd D MMM YYYY HH:mm zz")
            twice = ambiguity_note(moment)
            return moment, understood if twice is None else f"{understood}. Note: {twice}"
        if spec.kind == "int":
            try:
                number = int(text)
            except ValueError:
                raise InvalidField(spec.name, f"{text!r} is not a whole number") from None
            if number <= 0:
                raise InvalidField(spec.name, "must be above 0")
            return number, ""
        if spec.kind == "list":
            return split_list(text), ""
        if spec.kind == "url" and not re.match(r"^https?://\S+$", text):
            raise InvalidField(spec.name, "is not a web address (https://...)")
        if spec.kind == "email" and not re.match(r"^[^@\s]+@[^@\s]+$", text):
            raise InvalidField(spec.name, "is not an e-mail address (name@example.com)")
        return text, self._completion(spec, text)

    @staticmethod
    def _completion(spec: FieldSpec, text: str) -> str:
        """What the field would complete to (right arrow takes it), when it would."""
        folded = text.casefold()
        for suggestion in spec.suggestions:
            if suggestion.casefold() == folded:
                return ""  # already a known name
            if suggestion.casefold().startswith(folded):
                return f"{suggestion}? (right arrow completes)"
        return ""

    def _check(self, spec: FieldSpec) -> bool:
        hint = self.query_one(f"#hint-{spec.name}", Static)
        if not self._visible(spec):
            hint.update("")
            return True
        try:
            _, understood = self._parse(spec)
        except InvalidField as error:
            if spec.name not in self._touched and not self._raw(spec):
                hint.update(Text(spec.help))  # an empty required field is not an error yet
                hint.set_class(False, "-error")
                return False
            hint.update(Text(f"✗ {error.problem}"))
            hint.set_class(True, "-error")
            return False
        hint.set_class(False, "-error")
        if spec.kind == "flag":
            hint.update("")  # its words are beside the box
        else:
            hint.update(Text(f"→ {understood}" if understood else spec.help))
        return True

    def _apply_visibility(self) -> None:
        for spec in self.fields:
            visible = self._visible(spec)
            self.query_one(f"#row-{spec.name}").display = visible
            self.query_one(f"#hint-{spec.name}").display = visible

    def _all_valid(self) -> bool:
        """Whether every visible field reads (for clearing "fix the fields" once they do)."""
        for spec in self.fields:
            if not self._visible(spec):
                continue
            try:
                self._parse(spec)
            except InvalidField:
                return False
        return True

    def _error(self, text: str) -> None:
        self._error_text = text
        self.query_one("#form-error", Static).update(Text(text))

    # -- events -----------------------------------------------------------------------------------

    @on(Input.Changed)
    def _changed(self, event: Input.Changed) -> None:
        name = (event.input.id or "").removeprefix("field-")
        spec = next((f for f in self.fields if f.name == name), None)
        if spec is not None:
            self._touched.add(spec.name)
            self._check(spec)
            self._forget_fixed()

    @on(Select.Changed)
    @on(Checkbox.Changed)
    def _chosen(self) -> None:
        self._apply_visibility()
        self._forget_fixed()

    def _forget_fixed(self) -> None:
        """ "Fix the fields marked ✗" goes once nothing is marked any more."""
        if self._error_text.startswith(FIX_FIELDS) and self._all_valid():
            self._error("")

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        inputs = self._inputs()
        if inputs and event.input is inputs[-1]:
            self.action_save()
        elif event.input in inputs:
            inputs[inputs.index(event.input) + 1].focus()

    @on(Button.Pressed, "#save")
    def _save_pressed(self) -> None:
        self.action_save()

    @on(Button.Pressed, "#cancel")
    def _cancel_pressed(self) -> None:
        self.action_cancel()

    # -- actions ----------------------------------------------------------------------------------

    def action_cancel(self) -> None:
        self.dismiss(False)

    def action_save(self, force: bool = False) -> None:
        """Check every field (all the bad ones are marked at once), then save."""
        self._touched.update(f.name for f in self.fields)
        values: dict[str, Any] = {}
        valid = True
        for spec in self.fields:
            if not self._check(spec):
                valid = False
                continue
            if self._visible(spec):
                values[spec.name] = self._parse(spec)[0]
        if not valid:
            self._error(f"{FIX_FIELDS}; nothing was saved.")
            return
        if self._saving:
            return  # one save at a time: the first is still being written
        self._saving = True
        self._error("Saving…")
        app = cast("NowwhatApp", self.app)
        app.write(self._save, values, force, done=self._saved, failed=self._refused)

    def _saved(self, _: object) -> None:
        self._saving = False
        self.dismiss(True)

    def _refused(self, refused: BaseException) -> None:
        """Show why the save did not happen, on the field it concerns; nothing was changed."""
        self._saving = False
        if isinstance(refused, Conflict):
            self._error("")
            kind = TABLE_WORDS.get(refused.table, "record")
            self.app.push_screen(
                ConflictDialog(
                    f"This {kind} was changed in another session (or the command line) since "
                    "you opened the form."
                ),
                self._resolve,
            )
        elif isinstance(refused, Duplicate):
            self._error("")
            self.app.push_screen(
                ConfirmDialog(
                    "Is this the same one?",
                    refused.problem,
                    "y adds another one anyway; n goes back to the form (escape there cancels).",
                    yes="Add another",
                    no="Back",
                ),
                self._add_anyway,
            )
        elif isinstance(refused, InvalidField):
            label = next((f.label for f in self.fields if f.name == refused.field), None)
            if label is not None:
                hint = self.query_one(f"#hint-{refused.field}", Static)
                hint.update(Text(f"✗ {refused.problem}"))
                hint.set_class(True, "-error")
                self._error(f"Not saved: {label}: {refused.problem}")
            else:
                self._error(f"Not saved: {refused.field.replace('_', ' ')}: {refused.problem}")
        elif isinstance(refused, StoreError | OSError):
            self._error(f"Not saved: {refusal_text(refused)}")
        else:
            raise refused

    def _add_anyway(self, yes: bool | None) -> None:
        if yes:
            self.action_save(force=True)

    def _resolve(self, choice: str | None) -> None:
        if choice == "keep":
            self.action_save(force=True)
        elif choice == "reload":
            self.notify(
                "Reloaded the other session's version; your edits were not saved.", markup=False
            )
            self.dismiss(False)
