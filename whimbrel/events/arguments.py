"""Dependency-parse rules that find the heads of an event's source and target arguments.

Everything here walks the spaCy parse of one sentence with bounded loops (the depth of a control chain
or of a relative clause is small), so the cost per trigger is a handful of attribute lookups.
"""

from __future__ import annotations

from collections.abc import Callable, Container
from dataclasses import dataclass

from spacy.tokens import Token

from whimbrel.nlp import DASHES, doc_text, split_title
from whimbrel.status.resolve import tense_shift

IsActor = Callable[[Token], bool]

SUBJ = frozenset({"nsubj", "csubj"})
PASS_SUBJ = frozenset({"nsubjpass", "csubjpass"})
# Subjects of a reported clause that stand for the speaker itself ("Iran said it would not accept").
SELF = frozenset({"it", "we", "i", "us", "itself", "ourselves"})
OBJ = frozenset({"dobj", "obj"})
# Words that stand for the noun a relative clause hangs on ("the president, who met ...").
RELATIVE = frozenset({"who", "which", "that", "whom"})
# Default prepositions introducing the target of a verb without a pattern preposition.
VERB_TARGET_PREPS = ("to", "with", "against", "on", "at", "into")
NOUN_TARGET_PREPS = ("with", "to", "against", "on", "of", "at", "in", "into", "for", "between")
# prepositions that also introduce clauses: their object may be a stranded subject ("after police, …, raided")
SUBORDINATING = frozenset({"after", "before", "since", "until", "till"})
MAX_CLIMB = 6  # longest control / conjunction chain followed when looking for a subject
SCHEDULED = frozenset({"due", "set", "poised", "slated", "scheduled"})  # "is due to travel": a planned act
# verbs that stop somebody else's bid: "vetoed a resolution to impose sanctions" (the vetoer imposes none)
THWARTING = frozenset({"block", "veto", "thwart", "foil", "scupper", "torpedo", "stymie", "reject", "oppose"})
# Dependents inside an object phrase that may name the actor it belongs to ("the Chinese decision").
AIMING = frozenset({"target", "aim", "hit"})  # participles that say whom an act is aimed at
AUDIENCES = frozenset({
    "reporter", "journalist", "newsman", "correspondent", "press", "medium", "media",
    "television", "tv", "radio", "broadcaster", "newspaper", "channel",
    # (twenty-ninth session) news agencies a story is told to ("told Reuters by telephone"; as actors of the
    # dictionaries they were measured and dropped: "told AFP the claims were baseless" took AFP as target)
    "reuters", "afp", "ap", "xinhua", "tass", "interfax", "yonhap", "kyodo", "anadolu", "irna", "cnn", "bbc",
    "station",
})  # fmt: skip
# a speaker's own assembly or followers, who hear a statement without being its party ("Abe told parliament
# that the zone was invalid", "Macron said to lawmakers in Rabat"; twenty-fifth session)
HEARERS = frozenset({
    "parliament", "lawmaker", "legislator", "parliamentarian", "mp", "deputy", "senator", "congress",
    "nation", "supporter", "crowd", "rally", "delegate", "assembly", "audience",
})  # fmt: skip
TELLING = frozenset({"tell", "brief", "inform", "assure"})
SPEAKING = frozenset({"speak", "talk", "say"})  # "speaking to reporters", "talked to state television"
# nouns of handing weapons over: "the transfer of F-16 jets" names what is handed, no party
TRANSFERS = frozenset({
    "transfer", "delivery", "sale", "supply", "shipment", "purchase", "export", "provision", "acquisition",
})  # fmt: skip
_POBJ = frozenset({"pobj"})
INSIDE_DEPS = frozenset({"poss", "pobj", "compound", "amod", "nmod"})
# gatherings an act is done at: the place they are held in is where, never whom ("vowed at a rally in
# Khartoum to liberate Heglig"; twenty-third session)
VENUES = frozenset({
    "rally", "meeting", "summit", "conference", "ceremony", "session", "gathering", "forum", "funeral",
    "parade", "briefing", "event", "march", "demonstration", "vigil", "service", "festival",
})  # fmt: skip
NON_ACTOR_ENTS = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "PERCENT", "MONEY", "QUANTITY"})
COUNTS = {"two": 2, "three": 3, "four": 4, "five": 5}  # numerals a group of parties is told by
# "Thousands of students", "a group of rebels": the head is a quantity, the actor is the "of" object.
QUANTITY_NOUNS = frozenset(
    {"thousand", "hundred", "dozen", "million", "group", "number", "crowd", "scores"}
)  # longest control / conjunction chain followed when looking for a subject
# numbers as written that count people ("a crowd of thousands", "several hundred")
COUNT_WORDS = frozenset({
    "thousands", "hundreds", "dozens", "scores", "tens", "millions", "hundred", "thousand",
})  # fmt: skip


@dataclass(frozen=True)
class Found:
    """Argument heads and whether they came from a fallback rule (lowers confidence)."""

    heads: tuple[Token, ...]
    fallback: bool = False


# words for people no dictionary row makes an actor, who may be held or tried ("two suspects were arrested")
PEOPLE_WORDS = frozenset({
    "suspect", "defendant", "detainee", "novelist", "writer", "poet", "blogger", "rapper", "singer", "artist",
    "lawyer", "academic", "professor", "businessman", "businesswoman", "teacher", "doctor", "farmer",
    # "arrested dozens in Kampala": a number of people (twenty-sixth session)
    "dozen", "dozens", "hundred", "hundreds", "thousand", "thousands", "score", "scores", "other", "others",
})  # fmt: skip


def someone(token: Token) -> bool:
    """A person's name ("Sonia Dahmani") or a word for people ("two suspects"), actor or not."""
    return (token.ent_type_ == "PERSON" and token.pos_ == "PROPN") or token.lemma_.lower() in PEOPLE_WORDS


def with_conjuncts(token: Token) -> tuple[Token, ...]:
    """The token and the nouns conjoined with it ("Russia and China" -> both); a title the parser split off
    the name right after it is no conjunct of its own ("Kishida and Chinese Premier | Li Qiang")."""
    heads = [token, *[c for c in token.conjuncts if c.i > token.i and c.pos_ in ("PROPN", "NOUN", "PRON")]]
    listed = _listed_apposition(token)
    if listed is not None:
        heads += [listed, *[c for c in listed.conjuncts if c.i > listed.i and c.pos_ == "PROPN"]]
    return tuple(h for h, after in zip(heads, [*heads[1:], None], strict=True) if not split_title(h, after))


