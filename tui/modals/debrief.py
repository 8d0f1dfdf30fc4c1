"""The debrief form, saved as it is typed; and the interview form's debrief fields.

:class:`InterviewForm` is a :class:`FormScreen` that knows the debrief's own kinds of field: a
0-100 estimate, "what they said about next steps" (whose promised day, read from the
interview's day, fills *Promised by* as it is typed) and the checklist of signals.

:class:`DebriefForm` is the one-minute debrief Today offers. It has no save step: each field is
written to the interview a moment after it changes (a quarter of a second of quiet typing, at
once for a choice or a tick), field by field, through the app's writer — so a dropped link or
a killed process loses at most the last keystrokes, and opening it again shows every answer.
``ctrl+s`` marks the debrief done (Today stops offering it); ``escape`` closes it, answers kept.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any, cast

from pendulum import Date, DateTime
from rich.text import Text
from textual import on
from textual.timer import Timer
from textual.widget import Widget
from textual.widgets import Button, Checkbox, Input, Select, Static

from .. import actions
from ..engine.calendar import BusinessCalendar
from ..engine.debrief import checklist, parse_estimate
from ..engine.errors import InvalidField
from ..engine.models import FEELINGS, Interview
from ..engine.promises import promise_in
from ..engine.settings import Settings
from ..engine.when import parse_when_moment, short_day
from ..store import Store
from .form import FieldSpec, FormScreen

if TYPE_CHECKING:
    from ..app import NowwhatApp

__all__ = ["SAVE_DELAY", "DebriefForm", "InterviewForm", "debrief_fields", "debrief_values"]

SAVE_DELAY = 0.25  # seconds of quiet typing before a field is written
FEEL_CHOICES = [(f, f) for f in FEELINGS]
SIGNAL = "signal-"


def debrief_fields(settings: Settings, interview: Interview | None) -> list[FieldSpec]:
    """The debrief's fields beyond felt, promised-by and skills: estimate, next steps, signals."""
    fields = [
        FieldSpec(
            "estimate",
            "Advance?",
            "percent",
            value="" if interview is None or interview.estimate is None else interview.estimate,
            placeholder="0-100: how likely a next round feels now",
            help="a guess; calibration compares it with what happens",
        ),
        FieldSpec(
            "next_steps",
            "Next steps",
            "promise",
            value=interview.next_steps if interview else "",
            placeholder='what they said, e.g. "a call by Monday"',
            help="a day named here fills Promised by",
        ),
    ]
    ticked = {s.casefold() for s in (interview.signals if interview else ())}
    for number, signal in enumerate(checklist(settings, interview)):
        fields.append(
            FieldSpec(
                f"{SIGNAL}{number}",
                "Signals" if number == 0 else "",
                "flag",
                value=signal.casefold() in ticked,
                extra={"signal": signal},
            )
        )
    return fields


def debrief_values(fields: Sequence[FieldSpec], values: dict[str, Any]) -> dict[str, Any]:
    """The form's values as interview fields: the ticked signals gathered into one tuple."""
    out = {k: v for k, v in values.items() if not k.startswith(SIGNAL)}
    out["signals"] = tuple(
        str(spec.extra["signal"])
        for spec in fields
        if spec.name.startswith(SIGNAL) and values.get(spec.name)
    )
    return out


