"""Finding time expressions in a sentence, attaching them to the parse and resolving them to dates.

Each sentence's text is scanned once with the lexicon's precompiled patterns (one per expression kind);
overlapping matches keep the longest.  A match is then attached to the token it modifies in the dependency
parse (its *anchor*), the anchor's clause gives the tense (planned events look forward from publication),
and the match is resolved to a ``(start, end)`` range.  Results are cached in ``doc.user_data`` per
sentence, so resolving many triggers of one sentence scans it once.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from spacy.tokens import Span, Token

from whimbrel.time import dates
from whimbrel.time.lexicon import TimeLexicon, default_lexicon

Resolved = tuple[date | None, date | None]
UNRESOLVED: Resolved = (None, None)
NUMERIC_ENTS = frozenset({"CARDINAL", "MONEY", "QUANTITY", "PERCENT", "ORDINAL"})
STRONG_YEAR_PREPS = frozenset(
    {"in", "since", "during", "by", "until", "till", "before", "after", "from", "through", "throughout"}
)
WEAK_MAY_PREPS = frozenset({"to", "and", "or", "of"})  # "spoke to May", "Johnson and May": the politician
PAST_REL = frozenset({"last", "past"})
NEXT_REL = frozenset({"next", "coming"})
BACKWARD = frozenset({"earlier", "before", "previous", "preceding"})
# resolved against another date
DEFERRED = frozenset({"later", "next_unit", "unit_before", "same", "that_year"})
CACHE_KEY = "whimbrel.time"


@dataclass(frozen=True)
class TimeExpr:
    """A time expression: Doc-relative character span, its text, the resolved range and the anchor.

    ``start``/``end`` are None when the expression is relative and cannot be resolved (no publication
    date, or "a month later" with no other date in the sentence).  ``anchor`` is the Doc index of the
    token the expression modifies in the parse.
    """

    start_char: int
    end_char: int
    text: str
    start: date | None
    end: date | None
    anchor: int


@dataclass(frozen=True)
class _Candidate:
    kind: str
    match: re.Match[str]
    start: int  # Doc-relative characters of the expression proper (without a leading preposition)
    end: int
    rank: int  # position of the kind in the lexicon: ties in length go to the more specific kind


def find_time_expressions(
    sent: Span, published: date | None, *, lexicon: TimeLexicon | None = None
) -> list[TimeExpr]:
    """All time expressions of ``sent`` in text order, resolved against ``published``.

    Cached per (sentence, publication date) in the Doc's ``user_data``; pass ``lexicon`` to use a
    lexicon extended with user files (default: the packaged one).
    """
    lex = lexicon or default_lexicon()
    key = f"{CACHE_KEY}:{sent.start}:{sent.end}:{published}:{id(lex)}"
    cached = sent.doc.user_data.get(key)
    if cached is None:
        cached = tuple(_find(sent, published, lex))
        sent.doc.user_data[key] = cached
    return list(cached)


def _find(sent: Span, published: date | None, lex: TimeLexicon) -> list[TimeExpr]:
    text, offset = sent.text, sent.start_char
    if not lex.gate.search(text):
        return []
    candidates: list[_Candidate] = []
    present: dict[int, bool] = {}  # id of a kind's needed-word pattern -> found in the sentence
    for rank, (kind, pattern) in enumerate(lex.patterns.items()):
        need = lex.needs.get(kind)
        if need is not None:
            has = present.get(id(need))
            if has is None:
                has = present[id(need)] = need.search(text) is not None
            if not has:
                continue
        for match in pattern.finditer(text):
            pre = match.group("pre") if "pre" in pattern.groupindex else None
            start = match.end("pre") if pre else match.start()
            candidate = _Candidate(kind, match, offset + start, offset + match.end(), rank)
            if _plausible(candidate, sent, lex):
                candidates.append(candidate)
    chosen = _non_overlapping(candidates)
    spans = [(c.start, c.end) for c in chosen]
    found: list[tuple[_Candidate, int, Resolved]] = []
    for cand in chosen:
        anchor = _anchor(sent, cand, spans, lex)
        future = is_future(sent.doc[anchor], lex)
        resolved = UNRESOLVED if cand.kind in DEFERRED else _resolve(cand, published, future, lex)
        if resolved is not None:  # None: not a real date after all ("Feb. 30")
            found.append((cand, anchor, _since(text[: cand.start - offset], resolved, published)))
    found = _resolve_deferred(found, lex)
    return [
        TimeExpr(c.start, c.end, text[c.start - offset : c.end - offset], r[0], r[1], anchor)
        for c, anchor, r in found
    ]


def _non_overlapping(candidates: list[_Candidate]) -> list[_Candidate]:
    """Keep the longest match wherever matches overlap (ties: the earlier, more specific kind)."""
    ordered = sorted(candidates, key=lambda c: (c.start - c.end, c.rank, c.start))
    taken: list[_Candidate] = []
    for cand in ordered:
        if all(cand.end <= t.start or cand.start >= t.end for t in taken):
            taken.append(cand)
    return sorted(taken, key=lambda c: c.start)


def _tokens(sent: Span, start: int, end: int) -> Span | None:
    return sent.doc.char_span(start, end, alignment_mode="expand")


def _plausible(cand: _Candidate, sent: Span, lex: TimeLexicon) -> bool:
    """Context checks that need the parse: bare years, month names alone, seasons, year ranges."""
    m, kind = cand.match, cand.kind
    pre = (m.group("pre") or "").strip().lower() if "pre" in m.re.groupindex else ""
    if kind == "year":
        return _plausible_year(cand, sent, pre)
    if kind == "month":
        return not (m.group("month").lower() == "may" and pre in WEAK_MAY_PREPS)
    if kind == "season":
        rel = (m.group("rel") or "").strip().lower()
        return bool(pre) if rel in ("", "the") else True
    if kind == "year_range":
        return m.group("sep") in ("-", "–") or bool(pre)
    return True


def _plausible_year(cand: _Candidate, sent: Span, pre: str) -> bool:
    """A bare four-digit number is a year only in a date context (DATE entity or a temporal preposition)."""
    span = _tokens(sent, cand.match.start("year") + sent.start_char, cand.match.end("year") + sent.start_char)
    if span is None:
        return False
    token = span.root
    if token.head.i != token.i and token.head.ent_type_ in ("FAC", "LOC"):
        return False  # a street number: "2015 Main Street"
    if token.ent_type_ in ("DATE", "TIME", "EVENT"):
        return True
    if token.ent_type_ in NUMERIC_ENTS or (token.dep_ == "nummod" and token.head.tag_ in ("NNS", "NNPS")):
        return False  # "in 2000 protests": a count, not a year
    return pre in STRONG_YEAR_PREPS or bool(_group(cand.match, "part"))


def _anchor(sent: Span, cand: _Candidate, spans: list[tuple[int, int]], lex: TimeLexicon) -> int:
    """The token the expression modifies: climb from its root through prepositions and other date words."""
    span = _tokens(sent, cand.start, cand.end)
    if span is None:
        return sent.root.i
    token = span.root
    for _ in range(10):
        head = token.head
        if token.dep_ == "ROOT" or head.i == token.i:
            return token.i
        inside = any(s <= head.idx < e for s, e in spans)
        if inside or head.pos_ == "ADP" or head.dep_ == "prep" or head.lower_ in lex.time_nouns:
            token = head
            continue
        return _reported_at(head, span, lex).i
    return token.i


def _reported_at(verb: Token, span: Span, lex: TimeLexicon) -> Token:
    """The reporting verb a time expression the parser hung on a reported clause really modifies: "Russia
    said on Monday it would withdraw" (between "said" and the clause's subject) is when it was said."""
    teller = verb.head
    if verb.dep_ != "ccomp" or teller.i >= span.start or teller.pos_ not in ("VERB", "AUX"):
        return verb
    if teller.lemma_.lower() not in lex.reporting:
        return verb
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass", "expl")), None)
    if (
        subject is None
        or subject.left_edge.i < span.end
        or any(c.dep_ == "mark" and c.i < span.start for c in verb.children)
    ):
        return verb  # ("said that on Monday troops would …": the clause's own time)
    return teller


