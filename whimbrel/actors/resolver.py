"""Actor resolution: the head token of an event argument -> zero or more :class:`~whimbrel.records.Actor`.

:class:`ActorResolver` holds the dictionaries (built once, shipped to workers by pickling);
:class:`ArticleActors` holds the light coreference state of one article: the people, organisations,
countries and groups seen so far, so that "he", "they", "the Russian leader" and "the two leaders" can be
resolved to them.  The rules are documented in docs/actors.md.
"""

from __future__ import annotations

import re
import secrets
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from functools import lru_cache
from pathlib import Path

from spacy.tokens import Doc, Span, Token

from whimbrel.actors.coref import FIRST_PERSON, NOMINAL, SUBJECT_DEPS, References
from whimbrel.actors.dictionary import ActorDictionary, Agent, Organisation, Person, norm
from whimbrel.actors.mentions import (
    described_person,
    latest_organisation,
    mention_actors,
    named_by_head,
    recent_organisations,
    salient_people,
)
from whimbrel.actors.phrase import (
    PRONOUN_TAGS,
    Match,
    Phrases,
    Reading,
    ethnic,
    may_start,
    name_tokens,
)
from whimbrel.actors.places import CountryTally, PlaceIndex
from whimbrel.actors.rules import (
    Mention,
    _allegiance,
    _best,
    _extend,
    _former,
    _of_object,
    _org_name,
    _person_actor,
    _person_like,
    _plural_heads,
    _retext,
    _sector,
    _short_actor,
    _short_ref,
    _title,
    _title_holder,
    _titles,
    _venue,
)
from whimbrel.events import arguments as args
from whimbrel.geo import Gazetteer
from whimbrel.nlp import split_title
from whimbrel.records import Actor

_DOC_TAG = "whimbrel.actors.paragraph"  # Doc.user_data key: (article token, paragraph number)
_MODIFIER_DEPS = frozenset({"compound", "amod", "flat", "nmod", "nummod"})
_LATER = 1 << 30  # position of a head in a Doc this article never observed: after every mention
# International, terrorist and non-governmental agents belong to no country by default, and refugees
# belong to the country they fled, not the one the article is about: no country fall-back for them.
_NO_FALLBACK = frozenset({"IGO", "TER", "NGO", "REF"})
_ARMED_GROUP_SECTORS = frozenset({"INS", "TER", "REB", "SEP"})  # men of an armed group
# dependants that make a capitalised word a common noun phrase ("The Talks", "Security forces"); a relative
# clause or an apposition does not ("Simion, who had led the first round, conceded")
_NOUN_MODIFIERS = frozenset({"det", "amod", "compound", "poss", "nummod", "prep"})
# verbs whose object is never of the acting state ("expelled the defence advisers": foreigners)
_EXPELLING = frozenset({"expel", "deport"})
# verbs by which a state commands its own forces and officials ("the cabinet instructed the army")
_COMMANDING = frozenset({
    "order", "instruct", "direct", "command", "task", "authorize", "authorise", "deploy", "mobilize",
    "mobilise", "dispatch", "empower", "appoint", "dismiss", "sack", "replace",
})  # fmt: skip
# NGO words for local people, who take the fall-back country as civilians do (aid workers, monitors and
# observers are often foreign: they keep none)
_LOCAL_ACTIVISTS = frozenset({"activist", "rights group"})
_STATE_SECTORS = frozenset({"GOV", "MIL"})
_COMMANDED = frozenset({"MIL", "COP", "GOV"})  # bodies a state commands (_commander_state)
_LOCAL_SECTORS = frozenset({"COP", "CVL"})  # police and people: of the place the story is told from
# commanding verbs addressed to the body commanded ("ordered the army to"; not "deployed the army", whose
# forces are sent, nor "appointed the army chief")
_ADDRESSING = frozenset({
    "order", "instruct", "direct", "command", "task", "authorize", "authorise", "empower",
})  # fmt: skip
# what a government does to its own parliament: asks, urges, tells, addresses, submits to (twenty-fourth
# session)
_ADDRESSING_LEGISLATURE = frozenset({
    "ask", "urge", "tell", "address", "call", "submit", "send", "brief", "request", "petition", "appeal",
})  # fmt: skip
# bodies a bare "the government" names are mostly the story's own state's, whatever state's was named last
# ("the Brazilian government … the government expelled Brazil's envoy"): never read back to one named before
# words for people of no body of their own, and the links that name the body they act for ("people linked to
# the government", "hackers tied to Russia"; eighteenth session)
_LINKABLE = frozenset({"people", "person", "man", "individual", "hacker", "figure", "agent", "operative"})
_LINKS = frozenset({"link", "tie", "connect", "affiliate", "associate"})
_OWN_BODIES = frozenset({"government", "authorities"})
_CAPITALISED = re.compile(r"\b[A-Z][\w'-]*")
_ENVOYS = frozenset({"ambassador", "envoy", "diplomat", "consul", "attache", "attaché", "chargé"})
_LOCAL_BODIES = frozenset({"MIL", "COP", "REB", "INS", "SEP", "GOV", "LEG", "JUD"})
_REBELS = frozenset({"REB", "INS", "SEP"})
_ARMED_NONSTATE = frozenset({"INS", "REB", "TER", "SEP"})
# police, people and armed groups of no country are of the place the story is told from (28th session)
_TOLD_FROM_SECTORS = _LOCAL_SECTORS | _REBELS
_GROUP_KINDS = frozenset({"INS", "REB", "TER", "OPP", "PTY", "NGO"})  # "the rights group" may name one back
_TITLED_SECTORS = frozenset({"GOV", "MIL", "COP", "JUD", "LEG"})  # titles of office before a name
_AIMED_PREPS = frozenset({"with", "against", "on", "to", "at", "toward", "towards", "over"})
_SPOKESPEOPLE = frozenset({"spokesman", "spokeswoman", "spokesperson", "spokespeople", "spokesmen"})
_MEMBER_PREPS = frozenset({"in", "at", "from"})  # "lawmakers in the European Parliament"
_ACTED_ON_DEPS = frozenset({"poss", "dobj", "pobj", "prep"})  # links from an object up to its verb
_OBJECT_DEPS = frozenset({"dobj", "dative", "pobj"})
_CREATING = frozenset({"form", "build", "create", "establish", "set", "launch"})  # verbs that make a body
# words of party names any country may use ("the Democratic Party", "the Labour Party", "the Conservatives")
_PARTY_WORDS = frozenset({
    "the", "party", "democratic", "democrats", "democrat", "labour", "labor", "conservative", "conservatives",
    "liberal", "liberals", "socialist", "socialists", "national", "republican", "republicans", "people's",
    "progressive", "green", "greens", "social", "workers", "tories", "tory",
})  # fmt: skip
_BLOCS = frozenset({"bloc", "alliance"})  # short words for an organisation of states
# short words that also refer back to a body of that head word named before ("the council", "the alliance")
_NAMED_TOO = frozenset({"council", "alliance"})
_PAIR_NEAR = 0  # paragraphs back that "the two sides" takes the parties of the event just told
_LIST_REACH = 3  # paragraphs back that "the three countries" may find the countries listed together
_PAIR_REACH = 2  # ... and "the two countries"
_SIDES = frozenset({
    "side", "country", "nation", "government", "neighbour", "neighbor", "state", "capital", "ally", "partner",
    "rival", "foe", "adversary", "enemy", "power", "superpower", "economy",
})  # fmt: skip
Basis = str  # "text", "place", "sentence" or "article": see ArticleActors.country_basis


def _pair(table: ActorDictionary, head: Token) -> bool:
    """ "both sides", "the two countries" (not "a two-state solution", "two countries")."""
    words = [c.lower_ for c in head.children if c.dep_ in ("det", "predet", "nummod", "amod")]
    pair = [w for w in words if table.words.get(w) == ("pair", "")]
    return (bool(pair) and (pair[0] == "both" or "the" in words)) or _the_sides(head)


def _the_sides(head: Token) -> bool:
    """ "the sides", "the warring sides" (not "the sides of the road"): the two sides (fifteenth session)."""
    words = [c.lower_ for c in head.children if c.dep_ in ("det", "predet", "nummod")]
    return (
        head.lemma_.lower() == "side"
        and head.tag_ == "NNS"
        and words == ["the"]
        and not any(c.dep_ == "prep" for c in head.children)
    )


_COUNTS = {**args.COUNTS, "both": 2}


def _counted_sides(head: Token) -> int:
    """N of "the N countries/sides/governments" ("both sides": 2); 0 for anything else ("two countries",
    "the countries")."""
    words = [c.lower_ for c in head.children if c.dep_ in ("det", "predet", "nummod", "amod")]
    numbers = [_COUNTS[w] for w in words if w in _COUNTS]
    if not numbers and _the_sides(head):
        return 2
    return numbers[0] if numbers and ("the" in words or "both" in words or "all" in words) else 0


@lru_cache(maxsize=1)
def _packaged_dictionary() -> ActorDictionary:
    return ActorDictionary.load()


class ActorResolver:
    """Resolve argument heads and free-text phrases to actors with the packaged and user dictionaries."""

    def __init__(self, table: ActorDictionary, gazetteer: Gazetteer | None = None) -> None:
        self.table = table
        self.gazetteer = gazetteer

    @classmethod
    def load(cls, extra: Sequence[Path] = ()) -> ActorResolver:
        """Packaged dictionaries plus user TSV files (each extends the dictionary its header names), and the
        packaged gazetteer (cities for the country fall-back)."""
        return cls(ActorDictionary.load(extra) if extra else _packaged_dictionary(), Gazetteer.load())

    def article(self) -> ArticleActors:
        """Fresh coreference state for one article."""
        return ArticleActors(self.table, PlaceIndex(self.table, self.gazetteer))

    def lookup(self, text: str, when: date | None = None) -> list[Actor]:
        """Resolve a free-text phrase ("Russian President Vladimir Putin", "the Kremlin", "Syrian rebels")."""
        from whimbrel.nlp import load_nlp  # spaCy only where a phrase must be parsed (the CLI)

        doc = load_nlp()(text.strip())
        if not len(doc):
            return []
        root = next(iter(doc.sents)).root
        if root.pos_ not in (*NOMINAL, "PRON", "ADJ"):
            nouns = [t for t in doc if t.pos_ in NOMINAL and t.dep_ not in _MODIFIER_DEPS]
            if not nouns:
                return []
            root = nouns[0]
        return self.article().resolve(root, when)


# Kinds of words.tsv whose capitalised form may head a longer name of the dictionaries
_NAMING_WORDS = frozenset({"quantity", "organisation", "named", "country"})


