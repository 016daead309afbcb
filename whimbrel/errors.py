"""whimbrel's error hierarchy.

Library code raises these; the CLI turns them into one clear line and an exit code.

    WhimbrelError
    ├── InputError           an article file or record that cannot be read (one per file; the run goes on)
    ├── DataFileError        a dictionary or code table with a bad line (carries path and line number)
    └── ConfigError          bad options or settings
"""

from __future__ import annotations

from pathlib import Path


class WhimbrelError(Exception):
    """Base class of every error whimbrel raises on purpose."""


class InputError(WhimbrelError):
    """An article that cannot be read: empty, binary, undecodable, too large, malformed record."""

    def __init__(self, source: str, message: str) -> None:
        super().__init__(f"{source}: {message}")
        self.source = source
        self.message = message


class DataFileError(WhimbrelError):
    """A data file (actors, patterns, code tables) with an invalid line."""

    def __init__(self, path: Path | str, line: int, message: str) -> None:
        super().__init__(f"{path}:{line}: {message}")
        self.path = str(path)
        self.line = line
        self.message = message


class ConfigError(WhimbrelError):
    """Invalid options or configuration."""
