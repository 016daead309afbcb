"""HTML pages: main text and metadata with trafilatura (navigation, scripts and boilerplate dropped)."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import trafilatura

# Libraries that log chatty warnings about ordinary pages (no date found, charset guesses, ...).
_NOISY_LOGGERS = ("trafilatura", "htmldate", "courlan", "charset_normalizer", "justext", "readability")
# Only dates the page states (meta tags, <time>), never guesses from arbitrary text.
_DATE_PARAMS = {"extensive_search": False, "original_date": True}


@dataclass(frozen=True)
class HtmlPage:
    """What trafilatura found: the main text (paragraphs one per line) and page metadata."""

    text: str
    title: str | None
    author: str | None
    date: str | None
    url: str | None
    outlet: str | None


@lru_cache(maxsize=1)
def quiet_logging() -> None:
    """Silence trafilatura and htmldate logging (done once per process, on first use)."""
    for name in _NOISY_LOGGERS:
        logging.getLogger(name).setLevel(logging.CRITICAL)


def extract_html(markup: str) -> HtmlPage | None:
    """Main text and metadata of an HTML page, or None when the page holds no article text."""
    quiet_logging()
    result = _extract(markup, favor_recall=False)
    if result is None or not (result.get("text") or "").strip():
        # Short pages fall under trafilatura's precision thresholds; try once more, favouring recall.
        result = _extract(markup, favor_recall=True)
    if result is None or not (result.get("text") or "").strip():
        return None
    return HtmlPage(
        text=result["text"],
        title=_field(result, "title"),
        author=_field(result, "author"),
        date=_field(result, "date"),
        url=_field(result, "url"),
        outlet=_field(result, "sitename"),
    )


def _extract(markup: str, *, favor_recall: bool) -> dict[str, Any] | None:
    try:
        result = trafilatura.bare_extraction(
            markup,
            with_metadata=True,
            include_comments=False,
            include_tables=False,
            favor_recall=favor_recall,
            date_extraction_params=dict(_DATE_PARAMS),
        )
    except (ValueError, TypeError, AttributeError):  # malformed markup trafilatura cannot parse
        return None
    if result is None:
        return None
    return result if isinstance(result, dict) else result.as_dict()


def _field(result: dict[str, Any], name: str) -> str | None:
    value = result.get(name)
    return value.strip() or None if isinstance(value, str) else None
