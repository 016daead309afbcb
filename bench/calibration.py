"""How well the event confidence ranks and calibrates on an annotated set (aggregate figures only).

    OMP_NUM_THREADS=1 .venv/bin/python bench/calibration.py SET_DIR     # SET_DIR holds articles/ and gold/

Codes every article with the rule-based confidence left in place (``Config(calibrate=False)``), labels each
event right or wrong with ``whimbrel.calibration.gold.labels`` and prints, for the rule-based confidence and
for the calibrated one (``Calibrator.probabilities`` of the same events): log-loss, Brier score, ranking AUC
and expected calibration error; then how many events and right events a floor would keep, and a five-bin
reliability table.  Only totals are printed, so it may be run on the held-out set.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import numpy as np

from whimbrel.calibration import Calibrator
from whimbrel.calibration.gold import labels
from whimbrel.calibration.train import scores
from whimbrel.config import Config
from whimbrel.pipeline import Coder
from whimbrel.readers import read_path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("set_dir", type=Path)
    args = parser.parse_args()
    coder, model = Coder.load(Config(calibrate=False)), Calibrator.load()
    right: list[bool] = []
    rule: list[float] = []
    calibrated: list[float] = []
    for gold_path in sorted((args.set_dir / "gold").glob("*.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        for article in read_path(args.set_dir / "articles" / f"{gold_path.stem}.md"):
            if isinstance(article, Exception):
                raise article
            events = coder.code(article)
            right += labels(events, gold["events"])
            rule += [e.confidence for e in events]
            calibrated += model.probabilities(events)
    y, p = np.array(right, dtype=float), np.array(calibrated)
    print(f"{len(y)} events, {int(y.sum())} right")
    print(f"rule-based: {scores(np.array(rule), y)}")
    print(f"calibrated: {scores(p, y)}")
    for floor in (0.1, 0.15, 0.2, 0.3):
        print(f"floor {floor}: keeps {int((p >= floor).sum())} events, {int(y[p >= floor].sum())} right")
    bins = np.minimum((p * 5).astype(int), 4)
    for b in range(5):
        inside = bins == b
        if inside.any():
            share = y[inside].mean()
            print(f"  {b / 5:.1f}-{(b + 1) / 5:.1f}: {int(inside.sum())} events, {share:.2f} right")


if __name__ == "__main__":
    main()
