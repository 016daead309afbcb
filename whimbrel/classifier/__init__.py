"""Learned PLOVER-type classifier for a (sentence, source, target) pair.

>>> clf = PairClassifier.load()
>>> sentence = "Police arrested dozens of protesters in Lagos on Monday."
>>> clf.predict([(sentence, (0, 6), (30, 40))])[0]["COERCE"] > 0.5  # doctest: +SKIP
"""

from __future__ import annotations

from whimbrel.classifier.model import LABELS, PairClassifier

__all__ = ["LABELS", "PairClassifier"]
