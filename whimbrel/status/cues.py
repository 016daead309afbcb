"""Status cue lists: which words make an event planned, hypothetical, negated or alleged.

The cues live in ``cues.tsv`` (columns ``cue``, ``status``, ``kind``) shipped with this package; analysts
extend or override them with their own files of the same format (see docs/status.md).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from types import MappingProxyType

from whimbrel.data import packaged, read_tsv
from whimbrel.errors import DataFileError
from whimbrel.records import STATUSES

# Each kind says where in the parse the cue is looked for (see docs/status.md).
KINDS: tuple[str, ...] = (
    "aux",  # modal auxiliary child of a clause: will, would, could
    "backshift",  # modal re-read inside reported speech: "said troops would withdraw" -> planned
    "neg",  # negation child of a clause, or "no" determiner of an event noun
    "adverb",  # advmod child: reportedly, possibly
    "adjective",  # modifier of an event noun: planned, alleged, cancelled
    "conjunction",  # introducer of a conditional clause: if, unless, in case
    "punct",  # sentence-final punctuation of the main clause: ?
    "headline",  # "to" + base verb in a headline without a finite verb
    "preposition",  # preposition governing the event: without
    "verb",  # governor taking the event as complement: refuse, plan, threaten, call for
    "passive",  # passive governor with to-infinitive: is said to, is expected to
    "speech",  # speech/cognition governor; its subject is the attribution: say, claim, accuse of
    "source",  # claim noun; its possessor/agent is the attribution: allegation, report
    "noun",  # other noun governing the event: plan, proposal, threat
    "failure",  # verb whose subject/object is a planned event: fizzle out, call off, postpone
    "light",  # support verb whose object is the event (its clause cues apply): hold, launch
    "occur",  # verb whose subject is the event (its clause cues apply): take place, be
    "motion",  # present-tense motion verb with purpose clause: heads to Minsk to meet
    "wish",  # governor of an act someone else is to do: wants Beijing to act, would like Russia to withdraw
)

Table = Mapping[str, str]


def _normalise(cue: str) -> str:
    return " ".join(cue.lower().split())


@dataclass(frozen=True)
class StatusCues:
    """Cue tables by kind: ``tables[kind][cue] -> status``.  Immutable and picklable."""

    tables: Mapping[str, Table]

    def __reduce__(self) -> tuple[object, tuple[dict[str, dict[str, str]]]]:
        # MappingProxyType does not pickle; ship plain dicts and rebuild read-only views on arrival.
        return (_from_plain, ({k: dict(v) for k, v in self.tables.items()},))

    def get(self, kind: str, cue: str) -> str | None:
        """Status of ``cue`` (already lower-cased) in table ``kind``, else None."""
        return self.tables[kind].get(cue)

    @classmethod
    def load(cls, extra: Iterable[Path | str] | Path | str | None = None) -> StatusCues:
        """Packaged cues extended (and overridden, row by row) by the user files in ``extra``.

        A user row with the same cue and kind as a packaged one replaces it; give it status
        ``occurred`` to switch a packaged cue off.  Raises DataFileError on a bad line.
        """
        files: list[Path | str] = [packaged("whimbrel.status", "cues.tsv")]
        if isinstance(extra, str | Path):
            files.append(extra)
        elif extra is not None:
            files.extend(extra)
        tables: dict[str, dict[str, str]] = {kind: {} for kind in KINDS}
        for path in files:
            for kind, cue, status in _read(path):
                tables[kind][cue] = status
        return _from_plain(tables)


def _from_plain(tables: dict[str, dict[str, str]]) -> StatusCues:
    return StatusCues(MappingProxyType({k: MappingProxyType(dict(v)) for k, v in tables.items()}))


def _read(path: Path | str) -> Iterable[tuple[str, str, str]]:
    """Validated ``(kind, cue, status)`` rows of one cue file; duplicates within a file are errors."""
    seen: set[tuple[str, str]] = set()
    for line, row in read_tsv(path, ["cue", "status", "kind"]):
        cue, status, kind = _normalise(row["cue"]), row["status"].lower(), row["kind"].lower()
        if status not in STATUSES:
            known = ", ".join(STATUSES)
            raise DataFileError(path, line, f"unknown status {row['status']!r} (one of {known})")
        if kind not in KINDS:
            raise DataFileError(path, line, f"unknown kind {row['kind']!r} (one of {', '.join(KINDS)})")
        if (kind, cue) in seen:
            raise DataFileError(path, line, f"duplicate cue {cue!r} of kind {kind!r}")
        seen.add((kind, cue))
        yield kind, cue, status


@lru_cache(maxsize=1)
def default_cues() -> StatusCues:
    """The packaged cue set, loaded once per process."""
    return StatusCues.load()
