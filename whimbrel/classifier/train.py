"""Train the pair classifier and write the packaged artifact.

    python -m whimbrel.classifier.train [--data TSV ...] [--out PATH]    # default: DEFAULT_DATA

Deterministic: the split is a hash of each row's group (template id), the optimiser is full-batch Adam
from zero weights, so the same data and configuration give the same artifact.  Steps: (1) train on the
rows whose group falls in the training split, (2) fit the softmax temperature on the held-out groups
(minimum negative log-likelihood over a grid) and record held-out accuracy, (3) retrain on all rows and
ship those weights with that temperature.
"""

from __future__ import annotations

import argparse
import hashlib
import json
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

from whimbrel.classifier.features import Item, TriggerLexicon
from whimbrel.classifier.model import ARTIFACT, LABELS, PairClassifier, item_features, softmax
from whimbrel.data import packaged, read_tsv
from whimbrel.errors import DataFileError
from whimbrel.nlp import load_nlp

CONFIG: dict[str, Any] = {
    "min_count": 2,
    "l2": 3e-4,
    "steps": 250,
    "learning_rate": 0.05,
    "heldout": 0.2,
    "text_only_copies": True,  # also train on every row without its parse, so text-only calls work
    # every label gets the same total weight in the loss: the class mix of the training file is an artifact
    # of how much data was written per type (NONE rows are plentiful), not a prior of real news
    "balanced": True,
}
TRAINING = Path(__file__).resolve().parents[2] / "training"
# the team-written rows (training/generate_pairs.py) and the pairs of the team's annotated articles
# (training/team_pairs.py); the sentence encoder is trained on the first alone (docs/classifier.md)
DEFAULT_DATA = (TRAINING / "plover_pairs.tsv", TRAINING / "team_pairs.tsv")


def load_pairs(paths: Sequence[Path]) -> tuple[list[Item], list[str], list[str]]:
    """Items, labels and groups from training TSV files (columns sentence, source, target, label[, group])."""
    items: list[Item] = []
    labels: list[str] = []
    groups: list[str] = []
    for path in paths:
        for line, row in read_tsv(path, ["sentence", "source", "target", "label"], ["group"]):
            sentence, source, target = row["sentence"], row["source"], row["target"]
            s, t = sentence.find(source), sentence.find(target)
            if s < 0 or t < 0:
                raise DataFileError(path, line, "source and target must be substrings of the sentence")
            if row["label"] not in LABELS:
                raise DataFileError(path, line, f"unknown label {row['label']!r}")
            items.append((sentence, (s, s + len(source)), (t, t + len(target))))
            labels.append(row["label"])
            groups.append(row["group"] or f"{path.name}:{line}")
    return items, labels, groups


def data_hash(paths: Sequence[Path]) -> str:
    """Hash of the training files, the trigger lexicon, the feature code and the configuration (recorded in
    the artifact, so a test can tell a stale artifact)."""
    digest = hashlib.sha256(json.dumps(CONFIG, sort_keys=True).encode())
    here = Path(__file__).resolve().parent
    for path in [*paths, here / "triggers.tsv", here / "features.py", here / "syntax.py"]:
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def in_heldout(group: str) -> bool:
    """Deterministic group split (independent of Python's randomised str hash)."""
    return int(hashlib.md5(group.encode()).hexdigest()[:8], 16) / 0xFFFFFFFF < CONFIG["heldout"]


def fit(rows: list[list[int]], y: np.ndarray, n_features: int) -> tuple[np.ndarray, np.ndarray]:
    """Multinomial logistic regression, L2-regularised, full-batch Adam on sparse binary rows."""
    k = len(LABELS)
    rows = [r if r else [0] for r in rows]  # reduceat needs non-empty rows (every row has BIAS anyway)
    lengths = np.array([len(r) for r in rows])
    cols = np.concatenate([np.asarray(r, dtype=np.int64) for r in rows])
    offsets = np.concatenate([[0], np.cumsum(lengths)[:-1]])
    row_of = np.repeat(np.arange(len(rows)), lengths)
    # the same entries sorted by feature, so X^T @ err is one gather and one segment sum
    order = np.argsort(cols, kind="stable")
    used, starts = np.unique(cols[order], return_index=True)
    rows_by_feature = row_of[order]
    onehot = np.eye(k, dtype=np.float32)[y]
    counts = np.bincount(y, minlength=k).astype(np.float32)
    if CONFIG["balanced"]:
        # inverse class frequency, normalised so that the weights average 1 over the rows
        per_class = np.where(counts > 0, len(y) / (np.count_nonzero(counts) * np.maximum(counts, 1)), 0.0)
        row_weight = per_class[y].astype(np.float32)[:, None] / len(rows)
    else:
        row_weight = np.full((len(rows), 1), 1.0 / len(rows), dtype=np.float32)
    w, b = np.zeros((n_features, k), dtype=np.float32), np.zeros(k, dtype=np.float32)
    mw, vw, mb, vb = np.zeros_like(w), np.zeros_like(w), np.zeros_like(b), np.zeros_like(b)
    lr, beta1, beta2, eps = CONFIG["learning_rate"], 0.9, 0.999, 1e-8
    for step in range(1, CONFIG["steps"] + 1):
        # sparse products without scipy: gather + segment sums (reduceat), row-wise and feature-wise
        logits = np.add.reduceat(w[cols], offsets, axis=0) + b
        err = (softmax(logits) - onehot) * row_weight
        gw = np.zeros_like(w)
        gw[used] = np.add.reduceat(err[rows_by_feature], starts, axis=0)
        gw += CONFIG["l2"] * w
        gb = err.sum(axis=0)
        for g, m, v, p in ((gw, mw, vw, w), (gb, mb, vb, b)):
            m *= beta1
            m += (1 - beta1) * g
            v *= beta2
            v += (1 - beta2) * g * g
            p -= lr * (m / (1 - beta1**step)) / (np.sqrt(v / (1 - beta2**step)) + eps)
    return w.astype(np.float32), b.astype(np.float32)


