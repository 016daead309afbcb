"""Choosing the time expression that dates an event trigger, following the dependency parse.

An event's date is the date of the clause that carries it.  For a trigger we look, in order, at
expressions inside its own noun phrase (nominal events), expressions attached to its clause head, then up
the clause chain through xcomp/conj/aux and, when the governing verb is not a reporting verb with its own
date, through ccomp/advcl; then at same-tense verb conjuncts; finally, when the sentence has a single
clause, its only expression.  No expression: the publication date; nothing to resolve against: unknown.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date

from spacy.tokens import Doc, Span, Token

from whimbrel.nlp import doc_text
from whimbrel.records import UNKNOWN_DATE, DateRange
from whimbrel.time.expressions import (
    TimeExpr,
    clause_verb,
    find_time_expressions,
    is_future,
    is_relative_to_other,
    resolve_against,
)
from whimbrel.time.lexicon import TimeLexicon, default_lexicon

VERBAL = ("VERB", "AUX")
CLIMB = frozenset({"xcomp", "conj", "aux", "auxpass", "pcomp"})
# Clause boundaries, crossed only when the governor is not a reporting verb with a date of its own.
CROSS = frozenset({"ccomp", "advcl", "parataxis"})
CLAUSES = frozenset({"ROOT", "ccomp", "advcl", "relcl", "acl", "parataxis", "csubj", "csubjpass", "conj"})
_SETTING = frozenset({"where", "when"})  # relative adverbs of a clause set in its governor's place or time
SUBJECTS = frozenset({"nsubj", "nsubjpass", "csubj", "csubjpass", "expl"})


def resolve_date(
    trigger: Token,
    published: date | None,
    *,
    lexicon: TimeLexicon | None = None,
    earlier: DateRange | None = None,
) -> DateRange:
    """When the event whose trigger (verb or event noun) is ``trigger`` happened or is planned.

    basis "text": a time expression governs the trigger's clause; "publication": no time clue for it in
    the sentence (start = end = ``published``); "unknown": no publication date and no absolute clue, or the
    governing clue is relative and cannot be resolved.  ``earlier``: the date an earlier sentence set, which
    a relative clue with nothing to count from in its own sentence counts from ("the following day").
    """
    lex = lexicon or default_lexicon()
    exprs = find_time_expressions(trigger.sent, published, lexicon=lex)
    hits = _governing(trigger, exprs, lex) if exprs else []
    ahead = [e for e in hits if e.start is None and e.text.lower().startswith("within")]
    if ahead and published is not None and is_future(trigger, lex):
        # "is expected to make a return visit within weeks": a span still to come counts from the story's
        # day, never from a date an earlier sentence set ("was due to host him that day" still does;
        # twenty-second session)
        earlier = DateRange(published, published, "publication")
    if hits and earlier is not None and earlier.start is not None and not _too_coarse(earlier, hits):
        ref = (earlier.start, earlier.end)
        hits = [replace(e, start=r[0], end=r[1]) if e.start is None and (r := resolve_against(e, ref, lex))[0]
                else e for e in hits]  # fmt: skip
    if hits:
        return _combine(hits, lex)
    if published is None:
        return UNKNOWN_DATE
    return DateRange(published, published, "publication")


_LONG_UNITS = re.compile(r"\b(?:years?|months?)\b", re.IGNORECASE)
_COARSE_DAYS = 31  # an earlier date longer than a month ("in 2022") gives no day to count days from


def _too_coarse(earlier: DateRange, hits: list[TimeExpr]) -> bool:
    """Whether ``earlier`` spans too long to count a relative clue of days or weeks from it: "four days
    later" after "in January this year" is no date (twenty-ninth session); "the following year" still is."""
    if earlier.start is None or earlier.end is None or (earlier.end - earlier.start).days <= _COARSE_DAYS:
        return False
    return not any(_LONG_UNITS.search(e.text) for e in hits if e.start is None)


