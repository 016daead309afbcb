"""The server's read side: one in-memory DuckDB snapshot of the committed store, swapped when it changes.

A snapshot is ``Store.connect()`` (views over the Parquet files the manifest lists) plus two tables built
from it once: ``events`` (the events view materialised, in date order, with the best mention's fields) and
``actors`` (per actor key: name, country, sector and counts), and the in-memory index that ``GET /events``
pages with (whimbrel.serve.index).  Requests run on their own cursor of the
snapshot that was current when they started; a newer commit is noticed by a cheap stat of the manifest (at
most every :data:`CHECK_INTERVAL_S`) and built in a background thread, then swapped in by one assignment, so
no request waits for a rebuild and none sees half a commit.  Every connection is locked down: it can read the
store folder and nothing else, and write nothing.
"""

from __future__ import annotations

import itertools
import os
import sys
import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import duckdb

from whimbrel.query.sql import lock_down
from whimbrel.serve.index import EventIndex, build_index
from whimbrel.store.schema import EVENT_COLUMNS
from whimbrel.store.store import MANIFEST, Store

CHECK_INTERVAL_S = 0.5

# The best mention's fields shown with every event (docs/api.md); the rest of the mention stays in its view.
MENTION_FIELDS = ("article_id", "date_basis", "trigger", "location_name", "location_country", "location_lat",
                  "location_lon")  # fmt: skip
EVENT_FIELDS = (*EVENT_COLUMNS, *MENTION_FIELDS)  # what /events answers per event

# Fixed SQL (no input): the materialised tables of a snapshot.  Date order makes the default sort cheap.
_EVENTS = """
CREATE TABLE events_table AS
SELECT e.*, {mention}
FROM events e LEFT JOIN mentions m ON m.id = e.best_mention
ORDER BY e.date_start NULLS LAST, e.event_id
"""
_ACTORS = """
CREATE TABLE actors AS
WITH sides AS (
    SELECT event_id, source_key AS key, source_name AS name, source_country AS country,
           source_sector AS sector, 1 AS s, 0 AS t FROM events
    UNION ALL
    SELECT event_id, target_key, target_name, target_country, target_sector, 0, 1 FROM events
)
SELECT key, any_value(name) AS name, any_value(country) AS country, any_value(sector) AS sector,
       sum(s)::BIGINT AS as_source, sum(t)::BIGINT AS as_target, count(DISTINCT event_id) AS events,
       lower(key) AS key_lower, lower(coalesce(any_value(name), '')) AS name_lower
FROM sides WHERE name IS NOT NULL OR country IS NOT NULL OR sector IS NOT NULL
GROUP BY key
ORDER BY events DESC, key
"""

_serial = itertools.count(1)


def _manifest_key(path: Path) -> tuple[int, int, int] | None:
    """What changes whenever the writer swaps the manifest (os.replace gives a new inode)."""
    try:
        st = os.stat(path / MANIFEST)
    except OSError:
        return None
    return (st.st_ino, st.st_mtime_ns, st.st_size)


@dataclass(frozen=True)
class Snapshot:
    """One committed state of the store: a locked-down in-memory connection with its tables.

    ``serial`` identifies the snapshot within this process (cache keys); ``generation`` is the manifest's.
    """

    con: duckdb.DuckDBPyConnection
    serial: int
    generation: int
    key: tuple[int, int, int] | None
    total_events: int
    index: EventIndex

    def cursor(self) -> duckdb.DuckDBPyConnection:
        """A connection of its own for one request (DuckDB connections are not shared between threads)."""
        return self.con.cursor()


def build_snapshot(path: Path) -> Snapshot:
    """Read the store's current commit into a new snapshot (StoreError if the store cannot be read)."""
    key = _manifest_key(path)  # taken first: a commit during the build makes the next check rebuild
    store = Store.open(path)
    generation = store.manifest().generation
    con = store.connect()
    mention = ", ".join(f"m.{name}" for name in MENTION_FIELDS)
    con.execute(_EVENTS.format(mention=mention))
    # The view over the events file is replaced by the table: the file may be deleted two minutes after
    # the next commit, and `whimbrel.query` functions read a relation named `events`.
    con.execute("DROP VIEW events")
    con.execute("ALTER TABLE events_table RENAME TO events")
    con.execute(_ACTORS)
    row = con.execute("SELECT count(*) FROM events").fetchone()
    index = build_index(con, EVENT_FIELDS)  # before lock_down: it creates a table
    lock_down(con, path)
    return Snapshot(con, next(_serial), generation, key, int(row[0]) if row else 0, index)


class Snapshots:
    """Holds the current snapshot of one store and replaces it when the manifest changes."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self._current = build_snapshot(self.path)
        self._checked = time.monotonic()
        self._build_lock = threading.Lock()  # one build at a time
        self._flag_lock = threading.Lock()  # guards _building only, never held for long
        self._building = False

    def current(self) -> Snapshot:
        """The newest built snapshot; starts a background rebuild if the manifest changed since."""
        now = time.monotonic()
        if now - self._checked >= CHECK_INTERVAL_S:
            self._checked = now
            if _manifest_key(self.path) != self._current.key:
                self._start_rebuild()
        return self._current

    def refresh(self) -> Snapshot:
        """Rebuild now, in this thread (after the server's own ingest, so its answer is visible at once)."""
        with self._build_lock:
            if _manifest_key(self.path) != self._current.key:
                self._current = build_snapshot(self.path)
            return self._current

    def _start_rebuild(self) -> None:
        with self._flag_lock:
            if self._building:
                return
            self._building = True
        threading.Thread(target=self._rebuild, name="whimbrel-snapshot", daemon=True).start()

    def _rebuild(self) -> None:
        try:
            with self._build_lock:
                if _manifest_key(self.path) != self._current.key:
                    self._current = build_snapshot(self.path)
        except Exception as exc:  # keep serving the last good snapshot; say why once
            print(f"whimbrel: serve: snapshot not refreshed: {' '.join(str(exc).split())}", file=sys.stderr)
        finally:
            self._building = False


def fetch(
    con: duckdb.DuckDBPyConnection, sql: str, params: Sequence[object], limit_s: float
) -> tuple[list[str], list[tuple[Any, ...]]]:
    """Run one query on ``con`` with a time limit; returns column names and rows.

    Past ``limit_s`` the query is interrupted (duckdb.InterruptException reaches the caller).
    """
    timer = threading.Timer(limit_s, con.interrupt)
    timer.daemon = True
    timer.start()
    try:
        result = con.execute(sql, list(params))
        names = [d[0] for d in result.description or ()]
        return names, result.fetchall()
    finally:
        timer.cancel()