@dataclass
class ArticleActors(References):
    """Per-article state: mentions observed so far, in reading order; countries mentioned (for the country
    fall-back); each sentence's country/organisation subject (for "it"); how fall-back countries were
    found."""

    table: ActorDictionary
    places: PlaceIndex | None = None
    mentions: list[Mention] = field(default_factory=list)
    token: str = field(default_factory=lambda: secrets.token_hex(6))
    paragraphs: int = 0
    tally: CountryTally = field(default_factory=CountryTally)
    names: set[str] = field(default_factory=set)  # names of people and organisations mentioned
    # paragraph -> (sentence start, end, countries of the places the sentence locates things in)
    located: dict[int, list[tuple[int, int, list[str]]]] = field(default_factory=dict)
    subjects: list[tuple[tuple[int, int], tuple[Actor, ...]]] = field(default_factory=list)
    person_subjects: list[tuple[tuple[int, int], Mention | None]] = field(default_factory=list)
    # each sentence's coordinated or plural subject ("Obama and Trump", "Chinese diplomats"), for "they"
    plural_subjects: list[tuple[tuple[int, int], tuple[Mention, ...]]] = field(default_factory=list)
    bases: dict[Actor, Basis] = field(default_factory=dict)  # actors whose country is a fall-back
    # how often each pair of countries was an event's two parties so far (for "the two sides")
    dyads: dict[frozenset[str], int] = field(default_factory=dict)
    # (paragraph, countries) of the latest event between two countries (for "the two sides" right after)
    latest_dyad: tuple[int, frozenset[str]] | None = None
    # the latest event between two named people, with its paragraph (for "the two leaders" right after)
    met: tuple[int, Actor, Actor] | None = None
    # countries listed together ("India and Pakistan"), where, for "the two countries" / "the three sides"
    listed: list[tuple[tuple[int, int], tuple[str, ...]]] = field(default_factory=list)
    # where a ministry of a known state was told, for a later bare "the ministry" (twentieth session)
    ministries: list[tuple[tuple[int, int], str]] = field(default_factory=list)
    # agent word -> (position, country) of each body written with its country ("the Sudanese army"), for a
    # later bare "the army" (eighteenth session)
    bodies: dict[str, list[tuple[tuple[int, int], str]]] = field(default_factory=dict)
    # acronyms the article defines ("the Justice and Equality Movement (JEM)") -> who they stand for, over
    # any the dictionaries know (Pakistan's JeM; twenty-fifth session)
    acronyms: dict[str, tuple[Actor, ...]] = field(default_factory=dict)
    # Phrase readings and entities of the Doc last read (observe and resolve read the same heads)
    phrases: Phrases = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self.phrases = Phrases(self.table)
        if self.places is None:
            self.places = PlaceIndex(self.table)
        if self.places.phrases is None:
            self.places.phrases = self.phrases

    def _read(self, token: Token) -> Reading:
        return self.phrases.read(token)

    # ----- observing -------------------------------------------------------------------------------
    def observe_dateline(self, sent: Span) -> None:
        """Note a dateline's country ("CAIRO —"): the article's country only when it names no other."""
        assert self.places is not None
        if self.tally.dateline is not None:
            return
        first = _first_dateline_city(sent)
        if first is not None:
            # "LA PAZ/MEXICO CITY (Reuters) -": a story filed from two cities is told from the first
            # (twenty-fourth session)
            iso3 = self.places.country(first)
            if iso3 is not None:
                self.tally.dateline = iso3
                second = _second_dateline_city(sent, first)
                also = self.places.country(second) if second is not None else None
                self.tally.filed_also = also if also != iso3 else None
                return
        mentioned, _ = self.places.scan(sent)
        if mentioned:
            self.tally.dateline = mentioned[0]

    def observe(self, sent: Span, when: date | None) -> None:
        """Register the people, organisations, countries and groups a sentence mentions."""
        assert self.places is not None
        paragraph = self._paragraph(sent.doc, create=True)
        self._define_acronyms(sent, when)
        mentioned, located = self.places.scan(sent)
        for iso3 in mentioned:
            self.tally.add(iso3)
        self.located.setdefault(paragraph, []).append((sent.start, sent.end, located))
        subject = next((c for c in sent.root.children if c.dep_ in SUBJECT_DEPS), None)
        actors: list[Actor] = []
        person: Mention | None = None
        group = _plural_heads(subject) if subject is not None and subject.pos_ in NOMINAL else frozenset()
        plural: list[Mention] = []
        found: dict[int, Mention] = {}
        table, at = self.table, -1 if subject is None else subject.i
        for token in sent:
            pos = token.pos_
            if pos not in NOMINAL or token.dep_ in _MODIFIER_DEPS:
                continue
            if pos == "NOUN" and not token.ent_type and not may_start(table, token):
                # A common noun no dictionary key begins with ("meeting", "plan"): no mention.  (A subject
                # too: Token objects are created on each access, so an identity test never exempted it.)
                continue
            i = token.i
            reading = self._read(token)
            if i == at:
                actors = self._group_subject(token, when, (paragraph, i), reading)
            mention = self._mention(reading, (paragraph, i), when)
            if mention is not None:
                found[i] = mention
                self.mentions.append(mention)
                self.names.update(a.name for a in mention.actors if a.name)
                if mention.is_person and not mention.described:  # quoting Maduro is about Venezuela
                    for a in mention.actors:
                        if a.country and a.name in table.people:
                            self.tally.add(a.country)
                if mention.is_person and i == at:
                    person = mention
                if i in group:
                    plural.append(mention)
        self._note_lists(sent, paragraph, found)
        if subject is not None and subject.pos_ not in NOMINAL:  # "It said ...": an earlier "it" chains
            actors = self._group_subject(subject, when, (paragraph, subject.i))
        self.subjects.append(((paragraph, sent.start), tuple(actors)))
        self.person_subjects.append(((paragraph, sent.start), person))
        if subject is not None and subject.lower_ == "they" and self.plural_subjects:
            plural = list(self.plural_subjects[-1][1])  # "They discussed trade": the group carries on
        self.plural_subjects.append(((paragraph, sent.start), tuple(plural)))

    def _note_lists(self, sent: Span, paragraph: int, found: dict[int, Mention]) -> None:
        """Remember each coordination of two or more countries the sentence names (states, not people)."""
        for token in sent:
            if token.dep_ == "conj" or not token.conjuncts or token.i not in found:
                continue
            joiners = (c for t in (token, *token.conjuncts) for c in t.children if c.dep_ == "cc")
            if not any(c.lower_ in ("and", "&") for c in joiners):
                continue  # "support from Paris or Washington": alternatives, no group
            countries: list[str] = []
            for head in (token, *token.conjuncts):
                m = found.get(head.i)
                if m is None or m.is_person or len(m.actors) != 1 or m.actors[0].sector != "GOV":
                    break
                country = m.actors[0].country
                if country is None or country in countries or m.actors[0].name:
                    break
                countries.append(country)
            else:
                self.listed.append(((paragraph, token.i), tuple(countries)))

    # ----- how a country was found -----------------------------------------------------------------
    def country_basis(self, actor: Actor) -> Basis:
        """How ``actor`` (as :meth:`resolve` returned it, before any span shift) got its country: "text"
        (written in or for its phrase, or its antecedent's), "place" (a place in its phrase: "police in
        Kyiv"), "sentence" (the place its sentence is located in) or "article" (the article's dominant
        country); "" when it has no country."""
        if actor.country is None:
            return ""
        return self.bases.get(actor, "text")

    def inferred(self, actor: Actor) -> bool:
        """Whether ``actor``'s country is a guess from its sentence or article, not from its own words."""
        return self.country_basis(actor) in ("sentence", "article")

    def _paragraph(self, doc: Doc, create: bool = False) -> int:
        tag = doc.user_data.get(_DOC_TAG)
        if tag is not None and tag[0] == self.token:
            return int(tag[1])
        if not create:
            return _LATER
        self.paragraphs += 1
        doc.user_data[_DOC_TAG] = (self.token, self.paragraphs)
        return self.paragraphs

    def _mention(self, r: Reading, position: tuple[int, int], when: date | None) -> Mention | None:
        hm = r.head_match
        if hm is not None and hm.entry is not None:
            kind, value = hm.entry
            actors = tuple(self._interpret(r, when, position))
            if kind == "person":
                assert isinstance(value, Person)
                return Mention(position, actors, value, True, value.gender, last_name=r.head.text)
            return Mention(position, actors)  # organisation or country: a group
        if hm is not None and hm.agent is not None:
            actors = tuple(self._interpret(r, when, position))
            named = any(a.country or a.name for a in actors)
            if hm.agent.person and not r.plural and len(actors) == 1 and named:
                # "Iran's chief negotiator": one person a later "he" or "she" may stand for
                return Mention(position, actors, None, True, "", hm.agent.word, described=True)
            own = [a.country for a in actors if a.country and a not in self.bases]
            if not hm.agent.person and not r.plural and len(own) == 1 and r.start < r.head.i:
                # "the Sudanese army", "Sudan's army": a later bare "the army" is this body
                self.bodies.setdefault(hm.agent.word, []).append((position, own[0]))
            # ("the G7 foreign ministers": a group a later "the ministers" may stand for)
            if r.plural and named:
                return Mention(position, actors, title=hm.agent.word)
            if not hm.agent.person and actors and len(_proper_words(r.text)) >= 2:
                # a body of its own name the dictionaries lack ("the Radaa Deterrence Force"): its short
                # name may come later
                return Mention(position, actors, title=hm.agent.word)
            return None
        if _person_like(r):
            actors = tuple(self._name_actors(r, position))
            honorific = r.has_word("honorific") or ""
            return Mention(position, actors, None, True, honorific, _title(r), r.head.text)
        if r.head.pos_ == "PROPN":
            # a hyphenated last name the tagger read as no person ("Oyun-Erdene, who took office in 2021,
            # ..."): the person named in full before, mentioned again (a later "he" may stand for them)
            # ... and a bare last name the tagger took for a body ("Ford said he had held talks", after
            # "Ontario Premier Doug Ford"; seventeenth session)
            start, end = name_tokens(r.head)
            if start == r.start and _one_word(r.head.doc, start, end):
                for m in self._people_named(r.head.text, position):
                    return replace(m, position=position)
            if self._body_descriptions(r.head):
                # "the Radaa, a powerful militia": a body of no name of ours the article describes; a later
                # "the Radaa" is that body
                described = tuple(self._name_actors(r, position, when))
                return Mention(position, described) if described else None
        return None

    # ----- resolving -------------------------------------------------------------------------------
    def resolve(self, head: Token, when: date | None) -> list[Actor]:
        """Actors named by the argument whose syntactic head is ``head`` (and its coordinated heads)."""
        heads = sorted({head, *head.conjuncts}, key=lambda t: t.i)
        heads = [h for h, after in zip(heads, [*heads[1:], None], strict=True) if not split_title(h, after)]
        if head.dep_ == "conj" and any(c.dep_ == "relcl" for c in head.children):
            heads = [h for h in heads if h.i >= head.i]  # "Mugabe and the generals, who seized power"
        actors: list[Actor] = []
        for h in heads:
            if _condition(h):
                continue  # "a state of emergency" is no state
            position = (self._paragraph(h.doc), h.i)
            found = self._defined_acronym(h) or self._named_members(h, when) or self._from_states(h)
            found = found or self._resolve_one(h, when, position)
            # "the conservative opposition Popular Party" no dictionary lists: a party of common words is of
            # the country the fall-back chain finds (the place in its sentence, the story's; twenty-fourth
            # session)
            found = [self._fallback(a, h, position, when) if _generic_party(a) else a for a in found]
            if h.lemma_.lower() == "ministry" and len(found) == 1 and found[0].country:
                self.ministries.append((position, found[0].country))
            shared = _shared_nationality(heads[0], h, actors)
            if shared is not None:  # "Chinese firms and citizens": Chinese citizens too
                found = [replace(a, country=shared) for a in found]
            for actor in found:
                if actor not in actors:
                    actors.append(actor)
        return actors

    def _define_acronyms(self, sent: Span, when: date | None) -> None:
        """Note each acronym the sentence defines after a name ("the Union of Forces for Change (UFC)")."""
        doc = sent.doc
        for t in sent:
            if t.text != "(" or t.i < 1 or t.i + 2 >= sent.end or doc[t.i + 2].text != ")":
                continue
            acronym, name = doc[t.i + 1].text, doc[t.i - 1]
            if not (2 <= len(acronym) <= 8 and acronym.isupper() and acronym.isalpha()):
                continue
            if name.pos_ not in ("PROPN", "NOUN") or acronym in self.acronyms:
                continue
            actors = self.resolve(name, when)
            if len(actors) == 1 and actors[0].country:  # (a name the dictionaries miss carries no country)
                self.acronyms[acronym] = tuple(actors)

    def _defined_acronym(self, h: Token) -> list[Actor]:
        """Who a defined acronym in the phrase of ``h`` stands for ("JEM fighters")."""
        if not self.acronyms:
            return []
        r = self._read(h)
        for t in h.doc[r.start : h.i + 1]:
            actors = self.acronyms.get(t.text)
            if actors is not None and not (t.i + 1 < len(h.doc) and h.doc[t.i + 1].text == ")"):
                return self._retext(list(actors), r.text, r.span)
        return []

    def _home_party(self, party: Organisation, text: str) -> str | None:
        """The country of a party named only by common words ("the Democratic Party", "Labour") in a story
        about another country that never names the dictionary's ("South Korea's … the Democratic Party
        demanded an inquiry"; twentieth session); None otherwise."""
        words = set(re.findall(r"[a-z']+", f"{party.name} {text}".lower()))
        if party.sector != "PTY" or not party.country or not words <= _PARTY_WORDS:
            return None
        home = self.tally.dominant()
        if home is None or home == party.country or self.tally.counts.get(party.country, 0):
            return None
        return home

    def _latest_ministry(self, h: Token, position: tuple[int, int]) -> list[Actor]:
        """ "the ministry", "the foreign ministry" that names no state: the state of the ministry told last,
        within a paragraph ("Argentina's foreign ministry condemned the siege. The ministry also thanked
        Brazil"; twentieth session); [] for anything else."""
        if h.lemma_.lower() != "ministry" or not any(
            c.dep_ == "det" and c.lower_ == "the" for c in h.children
        ):
            return []
        for c in h.children:
            entries = self.table.lexicon.get(c.lower_) or []
            if c.dep_ in ("poss", "prep") or c.pos_ == "PROPN" or entries:
                return []  # ("Argentina's ministry", "the Argentine ministry", "the ministry of defence")
        for at, country in reversed(self.ministries):
            if at >= position:
                continue
            if position[0] - at[0] > 1:
                break
            r = self._read(h)
            return [Actor(r.text, None, country, "GOV", r.span)]
        return []

    def _spoken_for(self, h: Token, when: date | None, position: tuple[int, int]) -> list[Actor]:
        """ "a spokesman for U.N. Secretary-General Antonio Guterres", "a spokeswoman for the Kremlin": the
        actor a spokesperson speaks for (seventeenth session)."""
        if h.lemma_.lower() not in _SPOKESPEOPLE:
            return []
        return self._party_after(h, (h,), ("for",), when)

    def _party_after(
        self, h: Token, holders: Iterable[Token], preps: tuple[str, ...], when: date | None
    ) -> list[Actor]:
        """The first actor a preposition in ``preps`` on one of ``holders`` names, as the phrase of ``h``."""
        for holder in holders:
            for prep in (c for c in holder.children if c.dep_ == "prep" and c.lower_ in preps):
                for obj in (g for g in prep.children if g.dep_ == "pobj"):
                    found = self.resolve(obj, when)
                    if found:
                        r = self._read(h)
                        return self._retext(found[:1], r.text, r.span)
        return []

    def _from_states(self, h: Token) -> list[Actor]:
        """ "his counterparts from Poland, Latvia and Estonia", "officials from France and Germany": people of
        each of the states listed after "from" (eighteenth session)."""
        if h.pos_ != "NOUN" or h.tag_ != "NNS" or self.places is None:
            return []
        hm = self._read(h).head_match
        if hm is None or hm.agent is None:
            return []
        for prep in (c for c in h.children if c.dep_ == "prep" and c.lower_ == "from"):
            objs = [g for g in prep.children if g.dep_ == "pobj"]
            listed = args.with_conjuncts(objs[0]) if objs else ()
            countries = [self.places.state_of(o) for o in listed]
            if len(listed) >= 2 and all(countries):
                r = self._read(h)
                states = [c for c in dict.fromkeys(countries) if c]
                return [Actor(r.text, None, c, hm.agent.sector, r.span) for c in states]
        return []

    def _linked_to(self, h: Token, when: date | None) -> list[Actor]:
        """ "people linked to the Venezuelan government", "hackers tied to Russia": common people or
        nobody known, named by whom they are linked to (eighteenth session)."""
        if h.pos_ != "NOUN" or h.lemma_.lower() not in _LINKABLE:
            return []
        links = [c for c in h.children if c.dep_ == "acl" and c.lemma_.lower() in _LINKS]
        return self._party_after(h, links, ("to", "with"), when)

    def _own_country(self, h: Token, when: date | None, position: tuple[int, int]) -> list[Actor] | None:
        """ "his country", "their nation": the state of the person or body the pronoun stands for (None when
        the phrase has no possessive pronoun)."""
        owner = next((c for c in h.children if c.dep_ == "poss" and c.tag_ == "PRP$"), None)
        if owner is None or len(list(h.children)) > 1:
            return None  # ("his country's oil ministry", "his own country" read on)
        countries = {a.country for a in self._resolve_one(owner, when, (position[0], owner.i)) if a.country}
        r = self._read(h)
        return [Actor(r.text, None, c, "GOV", r.span) for c in sorted(countries)]

    def civilian(self, head: Token) -> Actor | None:
        """Someone the dictionaries do not know, named or described by a word for people ("Sonia Dahmani",
        "two suspects"), as a civilian of the country the fall-back chain gives (docs/actors.md); None for a
        token that is neither a person's name nor such a word, or where no country is found."""
        if not args.someone(head):
            return None
        r = self._read(head)
        actor = self._fallback(
            Actor(r.text, None, None, "CVL", r.span), head, (self._paragraph(head.doc), head.i), None
        )
        # (only a country its own sentence places them in: the article's main country is too weak a guess)
        return actor if actor.country and self.bases.get(actor) in ("place", "sentence") else None

    def _named_members(self, h: Token, when: date | None) -> list[Actor]:
        """The named members a plural group is said to include ("Human rights groups, including Amnesty
        International, accused …": Amnesty International), when they are named bodies or people."""
        if h.tag_ not in ("NNS", "NNPS"):
            return []
        # ("the ambassadors of 13 Western countries including the United States, Britain and Germany": the
        # members of the group the envoys are of; twenty-fifth session)
        groups = [h, *(g for p in h.children if p.dep_ == "prep" and p.lower_ == "of" for g in p.children
                       if g.dep_ == "pobj" and g.tag_ in ("NNS", "NNPS"))]  # fmt: skip
        for group in groups:
            for prep in group.children:
                # ("Several member states, among them Poland, Lithuania and Finland, …"; seventeenth session)
                among = prep.lower_ == "among" and any(o.lower_ == "them" for o in prep.children)
                if prep.dep_ == "prep" and (prep.lower_ == "including" or among):
                    objects = [o for o in prep.children if o.dep_ == "pobj" and o.lower_ != "them"]
                    return [a for o in objects for a in self.resolve(o, when) if a.name or a.country]
        return []

    def _resolve_one(self, h: Token, when: date | None, position: tuple[int, int]) -> list[Actor]:
        word = self.table.words.get(h.lower_)
        if word is not None and word[0] == "pronoun":
            return self._pronoun(h, word[1], when, position)
        if h.lower_ in _NAMED_TOO:
            # "the council" after "the Provisional Electoral Council": the body named last with that head word
            # comes before the short word's usual referent (twenty-eighth session)
            named = named_by_head(self.mentions, h, position)
            if named:
                r = self._read(h)
                return self._retext(named, r.text, r.span)
        short = _short_ref(self.table, self.tally, self.names, h)
        if short is not None:
            return [_short_actor(short, self._read(h))]
        ministry = self._latest_ministry(h, position)
        if ministry:
            return ministry
        if h.lower_ in _BLOCS:
            # "the bloc" in a story about ECOWAS: the organisation named last (twentieth session)
            r = self._read(h)
            bodies = [a for a in latest_organisation(self.mentions, h, position) if a.sector == "IGO"]
            if not bodies and _described_bloc(h) and not self._read(h).countries():
                # "West Africa's regional bloc", "the 15-nation bloc": described, still the one named last
                # (twenty-eighth session)
                bodies = [a for a in recent_organisations(self.mentions, position) if a.sector == "IGO"][:1]
            found = self._retext(bodies, r.text, r.span)
            if found:
                return found
        spoken = self._spoken_for(h, when, position) or self._linked_to(h, when)
        if spoken:
            return spoken
        if h.tag_ == "NNP" and word is not None and word[0] in _NAMING_WORDS:
            reading = self._read(h)
            hm = reading.head_match
            if hm is not None and hm.entry is not None and hm.end - hm.start > 1:
                # a name the dictionaries know: "the Group of Seven" is no group of seven, "the
                # Organization of American States" no organisation named before
                return self._interpret(reading, when, position)
        count = _counted_sides(h) if h.lemma_.lower() in _SIDES and h.tag_ == "NNS" else 0
        if args.the_numeral(h) == 2:
            # "Trump and Putin met in Anchorage. The two agreed …": the two people who just met, else the
            # article's two sides (twentieth session)
            if self.met is not None and 0 <= position[0] - self.met[0] <= 1:
                r = self._read(h)
                return self._retext(list(self.met[1:]), r.text, r.span)
            return self._two_sides(h, when)
        if count:
            # "Britain, France and Germany ... the three countries"; but "the two sides" are opponents
            listed = (
                self._listed(h, count, position, when) if count > 2 or h.lemma_.lower() != "side" else None
            )
            if listed is not None:
                return listed
            if _pair(self.table, h):
                return self._two_sides(h, when)
        if word is not None and word[0] == "country":
            owned = self._own_country(h, when, position)
            return owned if owned is not None else self._the_country(h, when, position)
        if word is not None and word[0] == "organisation":  # "the body": the latest organisation
            r = self._read(h)
            return self._retext(latest_organisation(self.mentions, h, position), r.text, r.span)
        named = named_by_head(self.mentions, h, position) if word is not None and word[0] == "named" else []
        if named:  # "the court": the International Criminal Court named before
            r = self._read(h)
            return self._retext(named, r.text, r.span)
        if h.lower_ in FIRST_PERSON and h.tag_ in ("PRP", "PRP$") and h.text not in ("US", "U.S."):
            return self._speaker(h, when, position)  # '"We condemn ...," the minister said'
        if h.tag_ in PRONOUN_TAGS:
            return []  # "it", "this", a "we" outside a quotation: not resolved (see docs/actors.md)
        if h.pos_ == "NOUN" and h.dep_ in ("compound", "amod") and h.i and h.doc[h.i - 1].text == "-":
            return []  # "a two-state solution", "a one-party state": part of a compound adjective
        if h.dep_ == "dobj" and h.head.lemma_.lower() in _CREATING and h.pos_ == "NOUN":
            return []  # "pledged to form a new government": a body being made, no party yet
        if word is not None and word[0] == "bare" and not any(True for _ in h.children):
            return []  # "threatened to use force": force as a means, nobody
        if any(c.dep_ == "det" and c.lower_ == "no" for c in h.children):
            return []  # "with no ground troops to fight": nobody
        if (word is not None and word[0] in ("quantity", "quantifier")) or h.tag_ == "CD":
            # "dozens of protesters", "a group of soldiers", "21 of the girls": the actor is the counted noun;
            # a bare quantifier subject is part of the group named before ("… Republicans, and many praised")
            counted = [g for c in h.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children
                       if g.dep_ == "pobj"]  # fmt: skip
            a_name = h.tag_ == "NNP" and any(c.dep_ == "compound" for c in h.children)
            if counted and a_name and counted[0].tag_ in ("NNP", "NNPS"):
                counted = []  # "the U.N. Group of Experts": a name, not a count of experts
            if counted and any(c.dep_ == "compound" and c.pos_ == "PROPN" for c in h.children):
                counted = []  # "the BRICS group of major emerging economies": BRICS (twentieth session)
            kinds = ("compound", "amod") if h.tag_ == "NNS" else ("compound",)
            groupish = word is not None and word[1] == "organisation"  # "group", not "member"
            kind_of = h.tag_ == "NNS" or (h.tag_ in ("NN", "NNP") and groupish)
            if not counted and kind_of and any(c.dep_ in kinds for c in h.children):
                # "rights groups", "student groups", "opposition groups", "a rights group", "a U.N. group":
                # kinds of group, named by their modifier, not a quantity of something ("the armed group"
                # still refers back)
                reading = self._read(h)
                found = self._interpret(reading, when, position)
                hm = reading.head_match
                bare = hm is not None and hm.agent is not None and hm.agent.word == "group"
                if found and not (bare and found[0].sector == "NGO"):  # ("a large group": nobody known)
                    kind = found[0].sector
                    if h.tag_ == "NN" and groupish and kind in _GROUP_KINDS and not found[0].name:
                        # "The rights group called on …": the NGO (armed group, party) named last, not one
                        # of the context's country (twenty-sixth session)
                        named = latest_organisation(self.mentions, h, position, True, self.table.agents, kind)
                        if named:
                            return self._retext(named, reading.text, reading.span)
                    return found
            if counted and word is not None and word[1] == "people" and _bare_number(counted[0]):
                counted = []  # "a crowd of thousands": the crowd, of no one named (twenty-sixth session)
            if not counted and word is not None and word[1] == "people":
                return self._interpret(self._read(h), when, position)  # "fired on the crowd": civilians
            if not counted and word is not None and word[1] == "organisation":
                # "Islamabad accused the group of sheltering militants": the armed group, party or NGO
                # the article named last
                r = self._read(h)
                return self._retext(
                    latest_organisation(self.mentions, h, position, True, self.table.agents), r.text, r.span
                )
            if counted or word is None or word[0] != "quantifier" or h.dep_ not in SUBJECT_DEPS:
                return self._resolve_one(counted[0], when, position) if counted else []
            return self._pronoun(h, "plural", when, position)
        reading = self._read(h)
        if _venue(h, reading):
            return []
        return self._interpret(reading, when, position)

    def note_people(self, source: Actor, target: Actor) -> None:
        """Remember an event between two named people ("the two leaders" may refer to them next)."""
        people = [a for a in (source, target) if a.name and a.name.lower() not in self.table.organisations]
        if len(people) == 2 and source.name != target.name:
            self.met = (self.paragraphs, replace(source, span=None), replace(target, span=None))

    def note_dyad(self, source: str | None, target: str | None) -> None:
        """Count an event between two different countries (see :meth:`_two_sides`)."""
        if source and target and source != target:
            key = frozenset((source, target))
            self.dyads[key] = self.dyads.get(key, 0) + 1
            self.latest_dyad = (self.paragraphs, key)

    def _two_sides(self, h: Token, when: date | None) -> list[Actor]:
        """ "the two sides", "both countries", "both governments": the two countries most often the parties
        of one event so far, else the two the article mentions most; never the country of the subject acting
        on them ("Russia urged the two sides")."""
        own = {a.country for a in self._clause_subject(h, when) if a.country}
        pairs = [(n, sorted(k)) for k, n in self.dyads.items() if not k & own]
        countries = max(pairs)[1] if pairs else self.tally.leading(2, own)
        if self.latest_dyad is not None and self.paragraphs - self.latest_dyad[0] <= _PAIR_NEAR:
            # "Yevkurov visited Niamey this month and the two sides agreed …": the parties of the event just
            # told, before the article's main pair (twenty-sixth session)
            near = self.latest_dyad[1]
            countries = sorted(near) if not near & own else countries
        r = self._read(h)
        sides = [Actor(r.text, None, c, "GOV", r.span) for c in countries]
        for actor in sides:
            self.bases[actor] = "article"
        return sides if len(sides) == 2 else []

    def _listed(
        self, h: Token, count: int, position: tuple[int, int], when: date | None
    ) -> list[Actor] | None:
        """ "the three countries", "both governments": the countries a recent sentence listed together,
        exactly ``count`` of them ("India and Pakistan", "Britain, France and Germany"), if one of the last
        paragraphs did, never a list with the clause's own subject in it ("Colombia and Brazil urged both
        governments"); else None."""
        own = {a.country for a in self._clause_subject(h, when) if a.country}
        for at, countries in reversed(self.listed):
            if at >= position or own & set(countries):
                continue
            if position[0] - at[0] > (_LIST_REACH if count > 2 else _PAIR_REACH):
                return None  # (a pair listed long ago: the article's main dyad is a better guess)
            if len(countries) == count:
                r = self._read(h)
                return [Actor(r.text, None, c, "GOV", r.span) for c in countries]
        return None

    def _namesake(self, r: Reading, hm: Match, person: Person, when: date | None) -> Person:
        """The person of the country the phrase names among those its words name ("Saudi Arabia's King
        Abdullah", not Jordan's; twenty-first session); else ``person``."""
        countries = r.countries()
        if not countries or person.role_at(when).country in countries:
            return person
        words = r.head.doc[hm.start : hm.end].text
        entries = self.table.exact.get(words) or self.table.lexicon.get(words.lower()) or []
        for kind, other in entries:
            if kind == "person" and isinstance(other, Person) and other.role_at(when).country in countries:
                return other
        return person

    def _interpret(self, r: Reading, when: date | None, position: tuple[int, int]) -> list[Actor]:
        hm = r.head_match
        if hm is not None and hm.entry is not None:
            kind, value = hm.entry
            prior_word = norm(r.head.doc[hm.start - 1].lower_) if hm.start >= 1 else ""
            titled = prior_word in self.table.words or prior_word in self.table.agents
            if (
                kind not in ("adjective", "org")
                and not titled
                and _place_named_after(r.head.doc, hm.start, hm.end)
            ):
                # "gathered in Freedom Park": a place, not President Park; "a rocky islet in Lake Victoria":
                # no government of the Seychelles (twenty-ninth session)
                return []
            if kind == "person":
                assert isinstance(value, Person)
                if not titled and _other_name(r.head.doc, hm.start, hm.end, value):
                    # "Bahir Dar" is no Ishaq Dar: a one-word alias after a capitalised word of another name
                    # (twenty-ninth session)
                    return self._name_actors(r, position, when) if r.head.pos_ == "PROPN" else []
                named = self._namesake_named(r, hm, value, position)
                if named is not None:
                    # "Swiss President Hans-Rudolf Merz … Merz said": the bare surname is of the person the
                    # article named, not a better-known namesake it never named (twenty-sixth session)
                    return _retext(mention_actors(named, when), r.text, r.span)
                value = self._namesake(r, hm, value, when)
                actor = _person_actor(value, r.text, r.span, when, _former(r))
                titles = [a for a in r.agents() if a.person and a.sector in _TITLED_SECTORS]
                if actor.sector == "ELI" and titles and not _former(r):
                    # "Interior Minister Ivica Dacic": the text's own title is newer than the dictionary; a
                    # weak title takes the sector of the phrase's most specific word ("Opposition leader
                    # Raila Odinga" leads the opposition; thirtieth session)
                    title = _best(r.agents()) if titles[0].generic else titles[0]
                    actor = replace(actor, sector=title.sector)
                if actor.sector == "ELI" and not _former(r):
                    body = self._apposed_body(r.head)
                    if body is not None:  # "Roza Otunbayeva, head of the UN mission": her role now
                        actor = replace(actor, country=body.country, sector=body.sector)
                return [actor]
            if kind == "org":
                assert isinstance(value, Organisation)
                if value.members:  # "the E3": each of its states
                    return [Actor(r.text, None, c, value.sector, r.span) for c in value.members]
                other = [c for c in r.countries() if value.country and c != value.country]
                if other:  # "Rwanda's Senate", "the Kenyan parliament": that country's body, not ours
                    return [Actor(r.text, None, other[0], value.sector, r.span)]
                home = self._home_party(value, r.text)
                if home is not None:
                    return [Actor(r.text, None, home, value.sector, r.span)]
                return [Actor(r.text, value.name, value.country, value.sector, r.span)]
            # Country names, capitals/seats and bare demonyms ("the Russians") stand for the government;
            # a demonym counted by a number is people ("thousands of Georgians", "several hundred Serbs").
            assert isinstance(value, str)
            if kind == "adjective" and ethnic(r.head.doc, hm.start):
                # "three ethnic Albanians": people of where the story is (twenty-sixth session)
                return [self._fallback(Actor(r.text, None, None, "CVL", r.span), r.head, position, when)]
            # (counted is plural whatever the tag: the small model tags "Zimbabweans" as a singular name)
            sector = "CVL" if kind == "adjective" and _counted(self.table, r.head) else "GOV"
            return [Actor(r.text, None, value, sector, r.span)]
        if hm is not None and hm.agent is not None:
            return self._agent_actors(r, hm.agent, when, position)
        if r.head.pos_ == "PROPN" or r.head.ent_type_ == "PERSON":
            return self._name_actors(r, position, when)
        if (
            r.head.tag_ in ("NN", "NNS")
            and r.head.text.istitle()
            and not any(c.dep_ in _NOUN_MODIFIERS for c in r.head.children)
        ):
            # "Morales accused Paz": a surname the tagger read as a common noun at the start of a sentence,
            # after the article named the person in full
            for m in self._people_named(r.head.text, position):
                return _retext(mention_actors(m, when), r.text, r.span)
        return []

    def _apposed_body(self, head: Token) -> Organisation | None:
        """The international body a role apposed to a name belongs to ("X, the head of the UN mission"; "the
        UN envoy, X"), if any (fourteenth session)."""
        roles = [c for c in head.children if c.dep_ == "appos"]
        if head.dep_ == "appos":
            roles.append(head.head)
        for role in roles:
            reading = self._read(role)
            hm = reading.head_match
            if not any(a and a.person for a in (hm.agent if hm is not None else None, *reading.agents())):
                continue
            owners = [
                o
                for p in role.children
                if p.dep_ == "prep" and p.lower_ in ("of", "at")
                for o in p.children
                if o.dep_ == "pobj"
            ]  # fmt: skip ("the head of the UN mission")
            for body in (self._read(t).organisation() for t in (role, *owners)):
                if body is not None and not body.members and body.country is None:
                    return body
        return None

    def _namesake_named(
        self, r: Reading, hm: Match, person: Person, position: tuple[int, int]
    ) -> Mention | None:
        """The person named in full before ``position`` whom a bare surname ("Merz") stands for, where the
        dictionaries' person of that surname (``person``) was never named in the article; else None."""
        doc = r.head.doc
        names = [t for t in doc[r.start : r.end] if t.pos_ == "PROPN"]
        if hm.end - hm.start != 1 or len(names) != 1 or r.countries():
            return None
        named = next(self._people_named(doc[hm.start].text, position), None)
        if named is None or named.person is None or named.person.name == person.name:
            return None  # (a spelling the dictionaries lack, "Mamadi Doumbouya", is no other person)
        if any(m.person is not None and m.person.name == person.name
               for m in self.mentions if m.position < position):  # fmt: skip
            return None  # "Robert Mugabe … his wife Grace Mugabe … Mugabe said": the one the article named
        return named

    def _people_named(self, last_name: str, position: tuple[int, int]) -> Iterator[Mention]:
        """The people mentioned before ``position`` whose last name is ``last_name``, latest first; a mention
        that resolved to nobody (a photo caption's bare "Supporters of Venancio Mondlane") never hides an
        earlier one that did."""
        for m in reversed(self.mentions):
            if m.position < position and m.is_person and m.actors and last_name in _last_names(m):
                yield m

    def _agent_actors(
        self, r: Reading, agent: Agent, when: date | None, position: tuple[int, int]
    ) -> list[Actor]:
        """ "Russian troops", "a U.S. official", "the government of Sudan", "the Russian leader"."""
        sector = _sector(agent, r.agents(), _former(r))
        text, span = r.text, r.span
        owner = [a for a in self._possessor(r.head, when, position) if a.name] if not agent.alone else []
        if owner:  # "Putin's office", "the ombudsman Nadia Cruz's office": the person it speaks for
            return [Actor(text, owner[0].name, owner[0].country, owner[0].sector, span)]
        served = _allegiance(r.head) if agent.alone else None
        found = self._interpret(self._read(served), when, position) if served is not None else []
        if served is not None and found:  # "forces loyal to Assad" are his side's, not Assad, nor "Libyan"
            text, span = _extend(r, served)
            own = found[0].name and found[0].name not in self.table.people
            return [
                Actor(
                    text,
                    found[0].name if own else None,
                    found[0].country,
                    found[0].sector if own else sector,
                    span,
                )
            ]
        countries, org = r.countries(), r.organisation()
        if not countries and org is None:
            of = _of_object(r.head, agent.generic and agent.person)
            found = self._interpret(self._read(of), when, position) if of is not None else []
            if found and of is not None and r.plural:  # "the foreign ministers of Armenia and Azerbaijan"
                for conj in of.conjuncts:
                    more = self._interpret(self._read(conj), when, position)
                    found.extend(a for a in more if a not in found)
            found = [a for a in found if a.name not in self.table.people]  # "of Sudan", "of Hezbollah"
            if of is not None and found:
                text, span = _extend(r, of)
                named = [a for a in found if a.name]
                if named:
                    return [Actor(text, named[0].name, named[0].country, named[0].sector, span)]
                countries = [a.country for a in found if a.country]
                if agent.generic and not agent.person and found[0].sector:
                    sector = found[0].sector  # "a coalition of opposition parties": of the parties' kind
        if not countries and org is None:
            member = self._member_of(r.head, when, position)
            if member is not None:  # "lawmakers in the European Parliament", "officials at the UN"
                return [Actor(text, member.name, member.country, member.sector, span)]
        if org is not None and agent.person and org.sector == "IGO":
            # "Sudan's U.N. envoy", "China's UN ambassador": the possessor's envoy to the organisation
            envoys_of = [p for p in r.head.children if p.dep_ == "poss" and p.pos_ == "PROPN"]
            posted = [a for p in envoys_of for a in self._interpret(self._read(p), when, position)]
            if posted and posted[0].country and not posted[0].name:
                return [Actor(text, None, posted[0].country, "GOV", span)]
        if org is not None:
            return [Actor(text, org.name, org.country, org.sector, span)]
        if not countries and org is None:
            owners = self._possessor(r.head, when, position)
            orgs = [a for a in owners if a.name and a.name.lower() in self.table.organisations]
            if orgs:  # "its fighters" after Hezbollah, "the bloc's ministers"
                return [Actor(text, orgs[0].name, orgs[0].country, orgs[0].sector, span)]
            countries = [a.country for a in owners if a.country]
        if agent.person:
            referred = self._person_reference(r, agent, countries, when, position)
            if referred is not None:
                return self._retext(referred, text, span)
        name = _org_name(self.table, r)
        if not countries:
            if not agent.alone and not name:
                return []  # "took office": a body only with its owner written ("the president's office")
            local = agent.word in _LOCAL_ACTIVISTS  # "police arrested the activists": the country's own
            # a force or body of its own name the dictionaries lack ("the Radaa Deterrence Force", "the 444
            # Brigade") is of where the story is, as unnamed ones are
            local_body = name is not None and sector in _LOCAL_BODIES
            group = None if name else self._armed_group_before(sector, position)
            if group is not None:  # "Boko Haram stormed the school ... the gunmen set fire to houses"
                return [Actor(text, group.name, group.country, group.sector, span)]
            if (name and not local_body) or (sector in _NO_FALLBACK and not local):
                return [Actor(text, name, None, sector, span)]
            return [self._fallback(Actor(text, name, None, sector, span), r.head, position, when)]
        return [Actor(text, name, c, sector, span) for c in countries]

    def _armed_group_before(self, sector: str, position: tuple[int, int]) -> Actor | None:
        """The armed group of the article's dictionaries named last before ``position`` (in its paragraph or
        the two before), which unnamed men of an armed sector ("the gunmen", "the militants") stand for;
        None when none was named, or when two different ones were (twenty-second session)."""
        if sector not in _ARMED_GROUP_SECTORS:
            return None
        named = [
            a
            for m in self.mentions
            if m.position < position and position[0] - m.position[0] <= 2 and not m.is_person
            for a in m.actors
            if a.name and a.sector in _ARMED_GROUP_SECTORS and a.name.lower() in self.table.organisations
        ]
        if not named or len({a.name for a in named}) > 1:
            return None
        return named[-1]

    def _fallback(self, actor: Actor, head: Token, position: tuple[int, int], when: date | None) -> Actor:
        """``actor`` with the country of the fall-back chain: a place in the phrase, the sentence's place,
        the previous sentence's state subject, the article's dominant country (docs/actors.md); the step
        that found it is kept in ``bases``."""
        assert self.places is not None
        iso3, basis = self.places.in_phrase(head) or self.places.region_modifier(head), "place"
        hm = self._read(head).head_match
        if iso3 is None and hm is not None and hm.agent is not None and not hm.agent.person:
            # "the army" after "the Sudanese army": the body named with its country before
            iso3 = self._named_before(head, hm.agent.word, position)
            if iso3 is not None:  # (its country is written: no fall-back basis is kept)
                return Actor(actor.text, actor.name, iso3, actor.sector, actor.span)
        if iso3 is None and actor.sector in _STATE_SECTORS and hm is not None and hm.agent is not None:
            # "M23 fighters attacked army positions": the army a home-grown armed group fights is its state's
            iso3, basis = self._insurgents_state(head), "sentence"
        if iso3 is None and actor.sector in _COMMANDED and hm is not None and hm.agent is not None:
            # "Katz ordered the military to stop the boat": a state commands its own forces
            iso3, basis = self._commander_state(head, when), "sentence"
        if iso3 is None and actor.sector == "LEG" and hm is not None and hm.agent is not None:
            # "Obama asked Congress to authorise strikes": a leader addresses his own parliament
            # (twenty-fourth session)
            iso3, basis = self._addresser_state(head, when), "sentence"
        if iso3 is None:
            sentences = self.located.get(position[0], [])
            here = [countries for start, end, countries in sentences if start <= head.i < end]
            # Token.sent is slow: only a sentence that was never observed is looked up that way.
            located = here[0] if here else self.places.scan(head.sent)[1]
            dominant = self.tally.dominant()
            # never the backer's country ("Russian-backed separatists"), nor, for an unnamed government or
            # army acted on, the acting state's ("France did not recognise the junta's authority")
            r = self._read(head)
            skip = set(r.backed) | (set() if _local(r) else self._acting_state(head, actor.sector, when))
            acted_on = self._acted_on(head) if actor.sector not in _ARMED_NONSTATE else set()
            skip |= acted_on  # (gunmen attacking Tunisia's museum are no foreigners)
            if actor.sector == "CVL":
                # ... but people acting on the state they are in are its own ("protesters in Moscow rallied
                # against the Kremlin", "gathered at Bangkok's Victory Monument"; twenty-first session)
                skip -= acted_on & set(located)
            if skip:
                located = [c for c in located if c not in skip]
                dominant = self.tally.dominant_except(skip)
            if len(located) == 1 or dominant in located:
                iso3, basis = (located[0] if len(located) == 1 else dominant), "sentence"
            else:
                # one official of no named state: of the state the story's last subject was (not a group:
                # "member states", "the forces")
                person = head.pos_ == "PROPN" or (hm is not None and hm.agent is not None and hm.agent.person)
                official = actor.sector in _STATE_SECTORS and person and head.tag_ not in ("NNS", "NNPS")
                before = self._last_subject_state(head, position, skip) if official else None
                local = self.tally.local() if actor.sector in _TOLD_FROM_SECTORS else None
                counts = self.tally.counts
                if (
                    local is not None
                    and local not in skip
                    and self.tally.seen(local)
                    and 3 * counts[local] >= counts.get(dominant or "", 0)
                ):
                    # police and people are where the story is told from ("TALLINN —", a story of Russia's
                    # protests: Estonian police), not of the country it names most, when the story names that
                    # place too ("CAIRO —" over a story of Tunisia is a bureau's; twenty-third session), and
                    # not far less than that country ("ABUJA —" over a story of Guinea that names Abuja as the
                    # summit's venue; twenty-eighth session)
                    dominant = local
                iso3, basis = before or dominant, "article"
                if iso3 is None and skip and head.pos_ == "PROPN" and set(self.tally.counts) <= skip:
                    # a named official acted on in a story about no other state is that state's own
                    # ("Singh met Home Minister Amit Shah" in a story about India; seventeenth session)
                    iso3 = self.tally.dominant()
        if iso3 is None:
            return actor
        found = Actor(actor.text, actor.name, iso3, actor.sector, actor.span)
        self.bases[found] = basis
        return found

    def _named_before(self, head: Token, word: str, position: tuple[int, int]) -> str | None:
        """The country of the latest body of agent ``word`` the article wrote with its country before
        ("the Sudanese army … The army accused the RSF": Sudan's), when ``head`` is a bare definite mention
        of it ("the army"; eighteenth session)."""
        r = self._read(head)
        if r.plural or r.start != head.i - 1 or head.doc[r.start].lower_ != "the" or word in _OWN_BODIES:
            return None
        before = [iso3 for at, iso3 in self.bodies.get(word, ()) if at < position]
        return before[-1] if before else None

    def _last_subject_state(self, head: Token, position: tuple[int, int], skip: set[str]) -> str | None:
        """The country of the previous sentence's subject, when it is a state's ("India accused Pakistan …
        Foreign Secretary Vikram Misri asked Islamabad …": India), not one of ``skip``; else None."""
        here = next(
            ((position[0], a) for a, b, _ in self.located.get(position[0], []) if a <= head.i < b), None
        )
        if here is None:
            return None
        previous = next((actors for at, actors in reversed(self.subjects) if at < here), None)
        if previous is None:
            return None
        countries = {a.country for a in previous if a.country and a.sector in _STATE_SECTORS}
        countries -= skip
        return next(iter(countries)) if len(countries) == 1 else None

    def _insurgents_state(self, head: Token) -> str | None:
        """The country of the armed non-state group (rebels, insurgents, separatists) that is the subject of
        the clause acting on ``head`` (an unnamed army, police or government), if it has one."""
        clause = _acting_clause(head, _ACTED_ON_DEPS | {"compound"})  # ("army positions")
        if clause is None:
            return None
        found = {a.country for a in self.resolve(clause[1], None) if a.country and a.sector in _REBELS}
        return next(iter(found)) if len(found) == 1 else None

    def _commander_state(self, head: Token, when: date | None) -> str | None:
        """The state of whoever orders an unnamed army, police or ministry in its own clause ("Katz ordered
        the military to …": Israel's; eighteenth session), if one."""
        clause = _acting_clause(head, frozenset({"dobj"}))
        if clause is None or clause[0].lemma_.lower() not in _ADDRESSING:
            return None
        found = {a.country for a in self.resolve(clause[1], when) if a.country and a.sector in ("GOV", "ELI")}
        return next(iter(found)) if len(found) == 1 else None

    def _addresser_state(self, head: Token, when: date | None) -> str | None:
        """The state of the leader or government whose request, appeal or speech an unnamed parliament is
        the object of ("Obama asked Congress to …", "the prime minister told parliament"), if one."""
        clause = _acting_clause(head, frozenset({"dobj", "dative", "pobj", "prep"}))
        if clause is None or clause[0].lemma_.lower() not in _ADDRESSING_LEGISLATURE:
            return None
        found = {a.country for a in self.resolve(clause[1], when) if a.country and a.sector == "GOV"}
        return next(iter(found)) if len(found) == 1 else None

    def _acting_state(self, head: Token, sector: str | None, when: date | None) -> set[str]:
        """Countries of the state that acts on an unnamed government or army in its own clause ("France did
        not recognise **the junta**'s authority": not France's junta); empty for other sectors and for the
        subject itself."""
        agent = self.table.agents.get(head.lemma_.lower())
        expelled = head.dep_ == "dobj" and head.head.lemma_.lower() in _EXPELLING
        if sector not in _STATE_SECTORS or (agent is not None and agent.person and not expelled):
            return set()  # (a person's role: "met as president and president-elect"; but whom a state
            # expels is another state's: "India expelled the defence advisers")
        clause = _acting_clause(head, _ACTED_ON_DEPS)
        if clause is None or clause[0].lemma_.lower() in _COMMANDING:
            return set()  # ("the cabinet instructed the army": its own army)
        # (an opposition leader then, a chancellor later: "Merz demanded that the government …" in 2024)
        actors = self.resolve(clause[1], when)
        return {a.country for a in actors if a.country and a.sector in _STATE_SECTORS}

    def _member_of(self, head: Token, when: date | None, position: tuple[int, int]) -> Actor | None:
        """The listed organisation an agent works in, at or for ("lawmakers in the European Parliament",
        "diplomats at the United Nations"), if any."""
        for prep in head.children:
            if prep.dep_ != "prep" or prep.lower_ not in _MEMBER_PREPS:
                continue
            for obj in (c for c in prep.children if c.dep_ == "pobj"):
                for actor in self._interpret(self._read(obj), when, position):
                    if actor.name and actor.name.lower() in self.table.organisations:
                        return actor
        return None

    def _envoy_state(self, part: Token) -> str | None:
        """The state a nationality adjective of an envoy names ("summoned **Chinese** Ambassador Wu"): an
        envoy speaks for his state, where "Kenyan protesters" are only people of Kenya."""
        if part.dep_ != "amod" or part.head.lemma_.lower() not in _ENVOYS:
            return None
        hm = self._read(part).head_match
        if hm is not None and hm.entry is not None and hm.entry[0] == "adjective":
            value = hm.entry[1]
            return value if isinstance(value, str) else None
        return None

    def _acted_on(self, head: Token) -> set[str]:
        """Countries its clause names as what an unnamed subject acts on ("Republican lawmakers criticised
        the deal with **Tehran**", "officials accused **Pakistan** of …"): the subject is another side's."""
        if head.dep_ != "nsubj" or head.head.pos_ not in ("VERB", "AUX") or self.places is None:
            return set()
        found: set[str] = set()
        for child in head.head.children:
            holders = [child] if child.dep_ in ("dobj", "dative") else []
            if child.dep_ == "prep" and child.lower_ in _AIMED_PREPS:
                holders = [g for g in child.children if g.dep_ == "pobj"]
            for obj in holders:
                # ("summoned Chinese Ambassador Wu": the nationality adjective of the name's title)
                modifiers = (t for t in obj.subtree if t.i < obj.i and t.dep_ in ("poss", "compound", "amod"))
                for part in (obj, *modifiers):
                    iso3 = self.places.state_of(part) or self._envoy_state(part)
                    if iso3:
                        found.add(iso3)
                for prep in (c for c in obj.children if c.dep_ == "prep" and c.lower_ in _AIMED_PREPS):
                    inner = (self.places.state_of(g) for g in prep.children if g.dep_ == "pobj")
                    found.update(iso3 for iso3 in inner if iso3)
        return found

    def _person_reference(
        self, r: Reading, agent: Agent, countries: list[str], when: date | None, position: tuple[int, int]
    ) -> list[Actor] | None:
        """A role word that names a person: apposed name, "the two leaders", "the Russian leader"."""
        for child in r.head.children:
            if child.dep_ == "appos" and (child.pos_ == "PROPN" or child.ent_type_ == "PERSON"):
                found = self._interpret(self._read(child), when, position)
                if found and found[0].name:
                    person = found[0]
                    if countries and person.name not in self.table.people and person.country != countries[0]:
                        # "The US commander in Iraq, General X": the role's own nationality beats any
                        # country the unknown name got from a place or the article.
                        self.bases.pop(person, None)
                        person = Actor(person.text, person.name, countries[0], person.sector, person.span)
                    return [person]
        if r.plural:
            pairs = [c.lower_ for c in r.head.children if self.table.words.get(c.lower_, ("",))[0] == "pair"]
            # ("the two leaders", "both leaders"; "two Ukrainian citizens" are two new people: eighteenth
            # session)
            if pairs and (r.definite or pairs[0] == "both") and not countries:
                if self.met is not None and 0 <= position[0] - self.met[0] <= 1:
                    # "Anutin met Hun Manet on the sidelines. The two leaders agreed …": the two who just met
                    return self._retext(list(self.met[1:]), r.text, r.span)
                people = salient_people(self.mentions, position, 2)
                return [a for m in people for a in mention_actors(m, when)] if len(people) == 2 else None
            if r.definite and not countries and r.organisation() is None:
                return self._same_group(agent, position)
            return None
        if not r.definite:
            return None
        kind, relation = self.table.words.get(agent.word, ("", ""))
        relation = relation if kind == "description" else ""
        described = None
        if kind == "description" or not agent.generic:  # "the official": a new person (see _described)
            owners = [a for c in r.head.children if c.dep_ == "poss" for a in self.resolve(c, when)]
            own = {a.country for a in owners if a.country} if relation == "foreign" else set()
            if own:  # "his (Chinese) counterpart": never the possessor's country
                countries = [c for c in r.countries(own=True) if c not in own]
            excluded = {a.name for a in (*owners, *self._clause_subject(r.head, when)) if a.name}
            titles = _titles(self.table, owners) if relation == "succession" else None
            described = described_person(
                self.table, self.mentions, agent, countries, when, position, excluded, own, _former(r), titles
            )
        if described is not None:
            return mention_actors(described, when)
        if relation == "succession" or relation == "foreign" and not countries:
            return []  # "his successor", "his counterpart" with nobody named for it: no actor rather than him
        if len(countries) == 1 and self.table.words.get(agent.word, ("",))[0] != "description":
            holder = _title_holder(self.table, countries[0], agent.word, when)
            if holder is not None:
                return [_person_actor(holder, r.text, r.span, when, False)]
        return None

    def _same_group(self, agent: Agent, position: tuple[int, int]) -> list[Actor] | None:
        """ "the ministers" after "Foreign ministers from the Group of Seven": the group last named by the
        same role word with an identity of its own, else None."""
        word = agent.word.split()[-1]
        for m in reversed(self.mentions):
            if m.position < position and not m.is_person and m.title and m.title.split()[-1] == word:
                return list(m.actors)
        return None

    def _clause_subject(self, head: Token, when: date | None) -> list[Actor]:
        """Actors of the subject of the verb ``head`` is the object of: "Obama congratulated the president-
        elect" is not Obama (a description is never its own clause's subject)."""
        verb = head.head.head if head.dep_ == "pobj" and head.head.dep_ == "prep" else head.head
        if head.dep_ not in _OBJECT_DEPS or verb.pos_ not in ("VERB", "AUX"):
            return []
        return [a for c in verb.children if c.dep_ in SUBJECT_DEPS for a in self.resolve(c, when)]

    def _possessor(self, head: Token, when: date | None, position: tuple[int, int]) -> list[Actor]:
        """ "his troops", "its fighters", "the bloc's ministers": the actors of the possessor."""
        for child in head.children:
            if child.dep_ != "poss":
                continue
            word = self.table.words.get(child.lower_)
            if word is not None and word[0] == "pronoun":
                return self._pronoun(child, word[1], when, position)
            if child.tag_ == "WP$":  # "Oman, whose foreign minister travelled": the noun the clause is about
                clause = next((t for t in head.ancestors if t.dep_ == "relcl"), None)
                return self.resolve(clause.head, when) if clause is not None else []
            short = _short_ref(self.table, self.tally, self.names, child)
            if short is not None:
                return [_short_actor(short, self._read(child))]
            hm = self._read(child).head_match
            if child.pos_ == "NOUN" and hm is not None and hm.agent is not None and hm.agent.person:
                return self.resolve(child, when)  # "the president's office": the president it refers to
            if child.pos_ == "PROPN" and (hm is None or (hm.entry is not None and hm.entry[0] == "person")):
                return self.resolve(child, when)  # "Ms May's office" after "Theresa May", "Putin's office"
        return []

    def _short_name(self, word: str, position: tuple[int, int]) -> list[Actor]:
        """The actors of the body the article named before in full whose name ``word`` shortens: its first
        word ("Radaa" for "the Radaa Deterrence Force") or its initials ("SSA" for "the Stability Support
        Apparatus"); a body of no name of ours (a known one is found by its dictionary aliases)."""
        if len(word) < 2 or not word[:1].isupper():
            return []
        for m in reversed(self.mentions):
            if m.position >= position or m.is_person or not m.actors:
                continue
            known = m.actors[0].name
            if known and (known.lower() in self.table.organisations or known in self.table.people):
                continue
            words = _proper_words(m.actors[0].text)
            if len(words) < 2:
                continue
            if words[0] == word or (word.isupper() and "".join(w[0] for w in words) == word):
                return list(m.actors)
        return []

    def _name_actors(self, r: Reading, position: tuple[int, int], when: date | None = None) -> list[Actor]:
        """An unknown proper name: a person with a nationality or role, or an earlier person's last name."""
        start, end = name_tokens(r.head)
        name = r.head.doc[max(start, r.start) : end].text  # never the page furniture read_phrase dropped
        single = end - start == 1 or _one_word(r.head.doc, max(start, r.start), end)
        if single:
            named = self._short_name(r.head.text, position)
            if named:  # "Radaa" after "the Radaa Deterrence Force", "SSA" after "Stability Support Apparatus"
                return self._retext(named, r.text, r.span)
        if not _person_like(r):
            if single and start == r.start:
                # "Kos is expected to travel": a bare last name the tagger read as no person, after the
                # article named the person in full
                for m in self._people_named(r.head.text, position):
                    return _retext(mention_actors(m, when), r.text, r.span)
            return self._unknown_body(r, r.head.doc[max(start, r.start) : r.head.i + 1].text, when, position)
        doc = r.head.doc
        while start < end - 1 and self.table.words.get(norm(doc[start].lower_), ("",))[0] == "honorific":
            start += 1  # "Ms May" is a last name
        if end - start == 1 or single:  # (after the honorific: "Ms May" is a last name)
            for m in self._people_named(r.head.text, position):
                if m.person is None:
                    return self._retext(list(m.actors), r.text, r.span)
                if r.has_word("honorific") is not None or r.head.ent_type_ == "PERSON":
                    # "Theresa May ... Ms May"; "President Rodrigo Paz ... Paz said" (the tagger's person: not
                    # the month "May")
                    return _retext(mention_actors(m, when), r.text, r.span)
        elif end - start > 1:
            # "Mendes Kouma" after "Albert Mendes Kouma": the last words of a name the article gave in full
            # (twenty-third session)
            words = doc[start:end].text
            for m in self._people_named(r.head.text, position):
                names = [m.person.name] if m.person is not None else [a.name for a in m.actors if a.name]
                if names and names[0].endswith(" " + words):
                    return _retext(mention_actors(m, when), r.text, r.span)
        countries, agents = r.countries(), r.agents()
        for child in r.head.children:
            if child.dep_ == "appos" and not (countries and agents):
                appos = self._read(child)
                countries = countries or appos.countries()
                agents = agents or [m.agent for m in appos.matches if m.agent]
            elif child.dep_ == "relcl" and child.lemma_ == "be" and not (countries or agents):
                # "Mohamed Magariaf, who is Libya's interim head of state, …": a copular relative clause
                # says what an apposition says (twenty-fourth session)
                for attr in (c for c in child.children if c.dep_ == "attr"):
                    role = self._read(attr)
                    countries = role.countries()
                    agents = [m.agent for m in role.matches if m.agent]
                    break
            elif child.dep_ == "prep" and child.lower_ == "of" and not countries:
                # "Kamchybek Tashiev of Kyrgyzstan": the state named after the name
                heads = [self._read(o).head_match for o in child.children if o.dep_ == "pobj"]
                countries = [m.entry[1] for m in heads if m and m.entry and isinstance(m.entry[1], str)]
        apposed = r.head.head if r.head.dep_ == "appos" else None
        # (the parser may hang the apposed name on the verb: "the EU's commissioner, Marta Kos, who met …")
        hung = r.head.dep_ == "npadvmod" and start >= 2 and doc[start - 1].text == ","
        if hung and doc[start - 2].pos_ == "NOUN":
            apposed = doc[start - 2]
        before = doc[start - 1] if start >= 1 else None
        if before is not None and before.pos_ == "NOUN" and before.dep_ == r.head.dep_ != "conj":
            # "His Turkish counterpart Serdar Kilic arrived": the parser may make the role and the name two
            # subjects of one verb (twenty-eighth session)
            apposed = before if before.head.i == r.head.head.i else apposed
        if apposed is not None and not countries and not agents:
            # "the EU's enlargement commissioner, Marta Kos": the role the name is apposed to tells whose
            role = self._read(apposed)
            hm = role.head_match
            kinds = [a for a in (hm.agent if hm is not None else None, *role.agents()) if a and a.person]
            body = role.organisation()
            if kinds and body is not None and not body.members:
                return [Actor(r.text, name, body.country, body.sector, r.span)]
            countries, agents = (role.countries(), kinds) if kinds else (countries, agents)
        if not countries and not agents:
            bare = r.head.left_edge.i >= start and not any(
                c.dep_ in ("appos", "prep") for c in r.head.children
            )
            if bare and _undergoer(r.head) and r.head.ent_type_ == "PERSON" and end - start > 1:
                # "Iran hanged Majidreza Rahnavard", "police detained Ali Reza Ahmadi": a person no dictionary
                # knows, who undergoes an act, is one of the people of the fall-back country (nineteenth
                # session)
                return [self._fallback(Actor(r.text, name, None, "CVL", r.span), r.head, position, when)]
            return []
        org = r.organisation() if agents else None
        if org is not None and countries and org.country not in countries:
            org = None  # "Russian Wagner commander X" is Russia's either way; "Kenyan UN envoy X" is Kenya's
        # "U.N. human rights chief Volker Turk", "M23 spokesman Lawrence Kanyuka": the body's
        if org is not None:
            return [Actor(r.text, org.name, org.country, org.sector, r.span)]
        sector = "ELI" if _former(r) else (_best(agents).sector if agents else "ELI")
        actor = Actor(r.text, name, countries[0] if countries else None, sector, r.span)
        # "police spokesman John Doe": a role without a country takes the fall-back country
        return [
            actor if countries or sector in _NO_FALLBACK else self._fallback(actor, r.head, position, when)
        ]

    def _unknown_body(
        self, r: Reading, name: str, when: date | None, position: tuple[int, int]
    ) -> list[Actor]:
        """An unknown name of a body, known by its modifiers: "the U.N. Group of Experts on Nicaragua" is the
        United Nations'; "Russian utility Inter RAO", "the Indian High Commission" are Russia's business and
        India's government; by what an apposition calls it ("the Radaa, a powerful militia"); or by what the
        article called it before under the same name.  Any other name is nobody."""
        org = r.organisation()
        if org is not None and not org.members:
            return [Actor(r.text, org.name, org.country, org.sector, r.span)]
        countries = r.countries(own=True)
        kinds = [a for a in r.agents() if not a.person]
        if countries and kinds:
            return [Actor(r.text, name, countries[0], _best(kinds).sector, r.span)]
        bare = name[4:] if name[:4].lower() == "the " else name  # (the tagger's entity may hold the article)
        described = [
            Actor(r.text, bare, a.country, a.sector, r.span)
            for c in self._body_descriptions(r.head)
            for a in self._resolve_one(c, when, (position[0], c.i))
            if a.name is None
        ]
        if described:
            return described[:1]
        region = self._acting_region(r)
        if region is not None:
            return [Actor(r.text, None, region, "GOV", r.span)]
        return self._retext(self._same_name(_proper_words(r.text), position), r.text, r.span)

    def _acting_region(self, r: Reading) -> str | None:
        """The country of a province, state or region that acts as the subject of a verb: its government
        ("Ontario imposed a surcharge", "Texas sued the federal government"; seventeenth session)."""
        head = r.head
        subject = head.dep_ in ("nsubj", "nsubjpass") or (head.dep_ == "conj" and head.head.dep_ == "nsubj")
        if not subject or self.places is None:
            return None
        start, end = name_tokens(head)
        return self.places.region(max(start, r.start), end, head.doc)

    def _body_descriptions(self, head: Token) -> list[Token]:
        """The apposed common nouns that call a name a kind of body, never a person ("a militia", not "a
        four-time presidential candidate")."""
        found = []
        for c in _descriptions(head):
            hm = self._read(c).head_match
            if hm is not None and hm.agent is not None and not hm.agent.person:
                found.append(c)
        return found

    def _same_name(self, words: list[str], position: tuple[int, int]) -> list[Actor]:
        """The actors of the body of no name of ours the article named before with the same words ("the
        Radaa" after "the Radaa, a powerful militia")."""
        for m in reversed(self.mentions) if words else ():
            earlier = m.position < position and not m.is_person and m.actors
            if earlier and m.actors[0].name is not None and _proper_words(m.actors[0].text) == words:
                return list(m.actors)
        return []


