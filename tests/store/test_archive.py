"""The archive beside the database (issue 19): nothing lost, nothing twice, whatever crashes.

Work in progress: the archive is not yet wired into :class:`Store`; these tests hold its
file protocol to the rules of :mod:`tui.store.archive`.
"""

from __future__ import annotations

import dataclasses
import random
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pendulum
import pytest
from tinydb import Query

from tui.engine.archive import finished_history, without
from tui.engine.errors import InvalidField
from tui.engine.models import Contact, Opportunity, Records, Task, Touch
from tui.engine.plan import plan_day
from tui.engine.settings import Settings
from tui.store import Store
from tui.store.archive import ARCHIVED_TABLES, Archive, archive_path, index_path
from tui.store.transfer import export_records, import_records

sys.path.insert(0, str(Path(__file__).parents[1] / "bench"))
from generate import generate, write

NOW = pendulum.datetime(2026, 11, 23, 8, 30, tz="America/New_York")
WORKER = str(Path(__file__).with_name("archive_worker.py"))
SMALL_DECADE = {
    "opportunities": 20,
    "interviews": 10,
    "contacts": 15,
    "touches": 120,
    "tasks": 40,
    "history_opportunities": 40,
    "history_interviews": 20,
    "history_touches": 400,
    "history_tasks": 150,
}


def by_id(records: Records) -> dict[str, dict[str, Any]]:
    """Each archived table as id -> record: what must survive, whatever the order."""
    return {name: {r.id: r for r in getattr(records, name)} for name in ARCHIVED_TABLES}


def shown(plan: Any) -> Any:
    """A day plan as the person sees it: every field but the items' internal sort keys (a
    task's key holds its position among all tasks, which moving old tasks out shifts)."""

    def strip(value: Any) -> Any:
        if isinstance(value, dict):
            return {k: strip(v) for k, v in value.items() if k != "rank"}
        if isinstance(value, list | tuple):
            return [strip(v) for v in value]
        return value

    return strip(dataclasses.asdict(plan))


def on_disk(db: Path) -> Records:
    """Everything, as a new process reads it from the two files (what every screen but Today
    is given)."""
    return Store(db).records()


@pytest.fixture
def decade(tmp_path: Path) -> tuple[Path, Records]:
    records = generate(3, SMALL_DECADE)
    db = tmp_path / "db.json"
    write(db, records)
    return db, records


def test_a_move_takes_finished_history_out_of_the_main_file_and_loses_nothing(
    decade: tuple[Path, Records],
) -> None:
    db, records = decade
    finished = finished_history(records, NOW)
    moved = Archive.of(Store(db)).move_finished(NOW)
    assert moved == sum(len(finished.of(name)) for name in ARCHIVED_TABLES) > 500
    assert by_id(Store(db).active_records()) == by_id(without(records, finished))
    assert by_id(Store(archive_path(db)).records()) == by_id(
        without(records, finished.inverse(records))
    )
    assert by_id(on_disk(db)) == by_id(records)
    assert Archive.of(Store(db)).move_finished(NOW) == 0  # nothing left to move


def test_the_plan_from_the_main_file_alone_is_the_plan_from_everything(
    decade: tuple[Path, Records],
) -> None:
    db, records = decade
    Archive.of(Store(db)).move_finished(NOW)
    active = Store(db).active_records()
    for days in (0, 1, 5, 30):
        now = NOW.add(days=days)
        assert shown(plan_day(active, now)) == shown(plan_day(records, now))