def _combine(hits: list[TimeExpr], lex: TimeLexicon) -> DateRange:
    """Several expressions on the same clause ("on Monday and Tuesday") cover the span of all of them;
    one dated from another ("held Sunday, two weeks after the bombing") gives way to a standalone one."""
    standalone = [e for e in hits if not is_relative_to_other(e, lex)]
    hits = standalone or hits
    starts = [e.start for e in hits if e.start is not None]
    ends = [e.end for e in hits if e.end is not None]
    if len(starts) < len(hits) or len(ends) < len(hits):
        return UNKNOWN_DATE
    return DateRange(min(starts), max(ends), "text")


def _governing(trigger: Token, exprs: list[TimeExpr], lex: TimeLexicon) -> list[TimeExpr]:
    doc = trigger.doc
    anchors = [(e, doc[e.anchor]) for e in exprs]
    if trigger.pos_ not in VERBAL:
        inside = [e for e, a in anchors if _in_phrase(a, trigger)]
        if inside:
            return inside
    # a day possessing an object dates what is acted on, not the act on it (see _of_object); "until 2028"
    # is when a state ends ("would suspend the talks until 2028"), not when the act happens
    anchors = [(e, a) for e, a in anchors if not _of_object(e, a) and not _until(e, doc)]
    anchors = [(e, a) for e, a in anchors if not _of_background_event(e, doc, trigger)]
    node = clause_verb(trigger)
    for _ in range(10):
        hits = _owned(node, anchors, lex)
        if hits:
            return hits
        dep, head = node.dep_, node.head
        if head.i == node.i or dep == "ROOT":
            # "In February, after dozens were killed near a convoy, Petro suspended …": the opening phrase set
            # off by a comma dates the main clause, whichever clause the parser hung it on
            intro = _introductory(doc[trigger.sent.start : trigger.sent.end], anchors, node)
            if intro:
                return intro
            break
        if dep == "relcl" and node.left_edge.tag_ == "WRB" and node.left_edge.lower_ in _SETTING:
            # "flew to Washington on Monday, where he met Trump": the place's (or time's) clause dates it
            node = clause_verb(head)
            continue
        if dep == "acl" and node.tag_ == "VBG" and head.dep_ in ("dobj", "obj") and head.head.pos_ in VERBAL:
            # "adopted on Thursday a resolution demanding …", "issued a statement condemning …": the
            # document says it when it is made
            node = head.head
            continue
        if (
            dep == "acl" and node.tag_ == "VBN" and head.dep_ == "pobj" and head.head.dep_ == "prep"
            and head.head.head.pos_ in VERBAL
        ):  # fmt: skip
            # "initialled the deal on Friday, in a ceremony hosted by Trump": the occasion the act was set in
            node = head.head.head
            continue
        if dep in CROSS:
            if node.lemma_ in lex.reporting:
                break
            if head.lemma_ in lex.reporting and _owned(head, anchors, lex):
                # "said on Tuesday that rebels had shelled the camp": what was reported as done happened by
                # the day it was reported; what is to come keeps no date of its own
                return [] if is_future(trigger, lex) else _owned(head, anchors, lex)
        elif dep not in CLIMB:
            if dep == "relcl" and node.tag_ == "VBD" and not any(c.dep_ == "aux" for c in node.children):
                # "In July 2015, Thailand deported 109 Uyghurs to China, where protesters attacked its
                # consulate": a past relative clause with no time of its own is set in the sentence's
                # fronted time (fourteenth session)
                fronted = _fronted(doc[trigger.sent.start : trigger.sent.end], anchors, lex)
                if fronted:
                    return fronted
            break
        node = head
    if trigger.tag_ == "VBD":
        # "gave the envoy 48 hours to leave the country on Monday", "ordered them to leave on Monday": a
        # weekday at the end of a past act's infinitive dates the act, as wire copy dates its news (never a
        # deadline or a month: "to leave by April 30", "to raise tariffs on April 2"; twenty-sixth session)
        for clause in trigger.children:
            if clause.dep_ in ("advcl", "xcomp") and any(a.tag_ == "TO" for a in clause.children):
                inner = [
                    e for e in _owned(clause, anchors, lex) if e.start is not None and _WEEKDAY.search(e.text)
                ]
                if inner and not is_future(trigger, lex):
                    return inner
    future = is_future(trigger, lex)
    for conjunct in clause_verb(trigger).conjuncts:
        hits = _owned(conjunct, anchors, lex)
        if hits and conjunct.pos_ in VERBAL and is_future(conjunct, lex) == future:
            return hits
    if len(exprs) == 1 and _single_clause(trigger) and anchors:
        return exprs
    return []


