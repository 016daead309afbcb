"""Event dates: time expressions found in a sentence, attached to the parse, resolved against publication.

>>> # for event in events: event_date = resolve_date(trigger_token, article.published)

``find_time_expressions(sent, published)`` lists the expressions of a sentence; ``resolve_date(trigger,
published)`` picks the one that governs the trigger's clause (see ``docs/time.md``).
"""

from datetime import date, timedelta

from spacy.tokens import Span

from whimbrel.time.attach import resolve_date
from whimbrel.time.expressions import TimeExpr, find_time_expressions, is_future
from whimbrel.time.lexicon import TimeLexicon, default_lexicon

__all__ = [
    "TimeExpr",
    "TimeLexicon",
    "dateline_date",
    "default_lexicon",
    "find_time_expressions",
    "is_future",
    "resolve_date",
]

DATELINE_REACH = timedelta(days=7)  # a dateline's day is the writing day only this close before publication


def dateline_date(sent: Span, published: date | None) -> date | None:
    """The day a dateline names ("KYIV, July 8 (Reuters) -"), when it is one day no later than ``published``
    and at most a week before it: the day the story was written, against which "on Monday" is read."""
    if published is None:
        return None
    for expr in find_time_expressions(sent, published):
        day = expr.start
        if day is not None and day == expr.end and published - DATELINE_REACH <= day <= published:
            return day
    return None