def clause_verb(token: Token) -> Token:
    """The verb (or auxiliary) heading the clause ``token`` belongs to; the token itself if none."""
    current = token
    for _ in range(12):
        if current.pos_ in ("VERB", "AUX"):
            return current
        if current.dep_ == "ROOT" or current.head.i == current.i:
            break
        current = current.head
    return token


def is_future(token: Token, lex: TimeLexicon | None = None) -> bool:
    """Whether the event at ``token`` is planned: will/shall/'ll, "plans to", "scheduled for", "upcoming"."""
    lex = lex or default_lexicon()
    if any(c.lower_ in lex.future_modifier for c in token.children if c.dep_ in ("amod", "compound")):
        return True
    verb = clause_verb(token)
    if _present_progressive(verb):
        return True  # "is travelling to Beijing on Thursday": the Thursday to come
    for _ in range(4):
        if verb.lower_ in lex.future_aux or any(
            c.lower_ in lex.future_aux for c in verb.children if c.dep_ in ("aux", "auxpass")
        ):
            return True
        if verb.tag_ == "VBN" and verb.lemma_ in lex.future_head:  # "scheduled for Monday"
            return True
        if any(  # "On Wednesday, Zelensky is due to meet …", "is due in Kyiv on Wednesday": its date
            c.dep_ == "acomp"
            and c.lower_ in lex.future_head
            and any(g.dep_ in ("xcomp", "prep") for g in c.children)
            for c in verb.children
        ):
            return True
        head = verb.head
        if verb.dep_ in ("xcomp", "advcl", "ccomp") and (
            head.lemma_ in lex.future_head or head.lower_ in lex.future_head
        ):
            return True
        if verb.dep_ not in ("xcomp", "conj") or head.i == verb.i:
            break
        verb = head
    return False


