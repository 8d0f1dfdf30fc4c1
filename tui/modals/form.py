"""A modal form: typed fields, what was understood shown as you type, errors inline, saved at once.

A form is a list of :class:`FieldSpec`. Each field's text is parsed as it changes: a date field
shows "Tue 24 Nov 2026 14:00 EST" or why it cannot be read, right under itself. ``ctrl+s``, or
``enter`` on the last field, saves: every field must parse, then the form's ``save`` callback
changes the store (it may refuse with an :class:`InvalidField`, shown on that field). ``escape``
cancels and changes nothing. If the record changed in another session since the form opened, the
person chooses: reload theirs or keep mine.
"""

from __future__ import annotations

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

from ..actions import split_list
from ..engine.errors import InvalidField
from ..engine.when import ambiguity_note, parse_when_day, parse_when_moment, short_day
from ..store import Conflict, StoreError
from ..widgets.clean_input import CleanInput
from ..writer import refusal_text
from .conflict import ConflictDialog

if TYPE_CHECKING:
    from ..app import NowwhatApp

__all__ = ["FieldSpec", "FormScreen"]


@dataclass(frozen=True)
class FieldSpec:
    """One field: its name in the values, its label, how its text is read."""

    name: str
    label: str
    kind: str = "text"  # text | day | moment | int | list | choice | flag
    value: Any = ""
    required: bool = False
    choices: Sequence[tuple[str, str]] = ()
    suggestions: Sequence[str] = ()
    placeholder: str = ""
    help: str = ""
    visible_when: tuple[str, str] | None = None  # (other field, value) that shows this one
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
            return Checkbox(value=bool(spec.value), id=f"field-{spec.name}")
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
        if spec.kind == "day":
            day = parse_when_day(text, self._now.in_timezone(self._tz).date(), spec.name)
            return day, f"{short_day(day)} {day.year}"
        if spec.kind == "moment":
            moment = parse_when_moment(text, self._now, self._tz, spec.name)
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
        return text, ""

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
        hint.update(Text(f"→ {understood}" if understood else spec.help))
        return True

    def _apply_visibility(self) -> None:
        for spec in self.fields:
            visible = self._visible(spec)
            self.query_one(f"#row-{spec.name}").display = visible
            self.query_one(f"#hint-{spec.name}").display = visible

    # -- events -----------------------------------------------------------------------------------

    @on(Input.Changed)
    def _changed(self, event: Input.Changed) -> None:
        name = (event.input.id or "").removeprefix("field-")
        spec = next((f for f in self.fields if f.name == name), None)
        if spec is not None:
            self._touched.add(spec.name)
            self._check(spec)

    @on(Select.Changed)
    @on(Checkbox.Changed)
    def _chosen(self) -> None:
        self._apply_visibility()

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
        self._touched.update(f.name for f in self.fields)
        values: dict[str, Any] = {}
        valid = True
        for spec in self.fields:
            if not self._check(spec):
                valid = False
                continue
            if self._visible(spec):
                values[spec.name] = self._parse(spec)[0]
        error = self.query_one("#form-error", Static)
        if not valid:
            error.update(Text("Fix the fields marked ✗; nothing was saved."))
            return
        if self._saving:
            return  # one save at a time: the first is still being written
        self._saving = True
        error.update(Text("Saving…"))
        app = cast("NowwhatApp", self.app)
        app.write(self._save, values, force, done=self._saved, failed=self._refused)

    def _saved(self, _: object) -> None:
        self._saving = False
        self.dismiss(True)

    def _refused(self, refused: BaseException) -> None:
        """Show why the save did not happen, on the field it concerns; nothing was changed."""
        self._saving = False
        error = self.query_one("#form-error", Static)
        if isinstance(refused, Conflict):
            error.update("")
            self.app.push_screen(ConflictDialog(str(refused)), self._resolve)
        elif isinstance(refused, InvalidField):
            names = {f.name for f in self.fields}
            if refused.field in names:
                hint = self.query_one(f"#hint-{refused.field}", Static)
                hint.update(Text(f"✗ {refused.problem}"))
                hint.set_class(True, "-error")
            error.update(Text(f"Not saved: {refused}"))
        elif isinstance(refused, StoreError | OSError):
            error.update(Text(f"Not saved: {refusal_text(refused)}"))
        else:
            raise refused

    def _resolve(self, choice: str | None) -> None:
        if choice == "keep":
            self.action_save(force=True)
        elif choice == "reload":
            self.notify(
                "Reloaded the other session's version; your edits were not saved.", markup=False
            )
            self.dismiss(False)
