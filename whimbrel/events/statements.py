"""Statement events: a reporting verb whose complement clause carries the event type and the target.

Political news is mostly people saying things.  "X said Y must halt ..." is a REQUEST to Y, "X said Y's
move was illegal" an ACCUSE of Y, "X said it would not accept ..." a REJECT, "X said it was ready to ..."
an AGREE.  Patterns express this with ``requires`` keys on the reporting verb (``modal``, ``pred``,
``negclause``) and the target column ``clause``; this module finds the complement clause, checks it and
picks the target from it.  Everything is a bounded walk over the children of a few tokens.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache

from spacy.tokens import Token

from whimbrel.events import arguments as args
from whimbrel.events.fallback import nearest_in_subtree
from whimbrel.nlp import doc_text

IsActor = Callable[[Token], bool]
SELF = args.SELF
PERSONAL = SELF | frozenset({"he", "she", "they"})
# Dependents of the reporting verb that hold its predicate directly: "called the move illegal",
# "described the vote as illegitimate".
OWN_PRED_DEPS = frozenset({"oprd", "acomp"})
PRED_DEPS = frozenset({"acomp", "attr", "oprd"})
# Inside the subject of an accusation only the owner is accused ("Washington's sanctions were illegal"),
# not the victim ("the attack on Syria was illegal"): possessors, nationality modifiers, "by" agents.
OWNER_DEPS = frozenset({"poss", "compound", "amod", "nmod"})
NAMED = frozenset({"PERSON", "GPE", "ORG", "NORP"})
# Statements of the speaker's own intent (AGREE, REJECT, THREATEN): the clause's subject is the speaker,
# the target is whoever the intended act is aimed at ("said it would not negotiate with Hamas").
INTENT_ROOTS = frozenset({"03", "12", "13"})
# Intent that a speaker may report for someone else ("officials say Putin is ready to …"): agree, reject.
HELD_ROOTS = frozenset({"03", "12"})
# Verbs that say what something is ("the plan amounts to theft") or did ("had committed war crimes"): their
# object is a predicate.
# (thirtieth session) "made a reckless decision", "took an illegal step": the object of a light verb
EQUATING = frozenset({"amount", "constitute", "represent", "equal", "commit", "perpetrate", "make", "take"})
OBLIGATION = frozenset({"must", "should", "ought", "has", "have", "need"})


def complements(verb: Token) -> list[Token]:
    """Clauses reported by ``verb``: its ``ccomp`` children, or the clause a parenthetical "X said"
    interrupts or follows ("The sanctions, the ministry said, are illegal")."""
    out = [c for c in verb.children if c.dep_ == "ccomp"]
    # "called the Commission's plan illegal": a predicate with a subject of its own is a small clause
    out += [c for c in verb.children if c.dep_ == "oprd" and any(g.dep_ == "nsubj" for g in c.children)]
    if verb.dep_ == "parataxis" and verb.head.pos_ in ("VERB", "AUX"):
        out.append(verb.head)
    return out


def clause_subject(clause: Token) -> Token | None:
    """Subject (or passive subject) of a clause verb."""
    return args.holder_subject(clause)


def negated(token: Token) -> bool:
    """Whether a clause verb or predicate carries a negation ("was not illegal", "would never accept")."""
    return any(c.dep_ == "neg" for c in token.children)


def modal_clause(verb: Token, words: frozenset[str]) -> Token | None:
    """A reported clause with an obligation on someone other than the speaker ("said Y must/should").

    ``words`` holds modal auxiliaries and verbs taking a "to" complement ("needs to", "has to").
    """
    for clause in complements(verb):
        subj = clause_subject(clause)
        if subj is None or subj.lower_ in SELF or subj.lower_ == "there":
            continue  # "said it must defend itself" is no request; "it should be possible" neither
        # Only a modal auxiliary obliges: "has" in "a nurse has been diagnosed" is the perfect tense.
        if any(c.dep_ == "aux" and c.tag_ == "MD" and c.lemma_.lower() in words for c in clause.children):
            return clause
        if clause.lemma_.lower() in words and any(c.dep_ == "xcomp" for c in clause.children):
            return clause
    return None


def subjunctive_clause(verb: Token) -> Token | None:
    """A reported clause in the subjunctive, with a subject other than the speaker: what is demanded of
    someone ("insisted that Tokyo retract its comments", "insisting the dispute be settled bilaterally"), not
    what is asserted ("insisted the prince had no knowledge")."""
    for clause in complements(verb):
        subj = clause_subject(clause)
        if subj is None or subj.lower_ in SELF or subj.lower_ == "there":
            continue
        if any(c.dep_ == "aux" and c.tag_ == "MD" for c in clause.children):
            continue
        if clause.tag_ == "VB" or any(c.dep_ == "auxpass" and c.tag_ == "VB" for c in clause.children):
            return clause
        # the tagger reads a bare form as present tense (or a noun or adverb: "that Ethiopia share data",
        # "that Bosnia back its position"): a subjunctive after a past reporting verb, or with a singular
        # subject ("that NATO provide")
        bare = clause.tag_ in ("VBP", "NN", "RB") and clause.lower_ == clause.lemma_.lower()
        if bare and (verb.tag_ == "VBD" or subj.tag_ in ("NN", "NNP")):
            return clause
    return None


def to_blame(token: Token) -> bool:
    """ "X was to blame (for …)": the infinitive "to blame" as a predicate of "be" (X is blamed, X blames
    nobody)."""
    return (
        token.lemma_.lower() == "blame"
        and token.dep_ == "xcomp"
        and token.head.lemma_.lower() == "be"
        and any(c.tag_ == "TO" for c in token.children)
        and not any(c.dep_ in ("dobj", "obj") for c in token.children)
    )


def predicate(verb: Token, words: frozenset[str]) -> Token | None:
    """A predicate in ``words`` said of something: the reporting verb's own ("called the move illegal",
    "described it as illegitimate") or its reported clause's ("said the move was illegal/a violation").

    A negated clause ("was not illegal") never matches.
    """
    pool = [c for c in verb.children if c.dep_ in OWN_PRED_DEPS]
    # 'called the decision "unacceptable"' parsed with the quoted adjective after the object as its modifier
    pool.extend(a for o in verb.children if o.dep_ in ("dobj", "obj") for a in o.children
                if a.dep_ == "amod" and a.i > o.i)  # fmt: skip
    # "described it as illegitimate"; "viewed the decision as a violation" ("as" may hang on the object)
    holders = [verb, *(c for c in verb.children if c.dep_ in ("dobj", "obj"))]
    pool.extend(
        g for h in holders for c in h.children if c.dep_ == "prep" and c.lower_ == "as" for g in c.children
    )
    for clause in complements(verb):
        if negated(clause):
            continue
        if clause.pos_ in ("ADJ", "NOUN"):
            pool.append(clause)
        pool.extend(c for c in clause.children if c.dep_ in PRED_DEPS and not negated(c))
        pool.extend(c for c in clause.children if to_blame(c))  # "said Manila was to blame"
        if clause.lemma_.lower() in EQUATING:  # "said the plan amounted to theft", "constituted a violation"
            pool.extend(c for c in clause.children if c.dep_ in ("dobj", "obj"))
            pool.extend(args.prep_objects(clause, ("to",)))
    for p in pool:
        for t in (p, *p.conjuncts):
            if t.lemma_.lower() in words or t.lower_ in words:
                return t
        if p.pos_ == "NOUN":  # "a dangerous precedent", "a positive step"
            for m in p.children:
                if m.dep_ == "amod" and m.lower_ in words:
                    return m
        # "an act of aggression", "a clear breach of": the "of" object of a light attribute noun.
        for g in args.prep_objects(p, ("of",)):
            if g.lemma_.lower() in words:
                return g
    return None


# Verbs of attempt and intent whose infinitive tells what the clause's subject does ("said Moscow was trying
# to intimidate its neighbours": intimidating, told of Moscow; twenty-second session)
ATTEMPT = frozenset({"try", "seek", "attempt", "aim", "want", "plan", "continue"})


def reported_verb(verb: Token, words: frozenset[str]) -> Token | None:
    """A reported clause, not negated, whose verb is in ``words`` ("said it would retaliate"), or whose
    verb of attempt has such an infinitive ("said Moscow was trying to intimidate"; the clause verb)."""
    for clause in complements(verb):
        if negated(clause):
            continue
        if clause.lemma_.lower() in words:
            return clause
        if clause.lemma_.lower() in ATTEMPT and any(
            c.dep_ == "xcomp" and c.lemma_.lower() in words and not negated(c) for c in clause.children
        ):
            return clause
    return None


def reported_doer(verb: Token, words: frozenset[str]) -> Token | None:
    """A reported passive clause, not negated, whose verb is in ``words`` and whose doer is named with "by"
    ("said the arson had been ordered **by Russian intelligence**"; eighteenth session); returns the clause
    verb."""
    for clause in complements(verb):
        if clause.lemma_.lower() in words and not negated(clause) and passive_doer(clause) is not None:
            return clause
    return None


def passive_doer(clause: Token) -> Token | None:
    """The "by" object of a passive clause verb ("was ordered by Moscow" → Moscow), else None."""
    if not any(c.dep_ == "auxpass" for c in clause.children):
        return None
    return next(iter(args.agent(clause)), None)


# Words an idiom is matched without: "all options are on the table" is "option on table".
IDIOM_SKIP = frozenset({"DET", "ADJ", "AUX", "ADV", "PUNCT", "PRON", "PART", "NUM"})


def reported_idiom(verb: Token, idioms: frozenset[str]) -> Token | None:
    """A reported clause, not negated, that says one of ``idioms`` (lemmas, without determiners,
    adjectives, auxiliaries and adverbs: "option on table", "pay price", "face consequence"); returns the
    clause's verb."""
    keys = _idiom_keys(idioms)
    for clause in complements(verb):
        last = clause.right_edge
        text = " " + doc_text(verb.doc)[clause.left_edge.idx : last.idx + len(last)].lower()
        if not any(key in text for key in keys) or negated(clause):
            continue  # (a cheap test on the text first: most clauses hold no idiom's last word)
        # (a skipped kind of word counts where an idiom has it: "fell short", "ran counter to")
        own = _idiom_words(idioms)
        kept = [t for t in clause.subtree if t.pos_ not in IDIOM_SKIP or t.lemma_.lower() in own]
        words = f" {' '.join(t.lemma_.lower() for t in kept)} "
        if " no " in words:
            continue  # "would face no consequences"
        if any(f" {idiom} " in words for idiom in idioms):
            return clause
    return None


