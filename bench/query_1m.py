"""A dyad time series over 1,000,000 stored events (target: under 1 s).

    .venv/bin/python bench/query_1m.py [--events 1000000] [--store DIR] [--rounds 5]

Generates synthetic events straight into a real store folder with DuckDB — the layout and Parquet schemas of
whimbrel.store (one committed segment with articles, mentions and failures, an events file, the manifest) —
so ``Store.open(path).connect()`` gives the usual views.  Then times ``dyad_series(con, "USA", "RUS",
"week")``: the first call on a fresh connection (cold: Parquet metadata read) and the median of the next
rounds, plus the connect itself.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

import duckdb

from whimbrel.query import dyad_series
from whimbrel.store import Manifest, Store
from whimbrel.store.schema import ARTICLE_COLUMNS, EVENT_COLUMNS, FAILURE_COLUMNS, MENTION_COLUMNS
from whimbrel.store.store import events_name, segment_name, write_atomic

# 20 countries, USA and RUS twice, so that USA→RUS is about 0.8% of the events (~8,000 of a million).
COUNTRIES = ["USA", "USA", "RUS", "RUS", "CHN", "UKR", "GBR", "FRA", "DEU", "IRN", "ISR",
             "TUR", "IND", "PAK", "JPN", "KOR", "PRK", "SYR", "EGY", "BRA", "MEX", "ZAF"]  # fmt: skip
PICK = "[" + ", ".join(f"'{c}'" for c in COUNTRIES) + "]"
ROOTS = [("01", "010", "SUPPORT", 0.0, 1), ("04", "040", "CONSULT", 1.0, 1),
         ("05", "051", "COOPERATE", 3.4, 1), ("07", "070", "AID", 7.0, 2),
         ("11", "112", "ACCUSE", -2.0, 3), ("13", "138", "THREATEN", -7.0, 3),
         ("16", "163", "SANCTION", -8.0, 4), ("19", "190", "ASSAULT", -10.0, 4)]  # fmt: skip
# Named leaders, two per entry of COUNTRIES (same order): about a third of each side carries one of them, so
# name filters (`actor=Vladimir Putin`) match and cost what they would on a real store.
LEADERS = ["Joe Biden", "Antony Blinken", "Kamala Harris", "Lloyd Austin", "Vladimir Putin",
           "Sergei Lavrov", "Mikhail Mishustin", "Sergei Shoigu", "Xi Jinping", "Wang Yi",
           "Volodymyr Zelensky", "Dmytro Kuleba", "Rishi Sunak", "David Cameron", "Emmanuel Macron",
           "Stéphane Séjourné", "Olaf Scholz", "Annalena Baerbock", "Ebrahim Raisi",
           "Hossein Amir-Abdollahian", "Benjamin Netanyahu", "Yoav Gallant", "Recep Tayyip Erdoğan",
           "Hakan Fidan", "Narendra Modi", "Subrahmanyam Jaishankar", "Shehbaz Sharif", "Ishaq Dar",
           "Fumio Kishida", "Yoko Kamikawa", "Yoon Suk Yeol", "Cho Tae-yul", "Kim Jong Un",
           "Choe Son Hui", "Bashar al-Assad", "Faisal Mekdad", "Abdel Fattah el-Sisi", "Sameh Shoukry",
           "Luiz Inácio Lula da Silva", "Mauro Vieira", "Andrés Manuel López Obrador", "Alicia Bárcena",
           "Cyril Ramaphosa", "Naledi Pandor"]  # fmt: skip
NAMES = "[" + ", ".join("'" + n.replace("'", "''") + "'" for n in LEADERS) + "]"
STATUS = "['occurred','occurred','occurred','occurred','occurred','occurred','planned','alleged','negated','hypothetical']"  # noqa: E501

# One base row per event i (fixed SQL: every value below is synthetic, computed from i).
_BASE = f"""
SELECT i,
       {PICK}[1 + (hash(i, 1) % {len(COUNTRIES)})::INT] AS src,
       {PICK}[1 + (hash(i, 2) % {len(COUNTRIES)})::INT] AS tgt,
       CASE WHEN hash(i, 7) % 3 = 0
            THEN {NAMES}[1 + 2 * (hash(i, 1) % {len(COUNTRIES)})::INT + (hash(i, 8) % 2)::INT]
       END AS src_name,
       CASE WHEN hash(i, 9) % 3 = 0
            THEN {NAMES}[1 + 2 * (hash(i, 2) % {len(COUNTRIES)})::INT + (hash(i, 10) % 2)::INT]
       END AS tgt_name,
       1 + (hash(i, 3) % {len(ROOTS)})::INT AS r,
       {STATUS}[1 + (hash(i, 4) % 10)::INT] AS status,
       DATE '2015-01-01' + (hash(i, 5) % 3650)::INT AS day,
       round(0.3 + (hash(i, 6) % 70) / 100.0, 4) AS confidence,
       i // 10 AS article
