"""Query, export and dyad series over real DuckDB: a small fixture with the documented views' columns
(docs/store.md), and end to end through a real store folder and the CLI."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import duckdb
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from whimbrel.cli import main
from whimbrel.errors import ConfigError
from whimbrel.query import (
    GDELT_COLUMNS,
    Filters,
    dyad_series,
    expectations,
    export,
    lock_down,
    run_sql,
    select_events,
    select_mentions,
    series_files,
    write_rows,
)

ROOT = Path(__file__).resolve().parents[1]

# -- fixture: tables with the columns docs/store.md documents ----------------------------------------------

EVENTS_DDL = """CREATE TABLE events (event_id VARCHAR, source_key VARCHAR, source_name VARCHAR,
 source_country VARCHAR, source_sector VARCHAR, target_key VARCHAR, target_name VARCHAR,
 target_country VARCHAR, target_sector VARCHAR, plover VARCHAR, cameo VARCHAR, cameo_root VARCHAR,
 goldstein DOUBLE, quad_class INTEGER, status VARCHAR, date_start DATE, date_end DATE, num_mentions BIGINT,
 num_articles BIGINT, num_sources BIGINT, confidence DOUBLE, best_mention VARCHAR, sentence VARCHAR,
 first_published DATE, expectation_event_id VARCHAR)"""
MENTIONS_DDL = """CREATE TABLE mentions (id VARCHAR, article_id VARCHAR, article_version VARCHAR,
 coder_version VARCHAR, sentence VARCHAR, span_start INTEGER, span_end INTEGER, trigger VARCHAR,
 trigger_start INTEGER, trigger_end INTEGER, source_text VARCHAR, source_name VARCHAR, source_country VARCHAR,
 source_sector VARCHAR, source_start INTEGER, source_end INTEGER, target_text VARCHAR, target_name VARCHAR,
 target_country VARCHAR, target_sector VARCHAR, target_start INTEGER, target_end INTEGER, plover VARCHAR,
 cameo VARCHAR, cameo_root VARCHAR, goldstein DOUBLE, quad_class INTEGER, date_start DATE, date_end DATE,
 date_basis VARCHAR, status VARCHAR, attribution_text VARCHAR, attribution_name VARCHAR,
 attribution_country VARCHAR, attribution_sector VARCHAR, contexts VARCHAR[], location_name VARCHAR,
 location_country VARCHAR, location_lat DOUBLE, location_lon DOUBLE, confidence DOUBLE, published DATE,
 outlet VARCHAR)"""
ARTICLES_DDL = """CREATE TABLE articles (article_id VARCHAR, article_version VARCHAR, url VARCHAR,
 title VARCHAR, published DATE, outlet VARCHAR, author VARCHAR, text VARCHAR, coded_at TIMESTAMP,
 segment INTEGER)"""
FAILURES_DDL = "CREATE TABLE failures (source VARCHAR, error VARCHAR, segment INTEGER)"

D = date.fromisoformat
# id: (source (name, country, sector), target, plover, cameo, goldstein, quad, status, start, end, confidence,
#      sentence, expectation)
EVENTS: dict[str, tuple[Any, ...]] = {
    "e01": (("Antony Blinken", "USA", "GOV"), ("Sergei Lavrov", "RUS", "GOV"), "CONSULT", "040", 1.0, 1,
            "occurred", D("2024-03-04"), D("2024-03-04"), 0.9, "Blinken met Lavrov in Geneva on Monday.",
            None),
    "e02": ((None, "USA", "GOV"), (None, "RUS", "GOV"), "SANCTION", "163", -8.0, 4, "occurred",
            D("2024-03-12"), D("2024-03-12"), 0.7, "Washington imposed new sanctions on Moscow.", None),
    "e03": ((None, "RUS", "MIL"), (None, "UKR", "MIL"), "ASSAULT", "190", -10.0, 4, "occurred",
            D("2024-03-20"), D("2024-03-21"), 0.8, "Russian forces shelled Kharkiv overnight.", None),
    "e04": (("Antony Blinken", "USA", "GOV"), ("Sergei Lavrov", "RUS", "GOV"), "CONSULT", "036", 4.0, 1,
            "planned", D("2024-04-10"), D("2024-04-10"), 0.6, "Blinken will meet Lavrov in April.", None),
    "e05": (("Antony Blinken", "USA", "GOV"), ("Sergei Lavrov", "RUS", "GOV"), "CONSULT", "040", 1.0, 1,
            "occurred", D("2024-04-10"), D("2024-04-10"), 0.85, "Blinken and Lavrov met in Vienna.", "e04"),
    "e06": (("Emmanuel Macron", "FRA", "GOV"), ("Olaf Scholz", "DEU", "GOV"), "CONSULT", "036", 4.0, 1,
            "planned", D("2024-05-02"), D("2024-05-02"), 0.6, "Macron is to host Scholz in May.", None),
    "e07": (("Emmanuel Macron", "FRA", "GOV"), ("Olaf Scholz", "DEU", "GOV"), "CONSULT", "040", 1.0, 1,
            "negated", D("2024-05-02"), D("2024-05-02"), 0.6, "Macron cancelled the talks with Scholz.",
            "e06"),
    "e08": ((None, "CHN", "MIL"), (None, "TWN", "GOV"), "MOBILIZE", "154", -7.2, 4, "planned",
            D("2024-06-01"), D("2024-06-07"), 0.5, "China will hold drills \x1b[31maround Taiwan.", None),
    "e09": (("United Nations", None, "IGO"), (None, "SYR", "GOV"), "REQUEST", "020", 3.0, 1, "hypothetical",
            None, None, 0.4, "The UN could ask Damascus to open the crossings.", None),
    "e10": ((None, "UKR", "GOV"), (None, "RUS", "GOV"), "ACCUSE", "112", -2.0, 3, "alleged",
            D("2024-03-25"), D("2024-03-25"), 0.75, "Kyiv accused Moscow of war crimes, officials said.",
            None),
}  # fmt: skip
LOCATIONS = {"e01": ("Geneva", "CHE", 46.2022, 6.1457), "e05": ("Vienna", "AUT", 48.2085, 16.3721)}


def _key(name: str | None, country: str | None, sector: str | None) -> str:
    return name or f"{country or '-'}/{sector or '-'}"


def event_rows() -> list[tuple[Any, ...]]:
    rows = []
    for eid, (
        src,
        tgt,
        plover,
        cameo,
        gs,
        quad,
        status,
        start,
        end,
        conf,
        sentence,
        expect,
    ) in EVENTS.items():
        published = start or D("2024-07-01")
        rows.append((eid, _key(*src), *src, _key(*tgt), *tgt, plover, cameo, cameo[:2], gs, quad, status,
                     start, end, 2, 2, 1, conf, f"m-{eid}", sentence, published, expect))  # fmt: skip
    return rows


def mention_rows() -> list[tuple[Any, ...]]:
    rows = []
    for eid, (src, tgt, plover, cameo, gs, quad, status, start, end, conf, sentence, _) in EVENTS.items():
        loc = LOCATIONS.get(eid, (None, None, None, None))
        published = start or D("2024-07-01")
        rows.append((f"m-{eid}", f"a-{eid}", "v1", "whimbrel-0.1.0", sentence, 0, len(sentence), "met", 0, 3,
                     src[0] or src[1], *src, 0, 3, tgt[0] or tgt[1], *tgt, 5, 9, plover, cameo, cameo[:2], gs,
                     quad, start, end, "text" if start else "unknown", status, None, None, None, None,
                     ["diplomacy"] if plover == "CONSULT" else [], *loc, conf, published,
                     "Wire"))  # fmt: skip
    return rows


def article_rows() -> list[tuple[Any, ...]]:
    rows = []
    for eid, spec in EVENTS.items():
        sentence, published = spec[10], spec[7] or D("2024-07-01")
        # e03's evidence is in the second paragraph (IsRootEvent 0); the others lead their article.
        text = f"A first paragraph.\n\n{sentence}" if eid == "e03" else f"{sentence}\n\nMore follows."
        rows.append((f"a-{eid}", "v1", f"https://news.example/{eid}", "Title", published, "Wire", None, text,
                     "2024-07-01 12:30:00", 1))  # fmt: skip
    return rows


def fixture_connection() -> duckdb.DuckDBPyConnection:
    """An in-memory DuckDB with the four documented tables, filled with parameterised inserts."""
    con = duckdb.connect(":memory:")
    for ddl in (EVENTS_DDL, MENTIONS_DDL, ARTICLES_DDL, FAILURES_DDL):
        con.execute(ddl)
    for table, rows in (("events", event_rows()), ("mentions", mention_rows()), ("articles", article_rows())):
        marks = ", ".join("?" * len(rows[0]))
        con.executemany(f"INSERT INTO {table} VALUES ({marks})", rows)
    # mention spans point into the article text
    con.execute("UPDATE mentions SET span_start = 20 WHERE id = 'm-e03'")
    return con


@pytest.fixture()
def con() -> duckdb.DuckDBPyConnection:
    return fixture_connection()


def ids(rel: duckdb.DuckDBPyRelation, column: str = "event_id") -> list[str]:
    return [r[0] for r in rel.select(column).fetchall()]


# -- filters -------------------------------------------------------------------------------------------------

FILTER_CASES: list[tuple[Filters, list[str]]] = [
    (Filters(), ["e01", "e02", "e03", "e10", "e04", "e05", "e06", "e07", "e08", "e09"]),
    (Filters(actor="USA"), ["e01", "e02", "e04", "e05"]),
    (Filters(actor="usa"), ["e01", "e02", "e04", "e05"]),
    (Filters(actor="sergei LAVROV"), ["e01", "e04", "e05"]),
    (Filters(actor="United Nations"), ["e09"]),
    (Filters(source="RUS"), ["e03"]),
    (Filters(target="RUS"), ["e01", "e02", "e10", "e04", "e05"]),
    (Filters(source="UKR", target="RUS"), ["e10"]),
    (Filters(source="RUS", target="USA"), []),
    (Filters(plover=("CONSULT",)), ["e01", "e04", "e05", "e06", "e07"]),
    (Filters(plover=("SANCTION", "ASSAULT")), ["e02", "e03"]),
    (Filters(cameo_root=("19",)), ["e03"]),
    (Filters(cameo_root=("04", "16")), ["e01", "e02", "e05", "e07"]),
    (Filters(quad_class=(4,)), ["e02", "e03", "e08"]),
    (Filters(quad_class=(3, 4)), ["e02", "e03", "e10", "e08"]),
    (Filters(since=D("2024-03-21"), until=D("2024-03-31")), ["e03", "e10"]),
    (Filters(since=D("2024-06-05")), ["e08"]),
    (Filters(until=D("2024-03-04")), ["e01"]),
    (Filters(status=("planned",)), ["e04", "e06", "e08"]),
    (Filters(status=("negated", "hypothetical")), ["e07", "e09"]),
    (Filters(min_confidence=0.8), ["e01", "e03", "e05"]),
    (Filters(text="KHARKIV shelled"), ["e03"]),
    (Filters(text="lavrov"), ["e01", "e04", "e05"]),
    (Filters(text="Lavrov Vienna"), ["e05"]),
    (Filters(text="100%"), []),
    (Filters(limit=2), ["e01", "e02"]),
    (Filters(limit=0), []),
    (Filters(actor="USA", plover=("SANCTION",)), ["e02"]),
    (Filters(actor="USA", status=("occurred",), since=D("2024-04-01")), ["e05"]),
]


@pytest.mark.parametrize(("filters", "expected"), FILTER_CASES)
def test_select_events(con: duckdb.DuckDBPyConnection, filters: Filters, expected: list[str]) -> None:
    assert ids(select_events(con, filters)) == expected


@pytest.mark.parametrize(("filters", "expected"), FILTER_CASES)
def test_select_mentions_same_filters(
    con: duckdb.DuckDBPyConnection, filters: Filters, expected: list[str]
) -> None:
    # One mention per fixture event (m-eNN): the same filters select the same evidence.
    assert sorted(ids(select_mentions(con, filters), "id")) == sorted(f"m-{e}" for e in expected)


INJECTIONS = [
    "x' OR '1'='1",
    "'; DROP TABLE events; --",
    "USA') OR TRUE OR ('",
    '" OR 1=1 --',
    "%",
    "_",
    "\\",
    "USA; DELETE FROM events",
]


@pytest.mark.parametrize("value", INJECTIONS)
@pytest.mark.parametrize("field", ["actor", "source", "target", "text"])
def test_injection_in_filter_values_is_inert(con: duckdb.DuckDBPyConnection, field: str, value: str) -> None:
    assert ids(select_events(con, Filters(**{field: value}))) == []
    assert ids(select_mentions(con, Filters(**{field: value})), "id") == []
    assert ids(expectations(con, Filters(**{field: value}))) == []
    assert con.execute("SELECT count(*) FROM events").fetchone() == (10,)
    assert dyad_series(con, value, value) == []


@pytest.mark.parametrize(
    "filters",
    [
        {"plover": ("CONSULT') OR TRUE --",)},
        {"plover": ("consult",)},
        {"status": ("planned' OR '1'='1",)},
        {"cameo_root": ("1",)},
        {"cameo_root": ("21",)},
        {"cameo_root": ("04 OR 1=1",)},
        {"quad_class": (5,)},
        {"since": D("2024-05-01"), "until": D("2024-04-01")},
        {"limit": -1},
        {"min_confidence": 1.5},
    ],
)
def test_invalid_enumerated_filters_are_rejected(filters: dict[str, Any]) -> None:
    with pytest.raises(ConfigError):
        Filters(**filters)


def test_expectations_outcomes(con: duckdb.DuckDBPyConnection) -> None:
    rel = expectations(con, Filters())
    got = {r[0]: r[1:] for r in rel.select("event_id, outcome, outcome_event_id, outcome_date").fetchall()}
    assert got == {
        "e04": ("happened", "e05", D("2024-04-10")),
        "e06": ("called off", "e07", D("2024-05-02")),
        "e08": ("not yet", None, None),
    }
    assert ids(expectations(con, Filters(actor="FRA"))) == ["e06"]
    # the status filter does not apply: expectations are planned events by definition
    assert ids(expectations(con, Filters(status=("occurred",)))) == ["e04", "e06", "e08"]


def test_happened_wins_over_called_off(con: duckdb.DuckDBPyConnection) -> None:
    con.execute("UPDATE events SET expectation_event_id = 'e04' WHERE event_id = 'e07'")
    got = dict(expectations(con, Filters()).select("event_id, outcome").fetchall())
    assert got["e04"] == "happened"
    assert got["e06"] == "not yet"


# -- writers -------------------------------------------------------------------------------------------------


def test_jsonl_keys_are_column_names(con: duckdb.DuckDBPyConnection) -> None:
    rel = select_mentions(con, Filters())
    out = io.StringIO()
    assert write_rows(rel, "jsonl", out) == 10
    records = [json.loads(line) for line in out.getvalue().splitlines()]
    assert len(records) == 10
    for record in records:
        assert list(record) == rel.columns
    first = next(r for r in records if r["id"] == "m-e01")
    assert first["date_start"] == "2024-03-04"
    assert first["contexts"] == ["diplomacy"]
    assert first["location_lat"] == 46.2022
    undated = next(r for r in records if r["id"] == "m-e09")
    assert undated["date_start"] is None


def test_csv_rows_and_header(con: duckdb.DuckDBPyConnection, tmp_path: Path) -> None:
    rel = select_events(con, Filters(plover=("CONSULT",)))
    path = tmp_path / "out.csv"
    assert write_rows(rel, "csv", path) == 5
    with open(path, encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    assert rows[0] == rel.columns
    assert [r[0] for r in rows[1:]] == ["e01", "e04", "e05", "e06", "e07"]
    assert rows[1][rel.columns.index("date_start")] == "2024-03-04"
    assert rows[1][rel.columns.index("expectation_event_id")] == ""


def test_table_is_printable_and_aligned(con: duckdb.DuckDBPyConnection) -> None:
    out = io.StringIO()
    assert write_rows(select_events(con, Filters()), "table", out) == 10
    lines = out.getvalue().splitlines()
    assert lines[0].split()[:3] == ["event_id", "source_key", "source_name"]
    assert len(lines) == 11
    assert "\x1b" not in out.getvalue()  # an escape sequence from an article never reaches the terminal


def test_parquet_round_trip(con: duckdb.DuckDBPyConnection, tmp_path: Path) -> None:
    path = tmp_path / "out.parquet"
    assert write_rows(select_events(con, Filters(status=("planned",))), "parquet", path) == 3
    back = duckdb.connect().execute("SELECT event_id FROM read_parquet(?) ORDER BY 1", [str(path)]).fetchall()
    assert back == [("e04",), ("e06",), ("e08",)]
    with pytest.raises(ConfigError, match="output file"):
        write_rows(select_events(con, Filters()), "parquet", io.StringIO())
    with pytest.raises(ConfigError, match="unknown format"):
        write_rows(select_events(con, Filters()), "xml", io.StringIO())


# -- read-only SQL -------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "sql",
    [
        "DROP TABLE events",
        "DELETE FROM events",
        "INSERT INTO events (event_id) VALUES ('x')",
        "UPDATE events SET status = 'x'",
        "CREATE TABLE t AS SELECT 1",
        "COPY events TO '/tmp/stolen.csv'",
        "ATTACH '/tmp/x.duckdb' AS x",
        "INSTALL httpfs",
        "PRAGMA version",
        "SET enable_external_access = true",
        "EXPLAIN SELECT 1",
        "SELECT 1; DROP TABLE events",
        "",
        "SELEC oops",
    ],
)
def test_run_sql_rejects_anything_but_one_select(con: duckdb.DuckDBPyConnection, sql: str) -> None:
    with pytest.raises(ConfigError) as info:
        run_sql(con, sql)
    assert "\n" not in str(info.value)
    assert con.execute("SELECT count(*) FROM events").fetchone() == (10,)


@pytest.mark.parametrize(
    ("sql", "expected"),
    [
        ("SELECT count(*) FROM events", [(10,)]),
        ("with p AS (SELECT * FROM events WHERE status = 'planned') SELECT count(*) FROM p", [(3,)]),
        ("FROM events SELECT count(*) WHERE quad_class = 4", [(3,)]),
        ("SELECT plover, count(*) FROM mentions GROUP BY 1 HAVING count(*) > 1", [("CONSULT", 5)]),
    ],
)
def test_run_sql_selects(con: duckdb.DuckDBPyConnection, sql: str, expected: list[tuple[Any, ...]]) -> None:
    assert run_sql(con, sql).fetchall() == expected


def test_lock_down_blocks_files_outside_the_store(con: duckdb.DuckDBPyConnection, tmp_path: Path) -> None:
    outside = tmp_path / "outside.csv"
    outside.write_text("a\n1\n", encoding="utf-8")
    store = tmp_path / "store"
    store.mkdir()
    lock_down(con, store)
    with pytest.raises(duckdb.Error):
        con.execute("SELECT * FROM read_csv(?)", [str(outside)]).fetchall()
    with pytest.raises(duckdb.Error):
        con.execute("SET enable_external_access = true")
    assert con.execute("SELECT count(*) FROM events").fetchone() == (10,)


# -- exports -------------------------------------------------------------------------------------------------


def gdelt_rows(con: duckdb.DuckDBPyConnection) -> dict[str, dict[str, str]]:
    out = io.StringIO()
    assert export(con, "gdelt", out) == 10
    lines = out.getvalue().split("\n")
    assert lines[-1] == ""
    rows = [line.split("\t") for line in lines[:-1]]
    assert {len(r) for r in rows} == {61}
    assert len(GDELT_COLUMNS) == 61 and len(set(GDELT_COLUMNS)) == 61
    by_url = {r[-1].rsplit("/", 1)[-1]: dict(zip(GDELT_COLUMNS, r, strict=True)) for r in rows}
    return by_url


def test_gdelt_export_layout(con: duckdb.DuckDBPyConnection) -> None:
    rows = gdelt_rows(con)
    e02 = rows["e02"]
    assert (e02["SQLDATE"], e02["MonthYear"], e02["Year"], e02["FractionDate"]) == (
        "20240312",
        "202403",
        "2024",
        "2024.1973",
    )
    assert (e02["Actor1Code"], e02["Actor1CountryCode"], e02["Actor1Type1Code"]) == ("USAGOV", "USA", "GOV")
    assert (e02["Actor2Code"], e02["Actor2Name"]) == ("RUSGOV", "RUS")
    assert (e02["EventCode"], e02["EventBaseCode"], e02["EventRootCode"]) == ("163", "163", "16")
    assert (e02["QuadClass"], e02["GoldsteinScale"], e02["NumMentions"]) == ("4", "-8.0", "2")
    assert e02["IsRootEvent"] == "1" and rows["e03"]["IsRootEvent"] == "0"
    assert e02["DATEADDED"] == "20240701123000"
    assert e02["GLOBALEVENTID"].isdigit()
    e01 = rows["e01"]
    assert e01["Actor1Name"] == "ANTONY BLINKEN"
    assert (e01["ActionGeo_FullName"], e01["ActionGeo_CountryCode"], e01["ActionGeo_Type"]) == (
        "Geneva",
        "SZ",
        "4",
    )
    assert e01["ActionGeo_Lat"] == "46.2022"
    assert e01["EventBaseCode"] == "040"
    e09 = rows["e09"]  # undated: GDELT needs a date, the first publication stands in
    assert e09["SQLDATE"] == "20240701"
    assert (e09["Actor1Code"], e09["Actor1KnownGroupCode"], e09["Actor1CountryCode"]) == ("IGO", "IGO", "")
    assert len({r["GLOBALEVENTID"] for r in rows.values()}) == 10


def test_gdelt_fields_never_hold_tabs_or_newlines(con: duckdb.DuckDBPyConnection) -> None:
    con.execute("UPDATE events SET source_name = ? WHERE event_id = 'e01'", ["Antony\tBlinken\nJr"])
    assert gdelt_rows(con)["e01"]["Actor1Name"] == "ANTONY BLINKEN JR"


def test_plover_export_is_json(con: duckdb.DuckDBPyConnection, tmp_path: Path) -> None:
    path = tmp_path / "events.jsonl"
    assert export(con, "plover", path) == 10
    records = {r["id"]: r for r in map(json.loads, path.read_text(encoding="utf-8").splitlines())}
    assert len(records) == 10
    e01 = records["e01"]
    assert (e01["date"], e01["event_type"], e01["mode"], e01["context"]) == (
        "2024-03-04",
        "CONSULT",
        None,
        ["diplomacy"],
    )
    assert (e01["actor"], e01["actor_country"], e01["actor_sector"]) == ("Antony Blinken", "USA", "GOV")
    assert (e01["recipient"], e01["recipient_country"]) == ("Sergei Lavrov", "RUS")
    assert e01["location"] == {
        "placename": "Geneva",
        "country": "CHE",
        "latitude": 46.2022,
        "longitude": 6.1457,
    }
    assert (e01["story_id"], e01["url"], e01["source"]) == ("a-e01", "https://news.example/e01", "Wire")
    assert records["e02"]["actor"] == "USA/GOV"  # no canonical name: the dedup key stands in
    assert records["e05"]["expectation_event_id"] == "e04"
    assert records["e09"]["date"] is None


@pytest.mark.parametrize("fmt", ["csv", "parquet"])
def test_csv_and_parquet_exports(con: duckdb.DuckDBPyConnection, tmp_path: Path, fmt: str) -> None:
    path = tmp_path / f"events.{fmt}"
    assert export(con, fmt, path) == 10
    reader = "read_csv" if fmt == "csv" else "read_parquet"
    back = duckdb.connect().execute(
        f"SELECT count(*), count(DISTINCT event_id) FROM {reader}(?)", [str(path)]
    )
    assert back.fetchone() == (10, 10)
    with pytest.raises(ConfigError):
        export(con, "gdelt1", path)


# -- dyad series ---------------------------------------------------------------------------------------------


def test_weekly_series_fills_gaps(con: duckdb.DuckDBPyConnection) -> None:
    got = [
        (r["period_start"].isoformat(), r["count"], r["mean_goldstein"])
        for r in dyad_series(con, "USA", "RUS")
    ]
    assert got == [
        ("2024-03-04", 1, 1.0),
        ("2024-03-11", 1, -8.0),
        ("2024-03-18", 0, None),
        ("2024-03-25", 0, None),
        ("2024-04-01", 0, None),
        ("2024-04-08", 1, 1.0),  # e05 occurred; the planned e04 the same week does not count
    ]


@pytest.mark.parametrize(
    ("source", "target", "period", "status", "expected"),
    [
        ("usa", "rus", "month", ("occurred",), [("2024-03-01", 2, -3.5), ("2024-04-01", 1, 1.0)]),
        (
            "Antony Blinken",
            "RUS",
            "month",
            ("occurred", "planned"),
            [("2024-03-01", 1, 1.0), ("2024-04-01", 2, 2.5)],
        ),
        ("RUS", "USA", "week", ("occurred",), []),
        ("UKR", "RUS", "week", ("occurred",), []),
        ("UKR", "RUS", "day", ("alleged",), [("2024-03-25", 1, -2.0)]),
        ("RUS", "UKR", "year", ("occurred",), [("2024-01-01", 1, -10.0)]),
    ],
)
def test_series_table(
    con: duckdb.DuckDBPyConnection,
    source: str,
    target: str,
    period: str,
    status: tuple[str, ...],
    expected: list[Any],
) -> None:
    rows = dyad_series(con, source, target, period, status=status)
    assert [(r["period_start"].isoformat(), r["count"], r["mean_goldstein"]) for r in rows] == expected


def test_series_rejects_unknown_period(con: duckdb.DuckDBPyConnection) -> None:
    with pytest.raises(ConfigError):
        dyad_series(con, "USA", "RUS", "fortnight")
    with pytest.raises(ConfigError):
        dyad_series(con, "USA", "RUS", status=("done",))


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    st.lists(
        st.tuples(
            st.integers(0, 400),
            st.sampled_from([-10.0, -2.5, 0.0, 3.4, 7.0]),
            st.sampled_from(["USA", "FRA"]),
        ),
        max_size=30,
    )
)
def test_series_property(events: list[tuple[int, float, str]]) -> None:
    """Weekly counts sum to the dyad's dated occurred events; periods are consecutive Mondays; means match."""
    con = fixture_connection()
    con.execute("DELETE FROM events")
    base = D("2023-01-02")
    for i, (offset, goldstein, source) in enumerate(events):
        day = base + timedelta(days=offset)
        row = (f"p{i}", source, None, source, "GOV", "RUS", None, "RUS", "GOV", "CONSULT", "040", "04",
               goldstein, 1, "occurred", day, day, 1, 1, 1, 0.5, "m", "s", day, None)  # fmt: skip
        con.execute(f"INSERT INTO events VALUES ({', '.join('?' * len(row))})", row)
    rows = dyad_series(con, "USA", "RUS")
    mine = [(base + timedelta(days=o), g) for o, g, s in events if s == "USA"]
    assert sum(r["count"] for r in rows) == len(mine)
    for a, b in zip(rows, rows[1:], strict=False):
        assert b["period_start"] - a["period_start"] == timedelta(days=7)
    for r in rows:
        assert r["period_start"].weekday() == 0
        week = [g for d, g in mine if r["period_start"] <= d < r["period_start"] + timedelta(days=7)]
        assert r["count"] == len(week)
        assert r["mean_goldstein"] == (round(sum(week) / len(week), 4) if week else None)


