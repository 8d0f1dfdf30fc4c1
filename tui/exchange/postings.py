"""Is the job still posted? Fetch each active opportunity's posting URL, only when asked.

At most four requests at once, a timeout on each, redirects followed, and an honest
User-Agent. A 404 or 410, or a page that says it no longer accepts applications, is ``gone``;
a page that loads is ``posted``; anything else (a network error, a 5xx) is ``unknown``, with
the reason. httpx is imported here only, so nothing else pays for it.
"""

from __future__ import annotations

import asyncio
import dataclasses
import re
from collections.abc import Sequence
from dataclasses import dataclass

from pendulum import DateTime

from .. import __version__
from ..engine.models import Opportunity
from ..store import Store

__all__ = ["GONE_PHRASES", "PostingResult", "check_postings", "classify", "fetch_all"]

USER_AGENT = f"nowwhat/{__version__} (personal job-search tool; checks one posting per role)"
GONE_PHRASES = re.compile(
    r"no longer (?:accepting applications|available|open|active|accepting)"
    r"|(?:position|job|role|posting|vacancy) (?:has been|is|was) (?:filled|closed|removed)"
    r"|(?:this|the) (?:job|position|posting|role) (?:has )?(?:expired|closed)"
    r"|applications? (?:are |is )?(?:now )?closed",
    re.IGNORECASE,
)
MAX_AT_ONCE = 4
TIMEOUT_SECONDS = 10.0
MAX_BYTES = 2_000_000


@dataclass(frozen=True, slots=True)
class PostingResult:
    """What one check found."""

    opportunity: Opportunity
    state: str  # posted | gone | unknown
    note: str


def classify(status: int, body: str) -> tuple[str, str]:
    """The state and a short reason for an HTTP status and page text."""
    if status in (404, 410):
        return "gone", f"HTTP {status}"
    if 200 <= status < 300:
        match = GONE_PHRASES.search(body)
        if match:
            return "gone", f"the page says “{match.group(0)}”"
        return "posted", f"HTTP {status}"
    return "unknown", f"HTTP {status}"


async def _fetch(
    client: object, gate: asyncio.Semaphore, opportunity: Opportunity, timeout: float
) -> PostingResult:
    import httpx

    assert isinstance(client, httpx.AsyncClient)
    async with gate:
        try:
            # httpx's timeout is per read: a server dripping a byte a second would never trip
            # it. The whole request (redirects and body included) gets ``timeout`` at most.
            state, note = await asyncio.wait_for(_read(client, opportunity.url), timeout)
        except (httpx.TimeoutException, TimeoutError):
            state, note = "unknown", f"no answer within {timeout:g} s"
        except httpx.HTTPError as error:
            state, note = "unknown", f"{type(error).__name__}: {error}"[:200]
    return PostingResult(opportunity, state, note)


async def _read(client: object, url: str) -> tuple[str, str]:
    import httpx

    assert isinstance(client, httpx.AsyncClient)
    async with client.stream("GET", url) as response:
        chunks = []
        size = 0
        async for chunk in response.aiter_bytes():
            chunks.append(chunk)
            size += len(chunk)
            if size >= MAX_BYTES:
                break
        body = b"".join(chunks).decode(response.encoding or "utf-8", errors="replace")
        return classify(response.status_code, body)


async def fetch_all(
    opportunities: Sequence[Opportunity], *, timeout: float = TIMEOUT_SECONDS
) -> list[PostingResult]:
    """Check every posting, at most four at a time."""
    import httpx

    gate = asyncio.Semaphore(MAX_AT_ONCE)
    async with httpx.AsyncClient(
        follow_redirects=True,
        timeout=httpx.Timeout(timeout),
        headers={"User-Agent": USER_AGENT},
        max_redirects=5,
    ) as client:
        return list(
            await asyncio.gather(*(_fetch(client, gate, o, timeout) for o in opportunities))
        )


def check_postings(
    store: Store, now: DateTime, *, timeout: float = TIMEOUT_SECONDS
) -> list[PostingResult]:
    """Check the postings of active opportunities (waiting ones first) and store what was found."""
    from ..engine.waiting import waiting_room

    records = store.records()
    waiting = {r.state.opportunity.id for r in waiting_room(records, now).rows}
    chosen = sorted(
        (o for o in records.opportunities if o.active and o.url),
        key=lambda o: (o.id not in waiting, o.company.casefold()),
    )
    results = asyncio.run(fetch_all(chosen, timeout=timeout))
    today = now.in_timezone(records.settings.timezone).date()
    with store.transaction():
        current = {o.id: o for o in store.records().opportunities}
        for result in results:
            fresh = current.get(result.opportunity.id)
            if fresh is None:
                continue  # deleted meanwhile
            store.put(
                dataclasses.replace(
                    fresh, posting=result.state, posting_checked=today, posting_note=result.note
                )
            )
    return results
