"""Trigger patterns: loading, validation and the lemma index used by the extractor.

A pattern says which word (verb or event noun), with which particles/prepositions and which required
objects, signals which CAMEO event.  Patterns live in ``patterns.tsv`` (see ``docs/patterns.md``); users
add their own files with the same columns.  Negative-context words live in ``negatives.tsv`` and the
verbs whose object (not subject) controls an infinitive ("urged Iran to halt") in ``control.tsv``.
Named word lists (``lexicons.tsv``: reporting verbs, words of condemnation ...) are referred to as ``@name``
in a pattern's trigger or ``requires`` column, so one row covers "said/told/added Y must ...".
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from whimbrel.data import packaged, read_tsv
from whimbrel.errors import DataFileError

PATTERN_COLUMNS = ("id", "trigger", "pos", "cameo", "confidence")
PATTERN_OPTIONAL = ("requires", "target", "flags", "note")
REQUIRE_KEYS = (
    "obj",
    "pobj",
    "xcomp",
    "wish",
    "mod",
    "negclause",
    "modal",
    "subjunctive",
    "pred",
    "clause",
    "subj",
    "gov",
    "oprd",
    "idiom",
    "byclause",
    "noobj",
    "until",
)
FLAGS = ("symmetric", "notarget", "reverse", "agentive")
CONTROL_KINDS = ("object", "light", "clause", "cause", "occur", "opposed")
# CAMEO 1.1b3 codes: root 01-20, then up to two more digits.
_CAMEO = re.compile(r"^(0[1-9]|1\d|20)\d{0,2}$")
_WORD = re.compile(r"^[a-z][a-z'\-]*$")
_LEXICON_NAME = re.compile(r"^[a-z][a-z_]*$")
# A target column of "clause": the target comes from the trigger's complement clause (statements).
CLAUSE_TARGET = "clause"
Lexicons = dict[str, frozenset[str]]


@dataclass(frozen=True)
class Pattern:
    """One trigger pattern (a validated row of a pattern file)."""

    id: str
    head: str  # lemma (or lower-case form) of the trigger head word
    particles: tuple[str, ...]  # particles/prepositions that must hang off the head ("meet with")
    pos: str  # "V" verb or "N" event noun
    requires: tuple[tuple[str, frozenset[str]], ...]  # (key, allowed lemmas) constraints
    target_preps: tuple[str, ...]  # prepositions whose object is the target ("" = use the defaults)
    cameo: str
    confidence: float
    flags: frozenset[str]
    heads: frozenset[str] = frozenset()  # the words of an ``@lexicon`` trigger (empty: just ``head``)

    @property
    def specificity(self) -> int:
        """Higher when the pattern asks more of the sentence (preferred when several match)."""
        return 2 * len(self.particles) + 3 * len(self.requires)


def _words(path: Path, line: int, values: list[str], lexicons: Lexicons) -> frozenset[str]:
    out: set[str] = set()
    for w in values:
        if w.startswith("@"):
            if w[1:] not in lexicons:
                raise DataFileError(path, line, f"unknown lexicon {w!r} (known: {sorted(lexicons)})")
            out |= lexicons[w[1:]]
        else:
            out.add(w)
    return frozenset(out)


def _parse_requires(
    path: Path, line: int, text: str, lexicons: Lexicons
) -> tuple[tuple[str, frozenset[str]], ...]:
    out = []
    for part in filter(None, (p.strip() for p in text.split(";"))):
        key, sep, values = part.partition(":")
        if not sep or key not in REQUIRE_KEYS:
            raise DataFileError(
                path, line, f"bad requires {part!r} (want key:word|word, key in {REQUIRE_KEYS})"
            )
        words = _words(path, line, [w.strip().lower() for w in values.split("|") if w.strip()], lexicons)
        if not words:
            raise DataFileError(path, line, f"requires {part!r} lists no words")
        out.append((key, words))
    return tuple(out)


def _parse_row(path: Path, line: int, row: dict[str, str], lexicons: Lexicons) -> Pattern:
    words = row["trigger"].lower().split()
    heads = _words(path, line, words[:1], lexicons) if words[:1] and words[0].startswith("@") else frozenset()
    if not words or not all(_WORD.match(w) for w in words[1 if heads else 0 :]):
        raise DataFileError(path, line, f"bad trigger {row['trigger']!r} (lower-case words only)")
    pos = row["pos"].upper()
    if pos not in ("V", "N"):
        raise DataFileError(path, line, f"pos must be V or N, not {row['pos']!r}")
    if not _CAMEO.match(row["cameo"]):
        raise DataFileError(path, line, f"{row['cameo']!r} is not a CAMEO code")
    confidence = unit_number(path, line, "confidence", row["confidence"])
    flags = frozenset(f.strip() for f in row["flags"].split(",") if f.strip())
    if flags - set(FLAGS):
        raise DataFileError(path, line, f"unknown flag(s) {sorted(flags - set(FLAGS))}, known: {FLAGS}")
    targets = tuple(t for t in row["target"].lower().split("|") if t)
    return Pattern(
        id=row["id"],
        head=words[0],
        particles=tuple(words[1:]),
        pos=pos,
        requires=_parse_requires(path, line, row["requires"], lexicons),
        target_preps=targets,
        cameo=row["cameo"],
        confidence=confidence,
        flags=flags,
        heads=heads,
    )


def read_patterns(paths: Iterable[Path], lexicons: Lexicons | None = None) -> list[Pattern]:
    """Read and validate pattern files in order; a row of a later file with an existing id replaces it (an
    id repeated within one file is an error).

    ``@name`` words in the trigger and ``requires`` columns expand to the named list of ``lexicons``
    (default: the packaged ``lexicons.tsv``).
    """
    lex = read_lexicons([packaged_file("lexicons.tsv")]) if lexicons is None else lexicons
    by_id: dict[str, Pattern] = {}
    for path in paths:
        first: dict[str, int] = {}  # a file names each id once: a repeat is a slip, not an override
        for line, row in read_tsv(path, PATTERN_COLUMNS, PATTERN_OPTIONAL):
            if row["id"] in first:
                raise DataFileError(Path(path), line, f"id {row['id']!r} repeats line {first[row['id']]}")
            first[row["id"]] = line
            by_id[row["id"]] = _parse_row(Path(path), line, row, lex)
    return list(by_id.values())


def read_lexicons(paths: Iterable[Path]) -> Lexicons:
    """Read named word lists (columns ``lexicon  word``); later files add words to a list."""
    out: dict[str, set[str]] = {}
    for path in paths:
        for line, row in read_tsv(path, ("lexicon", "word"), ("note",)):
            name, word = row["lexicon"].lower(), row["word"].lower()
            if not _LEXICON_NAME.match(name):
                raise DataFileError(path, line, f"bad lexicon name {name!r} (lower-case letters and _)")
            if not all(_WORD.match(part) for part in word.split(" ")):  # an idiom has several words
                raise DataFileError(path, line, f"bad word {row['word']!r} (lower-case words, single spaces)")
            out.setdefault(name, set()).add(word)
    return {k: frozenset(v) for k, v in out.items()}


def index_patterns(patterns: Sequence[Pattern]) -> dict[tuple[str, str], tuple[Pattern, ...]]:
    """Index by (pos, head word), most specific first, so a sentence only looks up its own words."""
    index: dict[tuple[str, str], list[Pattern]] = {}
    for p in patterns:
        for head in p.heads or (p.head,):
            index.setdefault((p.pos, head), []).append(p)
    return {k: tuple(sorted(v, key=lambda p: (-p.specificity, -p.confidence))) for k, v in index.items()}


def read_negatives(paths: Iterable[Path]) -> dict[str, float]:
    """Read negative-context files (columns ``word  factor``) into word -> confidence factor."""
    out: dict[str, float] = {}
    for path in paths:
        for line, row in read_tsv(path, ("word", "factor"), ("note",)):
            out[row["word"].lower()] = unit_number(path, line, "factor", row["factor"])
    return out


def read_control(paths: Iterable[Path]) -> dict[str, frozenset[str]]:
    """Read verb classes (columns ``lemma  kind``) into kind -> lemmas.

    Kinds: ``object`` (object control: "urged Iran to halt" - Iran is the subject of halt) and ``light``
    (light verbs whose object noun carries the event: "held talks", "launched an attack") and ``clause``
    (request/accuse/warn verbs whose complement clause's subject is the target when no object names one:
    "urged that the government halt ...") and ``occur`` (verbs of happening whose event-noun subject's
    arguments hang on the verb: "clashes erupted between police and protesters").
    """
    out: dict[str, set[str]] = {kind: set() for kind in CONTROL_KINDS}
    for path in paths:
        for line, row in read_tsv(path, ("lemma", "kind"), ("note",)):
            if row["kind"] not in CONTROL_KINDS:
                raise DataFileError(path, line, f"kind must be one of {CONTROL_KINDS}, not {row['kind']!r}")
            out[row["kind"]].add(row["lemma"].lower())
    return {k: frozenset(v) for k, v in out.items()}


def packaged_file(name: str) -> Path:
    """Path of one of the data files shipped in this package."""
    return packaged("whimbrel.events", name)


def unit_number(path: Path, line: int, name: str, text: str) -> float:
    """``text`` as a number in 0..1, or a DataFileError naming the file, line and column."""
    try:
        value = float(text)
    except ValueError:
        raise DataFileError(path, line, f"{name} {text!r} is not a number") from None
    if not 0.0 <= value <= 1.0:
        raise DataFileError(path, line, f"{name} {value} outside 0..1")
    return value
