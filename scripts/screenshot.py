"""Take the README's screenshot of the dashboard: docs/dashboard.png.

Builds a store of examples/ in a temporary folder, starts `whimbrel serve` on a free loopback port (the
helpers of tests/serving.py), opens the dashboard in Debian's headless Chromium, opens one event so that the
evidence panel shows a highlighted sentence, and saves a full-page PNG 1400 px wide.

    .venv/bin/python scripts/screenshot.py [--out docs/dashboard.png]
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import urllib.parse
import urllib.request
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "tests"))

from playwright.sync_api import Page, sync_playwright  # noqa: E402
from serving import build_example_store, running_server  # noqa: E402

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
    "--no-first-run", "--disable-sync", "--disable-quic",
]  # fmt: skip
# The event the evidence panel shows: the planned Obama–Putin meeting at the G20 (examples/g20-oped.md).
SHOWCASE_TEXT = "Hangzhou"


def _showcase_event(base: str) -> str | None:
    query = urllib.parse.urlencode({"text": SHOWCASE_TEXT, "limit": 1})
    with urllib.request.urlopen(f"{base}/events?{query}", timeout=10) as response:
        events = json.loads(response.read())["events"]
    return events[0]["event_id"] if events else None


def _page_to(page: Page, event_id: str) -> None:
    """Pages the event table forward (bounded) until the row of ``event_id`` shows."""
    for _ in range(20):
        if page.locator(f"#events-table tr[data-event-id='{event_id}']").count():
            return
        offset = page.get_attribute("#events-table", "data-offset")
        page.click("#events-next")
        page.wait_for_function(
            "(offset) => { const t = document.querySelector('#events-table');"
            " return t.dataset.state === 'loaded' && t.dataset.offset !== offset; }",
            arg=offset,
        )


def take(out: Path) -> None:
    """Writes the screenshot to ``out``."""
    with tempfile.TemporaryDirectory() as tmp:
        store = build_example_store(Path(tmp) / "store")
        with running_server(store) as base, sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            try:
                page = browser.new_page(viewport={"width": 1400, "height": 1000})
                page.set_default_timeout(20_000)
                page.goto(base + "/")
                page.wait_for_selector("body[data-state=loaded]")
                event_id = _showcase_event(base)
                if event_id:
                    _page_to(page, event_id)
                    page.click(f"#events-table tr[data-event-id='{event_id}']")
                    page.wait_for_selector(f"#article-panel[data-state=loaded][data-event-id='{event_id}']")
                page.mouse.move(0, 0)  # no hover effects in the picture
                out.parent.mkdir(parents=True, exist_ok=True)
                page.screenshot(path=str(out), full_page=True)
            finally:
                browser.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=REPO / "docs" / "dashboard.png")
    take(parser.parse_args().out)


if __name__ == "__main__":
    main()
