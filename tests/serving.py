"""Test helpers for `whimbrel serve`: a free port, a real server subprocess, a store of the examples.

Used by the API tests, the dashboard's browser tests and the load tests; the interface is kept stable:

    free_port() -> int
    running_server(store, *, token="test-token", extra_args=()) -> context manager yielding the base URL
    build_example_store(path) -> path
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
EXAMPLES = REPO / "examples"
START_TIMEOUT_S = 30.0


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _answers(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=2) as response:
            return bool(response.status == 200)
    except (urllib.error.URLError, OSError):
        return False


@contextmanager
def running_server(
    store: Path, *, token: str = "test-token", extra_args: Sequence[str] = ()
) -> Iterator[str]:
    """Run ``python -m whimbrel serve --db STORE`` on a free loopback port; yield ``http://127.0.0.1:PORT``.

    The write token is ``token`` (through WHIMBREL_TOKEN).  Waits until ``/openapi.json`` answers (at most
    START_TIMEOUT_S, else RuntimeError with the server's stderr); the server is stopped on exit.
    """
    port = free_port()
    env = {**os.environ, "WHIMBREL_TOKEN": token, "PYTHONUNBUFFERED": "1"}
    command = [
        sys.executable,
        "-m",
        "whimbrel",
        "serve",
        "--db",
        str(store),
        "--port",
        str(port),
        *extra_args,
    ]
    # stderr goes to a file, not a pipe: a chatty server must never block on a full pipe nobody reads.
    with tempfile.TemporaryFile() as log:
        process = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=log, cwd=REPO)
        try:
            base = f"http://127.0.0.1:{port}"
            deadline = time.monotonic() + START_TIMEOUT_S
            while not _answers(f"{base}/openapi.json"):
                if process.poll() is not None or time.monotonic() > deadline:
                    log.seek(0)
                    tail = log.read().decode("utf-8", "replace")[-2000:]
                    raise RuntimeError(f"whimbrel serve did not start (exit {process.poll()}): {tail}")
                time.sleep(0.1)
            yield base
        finally:
            process.terminate()
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait(timeout=10)


def build_example_store(path: Path) -> Path:
    """Ingest the repository's ``examples/`` folder into a new store at ``path``; returns ``path``."""
    from whimbrel.store.ingest import ingest

    ingest([EXAMPLES], path)
    return path
