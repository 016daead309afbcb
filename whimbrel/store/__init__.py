"""The event store: articles, mentions and deduplicated events in Parquet segments, read with DuckDB.

>>> from whimbrel.store import Store, ingest          # doctest: +SKIP
>>> report = ingest([Path("news/")], Path("store"))    # doctest: +SKIP
>>> Store.open(Path("store")).connect().sql("SELECT count(*) FROM events").fetchall()  # doctest: +SKIP

Layout, SQL names, deduplication and ingest are documented in docs/store.md.
"""

from whimbrel.store.ingest import Engine, IngestReport, ingest
from whimbrel.store.store import Manifest, Store, StoreError
from whimbrel.store.writer import StoreWriter

__all__ = ["Engine", "IngestReport", "Manifest", "Store", "StoreError", "StoreWriter", "ingest"]
