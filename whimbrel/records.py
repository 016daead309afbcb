"""Typed records that flow through the pipeline, and the JSON Lines event contract.

``Article -> sentences -> mentions -> Event``.  Every record is a frozen dataclass; ``Event.to_dict``
produces exactly the JSON object documented in ``docs/contract.md`` (one line per dyad).
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from typing import Any, Literal

PLOVER_TYPES: tuple[str, ...] = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)  # fmt: skip
SECTORS: tuple[str, ...] = (
    "GOV", "MIL", "LEG", "JUD", "COP", "OPP", "PTY", "ELI", "REB", "SEP", "INS", "TER",
    "MED", "CVL", "BUS", "NGO", "IGO", "REF",
)  # fmt: skip
STATUSES: tuple[str, ...] = ("occurred", "planned", "hypothetical", "negated", "alleged")
DATE_BASES: tuple[str, ...] = ("text", "publication", "unknown")

Status = Literal["occurred", "planned", "hypothetical", "negated", "alleged"]
Basis = Literal["text", "publication", "unknown"]
Span = tuple[int, int]


def content_hash(text: str) -> str:
    """Stable short hash of a text (sha256, first 16 hex digits)."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


@dataclass(frozen=True)
class Article:
    """One article as whimbrel extracted it.

    ``text`` is the extracted text that every span points into.  ``id`` is the supplied id, else the
    URL, else the content hash; ``version`` is the content hash, so a corrected article keeps its id.
    """

    text: str
    title: str | None = None
    url: str | None = None
    published: date | None = None
    outlet: str | None = None
    author: str | None = None
    supplied_id: str | None = None
    source_path: str | None = None

    @cached_property
    def version(self) -> str:  # (cached: every event's id reads it, and it hashes the whole text)
        return content_hash(self.text)

    @property
    def id(self) -> str:
        return self.supplied_id or self.url or self.version

    def meta_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "version": self.version,
            "url": self.url,
            "title": self.title,
            "published": self.published.isoformat() if self.published else None,
            "outlet": self.outlet,
            "author": self.author,
        }


@dataclass(frozen=True)
class Actor:
    """An event participant: as written, canonical name, ISO3 country, CAMEO-style sector."""

    text: str
    name: str | None = None
    country: str | None = None
    sector: str | None = None
    span: Span | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "name": self.name,
            "country": self.country,
            "sector": self.sector,
            "span": list(self.span) if self.span else None,
        }

    @property
    def key(self) -> tuple[str | None, str | None, str | None]:
        """Identity used to tell actors apart (canonical name, else country + sector)."""
        return (self.name, self.country, self.sector)


@dataclass(frozen=True)
class DateRange:
    """When an event happened or is planned for. ``basis`` says where the date came from."""

    start: date | None
    end: date | None
    basis: Basis

    def to_dict(self) -> dict[str, Any]:
        return {
            "start": self.start.isoformat() if self.start else None,
            "end": self.end.isoformat() if self.end else None,
            "basis": self.basis,
        }


UNKNOWN_DATE = DateRange(None, None, "unknown")


@dataclass(frozen=True)
class Location:
    name: str
    country: str | None
    lat: float | None
    lon: float | None

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "country": self.country, "lat": self.lat, "lon": self.lon}


@dataclass(frozen=True)
class EventCode:
    """A CAMEO code with what follows from it (see whimbrel.codes)."""

    cameo: str
    plover: str
    goldstein: float
    quad_class: int

    @property
    def cameo_root(self) -> str:
        return self.cameo[:2]


@dataclass(frozen=True)
class Event:
    """One coded event: one dyad, one sentence, one trigger.  ``to_dict`` is the JSON Lines contract."""

    article: Article
    sentence: str
    span: Span
    trigger: str
    trigger_span: Span
    source: Actor
    target: Actor | None
    code: EventCode
    date: DateRange
    status: Status
    attribution: Actor | None = None
    contexts: tuple[str, ...] = ()
    location: Location | None = None
    confidence: float = 0.5
    coder_version: str = field(default="")

    @cached_property
    def id(self) -> str:
        """Stable for the same article version, coder version, evidence and dyad (computed once)."""
        parts = [
            self.article.id,
            self.article.version,
            self.coder_version,
            f"{self.span[0]}:{self.span[1]}",
            f"{self.trigger_span[0]}:{self.trigger_span[1]}",
            self.code.cameo,
            json.dumps(self.source.key),
            json.dumps(self.target.key if self.target else None),
        ]
        return content_hash("\x1f".join(parts))

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "coder_version": self.coder_version,
            "article": self.article.meta_dict(),
            "sentence": self.sentence,
            "span": list(self.span),
            "trigger": self.trigger,
            "trigger_span": list(self.trigger_span),
            "source": self.source.to_dict(),
            "target": self.target.to_dict() if self.target else None,
            "plover": self.code.plover,
            "cameo": self.code.cameo,
            "cameo_root": self.code.cameo_root,
            "goldstein": self.code.goldstein,
            "quad_class": self.code.quad_class,
            "date": self.date.to_dict(),
            "status": self.status,
            "attribution": self.attribution.to_dict() if self.attribution else None,
            "contexts": list(self.contexts),
            "location": self.location.to_dict() if self.location else None,
            "confidence": round(self.confidence, 4),
        }
