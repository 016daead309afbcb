"""Acts referred back to: "X condemned the attack" is aimed at whoever made the attack.

A trigger whose object (or the object of against/over/of/about/for/on) is a definite noun of an act ("the
attack", "Wednesday's bombing", "this move") that names no party of its own refers to an act the article
told before; the doer of that act (the source of the article's latest event of the noun's kind, by someone
other than the trigger's own source) is the trigger's target.  The nouns and their kinds are the ``act_*``
lists of ``lexicons.tsv`` (users add words in their own lexicon files).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date

from spacy.tokens import Token

from whimbrel.records import Actor, Event


@dataclass(frozen=True)
class Kind:
    """What a kind of act noun refers back to: events of ``types`` (None: any deed), the latest of the last
    ``window`` events, or (``lead``) the one of the trigger's day, else the article's first."""

    types: frozenset[str] | None
    lead: bool = False
    window: int = 0  # 0: the whole article
    foreign: bool = False  # never an event of the sources' own country ("Rubio welcomed the ceasefire")
    codes: frozenset[str] | None = None  # only events of these CAMEO codes (None: any of ``types``)
    # never words of a state body of the sources' own state: "Peskov dismissed the accusations" answers
    # Poland's, not what Zakharova said before (eighteenth session)
    answered: bool = False


KINDS: dict[str, Kind] = {
    # "the attack" is mostly the article's lead act of force, told in the first sentences
    "act_force": Kind(frozenset({"ASSAULT"}), lead=True),
    "act_coerce": Kind(frozenset({"COERCE", "SANCTION"}), lead=True),
    # "rejected the proposal" answers the latest demand or offer
    "act_demand": Kind(frozenset({"REQUEST", "AGREE"})),
    # "the move" is one of the latest few deeds (material cooperation or conflict), never another party's
    # words about it: "China condemned the move. Russia also criticised the move" must not make China
    # Russia's target
    "act_any": Kind(None, window=4, answered=True),
    # "rejected the remarks", "dismissed the accusations": the latest hostile words by someone else
    "act_words": Kind(frozenset({"ACCUSE", "THREATEN", "REJECT", "PROTEST"}), window=6, answered=True),
    # "hailed the treaty", "welcomed the signing": the latest agreement or truce by others (sixteenth session)
    "act_deal": Kind(frozenset({"AGREE", "CONCEDE"}), window=6, foreign=True),
    # "Peskov described the protests as a provocation", "the government condemned the demonstrations": the
    # crowd of the latest protest by others, of any state (twenty-sixth session)
    "act_protest": Kind(frozenset({"PROTEST"}), window=6),
    # "Jordan condemned the visit": the visitor of the latest visit or meeting by others (eighteenth session)
    # (a visit made: CAMEO 042, never the host's "received")
    "act_visit": Kind(frozenset({"CONSULT"}), window=6, codes=frozenset({"042"})),
    # "the Kremlin dismissed the meeting": a party to the latest meeting or talks by others (twenty-fourth
    # session)
    "act_meeting": Kind(frozenset({"CONSULT"}), window=6, answered=True),
}
_DEEDS = frozenset({2, 4})  # quad classes of material cooperation and conflict
# words that are deeds all the same: diplomatic recognition and a signed agreement ("recognised Israeli
# sovereignty over the Golan Heights. France regrets the decision")
_DEED_CODES = frozenset({"054", "057"})
_DEFINITE = frozenset({"the", "this", "that", "these", "those"})
_PREPS = frozenset({"against", "over", "of", "about", "for", "on", "by", "with", "at"})
_IT = frozenset({"it", "this"})
_ABOUT = frozenset({"for", "into", "over", "about", "of"})  # what a demanded explanation or inquiry is about
_MEASURE_TYPES = frozenset({"COERCE", "SANCTION"})


def act_nouns(lexicons: Mapping[str, frozenset[str]]) -> dict[str, str]:
    """Noun lemma -> kind of act, from the ``act_*`` word lists (a later kind wins for a word in two)."""
    return {word: kind for kind in KINDS for word in lexicons.get(kind, ())}


def referred_act(head: Token, nouns: Mapping[str, str]) -> str | None:
    """The kind of the definite act noun ``head`` acts on ("condemned the attack" -> "act_force"), or None."""
    for child in head.children:
        if child.dep_ == "dobj" and child.lower_ in _IT:
            return "act_any"  # "called it unacceptable": an act told before (no actor was found for "it")
        if child.dep_ in ("oprd", "ccomp", "xcomp") and child.pos_ in ("ADJ", "NOUN"):
            # 'called the suspension "unacceptable"', parsed with the object under the quoted predicate
            inner = [c for c in child.children if c.dep_ in ("npadvmod", "nsubj") and c.i < child.i]
            before = inner[0].doc[inner[0].i - 1] if inner and inner[0].i else None  # ("the" hangs elsewhere)
            named = inner and (definite(inner[0]) or (before is not None and before.lower_ in _DEFINITE))
            if named and nouns.get(inner[0].lemma_.lower()) is not None:
                return nouns[inner[0].lemma_.lower()]
            continue
        if child.dep_ in ("dobj", "nsubjpass"):  # "condemned the attack", "their arrest was condemned"
            noun = child
        elif child.dep_ == "ccomp":  # "said the verdict was politically motivated", "the measures violated"
            subjects = [c for c in child.children if c.dep_ == "nsubj"]
            if not subjects:
                continue
            noun = subjects[0]
        elif child.dep_ in ("prep", "agent") and child.lower_ in _PREPS:
            objects = [t for t in child.children if t.dep_ == "pobj"]
            if not objects:
                continue
            noun = objects[0]
        else:
            continue
        kind = nouns.get(noun.lemma_.lower())
        if any(c.dep_ == "amod" and c.lower_ == "own" for c in noun.children):
            return None  # "announced its own sanctions": a new act of the subject, none told before
        if kind is not None and definite(noun):
            return kind
        if kind is None and child.dep_ == "dobj":
            # "demanded an explanation for the killing", "an investigation into the attack": the act the
            # object is about (twentieth session)
            about = [g for p in noun.children if p.dep_ == "prep" and p.lower_ in _ABOUT
                     for g in p.children if g.dep_ == "pobj"]  # fmt: skip
            for g in about:
                kind = nouns.get(g.lemma_.lower())
                if kind is not None and definite(g):
                    return kind
    return None


def appended_act(verb: Token, nouns: Mapping[str, str]) -> Token | None:
    """The doer of the act an appended noun sums up, when ``verb`` describes that noun: "Kenya closed its
    border with Somalia, **a move criticised** by the UN" → Kenya (the subject of the clause before the
    comma); None otherwise."""
    noun = verb.head
    if verb.dep_ != "acl" or noun.lemma_.lower() not in nouns:
        return None
    if not any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in noun.children):
        return None
    start = noun.left_edge.i
    if start == 0 or verb.doc[start - 1].text != ",":
        return None
    root = noun.sent.root
    if root.i > start or root.pos_ not in ("VERB", "AUX"):
        return None
    return next((c for c in root.children if c.dep_ == "nsubj"), None)


def definite(noun: Token) -> bool:
    """A noun with a definite article or a possessor ("the attack", "Wednesday's bombing")."""
    for child in noun.children:
        if child.dep_ == "det" and child.lower_ in _DEFINITE:
            return True
        if child.dep_ == "poss":
            return True  # "Wednesday's attack"; "their arrest", "the tourist's arrest": what was done to them
    return False


def antecedent(
    prior: Sequence[Event],
    sources: Sequence[Actor],
    kind: str,
    same: Callable[[Actor, Actor], bool],
    when: date | None = None,
) -> Actor | None:
    """The doer of the act of ``kind`` in ``prior`` that a definite noun refers to, by someone other than
    ``sources`` (no span: it was named in an earlier sentence); ``same(a, b)`` tells whether two actors are
    one and ``when`` is the trigger's date (see ``Kind``)."""
    rule = KINDS[kind]
    window = prior[-rule.window :] if rule.window else prior
    found = [
        e
        for e in window
        if (
            e.code.plover in rule.types
            if rule.types is not None
            else e.code.quad_class in _DEEDS or e.code.cameo in _DEED_CODES
        )
        and (rule.codes is None or e.code.cameo in rule.codes)
        and not any(same(e.source, s) for s in sources)
        and not (rule.foreign and any(e.source.country == s.country for s in sources if s.country))
        and not (rule.answered and any(one_state(e.source, s) for s in sources))
    ]
    if not found:
        return None
    if rule.lead:
        event = next((e for e in found if when is not None and e.date.start == when), found[0])
    else:
        event = found[-1]
    return replace(event.source, span=None)


