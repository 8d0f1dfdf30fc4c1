"""Errors the store raises; each carries a message fit to show the person as is."""

from __future__ import annotations

from pathlib import Path

__all__ = ["Conflict", "DatabaseBusy", "NotFound", "StoreError", "UnreadableDatabase"]


class StoreError(Exception):
    """Something about the database file that the person must be told about."""


class UnreadableDatabase(StoreError):
    """The file exists but cannot be used; it is left exactly as it is."""

    def __init__(self, path: Path, problem: str) -> None:
        self.path = path
        self.problem = problem
        super().__init__(f"cannot use {path}: {problem}. The file was left unchanged.")


class DatabaseBusy(StoreError):
    """Another process held the lock for longer than we are willing to wait."""

    def __init__(self, path: Path, seconds: float) -> None:
        self.path = path
        super().__init__(
            f"{path} is locked by another nowwhat process (waited {seconds:g} s); "
            "nothing was changed"
        )


class NotFound(StoreError):
    """No record with that id (it may have been deleted by another session)."""


class Conflict(StoreError):
    """The record changed in another session since it was read; nothing was overwritten."""

    def __init__(self, table: str, record_id: str) -> None:
        self.table = table
        self.record_id = record_id
        super().__init__(
            f"{record_id} in {table} was changed by another session since you opened it"
        )
