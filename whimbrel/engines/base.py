"""What every engine shares: the :class:`Engine` protocol, chunking and the bounded, in-order result window.

An engine codes a stream of articles and yields ``(article, events)`` pairs in input order.  Parallel engines
cut the stream into chunks, keep at most ``limit`` chunks in flight and wait for the oldest one before
submitting more, so memory holds a bounded number of articles whatever the input size (a slow chunk holds the
line back; that head-of-line wait is the price of input order without buffering).
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable, Iterator
from itertools import islice
from typing import TYPE_CHECKING, Protocol, TypeVar

from whimbrel.errors import ConfigError, WhimbrelError

if TYPE_CHECKING:
    from whimbrel.records import Article, Event

T = TypeVar("T")
R = TypeVar("R")
R_co = TypeVar("R_co", covariant=True)

ENGINES = ("local", "process", "dask")


class EngineError(WhimbrelError):
    """An engine could not start, lost a worker it cannot replace, or was used after ``close()``."""


class Engine(Protocol):
    """Codes articles somewhere (this process, worker processes, a Dask cluster)."""

    def code(self, articles: Iterable[Article]) -> Iterator[tuple[Article, list[Event]]]:
        """Yield each article with its events, in input order, streaming (bounded memory)."""
        ...

    def close(self) -> None:
        """Release workers and clusters the engine started; idempotent."""
        ...


class Handle(Protocol[R_co]):
    """The part of a future the window uses (``concurrent.futures.Future`` and ``distributed.Future``)."""

    def result(self) -> R_co: ...

    def cancel(self) -> object: ...


def chunked(items: Iterable[T], size: int) -> Iterator[list[T]]:
    """Consecutive lists of ``size`` items (the last one shorter), read lazily from ``items``."""
    iterator = iter(items)
    while batch := list(islice(iterator, size)):
        yield batch


def check_positive(name: str, value: int) -> int:
    """``value`` when it is a positive int, else ConfigError (``--workers 0`` and the like)."""
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise ConfigError(f"{name} must be a positive integer, got {value!r}")
    return value


def stream_ordered(
    items: Iterable[T],
    submit: Callable[[list[T]], Handle[list[R]]],
    *,
    chunk: int,
    limit: int,
) -> Iterator[tuple[T, R]]:
    """Submit chunks of ``items`` and yield ``(item, result)`` in input order, ≤ ``limit`` chunks in flight.

    ``submit(batch)`` starts work on one chunk and returns a future of one result per item.  Chunks still in
    flight when the consumer stops early (or an error escapes) are cancelled.
    """
    window: deque[tuple[list[T], Handle[list[R]]]] = deque()
    try:
        for batch in chunked(items, chunk):
            window.append((batch, submit(batch)))
            if len(window) >= limit:
                yield from _pairs(*window.popleft())
        while window:
            yield from _pairs(*window.popleft())
    finally:
        for _batch, handle in window:
            handle.cancel()


def _pairs(batch: list[T], handle: Handle[list[R]]) -> Iterator[tuple[T, R]]:
    results = handle.result()
    if len(results) != len(batch):  # a worker built from another whimbrel would break the pairing silently
        raise EngineError(f"a worker returned {len(results)} results for {len(batch)} articles")
    yield from zip(batch, results, strict=True)
