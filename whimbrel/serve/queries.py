"""The read endpoints' SQL over a snapshot (whimbrel.serve.snapshot): fixed text, every value bound.

Each function takes a cursor of a snapshot and returns plain, JSON-ready data.  Filters come from
``whimbrel.query.filters`` (the same conditions as ``whimbrel query``); sort orders, periods and table names
are picked from the fixed dictionaries below by key, never taken from input.
"""

from __future__ import annotations

import csv
import io
import json
import threading
from collections import OrderedDict
from collections.abc import Callable, Sequence
from datetime import date, datetime
from typing import Any

import duckdb

from whimbrel.errors import ConfigError
from whimbrel.query.filters import Filters, where_clause
from whimbrel.query.series import PERIODS
from whimbrel.serve import index as event_index
from whimbrel.serve.index import EVENT_SORTS, EventIndex
from whimbrel.serve.snapshot import EVENT_FIELDS, fetch
from whimbrel.store.schema import MENTION_COLUMNS

MENTION_VIEW_FIELDS = (*MENTION_COLUMNS, "published", "outlet")
__all__ = ["EVENT_FIELDS", "EVENT_SORTS"]  # re-exported: the app and tests read them here
MENTION_SORTS: dict[str, str] = {
    key: order.replace("event_id", "published NULLS LAST, article_id, span_start, id")
    for key, order in EVENT_SORTS.items()
    if "mentions" not in key
}


def _plain(value: Any) -> Any:
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    raise TypeError(f"not JSON serialisable: {type(value).__name__}")


