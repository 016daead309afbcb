"""Who the parties of an event are, once its actors are resolved: the article's earlier partners and
accusers, denials and rebuttals, reciprocal and joint acts, one's own government, self-pairs, the story's
country, and (``SentenceActors``) a sentence's memoised actors with the last-resort nearest other actor.

Small functions over the coder's records (``Actor``, ``Event``) and the trigger's parse; the coder
(``whimbrel.pipeline``) calls them while it builds events.
"""

from __future__ import annotations

from collections.abc import Callable, Container, Iterable
from dataclasses import replace
from datetime import date

from spacy.tokens import Doc, Span, Token

from whimbrel.actors.resolver import ArticleActors
from whimbrel.events import arguments as args
from whimbrel.events.anaphora import one_state
from whimbrel.events.fallback import LOCATIVE_PREPS, locative, setting
from whimbrel.events.matching import temporal
from whimbrel.records import Actor, Event

_PARTNER_WINDOW = 3  # events back in the article where a target-less act's other party is looked for
_REPORTERS = frozenset({"CVL", "MED"})  # witnesses and the press report; they do not accuse
_DETERMINERS = frozenset({"the", "a", "an", "its", "their", "his", "her"})
_LEGAL_ACTION = "173"  # CAMEO: arrest, detain or charge with legal action
_ACCUSATIONS = frozenset({
    "accusation", "allegation", "claim", "charge", "criticism", "assertion",
    # (twenty-fourth session) "dismissed the complaints", "denied the reports", "rejected the findings"
    "complaint", "objection", "report", "finding",
})  # fmt: skip
_OBJECT_DEPS = frozenset({"dobj", "pobj", "prep", "dative", "attr"})


def consequence(head: Token, event: Event, acts: set[tuple[int, object, str]]) -> bool:
    """ "Gunmen stormed the museum, killing 19 people": the participle tells what the act it hangs on did,
    so it is no second event of the same source and type; nor is its conjunct ("…, killing two people and
    wounding 90"), nor an infinitive of the same type after its trigger ("vowed to oppose")."""
    if head.dep_ == "xcomp" and (head.head.i, event.source.key, event.code.plover) in acts:
        return True  # "vowed to oppose the sale": the vow told it already
    for _ in range(3):
        if head.dep_ != "conj" or head.head.tag_ != "VBG":
            break
        head = head.head
    if head.dep_ != "advcl" or head.tag_ != "VBG":
        return False
    if head.lemma_.lower() in _NAMING_THE_ACCUSED and head.head.lemma_.lower() in _FILING:
        return False  # "filed a complaint with the Security Council accusing Israel": whom it accuses
    return (head.head.i, event.source.key, event.code.plover) in acts


_NAMING_THE_ACCUSED = frozenset({"accuse", "blame"})
_FILING = frozenset({"file", "lodge", "submit", "send", "register", "write"})  # a complaint sent to a forum


def asked_for(head: Token) -> bool:
    """The act is what someone asks another party to do ("called on the army to withdraw troops", "urged
    Turkey to free them"): the asker is no party to it, so no fall-back may make it the target."""
    for _ in range(2):  # (also through a verb of stopping: "told Iran to stop supporting the group")
        if head.dep_ != "xcomp" or head.head.i == head.i:
            return False
        if any(
            c.dep_ == "dobj" or (c.dep_ == "prep" and c.lower_ == "on" and not temporal(c))
            for c in head.head.children
        ):
            return True  # ("called on Iran to", not "vowed on Sunday to")
        if head.head.lemma_.lower() not in _PHASE_VERBS:
            return False
        head = head.head
    return False


_PHASE_VERBS = frozenset({"stop", "start", "cease", "continue", "keep", "resume", "end", "halt", "begin"})


def denies_deed(head: Token) -> bool:
    """ "denied sending weapons", "denied that it had sent weapons", "denied any involvement": a denial of a
    deed, not of a party."""
    if head.lemma_.lower() != "deny":
        return False
    return any(
        c.dep_ == "ccomp"
        or (c.tag_ == "VBG" and c.dep_ in ("xcomp", "dobj", "pcomp"))
        or (c.dep_ == "dobj" and c.lemma_.lower() in _DEEDS_DENIED)
        for c in head.children
    )