_STATE_BODIES = frozenset({"GOV", "MIL", "COP", "JUD", "LEG"})


def one_state(a: Actor, b: Actor) -> bool:
    """Whether two actors are bodies of one state (its government, army, police, courts, parliament)."""
    return a.country is not None and a.country == b.country and {a.sector, b.sector} <= _STATE_BODIES


def eased(
    prior: Sequence[Event], sources: Sequence[Actor], same: Callable[[Actor, Actor], bool]
) -> Actor | None:
    """Whom the measure an easing act refers back to was aimed at: "Japan lifted the export restrictions"
    after "Japan imposed export restrictions on South Korea" is aimed at South Korea (the target of the
    source's own latest measure, coercion or sanction, that had one); None otherwise."""
    for event in reversed(prior):
        if event.code.plover not in _MEASURE_TYPES or event.target is None:
            continue
        if any(same(event.source, s) for s in sources):
            return replace(event.target, span=None)
    return None


def holder(prior: Sequence[Event], held: Actor, same: Callable[[Actor, Actor], bool]) -> Actor | None:
    """Who holds the people whose release is asked for: the source of the article's latest detention or
    sentence of them ("police detained protesters … Amnesty called for the release of the protesters": the
    police); None when no such act was told."""
    for event in reversed(prior):
        if event.code.plover == "COERCE" and event.target is not None and same(event.target, held):
            return replace(event.source, span=None)
    return None
