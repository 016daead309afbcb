"""Arguments found in the clause around a trigger rather than on it: a noun's source from its clause ("In a
phone call with Biden, Scholz said"), the claimant of an attack, "under house arrest", and perfect
infinitives that describe someone by a past deed (background, no event).
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Token

from whimbrel.events import arguments as args
from whimbrel.events.patterns import Pattern

IsActor = Callable[[Token], bool]
_CLAIMS = frozenset({"claim", "take", "accept", "admit", "acknowledge"})  # ... responsibility for

CLAUSE_NOUN_PREPS = frozenset({"in", "during", "as", "after", "following", "before"})
# ... of these only when the noun names its other party ("after talks with Germany", not "after legal
# consultation")
PARTNERED_PREPS = frozenset({"after", "following", "before"})
# verbs of saying whose "there will be ..." clause announces the speaker's own act
SAYING = frozenset({"say", "tell", "warn", "announce", "insist", "vow", "add", "state", "declare", "stress"})


def clause_source(noun: Token, pat: Pattern, control: frozenset[str], is_actor: IsActor | None) -> args.Found:
    """Source of an event noun from the clause around it ("In a phone call with Biden, Scholz said",
    "dropped its objections after talks with Germany").

    Only for verbal and diplomatic events (CAMEO 01-13): "police arrested ten people in the protests"
    must not make the police protesters.
    """
    if pat.cameo[:2] > "13":
        return args.Found(())
    prep = noun.head
    if any(c.dep_ == "prep" and c.lower_ == "between" for c in noun.children):
        return args.Found(())  # "after talks between Kyiv and Moscow": the noun names both parties
    if noun.dep_ == "pobj" and prep.lower_ in CLAUSE_NOUN_PREPS and prep.head.pos_ in ("VERB", "AUX"):
        if prep.lower_ == "as" and args.children(prep.head, args.OBJ):
            return args.Found(())  # "rejected the US as a mediator": the role of the object, no event
        if prep.lower_ in PARTNERED_PREPS and not args.prep_objects(noun, ("with", "to")):
            return args.Found(())
        found = args.verb_subject(prep.head, control, is_actor)
        return args.Found(found.heads, fallback=True)
    if noun.dep_ == "attr" and noun.head.lemma_ == "be":  # "Egypt is the main mediator"
        holder = args.holder_subject(noun.head)
        if holder is None and _existential(noun.head):
            # "Biden said there would be consequences for Riyadh": what is announced to exist is the
            # speaker's own (threat, talks, aid)
            return args.Found(args.verb_subject(noun.head.head, control, is_actor).heads, fallback=True)
        return args.Found((holder,) if holder is not None else (), fallback=True)
    return args.Found(())


def _existential(be: Token) -> bool:
    """A "there is / there will be" clause reported by a verb of saying."""
    return (
        any(c.dep_ == "expl" for c in be.children) and be.dep_ == "ccomp" and be.head.lemma_.lower() in SAYING
    )


def describes(verb: Token) -> bool:
    """A perfect infinitive that describes someone by a past deed ("the only two states to have signed
    treaties with Israel", "the first leader to have visited Pyongyang"): background, not news.  Raising
    verbs keep theirs ("are believed to have attacked the convoy" is an alleged attack)."""
    if verb.tag_ != "VBN" or verb.dep_ == "xcomp":
        return False
    aux = {c.lower_ for c in verb.children if c.dep_ == "aux"}
    return "to" in aux and "have" in aux


def claimant(noun: Token) -> Token | None:
    """The verb claiming responsibility for the act ``noun`` names ("claimed responsibility for the
    bombing", "took responsibility for the attack", "claimed the attack"), if any."""
    if noun.dep_ in ("dobj", "obj") and noun.head.lemma_.lower() == "claim":
        return noun.head
    prep = noun.head
    if noun.dep_ != "pobj" or prep.lower_ != "for" or prep.head.lemma_.lower() != "responsibility":
        return None
    verb = prep.head.head
    owning = prep.head.dep_ in ("dobj", "obj") and verb.lemma_.lower() in _CLAIMS
    return verb if owning else None


def under(
    noun: Token, src: args.Found, tgt: args.Found, control: frozenset[str], is_actor: IsActor | None
) -> tuple[args.Found, args.Found, bool]:
    """Arguments of "under <event>": "X is under house arrest", "police kept X under house arrest".

    The object of an active verb, else the clause's subject, is the one under the event; the active
    verb's subject (or a "by/from" agent of the noun) is the source; otherwise there is no agent.
    """
    verb = noun.head.head
    if verb.pos_ not in ("VERB", "AUX"):
        return src, tgt, False
    objs = args.children(verb, args.OBJ)
    if objs and not args.is_passive(verb):
        source = src if src.heads else args.verb_subject(verb, control, is_actor)
        return source, args.Found(args.with_conjuncts(objs[0])), False
    holder = args.holder_subject(verb)
    if holder is None:
        return src, tgt, False
    return src, args.Found(args.with_conjuncts(holder)), not src.heads