# offices and units below the state, always the acting state's own ("Tinubu suspended Governor Fubara",
# "declared an emergency in Rivers State"; seventeenth session)
_LOCAL_OFFICES = frozenset({"governor", "mayor", "chief minister", "governorate", "province", "municipality"})


def _undergoer(head: Token) -> bool:
    """``head`` is what its verb is done to: the verb's direct object or passive subject ("hanged X", "X was
    hanged")."""
    while head.dep_ == "conj" and head.head.i != head.i:  # "X and Y were executed"
        head = head.head
    return head.dep_ in ("dobj", "nsubjpass") and head.head.pos_ == "VERB"


def _local(r: Reading) -> bool:
    """Whether the phrase names a sub-national office or unit ("Governor X", "Rivers State")."""
    hm = r.head_match
    words = [a.word for a in (hm.agent if hm is not None else None, *r.agents()) if a is not None]
    if r.head.text == "State" and r.head.i > 0 and r.head.doc[r.head.i - 1].pos_ == "PROPN":
        return True  # "Rivers State", "Kaduna State"
    if any(c.dep_ == "amod" and c.lower_ in ("federal", "central") for c in r.head.children):
        return True  # "Texas sued the federal government": the state's own
    return any(w in _LOCAL_OFFICES for w in words)


def _descriptions(head: Token) -> list[Token]:
    """The common nouns apposed to a name, also after another name for it: "the Radaa, or Special Deterrence
    Force, another powerful militia" (the parser hangs the apposition on the second name)."""
    heads = [head]
    if any(c.dep_ == "cc" and c.lower_ == "or" for c in head.children):
        heads += [c for c in head.children if c.dep_ == "conj" and c.pos_ == "PROPN"]
    return [c for h in heads for c in h.children if c.dep_ == "appos" and c.pos_ == "NOUN"]


