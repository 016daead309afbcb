"""``whimbrel series --db STORE --source X --target Y [--period week|month] --out PREFIX``"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import duckdb

from whimbrel.errors import ConfigError
from whimbrel.query import PERIODS, connect, lock_down, series_files


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("series", help="dyad time series: events per period and mean Goldstein (CSV + PNG)")
    p.add_argument("--db", required=True, type=Path, metavar="STORE", help="the store folder")
    p.add_argument("--source", required=True, help="source actor: name or ISO3 country")
    p.add_argument("--target", required=True, help="target actor: name or ISO3 country")
    p.add_argument("--period", choices=tuple(PERIODS), default="week")
    p.add_argument(
        "--status", action="append", default=[], help="statuses counted (repeatable; default: occurred)"
    )
    p.add_argument(
        "--out", required=True, type=Path, metavar="PREFIX", help="writes PREFIX.csv and PREFIX.png"
    )
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    status = tuple(s.lower() for s in args.status) or ("occurred",)
    con = connect(args.db)
    try:
        lock_down(con, args.db)
        csv_path, png_path, rows = series_files(
            con, args.source, args.target, args.out, args.period, status=status
        )
    except duckdb.Error as exc:
        raise ConfigError(" ".join(str(exc).split())) from None
    finally:
        con.close()
    total = sum(row["count"] for row in rows)
    print(
        f"whimbrel: {total} event(s) in {len(rows)} {args.period}(s): {csv_path}, {png_path}", file=sys.stderr
    )
    return 0
