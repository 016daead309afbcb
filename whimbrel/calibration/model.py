"""The trained confidence model: a logistic regression over the features of ``features.py``."""

from __future__ import annotations

import json
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from whimbrel.calibration.features import article_features
from whimbrel.data import packaged
from whimbrel.errors import WhimbrelError
from whimbrel.records import Event

ARTIFACT = "model.json"


@dataclass(frozen=True)
class Calibrator:
    """Feature weights and a bias; ``meta`` holds what the build recorded (data hash, measured figures)."""

    weights: Mapping[str, float]
    bias: float
    meta: Mapping[str, Any] = field(default_factory=dict)

    @classmethod
    def load(cls, path: Path | None = None) -> Calibrator:
        """Load a built model (the packaged one by default); WhimbrelError if it is missing or unreadable."""
        path = Path(path) if path is not None else packaged("whimbrel.calibration", ARTIFACT)
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            weights = {str(f): float(w) for f, w in data["weights"].items()}
            bias = float(data["bias"])
        except (OSError, ValueError, KeyError, AttributeError, TypeError) as exc:
            raise WhimbrelError(
                f"cannot load confidence model {path}: {exc}; "
                "rebuild it with `python -m whimbrel.calibration.train`"
            ) from exc
        meta = {k: v for k, v in data.items() if k not in {"weights", "bias"}}
        return cls(weights, bias, meta)

    def save(self, path: Path) -> None:
        """Write the model as JSON (features sorted, weights rounded: the file is deterministic)."""
        data = {
            **self.meta,
            "bias": round(self.bias, 6),
            "weights": {f: round(w, 6) for f, w in sorted(self.weights.items())},
        }
        path.write_text(json.dumps(data, indent=1, sort_keys=True) + "\n", encoding="utf-8")

    def probability(self, features: Sequence[str]) -> float:
        """The probability that an event with these features is right."""
        weights = self.weights
        score = self.bias + sum([weights.get(f, 0.0) for f in set(features)])
        return 1.0 / (1.0 + math.exp(-score))

    def probabilities(self, events: Sequence[Event]) -> list[float]:
        """For each of one article's events (the coder's rule-based confidence still in place), the
        probability that it is right."""
        return [self.probability(f) for f in article_features(events)]
