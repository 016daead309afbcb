"""Load test of ``whimbrel serve`` on loopback: p50/p99 latency and errors over 1,000,000 stored events.

    .venv/bin/python bench/serve_load.py [--requests 10000] [--concurrency 32] [--events 1000000]
                                         [--store DIR] [--keep-store] [--other-requests 1000]

Builds (or reuses, with ``--store DIR`` holding a store) a synthetic store with the generator of
bench/query_1m.py, starts the real server (``python -m whimbrel serve``) on a free loopback port, warms it up,
times a short series of /events queries from one client (service time per query kind, no queueing), then
fires a fixed-seed mix of ``GET /events`` queries (dyads, one actor, PLOVER types, quad classes, date
ranges, text search, status and confidence, sort orders, deep pages, CSV) from ``--concurrency`` threads,
each with its own keep-alive connection, ``--requests`` in all; then a smaller mix over ``/dyads``,
``/timeline``, ``/actors`` and ``/network``.  Every request carries a distinct ``nocache`` parameter (which
the API ignores) so that the server's answer cache cannot serve repeats (``--with-cache``: send the mix as
is).  Prints, per endpoint, requests, errors (non-2xx answers or exceptions), p50/p90/p99/max latency and
requests/s, per /events query kind the same, and a PASS/MISS line against the target (p99 < 200 ms and no
errors for /events).  The client shares the machine's cores with
the server; the CPU seconds each side used are printed so the split can be judged.  Exit status 2 when any
request failed.
"""

from __future__ import annotations

import argparse
import contextlib
import http.client
import importlib.util
import os
import random
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from types import ModuleType
from urllib.parse import urlencode

HOST = "127.0.0.1"
TARGET_P99_MS = 200.0
SORTS = ["date", "-date", "confidence", "-confidence", "mentions", "-mentions", "goldstein", "-goldstein"]
FIRST_DAY, DAYS = date(2015, 1, 1), 3650  # the generator's date range
SOCKET_TIMEOUT_S = 30.0
START_TIMEOUT_S = 300.0


