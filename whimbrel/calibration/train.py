"""Build the event confidence model from the team's annotated articles.

    python -m whimbrel.calibration.train [--team eval/team] [--out whimbrel/calibration/model.json]

Codes every article of ``TEAM/articles`` with the rule-based confidence left in place, labels each event
right or wrong against ``TEAM/gold`` (``gold.py``), measures the model by five-fold cross-validation over
whole articles (log-loss, Brier score, ranking AUC and calibration error, against the rule-based
confidence read as a probability) and fits the shipped weights on every article.  Deterministic: the folds
are a hash of each article's name and the fit is Newton's method from zero weights.  The artifact records a
hash of the gold and article files, this package's feature and label code and the configuration, which
``tests/test_calibration.py`` checks; a change to the coder's rules moves the events the model sees
without changing that hash, so rebuild after a change of the coder too.
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

from whimbrel.calibration.features import article_features
from whimbrel.calibration.gold import labels
from whimbrel.calibration.model import ARTIFACT, Calibrator
from whimbrel.config import Config
from whimbrel.errors import WhimbrelError
from whimbrel.pipeline import Coder
from whimbrel.readers import read_path

CONFIG: dict[str, Any] = {"l2": 5.0, "min_count": 5, "folds": 5, "newton_steps": 30}
ROOT = Path(__file__).resolve().parents[2]
DEFAULT_TEAM = ROOT / "eval" / "team"
# the floors whose effect the build reports (Config.min_confidence is one of them)
FLOORS = (0.1, 0.15, 0.2, 0.25, 0.3)

Rows = list[tuple[str, list[str], bool, float]]  # (article, features, right, rule-based confidence)


def data_hash(team: Path) -> str:
    """Hash of the gold and article files, the feature and label code and the configuration."""
    digest = hashlib.sha256(json.dumps(CONFIG, sort_keys=True).encode())
    here = Path(__file__).resolve().parent
    paths = [here / "features.py", here / "gold.py"]
    paths += sorted((team / "gold").glob("*.json")) + sorted((team / "articles").glob("*.md"))
    for path in paths:
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def coded_rows(team: Path, coder: Coder) -> Rows:
    """Every coded event of the team's articles: its article, features, label and rule-based confidence."""
    golds = {
        p.stem: json.loads(p.read_text(encoding="utf-8")) for p in sorted((team / "gold").glob("*.json"))
    }
    if not golds:
        raise WhimbrelError(f"no gold files in {team / 'gold'}")
    articles = []
    for name in golds:
        for item in read_path(team / "articles" / f"{name}.md"):
            if isinstance(item, Exception):
                raise item
            articles.append((name, item))
    rows: Rows = []
    for (name, _), (_, events) in zip(articles, coder.code_many(a for _, a in articles), strict=True):
        right = labels(events, golds[name]["events"])
        for event, features, ok in zip(events, article_features(events), right, strict=True):
            rows.append((name, features, ok, event.confidence))
    return rows


def fit(rows: Rows) -> Calibrator:
    """L2-regularised logistic regression (Newton's method) over the features seen ``min_count`` times."""
    counts = Counter(f for _, features, _, _ in rows for f in set(features))
    vocab = sorted(f for f, c in counts.items() if c >= CONFIG["min_count"])
    index = {f: i + 1 for i, f in enumerate(vocab)}  # column 0 is the bias
    x = np.zeros((len(rows), len(vocab) + 1))
    x[:, 0] = 1.0
    for r, (_, features, _, _) in enumerate(rows):
        for f in features:
            if f in index:
                x[r, index[f]] = 1.0
    y = np.array([ok for _, _, ok, _ in rows], dtype=float)
    penalty = np.full(len(vocab) + 1, CONFIG["l2"])
    penalty[0] = 0.0
    w = np.zeros(len(vocab) + 1)
    for _ in range(CONFIG["newton_steps"]):
        p = 1.0 / (1.0 + np.exp(-(x @ w)))
        gradient = x.T @ (p - y) + penalty * w
        hessian = (x * (p * (1 - p))[:, None]).T @ x + np.diag(penalty + 1e-9)
        w -= np.linalg.solve(hessian, gradient)
    return Calibrator({f: float(w[index[f]]) for f in vocab}, float(w[0]))


