"""Web-to-markdown and plain-text article layout: metadata lines out, paragraphs repaired.

Recognised layout (all parts optional)::

    # Title                       -> title (stays in the text as the first paragraph)
    Dek line                      -> kept
    By [Name](#)                  -> author (dropped from the text)
    September 02, 2016            -> published (dropped)
    Caption ... **Name / AP**     -> caption kept, bold credit dropped
    Body paragraphs               -> kept; a sentence split across two paragraphs is joined again
    Original url:  <https://...>  -> url (dropped)

Web junk glued onto lines ("Image copyright AP Image caption ...", "Advertisement", "Read more: ...",
a trailing "Related:" list, an author note at the end) goes out in every format; captions become
paragraphs of their own (markers in ``markers.tsv``, see :mod:`whimbrel.readers.junk`).

Bylines and date lines are only looked for near the top (the first PRELUDE_BLOCKS blocks), and only as
whole lines, so body sentences such as "By Tuesday, the rebels had..." are never taken for metadata.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from whimbrel.readers import inline, junk
from whimbrel.readers.config import ReaderConfig
from whimbrel.readers.dates import parse_date

PRELUDE_BLOCKS = 10
LATE_SHARE = 0.5  # a "rest" marker ends the article only in its second half
BIO_UNITS = 3  # author notes are looked for among the last paragraphs
WRAP_MAX = 110  # hard-wrapped text has lines no longer than this

_BLOCK_SPLIT = re.compile(r"\n[ \t]*\n")
_TERMINAL = frozenset(".!?\"'’”»)…:;")
_ORIGINAL_URL = re.compile(r"^(?:original\s+url|original\s+link|source\s+url)\s*:\s*<?(\S*?)>?\s*$", re.I)
_BARE_URL = re.compile(r"^<?(https?://[^\s<>]+)>?$")
_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_DATE_LINE = re.compile(
    r"^(?:(?:first\s+|last\s+)?(?:published|updated|posted)(?:\s+on)?\s*:?\s*)?"
    r"(?P<date>(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+)?"
    rf"(?:{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}"
    rf"|\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH},?\s+\d{{4}}"
    r"|\d{4}-\d{2}-\d{2}|\d{1,2}/\d{1,2}/\d{4}))"
    r"(?:\s*(?:,|at|-|—|–|\||·|/)?\s*\d{1,2}(?::\d{2})?\s*(?:[ap]\.?m\.?)?(?:\s+[A-Z]{2,5})?)?\s*$",
    re.I,
)
_BYLINE = re.compile(r"^by\s+(?P<name>[^\s].{0,118})$", re.I)
_BYLINE_PARTS = re.compile(r"\s+[|·—–/]\s+|\s+-\s+")  # "By Jane Roe | June 26, 2012", "By Jane Roe - Reuters"
# Lower-case words that may appear inside a byline's names ("Ursula von der Leyen", "Jane Roe and ...").
_NAME_JOINERS = frozenset(
    {"and", "de", "da", "del", "der", "van", "von", "al", "el", "bin", "la", "le", "du"}
)
_CREDIT = re.compile(r"\s*\*\*([^*\n]{1,80})\*\*\s*$")
_WORD = re.compile(r"[A-Za-z]+")


@dataclass
class Unit:
    """A paragraph being built: ``kind`` is title, heading, caption, item or body."""

    kind: str
    text: str


@dataclass
class Layout:
    """The cleaned text and the metadata found in the layout."""

    text: str
    title: str | None = None
    author: str | None = None
    published: date | None = None
    url: str | None = None
    outlet: str | None = None


@dataclass
class _State:
    markdown: bool
    config: ReaderConfig
    units: list[Unit] = field(default_factory=list)
    layout: Layout = field(default_factory=lambda: Layout(""))
    expect_url: bool = False
    pending: str | None = None  # a caption or credit marker alone on its line: it applies to the next
    stopped: bool = False  # a trailing link list began: the rest is not article text
    table: junk.MarkerTable | None = None
    late_at: int = 0  # position, relative to the current block, where the article's second half starts


def clean_layout(raw: str, *, markdown: bool, config: ReaderConfig) -> Layout:
    """Turn a markdown (``markdown=True``) or plain-text article into paragraphs plus layout metadata."""
    state = _State(markdown=markdown, config=config, table=config.marker_table)
    offset = 0
    for index, block in enumerate(_BLOCK_SPLIT.split(raw)):
        state.late_at = int(LATE_SHARE * len(raw)) - offset
        offset += len(block) + 2
        lines = [line.strip() for line in block.split("\n")]
        lines = [line for line in lines if line]
        if lines:
            _take_block(state, lines, prelude=index < PRELUDE_BLOCKS)
        if state.stopped:
            break
    units = _drop_bios(repair_paragraphs(state.units), config)
    state.layout.text = "\n\n".join(unit.text for unit in units)
    return state.layout


def _take_block(state: _State, lines: list[str], *, prelude: bool) -> None:
    wrapped = _is_wrapped(lines)
    start_new = True
    for number, line in enumerate(lines):
        if _take_url(state, line):
            start_new = True
            continue
        if state.markdown:
            if inline.is_skippable(line):
                start_new = True
                continue
            if inline.is_setext_underline(line) and number > 0 and state.units:
                _make_heading(state, state.units[-1])
                start_new = True
                continue
            title = inline.heading(line)
            if title is not None:
                _add_heading(state, _heading_text(state, inline.strip_inline(title)), prelude=prelude)
                start_new = True
                if state.stopped:
                    return
                continue
        kind, text = _plain_line(state, line)
        if text and state.pending:
            kind, text = _after_marker(state, kind, text)
        if not text:
            start_new = True  # an image line or a dropped credit separates what is around it
            continue
        glued = junk.glued_credit(text, state.config.credit_words)
        if glued is not None:  # the caption stands alone; the text after the credit goes on below
            if glued[0]:
                state.units.append(Unit("caption", glued[0]))
            text, start_new = glued[1], True
            if not text:
                continue
        split = _split(state, text)
        if split is not None:
            _take_pieces(state, split, kind)
            start_new = True
            if state.stopped:
                return
            continue
        caption = junk.strip_credit(text, state.config.credit_words)
        if caption is not None:
            if caption:
                state.units.append(Unit("caption", caption))
            start_new = True
            continue
        if prelude and _take_meta(state.layout, text):
            start_new = True
            continue
        if start_new or kind != "body" or not _continues(state.units[-1], text, wrapped):
            state.units.append(Unit(kind, text))
        else:
            state.units[-1].text += " " + text
        start_new = kind == "caption"


def _after_marker(state: _State, kind: str, text: str) -> tuple[str, str]:
    """The line after a caption or credit marker that stood alone: its caption, or a credit to drop."""
    pending, state.pending = state.pending, None
    if pending == "credit" and junk.is_credit_line(text):
        return kind, ""
    return ("caption" if pending == "caption" and kind == "body" else kind), text


def _take_pieces(state: _State, split: junk.Split, kind: str) -> None:
    """Each piece of a line with junk markers becomes a paragraph of its own."""
    for piece in split.pieces:
        text, piece_kind = piece.text, piece.kind
        caption = junk.strip_credit(text, state.config.credit_words)
        if caption is not None:
            text, piece_kind = caption, "caption"
        if text:
            state.units.append(Unit("caption" if piece_kind == "caption" else kind, text))
    state.pending = split.pending
    state.stopped = split.stop


def _split(state: _State, text: str) -> junk.Split | None:
    table = state.table or state.config.marker_table
    return junk.split_line(text, table, state.config.credit_words, late_at=state.late_at)


def _heading_text(state: _State, text: str) -> str:
    """A heading without its junk markers ("Related coverage" ends the article in its second half)."""
    split = _split(state, text)
    if split is None:
        return text
    state.stopped = split.stop
    return " ".join(piece.text for piece in split.pieces)


def _drop_bios(units: list[Unit], config: ReaderConfig) -> list[Unit]:
    """Drop author notes among the last paragraphs ("Jane Roe is a correspondent for ...")."""
    table = config.marker_table
    keep = len(units)
    for index in range(len(units) - 1, max(len(units) - 1 - BIO_UNITS, 0), -1):
        if units[index].kind in ("body", "item") and junk.is_bio(units[index].text, table):
            keep = index if keep == index + 1 else keep
    return units[:keep]


def _plain_line(state: _State, line: str) -> tuple[str, str]:
    """Kind and plain text of a text line (bullets, quotes, a caption credit and inline syntax removed)."""
    if not state.markdown:
        return "body", inline.squeeze(line)
    line, is_item = inline.strip_block_marks(line)
    kind = "item" if is_item else "body"
    credit = _CREDIT.search(line)
    if credit and credit.start() > 0 and _is_credit(credit[1], state.config):
        line, kind = line[: credit.start()], "caption"
    return kind, inline.strip_inline(line)


def _is_credit(text: str, config: ReaderConfig) -> bool:
    return "/" in text or any(word in config.credit_words for word in _WORD.findall(text))


def _take_url(state: _State, line: str) -> bool:
    """Consume an ``Original url:`` line and the URL line after it."""
    if state.expect_url:
        state.expect_url = False
        bare = _BARE_URL.match(line)
        if bare:
            state.layout.url = state.layout.url or bare[1]
            return True
    original = _ORIGINAL_URL.match(line)
    if not original:
        return False
    if original[1]:
        state.layout.url = state.layout.url or original[1]
    else:
        state.expect_url = True
    return True


def _take_meta(layout: Layout, text: str) -> bool:
    """Consume a byline or a date line near the top of the article."""
    if len(text) <= 80:
        dated = _DATE_LINE.match(text)
        if dated:
            layout.published = layout.published or parse_date(dated["date"])
            return True
    byline = _BYLINE.match(text)
    if byline:
        # "By Jane Roe | June 26, 2012": the date the byline carries after a separator
        name, *rest = _BYLINE_PARTS.split(byline["name"])
        dates = [d for part in rest if len(part) <= 80 and (d := _DATE_LINE.match(part.strip()))]
        # (every part after a separator a date or a name: "By Monday - the rebels had taken the airport" is
        # body text)
        if _looks_like_name(name) and len(dates) + sum(_looks_like_name(p) for p in rest) >= len(rest):
            layout.author = layout.author or name.strip(" ,|")
            layout.published = layout.published or (parse_date(dates[0]["date"]) if dates else None)
            return True
    return False


def _looks_like_name(text: str) -> bool:
    """Names and outlets are capitalised words; "By Tuesday, the rebels..." is not a byline."""
    words = text.replace(",", " ").replace("|", " ").split()
    if not 1 <= len(words) <= 12 or text.rstrip()[-1:] in "!?:;":
        return False
    return all(w[0].isupper() or not w[0].isalpha() or w.lower() in _NAME_JOINERS for w in words)


def _add_heading(state: _State, text: str, *, prelude: bool) -> None:
    """The first heading near the top is the title (web pages may put a menu line or two before it)."""
    if not text:
        return
    first = prelude and state.layout.title is None
    state.units.append(Unit("title" if first else "heading", text))
    if first:
        state.layout.title = text


def _make_heading(state: _State, unit: Unit) -> None:
    if state.layout.title is None and unit is state.units[0]:
        unit.kind, state.layout.title = "title", unit.text
    elif unit.kind != "title":
        unit.kind = "heading"


def _is_wrapped(lines: list[str]) -> bool:
    """A hard-wrapped paragraph: several lines of similar, modest length."""
    if len(lines) < 2:
        return False
    longest = max(len(line) for line in lines)
    return longest <= WRAP_MAX and all(len(line) >= 0.6 * longest for line in lines[:-1])


def _continues(previous: Unit, text: str, wrapped: bool) -> bool:
    """Whether a line after a single line break continues the previous paragraph."""
    if previous.kind != "body":
        return False
    return wrapped or _unfinished(previous.text, text)


def _unfinished(previous: str, following: str) -> bool:
    """``previous`` stops mid-sentence and ``following`` carries on (lower-case start, or after a comma)."""
    if not previous or previous[-1] in _TERMINAL:
        return False
    return following[:1].islower() or previous[-1] == ","


def repair_paragraphs(units: list[Unit]) -> list[Unit]:
    """Join a body paragraph cut mid-sentence with the paragraph that continues it."""
    repaired: list[Unit] = []
    for unit in units:
        last = repaired[-1] if repaired else None
        if last and last.kind == "body" and unit.kind == "body" and _unfinished(last.text, unit.text):
            last.text += " " + unit.text
        else:
            repaired.append(Unit(unit.kind, unit.text))
    return repaired