def _listed_apposition(token: Token) -> Token | None:
    """The second country of a list the parser read as an apposition with conjuncts of its own: "The United
    States, Britain, Russia and China condemned" (Britain as an apposition of the United States)."""
    if token.ent_type_ != "GPE" or token.conjuncts:
        return None
    for c in token.children:
        if c.dep_ == "appos" and c.ent_type_ == "GPE" and c.pos_ == "PROPN" and c.conjuncts:
            return c
    return None


def _named(token: Token, is_actor: IsActor | None) -> Token:
    """A phrase that is no actor, named by an apposition that is: "The two neighbours, Kenya and Uganda,"."""
    if is_actor is None or is_actor(token):
        return token
    apposed = next((c for c in token.children if c.dep_ == "appos" and is_actor(c)), None)
    # ("The sanctions, imposed by the EU, froze …": who did the act the subject names; twenty-fifth session)
    doer = next((a for a in _done_by(token) if is_actor(a)), None)
    return apposed or doer or _owner(token, is_actor) or token


# bodies a person's name owns and speaks through ("Yanukovych's campaign accused …"; twenty-fifth session)
_PERSONS_BODIES = frozenset({
    "campaign", "camp", "team", "party", "office", "administration", "movement", "coalition", "bloc",
    "cabinet", "entourage", "staff", "foundation", "organisation", "organization",
    "agency", "ministry", "department", "service",  # "His agency banned imports" (twenty-sixth session)
})  # fmt: skip


# people who belong to someone without speaking for him ("Navalny's widow", "Khan's lawyers", "his critics")
_BELONGING = frozenset({
    "widow", "widower", "wife", "husband", "son", "daughter", "child", "family", "mother", "father",
    "brother", "sister", "relative", "fiancee", "fiancée", "lawyer", "attorney", "critic", "opponent",
    "supporter", "follower", "fan", "victim", "killer", "assassin", "friend", "biographer", "doctor",
    "successor", "predecessor", "rival", "challenger", "accuser",
})  # fmt: skip


# what a party has or does that is no body acting ("Bosnia's war killed …", "Lithuania's decision will hit …")
_NO_BODIES = frozenset({
    "war", "conflict", "decision", "action", "move", "step", "crisis", "economy", "policy", "law",
    "constitution", "election", "vote", "history", "future", "plan", "program", "programme", "position",
})  # fmt: skip


def _same_entity(a: Token, b: Token) -> bool:
    """Whether ``a`` and ``b`` lie in one named entity."""
    return (
        bool(a.ent_type_)
        and a.ent_type_ == b.ent_type_
        and not any(t.ent_iob_ == "B" for t in a.doc[min(a.i, b.i) + 1 : max(a.i, b.i) + 1])
    )


def _owner(token: Token, is_actor: IsActor) -> Token | None:
    """The actor that owns a body the lexicon does not know ("**Ukraine's** Institute of National Remembrance
    criticised …", "**Yanukovych's** campaign accused …"), if ``token`` is a noun of such a body; never the
    possessor of a relation ("Kyiv's partners") or of someone who merely belongs ("Navalny's widow")."""
    if token.pos_ not in ("NOUN", "PROPN") or token.lemma_.lower() in RELATIONAL | _BELONGING | _NO_BODIES:
        return None
    for c in token.children:
        if c.dep_ != "poss" or not is_actor(c) or _same_entity(c, token):
            continue  # (not "People's" of "the People's Mojahedin Organisation")
        if c.ent_type_ in ("GPE", "NORP", "ORG") and token.ent_type_ in ("", "ORG"):
            return c
        if token.lemma_.lower() in _PERSONS_BODIES:
            return c
    return None


def children(token: Token, deps: frozenset[str]) -> list[Token]:
    """Children of ``token`` whose dependency label is in ``deps``."""
    return [c for c in token.children if c.dep_ in deps]


def prep_objects(token: Token, preps: tuple[str, ...]) -> list[Token]:
    """Objects of ``token``'s prepositions named in ``preps``, in the order of ``preps``."""
    found: list[Token] = []
    for prep in preps:
        for c in token.children:
            if c.dep_ in ("prep", "agent", "dative") and c.lower_ == prep:
                found.extend(g for g in c.children if g.dep_ in ("pobj", "pcomp"))
    return found


def agent(token: Token) -> list[Token]:
    """Objects of the passive agent "by X"."""
    return [g for c in token.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]


_UNDERGONE_BY_NOBODY = frozenset({
    "protest", "rally", "march", "demonstrate", "riot", "gather", "clash", "strike",
})  # fmt: skip


def is_passive(verb: Token) -> bool:
    """Whether the verb is in the passive voice (passive subject or auxiliary, or a reduced passive
    participle modifying a noun: "the protesters arrested on Friday")."""
    if verb.dep_ == "acl" and verb.tag_ == "VBN":
        # (a participle with a direct object is no passive: "The US-led coalition bombed IS positions",
        # misparsed as a noun with a reduced relative clause; nor is a verb nobody undergoes: "Several
        # hundred Bosnians protested in Sarajevo")
        if verb.lemma_.lower() in _UNDERGONE_BY_NOBODY:
            return False
        return not _after_parenthesis(verb) and not any(c.dep_ == "dobj" for c in verb.children)
    if _absolute_passive(verb) or _asked_aside(verb):
        return True
    if verb.dep_ == "advcl" and verb.tag_ == "VBN" and verb.i < verb.head.i:
        # a fronted participle: "Asked about her comments, the spokeswoman said": she was asked
        return not any(c.dep_ in ("dobj", "aux", "nsubj") for c in verb.children)
    if _shared_passive(verb):
        return True
    return any(c.dep_ in PASS_SUBJ or c.dep_ == "auxpass" for c in verb.children)


_OWN_CLAUSE = frozenset({"nsubj", "nsubjpass", "aux", "auxpass", "dobj", "dative", "ccomp", "xcomp", "attr"})


def _shared_passive(verb: Token) -> bool:
    """A participle coordinated with a passive verb and sharing its auxiliary: "he had been treated in
    accordance with the law and deported for breaching immigration rules" (the parser often tags the
    second participle as a past tense; with no subject, auxiliary or object of its own it is passive)."""
    if verb.dep_ != "conj" or verb.tag_ not in ("VBD", "VBN") or not verb.text.lower().endswith("ed"):
        return False
    head = verb.head
    if head.pos_ != "VERB" or not any(c.dep_ == "auxpass" for c in head.children):
        return False
    return not any(c.dep_ in _OWN_CLAUSE for c in verb.children)


