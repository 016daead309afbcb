"""An in-memory index of a snapshot's events for ``GET /events``: filters, sorts and pages without SQL scans.

DuckDB answers ``/events`` correctly but at ~75 ms of CPU per request over a million events (two scans per
request, string comparisons on every row, top-N sorts that carry whole rows).  This index, built once per
snapshot from its ``events`` table (in ``rowid`` order, which is date order), answers the same question with
numpy over small integer columns, which release the GIL:

* **filter columns**: each side's ``lower(name)`` and country as codes of shared dictionaries, PLOVER type,
  CAMEO root and status as codes, quad class, dates as day numbers, confidence.  A filter value is resolved
  to a code with a dictionary look-up (an unknown value matches nothing without a scan), using DuckDB's own
  ``lower``/``upper`` so that case folding is exactly the SQL filter's;
* **text**: a one-column table of lower-cased sentences in DuckDB (``contains`` per word, one scan);
* **sorts**: per sort key, the rows in that order and each row's rank in it, computed by DuckDB with the
  ``ORDER BY`` of :data:`EVENT_SORTS` (ties by ``event_id``, undated last), so the order is the SQL order;
* **rows**: the page's fields are read from columns kept here (dictionary codes, or one UTF-8 buffer with
  offsets for near-unique strings), because fetching 500 scattered rows back from DuckDB by ``rowid`` costs
  ~30 ms.

The answer for given filters, sort and page is the same as ``whimbrel.query.filters.where_clause`` with
``ORDER BY EVENT_SORTS[sort] LIMIT … OFFSET …`` over the same table (tests/test_serve_index.py checks it).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

import duckdb
import numpy as np

from whimbrel.query.filters import Filters

# sort key -> ORDER BY text over the events table.  The table is stored in date order.
EVENT_SORTS: dict[str, str] = {
    "date": "date_start NULLS LAST, event_id",
    "-date": "date_start DESC NULLS LAST, event_id",
    "confidence": "confidence NULLS LAST, event_id",
    "-confidence": "confidence DESC NULLS LAST, event_id",
    "mentions": "num_mentions, event_id",
    "-mentions": "num_mentions DESC, event_id",
    "goldstein": "goldstein NULLS LAST, event_id",
    "-goldstein": "goldstein DESC NULLS LAST, event_id",
}
TEXT_TABLE = "event_text"
_EPOCH = date(1970, 1, 1)
_NO_DAY_LOW, _NO_DAY_HIGH = np.iinfo(np.int32).min, np.iinfo(np.int32).max
# Below this share of matching rows a page is found by ranking the matches; above, by walking the sort order.
_RANK_SHARE = 1 / 16
_WALK_CHUNK = 1 << 16


class DictColumn:
    """A column as codes into a list of distinct values (code 0 is NULL)."""

    def __init__(self, codes: np.ndarray, values: list[Any]) -> None:
        self.codes, self.values = codes, values

    def take(self, rows: np.ndarray) -> list[Any]:
        """The values of ``rows``."""
        values = self.values
        return [values[c] for c in self.codes[rows].tolist()]


class BlobColumn:
    """A near-unique text column as one UTF-8 buffer and offsets (cheaper than a million Python strings)."""

    def __init__(self, blob: bytes, ends: np.ndarray, nulls: np.ndarray) -> None:
        self.blob, self.ends, self.nulls = blob, ends, nulls

    def take(self, rows: np.ndarray) -> list[Any]:
        """The values of ``rows``."""
        blob = self.blob
        ends = self.ends[rows].tolist()
        starts = np.where(rows > 0, self.ends[np.maximum(rows - 1, 0)], 0).tolist()
        nulls = self.nulls[rows].tolist()
        return [None if null else blob[s:e].decode() for s, e, null in zip(starts, ends, nulls, strict=True)]


class NumberColumn:
    """A numeric column as a numpy array and a NULL mask."""

    def __init__(self, values: np.ndarray, nulls: np.ndarray | None) -> None:
        self.values, self.nulls = values, nulls

    def take(self, rows: np.ndarray) -> list[Any]:
        """The values of ``rows`` (Python ints or floats, None for NULL)."""
        out: list[Any] = self.values[rows].tolist()
        if self.nulls is not None:
            for i in np.flatnonzero(self.nulls[rows]).tolist():
                out[i] = None
        return out


Column = DictColumn | BlobColumn | NumberColumn


class TextIndex:
    """Which rows' lower-cased sentence contains a word: the sentences' distinct tokens and their rows.

    A query word has no whitespace (it comes from ``str.split``), so each of its occurrences lies inside one
    token of the sentence split at whitespace: the rows whose sentence contains the word are the rows of the
    tokens that contain it.  The tokens are one string (``\\n`` between them) searched with ``str.find``;
    a word found in very many tokens (a single letter) is left to a scan instead (``rows`` gives None).
    """

    MAX_TOKENS = 5000

    def __init__(self, vocabulary: str, token_ends: np.ndarray, starts: np.ndarray, rows: np.ndarray) -> None:
        self.vocabulary, self.token_ends, self.starts, self.postings = vocabulary, token_ends, starts, rows

    def rows(self, word: str) -> np.ndarray | None:
        """Rows whose sentence holds ``word`` (lower-cased), unsorted, with repeats; None: too many tokens."""
        found: list[int] = []
        vocabulary, ends = self.vocabulary, self.token_ends
        at = vocabulary.find(word)
        while at >= 0:
            token = int(np.searchsorted(ends, at, side="right"))  # the token whose span holds `at`
            found.append(token)
            if len(found) > self.MAX_TOKENS:
                return None
            at = vocabulary.find(word, int(ends[token]) + 1)  # the next token: one hit per token is enough
        starts = self.starts
        parts = [self.postings[starts[t] : starts[t + 1]] for t in found]
        return np.concatenate(parts) if parts else np.zeros(0, np.int32)


def _text_index(con: duckdb.DuckDBPyConnection) -> TextIndex:
    """The :class:`TextIndex` of :data:`TEXT_TABLE` (splitting at fewer characters than ``str.split`` is
    safe: a token then only holds more)."""
    con.execute(
        "CREATE OR REPLACE TEMP TABLE index_tokens AS SELECT t, r FROM "
        f"(SELECT unnest(string_split_regex(s, '\\s+')) AS t, rowid AS r FROM {TEXT_TABLE}) WHERE t <> ''"
    )
    # Token codes in no particular order (sorting a million strings costs more than it brings).
    con.execute(
        "CREATE OR REPLACE TEMP TABLE index_vocabulary AS "
        "SELECT t, (row_number() OVER () - 1)::INTEGER AS code FROM (SELECT DISTINCT t FROM index_tokens)"
    )
    got = con.execute("SELECT v.code, k.r FROM index_tokens k JOIN index_vocabulary v USING (t)").fetchnumpy()
    row = con.execute(
        "SELECT coalesce(string_agg(t, chr(10) ORDER BY code), '') FROM index_vocabulary"
    ).fetchone()
    con.execute("DROP TABLE index_tokens")
    con.execute("DROP TABLE index_vocabulary")
    vocabulary = str(row[0]) if row else ""
    token_codes = np.asarray(got["code"])
    by_token = np.argsort(token_codes, kind="stable")
    rows = np.asarray(got["r"])[by_token].astype(np.int32)
    counts = np.bincount(token_codes, minlength=vocabulary.count("\n") + 1 if vocabulary else 0)
    points = np.frombuffer(vocabulary.encode("utf-32-le"), dtype=np.uint32)  # code point offsets, as str.find
    ends = np.append(np.flatnonzero(points == 10), len(vocabulary)).astype(np.int64)
    starts = np.concatenate(([0], np.cumsum(counts))).astype(np.int64)
    return TextIndex(vocabulary, ends if vocabulary else np.zeros(0, np.int64), starts, rows)


@dataclass(frozen=True)
class Page:
    """The rows (positions in the events table) of one page, and how many rows match in all."""

    total: int
    rows: np.ndarray


@dataclass(frozen=True)
class EventIndex:
    """Filter columns, sort orders and row columns of one snapshot's ``events`` table (see the module)."""

    size: int
    names: dict[str, int]  # lower(name) -> code, both sides
    countries: dict[str, int]  # country -> code, both sides
    codes: dict[str, dict[str, int]]  # plover / cameo_root / status value -> code
    sides: dict[
        str, np.ndarray
    ]  # source_name, source_country, target_name, target_country -> codes (-1 NULL)
    small: dict[str, np.ndarray]  # plover, cameo_root, status, quad_class -> codes (-1 NULL)
    day_start: np.ndarray  # date_start as days since 1970, NULL highest (ascending in a snapshot's table)
    date_ordered: bool  # day_start ascends with the rows: `until` is a prefix
    day_last: np.ndarray  # coalesce(date_end, date_start), NULL lowest
    day_last_max: np.ndarray  # running maximum of day_last: no row before it reaches a date
    confidence: np.ndarray  # NULL -inf, NaN +inf (DuckDB sorts NaN above every number)
    orders: dict[str, np.ndarray]  # sort key -> rows in that order
    ranks: dict[str, np.ndarray]  # sort key -> each row's place in that order
    columns: dict[str, Column]
    text: TextIndex

    def rows(self, fields: Sequence[str], rows: np.ndarray) -> list[tuple[Any, ...]]:
        """The ``fields`` of ``rows`` as tuples (dates as ISO strings)."""
        values = [self.columns[name].take(rows) for name in fields]
        return list(zip(*values, strict=True)) if values else [() for _ in rows]


