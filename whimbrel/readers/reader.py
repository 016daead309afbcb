"""Reading article files and texts: size and type checks, decoding, format choice, one Article each."""

from __future__ import annotations

import stat
import sys
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import BinaryIO

from whimbrel.errors import ConfigError, InputError
from whimbrel.readers.build import build_article, looks_like_html, sniff_format
from whimbrel.readers.config import ReaderConfig, default_config
from whimbrel.readers.decode import SNIFF_BYTES, DecodeError, clean_text, decode_bytes
from whimbrel.readers.jsonl import iter_jsonl, looks_like_jsonl
from whimbrel.readers.paths import STDIN
from whimbrel.records import Article

DEFAULT_MAX_BYTES = 20_000_000
_SUFFIX_FORMATS = {".html": "html", ".htm": "html", ".jsonl": "jsonl", ".ndjson": "jsonl"}


def parse_published(value: str | date | None) -> date | None:
    """``"2016-09-02"`` or a date → date; None stays None; anything else raises ConfigError."""
    if value is None or isinstance(value, date):
        return value
    try:
        return date.fromisoformat(value)
    except (TypeError, ValueError) as exc:
        raise ConfigError(f"published date must be YYYY-MM-DD, got {value!r}") from exc


def read_text(
    text: str,
    *,
    fmt: str = "auto",
    published: str | date | None = None,
    title: str | None = None,
    url: str | None = None,
    outlet: str | None = None,
    author: str | None = None,
    supplied_id: str | None = None,
    source_path: str | None = None,
    config: ReaderConfig | None = None,
) -> Article:
    """One Article from a text in format ``fmt`` (auto, markdown, text, html or header).

    The article's own metadata (header block, HTML metadata, byline, date line, ``# Title``) wins; the
    keyword arguments are fallbacks for what the text does not say.  Raises InputError when no text
    is left, ConfigError for an unknown ``fmt``.
    """
    text = clean_text(text)  # what read_path's decoding does: line ends, invisible characters, NFC
    fallback = {"title": title, "url": url, "outlet": outlet, "author": author, "id": supplied_id}
    source = str(source_path) if source_path else "<text>"
    return build_article(
        text,
        fmt=fmt,
        own={},
        fallback=fallback,
        published=parse_published(published),
        source=source,
        source_path=str(source_path) if source_path else None,
        config=config or default_config(),
    )


def read_path(
    path: Path,
    *,
    published: str | date | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    config: ReaderConfig | None = None,
) -> Iterator[Article | InputError]:
    """Articles of one file (``Path("-")`` = standard input); problems come as InputError items.

    A JSON Lines file (``.jsonl``/``.ndjson``, or content whose first line is an object) yields one item
    per line; any other file yields one Article, or exactly one InputError for a whole-file problem
    (missing, unreadable, too large, empty, binary, undecodable, no text).
    """
    config = config or default_config()
    published = parse_published(published)
    path = Path(path)
    source = "<stdin>" if path == STDIN else str(path)
    fmt = _SUFFIX_FORMATS.get(path.suffix.lower(), "auto")
    try:
        if path == STDIN:
            data = _read_stream(sys.stdin.buffer, max_bytes, source)
        else:
            _check_file(path, max_bytes)
            if fmt == "jsonl":
                yield from _read_jsonl_file(path, published=published, config=config)
                return
            data = _read_file(path, max_bytes)
        text = decode_bytes(data)
    except InputError as exc:
        yield exc
        return
    except DecodeError as exc:
        yield InputError(source, str(exc))
        return
    yield from _parse(text, fmt, source=source, published=published, config=config)


def _parse(
    text: str, fmt: str, *, source: str, published: date | None, config: ReaderConfig
) -> Iterator[Article | InputError]:
    if not text.strip():
        yield InputError(source, "empty file")
        return
    if fmt == "jsonl" or (fmt == "auto" and not looks_like_html(text) and looks_like_jsonl(text)):
        lines = (line.encode("utf-8") for line in text.split("\n"))
        yield from iter_jsonl(lines, source=source, published=published, config=config)
        return
    try:
        yield build_article(
            text,
            fmt=fmt if fmt != "auto" else sniff_format(text, config),
            own={},
            fallback={},
            published=published,
            source=source,
            source_path=source,
            config=config,
        )
    except InputError as exc:
        yield exc


def _read_jsonl_file(
    path: Path, *, published: date | None, config: ReaderConfig
) -> Iterator[Article | InputError]:
    """Stream a feed line by line; the binary and encoding tests look at its first block only."""
    try:
        with path.open("rb") as stream:
            head = stream.read(SNIFF_BYTES)
            # A binary or undecodable feed is one whole-file error, not one error per "line".
            decode_bytes(head[: head.rfind(b"\n") + 1] or head)
            stream.seek(0)
            yield from iter_jsonl(stream, source=str(path), published=published, config=config)
    except DecodeError as exc:
        yield InputError(str(path), str(exc))
    except OSError as exc:
        yield InputError(str(path), f"cannot read: {exc.strerror or exc}")


def _check_file(path: Path, max_bytes: int) -> None:
    """Refuse, before reading, what is missing, not a regular file, or larger than ``max_bytes``."""
    try:
        info = path.stat()
    except FileNotFoundError:
        raise InputError(str(path), "no such file or directory") from None
    except OSError as exc:
        raise InputError(str(path), f"cannot read: {exc.strerror or exc}") from None
    if stat.S_ISDIR(info.st_mode):
        raise InputError(str(path), "is a directory, not a file")
    if not stat.S_ISREG(info.st_mode):
        raise InputError(str(path), "not a regular file")
    if info.st_size > max_bytes:
        raise InputError(str(path), too_large(info.st_size, max_bytes))


def too_large(size: int, max_bytes: int) -> str:
    """The message for an oversized input, e.g. "file too large: 52.4 MB > 20.0 MB limit"."""
    return f"file too large: {size / 1e6:.1f} MB > {max_bytes / 1e6:.1f} MB limit"


def _read_file(path: Path, max_bytes: int) -> bytes:
    try:
        with path.open("rb") as stream:
            return _read_stream(stream, max_bytes, str(path))
    except OSError as exc:
        raise InputError(str(path), f"cannot read: {exc.strerror or exc}") from None


def _read_stream(stream: BinaryIO, max_bytes: int, source: str) -> bytes:
    """Read at most ``max_bytes`` (the file may have grown since it was measured, stdin is unmeasured)."""
    data = stream.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise InputError(source, f"file too large: more than {max_bytes / 1e6:.1f} MB limit")
    return data
