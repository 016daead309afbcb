"""``whimbrel export --db STORE --format gdelt|plover|csv|parquet [--out FILE]``"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import duckdb

from whimbrel.errors import ConfigError
from whimbrel.query import EXPORT_FORMATS, connect, export, lock_down


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "export", help="export the deduplicated events (GDELT 2.0 table, PLOVER JSON, CSV, Parquet)"
    )
    p.add_argument("--db", required=True, type=Path, metavar="STORE", help="the store folder")
    p.add_argument("--format", choices=EXPORT_FORMATS, required=True)
    p.add_argument("--out", type=Path, metavar="FILE", help="write here instead of stdout (parquet needs it)")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    if args.format == "parquet" and args.out is None:
        raise ConfigError("--format parquet needs --out FILE")
    con = connect(args.db)
    try:
        lock_down(con, args.db, (args.out,) if args.format == "parquet" else ())
        count = export(con, args.format, args.out if args.out is not None else sys.stdout)
    except duckdb.Error as exc:
        raise ConfigError(" ".join(str(exc).split())) from None
    finally:
        con.close()
    sys.stdout.flush()
    print(f"whimbrel: {count} event(s) exported", file=sys.stderr)
    return 0
