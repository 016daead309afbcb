"""Language model loading and sentence segmentation.

The article text is split into paragraphs (blank-line separated) first, so that headlines, captions and
bylines never glue onto the next sentence; spaCy then parses each paragraph as one ``Doc`` and splits it
into sentences.  Offsets inside a paragraph's Doc are shifted by the paragraph's start to give article
offsets.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

import spacy
from spacy.language import Language

from whimbrel.config import MODEL

MAX_PARAGRAPH_CHARS = 5_000  # longer blocks (a 1 MB line with no sentence end) are cut into windows

_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n+")


@lru_cache(maxsize=2)
def load_nlp(model: str = MODEL) -> Language:
    """Load the spaCy pipeline once per process (a factory, cached; workers call it once each)."""
    return spacy.load(model)


@dataclass(frozen=True)
class Paragraph:
    start: int
    text: str


def paragraphs(text: str) -> Iterator[Paragraph]:
    """Non-empty paragraphs of ``text`` with their start offsets; very long ones are cut at whitespace."""
    pos = 0
    for match in [*_PARAGRAPH_BREAK.finditer(text), None]:
        end = match.start() if match else len(text)
        yield from _windows(text, pos, end)
        if match:
            pos = match.end()


def _windows(text: str, start: int, end: int) -> Iterator[Paragraph]:
    while start < end:
        while start < end and text[start].isspace():
            start += 1
        if start >= end:
            return
        stop = min(end, start + MAX_PARAGRAPH_CHARS)
        if stop < end:
            cut = text.rfind(" ", start + MAX_PARAGRAPH_CHARS // 2, stop)
            stop = cut if cut > start else stop
        chunk = text[start:stop].rstrip()
        if chunk:
            yield Paragraph(start, chunk)
        start = stop
