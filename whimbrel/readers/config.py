"""Reader settings an analyst may extend: metadata key aliases, photo-credit words and junk markers.

``ReaderConfig.load()`` reads the packaged ``fields.tsv``, ``credits.tsv`` and ``markers.tsv`` plus any
user files of the same shape; ``default_config()`` caches the packaged one.  The object is a frozen
dataclass of plain containers, so it pickles (it travels to Dask workers); compiled patterns are cached
per process, outside it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from whimbrel.data import packaged, read_tsv
from whimbrel.errors import DataFileError
from whimbrel.readers.junk import ACTIONS, Marker, MarkerTable, compile_markers

FIELDS = ("title", "url", "published", "outlet", "author", "id", "text")
_KEY_OK = re.compile(r"[a-z][a-z0-9_]{0,39}")


def normalize_key(key: str) -> str:
    """Canonical spelling of a metadata key: lower case, spaces and hyphens as underscores."""
    return key.strip().lower().replace(" ", "_").replace("-", "_")


@dataclass(frozen=True)
class ReaderConfig:
    """Key aliases (normalized key -> Article field), photo-credit words and web-junk markers."""

    keys: dict[str, str] = field(default_factory=dict)
    credit_words: frozenset[str] = frozenset()
    markers: tuple[Marker, ...] = ()

    @classmethod
    def load(
        cls,
        field_files: Sequence[Path | str] = (),
        credit_files: Sequence[Path | str] = (),
        marker_files: Sequence[Path | str] = (),
    ) -> ReaderConfig:
        """Packaged tables extended by user ``key/field``, ``word`` and ``phrase/action`` TSV files
        (later files win)."""
        keys: dict[str, str] = {}
        for path in (packaged("whimbrel.readers", "fields.tsv"), *field_files):
            for line, row in read_tsv(path, ["key", "field"]):
                key, target = normalize_key(row["key"]), row["field"].lower()
                if not _KEY_OK.fullmatch(key):
                    raise DataFileError(path, line, f"invalid key {row['key']!r}")
                if target not in FIELDS:
                    raise DataFileError(path, line, f"unknown field {row['field']!r}; use one of {FIELDS}")
                keys[key] = target
        words: set[str] = set()
        for path in (packaged("whimbrel.readers", "credits.tsv"), *credit_files):
            for line, row in read_tsv(path, ["word"]):
                if " " in row["word"]:
                    raise DataFileError(path, line, "a credit word must be a single word")
                words.add(row["word"])
        return cls(keys=keys, credit_words=frozenset(words), markers=_load_markers(marker_files))

    @property
    def marker_table(self) -> MarkerTable:
        """The compiled junk markers (compiled once per process and marker set)."""
        return compile_markers(self.markers)

    def field_of(self, key: str) -> str | None:
        """The Article field a metadata key fills, or None if the key is unknown."""
        return self.keys.get(normalize_key(key))


def _load_markers(marker_files: Sequence[Path | str]) -> tuple[Marker, ...]:
    """Packaged and user junk markers; a user row for a known phrase replaces its action."""
    markers: dict[str, Marker] = {}
    for path in (packaged("whimbrel.readers", "markers.tsv"), *marker_files):
        for line, row in read_tsv(path, ["phrase", "action"]):
            action = row["action"].lower()
            if action not in ACTIONS:
                raise DataFileError(path, line, f"unknown action {row['action']!r}; use one of {ACTIONS}")
            if len(row["phrase"]) > 60:
                raise DataFileError(path, line, "a marker phrase is at most 60 characters")
            markers[row["phrase"].lower()] = Marker(row["phrase"], action)
    return tuple(markers.values())


@lru_cache(maxsize=1)
def default_config() -> ReaderConfig:
    """The packaged reader configuration, loaded once per process."""
    return ReaderConfig.load()
