"""``whimbrel serve --db STORE [--host 127.0.0.1] [--port 8000]``: the HTTP API and the dashboard."""

from __future__ import annotations

import argparse
import contextlib
import ipaddress
import os
import secrets
import signal
import sys
from pathlib import Path
from typing import Any

from whimbrel.cli import add_config_options, config_from
from whimbrel.config import Config
from whimbrel.errors import ConfigError

TOKEN_VARIABLE = "WHIMBREL_TOKEN"


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("serve", help="serve the HTTP API and the dashboard over a store")
    p.add_argument("--db", required=True, type=Path, metavar="STORE", help="an existing store folder")
    p.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)")
    p.add_argument("--port", type=int, default=8000, help="port (default 8000)")
    p.add_argument("--workers", type=int, default=1, metavar="N",
                   help="server processes (default 1); each holds its own snapshot of the store")  # fmt: skip
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
    if args.workers < 1:
        raise ConfigError(f"--workers must be 1 or more, not {args.workers}")
    config = config_from(args)
    app = create_app(args.db, token=token, config=config) if args.workers == 1 else None
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
    if app is not None:  # one process
        server = uvicorn.Server(uvicorn.Config(app, host=args.host, port=args.port, log_level="warning",
                                               access_log=False))  # fmt: skip
        server.run()
        return 0
    return _serve_workers(args, config, token)


def _serve_workers(args: argparse.Namespace, config: Config, token: str) -> int:
    """Run ``--workers N`` server processes until interrupted; 1 if one fails before it is ready.

    The Python work of a request (HTTP, parameters, JSON) holds one interpreter's lock, so more cores need
    more interpreters.  Each binds its own socket to the port with SO_REUSEPORT, so the kernel spreads
    connections over them (one shared socket leaves most keep-alive clients with one).
    """
    import multiprocessing
    import queue

    from whimbrel.serve.app import settings_json

    settings = settings_json(args.db.resolve(), config)
    spawn = multiprocessing.get_context("spawn")
    ready = spawn.Queue()
    workers = [spawn.Process(target=_worker, args=(args.host, args.port, settings, token, ready), daemon=True)
               for _ in range(args.workers)]  # fmt: skip
    for worker in workers:
        worker.start()
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))  # a terminated parent still stops its workers
    try:
        waiting = len(workers)
        while waiting:  # each worker says when its snapshot is built; one that dies first ends the server
            try:
                ready.get(timeout=0.5)
                waiting -= 1
            except queue.Empty:
                failed = [w for w in workers if w.exitcode is not None]
                if failed:
                    print(f"whimbrel: error: a server worker exited with {failed[0].exitcode} before it was "
                          "ready", file=sys.stderr)  # fmt: skip
                    return 1
        print(f"whimbrel: {len(workers)} workers ready", file=sys.stderr, flush=True)
        for worker in workers:
            worker.join()
    except (KeyboardInterrupt, SystemExit):
        pass
    finally:
        for worker in workers:
            worker.terminate()
            worker.join(10)
    return 0


def _worker(host: str, port: int, settings: str, token: str, ready: Any) -> None:
    """One server process of ``--workers N``: its own app, snapshot and SO_REUSEPORT socket."""
    import socket

    import uvicorn

    from whimbrel.serve.app import SETTINGS_VARIABLE, app_from_environment

    os.environ[SETTINGS_VARIABLE] = settings
    os.environ[TOKEN_VARIABLE] = token
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    # proto=IPPROTO_TCP matters: asyncio sets TCP_NODELAY on accepted sockets only when the listener says TCP;
    # without it Nagle's algorithm holds the body behind the headers for a delayed ACK (40 ms an answer).
    sock = socket.socket(family, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT, 1)
    sock.bind((host, port))
    # Bound before the (slow) snapshot build: connections made meanwhile wait in this socket's queue.  Bound
    # after it, early keep-alive clients would all land on the worker that happened to be ready first.
    sock.listen(2048)
    app = app_from_environment()
    ready.put(os.getpid())
    server = uvicorn.Server(uvicorn.Config(app, log_level="warning", access_log=False))
    with contextlib.suppress(KeyboardInterrupt):  # Ctrl-C reaches every process of the group
        server.run(sockets=[sock])