def _asked_aside(verb: Token) -> bool:
    """ "Trump, asked about the incident, told reporters …" misread with "asked" as Trump's own verb: a verb
    of questioning set off by a comma after its subject, about something, with no object: he was asked."""
    if verb.lemma_.lower() not in _QUESTIONING or verb.tag_ not in ("VBD", "VBN") or verb.i == 0:
        return False
    if verb.doc[verb.i - 1].text != "," or any(c.dep_ in _ASKED_OBJECTS for c in verb.children):
        return False
    return any(c.dep_ == "prep" and c.lower_ in ("about", "on", "over") for c in verb.children)


_QUESTIONING = frozenset({"ask", "question", "quiz", "press"})
_ASKED_OBJECTS = OBJ | {"dative", "ccomp", "xcomp"}


def _absolute_passive(verb: Token) -> bool:
    """A participle with a subject and a "by" agent but no auxiliary: "…, many of them shot by security
    forces", "Protesters shot by police in Lima" (the subject is who was shot); or, with no agent, an
    absolute clause set off by a comma: "jailed dozens of opposition figures, many of them accused of
    plotting" (nineteenth session)."""
    if verb.tag_ != "VBN" or any(c.dep_ in ("aux", "auxpass") for c in verb.children):
        return False
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is None or verb.dep_ not in ("advcl", "conj", "ccomp", "ROOT"):  # (a headline: "Protesters
        return False  # shot by police")
    if any(c.dep_ == "agent" for c in verb.children):
        return True
    before = subject.left_edge.i - 1
    return (
        verb.dep_ == "advcl"
        and before >= 0
        and verb.doc[before].text == ","
        and not any(c.dep_ in ("dobj", "dative", "ccomp") for c in verb.children)
    )


def _after_parenthesis(verb: Token) -> bool:
    """ "The Authority - which considers the US biased - called for talks": the parser often reads the verb
    after a dash parenthesis as a participle of the subject; it is the subject's own verb."""
    doc, head = verb.doc, verb.head
    if verb.i < 2 or doc[verb.i - 1].text not in DASHES or head.i >= verb.i - 2:
        return False
    return head.i + 1 < len(doc) and doc[head.i + 1].text in DASHES


def _dash_apposition(verb: Token, subject: Token | None, is_actor: IsActor) -> Token | None:
    """The names set off by dashes just before the verb, when the subject names nobody (or the parser found
    none): "The two states that signed treaties with Israel - Egypt and Jordan - also criticised" (the
    parser often hangs the names on the relative clause)."""
    doc, end = verb.doc, verb.i - 1
    first = subject.i if subject is not None else verb.sent.start
    while end > first and doc[end].dep_ in ("advmod", "neg", "aux"):
        end -= 1  # "- also sharply criticised"
    if doc[end].text not in DASHES:
        return None
    start = next((k for k in range(end - 1, first, -1) if doc[k].text in DASHES), None)
    if start is None or end - start < 2:
        return None
    inside = doc[start + 1 : end]
    heads = [t for t in inside if not start < t.head.i < end and t.pos_ in ("PROPN", "NOUN")]
    return heads[0] if len(heads) == 1 and is_actor(heads[0]) else None


def captor(verb: Token, is_actor: IsActor | None) -> tuple[Token, ...]:
    """Who held the patient of a passive release: "hostages held by Hamas were freed" → Hamas."""
    patient = passive_subject(verb)
    patient = counted(patient) if patient is not None else None  # "21 of the girls abducted by ..."
    for c in patient.children if patient is not None else ():
        if c.dep_ == "acl" and c.tag_ == "VBN" and agent(c):  # "by the militant group Boko Haram"
            return _expand([_named(a, is_actor) for a in agent(c)])
    return ()


def passive_subject(verb: Token) -> Token | None:
    """The patient of a passive verb: its passive subject, or the noun a passive participle modifies."""
    subj = children(verb, PASS_SUBJ) or (children(verb, SUBJ) if _absolute_passive(verb) else [])
    if subj:
        return _resolve_relative(subj[0], verb)
    if verb.dep_ == "acl" and verb.tag_ == "VBN" and verb.head.pos_ in ("NOUN", "PROPN", "PRON"):
        return counted(verb.head)
    if verb.dep_ == "conj" and verb.head.pos_ in ("VERB", "AUX") and not children(verb, SUBJ):
        # "Troops stormed the building and were ambushed": the shared subject is the patient.
        return holder_subject(verb.head)
    return None


def _resolve_relative(subj: Token, verb: Token) -> Token:
    # "the president, who met Abe": the relative pronoun stands for the noun the clause modifies.
    if subj.lower_ in RELATIVE and verb.dep_ == "relcl":
        return verb.head
    return counted(subj)


def instrument(token: Token, weapons: frozenset[str]) -> bool:
    """``token`` is a weapon an act is done with ("opened fire with artillery and mortars") or a weapon
    handed over ("welcomed the transfer of F-16 fighter jets"), or a word inside such a weapon's name
    ("fighter" in "fighter jets"): never a party to it."""
    if token.dep_ == "compound" and token.head.i != token.i and instrument(token.head, weapons):
        return True
    if token.lemma_.lower() not in weapons:
        return False
    while token.dep_ == "conj" and token.head.i != token.i:
        token = token.head
    if token.dep_ != "pobj":
        return False
    prep = token.head
    return prep.lower_ == "with" or (prep.lower_ == "of" and prep.head.lemma_.lower() in TRANSFERS)


# channels an act is told on ("broadcast on state television", "in a video posted on Telegram"), and the
# words of telling they hang on
_MEDIA = frozenset({"television", "tv", "radio", "channel", "broadcaster", "website", "telegram", "media"})
_TELLING = frozenset({
    "broadcast", "air", "televise", "show", "post", "publish", "carry", "say", "speak", "appear", "announce",
    "address", "speech", "interview", "call", "message", "video", "statement", "remark", "comment",
})  # fmt: skip


def medium(token: Token) -> bool:
    """``token`` is (inside) the channel an act was told on ("In a telephone call broadcast on state
    television, the leader vowed ..."): never a party to the act (twenty-first session)."""
    t = token
    while True:  # up through the words of the channel's phrase ("state", "television")
        if (
            t.dep_ == "pobj"
            and t.lemma_.lower() in _MEDIA
            and t.head.lower_ in ("on", "via", "over")
            and t.head.head.lemma_.lower() in _TELLING
        ):
            return True
        if t.dep_ not in ("compound", "amod", "poss", "conj") or t.head.i == t.i:
            return False
        t = t.head


def behest(noun: Token, words: frozenset[str]) -> bool:
    """``noun`` is a request or invitation an act was done at ("at the request of Britain", "at his
    invitation"): who asked is no party to that act, only to the request."""
    return noun.lemma_.lower() in words and noun.dep_ == "pobj" and noun.head.lower_ in ("at", "upon")


