"""The store's own bookkeeping: document numbers as TinyDB gives them, deletes of what is not
there, and a write that decodes only what it changed (what keeps writes cheap in a large file)."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest
from tinydb import Query

from tui.engine.models import Task
from tui.store import NotFound, Store, repository


def _doc_ids(path: Path, table: str) -> list[str]:
    return list(json.loads(path.read_text())[table])


def test_document_numbers_are_the_ones_tinydb_itself_would_give(tmp_path: Path) -> None:
    """The file stays a TinyDB file that the previous version and TinyDB's own tools read as
    they wrote it: documents numbered 1, 2, 3 …, a new one numbered after the highest in the
    file (so a deleted number in the middle is not given again). Run the same adds, deletes and
    restarts through the store and through plain TinyDB; the numbers agree."""
    from tinydb import TinyDB

    from tui.store.documents import to_document

    ours, theirs_path = tmp_path / "ours.json", tmp_path / "theirs.json"
    tasks = [Task(id=f"tsk_{n:08d}", title=f"task {n}") for n in range(1, 6)]
    theirs = TinyDB(theirs_path).table("tasks")
    Store(ours).add(tasks[0])
    theirs.insert(to_document(tasks[0]))
    Store(ours).add_all(tasks[1:3])
    theirs.insert_multiple([to_document(t) for t in tasks[1:3]])
    Store(ours).delete(Task, tasks[1].id)  # the middle one: 1 and 3 are left
    theirs.remove(Query().id == tasks[1].id)
    store, theirs = Store(ours), TinyDB(theirs_path).table("tasks")  # both start afresh
    store.add(tasks[3])
    theirs.insert(to_document(tasks[3]))
    store.add_all(tasks[4:])
    theirs.insert_multiple([to_document(t) for t in tasks[4:]])
    assert _doc_ids(ours, "tasks") == _doc_ids(theirs_path, "tasks") == ["1", "3", "4", "5"]


def test_an_add_never_overwrites_a_document_whatever_its_counter_says(tmp_path: Path) -> None:
    """Defence in depth: if the next number were ever behind the file, the add moves on to a
    free one instead of writing over a document."""

    store = Store(tmp_path / "db.json")
    store.add_all([Task(id="tsk_00000001", title="first"), Task(id="tsk_00000002", title="second")])
    for add in (store.add, lambda task: store.add_all([task])):
        store._next_doc_ids["tasks"] = 1
        add(Task(id=f"tsk_0000000{len(store.records().tasks) + 1}", title="new"))
    titles = sorted(t.title for t in Store(tmp_path / "db.json").records().tasks)
    assert titles == ["first", "new", "new", "second"]
    assert _doc_ids(tmp_path / "db.json", "tasks") == ["1", "2", "3", "4"]


def test_deleting_a_record_that_is_not_there_says_so_and_changes_nothing(
    store: Store, db_path: Path
) -> None:

    store.add(Task(id="tsk_00000001", title="keep me"))
    before = db_path.read_bytes()
    with pytest.raises(NotFound, match="no task with id tsk_99999999"):
        store.delete(Task, "tsk_99999999")
    assert db_path.read_bytes() == before


def test_a_write_decodes_only_the_record_it_changed(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    """What keeps a write cheap in a large database: after one add or edit, the next read
    decodes that one document, not the whole table again."""

    store.add_all([Task(id=f"tsk_{n:08d}", title=f"task {n}") for n in range(200)])
    assert len(store.records().tasks) == 200
    decoded: list[str] = []
    real = repository.from_document

    def counting(cls: type, document: dict[str, object]) -> object:
        decoded.append(str(document.get("id")))
        return real(cls, document)

    monkeypatch.setattr(repository, "from_document", counting)
    store.add(Task(id="tsk_new00000", title="one more"))
    assert len(store.records().tasks) == 201
    edited = dataclasses.replace(store.get(Task, "tsk_00000007"), title="edited")
    store.put(edited)
    assert [t.title for t in store.records().tasks if t.id == "tsk_00000007"] == ["edited"]
    assert decoded == ["tsk_new00000", "tsk_00000007"]
