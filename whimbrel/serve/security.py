"""What stands between a browser page and the store: origin refusal, the token, body limits, rate limits,
and the security headers of every answer.

A page the analyst visits in the same browser can send requests to the server on loopback; it cannot read
the answers (no CORS headers, ever), but a write would still happen.  So every write is refused when its
``Origin`` is not the server's own or its ``Sec-Fetch-Site`` says another site sent it, and it needs the
token, which such a page cannot know.  A JSON content type is required too: a cross-site form cannot send it
without a preflight, which this server never grants.
"""

from __future__ import annotations

import hmac
import threading
import time
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

from fastapi import HTTPException, Request

CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; "
    "connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'none'"
)
SECURITY_HEADERS: tuple[tuple[bytes, bytes], ...] = (
    (b"content-security-policy", CONTENT_SECURITY_POLICY.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
    (b"cross-origin-resource-policy", b"same-origin"),
)
_FOREIGN_FETCH_SITES = ("cross-site", "same-site")

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]


class SecurityHeaders:
    """ASGI middleware: adds the security headers to every HTTP answer and drops any CORS header."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        started = False

        async def send_with_headers(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
                headers = [
                    (k, v)
                    for k, v in message.get("headers", [])
                    if not k.lower().startswith(b"access-control-")
                ]
                message["headers"] = headers + list(SECURITY_HEADERS)
            await send(message)

        try:
            await self.app(scope, receive, send_with_headers)
        except Exception:
            # A bug must not answer a bare 500 without the headers: answer here, then let the server log it.
            if not started:
                body = b'{"detail":"internal server error"}'
                await send_with_headers(
                    {
                        "type": "http.response.start",
                        "status": 500,
                        "headers": [
                            (b"content-type", b"application/json"),
                            (b"content-length", str(len(body)).encode()),
                        ],
                    }
                )
                await send_with_headers({"type": "http.response.body", "body": body})
            raise


def refuse_foreign_origin(request: Request) -> None:
    """403 unless the request comes from the server's own origin (or from no browser page at all)."""
    origin = request.headers.get("origin")
    own = f"{request.url.scheme}://{request.headers.get('host', '')}"
    if origin is not None and origin.lower() != own.lower():
        raise HTTPException(
            403, "cross-origin write refused: this endpoint accepts requests from its own origin"
        )
    if request.headers.get("sec-fetch-site", "").lower() in _FOREIGN_FETCH_SITES:
        raise HTTPException(
            403, "cross-site write refused: this endpoint accepts requests from its own origin"
        )


def require_token(request: Request, token: str) -> None:
    """401 unless ``Authorization: Bearer TOKEN`` carries the server's token (constant-time comparison)."""
    scheme, _, given = request.headers.get("authorization", "").partition(" ")
    expected = token.encode("utf-8")
    if scheme.lower() != "bearer" or not hmac.compare_digest(given.strip().encode("utf-8"), expected):
        raise HTTPException(
            401, "missing or wrong token: send 'Authorization: Bearer TOKEN' (printed by whimbrel serve)",
            headers={"WWW-Authenticate": "Bearer"},
        )  # fmt: skip


def require_json(request: Request) -> None:
    """415 unless the body is declared ``application/json``."""
    media = request.headers.get("content-type", "").split(";", 1)[0].strip().lower()
    if media != "application/json":
        raise HTTPException(415, f"send the body as application/json, not {media or 'no content type'}")


async def read_body(request: Request, limit: int) -> bytes:
    """The request body, 413 as soon as it passes ``limit`` bytes (Content-Length is checked, not trusted)."""
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > limit:
        raise HTTPException(413, f"body too large: at most {limit} bytes")
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise HTTPException(413, f"body too large: at most {limit} bytes")
        chunks.append(chunk)
    return b"".join(chunks)


class RateLimiter:
    """Token buckets per client: ``rate`` requests a second on average, bursts of up to ``burst``."""

    MAX_CLIENTS = 10_000  # forget idle clients beyond this many, so the table cannot grow without bound

    def __init__(self, rate: float, burst: int) -> None:
        self.rate = rate
        self.burst = float(burst)
        self._buckets: dict[str, tuple[float, float]] = {}  # client -> (tokens, time of last update)
        self._lock = threading.Lock()

    def take(self, client: str) -> float:
        """Spend one token of ``client``; returns 0 if allowed, else the seconds until one is available."""
        now = time.monotonic()
        with self._lock:
            tokens, then = self._buckets.get(client, (self.burst, now))
            tokens = min(self.burst, tokens + (now - then) * self.rate)
            if tokens < 1.0:
                self._buckets[client] = (tokens, now)
                return (1.0 - tokens) / self.rate
            if len(self._buckets) >= self.MAX_CLIENTS and client not in self._buckets:
                self._forget_full(now)
            self._buckets[client] = (tokens - 1.0, now)
            return 0.0

    def _forget_full(self, now: float) -> None:
        # A bucket that has refilled carries no information: drop those (all of them if none has).
        full = [c for c, (t, then) in self._buckets.items() if t + (now - then) * self.rate >= self.burst]
        for client in full or list(self._buckets):
            del self._buckets[client]

    def check(self, request: Request) -> None:
        """429 with Retry-After when the requesting client has spent its budget."""
        client = request.client.host if request.client else "?"
        wait = self.take(client)
        if wait > 0:
            seconds = max(1, int(wait + 0.999))
            raise HTTPException(
                429, f"too many requests: retry in {seconds} s", headers={"Retry-After": str(seconds)}
            )
