"""Coverage of the CAMEO ontology: the team's own sentences, three per 3-digit code, each coded alone.

    OMP_NUM_THREADS=1 .venv/bin/python bench/cameo_coverage.py [--tsv bench/cameo_sentences.tsv]
        [--published 2024-05-10] [--show {none,misses}]

Each sentence of ``bench/cameo_sentences.tsv`` (columns code, source_country, target_country, sentence) is
coded as a one-sentence article with the default configuration, and the best of its events is scored:

- EXACT: the expected 3-digit code (a 4-digit code counts as its 3-digit parent), right source and target;
- ROOT: the expected 2-digit root, right actors;  TYPE: the expected PLOVER type, right actors;
- ACTORS-WRONG: right code, root or type, but a wrong or missing actor;
- WRONG-TYPE: events, none of them of the right code, root or type;  NONE: no event at all.

An expected actor is an ISO3 country compared with ``Actor.country``, or an international organisation
(UN, EU, NATO, ...) recognised by its name in the actor's text or canonical name; ``A|B`` accepts either.
For symmetric codes (meet, negotiate, cooperate, fight, ...) source and target may come swapped.

Prints the totals per category, ROOT-or-better overall and without the 01x codes (public statements have
no PLOVER type, so whimbrel never emits them: docs/codes.md), and a per-root table.  ``--show misses``
also lists the sentences scored NONE or WRONG-TYPE with what the coder gave.  About a minute on one core.
"""

from __future__ import annotations

import argparse
import os
import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from types import MappingProxyType

from whimbrel.codes import CameoTable
from whimbrel.data import read_tsv
from whimbrel.errors import DataFileError
from whimbrel.records import Actor, Event

DEFAULT_TSV = Path(__file__).with_name("cameo_sentences.tsv")
CATEGORIES: tuple[str, ...] = ("EXACT", "ROOT", "TYPE", "ACTORS-WRONG", "WRONG-TYPE", "NONE")
ROOT_OR_BETTER = frozenset({"EXACT", "ROOT"})
MISSES = frozenset({"NONE", "WRONG-TYPE"})
# Codes whose two parties play the same part, so the coder may name either one first.
SYMMETRIC = frozenset({"040", "044", "046", "050", "057", "060", "061", "062", "087", "190", "193"})
# International organisations by name, case-insensitively; abbreviations that are also English words are
# matched case-sensitively (``(?-i:...)``), so that "IS" is the Islamic State but "is" is not.
IGO_PATTERNS: Mapping[str, re.Pattern[str]] = MappingProxyType(
    {
        name: re.compile(pattern, re.IGNORECASE)
        for name, pattern in {
            "UN": r"united nations|(?-i:\bU\.?N\b)|security council|unrwa|human rights council",
            "EU": r"european|(?-i:\bE\.?U\b)",
            "NATO": r"nato|north atlantic",
            "AU": r"african union",
            "ASEAN": r"asean|southeast asian",
            "ECOWAS": r"ecowas|economic community of west",
            "IMF": r"\bimf\b|monetary fund",
            "World Bank": r"world bank",
            "IAEA": r"iaea|atomic energy",
            "ICC": r"\bicc\b|international criminal court",
            "ICJ": r"\bicj\b|court of justice",
            "WFP": r"world food",
            "Arab League": r"arab league|league of arab",
            "IS": r"islamic state|\bisis\b|(?-i:\bIS\b)",
        }.items()
    }
)
KOSOVO = frozenset({"XKX", "KOS", "RKS"})


@dataclass(frozen=True)
class Case:
    """One sentence of the TSV and the event it should give."""

    line: int
    code: str
    source: str
    target: str
    sentence: str


@dataclass(frozen=True)
class Coded:
    """What the scoring needs of one coded event (built from a whimbrel Event, or by hand in tests)."""

    cameo: str
    plover: str
    source: Actor | None
    target: Actor | None
    trigger: str = ""
    status: str = "occurred"

    @classmethod
    def from_event(cls, event: Event) -> Coded:
        """The scored fields of a coded Event."""
        code = event.code
        return cls(code.cameo, code.plover, event.source, event.target, event.trigger, event.status)

    def describe(self) -> str:
        """``trigger/code[,status] SRC>TGT``, e.g. ``attack/190 PAK>PAK``."""
        status = "" if self.status == "occurred" else f",{self.status}"
        return f"{self.trigger}/{self.cameo}{status} {_actor_label(self.source)}>{_actor_label(self.target)}"


@dataclass(frozen=True)
class Scored:
    """A case, its category and the event that earned it (None when the coder gave nothing)."""

    case: Case
    category: str
    best: Coded | None
    events: tuple[Coded, ...]


def _actor_label(actor: Actor | None) -> str:
    if actor is None:
        return "-"
    return actor.country or actor.name or actor.text