class InterviewForm(FormScreen):
    """A form with the debrief's kinds of field (estimate, next steps, signals)."""

    def __init__(
        self,
        title: str,
        fields: Sequence[FieldSpec],
        save: Callable[[dict[str, Any], bool], object],
        *,
        now: DateTime,
        tz: str,
        country: str,
        held_on: Date | None = None,
        note: str = "",
    ) -> None:
        super().__init__(title, fields, save, now=now, tz=tz, note=note)
        self._held_on = held_on  # None: read the interview's day from its "start" field
        self._calendar = BusinessCalendar(country)
        self._initial = {spec.name: str(spec.value or "") for spec in fields}

    def _widget(self, spec: FieldSpec) -> Input | Select[str] | Checkbox:
        if spec.name.startswith(SIGNAL):
            box = Checkbox(
                Text(str(spec.extra["signal"])), bool(spec.value), id=f"field-{spec.name}"
            )
            return box
        return super()._widget(spec)

    def interview_day(self) -> Date:
        """The day the interview was held: what next steps are read from."""
        if self._held_on is not None:
            return self._held_on
        start = next((f for f in self.fields if f.name == "start"), None)
        if start is not None:
            text = str(self._raw(start)).strip()
            try:
                return parse_when_moment(text, self._now, self._tz, "start").date()
            except InvalidField:
                pass
        return self._now.in_timezone(self._tz).date()

    def _parse(self, spec: FieldSpec) -> tuple[Any, str]:
        if spec.kind == "percent":
            text = str(self._raw(spec))
            try:
                value = parse_estimate(text)
            except ValueError as error:
                raise InvalidField(spec.name, str(error)) from None
            return value, (f"{value}% likely to advance" if value is not None else "")
        if spec.kind == "promise":
            text = str(self._raw(spec)).strip()
            promise = promise_in(text, self.interview_day(), self._calendar) if text else None
            if promise is None:
                return text, ("no day named: Promised by stays as it is" if text else "")
            return text, (
                f"promised by {short_day(promise.day)} {promise.day.year} "
                f"(“{promise.phrase}”, from the interview's day)"
            )
        return super()._parse(spec)

    @on(Input.Changed)
    def _fill_promise(self, event: Input.Changed) -> None:
        """What they said about next steps fills *Promised by* as it is typed."""
        if event.input.id != "field-next_steps" or event.value == self._initial["next_steps"]:
            return
        promised = self.query(Input).filter("#field-promised_by")
        text = event.value.strip()
        promise = promise_in(text, self.interview_day(), self._calendar) if text else None
        if promise is not None and promised:
            target = promised.first()
            if target.value != promise.day.isoformat():
                target.value = promise.day.isoformat()

    def on_mount(self) -> None:
        super().on_mount()
        for spec in self.fields:
            if spec.name.startswith(SIGNAL):  # a tick says all it needs: no hint line under it
                self.query_one(f"#hint-{spec.name}").display = False

    def _apply_visibility(self) -> None:
        super()._apply_visibility()
        for spec in self.fields:
            if spec.name.startswith(SIGNAL):
                self.query_one(f"#hint-{spec.name}").display = False