_WEEKDAY = re.compile(r"\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\b", re.I)


def _introductory(sent: Span, anchors: list[tuple[TimeExpr, Token]], root: Token) -> list[TimeExpr]:
    """A dated expression opening the sentence and closed by a comma before the main verb, hung by the
    parser on a subordinate clause that comes between them."""
    doc = sent.doc
    for e, anchor in anchors:
        first = doc.char_span(e.start_char, e.end_char, alignment_mode="expand")
        if first is None or e.start is None or first.start - sent.start > 1 or anchor.i >= root.i:
            continue
        after = first.end
        if after < len(doc) and doc[after].text == "," and root.i > after:
            # (only across a subordinate clause the phrase was hung on: "On Tuesday, rebels shelled the
            # town, the army said" dates the shelling, the parser's reading)
            clause = anchor if anchor.pos_ in VERBAL else anchor.head
            if any(c.dep_ == "mark" and c.lower_ in _SUBORDINATORS for c in clause.children):
                return [e]
    return []


_SUBORDINATORS = frozenset({"after", "before", "when", "as", "since", "while", "because", "once", "until"})


def _fronted(sent: Span, anchors: list[tuple[TimeExpr, Token]], lex: TimeLexicon) -> list[TimeExpr]:
    """The time expression a sentence opens with, attached to its main verb ("In July 2015, …"), if any."""
    root = sent.root
    hits = _owned(root, anchors, lex)
    return [e for e in hits if e.start is not None and e.anchor < root.i and e.anchor - sent.start <= 3]


def _in_phrase(anchor: Token, noun: Token) -> bool:
    """The anchor is the noun or inside its phrase, not behind a verb (a relative clause is another event)."""
    current = anchor
    for _ in range(12):
        if current.i == noun.i:
            return True
        if current.pos_ in VERBAL or current.dep_ == "ROOT" or current.head.i == current.i:
            return False
        current = current.head
    return False


def _owned(node: Token, anchors: list[tuple[TimeExpr, Token]], lex: TimeLexicon) -> list[TimeExpr]:
    """Expressions attached to ``node`` directly, else those attached inside its clause (not its subject)."""
    direct = [e for e, a in anchors if a.i == node.i]
    if direct:
        return direct
    owned = [(e, a) for e, a in anchors if _clause_owner(a, lex) == node]
    if len(owned) < 2:
        return [e for e, _ in owned]
    # the nearest in the tree: "thanked Poland on Wednesday for its support since the invasion in February
    # 2022" is dated Wednesday, not by the date inside what it thanks for (nineteenth session)
    depth = {a.i: _depth(a, node) for _, a in owned}
    least = min(depth.values())
    return [e for e, a in owned if depth[a.i] == least]


def _depth(token: Token, top: Token) -> int:
    """Arcs from ``token`` up to ``top`` (its ancestor)."""
    n = 0
    while token.i != top.i and token.head.i != token.i and n < 40:
        token, n = token.head, n + 1
    return n


def _clause_owner(anchor: Token, lex: TimeLexicon) -> Token | None:
    """The verb whose clause the anchor's phrase belongs to; None for modifiers of a subject noun phrase.

    A document's date dates what is said in it: in "In a statement published Oct. 25, X accused Y" the
    expression belongs to "accused", through the participle that dates the document in its phrase.
    """
    current = anchor
    for _ in range(12):
        if current.pos_ in VERBAL:
            if not _dates_document(current, lex):
                return current
            current = current.head.head  # participle -> document noun -> preposition
            continue
        if current.dep_ in SUBJECTS and current.i == anchor.i and _day_on_subject(current):
            return current.head  # "The opposition on Sunday rejected": the day hung on the subject
        if current.dep_ in SUBJECTS or current.dep_ == "ROOT" or current.head.i == current.i:
            return None
        current = current.head
    return None


