"""Text-only features of a (sentence, source span, target span) item.

No parser is needed: the sentence is cut into word tokens with one precompiled regex, every token is
normalised with a light suffix-stripping stemmer, and features are read off the regions the two marked
actors define (left of the first actor, between them, right of the second).  A trigger lexicon
(``triggers.tsv``, extendable) maps words and short phrases to PLOVER types, so that the model can learn how
much to trust "a CONSULT word between the actors" and generalise to trigger words absent from the training
sentences.  Everything here is dict/set lookups; the cost per item is a few microseconds per token.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from types import MappingProxyType

from whimbrel.data import packaged, read_tsv
from whimbrel.errors import DataFileError
from whimbrel.records import PLOVER_TYPES

Item = tuple[str, tuple[int, int], tuple[int, int]]

_TOKEN = re.compile(r"[A-Za-z]+(?:-[A-Za-z]+)*|['’]s\b|\d+(?:[.,]\d+)*|[^\sA-Za-z\d]")
_WINDOW = 6  # tokens looked at left of the first actor and right of the second
_MAX_PHRASE = 3
_NEGATION = frozenset({"not", "n't", "no", "never", "nor", "neither", "without"})
_MODAL = frozenset({"will", "would", "could", "may", "might", "should", "shall", "can", "plan", "intend"})
_SAYING = frozenset({"say", "said", "told", "tell", "announc", "stat", "claim", "report"})
# words between the source and a trigger that say how the act is meant: intended/promised, threatened,
# refused or negated ("threatened to impose sanctions on" is no imposition)
_CUE_WORDS = {
    "threat": "threaten threatens threatened warn warned warns",
    "intent": "will would shall plan plans planned intend intends ready willing prepared pledged pledge "
    "promised promise offered offer vowed vow agreed",
    "refuse": "refuse refused refuses decline declined reject rejected fail failed",
    "neg": "not n't never no",
}


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """Crude, consistent stem ("shelling"/"shelled"/"shells" -> "shell"); only has to map a word's
    inflections to one key, not to produce a real root."""
    w = word.lower().replace("’", "'")
    if len(w) >= 8 and w.endswith("ment"):
        w = w[:-4]
    if len(w) >= 5 and w.endswith(("ies", "ied")):
        return w[:-3] + "y"
    for suffix, minimum in (("ing", 6), ("ed", 5)):
        if len(w) >= minimum and w.endswith(suffix):
            w = w[: -len(suffix)]
            # "stopped" -> "stopp" -> "stop", but keep "shell", "press", "buzz"
            if len(w) > 3 and w[-1] == w[-2] and w[-1] not in "lsz":
                w = w[:-1]
            return w
    if len(w) >= 5 and w.endswith("es"):
        w = w[:-2]
    elif len(w) >= 4 and w.endswith("s") and not w.endswith(("ss", "us", "is")):
        w = w[:-1]
    return w[:-1] if len(w) > 3 and w.endswith("e") else w


_CUES = MappingProxyType({stem(w): cue for cue, words in _CUE_WORDS.items() for w in words.split()})


@dataclass(frozen=True)
class TriggerLexicon:
    """Stemmed trigger phrases (1-3 words) mapped to the PLOVER types they suggest."""

    phrases: dict[tuple[str, ...], tuple[str, ...]]

    @classmethod
    def load(cls, extra: Sequence[Path | str] = (), *, default: bool = True) -> TriggerLexicon:
        """The packaged lexicon (unless ``default`` is False) plus the user files ``extra`` (TSV with
        columns ``trigger``, ``type``)."""
        table: dict[tuple[str, ...], set[str]] = {}
        paths = [packaged("whimbrel.classifier", "triggers.tsv")] if default else []
        for path in [*paths, *extra]:
            for line, row in read_tsv(path, ["trigger", "type"]):
                if row["type"] not in PLOVER_TYPES:
                    raise DataFileError(path, line, f"unknown PLOVER type {row['type']!r}")
                key = tuple(stem(w) for w in _TOKEN.findall(row["trigger"]))
                if not 1 <= len(key) <= _MAX_PHRASE:
                    raise DataFileError(path, line, f"trigger must have 1 to {_MAX_PHRASE} words")
                table.setdefault(key, set()).add(row["type"])
        return cls({k: tuple(sorted(v)) for k, v in table.items()})

    @classmethod
    def from_entries(cls, entries: Iterable[Sequence[str]]) -> TriggerLexicon:
        """Rebuild from :meth:`entries` output (phrases already stemmed)."""
        table: dict[tuple[str, ...], set[str]] = {}
        for phrase, kind in entries:
            table.setdefault(tuple(phrase.split(" ")), set()).add(kind)
        return cls({k: tuple(sorted(v)) for k, v in table.items()})

    def merged(self, other: TriggerLexicon) -> TriggerLexicon:
        """A lexicon with the phrases of both (types united)."""
        table = {k: set(v) for k, v in self.phrases.items()}
        for key, types in other.phrases.items():
            table.setdefault(key, set()).update(types)
        return TriggerLexicon({k: tuple(sorted(v)) for k, v in table.items()})

    def entries(self) -> list[list[str]]:
        """JSON-friendly dump (recorded in the model artifact so the model knows what it was trained with)."""
        return [[" ".join(k), t] for k, types in sorted(self.phrases.items()) for t in types]

    def matches(self, stems: Sequence[str], skip: Iterable[int]) -> list[tuple[int, str, str]]:
        """``(token index, phrase, type)`` for every trigger in ``stems`` (longest phrase first at a
        position), ignoring positions in ``skip`` (the actors' own words)."""
        skipped = set(skip)
        found: list[tuple[int, str, str]] = []
        i, n = 0, len(stems)
        while i < n:
            step = 1
            for size in range(min(_MAX_PHRASE, n - i), 0, -1):
                if i in skipped:
                    break
                key = tuple(stems[i : i + size])
                types = self.phrases.get(key)
                if types and not skipped.intersection(range(i, i + size)):
                    found.extend((i, "_".join(key), t) for t in types)
                    step = size
                    break
            i += step
        return found


def _region(index: int, first: tuple[int, int], second: tuple[int, int]) -> str:
    """Which part of the sentence a token lies in, relative to the two actors' token ranges."""
    if index < first[0]:
        return "L" if first[0] - index <= _WINDOW else "FL"
    if index < second[0]:
        return "B"
    return "R" if index - second[1] < _WINDOW else "FR"


def _token_range(starts: list[int], ends: list[int], span: tuple[int, int]) -> tuple[int, int]:
    """Half-open token range overlapping the char span (an empty range at the right place if none)."""
    inside = [i for i, (s, e) in enumerate(zip(starts, ends, strict=True)) if s < span[1] and e > span[0]]
    if inside:
        return inside[0], inside[-1] + 1
    after = next((i for i, s in enumerate(starts) if s >= span[0]), len(starts))
    return after, after


def extract(item: Item, lexicon: TriggerLexicon) -> list[str]:
    """Feature strings of one item (sentence, source char span, target char span)."""
    sentence, src, tgt = item
    spans = [(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(sentence)]
    starts, ends = [s for s, _, _ in spans], [e for _, e, _ in spans]
    words = [w for _, _, w in spans]
    stems = [stem(w) for w in words]
    s_rng, t_rng = _token_range(starts, ends, src), _token_range(starts, ends, tgt)
    source_first = s_rng[0] <= t_rng[0]
    first, second = (s_rng, t_rng) if source_first else (t_rng, s_rng)
    second = (max(second[0], first[1]), max(second[1], first[1]))  # nested/overlapping spans
    feats = ["BIAS", "O:ST" if source_first else "O:TS"]
    between = second[0] - first[1]
    feats.append(f"D:{min(between, 12) if between < 12 else 12 + min(between // 8, 4)}")
    if s_rng[0] > 0 and stems[s_rng[0] - 1] == "by":
        feats.append("PASSIVE")
    feats += _actor_features(words, stems, s_rng, "AS")
    feats += _actor_features(words, stems, t_rng, "AT")
    feats += _context_features(stems, first, second)
    feats += _trigger_features(stems, lexicon, s_rng, t_rng, first, second, source_first)
    return feats


def _actor_features(words: list[str], stems: list[str], rng: tuple[int, int], tag: str) -> list[str]:
    """Common-noun words inside an actor ("police", "protesters"); proper names are left out so the
    model learns roles, not the particular names of the training sentences."""
    return [f"{tag}:{stems[i]}" for i in range(*rng) if words[i].islower() and len(words[i]) > 2]


def _context_features(stems: list[str], first: tuple[int, int], second: tuple[int, int]) -> list[str]:
    """Bag of words and bigrams left of, between and right of the actors, plus negation/modal cues."""
    feats: list[str] = []
    left = stems[max(0, first[0] - _WINDOW) : first[0]]
    mid = stems[first[1] : second[0]]
    right = stems[second[1] : second[1] + _WINDOW]
    for tag, part in (("L", left), ("B", mid), ("R", right)):
        feats += [f"{tag}:{w}" for w in part]
        feats += [f"{tag}2:{a}_{b}" for a, b in zip(part, part[1:], strict=False)]
    feats += [f"B1:{w}" for w in mid[:3]] + [f"B9:{w}" for w in mid[-3:]]
    if len(mid) < 12:
        feats.append("BT:" + "_".join(mid[-4:]))
    if left:
        feats.append(f"L1:{left[-1]}")
    if right:
        feats.append(f"R1:{right[0]}")
    near = set(left[-3:] + mid + right[:3])
    if near & _NEGATION:
        feats.append("NEG")
    if near & _MODAL:
        feats.append("MODAL")
    if set(mid) & _SAYING:
        feats.append("SAY_BETWEEN")
    return feats


def _trigger_features(
    stems: list[str],
    lexicon: TriggerLexicon,
    s_rng: tuple[int, int],
    t_rng: tuple[int, int],
    first: tuple[int, int],
    second: tuple[int, int],
    source_first: bool,
) -> list[str]:
    """Trigger-lexicon hits by region, plus the trigger nearest the source's right (its likely verb)
    and nearest the source's left (a passive "... by SOURCE" or a nominal "TRIGGER by SOURCE")."""
    feats: list[str] = []
    actor_tokens = [*range(*s_rng), *range(*t_rng)]
    hits = lexicon.matches(stems, actor_tokens)
    for i, phrase, kind in hits:
        region = _region(i, first, second)
        feats += [f"T{region}:{kind}", f"TW{region}:{phrase}:{kind}", f"TA:{kind}"]
        feats.append(f"T{region}{'ST' if source_first else 'TS'}:{kind}")
    after = [(i, k) for i, _, k in hits if i >= s_rng[1]]
    if after:
        nearest = min(i for i, _ in after)
        feats += [f"TN:{k}" for i, k in after if i == nearest]
        feats += [f"TN{min(nearest - s_rng[1], 5)}:{k}" for i, k in after if i == nearest]
    for i, _, kind in hits:  # how the source's act is meant: "will send", "threatened to impose"
        if s_rng[1] <= i < t_rng[0] or (t_rng[1] <= s_rng[0] and s_rng[1] <= i < s_rng[1] + 8):
            cues = {_CUES[w] for w in stems[s_rng[1] : i] if w in _CUES}
            feats += [f"TC:{cue}:{kind}" for cue in cues]
    before = [(i, k) for i, _, k in hits if i < s_rng[0]]
    if before:
        nearest = max(i for i, _ in before)
        feats += [f"TP:{k}" for i, k in before if i == nearest]
    return feats
