"""How well the tone check does on a labelled set of drafts: accuracy, recall, precision, speed.

Used by ``scripts/tone_eval.py`` and by the tests that hold the check to its measured figures. A
set is a JSON list of ``{"id", "label": "calm"|"frustrated", "text", "note"}`` (the older
``{"drafts": [...]}`` file is read too).
"""

from __future__ import annotations

import json
import time
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from .engine.tone import Lexicon, check_tone
from .lexicon import shipped_lexicon

__all__ = ["figures", "load_drafts", "set_files", "tone_figures"]

LABELS = ("calm", "frustrated")


def set_files(paths: Iterable[Path | str]) -> list[Path]:
    """The labelled sets named: a file as it is, a folder as its ``.json``/``.jsonl`` files."""
    files: list[Path] = []
    for path in map(Path, paths):
        if path.is_dir():
            files += sorted(p for p in path.iterdir() if p.suffix in (".json", ".jsonl"))
        else:
            files.append(path)
    return files


def load_drafts(path: Path | str) -> list[dict[str, Any]]:
    """The drafts of one labelled set; a draft without a known label is an error that names it.

    A set is a JSON list of drafts, ``{"drafts": [...]}``, or JSON Lines (one draft a line).
    """
    text = Path(path).read_text(encoding="utf-8")
    try:
        data = json.loads(text)
    except json.JSONDecodeError:
        data = [json.loads(line) for line in text.splitlines() if line.strip()]
    drafts = data["drafts"] if isinstance(data, Mapping) else data
    for number, draft in enumerate(drafts):
        if draft.get("label") not in LABELS or not isinstance(draft.get("text"), str):
            raise ValueError(f"{path}: draft {draft.get('id', number)} has no label or text")
    return list(drafts)


def _ratio(part: int, whole: int) -> float:
    return part / whole if whole else float("nan")


def figures(drafts: Iterable[Mapping[str, Any]], lexicon: Lexicon | None = None) -> dict[str, Any]:
    """Size, accuracy, frustrated recall and precision, calm precision, ms per draft, the misses.

    Calm precision is the share of drafts the check lets pass that really are calm: what a user
    relies on when the check says "reads as calm".
    """
    lexicon = lexicon or shipped_lexicon()
    true_f = false_f = true_c = false_c = 0
    missed: list[str] = []
    wrongly: list[str] = []
    started = time.perf_counter()
    size = 0
    for number, draft in enumerate(drafts):
        size += 1
        flagged = check_tone(draft["text"], lexicon).frustrated
        name = str(draft.get("id", number))
        if draft["label"] == "frustrated":
            true_f += flagged
            false_c += not flagged
            if not flagged:
                missed.append(name)
        else:
            false_f += flagged
            true_c += not flagged
            if flagged:
                wrongly.append(name)
    elapsed = time.perf_counter() - started
    return {
        "size": size,
        "calm": true_c + false_f,
        "frustrated": true_f + false_c,
        "accuracy": _ratio(true_f + true_c, size),
        "frustrated_recall": _ratio(true_f, true_f + false_c),
        "calm_precision": _ratio(true_c, true_c + false_c),
        "frustrated_precision": _ratio(true_f, true_f + false_f),
        "calm_recall": _ratio(true_c, true_c + false_f),
        "ms_per_draft": 1000 * elapsed / size if size else float("nan"),
        "missed": missed,
        "wrongly_flagged": wrongly,
    }


def tone_figures(path: Path | str, lexicon: Lexicon | None = None) -> dict[str, Any]:
    """The figures of the shipped check (or ``lexicon``) on the labelled set at ``path``."""
    return figures(load_drafts(path), lexicon)