def to_json(data: Any) -> bytes:
    """Compact UTF-8 JSON (dates as ISO strings)."""
    return json.dumps(data, default=_plain, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def to_csv(names: Sequence[str], rows: Sequence[Sequence[Any]]) -> bytes:
    """CSV with a header line; dates ISO, lists joined by ';', NULL as an empty field."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(names)
    for row in rows:
        writer.writerow([_csv_cell(v) for v in row])
    return out.getvalue().encode("utf-8")


def _csv_cell(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    if isinstance(value, list):
        return ";".join(str(v) for v in value)
    return value


def _records(names: Sequence[str], rows: Sequence[Sequence[Any]]) -> list[dict[str, Any]]:
    return [dict(zip(names, row, strict=True)) for row in rows]


class ByteLRU:
    """A thread-safe LRU of encoded answers, bounded by total size in bytes."""

    def __init__(self, max_bytes: int) -> None:
        self.max_bytes = max_bytes
        self._items: OrderedDict[object, bytes] = OrderedDict()
        self._size = 0
        self._lock = threading.Lock()

    def get_or_make(self, key: object, make: Callable[[], bytes]) -> bytes:
        """The cached value of ``key``, or ``make()``, kept unless it alone fills a quarter of the cache."""
        with self._lock:
            value = self._items.get(key)
            if value is not None:
                self._items.move_to_end(key)
                return value
        value = make()  # outside the lock: two threads may compute the same answer, never block each other
        if len(value) * 4 <= self.max_bytes:
            with self._lock:
                if key not in self._items:
                    self._items[key] = value
                    self._size += len(value)
                while self._size > self.max_bytes:
                    _, old = self._items.popitem(last=False)
                    self._size -= len(old)
        return value


def events_page(
    cur: duckdb.DuckDBPyConnection,
    filters: Filters,
    *,
    sort: str,
    offset: int,
    limit: int,
    mentions: bool,
    total: Callable[[str, list[object]], int],
    limit_s: float,
) -> tuple[int, list[str], list[tuple[Any, ...]]]:
    """(total matching, column names, rows of the page) of events (or mentions) matching ``filters``.

    ``total(where, params)`` counts the matches (the caller caches counts per snapshot).
    """
    sorts = MENTION_SORTS if mentions else EVENT_SORTS
    if sort not in sorts:
        raise ConfigError(f"unknown sort {sort!r}; choose from {', '.join(sorts)}")
    table, fields = ("mentions", MENTION_VIEW_FIELDS) if mentions else ("events", EVENT_FIELDS)
    where, params = where_clause(filters)
    sql = f"SELECT {', '.join(fields)} FROM {table} WHERE {where} ORDER BY {sorts[sort]} LIMIT ? OFFSET ?"
    names, rows = fetch(cur, sql, [*params, limit, offset], limit_s)
    return total(where, params), names, rows


def indexed_events_page(
    cur: duckdb.DuckDBPyConnection, index: EventIndex, filters: Filters, *, sort: str, offset: int, limit: int
) -> tuple[int, list[str], list[tuple[Any, ...]]]:
    """As :func:`events_page` for events (not mentions), answered from the snapshot's index: the same total,
    rows and order (dates as ISO text) without scanning the table."""
    if sort not in EVENT_SORTS:
        raise ConfigError(f"unknown sort {sort!r}; choose from {', '.join(EVENT_SORTS)}")
    found = event_index.page(index, event_index.match(index, cur, filters), sort, offset, limit)
    return found.total, list(EVENT_FIELDS), index.rows(EVENT_FIELDS, found.rows)


def count(
    cur: duckdb.DuckDBPyConnection, table: str, where: str, params: list[object], limit_s: float
) -> int:
    """Rows of ``table`` (``events`` or ``mentions``) matching a where_clause."""
    if table not in ("events", "mentions"):
        raise ValueError(table)
    _, rows = fetch(cur, f"SELECT count(*) FROM {table} WHERE {where}", params, limit_s)
    return int(rows[0][0])


_ACTORS = """
SELECT key, name, country, sector, as_source, as_target, events FROM actors
WHERE (? IS NULL OR contains(name_lower, lower(?)) OR contains(key_lower, lower(?)))
  AND (? IS NULL OR country = upper(?)) AND (? IS NULL OR sector = upper(?))
ORDER BY events DESC, key LIMIT ?
"""


def actors(
    cur: duckdb.DuckDBPyConnection,
    q: str | None,
    country: str | None,
    sector: str | None,
    limit: int,
    limit_s: float,
) -> dict[str, Any]:
    """Actors whose name or key contains ``q``, of ``country`` and ``sector``, most active first."""
    params = [q, q, q, country, country, sector, sector, limit]
    names, rows = fetch(cur, _ACTORS, params, limit_s)
    return {"actors": _records(names, rows)}


_SERIES = """
WITH hits AS (
    SELECT CAST(date_trunc(?, date_start) AS DATE) AS period_start, goldstein, quad_class
    FROM events WHERE date_start IS NOT NULL AND {where}
),
buckets AS (
    SELECT period_start, count(*) AS n, round(avg(goldstein), 4) AS g,
           count(*) FILTER (WHERE quad_class = 1) AS q1, count(*) FILTER (WHERE quad_class = 2) AS q2,
           count(*) FILTER (WHERE quad_class = 3) AS q3, count(*) FILTER (WHERE quad_class = 4) AS q4
    FROM hits GROUP BY period_start
),
periods AS (
    SELECT CAST(unnest(generate_series(min(period_start), max(period_start), {step})) AS DATE) AS period_start
    FROM buckets
)
SELECT p.period_start, {columns}
FROM periods p LEFT JOIN buckets b USING (period_start)
ORDER BY p.period_start
"""
_DYAD_COLUMNS = "coalesce(b.n, 0) AS count, b.g AS mean_goldstein"
_QUAD_COLUMNS = ", ".join(f"coalesce(b.q{i}, 0) AS q{i}" for i in range(1, 5))


def _series(
    cur: duckdb.DuckDBPyConnection, filters: Filters, period: str, columns: str, limit_s: float
) -> list[dict[str, Any]]:
    if period not in PERIODS:
        raise ConfigError(f"unknown period {period!r}; choose from {', '.join(PERIODS)}")
    part, step = PERIODS[period]
    where, params = where_clause(filters)
    sql = _SERIES.format(where=where, step=step, columns=columns)
    names, rows = fetch(cur, sql, [part, *params], limit_s)
    return _records(names, rows)


def dyad(cur: duckdb.DuckDBPyConnection, filters: Filters, period: str, limit_s: float) -> dict[str, Any]:
    """Counts and mean Goldstein per period of source → target (as ``whimbrel.query.dyad_series``)."""
    series = _series(cur, filters, period, _DYAD_COLUMNS, limit_s)
    return {"source": filters.source, "target": filters.target, "period": period, "series": series}


def timeline(cur: duckdb.DuckDBPyConnection, filters: Filters, period: str, limit_s: float) -> dict[str, Any]:
    """Event counts per period and quad class (q1..q4), empty periods included."""
    return {"period": period, "series": _series(cur, filters, period, _QUAD_COLUMNS, limit_s)}


_EDGES = """
SELECT source_key AS source, target_key AS target, count(*) AS count,
       round(avg(goldstein), 4) AS mean_goldstein
FROM events WHERE {where} AND source_key <> '-/-' AND target_key <> '-/-'
GROUP BY source_key, target_key ORDER BY count DESC, source_key, target_key LIMIT ?
"""
_NODES = """
WITH sides AS (
    SELECT source_key AS key, source_name AS name, source_country AS country FROM events WHERE {where}
    UNION ALL
    SELECT target_key, target_name, target_country FROM events WHERE {where}
)
SELECT key, any_value(name) AS name, any_value(country) AS country, count(*) AS events
FROM sides WHERE list_contains(?, key) GROUP BY key ORDER BY events DESC, key
"""


def network(cur: duckdb.DuckDBPyConnection, filters: Filters, limit: int, limit_s: float) -> dict[str, Any]:
    """The heaviest ``limit`` actor → actor edges of the matching events, and their nodes."""
    where, params = where_clause(filters)
    names, rows = fetch(cur, _EDGES.format(where=where), [*params, limit], limit_s)
    edges = _records(names, rows)
    keys = sorted({e["source"] for e in edges} | {e["target"] for e in edges})
    names, rows = fetch(cur, _NODES.format(where=where), [*params, *params, keys], limit_s)
    return {"nodes": _records(names, rows), "edges": edges}


_PLACES = """
SELECT location_name AS name, location_country AS country, location_lat AS lat, location_lon AS lon,
       count(*) AS count, round(avg(goldstein), 4) AS mean_goldstein
FROM events WHERE {where} AND location_lat IS NOT NULL AND location_lon IS NOT NULL
GROUP BY ALL ORDER BY count DESC, name, country LIMIT ?
"""


def locations(cur: duckdb.DuckDBPyConnection, filters: Filters, limit: int, limit_s: float) -> dict[str, Any]:
    """Located events (the best mention's place) grouped by place, the busiest first."""
    where, params = where_clause(filters)
    names, rows = fetch(cur, _PLACES.format(where=where), [*params, limit], limit_s)
    return {"places": _records(names, rows)}


_ARTICLE = "SELECT article_id, title, url, published, outlet, author, text FROM articles WHERE article_id = ?"
_ARTICLE_MENTIONS = """
SELECT m.id, e.event_id, m.span_start, m.span_end, m.trigger_start, m.trigger_end, m.trigger,
       m.source_name, m.source_country, m.target_name, m.target_country, m.plover, m.cameo, m.status,
       m.date_start, m.date_end, m.date_basis, m.confidence, m.sentence
FROM mentions m LEFT JOIN events e ON e.best_mention = m.id
WHERE m.article_id = ? ORDER BY m.span_start, m.trigger_start, m.id
"""


def article(cur: duckdb.DuckDBPyConnection, article_id: str, limit_s: float) -> dict[str, Any] | None:
    """One article (its latest version) with its mentions; None if unknown."""
    names, rows = fetch(cur, _ARTICLE, [article_id], limit_s)
    if not rows:
        return None
    mention_names, mention_rows = fetch(cur, _ARTICLE_MENTIONS, [article_id], limit_s)
    return {"article": _records(names, rows)[0], "mentions": _records(mention_names, mention_rows)}
