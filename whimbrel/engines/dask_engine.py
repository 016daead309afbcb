"""The Dask engine: chunks of articles coded on a Dask ``distributed`` cluster, local or remote.

With a scheduler address it uses that cluster (its workers need the same whimbrel installed); otherwise it
starts a ``LocalCluster`` of single-threaded worker processes on the loopback interface and stops it in
``close()``.  Each worker process loads the language model once (``load_coder`` is cached per process).
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any

from whimbrel.engines.base import EngineError, check_positive, stream_ordered
from whimbrel.engines.worker import code_chunk, peak_rss, single_thread_env

if TYPE_CHECKING:
    from distributed import Client, Future, LocalCluster

    from whimbrel.config import Config
    from whimbrel.records import Article, Event

CONNECT_TIMEOUT_S = 30  # how long to wait for an existing scheduler and its first worker
QUIET_WORKERS = {
    "distributed.worker.profile.enabled": False,
    "distributed.admin.system-monitor.interval": "5s",
    "distributed.worker.memory.monitor-interval": "5s",
    # Dask's nanny sets MALLOC_TRIM_THRESHOLD_=65536 so workers hand memory back to the OS early; spaCy
    # allocates and frees many small arrays per sentence, and the constant trimming costs CPU: keep glibc's
    # default (the process pool runs with it too).
    "distributed.nanny.pre-spawn-environ": {
        "OMP_NUM_THREADS": 1,
        "MKL_NUM_THREADS": 1,
        "OPENBLAS_NUM_THREADS": 1,
    },
}


class DaskEngine:
    """Codes chunks of ``chunk`` articles as Dask tasks; ≤ 2 × (worker threads) chunks in flight.

    ``timeout`` (seconds) bounds the wait for an existing ``scheduler`` and for its first worker.
    """

    name = "dask"

    def __init__(
        self,
        config: Config,
        *,
        workers: int = 2,
        scheduler: str | None = None,
        chunk: int = 8,
        timeout: float = CONNECT_TIMEOUT_S,
    ) -> None:
        self.config = config
        self.chunk = check_positive("chunk", chunk)
        self._cluster: LocalCluster | None = None
        self._client: Client | None = None
        try:
            if scheduler:
                self._client = _connect(scheduler, timeout)
            else:
                self._cluster = _local_cluster(check_positive("workers", workers))
                self._client = _client_of(self._cluster)
            threads = sum(w["nthreads"] for w in self._client.scheduler_info()["workers"].values())
        except BaseException:
            self.close()
            raise
        self.workers = max(1, threads)

    def code(self, articles: Iterable[Article]) -> Iterator[tuple[Article, list[Event]]]:
        """Yield each article with its events, in input order, streaming."""
        if self._client is None:
            raise EngineError("dask engine: used after close()")
        client = self._client

        def submit(batch: list[Article]) -> Future:
            # pure=False: identical chunks (a feed repeating itself) must not share one cached result key.
            return client.submit(code_chunk, self.config, batch, pure=False)

        return _one_line_errors(stream_ordered(articles, submit, chunk=self.chunk, limit=2 * self.workers))

    def peak_memory(self) -> dict[str, int]:
        """Peak resident memory (bytes) of each worker process, keyed by worker address."""
        if self._client is None:
            return {}
        return {str(k): int(v) for k, v in self._client.run(peak_rss).items()}

    @property
    def scheduler_address(self) -> str | None:
        """The address of the scheduler in use (of the local cluster when the engine started one)."""
        return None if self._client is None else str(self._client.scheduler_info()["address"])

    def close(self) -> None:
        """Disconnect, and stop the local cluster if this engine started it; idempotent."""
        client, cluster = self._client, self._cluster
        self._client = self._cluster = None
        if client is not None:
            client.close()
        if cluster is not None:
            cluster.close()

    def __enter__(self) -> DaskEngine:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _one_line_errors(
    stream: Iterator[tuple[Article, list[Event]]],
) -> Iterator[tuple[Article, list[Event]]]:
    from distributed import KilledWorker

    try:
        yield from stream
    except KilledWorker as exc:  # the scheduler gave up on a chunk after it took down several workers
        raise EngineError(f"dask engine: workers kept dying on one chunk ({_one_line(exc)})") from None


def _local_cluster(workers: int) -> LocalCluster:
    from distributed import LocalCluster

    options: dict[str, Any] = {
        "n_workers": workers,
        "threads_per_worker": 1,  # spaCy is CPU-bound: one process per core, no GIL contention
        "processes": True,
        "host": "127.0.0.1",  # loopback only: nothing outside this machine can submit work to it
        "dashboard_address": None,
        # With no dashboard the scheduler still serves HTTP (health, metrics) on port 8787 and warns when a
        # second cluster finds it taken: a free port on the loopback interface instead.
        "scheduler_kwargs": {"dashboard_address": "127.0.0.1:0"},
        "silence_logs": logging.ERROR,
        "env": single_thread_env(),  # set before each worker process starts, so before numpy loads
    }
    import dask

    try:
        # Captured by each nanny and handed to its worker: no 10 ms stack sampler or frequent monitors
        # competing with spaCy for the worker's only core (about 5% less worker CPU per article here).
        with dask.config.set(QUIET_WORKERS):
            return LocalCluster(**options)
    except Exception as exc:
        raise EngineError(f"dask engine: cannot start a local cluster ({_one_line(exc)})") from None


def _client_of(cluster: LocalCluster) -> Client:
    from distributed import Client

    return Client(cluster, set_as_default=False)


def _connect(scheduler: str, timeout: float) -> Client:
    from distributed import Client

    try:
        client = Client(scheduler, timeout=timeout, set_as_default=False)
    except Exception as exc:
        raise EngineError(f"dask engine: cannot reach scheduler {scheduler} ({_one_line(exc)})") from None
    try:
        client.wait_for_workers(1, timeout=timeout)
    except Exception:
        client.close()
        raise EngineError(f"dask engine: scheduler {scheduler} has no workers") from None
    return client


def _one_line(exc: BaseException) -> str:
    text = " ".join(str(exc).split()) or type(exc).__name__
    return text[:200]