@lru_cache(maxsize=8)
def _idiom_words(idioms: frozenset[str]) -> frozenset[str]:
    """Every word of the idioms, and "no" (which cancels an idiom: "would face no consequences")."""
    return frozenset(w for idiom in idioms for w in idiom.split()) | {"no"}


@lru_cache(maxsize=8)
def _idiom_keys(idioms: frozenset[str]) -> frozenset[str]:
    """The last word of each idiom ("table", "price"): a clause whose text lacks them all holds none."""
    return frozenset(" " + idiom.rsplit(" ", 1)[-1] for idiom in idioms)  # (" day" is not in "Monday")


def statement_target(
    verb: Token, consumed: tuple[Token, ...], cameo: str, is_actor: IsActor | None
) -> tuple[Token, ...]:
    """Target of a statement event from its reported clause (empty when none is named).

    The clause subject when it is an actor and not the speaker ("said Israel must halt"), else the actor
    owning it ("said Washington's sanctions were illegal"), else the reporting verb's object ("told Serbia
    it must", "called the move illegal" → the move's owner); for statements of intent (AGREE, REJECT,
    THREATEN), also the nearest actor inside the clause ("said it would not negotiate with Hamas").
    """
    actor = is_actor if is_actor is not None else _named
    clause = _clause_of(verb, consumed)
    root = cameo[:2]
    self_words = PERSONAL if root in INTENT_ROOTS else SELF
    if clause is not None:
        doer = passive_doer(clause)
        if doer is not None and actor(doer):  # "said the attack was ordered by Moscow": Moscow's deed
            return args.with_conjuncts(doer)
        subj = clause_subject(clause)
        if subj is not None and subj.lower_ not in self_words:
            if actor(subj):
                return args.with_conjuncts(subj)
            owner = _owner(subj, actor)
            if owner is not None:
                return (owner,)
    for obj in args.children(verb, args.OBJ | frozenset({"dative", "iobj"})):
        if args.audience(obj):
            continue  # "told parliament that the zone was invalid": who heard it (twenty-fifth session)
        if actor(obj):
            return args.with_conjuncts(obj)
        owner = _owner(obj, actor)
        if owner is not None:
            return (owner,)
    if clause is not None and root in INTENT_ROOTS:
        found = nearest_in_subtree(clause, lambda t: t.tag_ != "PRP$" and _usable(t) and actor(t))
        if found is not None:
            return args.with_conjuncts(found)
    return ()


