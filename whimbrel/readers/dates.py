"""Publication dates: parse a metadata value or a stand-alone date line with python-dateutil.

Only full dates (year, month and day) are accepted: "2016" or "September 2016" are too vague to date an
article, so they count as missing.  Parsing is cached per string because feeds repeat the same values.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from functools import lru_cache

from dateutil import parser as dateparser

# Values that mean "no date" in header blocks and feeds.
_MISSING = frozenset({"", "unknown", "none", "null", "n/a", "na", "-", "?"})

# Two different defaults: a field dateutil filled from the default differs between them, so we can tell
# whether the string itself named the day and the month.
_DEFAULT_A = datetime(1904, 1, 1)
_DEFAULT_B = datetime(1905, 2, 2)

_ISO = re.compile(r"(\d{4})-(\d{2})-(\d{2})(?:$|[T ])")
_MONTH_DOT = re.compile(r"\b([A-Za-z]{3,5})\.")
_YEAR_RANGE = range(1800, 2200)


@lru_cache(maxsize=4096)
def parse_date(value: str | None) -> date | None:
    """Parse a publication date ("2016-09-02", "September 02, 2016", "Feb. 9, 2015 10:32 AM ET").

    Returns None for missing markers ("unknown", "", "n/a"), for partial dates and for anything dateutil
    cannot read; never raises.
    """
    if value is None:
        return None
    text = value.strip()
    if text.lower() in _MISSING or len(text) > 100:
        return None
    iso = _ISO.match(text)
    if iso:
        try:
            return date(int(iso[1]), int(iso[2]), int(iso[3]))
        except ValueError:
            return None
    # dateutil reads "Feb" but not always "Feb." or "Sept.": drop the abbreviation dot.
    text = _MONTH_DOT.sub(r"\1", text)
    try:
        first = dateparser.parse(text, default=_DEFAULT_A, ignoretz=True)
        second = dateparser.parse(text, default=_DEFAULT_B, ignoretz=True)
    except (ValueError, OverflowError, TypeError):
        return None
    if (first.year, first.month, first.day) != (second.year, second.month, second.day):
        return None  # the string lacks the year, the month or the day
    if first.year not in _YEAR_RANGE:
        return None
    return first.date()
