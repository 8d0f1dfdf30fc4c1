"""The daily backups on their own: one copy a day of the file as the day found it, the newest
fourteen kept, and nothing made for a database that does not exist yet."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from tui.store.backups import backup_daily, backup_folder, backups_of


def test_one_backup_a_day_of_the_file_as_the_day_found_it_and_the_newest_fourteen_kept(
    tmp_path: Path,
) -> None:
    db = tmp_path / "nowwhat.json"
    first = dt.date(2026, 11, 1)
    for n in range(16):
        db.write_text(f'{{"day": {n}}}')
        made = backup_daily(db, first + dt.timedelta(days=n))
        assert made is not None and made.read_text() == f'{{"day": {n}}}'
    db.write_text('{"day": "later the same day"}')
    assert backup_daily(db, first + dt.timedelta(days=15)) is None
    kept = backups_of(db)
    assert [p.name for p in kept] == [
        f"nowwhat-{(first + dt.timedelta(days=n)).isoformat()}.json" for n in range(2, 16)
    ]
    assert kept[-1].read_text() == '{"day": 15}'


def test_a_database_not_yet_written_has_nothing_to_back_up(tmp_path: Path) -> None:
    db = tmp_path / "nowwhat.json"
    assert backup_daily(db, dt.date(2026, 11, 1)) is None
    assert not backup_folder(db).exists()
