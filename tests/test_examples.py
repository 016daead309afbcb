"""The bundled example articles code correctly, field by field (dyad, type, date, status, provenance)."""

from __future__ import annotations

from pathlib import Path

import pytest

import whimbrel
from whimbrel.records import Actor, Event

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


@pytest.fixture(scope="module")
def g20() -> list[Event]:
    return whimbrel.code_file(EXAMPLES / "g20-oped.md")


def who(actor: Actor | None) -> set[str]:
    return {x for x in (actor.name, actor.country) if x} if actor else set()


def find(events: list[Event], source: str, plover: str, target: str) -> list[Event]:
    return [
        e for e in events if source in who(e.source) and e.code.plover == plover and target in who(e.target)
    ]


# (source, PLOVER type, target, date start, date end, date basis, status) — the op-ed is dated 2016-09-02.
G20_EVENTS = [
    ("Barack Obama", "CONSULT", "Vladimir Putin", "2016-09-03", "2016-09-04", "text", "planned"),
    ("Bill Clinton", "CONSULT", "RUS", "2000-06-01", "2000-08-31", "text", "occurred"),
    ("Barack Obama", "ACCUSE", "Vladimir Putin", "2008-01-01", "2008-12-31", "text", "occurred"),
    ("Barack Obama", "ACCUSE", "Vladimir Putin", "2014-01-01", "2014-12-31", "text", "occurred"),
    ("Hillary Clinton", "ACCUSE", "RUS", "2011-12-01", "2011-12-31", "text", "occurred"),
    ("RUS", "REQUEST", "UKR", "2016-09-02", "2016-09-02", "publication", "occurred"),
    ("UKR", "ACCUSE", "RUS", "2016-09-02", "2016-09-02", "publication", "occurred"),
    ("Barack Obama", "REQUEST", "Vladimir Putin", "2016-09-02", "2016-09-02", "publication", "planned"),
    ("Barack Obama", "THREATEN", "Vladimir Putin", "2016-09-02", "2016-09-02", "publication", "planned"),
]


@pytest.mark.parametrize("row", G20_EVENTS, ids=[f"{r[0]}-{r[1]}-{r[3][:4]}" for r in G20_EVENTS])
def test_g20_oped_events(g20: list[Event], row: tuple[str, ...]) -> None:
    source, plover, target, start, end, basis, status = row
    found = find(g20, source, plover, target)
    dates = [(e.date.to_dict(), e.status) for e in found]
    assert any(
        e.date.to_dict() == {"start": start, "end": end, "basis": basis} and e.status == status for e in found
    ), dates


def test_g20_article_metadata(g20: list[Event]) -> None:
    article = g20[0].article
    assert article.published is not None and article.published.isoformat() == "2016-09-02"
    assert article.author == "Martin Hale"
    assert article.url == "https://example.org/2016/09/02/obama-putin-g20-hangzhou"
    assert article.title == "Obama and Putin Meet Again, With Little Left to Say"


def test_historical_remarks_are_not_dated_to_publication(g20: list[Event]) -> None:
    remarks = [e for e in g20 if "2008 campaign" in e.sentence]
    assert remarks and all(e.date.start is not None and e.date.start.year == 2008 for e in remarks)


def test_the_russian_leader_and_he_resolve_by_coreference(g20: list[Event]) -> None:
    (e,) = [e for e in find(g20, "Barack Obama", "ACCUSE", "Vladimir Putin") if e.trigger == "accused"]
    assert e.source.text == "he" and e.target is not None and e.target.text == "the Russian leader"
    assert e.article.text[e.source.span[0] : e.source.span[1]] == "he"  # type: ignore[index]


def test_planned_meeting_is_located_in_hangzhou(g20: list[Event]) -> None:
    # ("the first formal talks between the two leaders" tells the same planned meeting again, with no place)
    planned = [e for e in find(g20, "Barack Obama", "CONSULT", "Vladimir Putin") if e.status == "planned"]
    (meeting,) = [e for e in planned if e.trigger == "meet"]
    assert meeting.location is not None and meeting.location.country == "CHN"


def test_every_example_file_codes_without_error() -> None:
    for path in sorted(EXAMPLES.iterdir()):
        if path.suffix in {".md", ".html", ".txt", ".jsonl"} and path.name != "README.md":
            events = whimbrel.code_file(path, published="2018-04-02")
            assert all(e.sentence == e.article.text[e.span[0] : e.span[1]] for e in events)


def test_sports_record_in_the_feed_gives_no_event() -> None:
    events = whimbrel.code_file(EXAMPLES / "feed.jsonl", published="2018-04-02")
    assert not [e for e in events if "match" in e.sentence.lower() or "goal" in e.sentence.lower()]
