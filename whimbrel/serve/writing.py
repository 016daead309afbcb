"""``POST /code`` and ``POST /ingest``: coding articles sent by a client, and storing them.

Both are guarded in this order: foreign origin (403), token (401), content type (415), rate limit (429,
``/code``), body size (413), then the body itself (400).  The coder loads on the first write (a few seconds
for spaCy) and is reused; coding runs in a worker thread, one job at a time, so reads keep being answered.
An article object becomes an :class:`~whimbrel.records.Article` exactly as a JSON Lines line does.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Sequence
from contextlib import ExitStack
from pathlib import Path
from typing import Any

from fastapi import FastAPI, HTTPException, Request
from fastapi.responses import JSONResponse
from starlette.concurrency import run_in_threadpool

from whimbrel.config import Config
from whimbrel.errors import InputError
from whimbrel.pipeline import Coder
from whimbrel.readers import default_config
from whimbrel.readers.jsonl import iter_jsonl
from whimbrel.records import Article, Event
from whimbrel.serve.security import RateLimiter, read_body, refuse_foreign_origin, require_json, require_token
from whimbrel.serve.snapshot import Snapshots
from whimbrel.store.store import Store, StoreError

_ARTICLE_SCHEMA: dict[str, Any] = {
    "type": "object",
    "required": ["text"],
    "properties": {
        "text": {"type": "string", "description": "plain text, the markdown layout, a header block or HTML"},
        "title": {"type": "string"},
        "published": {"type": "string", "format": "date", "description": "YYYY-MM-DD"},
        "url": {"type": "string"},
        "id": {"type": "string"},
        "outlet": {"type": "string"},
        "author": {"type": "string"},
    },
}
_INGEST_SCHEMA: dict[str, Any] = {
    "type": "object",
    "required": ["articles"],
    "properties": {"articles": {"type": "array", "items": _ARTICLE_SCHEMA}},
}


def _body_doc(schema: dict[str, Any]) -> dict[str, Any]:
    return {"requestBody": {"required": True, "content": {"application/json": {"schema": schema}}}}


class Writes:
    """The write side of one server: the coder (loaded lazily), its lock, and the store it ingests into."""

    def __init__(self, store_path: Path, snapshots: Snapshots, config: Config | None) -> None:
        self.store_path = Path(store_path)
        self.snapshots = snapshots
        self.config = config or Config()
        self._lock = threading.Lock()  # one coding job at a time: the coder is not shared between threads
        self._coder: Coder | None = None

    def _load(self) -> Coder:
        if self._coder is None:
            from whimbrel.api import load_coder

            self._coder = load_coder(self.config)
        return self._coder

    def code(self, article: Article) -> list[Event]:
        """Code one article; nothing is stored."""
        with self._lock:
            return self._load().code(article)

    def ingest(self, articles: Sequence[Article]) -> dict[str, int]:
        """Code and store the articles whose (id, version) is new; 409 if another writer holds the store."""
        with self._lock:
            coder = self._load()
            store = Store.open(self.store_path)
            window = store.manifest().window_days
            result = {"coded": 0, "skipped": 0, "events": 0}
            with ExitStack() as stack:
                try:
                    writer = stack.enter_context(store.writer(window_days=3 if window is None else window))
                except StoreError as exc:
                    raise HTTPException(409, " ".join(str(exc).split())) from None
                new: list[Article] = []
                for article in articles:
                    if writer.is_stored(article.id, article.version) or any(
                        (a.id, a.version) == (article.id, article.version) for a in new
                    ):
                        result["skipped"] += 1
                    else:
                        new.append(article)
                for article, events in coder.code_many(new) if new else ():
                    writer.add(article, events)
                    result["coded"] += 1
                    result["events"] += len(events)
            # Leaving the `with` committed; rebuild now so that this client's next read sees its write.
            self.snapshots.refresh()
            return result


def article_from_json(obj: object, where: str) -> Article:
    """An Article from one JSON object, as the JSON Lines reader builds it; 400 with a one-line reason."""
    if not isinstance(obj, dict):
        raise HTTPException(400, f"{where}: expected a JSON object")
    line = json.dumps(obj, ensure_ascii=False).encode("utf-8")
    item = next(iter_jsonl([line], source=where, published=None, config=default_config()))
    if isinstance(item, InputError):
        raise HTTPException(400, f"{where}: {' '.join(str(item.message).split())}")
    return item


def _parse(body: bytes) -> object:
    try:
        return json.loads(body)
    except (ValueError, UnicodeDecodeError) as exc:
        raise HTTPException(400, f"body is not valid JSON: {str(exc).splitlines()[0]}") from None


def register_writes(app: FastAPI, writes: Writes, *, token: str, limits: Any) -> None:
    """Add ``POST /code`` and ``POST /ingest`` to ``app``."""
    limiter = RateLimiter(limits.code_rate, limits.code_burst)

    @app.post("/code", tags=["writing"], openapi_extra=_body_doc(_ARTICLE_SCHEMA))
    async def code(request: Request) -> JSONResponse:
        """Code one article and return its events (the JSON Lines contract) without storing anything."""
        refuse_foreign_origin(request)
        require_token(request, token)
        require_json(request)
        limiter.check(request)
        article = article_from_json(_parse(await read_body(request, limits.code_bytes)), "body")
        events = await run_in_threadpool(writes.code, article)
        return JSONResponse({"events": [e.to_dict() for e in events]})

    @app.post("/ingest", tags=["writing"], openapi_extra=_body_doc(_INGEST_SCHEMA))
    async def ingest(request: Request) -> JSONResponse:
        """Code the articles and store the new ones; counts coded and skipped articles and events."""
        refuse_foreign_origin(request)
        require_token(request, token)
        require_json(request)
        data = _parse(await read_body(request, limits.ingest_bytes))
        if not isinstance(data, dict) or not isinstance(data.get("articles"), list):
            raise HTTPException(400, 'expected {"articles": [ … article objects … ]}')
        articles = [article_from_json(obj, f"articles[{i}]") for i, obj in enumerate(data["articles"])]
        return JSONResponse(await run_in_threadpool(writes.ingest, articles))