# What one denies of oneself ("denied any involvement in the attack", "denies wrongdoing"; 22nd session)
# (and ties to someone, twenty-fifth session: "denied any contact with the rebels" answers the accuser)
_DEEDS_DENIED = frozenset({
    "responsibility", "involvement", "role", "wrongdoing", "complicity", "culpability", "contact", "contacts",
    "link", "links", "ties", "connection", "connections", "dealings", "collusion", "knowledge",
})  # fmt: skip


# what a relative denial answers: the claim its sentence tells, by whoever tells it (twenty-fourth session)
_DENYING = frozenset({"deny", "dismiss", "dispute", "reject"})
_CLAIMING = frozenset({"say", "accuse", "allege", "claim", "charge", "report", "insist", "assert", "blame"})


def denied_claim(head: Token) -> Token | None:
    """ "Washington says Syria arms Hezbollah, **which Damascus denies**", "…, an incident the army
    denied": a denial in a relative clause answers the sentence's claim; the subject of the verb that
    makes the claim; ``head`` itself when the sentence names no claimant (a denial all the same); None
    when the trigger is no relative denial."""
    if head.lemma_.lower() not in _DENYING or head.dep_ != "relcl":
        return None
    objects = [c for c in head.children if c.dep_ in ("dobj", "nsubjpass")]
    if objects and not all(c.tag_ in ("WDT", "WP") for c in objects):
        return None  # "the minister, who denied the charges": the relative is the denier, not the claim
    # the nearest claiming verb above ("India said it had downed a jet, a claim Islamabad denies": India)
    for up in head.ancestors:
        if up.pos_ in ("VERB", "AUX") and up.lemma_.lower() in _CLAIMING:
            subject = next((c for c in up.children if c.dep_ == "nsubj"), None)
            return subject if subject is not None else head
    return head


def rebuts(head: Token) -> bool:
    """The trigger's object is an accusation ("rejected the allegations", "denied these claims")."""
    return any(c.dep_ in ("dobj", "nsubjpass") and c.lemma_.lower() in _ACCUSATIONS for c in head.children)


def partner(prior: list[Event], source: Actor) -> Actor | None:
    """The other party of the source's latest event among the article's last few (no span: it was named
    in an earlier sentence)."""
    for event in reversed(prior[-_PARTNER_WINDOW:]):
        if event.target is None:
            continue
        if same_actor(event.source, source) and not same_actor(event.target, source):
            return replace(event.target, span=None)
        if same_actor(event.target, source) and not same_actor(event.source, source):
            return replace(event.source, span=None)
    return None


def demander(prior: list[Event], sources: list[Actor]) -> Actor | None:
    """Who demanded the sources' going: the source of the article's latest demand or protest aimed at one
    of ``sources`` or its state ("protesters demanded that Mubarak resign … Mubarak resigned"; twenty-fourth
    session), by someone else; None when none was told."""
    for event in reversed(prior):
        if event.target is None or event.code.plover not in ("REQUEST", "PROTEST"):
            continue
        if any(same_actor(event.source, s) for s in sources):
            continue
        # (a demand made of the leader himself; a protest against him or his state)
        state = event.code.plover == "PROTEST"
        if any(same_actor(event.target, s) or (state and one_state(event.target, s)) for s in sources):
            return replace(event.source, span=None)
    return None


def last_accuser(prior: list[Event], sources: list[Actor]) -> Actor | None:
    """The source of the article's latest ACCUSE event by someone other than ``sources`` (no span: it was
    named in an earlier sentence), never a body of the sources' own state ("Peskov dismissed the
    accusations" answers Poland, not Zakharova; eighteenth session) - or of the latest legal action against
    one of ``sources`` ("prosecutors charged Pizango with sedition … Pizango rejected the charges";
    twenty-ninth session)."""
    for event in reversed(prior):
        charged = (
            event.code.cameo == _LEGAL_ACTION
            and event.target is not None
            and any(same_actor(event.target, s) for s in sources)
        )
        if (event.code.plover == "ACCUSE" or charged) and not any(
            same_actor(event.source, s) or one_state(event.source, s) for s in sources
        ):
            return replace(event.source, span=None)
    return None


# what a host or mediator hosts or brokers: an occasion whose own parties are the target (fifteenth session)
_OCCASIONS = frozenset({
    "talk", "talks", "negotiation", "negotiations", "session", "meeting", "round", "dialogue", "deal",
    "agreement", "accord", "ceasefire", "truce", "swap", "exchange", "summit", "ceremony", "conference",
    "signing", "gathering", "forum",
})  # fmt: skip
_OCCASION_WINDOW = 4  # events back in the article where the occasion's parties are looked for
_JOINT_TYPES = frozenset({"CONSULT", "AGREE", "COOPERATE", "CONCEDE"})


