"""JSON Lines feeds: one article object per line, streamed (a bad line costs only that line).

Each line is an object with ``text`` (required) and optional ``title``, ``url``, ``published``, ``id``,
``outlet``, ``author`` (aliases in ``fields.tsv``).  The text may be plain or in the markdown layout.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from datetime import date

from whimbrel.errors import InputError
from whimbrel.readers.build import build_article
from whimbrel.readers.config import ReaderConfig
from whimbrel.readers.decode import DecodeError, decode_bytes
from whimbrel.records import Article


def looks_like_jsonl(text: str) -> bool:
    """Whether the first non-blank line of ``text`` is a JSON object."""
    for line in text.split("\n", 20)[:20]:
        line = line.strip()
        if line:
            if not (line.startswith("{") and line.endswith("}")):
                return False
            try:
                return isinstance(json.loads(line), dict)
            except ValueError:
                return False
    return False


def iter_jsonl(
    lines: Iterable[bytes],
    *,
    source: str,
    published: date | None,
    config: ReaderConfig,
) -> Iterator[Article | InputError]:
    """One Article per non-blank line, or an InputError "source:LINE: ..." for a bad line.

    A feed without any record yields a single InputError "empty file".
    """
    seen = False
    for number, raw in enumerate(lines, start=1):
        if not raw.strip():
            continue
        seen = True
        where = f"{source}:{number}"
        try:
            yield _record(raw, where=where, source=source, published=published, config=config)
        except InputError as exc:
            yield exc
    if not seen:
        yield InputError(source, "empty file")


def _record(raw: bytes, *, where: str, source: str, published: date | None, config: ReaderConfig) -> Article:
    try:
        obj = json.loads(decode_bytes(raw))
    except DecodeError as exc:
        raise InputError(where, str(exc)) from None
    except ValueError as exc:
        raise InputError(where, f"invalid JSON: {_first_line(exc)}") from None
    if not isinstance(obj, dict):
        raise InputError(where, f"expected a JSON object, got {type(obj).__name__}")
    fields = _fields(obj, config)
    text = fields.pop("text", None)
    if text is None or not text.strip():
        raise InputError(where, "missing or empty 'text'")
    return build_article(
        text,
        fmt="auto",
        own=fields,
        fallback={},
        published=published,
        source=where,
        source_path=source,
        config=config,
    )


def _fields(obj: dict[str, object], config: ReaderConfig) -> dict[str, str]:
    """Article field -> value; the canonical key wins over an alias ("title" over "headline")."""
    fields: dict[str, str] = {}
    for key, value in obj.items():
        target = config.field_of(key)
        if target is None or value is None or isinstance(value, (dict, list, bool)):
            continue
        if target not in fields or key == target:
            fields[target] = str(value)
    return fields


def _first_line(exc: ValueError) -> str:
    return str(exc).split("\n", 1)[0]