_PRESENT_BE = frozenset({"is", "are", "am", "'s", "'re", "’s", "’re"})


def _present_progressive(verb: Token) -> bool:
    """A verb in the present progressive ("is visiting", "are meeting"), whose own day lies ahead: what
    has happened is told in the past tense."""
    return verb.tag_ == "VBG" and any(c.dep_ == "aux" and c.lower_ in _PRESENT_BE for c in verb.children)


# "the beginning of March" is "early March" (docs/time.md).
PART_NOUNS = {"beginning": "early", "start": "early", "middle": "mid", "end": "late"}


def _group(m: re.Match[str], name: str) -> str:
    value = m.group(name) if name in m.re.groupindex else None
    if name == "part" and not value and "part_noun" in m.re.groupindex and m.group("part_noun"):
        return PART_NOUNS[m.group("part_noun").lower()]
    return (value or "").strip().lower()


def _resolve(cand: _Candidate, published: date | None, future: bool, lex: TimeLexicon) -> Resolved | None:
    """The range of one match; UNRESOLVED for relative ones without a publication date, None if invalid."""
    m, kind = cand.match, cand.kind
    try:
        if kind in ("iso", "mdy", "dmy"):
            return _day(m, published, future, lex)
        if kind == "month_year":
            month = lex.months[_group(m, "month").rstrip(".")]
            return dates.part_of_month(int(m.group("year")), month, _group(m, "part"))
        if kind == "season_year":
            return dates.named_season(int(m.group("year")), lex.seasons[_group(m, "season")])
        if kind == "decade":
            return _decade(m)
        if kind == "year_range":
            return _year_range(m)
        if kind == "year":
            return dates.part_of_year(int(m.group("year")), _group(m, "part"))
    except (ValueError, KeyError):
        return None
    if published is None:
        return UNRESOLVED
    return _relative(m, kind, published, future, lex)