def occasion_parties(
    head: Token,
    sources: list[Actor],
    prior: list[Event],
    resolve: Callable[[Token], list[Actor]],
) -> list[Actor]:
    """The parties to the occasion a host or mediator is said to host or broker: "talks **between Israel
    and Hamas** hosted by Egypt"; "**Thailand and Cambodia** agreed to a ceasefire after talks hosted by
    Malaysia" (the subject of the clause the occasion belongs to); "Fidan hosted the session" (the parties of
    the article's latest meeting or deal by others).  Empty when none is found."""
    noun = head.head if head.dep_ == "acl" else None
    if noun is None:
        noun = next((c for c in head.children if c.dep_ in ("dobj", "nsubjpass")), None)
    if noun is None or noun.lemma_.lower() not in _OCCASIONS and noun.lower_ not in _OCCASIONS:
        return []

    def apart(actor: Actor) -> bool:  # neither a source nor of a source's country
        return not any(
            same_actor(actor, s) or (actor.country and actor.country == s.country) for s in sources
        )

    def others(tokens: Iterable[Token]) -> list[Actor]:
        found: list[Actor] = []
        for token in tokens:
            for actor in resolve(token):
                if apart(actor) and actor not in found:
                    found.append(actor)
        return found

    between = [o for p in (*noun.children, *head.children) if p.dep_ == "prep"
               and p.lower_ in ("between", "with") for o in p.children if o.dep_ == "pobj"]  # fmt: skip
    parties = others(t for o in between for t in (o, *o.conjuncts))
    if len(parties) >= 2:
        return parties
    up = noun
    for _ in range(3):  # "agreed to a ceasefire after talks hosted by …": the clause the occasion is part of
        if up.dep_ not in ("pobj", "prep", "dobj") or up.head.i == up.i:
            break
        up = up.head
        if up.pos_ in ("VERB", "AUX"):
            subject = next((c for c in up.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            if subject is not None:
                parties = others((subject, *subject.conjuncts))
                if len(parties) >= 2:
                    return parties
            break
    for event in reversed(prior[-_OCCASION_WINDOW:]):
        if event.code.plover in _JOINT_TYPES and event.target is not None:
            pair = [replace(a, span=None) for a in (event.source, event.target)]
            one, other = pair
            if same_actor(one, other) or (one.country, one.sector) == (other.country, other.sector):
                continue  # (one side's own people: no two parties)
            if apart(one) and apart(other):
                return pair
    return []


def reciprocal(head: Token) -> bool:
    """The trigger's object is "each other" / "one another" (or their possessive: "each other's plans")."""
    for child in head.children:
        if child.dep_ in _OBJECT_DEPS:
            for token in child.subtree:
                before = token.doc[token.i - 1].lower_ if token.i > 0 else ""
                if token.lower_ in ("other", "another") and before in ("each", "one"):
                    return True
    return False


def clause_subject(head: Token, targets: tuple[int, ...]) -> bool:
    """A target is the subject of a clause the trigger governs ("warned that Washington would …")."""
    doc = head.doc
    return any(
        doc[i].dep_ in args.SUBJ and doc[i].head.dep_ in ("ccomp", "advcl") and doc[i].head.head.i == head.i
        for i in targets
    )


_RESTRICTIONS = "172"  # CAMEO: administrative sanctions (curfews, bans, states of emergency, restrictions)
_REPRESSION = frozenset({"170", "175"})  # CAMEO: coercion unspecified (tear gas, water cannon), repression
_FORCES = frozenset({"COP", "MIL"})
_STATE = frozenset({"GOV", "MIL", "COP", "JUD", "LEG"})


def population(cameo: str, source: Actor, targets: list[Actor | None]) -> list[Actor | None]:
    """ "The government imposed a curfew (in Lome)", "cut mobile internet": a state's restriction with
    nobody named, or only its own state as a place, falls on its own people (an implied actor: no text, no
    span); other targets are kept."""
    own = source.country
    # ... and so does repression with nobody named ("riot police fired tear gas in Cali"; 26th session)
    repressed = cameo in _REPRESSION and source.sector in _FORCES
    if (
        (cameo.startswith(_RESTRICTIONS) or repressed)
        and own
        and source.sector in _STATE
        and all(t is None or (t.country == own and t.sector == "GOV" and t.name is None) for t in targets)
    ):
        return [Actor("", None, own, "CVL", None)]
    return targets


# whom a state's warning names when it names nobody: "anyone who attacks state institutions", "those who
# organised them", "whoever disturbs public order" (twenty-fourth session)
_ANYONE = frozenset({"anyone", "anybody", "whoever", "everyone"})
_PUBLIC_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "pobj"})


