"""The multiprocess engine: a ``ProcessPoolExecutor`` whose workers each load the coder once."""

from __future__ import annotations

import multiprocessing
import pickle
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import TYPE_CHECKING

from whimbrel.engines.base import EngineError, check_positive, stream_ordered
from whimbrel.engines.worker import code_chunk, init_process_worker, peak_rss_of, worker_pid

if TYPE_CHECKING:
    from whimbrel.config import Config
    from whimbrel.records import Article, Event


class ProcessEngine:
    """Codes chunks of ``chunk`` articles on ``workers`` processes; ≤ 2 × workers chunks in flight.

    Workers are *spawned* (not forked): a fork of a process that runs threads (a Dask client, tqdm) can
    deadlock, and a fresh interpreter lets the initializer pin BLAS threads before numpy loads.  All workers
    start, and load the language model, in the constructor, so a bad configuration fails here.
    """

    name = "process"

    def __init__(self, config: Config, *, workers: int = 2, chunk: int = 8) -> None:
        self.config = config
        self.workers = check_positive("workers", workers)
        self.chunk = check_positive("chunk", chunk)
        self._pool: ProcessPoolExecutor | None = ProcessPoolExecutor(
            max_workers=workers,
            mp_context=multiprocessing.get_context("spawn"),
            initializer=init_process_worker,
            initargs=(pickle.dumps(config),),
        )
        try:
            # Submitted together, these spawn every worker now rather than on first use.
            for future in [self._pool.submit(worker_pid) for _ in range(workers)]:
                future.result()
        except BrokenProcessPool as exc:
            self.close()
            raise EngineError(f"process engine: a worker failed to start ({exc})") from None

    def code(self, articles: Iterable[Article]) -> Iterator[tuple[Article, list[Event]]]:
        """Yield each article with its events, in input order, streaming."""
        if self._pool is None:
            raise EngineError("process engine: used after close()")
        return self._stream(self._pool, articles)

    def _stream(
        self, pool: ProcessPoolExecutor, articles: Iterable[Article]
    ) -> Iterator[tuple[Article, list[Event]]]:
        def submit(batch: list[Article]) -> Future[list[list[Event]]]:
            return pool.submit(code_chunk, self.config, batch)

        try:
            yield from stream_ordered(articles, submit, chunk=self.chunk, limit=2 * self.workers)
        except BrokenProcessPool:
            raise EngineError("process engine: a worker process died; the pool cannot go on") from None

    def peak_memory(self) -> dict[str, int]:
        """Peak resident memory (bytes) of each live worker, keyed ``pid:N``."""
        # The executor has no public list of its processes; `_processes` (pid → Process) exists since 3.2.
        processes = getattr(self._pool, "_processes", None) or {}
        return {f"pid:{pid}": peak_rss_of(pid) for pid in list(processes)}

    def close(self) -> None:
        """Cancel pending chunks and stop the workers; idempotent."""
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None

    def __enter__(self) -> ProcessEngine:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
