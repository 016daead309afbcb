"""``whimbrel serve --db STORE [--host 127.0.0.1] [--port 8000]``: the HTTP API and the dashboard."""

from __future__ import annotations

import argparse
import ipaddress
import os
import secrets
import sys
from pathlib import Path

from whimbrel.cli import add_config_options, config_from
from whimbrel.errors import ConfigError

TOKEN_VARIABLE = "WHIMBREL_TOKEN"


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("serve", help="serve the HTTP API and the dashboard over a store")
    p.add_argument("--db", required=True, type=Path, metavar="STORE", help="an existing store folder")
    p.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)")
    p.add_argument("--port", type=int, default=8000, help="port (default 8000)")
    add_config_options(p)
    p.set_defaults(run=run)


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def run(args: argparse.Namespace) -> int:
    # Heavy imports here: `whimbrel --help` and the other commands need no web stack.
    import uvicorn

    from whimbrel.serve import create_app
    from whimbrel.store.store import Store, StoreError

    try:
        Store.open(args.db)  # serve never creates a store: an empty one would only hide a mistyped path
    except StoreError as exc:
        raise ConfigError(f"--db must name an existing store (whimbrel ingest creates one): {exc}") from None
    token = os.environ.get(TOKEN_VARIABLE, "").strip()
    generated = not token
    if generated:
        token = secrets.token_urlsafe(24)
    app = create_app(args.db, token=token, config=config_from(args))
    shown = f"[{args.host}]" if ":" in args.host else args.host
    print(f"whimbrel: serving {args.db} at http://{shown}:{args.port}/", file=sys.stderr)
    if generated:
        print(f"whimbrel: write token (POST /code, /ingest): {token}", file=sys.stderr)
    else:
        print(f"whimbrel: write token from {TOKEN_VARIABLE}", file=sys.stderr)
    if not _is_loopback(args.host):
        print(f"whimbrel: warning: listening on {args.host}: anyone who can reach it can read the store; "
              "writes are protected by the token only (plain HTTP)", file=sys.stderr)  # fmt: skip
    sys.stderr.flush()
    server = uvicorn.Server(uvicorn.Config(app, host=args.host, port=args.port, log_level="warning",
                                           access_log=False))  # fmt: skip
    server.run()
    return 0
