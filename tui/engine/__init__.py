"""The pure scheduling engine: plain records and ``now`` in, plans out.

It imports only the standard library, pendulum and holidays: no Textual, no Rich, no TinyDB,
and it never reads the clock. A test in a fresh interpreter holds it to that.
"""

from .errors import InvalidField
from .models import Contact, Interview, Opportunity, Records, Task, Touch
from .settings import Settings

__all__ = [
    "Contact",
    "Interview",
    "InvalidField",
    "Opportunity",
    "Records",
    "Settings",
    "Task",
    "Touch",
]
