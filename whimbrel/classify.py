"""Classify the interaction between two given actors in a sentence (``whimbrel classify``).

Two opinions are combined: the trigger patterns of :mod:`whimbrel.events` (precise where they fire) and the
learned pair classifier of :mod:`whimbrel.classifier` (broad, calibrated).  The pattern's type gets a bonus of
``PATTERN_WEIGHT × pattern confidence`` on top of the classifier's probability; the best-scoring type wins,
and "NONE" means no interaction.

>>> from whimbrel import classify
>>> classify("Police arrested dozens of protesters in Minsk on Sunday.", "Police", "protesters").plover
'COERCE'
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from spacy.tokens import Doc, Span

from whimbrel.api import load_coder
from whimbrel.classifier import PairClassifier
from whimbrel.config import Config
from whimbrel.errors import InputError, WhimbrelError
from whimbrel.pipeline import Coder

PATTERN_WEIGHT = 0.5
NONE = "NONE"


@dataclass(frozen=True)
class Classification:
    """The PLOVER type and CAMEO code of source → target in one sentence (``plover`` None: no interaction)."""

    plover: str | None
    cameo: str | None
    confidence: float
    trigger: str | None = None

    def to_dict(self, uid: str | None = None) -> dict[str, Any]:
        row: dict[str, Any] = {} if uid is None else {"uid": uid}
        row.update(plover=self.plover, cameo=self.cameo, confidence=round(self.confidence, 4))
        return row


@lru_cache(maxsize=2)
def _pair_classifier(use: bool) -> PairClassifier | None:
    if not use:
        return None
    try:
        return PairClassifier.load()
    except WhimbrelError:
        return None  # no trained artifact: patterns alone


def classify(sentence: str, source: str, target: str, *, config: Config | None = None) -> Classification:
    """The PLOVER type and CAMEO code of ``source``'s action toward ``target`` in ``sentence``."""
    return next(classify_many([(sentence, source, target)], config=config))


def classify_many(
    rows: Iterable[tuple[str, str, str]], *, config: Config | None = None
) -> Iterator[Classification]:
    """Classify many (sentence, source, target) triples, parsing in batches."""
    config = config or Config()
    coder = load_coder(config)
    model = _pair_classifier(config.use_classifier)
    batch: list[tuple[str, str, str]] = []
    for row in rows:
        batch.append(row)
        if len(batch) >= 256:
            yield from _classify_batch(coder, model, batch)
            batch = []
    if batch:
        yield from _classify_batch(coder, model, batch)


def _classify_batch(
    coder: Coder, model: PairClassifier | None, rows: list[tuple[str, str, str]]
) -> list[Classification]:
    docs = list(coder.nlp.pipe((r[0] for r in rows), batch_size=64))
    spans = [_actor_spans(doc, r[1], r[2]) for doc, r in zip(docs, rows, strict=True)]
    probs: list[dict[str, float]] | None = None
    if model is not None:
        probs = model.predict([(r[0], s[0], s[1]) for r, s in zip(rows, spans, strict=True)], docs=docs)
    results = []
    for i, (doc, (src, tgt)) in enumerate(zip(docs, spans, strict=True)):
        results.append(_decide(coder, doc, src, tgt, probs[i] if probs else None))
    return results


def _decide(
    coder: Coder, doc: Doc, src: tuple[int, int], tgt: tuple[int, int], probs: dict[str, float] | None
) -> Classification:
    source, target = _char_span(doc, src), _char_span(doc, tgt)
    cand = None
    if source is not None and target is not None:
        sent = doc[:]
        cand = coder.extractor.classify_pair(sent, source, target)
    pattern = coder.cameo.event_code(cand.cameo) if cand else None
    trigger = doc[cand.trigger[0] : cand.trigger[1]].text if cand else None
    if probs is None:
        if pattern is None or cand is None:
            return Classification(None, None, 0.0, None)
        return Classification(pattern.plover, pattern.cameo, cand.confidence, trigger)
    scores = dict(probs)
    if pattern is not None and cand is not None:
        scores[pattern.plover] = scores.get(pattern.plover, 0.0) + PATTERN_WEIGHT * cand.confidence
    best = max(scores, key=lambda k: scores[k])
    confidence = scores[best] / sum(scores.values())
    if best == NONE:
        return Classification(None, None, confidence, None)
    if pattern is not None and pattern.plover == best:
        return Classification(best, pattern.cameo, confidence, trigger)
    return Classification(best, coder.cameo.default_cameo(best), confidence, None)


def _actor_spans(doc: Doc, source: str, target: str) -> tuple[tuple[int, int], tuple[int, int]]:
    """Character spans of the source and target phrases in the sentence (case-insensitive, disjoint)."""
    lowered = doc.text.lower()
    s = _find(lowered, source.lower(), ())
    t = _find(lowered, target.lower(), (s,))
    return s, t


def _find(text: str, phrase: str, taken: tuple[tuple[int, int], ...]) -> tuple[int, int]:
    phrase = phrase.strip()
    if not phrase:
        return (0, 0)
    start = text.find(phrase)
    while start >= 0:
        span = (start, start + len(phrase))
        if all(span[1] <= a or span[0] >= b for a, b in taken):
            return span
        start = text.find(phrase, start + 1)
    return (0, 0)


def _char_span(doc: Doc, span: tuple[int, int]) -> Span | None:
    if span[1] <= span[0]:
        return None
    return doc.char_span(span[0], span[1], alignment_mode="expand")


def read_pairs_tsv(path: Path) -> Iterator[tuple[str, tuple[str, str, str]]]:
    """Rows of a TSV with columns uid, sentence, source, target: yields (uid, (sentence, source, target))."""
    try:
        handle = path.open(encoding="utf-8", newline="")
    except OSError as exc:
        raise InputError(str(path), f"cannot read: {exc.strerror}") from exc
    with handle:
        reader = csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)
        missing = {"uid", "sentence", "source", "target"} - set(reader.fieldnames or ())
        if missing:
            raise InputError(str(path), f"header lacks column(s) {', '.join(sorted(missing))}")
        for number, row in enumerate(reader, start=2):
            if not row.get("sentence"):
                raise InputError(f"{path}:{number}", "empty sentence")
            yield row["uid"], (row["sentence"], row.get("source") or "", row.get("target") or "")
