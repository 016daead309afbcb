"""Experiment: do all-MiniLM-L6-v2 sentence embeddings improve the PLOVER pair classifier?

    python training/encoder_experiment.py [--plv ../shared/eval/plv_dev.tsv] [--cache DIR] [--variants ...]

Deterministic.  Trains multinomial logistic regressions (balanced loss, L2, full-batch Adam from zero, like
``whimbrel.classifier.train``) on ``training/plover_pairs.tsv`` ONLY, over

* ``sparse``: the existing classifier's sparse features (text + parse), the baseline;
* ``+sent``: embedding of the sentence;
* ``+mark``: embedding of the sentence with the actors replaced by ``[SRC]`` / ``[TGT]``;
* ``+span``: embedding of the text from the first actor to the second, actors replaced likewise;

alone (``emb:...``) or concatenated with the sparse features (one joint model, no stacking).  Step 1: each
variant is trained on the team's training groups and scored on the held-out groups (the split of
``train.in_heldout``) for a small grid of the dense-weight L2 / scale; the best setting per variant is
chosen there.  Step 2: that setting is retrained on all rows and measured on the PLV file (CONCEDE/RETREAT
folded into YIELD, as ``whimbrel.classifier.evaluate`` does).  PLV is only measured: nothing is fitted or
selected on it, and none of its text is printed.
"""

from __future__ import annotations

import argparse
import hashlib
import sys
import time
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from whimbrel.classifier.encoder import SentenceEncoder
from whimbrel.classifier.evaluate import _FOLD, load_eval, scores
from whimbrel.classifier.features import Item, TriggerLexicon
from whimbrel.classifier.model import LABELS, item_features, softmax
from whimbrel.classifier.train import CONFIG, DEFAULT_DATA, build_vocab, in_heldout, load_pairs
from whimbrel.nlp import load_nlp

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_PLV = ROOT.parent / "shared" / "eval" / "plv_dev.tsv"
VIEWS = ("sent", "mark", "span")
VARIANTS: dict[str, tuple[bool, tuple[str, ...]]] = {
    "sparse (baseline)": (True, ()),
    "emb:sent": (False, ("sent",)),
    "emb:mark": (False, ("mark",)),
    "emb:mark+span": (False, ("mark", "span")),
    "sparse+sent": (True, ("sent",)),
    "sparse+mark": (True, ("mark",)),
    "sparse+span": (True, ("span",)),
    "sparse+mark+span": (True, ("mark", "span")),
    "sparse+sent+mark+span": (True, ("sent", "mark", "span")),
}
# (L2 on dense weights, dense scale): the scale makes a unit-norm 384-d vector comparable in magnitude to a
# handful of binary features; picked per variant on the team's held-out groups only
GRID = [(l2, scale) for l2 in (3e-4, 3e-3) for scale in (4.0, 8.0, 16.0)]


def view_text(item: Item, view: str) -> str:
    """The text embedded for one view of an item: the sentence, the sentence with the actors replaced by
    [SRC]/[TGT], or the marked span from the first actor to the second."""
    sentence, source, target = item
    if view == "sent":
        return sentence
    (a0, a1, first), (b0, b1, second) = sorted([(*source, "[SRC]"), (*target, "[TGT]")])
    middle = sentence[a1:b0] if b0 >= a1 else " "  # overlapping spans: nothing between them
    if view == "span":
        return f"{first}{middle}{second}"
    return f"{sentence[:a0]}{first}{middle}{second}{sentence[max(b1, a1) :]}"


def embed(encoder: SentenceEncoder, texts: list[str], cache: Path) -> np.ndarray:
    """Embeddings of ``texts`` (deduplicated, cached on disk by content hash)."""
    unique = sorted(set(texts))
    key = hashlib.sha256("\x00".join(unique).encode()).hexdigest()[:16]
    path = cache / f"emb-{key}.npy"
    if path.exists():
        table = np.load(path)
    else:
        start = time.perf_counter()
        table = encoder.encode(unique, batch_size=32)
        print(f"  encoded {len(unique)} texts in {time.perf_counter() - start:.0f}s", file=sys.stderr)
        cache.mkdir(parents=True, exist_ok=True)
        np.save(path, table)
    index = {t: i for i, t in enumerate(unique)}
    return table[[index[t] for t in texts]]


