"""Matching a trigger pattern at a word: its particles ("crack down | on"), its ``requires`` constraints
(an object, a complement clause, a reported predicate or idiom ...) and the base forms to look a word up
by when spaCy's lemma is wrong."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from whimbrel.events import arguments as args
from whimbrel.events import statements
from whimbrel.events.patterns import Pattern

PARTICLE_DEPS = frozenset({"prt", "prep", "agent", "advmod", "dative"})
NOUN_TAGS = frozenset({"NOUN", "PROPN"})


@dataclass(frozen=True)
class Match:
    """A pattern matched at ``token``, with the words its constraints and particles took."""

    pattern: Pattern
    token: Token
    consumed: tuple[Token, ...]  # the object/xcomp tokens a `requires` constraint matched
    particles: tuple[Token, ...]
    in_span: tuple[Token, ...]  # consumed tokens inside the trigger phrase ("imposed | sanctions")


CLAUSE_DEPS = frozenset({"advcl", "ccomp", "xcomp"})
# Requirement keys whose matched word is part of the trigger phrase (the others match inside a clause).
SPAN_KEYS = frozenset({"obj", "pobj", "xcomp", "wish", "mod"})


def _has_particles(token: Token, pattern: Pattern) -> tuple[Token, ...] | None:
    found = []
    for word in pattern.particles:
        hit = next(
            (c for c in token.children if c.dep_ in PARTICLE_DEPS and c.lower_ == word and not temporal(c)),
            None,
        )
        if hit is None:  # "called for the prisoners to be freed": "for" marks the complement clause
            hit = next(
                (m for c in token.children if c.dep_ in CLAUSE_DEPS for m in c.children
                 if m.dep_ == "mark" and m.lower_ == word and m.i < c.i),
                None,
            )  # fmt: skip
        if hit is None:
            return None
        found.append(hit)
    return tuple(found)


def temporal(prep: Token) -> bool:
    # "fired missiles on Thursday" is not "fire on": a date object never makes a particle.
    return any(g.ent_type_ in ("DATE", "TIME") for g in prep.children if g.dep_ == "pobj")


def _bracketed(token: Token) -> bool:
    """A word right inside brackets: "(ECOWAS)"."""
    doc = token.doc
    return 0 < token.i < len(doc) - 1 and doc[token.i - 1].text == "(" and doc[token.i + 1].text == ")"


def _requirement(
    token: Token, key: str, words: frozenset[str], gov: Token | None, blocking: bool = False
) -> Token | None:
    if key == "noobj":
        # The verb used without an object: "where a million people are sheltering" takes shelter and gives
        # none (twenty-first session; the key of blocking rows, its words are "*")
        objects = any(c.dep_ in ("dobj", "obj", "nsubjpass") for c in token.children)
        return None if objects else token
    if key == "obj":
        pool = [c for c in token.children if c.dep_ in ("dobj", "obj", "nsubjpass", "attr", "oprd")]
        # "recalled all of its diplomats", "expelled some of the envoys": the counted noun is the object
        parts = [p for c in pool if c.lemma_.lower() in _PARTITIVES for p in c.children if p.lower_ == "of"]
        # "suspended $11 million in development funding": the amount's "in" object is what it counts
        parts += [p for c in pool if c.lemma_.lower() in _AMOUNTS for p in c.children if p.lower_ == "in"]
        pool += [g for p in parts if p.dep_ == "prep" for g in p.children if g.dep_ == "pobj"]
        # "expelled U.S. Ambassador Philip Goldberg", "suspended Chief Justice Iftikhar Chaudhry": a named
        # object counts as the title written before its name (twenty-ninth session)
        pool += [
            g for c in pool if c.pos_ == "PROPN" for g in c.children if g.dep_ == "compound" and g.i < c.i
        ]
        if blocking and token.dep_ == "acl" and token.tag_ == "VBN":
            # "a statement released by his lawyer" is no release of people (a participle that describes
            # its noun is background: it only ever blocks a reading, never makes an event)
            pool.append(token.head)
    elif key == "pobj":
        # A light verb's prepositions count for its object noun: "made a proposal | for a meeting".
        # ... and so do the object's ("gave Ukraine $300 million | in aid").
        objs = [c for c in token.children if c.dep_ in ("dobj", "obj")]
        # ... and a particle's: "pulled out | of the talks", with "out" parsed as a preposition of no object
        # (twentieth session)
        objs += [
            c
            for c in token.children
            if c.dep_ == "prt" or (c.dep_ == "prep" and not any(g.dep_ == "pobj" for g in c.children))
        ]
        heads = (token, *objs) if gov is None else (token, gov, *objs)
        pool = [g for h in heads for c in h.children if c.dep_ in ("prep", "agent") for g in c.children]
        pool = [g for g in pool if g.dep_ == "pobj"]
    elif key == "mod":
        pool = [c for c in token.children if c.dep_ in ("compound", "amod", "nmod", "npadvmod")]
    elif key == "until":
        # A deadline: "gave the rebels until Tuesday to …" (twenty-eighth session)
        until = [c for c in token.children if c.dep_ == "prep" and c.lower_ == "until"]
        pool = [g for c in until for g in c.children if g.dep_ == "pobj"]
        return next((g for g in pool if "*" in words or g.lemma_.lower() in words), None)
    elif key == "wish":
        # A complement verb with a doer of its own: the head's object ("would like Russia | to withdraw")
        # or the infinitive's subject ("wants Beijing to | rein in"); not "wants to help Syria".
        objects = any(c.dep_ in ("dobj", "obj") for c in token.children)
        pool = [c for c in token.children if c.dep_ == "xcomp" and objects]
        clauses = [c for c in token.children if c.dep_ == "ccomp" and any(a.tag_ == "TO" for a in c.children)]
        pool += [c for c in clauses if any(a.dep_ == "nsubj" for a in c.children)]
    elif key == "negclause":
        # "stressed that Israel would not negotiate": a complement clause that is negated.
        # ... also the clause a parenthetical "X said" interrupts ("Iran will not, the minister said, ...").
        pool = [c for c in token.children if c.dep_ == "xcomp"] + statements.complements(token)
        pool = [c for c in pool if _negated(c)]
        return next((c for c in pool if "*" in words or c.lemma_.lower() in words), None)
    elif key == "modal":
        return statements.modal_clause(token, words)
    elif key == "subjunctive":
        return statements.subjunctive_clause(token)
    elif key == "pred":
        return statements.predicate(token, words)
    elif key == "clause":
        return statements.reported_verb(token, words)
    elif key == "idiom":
        return statements.reported_idiom(token, words)
    elif key == "byclause":
        return statements.reported_doer(token, words)
    elif key == "oprd":
        # An object predicate: "called Trump | unqualified", "called Obama | the worst president" (apposed).
        objs = [c for c in token.children if c.dep_ in ("dobj", "obj")]
        # (an abbreviation in brackets is no predicate: "called on the Economic Community of West African
        # States (ECOWAS) to …"; twenty-fourth session)
        pool = [c for c in token.children if c.dep_ == "oprd" and not _bracketed(c)]
        pool += [a for o in objs for a in o.children if a.dep_ == "appos" and not _bracketed(a)]
    elif key == "subj":
        pool = [args.counted(c) for c in token.children if c.dep_ in args.SUBJ]
        if token.dep_ == "acl" and token.tag_ == "VBG":  # "refugees arriving in Bangladesh": who arrives
            pool.append(args.counted(token.head))
    elif key == "gov":
        # The word governing an event noun, directly or through a preposition ("violated | the deal",
        # "the lifting | of sanctions").
        gov = token.head.head if token.dep_ == "pobj" else token.head
        if token.dep_ == "ROOT":  # "A ceasefire between X and Y largely held": a finite verb misread as acl
            gov = next(
                (c for c in token.children if c.dep_ == "acl" and c.tag_ in ("VBD", "VBZ", "VBP")), gov
            )
        return gov if gov.i != token.i and gov.lemma_.lower() in words else None
    else:
        # An infinitive after a noun is often parsed as a relative clause: "calls | to halt the deployment".
        pool = [c for c in token.children if c.dep_ in ("xcomp", "acl", "advcl", "ccomp") or _infinitive(c)]
        # (a participle after a comma tells another act: "vowed revenge for a strike …, killing two generals"
        # is no vow to kill; eighteenth session)
        pool = [c for c in pool if not (c.dep_ == "advcl" and c.tag_ == "VBG" and c.i > token.i + 1)]
        # ... and through a verb of going on: "vowed to keep fighting" is a vow to fight (eighteenth session)
        pool += [g for c in pool if c.lemma_.lower() in _GOING_ON for g in c.children if g.dep_ == "xcomp"]
        # ... and a participle on the object: "ordered the two executives held in detention"
        pool += [
            g
            for o in token.children
            if o.dep_ == "dobj"
            for g in o.children
            if g.dep_ == "acl" and g.tag_ == "VBN"
        ]
        # ... and an infinitive the parser hung on a span of time: "gave the diplomats 48 hours | to leave"
        # (twenty-seventh session)
        pool += [
            g
            for o in token.children
            if o.dep_ in ("npadvmod", "dobj") and o.lemma_.lower() in _SPANS
            for g in o.children
            if g.dep_ in ("relcl", "acl") and _infinitive(g)
        ]
        # ... or hung on the verb: "renewed calls | to halt"
        if token.pos_ in NOUN_TAGS and token.dep_ == "dobj":
            pool += [c for c in token.head.children if c.dep_ == "xcomp" and c.i > token.i]
    for c in pool:
        for t in (c, *c.conjuncts):
            if "*" in words or t.lemma_.lower() in words or t.lower_ in words:
                return t
    return None


_SPANS = frozenset({"hour", "day", "week", "month", "minute"})  # "48 hours to leave"
_GOING_ON = frozenset({"keep", "continue", "go"})  # "keep fighting", "continue targeting", "go on fighting"

# heads of a partitive object ("all of its diplomats")
# (fourteenth session) the lemmas of "hundreds", "dozens", "thousands"; "a handful of", "a number of"; "a
# state of emergency"
_AMOUNTS = frozenset({"million", "billion", "trillion", "$", "dollar", "euro", "pound", "yuan", "yen"})
_PARTITIVES = frozenset({
    "all", "some", "most", "many", "several", "dozens", "hundreds", "scores", "hundred", "dozen", "thousand",
    "thousands", "handful", "number", "state",
    # (thirtieth session) shares of a whole: "suspended part of its aid", "half of its assistance"
    "part", "half", "much", "portion", "bulk", "rest", "third", "quarter", "majority", "remainder",
})  # fmt: skip


def _infinitive(clause: Token) -> bool:
    return clause.dep_ == "relcl" and any(a.dep_ == "aux" and a.lower_ == "to" for a in clause.children)


def _negated(verb: Token) -> bool:
    return any(c.dep_ == "neg" for c in verb.children)


def match(token: Token, pattern: Pattern, gov: Token | None = None) -> Match | None:
    """``pattern`` at ``token`` (``gov``: the light verb whose object ``token`` is), or None."""
    particles = _has_particles(token, pattern) if pattern.particles else ()
    if particles is None:
        return None
    consumed, in_span = [], []
    for key, words in pattern.requires:
        hit = _requirement(token, key, words, gov, pattern.confidence == 0.0)
        if hit is None:
            return None
        consumed.append(hit)
        if key in SPAN_KEYS:
            in_span.append(hit)
    return Match(pattern, token, tuple(consumed), particles, tuple(in_span))


INFLECTED = ("ing", "ed", "s")
# past tenses the small model leaves as written (its lemmatiser knows "took" but not "retook")
IRREGULAR = {"retook": "retake", "overrode": "override", "forsook": "forsake", "overtook": "overtake"}


def repaired(lemma: str, lower: str) -> tuple[str, ...]:
    """Base forms to try when spaCy's lemma may be wrong: it drops the final "e" of some verbs ("staged" →
    "stag", "fined" → "fin") and leaves some inflected forms as written ("boycotts", "slamming").  Every
    "-ed" form also starts with its lemma and an "e" ("launched"): callers try these only after the lemma."""
    if lower in IRREGULAR:
        return (IRREGULAR[lower],)
    fixed = lemma + "e"
    out = (fixed,) if lower.startswith(fixed) else ()
    if lemma != lower or len(lower) < 5:
        return out
    if lower.endswith("ing"):  # "slamming" → slam, "imprisoning" → imprison, "staging" → stage
        stem = lower[:-3]
        return (*out, stem, stem + "e", *((stem[:-1],) if stem[-1] == stem[-2] else ()))
    if lower.endswith("ed"):
        stem = lower[:-2]
        return (*out, stem, lower[:-1], *((stem[:-1],) if stem[-1] == stem[-2] else ()))
    if lower.endswith("s") and not lower.endswith("ss"):
        return (*out, lower[:-1], *((lower[:-2],) if lower.endswith("es") else ()))
    return out