def _one_word(doc: Doc, start: int, end: int) -> bool:
    """The name ``doc[start:end]`` is one word, also when hyphenated ("Oyun-Erdene", "al-Saidi": the
    tokenizer splits them into three tokens)."""
    if end - start == 1:
        return True
    name = doc[start:end].text
    return " " not in name and "-" in name


# countries whose people are named family name first in English-language news ("Wang Yi", "Kim Jong Un",
# "Lee Hsien Loong"; Vietnamese names are not: "To Lam" ... "Lam")
_FAMILY_FIRST = frozenset({"CHN", "TWN", "HKG", "MAC", "KOR", "PRK", "SGP"})
_PARTICLES = frozenset(
    {"bin", "ibn", "al", "el", "de", "da", "do", "dos", "das", "del", "van", "von", "la", "le"}
)


def _last_names(m: Mention) -> tuple[str, ...]:
    """The words a later bare name may refer to ``m`` by: its last name as written; for a known person
    whose given name is hyphenated ("Lai Ching-te", "Lee Jae-myung"), the family name written first; and
    for a name of three words or more, its middle names ("Issa Tchiroma Bakary" ... "Tchiroma": fifteenth
    session)."""
    name = m.person.name if m.person is not None else next((a.name for a in m.actors if a.name), None)
    words = name.split() if name else []
    if m.person is not None and len(words) >= 2 and "-" in words[-1]:
        return (m.last_name, words[0])
    if len(words) >= 2 and any(a.country in _FAMILY_FIRST for a in m.actors):
        # "Chinese Foreign Minister Qin Gang" ... "Qin said" (twentieth session)
        return (m.last_name, words[0])
    middle = tuple(w for w in words[1:-1] if w[:1].isupper() and len(w) > 2 and w.lower() not in _PARTICLES)
    return (m.last_name, *middle)


