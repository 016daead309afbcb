"""The store without the coder: round trips, dedup rules, versions, locking, leftovers (real DuckDB)."""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Sequence
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from whimbrel.records import (
    DATE_BASES,
    PLOVER_TYPES,
    SECTORS,
    STATUSES,
    Actor,
    Article,
    DateRange,
    Event,
    EventCode,
    Location,
)
from whimbrel.store import Store, StoreError
from whimbrel.store.writer import EVENTS_RETENTION_S

DAY0 = date(2024, 3, 1)


# -- helpers -------------------------------------------------------------------------------------------------


def rows(store: Store, sql: str) -> list[dict[str, Any]]:
    con = store.connect()
    try:
        rel = con.sql(sql)
        names = rel.columns
        return [dict(zip(names, row, strict=True)) for row in rel.fetchall()]
    finally:
        con.close()


def put(path: Path, batches: Sequence[Sequence[tuple[Article, Sequence[Event]]]], window: int = 3) -> Store:
    store = Store.open(path, create=True)
    with store.writer(window_days=window) as writer:
        for batch in batches:
            for article, events in batch:
                writer.add(article, events)
            writer.commit()
    return store


def article(n: int, outlet: str | None = "Outlet A", text: str | None = None) -> Article:
    return Article(text=text or f"Story number {n}.", url=f"https://example.org/{n}", outlet=outlet,
                   published=DAY0)  # fmt: skip


def mention(
    art: Article,
    *,
    source: tuple[str | None, str | None, str | None] = ("Vladimir Putin", "RUS", "GOV"),
    target: tuple[str | None, str | None, str | None] | None = ("Xi Jinping", "CHN", "GOV"),
    cameo: tuple[str, str] = ("040", "CONSULT"),
    status: str = "occurred",
    start: int | None = 0,
    end: int | None = None,
    conf: float = 0.5,
    at: int = 0,
) -> Event:
    """A mention whose dates are day offsets from DAY0 (None: dateless); ``at`` makes its id distinct."""
    s = DAY0 + timedelta(days=start) if start is not None else None
    e = DAY0 + timedelta(days=end if end is not None else start) if start is not None else None
    return Event(
        article=art, sentence="A sentence.", span=(at, at + 10), trigger="met", trigger_span=(at + 2, at + 5),
        source=Actor("src", *source), target=Actor("tgt", *target) if target else None,
        code=EventCode(cameo[0], cameo[1], 1.0, 1), date=DateRange(s, e, "text" if s else "unknown"),
        status=status,  # type: ignore[arg-type]
        confidence=conf, coder_version="whimbrel-test",
    )  # fmt: skip


def day(n: int) -> date:
    return DAY0 + timedelta(days=n)


# -- round trip (property) -----------------------------------------------------------------------------------

texts = st.text(st.characters(exclude_categories=["Cs"]), max_size=30)
opt_texts = st.none() | texts
countries = st.none() | st.sampled_from(("USA", "RUS", "CHN", "IRN", "FRA"))
sectors = st.none() | st.sampled_from(SECTORS)
spans = st.tuples(st.integers(0, 10_000), st.integers(0, 10_000))
dates = st.none() | st.dates(date(1900, 1, 1), date(2100, 12, 31))
floats = st.floats(-180, 180, allow_nan=False)
actors = st.builds(Actor, texts, opt_texts, countries, sectors, st.none() | spans)
codes = st.builds(EventCode, st.from_regex(r"\A[0-2][0-9]{1,3}\Z"), st.sampled_from(PLOVER_TYPES),
                  st.floats(-10, 10, allow_nan=False), st.integers(1, 4))  # fmt: skip
articles = st.builds(
    Article, texts.filter(bool), opt_texts, opt_texts, dates, opt_texts, opt_texts, opt_texts
)


@st.composite
def coded(draw: st.DrawFn) -> tuple[Article, list[Event]]:
    art = draw(articles)
    events = draw(st.lists(st.builds(
        Event, st.just(art), texts, spans, texts, spans, actors, st.none() | actors, codes,
        st.builds(DateRange, dates, dates, st.sampled_from(DATE_BASES)), st.sampled_from(STATUSES),
        st.none() | actors, st.lists(texts, max_size=3).map(tuple),
        st.none() | st.builds(Location, texts, countries, st.none() | floats, st.none() | floats),
        st.floats(0, 1), texts,
    ), max_size=4))  # fmt: skip
    return art, events