_BEHEST_KEY = "whimbrel.behest"


def behest_tokens(head: Token, words: frozenset[str]) -> set[int]:
    """Token indices of the "at the request of …" phrases in ``head``'s sentence (see :func:`behest`)."""
    found: set[int] = set()
    if not words:
        return found
    doc = head.doc
    # asked for each candidate: most paragraphs hold no request word, and then no token is looked at
    # (Token.sent builds a Span on each access)
    present = doc.user_data.get(_BEHEST_KEY)
    if present is None:
        text = doc_text(doc).lower()
        present = doc.user_data[_BEHEST_KEY] = any(w in text for w in words)
    if not present:
        return found
    sent = head.sent
    key = f"{_BEHEST_KEY}.{sent.start}"
    cached = doc.user_data.get(key)
    if cached is not None:
        return set(cached)
    for t in sent:
        if behest(t, words):
            prep = t.head
            found.update(range(prep.left_edge.i, prep.right_edge.i + 1))
    doc.user_data[key] = frozenset(found)
    return found


def counted(token: Token) -> Token:
    """The counted noun of a quantity head ("dozens of protesters" → protesters), else the token."""
    if token.lemma_.lower() in QUANTITY_NOUNS or token.ent_type_ == "CARDINAL":
        # (a gerund is no counted noun: "accused the group of sheltering militants"; a capitalised name
        # counts nothing: "the Group of Seven", "the Group of 20")
        inner = [t for t in prep_objects(token, ("of",)) if t.tag_ != "VBG" and not _one_name(token, t)]
        # (nor does a group a name modifies: "the BRICS group of major emerging economies" is BRICS;
        # twentieth session)
        named = any(c.dep_ == "compound" and c.pos_ == "PROPN" for c in token.children)
        if inner and not named:
            return inner[0]
    return token


def _one_name(quantity: Token, counted_word: Token) -> bool:
    """ "Group of Seven": a quantity word and its "of" object both capitalised, one name."""
    return quantity.tag_ == "NNP" and (counted_word.text[:1].isupper() or counted_word.text.isdigit())


def _addressee(noun: Token) -> Token | None:
    """Whom a demand noun addresses: its own "to"/"on"/"for" object ("an appeal to the rebels", "a deadline
    for Kabul") or the recipient of the verb that gives it ("gave Somalia an ultimatum")."""
    objs = prep_objects(noun, ("to", "on", "for"))
    if objs:
        return objs[0]
    if noun.dep_ in OBJ:
        recipients = children(noun.head, frozenset({"dative", "iobj"}))
        if recipients:
            return recipients[0]
    return None


def _misread_subject(verb: Token) -> list[Token]:
    """A name before the verb the parser read as an adverbial noun, as an aside follows it: "Beijing,
    meanwhile, lashed out at Washington" (twenty-seventh session)."""
    return [
        c
        for c in verb.children
        if c.dep_ == "npadvmod"
        and c.pos_ == "PROPN"
        and c.i + 1 < verb.i
        and c.ent_type_ in _NAMED_SUBJECTS
        and c.nbor(1).text == ","  # (never "the U.S.-backed rebels")
    ][:1]


_NAMED_SUBJECTS = frozenset({"GPE", "ORG", "PERSON", "NORP"})


