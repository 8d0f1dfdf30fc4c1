"""Measure the mail reader: verdicts and matches on labelled corpora, and the speed of a big scan.

Usage (from the checkout)::

    .venv/bin/python scripts/mail_eval.py tests/mail/data/tuning [more corpora...]
    .venv/bin/python scripts/mail_eval.py --speed            # the 20,000-message Maildir
    .venv/bin/python scripts/mail_eval.py CORPUS --errors     # list what it got wrong
    .venv/bin/python scripts/mail_eval.py CORPUS --world WORLD.json

A corpus is a folder with ``messages/*.eml`` (or the ``.eml`` files themselves) and
``labels.json``: file name -> ``{verdict, direction, company, opportunity}`` (+ ``sent_kind``).
Each corpus is scanned into a fresh database built from the world it was written against —
``--world``, else a ``world.json`` in the corpus folder, else tests/mail/data/world.json — exactly
as ``nowwhat mail scan`` does, and compared with its labels: precision and recall per verdict,
the sent-mail kinds, match accuracy (the opportunity id), the precision of what was applied
without review, and the issue's targets, met or not. Nothing is asserted: it prints.
"""

from __future__ import annotations

import argparse
import collections
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import pendulum

HERE = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(HERE / "tests" / "support"))

from mail_world import load_world, world_store  # noqa: E402

from tui.mail.rules import load_rules  # noqa: E402
from tui.mail.scan import Outcome, Scan  # noqa: E402
from tui.mail.sources import MailboxSource  # noqa: E402

VERDICTS = (
    "interview_invite",
    "next_round",
    "rejected",
    "offer",
    "acknowledgement",
    "reply",
    "sent",
    "unrelated",
)
FINAL = {"rejected", "offer", "interview_invite", "next_round"}
NOW = pendulum.datetime(2026, 12, 2, 9, 0, tz="America/New_York")


def messages_of(corpus: Path) -> Path:
    """Where a corpus keeps its messages: ``messages/``, else the folder itself."""
    inner = corpus / "messages"
    return inner if inner.is_dir() else corpus


def world_of(corpus: Path, given: Path | None) -> Path:
    """The world a corpus is matched against: the one given, its own, or the shipped one."""
    if given is not None:
        return given
    own = corpus / "world.json"
    return own if own.is_file() else HERE / "tests/mail/data/world.json"


def scan_corpus(corpus: Path, world: dict[str, Any], folder: Path) -> dict[str, Outcome]:
    store = world_store(folder / "nowwhat.json", world)
    scan = Scan(store, NOW, load_rules())
    outcomes: dict[str, Outcome] = {}
    for batch in scan.run([MailboxSource(str(messages_of(corpus)))]):
        for outcome in batch:
            outcomes[Path(outcome.name).name] = outcome
    for problem in scan.problems:
        print(f"  skipped: {problem}", file=sys.stderr)
    return outcomes


def _ratio(a: int, b: int) -> str:
    return f"{a / b:.2f}" if b else "—"


def load_labels(corpus: Path) -> dict[str, dict[str, Any]]:
    """The labels by file name (``messages/a001.eml`` and ``a001.eml`` alike), each with every
    key the figures read (a missing one is None)."""
    raw = json.loads((corpus / "labels.json").read_text(encoding="utf-8"))
    labels: dict[str, dict[str, Any]] = {}
    for name, label in raw.items():
        entry = {k: label.get(k) for k in ("verdict", "direction", "company", "opportunity")}
        entry["sent_kind"] = label.get("sent_kind")
        labels[Path(name).name] = entry
    return labels


