"""Assemble an :class:`~whimbrel.records.Article` from text in one of the supported formats.

Metadata precedence, field by field: explicit metadata of the article itself (header block, JSON
fields, HTML metadata) -> what the layout reveals (``# Title``, byline, date line, ``Original url:``)
-> the caller's fallback arguments -> None.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date

from whimbrel.errors import ConfigError, InputError
from whimbrel.readers.config import ReaderConfig
from whimbrel.readers.dates import parse_date
from whimbrel.readers.header import has_header, split_header
from whimbrel.readers.html import extract_html
from whimbrel.readers.layout import Layout, clean_layout
from whimbrel.records import Article

FORMATS = ("auto", "markdown", "text", "html", "header")
_HTML_START = re.compile(
    r"^\s*(?:<\?xml[^>]{0,200}>\s*)?(?:<!--.{0,2000}?-->\s*)*<(?:!doctype\s+html|html[\s>]|head[\s>])",
    re.I | re.S,
)
_MARKDOWN_SIGNS = re.compile(
    r"^\s{0,3}#{1,6}\s|\]\(|\*\*|^\s{0,3}[-*+]\s|!\[|^<https?://|^original url:", re.M | re.I
)
_META_FIELDS = ("title", "url", "outlet", "author", "id")


def looks_like_html(text: str) -> bool:
    """Content that starts like an HTML page (``<!doctype html`` or ``<html``)."""
    return bool(_HTML_START.match(text[:4000]))


def sniff_format(text: str, config: ReaderConfig) -> str:
    """The format of a text: html, header, markdown or text."""
    if looks_like_html(text):
        return "html"
    if has_header(text, config):
        return "header"
    return "markdown" if _MARKDOWN_SIGNS.search(text[:200_000]) else "text"


def build_article(
    text: str,
    *,
    fmt: str,
    own: Mapping[str, str],
    fallback: Mapping[str, str | None],
    published: date | None,
    source: str,
    source_path: str | None,
    config: ReaderConfig,
) -> Article:
    """Parse ``text`` as ``fmt`` and build the Article; raises InputError when no text is left.

    ``own`` holds the article's own raw metadata (field -> value, e.g. JSON fields); ``fallback`` the
    caller's values for title/url/outlet/author/id; ``published`` the fallback publication date.
    """
    if fmt not in FORMATS:
        raise ConfigError(f"unknown article format {fmt!r}; use one of {', '.join(FORMATS)}")
    fields = dict(own)
    if fmt == "auto":
        fmt = sniff_format(text, config)
    if fmt == "header":
        header, text = split_header(text, config)
        fields = {**header, **fields}
        fmt = "html" if looks_like_html(text) else sniff_format(text, config)
        fmt = "text" if fmt == "header" else fmt  # a second header block is just text
    layout = _html_layout(text, config, source) if fmt == "html" else None
    if layout is None:
        layout = clean_layout(text, markdown=fmt == "markdown", config=config)
    if not layout.text.strip():
        raise InputError(source, "no article text")
    return _assemble(layout, fields, fallback, published, source_path)


def _html_layout(markup: str, config: ReaderConfig, source: str) -> Layout:
    page = extract_html(markup)
    if page is None:
        raise InputError(source, "no article text found in the HTML page")
    # trafilatura gives one paragraph per line; the layout pass repairs split sentences and drops any
    # byline or date line that survived extraction.
    layout = clean_layout(page.text.replace("\n", "\n\n"), markdown=False, config=config)
    title = page.title
    if title and not layout.text.startswith(title):
        layout.text = f"{title}\n\n{layout.text}"  # the headline is part of the page, and is coded too
    layout.title = title or layout.title
    layout.author = page.author or layout.author
    layout.published = parse_date(page.date) or layout.published
    layout.url = page.url or layout.url
    layout.outlet = page.outlet
    return layout


def _assemble(
    layout: Layout,
    fields: Mapping[str, str],
    fallback: Mapping[str, str | None],
    published: date | None,
    source_path: str | None,
) -> Article:
    found = {"title": layout.title, "url": layout.url, "author": layout.author, "outlet": layout.outlet}
    value: dict[str, str | None] = {}
    for name in _META_FIELDS:
        value[name] = _clean(fields.get(name)) or found.get(name) or _clean(fallback.get(name))
    own_date = parse_date(fields["published"]) if "published" in fields else None
    return Article(
        text=layout.text,
        title=value["title"],
        url=value["url"],
        published=own_date or layout.published or published,
        outlet=value["outlet"],
        author=value["author"],
        supplied_id=value["id"],
        source_path=source_path,
    )


def _clean(value: str | None) -> str | None:
    if value is None:
        return None
    value = " ".join(value.split())
    return value or None