def test_a_reopened_opportunity_comes_back_whole(decade: tuple[Path, Records]) -> None:
    db, records = decade
    archive = Archive.of(Store(db))
    archive.move_finished(NOW)
    archived = archive.archived()
    opportunity = next(
        o
        for o in archived.opportunities
        if any(i.opportunity_id == o.id for i in archived.interviews)
    )
    interviews = {i.id for i in records.interviews if i.opportunity_id == opportunity.id}
    touches = {t.id for t in records.touches if t.opportunity_id == opportunity.id}
    assert touches
    assert archive.reopen(opportunity.id)
    main = Store(db).active_records()
    assert opportunity in main.opportunities
    assert interviews <= {i.id for i in main.interviews}
    assert touches <= {t.id for t in main.touches}
    left = Store(archive_path(db)).records()
    assert opportunity.id not in {o.id for o in left.opportunities}
    assert not touches & {t.id for t in left.touches}
    assert by_id(on_disk(db)) == by_id(records)


def test_a_record_in_both_files_is_the_main_files_copy_and_counts_once(
    decade: tuple[Path, Records],
) -> None:
    db, records = decade
    archive = Archive.of(Store(db))
    archive.move_finished(NOW)
    old = archive.archived().opportunities[0]
    changed = dataclasses.replace(old, notes="changed in the main file")
    archive.main.upsert_many([changed])  # as a crash right after reopening's first write
    everything = on_disk(db)
    assert [o for o in everything.opportunities if o.id == old.id] == [changed]
    assert len(everything.opportunities) == len(records.opportunities)
    archive.move_finished(NOW)  # the next move drops the archive's left-over copy...
    assert [o for o in on_disk(db).opportunities if o.id == old.id] == [changed]


def test_a_delete_removes_the_record_from_both_files(decade: tuple[Path, Records]) -> None:
    db, records = decade
    archive = Archive.of(Store(db))
    archive.move_finished(NOW)
    gone = archive.archived().touches[0]
    assert archive.delete("touches", gone.id)
    assert gone.id not in {t.id for t in on_disk(db).touches}
    assert len(on_disk(db).touches) == len(records.touches) - 1