def warns_public(head: Token) -> bool:
    """The threat ``head`` tells is aimed at whoever does something ("warned that anyone who disturbed
    public order would face the full force of the law"): the indefinite person is its target."""
    for t in head.subtree:
        if t.i == head.i or t.dep_ not in _PUBLIC_DEPS:
            continue
        if t.lower_ in _ANYONE or (
            t.lower_ == "those" and any(c.dep_ in ("relcl", "acl") for c in t.children)
        ):
            return True
    return False


def public(source: Actor, head: Token, dominant: str | None) -> Actor | None:
    """The people of the source's own state, when a state body of the story's own country warns whoever
    defies it (``warns_public``); None otherwise (an implied actor: no text, no span)."""
    own = source.country
    if own is None or source.sector not in _STATE or own != dominant or not warns_public(head):
        return None
    return Actor("", None, own, "CVL", None)


# seats of power a crowd protests at, and the body each stands for (None: whoever owns it, "the chief
# adviser's residence", "the bureau's headquarters"; twenty-fourth session)
_SEATS: dict[str, str | None] = {
    "palace": "GOV", "ministry": "GOV", "parliament": "LEG", "legislature": "LEG", "congress": "LEG",
    "courthouse": "JUD", "court": "JUD", "residence": None, "headquarters": None, "office": None,
    "offices": None, "embassy": None, "consulate": None,
}  # fmt: skip
_AT_SEAT = frozenset({"on", "outside", "at", "to", "toward", "towards", "near", "before", "in"})
_UNARMED = frozenset({"CVL", "OPP", "PTY", "ELI", "NGO", "REF", "BUS", "MED"})


def seat_protested(
    head: Token, sources: list[Actor], resolve: Callable[[Token], list[Actor]]
) -> Actor | None:
    """The body whose seat a crowd protests at: "marched on the presidential palace" (its government),
    "rallied outside the courthouse" (its courts), "protested outside the bureau's headquarters" (the
    bureau); a seat of nobody named ("his residence", "the embassy") tells no one (an implied actor: no
    text, no span; the country is the crowd's own)."""
    if not sources or not all(s.sector in _UNARMED or s.sector is None for s in sources):
        return None
    own = sources[0].country
    for prep in head.children:
        if prep.dep_ != "prep" or prep.lower_ not in _AT_SEAT:
            continue
        for seat in (c for c in prep.children if c.dep_ == "pobj"):
            if seat.lemma_.lower() == "building":  # "the parliament building"
                seat = next((c for c in seat.children if c.dep_ == "compound"), seat)
            word = seat.lemma_.lower()
            if word not in _SEATS:
                continue
            owners = [c for c in seat.children if c.dep_ in ("poss", "compound") and c.tag_ != "PRP$"]
            owners += [o for p in seat.children if p.dep_ == "prep" and p.lower_ == "of" for o in p.children
                       if o.dep_ == "pobj"]  # fmt: skip
            for owner in owners:
                found = [a for a in resolve(owner) if not any(same_actor(a, s) for s in sources)]
                if found:
                    return replace(found[0], span=None)
            body = _SEATS[word]
            if body is None or own is None or any(c.tag_ == "PRP$" for c in seat.children):
                continue  # ("supporters gathered outside his residence": their own leader's)
            return Actor("", None, own, body, None)
    return None


def own_government(source: Actor, target: Actor) -> bool:
    """The target is the source's own government named by no one in particular ("Washington" for Blinken)."""
    return (
        target.name is None
        and target.sector == source.sector == "GOV"
        and target.country is not None
        and target.country == source.country
    )


def dyads(sources: list[Actor], targets: list[Actor | None]) -> list[tuple[Actor, Actor | None]]:
    """Source × target pairs.  A source paired with itself means the target slot caught the source's own
    mention ("Ukraine would ask its partners"): that pair keeps the event with no target, unless the
    source has a real target among the others."""
    pairs: list[tuple[Actor, Actor | None]] = []
    for source in sources:
        others = [t for t in targets if t is None or not (same_actor(source, t) or _inside(t, source))]
        pairs.extend((source, t) for t in (others or [None]))
    return pairs


