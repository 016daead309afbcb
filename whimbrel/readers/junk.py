"""Web-page junk glued onto article lines: caption and credit markers, sharing widgets, link lists, bios.

The phrases and what to do with each are data (``markers.tsv``, see its header).  ``MarkerTable`` is the
compiled form (one alternation regex, built once per marker set and cached); ``split_line`` cuts one
plain-text line into body and caption pieces, and ``is_bio`` recognises an author note at the end.
A line without any marker costs one regex search.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

ACTIONS = ("drop", "line", "rest", "credit", "caption", "bio", "role")
_LINE_ACTIONS = frozenset({"drop", "line", "rest", "credit", "caption"})
# Actions whose phrase must not be followed by a lower-case word ("Credit ratings fell" is a sentence).
_CAPITAL_NEXT = frozenset({"drop", "credit", "caption"})
# A marker inside a line counts only after one of these (a sentence end, a closing quote, a separator).
_AFTER = frozenset(".!?\"'’”»)]|:;•·-—–")
_SENTENCE_END = re.compile(r"[.!?][\"'’”»)]?\s+(?=[\"“‘'(]?[A-Z0-9])")
# A short tail after a sentence end (or a whole line) with a slash: "REUTERS/Jane Roe", "Ivo Dahl/AP".
_TRAILING_CREDIT = re.compile(r"(?:^|(?<=[.!?\"'’”)])\s+)(?P<credit>[A-Z][^.!?/\n]{0,50}/[^.!?\n]{1,50})$")
_TOKEN = re.compile(r"\S+")
_CREDIT_JOINERS = frozenset({"/", "-", "—", "–", "|", "&", "via", "for", "and"})
CREDIT_MAX = 80  # a credit is a few names; longer is text
CAPTION_MAX = 250  # a caption marker's whole line is the caption when it is no longer than this
LINE_TAIL_MAX = 200  # a "line" marker inside a line drops what follows only when it is this short
BIO_MAX = 400

_Trie = dict[str, "_Trie"]


@dataclass(frozen=True)
class Marker:
    """One junk phrase and its action (one of ACTIONS)."""

    phrase: str
    action: str


@dataclass(frozen=True)
class Piece:
    """A piece of a line after junk removal: ``kind`` is body or caption."""

    kind: str
    text: str


@dataclass(frozen=True)
class Split:
    """A line with markers: its pieces, a marker left waiting for the next line, and a stop signal."""

    pieces: tuple[Piece, ...]
    pending: str | None = None  # "credit" or "caption": the marker ended the line
    stop: bool = False  # a trailing "rest" marker: the article ends before it


@dataclass(frozen=True)
class MarkerTable:
    """Compiled markers: phrase (lower case) -> Marker, the line patterns and the bio tests.

    ``anchored`` finds a marker (any letter case) where the line's remaining text starts; ``inline`` one
    written exactly (or in capitals) right after a sentence end.  Both begin with a cheap test, so a line
    without markers is scanned quickly; ``anywhere`` (exact case, no context) only ends captions/credits.
    """

    by_phrase: dict[str, Marker]
    anchored: re.Pattern[str] | None
    inline: re.Pattern[str] | None
    anywhere: re.Pattern[str] | None
    bio: re.Pattern[str] | None
    role: re.Pattern[str] | None

    def find(self, text: str, start: int) -> tuple[int, int, Marker] | None:
        """The next marker from ``start`` (begin, end, marker) whose context makes it one, or None."""
        if self.anchored is None or self.inline is None:
            return None
        match = self.anchored.match(text, start)
        if match is None or not self._fits(text, match):
            match = self.inline.search(text, start)
            while match is not None and not self._fits(text, match):
                match = self.inline.search(text, match.end())
        if match is None:
            return None
        return match.start("m"), match.end("m"), self.by_phrase[match["m"].lower()]

    def _fits(self, text: str, match: re.Match[str]) -> bool:
        """A drop, credit or caption phrase must not run on into a lower-case word."""
        if self.by_phrase[match["m"].lower()].action not in _CAPITAL_NEXT:
            return True
        return not text[match.end() : match.end() + 3].lstrip()[:1].islower()

    def exact_at(self, text: str, start: int) -> int | None:
        """Where the next marker phrase written exactly (or in capitals) begins, context aside."""
        match = self.anywhere.search(text, start) if self.anywhere is not None else None
        return match.start() if match is not None else None


@lru_cache(maxsize=8)
def compile_markers(markers: tuple[Marker, ...]) -> MarkerTable:
    """Compile a marker set (later rows win for a repeated phrase); cached per process."""
    by_phrase = {m.phrase.lower(): m for m in markers}
    line = [m.phrase for m in by_phrase.values() if m.action in _LINE_ACTIONS]
    exact = sorted({variant for phrase in line for variant in (phrase, phrase.upper())})
    after = "".join(re.escape(c) for c in sorted(_AFTER))
    anchored = inline = anywhere = None
    if line:
        anchored = re.compile(rf"\s*(?P<m>{_alternation(line)})", re.I)
        # Led by a character class rather than a look-behind: the regex engine skips to candidates fast.
        inline = re.compile(rf"[{after}]\s*(?P<m>{_alternation(exact)})")
        anywhere = re.compile(_alternation(exact))
    bio = [m.phrase for m in by_phrase.values() if m.action == "bio"]
    roles = [m.phrase for m in by_phrase.values() if m.action == "role"]
    role = None
    if roles:
        words = "|".join(re.escape(r) for r in sorted(roles, key=len, reverse=True))
        # Capitalised name words (an apposition may follow), then "is a ... ROLE" within the same sentence.
        role = re.compile(
            r"^(?:[A-Z][\w.'’-]*\s+){0,4}[A-Z][\w.'’-]*(?:,[^,.]{1,60},)?"
            r"\s+(?:is|was|has\s+been|serves\s+as)\s+(?:a|an|the)\b"
            rf"[^.]{{0,100}}?\b(?:{words})s?\b"
        )
    bio_pattern = re.compile(_alternation(bio), re.I) if bio else None
    return MarkerTable(by_phrase, anchored, inline, anywhere, bio_pattern, role)


def _alternation(phrases: list[str]) -> str:
    """One regex for all phrases, as a character trie so that the engine branches on each character
    instead of trying every phrase in turn; a phrase ending in a word character is word-bounded."""
    trie: _Trie = {}
    for phrase in phrases:
        node = trie
        for char in phrase:
            node = node.setdefault(char, {})
        node[""] = {}  # a phrase ends here
    return r"(?<!\w)" + _trie_regex(trie, "")


def _trie_regex(node: _Trie, last: str) -> str:
    branches = [re.escape(char) + _trie_regex(child, char) for char, child in sorted(node.items()) if char]
    if "" in node:  # longer phrases first, then the one that ends here
        branches.append(r"(?!\w)" if last.isalnum() else "")
    if len(branches) == 1:
        return branches[0]
    return "(?:" + "|".join(branches) + ")"


def split_line(text: str, table: MarkerTable, credit_words: frozenset[str], *, late_at: int) -> Split | None:
    """Cut the markers out of one plain line; None when it has none (the usual case).

    ``late_at`` is the position in ``text`` from which a "rest" marker ends the article.
    """
    hit = table.find(text, 0)
    if hit is None:
        return None
    pieces: list[Piece] = []
    start = 0  # where the text not yet placed in a piece begins
    pending: str | None = None
    while hit is not None:
        begin, end, marker = hit
        head = text[start:begin].strip()
        pending = None
        if marker.action in ("line", "rest") and len(text) - end <= LINE_TAIL_MAX:
            _add(pieces, "body", head)
            return Split(tuple(pieces), stop=marker.action == "rest" and begin >= late_at)
        if marker.action == "credit":
            stop = credit_end(text, end, table, credit_words)
            alone = not text[stop:].strip()
            _add(pieces, "caption" if alone and head else "body", head)
            pending = "credit" if alone and stop == end else None
            end = stop
        elif marker.action == "caption":
            _add(pieces, "body", head)
            stop = _caption_end(text, end, table)
            _add(pieces, "caption", text[end:stop])
            pending = "caption" if not text[end:].strip() else None
            end = stop
        else:  # drop, or a line marker before a long text: only the phrase goes
            _add(pieces, "body", head)
        start = end
        hit = table.find(text, start)
    _add(pieces, "body", text[start:])
    return Split(tuple(pieces), pending=pending)


def _add(pieces: list[Piece], kind: str, text: str) -> None:
    text = text.strip(" :-—–|")
    if text:
        pieces.append(Piece(kind, text))


def credit_end(text: str, start: int, table: MarkerTable, credit_words: frozenset[str]) -> int:
    """Where the photo credit after a credit marker ends: at the next marker, at the end of a short
    line, or after the last name-like word that is an agency word (or holds a "/")."""
    rest = text[start:]
    following = table.exact_at(text, start)
    near = following is not None and following - start <= CREDIT_MAX
    if following is not None and near and not _SENTENCE_END.search(text, start, following):
        return following
    if len(rest.strip()) <= CREDIT_MAX and not _SENTENCE_END.search(rest):
        return len(text)
    end = start
    for count, token in enumerate(_TOKEN.finditer(rest)):
        word = token[0]
        if count >= 8 or not (word[0].isupper() or word in _CREDIT_JOINERS or word[0] in "/©("):
            break
        names = word.replace("/", " ").strip(".,;:()").split()
        if "/" in word or any(name in credit_words for name in names):
            end = start + token.end()
    return end


def _caption_end(text: str, start: int, table: MarkerTable) -> int:
    """A caption runs to the next marker, or to its first sentence end when the line goes on long."""
    following = table.exact_at(text, start)
    stop = following if following is not None else len(text)
    if stop - start <= CAPTION_MAX:
        return stop
    sentence = _SENTENCE_END.search(text, start, stop)
    return sentence.start() + 1 if sentence else stop


# "... at the White House. Probe Wire/Staff PhotographerTurkey on Wednesday blocked ...": a "Name/Agency"
# photo credit glued, with no space, onto the article's next sentence (thirtieth session)
_GLUED_CREDIT = re.compile(
    r"(?:^|(?<=[.!?\"”’)])\s)(?P<credit>[A-Z][\w.&'-]*(?:\s[\w.&'-]+){0,3}/(?:[\w.&'-]+\s){0,3}"
    r"(?P<tail>[A-Za-z]+?))(?=[A-Z][a-z]|[A-Z]{2})"
)


def glued_credit(text: str, credit_words: frozenset[str]) -> tuple[str, str] | None:
    """(caption, article text) of a line whose photo credit is glued onto the text after it, else None."""
    if "/" not in text:
        return None
    for match in _GLUED_CREDIT.finditer(text):
        if match["tail"] in credit_words and len(match["credit"]) <= CREDIT_MAX:
            return text[: match.start()].strip(), text[match.end() :].strip()
    return None


def strip_credit(text: str, credit_words: frozenset[str]) -> str | None:
    """The line without a trailing "Name/Agency" photo credit ("... on Sunday. REUTERS/Jane Roe"), or
    None when it has none; a line that is only a credit gives ""."""
    if "/" not in text[-CREDIT_MAX:]:
        return None
    match = _TRAILING_CREDIT.search(text)
    if match is None:
        return None
    names = match["credit"].replace("/", " ").replace("—", " ").split()
    if not any(name in credit_words or name.title() in credit_words for name in names):
        return None
    if not all(name[0].isupper() or name in _CREDIT_JOINERS for name in names):
        return None
    return text[: match.start("credit")].rstrip()


def is_credit_line(text: str) -> bool:
    """A short line with no sentence end: what follows a credit marker alone on its line."""
    return len(text) <= CREDIT_MAX and not _SENTENCE_END.search(text) and text[-1:] not in ".!?"


def is_bio(text: str, table: MarkerTable) -> bool:
    """An author note: "Jane Roe is a correspondent for ..." or "... contributed reporting"."""
    if len(text) > BIO_MAX:
        return False
    if table.bio is not None and table.bio.search(text):
        return True
    return bool(table.role is not None and table.role.match(text))
