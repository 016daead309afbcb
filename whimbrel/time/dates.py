"""Calendar arithmetic used to turn a recognised expression into a ``(start, end)`` date range.

Pure functions over :class:`datetime.date`; nothing here looks at text.  Every "relative" helper takes the
publication date and a ``future`` flag: past-tense events look backwards from publication, planned ones
forwards.
"""

from __future__ import annotations

import calendar
from datetime import date, timedelta

Range = tuple[date, date]

# Meteorological seasons of the northern hemisphere, by first month; winter starts in December.
SEASON_MONTHS = (3, 6, 9, 12)


def month_range(year: int, month: int) -> Range:
    """The whole calendar month."""
    return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])


def year_range(year: int) -> Range:
    """The whole calendar year."""
    return date(year, 1, 1), date(year, 12, 31)


def shift_month(year: int, month: int, delta: int) -> tuple[int, int]:
    """``(year, month)`` moved by ``delta`` months."""
    index = year * 12 + (month - 1) + delta
    return index // 12, index % 12 + 1


def part_of_month(year: int, month: int, part: str) -> Range:
    """``early`` = days 1–10, ``mid`` = 11–20, ``late`` = 21–end; anything else the whole month."""
    first, last = month_range(year, month)
    if part == "early":
        return first, first.replace(day=10)
    if part == "mid":
        return first.replace(day=11), first.replace(day=20)
    if part == "late":
        return first.replace(day=21), last
    return first, last


def part_of_year(year: int, part: str) -> Range:
    """``early`` = Jan–Apr, ``mid`` = May–Aug, ``late`` = Sep–Dec; anything else the whole year."""
    months = {"early": (1, 4), "mid": (5, 8), "late": (9, 12)}.get(part, (1, 12))
    return month_range(year, months[0])[0], month_range(year, months[1])[1]


def decade_range(decade: int, part: str) -> Range:
    """``1990`` → the 1990s; ``early`` = years 0–3, ``mid`` = 4–6, ``late`` = 7–9."""
    first, last = {"early": (0, 3), "mid": (4, 6), "late": (7, 9)}.get(part, (0, 9))
    return date(decade + first, 1, 1), date(decade + last, 12, 31)


def season_range(year: int, start_month: int) -> Range:
    """The season starting in ``start_month`` of ``year`` (winter: December to the end of February)."""
    end_year, end_month = shift_month(year, start_month, 2)
    return date(year, start_month, 1), month_range(end_year, end_month)[1]


def named_season(year: int, start_month: int) -> Range:
    """ "The winter of 2014" is the winter whose January falls in 2014 (Dec 2013 – Feb 2014)."""
    return season_range(year - 1 if start_month == 12 else year, start_month)


def relative_season(published: date, start_month: int, step: int, future: bool) -> Range:
    """A season relative to publication.

    ``step`` -1 ("last summer"): the latest such season that ended before publication; +1 ("next summer"):
    the first that starts after it; 0 ("this summer", "in the summer"): for past events the latest that has
    started by publication, for planned ones the first that has not yet ended.
    """
    candidates = [season_range(published.year + k, start_month) for k in (-2, -1, 0, 1)]
    if step < 0:
        return [r for r in candidates if r[1] < published][-1]
    if step > 0:
        return [r for r in candidates if r[0] > published][0]
    if future:
        return [r for r in candidates if r[1] >= published][0]
    return [r for r in candidates if r[0] <= published][-1]


def relative_month(published: date, month: int, future: bool) -> Range:
    """A month named without a year: the latest one up to publication, or the next one for planned events."""
    year = published.year
    if future and month < published.month:
        year += 1
    elif not future and month > published.month:
        year -= 1
    return month_range(year, month)


def relative_day(published: date, month: int, day: int, future: bool) -> date | None:
    """A day named without a year ("Sept. 4"), nearest before (past) or after (future) publication."""
    year = published.year
    try:
        candidate = date(year, month, day)
        if future and candidate < published:
            candidate = date(year + 1, month, day)
        elif not future and candidate > published:
            candidate = date(year - 1, month, day)
    except ValueError:  # 29 February in a common year, 31 April ...
        return None
    return candidate


def relative_weekday(published: date, weekday: int, step: int, future: bool) -> date:
    """A weekday (Monday = 0) relative to publication.

    Plain ("on Monday"): for past events the latest such day on or before publication, for planned ones
    the first on or after it (a wire story of a Wednesday tells that day's plans as "on Wednesday";
    twentieth session).  ``step`` -1 ("last Monday") is always strictly before publication, +1 ("next
    Monday") strictly after.
    """
    back = (published.weekday() - weekday) % 7
    ahead = (weekday - published.weekday()) % 7
    if step < 0:
        return published - timedelta(days=back or 7)
    if step > 0:
        return published + timedelta(days=ahead or 7)
    if future:
        return published + timedelta(days=ahead)
    return published - timedelta(days=back)


def unit_range(published: date, unit: str, offset: int) -> Range:
    """The ``unit`` (day, week, weekend, month, year) that is ``offset`` units from publication's."""
    if unit == "day":
        day = published + timedelta(days=offset)
        return day, day
    if unit in ("week", "weekend"):
        monday = published - timedelta(days=published.weekday()) + timedelta(weeks=offset)
        if unit == "weekend":
            return monday + timedelta(days=5), monday + timedelta(days=6)
        return monday, monday + timedelta(days=6)
    if unit == "month":
        return month_range(*shift_month(published.year, published.month, offset))
    if unit == "year":
        return year_range(published.year + offset)
    raise ValueError(f"unknown unit {unit!r}")


def shift_range(span: Range, unit: str, amount: int) -> Range | None:
    """Move a range by ``amount`` units ("a month later" relative to another date in the sentence)."""
    if unit in ("day", "week"):
        delta = timedelta(days=amount * (7 if unit == "week" else 1))
        return span[0] + delta, span[1] + delta
    months = amount * (12 if unit == "year" else 1)
    if unit not in ("month", "year"):
        return None
    return _add_months(span[0], months), _add_months(span[1], months)


def _add_months(day: date, months: int) -> date:
    year, month = shift_month(day.year, day.month, months)
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))