def scores(p: np.ndarray, y: np.ndarray) -> dict[str, float]:
    """Log-loss, Brier score, ranking AUC and expected calibration error (ten equal-width bins)."""
    p = np.clip(p, 1e-6, 1 - 1e-6)
    order = np.argsort(-p, kind="stable")
    ranked = y[order]
    positives, negatives = ranked.sum(), len(y) - ranked.sum()
    auc = 1.0 - np.cumsum(1 - ranked)[ranked == 1].sum() / max(positives * negatives, 1)
    bins = np.minimum((p * 10).astype(int), 9)
    ece = sum(abs(p[bins == b].mean() - y[bins == b].mean()) * np.sum(bins == b) for b in np.unique(bins))
    return {
        "log_loss": round(float(-np.mean(y * np.log(p) + (1 - y) * np.log(1 - p))), 4),
        "brier": round(float(np.mean((p - y) ** 2)), 4),
        "auc": round(float(auc), 4),
        "ece": round(float(ece / len(y)), 4),
    }


def fold_of(name: str) -> int:
    return int(hashlib.md5(name.encode()).hexdigest()[:8], 16) % CONFIG["folds"]


def cross_validate(rows: Rows) -> dict[str, Any]:
    """Out-of-fold probabilities for every event (folds of whole articles) and what they measure."""
    predicted = np.zeros(len(rows))
    for k in range(CONFIG["folds"]):
        model = fit([row for row in rows if fold_of(row[0]) != k])
        for r, (name, features, _, _) in enumerate(rows):
            if fold_of(name) == k:
                predicted[r] = model.probability(features)
    y = np.array([ok for _, _, ok, _ in rows], dtype=float)
    rule = np.array([c for _, _, _, c in rows])
    bins = np.minimum((predicted * 10).astype(int), 9)
    return {
        "events": len(rows),
        "right": int(y.sum()),
        "rule_based": scores(rule, y),
        "model": scores(predicted, y),
        "reliability": [
            {
                "bin": f"{b / 10:.1f}-{(b + 1) / 10:.1f}",
                "events": int(np.sum(bins == b)),
                "right": round(float(y[bins == b].mean()), 3),
            }
            for b in range(10)
            if np.any(bins == b)
        ],  # fmt: skip
        "floors": [
            {
                "floor": f,
                "events_kept": int(np.sum(predicted >= f)),
                "right_kept": int(y[predicted >= f].sum()),
            }
            for f in FLOORS
        ],
    }


def build(team: Path = DEFAULT_TEAM) -> Calibrator:
    """Code, label, cross-validate and fit: the model with what was measured in its ``meta``."""
    rows = coded_rows(team, Coder.load(Config(calibrate=False)))
    measured = cross_validate(rows)
    model = fit(rows)
    meta = {"data_hash": data_hash(team), "config": CONFIG, "cross_validation": measured}
    return Calibrator(model.weights, model.bias, meta)


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--team", type=Path, default=DEFAULT_TEAM, help="folder with articles/ and gold/")
    parser.add_argument("--out", type=Path, default=Path(__file__).resolve().parent / ARTIFACT)
    args = parser.parse_args(argv)
    model = build(args.team)
    model.save(args.out)
    cv = model.meta["cross_validation"]
    print(f"{cv['events']} events, {cv['right']} right; cross-validated over articles:")
    print(f"  rule-based confidence: {cv['rule_based']}")
    print(f"  model:                 {cv['model']}")
    for row in cv["floors"]:
        print(f"  floor {row['floor']}: keeps {row['events_kept']} events, {row['right_kept']} right")
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
