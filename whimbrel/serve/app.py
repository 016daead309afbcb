"""The FastAPI application of ``whimbrel serve``: read endpoints, write endpoints and the dashboard's files.

Read endpoints are plain (sync) functions: FastAPI runs them in its thread pool, and DuckDB releases the GIL
while it works, so concurrent queries use both cores.  Each answer is encoded once and kept in a small LRU
keyed by the snapshot and the normalised query, so repeated dashboard queries cost a dictionary look-up.
The contract is docs/api.md.
"""

# No `from __future__ import annotations` here: FastAPI reads the endpoints' annotations at run time, and
# some of them (the page-size bounds) refer to the `limits` of create_app.
import json
import os
import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Annotated, Any, Literal, get_args

import duckdb
from fastapi import Depends, FastAPI, HTTPException, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, JSONResponse, Response

from whimbrel import __version__
from whimbrel.config import Config
from whimbrel.errors import ConfigError
from whimbrel.query.filters import Filters
from whimbrel.serve import queries
from whimbrel.serve.security import SecurityHeaders
from whimbrel.serve.snapshot import Snapshot, Snapshots
from whimbrel.serve.writing import Writes, register_writes

WEB = Path(__file__).resolve().parent.parent / "web"
STATIC = WEB / "static"
# The only files served from node_modules: name -> path below whimbrel/web/node_modules.
VENDOR = {
    "echarts.min.js": "echarts/dist/echarts.min.js",
    "topojson-client.min.js": "topojson-client/dist/topojson-client.min.js",
    "countries-110m.json": "world-atlas/countries-110m.json",
}
Period = Literal["day", "week", "month", "year"]
Sort = Literal[
    "date", "-date", "confidence", "-confidence", "mentions", "-mentions", "goldstein", "-goldstein"
]
if set(get_args(Sort)) != set(queries.EVENT_SORTS):  # one list of sort keys, checked where it is repeated
    raise AssertionError("Sort and queries.EVENT_SORTS differ")


@dataclass(frozen=True)
class Limits:
    """The server's limits (docs/api.md, "Limits and errors")."""

    page: int = 500
    edges: int = 1000
    places: int = 5000
    code_bytes: int = 1 << 20
    ingest_bytes: int = 8 << 20
    query_s: float = 5.0
    code_rate: float = 2.0  # /code requests per second and client, on average
    code_burst: int = 10
    cache_bytes: int = 64 << 20
    # Read requests computing at once per process; more wait their turn, in order (cached answers do not).
    # One: their Python work shares the interpreter lock anyway, and threads fighting for it all finish
    # late (the measured 32-client p99 on 1M events fell from 445 to 194-214 ms going from 2 to 1).
    queries: int = 1


async def _filters(
    actor: str | None = None,
    source: str | None = None,
    target: str | None = None,
    plover: Annotated[list[str], Query()] = [],  # noqa: B006 - FastAPI copies defaults
    root: Annotated[list[str], Query()] = [],  # noqa: B006
    quad: Annotated[list[int], Query()] = [],  # noqa: B006
    status: Annotated[list[str], Query()] = [],  # noqa: B006
    since: date | None = None,
    until: date | None = None,
    min_confidence: Annotated[float | None, Query(ge=0.0, le=1.0)] = None,
    text: str | None = None,
) -> Filters:
    """The filters of ``whimbrel query`` from query parameters (PLOVER types and statuses any case).

    A coroutine: FastAPI runs it on the event loop, with no hop to a worker thread and back.
    """
    return _make_filters(actor=actor, source=source, target=target, plover=tuple(p.upper() for p in plover),
                         cameo_root=tuple(root), quad_class=tuple(quad), since=since, until=until,
                         status=tuple(s.lower() for s in status), min_confidence=min_confidence,
                         text=text)  # fmt: skip


def _make_filters(**fields: Any) -> Filters:
    try:
        return Filters(**fields)
    except ConfigError as exc:
        raise HTTPException(400, str(exc).replace("--since", "since").replace("--until", "until")) from None


FilterParams = Annotated[Filters, Depends(_filters)]


def _one_line(exc: RequestValidationError) -> str:
    parts = []
    for error in exc.errors():
        where = ".".join(str(p) for p in error.get("loc", ()) if p not in ("query", "path", "body"))
        parts.append(f"{where}: {error.get('msg', 'invalid')}" if where else str(error.get("msg", "invalid")))
    return "; ".join(parts) or "invalid request"


