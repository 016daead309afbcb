"""Every event coded from the bundled examples satisfies the JSON Lines contract (docs/contract.md)."""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path
from typing import Any

import pytest

import whimbrel
from whimbrel.records import DATE_BASES, PLOVER_TYPES, SECTORS, STATUSES

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


@pytest.fixture(scope="module")
def coded() -> list[tuple[str, dict[str, Any]]]:
    out = []
    for path in sorted(EXAMPLES.iterdir()):
        if path.suffix in {".md", ".html", ".txt", ".jsonl"} and path.name != "README.md":
            for event in whimbrel.code_file(path, published="2018-04-02"):
                out.append((event.article.text, json.loads(json.dumps(event.to_dict()))))
    assert len(out) > 20
    return out


def check_actor(actor: dict[str, Any], text: str) -> None:
    assert set(actor) == {"text", "name", "country", "sector", "span"}
    assert actor["country"] is None or re.fullmatch(r"[A-Z]{3}", actor["country"])
    assert actor["sector"] is None or actor["sector"] in SECTORS
    assert actor["name"] is None or actor["name"].strip()
    if actor["span"] is not None:
        start, end = actor["span"]
        assert text[start:end] == actor["text"]


def test_every_event_keeps_the_contract(coded: list[tuple[str, dict[str, Any]]]) -> None:
    ids = set()
    for text, e in coded:
        ids.add(e["id"])
        assert e["coder_version"].startswith("whimbrel-")
        assert set(e["article"]) == {"id", "version", "url", "title", "published", "outlet", "author"}
        start, end = e["span"]
        assert text[start:end] == e["sentence"]
        t0, t1 = e["trigger_span"]
        assert start <= t0 < t1 <= end and text[t0:t1] == e["trigger"]
        check_actor(e["source"], text)
        if e["target"] is not None:
            check_actor(e["target"], text)
        if e["attribution"] is not None:
            check_actor(e["attribution"], text)
        assert e["plover"] in PLOVER_TYPES
        assert re.fullmatch(r"\d{2,4}", e["cameo"]) and e["cameo_root"] == e["cameo"][:2]
        assert -10 <= e["goldstein"] <= 10 and e["quad_class"] in (1, 2, 3, 4)
        d = e["date"]
        assert d["basis"] in DATE_BASES
        if d["basis"] == "unknown":
            assert d["start"] is None and d["end"] is None
        else:
            assert date.fromisoformat(d["start"]) <= date.fromisoformat(d["end"])
        assert e["status"] in STATUSES
        assert isinstance(e["contexts"], list) and all(isinstance(c, str) for c in e["contexts"])
        if e["location"] is not None:
            assert set(e["location"]) == {"name", "country", "lat", "lon"}
        assert 0.0 <= e["confidence"] <= 1.0
    assert len(ids) == len(coded), "event ids must be unique"


def test_ids_are_stable_across_runs(coded: list[tuple[str, dict[str, Any]]]) -> None:
    again = [e.id for e in whimbrel.code_file(EXAMPLES / "g20-oped.md")]
    first = [e["id"] for _, e in coded if "obama-putin-g20" in (e["article"]["url"] or "")]
    assert again == first
