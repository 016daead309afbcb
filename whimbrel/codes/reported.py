"""The type a sentence reports when the act it mentions is announced or refused (``reported.tsv``).

>>> table = ReportedTypes.load()
>>> table.convert("CONCEDE", "planned")   # "X said it will release the prisoners": intent to yield
('AGREE', '035')
>>> table.convert("ASSAULT", "negated") is None
True
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from whimbrel.codes import CameoTable
from whimbrel.data import packaged, read_tsv
from whimbrel.errors import DataFileError
from whimbrel.records import PLOVER_TYPES

__all__ = ["ReportedTypes"]

_STATUSES = frozenset({"planned", "negated", "hypothetical", "alleged"})


@dataclass(frozen=True)
class ReportedTypes:
    """(status, act type) → (reported type, CAMEO code, cues it ignores), from ``reported.tsv``."""

    rows: tuple[tuple[tuple[str, str], tuple[str, str, frozenset[str]]], ...]

    @classmethod
    def load(cls, extra: Sequence[Path | str] = (), cameo: CameoTable | None = None) -> ReportedTypes:
        """The packaged table plus user files (a user row overrides the row with its status and type)."""
        if not extra and (cameo is None or cameo is CameoTable.load()):
            return _default()  # the packaged rows checked against the packaged code table, read once
        table = cameo or CameoTable.load()
        rows: dict[tuple[str, str], tuple[str, str, frozenset[str]]] = {}
        for path in (packaged("whimbrel.codes", "reported.tsv"), *map(Path, extra)):
            rows.update(_read(path, table))
        return cls(tuple(rows.items()))

    def convert(self, plover: str, status: str, cue: str | None = None) -> tuple[str, str] | None:
        """The reported (type, CAMEO code) of an act of type ``plover`` with ``status`` decided by ``cue``.

        None: the type is unchanged.
        """
        for key, (becomes, code, unless) in self.rows:
            if key == (status, plover) and (cue or "").split(" ")[0] not in unless:
                return becomes, code
        return None


def _read(path: Path, cameo: CameoTable) -> Iterable[tuple[tuple[str, str], tuple[str, str, frozenset[str]]]]:
    for line, row in read_tsv(path, required=("status", "plover", "becomes", "cameo"), optional=("unless",)):
        status, plover, becomes, code = (row[k].strip() for k in ("status", "plover", "becomes", "cameo"))
        if status not in _STATUSES:
            raise DataFileError(path, line, f"status {status!r} is not one of {', '.join(sorted(_STATUSES))}")
        for value in (plover, becomes):
            if value not in PLOVER_TYPES:
                raise DataFileError(path, line, f"{value!r} is not a PLOVER type")
        if code not in cameo:
            raise DataFileError(path, line, f"unknown CAMEO code {code!r}")
        if cameo.get(code).plover != becomes:
            raise DataFileError(path, line, f"CAMEO {code} is {cameo.get(code).plover}, not {becomes}")
        unless = frozenset(c.strip().lower() for c in row["unless"].split("|") if c.strip())
        yield (status, plover), (becomes, code, unless)


@lru_cache(maxsize=1)
def _default() -> ReportedTypes:
    return ReportedTypes(
        tuple(dict(_read(packaged("whimbrel.codes", "reported.tsv"), CameoTable.load())).items())
    )