def _relative(
    m: re.Match[str], kind: str, published: date, future: bool, lex: TimeLexicon
) -> Resolved | None:
    """Expressions that need the publication date."""
    if kind == "month":
        pre = _group(m, "pre")
        forward = future if pre not in PAST_REL | NEXT_REL else pre in NEXT_REL
        first, _ = dates.relative_month(published, lex.months[_group(m, "month").rstrip(".")], forward)
        return dates.part_of_month(first.year, first.month, _group(m, "part"))
    if kind == "season":
        rel = _group(m, "rel")
        step = -1 if rel in PAST_REL else 1 if rel in NEXT_REL else 0
        return dates.relative_season(published, lex.seasons[_group(m, "season")], step, future)
    if kind == "month_rel_year":  # "in July last year"
        rel = _group(m, "rel")
        year = published.year + (-1 if rel == "last" else 1 if rel == "next" else 0)
        return dates.part_of_month(year, lex.months[_group(m, "month").rstrip(".")], _group(m, "part"))
    if kind == "weekday":
        rel = _group(m, "rel")
        step = -1 if rel in PAST_REL else 1 if rel in NEXT_REL else 0
        weekday = lex.weekdays[_group(m, "weekday")]
        if _group(m, "when") in ("later", "earlier") and published.weekday() == weekday and not rel:
            return published, published  # "will meet later on Friday", told on a Friday: that day
        day = dates.relative_weekday(published, weekday, step, future)
        return day, day
    if kind == "relative":
        return _phrase(m.group(0), published, lex)
    if kind == "ago":
        amount = _amount(m.group("n"), lex)
        if m.group("unit") == "day":
            day = published - timedelta(days=amount)
            return day, day
        return dates.unit_range(published, m.group("unit"), -amount)
    return None


def _day(m: re.Match[str], published: date | None, future: bool, lex: TimeLexicon) -> Resolved:
    """A single day (or a day range "Sept. 4-6"); without a year it is placed next to publication."""
    month = int(m.group("mon")) if "mon" in m.re.groupindex else lex.months[_group(m, "month").rstrip(".")]
    day = int(m.group("day"))
    last = int(m.group("day2")) if "day2" in m.re.groupindex and m.group("day2") else day
    if m.group("year"):
        year = int(m.group("year"))
    elif published is None:
        date(2000, month, day)  # still reject impossible dates ("Feb. 31") before giving up
        return UNRESOLVED
    else:
        placed = dates.relative_day(published, month, day, future)
        if placed is None:
            raise ValueError("no such day")
        year = placed.year
    first, final = date(year, month, day), date(year, month, last)
    return (first, final) if final >= first else (first, first)


def _decade(m: re.Match[str]) -> Resolved:
    if m.group("decade"):
        decade = int(m.group("decade"))
    else:
        short = int(m.group("short"))
        decade = (1900 if short >= 30 else 2000) + short  # "the '90s", "the '20s"
    return dates.decade_range(decade, _group(m, "part"))


def _year_range(m: re.Match[str]) -> Resolved | None:
    first, second = int(m.group("year")), m.group("year2")
    last = int(second) if len(second) == 4 else first // 100 * 100 + int(second)  # "2009-13"
    if not first < last <= 2100:
        return None
    return date(first, 1, 1), date(last, 12, 31)


def _phrase(text: str, published: date, lex: TimeLexicon) -> Resolved | None:
    rel = lex.relative.get(" ".join(text.lower().split()))
    if rel is None:
        return None
    start = dates.unit_range(published, rel.unit, rel.start)[0]
    end = dates.unit_range(published, rel.unit, rel.end)[1]
    if rel.clip == "before":
        end = max(start, min(end, published))
    elif rel.clip == "after":
        start = min(end, max(start, published))
    return start, end


def _amount(text: str, lex: TimeLexicon) -> int:
    return int(text) if text.isdigit() else lex.numbers[text.lower()]


def _since(before_text: str, resolved: Resolved, published: date | None) -> Resolved:
    """ "since 2014" runs from the start of 2014 to publication (or is just 2014 without a publication)."""
    before = before_text[-12:].lower().split()
    if not before or before[-1] != "since" or resolved[0] is None:
        return resolved
    if published is not None and published >= resolved[0]:
        return resolved[0], published
    return resolved


def _resolve_deferred(
    found: list[tuple[_Candidate, int, Resolved]], lex: TimeLexicon
) -> list[tuple[_Candidate, int, Resolved]]:
    """ "a month later", "the next day": shift the nearest preceding date of the sentence ("two weeks after"
    and "the day before": the nearest following one); without one the expression stays unresolved."""
    result = []
    for index, (cand, anchor, resolved) in enumerate(found):
        if cand.kind in DEFERRED:
            m = cand.match
            following = "dir" in m.re.groupindex and m.group("dir").lower() in ("after", "before")
            pool = found[index + 1 :] if following else found[:index][::-1]
            refs = [r for c, _, r in pool if c.kind not in DEFERRED and r[0] is not None and r[1] is not None]
            if refs:
                resolved = shift_deferred(m, refs[0], lex)
            elif following:
                # "resigned on Tuesday, a day after police opened fire": nothing follows, so the clause it
                # heads lies that long before the date preceding it (Monday)
                before = [r for c, _, r in found[:index][::-1] if c.kind not in DEFERRED and None not in r]
                resolved = shift_deferred(m, before[0], lex, reverse=True) if before else UNRESOLVED
        result.append((cand, anchor, resolved))
    return result