_GENERIC_PARTY_WORDS = _PARTY_WORDS | frozenset({
    "popular", "people", "peoples", "opposition", "unity", "freedom", "justice", "development", "movement",
    "front", "alliance", "congress", "reform", "renewal", "union", "new", "united", "citizens", "civic",
})  # fmt: skip


def _generic_party(actor: Actor) -> bool:
    """A party of no country whose name is only common words ("Popular Party", "National Party")."""
    if actor.country is not None or actor.sector not in ("PTY", "OPP") or not actor.name:
        return False
    words = set(re.findall(r"[a-z']+", actor.name.lower()))
    return bool(words) and words <= _GENERIC_PARTY_WORDS and "party" in words


_DATELINE_ENDS = frozenset({"/", ",", "(", "-", "—", "–", ":"})


def _bare_number(token: Token) -> bool:
    """ "thousands", "several hundred", "5,000": a number with nothing of its own to name whom it counts."""
    return (token.lower_ in args.COUNT_WORDS or token.tag_ == "CD") and not any(
        c.dep_ == "prep" for c in token.children
    )


def _first_dateline_city(sent: Span) -> Span | None:
    """The capitalised words of a dateline's (first) city: "LA PAZ" of "LA PAZ/MEXICO CITY (Reuters) -",
    "CHISINAU" of "CHISINAU, April 9 -" (the small model tags many such words as no place: twenty-fifth
    session); None when the sentence opens with no such words."""
    end = next((t for t in sent[:5] if t.text in _DATELINE_ENDS), None)
    if end is None or end.i == sent.start:
        return None
    words = sent.doc[sent.start : end.i]
    if not all(t.is_alpha and t.text.isupper() for t in words):
        return None
    return words


