"""Seeded mutation testing of the engine and the store: does a small wrong change fail a fast test?

Run from the checkout with the editable install (``pip install -e '.[test]'``)::

    nice -n 10 .venv/bin/python scripts/mutate.py                     # every module
    nice -n 10 .venv/bin/python scripts/mutate.py followups safefile  # some modules
    nice -n 10 .venv/bin/python scripts/mutate.py --per-module 25 --seed 20 --json out.json sandwich

Each mutant is one small change to one module, chosen from all the places the module offers
with a seeded random sample (``--seed``, ``--per-module``): flip a comparison (``<`` and ``<=``,
``==`` and ``!=``, ``in`` and ``not in``...), add or take 1 from a number, swap ``+``/``-``,
``and``/``or`` or ``min``/``max``, negate a condition, drop a statement, return None. The module's
file in the checkout is rewritten with the mutant, the fast tests that reach the module (engine,
store and unit tiers, the files that import it first) run with ``-x``, and the file is restored
afterwards, even on Ctrl-C. A mutant is *killed* when the tests fail, *timeout* when they run past
the per-mutant limit (that counts as killed: a hang fails CI by pytest-timeout too), *survived*
when they pass. Survivors judged equivalent (no behaviour can tell them apart) are listed with
the reason in ``scripts/mutants_equivalent.json`` and left out of the score.

The same seed and the same source give the same mutants, so a score can be compared run to run.
"""

from __future__ import annotations

import argparse
import ast
import json
import os
import random
import re
import signal
import subprocess
import sys
import time
import zlib
from collections.abc import Iterator
from dataclasses import asdict, dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("tui/engine", "tui/store")
TIERS = ("tests/engine", "tests/store", "tests/unit")
FALLBACK = ("tests/mail", "tests/exchange")  # for a module no fast tier reaches
# A module everything imports (models, text, when) is reached by twenty test files; each
# survivor would run them all. The nearest ten carry its rules.
MAX_FILES = 10
SUPPORT = ROOT / "tests" / "support"
EQUIVALENT = ROOT / "scripts" / "mutants_equivalent.json"
# Property tests run fewer examples per mutant; a wrong rule fails within the first few dozen.
EXAMPLES = "30"
# Only the plugins the fast tiers use: pytest's start-up is then a third of what it is with the
# Textual snapshot, xdist and asyncio plugins autoloaded, and it is paid once per mutant.
PLUGINS = ("pytest_timeout", "hypothesis.extra.pytestplugin")

FLIP_COMPARE: dict[type[ast.cmpop], type[ast.cmpop]] = {
    ast.Lt: ast.LtE,
    ast.LtE: ast.Lt,
    ast.Gt: ast.GtE,
    ast.GtE: ast.Gt,
    ast.Eq: ast.NotEq,
    ast.NotEq: ast.Eq,
    ast.In: ast.NotIn,
    ast.NotIn: ast.In,
    ast.Is: ast.IsNot,
    ast.IsNot: ast.Is,
}
FLIP_BINOP: dict[type[ast.operator], type[ast.operator]] = {
    ast.Add: ast.Sub,
    ast.Sub: ast.Add,
    ast.Mult: ast.FloorDiv,
    ast.FloorDiv: ast.Mult,
    ast.Div: ast.Mult,
    ast.Mod: ast.FloorDiv,
}


@dataclass(frozen=True)
class Mutant:
    """One change: replace the text between two positions of the module with another text."""

    module: str
    line: int
    col: int
    end_line: int
    end_col: int
    kind: str
    replacement: str
    original: str
    pointless: bool = False  # equivalent by construction: left out of every sample

    @property
    def label(self) -> str:
        """What changed, on one line."""
        before = " ".join(self.original.split())
        after = " ".join(self.replacement.split())
        if len(before) > 70:
            before = before[:67] + "..."
        if len(after) > 70:
            after = after[:67] + "..."
        return f"{self.kind}: {before!r} -> {after!r}"


def _segment(lines: list[str], node: ast.AST) -> str:
    """The source text of a node, from its positions."""
    start, end = node.lineno - 1, node.end_lineno - 1  # type: ignore[attr-defined]
    c0, c1 = node.col_offset, node.end_col_offset  # type: ignore[attr-defined]
    if start == end:
        return lines[start].encode()[c0:c1].decode()
    parts = [lines[start].encode()[c0:].decode()]
    parts += lines[start + 1 : end]
    parts.append(lines[end].encode()[:c1].decode())
    return "\n".join(parts)


