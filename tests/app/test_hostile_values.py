"""A form shows both readings of a wall-clock time the clocks pass twice, and which it takes."""

from __future__ import annotations

from pathlib import Path

from tui.store import Store


async def test_a_form_shows_both_occurrences_of_an_ambiguous_time(make_app, demo_db: Path) -> None:  # type: ignore[no-untyped-def]
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("2")
        await pilot.pause()
        await pilot.press("i")
        await pilot.pause()
        form = app.screen
        form.query_one("#field-company").value = "Zeta Corp"
        form.query_one("#field-start").value = "2026-11-01 01:30"
        await pilot.pause()
        hint = " ".join(str(form.query_one("#hint-start").render()).split())
        assert "Sun 1 Nov 2026 01:30 EDT" in hint
        assert "happens twice in America/New_York" in hint
        assert "for the second (01:30 EST) write 2026-11-01 01:30-05:00" in hint
        await pilot.press("ctrl+s")
        await app.writes_settled()
        await pilot.pause()
    interview = Store(demo_db).records().interviews[-1]
    assert interview.start.isoformat() == "2026-11-01T01:30:00-04:00"
