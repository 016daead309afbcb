"""``whimbrel query --db STORE [filters] [--mentions | --expectations | --sql "SELECT …"] [--format F]``"""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path

import duckdb

from whimbrel.errors import ConfigError
from whimbrel.query import (
    ROW_FORMATS,
    Filters,
    connect,
    expectations,
    lock_down,
    run_sql,
    select_events,
    select_mentions,
    write_rows,
)

_FILTER_OPTIONS = ("actor", "source", "target", "plover", "root", "quad", "since", "until", "status",
                   "min_confidence", "text")  # fmt: skip


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("query", help="select events, mentions or expectations from a store, or run SQL")
    p.add_argument("--db", required=True, type=Path, metavar="STORE", help="the store folder")
    p.add_argument("--actor", help="canonical name or ISO3 country on either side")
    p.add_argument("--source", help="source actor: name or ISO3 country")
    p.add_argument("--target", help="target actor: name or ISO3 country")
    p.add_argument("--plover", action="append", default=[], metavar="TYPE", help="PLOVER type (repeatable)")
    p.add_argument("--root", action="append", default=[], metavar="NN", help="CAMEO root code (repeatable)")
    p.add_argument("--quad", action="append", default=[], type=int, metavar="N", help="quad class 1-4")
    p.add_argument("--since", type=_date, metavar="YYYY-MM-DD", help="events whose dates reach this day")
    p.add_argument("--until", type=_date, metavar="YYYY-MM-DD", help="events that start by this day")
    p.add_argument("--status", action="append", default=[], help="occurred, planned, … (repeatable)")
    p.add_argument("--min-confidence", type=float, metavar="F", help="lowest confidence kept (0-1)")
    p.add_argument("--text", metavar="WORDS", help="words that must all occur in the evidence sentence")
    what = p.add_mutually_exclusive_group()
    what.add_argument("--mentions", action="store_true", help="every mention instead of deduplicated events")
    what.add_argument("--expectations", action="store_true", help="planned events with their outcome")
    what.add_argument("--sql", metavar="QUERY", help="your own read-only SELECT over the store's views")
    p.add_argument("--limit", type=int, metavar="N", help="at most N rows")
    p.add_argument("--format", choices=ROW_FORMATS, default="table")
    p.add_argument("--out", type=Path, metavar="FILE", help="write here instead of stdout (parquet needs it)")
    p.set_defaults(run=run)


def _date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {text!r}") from None


def filters_from(args: argparse.Namespace) -> Filters:
    """The Filters the query options describe (PLOVER types and statuses are case-insensitive)."""
    return Filters(
        actor=args.actor,
        source=args.source,
        target=args.target,
        plover=tuple(p.upper() for p in args.plover),
        cameo_root=tuple(args.root),
        quad_class=tuple(args.quad),
        since=args.since,
        until=args.until,
        status=tuple(s.lower() for s in args.status),
        min_confidence=args.min_confidence,
        text=args.text,
        limit=args.limit,
    )


def run(args: argparse.Namespace) -> int:
    if args.format == "parquet" and args.out is None:
        raise ConfigError("--format parquet needs --out FILE")
    if args.sql is not None and any(getattr(args, name) not in (None, []) for name in _FILTER_OPTIONS):
        raise ConfigError("--sql takes no filter options: put the conditions in your SQL")
    filters = filters_from(args)
    con = connect(args.db)
    try:
        # Every query runs on a connection that can read the store folder only and write nothing but --out.
        lock_down(con, args.db, (args.out,) if args.format == "parquet" else ())
        if args.sql is not None:
            rel = run_sql(con, args.sql)
            if args.limit is not None:
                rel = rel.limit(max(args.limit, 0))
        elif args.expectations:
            rel = expectations(con, filters)
        elif args.mentions:
            rel = select_mentions(con, filters)
        else:
            rel = select_events(con, filters)
        count = write_rows(rel, args.format, args.out if args.out is not None else sys.stdout)
    except duckdb.Error as exc:
        raise ConfigError(" ".join(str(exc).split())) from None
    finally:
        con.close()
    sys.stdout.flush()
    if args.out is not None:
        print(f"whimbrel: {count} row(s) written to {args.out}", file=sys.stderr)
    return 0
