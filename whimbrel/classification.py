"""Classify the interaction between two given actors in a sentence (``whimbrel classify``).

Two opinions are combined: the trigger patterns of :mod:`whimbrel.events` (precise where they fire) and the
learned pair classifiers of :mod:`whimbrel.classifier` (broad, calibrated): the sparse logistic regression
over words and parse features, averaged with the fine-tuned sentence encoder
(:mod:`whimbrel.classifier.pair_encoder`) where its optional packages are installed.  The pattern's type gets
a bonus of ``PATTERN_WEIGHT × pattern confidence`` on top of the classifiers' probability; the best-scoring
type wins, and "NONE" means no interaction (never chosen with ``interacting=True``, for pairs known to
interact).

The answer is the type the sentence *reports*, as CAMEO and PLOVER code it: the status of the act
(:mod:`whimbrel.status`) turns an announced act of cooperation into an expression of intent (AGREE) and a
refused or failed one into a rejection (REJECT), by the table ``whimbrel/codes/reported.tsv``.

>>> from whimbrel import classify
>>> classify("Police arrested dozens of protesters in Minsk on Sunday.", "Police", "protesters").plover
'COERCE'
"""

from __future__ import annotations

import csv
import logging
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from spacy.tokens import Doc, Span, Token

from whimbrel.api import load_coder
from whimbrel.classifier import PairClassifier
from whimbrel.classifier.pair_encoder import EncoderPairClassifier
from whimbrel.codes.reported import ReportedTypes
from whimbrel.config import Config
from whimbrel.errors import InputError, WhimbrelError
from whimbrel.pipeline import Coder
from whimbrel.status import resolve_status

PATTERN_WEIGHT = 0.5
NONE = "NONE"
_VERBS = frozenset({"VERB", "AUX"})


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


@lru_cache(maxsize=2)
def _encoder(use: bool) -> EncoderPairClassifier | None:
    if not use:
        return None
    try:
        return EncoderPairClassifier.load()
    except WhimbrelError as exc:
        # an install without the optional packages still classifies, with the sparse model alone
        logging.getLogger("whimbrel").warning("classify without the sentence encoder: %s", exc)
        return None


def classify(
    sentence: str, source: str, target: str, *, config: Config | None = None, interacting: bool = False
) -> Classification:
    """The PLOVER type and CAMEO code of ``source``'s action toward ``target`` in ``sentence``.

    ``interacting=True`` says the pair is known to interact: the best type is given even where "no
    interaction" is likelier (its confidence is then low).
    """
    return next(classify_many([(sentence, source, target)], config=config, interacting=interacting))


def classify_many(
    rows: Iterable[tuple[str, str, str]], *, config: Config | None = None, interacting: bool = False
) -> Iterator[Classification]:
    """Classify many (sentence, source, target) triples in batches (``interacting``: see classify)."""
    config = config or Config()
    coder = load_coder(config)
    model = _pair_classifier(config.use_classifier)
    encoder = _encoder(config.use_classifier and config.use_encoder)
    decider = _Decider(coder, ReportedTypes.load(cameo=coder.cameo), interacting, encoder)
    batch: list[tuple[str, str, str]] = []
    for row in rows:
        batch.append(row)
        if len(batch) >= 256:
            yield from _classify_batch(decider, model, batch)
            batch = []
    if batch:
        yield from _classify_batch(decider, model, batch)


@dataclass(frozen=True)
class _Decider:
    coder: Coder
    reported: ReportedTypes
    interacting: bool
    encoder: EncoderPairClassifier | None = None


