"""Target fallbacks: where to look for a target when a pattern's own slots name no actor.

The levels are tried in order; the first that finds an actor wins and its factor is multiplied into the
candidate's confidence (the further from the pattern's own slot, the less sure we are):

1. ``inner`` (0.85): an actor inside the object phrase - a possessor or modifier ("condemned Iran's missile
   test" → Iran, "criticized the Chinese decision" → Chinese) or a prepositional object inside it.
2. ``clause`` (0.8): the subject of the complement clause of a request/accuse/warn verb (``control.tsv``
   kind ``clause``): "urged that the government halt..." → government; "warned of consequences if Israel
   attacked" → Israel.
3. ``benefit`` (0.85): the "to"/"for" beneficiary of an aid event (CAMEO 07x, 033x): "sent supplies for
   the flood victims" → victims.
4. ``subtree`` (0.7): the nearest actor head anywhere in the trigger's own subtree, never inside the
   source's phrase and never inside a clause that has its own subject (that clause is another event).

The source (and its phrase) is never made its own target.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from spacy.tokens import Token

from whimbrel.events import arguments as args

IsActor = Callable[[Token], bool]
INNER, CLAUSE, BENEFIT, SUBTREE = 0.85, 0.8, 0.85, 0.7
# Clause children that are separate events when they have their own subject.
CLAUSE_DEPS = frozenset({"ccomp", "advcl", "acl", "relcl", "xcomp", "csubj"})
# Children never searched: the subject is the source side, conjoined verbs and asides are other events.
# An adverbial clause is circumstance, not participant: "Speaking in Paris, the minister criticised ...".
SKIP_DEPS = frozenset(
    {"nsubj", "csubj", "conj", "cc", "punct", "parataxis", "mark", "aux", "neg", "det", "advcl"}
)
CONDITION_MARKS = frozenset({"if", "unless", "should"})
THREAT_ROOT = "13"  # CAMEO threaten: a condition names whom the threat is aimed at
NAMED = frozenset({"PERSON", "GPE", "ORG", "NORP"})
# Prepositions of setting: a phrase of them put before the trigger is where or when, not whom ("In
# Washington, the press secretary condemned the attack").
SETTING_PREPS = frozenset(
    {"in", "at", "from", "during", "after", "before", "on", "since", "across", "throughout"}
)
# Prepositions of place on a verb: the place is where the act happened, a party only to a protest, an
# attack or a visit there (CAMEO roots 14, 18-20; 042)
LOCATIVE_PREPS = frozenset({"in", "at", "near", "outside", "inside"})
PLACE_ROOTS, VISIT = frozenset({"14", "18", "19", "20"}), "042"
# Stances on an act (support, disapproval, rejection, protest: CAMEO roots 05, 11, 12, 14): objecting to a
# measure on X, or defending X's arrest, is no act on X
STANCE_ROOTS = frozenset({"05", "11", "12", "14"})
# acts of harm whose "of" object is who was harmed ("the killing of three activists")
HARMS = frozenset({
    "attack", "airstrike", "strike", "bombing", "bombardment", "shelling", "shooting", "assault", "raid",
    "killing", "murder", "massacre", "arrest", "detention", "abduction", "kidnapping", "execution", "torture",
    "deportation", "expulsion", "persecution", "jailing", "imprisonment", "beating", "slaughter",
})  # fmt: skip
_NAMING = frozenset({"call", "describe", "term", "label", "brand", "dub", "characterize", "characterise"})
MAX_VISITS = 40  # a subtree search never walks more than this many tokens (speed on long sentences)


def _in_role(t: Token, head: Token) -> bool:
    """``t`` is inside an "as" phrase below ``head``: a role someone holds ("his first trip as the top U.S.
    diplomat"), not a party."""
    below = t
    for anc in t.ancestors:
        if anc.i == head.i:
            return False
        if anc.dep_ == "prep" and anc.lower_ == "as":
            # (but "as a mediator in Myanmar's crisis" names the parties it goes between, and "what it
            # described as Hungary's choice" names what another verb describes)
            described = anc.head.i != head.i and anc.head.pos_ in ("VERB", "AUX")
            return not described and not (below.lemma_.lower() in _GO_BETWEENS and below.i != t.i)
        below = anc
    return False


# a role between parties, whose own phrase names them ("act as a mediator in Myanmar's crisis")
_GO_BETWEENS = frozenset({"mediator", "intermediary", "broker", "guarantor", "facilitator", "go-between"})


def fallback_targets(
    head: Token,
    slots: Sequence[Token],
    consumed: Sequence[Token],
    sources: Sequence[Token],
    cameo: str,
    clause_verbs: frozenset[str],
    is_actor: IsActor | None,
) -> tuple[tuple[Token, ...], float]:
    """Target heads and confidence factor from the first fallback level that finds an actor.

    ``head`` is the trigger head, ``slots`` the tokens the pattern's own target slots found (they were
    not actors), ``consumed`` the words a ``requires`` constraint matched (part of the trigger), ``sources``
    the chosen source heads.  Returns ``((), 1.0)`` when nothing is found.
    """
    actor = is_actor if is_actor is not None else _named
    # (the source's phrase, not the trigger's own clause when the parser hung the verb under the source:
    # "The US-led coalition bombed IS positions" read as a noun with a participle)
    own = range(head.left_edge.i, head.right_edge.i + 1)
    banned = {t.i for s in sources for t in s.subtree if t.i not in own} | {head.i} | {t.i for t in consumed}
    # ... nor the unnamed modifiers of the trigger's own words ("conducted military exercises", "his first
    # state visit")
    banned |= {c.i for t in (head, *consumed) for c in t.children if args.unnamed_modifier(c)}

    def ok(t: Token) -> bool:
        # A possessive pronoun ("its troops") mostly points back at the source: never a fallback target,
        # nor what it owns ("refused to withdraw its troops from Ukraine": Ukraine)
        return (
            t.i not in banned
            and t.tag_ != "PRP$"
            and t.ent_type_ not in args.NON_ACTOR_ENTS
            and not (t.pos_ == "NOUN" and args.owned(t) and not any(c.lower_ == "own" for c in t.children))
            and not args.steals(t)  # the subject of a later verb, misread as a conjunct of an object
            and not args.related_owner(t)  # "accused Kyiv's partners": not Kyiv
            # an adjective naming nobody ("asked Armenia for an official explanation": no official)
            and not (t.pos_ == "ADJ" and t.dep_ == "amod" and not t.ent_type_)
            # a role the doer holds ("his first trip as president"; twenty-sixth session)
            and not _in_role(t, head)
            and actor(t)
        )

    objects = _objects(head, slots, cameo)
    if cameo[:2] in STANCE_ROOTS:
        banned |= harmed(head)
    for found, factor in (
        (_inner(objects, consumed, ok), INNER),
        (_clause(head, clause_verbs, ok), CLAUSE),
        (_condition(head, ok) if cameo.startswith(THREAT_ROOT) else None, CLAUSE),
        (_benefit(head, objects, consumed, cameo, ok), BENEFIT),
        (nearest_in_subtree(head, ok, places_count(cameo)), SUBTREE),
    ):
        if found is not None:
            return tuple(t for t in args.with_conjuncts(found) if ok(t)), factor
    return (), 1.0


Ok = Callable[[Token], bool]


def harmed(head: Token) -> set[int]:
    """The words naming who was harmed by an act of harm the trigger takes a stance on ("criticised the
    bombardment **of civilians**"): no party to the stance; who did the harm is (its "by" agent, else the act
    told before: twenty-fifth session)."""
    objects = [c for c in head.children if c.dep_ in ("dobj", "obj")]
    objects += [g for p in head.children if p.dep_ == "prep" for g in p.children if g.dep_ == "pobj"]
    victims = [g for o in objects if o.lemma_.lower() in HARMS for g in args.prep_objects(o, ("of",))]
    return {t.i for v in victims for t in v.subtree}


def _named(token: Token) -> bool:
    return token.ent_type_ in NAMED


def _objects(head: Token, slots: Sequence[Token], cameo: str = "") -> list[Token]:
    objs = [args.counted(t) for t in slots]
    objs.extend(c for c in head.children if c.dep_ in ("dobj", "obj", "oprd") and c not in objs)
    for clause in head.children:
        # "criticised what he called China's coercion": the named thing is the object, and who did it is
        # inside it ("China's", "by Chinese vessels")
        if (
            clause.dep_ in ("ccomp", "dobj")
            and clause.lemma_.lower() in _NAMING
            and any(c.lower_ == "what" for c in clause.children)
        ):
            objs.extend(c for c in clause.children if c.dep_ in ("oprd", "attr") and c not in objs)
            # ("praised what it described as Tbilisi's choice"; but "struck what the army described as
            # militant hideouts" names no target by the describing)
            objs.extend(args.prep_objects(clause, ("by", "as") if cameo[:2] in STANCE_ROOTS else ("by",)))
    return objs


def _inner(objects: Sequence[Token], consumed: Sequence[Token], ok: Ok) -> Token | None:
    for obj in objects:
        if obj in consumed:
            continue
        for t in obj.subtree:
            if t.i != obj.i and t.dep_ in args.INSIDE_DEPS and ok(t):
                return t
    # A trigger noun's own modifiers are its source side ("withdrew Russian troops"): only the objects of
    # its prepositions may be the target ("voiced concern over the American arms sales").
    for noun in consumed:
        for t in noun.subtree:
            if t.dep_ == "pobj" and ok(t):
                return args.counted(t)
    return None


def _clause(head: Token, clause: frozenset[str], ok: Ok) -> Token | None:
    if head.lemma_.lower() not in clause:
        return None
    for c in head.children:
        conditional = _condition_clause(c)
        if c.dep_ == "ccomp" or conditional:
            subj = args.holder_subject(c)
            if subj is not None and subj.lower_ in args.SELF and not conditional:
                # "warned that it would retaliate against any American attack": the speaker's own act,
                # aimed at whoever its clause names
                return nearest_in_subtree(c, ok)
            if subj is not None and ok(subj):
                return subj
            if subj is not None and not conditional:
                # "warned that Saudi cities would pay the price", "that airports in Chad could become
                # targets": the party named inside the clause's subject (twenty-fifth session)
                inside = _inner([subj], (), ok)
                if inside is not None:
                    return inside
    return None


def _condition(head: Token, ok: Ok) -> Token | None:
    """The subject of the condition a threat is made on: "would take all measures if Ethiopia harmed its
    interests" → Ethiopia (nineteenth session).  The condition may hang on the trigger or on a verb of its
    own clause below it."""
    for verb in (head, *(c for c in head.children if c.dep_ in ("xcomp", "advcl") and c.tag_ == "VB")):
        for c in verb.children:
            if _condition_clause(c):
                subj = args.holder_subject(c)
                if subj is not None and ok(subj):
                    return subj
    return None


def _condition_clause(clause: Token) -> bool:
    """``clause`` is an "if" / "unless" / "should" clause on its head."""
    return clause.dep_ == "advcl" and any(m.lower_ in CONDITION_MARKS for m in clause.children)


def _benefit(
    head: Token, objects: Sequence[Token], consumed: Sequence[Token], cameo: str, ok: Ok
) -> Token | None:
    if not (cameo.startswith("07") or cameo.startswith("033")):
        return None
    for owner in (head, *objects, *consumed):
        for obj in args.prep_objects(owner, ("to", "for")):
            obj = args.counted(obj)
            if ok(obj):
                return obj
    return None


def nearest_in_subtree(head: Token, ok: Ok, places: bool = True) -> Token | None:
    """Nearest token under ``head`` passing ``ok`` (not its subject, conjuncts or own-subject clauses);
    with ``places`` False, never a place where a verb happened ("lodged a protest in Beijing")."""
    # Breadth-first: nearest in the tree first, then nearest in the text.
    level = [head]
    visits = 0
    while level and visits < MAX_VISITS:
        nxt = [
            c
            for t in level
            for c in t.children
            if _searchable(c) and not setting(c, head) and (places or not locative(c))
        ]
        nxt.sort(key=lambda t: abs(t.i - head.i))
        for t in nxt:
            if ok(t):
                return args.counted(t)
        visits += len(nxt)
        level = nxt
    return None


def setting(token: Token, head: Token) -> bool:
    """``token`` is a preposition of setting put before the trigger ``head`` ("In Washington, ...")."""
    return (
        token.dep_ == "prep" and token.i < head.i and token.head.i == head.i and token.lower_ in SETTING_PREPS
    )


def places_count(cameo: str) -> bool:
    """Whether a place where the act happened may be its party: a protest, an attack or a visit there."""
    return cameo[:2] in PLACE_ROOTS or cameo == VISIT


def locative(token: Token) -> bool:
    """``token`` is a preposition of place on a verb ("lodged a protest … **in** Beijing")."""
    return token.dep_ == "prep" and token.lower_ in LOCATIVE_PREPS and token.head.pos_ in ("VERB", "AUX")


def set_in(token: Token) -> bool:
    """``token`` is a place a thing is set in, the object of a preposition of place on a noun ("rejected the
    proposal **in Muscat**"): no party to a stance on the thing."""
    prep = token.head
    return token.dep_ == "pobj" and prep.lower_ in LOCATIVE_PREPS and prep.head.pos_ in ("NOUN", "PROPN")


def _searchable(token: Token) -> bool:
    if token.dep_ in SKIP_DEPS or token.lower_ == "according":  # "according to X": who tells it, no party
        return False
    if token.dep_ in CLAUSE_DEPS:
        return not any(c.dep_ in args.SUBJ or c.dep_ in args.PASS_SUBJ for c in token.children)
    return True