def evaluate(corpus: Path, world_path: Path, *, errors: bool) -> None:
    labels = load_labels(corpus)
    world = load_world(world_path)
    with tempfile.TemporaryDirectory() as folder:
        outcomes = scan_corpus(corpus, world, Path(folder))
    missing = [name for name in labels if name not in outcomes]
    print(f"\n## {corpus} — {len(labels)} labelled messages, {len(outcomes)} read")
    print(f"world: {world_path}")
    if missing:
        print(f"  not read: {', '.join(missing)}")
    unlabelled = sorted(name for name in outcomes if name not in labels)
    if unlabelled:
        print(f"  read but not labelled (left out of the figures): {', '.join(unlabelled)}")
    strange = sorted({str(lab["verdict"]) for lab in labels.values()} - set(VERDICTS))
    if strange:
        print(f"  labels with a verdict not among the eight: {', '.join(strange)}")
    rows = []
    confusion: collections.Counter[tuple[str, str]] = collections.Counter()
    for verdict in VERDICTS:
        truth = {n for n, lab in labels.items() if lab["verdict"] == verdict}
        said = {n for n, o in outcomes.items() if n in labels and o.verdict == verdict}
        hit = len(truth & said)
        rows.append((verdict, len(truth), len(said), hit))
    for name, label in labels.items():
        outcome = outcomes.get(name)
        if outcome is not None:
            confusion[(label["verdict"], outcome.verdict)] += 1
    print()
    print("| verdict | labelled | said | right | precision | recall |")
    print("|---|---:|---:|---:|---:|---:|")
    for verdict, truth, said, hit in rows:
        print(
            f"| {verdict} | {truth} | {said} | {hit} | {_ratio(hit, said)} | {_ratio(hit, truth)} |"
        )
    right = sum(
        1 for n, lab in labels.items() if n in outcomes and outcomes[n].verdict == lab["verdict"]
    )
    print(f"\nverdict accuracy: {right}/{len(labels)} = {_ratio(right, len(labels))}")
    # the sent mail's kinds
    sent = [n for n, lab in labels.items() if lab["verdict"] == "sent" and n in outcomes]
    kinds = sum(
        1
        for n in sent
        if outcomes[n].verdict == "sent" and outcomes[n].sent_kind == labels[n].get("sent_kind")
    )
    print(
        f"sent-mail kind (thank_you/check_in/...): {kinds}/{len(sent)} = {_ratio(kinds, len(sent))}"
    )
    # the match
    about = [n for n, lab in labels.items() if lab["verdict"] != "unrelated" and n in outcomes]
    matched = sum(1 for n in about if outcomes[n].opportunity == labels[n]["opportunity"])
    company = sum(1 for n in about if outcomes[n].company == labels[n]["company"])
    print(
        f"match accuracy (opportunity id, messages not unrelated): {matched}/{len(about)} = "
        f"{_ratio(matched, len(about))}; company: {company}/{len(about)} = "
        f"{_ratio(company, len(about))}"
    )
    direction = sum(
        1 for n in labels if n in outcomes and outcomes[n].direction == labels[n]["direction"]
    )
    print(f"direction: {direction}/{len(labels)} = {_ratio(direction, len(labels))}")
    # what was applied without review
    applied = [n for n in labels if n in outcomes and outcomes[n].action == "applied"]
    good = [
        n
        for n in applied
        if outcomes[n].verdict == labels[n]["verdict"]
        and outcomes[n].opportunity == labels[n]["opportunity"]
    ]
    final_applied = [
        n for n in applied if outcomes[n].verdict in FINAL and not _invite_move(outcomes[n])
    ]
    final_wrong = [n for n in final_applied if n not in good]
    print(
        f"applied without review: {len(applied)}; right (verdict and opportunity): {len(good)} "
        f"= precision {_ratio(len(good), len(applied))}"
    )
    kind_good = [
        n
        for n in good
        if labels[n]["verdict"] != "sent" or outcomes[n].sent_kind == labels[n]["sent_kind"]
    ]
    print(
        f"  of them right with the sent-mail kind too (the touch logged): {len(kind_good)} = "
        f"{_ratio(len(kind_good), len(applied))}"
    )
    right_final = len(final_applied) - len(final_wrong)
    shown = _ratio(right_final, len(final_applied)) if final_applied else "1.00 (none applied)"
    print(
        f"final verdicts applied without review: {len(final_applied)} "
        f"(wrongly: {len(final_wrong)}); precision of final verdicts applied: {shown}"
    )
    actions = collections.Counter(o.action for n, o in outcomes.items() if n in labels)
    print("actions: " + ", ".join(f"{k} {v}" for k, v in sorted(actions.items())))
    recall = {verdict: (hit, truth) for verdict, truth, _, hit in rows}
    print("\ntargets (issue 16):")
    for verdict in ("reply", "rejected", "interview_invite"):
        hit, truth = recall[verdict]
        met = truth == 0 or hit / truth >= 0.9
        print(
            f"  recall {verdict} >= 0.9: {_ratio(hit, truth)} ({hit}/{truth}) "
            f"{'met' if met else 'NOT met'}"
        )
    met = not about or matched / len(about) >= 0.95
    print(f"  match accuracy >= 0.95: {_ratio(matched, len(about))} {'met' if met else 'NOT met'}")
    wrong_final = [n for n in final_wrong if outcomes[n].verdict in {"rejected", "offer"}]
    print(
        f"  no rejection or offer applied wrongly: {len(wrong_final)} wrongly "
        f"{'met' if not wrong_final else 'NOT met'}"
    )
    print(
        f"  precision 1.0 of what is applied without review: {_ratio(len(good), len(applied))} "
        f"({len(good)}/{len(applied)}) {'met' if len(good) == len(applied) else 'NOT met'}"
    )
    if errors:
        print("\nwrong:")
        for name, label in labels.items():
            outcome = outcomes.get(name)
            if outcome is None:
                continue
            bad = []
            if outcome.verdict != label["verdict"]:
                bad.append(f"verdict {outcome.verdict} (label {label['verdict']})")
            if label["verdict"] != "unrelated" and outcome.opportunity != label["opportunity"]:
                bad.append(f"opportunity {outcome.opportunity} (label {label['opportunity']})")
            if label["verdict"] == "sent" and outcome.sent_kind != label.get("sent_kind"):
                bad.append(f"kind {outcome.sent_kind} (label {label.get('sent_kind')})")
            if outcome.action == "applied" and bad:
                bad.append("APPLIED")
            if bad:
                print(f"  {name}: {'; '.join(bad)} — {outcome.reason} [{outcome.match}]")


