"""``whimbrel ingest``: placeholder while the store is built (replaced by its owner)."""

from __future__ import annotations

import argparse

from whimbrel.errors import ConfigError


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("ingest", help="(in progress)")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    raise ConfigError("whimbrel ingest is not available yet")