def _described_bloc(head: Token) -> bool:
    """ "the 15-nation bloc", "West Africa's regional bloc", "the regional grouping": a bloc described by its
    size, region or kind, with no state of its own named ("the Chinese-led bloc" is not described so)."""
    children = [c for c in head.children if c.dep_ not in ("det", "punct")]
    for c in children:
        counted = any(t.like_num for t in c.subtree)  # "the 15-nation bloc", "the 27-member bloc"
        if c.dep_ == "amod" and not (counted or c.lower_ in _BLOC_KINDS):
            return False  # ("the rival bloc": another one)
        if c.dep_ in ("compound", "nummod") and not counted:
            return False  # ("the settlement bloc": another kind)
        if c.dep_ not in ("amod", "compound", "nummod", "poss"):
            return False
    return bool(children)


_BLOC_KINDS = frozenset({"regional", "continental", "economic", "political", "subregional", "sub-regional"})


def _second_dateline_city(sent: Span, first: Span) -> Span | None:
    """The second city of a dateline filed from two ("MALE" of "LONDON/MALE (Reuters) -"), else None."""
    doc = sent.doc
    if first.end >= len(doc) or doc[first.end].text != "/":
        return None
    end = first.end + 1
    while end < min(len(doc), first.end + 5) and doc[end].is_alpha and doc[end].text.isupper():
        end += 1
    return doc[first.end + 1 : end] if end > first.end + 1 else None


