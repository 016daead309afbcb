"""The in-process engine: the coder itself, no workers."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

from whimbrel.engines.base import EngineError
from whimbrel.engines.worker import peak_rss

if TYPE_CHECKING:
    from whimbrel.config import Config
    from whimbrel.records import Article, Event


class LocalEngine:
    """Codes in this process with ``load_coder(config).code_many`` (already streaming, in order)."""

    name = "local"

    def __init__(self, config: Config) -> None:
        from whimbrel.api import load_coder

        self.config = config
        self.workers = 1
        self._coder = load_coder(config)
        self._closed = False

    def code(self, articles: Iterable[Article]) -> Iterator[tuple[Article, list[Event]]]:
        """Yield each article with its events, in input order."""
        if self._closed:
            raise EngineError("local engine: used after close()")
        return self._coder.code_many(articles)

    def peak_memory(self) -> dict[str, int]:
        """Peak resident memory (bytes) of this process, the only worker."""
        return {"local": peak_rss()}

    def close(self) -> None:
        """Nothing to release (the coder stays cached for the process); later ``code`` calls fail."""
        self._closed = True

    def __enter__(self) -> LocalEngine:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
