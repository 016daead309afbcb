"""Article readers: files, folders, standard input and texts to :class:`~whimbrel.records.Article`.

Formats: the web-to-markdown layout, header blocks (``url:``/``outlet:``/``published:``/``title:`` then a
blank line), plain text, HTML pages (via trafilatura) and JSON Lines feeds.  Unreadable input never
raises from ``read_path``: it comes out as one-line :class:`~whimbrel.errors.InputError` items.
"""

from __future__ import annotations

from whimbrel.readers.config import ReaderConfig, default_config
from whimbrel.readers.paths import ARTICLE_SUFFIXES, iter_article_paths
from whimbrel.readers.reader import parse_published, read_path, read_text

__all__ = [
    "ARTICLE_SUFFIXES",
    "ReaderConfig",
    "default_config",
    "iter_article_paths",
    "parse_published",
    "read_path",
    "read_text",
]