def _query_1m() -> ModuleType:
    """bench/query_1m.py as a module (bench/ is no package), for its generator and its actor/code lists."""
    path = Path(__file__).with_name("query_1m.py")
    spec = importlib.util.spec_from_file_location("whimbrel_bench_query_1m", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # as an import would (dataclasses and pickling look modules up there)
    spec.loader.exec_module(module)
    return module


GEN = _query_1m()
COUNTRIES = sorted(set(GEN.COUNTRIES))
PLOVERS = [root[2] for root in GEN.ROOTS]


@dataclass(frozen=True)
class Job:
    """One request: the endpoint it measures, the kind of query, and the path with its query string."""

    endpoint: str
    kind: str
    path: str


@dataclass(frozen=True)
class Result:
    """One answer: latency (ms), HTTP status (0 for an exception) and a short error, if any."""

    job: Job
    ms: float
    status: int
    error: str | None


# --- the request mix ------------------------------------------------------------------------------------


def _span(rng: random.Random) -> list[tuple[str, str]]:
    start = FIRST_DAY + timedelta(days=rng.randrange(DAYS))
    end = start + timedelta(days=rng.choice([7, 30, 90, 365, 1000]))
    return [("since", start.isoformat()), ("until", end.isoformat())]


def _pair(rng: random.Random) -> tuple[str, str]:
    source, target = rng.sample(COUNTRIES, 2)
    return source, target


def _event_filters(kind: str, rng: random.Random) -> list[tuple[str, str]]:
    """The filter parameters of one /events query of ``kind`` (values from the generator's lists)."""
    source, target = _pair(rng)
    if kind == "dyad":
        return [("source", source), ("target", target)]
    if kind == "actor":
        return [("actor", source)]
    if kind == "plover":
        return [("plover", p) for p in rng.sample(PLOVERS, rng.choice([1, 2]))]
    if kind == "quad":
        return [("quad", str(rng.randint(1, 4)))]
    if kind == "dates":
        return _span(rng)
    if kind == "text":
        words = rng.choice([f"{source} {target}", str(rng.randrange(1000, 99999)), f"report {source}"])
        return [("text", words)]
    if kind == "status":
        status = rng.choice(["planned", "alleged", "negated"])
        return [("status", status), ("min_confidence", str(rng.choice([0.5, 0.8, 0.95])))]
    if kind == "combo":
        return [("actor", source), ("quad", str(rng.randint(1, 4))), *_span(rng)]
    if kind == "dyad-dates":
        return [("source", source), ("target", target), *_span(rng)]
    if kind in ("page", "csv"):
        return []
    raise ValueError(kind)


EVENT_KINDS = [
    "dyad",
    "actor",
    "plover",
    "quad",
    "dates",
    "text",
    "status",
    "combo",
    "dyad-dates",
    "page",
    "csv",
]


def event_jobs(count: int, seed: int) -> list[Job]:
    """``count`` /events queries, kinds in turn, parameters drawn with a fixed seed."""
    rng = random.Random(seed)
    jobs = []
    for i in range(count):
        kind = EVENT_KINDS[i % len(EVENT_KINDS)]
        params = _event_filters(kind, rng)
        limit = rng.choice([20, 50, 50, 50, 100, 500])
        if rng.random() < 0.6:
            params.append(("sort", rng.choice(SORTS)))
        if kind == "page":  # an analyst paging far into a broad query
            params.append(("offset", str(rng.randrange(0, 20_000, 50))))
        elif rng.random() < 0.3:
            params.append(("offset", str(rng.choice([50, 100, 500]))))
        if kind == "csv":
            params += [("format", "csv"), ("source", rng.choice(COUNTRIES))]
        params.append(("limit", str(limit)))
        jobs.append(Job("/events", kind, "/events?" + urlencode(params)))
    return jobs


def other_jobs(count: int, seed: int) -> list[Job]:
    """``count`` queries over /dyads, /timeline, /actors and /network, in turn, with a fixed seed."""
    rng = random.Random(seed)
    jobs = []
    for i in range(count):
        source, target = _pair(rng)
        endpoint = ["/dyads", "/timeline", "/actors", "/network"][i % 4]
        params: list[tuple[str, str]]
        if endpoint == "/dyads":
            params = [
                ("source", source),
                ("target", target),
                ("period", rng.choice(["week", "month", "year"])),
            ]
        elif endpoint == "/timeline":
            params = [("period", rng.choice(["week", "month", "year"]))]
            params += rng.choice([[], [("actor", source)], _span(rng), [("quad", str(rng.randint(1, 4)))]])
        elif endpoint == "/actors":
            params = rng.choice([[], [("q", source[:2].lower())], [("country", source)], [("sector", "GOV")]])
            params.append(("limit", str(rng.choice([20, 50]))))
        else:
            params = rng.choice([[], _span(rng), [("quad", str(rng.randint(1, 4)))], [("actor", source)]])
            params.append(("limit", str(rng.choice([50, 100, 300]))))
        jobs.append(Job(endpoint, endpoint, endpoint + "?" + urlencode(params)))
    return jobs


# --- the server -----------------------------------------------------------------------------------------


def free_port() -> int:
    """A port that was free on loopback a moment ago."""
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return int(sock.getsockname()[1])


def _get(port: int, path: str, timeout: float) -> tuple[int, bytes]:
    conn = http.client.HTTPConnection(HOST, port, timeout=timeout)
    try:
        conn.request("GET", path)
        response = conn.getresponse()
        return response.status, response.read()
    finally:
        conn.close()


def _tail(log: Path) -> str:
    return log.read_bytes()[-1500:].decode(errors="replace")


@contextlib.contextmanager
def running_server(store: Path, log: Path, workers: int = 1) -> Iterator[tuple[subprocess.Popen[bytes], int]]:
    """``python -m whimbrel serve`` over ``store`` on a free port (process, port) until the block ends.

    Output goes to a file, not a pipe: a full pipe would stall the server mid-test.
    """
    port = free_port()
    command = [
        sys.executable,
        "-m",
        "whimbrel",
        "serve",
        "--db",
        str(store),
        "--host",
        HOST,
        "--port",
        str(port),
        "--workers",
        str(workers),
    ]
    env = {**os.environ, "WHIMBREL_TOKEN": "bench-token"}
    with log.open("wb") as out:
        process = subprocess.Popen(command, stdout=out, stderr=subprocess.STDOUT, env=env)
    try:
        deadline = time.monotonic() + START_TIMEOUT_S
        while True:
            if process.poll() is not None:
                raise SystemExit(f"server exited with {process.returncode}: {_tail(log)}")
            # With several workers, wait until every one has built its snapshot (it says so in the log).
            ready = workers == 1 or b"workers ready" in log.read_bytes()
            with contextlib.suppress(OSError, http.client.HTTPException):
                if ready and _get(port, "/events?limit=1", timeout=5.0)[0] == 200:
                    break
            if time.monotonic() > deadline:
                raise SystemExit(f"server not answering after {START_TIMEOUT_S:.0f} s: {_tail(log)}")
            time.sleep(0.2)
        yield process, port
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=10)


