"""Where an event happens: place entities governed by a locative preposition near the event trigger.

Only the parse tree is walked (no lookups here); ``Gazetteer.locate`` resolves the candidates.  Order of
candidates: prepositions inside the trigger's own phrase (breadth first, so the nearest comes first), then
prepositions attached to the trigger's heads up to its clause's verb ("held talks in Geneva").
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterator
from typing import NamedTuple

from spacy.tokens import Span, Token

__all__ = ["LOCATIVE", "DESTINATION", "Candidate", "place_candidates", "place_span"]

LOCATIVE = frozenset(
    {
        "in",
        "at",
        "near",
        "outside",
        "across",
        "on",
        "inside",
        "around",
        "throughout",
        "off",
        "along",
        "within",
    }
)
DESTINATION = frozenset({"to", "into"})
_PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
# Branches that belong to another participant or another clause: never searched for the event's place.
_SKIP_DEPS = frozenset(
    {
        "nsubj",
        "nsubjpass",
        "csubj",
        "csubjpass",
        "ccomp",
        "advcl",
        "relcl",
        "parataxis",
        "punct",
        "mark",
        "cc",
    }
)
_VERBS = frozenset({"VERB", "AUX"})
# Entity labels the small English model often gives to place names; such names need a gazetteer hit.
_MISLABELS = frozenset({"NORP", "PERSON", "ORG"})
_GENERIC_NOUNS = frozenset(
    {"province", "region", "oblast", "governorate", "state", "district", "city", "county"}
)

# parts of a place that stand for it as a direct object ("shelled the outskirts of Homs")
PLACE_PARTS = frozenset(
    {"outskirt", "outskirts", "suburb", "suburbs", "centre", "center", "edge", "part", "area",
     "neighbourhood", "neighborhood", "district", "city", "town", "village", "street", "streets"}
)  # fmt: skip


class Candidate(NamedTuple):
    """A possible event place. ``checked``: only a place if the gazetteer knows the name."""

    span: Span
    checked: bool


_MAX_VISITED = 60  # a trigger's phrase is short; stop runaway walks on pathological parses


def place_span(token: Token) -> Candidate | None:
    """The place name at ``token``: its GPE/LOC/FAC entity (``checked`` False), else a proper-noun name
    the small model mislabelled ("Aleppo" as NORP, "Kharkiv" as PERSON: ``checked`` True, so the
    gazetteer must know it), else None."""
    label = token.ent_type_
    if label in _PLACE_LABELS or (label in _MISLABELS and token.pos_ == "PROPN"):
        doc = token.doc
        start, end = token.i, token.i + 1
        while start > 0 and doc[start].ent_iob_ == "I":
            start -= 1
        while end < len(doc) and doc[end].ent_iob_ == "I":
            end += 1
        if doc[start].lower_ == "the" and end - start > 1:
            start += 1
        return Candidate(doc[start:end], label not in _PLACE_LABELS)
    if not label and token.pos_ == "PROPN":
        start = min([c.i for c in token.lefts if c.dep_ == "compound" and c.pos_ == "PROPN"] + [token.i])
        return Candidate(token.doc[start : token.i + 1], True)
    return None


def _object_place(prep: Token) -> Candidate | None:
    """The place named by a preposition's object: "in Kyiv", "in the city of Kharkiv", "in Idlib province"."""
    for pobj in prep.children:
        if pobj.dep_ == "pobj" and (found := noun_place(pobj)) is not None:
            return found
    return None


def noun_place(noun: Token) -> Candidate | None:
    """The place a noun phrase names: "Kyiv", "the city of Kharkiv", "Idlib province", "the outskirts of
    Benghazi"."""
    found = place_span(noun)
    if found is not None:
        return found
    for child in noun.children:
        if child.dep_ in ("compound", "appos"):
            found = place_span(child)
            if found is not None and child.dep_ == "compound" and noun.lower_ in _GENERIC_NOUNS:
                # "Aleppo province": keep the generic noun, the gazetteer knows such names.
                doc = noun.doc
                found = Candidate(doc[found.span.start : noun.i + 1], found.checked)
        elif child.dep_ == "prep" and child.lower_ == "of":
            found = next((f for g in child.children if g.dep_ == "pobj" and (f := place_span(g))), None)
        else:
            continue
        if found is not None:
            return found
    return None


def _down(trigger: Token, preps: frozenset[str]) -> Iterator[tuple[str, Candidate]]:
    """Candidates in the trigger's own phrase, nearest first, not entering subjects or other clauses."""
    queue = deque(trigger.children)
    visited = 0
    while queue and visited < _MAX_VISITED:
        token = queue.popleft()
        visited += 1
        if token.dep_ in _SKIP_DEPS or (token.dep_ == "conj" and token.pos_ in _VERBS):
            continue
        if token.dep_ == "prep" and token.lower_ in preps:
            found = _object_place(token)
            if found is not None:
                yield token.lower_, found
        queue.extend(token.children)


def _up(trigger: Token, preps: frozenset[str]) -> Iterator[tuple[str, Candidate]]:
    """Candidates attached to the heads of a nominal trigger, up to and including its clause's verb."""
    if trigger.pos_ in _VERBS:
        return
    child, head = trigger, trigger.head
    while head.i != child.i:  # (Token objects are created on each access: compare positions)
        for token in head.children:
            if token.i != child.i and token.dep_ == "prep" and token.lower_ in preps:
                found = _object_place(token)
                if found is not None:
                    yield token.lower_, found
        if head.pos_ in _VERBS or child.dep_ in _SKIP_DEPS:
            return
        child, head = head, head.head


def place_candidates(trigger: Token, allow_destination: bool = False) -> Iterator[tuple[str, Candidate]]:
    """``(preposition, candidate)`` pairs for the event of ``trigger``, best first.

    With ``allow_destination`` (visits, travel) "to"/"into" count too, and so does a place that is the
    trigger's direct object ("visited Kyiv").
    """
    preps = LOCATIVE | DESTINATION if allow_destination else LOCATIVE
    if allow_destination:
        for child in trigger.children:
            if child.dep_ == "dobj" and (found := place_span(child)) is not None:
                yield "", found
            elif child.dep_ == "dobj" and child.lemma_.lower() in PLACE_PARTS and (part := noun_place(child)):
                yield "", part  # "bombed the outskirts of Benghazi" (twenty-eighth session)
    yield from _down(trigger, preps)
    yield from _up(trigger, preps)