def verb_subject(verb: Token, control: frozenset[str], is_actor: IsActor | None) -> Found:
    """Heads of the (logical) subject of ``verb``, climbing through control, purpose and conjunction."""
    fallback = False
    trigger = verb
    for _ in range(MAX_CLIMB):
        if is_passive(verb):
            by = agent(verb)
            if by:
                return Found(_expand(by), fallback)
            if verb.i != trigger.i and fallback and verb.dep_ == "ccomp" and verb.head.i != verb.i:
                # "said it was concerned the men could cross … and asked Eswatini": climbing to the speaker's
                # clause through a reported state ("was concerned"), no agentless act of its own
                verb = verb.head
                continue
            if not children(verb, SUBJ) or _asked_aside(verb):
                return Found(())  # an agentless passive: whoever did it is not named here
        subj = children(verb, SUBJ) or _misread_subject(verb)
        if len(subj) > 1 and is_actor is not None:
            # "The EU's border agency Frontex has sent officers", parsed with two subjects: the one that
            # names an actor (fourteenth session)
            subj = [t for t in subj if is_actor(t)] or subj
            proper = [t for t in subj if t.pos_ == "PROPN"]
            if len(subj) > 1 and len(proper) == 1 and not _comma_list(subj):
                subj = proper  # (both actors: "the EU's border agency" and the name it goes by)
            if len(subj) > 1 and _comma_list(subj):
                # "Sweden, Denmark and Germany offered to help", parsed with two subjects: one list
                return Found(tuple(h for t in subj for h in with_conjuncts(t)), fallback)
        if subj:
            named = _named(_resolve_relative(subj[0], verb), is_actor)
            if is_actor is not None and not is_actor(named):
                named = _dash_apposition(verb, named, is_actor) or named
            return Found(with_conjuncts(named), fallback)
        dep, head = verb.dep_, verb.head
        if head.i == verb.i:  # no subject: "The two states that signed - Egypt and Jordan - criticised"
            apposed = _dash_apposition(verb, None, is_actor) if is_actor is not None else None
            return Found(with_conjuncts(apposed) if apposed is not None else (), fallback)
        if dep == "acomp" and verb.lower_ in SCHEDULED:
            verb = head  # "is due to travel", "is set to meet": the copula's subject (a schedule, not a wish)
            continue
        if dep in ("relcl", "acl") and head.pos_ in ("NOUN", "PROPN", "PRON"):
            if is_actor is None or is_actor(head) or dep == "relcl":
                return Found(with_conjuncts(head), fallback)
            infinitive = dep == "acl" and any(c.tag_ == "TO" for c in verb.children)
            if infinitive and head.lemma_.lower() in control:
                # "gave Somalia an ultimatum to withdraw its envoy", "his appeal to the rebels to disarm":
                # whoever is addressed acts, never whoever made the demand (but "an executive order
                # cutting aid" is the signer's act: a participle, no demand)
                addressee = _addressee(head)
                return Found(with_conjuncts(addressee) if addressee is not None else (), fallback)
            bidder = noun_source(head, is_actor) if infinitive else Found(())
            if bidder.heads:  # "an attempt by Washington to sanction Pyongyang", "a U.S. bid to impose"
                return bidder
            # "Iran, in a statement condemning Israel, said": the participle's noun is not an actor,
            # so the subject of the clause that holds the noun is the source.
            governor = clause_verb(head)
            if governor is None or (head.dep_ == "dobj" and governor.lemma_.lower() in THWARTING):
                return Found(())  # "Russia vetoed a bid to impose sanctions": somebody else's bid
            verb, fallback = governor, True
            continue
        nearer = _nearer_clause(verb) if dep == "advcl" and verb.tag_ == "VBG" else None
        if nearer is not None:
            # "lodged a protest after a ship fired water cannon at a vessel, injuring three": the participle
            # tells what the nearest clause before it did, however the parser attached it
            verb = nearer
            continue
        controlled = dep == "xcomp" or (dep == "advcl" and head.lemma_.lower() in control)
        if controlled and is_passive(head) and passive_subject(head) is not None:
            # "the minister was forced to resign", "Obama is being pressured by Congress to help Iran" (the
            # infinitive often parsed as an adverbial clause): the passive subject controls the infinitive.
            return Found(with_conjuncts(passive_subject(head)), fallback)  # type: ignore[arg-type]
        if dep in ("xcomp", "ccomp", "advcl") or (dep == "pcomp" and head.dep_ == "prep"):
            controller = head.head if dep == "pcomp" else head
            obj = children(controller, OBJ) or prep_objects(controller, ("on",))
            # Object control ("urged Iran to halt", "accused Kiev of shelling") needs a known verb or an
            # object that is an actor; otherwise the subject controls ("used the meeting to warn").
            controls = bool(obj) and (
                controller.lemma_ in control
                or (is_actor is not None and is_actor(obj[0]) and controller.lemma_ not in _INSTRUMENTAL)
            )
            # (an infinitive parsed as a purpose clause is controlled by the object only after a verb of
            # asking: "will press Tehran to free two citizens", not "used the meeting to warn")
            infinitive = any(c.tag_ == "TO" for c in verb.children)
            if controls and (dep != "advcl" or (infinitive and controller.lemma_ in control)):
                return Found(with_conjuncts(obj[0]), fallback)
            verb, fallback = controller, fallback or dep == "ccomp"
            continue
        stolen = _stolen_subject(verb) if dep == "conj" and head.pos_ in ("VERB", "AUX") else None
        if stolen is None and dep == "conj" and head.pos_ == "VERB":
            stolen = _stranded_subject(verb, is_actor)
        if stolen is not None:
            # "Azerbaijan will release 32 servicemen and Armenia will free two soldiers": the parser took
            # the second subject for a conjunct of the first object
            return Found((stolen,), fallback)
        if dep == "conj" and head.pos_ in ("VERB", "AUX"):
            # "The office said the deaths were caused by gunshots and called on X": a conjunct hung on a
            # reported clause whose subject is no actor belongs to the speaker's clause.
            own = children(head, SUBJ | PASS_SUBJ)
            if head.dep_ == "ccomp" and is_actor is not None and own and not is_actor(own[0]):
                verb, fallback = head.head, True
                continue
            if head.dep_ == "ccomp" and _speakers_appeal(verb, head):
                # "Katz said Iran was a terrorist state and called on the EU to …": an appeal after what
                # was said is the speaker's (seventeenth session)
                verb, fallback = head.head, True
                continue
            if head.dep_ in ("ccomp", "xcomp") and head.head.i < head.i and tense_shift(verb, head):
                # "said Russia must be held accountable and urged Western allies to …", "denied that it had
                # used force and accused the protesters": a verb in a tense of its own after a modal or
                # perfect reported clause is the speaker's own act
                verb, fallback = head.head, True
                continue
            active = not is_passive(verb) and (
                verb.tag_ == "VBD" or any(c.dep_ == "dobj" for c in verb.children)
            )
            undergoer = passive_subject(head) if active and is_passive(head) else None
            if undergoer is not None:
                # "she was astonished by the ruling and accused the judges": an active conjunct of a passive
                # verb is done by its passive subject, not by the agent ("the ruling") (fourteenth session)
                return Found(with_conjuncts(undergoer), fallback)
            verb = head
            continue
        return Found(())
    return Found(())


# verbs whose object is an instrument, never the doer of the infinitive: "used drones hidden in trucks to
# strike four air bases" (the user strikes; seventeenth session)
_INSTRUMENTAL = frozenset({"use", "employ", "utilise", "utilize"})


_APPEALS = frozenset({"call", "urge", "ask", "appeal", "implore", "press"})
_SAYING = frozenset({"say", "tell", "state", "add", "write", "declare"})


def _speakers_appeal(verb: Token, reported: Token) -> bool:
    """A finite verb of appeal with no auxiliary of its own, joined to a clause reported by a verb of
    saying that precedes it."""
    if verb.lemma_.lower() not in _APPEALS or verb.tag_ != "VBD":
        return False
    if any(c.dep_ in ("aux", "auxpass") for c in verb.children):
        return False
    teller = reported.head
    return teller.i < reported.i and teller.lemma_.lower() in _SAYING


def _comma_list(subjects: list[Token]) -> bool:
    """Subjects that are the items of one list the parser split: names, each followed by a comma up to the
    next ("Sweden, Denmark and Germany")."""
    doc = subjects[0].doc
    for a, b in zip(subjects, subjects[1:], strict=False):
        if a.pos_ != "PROPN" or b.pos_ != "PROPN" or b.i - a.right_edge.i != 2 or doc[b.i - 1].text != ",":
            return False
    return True


def _nearer_clause(participle: Token) -> Token | None:
    """The verb with a subject of its own nearest before a participle that the parser hung on a verb further
    back, when that verb's clause lies between them (a relative clause on a thing too); None otherwise."""
    head = participle.head
    for k in range(participle.i - 1, head.i, -1):
        t = participle.doc[k]
        # (also a relative clause on a thing: "for an air strike that destroyed its consulate, killing two
        # generals": the strike killed them, not whoever vowed revenge; eighteenth session)
        thing = t.dep_ == "relcl" and any(c.lower_ in ("that", "which") for c in children(t, SUBJ))
        if t.pos_ == "VERB" and (t.dep_ in ("advcl", "conj", "ccomp") or thing) and children(t, SUBJ):
            ancestors = {a.i for a in t.ancestors}
            return t if head.i in ancestors else None
    return None


