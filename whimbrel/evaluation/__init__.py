"""Scoring the coder on the development sets in ``../shared/eval`` (``whimbrel eval``).

Measuring only: nothing here trains or tunes on those sets.  See docs/evaluation.md.
"""

from whimbrel.evaluation.articles import eval_articles
from whimbrel.evaluation.petr2 import eval_petr2
from whimbrel.evaluation.plv import eval_plv

__all__ = ["eval_articles", "eval_petr2", "eval_plv"]