def _days(value: date) -> int:
    return (value - _EPOCH).days


def _fetch_array(con: duckdb.DuckDBPyConnection, sql: str, params: Sequence[object] = ()) -> np.ndarray:
    array = con.execute(sql, list(params)).fetchnumpy()["v"]
    return np.asarray(array)


def _scan(con: duckdb.DuckDBPyConnection, exprs: Sequence[str], size: int) -> list[np.ndarray]:
    """Each SQL expression (fixed text, never NULL) over events, by row; one scan, placed by ``rowid``."""
    select = ", ".join(f"{expr} AS c{i}" for i, expr in enumerate(exprs))
    got = con.execute(f"SELECT rowid AS r, {select} FROM events").fetchnumpy()
    at = np.asarray(got["r"])
    out = []
    for i in range(len(exprs)):
        values = np.asarray(got[f"c{i}"])
        full = np.empty(size, values.dtype)
        full[at] = values  # scattered rather than ORDER BY rowid: no sort of a million rows per column
        out.append(full)
    return out


def _smallest(codes: np.ndarray, count: int) -> np.ndarray:
    return codes.astype(np.int16 if count < (1 << 15) - 1 else np.int32)


def _dictionary(
    con: duckdb.DuckDBPyConnection, exprs: Sequence[str], null_code: int, size: int
) -> tuple[list[Any], list[np.ndarray]]:
    """Distinct non-NULL values of the SQL expressions (fixed text) over events, and each one's codes by row.

    Codes count from 0 in value order (from 1 when ``null_code`` is 0); NULL gets ``null_code``.
    """
    union = " UNION ".join(f"SELECT {expr} AS v FROM events" for expr in exprs)
    con.execute(
        "CREATE OR REPLACE TEMP TABLE index_dictionary AS SELECT v, "
        f"(row_number() OVER (ORDER BY v) - 1 + {int(null_code == 0)})::INTEGER AS code "
        f"FROM (SELECT DISTINCT v FROM ({union}) WHERE v IS NOT NULL)"
    )
    values = [row[0] for row in con.execute("SELECT v FROM index_dictionary ORDER BY code").fetchall()]
    arrays = []
    for expr in exprs:
        got = con.execute(
            f"SELECT e.r, coalesce(d.code, {null_code}) AS code "
            f"FROM (SELECT rowid AS r, {expr} AS v FROM events) e LEFT JOIN index_dictionary d ON d.v = e.v"
        ).fetchnumpy()
        codes = np.empty(size, np.int32)
        codes[np.asarray(got["r"])] = np.asarray(got["code"])
        arrays.append(_smallest(codes, len(values) + 1))
    con.execute("DROP TABLE index_dictionary")
    return values, arrays


