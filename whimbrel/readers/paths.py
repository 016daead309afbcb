"""Expansion of command-line paths into article files."""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from pathlib import Path

from whimbrel.errors import InputError

ARTICLE_SUFFIXES = frozenset({".md", ".markdown", ".txt", ".text", ".html", ".htm", ".jsonl", ".ndjson"})
STDIN = Path("-")


def iter_article_paths(paths: Sequence[Path]) -> Iterator[Path | InputError]:
    """Article files named by ``paths``, in order.

    A directory expands recursively, sorted, to files with an article suffix (hidden files and folders
    and README files skipped, symlinked folders not followed); an explicit file is taken whatever its
    suffix; ``-`` is standard input; a missing or unlistable path yields an InputError and the others
    still come.
    """
    for path in paths:
        path = Path(path)
        if path == STDIN:
            yield path
        elif path.is_dir():
            yield from _walk(path)
        elif path.exists() or path.is_symlink():
            yield path  # a file, a broken link or a special file: read_path reports what is wrong
        else:
            yield InputError(str(path), "no such file or directory")


def _walk(root: Path) -> Iterator[Path | InputError]:
    errors: list[OSError] = []
    found: list[Path] = []
    for folder, dirs, files in os.walk(root, onerror=errors.append):
        dirs[:] = [name for name in dirs if not name.startswith(".")]
        for name in files:
            if _is_article_name(name):
                found.append(Path(folder, name))
    for error in errors:
        yield InputError(str(error.filename or root), f"cannot list folder: {error.strerror or error}")
    yield from sorted(found, key=lambda p: p.parts)


def _is_article_name(name: str) -> bool:
    """An article suffix, and neither hidden nor a folder's README (which describes, not reports)."""
    stem, suffix = os.path.splitext(name)
    return suffix.lower() in ARTICLE_SUFFIXES and not name.startswith(".") and stem.upper() != "README"
