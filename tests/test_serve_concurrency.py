"""`whimbrel serve` under concurrency: it keeps answering while `whimbrel ingest` writes to the same store,
and a burst of concurrent requests gets no errors.

Real processes only: a real server subprocess on loopback, a real `python -m whimbrel ingest` subprocess
writing into the store the server reads, real HTTP.  No timing thresholds here (performance belongs in
bench/serve_load.py); the bounds below only keep the test from hanging.
"""

from __future__ import annotations

import http.client
import json
import os
import shutil
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from contextlib import closing
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlencode, urlsplit

import pytest
from serving import REPO, running_server

from whimbrel.store import Store

INGEST_TIMEOUT_S = 45.0
VISIBLE_TIMEOUT_S = 10.0  # the server re-reads the manifest at most every ~0.5 s
SOCKET_TIMEOUT_S = 10.0

# Our own news-style articles (one header block each, as in examples/ceasefire.txt): every one codes to
# events, with actors and dates far from the example articles so that nothing merges with their events.
ARTICLES = [
    ("Norway", "Chile", "Oslo", "Brazil", "Argentina", "Lima"),
    ("Finland", "Peru", "Helsinki", "Kenya", "Uganda", "Quito"),
    ("Portugal", "Mexico", "Lisbon", "Ghana", "Nigeria", "Dakar"),
    ("Austria", "Colombia", "Vienna", "Chad", "Sudan", "Bogota"),
    ("Denmark", "Uruguay", "Copenhagen", "Malawi", "Zambia", "Nairobi"),
    ("Ireland", "Paraguay", "Dublin", "Bolivia", "Ecuador", "Accra"),
]


def _article(index: int, a: str, b: str, city: str, c: str, d: str, capital: str) -> str:
    return (
        f"url: https://example.test/concurrency/{index}\n"
        "outlet: Test Wire\n"
        f"published: 2027-{index + 1:02d}-15\n"
        f"title: {a} and {b} sign a trade accord\n\n"
        f"{a} and {b} signed a trade agreement in {city} on Tuesday, officials said.\n\n"
        f"{c} accused {d} of violating the border treaty, the foreign ministry said.\n\n"
        f"Police in {capital} arrested dozens of protesters outside parliament on Monday.\n"
    )


def _get(conn: http.client.HTTPConnection, path: str) -> tuple[int, bytes]:
    conn.request("GET", path)
    response = conn.getresponse()
    return response.status, response.read()


def _connect(base_url: str) -> http.client.HTTPConnection:
    parts = urlsplit(base_url)
    assert parts.hostname is not None and parts.port is not None
    return http.client.HTTPConnection(parts.hostname, parts.port, timeout=SOCKET_TIMEOUT_S)


def _timeline_total(body: dict[str, Any]) -> int:
    series = body["series"]
    assert isinstance(series, list)
    return sum(int(row[q]) for row in series for q in ("q1", "q2", "q3", "q4"))


@dataclass
class Poller:
    """Polls /events and /timeline on one keep-alive connection until stopped; keeps what it saw."""

    base_url: str
    stop: threading.Event = field(default_factory=threading.Event)
    events_totals: list[int] = field(default_factory=list)
    timeline_totals: list[int] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)

    def run(self) -> None:
        conn = _connect(self.base_url)
        try:
            # Bounded: stop() ends it normally; the count bound only guards against a test bug.
            for _ in range(100_000):
                if self.stop.is_set():
                    break
                self._poll(conn, "/events?limit=5&sort=-date", self.events_totals, lambda b: int(b["total"]))
                self._poll(conn, "/timeline?period=month", self.timeline_totals, _timeline_total)
                time.sleep(0.02)  # a busy dashboard, not a spin loop: the ingest needs the CPU too
        finally:
            conn.close()

    def _poll(
        self, conn: http.client.HTTPConnection, path: str, totals: list[int], total_of: Callable[[Any], int]
    ) -> None:
        try:
            status, raw = _get(conn, path)
            if status != 200:
                self.failures.append(f"{path}: {status} {raw[:200]!r}")
                return
            totals.append(total_of(json.loads(raw)))
        except (OSError, http.client.HTTPException, ValueError, KeyError, TypeError) as exc:
            self.failures.append(f"{path}: {type(exc).__name__}: {exc}")
            conn.close()  # http.client reconnects on the next request


