"""The event confidence model: how likely a coded event is to be right.

The coder's patterns give each event a reliability by rule (``docs/contract.md``); this package turns it,
with what else the event record tells (type, trigger, how its actors were found, how many events its
sentence gave), into a calibrated probability that a careful annotator codes the same event: the same
sentence, dyad and type.  It is a logistic regression trained on the team's own annotated articles
(``eval/team``) by ``python -m whimbrel.calibration.train``; ``docs/calibration.md`` tells how it was
measured.

>>> model = Calibrator.load()
>>> probabilities = model.probabilities(events)  # doctest: +SKIP
"""

from __future__ import annotations

from whimbrel.calibration.model import Calibrator

__all__ = ["Calibrator"]
