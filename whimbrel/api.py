"""The documented Python API: ``code`` and ``classify``.

>>> import whimbrel
>>> events = whimbrel.code("Russian President Vladimir Putin met Chinese President Xi Jinping in Beijing on "
...                        "Monday.", published="2019-06-05")
>>> [(e.source.name, e.code.plover, e.target.name, e.date.start.isoformat()) for e in events]
[('Vladimir Putin', 'CONSULT', 'Xi Jinping', '2019-06-03')]
"""

from __future__ import annotations

import gc
from collections.abc import Iterable, Iterator
from datetime import date
from functools import lru_cache
from pathlib import Path

from whimbrel.config import Config
from whimbrel.pipeline import Coder
from whimbrel.readers import parse_published, read_text
from whimbrel.records import Article, Event


@lru_cache(maxsize=4)
def load_coder(config: Config | None = None) -> Coder:
    """The coder for ``config`` (default settings when None), loaded once per process.

    What it loaded (the spaCy model, dictionaries, patterns, gazetteer: millions of objects that live as
    long as the process) is then moved out of the cyclic garbage collector's sight (``gc.freeze``): the
    full collections that coding triggers no longer walk it, which makes coding about 2 % faster
    (bench/throughput.py).  Those objects are never freed before the process ends, as they would not be
    anyway while the coder is cached."""
    coder = Coder.load(config or Config())
    gc.collect()
    gc.freeze()
    return coder


def code(
    text: str,
    *,
    published: str | date | None = None,
    fmt: str = "auto",
    title: str | None = None,
    url: str | None = None,
    outlet: str | None = None,
    article_id: str | None = None,
    config: Config | None = None,
) -> list[Event]:
    """Code the political events in one article's text.

    ``text`` may be plain text, the web-to-markdown layout, a header block or HTML (``fmt="auto"`` detects
    it).  ``published`` (YYYY-MM-DD) resolves relative dates when the article itself gives no date.
    Returns typed :class:`~whimbrel.records.Event` records; ``event.to_dict()`` is the JSON Lines contract.
    """
    article = read_text(
        text,
        fmt=fmt,
        published=parse_published(published),
        title=title,
        url=url,
        outlet=outlet,
        supplied_id=article_id,
    )
    return load_coder(config).code(article)


def code_articles(
    articles: Iterable[Article], config: Config | None = None
) -> Iterator[tuple[Article, list[Event]]]:
    """Code many articles (from :func:`whimbrel.readers.read_path`), yielding each with its events."""
    return load_coder(config).code_many(articles)


def code_file(
    path: str | Path, *, published: str | date | None = None, config: Config | None = None
) -> list[Event]:
    """Code every article of one file (any supported format); raises InputError for an unreadable file."""
    from whimbrel.readers import read_path

    events: list[Event] = []
    coder = load_coder(config)
    for item in read_path(Path(path), published=parse_published(published)):
        if isinstance(item, Exception):
            raise item
        events.extend(coder.code(item))
    return events