def _day_on_subject(subject: Token) -> bool:
    """An "on <day>" phrase hangs on ``subject`` before its verb ("Russia on Tuesday accused …"): a day is
    no part of who acts, so an expression anchored on the subject dates its verb."""
    verb = subject.head
    if verb.pos_ not in VERBAL or verb.i < subject.i:
        return False
    return any(
        c.dep_ == "prep"
        and c.lower_ == "on"
        and subject.i < c.i < verb.i
        and any(g.dep_ == "pobj" and g.ent_type_ in ("DATE", "TIME") for g in c.children)
        for c in subject.children
    )


# nouns of events that a date right after them ("the invasion in February 2022") dates, whatever the parser
# hung it on (nineteenth session)
_EVENT_NOUNS = frozenset(
    {"invasion", "war", "coup", "election", "elections", "revolution", "independence", "annexation",
     "referendum", "uprising", "occupation", "genocide", "massacre", "crisis"}
)  # fmt: skip


_SET_AGAINST = frozenset({"since", "for", "over"})  # what an act has gone on since, or is for


def _of_background_event(expr: TimeExpr, doc: Doc, trigger: Token) -> bool:
    """ "thanked Poland for its support since the invasion in February 2022": a date right after an event
    noun set in a prepositional phrase dates that event, not the trigger's act (the parser often hangs it on
    the verb)."""
    span = doc.char_span(expr.start_char, expr.end_char, alignment_mode="expand")
    if span is None or len(span) == 0 or span.start < 2 or span.start - 1 == trigger.i:
        return False
    first = span[0]
    prep, noun = doc[first.i - 1], doc[first.i - 2]
    if prep.lower_ not in ("in", "of") or noun.i == trigger.i:
        return False
    # (the event noun told as what the act has gone on since, or is for: "since / for the invasion";
    # not the act's own manner, "seized power in a coup in July 2023")
    return noun.lemma_.lower() in _EVENT_NOUNS and noun.dep_ == "pobj" and noun.head.lower_ in _SET_AGAINST


def _of_object(expr: TimeExpr, anchor: Token) -> bool:
    """A day that possesses an object: "condemned **Sunday's** attack", "rejected the results of **Sunday's**
    election" date what is acted on, not the act ("Friday's attack was carried out by …" keeps it: the
    attack is the subject)."""
    if not (anchor.dep_ == "dobj" or (anchor.dep_ == "pobj" and anchor.head.lower_ == "of")):
        return False  # ("supported Johnson during Tuesday's debate": a time for the act)
    return any(
        c.dep_ == "poss" and c.left_edge.idx <= expr.start_char < c.idx + len(c.text) for c in anchor.children
    )  # ("last week's election": the possessor's phrase holds the whole expression)


def _dates_document(verb: Token, lex: TimeLexicon) -> bool:
    """``verb`` is a participle ("published", "dated") modifying a noun inside a prepositional phrase."""
    noun = verb.head
    return (
        verb.dep_ == "acl"
        and verb.tag_ in ("VBN", "VBG")
        and verb.lemma_ in lex.documents
        and noun.dep_ == "pobj"
        and noun.head.dep_ == "prep"
    )


def _single_clause(trigger: Token) -> bool:
    """At most one clause-heading verb in the sentence (captions and headlines often have none)."""
    heads = [t for t in trigger.sent if t.pos_ in VERBAL and t.dep_ in CLAUSES]
    return len(heads) <= 1


def _until(expr: TimeExpr, doc: Doc) -> bool:
    """Whether ``expr`` follows "until" or "till" (the end of a period, not an event's time)."""
    before = doc_text(doc)[max(0, expr.start_char - 7) : expr.start_char].lower().split()
    return before[-1:] in (["until"], ["till"])