def _stolen_subject(verb: Token) -> Token | None:
    """The name just before a conjoined verb with its own auxiliary (or a finite verb with no subject) that
    the parser hung on the first verb's object as a conjunct ("… servicemen and **Armenia** will free …",
    "… would not meet the target and **Trump** threatened …"), else None."""
    left = verb.left_edge.i
    finite = verb.tag_ in ("VBD", "VBZ", "VBP") and not children(verb, SUBJ)  # "… and Trump threatened"
    if left == 0 or not (finite or any(c.dep_ in ("aux", "auxpass") and c.i < verb.i for c in verb.children)):
        return None
    prev = verb.doc[left - 1]
    if finite and prev.dep_ == "conj" and prev.tag_ in ("NNS", "NNPS", "NNP") and prev.head.dep_ == "pobj":
        # "when police fired on crowds and **protesters** attacked police stations"
        return prev
    if prev.dep_ != "conj" or prev.pos_ != "PROPN" or prev.head.dep_ not in OBJ:
        return None
    # (the object may be in a clause under the first verb: "insisted it would not meet the target and
    # Trump threatened")
    owner = prev.head.head
    return prev if owner.i == verb.head.i or owner.head.i == verb.head.i else None


def _stranded_subject(verb: Token, is_actor: IsActor | None) -> Token | None:
    """The subject the parser left as the object of "after", "before", "since" or "until" when an aside
    follows it ("came days after Italian police, acting on a U.S. warrant, detained X": police detained),
    for a conjunct with no coordinator before it; None otherwise."""
    head = verb.head
    if is_actor is None or any(verb.doc[k].dep_ == "cc" for k in range(head.i + 1, verb.i)):
        return None
    for prep in verb.doc[head.i + 1 : verb.i]:
        # ("came three days after police ...": the preposition may hang on the measure of time)
        on = prep.head if prep.head.dep_ != "npadvmod" else prep.head.head
        if prep.dep_ == "prep" and prep.lower_ in SUBORDINATING and on.i == head.i:
            objects = [o for o in prep.children if o.dep_ == "pobj" and is_actor(_named(o, is_actor))]
            if objects and objects[0].i < verb.i and prep.doc[objects[0].right_edge.i + 1].is_punct:
                return _named(objects[0], is_actor)
    return None


def _expand(tokens: list[Token]) -> tuple[Token, ...]:
    out: list[Token] = []
    for t in tokens:
        out.extend(x for x in with_conjuncts(t) if x not in out and not steals(x))
    return tuple(out)


# nouns of a relation to someone, whose possessor is the other side of the relation ("Ukraine's allies" are
# not Ukraine; fifteenth session)
RELATIONAL = frozenset({
    "ally", "partner", "neighbour", "neighbor", "backer", "sponsor", "patron", "rival", "enemy", "foe",
    "adversary", "friend",
})  # fmt: skip


def related_owner(token: Token) -> bool:
    """``token`` is the possessor of a noun of a relation ("**Kyiv's** partners", "**Ukraine's** allies"):
    the relation's other side names someone else, never ``token``."""
    return token.dep_ == "poss" and token.head.lemma_.lower() in RELATIONAL


def audience(token: Token) -> bool:
    """``token`` is whom a speaker told the news ("told reporters that …", "briefed journalists", "speaking
    to reporters", "told state television"): the audience of a statement, never a party to what it says."""
    lemma = token.lemma_.lower()
    if lemma not in AUDIENCES and (
        lemma not in HEARERS or any(c.dep_ == "xcomp" for c in token.head.children)
    ):
        return False  # ("told parliament to approve the budget": an ask, not a hearing)
    if token.dep_ in ("dobj", "dative", "obj"):
        return token.head.lemma_.lower() in TELLING
    up = token.head
    return token.dep_ == "pobj" and up.lower_ in ("to", "with") and up.head.lemma_.lower() in SPEAKING


def steals(token: Token) -> bool:
    """``token`` is the subject of a later conjoined verb, misparsed as a conjunct of an object."""
    if token.dep_ != "conj" or token.i + 1 >= len(token.doc):
        return False
    nxt = token.doc[token.i + 1]
    verb = nxt.head
    if nxt.pos_ == "VERB" and nxt.dep_ == "conj":
        verb = nxt  # "… the target and Trump threatened"
    elif nxt.dep_ not in ("aux", "auxpass"):
        return False
    return verb.dep_ == "conj" and _stolen_subject(verb) == token


def verb_targets(verb: Token, preps: tuple[str, ...], is_actor: IsActor | None) -> Found:
    """Heads of the target of ``verb``: pattern preposition, direct/passive object, dative, default preps."""
    if preps:
        objs = prep_objects(verb, preps)
        if objs:
            return Found(_expand(objs))
    if is_passive(verb):
        patient = passive_subject(verb)
        if patient is not None:
            return Found(with_conjuncts(patient))
    candidates = [children(verb, OBJ), children(verb, frozenset({"dative", "iobj"}))]
    if not preps:
        candidates.append(prep_objects(verb, tuple(p for p in VERB_TARGET_PREPS if p != "with")))
    found_objs = [
        [
            o
            for o in map(counted, found)
            if o.pos_ != "ADP" and o.ent_type_ not in NON_ACTOR_ENTS and not owned(o)
        ]
        for found in candidates
    ]
    for objs in found_objs:
        if objs and (is_actor is None or any(is_actor(o) for o in objs)):
            return Found(_expand(objs))
    # "with" last: an actor inside the object comes first ("targeted five Israeli positions in solidarity
    # with the Palestinian people"), then a partner ("signed an agreement with Iran")
    inside = actor_inside(found_objs[0][0], is_actor) if found_objs[0] and is_actor is not None else None
    if inside is not None:
        return Found(with_conjuncts(inside), fallback=True)
    partners = [o for o in prep_objects(verb, ("with",)) if o.pos_ != "ADP"] if not preps else []
    if partners and (is_actor is None or any(is_actor(o) for o in partners)):
        return Found(_expand(partners))
    # No argument is an actor itself: one may be inside the object ("sanctions on Russia's banks"); a
    # recipient ("gave Somalia an ultimatum to withdraw its envoy") was preferred above.
    for objs in (*found_objs, partners):
        better = actor_inside(objs[0], is_actor) if objs and is_actor is not None else None
        if better is not None:
            return Found(with_conjuncts(better), fallback=True)
    return Found(())


def unnamed_modifier(token: Token) -> bool:
    """An adjective or noun modifier that names nobody ("military" in "military exercises"): a kind of
    thing, never a party to the act."""
    # (an acronym the model tagged as no entity is still a name: "RSF positions", "PKK camps")
    acronym = token.pos_ == "PROPN" and len(token.text) > 1 and token.text.isupper()
    return token.dep_ in ("amod", "compound") and not token.ent_type_ and not acronym


