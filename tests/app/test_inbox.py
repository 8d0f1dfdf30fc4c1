"""The Inbox screen: the review queue settled by keyboard, scans in a worker, the notices."""

from __future__ import annotations

import shutil
import time
from pathlib import Path

import pendulum
import pytest
from mail_corpus import TUNING, labels, make_maildir
from mail_world import world_store
from screen_text import screen_text
from textual.widgets import ProgressBar, Static

from tui.app import NowwhatApp, build_app
from tui.engine.models import Opportunity
from tui.modals.ask import AskScreen
from tui.store import Store
from tui.widgets.table import RecordTable

NOW = pendulum.datetime(2026, 12, 2, 9, 0, tz="America/New_York")
EARLY = pendulum.datetime(2026, 11, 19, 9, 0, tz="America/New_York")


def _select(app: NowwhatApp, table: str, key: str) -> None:
    found = app.screen.query_one(f"#{table}", RecordTable)
    found.focus()
    found.move_cursor(row=found.get_row_index(key))


async def _settle(app: NowwhatApp, pilot) -> None:  # type: ignore[no-untyped-def]
    await app.writes_settled()
    await pilot.pause(0.2)


def test_the_inbox_is_in_the_palette_and_has_its_key() -> None:
    from tui.app import SCREENS, NowwhatApp

    assert "inbox" in SCREENS
    keys = {b.key: b.action for b in NowwhatApp.BINDINGS}  # type: ignore[union-attr]
    assert keys["7"] == "switch_mode('inbox')"


async def test_today_and_the_waiting_room_say_how_many_wait(make_app) -> None:  # type: ignore[no-untyped-def]
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert "3 messages to review" in screen_text(app)
        await pilot.press("2")
        await pilot.pause()
        assert "3 messages to review" in screen_text(app)
        await pilot.press("7")
        await pilot.pause()
        text = screen_text(app)
        assert "3 to review" in text and "Update on your application" in text
        assert "Thank you - panel" in text  # applied by the scan, with undo


async def test_the_notice_is_gone_when_the_queue_is_empty(tmp_path: Path) -> None:
    app = build_app(world_store(tmp_path / "w.json"), NOW)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert "to review" not in screen_text(app)


async def test_accepting_a_rejection_closes_it_and_offers_the_close_out(
    make_app, demo_db: Path
) -> None:  # type: ignore[no-untyped-def]
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("7")
        await pilot.pause()
        _select(app, "review", "rev_lumen_no")
        await pilot.press("a")
        await _settle(app, pilot)
        assert isinstance(app.screen, AskScreen) and "write it now?" in app.screen.question
        await pilot.press("y")
        await pilot.pause(0.3)
        assert "close out" in screen_text(app).lower()  # the composer, on the close-out
    store = Store(demo_db)
    assert store.get(Opportunity, "opp_lumen").stage == "rejected"
    assert not next(r for r in store.records().mail_review if r.id == "rev_lumen_no").open


async def test_an_accepted_offer_asks_whether_it_is_in_hand(tmp_path: Path) -> None:
    db = tmp_path / "w.json"
    store = world_store(db)
    _scan(db, tmp_path, "quillstone-offer-letter")
    review = next(r for r in store.records().mail_review if r.open)
    app = build_app(Store(db), NOW)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("7")
        await pilot.pause()
        _select(app, "review", review.id)
        await pilot.press("a")
        await pilot.pause()
        assert isinstance(app.screen, AskScreen) and "in hand" in app.screen.question
        await pilot.press("y")
        await _settle(app, pilot)
    opportunity = Store(db).get(Opportunity, "opp_quill")
    assert (opportunity.stage, opportunity.offer_in_hand) == ("offer", True)


