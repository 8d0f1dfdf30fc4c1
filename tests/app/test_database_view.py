"""The app shows what the database holds, with user text exactly as typed."""

from __future__ import annotations

import pendulum

from tui.app import build_app
from tui.engine.models import Contact, Opportunity
from tui.store import Store


async def test_the_app_lists_records_and_shows_markup_literally(
    store: Store, now: pendulum.DateTime
) -> None:
    store.add(Opportunity(id="opp_1", company="[bold]Acme[/]"))
    store.add(Contact(id="con_1", name="[@click=app.quit]Eve[/]"))
    app = build_app(store, now)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        from textual.widgets import DataTable

        grid = app.query_one("#opportunities DataTable", DataTable)
        assert str(grid.get_row_at(0)[0]) == "[bold]Acme[/]"
        people = app.query_one("#contacts DataTable", DataTable)
        assert str(people.get_row_at(0)[0]) == "[@click=app.quit]Eve[/]"
        await pilot.press("q")
    assert app.return_code in (0, None)
