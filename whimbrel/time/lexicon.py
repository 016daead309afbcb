"""The word lists and compiled patterns of the time expression finder, loaded from TSV data files.

``words.tsv`` (kind, word, value) holds month, weekday, season and number words, the words that make an
event planned, reporting verbs and time nouns; ``relative.tsv`` (phrase, unit, start, end, clip) holds the
phrases resolved against the publication date.  Users extend both with files of the same format passed to
:meth:`TimeLexicon.load`.  The regular expressions are compiled once per lexicon, never per sentence.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path

from whimbrel.data import packaged, read_tsv
from whimbrel.errors import DataFileError

UNITS = ("day", "week", "weekend", "month", "year")
CLIPS = ("", "before", "after")
WORD_KINDS = {
    "month": (1, 12),
    "weekday": (0, 6),
    "season": (3, 12),
    "number": (1, 1000),
    "future_aux": None,
    "future_head": None,
    "future_modifier": None,
    "reporting": None,
    "time_noun": None,
    "document": None,
}
YEAR = r"(?:19\d\d|20\d\d|2100)"
# A year must not be glued to other digits, letters or thousands separators ("G2000", "2,000", "2000.5").
YEAR_END = r"(?![\w%]|[.,]\d)"
LEFT = r"(?<![\w$€£#.,/-])"
ORD = r"(?:st|nd|rd|th)?"


@dataclass(frozen=True)
class Relative:
    """A phrase resolved relative to publication: ``unit`` offsets ``start``..``end``, optional clipping."""

    unit: str
    start: int
    end: int
    clip: str


@dataclass(frozen=True, eq=False)
class TimeLexicon:
    """Everything the finder needs: word tables and the patterns compiled from them (picklable)."""

    months: dict[str, int]
    weekdays: dict[str, int]
    seasons: dict[str, int]
    numbers: dict[str, int]
    future_aux: frozenset[str]
    future_head: frozenset[str]
    future_modifier: frozenset[str]
    reporting: frozenset[str]
    time_nouns: frozenset[str]
    documents: frozenset[str]
    relative: dict[str, Relative]
    patterns: dict[str, re.Pattern[str]] = field(default_factory=dict)
    gate: re.Pattern[str] = re.compile("")  # cheap pre-check: a sentence without a match has no expression
    # per kind, a word or number without which its pattern cannot match (kinds sharing one share the check)
    needs: dict[str, re.Pattern[str]] = field(default_factory=dict)

    @classmethod
    def load(cls, words: Sequence[Path | str] = (), relative: Sequence[Path | str] = ()) -> TimeLexicon:
        """The packaged lexicon extended by user ``words`` and ``relative`` files (later entries win)."""
        if not words and not relative:
            return default_lexicon()
        return cls._build(
            (packaged("whimbrel.time", "words.tsv"), *words),
            (packaged("whimbrel.time", "relative.tsv"), *relative),
        )

    @classmethod
    def _build(cls, word_files: Sequence[Path | str], relative_files: Sequence[Path | str]) -> TimeLexicon:
        tables: dict[str, dict[str, int]] = {kind: {} for kind in WORD_KINDS}
        for path in word_files:
            _read_words(path, tables)
        phrases: dict[str, Relative] = {}
        for path in relative_files:
            _read_relative(path, phrases)
        lexicon = cls(
            months=tables["month"],
            weekdays=tables["weekday"],
            seasons=tables["season"],
            numbers=tables["number"],
            future_aux=frozenset(tables["future_aux"]),
            future_head=frozenset(tables["future_head"]),
            future_modifier=frozenset(tables["future_modifier"]),
            reporting=frozenset(tables["reporting"]),
            time_nouns=frozenset(tables["time_noun"]),
            documents=frozenset(tables["document"]),
            relative=phrases,
        )
        lexicon.patterns.update(_compile(lexicon))
        lexicon.needs.update(_needs(lexicon))
        return replace(lexicon, gate=_gate(lexicon))


@lru_cache(maxsize=1)
def default_lexicon() -> TimeLexicon:
    """The packaged lexicon, built once per process."""
    return TimeLexicon._build(
        [packaged("whimbrel.time", "words.tsv")], [packaged("whimbrel.time", "relative.tsv")]
    )


def _read_words(path: Path | str, tables: dict[str, dict[str, int]]) -> None:
    for line, row in read_tsv(path, ["kind", "word"], ["value"]):
        kind, word = row["kind"], row["word"].lower()
        if kind not in WORD_KINDS:
            raise DataFileError(path, line, f"unknown kind {kind!r} (expected {', '.join(WORD_KINDS)})")
        bounds = WORD_KINDS[kind]
        if bounds is None:
            tables[kind][word] = 0
            continue
        value = _int(path, line, row["value"], "value")
        if not bounds[0] <= value <= bounds[1] or (kind == "season" and value not in (3, 6, 9, 12)):
            raise DataFileError(path, line, f"value {value} out of range for kind {kind!r}")
        tables[kind][word] = value


def _read_relative(path: Path | str, phrases: dict[str, Relative]) -> None:
    for line, row in read_tsv(path, ["phrase", "unit", "start", "end"], ["clip"]):
        if row["unit"] not in UNITS:
            raise DataFileError(path, line, f"unknown unit {row['unit']!r} (expected {', '.join(UNITS)})")
        if row["clip"] not in CLIPS:
            raise DataFileError(path, line, f"clip must be 'before', 'after' or empty, not {row['clip']!r}")
        start, end = _int(path, line, row["start"], "start"), _int(path, line, row["end"], "end")
        if start > end:
            raise DataFileError(path, line, "start offset after end offset")
        phrase = " ".join(row["phrase"].lower().split())
        phrases[phrase] = Relative(row["unit"], start, end, row["clip"])


def _int(path: Path | str, line: int, text: str, column: str) -> int:
    try:
        return int(text)
    except ValueError:
        raise DataFileError(path, line, f"{column} must be an integer, not {text!r}") from None


def _alternation(words: Sequence[str], capitalised: bool) -> str:
    """Longest first, so "Sept" wins over "Sep"; optionally only the capitalised spelling (May vs may)."""
    ordered = sorted(set(words), key=len, reverse=True)
    if capitalised:
        return "|".join(re.escape(w[:1].upper() + w[1:]) for w in ordered)
    return "|".join(re.escape(w) for w in ordered)


def _gate(lex: TimeLexicon) -> re.Pattern[str]:
    """A digit or any word without which no pattern can match (the last word of each relative phrase)."""
    words = {*lex.months, *lex.weekdays, *lex.seasons, "day", "week", "month", "year", "hour", "time",
             "afterward", "afterwards", "thereafter"}  # fmt: skip
    words.update(phrase.split()[-1] for phrase in lex.relative)
    return re.compile(rf"\d|(?i:\b(?:{_alternation(sorted(words), False)})s?\b)")


def _needs(lex: TimeLexicon) -> dict[str, re.Pattern[str]]:
    """For each kind whose pattern cannot match without a year, a month, a season, a weekday or a
    direction word, a pattern that finds that word: the finder skips the kind's costlier pattern where it
    finds none (the same compiled object for kinds that share it, so a sentence is searched once)."""
    year = re.compile(YEAR)
    month = re.compile(_month_alternation(lex.months))
    season = re.compile(_alternation(list(lex.seasons), False))
    weekday = re.compile(_alternation(list(lex.weekdays), True))
    return {
        "iso": year,
        "mdy": month,
        "dmy": month,
        "month_year": month,
        "month_rel_year": month,
        "month": month,
        "season_year": season,
        "season": season,
        "decade": re.compile(r"\d0"),
        "year_range": year,
        "year": year,
        "weekday": weekday,
        "ago": re.compile(r"\bago\b"),
        "later": re.compile(r"\b(?:later|earlier|after|before)\b"),
    }


def _month_alternation(months: dict[str, int]) -> str:
    """Month words, capitalised or in capitals (datelines); abbreviations ("Sept", "Feb") may take a dot."""
    alternatives = []
    for word in sorted(months, key=len, reverse=True):
        abbreviation = any(o != word and o.startswith(word) and months[o] == months[word] for o in months)
        for form in (word[:1].upper() + word[1:], word.upper()):
            alternatives.append(re.escape(form) + (r"\b\.?" if abbreviation else r"\b"))
    return "|".join(alternatives)


def _compile(lex: TimeLexicon) -> dict[str, re.Pattern[str]]:
    """One pattern per expression kind; the finder tries them all and keeps the longest matches."""
    month = rf"(?P<month>{_month_alternation(lex.months)})"
    weekday = rf"(?:{_alternation(list(lex.weekdays), True)})"
    wkd_prefix = rf"(?:{weekday},?\s+)?"
    season = rf"(?P<season>{_alternation(list(lex.seasons), False)})"
    # "early March", "mid-2015", and the same said with a noun: "(at) the beginning/end of October".
    part = (
        r"(?:(?P<part>(?i:early|mid|late))(?:\s+|-)"
        r"|(?:(?i:the)\s+)?(?P<part_noun>(?i:beginning|start|middle|end))\s+(?i:of)\s+)"
    )
    numbers = _alternation(list(lex.numbers), False)
    units = r"(?P<unit>day|week|month|year)s?"
    ordered = sorted(lex.relative, key=len, reverse=True)
    phrases = "|".join(r"\s+".join(map(re.escape, p.split())) for p in ordered)
    unit1 = r"(?P<unit>day|week|month|year)"
    day = r"(?P<day>[0-3]?\d)"
    year = rf"(?P<year>{YEAR}){YEAR_END}"
    opt_year = rf"(?:,?\s+{year})?"
    # ("on Feb. 10 to 26 years in prison": a sentence, no range of days; twentieth session)
    counted = r"years?|months?|weeks?|days?|hours?|people|percent|per\s+cent|others|million|billion"
    count = rf"(?!\s*(?:%|(?i:{counted})\b))"
    day2 = rf"(?:\s*(?:-|–|to|through|and)\s*(?P<day2>[0-3]?\d){ORD}{count})?"
    preps = "in|since|by|until|till|before|after|from|through|throughout|during|of|and|to|or|early|late|mid"
    month_pre = preps + "|last|next|this|between|coming|past|at"
    year_pre = preps + "|the"
    when = r"(?:(?P<when>(?i:early|late|later|earlier))\s+(?:(?i:on)\s+)?)?"
    year_sep = r"(?P<sep>-|–|\s(?:and|to|until|through)\s)"
    sources = {
        "iso": rf"{LEFT}(?P<year>{YEAR})-(?P<mon>[01]?\d)-{day}(?!\d)",
        "mdy": rf"{LEFT}{wkd_prefix}{month}\s+{day}{ORD}{day2}\b(?!\s*[:.]\d){opt_year}",
        "dmy": rf"{LEFT}{wkd_prefix}(?:the\s+)?{day}{ORD}(?:\s+of)?\s+{month}{opt_year}",
        "month_year": rf"{LEFT}{part}?{month},?\s+(?:of\s+)?{year}",
        "month_rel_year": rf"{LEFT}{part}?{month}\s+(?:of\s+)?(?P<rel>(?i:last|this|next))\s+year\b",
        "month": rf"(?P<pre>\b(?i:{month_pre})(?:\s+|-))(?:the\s+)?{part}?{month}(?!\s*\d)",
        "season_year": rf"(?<![\w-])(?:(?i:the)\s+)?{part}?{season}\s+(?:of\s+)?{year}",
        "season": rf"(?<![\w-])(?P<pre>(?i:in|during|over|since|by|until|throughout|through)\s+)?"
        rf"(?P<rel>(?i:last|this|next|past|coming|the|early|late)\s+)?{season}\b",
        "decade": rf"(?<![\w-])(?:(?i:the)\s+)?{part}?(?:(?P<decade>(?:19|20)\d0)|'(?P<short>\d0))'?s\b",
        "year_range": rf"{LEFT}(?P<pre>(?i:between|from)\s+)?(?P<year>{YEAR})\s*{year_sep}"
        rf"\s*(?P<year2>(?:19|20)?\d\d){YEAR_END}",
        "year": rf"(?P<pre>\b(?i:{year_pre})(?:\s+|-))?{part}?{year}",
        "weekday": rf"(?<![\w-])(?P<pre>(?i:on|by|until|till|since)\s+)?{when}"
        rf"(?:(?P<rel>(?i:last|this|next|coming|past))\s+)?(?P<weekday>{weekday})\b"
        r"(?:\s+(?:morning|afternoon|evening|night))?",
        "relative": rf"(?<![\w-])(?i:{phrases})(?![\w-])",
        "ago": rf"(?<![\w-])(?P<n>\d+|(?i:{numbers}))\s+{units}\s+ago\b",
        "later": rf"(?<![\w-])(?P<n>\d+|(?i:{numbers}))\s+{units}\s+(?P<dir>later|earlier|after|before)\b",
        "next_unit": rf"(?<![\w-])(?i:the)\s+(?P<dir>next|following|previous|preceding)\s+{unit1}\b",
        "unit_before": rf"(?<![\w-])(?i:the)\s+{unit1}\s+(?P<dir>before|after)\b",
        # the time of an act told before ("At the time, Algiers accused Madrid", "recalled its ambassador
        # within days", "Days later, ..."): counted from the date an earlier sentence set
        # ("that evening", "the same night": twenty-seventh session)
        # a month or a part of the year an earlier date named ("in May of that year", "later that year";
        # thirtieth session)
        "that_year": rf"(?<![\w-])(?:{part}?{month}\s+(?:(?i:of)\s+)?|(?P<side>(?i:later|earlier))\s+)?"
        r"(?i:that\s+(?:same\s+)?year|the\s+same\s+year)(?![\w-])",
        "same": r"(?<![\w-])(?i:(?P<same>at\s+the\s+time|at\s+that\s+time"
        r"|(?:on\s+)?the\s+same\s+(?:day|morning|afternoon|evening|night)"
        r"|(?:later\s+)?that\s+(?:same\s+)?(?:day|morning|afternoon|evening|night)|soon\s+afterwards?"
        r"|shortly\s+afterwards?"
        r"|(?:soon|shortly)\s+thereafter)|within\s+(?P<within>hours|days|weeks)"
        r"|(?P<later>hours|days|weeks|months)\s+later)(?![\w-])",
    }
    return {name: re.compile(source) for name, source in sources.items()}