def _killed_between(*args: str) -> None:
    worker = subprocess.Popen(
        [sys.executable, WORKER, *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    assert worker.stdout is not None
    line = worker.stdout.readline().strip()
    assert line == "between", worker.stderr.read() if worker.stderr else line
    worker.send_signal(signal.SIGKILL)
    worker.wait(timeout=10)


@pytest.mark.slow
def test_killed_between_the_two_writes_of_a_move_every_record_is_there_once(
    decade: tuple[Path, Records],
) -> None:
    db, records = decade
    _killed_between("move", str(db))
    archived = Store(archive_path(db)).records()
    assert archived.touches, "the archive was written before the kill"
    assert by_id(Store(db).active_records()) == by_id(records), "the main file was not"
    assert by_id(on_disk(db)) == by_id(records)
    assert Archive.of(Store(db)).move_finished(NOW) > 0  # the move is made again, whole
    assert by_id(on_disk(db)) == by_id(records)
    assert by_id(Store(db).active_records()) == by_id(
        without(records, finished_history(records, NOW))
    )


@pytest.mark.slow
def test_killed_between_the_two_writes_of_a_reopen_the_opportunity_is_back_whole(
    decade: tuple[Path, Records],
) -> None:
    db, records = decade
    archive = Archive.of(Store(db))
    archive.move_finished(NOW)
    opportunity = archive.archived().opportunities[0]
    touches = {t.id for t in records.touches if t.opportunity_id == opportunity.id}
    _killed_between("reopen", str(db), opportunity.id)
    main = Store(db).active_records()
    assert opportunity in main.opportunities
    assert touches <= {t.id for t in main.touches}
    assert opportunity in Store(archive_path(db)).records().opportunities  # not yet removed
    assert by_id(on_disk(db)) == by_id(records)


@pytest.mark.slow
def test_killed_at_random_while_moving_and_reopening_nothing_is_lost_or_doubled(
    decade: tuple[Path, Records],
) -> None:
    db, records = decade
    archive = Archive.of(Store(db))
    archive.move_finished(NOW)
    opportunity = archive.archived().opportunities[0]
    rng = random.Random(19)
    for _ in range(6):
        worker = subprocess.Popen(
            [sys.executable, WORKER, "hammer", str(db), opportunity.id],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        assert worker.stdout is not None
        assert worker.stdout.readline(), "the worker never completed a step"
        time.sleep(rng.uniform(0.0, 0.4))
        worker.send_signal(signal.SIGKILL)
        worker.wait(timeout=10)
        assert by_id(on_disk(db)) == by_id(records)


def test_random_changes_moves_reopens_and_restarts_keep_every_record(tmp_path: Path) -> None:
    rng = random.Random(1919)
    records = generate(5, SMALL_DECADE)
    db = tmp_path / "db.json"
    write(db, records)
    model = by_id(records)
    archive = Archive.of(Store(db))
    for step in range(60):
        choice = rng.random()
        if choice < 0.25:  # a new touch on an active opportunity
            opportunity = rng.choice(Store(db).active_records().opportunities)
            touch = Touch(
                id=f"tch_p{step:04d}",
                kind="check_in",
                at=NOW.subtract(days=rng.choice([1, 900])),
                opportunity_id=opportunity.id,
            )
            archive.main.add(touch)
            model["touches"][touch.id] = touch
        elif choice < 0.4:  # an opportunity closed
            opportunity = rng.choice(archive.main.active_records().opportunities)
            closed = dataclasses.replace(opportunity, stage="rejected")
            archive.main.put(closed)
            model["opportunities"][closed.id] = closed
        elif choice < 0.6:
            archive.move_finished(NOW, days=rng.choice([30, 180, 400]))
        elif choice < 0.75:
            archived = archive.archived().opportunities
            if archived:
                archive.reopen(rng.choice(archived).id)
        elif choice < 0.85:
            archive = Archive.of(Store(db))  # a restart
        else:
            new = Opportunity(id=f"opp_p{step:04d}", company=f"New {step}", stage="applied")
            archive.main.add(new)
            model["opportunities"][new.id] = new
        # What this process shows is what a new one reads from disk, and is every record.
        assert by_id(archive.records()) == model
        assert by_id(on_disk(db)) == model


def test_a_contacts_last_word_stays_even_when_it_is_old() -> None:
    """The network item of a core contact last touched years ago says so, archive or not."""
    old = Opportunity(
        id="opp_old", company="Old Co", stage="rejected", applied_on=NOW.subtract(days=900).date()
    )
    zed = Contact(id="con_zed", name="Zed", tags=frozenset({"core"}))
    records = Records(
        opportunities=(old,),
        contacts=(zed,),
        touches=(
            Touch(
                id="tch_old",
                kind="thank_you",
                at=NOW.subtract(days=890),
                opportunity_id=old.id,
                contact_id=zed.id,
            ),
        ),
        settings=Settings().with_text("timezone", "America/New_York"),
    )
    finished = finished_history(records, NOW)
    assert not finished.opportunities
    assert shown(plan_day(without(records, finished), NOW)) == shown(plan_day(records, NOW))


def test_changing_an_archived_opportunity_brings_it_back_whole(
    decade: tuple[Path, Records],
) -> None:
    db, records = decade
    store = Store(db)
    Archive.of(store).move_finished(NOW)
    old = next(
        o
        for o in Store(archive_path(db)).active_records().opportunities
        if any(t.opportunity_id == o.id for t in records.touches)
    )
    again = dataclasses.replace(old, stage="interviewing", notes="they called back")
    store.put(again)
    main = Store(db).active_records()
    assert again in main.opportunities
    touches = {t.id for t in records.touches if t.opportunity_id == old.id}
    assert touches <= {t.id for t in main.touches}
    left = Store(archive_path(db)).active_records()
    assert old.id not in {o.id for o in left.opportunities}
    assert not touches & {t.id for t in left.touches}
    everything = by_id(on_disk(db))
    assert everything["opportunities"][old.id] == again
    assert len(everything["opportunities"]) == len(records.opportunities)


def test_a_touch_for_an_archived_opportunity_brings_the_opportunity_back(
    decade: tuple[Path, Records],
) -> None:
    db, _ = decade
    store = Store(db)
    Archive.of(store).move_finished(NOW)
    old = Store(archive_path(db)).active_records().opportunities[0]
    touch = Touch(id="tch_again", kind="heard_back", at=NOW, opportunity_id=old.id, direction="in")
    store.add(touch)
    main = Store(db).active_records()
    assert old in main.opportunities and touch in main.touches
    assert old.id not in {o.id for o in Store(archive_path(db)).active_records().opportunities}


def test_an_id_the_archive_holds_is_not_new(decade: tuple[Path, Records]) -> None:
    db, _ = decade
    store = Store(db)
    Archive.of(store).move_finished(NOW)
    old = Store(archive_path(db)).active_records().tasks[0]
    with pytest.raises(InvalidField, match="already exists"):
        Store(db).add(dataclasses.replace(old, title="a new task with an old id"))


def test_export_and_import_carry_the_archive_too(
    decade: tuple[Path, Records], tmp_path: Path
) -> None:
    db, records = decade
    Archive.of(Store(db)).move_finished(NOW)
    exported = export_records(Store(db).records())
    fresh = tmp_path / "fresh.json"
    import_records(Store(fresh, default_timezone=lambda: "UTC"), exported)
    assert by_id(Store(fresh).records()) == by_id(records)
    again = import_records(Store(db), exported)
    assert all(counts["added"] == counts["updated"] == 0 for counts in again.values())
    assert by_id(on_disk(db)) == by_id(records)


def test_finished_history_moves_at_the_end_of_a_run_only_once_enough_has_gathered(
    decade: tuple[Path, Records],
) -> None:
    db, records = decade
    finished = finished_history(records, NOW)
    total = sum(len(finished.of(name)) for name in ARCHIVED_TABLES)
    assert Store(db).archive_finished(NOW, minimum=total + 1) == 0
    assert not archive_path(db).exists()
    assert Store(db).archive_finished(NOW, minimum=total) == total
    assert by_id(on_disk(db)) == by_id(records)


def test_a_search_finds_archived_records_too(decade: tuple[Path, Records]) -> None:
    db, records = decade
    Store(db).archive_finished(NOW, minimum=1)
    done = {t.id for t in records.tasks if t.status == "done"}
    assert {t.id for t in Store(db).search(Task, Query().status == "done")} == done


def test_an_add_asks_the_archives_index_not_the_archive(decade: tuple[Path, Records]) -> None:
    db, _ = decade
    Store(db).archive_finished(NOW, minimum=1)
    store = Store(db)
    archive = Archive.of(store)
    store.add(Touch(id="tch_brandnew", kind="check_in", at=NOW, opportunity_id="opp_00000"))
    assert archive.loaded is None, "a new id is settled by the index alone"
    old = Store(archive_path(db)).active_records().touches[0]
    with pytest.raises(InvalidField, match="already exists"):
        store.add(old)  # an id the index names is looked up in the archive itself


def test_the_index_may_name_too_many_ids_never_too_few(decade: tuple[Path, Records]) -> None:
    db, _ = decade
    store = Store(db)
    archive = Archive.of(store)
    archive.move_finished(NOW)
    held = Store(archive_path(db)).active_records()
    back = next(o for o in held.opportunities)
    archive.reopen(back.id)  # the archive loses it; the index still names it
    assert all(archive.may_hold(t.id) for t in Store(archive_path(db)).active_records().touches)
    fresh = Archive.of(Store(db))
    assert fresh.may_hold(back.id) and not fresh.may_hold("tch_neverwas")
    store.delete(Opportunity, back.id)
    Store(db).add(dataclasses.replace(back, notes="the same id, new"))  # the index's "maybe"
    assert index_path(db).read_bytes().startswith(b"nowwhat-archive-ids")
    index_path(db).write_bytes(b"damaged")
    assert Archive.of(Store(db)).may_hold("tch_neverwas"), "an unreadable index says maybe"


def test_a_change_another_process_makes_to_the_archive_alone_is_noticed(
    decade: tuple[Path, Records],
) -> None:
    """Deleting an archived touch in another window writes only the archive: the open
    dashboard's watch must still see a change and redraw, or the touch stays on screen."""
    db, _ = decade
    Archive.of(Store(db)).move_finished(NOW)
    watching = Store(db)
    watching.records()  # History was looked at: the archive is read
    generation = watching.generation
    gone = Store(archive_path(db)).active_records().touches[0]
    main_before = db.read_bytes()
    Store(db).delete(Touch, gone.id)
    assert db.read_bytes() == main_before, "only the archive was written"
    assert watching.refresh()
    assert watching.generation != generation
    assert gone.id not in {t.id for t in watching.records().touches}


def test_an_id_another_process_archived_after_the_index_was_read_is_still_taken(
    decade: tuple[Path, Records],
) -> None:
    """A record another process moved to the archive since this one last read the id index
    must still count as existing: otherwise an add here makes a second record with its id."""
    db, _ = decade
    Archive.of(Store(db)).move_finished(NOW, days=400)
    store = Store(db)
    store.add(Touch(id="tch_brandnew", kind="check_in", at=NOW, opportunity_id="opp_00000"))
    before = by_id(Store(db).active_records())
    assert Archive.of(Store(db)).move_finished(NOW) > 0  # another process moves more
    archived = by_id(Store(archive_path(db)).active_records())
    moved = next(
        r for name in ARCHIVED_TABLES for i, r in archived[name].items() if i in before[name]
    )
    with pytest.raises(InvalidField, match="already exists"):
        store.add(moved)


def test_many_adds_read_the_id_index_once_while_it_does_not_change(
    decade: tuple[Path, Records], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each add checks its id against the archive's index; an import of many rows must not
    read an index of thousands of ids once per row."""
    db, _ = decade
    Archive.of(Store(db)).move_finished(NOW)
    reads: list[Path] = []
    read_bytes = Path.read_bytes

    def counted(path: Path) -> bytes:
        reads.append(path)
        return read_bytes(path)

    monkeypatch.setattr(Path, "read_bytes", counted)
    store = Store(db)
    for number in range(5):
        touch = Touch(id=f"tch_new{number}", kind="check_in", at=NOW, opportunity_id="opp_00000")
        store.add(touch)
    assert Archive.of(store).loaded is None
    assert reads.count(index_path(db)) == 1


def test_looking_at_everything_again_with_nothing_changed_gives_the_same_records(
    decade: tuple[Path, Records],
) -> None:
    """Screens after the first reuse the engine's index of one snapshot (built once per
    Records object): a merge rebuilt on every look would re-index years of history each time."""
    db, _ = decade
    Archive.of(Store(db)).move_finished(NOW)
    store = Store(db)
    first = store.records()
    assert store.records() is first
    gone = Store(archive_path(db)).active_records().touches[0]
    Store(db).delete(Touch, gone.id)  # the archive alone changes
    again = store.records()
    assert again is not first and gone.id not in {t.id for t in again.touches}


def test_an_emptied_archive_gives_the_main_files_own_records(tmp_path: Path) -> None:
    """Once everything archived came back, every screen reads the very snapshot Today plans
    from, so the engine indexes it once for both."""
    old = Opportunity(
        id="opp_old", company="Old Co", stage="rejected", applied_on=NOW.subtract(days=900).date()
    )
    db = tmp_path / "db.json"
    store = Store(db, default_timezone=lambda: "UTC")
    store.add(old)
    archive = Archive.of(store)
    assert archive.move_finished(NOW) == 1
    assert archive.reopen(old.id)
    assert archive.exists and archive.archived() == Records()
    assert store.records() is store.active_records()
    assert store.records().opportunities == (old,)
