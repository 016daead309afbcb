"""The dashboard in a real browser: Debian's headless Chromium, driven by Playwright, against a real
`whimbrel serve` over a store of the example articles plus one hostile article.

Every test waits on the `data-state` attributes the page sets when a view has loaded (no sleeps), checks the
page against the API's own answers, and fails on any console error, failed request or request to another
host.  Screenshots of each step go to artifacts/screenshots/ (kept by CI, not committed).
"""

from __future__ import annotations

import json
import shutil
import urllib.parse
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, ConsoleMessage, Page, Playwright, Request, Response, sync_playwright
from serving import REPO, running_server

from whimbrel.records import Actor, Article, DateRange, Event, EventCode, Location
from whimbrel.store import Store

pytestmark = pytest.mark.slow

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
    "--no-first-run", "--disable-sync", "--disable-quic",
]  # fmt: skip
SHOTS = REPO / "artifacts" / "screenshots"
TIMEOUT_MS = 15_000

# Markup an attacker would put into an article: each must show as literal text and never run.
SCRIPT = "<script>window.__pwned=1</script>"
IMG = '"><img src=x onerror="window.__pwned=1">'
HOSTILE_ACTOR = f"{IMG} Front {SCRIPT}"
HOSTILE_PLACE = f"Valletta {IMG}"
HOSTILE_SENTENCE = f"The {IMG} Front accused the government of vote fraud {SCRIPT} on Monday."
HOSTILE_TEXT = f"Ministers met in Valletta on Sunday.\n\n{HOSTILE_SENTENCE}\n\nTalks resume next week."
HOSTILE_ID = "hostile-article-1"


def _hostile_article() -> tuple[Article, Event]:
    article = Article(
        text=HOSTILE_TEXT,
        title=f"Breaking {SCRIPT} {IMG}",
        url="javascript:window.__pwned=1",
        published=date(2021, 5, 3),
        outlet=f"Outlet {IMG}",
        author=SCRIPT,
        supplied_id=HOSTILE_ID,
    )
    start = HOSTILE_TEXT.index(HOSTILE_SENTENCE)
    trigger = HOSTILE_TEXT.index("accused")
    event = Event(
        article=article,
        sentence=HOSTILE_SENTENCE,
        span=(start, start + len(HOSTILE_SENTENCE)),
        trigger="accused",
        trigger_span=(trigger, trigger + len("accused")),
        source=Actor(text=f"The {IMG} Front", name=HOSTILE_ACTOR, country="MLT", sector="OPP"),
        target=Actor(text="the government", name=None, country="MLT", sector="GOV"),
        code=EventCode(cameo="112", plover="ACCUSE", goldstein=-2.0, quad_class=3),
        date=DateRange(date(2021, 5, 3), date(2021, 5, 3), "publication"),
        status="alleged",
        location=Location(HOSTILE_PLACE, "MLT", 35.8989, 14.5146),
        confidence=0.77,
        coder_version="test-dashboard",
    )
    return article, event


