"""The server's event index (whimbrel.serve.index) answers /events exactly as the SQL filters do.

A real DuckDB table of events with awkward values — NULL names and dates, mixed case, a name that is another
actor's country code, names whose case folding differs between ASCII and Unicode rules, undated events,
date ranges that end before they start, ties on every sort key, Unicode and whitespace in sentences — and
Hypothesis drawing filters, sorts and pages: the indexed page must hold the same rows, in the same order,
with the same total, as ``whimbrel.query.filters.where_clause`` with the ``ORDER BY`` of docs/api.md.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from datetime import date, timedelta
from typing import Any

import duckdb
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from whimbrel.query.filters import Filters, select_events, where_clause
from whimbrel.serve.index import EVENT_SORTS, EventIndex, build_index
from whimbrel.serve.queries import EVENT_FIELDS, indexed_events_page
from whimbrel.serve.snapshot import MENTION_FIELDS
from whimbrel.store.schema import EVENT_COLUMNS

NAMES = [None, "Vladimir Putin", "VLADIMIR PUTIN", "vladimir putin", "USA", "Straße Gov", "İzmir Council",
         "Ærø Mayor", "x' OR 1=1 --", "Joe  Biden", "ǅemal"]  # fmt: skip
COUNTRIES = [None, "USA", "RUS", "DEU", "usa", "TUR"]
PLOVERS = [None, "CONSULT", "AID", "ACCUSE", "ASSAULT"]
ROOTS = [None, "01", "04", "11", "19"]
STATUSES = [None, "occurred", "planned", "negated"]
WORDS = ["Straße", "strasse", "İzmir", "izmir", "i̇zmir", "report", "Report", "e1", "talks", "USA", "ǆ", "😀",
         "tab\tword", "-", "nbsp"]  # fmt: skip
SENTENCES = [None, "", "Talks in İzmir on Straße reform.", "USA and RUS report talks", "report\nof\ttalks",
             "Ærø 😀 report", "STRASSE closed", "nbsp\u00a0split e10 ǅ", "e1e1 REPORT"]  # fmt: skip
DAY0 = date(2024, 1, 1)
MENTION_TYPES = {"article_id": "VARCHAR", "date_basis": "VARCHAR", "trigger": "VARCHAR",
                 "location_name": "VARCHAR", "location_country": "VARCHAR", "location_lat": "DOUBLE",
                 "location_lon": "DOUBLE"}  # fmt: skip


def _event(i: int, rng: random.Random) -> dict[str, Any]:
    start = rng.choice([None, *(DAY0 + timedelta(days=d) for d in (0, 0, 3, 10, 40, 41))])
    end = (
        None if start is None else rng.choice([None, start, start + timedelta(days=5), start - timedelta(1)])
    )
    name, other = rng.choice(NAMES), rng.choice(NAMES)
    return {
        "event_id": rng.choice([f"e{i}", f"E{i}", f"é{i}", f"e{i:03d}"]),
        "source_key": f"k{i % 7}", "source_name": name, "source_country": rng.choice(COUNTRIES),
        "source_sector": rng.choice([None, "GOV"]), "target_key": f"k{i % 5}", "target_name": other,
        "target_country": rng.choice(COUNTRIES), "target_sector": "MIL",
        "plover": rng.choice(PLOVERS), "cameo": "040", "cameo_root": rng.choice(ROOTS),
        "goldstein": rng.choice([None, -10.0, 0.0, 0.0, 3.4, 7.0]),
        "quad_class": rng.choice([None, 1, 2, 3, 4]),
        "status": rng.choice(STATUSES), "date_start": start, "date_end": end,
        "num_mentions": rng.choice([1, 1, 2, 5]), "num_articles": 1, "num_sources": None,
        "confidence": rng.choice([None, 0.0, 0.5, 0.5, 0.8, 1.0]), "best_mention": f"m{i}",
        "sentence": rng.choice(SENTENCES), "first_published": start, "expectation_event_id": None,
        "article_id": f"a{i // 3}", "date_basis": rng.choice(["text", "published", None]),
        "trigger": "met", "location_name": rng.choice([None, "Geneva", "Genève"]),
        "location_country": "CHE", "location_lat": rng.choice([None, 46.2]), "location_lon": 6.14,
    }  # fmt: skip


def _table(rows: int, seed: int, *, date_order: bool = True) -> duckdb.DuckDBPyConnection:
    """An in-memory ``events`` table like a snapshot's (date order unless ``date_order`` is False)."""
    types = {**EVENT_COLUMNS, **MENTION_TYPES}
    assert tuple(types) == EVENT_FIELDS and tuple(MENTION_TYPES) == MENTION_FIELDS
    con = duckdb.connect(":memory:")
    columns = ", ".join(f"{name} {kind}" for name, kind in types.items())
    con.execute(f"CREATE TABLE raw ({columns})")
    rng = random.Random(seed)
    events, ids = [], set()
    for i in range(rows):
        event = _event(i, rng)
        if event["event_id"] not in ids:  # event ids are unique in a store
            ids.add(event["event_id"])
            events.append(tuple(event[name] for name in types))
    con.executemany(f"INSERT INTO raw VALUES ({', '.join('?' * len(types))})", events)
    order = "date_start NULLS LAST, event_id" if date_order else "hash(event_id)"
    con.execute(f"CREATE TABLE events AS SELECT * FROM raw ORDER BY {order}")
    con.execute("DROP TABLE raw")
    return con


