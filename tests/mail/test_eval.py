"""The benchmark script reads a corpus laid out as the blind ones are, and says what it used."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

from mail_corpus import DATA, TUNING, labels

SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "mail_eval.py"
NAMES = ["001-greenhouse-ack-quillstone.eml", "051-dana-reply-still-deciding.eml"]


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(SCRIPT), *args], capture_output=True, text=True, check=False
    )


def test_a_flat_corpus_with_its_own_world_is_measured(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    every = labels()
    for name in NAMES:
        shutil.copyfile(TUNING / "messages" / name, corpus / name)
    # labels keyed by the path under the corpus, as some writers do; the world beside them
    (corpus / "labels.json").write_text(json.dumps({f"messages/{n}": every[n] for n in NAMES}))
    shutil.copyfile(DATA / "world.json", corpus / "world.json")
    done = _run(str(corpus))
    assert done.returncode == 0, done.stderr
    assert "2 labelled messages, 2 read" in done.stdout
    assert f"world: {corpus / 'world.json'}" in done.stdout
    assert "verdict accuracy: 2/2" in done.stdout
    assert "precision 1.0 of what is applied without review: 1.00 (1/1) met" in done.stdout


def test_a_folder_without_labels_is_one_line_and_exit_2(tmp_path: Path) -> None:
    done = _run(str(tmp_path))
    assert done.returncode == 2
    assert done.stderr.strip() == f"{tmp_path}: no labels.json there"