def _invite_move(outcome: Outcome) -> bool:
    """A later invitation moving an interview already accepted is applied by design."""
    return outcome.verdict == "interview_invite" and "moves" in outcome.reason


# -- speed ----------------------------------------------------------------------------------------

FILLER = (
    "Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt "
    "ut labore et dolore magna aliqua. "
)


def _synthetic(index: int, rng: random.Random, templates: list[bytes]) -> bytes:
    """One message of a realistic inbox: mostly newsletters, shop mail and friends; some job mail
    (from the tuning corpus, made unique); a few large HTML messages and attachments."""
    roll = rng.random()
    if roll < 0.08 and templates:
        raw = rng.choice(templates)
        head, _, body = raw.partition(b"\n\n")
        lines = [line for line in head.split(b"\n") if not line.lower().startswith(b"message-id:")]
        lines.append(f"Message-ID: <synthetic-{index}@bench.example>".encode())
        return b"\n".join(lines) + b"\n\n" + body
    # A thousand senders: a real inbox repeats its senders, but not just four of them.
    senders = [
        f"news{n}@{('shop', 'paper', 'club', 'bank')[n % 4]}{n % 250}.example" for n in range(1000)
    ]
    size = 40 if roll > 0.05 else 4000  # a few messages are big
    body = (FILLER * rng.randint(5, size)).encode()
    subject = f"Weekly digest {index}"
    return (
        (
            f"From: Sender <{rng.choice(senders)}>\nTo: sam.rivera@fastmail.example\n"
            f"Subject: {subject}\nDate: Tue, 10 Nov 2026 09:{index % 60:02d}:00 -0500\n"
            f"Message-ID: <bulk-{index}@bench.example>\nMIME-Version: 1.0\n"
            "Content-Type: text/html; charset=utf-8\nList-Unsubscribe: <https://x.example/u>\n\n"
            "<html><body><p>"
        ).encode()
        + body
        + b"</p></body></html>\n"
    )


def make_maildir(folder: Path, count: int, attachment: int = 0) -> None:
    """``count`` messages; with ``attachment``, each carries that many bytes of attachment."""
    rng = random.Random(16)  # noqa: S311 - a reproducible test folder, not a secret
    templates = [
        p.read_bytes() for p in sorted((HERE / "tests/mail/data/tuning/messages").glob("*.eml"))
    ]
    for sub in ("cur", "new", "tmp"):
        (folder / sub).mkdir(parents=True, exist_ok=True)
    for index in range(count):
        name = f"{1700000000 + index}.M{index}P1.bench:2,S"
        data = _synthetic(index, rng, templates)
        if attachment:
            data = _with_attachment(data, attachment)
        (folder / "cur" / name).write_bytes(data)


def _with_attachment(data: bytes, size: int) -> bytes:
    """The message as multipart/mixed with a base64 attachment of ``size`` bytes."""
    import base64

    head, _, body = data.partition(b"\n\n")
    lines = [x for x in head.split(b"\n") if not x.lower().startswith((b"content-", b"mime-"))]
    payload = base64.encodebytes(random.Random(size).randbytes(size))  # noqa: S311
    return (
        b"\n".join(lines)
        + b"\nMIME-Version: 1.0\nContent-Type: multipart/mixed; boundary=BOUND\n\n"
        + b"--BOUND\nContent-Type: text/html; charset=utf-8\n\n"
        + body
        + b"\n--BOUND\nContent-Type: application/pdf\nContent-Transfer-Encoding: base64\n"
        + b'Content-Disposition: attachment; filename="big.pdf"\n\n'
        + payload
        + b"\n--BOUND--\n"
    )


_RUNNER = """
import resource, sys, time
started = time.perf_counter()
from tui.cli import main
code = main(sys.argv[1:])
elapsed = time.perf_counter() - started
usage = resource.getrusage(resource.RUSAGE_SELF)
cpu = usage.ru_utime + usage.ru_stime
print(f"BENCH {elapsed:.3f} {usage.ru_maxrss} {code} {cpu:.3f}", file=sys.stderr)
"""


