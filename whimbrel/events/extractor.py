"""The event extractor: find trigger patterns in a parsed sentence and attach their arguments."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path

from spacy.tokens import Span, Token

from whimbrel.events import arguments as args
from whimbrel.events import clauses, statements
from whimbrel.events.anaphora import act_nouns, appended_act
from whimbrel.events.emotions import dismay
from whimbrel.events.fallback import STANCE_ROOTS, fallback_targets, harmed, set_in
from whimbrel.events.matching import INFLECTED, IRREGULAR, NOUN_TAGS, Match, match, repaired
from whimbrel.events.patterns import (
    CLAUSE_TARGET,
    Pattern,
    index_patterns,
    packaged_file,
    read_control,
    read_lexicons,
    read_negatives,
    read_patterns,
)

VERB_TAGS = frozenset({"VERB"})
PREPOSITIONS = frozenset(
    {"with", "on", "at", "to", "against", "into", "for", "from", "over", "toward", "towards", "upon",
     "between", "about", "near"}
)  # fmt: skip
SPAN_GAP = 3  # a trigger range covers verb..particle/object only when they are this close
# Confidence factors (multiplied into the pattern's own confidence).
FALLBACK = 0.85
NO_TARGET = 0.8
NO_AGENT = 0.8  # an agentless passive ("Sixty people were arrested"): emitted with no source
SHORT_PATH = 2
# CAMEO roots whose agentless passives are still worth emitting (COERCE, ASSAULT): the lead fills the
# source ("police" for arrests); see docs/patterns.md.
NO_AGENT_ROOTS = frozenset({"14", "17", "18", "19", "20"})
_REJECTION = "12"  # CAMEO root of rejection
NO_AGENT_SUFFIX = ".passive-noagent"
_UNREST = frozenset({"protest", "demonstration", "unrest", "riot"})  # nouns of protest against the state
_COUNTS = frozenset({"thousands", "hundreds", "dozens", "tens", "scores", "millions"})
JOINT_SUFFIX = ".joint"  # "fighting between Armenian and Azerbaijani forces": one phrase names both parties
DISMAY_CAMEO = "110"  # disapprove: "alarmed that", "angered by"
DELIGHT_CAMEO = "051"  # praise or endorse: "pleased by", "very moved by"
DISMAY_CONFIDENCE = 0.6
DELIGHT_PATTERN = "support.delight"
DISMAY_PATTERN = "accuse.dismay"
_VIOLENT_ROOTS = frozenset({"18", "19", "20"})
# coercion and violence (whose describers are no targets)
COERCIVE_ROOTS = frozenset({"17", "18", "19", "20"})
_REDUCING = "16"  # CAMEO root of reduced relations: expulsions, withdrawals ordered
# roots of words and acts that answer an attack ("condemned", "vowed revenge for", "protested against")
_ANSWERING_ROOTS = frozenset({"11", "12", "13", "14"})
_CLASHES = frozenset({
    "clash", "face-off", "faceoff", "skirmish", "confrontation", "firefight", "gunfight", "fighting", "fight",
    "battle", "scuffle", "brawl", "shootout", "shoot-out", "melee",
})  # fmt: skip
_FIRE = frozenset({"fire", "gunfire", "shots", "artillery", "rocket"})  # what "an exchange of" fire is
_CAUSE_PREPS = ("in", "during", "by", "after")
# Prepositions whose event-noun object takes the clause subject as its source ("In a phone call with
# Biden, Scholz said", "Egypt is acting as a mediator between Israel and Hamas").


_COERCION = "17"  # CAMEO root of arrests, detentions, trials
_VICTIM_ROOTS = frozenset({"18", "19", "20"})  # force: a required object is the victim
_PLAIN_CALL = "consult.call.n"  # a call with no word of the telephone (twenty-fourth session)


def _owned_call(noun: Token) -> bool:
    """ "Öcalan's call", "returned his calls": a call with an owner and nobody it was made with or to is an
    appeal or a message, no conversation (4 of 4 such team and dev events were wrong; twenty-fourth
    session)."""
    owned = any(c.dep_ == "poss" for c in noun.children)
    partner = any(c.dep_ == "prep" and c.lower_ in ("with", "to", "between") for c in noun.children)
    return owned and not partner


# complain officially: an envoy summoned, whom the coder gives the host state as agent when none is named
SUMMON = "114"
_QUARRELS = frozenset({"shouting", "slanging", "screaming"})  # "a shouting match": no sports word


@dataclass(frozen=True)
class Candidate:
    """One event mention: trigger, CAMEO code and argument heads (Doc token indices)."""

    trigger: tuple[int, int]
    cameo: str
    sources: tuple[int, ...]
    targets: tuple[int, ...]
    confidence: float
    pattern: str
    trigger_head: int
    guessed_target: bool = False  # the targets come from a fall-back, not the pattern's own slots


@dataclass(frozen=True)
class SentenceScan:
    """What one pass over a sentence's words found: the lowest negative-context factor and the Doc indices
    of the words that head a pattern."""

    factor: float
    heads: tuple[int, ...]


_PAST = frozenset({"VBD", "VBN"})  # a negative word that is a verb counts only in the past ("scored")


class EventExtractor:
    """Finds event triggers and their argument heads in parsed sentences (picklable, immutable)."""

    def __init__(
        self,
        patterns: Sequence[Pattern],
        negatives: dict[str, float],
        control: dict[str, frozenset[str]],
        dismay_words: frozenset[str] = frozenset(),
        act_nouns: Mapping[str, str] | None = None,
        weapons: frozenset[str] = frozenset(),
        envoys: frozenset[str] = frozenset(),
        delight_words: frozenset[str] = frozenset(),
        behest: frozenset[str] = frozenset(),
        undergone: frozenset[str] = frozenset(),
        reporting: frozenset[str] = frozenset(),
    ) -> None:
        self.patterns = tuple(patterns)
        self.symmetric = frozenset(
            p.id for p in self.patterns if "symmetric" in p.flags
        )  # "met", "exchanged fire"
        self.index = index_patterns(self.patterns)
        self.heads = frozenset(word for _pos, word in self.index)  # a cheap first test for every token
        # lemmas that may be a head with its final "e" dropped by spaCy ("stag" for "staged")
        self.e_dropped = frozenset(h[:-1] for h in self.heads if h.endswith("e"))
        self.negatives = dict(negatives)
        self.object_control = control.get("object", frozenset())
        self.light_verbs = control.get("light", frozenset())
        self.clause_verbs = control.get("clause", frozenset())
        self.cause_nouns = control.get("cause", frozenset())
        self.occur_verbs = control.get("occur", frozenset())
        self.opposed_nouns = control.get("opposed", frozenset())
        self.dismay_words = dismay_words
        self.delight_words = delight_words
        self.act_nouns = dict(act_nouns or {})  # "attack" -> "act_force" (events.anaphora)
        self.undergone = undergone  # "their arrest": the possessor undergoes the act (arguments.undergoer)
        # measures and attacks whose "on"/"against" object is their victim ("sanctions on Iran")
        self.measures = frozenset(
            w for w, kind in self.act_nouns.items() if kind in ("act_force", "act_coerce")
        )
        self.weapons = weapons  # "with artillery": an instrument, no target (arguments.instrument)
        self.envoys = envoys  # "the German ambassador in Tehran": Germany, not the posting
        self.behest_words = behest  # "at the request of Britain": the asker and the doer (arguments.behest)
        self.reporting = reporting  # "bombed what Nairobi said was a rebel base": Nairobi is no victim

    @classmethod
    def load(
        cls,
        extra: Sequence[Path] = (),
        negatives: Sequence[Path] = (),
        control: Sequence[Path] = (),
        lexicons: Sequence[Path] = (),
    ) -> EventExtractor:
        """Packaged patterns plus user pattern files (a user row with an existing id replaces it).

        ``negatives``, ``control`` and ``lexicons`` add user negative-context, verb-class and word-list
        files (a user lexicon row adds a word to the named list used by ``@name`` in patterns).
        """
        if not extra and not negatives and not control and not lexicons:
            return _default()
        paths = (extra, negatives, control, lexicons)
        return _build(*(tuple(map(Path, p)) for p in paths))

    # ------------------------------------------------------------------ extraction

    def extract(
        self,
        sent: Span,
        is_actor: IsActor | None = None,
        context_factor: float | None = None,
        scan: SentenceScan | None = None,
    ) -> list[Candidate]:
        """Event candidates of one sentence; ``is_actor`` (optional) steers argument choice;
        ``context_factor`` is :meth:`context_factor` of ``sent``, or ``scan`` its :meth:`scan`, when the
        caller has it already (the sentence's words are then not read again)."""
        if scan is None:
            scan = self.scan(sent)
        factor = scan.factor if context_factor is None else context_factor
        if factor <= 0.0:
            return []
        matches = self.matches(sent, scan.heads)
        # A noun pattern with a modifier requirement ("a scathing attack", "a suicide attack") says more than
        # the light verb's pattern that took the noun as its object ("launched an attack"): the noun wins.
        # (Only a light verb's: "brokered a prisoner swap between Moscow and Kyiv" is mediation still.)
        marked = {
            m.token.i
            for m in matches
            if m.pattern.pos == "N"
            and any(k == "mod" for k, _ in m.pattern.requires)
            and self._light_governor(m.token) is not None
        }
        matches = [m for m in matches if m.pattern.pos == "N" or not any(t.i in marked for t in m.consumed)]
        consumed = {t.i for m in matches for t in m.consumed}
        light_used: set[int] = set()
        told: set[int] = set()
        out: list[Candidate] = []
        # Nouns first: a light verb whose object noun fired ("held talks") is not coded again.
        for m in sorted(matches, key=lambda m: m.pattern.pos != "N"):
            if m.pattern.pos == "N":
                if m.token.i in consumed and self._doer(m.token, is_actor) is None:
                    continue
                if m.pattern.id == _PLAIN_CALL and _owned_call(m.token):
                    continue  # "Öcalan's call", "never returned his calls": an appeal or a message, no talks
                cand = self._noun_candidate(m, is_actor)
                if cand is not None and cand.trigger_head != m.token.i:
                    light_used.add(cand.trigger_head)
            else:
                if m.token.i in light_used and not m.pattern.requires:
                    continue
                if m.pattern.cameo[:2] in _VIOLENT_ROOTS and _aimed_measure(m.token, self.act_nouns):
                    continue  # "measures targeting Russian gas": a measure aimed at something, no attack
                cand = self._verb_candidate(m, is_actor)
                if cand is not None and cand.cameo[:2] in _VIOLENT_ROOTS:
                    # "an Israeli air strike killed 25 people": the verb tells the attack, with its target
                    told.update(c.i for c in m.token.children if c.dep_ == "nsubj")
            if cand is not None and m.pattern.confidence > 0.0:  # confidence 0: a blocking pattern
                out.append(_scaled(cand, factor))
        out = [c for c in out if c.trigger_head not in told or c.cameo[:2] not in _VIOLENT_ROOTS]
        out.extend(_scaled(c, factor) for c in self._dismay(sent, is_actor, {c.trigger_head for c in out}))
        return _dedupe(out)

    def _doer(self, noun: Token, is_actor: IsActor | None) -> Token | None:
        """The named possessor that does the act ``noun`` tells ("**Iran's** release of two French
        nationals"; not "Navalny's release", an act he undergoes), if ``noun`` is another verb's object."""
        if noun.dep_ not in ("dobj", "nsubjpass") or args.undergoer(noun, self.undergone) is not None:
            return None
        doer = next((c for c in noun.children if c.dep_ == "poss" and c.tag_ != "PRP$"), None)
        return doer if doer is not None and (is_actor is None or is_actor(doer)) else None

    def _dismay(self, sent: Span, is_actor: IsActor | None, taken: set[int]) -> list[Candidate]:
        """ "France is alarmed that Iran resumed enrichment": disapproval told as a feeling (CAMEO 110);
        "Netanyahu said he was very moved by the announcement": approval (051)."""
        out = []
        kinds = (
            (self.dismay_words, DISMAY_CAMEO, DISMAY_PATTERN),
            (self.delight_words, DELIGHT_CAMEO, DELIGHT_PATTERN),
        )
        for words, cameo, pattern in kinds:
            for word, feeler, targets in dismay(sent, words, is_actor, self.act_nouns, self.undergone):
                if word.i in taken or not _plausible(feeler, is_actor):
                    continue
                sources = args.with_conjuncts(feeler)
                out.append(
                    Candidate(
                        trigger=(word.i, word.i + 1),
                        cameo=cameo,
                        sources=tuple(t.i for t in sources),
                        targets=tuple(t.i for t in targets if t not in sources),
                        confidence=DISMAY_CONFIDENCE,
                        pattern=pattern,
                        trigger_head=word.i,
                    )
                )
        return out

    def context_factor(self, sent: Span, is_name: Callable[[Token], bool] | None = None) -> float:
        """The lowest negative-context factor of the sentence's words (1.0: no sports or business word).

        ``is_name(token)`` True skips a word that is part of an actor's name ("the Arab League", "the
        Awami League"); it is asked only about negative words, so it may cost more than a lookup.
        """
        return self.scan(sent, is_name).factor

    def scan(self, sent: Span, is_name: Callable[[Token], bool] | None = None) -> SentenceScan:
        """One pass over the sentence's words: its :meth:`context_factor` and the words that head a
        pattern (what :meth:`extract` looks at; most words head none)."""
        factor, heads, negatives, dropped = 1.0, self.heads, self.negatives, self.e_dropped
        found: list[int] = []
        for t in sent:
            lower, lemma = t.lower_, t.lemma_.lower()
            f = negatives.get(lower)
            if f is not None and t.pos_ == "VERB" and t.tag_ not in _PAST:
                f = None  # "a committee it shares with Algeria": no market, no game ("scored" is one)
            if f is None and lemma != lower:
                f = negatives.get(lemma)
                f = None if f is not None and t.pos_ == "VERB" else f  # "stormed the parliament": no storm
            if f is not None and t.i > sent.start and t.nbor(-1).lower_ in _QUARRELS:
                f = None  # "a shouting match in the Oval Office": a quarrel, no game
            if f is not None and f < factor and not (is_name is not None and is_name(t)):
                factor = f
            if (
                lemma in heads
                or lower in heads
                or (lemma in dropped or (lemma == lower and lower.endswith(INFLECTED)) or lower in IRREGULAR)
                and any(r in heads for r in repaired(lemma, lower))
            ):
                found.append(t.i)
        return SentenceScan(factor, tuple(found))

    def _party(self, is_actor: IsActor | None, cameo: str) -> IsActor | None:
        """``is_actor`` for a target slot: a weapon the act is done with ("attacked Kharkiv with drones")
        is no party, nor, for a stance on an act, whom the act is aimed at ("opposed any sanctions on Iran":
        not against Iran; "defended Navalny's arrest": not Navalny)."""
        if is_actor is None:
            return None
        actor, weapons = is_actor, self.weapons
        if cameo[:2] in STANCE_ROOTS:
            return lambda token: (
                actor(token) and not args.instrument(token, weapons) and not self.aimed_at(token)
            )
        if cameo[:2] in COERCIVE_ROOTS:
            return lambda token: (
                actor(token) and not args.instrument(token, weapons) and not self.describer(token)
            )
        return lambda token: actor(token) and not args.instrument(token, weapons)

    def describer(self, token: Token) -> bool:
        """Whether ``token`` is the subject of a reporting verb inside another clause: who describes what a
        force act hit ("bombed what **Nairobi** said was a rebel base"), not whom it hit."""
        verb = token.head
        return (
            token.dep_ == "nsubj"
            and verb.lemma_.lower() in self.reporting
            and verb.dep_ in ("ccomp", "relcl", "acl", "advcl")
        )

    def aimed_at(self, token: Token) -> bool:
        """Whether ``token`` names whom an act told by a noun is done to: the victim of a measure or an
        attack ("sanctions on Iran") or the possessor of an act it undergoes ("Navalny's arrest"); or where
        a thing is set ("rejected the proposal in Muscat").  None of them is a party to a stance on it."""
        if set_in(token):
            return True
        if token.dep_ == "poss":
            return args.undergoer(token.head, self.undergone) is not None
        return args.victim(token, self.measures)

    def matches(self, sent: Span, found: tuple[int, ...]) -> list[Match]:
        out = []
        doc = sent.doc
        for i in found:
            t = doc[i]
            lemma = t.lemma_.lower()
            if t.pos_ in VERB_TAGS or t.tag_.startswith("VB"):
                pos = "V"
                if t.tag_ == "VBG" and t.dep_ in _NOMINAL_GERUND_DEPS and ("N", t.lower_) in self.index:
                    pos = "N"  # "Fighting between Armenian and Azerbaijani forces broke out": a noun
            elif t.pos_ in NOUN_TAGS:
                pos = "N"
            elif lemma == "due" and t.dep_ == "acomp" and _due_in(t):
                pos = "V"  # "is due in Phnom Penh on Tuesday": a visit scheduled (twenty-eighth session)
            else:
                continue
            index = self.index
            pats = index.get((pos, lemma)) or index.get((pos, t.lower_))
            if not pats:  # spaCy's lemma may be wrong ("staged" → "stag")
                keys = repaired(lemma, t.lower_)
                pats = next((index[(pos, k)] for k in keys if (pos, k) in index), ())
            if not pats:
                continue
            gov = self._light_governor(t) if pos == "N" else None
            for p in pats:
                m = match(t, p, gov)
                if m is not None:
                    out.append(m)
                    break  # patterns are sorted most specific first
        return out

    def _light_governor(self, noun: Token) -> Token | None:
        """The light verb whose object ``noun`` is ("held | talks", "launched | an attack"), if any, also
        through a word that counts rounds of it ("will hold a new round of talks with …")."""
        if noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.lemma_.lower() in _ROUNDS:
            noun = noun.head.head
        for _ in range(3):  # "expressed deep remorse and a heartfelt apology": the first conjunct's verb
            if noun.dep_ != "conj" or noun.head.pos_ not in ("NOUN", "PROPN"):
                break
            noun = noun.head
        if noun.dep_ not in ("dobj", "obj", "nsubjpass", "attr"):
            return None
        verb, light = noun.head, self.light_verbs
        lemma = verb.lemma_.lower()
        return verb if lemma in light or any(r in light for r in repaired(lemma, verb.lower_)) else None

    def _verb_candidate(self, m: Match, is_actor: IsActor | None) -> Candidate | None:
        verb, pat = m.token, m.pattern
        if pat.cameo.startswith("03") and _hostile_readiness(m.consumed):
            # "said Europe was ready to tighten sanctions on Russia": readiness to harm is a threat
            pat = replace(pat, cameo=_THREAT)
        if clauses.describes(verb) or statements.to_blame(verb):
            return None  # ("Manila was to blame": a predicate said of Manila, no act of its own)
        if verb.dep_ == "ccomp" and any(c.lower_ == "what" and c.dep_ in args.OBJ for c in verb.children):
            return None  # "criticised what they called dangerous manoeuvres": the naming is the criticism's
        subj = args.verb_subject(verb, self.object_control, is_actor)
        if pat.cameo[:2] in _VIOLENT_ROOTS and not any(_plausible(t, is_actor) for t in subj.heads):
            subj = self._weapon_actor(verb, is_actor) or self._attack_doer(subj.heads, is_actor) or subj
            # ("an Israeli air strike killed": Israel did)
        preps = _target_preps(pat)
        tgt = args.Found(())
        if preps == (CLAUSE_TARGET,):  # "said Israel must halt": the target is in the reported clause
            holder = statements.intent_holder(verb, m.consumed, pat.cameo, is_actor)
            if holder is not None:  # "officials say Putin is ready to cooperate with Washington"
                subj, tgt = args.Found((holder[0],)), args.Found(holder[1])
            else:
                tgt = args.Found(statements.statement_target(verb, m.consumed, pat.cameo, is_actor))
        elif preps != ("-",):
            # "imposed sanctions on Russia", "agreed to meet Putin": the target may hang on the object,
            # unless the verb addresses its object ("ordered the army to release him": the army).
            # (but whom a state orders out is whom it expels: "ordered Indian diplomats in Islamabad to
            # leave" is aimed at India; eighteenth session)
            addressed = (
                verb.lemma_.lower() in self.object_control
                and any(c.dep_ == "dobj" for c in verb.children)
                and not pat.cameo.startswith(_REDUCING)
            ) or (
                # "gave the U.S. ambassador 72 hours to leave the country": whom it is given to, not what
                # the infinitive acts on (twenty-sixth session)
                # (also through the span of time the parser hangs it on: "72 hours | to leave")
                any(c.dep_ in ("dative", "iobj") for c in verb.children)
                and any(t.pos_ == "VERB" and verb.i in (t.head.i, t.head.head.i) for t in m.consumed)
            )
            if pat.target_preps:  # the pattern's own prepositions on the verb come first ("sent experts
                # to Riyadh to investigate the attacks on its facilities": Riyadh)
                named = [o for o in args.prep_objects(verb, pat.target_preps) if _plausible(o, is_actor)]
                tgt = args.Found(args.with_conjuncts(named[0])) if named else tgt
            own = {h.i for h in subj.heads}  # a required subject word ("troops raided") holds no target
            for extra in () if addressed or tgt.heads else [t for t in m.consumed if t.i not in own]:
                doer = self._doer(extra, is_actor) if pat.cameo[:2] in STANCE_ROOTS else None
                if doer is not None:  # "welcomed Iran's release of two Frenchmen": the stance is on Iran
                    tgt = args.Found(args.with_conjuncts(doer))
                tgt = tgt if tgt.heads else _inner_targets(extra, preps, is_actor, self.envoys)
            summed = appended_act(verb, self.act_nouns) if not tgt.heads else None
            if summed is not None:  # "…, a move criticised by the UN": aimed at who made the move
                tgt = args.Found(args.with_conjuncts(summed))
            if not tgt.heads:
                tgt = args.verb_targets(verb, preps, self._party(is_actor, pat.cameo))
                tgt = args.Found(tuple(t for t in tgt.heads if t not in m.consumed), tgt.fallback)
            if pat.cameo[:2] in _ANSWERING_ROOTS and not any(_plausible(t, is_actor) for t in tgt.heads):
                # "vowed revenge for an Israeli air strike": aimed at the strike's doer (eighteenth session)
                tgt = self._attack_doer(tgt.heads, is_actor) or tgt
        # "Sixty people were arrested": no agent, so no source; still worth a candidate for force events.
        noagent = not subj.heads and args.is_passive(verb) and not args.agent(verb)
        if noagent and "agentive" in pat.flags:
            return None  # "Khan, who was ousted in a no-confidence vote": nobody to infer as the doer
        if "agentive" in pat.flags and _reduced_passive(verb):
            return None  # "militants linked to al-Qaeda": its noun is no doer (twenty-fifth session)
        if pat.cameo.startswith("14") and subj.heads and all(_counted_crowd(t) for t in subj.heads):
            noagent = True  # "Thousands protested in Lima": a crowd nobody names (the coder infers civilians)
        if noagent and pat.cameo.startswith("084"):
            # "hostages held by Hamas were freed", "girls abducted by Boko Haram were released": the captor
            subj = args.Found(args.captor(verb, is_actor))
            noagent = not subj.heads
        moved = any(c.dep_ == "auxpass" and c.lower_ not in ("is", "are", "am") for c in verb.children)
        if noagent and pat.cameo.startswith("15") and moved:  # (not a state: "troops are stationed in …")
            # "Troops were deployed to the streets of Quito": the forces deployed are the mobilizing actor
            # (seventeenth session)
            patient = args.passive_subject(verb)
            if patient is not None and is_actor is not None and is_actor(patient):
                subj = args.Found(args.with_conjuncts(patient))
                noagent = False
        if noagent and pat.cameo.startswith("16"):
            # "Fiji was suspended from the Pacific Islands Forum", "Mali was suspended from ECOWAS": by the
            # body it was shut out of (thirtieth session)
            body = [o for o in args.prep_objects(verb, ("from",)) if _plausible(o, is_actor)]
            subj = args.Found((body[0],)) if body else subj
            noagent = not subj.heads
        if noagent and pat.cameo[:2] in _VIOLENT_ROOTS:
            # "were killed in a Russian airstrike": the attack's actor did it; "rockets were fired at
            # Israel from Gaza": where it came from
            subj = self._cause_actor(verb, is_actor)
            origin = [o for o in args.prep_objects(verb, ("from",)) if _plausible(o, is_actor)]
            subj = subj if subj.heads or not origin else args.Found((origin[0],))
            noagent = not subj.heads
        end = max([verb.i, *(t.i for t in (*m.particles, *m.in_span) if 0 < t.i - verb.i <= SPAN_GAP)]) + 1
        return self._candidate(pat, (verb.i, end), verb, subj, tgt, is_actor, m.consumed, noagent)

    def _weapon_actor(self, verb: Token, is_actor: IsActor | None) -> args.Found | None:
        """The actor of an attack or weapon noun that is the verb's subject ("an Israeli air strike killed
        …", "a Russian missile hit …", "shelling by government forces wounded …") or its passive agent ("were
        killed by an Israeli airstrike": fifteenth session), if any."""
        subjects = (c for c in verb.children if c.dep_ == "nsubj")
        return self._attack_doer((*subjects, *args.agent(verb)), is_actor)

    def _attack_doer(self, nouns: Iterable[Token], is_actor: IsActor | None) -> args.Found | None:
        """The actor of the first attack or weapon noun of ``nouns`` ("an Israeli air strike that destroyed
        the consulate, killing two generals": Israel; eighteenth session), if it names one."""
        for noun in nouns:
            if noun.lemma_.lower() in self.cause_nouns or noun.lemma_.lower() in self.weapons:
                found = args.noun_source(noun, is_actor, self.undergone)
                return found if found.heads else None
        return None

    def _cause_actor(self, verb: Token, is_actor: IsActor | None) -> args.Found:
        """The actor of the attack noun in "killed in / during / by a Russian airstrike", if any."""
        doc, causes = verb.doc, self.cause_nouns
        for noun in args.prep_objects(verb, _CAUSE_PREPS):
            # "killed in Israeli tank shelling" is sometimes parsed with "tank" as the object and "shelling"
            # as a verb: the attack noun right after the object still names the attack.
            after = doc[noun.i + 1] if noun.i + 1 < len(doc) else noun
            misparsed = after.head.i == verb.i and after.lemma_.lower() in causes
            if noun.lemma_.lower() in causes or misparsed:
                found = args.noun_source(noun, is_actor, self.undergone)
                if found.heads:
                    return found
            if noun.lemma_.lower() in _CLASHES or _exchange_of_fire(noun):
                # "killed in a clash with Chinese troops", "in an exchange of fire with Israeli troops": those
                # troops (the latter: twentieth session)
                heads = [noun, *(o for o in args.prep_objects(noun, ("of",)) if o.lemma_.lower() in _FIRE)]
                foes = [o for h in heads for o in args.prep_objects(h, ("with",)) if _plausible(o, is_actor)]
                if foes:
                    return args.Found((foes[0],))
        return args.Found(())

    def _noun_candidate(self, m: Match, is_actor: IsActor | None) -> Candidate | None:
        noun, pat = m.token, m.pattern
        if args.behest(noun, self.behest_words):
            # "the Council will meet at the request of Britain": Britain asked whoever acts in the clause
            asker = args.prep_objects(noun, ("of",)) or [c for c in noun.children if c.dep_ == "poss"]
            verb = noun.head.head
            doer = (
                args.verb_subject(verb, self.object_control, is_actor)
                if verb.pos_ in ("VERB", "AUX")
                else None
            )
            src, tgt = args.Found(tuple(asker[:1])), doer or args.Found(())
            return self._candidate(pat, (noun.i, noun.i + 1), noun, src, tgt, is_actor, m.consumed)
        gov = self._light_governor(noun)
        src = args.noun_source(noun, is_actor, self.undergone)
        if not src.heads and gov is not None:
            src = args.verb_subject(gov, self.object_control, is_actor)
            if gov.dep_ in ("xcomp", "advcl") and not src.heads:
                src = args.Found(())
        if not src.heads and gov is None:
            claimant = clauses.claimant(noun)  # "Hamas claimed responsibility for the attack": Hamas attacked
            if claimant is not None:
                src = args.verb_subject(claimant, self.object_control, is_actor)
            else:
                src = clauses.clause_source(noun, pat, self.object_control, is_actor)
        preps = _target_preps(pat) or args.NOUN_TARGET_PREPS
        tgt = args.Found(()) if preps == ("-",) else args.noun_targets(noun, preps, is_actor)
        patient = args.undergoer(noun, self.undergone)
        if patient is not None and not tgt.heads and preps != ("-",):  # "Navalny's arrest": him
            tgt = args.Found(args.with_conjuncts(patient))
        for extra in m.consumed:  # "a proposal for a meeting with X": the target hangs on the inner noun
            if not tgt.heads and preps != ("-",) and extra.pos_ in NOUN_TAGS:
                tgt = args.noun_targets(extra, args.NOUN_TARGET_PREPS, is_actor)
        if not tgt.heads and gov is not None and preps != ("-",):
            tgt = args.Found(tuple(args.prep_objects(gov, preps)) or tuple(args.children(gov, _DATIVE)))
        if not tgt.heads and preps != ("-",) and noun.dep_ == "nsubj" and self._occurs(noun.head):
            # "clashes erupted between police and protesters", "talks took place between": the noun's
            # arguments hang on the verb (or on "place")
            for holder in (noun.head, *(c for c in noun.head.children if c.dep_ == "dobj")):
                tgt = tgt if tgt.heads else args.noun_targets(holder, preps, is_actor)
        if not tgt.heads and preps != ("-",):
            opposed = args.opposed_modifier(noun, is_actor)  # "anti-government protests"
            tgt = args.Found((opposed,)) if opposed is not None else tgt
        if not tgt.heads and preps != ("-",) and pat.cameo[:2] in _INTENT_NOUN_ROOTS:
            # "North Korea's threat to attack South Korea", "Russia's offer to supply gas to Serbia": the
            # noun's infinitive names whom the threat, offer or appeal is aimed at, as the verb's would
            act = next((c for c in noun.children if c.dep_ == "acl" and c.tag_ == "VB"
                        and any(t.tag_ == "TO" for t in c.children)), None)  # fmt: skip
            if act is not None:
                tgt = args.verb_targets(act, (), is_actor)
        if not tgt.heads and preps != ("-",) and pat.cameo[:2] in _CLAIM_NOUN_ROOTS:
            # "Washington's accusation that Iran armed the Houthis", "a demand that Israel withdraw": the
            # subject of the noun's that-clause is whom it is aimed at (not "a warning that it would …")
            told = None
            for clause in (c for c in noun.children if c.dep_ in ("acl", "ccomp")):
                if any(k.lower_ == "that" and k.dep_ == "mark" for k in clause.children):
                    told = args.holder_subject(clause)
                    break
            if told is not None and told.lower_ not in args.SELF and _plausible(told, is_actor):
                tgt = args.Found(args.with_conjuncts(told))
        # "protests against the government", with nobody named: a crowd's act (the coder infers civilians)
        noagent = not src.heads and pat.cameo.startswith("14")
        if noun.dep_ == "pobj" and noun.head.lower_ == "under":
            src, tgt, noagent = clauses.under(noun, src, tgt, self.object_control, is_actor)
        head = gov if gov is not None else noun
        start = head.i if 0 < noun.i - head.i <= SPAN_GAP else noun.i
        return self._candidate(pat, (start, noun.i + 1), head, src, tgt, is_actor, m.consumed, noagent)

    def _occurs(self, verb: Token) -> bool:
        """A verb of happening ("erupted", "broke out", "took place") whose subject is an event noun."""
        lemma = verb.lemma_.lower()
        if lemma == "take":  # only "took place"
            return any(c.dep_ == "dobj" and c.lower_ == "place" for c in verb.children)
        return lemma in self.occur_verbs

    def _candidate(
        self,
        pat: Pattern,
        trigger: tuple[int, int],
        head: Token,
        src: args.Found,
        tgt: args.Found,
        is_actor: IsActor | None,
        slots: tuple[Token, ...] = (),
        noagent: bool = False,
    ) -> Candidate | None:
        sources = [t for t in src.heads if _plausible(t, is_actor)]
        # "at the request of Britain" names who asked, no party to the act done at it
        asked = set() if args.behest(head, self.behest_words) else args.behest_tokens(head, self.behest_words)
        targets = [
            t
            for t in tgt.heads
            if _plausible(t, is_actor)
            and t not in sources
            and not args.steals(t)
            and not args.audience(t)
            and t.i not in asked
        ]
        if tgt.fallback and pat.cameo[:2] in STANCE_ROOTS:
            victims = harmed(head)  # "criticised the bombardment of civilians": not the civilians
            targets = [t for t in targets if t.i not in victims]
        if tgt.heads and not tgt.fallback and all(args.audience(t) and t.dep_ == "pobj" for t in tgt.heads):
            return None  # "speaking to reporters", "told state television": the press hears, nobody is met
        if "symmetric" in pat.flags:
            if not sources and len(targets) >= 2:  # "talks between Israel and Hamas"
                sources, targets = targets[:1], targets[1:]
            elif len(sources) >= 2 and (not targets or tgt.fallback):
                # "Merkel and Putin met"; "Norway and Chile signed an accord in Oslo": the place found
                # inside the object is a weaker guess than the second party of the joint subject.
                sources, targets = sources[:1], sources[1:]
                tgt = args.Found(tgt.heads)  # the targets are no fall-back now: no confidence penalty
        if "reverse" in pat.flags and targets:
            # "received weapons from the government": the giver is the source, the receiver the target.
            sources, targets = targets[:1], sources
        pattern_id, conf = pat.id, pat.confidence
        if not sources and len(targets) == 1 and "symmetric" in pat.flags and tgt.heads and not tgt.fallback:
            # "clashes between Israeli and Palestinian youths": the coder splits the phrase's two actors
            pattern_id = pat.id + JOINT_SUFFIX
        elif not sources:
            # (a protest nobody is named for may name nobody it is against: "protests broke out in Caracas")
            # (only the nouns of protest themselves: a "rally" or "march" is often a campaign's, or the month)
            aimless = noagent and pat.pos == "N" and head.pos_ == "NOUN" and head.lemma_.lower() in _UNREST
            # ... nor does a crowd only counted ("Tens of thousands rallied in Bangkok": the place's people
            # against its government; twenty-fourth session)
            aimless = aimless or (
                noagent and pat.cameo.startswith("14") and any(_counted_crowd(t) for t in src.heads)
            )
            # ("Sonia Dahmani was arrested in May": someone no dictionary knows, held; the coder places them)
            patient = args.passive_subject(head) if noagent and pat.cameo[:2] == _COERCION else None
            held = patient is not None and args.someone(args.counted(patient))
            # ("the ambassador was summoned to the foreign ministry": by the host state, the coder finds it)
            agentless = pat.cameo[:2] in NO_AGENT_ROOTS or pat.cameo == SUMMON
            # ("The request was rejected": by whom it was made of, the coder finds the request; twenty-fifth
            # session)
            demand = args.passive_subject(head) if noagent and pat.cameo[:2] == _REJECTION else None
            refused = demand is not None and self.act_nouns.get(demand.lemma_.lower()) == "act_demand"
            if not (noagent and (((targets or aimless or held) and agentless) or refused)):
                return None
            pattern_id, conf = pat.id + NO_AGENT_SUFFIX, conf * NO_AGENT
        conf *= FALLBACK if src.fallback else 1.0
        conf *= FALLBACK if tgt.fallback and targets else 1.0
        own_slots = _target_preps(pat) in (("-",), (CLAUSE_TARGET,))
        if not targets and not own_slots:  # "critics of the president marched": against the president
            opposed = [o for s in sources if s.lemma_.lower() in self.opposed_nouns
                       for o in args.prep_objects(s, ("of",)) if _plausible(o, is_actor)]  # fmt: skip
            targets = opposed[:1]
        if not targets and pat.cameo[:2] in _VICTIM_ROOTS:
            # "police beat protesters in Harare": the object the pattern asked for is the victim, a better
            # target than a place the fall-backs find (twenty-fourth session)
            targets = [
                t for t in slots
                if t.dep_ in ("dobj", "nsubjpass") and t.head.i == head.i and t not in sources
                and t.pos_ != "PRON" and _plausible(t, is_actor)
            ][:1]  # fmt: skip
        if not targets and not own_slots:
            # "telephoned Correa and Uribe to urge restraint": whom the call or meeting was with (twenty-fifth
            # session)
            targets = [t for t in _purpose_partners(head) if t not in sources and _plausible(t, is_actor)]
        if not targets and "notarget" not in pat.flags and not own_slots:
            found, factor = fallback_targets(
                head,
                tgt.heads,
                slots,
                sources,
                pat.cameo,
                self.clause_verbs,
                self._party(is_actor, pat.cameo),
            )
            targets = [
                t
                for t in found
                if _plausible(t, is_actor)
                and t not in sources
                and not args.instrument(t, self.weapons)
                and not args.audience(t)
                and t.i not in asked
            ]
            conf *= factor if targets else NO_TARGET
            tgt = args.Found(tgt.heads, fallback=True)
        elif not targets and _target_preps(pat) == (CLAUSE_TARGET,):
            conf *= NO_TARGET
        distance = args.tree_distance(head, sources[0]) if sources else 0
        if distance > SHORT_PATH:
            conf *= max(0.6, 1.0 - 0.05 * (distance - SHORT_PATH))
        return Candidate(
            trigger=trigger,
            cameo=pat.cameo,
            sources=tuple(t.i for t in sources),
            targets=tuple(t.i for t in targets),
            confidence=min(1.0, max(0.0, conf)),
            pattern=pattern_id,
            trigger_head=head.i,
            guessed_target=bool(targets) and tgt.fallback,
        )

    # ------------------------------------------------------------------ pairs

    def classify_pair(self, sent: Span, source: Span, target: Span) -> Candidate | None:
        """Best trigger linking the actor spans ``source`` and ``target`` (None if the sentence has none);
        see :func:`whimbrel.events.pairs.pair_candidate`."""
        from whimbrel.events.pairs import pair_candidate

        return pair_candidate(self, sent, source, target)


IsActor = Callable[[Token], bool]
_DATIVE = frozenset({"dative", "iobj"})


def _counted_crowd(token: Token) -> bool:
    """A count as a subject: "Thousands", "Hundreds", "Some 5,000" (when it counts no actor, the crowd is
    nobody the text names)."""
    return token.tag_ == "CD" or token.lower_ in _COUNTS


def _aimed_measure(verb: Token, act_nouns: dict[str, str]) -> bool:
    """The verb describes a coercive measure or a policy ("any measures targeting Russian gas", "sanctions
    hitting its banks"), not an act of force."""
    noun = verb.head
    if verb.dep_ != "acl" or noun.pos_ not in ("NOUN", "PROPN"):
        return False
    lemma = noun.lemma_.lower()
    return act_nouns.get(lemma) == "act_coerce" or lemma in _POLICIES


_POLICIES = frozenset({
    "measure", "policy", "law", "legislation", "rule", "restriction", "package", "proposal",
})  # fmt: skip


# verbs of contact whose purpose clause ("… to urge restraint") is addressed to their object
_CONTACTING = frozenset({
    "call", "telephone", "phone", "ring", "summon", "meet", "visit", "write", "contact", "invite", "receive",
})  # fmt: skip


def _purpose_partners(verb: Token) -> list[Token]:
    """The objects (with their conjuncts) of the contact verb whose purpose clause ``verb`` is ("telephoned
    Correa and Uribe **to urge** restraint" → Correa, Uribe); none for any other verb."""
    up = verb.head
    purpose = verb.dep_ in ("advcl", "xcomp") and any(c.tag_ == "TO" for c in verb.children)
    if not purpose or up.i == verb.i or up.lemma_.lower() not in _CONTACTING:
        return []
    objects = [c for c in up.children if c.dep_ == "dobj" and not args.owned(c)]
    return list(args.with_conjuncts(objects[0])) if objects else []


def _reduced_passive(verb: Token) -> bool:
    """A participle with no auxiliary and no agent ("militants **linked** to al-Qaeda", also when the parser
    made it the root of the sentence): a passive whose subject is no doer."""
    if verb.tag_ != "VBN" or verb.dep_ == "conj" or args.agent(verb):
        return False
    return not any(c.dep_ in ("aux", "auxpass") for c in verb.children)


def _plausible(token: Token, is_actor: IsActor | None) -> bool:
    # Dates, numbers and amounts are never participants ("launched airstrikes on Gaza on Tuesday").
    if token.ent_type_ in args.NON_ACTOR_ENTS and not args.the_numeral(token):
        return False
    return is_actor is None or is_actor(token)


def _inner_targets(
    token: Token, preps: tuple[str, ...], is_actor: IsActor | None, envoys: frozenset[str] = frozenset()
) -> args.Found:
    if token.pos_ in ("VERB", "AUX"):
        return args.verb_targets(token, preps, is_actor)
    if token.lemma_.lower() in envoys:  # "summoned the German ambassador in Tehran": the envoy's country
        owner = args.modifier_actor(token, is_actor)
        if owner is not None:
            return args.Found((owner,))
        # "diplomats from seven Latin American countries" (not "recalled its ambassador from Paris")
        sent_from = args.prep_objects(token, ("from",))
        if not sent_from and token.dep_ == "dobj":  # ("ordered diplomats | from seven countries")
            sent_from = args.prep_objects(token.head, ("from",))
        if sent_from and not any(c.dep_ == "poss" for c in token.children):
            return args.Found(args.with_conjuncts(sent_from[0]))
    found = args.noun_targets(token, preps or args.NOUN_TARGET_PREPS, is_actor)
    if not found.heads:
        owner = args.modifier_actor(token, is_actor)
        found = args.Found((owner,) if owner is not None else ())
    return found


# Where a gerund the tagger read as a verb stands as a noun ("Fighting between ... broke out")
_NOMINAL_GERUND_DEPS = frozenset({"nsubj", "nsubjpass"})
# Roots of nouns whose infinitive tells the act they threaten, refuse, offer or ask for ("threat to attack")
_INTENT_NOUN_ROOTS = frozenset({"02", "03", "10", "12", "13"})
# Roots of nouns whose that-clause names whom they are aimed at ("the accusation that Iran armed …")
_CLAIM_NOUN_ROOTS = frozenset({"10", "11", "13"})
_ROUNDS = frozenset(
    {
        "round",
        "series",
        "session",
        "wave",
        "resumption",
        "day",
        "package",
        "set",
        "raft",
        "batch",
        "slew",
        "week",
        "hour",
        "month",
        "year",
        "night",
        "weekend",
        "spate",
        "flurry",
        "string",
    }
)  # fmt: skip ("held a week of talks": fourteenth session)


_THREAT = "130"
# acts that readiness, preparedness or willingness makes a threat ("ready to strike", "prepared to trigger the
# snapback", "willing to impose sanctions")
_HOSTILE = frozenset({
    "strike", "attack", "hit", "retaliate", "respond", "punish", "impose", "tighten", "sanction", "trigger",
    "deliver", "use", "fight", "defend", "destroy", "crush", "expel", "cut", "sever", "block", "invade",
    "bomb", "shoot", "escalate", "reimpose",
})  # fmt: skip


def _hostile_readiness(consumed: tuple[Token, ...]) -> bool:
    """Whether a readiness word the pattern matched ("ready", "prepared", "willing") is followed by an act
    of harm ("ready to strike", "prepared to impose sanctions")."""
    for word in consumed:
        for c in word.children:
            if c.dep_ in ("xcomp", "advcl", "ccomp") and c.lemma_.lower() in _HOSTILE:
                return True
    return False


def _target_preps(pat: Pattern) -> tuple[str, ...]:
    if pat.target_preps:
        return pat.target_preps
    if "notarget" in pat.flags:
        return ("-",)
    return tuple(w for w in pat.particles if w in PREPOSITIONS)


def _scaled(cand: Candidate, factor: float) -> Candidate:
    if factor >= 1.0:
        return cand
    return Candidate(  # (the constructor: dataclasses.replace inspects the fields on every call)
        cand.trigger, cand.cameo, cand.sources, cand.targets, cand.confidence * factor, cand.pattern,
        cand.trigger_head, cand.guessed_target,
    )  # fmt: skip


def _dedupe(cands: list[Candidate]) -> list[Candidate]:
    best: dict[tuple[int, tuple[int, ...], tuple[int, ...]], Candidate] = {}
    for c in cands:
        key = (c.trigger[0], c.sources, c.targets)
        if key not in best or c.confidence > best[key].confidence:
            best[key] = c
    return sorted(best.values(), key=lambda c: c.trigger)


def _build(
    extra: tuple[Path, ...],
    negatives: tuple[Path, ...],
    control: tuple[Path, ...],
    lexicons: tuple[Path, ...] = (),
) -> EventExtractor:
    lex = read_lexicons([packaged_file("lexicons.tsv"), *lexicons])
    patterns = read_patterns([packaged_file("patterns.tsv"), *extra], lex)
    neg = read_negatives([packaged_file("negatives.tsv"), *negatives])
    ctl = read_control([packaged_file("control.tsv"), *control])
    empty: frozenset[str] = frozenset()
    return EventExtractor(
        patterns,
        neg,
        ctl,
        lex.get("dismay", empty),
        act_nouns(lex),
        lex.get("weapon", empty),
        lex.get("envoy", empty),
        lex.get("delight", empty),
        lex.get("behest", empty),
        lex.get("undergone", empty),
        lex.get("report", empty),
    )


@lru_cache(maxsize=1)
def _default() -> EventExtractor:
    return _build((), (), (), ())


def _exchange_of_fire(noun: Token) -> bool:
    """ "an exchange of fire / gunfire / shots": fighting, as a clash is."""
    return noun.lemma_.lower() == "exchange" and any(
        o.lemma_.lower() in _FIRE for o in args.prep_objects(noun, ("of",))
    )


def _due_in(token: Token) -> bool:
    """ "is due in Phnom Penh": a visit scheduled, not "is due to meet" (the meeting is the event) nor "is due
    to be sworn in"."""
    children = list(token.children)
    return not any(c.dep_ == "xcomp" for c in children) and any(
        c.dep_ == "prep" and c.lower_ in ("in", "at") for c in children
    )
