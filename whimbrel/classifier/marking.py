"""How a (sentence, source, target) pair is shown to the fine-tuned encoder: the same at training and use.

The source is wrapped in ``<< >>`` and the target in ``[[ ]]``; the encoder's head reads the states of
``[CLS]`` and of the first token of each opening marker.  Standard library and numpy only, so the training
script (``training/finetune_encoder.py``, run where whimbrel itself is not installed) loads this file by path.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np

MARKS = ("<< ", " >>", "[[ ", " ]]")
MAX_TOKENS = 128


def mark(sentence: str, source: tuple[int, int], target: tuple[int, int]) -> str:
    """``sentence`` with the source span wrapped in ``<< >>`` and the target span in ``[[ ]]``.

    Spans are character offsets; where the two overlap, the later one is marked as an empty point at the end
    of the earlier one, so both markers are always present."""
    spans = sorted([(source, MARKS[0], MARKS[1]), (target, MARKS[2], MARKS[3])])
    out: list[str] = []
    pos = 0
    for (start, end), left, right in spans:
        if start < pos:
            start = end = max(pos, end)
        out += [sentence[pos:start], left, sentence[start:end], right]
        pos = end
    out.append(sentence[pos:])
    return "".join(out)


def token_inputs(
    encodings: Sequence[Any], texts: Sequence[str], max_tokens: int = MAX_TOKENS, pad_to: int | None = None
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Token ids and mask ``(n, length)`` and the position of each opening marker's first token, from
    ``tokenizers`` encodings of the marked ``texts``.

    A text longer than ``max_tokens`` keeps its first tokens and its final ``[SEP]``; a marker cut off (or
    missing) points at ``[CLS]`` (position 0).  Rows are padded to the longest row, or to ``pad_to``."""
    lengths = [min(len(e.ids), max_tokens) for e in encodings]
    width = pad_to or max(lengths, default=1)
    ids = np.zeros((len(texts), width), dtype=np.int64)
    mask = np.zeros_like(ids)
    src = np.zeros(len(texts), dtype=np.int64)
    tgt = np.zeros(len(texts), dtype=np.int64)
    for row, (text, enc, n) in enumerate(zip(texts, encodings, lengths, strict=True)):
        ids[row, :n] = enc.ids[:n]
        if n < len(enc.ids):
            ids[row, n - 1] = enc.ids[-1]  # keep [SEP]
        mask[row, :n] = 1
        for out, marker in ((src, MARKS[0]), (tgt, MARKS[2])):
            char = text.find(marker)
            token = enc.char_to_token(char) if char >= 0 else None
            out[row] = token if token is not None and token < n - 1 else 0
    return ids, mask, src, tgt
