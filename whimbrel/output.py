"""Writers for coded events: JSON Lines (the contract), CSV (flattened) and a readable terminal table."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable
from typing import Any, TextIO

from whimbrel.records import Event

FORMATS = ("jsonl", "csv", "table")

CSV_COLUMNS = (
    "id", "article_id", "article_version", "published", "sentence_start", "sentence_end", "trigger",
    "source_text", "source_name", "source_country", "source_sector",
    "target_text", "target_name", "target_country", "target_sector",
    "plover", "cameo", "cameo_root", "goldstein", "quad_class", "date_start", "date_end", "date_basis",
    "status", "attribution", "contexts", "location", "location_country", "lat", "lon", "confidence",
    "sentence",
)  # fmt: skip


def flat_row(event: Event) -> dict[str, Any]:
    """One event as a flat dict with the CSV columns (nested fields spelled out)."""
    d = event.to_dict()
    src, tgt, loc = d["source"], d["target"] or {}, d["location"] or {}
    return {
        "id": d["id"],
        "article_id": d["article"]["id"],
        "article_version": d["article"]["version"],
        "published": d["article"]["published"],
        "sentence_start": d["span"][0],
        "sentence_end": d["span"][1],
        "trigger": d["trigger"],
        **{f"source_{k}": src[k] for k in ("text", "name", "country", "sector")},
        **{f"target_{k}": tgt.get(k) for k in ("text", "name", "country", "sector")},
        "plover": d["plover"],
        "cameo": d["cameo"],
        "cameo_root": d["cameo_root"],
        "goldstein": d["goldstein"],
        "quad_class": d["quad_class"],
        "date_start": d["date"]["start"],
        "date_end": d["date"]["end"],
        "date_basis": d["date"]["basis"],
        "status": d["status"],
        "attribution": (d["attribution"] or {}).get("text"),
        "contexts": ";".join(d["contexts"]),
        "location": loc.get("name"),
        "location_country": loc.get("country"),
        "lat": loc.get("lat"),
        "lon": loc.get("lon"),
        "confidence": d["confidence"],
        "sentence": d["sentence"],
    }


class EventWriter:
    """Streams events to ``out`` in one of FORMATS (the CSV header is written once, before the first row)."""

    def __init__(self, out: TextIO, fmt: str = "jsonl") -> None:
        if fmt not in FORMATS:
            raise ValueError(f"unknown format {fmt!r}; choose from {', '.join(FORMATS)}")
        self.out, self.fmt = out, fmt
        self._csv: csv.DictWriter[str] | None = None
        self._table_header = False

    def write(self, events: Iterable[Event]) -> None:
        for event in events:
            if self.fmt == "jsonl":
                self.out.write(json.dumps(event.to_dict(), ensure_ascii=False) + "\n")
            elif self.fmt == "csv":
                if self._csv is None:
                    self._csv = csv.DictWriter(self.out, fieldnames=CSV_COLUMNS, lineterminator="\n")
                    self._csv.writeheader()
                self._csv.writerow(flat_row(event))
            else:
                self._write_table_row(event)

    def _write_table_row(self, event: Event) -> None:
        if not self._table_header:
            self.out.write(
                f"{'date':<23} {'status':<12} {'source':<24} {'type':<10} {'cameo':<5} "
                f"{'target':<24} {'conf':>4}  trigger / sentence\n"
            )
            self._table_header = True
        d = event.date
        when = "?" if d.start is None else d.start.isoformat() if d.start == d.end else f"{d.start}..{d.end}"
        when += "*" if d.basis == "publication" else ""
        row = (
            f"{when:<23} {event.status:<12} {_actor(event.source):<24} {event.code.plover:<10} "
            f"{event.code.cameo:<5} {_actor(event.target):<24} {event.confidence:>4.2f}  "
            f"[{_clip(event.trigger, 20)}] {_clip(event.sentence, 70)}"
        )
        self.out.write(_printable(row) + "\n")


def _actor(actor: Any) -> str:
    if actor is None:
        return "-"
    label = actor.name or actor.text
    code = "/".join(x for x in (actor.country, actor.sector) if x)
    return _clip(f"{label} ({code})" if code else label, 24)


def _clip(text: str, width: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def _printable(text: str) -> str:
    # Article text is untrusted: never pass terminal control characters through to the screen.
    return "".join(ch if ch.isprintable() else " " for ch in text)
