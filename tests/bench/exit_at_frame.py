"""Run a Textual program and end it the moment its first frame is written (for callgrind).

``python exit_at_frame.py MARKER nowwhat ARGS...`` runs the nowwhat console script's ``main``
with ``ARGS``; ``python exit_at_frame.py MARKER SCRIPT.py`` runs a script. Once the output
written so far holds ``MARKER``, the process flushes and exits (``os._exit``), so an
instruction count covers exactly process start to the first frame, with nothing after it.
Textual is patched as it is imported, not imported here first: the program's own start-up
(the cycle collector paused by the console script, lazy imports) is measured as it is.
"""

from __future__ import annotations

import importlib.abc
import importlib.machinery
import os
import runpy
import sys
from typing import Any

MODULE = "textual.drivers._writer_thread"


def _patch(module: Any, marker: str) -> None:
    seen = ""

    class Watched:
        def __init__(self, file: Any) -> None:
            self._file = file

        def write(self, text: str) -> int:
            nonlocal seen
            written = self._file.write(text)
            seen = (seen + text)[-(len(marker) + 1 << 12) :]
            if marker in seen:
                self._file.flush()
                os._exit(0)
            return written  # type: ignore[no-any-return]

        def __getattr__(self, name: str) -> Any:
            return getattr(self._file, name)

    original = module.WriterThread.__init__

    def init(self: Any, file: Any) -> None:
        original(self, Watched(file))

    module.WriterThread.__init__ = init


class _Finder(importlib.abc.MetaPathFinder):
    def __init__(self, marker: str) -> None:
        self.marker = marker

    def find_spec(self, name: str, path: Any, target: Any = None) -> Any:
        if name != MODULE:
            return None
        sys.meta_path.remove(self)
        spec = importlib.machinery.PathFinder.find_spec(name, path)
        if spec is None or spec.loader is None:
            return spec
        loader = spec.loader
        marker = self.marker

        class Loader(importlib.abc.Loader):
            def create_module(self, spec: Any) -> Any:
                return loader.create_module(spec)

            def exec_module(self, module: Any) -> None:
                loader.exec_module(module)
                _patch(module, marker)

        spec.loader = Loader()
        return spec


def main() -> None:
    marker, program, *args = sys.argv[1:]
    sys.meta_path.insert(0, _Finder(marker))
    if program == "nowwhat":
        from tui.launch import main as run

        sys.argv = ["nowwhat", *args]
        sys.exit(run())
    sys.argv = [program, *args]
    runpy.run_path(program, run_name="__main__")


if __name__ == "__main__":
    main()