class DebriefForm(InterviewForm):
    """The one-minute debrief: every field written as it changes; ``ctrl+s`` marks it done."""

    def __init__(
        self,
        store: Store,
        clock: Callable[[], DateTime],
        interview: Interview,
        company: str,
    ) -> None:
        settings = store.settings()
        tz = settings.timezone
        held = interview.start.in_timezone(tz)
        fields = [
            FieldSpec(
                "felt", "It felt", "choice", choices=FEEL_CHOICES, value=interview.felt or ""
            ),
            *debrief_fields(settings, interview)[:2],
            FieldSpec(
                "promised_by",
                "Promised by",
                "day",
                value=interview.promised_by.isoformat() if interview.promised_by else "",
                placeholder="filled from next steps, or type a day (fri, +1w)",
                help="empty: no promise",
            ),
            FieldSpec(
                "skills",
                "Skills shown",
                "list",
                value=", ".join(interview.skills),
                placeholder="what came up: SQL, stakeholder demos",
                help="your core network hears about these",
            ),
            *debrief_fields(settings, interview)[2:],
        ]
        super().__init__(
            f"Debrief: {company}, {short_day(held.date())} {held.format('HH:mm')} "
            f"({interview.kind})",
            fields,
            self._done,
            now=clock(),
            tz=tz,
            country=settings.country,
            held_on=held.date(),
            note="Saved as you type. ctrl+s: done · esc: close (your answers are kept)",
        )
        self.store = store
        self.clock = clock
        self.interview = interview
        self._pending_saves: dict[str, Timer] = {}
        self._last: dict[str, Any] = {}

    def on_mount(self) -> None:
        super().on_mount()
        self.query_one("#save", Button).label = "Done  ctrl+s"
        self.query_one("#cancel", Button).label = "Close  esc"
        for spec in self.fields:
            try:
                self._last[spec.name] = self._parse(spec)[0]
            except InvalidField:
                self._last[spec.name] = None

    # -- saving as typed --------------------------------------------------------------------------

    @on(Input.Changed)
    def _typed(self, event: Input.Changed) -> None:
        name = (event.input.id or "").removeprefix("field-")
        pending = self._pending_saves.pop(name, None)
        if pending is not None:
            pending.stop()
        self._pending_saves[name] = self.set_timer(SAVE_DELAY, lambda: self._save_field(name))

    @on(Select.Changed)
    @on(Checkbox.Changed)
    def _ticked(self, event: Select.Changed | Checkbox.Changed) -> None:
        widget = cast(Widget, event.control)
        self._save_field((widget.id or "").removeprefix("field-"))

    def _changes_for(self, name: str) -> dict[str, Any] | None:
        """The interview fields that field ``name`` changes now, or ``None`` (unchanged or not
        readable yet: it is saved once it reads)."""
        spec = next((f for f in self.fields if f.name == name), None)
        if spec is None:
            return None
        try:
            value = self._parse(spec)[0]
        except InvalidField:
            return None
        if self._last.get(name) == value:
            return None
        self._last[name] = value
        if name.startswith(SIGNAL):
            values = {f.name: self._raw(f) for f in self.fields if f.name.startswith(SIGNAL)}
            return {"signals": debrief_values(self.fields, values)["signals"]}
        if name == "felt":
            return {"felt": value or None}
        if name == "next_steps" and value:
            # The promised day it names goes in the same write: never one without the other.
            promise = promise_in(value, self.interview_day(), self._calendar)
            if promise is not None:
                self._last["promised_by"] = promise.day
                return {"next_steps": value, "promised_by": promise.day}
        return {name: value}

    def _save_field(self, name: str, *, finish: bool = False) -> None:
        self._pending_saves.pop(name, None)
        changes = self._changes_for(name)
        if changes is None and not finish:
            return
        app = cast("NowwhatApp", self.app)
        app.write(
            actions.save_debrief,
            self.store,
            self.clock(),
            self.interview.id,
            changes or {},
            finish=finish,
            done=self._written,
            failed=self._refused,
        )

    def _written(self, saved: Interview) -> None:
        self.interview = saved
        if self.is_attached:
            self.query_one("#form-error", Static).update(Text("✓ saved", style="dim"))
        # Written after the form closed, the screen beneath shows it (while the form is on
        # top this redraws nothing: the app's screen is the form).
        cast("NowwhatApp", self.app).data_changed()

    def _flush(self) -> None:
        for name in list(self._pending_saves):
            self._pending_saves.pop(name).stop()
            self._save_field(name)

    def _done(self, values: dict[str, Any], force: bool) -> None:  # pragma: no cover - unused
        """Never called: the debrief has no save step of its own (see action_save)."""

    # -- closing ---------------------------------------------------------------------------------

    def action_cancel(self) -> None:
        """Close; every answer typed so far is written first."""
        self._flush()
        self.dismiss(True)

    def action_save(self, force: bool = False) -> None:
        """Done: write what is pending, mark the debrief finished, close."""
        for name in list(self._pending_saves):
            self._pending_saves.pop(name).stop()
        self._touched.update(f.name for f in self.fields)
        unreadable = [spec.label for spec in self.fields if not self._check(spec)]
        if unreadable:
            for spec in self.fields:
                self._save_field(spec.name)  # what reads is kept all the same
            self.query_one("#form-error", Static).update(
                Text("Fix the fields marked ✗ to finish; everything else is saved.")
            )
            return
        names = [spec.name for spec in self.fields]
        for name in names[:-1]:
            self._save_field(name)
        self._save_field(names[-1], finish=True)
        self.dismiss(True)