def _run(args: list[str]) -> tuple[float, int, float]:
    done = subprocess.run(
        [sys.executable, "-c", _RUNNER, *args], capture_output=True, text=True, check=False
    )
    line = next((x for x in done.stderr.splitlines() if x.startswith("BENCH ")), None)
    if line is None:
        raise SystemExit(f"the scan failed: {done.stderr.strip()[-2000:]}")
    _, elapsed, peak, code, cpu = line.split()
    if code != "0":
        raise SystemExit(f"the scan exited {code}: {done.stderr.strip()[-2000:]}")
    return float(elapsed), int(peak) // 1024, float(cpu)


def _read_all(folder: Path) -> float:
    started = time.perf_counter()
    total = 0
    for path in (folder / "cur").iterdir():
        total += len(path.read_bytes())
    return time.perf_counter() - started


def speed(counts: list[int]) -> None:
    print("\n## speed: Maildir scans (`nowwhat mail scan MAILDIR`, each in a fresh process)")
    print(
        "\nWall-clock seconds, and in brackets the CPU seconds of the process (user + system),"
        " which do not depend on what else the machine runs. Load average at the start: "
        f"{os.getloadavg()[0]:.1f} on {os.cpu_count()} cores."
    )
    print(
        "\n| messages | folder MB | first scan | second scan (all seen) | read every file once "
        "(baseline) | first / baseline | peak RSS first | peak RSS second | database MB |"
    )
    print("|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    with tempfile.TemporaryDirectory() as base:
        root = Path(base)
        world = load_world()
        idle_db = root / "idle.json"
        world_store(idle_db, world)
        _, idle_rss, _ = _run(["--db", str(idle_db), "--now", "2026-12-02 09:00", "mail", "review"])
        for count in counts:
            maildir = root / f"maildir-{count}"
            make_maildir(maildir, count)
            size = sum(p.stat().st_size for p in (maildir / "cur").iterdir()) / 1e6
            db = root / f"db-{count}.json"
            world_store(db, world)
            args = ["--db", str(db), "--now", "2026-12-02 09:00", "mail", "scan", str(maildir)]
            baseline = statistics.median(_read_all(maildir) for _ in range(3))
            first, first_rss, first_cpu = _run(args)
            seconds = [_run(args) for _ in range(3)]
            second = statistics.median(s[0] for s in seconds)
            second_cpu = statistics.median(s[2] for s in seconds)
            second_rss = max(s[1] for s in seconds)
            db_mb = db.stat().st_size / 1e6
            print(
                f"| {count:,} | {size:.1f} | {first:.1f} s ({first_cpu:.1f}) | {second:.2f} s "
                f"({second_cpu:.2f}) | {baseline:.2f} s | {first / baseline:.1f}x | "
                f"{first_rss} MiB | {second_rss} MiB | {db_mb:.1f} |"
            )
            shutil.rmtree(maildir)
        print(f"\npeak RSS of `nowwhat mail review` on the same world (no scan): {idle_rss} MiB")
        # Streaming: the same number of messages, each with a 100 KB attachment.
        count = min(counts)
        heavy = root / "heavy"
        make_maildir(heavy, count, attachment=100_000)
        size = sum(p.stat().st_size for p in (heavy / "cur").iterdir()) / 1e6
        db = root / "db-heavy.json"
        world_store(db, world)
        args = ["--db", str(db), "--now", "2026-12-02 09:00", "mail", "scan", str(heavy)]
        first, rss, cpu = _run(args)
        print(
            f"the same {count:,} messages with a 100 KB attachment each ({size:.0f} MB): first "
            f"scan {first:.1f} s ({cpu:.1f} CPU), peak RSS {rss} MiB — memory follows the "
            "number of messages handled (the index in the database), not the folder's size"
        )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("corpora", nargs="*", type=Path)
    parser.add_argument(
        "--world",
        type=Path,
        default=None,
        help="the world the corpora were written against (default: CORPUS/world.json if there, "
        "else tests/mail/data/world.json)",
    )
    parser.add_argument("--errors", action="store_true", help="list every wrong verdict or match")
    parser.add_argument("--speed", action="store_true", help="time scans of a generated Maildir")
    parser.add_argument(
        "--sizes", default="2000,10000,20000", help="message counts for --speed (comma-separated)"
    )
    args = parser.parse_args()
    os.environ.setdefault("TZ", "UTC")
    for corpus in args.corpora:
        if not (corpus / "labels.json").is_file():
            print(f"{corpus}: no labels.json there", file=sys.stderr)
            return 2
        evaluate(corpus, world_of(corpus, args.world), errors=args.errors)
    if args.speed:
        speed([int(x) for x in args.sizes.split(",")])
    if not args.corpora and not args.speed:
        parser.print_help()
    return 0


if __name__ == "__main__":
    sys.exit(main())