def test_series_files(con: duckdb.DuckDBPyConnection, tmp_path: Path) -> None:
    csv_path, png_path, rows = series_files(con, "USA", "RUS", tmp_path / "usa-rus")
    assert (csv_path.name, png_path.name) == ("usa-rus.csv", "usa-rus.png")
    lines = csv_path.read_text(encoding="utf-8").splitlines()
    assert lines[0] == "period_start,count,mean_goldstein"
    assert lines[1:4] == ["2024-03-04,1,1.0", "2024-03-11,1,-8.0", "2024-03-18,0,"]
    assert png_path.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    _, empty_png, none = series_files(con, "RUS", "USA", tmp_path / "none")
    assert none == [] and empty_png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


# -- end to end: a real store folder (whimbrel.store) and the CLI -------------------------------------------


def _event(article: Any, sentence: str, src: Any, tgt: Any, code: Any, day: date, status: Any) -> Any:
    from whimbrel.records import DateRange, Event

    start = article.text.index(sentence)
    return Event(article, sentence, (start, start + len(sentence)), "met", (start, start + 3), src, tgt,
                 code, DateRange(day, day, "text"), status, confidence=0.8,
                 coder_version="whimbrel-test")  # fmt: skip


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A real store: two articles, three events, written and committed by whimbrel.store's writer."""
    from whimbrel.records import Actor, Article, EventCode
    from whimbrel.store import Store

    path = tmp_path_factory.mktemp("query") / "store"
    usa, rus = Actor("Washington", None, "USA", "GOV"), Actor("Moscow", None, "RUS", "GOV")
    meet, sanction = EventCode("040", "CONSULT", 1.0, 1), EventCode("163", "SANCTION", -8.0, 4)
    one = Article("U.S. and Russian envoys met in Geneva on Monday.\n\nWashington later imposed sanctions.",
                  url="https://news.example/one", published=D("2024-03-06"), outlet="Wire")  # fmt: skip
    two = Article("Washington imposed sanctions on Moscow on Tuesday.", url="https://news.example/two",
                  published=D("2024-03-13"), outlet="Daily")  # fmt: skip
    with Store.open(path, create=True).writer() as writer:
        writer.add(one, [_event(one, "U.S. and Russian envoys met in Geneva on Monday.", usa, rus, meet,
                                D("2024-03-04"), "occurred"),
                         _event(one, "Washington later imposed sanctions.", usa, rus, sanction,
                                D("2024-03-06"), "occurred")])  # fmt: skip
        writer.add(two, [_event(two, "Washington imposed sanctions on Moscow on Tuesday.", usa, rus, sanction,
                                D("2024-03-12"), "occurred")])  # fmt: skip
    return path