class Reader:
    """Runs one read request: the current snapshot, a cursor of its own, the time limit, the answer cache."""

    def __init__(self, snapshots: Snapshots, limits: Limits) -> None:
        self.snapshots = snapshots
        self.limits = limits
        self.cache = queries.ByteLRU(limits.cache_bytes)
        # Queued in turn rather than all at once: 32 scans sharing two cores would all finish late, and the
        # cheap answers from the cache would wait for CPU behind them.
        self.running = threading.BoundedSemaphore(limits.queries)

    def answer(self, request: Request, make: Callable[[duckdb.DuckDBPyConnection, Snapshot], bytes]) -> bytes:
        """``make(cursor, snapshot)``'s bytes for this request, cached per snapshot and normalised query."""
        snapshot = self.snapshots.current()
        key = (snapshot.serial, request.url.path, tuple(sorted(request.query_params.multi_items())))

        def run() -> bytes:
            with self.running:
                return self._run(make, snapshot)

        return self.cache.get_or_make(key, run)

    def _run(self, make: Callable[[duckdb.DuckDBPyConnection, Snapshot], bytes], snapshot: Snapshot) -> bytes:
        cur = snapshot.cursor()
        try:
            return make(cur, snapshot)
        except ConfigError as exc:
            raise HTTPException(400, str(exc)) from None
        except duckdb.InterruptException:
            raise HTTPException(
                503, f"query took longer than {self.limits.query_s:g} s: narrow the filters"
            ) from None
        finally:
            cur.close()

    def total(self, snapshot: Snapshot, table: str) -> Callable[[str, list[object]], int]:
        """A counter of matching rows that reuses the snapshot's total and caches other counts."""

        def count(where: str, params: list[object]) -> int:
            if table == "events" and where == "TRUE":
                return snapshot.total_events
            key = ("count", snapshot.serial, table, where, repr(params))

            def make() -> bytes:
                cur = snapshot.cursor()
                try:
                    return str(queries.count(cur, table, where, params, self.limits.query_s)).encode()
                finally:
                    cur.close()

            return int(self.cache.get_or_make(key, make))

        return count


def _json(body: bytes) -> Response:
    return Response(body, media_type="application/json")


def create_app(
    store_path: Path, *, token: str, config: Config | None = None, limits: Limits = Limits()
) -> FastAPI:
    """The server's application over the store at ``store_path`` (StoreError if it is not a store).

    ``token`` guards the write endpoints; ``config`` is the coder's configuration for them.
    """
    if not token:
        raise ConfigError("the write token must not be empty")
    snapshots = Snapshots(Path(store_path))
    app = FastAPI(
        title="whimbrel",
        docs_url=None,  # FastAPI's pages load their scripts from a CDN: nothing is fetched from the internet
        redoc_url=None,
        version=__version__,
        description="Political event data from news text: the event store, read-only, and a coder.",
    )
    app.add_middleware(SecurityHeaders)

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> JSONResponse:
        return JSONResponse({"detail": _one_line(exc)}, status_code=422)

    _register_reads(app, Reader(snapshots, limits), limits)
    register_writes(app, Writes(Path(store_path), snapshots, config), token=token, limits=limits)
    _register_files(app)
    return app