_NUMBERS = {"TINYINT": np.int64, "SMALLINT": np.int64, "INTEGER": np.int64, "BIGINT": np.int64,
            "DOUBLE": np.float64, "FLOAT": np.float64}  # fmt: skip


def _row_columns(
    con: duckdb.DuckDBPyConnection, fields: Sequence[str], size: int, dict_limit: int
) -> dict[str, Column]:
    """The fields of the page rows, each kept in the cheapest form for its type and number of values."""
    kinds = {str(r[0]): str(r[1]) for r in con.execute("DESCRIBE events").fetchall()}
    texts = [name for name in fields if kinds[name] == "VARCHAR"]
    counts = con.execute(
        f"SELECT {', '.join(f'count(DISTINCT {n})' for n in texts) or '0'} FROM events"
    ).fetchone()
    blobs = {name for name, n in zip(texts, counts or (), strict=False) if int(n) > dict_limit}
    numbers = [name for name in fields if kinds[name] in _NUMBERS]
    exprs = [f"coalesce({n}, 0)" for n in numbers] + [f"{n} IS NULL" for n in [*numbers, *blobs]]
    exprs += [f"strlen(coalesce({n}, ''))" for n in blobs]
    scanned = dict(zip(exprs, _scan(con, exprs, size), strict=True))
    columns: dict[str, Column] = {}
    for name in fields:
        nulls = scanned.get(f"{name} IS NULL")
        if name in numbers:
            numbers_ = scanned[f"coalesce({name}, 0)"].astype(_NUMBERS[kinds[name]])
            columns[name] = NumberColumn(numbers_, nulls if nulls is not None and nulls.any() else None)
        elif name in blobs:
            row = con.execute(
                f"SELECT coalesce(string_agg(coalesce({name}, ''), '' ORDER BY rowid), '') FROM events"
            ).fetchone()
            ends = np.cumsum(scanned[f"strlen(coalesce({name}, ''))"].astype(np.int64))
            columns[name] = BlobColumn(str(row[0] if row else "").encode(), ends, np.asarray(nulls, bool))
        else:
            distinct_values, (codes,) = _dictionary(con, [name], 0, size)
            if kinds[name] == "DATE":  # ISO text, as the JSON and CSV answers write dates
                distinct_values = [v.isoformat() for v in distinct_values]
            columns[name] = DictColumn(codes, [None, *distinct_values])
    return columns