def shift_deferred(m: re.Match[str], ref: Resolved, lex: TimeLexicon, reverse: bool = False) -> Resolved:
    """The date a deferred expression (``m``: "a month later", "two days after", "the day before") gives
    from the date ``ref`` it is counted from; ``reverse``: counted back from the clause it dates instead."""
    first, last = ref
    if first is None or last is None:
        return UNRESOLVED
    if "same" in m.re.groupindex:
        return _same_time(m, (first, last))
    if "side" in m.re.groupindex:
        return _that_year(m, (first, last), lex)
    direction = m.group("dir").lower()
    amount = _amount(m.group("n"), lex) if "n" in m.re.groupindex else 1
    sign = (-1 if direction in BACKWARD else 1) * (-1 if reverse else 1)
    unit = m.group("unit").lower()
    if "n" not in m.re.groupindex and unit in ("month", "year") and first == last:
        # "the following month", "the previous year": the whole calendar unit next to the day's, not the day
        # a month on (twenty-eighth session)
        return dates.unit_range(first, unit, sign)
    shifted = dates.shift_range((first, last), unit, sign * amount)
    return shifted if shifted else UNRESOLVED


# "within days", "days later": how far after the earlier date the act may lie (days after its start, after
# its end); kept short, as the scorer and readers take the middle of a range
_WITHIN = {"hours": (0, 1), "days": (0, 4), "weeks": (0, 21)}
_LATER = {"hours": (0, 1), "days": (2, 6), "weeks": (7, 28), "months": (30, 120)}


def _that_year(m: re.Match[str], ref: tuple[date, date], lex: TimeLexicon) -> Resolved:
    """ "In May of that year", "later that year", "that same year": in the year of the earlier date."""
    first, last = ref
    year = first.year
    if m.group("month"):
        return dates.part_of_month(year, lex.months[_group(m, "month").rstrip(".")], _group(m, "part"))
    side = _group(m, "side")
    if side == "later" and last.year == year and last < date(year, 12, 31):
        return last + timedelta(days=1), date(year, 12, 31)
    if side == "earlier" and first > date(year, 1, 1):
        return date(year, 1, 1), first - timedelta(days=1)
    return date(year, 1, 1), date(year, 12, 31)


def _same_time(m: re.Match[str], ref: tuple[date, date]) -> Resolved:
    """ "At the time", "the same day", "soon afterwards": the earlier date (soon after: up to a week on);
    "within days", "weeks later": that long after it."""
    first, last = ref
    if m.group("within"):
        lo, hi = _WITHIN[m.group("within").lower()]
    elif m.group("later"):
        lo, hi = _LATER[m.group("later").lower()]
    else:
        lo, hi = (0, 7) if "after" in m.group("same").lower() else (0, 0)
    return first + timedelta(days=lo), last + timedelta(days=hi)


def resolve_against(expr: TimeExpr, ref: Resolved, lexicon: TimeLexicon | None = None) -> Resolved:
    """A deferred expression ``expr`` with no date of its sentence to count from ("Somalia condemned the
    move the following day"), counted from ``ref``, the date an earlier sentence set; else unresolved."""
    lex = lexicon or default_lexicon()
    for kind in DEFERRED:
        m = lex.patterns[kind].fullmatch(expr.text)
        if m is not None:
            return shift_deferred(m, ref, lex)
    return UNRESOLVED


def is_relative_to_other(expr: TimeExpr, lexicon: TimeLexicon | None = None) -> bool:
    """Whether ``expr`` is dated from another expression ("a month later") rather than standing alone."""
    lex = lexicon or default_lexicon()
    return any(lex.patterns[kind].fullmatch(expr.text) for kind in DEFERRED)