@pytest.fixture(scope="module")
def store(example_store: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the example store with the hostile article added through the store's writer."""
    path = tmp_path_factory.mktemp("dashboard") / "store"
    shutil.copytree(example_store, path)
    article, event = _hostile_article()
    with Store.open(path).writer() as writer:
        writer.add(article, [event])
        writer.commit()
    return path


@pytest.fixture(scope="module")
def base_url(store: Path) -> Iterator[str]:
    with running_server(store) as base:
        yield base


@pytest.fixture(scope="module")
def playwright() -> Iterator[Playwright]:
    with sync_playwright() as pw:
        yield pw


@pytest.fixture(scope="module")
def browser(playwright: Playwright) -> Iterator[Browser]:
    browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
    try:
        yield browser
    finally:
        browser.close()


@dataclass
class Watch:
    """What went wrong in the page: console errors, uncaught errors, failed or foreign requests."""

    base: str
    problems: list[str] = field(default_factory=list)

    def attach(self, page: Page) -> None:
        page.on("console", self._console)
        page.on("pageerror", lambda error: self.problems.append(f"page error: {error}"))
        page.on("requestfailed", lambda r: self.problems.append(f"failed: {r.url} {r.failure}"))
        page.on("response", self._response)
        page.on("request", self._request)

    def _console(self, message: ConsoleMessage) -> None:
        if message.type == "error":
            self.problems.append(f"console: {message.text}")

    def _response(self, response: Response) -> None:
        if response.status >= 400:
            self.problems.append(f"HTTP {response.status}: {response.url}")

    def _request(self, request: Request) -> None:
        url = request.url
        if not (url.startswith(self.base + "/") or url.startswith("data:")):
            self.problems.append(f"request to another host: {url}")


@pytest.fixture
def page(browser: Browser, base_url: str, request: pytest.FixtureRequest) -> Iterator[Page]:
    """A fresh page on the loaded dashboard; the test fails if the page logged any problem."""
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    page = context.new_page()
    page.set_default_timeout(TIMEOUT_MS)
    watch = Watch(base_url)
    watch.attach(page)
    try:
        page.goto(base_url + "/")
        page.wait_for_selector("body[data-state=loaded]")
        yield page
        assert watch.problems == []
        assert page.evaluate("() => window.__pwned") is None
    finally:
        context.close()


def api(base: str, path: str, **params: Any) -> Any:
    """The server's own JSON answer, to compare the page with."""
    query = urllib.parse.urlencode(params, doseq=True)
    with urllib.request.urlopen(f"{base}{path}?{query}", timeout=10) as response:
        return json.loads(response.read())


def shot(page: Page, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)


def wait_table(page: Page, *fragments: str) -> None:
    """Waits until the event table has loaded a query containing every fragment (e.g. 'since=2016-01-01')."""
    page.wait_for_function(
        """(fragments) => {
            const t = document.querySelector('#events-table');
            const query = t.dataset.query || '';
            return t.dataset.state === 'loaded' && fragments.every((f) => query.includes(f));
        }""",
        arg=list(fragments),
    )


def shown_ids(page: Page, selector: str) -> list[str]:
    """The data-event-id of every element matching ``selector``, in page order."""
    ids: list[str] = page.eval_on_selector_all(selector, "nodes => nodes.map((n) => n.dataset.eventId)")
    return ids


def table_total(page: Page) -> int:
    return int(page.get_attribute("#events-table", "data-total") or "-1")


# -- the tests ------------------------------------------------------------------------------------------


def test_every_view_loads_from_the_api(page: Page, base_url: str) -> None:
    everything = api(base_url, "/events", limit=1)["total"]
    for view in ("#timeline", "#network", "#map", "#dyad-chart", "#events-table", "#summary"):
        assert page.get_attribute(view, "data-state") == "loaded", view
    for chart in ("#timeline", "#network", "#map", "#dyad-chart"):
        assert page.locator(f"{chart} canvas").count() >= 1, chart
    assert page.text_content("#events-total") == str(everything)
    assert f"{everything} events" in (page.text_content("#summary") or "")
    assert page.locator("#events-table tbody tr[data-event-id]").count() == min(15, everything)
    places = api(base_url, "/locations")["places"]
    assert page.get_attribute("#map", "data-count") == str(len(places))
    network = api(base_url, "/network", limit=80)
    assert page.get_attribute("#network", "data-count") == str(len(network["edges"]))
    timeline = api(base_url, "/timeline")["series"]
    dated = sum(r["q1"] + r["q2"] + r["q3"] + r["q4"] for r in timeline)
    assert page.get_attribute("#timeline", "data-count") == str(dated)
    shot(page, "01-loaded")


def test_typed_date_range_filters_every_view(page: Page, base_url: str) -> None:
    everything = table_total(page)
    # Dates that fall inside the timeline's periods: the typed range is used as typed, not snapped.
    since, until = "2016-02-15", "2017-03-20"
    page.fill("#since", since)
    page.fill("#until", until)
    wait_table(page, f"since={since}", f"until={until}")
    expected = api(base_url, "/events", since=since, until=until, limit=500)
    assert 0 < table_total(page) == expected["total"] < everything
    assert page.text_content("#events-total") == str(expected["total"])
    assert set(shown_ids(page, "#events-table tbody tr[data-event-id]")) <= {
        e["event_id"] for e in expected["events"]
    }
    # The other views follow the same range.
    edges = api(base_url, "/network", since=since, until=until, limit=80)["edges"]
    page.wait_for_selector(f"#network[data-state=loaded][data-count='{len(edges)}']")
    places = api(base_url, "/locations", since=since, until=until)["places"]
    page.wait_for_selector(f"#map[data-state=loaded][data-count='{len(places)}']")
    assert (page.input_value("#since"), page.input_value("#until")) == (since, until)
    assert f"since={since}" in (page.get_attribute("#events-table", "data-query") or "")
    shot(page, "02-typed-range")
    page.click("#reset")
    page.wait_for_function(f"() => document.querySelector('#events-table').dataset.total === '{everything}'")


def test_dragging_the_slider_sets_the_range(page: Page, base_url: str) -> None:
    everything = table_total(page)
    first = page.input_value("#since")
    box = page.locator("#timeline").bounding_box()
    assert box is not None
    # The slider's left handle: SLIDER_LEFT (56 px, timeline.js) + 4 px into it, 19 px above the bottom.
    x, y = box["x"] + 60, box["y"] + box["height"] - 19
    page.mouse.move(x, y)
    page.mouse.down()
    page.mouse.move(x + box["width"] * 0.45, y, steps=8)
    page.mouse.up()
    wait_table(page, "since=")
    since = page.input_value("#since")
    assert since > first
    assert table_total(page) == api(base_url, "/events", since=since, limit=1)["total"] < everything
    shot(page, "03-dragged-range")


def test_dyad_view_shows_series_and_events(page: Page, base_url: str) -> None:
    page.fill("#dyad-source", "")
    page.type("#dyad-source", "Barack")
    # Suggestions come from GET /actors?q=.
    page.wait_for_selector("#actor-options option[value='Barack Obama']", state="attached")
    page.fill("#dyad-source", "Barack Obama")
    page.fill("#dyad-target", "Vladimir Putin")
    page.click("#dyad-show")
    dyad = "Barack Obama→Vladimir Putin"
    page.wait_for_selector(f"#dyad-chart[data-state=loaded][data-dyad='{dyad}']")
    page.wait_for_selector(f"#dyad-events[data-state=loaded][data-dyad='{dyad}']")
    assert page.locator("#dyad-chart canvas").count() >= 1
    events = api(base_url, "/events", source="Barack Obama", target="Vladimir Putin", limit=100)
    assert events["total"] > 0
    shown = shown_ids(page, "#dyad-events li[data-event-id]")
    assert sorted(shown) == sorted(e["event_id"] for e in events["events"])
    series = api(base_url, "/dyads", source="Barack Obama", target="Vladimir Putin", period="year")["series"]
    assert page.get_attribute("#dyad-chart", "data-count") == str(len(series))
    shot(page, "04-dyad")
    # An event of the dyad opens in the evidence panel.
    page.click(f"#dyad-events li[data-event-id='{shown[0]}']")
    page.wait_for_selector(f"#article-panel[data-state=loaded][data-event-id='{shown[0]}']")


def test_clicking_a_network_node_picks_the_dyad_source(page: Page) -> None:
    # The node farthest from all others (a click cannot hit a neighbour), at the pixel ECharts drew it, once
    # the force layout has settled (a busy machine animates it for longer): the same place twice running.
    node, previous = None, None
    for _ in range(40):
        node = _farthest_node(page)
        if (
            node
            and previous
            and (round(node["x"]), round(node["y"])) == (round(previous["x"]), round(previous["y"]))
        ):
            break
        previous = node
        page.wait_for_timeout(250)
    assert node and node["gap"] > 8
    page.fill("#dyad-source", "")
    box = page.locator("#network").bounding_box()
    assert box is not None
    page.mouse.click(box["x"] + node["x"], box["y"] + node["y"])
    page.wait_for_function("(ref) => document.querySelector('#dyad-source').value === ref", arg=node["ref"])


def _farthest_node(page: Page) -> dict | None:
    return page.evaluate(
        """() => {
            const chart = echarts.getInstanceByDom(document.getElementById('network'));
            const data = chart.getModel().getSeriesByIndex(0).getData();
            const items = chart.getOption().series[0].data;
            const at = [];
            for (let i = 0; i < data.count(); i++) {
                at.push(chart.convertToPixel({seriesIndex: 0}, data.getItemLayout(i)));
            }
            let best = null;
            for (let i = 0; i < at.length; i++) {
                const ref = items[i].actor.name || items[i].actor.country;
                if (!ref) continue;
                let gap = Infinity;
                for (let j = 0; j < at.length; j++) {
                    if (j !== i) gap = Math.min(gap, Math.hypot(at[i][0] - at[j][0], at[i][1] - at[j][1]));
                }
                if (!best || gap > best.gap) best = {x: at[i][0], y: at[i][1], ref, gap};
            }
            return best;
        }"""
    )


def test_clicking_an_event_shows_the_evidence(page: Page, base_url: str) -> None:
    events = api(base_url, "/events", limit=15)["events"]
    event = next(e for e in events if e["trigger"] and e["trigger"] in e["sentence"])
    page.click(f"#events-table tr[data-event-id='{event['event_id']}']")
    page.wait_for_selector(f"#article-panel[data-state=loaded][data-event-id='{event['event_id']}']")
    mark = page.locator("#article-text mark")
    assert mark.count() == 1
    assert mark.text_content() == event["sentence"]
    assert mark.locator("strong.trigger").text_content() == event["trigger"]
    assert mark.is_visible()
    assert page.get_attribute("#event-status", "data-value") == event["status"]
    assert page.text_content("#event-status") == event["status"]
    assert page.get_attribute("#event-date-basis", "data-value") == event["date_basis"]
    basis = {"text": "from the text", "publication": "from publication", "unknown": "unknown"}
    assert page.text_content("#event-date-basis") == basis[event["date_basis"]]
    assert page.text_content("#event-confidence") == f"{event['confidence']:.2f}"
    assert event["plover"] in (page.text_content("#event-code") or "")
    article = api(base_url, f"/articles/{urllib.parse.quote(event['article_id'], safe='')}")["article"]
    assert page.text_content("#article-text") == article["text"]
    shot(page, "05-evidence")


def test_sorting_and_paging_follow_the_api(page: Page, base_url: str) -> None:
    page.click("#events-table th[data-sort=confidence] button")
    page.wait_for_selector("#events-table[data-state=loaded][data-sort=confidence]")
    page.click("#events-table th[data-sort=confidence] button")
    page.wait_for_selector("#events-table[data-state=loaded][data-sort='-confidence']")
    expected = api(base_url, "/events", sort="-confidence", limit=15)["events"]
    shown = shown_ids(page, "#events-table tbody tr[data-event-id]")
    assert shown == [e["event_id"] for e in expected]
    page.click("#events-next")
    page.wait_for_selector("#events-table[data-state=loaded][data-offset='15']")
    expected = api(base_url, "/events", sort="-confidence", offset=15, limit=15)["events"]
    shown = shown_ids(page, "#events-table tbody tr[data-event-id]")
    assert shown == [e["event_id"] for e in expected]


def test_hostile_strings_render_as_text(page: Page) -> None:
    page.fill("#since", "2021-01-01")
    page.fill("#until", "2021-12-31")
    wait_table(page, "since=2021-01-01")
    assert table_total(page) == 1
    row = page.locator("#events-table tbody tr[data-event-id]")
    assert row.locator("td.actor").first.text_content() == HOSTILE_ACTOR
    assert row.locator("td.sentence").text_content() == HOSTILE_SENTENCE
    row.click()
    page.wait_for_selector("#article-panel[data-state=loaded]")
    assert page.text_content("#article-text mark") == HOSTILE_SENTENCE
    assert page.text_content("#article-headline") == f"Breaking {SCRIPT} {IMG}"
    assert IMG in (page.text_content("#article-source") or "")
    assert HOSTILE_ACTOR in (page.text_content("#event-dyad") or "")
    assert page.locator("#article-source a").count() == 0  # a javascript: URL never becomes a link
    # ECharts inserts tooltip strings as HTML; ours are DOM nodes.  Show the hostile node's and place's tips.
    for view, name in (("network", HOSTILE_ACTOR), ("map", HOSTILE_PLACE)):
        page.wait_for_selector(f"#{view}[data-state=loaded]")
        shown = page.evaluate(
            """([id, name]) => {
                const chart = echarts.getInstanceByDom(document.getElementById(id));
                const data = chart.getModel().getSeriesByIndex(0).getData();
                for (let i = 0; i < data.count(); i++) {
                    if (data.getName(i) === name) {
                        chart.dispatchAction({type: 'showTip', seriesIndex: 0, dataIndex: i});
                        return true;
                    }
                }
                return false;
            }""",
            [view, name],
        )
        assert shown, view
        page.wait_for_selector(f"#{view} .tip-title")
        assert page.text_content(f"#{view} .tip-title") == name
    # The dyad view with the hostile actor: its events list shows the sentence as text.
    page.fill("#dyad-source", HOSTILE_ACTOR)
    page.fill("#dyad-target", "MLT")
    page.click("#dyad-show")
    page.wait_for_selector("#dyad-events[data-state=loaded] li[data-event-id]")
    assert page.text_content("#dyad-events li .sentence") == HOSTILE_SENTENCE
    shot(page, "06-hostile")
    assert page.locator("img[src=x]").count() == 0
    assert page.locator("body script:not([src])").count() == 0
    assert page.evaluate("() => window.__pwned") is None


def test_type_filter_narrows_every_view(page: Page, base_url: str) -> None:
    page.select_option("#type-filter", "quad:4")
    wait_table(page, "quad=4")
    expected = api(base_url, "/events", quad=4, limit=1)["total"]
    assert 0 < table_total(page) == expected
    timeline = api(base_url, "/timeline", quad=4)["series"]
    dated = sum(r["q1"] + r["q2"] + r["q3"] + r["q4"] for r in timeline)
    page.wait_for_selector(f"#timeline[data-state=loaded][data-count='{dated}']")
    edges = api(base_url, "/network", quad=4, limit=80)["edges"]
    page.wait_for_selector(f"#network[data-state=loaded][data-count='{len(edges)}']")
    page.select_option("#type-filter", "plover:CONSULT")
    wait_table(page, "plover=CONSULT")
    assert table_total(page) == api(base_url, "/events", plover="CONSULT", limit=1)["total"]