async def test_an_accepted_invitation_opens_the_interview_form_filled_in(tmp_path: Path) -> None:
    db = tmp_path / "w.json"
    world_store(db)
    _scan(db, tmp_path, "harbor-onsite-ics")
    review = next(r for r in Store(db).records().mail_review if r.open)
    app = build_app(Store(db), EARLY)
    async with app.run_test(size=(100, 34)) as pilot:
        await pilot.press("7")
        await pilot.pause()
        _select(app, "review", review.id)
        await pilot.press("a")
        await pilot.pause()
        form = app.screen
        assert form.query_one("#field-company").value == "Harbor & Pine"  # type: ignore[attr-defined]
        assert form.query_one("#field-start").value == "2026-11-25 15:00"  # type: ignore[attr-defined]
        assert form.query_one("#field-kind").value == "panel"  # type: ignore[attr-defined]
        assert form.query_one("#field-minutes").value == "120"  # type: ignore[attr-defined]
        await pilot.press("ctrl+s")
        await _settle(app, pilot)
    records = Store(db).records()
    (interview,) = records.interviews
    assert interview.invite_uid == review.invite_uid
    assert interview.start == pendulum.datetime(2026, 11, 25, 15, 0, tz="America/New_York")
    assert any(t.kind == "prep" for t in records.tasks)


async def test_undo_takes_back_an_applied_touch(tmp_path: Path) -> None:
    db = tmp_path / "w.json"
    world_store(db)
    _scan(db, tmp_path, "dana-reply-still-deciding")
    seen = next(m for m in Store(db).records().mail_seen if m.action == "applied")
    app = build_app(Store(db), NOW)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("7")
        await pilot.pause()
        assert "new" in screen_text(app)
        _select(app, "applied", seen.id)
        await pilot.press("u")
        await _settle(app, pilot)
    records = Store(db).records()
    assert records.touches == ()
    assert next(m for m in records.mail_seen if m.id == seen.id).action == "undone"


async def test_scan_now_runs_in_a_worker_with_progress_and_the_ui_stays_live(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NOWWHAT_MAIL_BATCH", "1")  # many small writes
    from tui.mail.scan import Scan

    read = Scan._read

    def slow_read(self, raw, source):  # type: ignore[no-untyped-def]
        time.sleep(0.02)  # a slow mailbox: the scan lasts seconds, whatever the machine
        return read(self, raw, source)

    monkeypatch.setattr(Scan, "_read", slow_read)
    db = tmp_path / "w.json"
    store = world_store(db)
    maildir = make_maildir(tmp_path / "Maildir")
    from tui.mail import actions as mail_actions

    mail_actions.add_source(store, NOW, str(maildir))
    app = build_app(Store(db), NOW)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("7")
        await pilot.pause()
        await pilot.press("s")
        await pilot.pause(0.3)
        bar = app.screen.query_one("#scan-progress", ProgressBar)
        assert bar.display and bar.total == len(labels())
        inbox = app.screen
        await pilot.press("1")  # the UI answers while the scan runs
        await pilot.pause()
        assert app.screen.TITLE == "Today"
        assert inbox._scanning  # type: ignore[attr-defined]  # ... and it still runs
        await pilot.press("7")
        for _ in range(200):
            await pilot.pause(0.1)
            if not app.screen._scanning:  # type: ignore[attr-defined]
                break
        await pilot.pause(0.3)
        assert not bar.display
        assert "to review" in screen_text(app)
    records = Store(db).records()
    assert len(records.mail_seen) == len(labels())
    assert any(m.action == "applied" for m in records.mail_seen)


async def test_the_excerpt_is_read_from_the_mail_on_demand(tmp_path: Path) -> None:
    db = tmp_path / "w.json"
    world_store(db)
    _scan(db, tmp_path, "workday-reject-northwind-talent")
    review = next(r for r in Store(db).records().mail_review if r.open)
    app = build_app(Store(db), NOW)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("7")
        await pilot.pause()
        _select(app, "review", review.id)
        pane = app.screen.query_one("#inbox-detail", Static)

        def shown() -> str:
            return str(pane.render())

        await pilot.pause(0.3)
        assert "regret to inform" not in shown()
        await pilot.press("o")
        for _ in range(30):
            await pilot.pause(0.1)
            if "regret to inform" in shown():
                break
        assert "regret to inform" in shown()


def _scan(db: Path, tmp_path: Path, part: str) -> None:
    from tui.mail.rules import load_rules
    from tui.mail.scan import Scan
    from tui.mail.sources import MailboxSource

    folder = tmp_path / f"only-{part}"
    folder.mkdir(exist_ok=True)
    name = next(n for n in labels() if part in n)
    shutil.copyfile(TUNING / "messages" / name, folder / name)
    scan = Scan(Store(db), EARLY, load_rules())
    for _ in scan.run([MailboxSource(str(folder))]):
        pass
