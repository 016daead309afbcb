"""Measure the pair classifier on a labelled TSV file.

    python -m whimbrel.classifier.evaluate PATH.tsv [--model model.json] [--text-only]

Accepts either the PLV layout (``marked_sentence`` with ``<s>source</s>`` and ``<t>target</t>``, label in
``gold_root``) or the training layout (``sentence source target label``).  CONCEDE and RETREAT are folded
into YIELD on both sides when the file uses YIELD.  Prints accuracy and macro-F1 twice: taking the most
probable of all 17 outputs (NONE counts as a miss), and restricted to the labels present in the file (what
a caller that already knows there is an event would do), then the most frequent confusions.
"""

from __future__ import annotations

import argparse
import re
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

from whimbrel.classifier.features import Item
from whimbrel.classifier.model import PairClassifier
from whimbrel.classifier.train import load_pairs
from whimbrel.data import read_tsv
from whimbrel.nlp import load_nlp

_MARK = re.compile(r"</?[st]>")
_FOLD = {"CONCEDE": "YIELD", "RETREAT": "YIELD"}


def unmark(marked: str) -> Item:
    """Strip ``<s>``/``<t>`` marks, returning the sentence and the two char spans."""
    spans: dict[str, list[int]] = {"s": [], "t": []}
    out: list[str] = []
    pos = removed = 0
    for match in _MARK.finditer(marked):
        out.append(marked[pos : match.start()])
        spans[match.group().strip("</>")].append(match.start() - removed)
        removed += len(match.group())
        pos = match.end()
    out.append(marked[pos:])
    s, t = spans["s"], spans["t"]
    if len(s) != 2 or len(t) != 2:
        raise ValueError(f"expected one <s> and one <t> span in {marked[:60]!r}")
    return "".join(out), (s[0], s[1]), (t[0], t[1])


def _item(row: dict[str, str]) -> Item:
    """The item of a PLV row: from the marks, else (marks unbalanced) by finding the actor strings."""
    try:
        return unmark(row["marked_sentence"])
    except ValueError:
        sentence = row["sentence"] or _MARK.sub("", row["marked_sentence"])
        s, t = max(sentence.find(row["source"]), 0), max(sentence.find(row["target"]), 0)
        return sentence, (s, s + len(row["source"])), (t, t + len(row["target"]))


def load_eval(path: Path) -> tuple[list[Item], list[str]]:
    """Items and gold labels from a PLV-layout or training-layout file."""
    header = next(line for line in path.read_text(encoding="utf-8").splitlines() if not line.startswith("#"))
    if "marked_sentence" in header.split("\t"):
        rows = [
            row
            for _, row in read_tsv(path, ["marked_sentence", "gold_root"], ["sentence", "source", "target"])
        ]
        return [_item(r) for r in rows], [r["gold_root"] for r in rows]
    items, labels, _ = load_pairs([path])
    return items, labels


def scores(gold: Sequence[str], pred: Sequence[str]) -> tuple[float, float]:
    """(accuracy, macro-F1 over the gold labels)."""
    accuracy = sum(g == p for g, p in zip(gold, pred, strict=True)) / len(gold)
    f1s = []
    for label in sorted(set(gold)):
        tp = sum(g == p == label for g, p in zip(gold, pred, strict=True))
        fp = sum(p == label != g for g, p in zip(gold, pred, strict=True))
        fn = sum(g == label != p for g, p in zip(gold, pred, strict=True))
        f1s.append(2 * tp / (2 * tp + fp + fn) if tp else 0.0)
    return accuracy, sum(f1s) / len(f1s)


def decide(probs: list[dict[str, float]], fold: bool, allowed: set[str] | None) -> list[str]:
    """Most probable label per item, after optional YIELD folding, among ``allowed`` labels if given."""
    out = []
    for p in probs:
        merged: dict[str, float] = {}
        for label, value in p.items():
            key = _FOLD.get(label, label) if fold else label
            merged[key] = merged.get(key, 0.0) + value
        candidates = {k: v for k, v in merged.items() if allowed is None or k in allowed}
        out.append(max(candidates, key=candidates.__getitem__))
    return out


def main(argv: Sequence[str] | None = None) -> None:
    """Command line entry point."""
    parser = argparse.ArgumentParser(description="Evaluate the PLOVER pair classifier on a TSV file.")
    parser.add_argument("path", type=Path)
    parser.add_argument("--model", type=Path, default=None)
    parser.add_argument("--text-only", action="store_true", help="do not parse: text features only")
    args = parser.parse_args(argv)
    items, gold = load_eval(args.path)
    fold = "YIELD" in gold
    gold = [_FOLD.get(g, g) if fold else g for g in gold]
    docs = None if args.text_only else list(load_nlp().pipe((i[0] for i in items), batch_size=256))
    probs = PairClassifier.load(args.model).predict(items, docs)
    print(f"{len(items)} pairs from {args.path}")
    for name, allowed in (("all outputs", None), ("restricted to gold labels", set(gold))):
        pred = decide(probs, fold, allowed)
        accuracy, macro = scores(gold, pred)
        print(f"{name:>26}: accuracy {accuracy:.3f}  macro-F1 {macro:.3f}")
    pred = decide(probs, fold, None)
    print("worst confusions (gold -> predicted: count):")
    for (g, p), n in Counter((g, p) for g, p in zip(gold, pred, strict=True) if g != p).most_common(12):
        print(f"  {g:>10} -> {p:<10} {n}")


if __name__ == "__main__":
    main()