def _classify_batch(
    decider: _Decider, model: PairClassifier | None, rows: list[tuple[str, str, str]]
) -> list[Classification]:
    coder = decider.coder
    docs = list(coder.nlp.pipe((r[0] for r in rows), batch_size=64))
    spans = [_actor_spans(doc, r[1], r[2]) for doc, r in zip(docs, rows, strict=True)]
    probs: list[dict[str, float]] | None = None
    if model is not None:
        items = [(r[0], s[0], s[1]) for r, s in zip(rows, spans, strict=True)]
        probs = model.predict(items, docs=docs)
        if decider.encoder is not None:
            probs = [_average(p, q) for p, q in zip(probs, decider.encoder.predict(items), strict=True)]
    results = []
    for i, (doc, (src, tgt)) in enumerate(zip(docs, spans, strict=True)):
        results.append(_decide(decider, doc, src, tgt, probs[i] if probs else None))
    return results


def _average(sparse: dict[str, float], encoder: dict[str, float]) -> dict[str, float]:
    """The two classifiers' probabilities, averaged with equal weight (both are calibrated on held-out data
    of the team's own; the weight is not tuned on any evaluation set)."""
    return {label: (p + encoder.get(label, 0.0)) / 2 for label, p in sparse.items()}


def _decide(
    decider: _Decider, doc: Doc, src: tuple[int, int], tgt: tuple[int, int], probs: dict[str, float] | None
) -> Classification:
    coder = decider.coder
    source, target = _char_span(doc, src), _char_span(doc, tgt)
    cand = None
    if source is not None and target is not None:
        cand = coder.extractor.classify_pair(doc[:], source, target)
    pattern = coder.cameo.event_code(cand.cameo) if cand else None
    trigger = doc[cand.trigger[0] : cand.trigger[1]].text if cand else None
    if probs is None:
        if pattern is None or cand is None:
            return Classification(None, None, 0.0, None)
        result = Classification(pattern.plover, pattern.cameo, cand.confidence, trigger)
        return _reported(decider, result, doc[cand.trigger_head])
    scores = dict(probs)
    if pattern is not None and cand is not None:
        scores[pattern.plover] = scores.get(pattern.plover, 0.0) + PATTERN_WEIGHT * cand.confidence
    total = sum(scores.values())
    if decider.interacting:
        scores.pop(NONE, None)
    best = max(scores, key=lambda k: scores[k])
    confidence = scores[best] / total  # with ``interacting``, "no interaction" still lowers it
    if best == NONE:
        return Classification(None, None, confidence, None)
    if pattern is not None and cand is not None and pattern.plover == best:
        result = Classification(best, pattern.cameo, confidence, trigger)
        return _reported(decider, result, doc[cand.trigger_head])
    if pattern is not None and cand is not None:
        # The model named the reported type itself ("will not lift the embargo": REJECT); the act's
        # conversion gives its specific code (124, refuse to ease sanctions) when it agrees.
        converted = _reported(decider, Classification(pattern.plover, pattern.cameo, confidence, trigger),
                              doc[cand.trigger_head])  # fmt: skip
        if converted.plover == best and converted.cameo != pattern.cameo:
            return converted
    # No pattern of this type: the act whose status counts is the verb that governs the target.
    result = Classification(best, coder.cameo.default_cameo(best), confidence, None)
    return _reported(decider, result, _target_verb(source, target))


def _reported(decider: _Decider, result: Classification, anchor: Token | None) -> Classification:
    """The type the sentence reports: an announced act of cooperation is intent, a refused one rejection."""
    if anchor is None or result.plover is None:
        return result
    status = resolve_status(anchor)
    converted = decider.reported.convert(result.plover, status.status, status.cue)
    if converted is None:
        return result
    return Classification(converted[0], converted[1], result.confidence, result.trigger)


def _target_verb(source: Span | None, target: Span | None) -> Token | None:
    """The highest verb above the target below the lowest token that governs both actors, else that token.

    "Ethiopia said it would allow the agency to deliver food": the act is "allow", not "said" or "deliver".
    """
    if source is None or target is None:
        return None
    above = {source.root.i, *(t.i for t in source.root.ancestors)}
    verb = None
    for node in (target.root, *target.root.ancestors):
        if node.i in above:
            return verb or node
        if node.pos_ in _VERBS:
            verb = node
    return verb


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