def load_cases(path: Path, table: CameoTable) -> list[Case]:
    """The sentences of a coverage TSV ('#' lines skipped); DataFileError names a bad line.

    >>> # load_cases(Path("bench/cameo_sentences.tsv"), CameoTable.load())[0].code  -> "010"
    """
    cases = []
    for line, row in read_tsv(path, ("code", "source_country", "target_country", "sentence")):
        code = row["code"]
        if not re.fullmatch(r"\d{3}", code):
            raise DataFileError(path, line, f"code {code!r} is not a 3-digit CAMEO code")
        try:
            table.get(code)
        except KeyError:
            raise DataFileError(path, line, f"code {code!r} is not in whimbrel's CAMEO table") from None
        cases.append(Case(line, code, row["source_country"], row["target_country"], row["sentence"]))
    return cases


def actor_matches(expected: str, actor: Actor | None) -> bool:
    """Whether ``actor`` is one of ``expected`` ("RUS", "UN", "IRQ|IS"): ISO3 country or IGO by name."""
    if actor is None:
        return False
    for want in expected.split("|"):
        if want in IGO_PATTERNS:
            if IGO_PATTERNS[want].search(" ".join(x for x in (actor.text, actor.name) if x)):
                return True
        elif actor.country == want or (want in KOSOVO and actor.country in KOSOVO):
            return True
    return False


def _actors_right(case: Case, event: Coded) -> bool:
    if actor_matches(case.source, event.source) and actor_matches(case.target, event.target):
        return True
    return case.code in SYMMETRIC and (
        actor_matches(case.target, event.source) and actor_matches(case.source, event.target)
    )


def score_event(case: Case, event: Coded, expected_plover: str | None) -> str:
    """The category one event earns for ``case`` (any of CATEGORIES but NONE)."""
    actors = _actors_right(case, event)
    if event.cameo[:3] == case.code:
        return "EXACT" if actors else "ACTORS-WRONG"
    if event.cameo[:2] == case.code[:2]:
        return "ROOT" if actors else "ACTORS-WRONG"
    if expected_plover and event.plover == expected_plover:
        return "TYPE" if actors else "ACTORS-WRONG"
    return "WRONG-TYPE"


def score(case: Case, events: Sequence[Coded], table: CameoTable) -> Scored:
    """The best category any of ``events`` earns for ``case`` (the first event wins a tie)."""
    if not events:
        return Scored(case, "NONE", None, ())
    expected_plover = table.get(case.code).plover
    ranked = [(CATEGORIES.index(score_event(case, e, expected_plover)), i) for i, e in enumerate(events)]
    rank, index = min(ranked)
    return Scored(case, CATEGORIES[rank], events[index], tuple(events))


def code_cases(cases: Iterable[Case], published: date, table: CameoTable) -> list[Scored]:
    """Code each case's sentence alone with the default coder (loaded once) and score it."""
    from whimbrel.api import load_coder  # spaCy loads here, after main() pinned the BLAS threads
    from whimbrel.readers import read_text

    coder = load_coder()
    scored = []
    for case in cases:
        events = coder.code(read_text(case.sentence, fmt="text", published=published))
        scored.append(score(case, [Coded.from_event(e) for e in events], table))
    return scored


def _share(k: int, n: int) -> str:
    return f"{k}/{n} ({100 * k / n:.0f}%)" if n else "0/0"


def report(scored: Sequence[Scored]) -> list[str]:
    """The printed summary: totals, ROOT-or-better with and without 01x, per-root table."""
    counts = Counter(s.category for s in scored)
    lines = ["  ".join(f"{c} {counts[c]}" for c in CATEGORIES) + f"  (n={len(scored)})"]
    no01 = [s for s in scored if not s.case.code.startswith("01")]
    for label, group in (("all codes", scored), ("without 01x", no01)):
        good = sum(s.category in ROOT_OR_BETTER for s in group)
        lines.append(f"ROOT-or-better, {label}: {_share(good, len(group))}")
    lines.append("")
    lines.append(f"{'root':>4} {'n':>3} {'exact':>5} {'root-or-better':>15}")
    for root in sorted({s.case.code[:2] for s in scored}):
        group = [s for s in scored if s.case.code[:2] == root]
        exact = sum(s.category == "EXACT" for s in group)
        good = sum(s.category in ROOT_OR_BETTER for s in group)
        lines.append(f"{root:>4} {len(group):>3} {exact:>5} {_share(good, len(group)):>15}")
    return lines


def misses(scored: Sequence[Scored]) -> list[str]:
    """One line per sentence scored NONE or WRONG-TYPE: ``code category sentence -> what was coded``."""
    lines = []
    for s in scored:
        if s.category in MISSES:
            got = "; ".join(e.describe() for e in s.events) or "nothing"
            lines.append(f"{s.case.code} {s.category:<10} {s.case.sentence} -> {got}")
    return lines


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tsv", type=Path, default=DEFAULT_TSV)
    parser.add_argument("--published", type=date.fromisoformat, default=date(2024, 5, 10))
    parser.add_argument("--show", choices=("none", "misses"), default="none")
    args = parser.parse_args(argv)
    for var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ.setdefault(var, "1")
    table = CameoTable.load()
    scored = code_cases(load_cases(args.tsv, table), args.published, table)
    if args.show == "misses":
        print("\n".join(misses(scored)), end="\n\n")
    print("\n".join(report(scored)))


if __name__ == "__main__":
    main()
