"""Writing query results: a readable table, CSV, JSON Lines (keys = column names) or Parquet."""

from __future__ import annotations

import csv
import itertools
import json
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date, datetime, time
from decimal import Decimal
from pathlib import Path
from typing import Any, TextIO

import duckdb

from whimbrel.errors import ConfigError

ROW_FORMATS = ("table", "csv", "jsonl", "parquet")
_BATCH = 2000
_TABLE_WIDTH = 40  # widest column in the terminal view; longer values are clipped with an ellipsis


def plain(value: Any) -> Any:
    """A DuckDB value as JSON-ready Python: dates ISO, decimals as floats, lists and structs kept."""
    if isinstance(value, datetime | date | time):
        return value.isoformat()
    if isinstance(value, Decimal):
        return float(value)
    if isinstance(value, list | tuple):
        return [plain(v) for v in value]
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    return value


def text_cell(value: Any) -> str:
    """One value as CSV/table text: empty for NULL, lists joined with ``;`` (like ``whimbrel code`` CSV)."""
    value = plain(value)
    if value is None:
        return ""
    if isinstance(value, list):
        return ";".join(text_cell(v) for v in value)
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def iter_rows(rel: duckdb.DuckDBPyRelation) -> Iterator[tuple[Any, ...]]:
    """Stream a relation's rows in batches (the result is never held in memory as a whole)."""
    # One run of the query, handed over a batch at a time (duckdb 2's relations keep no cursor).
    yield from rel.iter_rows(batch_size=_BATCH)


@contextmanager
def text_out(out: TextIO | Path | str) -> Iterator[TextIO]:
    """``out`` itself if it is a stream, else the file it names, opened for writing (UTF-8)."""
    if isinstance(out, str | Path):
        with open(out, "w", encoding="utf-8", newline="") as handle:
            yield handle
    else:
        yield out


def write_rows(rel: duckdb.DuckDBPyRelation, fmt: str, out: TextIO | Path | str) -> int:
    """Write every row of ``rel`` to ``out`` in ``fmt`` (one of ROW_FORMATS); returns the row count.

    ``jsonl`` writes one JSON object per row whose keys are the column names (dates ISO, NULL as null);
    ``parquet`` needs a file path.
    """
    if fmt not in ROW_FORMATS:
        raise ConfigError(f"unknown format {fmt!r}; choose from {', '.join(ROW_FORMATS)}")
    if fmt == "parquet":
        if not isinstance(out, str | Path):
            raise ConfigError("the parquet format needs an output file (--out FILE)")
        rel.write_parquet(str(out))
        found = duckdb.connect().execute("SELECT sum(num_rows) FROM parquet_file_metadata(?)", [str(out)])
        return int((found.fetchone() or [0])[0] or 0)
    writer: Callable[[duckdb.DuckDBPyRelation, TextIO], int]
    writer = {"jsonl": _write_jsonl, "csv": _write_csv, "table": _write_table}[fmt]
    with text_out(out) as handle:
        return writer(rel, handle)


def _write_jsonl(rel: duckdb.DuckDBPyRelation, out: TextIO) -> int:
    columns, count = rel.columns, 0
    for row in iter_rows(rel):
        record = {name: plain(value) for name, value in zip(columns, row, strict=True)}
        out.write(json.dumps(record, ensure_ascii=False) + "\n")
        count += 1
    return count


def _write_csv(rel: duckdb.DuckDBPyRelation, out: TextIO) -> int:
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(rel.columns)
    count = 0
    for row in iter_rows(rel):
        writer.writerow([text_cell(v) for v in row])
        count += 1
    return count


def _write_table(rel: duckdb.DuckDBPyRelation, out: TextIO) -> int:
    # Widths come from the first batch so the table streams; later values are cut to those widths.
    columns, rows = list(rel.columns), iter_rows(rel)
    first = [_cells(row) for row in itertools.islice(rows, _BATCH)]
    widths = _widths(columns, first)
    out.write(_line(columns, widths) + "".join(_line(cells, widths) for cells in first))
    count = len(first)
    for row in rows:
        out.write(_line(_cells(row), widths))
        count += 1
    return count


def _cells(row: tuple[Any, ...]) -> list[str]:
    return [_clip(_printable(text_cell(v))) for v in row]


def _widths(columns: list[str], rows: list[list[str]]) -> list[int]:
    return [max([len(name), *(len(r[i]) for r in rows)]) for i, name in enumerate(columns)]


def _line(cells: list[str], widths: list[int]) -> str:
    return "  ".join(c[:w].ljust(w) for c, w in zip(cells, widths, strict=True)).rstrip() + "\n"


def _clip(text: str) -> str:
    return text if len(text) <= _TABLE_WIDTH else text[: _TABLE_WIDTH - 1] + "…"


def _printable(text: str) -> str:
    # Article text is untrusted: never pass terminal control characters through to the screen.
    return "".join(ch if ch.isprintable() else " " for ch in text)