def _skipped(tree: ast.Module) -> set[int]:
    """Ids of nodes not to mutate: annotations, docstrings, f-strings, imports, __all__."""
    skip: set[int] = set()

    def all_of(node: ast.AST) -> None:
        skip.update(id(n) for n in ast.walk(node))

    for node in ast.walk(tree):
        if isinstance(node, ast.JoinedStr):
            all_of(node)
        elif isinstance(node, ast.arg) and node.annotation is not None:
            all_of(node.annotation)
        elif isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            if node.returns is not None:
                all_of(node.returns)
        elif isinstance(node, ast.AnnAssign):
            all_of(node.annotation if node.value is not None else node)
        elif (
            (
                isinstance(node, ast.Assign)
                and any(isinstance(t, ast.Name) and t.id == "__all__" for t in node.targets)
            )
            or (isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test))
            or isinstance(node, ast.ImportFrom | ast.Import)
        ):
            all_of(node)
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef):
            body = node.body
            if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
                all_of(body[0])
    return skip


def candidates(module: str, source: str) -> list[Mutant]:
    """Every mutant the module offers, in source order."""
    tree = ast.parse(source)
    lines = source.split("\n")
    skip = _skipped(tree)
    found: list[Mutant] = []

    last_returns = {
        id(node.body[-1])
        for node in ast.walk(tree)
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef)
        and isinstance(node.body[-1], ast.Return)
    }

    decorators = {
        id(inner)
        for node in ast.walk(tree)
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef)
        for decorator in node.decorator_list
        for inner in ast.walk(decorator)
    }

    def add(node: ast.AST, kind: str, new: str) -> None:
        # Dropping a string statement (an attribute's docstring) or a function's final
        # `return None`, or changing a decorator's argument (a cache size), changes nothing a
        # test could see; they keep their place so the seeded order stays put.
        pointless = id(node) in decorators or (
            kind == "drop statement"
            and (
                (isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant))
                or (
                    id(node) in last_returns
                    and isinstance(node, ast.Return)
                    and (node.value is None or ast.unparse(node.value) == "None")
                )
            )
        )
        found.append(
            Mutant(
                module,
                node.lineno,
                node.col_offset,
                node.end_lineno or node.lineno,
                node.end_col_offset or 0,
                kind,
                new,
                _segment(lines, node),
                pointless,
            )
        )

    for node in ast.walk(tree):
        if id(node) in skip:
            continue
        if isinstance(node, ast.Compare):
            for i, op in enumerate(node.ops):
                flipped = FLIP_COMPARE.get(type(op))
                if flipped is None:
                    continue
                ops = list(node.ops)
                ops[i] = flipped()
                changed = ast.Compare(node.left, ops, node.comparators)
                add(node, "flip comparison", f"({ast.unparse(changed)})")
        elif isinstance(node, ast.Constant) and type(node.value) in (int, float):
            add(node, "constant +1", f"({node.value!r} + 1)")
            add(node, "constant -1", f"({node.value!r} - 1)")
        elif isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub):
            if isinstance(node.operand, ast.Constant) and type(node.operand.value) is int:
                value = -node.operand.value
                add(node, "constant +1", f"({value + 1})")
                add(node, "constant -1", f"({value - 1})")
        elif isinstance(node, ast.BinOp) and type(node.op) in FLIP_BINOP:
            changed_op = ast.BinOp(node.left, FLIP_BINOP[type(node.op)](), node.right)
            add(node, "swap arithmetic", f"({ast.unparse(changed_op)})")
        elif isinstance(node, ast.BoolOp):
            other = ast.Or() if isinstance(node.op, ast.And) else ast.And()
            add(node, "swap and/or", f"({ast.unparse(ast.BoolOp(other, node.values))})")
        elif (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Name)
            and node.func.id in ("min", "max")
        ):
            add(node.func, "swap min/max", "max" if node.func.id == "min" else "min")
        tested = isinstance(node, ast.If | ast.While | ast.IfExp | ast.Assert)
        if tested and id(node.test) not in skip:  # type: ignore[attr-defined]
            add(node.test, "negate condition", f"(not ({ast.unparse(node.test)}))")  # type: ignore[attr-defined]
        if (
            isinstance(node, ast.Return)
            and node.value is not None
            and not (isinstance(node.value, ast.Constant) and node.value.value is None)
        ):
            add(node, "return None", "return None")
        if isinstance(node, ast.stmt) and not isinstance(
            node,
            ast.FunctionDef
            | ast.AsyncFunctionDef
            | ast.ClassDef
            | ast.Pass
            | ast.Import
            | ast.ImportFrom
            | ast.Global
            | ast.Nonlocal,
        ):
            if node.lineno == 0 or _is_module_level(tree, node):
                continue
            add(node, "drop statement", "pass")
    found.sort(key=lambda m: (m.line, m.col, m.kind, m.replacement))
    return found