@pytest.fixture(scope="module", params=["dictionaries", "buffers-and-scans", "unordered"])
def indexed(request: pytest.FixtureRequest) -> Iterator[tuple[duckdb.DuckDBPyConnection, EventIndex]]:
    """(connection, index): row columns as dictionaries; or as buffers, with every text word left to the
    DuckDB scan; or over a table not in date order."""
    con = _table(400, seed=5, date_order=request.param != "unordered")
    index = build_index(con, EVENT_FIELDS, dict_limit=0 if request.param == "buffers-and-scans" else None)
    if request.param == "buffers-and-scans":
        index.text.MAX_TOKENS = 0  # type: ignore[misc]  # one instance's limit: every word is scanned
    yield con, index
    con.close()


def _reference(
    con: duckdb.DuckDBPyConnection, f: Filters, sort: str, offset: int, limit: int
) -> tuple[int, list[tuple[Any, ...]]]:
    where, params = where_clause(f)
    fields = ", ".join(EVENT_FIELDS)
    sql = f"SELECT {fields} FROM events WHERE {where} ORDER BY {EVENT_SORTS[sort]} LIMIT ? OFFSET ?"
    rows = con.execute(sql, [*params, limit, offset]).fetchall()
    total = con.execute(f"SELECT count(*) FROM events WHERE {where}", params).fetchall()[0][0]
    iso = [tuple(v.isoformat() if isinstance(v, date) else v for v in row) for row in rows]
    return int(total), iso


_OTHER_VALUES = [
    "usa",
    "Rus",
    "RUS",
    "putin",
    "STRASSE GOV",
    "İZMİR COUNCIL",
    "ǄEMAL",
    "nobody",
    "ærø mayor",
    "",
]
_values = st.sampled_from([n for n in NAMES if n] + _OTHER_VALUES)
_days = st.integers(-3, 50).map(lambda d: DAY0 + timedelta(days=d))


@st.composite
def _filters(draw: st.DrawFn) -> Filters:
    since, until = draw(st.none() | _days), draw(st.none() | _days)
    if since and until and since > until:
        since, until = until, since
    words = draw(st.lists(st.sampled_from(WORDS), max_size=3))
    return Filters(
        actor=draw(st.none() | _values),
        source=draw(st.none() | _values),
        target=draw(st.none() | _values),
        plover=tuple(draw(st.lists(st.sampled_from([p for p in PLOVERS if p] + ["SANCTION"]), max_size=2))),
        cameo_root=tuple(draw(st.lists(st.sampled_from([r for r in ROOTS if r] + ["20"]), max_size=2))),
        quad_class=tuple(draw(st.lists(st.integers(1, 4), max_size=2))),
        since=since,
        until=until,
        status=tuple(
            draw(st.lists(st.sampled_from(["occurred", "planned", "negated", "alleged"]), max_size=2))
        ),
        min_confidence=draw(st.none() | st.sampled_from([0.0, 0.5, 0.51, 1.0])),
        text=draw(st.none() | st.just(" ".join(words))),
    )