def contract_row(event: Event) -> dict[str, Any]:
    """What `mentions` must hold for an event, from the JSON contract (floats to 4 decimals)."""
    d = event.to_dict()
    row: dict[str, Any] = {"id": d["id"], "article_id": d["article"]["id"],
                           "article_version": d["article"]["version"], "coder_version": d["coder_version"],
                           "sentence": d["sentence"], "span_start": d["span"][0], "span_end": d["span"][1],
                           "trigger": d["trigger"], "trigger_start": d["trigger_span"][0],
                           "trigger_end": d["trigger_span"][1]}  # fmt: skip
    for role in ("source", "target"):
        actor = d[role] or {}
        for key in ("text", "name", "country", "sector"):
            row[f"{role}_{key}"] = actor.get(key)
        span = actor.get("span") or [None, None]
        row[f"{role}_start"], row[f"{role}_end"] = span
    for key in ("plover", "cameo", "cameo_root", "quad_class", "status"):
        row[key] = d[key]
    row["goldstein"] = round(d["goldstein"], 4)
    row["date_start"] = event.date.start
    row["date_end"] = event.date.end
    row["date_basis"] = d["date"]["basis"]
    att, loc = d["attribution"] or {}, d["location"] or {}
    for key in ("text", "name", "country", "sector"):
        row[f"attribution_{key}"] = att.get(key)
    row["contexts"] = d["contexts"]
    row["location_name"], row["location_country"] = loc.get("name"), loc.get("country")
    row["location_lat"] = None if loc.get("lat") is None else round(loc["lat"], 4)
    row["location_lon"] = None if loc.get("lon") is None else round(loc["lon"], 4)
    row["confidence"] = d["confidence"]
    row["published"], row["outlet"] = event.article.published, event.article.outlet
    return row


def canonical(items: list[dict[str, Any]]) -> list[str]:
    return sorted(json.dumps(r, default=str, sort_keys=True) for r in items)


