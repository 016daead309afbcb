"""Disapproval told as a feeling: "France is alarmed that Iran has resumed enrichment", "Kenya was angered by
Uganda's decision", "the minister was deeply concerned about Russia's troop build-up" (CAMEO 110, ACCUSE);
approval the same way from the ``@delight`` lexicon ("was very moved by the announcement", CAMEO 051).

The feeling word is a predicate adjective or a passive participle from the ``@dismay`` lexicon
(``lexicons.tsv``); the one who feels it is the source; the target is the subject of its that-clause, or the
actor of what its preposition names ("by Uganda's decision", "about Russian troop movements").
"""

from __future__ import annotations

import re
from collections.abc import Callable, Container
from functools import lru_cache

from spacy.tokens import Span, Token

from whimbrel.events import arguments as args
from whimbrel.nlp import doc_text

_CAUSE_PREPS = ("by", "with", "about", "over", "at", "to", "for")
_SUBJECTS = frozenset({"nsubj", "nsubjpass"})


def dismay(
    sent: Span,
    words: frozenset[str],
    is_actor: Callable[[Token], bool] | None,
    acts: Container[str] = (),
    undergone: Container[str] = (),
) -> list[tuple[Token, Token, list[Token]]]:
    """(feeling word, the one who feels it, the actors it is about) for each feeling of disapproval.  A
    feeling about an act told before ("was very moved by the announcement": a noun in ``acts``) comes with
    no actor: the coder finds who did the act (whimbrel.events.anaphora)."""
    out: list[tuple[Token, Token, list[Token]]] = []
    if not words or not _doc_has(sent, words):  # most paragraphs: no token is looked at
        return out
    for t in sent:
        if t.lower_ not in words:  # the lexicon lists the forms ("angered", "alarmed"), not lemmas
            continue
        feeler = _feeler(t)
        if feeler is None:
            continue
        targets = [x for x in _cause(t, is_actor, undergone) if x.i != feeler.i]
        if targets or any(o.lemma_.lower() in acts for o in args.prep_objects(t, _CAUSE_PREPS)):
            out.append((t, feeler, targets))
    return out


def _feeler(t: Token) -> Token | None:
    """The one who feels: the copula's subject for "is alarmed", the passive subject for "was angered"."""
    if t.dep_ == "acomp":
        return next((c for c in t.head.children if c.dep_ in _SUBJECTS), None)
    if t.tag_ == "VBN":
        return next((c for c in t.children if c.dep_ == "nsubjpass"), None)
    fragment = t.dep_ in ("ccomp", "parataxis") and t.pos_ == "ADJ"
    if fragment and not any(c.dep_ in _SUBJECTS for c in t.children):
        # a quoted fragment with no subject: 'Trump wrote, "Very disappointed that China ..."' — the speaker
        return next((c for c in t.head.children if c.dep_ == "nsubj"), None)
    return None


def _cause(t: Token, is_actor: Callable[[Token], bool] | None, undergone: Container[str] = ()) -> list[Token]:
    """The actor behind the feeling: the that-clause's subject, else an actor in what a preposition names."""
    for clause in (c for c in t.children if c.dep_ == "ccomp"):
        subject = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is not None and (is_actor is None or is_actor(subject)):
            return list(args.with_conjuncts(subject))
    for obj in args.prep_objects(t, _CAUSE_PREPS):
        if is_actor is None or is_actor(obj):
            return list(args.with_conjuncts(obj))
        inner = args.noun_source(obj, is_actor, undergone)
        if inner.heads:
            return list(inner.heads)
    return []


@lru_cache(maxsize=4)
def _finder(words: frozenset[str]) -> re.Pattern[str] | None:
    """One case-insensitive pattern finding any feeling word that is more than letters and digits ("ill-
    at-ease"); None when every word is letters and digits only (those are looked up in the Doc's words)."""
    other = sorted(w for w in words if not _WORD.fullmatch(w))
    if not other:
        return None
    return re.compile(r"\b(?:" + "|".join(map(re.escape, other)) + r")\b", re.IGNORECASE)


_WORD = re.compile(r"\w+")
_WORDS_KEY = "whimbrel.words"


def _doc_has(sent: Span, words: frozenset[str]) -> bool:
    """Whether the sentence's Doc (a paragraph) holds a feeling word, searched once per Doc: a word of
    letters and digits is in the Doc's set of lower-cased words (runs of \\w, as ``\\b...\\b`` finds them)."""
    key = f"whimbrel.dismay.{id(words)}"
    data = sent.doc.user_data
    found = data.get(key)
    if found is None:
        seen = data.get(_WORDS_KEY)
        if seen is None:
            seen = data[_WORDS_KEY] = frozenset(_WORD.findall(doc_text(sent.doc).lower()))
        finder = _finder(words)
        found = not words.isdisjoint(seen) or bool(finder and finder.search(doc_text(sent.doc)))
        data[key] = found
    return bool(found)
