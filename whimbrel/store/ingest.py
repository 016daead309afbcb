"""Ingest: read articles, skip the stored ones, code the rest, commit them to the store in batches."""

from __future__ import annotations

import sys
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date
from itertools import chain
from pathlib import Path
from typing import Protocol

from tqdm import tqdm

from whimbrel.config import Config
from whimbrel.errors import ConfigError, InputError
from whimbrel.readers import iter_article_paths, read_path
from whimbrel.records import Article, Event
from whimbrel.store.store import Store
from whimbrel.store.writer import StoreWriter

_STREAM_SUFFIXES = frozenset({".jsonl", ".ndjson"})


class Engine(Protocol):
    """What ingest needs of a coding engine (whimbrel.engines): ordered, streaming ``code`` and ``close``."""

    def code(self, articles: Iterable[Article]) -> Iterator[tuple[Article, list[Event]]]: ...

    def close(self) -> None: ...


@dataclass
class IngestReport:
    """What one ingest did.  ``failures``: (source, error) of every input that could not be read."""

    coded: int = 0
    skipped: int = 0
    events: int = 0
    failures: list[tuple[str, str]] = field(default_factory=list)
    segments: int = 0
    seconds: float = 0.0


def ingest(
    paths: Sequence[Path],
    store: Path,
    *,
    config: Config | None = None,
    engine: Engine | None = None,
    published: date | None = None,
    batch: int = 500,
    window_days: int = 3,
    progress: bool = False,
    log: Callable[[str], None] | None = None,
) -> IngestReport:
    """Code the articles of ``paths`` (files, folders, ``-`` for stdin) into the store at ``store``.

    Articles whose (id, version) is already stored are skipped before coding.  Every ``batch`` articles
    (or failures) are committed as one segment.  ``engine`` codes (default: the in-process coder);
    ``progress`` shows a tqdm bar on stderr; ``log`` receives one line per committed batch.
    """
    if batch < 1:
        raise ConfigError(f"batch must be 1 or more, got {batch}")
    config = config or Config()
    target = Store.open(Path(store), create=True)
    report = IngestReport()
    started = time.perf_counter()
    files = list(iter_article_paths(paths))  # paths only: cheap, and gives the bar a total where known
    bar = tqdm(total=_known_total(files), unit="article", file=sys.stderr,
               disable=not progress)  # fmt: skip
    try:
        with target.writer(window_days=window_days) as writer:
            articles = _new_articles(files, writer, report, bar, published, config.max_bytes)
            stream = engine.code(articles) if engine is not None else _local_code(articles, config)
            for article, events in stream:
                writer.add(article, events)
                report.coded += 1
                report.events += len(events)
                bar.update(1)
                if writer.pending >= batch:
                    _commit(writer, report, started, log)
            _commit(writer, report, started, log)
    finally:
        bar.close()
    report.seconds = time.perf_counter() - started
    return report


def _local_code(articles: Iterable[Article], config: Config) -> Iterator[tuple[Article, list[Event]]]:
    from whimbrel.api import load_coder

    stream = iter(articles)
    first = next(stream, None)
    if first is None:  # all stored already: do not load the language model at all
        return
    yield from load_coder(config).code_many(chain([first], stream))


def _known_total(files: list[Path | InputError]) -> int | None:
    """Number of articles if every input is a one-article file; None for stdin and JSON Lines feeds."""
    paths = [f for f in files if isinstance(f, Path)]
    if any(p == Path("-") or p.suffix.lower() in _STREAM_SUFFIXES for p in paths):
        return None
    return len(paths)


def _new_articles(
    files: list[Path | InputError],
    writer: StoreWriter,
    report: IngestReport,
    bar: tqdm,
    published: date | None,
    max_bytes: int,
) -> Iterator[Article]:
    """Articles not yet stored, in input order; failures go to the writer and the report as they come."""
    seen: set[tuple[str, str]] = set()  # also catches a repeat that the coder has not handed back yet
    for item in files:
        items: Iterable[Article | InputError] = (
            [item]
            if isinstance(item, InputError)
            else read_path(item, published=published, max_bytes=max_bytes)
        )
        for article in items:
            if isinstance(article, InputError):
                writer.add_failure(article.source, article.message)
                report.failures.append((article.source, article.message))
                bar.update(1)
                continue
            key = (article.id, article.version)
            if key in seen or writer.is_stored(*key):
                report.skipped += 1
                bar.update(1)
                continue
            seen.add(key)
            yield article


def _commit(
    writer: StoreWriter, report: IngestReport, started: float, log: Callable[[str], None] | None
) -> None:
    before = writer.segments_written
    writer.commit()
    report.segments = writer.segments_written
    if log is not None and writer.segments_written > before:
        elapsed = max(time.perf_counter() - started, 1e-9)
        log(
            f"committed batch {report.segments}: {report.coded} coded, {report.skipped} skipped, "
            f"{len(report.failures)} failed, {report.events} events ({report.coded / elapsed:.1f} articles/s)"
        )