def _store_total(store: Path) -> int:
    con = Store.open(store).connect()
    try:
        row = con.execute("SELECT count(*) FROM events").fetchone()
        assert row is not None
        return int(row[0])
    finally:
        con.close()


def _non_decreasing(values: list[int]) -> bool:
    return all(a <= b for a, b in zip(values, values[1:], strict=False))


def test_serving_goes_on_while_ingest_writes(example_store: Path, tmp_path: Path) -> None:
    store = tmp_path / "store"
    shutil.copytree(example_store, store)  # the session's store stays untouched
    articles = tmp_path / "articles"
    articles.mkdir()
    for index, names in enumerate(ARTICLES):
        (articles / f"article-{index}.txt").write_text(_article(index, *names), encoding="utf-8")
    before = _store_total(store)

    with running_server(store) as base_url:
        poller = Poller(base_url)
        thread = threading.Thread(target=poller.run, daemon=True)
        thread.start()
        polls_before = len(poller.events_totals) + len(poller.timeline_totals)
        command = [sys.executable, "-m", "whimbrel", "ingest", "--db", str(store), "--batch", "1", "--quiet"]
        ingest = subprocess.Popen(
            [*command, str(articles)], cwd=REPO, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
        )
        try:
            _, stderr = ingest.communicate(timeout=INGEST_TIMEOUT_S)
        finally:
            if ingest.poll() is None:
                ingest.kill()
                ingest.wait(timeout=10)
        during = len(poller.events_totals) + len(poller.timeline_totals) - polls_before
        assert ingest.returncode == 0, stderr.decode(errors="replace")[-2000:]
        after = _store_total(store)
        assert after > before, "the test articles coded to no new events"

        deadline = time.monotonic() + VISIBLE_TIMEOUT_S
        while time.monotonic() < deadline and (not poller.events_totals or poller.events_totals[-1] < after):
            time.sleep(0.1)
        poller.stop.set()
        thread.join(timeout=3 * SOCKET_TIMEOUT_S)
        assert not thread.is_alive()

        with closing(_connect(base_url)) as conn:
            status, raw = _get(conn, "/events?" + urlencode({"text": "trade agreement", "limit": 500}))
            assert status == 200
            found = json.loads(raw)["events"]
            status, raw = _get(conn, "/articles/" + quote("https://example.test/concurrency/0", safe=""))

    assert poller.failures == []
    assert during > 0, "no answer while the ingest ran"
    assert _non_decreasing(poller.events_totals), poller.events_totals
    assert _non_decreasing(poller.timeline_totals), poller.timeline_totals
    assert poller.events_totals[0] >= before
    assert poller.events_totals[-1] == after  # the server shows every committed event
    assert {e["source_country"] for e in found} >= {"NOR", "FIN", "PRT"}
    assert status == 200
    assert json.loads(raw)["article"]["title"] == "Norway and Chile sign a trade accord"


def _sanity_paths(base_url: str) -> list[str]:
    """A mix of read requests over the example store, built from what the store holds."""
    with closing(_connect(base_url)) as conn:
        status, raw = _get(conn, "/actors?limit=10")
        assert status == 200
        actors = [a["country"] or a["name"] for a in json.loads(raw)["actors"] if a["country"] or a["name"]]
        status, raw = _get(conn, "/events?limit=20")
        assert status == 200
        events = json.loads(raw)["events"]
    assert actors and events
    paths = ["/events?limit=50", "/events?sort=-confidence&limit=5", "/timeline", "/network", "/actors"]
    for actor in actors:
        paths += [f"/events?{urlencode({'actor': actor})}", f"/timeline?{urlencode({'actor': actor})}"]
    for event in events:
        dyad = {"source": event["source_country"] or "", "target": event["target_country"] or ""}
        if dyad["source"] and dyad["target"]:
            paths += [f"/events?{urlencode(dyad)}", f"/dyads?{urlencode(dyad)}"]
        paths.append("/articles/" + quote(event["article_id"], safe=""))
    return paths