def fit_joint(
    rows: list[list[int]], dense: np.ndarray, y: np.ndarray, n_sparse: int, l2_dense: float
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Balanced multinomial LR over sparse binary rows plus dense columns, full-batch Adam from zero."""
    k = len(LABELS)
    rows = [r if r else [0] for r in rows]
    lengths = np.array([len(r) for r in rows])
    cols = np.concatenate([np.asarray(r, dtype=np.int64) for r in rows])
    offsets = np.concatenate([[0], np.cumsum(lengths)[:-1]])
    row_of = np.repeat(np.arange(len(rows)), lengths)
    order = np.argsort(cols, kind="stable")
    used, starts = np.unique(cols[order], return_index=True)
    by_feature = row_of[order]
    onehot = np.eye(k, dtype=np.float32)[y]
    counts = np.bincount(y, minlength=k).astype(np.float32)
    per_class = np.where(counts > 0, len(y) / (np.count_nonzero(counts) * np.maximum(counts, 1)), 0.0)
    row_weight = per_class[y].astype(np.float32)[:, None] / len(rows)
    w = np.zeros((max(n_sparse, 1), k), dtype=np.float32)
    d = np.zeros((dense.shape[1], k), dtype=np.float32)
    b = np.zeros(k, dtype=np.float32)
    params = [w, d, b]
    moments = [(np.zeros_like(p), np.zeros_like(p)) for p in params]
    lr, beta1, beta2, eps = CONFIG["learning_rate"], 0.9, 0.999, 1e-8
    for step in range(1, CONFIG["steps"] + 1):
        logits = dense @ d + b
        if n_sparse:
            logits += np.add.reduceat(w[cols], offsets, axis=0)
        err = (softmax(logits) - onehot) * row_weight
        gw = np.zeros_like(w)
        if n_sparse:
            gw[used] = np.add.reduceat(err[by_feature], starts, axis=0)
        grads = [gw + CONFIG["l2"] * w, dense.T @ err + l2_dense * d, err.sum(axis=0)]
        for g, (m, v), p in zip(grads, moments, params, strict=True):
            m *= beta1
            m += (1 - beta1) * g
            v *= beta2
            v += (1 - beta2) * g * g
            p -= lr * (m / (1 - beta1**step)) / (np.sqrt(v / (1 - beta2**step)) + eps)
    return w, d, b


def predict(
    w: np.ndarray, d: np.ndarray, b: np.ndarray, rows: list[list[int]], dense: np.ndarray
) -> np.ndarray:
    """Scores per row, (len(rows), len(LABELS))."""
    logits = dense @ d + b
    for r, row in enumerate(rows):
        if row:
            logits[r] += w[row].sum(axis=0)
    return logits


def decide(logits: np.ndarray, fold: bool, allowed: set[str] | None = None) -> list[str]:
    """Most probable label per row, among ``allowed`` labels if given; with ``fold`` (PLV), CONCEDE and
    RETREAT count as YIELD (the team's own labels are not folded)."""
    names = [_FOLD.get(label, label) if fold else label for label in LABELS]
    keep = np.array([allowed is None or name in allowed for name in names])
    return [names[i] for i in np.where(keep, logits, -np.inf).argmax(axis=1)]


class Data:
    """Features of one set of items: sparse feature strings and one embedding matrix per view."""

    def __init__(self, items: list[Item], encoder: SentenceEncoder, cache: Path) -> None:
        lexicon = TriggerLexicon.load()
        docs = load_nlp().pipe((i[0] for i in items), batch_size=256)
        self.features = [item_features(i, lexicon, doc) for i, doc in zip(items, docs, strict=True)]
        self.views = {v: embed(encoder, [view_text(i, v) for i in items], cache) for v in VIEWS}

    def dense(self, views: Sequence[str], scale: float, mask: np.ndarray | None = None) -> np.ndarray:
        """Concatenated, scaled embeddings of ``views`` (rows selected by ``mask``)."""
        parts = [self.views[v] if mask is None else self.views[v][mask] for v in views]
        n = len(self.features) if mask is None else int(mask.sum())
        return np.concatenate(parts, axis=1) * scale if parts else np.zeros((n, 0), dtype=np.float32)


def run_variant(
    train: Data,
    y: np.ndarray,
    fit_mask: np.ndarray,
    test: Data,
    test_mask: np.ndarray | None,
    variant: tuple[bool, tuple[str, ...]],
    l2: float,
    scale: float,
) -> np.ndarray:
    """Fit on ``train`` rows in ``fit_mask`` and predict ``test`` rows in ``test_mask``."""
    use_sparse, views = variant
    fit_feats = [f for f, m in zip(train.features, fit_mask, strict=True) if m]
    vocab = build_vocab(fit_feats) if use_sparse else {}
    test_feats = (
        test.features
        if test_mask is None
        else [f for f, m in zip(test.features, test_mask, strict=True) if m]
    )
    rows = [sorted({vocab[x] for x in f if x in vocab}) for f in fit_feats]
    w, d, b = fit_joint(rows, train.dense(views, scale, fit_mask), y[fit_mask], len(vocab), l2)
    test_rows = [sorted({vocab[x] for x in f if x in vocab}) for f in test_feats]
    return predict(w, d, b, test_rows, test.dense(views, scale, test_mask))


def main(argv: Sequence[str] | None = None) -> None:
    """Run every variant: grid on the team's held-out groups, then retrain on all rows and measure PLV."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--plv", type=Path, default=DEFAULT_PLV)
    parser.add_argument("--cache", type=Path, default=Path("/tmp/whimbrel-encoder-cache"))
    parser.add_argument("--variants", nargs="+", choices=list(VARIANTS), default=list(VARIANTS))
    args = parser.parse_args(argv)
    encoder = SentenceEncoder.load()
    items, labels, groups = load_pairs(DEFAULT_DATA)
    y = np.array([LABELS.index(label) for label in labels])
    held = np.array([in_heldout(g) for g in groups])
    plv_items, plv_gold = load_eval(args.plv)
    plv_gold = [_FOLD.get(g, g) for g in plv_gold]
    train, plv = Data(items, encoder, args.cache), Data(plv_items, encoder, args.cache)
    every = np.ones(len(items), dtype=bool)
    gold_held = [labels[i] for i in np.flatnonzero(held)]
    print(f"{len(items)} training pairs ({held.sum()} held out), {len(plv_items)} PLV pairs")
    print(
        f"{'variant':<24} {'l2':>7} {'scale':>5} | held-out acc  F1 | PLV acc  F1 "
        "| PLV restricted acc F1 | PLV NONE rate"
    )
    for name in args.variants:
        variant = VARIANTS[name]
        grid = GRID if variant[1] else [(0.0, 0.0)]
        results = [
            (
                scores(
                    gold_held, decide(run_variant(train, y, ~held, train, held, variant, l2, s), fold=False)
                ),
                l2,
                s,
            )
            for l2, s in grid
        ]
        (h_acc, h_f1), l2, scale = max(results, key=lambda r: (r[0][1], r[0][0]))
        logits = run_variant(train, y, every, plv, None, variant, l2, scale)
        pred = decide(logits, fold=True)
        acc, f1 = scores(plv_gold, pred)
        r_acc, r_f1 = scores(plv_gold, decide(logits, True, set(plv_gold)))
        none_rate = sum(p == "NONE" for p in pred) / len(pred)
        print(
            f"{name:<24} {l2:>7g} {scale:>5g} | {h_acc:.3f} {h_f1:.3f} | {acc:.3f} {f1:.3f} "
            f"| {r_acc:.3f} {r_f1:.3f} | NONE {none_rate:.3f}"
        )
        sys.stdout.flush()


if __name__ == "__main__":
    main()
