"""Deduplication: the ``events`` table derived from the ``mentions`` view by one DuckDB query.

See "Deduplication" in docs/store.md.  Mentions group by (source key, target key, CAMEO code, status); within
a group, sorted by date, a new event starts where a mention begins more than ``window_days`` after the running
latest end of the event so far (gaps and islands).  Dateless mentions of a group form one event.
"""

from __future__ import annotations

import duckdb

# Actor key: canonical name if known, else "country/sector" with "-" for a missing part.
_KEYS = """
SELECT *,
  coalesce(source_name, coalesce(source_country, '-') || '/' || coalesce(source_sector, '-')) AS source_key,
  coalesce(target_name, coalesce(target_country, '-') || '/' || coalesce(target_sector, '-')) AS target_key,
  date_start AS d0,
  coalesce(date_end, date_start) AS d1
FROM mentions
"""

_GROUP = "source_key, target_key, cameo, status, (d0 IS NULL)"
_ORDER = "ORDER BY d0, d1, id"

EVENTS_SQL = f"""
WITH keyed AS ({_KEYS}),
prev AS (
  SELECT *, max(d1) OVER (PARTITION BY {_GROUP} {_ORDER}
                          ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS prev_end
  FROM keyed
),
flagged AS (
  SELECT *, CASE WHEN d0 IS NULL THEN 0
                 WHEN prev_end IS NULL OR d0 > prev_end + CAST($window AS INTEGER) THEN 1 ELSE 0 END AS starts
  FROM prev
),
islands AS (
  SELECT *, sum(starts) OVER (PARTITION BY {_GROUP} {_ORDER} ROWS UNBOUNDED PRECEDING) AS island
  FROM flagged
),
ranked AS (
  SELECT *,
    concat_ws(chr(31), source_key, target_key, coalesce(cameo, ''), status,
              CAST(d0 IS NULL AS VARCHAR), CAST(island AS VARCHAR)) AS ikey,
    row_number() OVER (PARTITION BY {_GROUP}, island ORDER BY confidence DESC NULLS LAST, id) AS best_rank,
    row_number() OVER (PARTITION BY {_GROUP}, island {_ORDER}) AS first_rank
  FROM islands
),
agg AS (
  SELECT ikey,
    min(d0) AS date_start, max(d1) AS date_end,
    count(*) AS num_mentions,
    count(DISTINCT article_id) AS num_articles,
    count(DISTINCT coalesce(outlet, chr(30) || article_id)) AS num_sources,
    max(confidence) AS confidence,
    min(published) AS first_published,
    max(CASE WHEN first_rank = 1 THEN id END) AS first_id
  FROM ranked GROUP BY ikey
),
ev AS (
  SELECT
    left(sha256(concat_ws(chr(31), b.source_key, b.target_key, coalesce(b.cameo, ''), b.status,
                          a.first_id)), 16) AS event_id,
    b.source_key, b.source_name, b.source_country, b.source_sector,
    b.target_key, b.target_name, b.target_country, b.target_sector,
    b.plover, b.cameo, b.cameo_root, b.goldstein, b.quad_class, b.status,
    a.date_start, a.date_end, a.num_mentions, a.num_articles, a.num_sources, a.confidence,
    b.id AS best_mention, b.sentence, a.first_published
  FROM agg a JOIN ranked b ON b.ikey = a.ikey AND b.best_rank = 1
),
expect AS (
  SELECT o.event_id, p.event_id AS planned_id,
    row_number() OVER (PARTITION BY o.event_id
                       ORDER BY (p.date_end >= o.date_start) DESC, p.date_end DESC, p.date_start DESC,
                                p.event_id) AS rk
  FROM ev o JOIN ev p
    ON p.status = 'planned' AND o.status IN ('occurred', 'negated')
   AND p.source_key = o.source_key AND p.target_key = o.target_key AND p.plover = o.plover
   AND p.date_start <= o.date_end
)
SELECT ev.*, x.planned_id AS expectation_event_id
FROM ev LEFT JOIN expect x ON x.event_id = ev.event_id AND x.rk = 1
ORDER BY ev.event_id
"""


def events_relation(con: duckdb.DuckDBPyConnection, window_days: int) -> duckdb.DuckDBPyRelation:
    """The deduplicated events of the ``mentions`` view of ``con`` (sorted by event_id, deterministic)."""
    if window_days < 0:
        raise ValueError("window_days must be >= 0")
    return con.sql(EVENTS_SQL, params={"window": int(window_days)})
