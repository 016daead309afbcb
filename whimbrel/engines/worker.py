"""Functions that run inside worker processes (ProcessPoolExecutor workers and Dask workers).

Kept free of heavy imports at module level: a process-pool worker imports this module before its
initializer runs, and the initializer must pin BLAS/OpenMP threads to one *before* numpy and spaCy load.
"""

from __future__ import annotations

import os
import pickle
import resource
import sys
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from whimbrel.config import Config
    from whimbrel.records import Article, Event

# One worker per core: thread pools inside a worker would only fight the other workers for the cores.
THREAD_VARS = ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "BLIS_NUM_THREADS")


def single_thread_env() -> dict[str, str]:
    """Environment variables that keep numeric libraries single-threaded in a worker."""
    return dict.fromkeys(THREAD_VARS, "1")


def init_process_worker(config_blob: bytes) -> None:
    """ProcessPoolExecutor initializer: pin threads, then load the coder once for this process.

    The config comes pickled so that unpickling it (which imports spaCy) waits until the thread variables
    are set.
    """
    os.environ.update(single_thread_env())
    from whimbrel.api import load_coder

    load_coder(pickle.loads(config_blob))


def code_chunk(config: Config, articles: list[Article]) -> list[list[Event]]:
    """Code one chunk of articles in this worker; the coder is loaded once per process (lru_cache)."""
    from whimbrel.api import load_coder

    return [events for _article, events in load_coder(config).code_many(articles)]


def worker_pid() -> int:
    """This worker's process id (used to start every pool worker eagerly)."""
    return os.getpid()


def peak_rss() -> int:
    """Peak resident memory of this process, in bytes.

    On Linux this is the process's own high-water mark (VmHWM): ``getrusage``'s ``ru_maxrss`` also counts
    the parent's memory at the moment a spawned worker was forked, before it ran its own program."""
    if sys.platform.startswith("linux"):
        return peak_rss_of(os.getpid())
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return int(peak if sys.platform == "darwin" else peak * 1024)  # macOS reports bytes, the BSDs KiB


def peak_rss_of(pid: int) -> int:
    """Peak resident memory of another live process, in bytes (Linux VmHWM; current RSS elsewhere)."""
    try:
        with open(f"/proc/{pid}/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    import psutil

    return int(psutil.Process(pid).memory_info().rss)
