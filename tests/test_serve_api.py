"""The HTTP API of `whimbrel serve`, against a real server subprocess over a store of the examples."""

from __future__ import annotations

import csv
import http.client
import io
import json
import shutil
import urllib.parse
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from serving import running_server

TOKEN = "api-test-token"
OBAMA, PUTIN = "Barack Obama", "Vladimir Putin"
# A sentence of our own (not from any evaluation set) with a clear, well-known dyad.
NEW_TEXT = "Kenyan President William Ruto met Ethiopian Prime Minister Abiy Ahmed in Nairobi on Tuesday."


class Answer:
    def __init__(self, status: int, headers: http.client.HTTPMessage, body: bytes) -> None:
        self.status, self.headers, self.body = status, headers, body

    def json(self) -> Any:
        return json.loads(self.body)


@pytest.fixture(scope="module")
def base(example_store: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    # A copy: this module ingests into its store, and other modules share the example store.
    store = tmp_path_factory.mktemp("api") / "store"
    shutil.copytree(example_store, store)
    with running_server(store, token=TOKEN) as url:
        yield url


def call(base: str, method: str, path: str, body: bytes | None = None, headers: dict[str, str] | None = None,
         chunked: bool = False) -> Answer:  # fmt: skip
    parsed = urllib.parse.urlsplit(base)
    con = http.client.HTTPConnection(parsed.hostname, parsed.port, timeout=60)
    try:
        if chunked:
            assert body is not None
            parts = [body[i : i + 65536] for i in range(0, len(body), 65536)]
            con.request(method, path, body=iter(parts), headers=headers or {}, encode_chunked=True)
        else:
            con.request(method, path, body=body, headers=headers or {})
        response = con.getresponse()
        return Answer(response.status, response.headers, response.read())
    finally:
        con.close()


def get(base: str, path: str, **params: Any) -> Answer:
    query = urllib.parse.urlencode(params, doseq=True)
    return call(base, "GET", f"{path}?{query}" if query else path)


def events(base: str, **params: Any) -> dict[str, Any]:
    answer = get(base, "/events", **params)
    assert answer.status == 200, answer.body
    return dict(answer.json())


def write(base: str, path: str, obj: Any, token: str | None = TOKEN, **headers: str) -> Answer:
    sent = {"Content-Type": "application/json", **headers}
    if token is not None:
        sent["Authorization"] = f"Bearer {token}"
    return call(base, "POST", path, json.dumps(obj).encode(), sent)


def one_line_detail(answer: Answer) -> str:
    detail = answer.json()["detail"]
    assert isinstance(detail, str) and detail and "\n" not in detail
    return detail


# -- reading -------------------------------------------------------------------------------------------------


def test_events_page_has_the_documented_fields_in_date_order(base: str) -> None:
    page = events(base, limit=500)
    assert page["total"] == len(page["events"]) > 20
    first = page["events"][0]
    for key in ("event_id", "source_name", "target_country", "plover", "cameo", "goldstein", "quad_class",
                "status", "date_start", "num_mentions", "confidence", "sentence", "article_id", "date_basis",
                "trigger", "location_name", "location_lat"):  # fmt: skip
        assert key in first
    dates = [e["date_start"] for e in page["events"]]
    dated = [d for d in dates if d is not None]
    assert dated == sorted(dated) and dates[: len(dated)] == dated  # undated last


def test_filters_narrow_the_total(base: str) -> None:
    everything = events(base)["total"]
    russia = events(base, actor="rus", limit=500)
    assert 0 < russia["total"] < everything
    for e in russia["events"]:
        assert "RUS" in (e["source_country"], e["target_country"])
    consult = events(base, plover="consult", limit=500)
    assert 0 < consult["total"] < everything and {e["plover"] for e in consult["events"]} == {"CONSULT"}
    both = events(base, plover=["CONSULT", "ACCUSE"])["total"]
    assert both == consult["total"] + events(base, plover="ACCUSE")["total"]
    recent = events(base, since="2017-01-01", until="2017-12-31", limit=500)
    assert 0 < recent["total"] < everything
    for e in recent["events"]:
        assert e["date_start"] <= "2017-12-31" and (e["date_end"] or e["date_start"]) >= "2017-01-01"
    assert events(base, min_confidence=0.99)["total"] < everything
    worded = events(base, text="sanctions Belarusian", limit=500)
    assert worded["total"] >= 1
    assert all("belarusian" in e["sentence"].lower() for e in worded["events"])


def test_sorting_and_pagination(base: str) -> None:
    by_confidence = [e["confidence"] for e in events(base, sort="-confidence", limit=500)["events"]]
    assert by_confidence == sorted(by_confidence, reverse=True)
    by_goldstein = [e["goldstein"] for e in events(base, sort="goldstein", limit=500)["events"]]
    assert by_goldstein == sorted(by_goldstein)
    newest = events(base, sort="-date", limit=1)["events"][0]["date_start"]
    assert newest == max(e["date_start"] for e in events(base, limit=500)["events"] if e["date_start"])
    ten = events(base, limit=10)["events"]
    second = events(base, offset=5, limit=5)
    assert (second["offset"], second["limit"]) == (5, 5)
    assert [e["event_id"] for e in second["events"]] == [e["event_id"] for e in ten[5:]]
    assert events(base, offset=10_000)["events"] == []


def test_csv_has_the_json_columns(base: str) -> None:
    answer = get(base, "/events", format="csv", limit=500)
    assert answer.status == 200 and answer.headers["content-type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(answer.body.decode("utf-8"))))
    page = events(base, limit=500)
    assert rows[0] == list(page["events"][0])
    assert len(rows) - 1 == page["total"]
    assert [r[0] for r in rows[1:]] == [e["event_id"] for e in page["events"]]


def test_mentions_instead_of_events(base: str) -> None:
    page = events(base, mentions="true", limit=500)
    assert page["total"] >= events(base)["total"] and "span_start" in page["mentions"][0]


def test_actors_search_with_counts(base: str) -> None:
    answer = get(base, "/actors", q="putin")
    assert answer.status == 200
    found = {a["key"]: a for a in answer.json()["actors"]}
    putin = found[PUTIN]
    assert putin["country"] == "RUS" and putin["events"] == events(base, actor=PUTIN)["total"] > 0
    assert putin["as_source"] + putin["as_target"] >= putin["events"]
    russians = get(base, "/actors", country="rus").json()["actors"]
    assert russians and {a["country"] for a in russians} == {"RUS"}
    counts = [a["events"] for a in get(base, "/actors").json()["actors"]]
    assert counts == sorted(counts, reverse=True)


def test_dyad_series_counts_the_dyads_events(base: str) -> None:
    answer = get(base, "/dyads", source=OBAMA, target=PUTIN, period="year")
    assert answer.status == 200
    data = answer.json()
    assert (data["source"], data["target"], data["period"]) == (OBAMA, PUTIN, "year")
    series = data["series"]
    occurred = events(base, source=OBAMA, target=PUTIN, status="occurred", limit=500)["events"]
    assert sum(p["count"] for p in series) == len([e for e in occurred if e["date_start"]]) >= 3
    years = [int(p["period_start"][:4]) for p in series]
    assert years == list(range(years[0], years[-1] + 1))  # empty years included, as count 0
    assert all(p["mean_goldstein"] is None for p in series if p["count"] == 0)
    assert get(base, "/dyads", source=OBAMA).status == 422  # target is required
    assert get(base, "/dyads", source=OBAMA, target=PUTIN, period="hour").status == 422


def test_timeline_network_and_locations_add_up(base: str) -> None:
    page = events(base, limit=500)["events"]
    timeline = get(base, "/timeline", period="year").json()
    assert timeline["period"] == "year"
    per_quad = sum(p[f"q{i}"] for p in timeline["series"] for i in range(1, 5))
    assert per_quad == len([e for e in page if e["date_start"]])
    network = get(base, "/network").json()
    keys = {n["key"] for n in network["nodes"]}
    counts = [edge["count"] for edge in network["edges"]]
    assert counts == sorted(counts, reverse=True)
    assert all(edge["source"] in keys and edge["target"] in keys for edge in network["edges"])
    edge = next(e for e in network["edges"] if (e["source"], e["target"]) == (OBAMA, PUTIN))
    assert edge["count"] == events(base, source=OBAMA, target=PUTIN)["total"]
    places = get(base, "/locations").json()["places"]
    assert sum(p["count"] for p in places) == len([e for e in page if e["location_lat"] is not None]) > 0
    assert all(isinstance(p["lat"], float) and isinstance(p["lon"], float) for p in places)


def test_article_offsets_mark_the_evidence(base: str) -> None:
    article_id = events(base, actor=PUTIN)["events"][0]["article_id"]
    answer = call(base, "GET", "/articles/" + urllib.parse.quote(article_id, safe=""))
    assert answer.status == 200
    data = answer.json()
    text = data["article"]["text"]
    assert data["article"]["article_id"] == article_id and data["mentions"]
    for m in data["mentions"]:
        assert text[m["span_start"] : m["span_end"]] == m["sentence"]
        assert text[m["trigger_start"] : m["trigger_end"]] == m["trigger"]
    best = {e["best_mention"] for e in events(base, limit=500)["events"]}
    assert {m["id"] for m in data["mentions"] if m["event_id"]} <= best
    assert any(m["event_id"] for m in data["mentions"])
    missing = call(base, "GET", "/articles/no-such-article")
    assert missing.status == 404 and "no article" in one_line_detail(missing)


def test_bad_parameters_are_one_line_4xx(base: str) -> None:
    for params, status in (
        ({"since": "2017-13-01"}, 422),
        ({"plover": "DANCE"}, 400),
        ({"limit": 501}, 422),
        ({"limit": -1}, 422),
        ({"sort": "event_id; DROP TABLE events"}, 422),
        ({"quad": 7}, 400),
        ({"root": "99"}, 400),
        ({"since": "2018-01-01", "until": "2017-01-01"}, 400),
        ({"min_confidence": 2}, 422),
        ({"format": "xml"}, 422),
    ):
        answer = get(base, "/events", **params)
        assert answer.status == status, (params, answer.body)
        one_line_detail(answer)
    assert "DANCE" in one_line_detail(get(base, "/events", plover="DANCE"))


def test_injection_looking_values_match_nothing_and_change_nothing(base: str) -> None:
    before = events(base)["total"]
    for value in ("x' OR '1'='1", "RUS') OR TRUE --", "'; DROP TABLE events; --"):
        assert events(base, actor=value)["total"] == 0
        assert events(base, text=value)["total"] == 0
        assert get(base, "/actors", q=value).json()["actors"] == []
    assert events(base)["total"] == before


# -- writing -------------------------------------------------------------------------------------------------


def test_writes_need_the_token(base: str) -> None:
    article = {"text": NEW_TEXT}
    assert write(base, "/code", article, token=None).status == 401
    wrong = write(base, "/code", article, token="not-the-token")
    assert wrong.status == 401 and wrong.headers["www-authenticate"] == "Bearer"
    assert write(base, "/ingest", {"articles": [article]}, token=TOKEN[:-1]).status == 401


def test_cross_origin_writes_are_refused_even_with_the_token(base: str) -> None:
    article = {"text": NEW_TEXT}
    for headers in ({"Origin": "http://evil.example"}, {"Origin": "null"}, {"Sec-Fetch-Site": "cross-site"},
                    {"Origin": base.replace("127.0.0.1", "localhost")}):  # fmt: skip
        for path in ("/code", "/ingest"):
            answer = write(base, path, article if path == "/code" else {"articles": [article]}, **headers)
            assert answer.status == 403, (headers, path)
            assert not any(k.lower().startswith("access-control-") for k in answer.headers)
    asking = {"Origin": "http://evil.example", "Access-Control-Request-Method": "POST"}
    preflight = call(base, "OPTIONS", "/ingest", headers=asking)
    assert preflight.status >= 400 and "access-control-allow-origin" not in preflight.headers


def test_write_bodies_must_be_json_and_small(base: str) -> None:
    auth = {"Authorization": f"Bearer {TOKEN}"}
    plain = call(base, "POST", "/code", NEW_TEXT.encode(), {**auth, "Content-Type": "text/plain"})
    assert plain.status == 415 and "application/json" in one_line_detail(plain)
    broken = call(base, "POST", "/code", b'{"text": ', {**auth, "Content-Type": "application/json"})
    assert broken.status == 400 and one_line_detail(broken)
    assert write(base, "/code", {"title": "no text"}).status == 400
    assert write(base, "/ingest", {"articles": "nope"}).status == 400
    big = json.dumps({"text": "Talks. " * 200_000}).encode()  # 1.4 MB
    headers = {**auth, "Content-Type": "application/json"}
    declared = call(base, "POST", "/code", big, headers)
    assert declared.status == 413 and one_line_detail(declared)
    streamed = call(base, "POST", "/code", big, headers, chunked=True)  # no Content-Length to trust
    assert streamed.status == 413


def test_code_returns_events_without_storing(base: str) -> None:
    before = events(base)["total"]
    answer = write(base, "/code", {"text": NEW_TEXT, "published": "2024-05-08", "id": "code-only"})
    assert answer.status == 200, answer.body
    coded = answer.json()["events"]
    assert coded and coded[0]["source"]["name"] == "William Ruto" and coded[0]["plover"] == "CONSULT"
    assert coded[0]["date"]["start"] == "2024-05-07"  # "on Tuesday" before the publication date
    assert events(base)["total"] == before
    assert call(base, "GET", "/articles/code-only").status == 404


def test_ingest_stores_and_skips_what_is_stored(base: str) -> None:
    before = events(base)["total"]
    article = {"id": "api-ingest-1", "title": "Talks in Nairobi", "published": "2024-05-08", "text": NEW_TEXT}
    answer = write(base, "/ingest", {"articles": [article]})
    assert answer.status == 200, answer.body
    assert answer.json() == {"coded": 1, "skipped": 0, "events": 1}
    assert events(base)["total"] == before + 1  # visible at once to the next request
    stored = call(base, "GET", "/articles/api-ingest-1").json()
    assert (
        stored["article"]["title"] == "Talks in Nairobi"
        and stored["mentions"][0]["source_name"] == "William Ruto"
    )
    assert events(base, actor="William Ruto")["events"][0]["article_id"] == "api-ingest-1"
    again = write(base, "/ingest", {"articles": [article]})
    assert again.json() == {"coded": 0, "skipped": 1, "events": 0}
    assert events(base)["total"] == before + 1


# -- the rest ------------------------------------------------------------------------------------------------


def test_openapi_lists_every_path(base: str) -> None:
    paths = get(base, "/openapi.json").json()["paths"]
    for path in ("/events", "/actors", "/dyads", "/timeline", "/network", "/locations",
                 "/articles/{article_id}", "/code", "/ingest"):  # fmt: skip
        assert path in paths, path
    assert "requestBody" in paths["/ingest"]["post"]


def test_security_headers_on_every_answer(base: str) -> None:
    for answer in (get(base, "/events"), get(base, "/events", limit=9999), call(base, "GET", "/nowhere"),
                   write(base, "/code", {}, token=None), get(base, "/openapi.json")):  # fmt: skip
        csp = answer.headers["content-security-policy"]
        assert "default-src 'self'" in csp and "script-src 'self'" in csp and "frame-ancestors 'none'" in csp
        assert answer.headers["x-content-type-options"] == "nosniff"
        assert answer.headers["referrer-policy"] == "no-referrer"
        assert not any(k.lower().startswith("access-control-") for k in answer.headers)


def test_dashboard_files(base: str) -> None:
    index = call(base, "GET", "/")
    assert index.status == 200 and index.headers["content-type"].startswith("text/html")
    echarts = call(base, "GET", "/vendor/echarts.min.js")
    assert echarts.status == 200 and b"echarts" in echarts.body[:5000]
    world = call(base, "GET", "/vendor/countries-110m.json")
    assert world.status == 200 and world.json()["type"] == "Topology"
    assert call(base, "GET", "/vendor/package.json").status == 404
    assert call(base, "GET", "/static/../../serve/app.py").status == 404
    assert call(base, "GET", "/static/%2e%2e/%2e%2e/pyproject.toml").status == 404


def test_code_is_rate_limited(base: str) -> None:
    # Last in the module: it spends this client's budget.  Empty objects are refused after the rate check,
    # so no coding happens; the burst (10) must run out well within 30 quick requests.
    statuses = [write(base, "/code", {}) for _ in range(30)]
    limited = [a for a in statuses if a.status == 429]
    assert limited and all(a.status == 400 for a in statuses[: statuses.index(limited[0])])
    assert int(limited[0].headers["retry-after"]) >= 1
