"""The single writer of a store: buffers a batch, writes it as one immutable segment, publishes it.

Commit order (each step durable before the next): segment files in ``segments/.tmp-*`` → rename to
``segments/NNNNNN`` → events file of the new snapshot → manifest swap.  Until the manifest names them, the
new files are invisible to readers, and the next writer deletes them as uncommitted leftovers.
"""

from __future__ import annotations

import fcntl
import json
import os
import shutil
import time
import uuid
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType
from typing import IO, Any

import duckdb

from whimbrel.records import Article, Event
from whimbrel.store.dedup import events_relation
from whimbrel.store.schema import (
    ARTICLE_COLUMNS,
    FAILURE_COLUMNS,
    MENTION_COLUMNS,
    article_row,
    mention_row,
)
from whimbrel.store.store import (
    LOCK,
    MANIFEST,
    SEGMENTS,
    Manifest,
    Store,
    StoreError,
    _is_events_name,
    create_views,
    events_name,
    fsync_path,
    segment_name,
    write_atomic,
)

# An events file a reader may still be about to open stays this long after it stops being current.
EVENTS_RETENTION_S = 120.0
# read_json's largest object (one JSON line): an article of Config.max_bytes (20 MB) of UTF-8 text must fit.
_JSON_LIMIT = 1 << 27