def _register_reads(app: FastAPI, reader: Reader, limits: Limits) -> None:
    query_s = limits.query_s

    @app.get("/events", tags=["reading"], response_class=Response)
    def events(
        request: Request,
        filters: FilterParams,
        sort: Sort = "date",
        offset: Annotated[int, Query(ge=0)] = 0,
        limit: Annotated[int, Query(ge=0, le=limits.page)] = 50,
        mentions: bool = False,
        format: Literal["json", "csv"] = "json",
    ) -> Response:
        """Deduplicated events (or mentions) matching the filters of `whimbrel query`, one page."""

        def make(cur: duckdb.DuckDBPyConnection, snapshot: Snapshot) -> bytes:
            if mentions:
                total, names, rows = queries.events_page(
                    cur, filters, sort=sort, offset=offset, limit=limit, mentions=True,
                    total=reader.total(snapshot, "mentions"), limit_s=query_s,
                )  # fmt: skip
            else:  # the snapshot's index: no table scan (whimbrel.serve.index)
                total, names, rows = queries.indexed_events_page(
                    cur, snapshot.index, filters, sort=sort, offset=offset, limit=limit
                )
            if format == "csv":
                return queries.to_csv(names, rows)
            records = [dict(zip(names, row, strict=True)) for row in rows]
            key = "mentions" if mentions else "events"
            return queries.to_json({"total": total, "offset": offset, "limit": limit, key: records})

        body = reader.answer(request, make)
        if format == "csv":
            return Response(body, media_type="text/csv; charset=utf-8")
        return _json(body)

    @app.get("/actors", tags=["reading"], response_class=Response)
    def actors(
        request: Request,
        q: str | None = None,
        country: str | None = None,
        sector: str | None = None,
        limit: Annotated[int, Query(ge=0, le=limits.page)] = 50,
    ) -> Response:
        """Actors by name, key, country or sector, with their event counts, most active first."""
        return _json(reader.answer(request, lambda cur, _: queries.to_json(
            queries.actors(cur, q, country, sector, limit, query_s))))  # fmt: skip

    @app.get("/dyads", tags=["reading"], response_class=Response)
    def dyads(
        request: Request,
        source: str,
        target: str,
        period: Period = "week",
        status: Annotated[list[str], Query()] = ["occurred"],  # noqa: B006
        since: date | None = None,
        until: date | None = None,
    ) -> Response:
        """Counts and mean Goldstein score per period of the source → target events."""
        filters = _make_filters(source=source, target=target, status=tuple(s.lower() for s in status),
                                since=since, until=until)  # fmt: skip
        return _json(reader.answer(request, lambda cur, _: queries.to_json(
            queries.dyad(cur, filters, period, query_s))))  # fmt: skip

    @app.get("/timeline", tags=["reading"], response_class=Response)
    def timeline(request: Request, filters: FilterParams, period: Period = "month") -> Response:
        """Event counts per period and quad class."""
        return _json(reader.answer(request, lambda cur, _: queries.to_json(
            queries.timeline(cur, filters, period, query_s))))  # fmt: skip

    @app.get("/network", tags=["reading"], response_class=Response)
    def network(
        request: Request, filters: FilterParams, limit: Annotated[int, Query(ge=0, le=limits.edges)] = 100
    ) -> Response:
        """The actor network of the matching events: the heaviest edges and their nodes."""
        return _json(reader.answer(request, lambda cur, _: queries.to_json(
            queries.network(cur, filters, limit, query_s))))  # fmt: skip

    @app.get("/locations", tags=["reading"], response_class=Response)
    def locations(
        request: Request, filters: FilterParams, limit: Annotated[int, Query(ge=0, le=limits.places)] = 500
    ) -> Response:
        """Located events grouped by place."""
        return _json(reader.answer(request, lambda cur, _: queries.to_json(
            queries.locations(cur, filters, limit, query_s))))  # fmt: skip

    @app.get("/articles/{article_id:path}", tags=["reading"], response_class=Response)
    def article(request: Request, article_id: str) -> Response:
        """One article with its mentions; their offsets index the article's text."""

        def make(cur: duckdb.DuckDBPyConnection, _: Snapshot) -> bytes:
            found = queries.article(cur, article_id, query_s)
            if found is None:
                raise HTTPException(404, "no article with this id in the store")
            return queries.to_json(found)

        return _json(reader.answer(request, make))


def _file(path: Path, what: str) -> FileResponse:
    if not path.is_file():
        raise HTTPException(404, f"{what} is not installed")
    return FileResponse(path)


def _register_files(app: FastAPI) -> None:
    @app.get("/", include_in_schema=False)
    def index() -> FileResponse:
        return _file(WEB / "index.html", "the dashboard (whimbrel/web/index.html)")

    @app.get("/static/{path:path}", include_in_schema=False)
    def static(path: str) -> FileResponse:
        root = STATIC.resolve()
        target = (root / path).resolve()
        if not target.is_relative_to(root) or not target.is_file():
            raise HTTPException(404, "no such file")
        return FileResponse(target)

    @app.get("/vendor/{name}", include_in_schema=False)
    def vendor(name: str) -> FileResponse:
        if name not in VENDOR:
            raise HTTPException(404, "no such file")
        return _file(WEB / "node_modules" / VENDOR[name], f"{name} (run scripts/setup)")


# How `whimbrel serve --workers N` hands its settings to worker processes (uvicorn imports the factory below
# in each of them): the store path and the coder's configuration as JSON; the token in WHIMBREL_TOKEN.
SETTINGS_VARIABLE = "WHIMBREL_SERVE_SETTINGS"


def settings_json(store_path: Path, config: Config) -> str:
    """The settings a worker process needs, for :data:`SETTINGS_VARIABLE`."""
    return json.dumps({
        "store": str(store_path),
        "actor_files": [str(p) for p in config.actor_files],
        "pattern_files": [str(p) for p in config.pattern_files],
        "use_classifier": config.use_classifier,
    })  # fmt: skip


def app_from_environment() -> FastAPI:
    """The application of one worker process, from :data:`SETTINGS_VARIABLE` and ``WHIMBREL_TOKEN``."""
    settings = json.loads(os.environ[SETTINGS_VARIABLE])
    config = Config(
        actor_files=tuple(Path(p) for p in settings["actor_files"]),
        pattern_files=tuple(Path(p) for p in settings["pattern_files"]),
        use_classifier=bool(settings["use_classifier"]),
    )
    return create_app(Path(settings["store"]), token=os.environ["WHIMBREL_TOKEN"], config=config)
