"""Is it still posted? Checked against a local HTTP server serving each case."""

from __future__ import annotations

import socket
import sys
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pendulum
import pytest

from tui.engine.models import Opportunity
from tui.engine.plan import plan_day
from tui.engine.settings import Settings
from tui.engine.waiting import waiting_room, waiting_to_json
from tui.exchange.postings import USER_AGENT, check_postings, classify
from tui.store import Store

NOW = pendulum.datetime(2026, 11, 23, 8, 30, tz="America/New_York")
PAGES = {
    "/posted": (200, "<h1>Data Analyst</h1><button>Apply now</button>"),
    "/gone404": (404, "Not found"),
    "/gone410": (410, "Gone"),
    "/closed": (200, "<p>This position is no longer accepting applications.</p>"),
    "/filled": (200, "<p>Sorry, the role has been filled.</p>"),
    "/error": (500, "Internal error"),
}


class _Server:
    def __init__(self) -> None:
        self.agents: list[str] = []
        self.active = 0
        self.most = 0
        self.lock = threading.Lock()


@pytest.fixture
def server() -> Iterator[tuple[str, _Server]]:
    state = _Server()

    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args: object) -> None:
            pass

        def do_GET(self) -> None:
            state.agents.append(self.headers.get("User-Agent", ""))
            with state.lock:
                state.active += 1
                state.most = max(state.most, state.active)
            try:
                if self.path == "/redirect":
                    self.send_response(302)
                    self.send_header("Location", "/posted")
                    self.end_headers()
                    return
                if self.path == "/slow":
                    time.sleep(3)
                if self.path == "/drip":  # answers at once, then a byte at a time, forever-ish
                    self.send_response(200)
                    self.send_header("Content-Type", "text/html; charset=utf-8")
                    self.end_headers()
                    for _ in range(30):
                        self.wfile.write(b"x")
                        self.wfile.flush()
                        time.sleep(0.2)
                    return
                if self.path.startswith("/busy"):
                    time.sleep(0.3)
                status, body = PAGES.get(self.path, (200, "a busy posting"))
                payload = body.encode()
                self.send_response(status)
                self.send_header("Content-Type", "text/html; charset=utf-8")
                self.send_header("Content-Length", str(len(payload)))
                self.end_headers()
                self.wfile.write(payload)
            finally:
                with state.lock:
                    state.active -= 1

    class Server(ThreadingHTTPServer):
        def handle_error(self, request: Any, client_address: Any) -> None:
            # The checker hangs up on a slow or dripping page by design; the handler's thread
            # outlives this fixture and its broken pipe must not be printed into a later test's
            # captured stderr (a CLI test asserts its stderr is empty).
            if not isinstance(sys.exc_info()[1], ConnectionError):
                super().handle_error(request, client_address)

    httpd = Server(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}", state
    httpd.shutdown()
    httpd.server_close()


def _closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _store(tmp_path: Path, urls: dict[str, str]) -> Store:
    store = Store(tmp_path / "db.json", default_timezone=lambda: "America/New_York")
    store.save_settings(Settings().with_text("timezone", "America/New_York"))
    for n, (company, url) in enumerate(urls.items()):
        store.add(Opportunity(id=f"opp_{n}", company=company, url=url, stage="interviewing"))
    store.add(
        Opportunity(id="opp_closed", company="Closed Co", url="http://x.invalid/", stage="rejected")
    )
    store.add(Opportunity(id="opp_nourl", company="No URL Co"))
    return store


def test_each_case_is_recorded_with_the_date_checked(server, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    base, state = server
    urls = {
        "Posted": f"{base}/posted",
        "Gone404": f"{base}/gone404",
        "Gone410": f"{base}/gone410",
        "Closed": f"{base}/closed",
        "Filled": f"{base}/filled",
        "Redirected": f"{base}/redirect",
        "Broken": f"{base}/error",
        "Slow": f"{base}/slow",
        "Drip": f"{base}/drip",
        "Refused": f"http://127.0.0.1:{_closed_port()}/job",
    }
    store = _store(tmp_path, urls)
    started = time.monotonic()
    results = check_postings(store, NOW, timeout=1.0)
    assert time.monotonic() - started < 3.0, "the slow posting timed out instead of holding us"
    stored = {o.company: o for o in Store(tmp_path / "db.json").records().opportunities}
    expected = {
        "Posted": "posted",
        "Gone404": "gone",
        "Gone410": "gone",
        "Closed": "gone",
        "Filled": "gone",
        "Redirected": "posted",
        "Broken": "unknown",
        "Slow": "unknown",
        "Drip": "unknown",
        "Refused": "unknown",
    }
    assert {o: stored[o].posting for o in expected} == expected
    assert all(str(stored[o].posting_checked) == "2026-11-23" for o in expected)
    assert "no longer accepting applications" in stored["Closed"].posting_note
    assert "within 1 s" in stored["Slow"].posting_note
    assert "within 1 s" in stored["Drip"].posting_note  # the whole request, not each read
    assert "ConnectError" in stored["Refused"].posting_note
    assert stored["Closed Co"].posting == "" and stored["No URL Co"].posting == ""
    assert {r.opportunity.company for r in results} == set(expected)
    assert state.agents and all(agent == USER_AGENT for agent in state.agents)
    assert USER_AGENT.startswith("nowwhat/")


def test_never_more_than_four_requests_at_once(server, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    base, state = server
    store = _store(tmp_path, {f"Busy {n}": f"{base}/busy{n}" for n in range(10)})
    check_postings(store, NOW, timeout=5.0)
    assert 1 < state.most <= 4


def test_a_gone_posting_shows_in_the_waiting_room_and_raises_a_warning(
    server, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    base, _ = server
    store = _store(tmp_path, {"Acme": f"{base}/gone404"})
    from tui.engine.models import Interview

    store.add(Interview(id="int_1", opportunity_id="opp_0", start=NOW.subtract(days=3)))
    check_postings(store, NOW, timeout=2.0)
    records = store.records()
    (row,) = waiting_to_json(waiting_room(records, NOW))["opportunities"]
    assert (row["posting"], row["posting_checked"]) == ("gone", "2026-11-23")
    warnings = {w.code: w.message for w in plan_day(records, NOW).warnings}
    assert "The Acme posting is gone" in warnings["posting_gone"]


def test_status_and_page_text_classify() -> None:
    assert classify(200, "Apply today")[0] == "posted"
    assert classify(404, "")[0] == "gone"
    assert classify(200, "Applications are now closed.")[0] == "gone"
    assert classify(503, "")[0] == "unknown"


def test_nothing_is_fetched_unless_asked(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """Planning, the waiting room and the app never touch the network."""
    import sys

    from tui.cli import main

    monkeypatch.delitem(sys.modules, "httpx", raising=False)
    assert main(["--demo", "--now", "2026-11-23 08:30", "today", "--json"]) == 0
    assert main(["--demo", "--now", "2026-11-23 08:30", "waiting", "--json"]) == 0
    assert "httpx" not in sys.modules