class StoreWriter:
    """Writes batches to a store; use as a context manager (``with store.writer() as w:``).

    Entering takes ``STORE/.lock`` (StoreError if another writer holds it) and removes the leftovers of an
    uncommitted batch.  Leaving normally commits what is still buffered; leaving by an exception drops it.
    """

    def __init__(self, store: Store, *, window_days: int = 3) -> None:
        if window_days < 0:
            raise StoreError(f"window must be 0 or more days, got {window_days}")
        self.store = store
        self.window_days = window_days
        self._lock: IO[bytes] | None = None
        self._stored: set[tuple[str, str]] = set()
        self._known_failures: set[tuple[str, str]] = set()
        self._articles: list[dict[str, Any]] = []
        self._mentions: list[dict[str, Any]] = []
        self._failures: list[dict[str, Any]] = []
        self.segments_written = 0

    # -- lifecycle ---------------------------------------------------------------------------------------

    def __enter__(self) -> StoreWriter:
        lock = open(self.store.path / LOCK, "ab")  # noqa: SIM115 - held until __exit__
        try:
            fcntl.flock(lock.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            lock.close()
            raise StoreError(f"{self.store.path}: another ingest is writing to this store") from None
        self._lock = lock
        try:
            manifest = self.store.manifest()
            self._clean(manifest)
            self._stored = self.store.stored_versions()
            self._known_failures = _recorded_failures(self.store)
        except BaseException:
            self._release()
            raise
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        try:
            if kind is None:
                self.commit()
        finally:
            self._release()

    def _release(self) -> None:
        if self._lock is not None:
            self._lock.close()  # closing the file releases the flock
            self._lock = None

    def _check(self) -> None:
        if self._lock is None:
            raise StoreError("StoreWriter used outside its `with` block")

    # -- buffering ---------------------------------------------------------------------------------------

    def is_stored(self, article_id: str, version: str) -> bool:
        """True if this (id, version) is committed or already in the current batch."""
        return (article_id, version) in self._stored

    @property
    def pending(self) -> int:
        """Articles and failures buffered since the last commit."""
        return len(self._articles) + len(self._failures)

    def add(self, article: Article, events: Sequence[Event]) -> None:
        """Buffer one coded article and its events (ignored if this version is already stored)."""
        self._check()
        key = (article.id, article.version)
        if key in self._stored:
            return
        self._stored.add(key)
        now = datetime.now(UTC).replace(tzinfo=None)
        self._articles.append(article_row(article, segment=0, seq=len(self._articles), coded_at=now))
        self._mentions.extend(mention_row(article, event) for event in events)

    def add_failure(self, source: str, error: str) -> None:
        """Buffer one input that could not be read (``source``: its path or path:line).

        A failure already recorded with the same error is not recorded again, so that a repeated ingest of
        the same inputs leaves the store unchanged.
        """
        self._check()
        if (source, error) in self._known_failures:
            return
        self._known_failures.add((source, error))
        self._failures.append({"source": source, "error": error, "segment": 0, "seq": len(self._failures)})

    # -- committing --------------------------------------------------------------------------------------

    def commit(self) -> None:
        """Write the buffered batch as one segment, rebuild the events and publish both in one manifest swap.

        With nothing buffered it only rebuilds the events when they are missing or were built with
        another window.
        """
        self._check()
        manifest = self.store.manifest()
        if not self.pending and manifest.events and manifest.window_days == self.window_days:
            return
        segment = None
        if self.pending:
            segment = max(manifest.segments, default=0) + 1
            self._write_segment(segment)
        self._publish(manifest, segment)

    def rebuild(self) -> None:
        """Rebuild the events of the committed mentions (a new generation, same content)."""
        self._check()
        self._publish(self.store.manifest(), None)

    def _publish(self, manifest: Manifest, segment: int | None) -> None:
        generation = manifest.generation + 1
        name = events_name(generation)
        draft = Manifest(generation, manifest.segments + ((segment,) if segment else ()), None)
        tmp = self.store.path / f".tmp-{name}"
        con = duckdb.connect(":memory:")
        try:
            create_views(con, self.store, draft)
            events_relation(con, self.window_days).write_parquet(str(tmp))
        finally:
            con.close()
        fsync_path(tmp)
        os.replace(tmp, self.store.path / name)
        new = manifest.with_commit(segment, name, self.window_days)
        write_atomic(self.store.path / MANIFEST, new.to_json())  # the commit point
        self._articles, self._mentions, self._failures = [], [], []
        if segment is not None:
            self.segments_written += 1
        self._drop_old_events(new)

    def _write_segment(self, number: int) -> None:
        folder = self.store.path / SEGMENTS
        tmp = folder / f".tmp-{segment_name(number)}-{uuid.uuid4().hex[:8]}"
        tmp.mkdir()
        for row in self._articles:
            row["segment"] = number
        for row in self._failures:
            row["segment"] = number
        con = duckdb.connect(":memory:")
        try:
            for name, rows, columns in (
                ("articles", self._articles, ARTICLE_COLUMNS),
                ("mentions", self._mentions, MENTION_COLUMNS),
                ("failures", self._failures, FAILURE_COLUMNS),
            ):
                _write_parquet(con, tmp, name, rows, columns)
        finally:
            con.close()
        fsync_path(tmp)
        os.rename(tmp, folder / segment_name(number))
        fsync_path(folder)

    # -- leftovers ---------------------------------------------------------------------------------------

    def _clean(self, manifest: Manifest) -> None:
        """Remove what an interrupted writer left: temporary files, unlisted segments, unlisted events."""
        committed = {segment_name(n) for n in manifest.segments}
        folder = self.store.path / SEGMENTS
        folder.mkdir(exist_ok=True)
        for entry in folder.iterdir():
            if entry.name not in committed:
                _remove(entry)
        for entry in self.store.path.iterdir():
            if entry.name.startswith(".tmp-") or entry.name == f".{MANIFEST}.tmp":
                _remove(entry)
        self._drop_old_events(manifest)

    def _drop_old_events(self, manifest: Manifest) -> None:
        # Readers that connected to an older generation may still be about to open its events file:
        # keep superseded files for EVENTS_RETENTION_S; files of never-published generations go at once.
        now = time.time()
        for entry in self.store.path.iterdir():
            if not _is_events_name(entry.name) or entry.name == manifest.events:
                continue
            generation = int(entry.name.removeprefix("events-").removesuffix(".parquet"))
            unpublished = generation > manifest.generation
            if unpublished or now - entry.stat().st_mtime > EVENTS_RETENTION_S:
                _remove(entry)


def _recorded_failures(store: Store) -> set[tuple[str, str]]:
    con = store.connect()
    try:
        return {(str(s), str(e)) for s, e in con.sql("SELECT source, error FROM failures").fetchall()}
    finally:
        con.close()


def _remove(path: Path) -> None:
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path, ignore_errors=True)
    else:
        path.unlink(missing_ok=True)


def _write_parquet(
    con: duckdb.DuckDBPyConnection,
    folder: Path,
    name: str,
    rows: list[dict[str, Any]],
    columns: dict[str, str],
) -> None:
    """rows → NAME.jsonl → NAME.parquet (typed by ``columns``) via DuckDB; the JSON file is removed."""
    source, target = folder / f"{name}.jsonl", folder / f"{name}.parquet"
    # UTF-8 as is (not \uXXXX escapes) keeps lines near the text's size; "replace" only for lone surrogates.
    with open(source, "w", encoding="utf-8", errors="replace") as out:
        for row in rows:
            out.write(json.dumps(row, ensure_ascii=False))
            out.write("\n")
    rel = con.read_json(str(source), columns=columns, format="newline_delimited",
                        maximum_object_size=_JSON_LIMIT)  # fmt: skip
    rel.write_parquet(str(target))
    source.unlink()
    fsync_path(target)
