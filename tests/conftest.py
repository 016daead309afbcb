"""Shared fixtures: the real spaCy pipeline (loaded once per test session)."""

from __future__ import annotations

from pathlib import Path

import pytest
from spacy.language import Language

from whimbrel.nlp import load_nlp


@pytest.fixture(scope="session")
def nlp() -> Language:
    return load_nlp()


@pytest.fixture(scope="session")
def example_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A store of the repository's examples/ folder, ingested once per test session."""
    from serving import build_example_store

    return build_example_store(tmp_path_factory.mktemp("serve") / "store")
