"""Storage that loses nothing: a locked, atomic TinyDB file of nowwhat records."""

from .errors import (
    Conflict,
    DatabaseBusy,
    DiskError,
    NotFound,
    StoreError,
    UnreadableDatabase,
)
from .repository import Store

__all__ = [
    "Conflict",
    "DatabaseBusy",
    "DiskError",
    "NotFound",
    "Store",
    "StoreError",
    "UnreadableDatabase",
]