@settings(max_examples=250, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    f=_filters(),
    sort=st.sampled_from(list(EVENT_SORTS)),
    offset=st.integers(0, 60) | st.sampled_from([0, 0, 395, 1000]),
    limit=st.integers(0, 40) | st.just(500),
)
def test_index_page_equals_sql(
    indexed: tuple[duckdb.DuckDBPyConnection, EventIndex], f: Filters, sort: str, offset: int, limit: int
) -> None:
    con, index = indexed
    cur = con.cursor()
    total, names, rows = indexed_events_page(cur, index, f, sort=sort, offset=offset, limit=limit)
    assert names == list(EVENT_FIELDS)
    assert (total, rows) == _reference(con, f, sort, offset, limit)


def _page(con: duckdb.DuckDBPyConnection, index: EventIndex, f: Filters, sort: str = "date") -> list[Any]:
    return indexed_events_page(con.cursor(), index, f, sort=sort, offset=0, limit=500)[2]


def test_fixed_cases(indexed: tuple[duckdb.DuckDBPyConnection, EventIndex]) -> None:
    """Cases the property may not draw often, each checked against the SQL and for a non-empty answer."""
    con, index = indexed
    cases = [
        (Filters(), "date"),  # every event
        (Filters(actor="USA"), "-goldstein"),  # the country USA and the actor named "USA" both match
        (Filters(source="vladimir PUTIN", target="rus"), "confidence"),
        (Filters(actor="straße gov"), "-mentions"),  # Unicode case folding by DuckDB's rules
        (Filters(text="STRASSE"), "date"),
        (Filters(text="İzmir"), "-date"),
        (Filters(until=DAY0 + timedelta(days=3)), "-confidence"),
        (Filters(since=DAY0 + timedelta(days=41)), "goldstein"),  # events ending before they start
    ]
    for f, sort in cases:
        expected = _reference(con, f, sort, 0, 500)
        assert expected[0] > 0, f
        assert _page(con, index, f, sort) == expected[1], (f, sort)
    nobody = indexed_events_page(con.cursor(), index, Filters(actor="nobody"), sort="date", offset=0, limit=5)
    assert nobody == (0, list(EVENT_FIELDS), [])


def test_date_order_matches_select_events(indexed: tuple[duckdb.DuckDBPyConnection, EventIndex]) -> None:
    """The default sort is ``whimbrel query``'s order (select_events): by date, undated last, then id."""
    con, index = indexed
    f = Filters(status=("occurred", "planned"))
    position = EVENT_FIELDS.index("event_id")
    assert [row[position] for row in _page(con, index, f)] == [
        row[0] for row in select_events(con, f).select("event_id").fetchall()
    ]


def test_rows_keep_types_and_nulls(indexed: tuple[duckdb.DuckDBPyConnection, EventIndex]) -> None:
    """Numbers stay numbers, NULL stays None, dates become ISO text (as the JSON answer writes them)."""
    con, index = indexed
    rows = {row[0]: dict(zip(EVENT_FIELDS, row, strict=True)) for row in _page(con, index, Filters())}
    assert any(r["goldstein"] is None for r in rows.values()) and any(
        r["date_start"] is None for r in rows.values()
    )
    dated = next(r for r in rows.values() if r["date_start"] is not None)
    assert isinstance(dated["date_start"], str) and date.fromisoformat(dated["date_start"]) >= DAY0
    assert all(isinstance(r["num_mentions"], int) and r["num_sources"] is None for r in rows.values())
    assert {type(r["goldstein"]) for r in rows.values()} == {float, type(None)}
