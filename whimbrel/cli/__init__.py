"""The ``whimbrel`` command line: thin commands over the library API (one module per command)."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from whimbrel import __version__
from whimbrel.config import Config
from whimbrel.errors import WhimbrelError


def build_parser() -> argparse.ArgumentParser:
    from whimbrel.cli import (
        classify_cmd,
        code_cmd,
        eval_cmd,
        export_cmd,
        ingest_cmd,
        query_cmd,
        series_cmd,
        serve_cmd,
    )

    parser = argparse.ArgumentParser(prog="whimbrel", description="Political event data from news text.")
    parser.add_argument("--version", action="version", version=f"whimbrel {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)
    for module in (
        code_cmd,
        classify_cmd,
        eval_cmd,
        ingest_cmd,
        query_cmd,
        export_cmd,
        series_cmd,
        serve_cmd,
    ):
        module.register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the CLI; returns the exit code (0 ok, 1 some inputs failed, 2 usage or configuration error)."""
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return int(args.run(args))
    except WhimbrelError as exc:
        print(f"whimbrel: error: {exc}", file=sys.stderr)
        return 2
    except BrokenPipeError:  # `whimbrel code … | head`
        return 0
    except KeyboardInterrupt:
        return 130


def add_config_options(parser: argparse.ArgumentParser) -> None:
    """Options shared by every command that codes text (user dictionaries and patterns)."""
    parser.add_argument(
        "--actors", action="append", default=[], metavar="FILE", help="extra actor dictionary (TSV)"
    )
    parser.add_argument(
        "--patterns", action="append", default=[], metavar="FILE", help="extra event patterns (TSV)"
    )
    parser.add_argument(
        "--no-classifier", action="store_true", help="patterns only, no learned type classifier"
    )
    parser.add_argument(
        "--targetless",
        action="store_true",
        help="also emit events whose target was not found (one-sided acts; off: event data is dyadic)",
    )
    parser.add_argument(
        "--min-confidence",
        type=float,
        default=Config.min_confidence,
        metavar="P",
        help="drop events whose calibrated confidence is below P (default 0: keep every event)",
    )
    parser.add_argument(
        "--contents",
        action="store_true",
        help="also emit the hypothetical acts asked for or threatened in another event of the sentence",
    )


def config_from(args: argparse.Namespace) -> Config:
    return Config(
        actor_files=tuple(Path(p) for p in args.actors),
        pattern_files=tuple(Path(p) for p in args.patterns),
        use_classifier=not args.no_classifier,
        targetless=getattr(args, "targetless", False),
        contents=getattr(args, "contents", False),
        min_confidence=getattr(args, "min_confidence", Config.min_confidence),
    )
