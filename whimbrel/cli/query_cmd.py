"""``whimbrel query``: placeholder while the store is built (replaced by its owner)."""

from __future__ import annotations

import argparse

from whimbrel.errors import ConfigError


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("query", help="(in progress)")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    raise ConfigError("whimbrel query is not available yet")
