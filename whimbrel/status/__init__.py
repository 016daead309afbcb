"""Event status (occurred, planned, hypothetical, negated, alleged) and attribution.

>>> # result = resolve_status(trigger_token)  ->  StatusResult(status, cue, attribution)
"""

from whimbrel.status.cues import KINDS, StatusCues, default_cues
from whimbrel.status.resolve import MAX_DEPTH, StatusResult, planned_object, resolve_status

__all__ = [
    "KINDS",
    "MAX_DEPTH",
    "StatusCues",
    "StatusResult",
    "default_cues",
    "planned_object",
    "resolve_status",
]