def build_index(
    con: duckdb.DuckDBPyConnection, fields: Sequence[str], *, dict_limit: int | None = None
) -> EventIndex:
    """The index of the ``events`` table of ``con`` (call before the connection is locked down).

    ``fields`` are the columns the page rows carry; a text column with more than ``dict_limit`` distinct
    values (default: an eighth of the rows, at least 1,000) is kept as one buffer instead of a dictionary.
    Also creates the table :data:`TEXT_TABLE` (lower-cased sentences, same row order).
    """
    row = con.execute("SELECT count(*) FROM events").fetchone()
    size = int(row[0]) if row else 0
    limit = max(1000, size // 8) if dict_limit is None else dict_limit
    names, name_codes = _dictionary(con, ["lower(source_name)", "lower(target_name)"], -1, size)
    countries, country_codes = _dictionary(con, ["source_country", "target_country"], -1, size)
    sides = dict(zip(("source_name", "target_name"), name_codes, strict=True))
    sides.update(zip(("source_country", "target_country"), country_codes, strict=True))
    codes: dict[str, dict[str, int]] = {}
    small: dict[str, np.ndarray] = {}
    for column in ("plover", "cameo_root", "status"):
        values, (array,) = _dictionary(con, [column], -1, size)
        codes[column], small[column] = {v: i for i, v in enumerate(values)}, array
    quad, day_start, day_last, confidence = _scan(
        con,
        [
            "coalesce(quad_class, -1)::BIGINT",
            f"coalesce(date_start - DATE '1970-01-01', {_NO_DAY_HIGH})::INTEGER",
            f"coalesce(coalesce(date_end, date_start) - DATE '1970-01-01', {_NO_DAY_LOW})::INTEGER",
            "CASE WHEN confidence IS NULL THEN '-inf'::DOUBLE WHEN isnan(confidence) THEN 'inf'::DOUBLE "
            "ELSE confidence END",
        ],
        size,
    )
    small["quad_class"] = quad.astype(np.int64)
    orders, ranks = {}, {}
    for key, order_by in EVENT_SORTS.items():
        order = _fetch_array(con, f"SELECT rowid AS v FROM events ORDER BY {order_by}").astype(np.int32)
        rank = np.empty(size, np.int32)
        rank[order] = np.arange(size, dtype=np.int32)
        orders[key], ranks[key] = order, rank
    columns = _row_columns(con, fields, size, limit)
    con.execute(
        f"CREATE OR REPLACE TABLE {TEXT_TABLE} AS SELECT lower(sentence) AS s FROM events ORDER BY rowid"
    )
    text = _text_index(con)
    return EventIndex(
        size=size,
        names={v: i for i, v in enumerate(names)},
        countries={v: i for i, v in enumerate(countries)},
        codes=codes,
        sides=sides,
        small=small,
        day_start=day_start.astype(np.int32),
        date_ordered=bool(np.all(day_start[1:] >= day_start[:-1])),
        day_last=day_last.astype(np.int32),
        day_last_max=np.maximum.accumulate(day_last) if size else day_last,
        confidence=confidence.astype(np.float64),
        orders=orders,
        ranks=ranks,
        columns=columns,
        text=text,
    )


def _case(cur: duckdb.DuckDBPyConnection, value: str) -> tuple[str, str]:
    """``lower(value)``, ``upper(value)`` as DuckDB computes them (the SQL filter's case folding)."""
    if value.isascii():  # both fold ASCII letters only, alike; no query needed
        return value.lower(), value.upper()
    row = cur.execute("SELECT lower(?), upper(?)", [value, value]).fetchone()
    return (str(row[0]), str(row[1])) if row else (value, value)


class _Mask:
    """The conjunction of conditions over rows ``lo:hi``; ``None`` until a condition restricts it."""

    def __init__(self, lo: int, hi: int) -> None:
        self.lo, self.hi = lo, hi
        self.bits: np.ndarray | None = None
        self.empty = lo >= hi

    def add(self, bits: np.ndarray | None) -> None:
        """AND ``bits`` (rows ``lo:hi``) in; None means no row matches."""
        if bits is None:
            self.empty = True
        elif self.bits is None:
            self.bits = bits
        else:
            np.logical_and(self.bits, bits, out=self.bits)


def _side_bits(
    index: EventIndex, cur: duckdb.DuckDBPyConnection, value: str, sides: Sequence[str], lo: int, hi: int
) -> np.ndarray | None:
    """Rows whose name (any case) or country is ``value`` on one of ``sides``; None if none can be."""
    lower, upper = _case(cur, value)
    name, country = index.names.get(lower), index.countries.get(upper)
    bits: np.ndarray | None = None
    for side in sides:
        for column, code in ((f"{side}_name", name), (f"{side}_country", country)):
            if code is not None:
                hit = index.sides[column][lo:hi] == code
                bits = hit if bits is None else np.logical_or(bits, hit, out=bits)
    return bits


def _member_bits(array: np.ndarray, codes: Sequence[int]) -> np.ndarray | None:
    if not codes:
        return None
    bits = array == codes[0]
    for code in codes[1:]:  # a few equalities beat np.isin (which sorts) on a million rows
        np.logical_or(bits, array == code, out=bits)
    return bits


def _text_bits(cur: duckdb.DuckDBPyConnection, words: list[str], lo: int, hi: int) -> np.ndarray:
    # Fixed fragments only: one `contains` per word, every word a bound parameter.  A plain scan keeps the
    # table's order (DuckDB preserves insertion order), so the answer lines up with rows lo:hi.
    test = " AND ".join(["contains(s, lower(?))"] * len(words))
    sql = f"SELECT coalesce({test}, false) AS v FROM {TEXT_TABLE} WHERE rowid >= ? AND rowid < ?"
    return _fetch_array(cur, sql, [*words, lo, hi]).astype(bool)


def match(index: EventIndex, cur: duckdb.DuckDBPyConnection, f: Filters) -> _Mask:
    """The rows matching ``f`` (``whimbrel.query.filters.where_clause``'s conditions)."""
    lo, hi = 0, index.size
    if f.until is not None and index.date_ordered:  # date_start ascends with the rows (NULL last): a prefix
        hi = int(np.searchsorted(index.day_start, _days(f.until), side="right"))
    if f.since is not None:  # no row before the running maximum reaches `since` can overlap it
        lo = int(np.searchsorted(index.day_last_max, _days(f.since), side="left"))
    mask = _Mask(lo, hi)
    if f.actor is not None:
        mask.add(_side_bits(index, cur, f.actor, ("source", "target"), lo, hi))
    for side, value in (("source", f.source), ("target", f.target)):
        if value is not None and not mask.empty:
            mask.add(_side_bits(index, cur, value, (side,), lo, hi))
    for column, values in (("plover", f.plover), ("cameo_root", f.cameo_root), ("status", f.status)):
        if values and not mask.empty:
            known = [index.codes[column][v] for v in values if v in index.codes[column]]
            mask.add(_member_bits(index.small[column][lo:hi], known))
    if f.quad_class and not mask.empty:
        mask.add(_member_bits(index.small["quad_class"][lo:hi], list(f.quad_class)))
    if f.since is not None and not mask.empty:
        mask.add(index.day_last[lo:hi] >= _days(f.since))
    if f.until is not None and not index.date_ordered and not mask.empty:
        mask.add(index.day_start[lo:hi] <= _days(f.until))
    if f.min_confidence is not None and not mask.empty:
        mask.add(index.confidence[lo:hi] >= f.min_confidence)
    words = (f.text or "").split()
    scan = []
    for word in words:
        if mask.empty:
            break
        rows = index.text.rows(_case(cur, word)[0])
        if rows is None:
            scan.append(word)
            continue
        bits = np.zeros(index.size, bool)
        bits[rows] = True
        mask.add(bits[lo:hi])
    if scan and not mask.empty:
        mask.add(_text_bits(cur, scan, lo, hi))
    return mask


def page(index: EventIndex, mask: _Mask, sort: str, offset: int, limit: int) -> Page:
    """Matching rows ``offset:offset+limit`` in the order of ``sort`` (a key of :data:`EVENT_SORTS`)."""
    if mask.empty:
        return Page(0, np.zeros(0, np.int64))
    lo, hi, bits = mask.lo, mask.hi, mask.bits
    total = hi - lo if bits is None else int(np.count_nonzero(bits))
    stop = min(offset + limit, total)
    if stop <= offset:
        return Page(total, np.zeros(0, np.int64))
    order, rank = index.orders[sort], index.ranks[sort]
    if bits is None and total == index.size:
        return Page(total, order[offset:stop].astype(np.int64))
    if total <= max(stop * 4, index.size * _RANK_SHARE):  # few matches: rank them
        rows = np.arange(lo, hi) if bits is None else np.flatnonzero(bits) + lo
        ranked = rank[rows]
        if stop < total:
            keep = np.argpartition(ranked, stop - 1)[:stop]
            rows, ranked = rows[keep], ranked[keep]
        return Page(total, rows[np.argsort(ranked)][offset:stop].astype(np.int64))
    full = np.zeros(index.size, bool)  # many matches: walk the sort order until the page is filled
    full[lo:hi] = True if bits is None else bits
    found: list[np.ndarray] = []
    have, start, chunk = 0, 0, _WALK_CHUNK
    while have < stop and start < index.size:
        rows = order[start : start + chunk]
        hits = rows[full[rows]]
        found.append(hits)
        have, start, chunk = have + len(hits), start + chunk, chunk * 2
    return Page(total, np.concatenate(found)[offset:stop].astype(np.int64))