def cpu_seconds(pid: int) -> float | None:
    """User + system CPU seconds of process ``pid`` and its live children (the server's workers), from
    Linux /proc; None where unavailable."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        children = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
    except OSError:
        return None
    own = (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    return own + sum(cpu_seconds(int(child)) or 0.0 for child in children)


# --- the client -----------------------------------------------------------------------------------------


def _fetch(conn: http.client.HTTPConnection, job: Job) -> tuple[int, str | None]:
    conn.request("GET", job.path)
    response = conn.getresponse()
    body = response.read()
    if 200 <= response.status < 300:
        return response.status, None
    return response.status, f"{response.status} {body[:160].decode(errors='replace')}"


def _client(port: int, jobs: list[Job], take: Iterator[int], lock: threading.Lock, out: list[Result]) -> None:
    """One client thread: take the next job until none is left, over one keep-alive connection."""
    conn: http.client.HTTPConnection | None = None
    mine: list[Result] = []
    while True:
        with lock:
            index = next(take, None)
        if index is None:
            break
        job = jobs[index]
        started = time.perf_counter()
        try:
            if conn is None:
                conn = http.client.HTTPConnection(HOST, port, timeout=SOCKET_TIMEOUT_S)
            status, error = _fetch(conn, job)
        except (OSError, http.client.HTTPException) as exc:
            status, error = 0, f"{type(exc).__name__}: {exc}"
            if conn is not None:
                conn.close()
            conn = None  # reconnect: the old connection's state is unknown
        mine.append(Result(job, (time.perf_counter() - started) * 1000, status, error))
    if conn is not None:
        conn.close()
    with lock:
        out.extend(mine)


def fire(port: int, jobs: list[Job], concurrency: int) -> tuple[list[Result], float]:
    """Run ``jobs`` from ``concurrency`` threads; the results and the wall time in seconds."""
    lock = threading.Lock()
    take = iter(range(len(jobs)))
    results: list[Result] = []
    threads = [
        threading.Thread(target=_client, args=(port, jobs, take, lock, results), daemon=True)
        for _ in range(concurrency)
    ]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        # Every request is bounded by the socket timeout; this bound only guards against a stuck thread.
        thread.join(timeout=SOCKET_TIMEOUT_S * (len(jobs) + 1))
    return results, time.perf_counter() - started


# --- the report -----------------------------------------------------------------------------------------


def percentile(sorted_ms: list[float], q: float) -> float:
    """Nearest-rank percentile ``q`` (0..100) of an ascending list (0 for an empty one)."""
    if not sorted_ms:
        return 0.0
    rank = max(1, -(-len(sorted_ms) * q // 100))
    return sorted_ms[int(rank) - 1]


def summary(label: str, results: list[Result], wall_s: float | None) -> tuple[str, float, int]:
    """One table line for ``results``: its text, p99 and error count."""
    ms = sorted(r.ms for r in results)
    errors = sum(1 for r in results if r.error)
    rate = f"{len(results) / wall_s:8.1f}" if wall_s else " " * 8
    p50, p90, p99 = (percentile(ms, q) for q in (50, 90, 99))
    line = (
        f"{label:<14}{len(results):>8}{errors:>7}{p50:>9.1f}{p90:>9.1f}{p99:>9.1f}{(ms or [0.0])[-1]:>9.1f}"
        f"{rate}"
    )
    return line, p99, errors


HEADER = "".join(
    f"{name:>{width}}" if width > 0 else f"{name:<{-width}}"
    for name, width in [("endpoint", -14), ("requests", 8), ("errors", 7), ("p50 ms", 9), ("p90 ms", 9),
                        ("p99 ms", 9), ("max ms", 9), ("req/s", 8)]
)  # fmt: skip


def report_phase(title: str, results: list[Result], wall_s: float, by: str) -> tuple[float, int]:
    """Print one phase: per endpoint (or per /events kind) and in all; its overall p99 and errors."""
    print(f"\n{title} ({len(results):,} requests in {wall_s:.1f} s)")
    print(HEADER)
    groups: dict[str, list[Result]] = {}
    for result in results:
        groups.setdefault(getattr(result.job, by), []).append(result)
    for name, members in groups.items():
        print(summary(name, members, None)[0])
    line, p99, errors = summary("all", results, wall_s)
    print(line)
    for result in [r for r in results if r.error][:5]:
        print(f"  error: {result.job.path} -> {result.error}")
    return p99, errors


# --- main -----------------------------------------------------------------------------------------------


def prepare_store(path: Path, events: int) -> None:
    """Reuse the store at ``path`` when it has a manifest, else generate ``events`` synthetic events there."""
    if (path / "manifest.json").exists():
        print(f"reusing the store at {path}")
        return
    started = time.perf_counter()
    GEN.generate(path, events)
    print(f"generated {events:,} events in {time.perf_counter() - started:.1f} s at {path}")


def bust_cache(jobs: list[Job], tag: str) -> list[Job]:
    """The same jobs with a distinct extra parameter each, which the API ignores but its answer cache (keyed
    by the query string) does not: every request then runs its query."""
    return [Job(j.endpoint, j.kind, f"{j.path}&nocache={tag}{i}") for i, j in enumerate(jobs)]


def run(args: argparse.Namespace, store: Path, log: Path) -> int:
    """Start the server over ``store``, warm up, fire both phases and print the report; the exit status."""
    events = event_jobs(args.requests, args.seed)
    others = other_jobs(args.other_requests, args.seed + 1)
    print(f"mix: {len({j.path for j in events}):,} distinct /events queries in {len(events):,}, "
          f"{len({j.path for j in others}):,} distinct in {len(others):,} others; "
          + ("repeats may come from the server's answer cache" if args.with_cache
             else "each request made distinct (nocache=…), so none is answered from a cache"))  # fmt: skip
    if not args.with_cache:
        events, others = bust_cache(events, "e"), bust_cache(others, "o")
    with running_server(store, log, args.workers) as (server, port):
        status, body = _get(port, "/events?limit=1", timeout=SOCKET_TIMEOUT_S)
        print(f"server up on port {port}: /events?limit=1 -> {status} {body[:80].decode(errors='replace')}…")
        # Warm up: every kind of query once, then a short burst (caches, Parquet metadata, code paths).
        warm = [*event_jobs(len(EVENT_KINDS) * 3, args.seed + 7), *other_jobs(12, args.seed + 8)]
        fire(port, bust_cache(warm, "w"), min(args.concurrency, 4))
        fire(port, bust_cache(event_jobs(args.warmup, args.seed + 9), "x"), args.concurrency)
        if args.serial:  # one client: each request's own time, without queueing behind the others
            serial, serial_wall = fire(port, bust_cache(event_jobs(args.serial, args.seed + 3), "s"), 1)
            report_phase("GET /events one at a time (service time, no queueing)", serial, serial_wall, "kind")
        server_cpu, client_cpu = cpu_seconds(server.pid), time.process_time()
        results, wall_s = fire(port, events, args.concurrency)
        server_cpu_after, client_cpu_after = cpu_seconds(server.pid), time.process_time()
        p99, errors = report_phase("GET /events by query kind", results, wall_s, "kind")
        if server_cpu is not None and server_cpu_after is not None:
            print(f"CPU during /events: server {server_cpu_after - server_cpu:.1f} s, "
                  f"client {client_cpu_after - client_cpu:.1f} s, wall {wall_s:.1f} s "
                  f"on {os.cpu_count()} cores")  # fmt: skip
        other_errors = 0
        if others:
            other_results, other_wall = fire(port, others, args.concurrency)
            other_errors = report_phase("other endpoints", other_results, other_wall, "endpoint")[1]
    verdict = "PASS" if p99 < TARGET_P99_MS and errors == 0 else "MISS"
    print(f"\n{verdict}: /events p99 {p99:.1f} ms (target < {TARGET_P99_MS:.0f} ms), {errors} errors "
          f"(target 0); {args.requests:,} requests, {args.concurrency} concurrent")  # fmt: skip
    return 2 if errors or other_errors else 0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--requests", type=int, default=10_000, help="/events requests (default 10,000)")
    parser.add_argument("--concurrency", type=int, default=32, help="client threads (default 32)")
    parser.add_argument("--other-requests", type=int, default=1_000, help="for the other endpoints (0: skip)")
    parser.add_argument("--warmup", type=int, default=200, help="/events requests before measuring")
    parser.add_argument(
        "--serial",
        type=int,
        default=220,
        help="/events requests from one client first, to show service times",
    )
    parser.add_argument("--events", type=int, default=1_000_000, help="events in a generated store")
    parser.add_argument("--store", type=Path, help="store folder: reused if it holds a store, else made")
    parser.add_argument("--keep-store", action="store_true", help="keep the generated temporary store")
    parser.add_argument("--seed", type=int, default=5)
    parser.add_argument("--workers", type=int, default=2, help="server processes (whimbrel serve --workers)")
    parser.add_argument(
        "--with-cache", action="store_true", help="send repeated queries as they are (answer cache may serve)"
    )
    args = parser.parse_args()
    if args.requests < 1 or args.concurrency < 1:
        parser.error("--requests and --concurrency must be at least 1")
    tmp = Path(tempfile.mkdtemp(prefix="whimbrel-serve-load-"))
    try:
        store = args.store or tmp / "store"
        prepare_store(store, args.events)
        status = run(args, store, tmp / "serve.log")
    finally:
        if args.keep_store and not args.store:
            print(f"store kept at {tmp / 'store'}")
        else:
            shutil.rmtree(tmp, ignore_errors=True)
    sys.exit(status)


if __name__ == "__main__":
    main()