@settings(max_examples=15, deadline=None)
@given(st.lists(coded(), max_size=5, unique_by=lambda c: c[0].id), st.integers(1, 2))
def test_events_read_back_field_by_field(batch: list[tuple[Article, list[Event]]], parts: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        store = put(Path(tmp) / "s", [batch[i::parts] for i in range(parts)])
        got = rows(store, "SELECT * FROM mentions")
        assert canonical(got) == canonical([contract_row(e) for _, events in batch for e in events])
        arts = rows(store, "SELECT article_id, article_version, text, url, title, published FROM articles")
        assert canonical(arts) == canonical([
            {"article_id": a.id, "article_version": a.version, "text": a.text, "url": a.url, "title": a.title,
             "published": a.published} for a, _ in batch
        ])  # fmt: skip


@settings(max_examples=10, deadline=None)
@given(st.lists(coded(), max_size=6, unique_by=lambda c: c[0].id), st.integers(0, 10))
def test_dedup_is_deterministic_whatever_the_batches(
    batch: list[tuple[Article, list[Event]]], w: int
) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        one = put(Path(tmp) / "one", [batch], window=w)
        first = rows(one, "SELECT * FROM events ORDER BY event_id")
        with one.writer(window_days=w) as writer:
            writer.rebuild()  # the same content committed again
        assert rows(one, "SELECT * FROM events ORDER BY event_id") == first
        many = put(Path(tmp) / "many", [batch[1::2][::-1], batch[0::2][::-1]], window=w)
        assert rows(many, "SELECT * FROM events ORDER BY event_id") == first
        assert sum(r["num_mentions"] for r in first) == sum(len(ev) for _, ev in batch)


# -- dedup rules (table-driven) ------------------------------------------------------------------------------

A, B, C = article(1), article(2, outlet="Outlet B"), article(3, outlet=None)

DEDUP_CASES: list[tuple[str, list[tuple[Article, list[Event]]], int, list[tuple[Any, ...]]]] = [
    # (name, stored articles, window,
    #  expected [(date_start, date_end, num_mentions, num_articles, num_sources)])
    ("within window", [(A, [mention(A, start=0), mention(A, start=3, at=20)])], 3,
     [(day(0), day(3), 2, 1, 1)]),
    ("gap beyond window", [(A, [mention(A, start=0), mention(A, start=4, at=20)])], 3,
     [(day(0), day(0), 1, 1, 1), (day(4), day(4), 1, 1, 1)]),
    ("window 0 splits days", [(A, [mention(A, start=0), mention(A, start=0, at=9),
                                   mention(A, start=1, at=20)])], 0,
     [(day(0), day(0), 2, 1, 1), (day(1), day(1), 1, 1, 1)]),
    ("running max end bridges", [(A, [mention(A, start=0, end=20), mention(A, start=5, at=9),
                                      mention(A, start=22, at=20)])], 3, [(day(0), day(22), 3, 1, 1)]),
    ("dateless form their own event", [(A, [mention(A, start=None), mention(A, start=None, at=9),
                                            mention(A, start=2, at=20)])], 3,
     [(None, None, 2, 1, 1), (day(2), day(2), 1, 1, 1)]),
    ("status splits", [(A, [mention(A), mention(A, status="planned", at=9)])], 3,
     [(day(0), day(0), 1, 1, 1), (day(0), day(0), 1, 1, 1)]),
    ("cameo splits", [(A, [mention(A), mention(A, cameo=("036", "CONSULT"), at=9)])], 3,
     [(day(0), day(0), 1, 1, 1), (day(0), day(0), 1, 1, 1)]),
    ("name is the key, not its country", [(A, [mention(A), mention(A, source=("Vladimir Putin", None, None),
                                                                   at=9)])], 3, [(day(0), day(0), 2, 1, 1)]),
    ("country/sector key without a name", [(A, [mention(A, source=(None, "RUS", "GOV")),
                                                mention(A, source=(None, "RUS", "MIL"), at=9),
                                                mention(A, source=(None, "RUS", "GOV"), at=20)])], 3,
     [(day(0), day(0), 2, 1, 1), (day(0), day(0), 1, 1, 1)]),
    ("articles and outlets counted", [(A, [mention(A), mention(A, at=9)]), (B, [mention(B, start=1)]),
                                      (C, [mention(C, start=2)])], 3, [(day(0), day(2), 4, 3, 3)]),
    ("historical events keep their own date",
     [(A, [mention(A, start=-3650)]), (B, [mention(B, start=-3649)])], 3,
     [(day(-3650), day(-3649), 2, 2, 2)]),
]  # fmt: skip


@pytest.mark.parametrize(
    ("name", "stored", "window", "expected"), DEDUP_CASES, ids=[c[0] for c in DEDUP_CASES]
)
def test_dedup_rules(tmp_path: Path, name: str, stored: list[Any], window: int, expected: list[Any]) -> None:
    store = put(tmp_path / "s", [stored], window=window)
    got = rows(store, "SELECT date_start, date_end, num_mentions, num_articles, num_sources FROM events")
    key = repr
    assert sorted((tuple(r.values()) for r in got), key=key) == sorted(expected, key=key)


def test_same_outlet_counts_once_and_a_missing_outlet_counts_per_article(tmp_path: Path) -> None:
    a2, c2 = article(4), article(5, outlet=None)
    store = put(
        tmp_path / "s", [[(A, [mention(A)]), (a2, [mention(a2)]), (C, [mention(C)]), (c2, [mention(c2)])]]
    )
    assert rows(store, "SELECT num_articles, num_sources FROM events") == [
        {"num_articles": 4, "num_sources": 3}
    ]


def test_best_mention_is_most_confident_then_smallest_id(tmp_path: Path) -> None:
    low, high1, high2 = mention(A, conf=0.3), mention(A, conf=0.9, at=9), mention(A, conf=0.9, at=20)
    store = put(tmp_path / "s", [[(A, [low, high1, high2])]])
    (event,) = rows(store, "SELECT best_mention, confidence, event_id FROM events")
    assert event["best_mention"] == min(high1.id, high2.id)
    assert event["confidence"] == 0.9
    assert len(event["event_id"]) == 16


SANCTION = ("163", "SANCTION")
USA, IRN = ("United States", "USA", "GOV"), ("Iran", "IRN", "GOV")
EXPECTATION_CASES = [
    # (name, planned [(start, end)], outcome status, outcome day, index of the linked plan or None)
    ("overlapping plan", [(10, 12)], "occurred", 11, 0),
    ("nearest earlier plan", [(1, 1), (5, 5)], "occurred", 20, 1),
    ("overlap beats an earlier one", [(2, 2), (19, 21)], "occurred", 20, 1),
    ("a later plan is no expectation", [(30, 30)], "occurred", 20, None),
    ("called off", [(10, 10)], "negated", 9, None),
    ("called off after the plan date", [(10, 10)], "negated", 12, 0),
    ("an alleged event fulfils nothing", [(10, 10)], "alleged", 10, None),
]


@pytest.mark.parametrize(("name", "plans", "status", "when", "linked"), EXPECTATION_CASES,
                         ids=[c[0] for c in EXPECTATION_CASES])  # fmt: skip
def test_expectations(
    tmp_path: Path, name: str, plans: list[Any], status: str, when: int, linked: Any
) -> None:
    planned = [mention(A, source=USA, target=IRN, cameo=SANCTION, status="planned", start=s, end=e, at=40 * i)
               for i, (s, e) in enumerate(plans)]  # fmt: skip
    outcome = mention(B, source=USA, target=IRN, cameo=SANCTION, status=status, start=when)
    other = mention(B, source=USA, target=IRN, cameo=("040", "CONSULT"), status=status, start=when, at=9)
    store = put(tmp_path / "s", [[(A, planned), (B, [outcome, other])]], window=0)
    by_start = {
        r["date_start"]: r["event_id"] for r in rows(store, "SELECT * FROM events WHERE status = 'planned'")
    }
    got = rows(
        store, f"SELECT expectation_event_id FROM events WHERE status = '{status}' AND plover = 'SANCTION'"
    )
    assert got == [{"expectation_event_id": None if linked is None else by_start[day(plans[linked][0])]}]
    assert rows(store, "SELECT expectation_event_id FROM events WHERE plover = 'CONSULT'") == [
        {"expectation_event_id": None}
    ]


# -- versions, errors, lock, leftovers -----------------------------------------------------------------------


def test_a_new_version_replaces_the_old_events(tmp_path: Path) -> None:
    old = article(1, text="First version.")
    new = article(1, text="Corrected version.")
    store = put(tmp_path / "s", [[(old, [mention(old)])], [(new, [mention(new, cameo=("036", "CONSULT"))])]])
    assert rows(store, "SELECT article_version, text FROM articles") == [
        {"article_version": new.version, "text": "Corrected version."}
    ]
    assert [r["cameo"] for r in rows(store, "SELECT cameo FROM mentions")] == ["036"]
    assert [r["cameo"] for r in rows(store, "SELECT cameo FROM events")] == ["036"]
    assert store.stored_versions() == {(old.id, old.version), (new.id, new.version)}
    with store.writer() as writer:  # the old version again adds nothing
        writer.add(old, [mention(old)])
        assert writer.pending == 0


def test_empty_store_has_typed_empty_views(tmp_path: Path) -> None:
    store = Store.open(tmp_path / "s", create=True)
    con = store.connect()
    for view, column in (("articles", "published"), ("mentions", "date_start"), ("events", "num_sources"),
                         ("failures", "error")):  # fmt: skip
        assert con.sql(f"SELECT count(*) FROM {view}").fetchall() == [(0,)]
        assert column in con.sql(f"SELECT * FROM {view}").columns
    assert store.stored_versions() == set()


BAD_STORES = [
    ("missing", lambda p: None, "no such store"),
    ("a file", lambda p: p.write_text("x"), "no such store"),
    ("no manifest", lambda p: p.mkdir(), "not a whimbrel store"),
    ("broken manifest", lambda p: (p.mkdir(), (p / "manifest.json").write_text("{")), "invalid manifest"),
    ("foreign manifest", lambda p: (p.mkdir(), (p / "manifest.json").write_text('{"format": "x"}')),
     "invalid manifest"),
    ("path in events", lambda p: (p.mkdir(), (p / "manifest.json").write_text(
        '{"format": "whimbrel-store", "version": 1, "generation": 1, "segments": [], "events": "../x"}')),
     "bad events file name"),
]  # fmt: skip


@pytest.mark.parametrize(("name", "make", "message"), BAD_STORES, ids=[c[0] for c in BAD_STORES])
def test_bad_stores_fail_in_one_line(tmp_path: Path, name: str, make: Any, message: str) -> None:
    path = tmp_path / "s"
    make(path)
    with pytest.raises(StoreError, match=message) as info:
        Store.open(path)
    assert "\n" not in str(info.value)


def test_create_refuses_a_folder_with_other_files(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("mine")
    with pytest.raises(StoreError, match="not a whimbrel store"):
        Store.open(tmp_path, create=True)


def test_one_writer_at_a_time(tmp_path: Path) -> None:
    store = Store.open(tmp_path / "s", create=True)
    with store.writer(), pytest.raises(StoreError, match="another ingest"):
        store.writer().__enter__()
    with store.writer() as writer:  # released
        writer.add(A, [mention(A)])
    assert len(rows(store, "SELECT * FROM mentions")) == 1


def test_an_exception_drops_the_batch(tmp_path: Path) -> None:
    store = Store.open(tmp_path / "s", create=True)
    with pytest.raises(RuntimeError), store.writer() as writer:
        writer.add(A, [mention(A)])
        raise RuntimeError("coder died")
    assert rows(store, "SELECT * FROM articles") == []


def test_the_next_writer_removes_uncommitted_leftovers(tmp_path: Path) -> None:
    store = put(tmp_path / "s", [[(A, [mention(A)])]])
    before = rows(store, "SELECT * FROM mentions")
    segs = store.path / "segments"
    (segs / ".tmp-000002-dead").mkdir()
    (segs / "000002").mkdir()  # renamed into place, never listed in the manifest
    (segs / "000002" / "articles.parquet").write_bytes(b"half")
    (store.path / "events-000009.parquet").write_bytes(b"never published")
    (store.path / ".tmp-events-000002.parquet").write_bytes(b"half")
    assert rows(store, "SELECT * FROM mentions") == before  # readers never look at them
    with store.writer() as writer:
        writer.add(B, [mention(B)])
    assert sorted(p.name for p in segs.iterdir()) == ["000001", "000002"]
    assert not (store.path / "events-000009.parquet").exists()
    assert not (store.path / ".tmp-events-000002.parquet").exists()
    assert len(rows(store, "SELECT * FROM mentions")) == 2


def test_superseded_events_files_stay_a_while_for_readers(tmp_path: Path) -> None:
    store = put(tmp_path / "s", [[(A, [mention(A)])], [(B, [mention(B)])]])
    names = sorted(p.name for p in store.path.glob("events-*.parquet"))
    assert names == ["events-000001.parquet", "events-000002.parquet"]
    con = store.connect()  # connected to generation 2
    old = store.path / names[0]
    os.utime(old, (0, 0))  # far older than the retention
    with store.writer() as writer:
        writer.add(C, [mention(C)])
    assert not old.exists() and (store.path / names[1]).exists()
    assert con.sql("SELECT sum(num_mentions) FROM events").fetchall() == [(2,)]
    assert EVENTS_RETENTION_S >= 60


def test_failures_are_kept_once_per_source(tmp_path: Path) -> None:
    store = Store.open(tmp_path / "s", create=True)
    for _ in range(2):
        with store.writer() as writer:
            writer.add_failure("a.txt", "empty file")
            writer.add_failure("b.txt", "binary file")
    with store.writer() as writer:
        writer.add_failure("a.txt", "too large")
    assert sorted((r["source"], r["error"]) for r in rows(store, "SELECT * FROM failures")) == [
        ("a.txt", "too large"), ("b.txt", "binary file")
    ]  # fmt: skip
    assert len(list((store.path / "segments").iterdir())) == 2  # the repeat added no segment