def owned(obj: Token) -> bool:
    """A phrase owned by its clause's subject ("withdrew its troops", "recalled their ambassadors"): never
    the target of the subject's act."""
    pronouns = [c.lower_ for c in obj.children if c.dep_ == "poss" and c.tag_ == "PRP$"]
    if "their" in pronouns:
        return True
    if "its" not in pronouns:
        return False
    # "its" never stands for a plural subject of its own clause ("protesters stormed its embassy": the
    # embassy is someone else's)
    subject = next((c for c in obj.head.children if c.dep_ in SUBJ), None)
    return subject is None or subject.tag_ not in ("NNS", "NNPS")


def modifier_actor(noun: Token, is_actor: IsActor | None) -> Token | None:
    """An actor modifying ``noun``: "Russia's ambassador", "Russian diplomats" (for "expelled ...")."""
    for c in noun.children:
        if c.dep_ not in ("poss", "amod", "compound") or c.i > noun.i or c.tag_ == "PRP$":
            continue  # "withdrew its troops": a possessive pronoun points back at the source
        if unnamed_modifier(c):
            continue  # "staged military exercises": a kind of thing, not whom it is aimed at
        if c.ent_type_ in ("NORP", "GPE", "ORG") if is_actor is None else is_actor(c):
            return c
    return None


def victim(token: Token, measures: Container[str]) -> bool:
    """Whether ``token`` is whom a measure or an attack (a noun in ``measures``) is aimed at ("sanctions
    **on** Iran", "the crackdown **on** protesters"): the party an objection to it defends, not the one it
    objects to ("charges against Israel" are no measure: Israel is what they accuse)."""
    if token.dep_ in ("amod", "compound", "poss") and token.head.dep_ == "pobj":
        token = token.head  # "the warrants against **the Israeli** leaders"
    prep = token.head
    if token.dep_ != "pobj" or prep.head.lemma_.lower() not in measures:
        return False
    # "the arrest **of** the journalist by Turkish police": the doer is named, the "of" object underwent
    # it (eighteenth session)
    if prep.lower_ == "of" and agent_named(prep.head):
        return True
    # ("the arrest warrant **for** Netanyahu": whom a warrant is for)
    return prep.lower_ in ("on", "against") or (
        prep.lower_ == "for" and prep.head.lemma_.lower() == "warrant"
    )


def agent_named(noun: Token) -> bool:
    """Whether an act noun names its doer with "by" ("the killing of three aid workers **by** the army")."""
    return any(c.dep_ in ("prep", "agent") and c.lower_ == "by" and children(c, _POBJ) for c in noun.children)


def actor_inside(noun: Token, is_actor: IsActor) -> Token | None:
    """First actor inside the phrase of ``noun`` (possessor, modifier, prepositional object)."""
    # "criticized the government's decision", "condemned the attack on Kabul": an actor inside the
    # object phrase is the likely target when the object itself is not an actor.
    venue = noun.lemma_.lower() in VENUES
    for t in noun.subtree:
        if t.i == noun.i or t.dep_ not in INSIDE_DEPS or unnamed_modifier(t) or related_owner(t):
            continue  # "conducted military exercises": a modifier with no name is a kind, not a party
        if venue and t.dep_ == "pobj" and t.head.lower_ == "in" and t.ent_type_ in ("GPE", "LOC", "FAC"):
            continue
        if t.dep_ == "pobj" and t.head.lower_ == "as":
            continue  # "his first trip as president": a role the doer holds, no party (twenty-sixth session)
        if is_actor(t):
            # "the arrest of the journalist by **Turkish police**": the modifier's head when it is an
            # actor itself (eighteenth session)
            head = t.head
            by = head.dep_ == "pobj" and head.head.lower_ == "by"
            if t.dep_ in ("amod", "compound") and head.i > t.i and by and is_actor(head):
                return head
            return t
    return None


def clause_verb(noun: Token) -> Token | None:
    """The verb whose clause holds ``noun`` through prepositions and objects ("in a statement" → said)."""
    up = noun
    for _ in range(MAX_CLIMB):
        if up.dep_ not in ("pobj", "prep", "dobj", "obj", "appos", "npadvmod", "attr", "oprd", "compound"):
            break
        up = up.head
        if up.pos_ in ("VERB", "AUX"):
            return up
    return None


def holder_subject(verb: Token) -> Token | None:
    """Subject or passive subject of ``verb`` ("the minister | is under house arrest")."""
    subj = children(verb, SUBJ | PASS_SUBJ)
    return counted(_resolve_relative(subj[0], verb)) if subj else None


def undergoer(noun: Token, undergone: Container[str]) -> Token | None:
    """The possessor of an act its possessor undergoes (a noun in ``undergone``: "**their** arrest",
    "**Navalny**'s conviction", "**his** assassination"), when no "of" object names the patient instead
    ("Russia's arrest of two journalists"); else None."""
    if noun.lemma_.lower() not in undergone or prep_objects(noun, ("of",)):
        return None
    return next((c for c in noun.children if c.dep_ == "poss"), None)


_TRAVEL_NOUNS = frozenset({"visit", "trip", "tour", "journey", "arrival", "voyage"})


def noun_source(noun: Token, is_actor: IsActor | None, undergone: Container[str] = ()) -> Found:
    """Source of an event noun: possessor (not of an act it undergoes: see :func:`undergoer`), "by/from X",
    a nationality adjective ("Russian hacking")."""
    poss = [c for c in noun.children if c.dep_ in ("poss", "nsubj")]  # "with the minister warning of"
    if poss and undergoer(noun, undergone) is None:
        return Found(with_conjuncts(poss[0]))
    by = prep_objects(noun, ("by", "from")) or _done_by(noun)
    if by:
        return Found(_expand(by))
    if noun.lemma_.lower() in _TRAVEL_NOUNS and prep_objects(noun, ("to",)):
        travellers = prep_objects(noun, ("of",))  # "the visit of Modi to Japan": Modi travels
        if travellers and (is_actor is None or is_actor(travellers[0])):
            return Found(_expand(travellers))
        traveller = _on_a_visit(noun)
        if traveller is not None and (is_actor is None or is_actor(traveller)):
            return Found(with_conjuncts(traveller))
    doer = in_manner(noun)
    if doer is not None and (is_actor is None or is_actor(doer)):
        return Found(with_conjuncts(doer))
    for c in noun.children:  # "Russian hacking", "a Foreign Minister Ayman Safadi warning" (a misparse)
        nationality = c.dep_ in ("amod", "compound") and c.ent_type_ in ("NORP", "GPE", "ORG", "PERSON")
        if nationality and c.i < noun.i and not _anti(c) and (is_actor is None or is_actor(c)):
            return Found((c,))
    if is_actor is not None and noun.lemma_.lower() not in undergone:
        # "a coalition airstrike", "rebel fire", "a police raid": an armed party named by a common noun
        # (twenty-fifth session), not of an act it undergoes ("a prisoner release")
        for c in noun.children:
            armed = c.dep_ == "compound" and c.i < noun.i and c.lower_ in _ARMED_MODIFIERS
            if armed and is_actor(c):
                return Found((c,))
    return Found(())