def _acting_clause(head: Token, links: frozenset[str]) -> tuple[Token, Token] | None:
    """(verb, subject) of the clause that acts on ``head``, climbing ``links`` (possessor, object, preposition
    …) up to the verb; None when there is no such verb within four steps or its subject is ``head``."""
    up = head
    for _ in range(4):
        if up.dep_ not in links or up.head.i == up.i:
            return None
        up = up.head
        if up.pos_ in ("VERB", "AUX"):
            break
    else:
        return None
    subject = next((c for c in up.children if c.dep_ == "nsubj"), None)
    return (up, subject) if subject is not None and subject.i != head.i else None


def _proper_words(text: str) -> list[str]:
    """The capitalised words of a mention's text, without a leading article ("the Radaa Deterrence Force")."""
    return [w for w in _CAPITALISED.findall(text) if w not in ("The", "A", "An")]


_SOME = frozenset({"many", "some", "most", "several", "few"})  # "many South Koreans": people, no state


def _counted(table: ActorDictionary, head: Token) -> bool:
    """A plural noun counted by a number, a quantity word of words.tsv or "many" ("300 Serbs", "thousands of
    Georgians")."""
    if any(c.dep_ in ("nummod", "quantmod") or c.lower_ in _SOME for c in head.children):
        return True
    prep = head.head if head.dep_ == "pobj" else None
    if prep is None or prep.lower_ != "of":
        return False
    return prep.head.tag_ == "CD" or table.words.get(prep.head.lower_, ("",))[0] == "quantity"


