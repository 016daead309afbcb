"""``whimbrel ingest PATH... --db STORE``: code articles into an event store (docs/store.md)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from whimbrel.cli import add_config_options, config_from
from whimbrel.errors import ConfigError

if TYPE_CHECKING:
    from whimbrel.store import Engine

ENGINES = ("local", "process", "dask")


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("ingest", help="code articles into an event store (files, directories, - for stdin)")
    p.add_argument("paths", nargs="+", type=Path, metavar="PATH")
    p.add_argument("--db", required=True, type=Path, metavar="STORE", help="store folder (created if absent)")
    p.add_argument("--published", help="publication date (YYYY-MM-DD) for articles that do not give one")
    p.add_argument("--engine", choices=ENGINES, default="local", help="where to code (default: this process)")
    p.add_argument("--workers", type=int, metavar="N", help="worker processes (process and dask engines)")
    p.add_argument("--scheduler", metavar="ADDRESS", help="Dask scheduler to use instead of a local cluster")
    p.add_argument("--batch", type=int, default=500, metavar="N", help="articles per committed segment")
    p.add_argument("--window", type=int, default=3, metavar="DAYS", help="dedup window in days (default 3)")
    p.add_argument("--quiet", action="store_true", help="log lines instead of a progress bar")
    add_config_options(p)
    p.set_defaults(run=run)


def _say(line: str) -> None:
    # Paths and errors can carry control characters (file names are untrusted): keep each to one clean line.
    print("whimbrel: " + "".join(ch if ch.isprintable() else "?" for ch in line), file=sys.stderr, flush=True)


def _engine(args: argparse.Namespace) -> Engine | None:
    if args.engine == "local":
        return None  # the in-process coder: ingest's default path
    from whimbrel.engines import make_engine

    engine: Engine = make_engine(
        args.engine, config_from(args), workers=args.workers, scheduler=args.scheduler
    )
    return engine


def run(args: argparse.Namespace) -> int:
    from whimbrel.api import parse_published
    from whimbrel.store import ingest

    published = parse_published(args.published)
    if args.workers is not None and args.workers < 1:
        raise ConfigError(f"--workers must be 1 or more, got {args.workers}")
    progress = not args.quiet and sys.stderr.isatty()
    engine = _engine(args)
    try:
        report = ingest(
            args.paths,
            args.db,
            config=config_from(args),
            engine=engine,
            published=published,
            batch=args.batch,
            window_days=args.window,
            progress=progress,
            log=None if progress else _say,
        )
    finally:
        if engine is not None:
            engine.close()
    rate = report.coded / report.seconds if report.seconds > 0 else 0.0
    _say(
        f"ingested {report.coded} article(s) with {report.events} event(s) into {args.db}; "
        f"{report.skipped} already stored; {len(report.failures)} failed "
        f"({report.seconds:.1f} s, {rate:.1f} articles/s)"
    )
    for source, error in report.failures:
        _say(f"{source}: {error}")
    return 1 if report.failures else 0
