"""PLOVER type given the actors: macro-F1, accuracy and the worst confusions on a PLV-style TSV."""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

from whimbrel.classification import classify_many, read_pairs_tsv
from whimbrel.config import Config

FOLD = {"CONCEDE": "YIELD", "RETREAT": "YIELD"}  # the PLV set folds both into YIELD


def scores(gold: list[str], pred: list[str]) -> dict[str, Any]:
    """Accuracy, macro-F1 over the gold labels, per-label F1 and the most frequent confusions."""
    labels = sorted(set(gold))
    f1: dict[str, float] = {}
    for lab in labels:
        tp = sum(g == lab and p == lab for g, p in zip(gold, pred, strict=True))
        fp = sum(g != lab and p == lab for g, p in zip(gold, pred, strict=True))
        fn = sum(g == lab and p != lab for g, p in zip(gold, pred, strict=True))
        prec = tp / (tp + fp) if tp + fp else 0.0
        rec = tp / (tp + fn) if tp + fn else 0.0
        f1[lab] = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
    confusions = Counter((g, p) for g, p in zip(gold, pred, strict=True) if g != p)
    return {
        "n": len(gold),
        "accuracy": round(sum(g == p for g, p in zip(gold, pred, strict=True)) / max(1, len(gold)), 3),
        "macro_f1": round(sum(f1.values()) / max(1, len(f1)), 3),
        "f1": {k: round(v, 3) for k, v in f1.items()},
        "worst_confusions": [f"{g}->{p}: {n}" for (g, p), n in confusions.most_common(8)],
    }


def eval_plv(path: Path, config: Config | None = None) -> dict[str, Any]:
    """Classify every row of ``path`` (columns uid, sentence, source, target, gold_root) and score it."""
    import csv

    with path.open(encoding="utf-8", newline="") as handle:
        gold = {
            r["uid"]: r["gold_root"] for r in csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)
        }
    rows = list(read_pairs_tsv(path))
    # Every PLV pair interacts (the set has no "none" label), so the best type is always named.
    preds = classify_many((r for _, r in rows), config=config, interacting=True)
    pred = [FOLD.get(p.plover or "NONE", p.plover or "NONE") for p in preds]
    return scores([gold[uid] for uid, _ in rows], pred)
