"""Analyst filters over the store's views, compiled to parameterised SQL.

Every value an analyst (or an article, through a copied name) supplies travels as a bound parameter; the SQL
text is assembled only from the fixed fragments in this module, so a filter value can never change a query.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

import duckdb

from whimbrel.errors import ConfigError
from whimbrel.records import PLOVER_TYPES, STATUSES

_ROOT = re.compile(r"\d\d")
# Columns a filter may touch; the events and mentions views share these names (docs/store.md).
_SIDES = ("source", "target")


@dataclass(frozen=True)
class Filters:
    """What to select.  Empty tuples and None mean "no restriction".

    ``actor`` matches a canonical name (case-insensitive) or an ISO3 country on either side; ``source`` and
    ``target`` the same on one side each (together: a dyad).  ``since``/``until`` keep events whose date range
    overlaps the interval (undated events drop out).  ``text``: every word must occur in the evidence
    sentence, case-insensitive.
    """

    actor: str | None = None
    source: str | None = None
    target: str | None = None
    plover: tuple[str, ...] = ()
    cameo_root: tuple[str, ...] = ()
    quad_class: tuple[int, ...] = ()
    since: date | None = None
    until: date | None = None
    status: tuple[str, ...] = ()
    min_confidence: float | None = None
    text: str | None = None
    limit: int | None = None

    def __post_init__(self) -> None:
        for value in self.plover:
            if value not in PLOVER_TYPES:
                raise ConfigError(f"unknown PLOVER type {value!r}; choose from {', '.join(PLOVER_TYPES)}")
        for value in self.status:
            if value not in STATUSES:
                raise ConfigError(f"unknown status {value!r}; choose from {', '.join(STATUSES)}")
        for value in self.cameo_root:
            if not _ROOT.fullmatch(value) or not 1 <= int(value) <= 20:
                raise ConfigError(f"CAMEO root must be two digits 01..20, not {value!r}")
        for quad in self.quad_class:
            if quad not in (1, 2, 3, 4):
                raise ConfigError(f"quad class must be 1..4, not {quad!r}")
        if self.since and self.until and self.since > self.until:
            raise ConfigError(f"--since {self.since} is after --until {self.until}")
        if self.limit is not None and self.limit < 0:
            raise ConfigError(f"limit must be >= 0, not {self.limit}")
        if self.min_confidence is not None and not 0.0 <= self.min_confidence <= 1.0:
            raise ConfigError(f"minimum confidence must be within 0..1, not {self.min_confidence}")


def side_clause(side: str) -> str:
    """SQL matching one side's name (case-insensitive) or ISO3 country against two bound parameters."""
    if side not in _SIDES:
        raise ValueError(side)
    return f"(lower({side}_name) = lower(?) OR {side}_country = upper(?))"


def where_clause(f: Filters, *, with_status: bool = True) -> tuple[str, list[object]]:
    """The WHERE condition for ``f`` (fixed SQL fragments) and its parameters, in order."""
    clauses: list[str] = ["TRUE"]
    params: list[object] = []
    if f.actor is not None:
        clauses.append(f"({side_clause('source')} OR {side_clause('target')})")
        params += [f.actor] * 4
    for side, value in (("source", f.source), ("target", f.target)):
        if value is not None:
            clauses.append(side_clause(side))
            params += [value, value]
    for column, values in (("plover", f.plover), ("cameo_root", f.cameo_root), ("quad_class", f.quad_class)):
        if values:
            clauses.append(f"list_contains(?, {column})")
            params.append(list(values))
    if with_status and f.status:
        clauses.append("list_contains(?, status)")
        params.append(list(f.status))
    if f.since is not None:
        clauses.append("coalesce(date_end, date_start) >= ?")
        params.append(f.since)
    if f.until is not None:
        clauses.append("date_start <= ?")
        params.append(f.until)
    if f.min_confidence is not None:
        clauses.append("confidence >= ?")
        params.append(f.min_confidence)
    for word in (f.text or "").split():
        clauses.append("contains(lower(sentence), lower(?))")
        params.append(word)
    return " AND ".join(clauses), params


def _run(
    con: duckdb.DuckDBPyConnection, sql: str, params: list[object], limit: int | None
) -> duckdb.DuckDBPyRelation:
    if limit is not None:
        sql, params = sql + " LIMIT ?", [*params, limit]
    return con.sql(sql, params=params)


def select_events(con: duckdb.DuckDBPyConnection, filters: Filters) -> duckdb.DuckDBPyRelation:
    """Deduplicated events matching ``filters``, by date (undated last) then event id."""
    where, params = where_clause(filters)
    sql = f"SELECT * FROM events WHERE {where} ORDER BY date_start NULLS LAST, event_id"
    return _run(con, sql, params, filters.limit)


def select_mentions(con: duckdb.DuckDBPyConnection, filters: Filters) -> duckdb.DuckDBPyRelation:
    """Mentions (the coder's events, one per dyad and sentence) matching ``filters``."""
    where, params = where_clause(filters)
    sql = (
        f"SELECT * FROM mentions WHERE {where} "
        "ORDER BY date_start NULLS LAST, published NULLS LAST, article_id, span_start, id"
    )
    return _run(con, sql, params, filters.limit)


_EXPECTATIONS = """
WITH outcomes AS (
    SELECT expectation_event_id AS planned_id,
           min({'d': coalesce(date_start, DATE '9999-12-31'), 'id': event_id})
               FILTER (WHERE status = 'occurred') AS happened,
           min({'d': coalesce(date_start, DATE '9999-12-31'), 'id': event_id})
               FILTER (WHERE status = 'negated') AS called_off
    FROM events WHERE expectation_event_id IS NOT NULL GROUP BY expectation_event_id
)
SELECT p.*,
       CASE WHEN o.happened IS NOT NULL THEN 'happened'
            WHEN o.called_off IS NOT NULL THEN 'called off' ELSE 'not yet' END AS outcome,
       coalesce(struct_extract(o.happened, 'id'), struct_extract(o.called_off, 'id')) AS outcome_event_id,
       nullif(coalesce(struct_extract(o.happened, 'd'), struct_extract(o.called_off, 'd')),
              DATE '9999-12-31') AS outcome_date
FROM events p LEFT JOIN outcomes o ON o.planned_id = p.event_id
WHERE p.status = 'planned' AND {where}
ORDER BY p.date_start NULLS LAST, p.event_id
"""


def expectations(con: duckdb.DuckDBPyConnection, filters: Filters) -> duckdb.DuckDBPyRelation:
    """Planned events matching ``filters`` (their status filter aside) with their ``outcome``.

    ``happened`` when an occurred event fulfils it (``expectation_event_id``), else ``called off`` when a
    negated one does, else ``not yet``; ``outcome_event_id``/``outcome_date`` name the earliest such event.
    """
    where, params = where_clause(filters, with_status=False)
    # The filter columns are unqualified; inside the outer query they resolve to `p` (the only FROM table
    # with those names besides `o`, whose columns are renamed), so qualify them explicitly to be safe.
    sql = _EXPECTATIONS.replace("{where}", _qualify(where))
    return _run(con, sql, params, filters.limit)


_COLUMN = re.compile(
    r"\b(source_name|source_country|target_name|target_country|plover|cameo_root|quad_class|status|"
    r"date_start|date_end|confidence|sentence)\b"
)


def _qualify(where: str) -> str:
    # `where` is built only from this module's fixed fragments (no user text), so a rewrite is safe.
    return _COLUMN.sub(r"p.\1", where)