def build_vocab(feature_lists: list[list[str]]) -> dict[str, int]:
    """Features seen at least ``min_count`` times (trigger-type features always kept), sorted."""
    counts = Counter(f for feats in feature_lists for f in set(feats))
    keep = sorted(f for f, c in counts.items() if c >= CONFIG["min_count"] or f.startswith("T"))
    return {f: i for i, f in enumerate(keep)}


def temperature(scores: np.ndarray, y: np.ndarray) -> float:
    """Temperature minimising held-out negative log-likelihood (grid search: robust and deterministic)."""
    grid = np.round(np.arange(0.3, 4.01, 0.05), 2)
    nll = [-np.log(softmax(scores / t)[np.arange(len(y)), y] + 1e-12).mean() for t in grid]
    return float(grid[int(np.argmin(nll))])


def train(paths: Sequence[Path]) -> tuple[PairClassifier, dict[str, Any]]:
    """Train, calibrate and return the classifier with the metadata to store in the artifact."""
    items, labels, groups = load_pairs(paths)
    lexicon = TriggerLexicon.load()
    docs = list(load_nlp().pipe((item[0] for item in items), batch_size=256))
    feature_lists = [item_features(item, lexicon, doc) for item, doc in zip(items, docs, strict=True)]
    y = np.array([LABELS.index(label) for label in labels])
    held = np.array([in_heldout(g) for g in groups])
    parsed = np.ones(len(items), dtype=bool)
    if CONFIG["text_only_copies"]:
        feature_lists += [item_features(item, lexicon) for item in items]
        y, held = np.concatenate([y, y]), np.concatenate([held, held])
        parsed = np.concatenate([parsed, ~parsed])
    vocab = build_vocab([f for f, h in zip(feature_lists, held, strict=True) if not h])
    rows = [sorted({vocab[f] for f in feats if f in vocab}) for feats in feature_lists]
    w, b = fit([r for r, h in zip(rows, held, strict=True) if not h], y[~held], len(vocab))
    probe = PairClassifier(vocab, w, b, 1.0, lexicon)
    scores = probe.logits([r for r, h in zip(rows, held, strict=True) if h])
    temp = temperature(scores, y[held])
    hits = scores.argmax(axis=1) == y[held]
    accuracy = float(hits[parsed[held]].mean())
    text_accuracy = float(hits[~parsed[held]].mean()) if (~parsed[held]).any() else accuracy
    vocab = build_vocab(feature_lists)
    rows = [sorted({vocab[f] for f in feats if f in vocab}) for feats in feature_lists]
    w, b = fit(rows, y, len(vocab))
    meta = {
        "data_hash": data_hash(paths),
        "config": CONFIG,
        "n_examples": len(items),
        "n_heldout": int(held[parsed].sum()),
        "heldout_accuracy": round(accuracy, 4),
        "heldout_accuracy_text_only": round(text_accuracy, 4),
    }
    return PairClassifier(vocab, w, b, temp, lexicon, meta), meta


def main(argv: Sequence[str] | None = None) -> None:
    """Command line: train on the team's data and write the artifact into the package."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, nargs="+", default=list(DEFAULT_DATA), help="training TSV files")
    parser.add_argument("--out", type=Path, default=packaged("whimbrel.classifier", ARTIFACT))
    args = parser.parse_args(argv)
    model, meta = train(args.data)
    model.save(args.out, meta)
    print(
        f"trained on {meta['n_examples']} pairs, {len(model.vocab)} features; held-out accuracy "
        f"{meta['heldout_accuracy']:.3f} on {meta['n_heldout']} (text only "
        f"{meta['heldout_accuracy_text_only']:.3f}); temperature {model.temperature}; "
        f"wrote {args.out}"
    )


if __name__ == "__main__":
    main()
