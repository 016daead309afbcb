"""The CAMEO event code table: names, Goldstein scores, quad classes and PLOVER types.

The table is the data file ``cameo.tsv`` shipped in this package (sources in its header and in
``docs/codes.md``); users extend or override it with files of the same columns::

    table = CameoTable.load()                      # packaged table (cached)
    table = CameoTable.load([Path("my_codes.tsv")])  # a user row overrides the packaged row
    table.event_code("036")   # EventCode(cameo="036", plover="AGREE", goldstein=4.0, quad_class=1)
    table.default_cameo("CONSULT")  # "040"
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from types import MappingProxyType

from whimbrel.data import packaged, read_tsv
from whimbrel.errors import DataFileError
from whimbrel.records import PLOVER_TYPES, EventCode

__all__ = ["CameoCode", "CameoTable", "quad_class_of_root"]

_CODE = re.compile(r"\d{2,4}")
_COLUMNS = ("cameo", "name", "goldstein", "quad_class")


@dataclass(frozen=True)
class CameoCode:
    """One row of the CAMEO table. ``plover`` is None where PLOVER has no equivalent (e.g. 01x)."""

    cameo: str
    name: str
    goldstein: float
    quad_class: int
    plover: str | None


def quad_class_of_root(root: int) -> int:
    """GDELT QuadClass of CAMEO root 1-20 (1 verbal/2 material cooperation, 3 verbal/4 material conflict)."""
    if not 1 <= root <= 20:
        raise ValueError(f"CAMEO root {root} is not in 01-20")
    if root <= 5:
        return 1
    if root <= 8:
        return 2
    return 3 if root <= 13 else 4


def _parse_row(path: Path, line: int, row: Mapping[str, str]) -> CameoCode:
    """Validate one table row; every problem is a DataFileError naming the line."""
    cameo = row["cameo"]
    if not _CODE.fullmatch(cameo):
        raise DataFileError(path, line, f"CAMEO code {cameo!r} is not 2-4 digits")
    root = int(cameo[:2])
    if not 1 <= root <= 20:
        raise DataFileError(path, line, f"CAMEO code {cameo!r} has root {cameo[:2]}, not 01-20")
    try:
        goldstein = float(row["goldstein"])
    except ValueError:
        raise DataFileError(path, line, f"goldstein {row['goldstein']!r} is not a number") from None
    if not -10.0 <= goldstein <= 10.0:
        raise DataFileError(path, line, f"goldstein {goldstein} is outside [-10, 10]")
    expected_quad = quad_class_of_root(root)
    if row["quad_class"] != str(expected_quad):
        raise DataFileError(
            path, line, f"quad_class {row['quad_class']!r} for root {cameo[:2]} should be {expected_quad}"
        )
    plover = row["plover"].upper() or None
    if plover is not None and plover not in PLOVER_TYPES:
        raise DataFileError(path, line, f"unknown PLOVER type {row['plover']!r}")
    return CameoCode(cameo, row["name"], goldstein, expected_quad, plover)


def _read_table(path: Path) -> Iterable[CameoCode]:
    for line, row in read_tsv(path, _COLUMNS, optional=("plover",)):
        yield _parse_row(path, line, row)


class CameoTable:
    """Lookup of CAMEO codes (immutable after loading, picklable)."""

    # Representative code per PLOVER type: the generic "not specified below" code of the CAMEO category
    # that carries the type.  Used when only the PLOVER type of an event is known.
    _DEFAULTS: Mapping[str, str] = MappingProxyType(
        {
            "AGREE": "030",
            "CONSULT": "040",
            "SUPPORT": "051",
            "CONCEDE": "080",
            "COOPERATE": "060",
            "AID": "070",
            "RETREAT": "087",
            "REQUEST": "020",
            "ACCUSE": "112",
            "REJECT": "120",
            "THREATEN": "130",
            "PROTEST": "140",
            "SANCTION": "160",
            "MOBILIZE": "150",
            "COERCE": "170",
            "ASSAULT": "190",
        }
    )

    def __init__(self, codes: Mapping[str, CameoCode]) -> None:
        self._codes: dict[str, CameoCode] = dict(codes)

    @classmethod
    def load(cls, extra: Sequence[Path | str] = ()) -> CameoTable:
        """The packaged table plus user files (same columns; a user row overrides the packaged row)."""
        if not extra:
            return _default_table()
        codes = dict(_default_table()._codes)
        for path in extra:
            codes.update((c.cameo, c) for c in _read_table(Path(path)))
        return cls(codes)

    @classmethod
    def from_file(cls, path: Path | str) -> CameoTable:
        """A table made of one file only (no packaged rows)."""
        return cls({c.cameo: c for c in _read_table(Path(path))})

    def get(self, cameo: str) -> CameoCode:
        """The row of a CAMEO code; KeyError for an unknown code."""
        return self._codes[cameo]

    def event_code(self, cameo: str) -> EventCode | None:
        """The EventCode of a CAMEO code; None when it has no PLOVER type, KeyError when unknown."""
        code = self._codes[cameo]
        if code.plover is None:
            return None
        return EventCode(code.cameo, code.plover, code.goldstein, code.quad_class)

    def default_cameo(self, plover: str) -> str:
        """The representative CAMEO code of a PLOVER type, e.g. CONSULT -> "040" (KeyError if unknown)."""
        plover = plover.upper()
        cameo = self._DEFAULTS.get(plover)
        if cameo is not None and cameo in self._codes and self._codes[cameo].plover == plover:
            return cameo
        # A user table may have remapped the default code: fall back to the first 3-digit code of the type.
        for code in sorted(self._codes, key=lambda c: (len(c) != 3, c)):
            if self._codes[code].plover == plover:
                return code
        raise KeyError(plover)

    def codes(self) -> list[CameoCode]:
        """All rows, sorted by code."""
        return [self._codes[c] for c in sorted(self._codes)]

    def __contains__(self, cameo: object) -> bool:
        return cameo in self._codes

    def __len__(self) -> int:
        return len(self._codes)


@lru_cache(maxsize=1)
def _default_table() -> CameoTable:
    return CameoTable({c.cameo: c for c in _read_table(packaged("whimbrel.codes", "cameo.tsv"))})