def test_concurrent_requests_get_no_errors(example_store: Path) -> None:
    """300 requests from 8 threads: every answer is 200, valid JSON and the same as the same request alone.

    Each concurrent request carries a distinct extra parameter (ignored by the API) so that the server's
    answer cache, keyed by the query string, cannot answer it: the queries really run side by side.
    """
    with running_server(example_store) as base_url:
        distinct = _sanity_paths(base_url)
        alone: dict[str, object] = {}
        with closing(_connect(base_url)) as conn:
            for path in distinct:
                status, raw = _get(conn, path)
                assert status == 200, (path, raw[:200])
                alone[path] = json.loads(raw)
        local = threading.local()
        opened: list[http.client.HTTPConnection] = []

        def fetch(index: int) -> tuple[str, int, bytes]:
            if not hasattr(local, "conn"):  # one keep-alive connection per client thread
                local.conn = _connect(base_url)
                opened.append(local.conn)
            path = distinct[index % len(distinct)]
            status, raw = _get(local.conn, f"{path}{'&' if '?' in path else '?'}nocache={index}")
            return path, status, raw

        try:
            with ThreadPoolExecutor(max_workers=8) as pool:
                answers = list(pool.map(fetch, range(300), timeout=60))
        finally:
            for conn in opened:
                conn.close()

    assert len(answers) == 300
    failures = [(path, status, raw[:200]) for path, status, raw in answers if status != 200]
    assert failures == []
    assert [path for path, _, raw in answers if json.loads(raw) != alone[path]] == []


@pytest.mark.parametrize("values", [[1, 2, 2, 3], [0]])
def test_non_decreasing_accepts(values: list[int]) -> None:
    assert _non_decreasing(values)


def test_non_decreasing_rejects_a_drop() -> None:
    assert not _non_decreasing([3, 4, 2])


def _cmdline(pid: int) -> bytes:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        return b""


def _server_workers(port: int) -> list[int]:
    """Child processes of the `whimbrel serve … --port PORT` process (Linux /proc)."""
    for proc in Path("/proc").iterdir():
        if not proc.name.isdigit():
            continue
        try:
            argv = (proc / "cmdline").read_bytes().split(b"\0")
            if b"serve" in argv and str(port).encode() in argv:
                children = (proc / "task" / proc.name / "children").read_text().split()
                # multiprocessing's resource tracker is a child too; the workers are the others
                return [int(c) for c in children if b"resource_tracker" not in _cmdline(int(c))]
        except OSError:
            continue
    return []


def test_workers_answer_alike_and_stop_with_the_server(example_store: Path) -> None:
    with running_server(example_store, extra_args=["--workers", "2"]) as base_url:
        port = urlsplit(base_url).port
        assert port is not None
        deadline = time.monotonic() + 60
        while len(workers := _server_workers(port)) < 2 and time.monotonic() < deadline:
            time.sleep(0.2)
        assert len(workers) == 2
        bodies = set()
        for _ in range(24):  # a new connection each time: the kernel spreads them over the workers
            with closing(_connect(base_url)) as conn:
                status, body = _get(conn, "/events?limit=500&sort=-confidence")
            assert status == 200
            bodies.add(body)
        assert len(bodies) == 1  # every worker answers from the same committed snapshot
    deadline = time.monotonic() + 15
    while any(Path(f"/proc/{pid}").exists() for pid in workers) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert not any(Path(f"/proc/{pid}").exists() for pid in workers), "workers outlived the server"


def test_a_worker_that_cannot_bind_ends_the_server(example_store: Path) -> None:
    import socket

    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as taken:  # no SO_REUSEPORT: the port is held
        taken.bind(("127.0.0.1", 0))
        taken.listen(1)
        port = taken.getsockname()[1]
        command = [sys.executable, "-m", "whimbrel", "serve", "--db", str(example_store), "--port", str(port),
                   "--workers", "2"]  # fmt: skip
        done = subprocess.run(command, cwd=REPO, capture_output=True, text=True, timeout=120,
                              env={**os.environ, "WHIMBREL_TOKEN": "t"})  # fmt: skip
    assert done.returncode == 1
    assert "exited with" in done.stderr and "before it was ready" in done.stderr