def _is_module_level(tree: ast.Module, node: ast.stmt) -> bool:
    """Module-level statements (constants, tables) are mutated inside, never dropped whole."""
    return any(node is top for top in tree.body)


def apply(source: str, mutant: Mutant) -> str:
    """The source with the mutant's span replaced (positions are in UTF-8 bytes per line)."""
    lines = source.split("\n")
    first = lines[mutant.line - 1].encode()
    last = lines[mutant.end_line - 1].encode()
    head = first[: mutant.col].decode()
    tail = last[mutant.end_col :].decode()
    replacement = mutant.replacement
    # A dropped statement of several lines becomes one `pass` on its first line.
    new_lines = [*lines[: mutant.line - 1], head + replacement + tail, *lines[mutant.end_line :]]
    return "\n".join(new_lines)


def sample(module: str, source: str, count: int, seed: int) -> list[Mutant]:
    """A seeded sample of the module's mutants that compile, in source order."""
    everything = candidates(module, source)
    rng = random.Random(seed * 1_000_003 + zlib.crc32(module.encode()))  # noqa: S311
    order = list(range(len(everything)))
    rng.shuffle(order)
    chosen: list[Mutant] = []
    for index in order:
        mutant = everything[index]
        if mutant.pointless:
            continue
        try:
            text = apply(source, mutant)
            compile(text, module, "exec")
        except (SyntaxError, UnicodeDecodeError):
            continue
        if text == source:
            continue
        chosen.append(mutant)
        if len(chosen) == count:
            break
    chosen.sort(key=lambda m: (m.line, m.col))
    return chosen


# --- which tests reach a module -------------------------------------------------------------

IMPORT = re.compile(
    r"^\s*(?:from\s+([\w.]+)\s+import\s+(\([^)]*\)|[\w, ]+)|import\s+([\w.]+))", re.M
)


def _imports(text: str, package: str = "") -> set[str]:
    """The tui modules and test-support modules a file names in its imports."""
    names: set[str] = set()
    for match in IMPORT.finditer(text):
        base, members, plain = match.groups()
        if plain:
            names.add(plain)
            continue
        if base.startswith("."):
            up = len(base) - len(base.lstrip("."))
            parts = package.split(".")
            parent = ".".join(parts[: len(parts) - (up - 1)]) if up > 1 else package
            rest = base.lstrip(".")
            base = f"{parent}.{rest}" if rest else parent
        names.add(base)
        for member in re.split(r"[,\s()]+", members or ""):
            if member:
                names.add(f"{base}.{member}")
    return names


def _graph() -> dict[str, set[str]]:
    """Module name -> the modules it imports, for tui/*, tests/support/* (bare names)."""
    graph: dict[str, set[str]] = {}
    for path in (ROOT / "tui").rglob("*.py"):
        rel = path.relative_to(ROOT).with_suffix("")
        name = ".".join(rel.parts)
        package = name.rsplit(".", 1)[0]
        if name.endswith(".__init__"):
            name = package
        graph[name] = _imports(path.read_text(encoding="utf-8"), package)
    for path in SUPPORT.glob("*.py"):
        graph[path.stem] = _imports(path.read_text(encoding="utf-8"))
    return graph


def _reach(start: set[str], graph: dict[str, set[str]]) -> dict[str, int]:
    """Every module reached from `start`, with its import distance."""
    distance = {name: 0 for name in start}
    frontier = list(start)
    while frontier:
        following: list[str] = []
        for name in frontier:
            for imported in graph.get(name, ()):
                if imported in graph and imported not in distance:
                    distance[imported] = distance[name] + 1
                    following.append(imported)
        frontier = following
    return distance