def cli(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_cli_query_jsonl_through_the_store(store: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = cli(
        capsys, "query", "--db", str(store), "--mentions", "--actor", "usa", "--format", "jsonl"
    )
    assert code == 0
    records = [json.loads(line) for line in out.splitlines()]
    assert len(records) == 3
    assert {r["plover"] for r in records} == {"CONSULT", "SANCTION"}
    assert "published" in records[0] and "outlet" in records[0]
    code, out, _ = cli(capsys, "query", "--db", str(store), "--plover", "sanction", "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert code == 0 and rows and {r["plover"] for r in rows} == {"SANCTION"}
    code, out, _ = cli(capsys, "query", "--db", str(store), "--expectations", "--format", "csv")
    assert code == 0 and out.splitlines()[0].endswith("outcome,outcome_event_id,outcome_date")


def test_cli_sql_is_read_only(store: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = cli(capsys, "query", "--db", str(store), "--sql", "SELECT count(*) AS n FROM mentions",
                       "--format", "jsonl")  # fmt: skip
    assert (code, out) == (0, '{"n": 3}\n')
    for bad in ("DELETE FROM mentions", f"COPY mentions TO '{tmp_path}/x.csv'", "SELECT 1; SELECT 2"):
        code, out, err = cli(capsys, "query", "--db", str(store), "--sql", bad)
        assert code == 2 and err.count("\n") == 1 and err.startswith("whimbrel: error:"), err
    secret = tmp_path / "secret.csv"
    secret.write_text("a\n1\n", encoding="utf-8")
    code, _, err = cli(capsys, "query", "--db", str(store), "--sql", f"SELECT * FROM read_csv('{secret}')")
    assert code == 2 and "Permission" in err and err.count("\n") == 1
    code, _, err = cli(capsys, "query", "--db", str(store), "--sql", "SELECT 1", "--actor", "USA")
    assert code == 2
    assert not (tmp_path / "x.csv").exists()


def test_cli_parquet_out_and_relative_store(
    store: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "q.parquet"
    here = os.getcwd()
    os.chdir(store.parent)
    try:  # a relative --db: the lock-down must still let the views read the store's files
        code, _, err = cli(capsys, "query", "--db", store.name, "--sql", "SELECT * FROM events",
                           "--format", "parquet", "--out", str(out))  # fmt: skip
    finally:
        os.chdir(here)
    assert code == 0, err
    assert duckdb.connect().execute("SELECT count(*) FROM read_parquet(?)", [str(out)]).fetchone() == (3,)
    code, _, err = cli(capsys, "query", "--db", str(store), "--format", "parquet")
    assert code == 2 and "--out" in err


def test_cli_export_gdelt_and_plover(store: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = cli(capsys, "export", "--db", str(store), "--format", "gdelt")
    lines = out.splitlines()
    # the sanctions of 6 and 12 March are more than the 3-day window apart: two events
    assert code == 0 and len(lines) == 3 and "3 event(s)" in err
    fields = [line.split("\t") for line in lines]
    assert {len(f) for f in fields} == {61}
    assert {f[GDELT_COLUMNS.index("Actor1Code")] for f in fields} == {"USAGOV"}
    assert sorted(f[GDELT_COLUMNS.index("SQLDATE")] for f in fields) == ["20240304", "20240306", "20240312"]
    code, out, _ = cli(capsys, "export", "--db", str(store), "--format", "plover")
    records = [json.loads(line) for line in out.splitlines()]
    assert code == 0 and sorted(r["event_type"] for r in records) == ["CONSULT", "SANCTION", "SANCTION"]


def test_cli_series(store: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    prefix = tmp_path / "usa_rus"
    code, _, err = cli(capsys, "series", "--db", str(store), "--source", "USA", "--target", "RUS",
                       "--out", str(prefix))  # fmt: skip
    assert code == 0, err
    lines = (tmp_path / "usa_rus.csv").read_text(encoding="utf-8").splitlines()
    assert lines == ["period_start,count,mean_goldstein", "2024-03-04,2,-3.5", "2024-03-11,1,-8.0"]
    assert (tmp_path / "usa_rus.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    code, _, _ = cli(capsys, "series", "--db", str(store), "--source", "USA", "--target", "RUS",
                     "--period", "month", "--out", str(prefix))  # fmt: skip
    assert (tmp_path / "usa_rus.csv").read_text(encoding="utf-8").splitlines()[1:] == ["2024-03-01,3,-5.0"]


def test_missing_store_is_one_line_error(tmp_path: Path) -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "whimbrel", "query", "--db", str(tmp_path / "nope"), "--sql", "SELECT 1"],
        capture_output=True, text=True, cwd=ROOT, timeout=60, check=False,
    )  # fmt: skip
    assert proc.returncode == 2
    assert proc.stderr.count("\n") == 1 and proc.stderr.startswith("whimbrel: error:")
