"""The PLOVER pair classifier: a multinomial logistic regression over the sparse features of
:mod:`whimbrel.classifier.features`, with a calibration temperature.

The artifact (``model.json`` in this package) holds the label list, the feature vocabulary, the weights
(float32, base64), the temperature, the trigger lexicon the model was trained with, and the hashes of the
training data and configuration that :mod:`whimbrel.classifier.train` recorded.
"""

from __future__ import annotations

import base64
import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np
from spacy.tokens import Doc

from whimbrel.classifier.features import Item, TriggerLexicon, extract
from whimbrel.classifier.syntax import parse_features
from whimbrel.data import packaged
from whimbrel.errors import WhimbrelError
from whimbrel.records import PLOVER_TYPES

LABELS: tuple[str, ...] = (*PLOVER_TYPES, "NONE")
ARTIFACT = "model.json"


def item_features(item: Item, lexicon: TriggerLexicon, doc: Doc | None = None) -> list[str]:
    """All feature strings of one item: the text features, plus the parse features when ``doc`` (a parse
    of the item's sentence, or of a text containing it) is given."""
    feats = extract(item, lexicon)
    if doc is not None:
        feats += parse_features(doc, item[0], item[1], item[2], lexicon)
    return feats


def encode_array(array: np.ndarray) -> str:
    """float32 array -> base64 text (little-endian), for the JSON artifact."""
    return base64.b64encode(np.ascontiguousarray(array, dtype="<f4").tobytes()).decode("ascii")


def decode_array(text: str, shape: Sequence[int]) -> np.ndarray:
    """Inverse of :func:`encode_array`."""
    return np.frombuffer(base64.b64decode(text), dtype="<f4").reshape(tuple(shape)).astype(np.float32)


class PairClassifier:
    """Predicts the PLOVER type (or NONE) of the source's action toward the target in a sentence."""

    def __init__(
        self,
        vocab: dict[str, int],
        weights: np.ndarray,
        bias: np.ndarray,
        temperature: float,
        lexicon: TriggerLexicon,
        meta: dict[str, Any] | None = None,
    ) -> None:
        self.labels = LABELS
        self.vocab = vocab
        self.weights = weights
        self.bias = bias
        self.temperature = temperature
        self.lexicon = lexicon
        self.meta = meta or {}

    @classmethod
    def load(cls, path: Path | None = None, *, triggers: Sequence[Path | str] = ()) -> PairClassifier:
        """Load a trained artifact (the packaged one by default).

        ``triggers`` adds user trigger files (columns ``trigger``, ``type``) to the lexicon the model was
        trained with.  Raises WhimbrelError if the artifact is missing or unreadable.
        """
        path = Path(path) if path is not None else packaged("whimbrel.classifier", ARTIFACT)
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            labels = tuple(data["labels"])
            vocab = {f: i for i, f in enumerate(data["features"])}
            weights = decode_array(data["weights"], (len(vocab), len(labels)))
            bias = decode_array(data["bias"], (len(labels),))
        except (OSError, ValueError, KeyError) as exc:
            raise WhimbrelError(
                f"cannot load classifier model {path}: {exc}; "
                "rebuild it with `python -m whimbrel.classifier.train`"
            ) from exc
        if labels != LABELS:
            raise WhimbrelError(f"classifier model {path} has labels {labels}, expected {LABELS}; retrain it")
        lexicon = TriggerLexicon.from_entries(data["lexicon"])
        if triggers:
            lexicon = lexicon.merged(TriggerLexicon.load(triggers, default=False))
        meta = {k: v for k, v in data.items() if k not in {"features", "weights", "bias", "lexicon"}}
        return cls(vocab, weights, bias, float(data["temperature"]), lexicon, meta)

    def save(self, path: Path, meta: dict[str, Any]) -> None:
        """Write the artifact (JSON, sorted features so the file is deterministic)."""
        features = sorted(self.vocab, key=self.vocab.__getitem__)
        data = {
            **meta,
            "labels": list(self.labels),
            "temperature": round(self.temperature, 4),
            "lexicon": self.lexicon.entries(),
            "features": features,
            "bias": encode_array(self.bias),
            "weights": encode_array(self.weights),
        }
        path.write_text(json.dumps(data, indent=0, sort_keys=True) + "\n", encoding="utf-8")

    def featurize(self, items: Sequence[Item], docs: Sequence[Doc | None] | None = None) -> list[list[int]]:
        """Vocabulary indices of each item's known features (unknown features are dropped)."""
        vocab = self.vocab
        if docs is None:
            docs = [None] * len(items)
        elif len(docs) != len(items):
            raise ValueError(f"{len(docs)} docs for {len(items)} items")
        rows = []
        for item, doc in zip(items, docs, strict=True):
            rows.append(sorted({vocab[f] for f in item_features(item, self.lexicon, doc) if f in vocab}))
        return rows

    def logits(self, rows: Sequence[Sequence[int]]) -> np.ndarray:
        """Un-tempered scores, shape (len(rows), len(LABELS))."""
        out = np.tile(self.bias, (len(rows), 1))
        for r, row in enumerate(rows):
            if row:
                out[r] += self.weights[list(row)].sum(axis=0)
        return out

    def predict(
        self, items: Sequence[Item], docs: Sequence[Doc | None] | None = None
    ) -> list[dict[str, float]]:
        """Per item ``(sentence, (source start, end), (target start, end))``, the calibrated probability of
        each PLOVER type and of "NONE" (summing to 1).

        ``docs`` (optional, one per item, None allowed) are spaCy parses of the items' sentences (or of
        texts containing them, e.g. the paragraph); they add dependency features and make the prediction
        more accurate.  Without them the text-only features are used."""
        if not items:
            return []
        probs = softmax(self.logits(self.featurize(items, docs)) / self.temperature)
        return [dict(zip(self.labels, map(float, p), strict=True)) for p in probs]

    def best(
        self, items: Sequence[Item], docs: Sequence[Doc | None] | None = None
    ) -> list[tuple[str, float]]:
        """Convenience: the most probable label and its probability for each item."""
        return [max(p.items(), key=lambda kv: kv[1]) for p in self.predict(items, docs)]


def softmax(scores: np.ndarray) -> np.ndarray:
    """Row-wise softmax, numerically stable."""
    shifted = scores - scores.max(axis=1, keepdims=True)
    exp = np.exp(shifted)
    return exp / exp.sum(axis=1, keepdims=True)
