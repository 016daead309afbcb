"""PETRARCH-2 gold standard records: source country, target country and CAMEO root accuracy.

The file is not well-formed XML (its records hold raw parse tables), so records are read with patterns:
``<Sentence … date="YYYYMMDD" id="…"/>``, its ``<EventCoding eventcode sourcecode targetcode/>`` lines and
``<Text>…</Text>``.  For each gold coding the coder's best-agreeing event of that sentence is compared field
by field; a record with no coded event counts as wrong on every field.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from whimbrel.api import load_coder
from whimbrel.config import Config
from whimbrel.readers import read_text
from whimbrel.records import Event

_RECORD = re.compile(r"<Sentence\b([^>]*)/?>(.*?)(?=<Sentence\b|</Sentences>|\Z)", re.S)
_ATTR = re.compile(r'(\w+)="([^"]*)"')
_CODING = re.compile(r"<EventCoding\b([^>]*)/>")
_TEXT = re.compile(r"<Text>(.*?)</Text>", re.S)


@dataclass(frozen=True)
class GoldCoding:
    cameo: str
    source: str | None  # ISO3, or None for "---"/international
    target: str | None


@dataclass(frozen=True)
class GoldRecord:
    id: str
    published: date | None
    text: str
    codings: tuple[GoldCoding, ...]


def _country(code: str) -> str | None:
    head = code[:3].upper()
    return None if head in {"---", "IGO", "NGO", "MNC", "UNO", ""} else head


def read_records(path: Path) -> list[GoldRecord]:
    """Records that code at least one event (``noevents`` records are skipped)."""
    records = []
    for attrs, body in _RECORD.findall(path.read_text(encoding="utf-8")):
        meta = dict(_ATTR.findall(attrs))
        text = _TEXT.search(body)
        codings = []
        for c in _CODING.findall(body):
            a = dict(_ATTR.findall(c))
            if "eventcode" in a:
                codings.append(
                    GoldCoding(
                        a["eventcode"], _country(a.get("sourcecode", "")), _country(a.get("targetcode", ""))
                    )
                )
        if text and text.group(1).strip() and codings:
            day = meta.get("date", "")
            published = date(int(day[:4]), int(day[4:6]), int(day[6:8])) if len(day) == 8 else None
            records.append(
                GoldRecord(meta.get("id", "?"), published, " ".join(text.group(1).split()), tuple(codings))
            )
    return records


def _agreement(event: Event, gold: GoldCoding) -> tuple[bool, bool, bool]:
    target = event.target.country if event.target else None
    return (
        event.source.country == gold.source,
        target == gold.target,
        event.code.cameo_root == gold.cameo[:2],
    )


def eval_petr2(path: Path, config: Config | None = None) -> dict[str, Any]:
    """Field accuracy over the gold codings of records that code an event."""
    coder = load_coder(config or Config())
    totals = [0, 0, 0]
    n = 0
    for record in read_records(path):
        events = coder.code(read_text(record.text, fmt="text", published=record.published))
        for gold in record.codings:
            n += 1
            best = max((_agreement(e, gold) for e in events), key=sum, default=(False, False, False))
            for i, ok in enumerate(best):
                totals[i] += ok
    return {
        "codings": n,
        "source_country": round(totals[0] / max(1, n), 3),
        "target_country": round(totals[1] / max(1, n), 3),
        "cameo_root": round(totals[2] / max(1, n), 3),
    }
