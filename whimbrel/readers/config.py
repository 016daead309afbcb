"""Reader settings an analyst may extend: metadata key aliases and photo-credit words (TSV data files).

``ReaderConfig.load()`` reads the packaged ``fields.tsv`` and ``credits.tsv`` plus any user files of the
same shape; ``default_config()`` caches the packaged one.  The object is a frozen dataclass of plain
containers, so it pickles (it travels to Dask workers).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from whimbrel.data import packaged, read_tsv
from whimbrel.errors import DataFileError

FIELDS = ("title", "url", "published", "outlet", "author", "id", "text")
_KEY_OK = re.compile(r"[a-z][a-z0-9_]{0,39}")


def normalize_key(key: str) -> str:
    """Canonical spelling of a metadata key: lower case, spaces and hyphens as underscores."""
    return key.strip().lower().replace(" ", "_").replace("-", "_")


@dataclass(frozen=True)
class ReaderConfig:
    """Key aliases (normalized key -> Article field) and the words that mark a photo credit."""

    keys: dict[str, str] = field(default_factory=dict)
    credit_words: frozenset[str] = frozenset()

    @classmethod
    def load(
        cls, field_files: Sequence[Path | str] = (), credit_files: Sequence[Path | str] = ()
    ) -> ReaderConfig:
        """Packaged tables extended by user ``key/field`` and ``word`` TSV files (later files win)."""
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
        return cls(keys=keys, credit_words=frozenset(words))

    def field_of(self, key: str) -> str | None:
        """The Article field a metadata key fills, or None if the key is unknown."""
        return self.keys.get(normalize_key(key))


@lru_cache(maxsize=1)
def default_config() -> ReaderConfig:
    """The packaged reader configuration, loaded once per process."""
    return ReaderConfig.load()
