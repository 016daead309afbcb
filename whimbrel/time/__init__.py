"""Event dates: time expressions found in a sentence, attached to the parse, resolved against publication.

>>> # for event in events: event_date = resolve_date(trigger_token, article.published)

``find_time_expressions(sent, published)`` lists the expressions of a sentence; ``resolve_date(trigger,
published)`` picks the one that governs the trigger's clause (see ``docs/time.md``).
"""

from whimbrel.time.attach import resolve_date
from whimbrel.time.expressions import TimeExpr, find_time_expressions, is_future
from whimbrel.time.lexicon import TimeLexicon, default_lexicon

__all__ = ["TimeExpr", "TimeLexicon", "default_lexicon", "find_time_expressions", "is_future", "resolve_date"]