def _inside(target: Actor, source: Actor) -> bool:
    """The target's words modify the source's own name ("U.S." in "U.S. President Donald Trump"); a phrase
    closing the source's is its complement ("the government" in "Opponents of the government")."""
    if target.span is None or source.span is None:
        return False
    return source.span[0] <= target.span[0] and target.span[1] < source.span[1]


def declares(teller: Token | None, speaker: Actor | None, source: Actor) -> bool:
    """The act's own side says it ("Turkey will not …, Erdogan said"), not someone else about it
    ("Analysts said Turkey would not …": a teller who is no actor)."""
    if teller is None:
        return True
    if speaker is None:
        return False
    return same_actor(speaker, source) or (speaker.country is not None and speaker.country == source.country)


_WATCHDOGS = frozenset({"OPP", "NGO", "IGO"})  # speakers whose report of the state's force accuses it
_STATE = frozenset({"GOV", "MIL", "COP", "JUD"})


def accuses(speaker: Actor | None, event: Event, victim_only: bool = False) -> bool:
    """Whether the speaker of a reported act of force accuses its perpetrator: another party (not the
    perpetrator's own government reporting it, nor witnesses or the press), or its victim.  A plain report
    ("said", ``victim_only``) accuses only when the speaker is the victim ("Israel said a rocket was fired at
    it from Gaza")."""
    if speaker is None or speaker.sector in _REPORTERS or same_actor(speaker, event.source):
        return False
    victim = event.target is not None and same_actor(speaker, event.target)
    if victim_only and speaker.sector in _WATCHDOGS and event.source.sector in _STATE:
        # "Chadema said 700 people had been killed by police", "Amnesty said soldiers shot protesters": an
        # opposition's or watchdog's report of the state's force is an accusation
        return True
    return victim or (
        not victim_only and speaker.country is not None and speaker.country != event.source.country
    )


def same_actor(a: Actor, b: Actor) -> bool:
    """Whether two actors are one: the same name, else the same country and sector (two bodies of no
    country only when written alike)."""
    if a.name or b.name:
        return a.name == b.name
    if a.country is None and b.country is None:
        # Two bodies of no known country ("the ombudsman's office", "the interim government") are one
        # actor only when written alike.
        return a.sector == b.sector and _bare(a.text) == _bare(b.text)
    return (a.country, a.sector) == (b.country, b.sector)


def _bare(text: str) -> str:
    words = text.lower().split()
    return " ".join(words[1:] if words and words[0] in _DETERMINERS else words)


def story_country(context: ArticleActors, source: Actor) -> Actor | None:
    """The government of the country the article is about (its most mentioned one), as the addressee of an
    act by ``source`` that names nobody; None when ``source`` is of that country, or of none and no
    international body ("the U.N. rights chief called for an inquiry" in a story about Nepal)."""
    dominant = context.tally.dominant()
    if source.country is None and source.sector not in ("IGO", "NGO"):
        return None
    if dominant is None or source.country == dominant:
        return None
    name = context.table.countries.get(dominant, dominant)
    found = Actor(name, None, dominant, "GOV", None)
    context.bases[found] = "article"
    return found


