"""The JSON Lines contract of an event: field names, types and id stability."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date

from hypothesis import given
from hypothesis import strategies as st

from whimbrel.records import Actor, Article, DateRange, Event, EventCode, Location

CONTRACT_KEYS = {
    "id", "coder_version", "article", "sentence", "span", "trigger", "trigger_span", "source", "target",
    "plover", "cameo", "cameo_root", "goldstein", "quad_class", "date", "status", "attribution", "contexts",
    "location", "confidence",
}  # fmt: skip


def make_event(text: str = "Putin met Xi in Beijing.", **changes: object) -> Event:
    article = Article(text=text, url="https://example.org/a", published=date(2019, 6, 5))
    event = Event(
        article=article,
        sentence=text,
        span=(0, len(text)),
        trigger="met",
        trigger_span=(6, 9),
        source=Actor("Putin", "Vladimir Putin", "RUS", "GOV", (0, 5)),
        target=Actor("Xi", "Xi Jinping", "CHN", "GOV", (10, 12)),
        code=EventCode("040", "CONSULT", 1.0, 1),
        date=DateRange(date(2019, 6, 5), date(2019, 6, 5), "publication"),
        status="occurred",
        location=Location("Beijing", "CHN", 39.9, 116.4),
        confidence=0.9,
        coder_version="test",
    )
    return replace(event, **changes)  # type: ignore[arg-type]


def test_event_dict_has_exactly_the_contract_fields() -> None:
    d = make_event().to_dict()
    assert set(d) == CONTRACT_KEYS
    assert set(d["article"]) == {"id", "version", "url", "title", "published", "outlet", "author"}
    assert set(d["source"]) == {"text", "name", "country", "sector", "span"}
    assert set(d["date"]) == {"start", "end", "basis"}
    assert d["cameo_root"] == "04" and d["plover"] == "CONSULT" and d["quad_class"] == 1
    assert d["article"]["id"] == "https://example.org/a"
    json.dumps(d)  # serialisable as is


def test_article_id_falls_back_from_supplied_id_to_url_to_hash() -> None:
    assert Article(text="x", supplied_id="a1", url="u").id == "a1"
    assert Article(text="x", url="u").id == "u"
    assert Article(text="x").id == Article(text="x").version


def test_corrected_article_keeps_id_changes_version() -> None:
    a, b = Article(text="first", url="u"), Article(text="second", url="u")
    assert a.id == b.id and a.version != b.version


def test_event_id_changes_with_dyad_and_article_version() -> None:
    base = make_event()
    assert base.id == make_event().id
    assert base.id != replace(base, target=Actor("Xi", None, "CHN", "MIL")).id
    assert base.id != replace(base, article=Article(text="other", url="https://example.org/a")).id
    assert base.id != replace(base, coder_version="other").id


@given(st.text(min_size=1, max_size=200))
def test_any_article_text_round_trips_through_json(text: str) -> None:
    d = make_event(text=text).to_dict()
    back = json.loads(json.dumps(d, ensure_ascii=False))
    assert back == d
    assert back["sentence"] == text