def _shared_nationality(first: Token, head: Token, before: list[Actor]) -> str | None:
    """The country a nationality adjective of the first conjunct gives a bare common-noun conjunct after
    it ("Chinese firms and citizens", "Turkish journalists and activists"), else None."""
    if head.i == first.i or head.pos_ != "NOUN" or first.pos_ != "NOUN" or not before:
        return None
    if any(c.dep_ in ("det", "amod", "compound", "poss", "nummod") for c in head.children):
        return None
    nationality = any(
        c.dep_ in ("amod", "compound") and c.ent_type_ in ("NORP", "GPE") for c in first.children
    )
    countries = {a.country for a in before}
    return before[0].country if nationality and len(countries) == 1 and before[0].country else None


# "a state of emergency", "the state of the economy": a condition, not a state (fourteenth session)
def _condition(head: Token) -> bool:
    if head.lemma_.lower() != "state":
        return False
    # ("the State of Israel" is Israel)
    return any(
        c.dep_ == "prep"
        and c.lower_ == "of"
        and any(o.dep_ == "pobj" and o.pos_ == "NOUN" for o in c.children)
        for c in head.children
    )


# words that make a name a place's: "Freedom Park", "Tahrir Square", "Lake Victoria", "Mount Kenya"
_PLACE_LAST = frozenset({
    "park", "square", "street", "avenue", "road", "bridge", "palace", "stadium", "airport", "station",
    "river", "bay", "island", "islands", "valley", "hill", "hills", "camp", "boulevard", "gate",
})  # fmt: skip
_PLACE_FIRST = frozenset({"lake", "mount", "port", "cape", "fort", "camp"})


def _place_named_after(doc: Doc, start: int, end: int) -> bool:
    """Whether the one-word match ``doc[start:end]`` is part of a longer place name: "Park" in "Freedom
    Park", "Victoria" in "Lake Victoria" (a capitalised word joined to it that makes the name a place's)."""
    if end - start != 1:
        return False
    word = doc[start]
    before = doc[start - 1] if start >= 1 else None
    after = doc[end] if end < len(doc) else None
    if word.lower_ in _PLACE_LAST and before is not None and before.is_title and before.head.i == word.i:
        return before.dep_ == "compound" and before.lower_ not in _PLACE_FIRST
    if before is not None and before.lower_ in _PLACE_FIRST and before.is_title and before.head.i == word.i:
        return True
    return after is not None and after.lower_ in _PLACE_LAST and after.is_title and word.head.i == after.i


_PLACE_ENTITIES = frozenset({"GPE", "LOC", "FAC"})


def _other_name(doc: Doc, start: int, end: int, person: Person) -> bool:
    """Whether the one-word match ``doc[start:end]`` of ``person``'s alias ends a longer place name whose
    other capitalised word is none of the person's own ("Bahir Dar", not "Ishaq Dar")."""
    if end - start != 1 or start == 0:
        return False
    before, word = doc[start - 1], doc[start]
    if word.ent_type_ not in _PLACE_ENTITIES:
        return False  # ("Sergey Lavrov", "Shah Mehmood Qureshi": spellings of the person's own names)
    if not (
        before.is_title and before.pos_ == "PROPN" and before.dep_ == "compound" and before.head.i == word.i
    ):
        return False
    own = {w.lower() for w in person.name.replace("-", " ").split()}
    return before.lower_ not in own
