"""Execution engines: where articles are coded (this process, worker processes, a Dask cluster).

>>> from whimbrel.config import Config
>>> engine = make_engine("local", Config())                             # doctest: +SKIP
>>> for article, events in engine.code(articles): ...                   # doctest: +SKIP
>>> engine.close()                                                      # doctest: +SKIP

Every engine yields ``(article, events)`` in input order and streams: a bounded number of chunks is in
flight, so memory stays bounded on any input size.  Results are identical across engines (docs/engines.md).
Importing this package is cheap: spaCy loads when an engine starts, ``distributed`` only for the Dask engine.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

from whimbrel.engines.base import ENGINES, Engine, EngineError, check_positive
from whimbrel.engines.dask_engine import DaskEngine
from whimbrel.engines.local import LocalEngine
from whimbrel.engines.process import ProcessEngine
from whimbrel.errors import ConfigError

if TYPE_CHECKING:
    from whimbrel.config import Config

__all__ = ["ENGINES", "DaskEngine", "Engine", "EngineError", "LocalEngine", "ProcessEngine", "make_engine"]


def make_engine(
    name: str,
    config: Config,
    *,
    workers: int | None = None,
    scheduler: str | None = None,
    chunk: int = 8,
) -> Engine:
    """Start the engine called ``name`` (local | process | dask); ConfigError for a bad name or option.

    ``workers``: worker processes of the process engine or of the Dask local cluster (default: one per CPU
    core; ignored by the local engine and when ``scheduler`` names an existing Dask cluster).
    ``scheduler``: a Dask scheduler address (dask only).  ``chunk``: articles per task.
    """
    if name not in ENGINES:
        raise ConfigError(f"unknown engine {name!r} (choose from {', '.join(ENGINES)})")
    if scheduler and name != "dask":
        raise ConfigError(f"a scheduler address needs the dask engine, not {name!r}")
    count = (os.cpu_count() or 1) if workers is None else check_positive("workers", workers)
    if name == "local":
        return LocalEngine(config)
    if name == "process":
        return ProcessEngine(config, workers=count, chunk=chunk)
    return DaskEngine(config, workers=count, scheduler=scheduler, chunk=chunk)