class SentenceActors:
    """Actor resolution memoised for one sentence: the extractor and the event builder ask about the same
    heads several times (is it an actor? which actors at the event's date?)."""

    def __init__(self, context: ArticleActors) -> None:
        self.context = context
        self.memo: dict[tuple[int, date | None], list[Actor]] = {}

    def resolve(self, index: int, doc: Doc, when: date | None) -> list[Actor]:
        key = (index, when)
        if key not in self.memo:
            self.memo[key] = self.context.resolve(doc[index], when)
        return self.memo[key]

    def nearest_other(
        self,
        sent: Span,
        trigger: Token,
        sources: list[Actor],
        when: date | None,
        avoid: Container[int] = (),
        places: bool = False,
    ) -> Actor | None:
        """The actor named in ``sent`` nearest to ``trigger`` that is none of ``sources``: the last-resort
        target of an event whose own argument slots named none ("X lifted the sanctions" in an article
        about Y, where the sentence names Y elsewhere).  A place where some verb happened ("… in Beijing")
        is no party unless ``places`` (a protest or an attack there is aimed at its country)."""
        taken = {a.key for a in sources}
        sides = {
            (a.country, a.sector) for a in sources if a.country
        }  # "Russia annexed …, the Russian leader"
        spans = [a.span for a in sources if a.span]
        # the trigger's subjects and what describes them ("Dagalo, known as Hemedti,"), not their
        # conjuncts ("The US, Russia and Switzerland met": each meets the others)
        # a fronted phrase of place with all it holds ("In his address to the United Nations, Obama hailed"),
        # not one of time ("After months of talks with Sudan, the United States lifted …": the partner)
        settings = [
            (c.left_edge.i, c.right_edge.i + 1)
            for c in trigger.children
            if setting(c, trigger) and c.lower_ in LOCATIVE_PREPS
        ]
        subjects = [(c.i, c.i + 1) for c in trigger.children if c.dep_ in args.SUBJ]
        subjects += [
            (a.left_edge.i, a.right_edge.i + 1)
            for c in trigger.children
            if c.dep_ in args.SUBJ
            for a in c.subtree
            if a.dep_ == "acl" or (a.dep_ == "appos" and a.head.i == c.i)
        ]  # ("The UN rights chief, Volker Türk, accused the paramilitaries": who the subject is, no target)
        best: tuple[int, Actor] | None = None
        for token in sent:
            if token.pos_ not in ("PROPN", "NOUN") or token.dep_ in ("compound", "amod", "poss"):
                continue
            if token.i in avoid or any(a <= token.idx < b for a, b in spans):
                continue
            if token.dep_ == "pobj" and setting(token.head, trigger):
                continue  # "In Washington, the ambassador condemned …", "From Moscow, …": where, not whom
            if token.dep_ == "pobj" and token.head.head.lower_ == "according":
                continue  # "…, according to a Senegalese army spokesman": who tells it
            if not places and (
                any(a <= token.i < b for a, b in settings) or (token.dep_ == "pobj" and locative(token.head))
            ):
                continue  # "In his address to the United Nations, Obama hailed …", "… in Beijing"
            if args.steals(token):
                continue  # "expelled two diplomats and China will recall …": China acts, is no party here
            if args.audience(token):
                continue  # "told reporters that …": who heard it
            if _parallel_subject(token, trigger):
                continue  # "France will supply missiles, while Germany unveiled …": another actor's own act
            if any(a <= token.i < b for a, b in subjects):
                # the trigger's subject is never its target: a second subject ("the EU's foreign policy
                # chief Josep Borrell") or the teller of a statement ("Dagalo, known as Hemedti, said his
                # forces were ready")
                continue
            distance = abs(token.i - trigger.i)
            if best is not None and distance >= best[0]:
                continue  # (a nearer actor was found already)
            actors = self.resolve(token.i, sent.doc, when)
            if actors and args.owned(token):
                continue  # what the subject owns ("withdraw its troops") is no party
            for actor in actors:
                if (
                    actor.key in taken
                    or not (actor.country or actor.name)
                    or (actor.country, actor.sector) in sides
                ):
                    continue
                if best is None or distance < best[0]:
                    best = (distance, actor)
        return best[1] if best else None

    def resolve_all(self, heads: tuple[int, ...], doc: Doc, when: date | None) -> list[Actor]:
        actors: list[Actor] = []
        for index in heads:
            for actor in self.resolve(index, doc, when):
                if all(actor.key != other.key for other in actors):
                    actors.append(actor)
        return actors


_CONTRASTS = frozenset({"while", "whereas"})


def _parallel_subject(token: Token, trigger: Token) -> bool:
    """``token`` is the subject of another clause set against the trigger's by "while" / "whereas": a second
    actor doing its own thing, no party to the trigger's act."""
    if token.dep_ == "appos" and token.head.dep_ in args.SUBJ:
        token = token.head  # "while the commission chairman, Mahmoud Ali Youssouf, called for …"
    if token.dep_ not in args.SUBJ or token.head.pos_ not in ("VERB", "AUX"):
        return False
    other, own = token.head, _clause_head(trigger)
    if other.i == own.i:
        return False
    return any(_contrast(v) for v in (other, own))


def _clause_head(token: Token) -> Token:
    """The verb heading the clause ``token`` is in, through infinitives ("would supply" in "said it would
    supply"; "attack" in "plans to attack" is the clause of "plans")."""
    up = token
    for _ in range(8):
        if up.pos_ in ("VERB", "AUX") and up.dep_ != "xcomp" or up.head.i == up.i:
            return up
        up = up.head
    return up


def _contrast(verb: Token) -> bool:
    return verb.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in _CONTRASTS for c in verb.children)