def tests_for(module: str) -> list[str]:
    """The fast test files nearest to `module` by imports (the nearest and the next ring out),
    the ones without hypothesis first: the tests of the module's own rules, not every test that
    happens to import something that imports it."""
    graph = _graph()
    ranked: list[tuple[int, int, str]] = []
    for tier in TIERS:
        ranked += _reaching(module, tier, graph)
    if not ranked:
        for tier in FALLBACK:
            ranked += _reaching(module, tier, graph)
    if not ranked:
        return []
    nearest = min(distance for distance, _, _ in ranked)
    ranked = [r for r in ranked if r[0] <= nearest + 1]
    stem = module.rsplit(".", 1)[-1]
    # The module's own test file first, then the nearest; at most MAX_FILES of them.
    tier = {"tests/unit": 0, "tests/engine": 1, "tests/store": 2}

    def near(r: tuple[int, int, str]) -> tuple[bool, int, int, int, str]:
        return (stem not in Path(r[2]).stem, r[0], r[1], tier.get(str(Path(r[2]).parent), 3), r[2])

    ranked.sort(key=near)
    chosen = ranked[:MAX_FILES]
    chosen.sort(key=lambda r: (stem not in Path(r[2]).stem, r[1], r[0], r[2]))
    return [name for _, _, name in chosen]


def _reaching(module: str, tier: str, graph: dict[str, set[str]]) -> list[tuple[int, int, str]]:
    """(import distance, uses hypothesis, file) of each test file of `tier` that reaches it."""
    ranked: list[tuple[int, int, str]] = []
    for path in sorted((ROOT / tier).glob("test_*.py")):
        text = path.read_text(encoding="utf-8")
        reached = _reach({n for n in _imports(text) if n in graph}, graph)
        if module in reached:
            heavy = 1 if "hypothesis" in text else 0
            ranked.append((reached[module], heavy, str(path.relative_to(ROOT))))
    return ranked


# --- running ----------------------------------------------------------------------------------


