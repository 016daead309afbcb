"""The store: a folder of immutable Parquet segments published by an atomic manifest swap (docs/store.md).

Readers never open a DuckDB database file: :meth:`Store.connect` opens an in-memory DuckDB connection with
views over the files the manifest lists at that moment, so any number of readers run while one writer
(:class:`~whimbrel.store.writer.StoreWriter`) appends segments.
"""

from __future__ import annotations

import json
import os
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

import duckdb

from whimbrel.errors import WhimbrelError
from whimbrel.store.schema import (
    ARTICLE_COLUMNS,
    ARTICLE_VIEW,
    EVENT_COLUMNS,
    FAILURE_COLUMNS,
    FAILURE_VIEW,
    MENTION_COLUMNS,
    empty_select,
)

if TYPE_CHECKING:
    from whimbrel.store.writer import StoreWriter

MANIFEST = "manifest.json"
SEGMENTS = "segments"
LOCK = ".lock"
FORMAT = "whimbrel-store"
FORMAT_VERSION = 1


class StoreError(WhimbrelError):
    """A store that is missing, invalid, or locked by another writer."""


@dataclass(frozen=True)
class Manifest:
    """What is committed: the segment numbers, the current events file and the window it was built with."""

    generation: int = 0
    segments: tuple[int, ...] = ()
    events: str | None = None
    window_days: int | None = None

    def to_json(self) -> str:
        return json.dumps(
            {
                "format": FORMAT,
                "version": FORMAT_VERSION,
                "generation": self.generation,
                "segments": list(self.segments),
                "events": self.events,
                "window_days": self.window_days,
            },
            indent=1,
        )

    @classmethod
    def parse(cls, text: str, where: str) -> Manifest:
        """Parse and validate a manifest; StoreError for anything but a well-formed one."""
        try:
            data = json.loads(text)
            if not isinstance(data, dict) or data.get("format") != FORMAT:
                raise ValueError("not a whimbrel store manifest")
            if data.get("version") != FORMAT_VERSION:
                raise ValueError(f"unsupported store version {data.get('version')!r}")
            segments = tuple(int(s) for s in data["segments"])
            events = data.get("events")
            if events is not None and (not isinstance(events, str) or not _is_events_name(events)):
                raise ValueError(f"bad events file name {events!r}")
            window = data.get("window_days")
            return cls(int(data["generation"]), segments, events, None if window is None else int(window))
        except (ValueError, KeyError, TypeError) as exc:
            raise StoreError(f"{where}: invalid manifest: {exc}") from None

    def with_commit(self, segment: int | None, events: str, window_days: int) -> Manifest:
        segments = self.segments + ((segment,) if segment is not None else ())
        return replace(self, generation=self.generation + 1, segments=segments, events=events,
                       window_days=window_days)  # fmt: skip


def events_name(generation: int) -> str:
    return f"events-{generation:06d}.parquet"


def _is_events_name(name: str) -> bool:
    stem = name.removeprefix("events-").removesuffix(".parquet")
    return name.startswith("events-") and name.endswith(".parquet") and stem.isdigit()


def segment_name(number: int) -> str:
    return f"{number:06d}"


def sql_string(value: str | Path) -> str:
    """A DuckDB string literal for a file path the store itself chose (never for article content)."""
    return "'" + str(value).replace("'", "''") + "'"


def fsync_path(path: Path) -> None:
    """Flush a file or folder to disk (folders: so that a rename in them survives a power cut)."""
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def write_atomic(path: Path, text: str) -> None:
    """Replace ``path`` with ``text`` atomically: temporary file, fsync, os.replace, fsync the folder."""
    tmp = path.with_name(f".{path.name}.tmp")
    with open(tmp, "w", encoding="utf-8") as out:
        out.write(text)
        out.flush()
        os.fsync(out.fileno())
    os.replace(tmp, path)
    fsync_path(path.parent)