FROM range(?) t(i)
"""


def _root_sql(field: int) -> str:
    values = ", ".join(repr(r[field]) for r in ROOTS)
    return f"[{values}][r]"


def _cast(columns: dict[str, str], exprs: dict[str, str]) -> str:
    return ", ".join(f"CAST({exprs.get(name, 'NULL')} AS {kind}) AS {name}" for name, kind in columns.items())


def generate(store_path: Path, n: int) -> Store:
    """Write ``n`` synthetic events (one mention each, ten per article) as one committed store segment."""
    store = Store.open(store_path, create=True)
    folder = store.path / "segments" / segment_name(1)
    folder.mkdir(parents=True)
    con = duckdb.connect(":memory:")
    con.execute(f"CREATE TABLE base AS {_BASE}", [n])
    actor = {
        f"{side}_{part}": expr
        for side, col in (("source", "src"), ("target", "tgt"))
        for part, expr in (("text", f"coalesce({col}_name, {col})"), ("name", f"{col}_name"),
                           ("country", col), ("sector", "'GOV'"),
                           ("key", f"{col} || '/GOV' || coalesce('/' || {col}_name, '')"))
    }  # fmt: skip
    common = {**actor, "plover": _root_sql(2), "cameo": _root_sql(1), "cameo_root": _root_sql(0),
              "goldstein": _root_sql(3), "quad_class": _root_sql(4), "status": "status", "date_start": "day",
              "date_end": "day", "confidence": "confidence",
              "sentence": "'Synthetic report ' || i || ' of ' || src || ' and ' || tgt || '.'"}  # fmt: skip
    mention = {**common, "id": "'m' || i", "article_id": "'a' || article", "article_version": "'v1'",
               "coder_version": "'whimbrel-bench'", "span_start": "0", "span_end": "40", "trigger": "'met'",
               "date_basis": "'text'", "contexts": "[]::VARCHAR[]"}  # fmt: skip
    event = {**common, "event_id": "'e' || i", "num_mentions": "1", "num_articles": "1", "num_sources": "1",
             "best_mention": "'m' || i", "first_published": "day"}  # fmt: skip
    article = {"article_id": "'a' || article", "article_version": "'v1'",
               "url": "'https://example.org/' || article", "published": "min(day)", "outlet": "'Wire'",
               "text": "'Synthetic article ' || article",
               "coded_at": "TIMESTAMP '2025-01-01 00:00:00'", "segment": "1", "seq": "article"}  # fmt: skip
    copies = {
        folder / "mentions.parquet": f"SELECT {_cast(MENTION_COLUMNS, mention)} FROM base",
        folder / "articles.parquet": f"SELECT {_cast(ARTICLE_COLUMNS, article)} FROM base GROUP BY article",
        folder / "failures.parquet": f"SELECT {_cast(FAILURE_COLUMNS, {})} WHERE false",
        store.path / events_name(1): f"SELECT {_cast(EVENT_COLUMNS, event)} FROM base ORDER BY i",
    }
    for target, select in copies.items():
        con.sql(select).write_parquet(str(target))
    con.close()
    write_atomic(store.path / "manifest.json", Manifest(1, (1,), events_name(1), 3).to_json())
    return store


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument(
        "--store", type=Path, help="folder for the generated store (default: a temporary one)"
    )
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        path = args.store or Path(tmp) / "store"
        started = time.perf_counter()
        store = generate(path, args.events)
        print(f"generated {args.events:,} events in {time.perf_counter() - started:.1f} s at {path}")
        started = time.perf_counter()
        con = store.connect()
        connect_s = time.perf_counter() - started
        total = con.sql("SELECT count(*) FROM events").fetchall()[0][0]
        started = time.perf_counter()
        rows = dyad_series(con, "USA", "RUS", "week")
        cold_s = time.perf_counter() - started
        warm = []
        for _ in range(args.rounds):
            started = time.perf_counter()
            dyad_series(con, "USA", "RUS", "week")
            warm.append(time.perf_counter() - started)
        count = sum(r["count"] for r in rows)
        print(f"events in store: {total:,}; USA→RUS occurred events: {count:,} in {len(rows)} weeks")
        print(f"connect: {connect_s * 1000:.0f} ms")
        median_ms = statistics.median(warm) * 1000
        print(f"dyad series USA→RUS weekly: first {cold_s * 1000:.0f} ms, "
              f"median of {args.rounds} more {median_ms:.0f} ms (target < 1000 ms)")  # fmt: skip


if __name__ == "__main__":
    main()
