"""Storage that loses nothing: a locked, atomic TinyDB file of nowwhat records."""

from .errors import Conflict, DatabaseBusy, NotFound, StoreError, UnreadableDatabase
from .repository import Store

__all__ = ["Conflict", "DatabaseBusy", "NotFound", "Store", "StoreError", "UnreadableDatabase"]