def run_tests(files: list[str], timeout: float) -> tuple[str, float]:
    """'passed', 'failed' or 'timeout', and the seconds it took."""
    env = dict(os.environ, NOWWHAT_HYPOTHESIS_EXAMPLES=EXAMPLES, PYTEST_DISABLE_PLUGIN_AUTOLOAD="1")
    command = [
        sys.executable,
        "-m",
        "pytest",
        "-x",
        "-q",
        "-p",
        "no:randomly",
        "-p",
        "no:cacheprovider",
        *(arg for plugin in PLUGINS for arg in ("-p", plugin)),
        "-W",
        "ignore::pytest.PytestConfigWarning",
        "-m",
        "not slow and not e2e",
        "-o",
        f"timeout={int(timeout) + 5}",
        *files,
    ]
    started = time.monotonic()
    process = subprocess.Popen(
        command,
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    try:
        code = process.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()
        return "timeout", time.monotonic() - started
    except BaseException:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()
        raise
    return ("passed" if code == 0 else "failed"), time.monotonic() - started


@dataclass
class Result:
    """What one mutant did."""

    file: str
    line: int
    kind: str
    label: str
    outcome: str
    seconds: float


def module_path(name: str) -> Path:
    """tui/engine/NAME.py or tui/store/NAME.py (or a path as given)."""
    if name.endswith(".py"):
        return (ROOT / name).resolve()
    for package in PACKAGES:
        path = ROOT / package / f"{name}.py"
        if path.exists():
            return path
    raise SystemExit(f"no module {name!r} in {', '.join(PACKAGES)}")


def all_modules() -> Iterator[Path]:
    """Every engine and store module with code in it."""
    for package in PACKAGES:
        for path in sorted((ROOT / package).glob("*.py")):
            if path.name != "__init__.py":
                yield path


def equivalent() -> dict[tuple[str, int, str], str]:
    """(file, line, label) -> why the mutant cannot be told apart from the original."""
    if not EQUIVALENT.exists():
        return {}
    rows = json.loads(EQUIVALENT.read_text(encoding="utf-8"))
    return {(r["file"], r["line"], r["label"]): r["reason"] for r in rows}


def mutate_module(path: Path, count: int, seed: int, verbose: bool) -> list[Result]:
    """Run `count` seeded mutants of one module; the file is always restored."""
    rel = str(path.relative_to(ROOT))
    module = ".".join(path.relative_to(ROOT).with_suffix("").parts)
    files = tests_for(module)
    original = path.read_bytes()
    stamp = path.stat().st_mtime_ns
    source = original.decode("utf-8")
    if not files:
        print(f"{rel}: no fast test reaches it", flush=True)
        return []
    baseline, seconds = run_tests(files, timeout=900)
    if baseline != "passed":
        raise SystemExit(f"{rel}: the tests fail before any mutation ({baseline}); fix that first")
    limit = max(30.0, 3 * seconds + 10)
    heading = f"{rel}: {len(files)} test files, {seconds:.0f}s unmutated, {limit:.0f}s limit"
    print(heading, flush=True)
    results: list[Result] = []
    try:
        for number, mutant in enumerate(sample(rel, source, count, seed), start=1):
            path.write_text(apply(source, mutant), encoding="utf-8")
            # A stamp of its own: a cached .pyc of an earlier mutant of the same size never matches.
            unique = stamp + number * 1_000_000_000
            os.utime(path, ns=(unique, unique))
            outcome, took = run_tests(files, timeout=limit)
            _restore(path, original, stamp)
            result = Result(rel, mutant.line, mutant.kind, mutant.label, outcome, round(took, 1))
            results.append(result)
            if verbose or outcome == "passed":
                word = {"passed": "SURVIVED", "failed": "killed", "timeout": "timeout"}[outcome]
                print(f"  {word:8} {rel}:{mutant.line} {mutant.label}", flush=True)
    finally:
        _restore(path, original, stamp)
    return results


def _restore(path: Path, original: bytes, stamp: int) -> None:
    """Put the module back as it was, bytes and time stamp."""
    path.write_bytes(original)
    os.utime(path, ns=(stamp, stamp))


def table(results: list[Result]) -> str:
    """Per module: sampled, killed, timeout, survived, equivalent, score; then the survivors."""
    known = equivalent()
    rows = ["| module | sampled | killed | timeout | survived | equivalent | score |"]
    rows.append("| --- | ---: | ---: | ---: | ---: | ---: | ---: |")
    lines: list[str] = []
    for file in sorted({r.file for r in results}):
        mine = [r for r in results if r.file == file]
        killed = sum(r.outcome == "failed" for r in mine)
        hung = sum(r.outcome == "timeout" for r in mine)
        lived = [r for r in mine if r.outcome == "passed"]
        excused = [r for r in lived if (r.file, r.line, r.label) in known]
        scored = len(mine) - len(excused)
        score = 100 * (killed + hung) / scored if scored else 100.0
        rows.append(
            f"| `{file}` | {len(mine)} | {killed} | {hung} | {len(lived)} | {len(excused)} "
            f"| {score:.0f}% |"
        )
        lines += [
            f"- `{r.file}:{r.line}` {r.label}"
            + (" (equivalent)" if (r.file, r.line, r.label) in known else "")
            for r in lived
        ]
    return "\n".join([*rows, "", "Survivors:", "", *lines])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("modules", nargs="*", help="engine/store module names (default: all)")
    parser.add_argument("--per-module", type=int, default=20, help="mutants sampled per module")
    parser.add_argument("--seed", type=int, default=20)
    parser.add_argument("--json", type=Path, help="append every result to this JSON file")
    parser.add_argument("-v", "--verbose", action="store_true", help="print killed mutants too")
    parser.add_argument(
        "--table", type=Path, help="print a results file (--json) as a Markdown table; run nothing"
    )
    args = parser.parse_args()
    if args.table:
        print(table([Result(**r) for r in json.loads(args.table.read_text(encoding="utf-8"))]))
        return 0
    paths = [module_path(m) for m in args.modules] if args.modules else list(all_modules())
    known = equivalent()
    everything: list[Result] = []
    if args.json and args.json.exists():
        everything = [Result(**r) for r in json.loads(args.json.read_text(encoding="utf-8"))]
    exit_code = 0
    for path in paths:
        results = mutate_module(path, args.per_module, args.seed, args.verbose)
        rel = str(path.relative_to(ROOT))
        everything = [r for r in everything if r.file != rel] + results
        if args.json:
            args.json.write_text(json.dumps([asdict(r) for r in everything], indent=1) + "\n")
        killed = sum(r.outcome == "failed" for r in results)
        hung = sum(r.outcome == "timeout" for r in results)
        lived = [r for r in results if r.outcome == "passed"]
        excused = [r for r in lived if (r.file, r.line, r.label) in known]
        scored = len(results) - len(excused)
        score = 100 * (killed + hung) / scored if scored else 100.0
        print(
            f"{rel}: killed {killed}, timeout {hung}, survived {len(lived)} "
            f"({len(excused)} equivalent) of {len(results)}: score {score:.0f}%",
            flush=True,
        )
        if score < 85:
            exit_code = 1
    return exit_code


def _interrupt(signum: int, frame: object) -> None:
    raise KeyboardInterrupt


if __name__ == "__main__":
    # Started in the background SIGINT may be ignored; a TERM must restore the module too.
    signal.signal(signal.SIGINT, _interrupt)
    signal.signal(signal.SIGTERM, _interrupt)
    try:
        sys.exit(main())
    except KeyboardInterrupt:
        print("interrupted; the module was restored", file=sys.stderr)
        sys.exit(130)