_ARMED_MODIFIERS = frozenset({
    "rebel", "militant", "insurgent", "jihadist", "separatist", "guerrilla", "police", "army", "military",
    "coalition", "junta", "militia", "paramilitary", "navy", "regime",
})  # fmt: skip


# participles whose agent did the act the noun names ("an attack carried out by the Taliban", "a bombing
# claimed by Islamic State", "sanctions imposed by the EU"; twenty-fifth session) — not those of a third party
# ("a truce brokered by Egypt", "talks backed by the UN")
_DOING_PARTICIPLES = frozenset({
    "carry", "claim", "launch", "conduct", "stage", "lead", "organise", "organize", "mount", "perpetrate",
    "commit", "impose", "order", "issue", "make", "propose", "announce", "chair", "fire", "deliver",
    "initiate", "orchestrate", "level", "file", "submit", "draft", "table", "unveil", "present", "offer",
    "introduce", "enact", "adopt", "pass", "execute", "undertake", "wage", "call", "declare", "put",
})  # fmt: skip


def _done_by(noun: Token) -> list[Token]:
    """The agent of a participle that says who did the act ``noun`` names ("an attack carried out by X")."""
    return next((agent(c) for c in noun.children if _doing(c)), [])


def _doing(token: Token) -> bool:
    """Whether ``token`` is a participle of :data:`_DOING_PARTICIPLES` modifying a noun."""
    return token.dep_ == "acl" and token.tag_ == "VBN" and token.lemma_.lower() in _DOING_PARTICIPLES


# nouns that say in what spirit a clause's subject acts: "ripped up the railway in protest at his remarks"
# (twenty-ninth session; "in solidarity with" was measured and dropped: "the Houthis say they act in
# solidarity with the Palestinians" is no act of support the team's articles code)
_MANNER_NOUNS = frozenset({"protest"})


def in_manner(noun: Token) -> Token | None:
    """The subject of the verb an "in protest" phrase hangs on, else None."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.lower_ != "in" or noun.lemma_.lower() not in _MANNER_NOUNS:
        return None
    if any(c.dep_ == "det" for c in noun.children):
        return None  # ("took part in the protest": an occasion, no manner)
    # (the parser may hang the phrase on the verb's object: "ripped up a stretch … in protest")
    verb = prep.head if prep.head.pos_ in ("VERB", "AUX") else clause_verb(prep.head)
    return holder_subject(verb) if verb is not None else None


def _on_a_visit(noun: Token) -> Token | None:
    """Who is "on a visit to Cairo": the name the phrase is set off after ("Blinken, on a visit to Cairo,
    urged …"), else the subject of the verb it hangs on (seventeenth session)."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.lower_ not in ("on", "during"):
        return None
    holder = prep.head
    if holder.pos_ in ("VERB", "AUX") and holder.dep_ in ("acl", "advcl") and not children(holder, SUBJ):
        holder = holder.head  # "Blinken, speaking on a visit to Cairo, urged …"
    if holder.pos_ in ("PROPN", "NOUN", "PRON"):
        return holder
    if holder.pos_ in ("VERB", "AUX"):
        return next((c for c in holder.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return None


def opposed_modifier(noun: Token, is_actor: IsActor | None) -> Token | None:
    """The actor an "anti-" modifier names: "anti-government protests", "anti-American rallies" are against
    it (a target, never the source)."""
    for c in noun.children:
        named = c.ent_type_ in ("NORP", "GPE", "ORG") if is_actor is None else is_actor(c)
        if c.dep_ in ("amod", "compound") and c.i < noun.i and _anti(c) and named:
            return c
    return None


def _anti(modifier: Token) -> bool:
    """Whether ``modifier`` is written "anti-X" (one token, or "anti" "-" "X")."""
    doc, i = modifier.doc, modifier.i
    if modifier.lower_.startswith("anti-"):
        return True
    return i >= 2 and doc[i - 1].text == "-" and doc[i - 2].lower_ == "anti"


def noun_targets(noun: Token, preps: tuple[str, ...], is_actor: IsActor | None) -> Found:
    """Target of an event noun: "talks with X", "attack on X", "arrest of X", "visit to X"."""
    preps = preps or NOUN_TARGET_PREPS
    # (else those of the participle telling who did it: "sanctions imposed by the EU on Iran")
    holders = [noun, *(c for c in noun.children if _doing(c))]
    objs = next((found for h in holders if (found := prep_objects(h, preps))), [])
    for obj in objs:
        if obj.pos_ in ("VERB", "ADP"):
            continue
        owner = [c for c in obj.children if c.dep_ == "poss"]
        # "hacking of the party's emails": the victim is the possessor when the object is a thing.
        if owner and (obj.ent_type_ == "" if is_actor is None else not is_actor(obj)):
            return Found(with_conjuncts(owner[0]))
        return Found(with_conjuncts(obj))
    for aimed in (c for c in noun.children if c.dep_ == "acl" and c.lemma_.lower() in AIMING):
        # "an attack targeting non-Muslims at a mall in Kenya's capital": whom the act is aimed at
        found = [o for o in aimed.subtree if o.i != aimed.i and o.dep_ in ("dobj", "pobj", "poss")]
        named = [
            o for o in found if (o.ent_type_ in ("NORP", "GPE", "ORG") if is_actor is None else is_actor(o))
        ]
        if named:
            return Found(with_conjuncts(named[0]), fallback=True)
    return Found(())


def tree_distance(a: Token, b: Token) -> int:
    """Number of dependency arcs between two tokens of the same sentence."""
    up_a = [a, *a.ancestors]
    depth = {t.i: n for n, t in enumerate(up_a)}
    for n, t in enumerate([b, *b.ancestors]):
        if t.i in depth:
            return n + depth[t.i]
    return len(up_a) + n + 1


def the_numeral(head: Token) -> int:
    """N of a bare "the N" that acts ("the two agreed", "the three signed"): the parties just told, though
    the small model tags the numeral a CARDINAL; 0 for anything else ("two were killed")."""
    if head.tag_ != "CD" or head.lower_ not in COUNTS or head.dep_ not in ("nsubj", "nsubjpass"):
        return 0
    words = [c.lower_ for c in head.children if c.dep_ in ("det", "predet")]
    return COUNTS[head.lower_] if words == ["the"] else 0