class Store:
    """A whimbrel event store folder.  Open with :meth:`open`; query with :meth:`connect`."""

    def __init__(self, path: Path) -> None:
        self.path = path

    @classmethod
    def open(cls, path: Path, *, create: bool = False) -> Store:
        """Open the store at ``path`` (``create=True``: make an empty one if the folder is absent or empty).

        Raises StoreError if it is missing, not a folder, or holds no valid manifest.
        """
        path = Path(path)
        manifest = path / MANIFEST
        if create and not manifest.exists():
            if path.exists() and (not path.is_dir() or any(path.iterdir())):
                raise StoreError(f"{path}: exists and is not a whimbrel store")
            (path / SEGMENTS).mkdir(parents=True, exist_ok=True)
            write_atomic(manifest, Manifest().to_json())
        elif not path.is_dir():
            raise StoreError(f"{path}: no such store")
        elif not manifest.is_file():
            raise StoreError(f"{path}: not a whimbrel store (no {MANIFEST})")
        store = cls(path)
        store.manifest()  # validate now: a bad store fails at open, not at the first query
        return store

    def manifest(self) -> Manifest:
        """The committed state, read afresh (the writer replaces the file atomically)."""
        where = str(self.path / MANIFEST)
        try:
            text = (self.path / MANIFEST).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise StoreError(f"{where}: cannot read: {exc}") from None
        return Manifest.parse(text, where)

    def segment_path(self, number: int) -> Path:
        return self.path / SEGMENTS / segment_name(number)

    def connect(self) -> duckdb.DuckDBPyConnection:
        """A new in-memory connection with the views articles, mentions, events and failures.

        The views cover the snapshot committed when this is called; connect again to see later commits.
        """
        con = duckdb.connect(":memory:")
        try:
            create_views(con, self, self.manifest())
        except duckdb.Error as exc:
            con.close()
            raise StoreError(f"{self.path}: cannot read store: {exc}") from None
        return con

    def stored_versions(self) -> set[tuple[str, str]]:
        """Every committed (article_id, article_version), latest or not."""
        manifest = self.manifest()
        if not manifest.segments:
            return set()
        con = duckdb.connect(":memory:")
        try:
            files = _file_list(self, manifest.segments, "articles.parquet")
            rows = con.sql(
                f"SELECT DISTINCT article_id, article_version FROM read_parquet({files})"
            ).fetchall()
        finally:
            con.close()
        return {(str(a), str(v)) for a, v in rows}

    def writer(self, *, window_days: int = 3) -> StoreWriter:
        """The single writer (a context manager taking STORE/.lock); see StoreWriter."""
        from whimbrel.store.writer import StoreWriter

        return StoreWriter(self, window_days=window_days)


def _file_list(store: Store, segments: Sequence[int], name: str) -> str:
    return "[" + ", ".join(sql_string(store.segment_path(n) / name) for n in segments) + "]"


def create_views(con: duckdb.DuckDBPyConnection, store: Store, manifest: Manifest) -> None:
    """Create the four views over the snapshot ``manifest`` (typed empty views for an empty store)."""
    segs = manifest.segments
    if segs:
        files = {n: _file_list(store, segs, f"{n}.parquet") for n in ("articles", "mentions", "failures")}
        articles = (
            f"SELECT {', '.join(ARTICLE_VIEW)} FROM read_parquet({files['articles']}) "
            "QUALIFY row_number() OVER (PARTITION BY article_id ORDER BY segment DESC, seq DESC) = 1"
        )
        mentions = (
            f"SELECT m.*, a.published, a.outlet FROM read_parquet({files['mentions']}) m "
            "JOIN articles a ON m.article_id = a.article_id AND m.article_version = a.article_version"
        )
        failures = (
            f"SELECT {', '.join(FAILURE_VIEW)} FROM read_parquet({files['failures']}) "
            "QUALIFY row_number() OVER (PARTITION BY source ORDER BY segment DESC, seq DESC) = 1"
        )
    else:
        articles = empty_select(ARTICLE_COLUMNS, ARTICLE_VIEW)
        mention_cols = {**MENTION_COLUMNS, "published": "DATE", "outlet": "VARCHAR"}
        mentions = empty_select(mention_cols)
        failures = empty_select(FAILURE_COLUMNS, FAILURE_VIEW)
    if manifest.events:
        events = f"SELECT * FROM read_parquet({sql_string(store.path / manifest.events)})"
    else:
        events = empty_select(EVENT_COLUMNS)
    con.execute(f"CREATE VIEW articles AS {articles}")
    con.execute(f"CREATE VIEW mentions AS {mentions}")
    con.execute(f"CREATE VIEW failures AS {failures}")
    con.execute(f"CREATE VIEW events AS {events}")
