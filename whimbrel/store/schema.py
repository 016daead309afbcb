"""Column schemas of the store's Parquet files and the rows written into them.

Rows are built from :mod:`whimbrel.records` as plain dicts, written as JSON Lines and converted to Parquet by
DuckDB with the explicit column types below, so no article text ever becomes part of an SQL string.  Floats
(Goldstein, confidence, latitude, longitude) are rounded to :data:`FLOAT_DIGITS` decimals.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from typing import Any

from whimbrel.records import Actor, Article, Event

FLOAT_DIGITS = 4

ARTICLE_COLUMNS: dict[str, str] = {
    "article_id": "VARCHAR",
    "article_version": "VARCHAR",
    "url": "VARCHAR",
    "title": "VARCHAR",
    "published": "DATE",
    "outlet": "VARCHAR",
    "author": "VARCHAR",
    "text": "VARCHAR",
    "coded_at": "TIMESTAMP",
    "segment": "INTEGER",
    "seq": "INTEGER",  # order within the segment: a later row of the same article id wins
    "source_path": "VARCHAR",
}

_ACTOR_COLUMNS = ("text", "name", "country", "sector", "start", "end")

MENTION_COLUMNS: dict[str, str] = {
    "id": "VARCHAR",
    "article_id": "VARCHAR",
    "article_version": "VARCHAR",
    "coder_version": "VARCHAR",
    "sentence": "VARCHAR",
    "span_start": "INTEGER",
    "span_end": "INTEGER",
    "trigger": "VARCHAR",
    "trigger_start": "INTEGER",
    "trigger_end": "INTEGER",
    **{f"source_{c}": "INTEGER" if c in ("start", "end") else "VARCHAR" for c in _ACTOR_COLUMNS},
    **{f"target_{c}": "INTEGER" if c in ("start", "end") else "VARCHAR" for c in _ACTOR_COLUMNS},
    "plover": "VARCHAR",
    "cameo": "VARCHAR",
    "cameo_root": "VARCHAR",
    "goldstein": "DOUBLE",
    "quad_class": "INTEGER",
    "date_start": "DATE",
    "date_end": "DATE",
    "date_basis": "VARCHAR",
    "status": "VARCHAR",
    "attribution_text": "VARCHAR",
    "attribution_name": "VARCHAR",
    "attribution_country": "VARCHAR",
    "attribution_sector": "VARCHAR",
    "contexts": "VARCHAR[]",
    "location_name": "VARCHAR",
    "location_country": "VARCHAR",
    "location_lat": "DOUBLE",
    "location_lon": "DOUBLE",
    "confidence": "DOUBLE",
}

FAILURE_COLUMNS: dict[str, str] = {
    "source": "VARCHAR",
    "error": "VARCHAR",
    "segment": "INTEGER",
    "seq": "INTEGER",
}

# What the views show (docs/store.md); the Parquet files may hold more (seq, source_path).
ARTICLE_VIEW = ("article_id", "article_version", "url", "title", "published", "outlet", "author", "text",
                "coded_at", "segment")  # fmt: skip
FAILURE_VIEW = ("source", "error", "segment")

EVENT_COLUMNS: dict[str, str] = {
    "event_id": "VARCHAR",
    "source_key": "VARCHAR",
    "source_name": "VARCHAR",
    "source_country": "VARCHAR",
    "source_sector": "VARCHAR",
    "target_key": "VARCHAR",
    "target_name": "VARCHAR",
    "target_country": "VARCHAR",
    "target_sector": "VARCHAR",
    "plover": "VARCHAR",
    "cameo": "VARCHAR",
    "cameo_root": "VARCHAR",
    "goldstein": "DOUBLE",
    "quad_class": "INTEGER",
    "status": "VARCHAR",
    "date_start": "DATE",
    "date_end": "DATE",
    "num_mentions": "BIGINT",
    "num_articles": "BIGINT",
    "num_sources": "BIGINT",
    "confidence": "DOUBLE",
    "best_mention": "VARCHAR",
    "sentence": "VARCHAR",
    "first_published": "DATE",
    "expectation_event_id": "VARCHAR",
}


def _iso(value: date | None) -> str | None:
    return value.isoformat() if value else None


def _round(value: float | None) -> float | None:
    return None if value is None else round(float(value), FLOAT_DIGITS)


def article_row(article: Article, *, segment: int, seq: int, coded_at: datetime) -> dict[str, Any]:
    """The articles.parquet row of one article."""
    return {
        "article_id": article.id,
        "article_version": article.version,
        "url": article.url,
        "title": article.title,
        "published": _iso(article.published),
        "outlet": article.outlet,
        "author": article.author,
        "text": article.text,
        "coded_at": coded_at.isoformat(sep=" "),
        "segment": segment,
        "seq": seq,
        "source_path": article.source_path,
    }


def _actor(prefix: str, actor: Actor | None) -> dict[str, Any]:
    span = actor.span if actor and actor.span else (None, None)
    return {
        f"{prefix}_text": actor.text if actor else None,
        f"{prefix}_name": actor.name if actor else None,
        f"{prefix}_country": actor.country if actor else None,
        f"{prefix}_sector": actor.sector if actor else None,
        f"{prefix}_start": span[0],
        f"{prefix}_end": span[1],
    }


def mention_row(article: Article, event: Event) -> dict[str, Any]:
    """The mentions.parquet row of one event: the JSON Lines contract flattened (docs/store.md)."""
    loc, att = event.location, event.attribution
    row: dict[str, Any] = {
        "id": event.id,
        "article_id": article.id,
        "article_version": article.version,
        "coder_version": event.coder_version,
        "sentence": event.sentence,
        "span_start": event.span[0],
        "span_end": event.span[1],
        "trigger": event.trigger,
        "trigger_start": event.trigger_span[0],
        "trigger_end": event.trigger_span[1],
        **_actor("source", event.source),
        **_actor("target", event.target),
        "plover": event.code.plover,
        "cameo": event.code.cameo,
        "cameo_root": event.code.cameo_root,
        "goldstein": _round(event.code.goldstein),
        "quad_class": event.code.quad_class,
        "date_start": _iso(event.date.start),
        "date_end": _iso(event.date.end),
        "date_basis": event.date.basis,
        "status": event.status,
        "attribution_text": att.text if att else None,
        "attribution_name": att.name if att else None,
        "attribution_country": att.country if att else None,
        "attribution_sector": att.sector if att else None,
        "contexts": list(event.contexts),
        "location_name": loc.name if loc else None,
        "location_country": loc.country if loc else None,
        "location_lat": _round(loc.lat) if loc else None,
        "location_lon": _round(loc.lon) if loc else None,
        "confidence": _round(event.confidence),
    }
    return row


def empty_select(columns: dict[str, str], names: Sequence[str] | None = None) -> str:
    """``SELECT`` of no rows with the given typed columns (the views of an empty store)."""
    names = names or tuple(columns)
    cols = ", ".join(f"CAST(NULL AS {columns[n]}) AS {n}" for n in names)
    return f"SELECT {cols} WHERE false"