def intent_holder(
    verb: Token, consumed: tuple[Token, ...], cameo: str, is_actor: IsActor | None
) -> tuple[Token, tuple[Token, ...]] | None:
    """For a statement of intent about someone else ("officials say Putin is ready to cooperate with
    Washington"): the clause subject as the source and the nearest other actor of the clause as the
    target; None when the speaker states its own intent."""
    if cameo[:2] not in HELD_ROOTS:  # a warning stays the speaker's threat ("warned that Sweden must act")
        return None
    actor = is_actor if is_actor is not None else _named
    clause = _clause_of(verb, consumed)
    subj = clause_subject(clause) if clause is not None else None
    if clause is None or subj is None or subj.lower_ in PERSONAL or not actor(subj):
        return None
    if any(c.dep_ == "aux" and c.lower_ in OBLIGATION for c in clause.children):
        return None  # "said Y must …" puts a demand on Y: the speaker stays the source
    found = nearest_in_subtree(
        clause,
        lambda t: t.i != subj.i and t.tag_ != "PRP$" and _usable(t) and actor(t) and t not in subj.subtree,
    )
    return subj, (args.with_conjuncts(found) if found is not None else ())


def _clause_of(verb: Token, consumed: tuple[Token, ...]) -> Token | None:
    clauses = complements(verb)
    for tok in consumed:
        for clause in clauses:
            if tok == clause or clause in tok.ancestors:
                return clause
    return None


def _owner(noun: Token, actor: IsActor) -> Token | None:
    for c in noun.children:
        if c.dep_ in OWNER_DEPS and c.tag_ != "PRP$" and _usable(c) and actor(c):
            return c
    for g in args.prep_objects(noun, ("by", "from")):
        if _usable(g) and actor(g):
            return g
    return None


def _usable(token: Token) -> bool:
    return token.ent_type_ not in args.NON_ACTOR_ENTS


def _named(token: Token) -> bool:
    return token.ent_type_ in NAMED
