"""Actor resolution: the head token of an event argument -> zero or more :class:`~whimbrel.records.Actor`.

:class:`ActorResolver` holds the dictionaries (built once, shipped to workers by pickling);
:class:`ArticleActors` holds the light coreference state of one article: the people, organisations,
countries and groups seen so far, so that "he", "they", "the Russian leader" and "the two leaders" can be
resolved to them.  The rules are documented in docs/actors.md.
"""

from __future__ import annotations

import secrets
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from pathlib import Path

from spacy.tokens import Doc, Span, Token

from whimbrel.actors.dictionary import ActorDictionary, Agent, Organisation, Person, ShortRef
from whimbrel.actors.phrase import PRONOUN_TAGS, Reading, match_range, may_start, name_tokens, read_phrase
from whimbrel.actors.places import CountryTally, PlaceIndex
from whimbrel.geo import Gazetteer
from whimbrel.records import Actor

_DOC_TAG = "whimbrel.actors.paragraph"  # Doc.user_data key: (article token, paragraph number)
_NOMINAL = frozenset({"NOUN", "PROPN"})
_MODIFIER_DEPS = frozenset({"compound", "amod", "flat", "nmod", "nummod"})
_NOT_TITLE_HEADS = frozenset({"vice", "deputy", "former", "first"})
_LATER = 1 << 30  # position of a head in a Doc this article never observed: after every mention
# International, terrorist and non-governmental agents belong to no country by default, and refugees
# belong to the country they fled, not the one the article is about: no country fall-back for them.
_NO_FALLBACK = frozenset({"IGO", "TER", "NGO", "REF"})
_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
_FUNCTION_WORDS = frozenset({"the", "of", "for", "and", "'s"})
_GROUP_KINDS = frozenset({"country", "seat", "org"})  # what "it" may refer to
Basis = str  # "text", "place", "sentence" or "article": see ArticleActors.country_basis


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
        if root.pos_ not in (*_NOMINAL, "PRON", "ADJ"):
            nouns = [t for t in doc if t.pos_ in _NOMINAL and t.dep_ not in _MODIFIER_DEPS]
            if not nouns:
                return []
            root = nouns[0]
        return self.article().resolve(root, when)


@dataclass(frozen=True)
class Mention:
    """Something an article mentioned that a later pronoun or description may refer to."""

    position: tuple[int, int]  # (paragraph number, token index)
    actors: tuple[Actor, ...]
    person: Person | None = None  # a known person: country/sector recomputed for each event date
    is_person: bool = False
    gender: str = ""
    title: str = ""  # the role word of an unknown person ("foreign minister")
    last_name: str = ""


@dataclass
class ArticleActors:
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
    bases: dict[Actor, Basis] = field(default_factory=dict)  # actors whose country is a fall-back
    # Phrase readings of the Doc last read (observe and resolve read the same heads): (doc, {index: reading})
    readings: tuple[Doc | None, dict[int, Reading]] = field(default=(None, {}), repr=False)

    def __getstate__(self) -> dict[str, object]:
        state = dict(self.__dict__)
        state["readings"] = (None, {})  # a cache of spaCy tokens: rebuilt, never shipped
        return state

    def _read(self, token: Token) -> Reading:
        doc, cache = self.readings
        if doc is not token.doc:
            cache = {}
            self.readings = (token.doc, cache)
        reading = cache.get(token.i)
        if reading is None:
            reading = cache[token.i] = read_phrase(self.table, token)
        return reading

    def __post_init__(self) -> None:
        if self.places is None:
            self.places = PlaceIndex(self.table)

    # ----- observing -------------------------------------------------------------------------------
    def observe(self, sent: Span, when: date | None) -> None:
        """Register the people, organisations, countries and groups a sentence mentions."""
        assert self.places is not None
        paragraph = self._paragraph(sent.doc, create=True)
        mentioned, located = self.places.scan(sent)
        for iso3 in mentioned:
            self.tally.add(iso3)
        self.located.setdefault(paragraph, []).append((sent.start, sent.end, located))
        subject = next((c for c in sent.root.children if c.dep_ in _SUBJECT_DEPS), None)
        actors: list[Actor] = []
        person: Mention | None = None
        for token in sent:
            if token.pos_ not in _NOMINAL or token.dep_ in _MODIFIER_DEPS:
                continue
            if (
                token.pos_ == "NOUN"
                and not token.ent_type_
                and token is not subject
                and not may_start(self.table, token)
            ):
                continue  # a common noun no dictionary key begins with ("meeting", "plan"): no mention here
            reading = self._read(token)
            if subject is not None and token.i == subject.i:
                actors = self._group_subject(token, when, (paragraph, token.i), reading)
            mention = self._mention(reading, (paragraph, token.i), when)
            if mention is not None:
                self.mentions.append(mention)
                self.names.update(a.name for a in mention.actors if a.name)
                if mention.is_person and subject is not None and token.i == subject.i:
                    person = mention
        if subject is not None and subject.pos_ not in _NOMINAL:  # "It said ...": an earlier "it" chains
            actors = self._group_subject(subject, when, (paragraph, subject.i))
        self.subjects.append(((paragraph, sent.start), tuple(actors)))
        self.person_subjects.append(((paragraph, sent.start), person))

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
            group = r.plural and any(a.country or a.name for a in actors)
            return Mention(position, actors) if group else None
        if _person_like(r):
            actors = tuple(self._name_actors(r, position))
            honorific = r.has_word("honorific") or ""
            return Mention(position, actors, None, True, honorific, _title(r), r.head.text)
        return None

    # ----- resolving -------------------------------------------------------------------------------
    def resolve(self, head: Token, when: date | None) -> list[Actor]:
        """Actors named by the argument whose syntactic head is ``head`` (and its coordinated heads)."""
        heads = sorted({head, *head.conjuncts}, key=lambda t: t.i)
        actors: list[Actor] = []
        for h in heads:
            position = (self._paragraph(h.doc), h.i)
            for actor in self._resolve_one(h, when, position):
                if actor not in actors:
                    actors.append(actor)
        return actors

    def _resolve_one(self, h: Token, when: date | None, position: tuple[int, int]) -> list[Actor]:
        word = self.table.words.get(h.lower_)
        if word is not None and word[0] == "pronoun":
            return self._pronoun(h, word[1], when, position)
        short = self._short(h)
        if short is not None:
            return [_short_actor(short, read_phrase(self.table, h))]
        if h.tag_ in PRONOUN_TAGS:
            return []  # "it", "this", "we": not resolved (see docs/actors.md)
        if word is not None and word[0] == "quantity":
            # "dozens of protesters", "a group of soldiers": the actor is the counted noun.
            counted = [g for c in h.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children
                       if g.dep_ == "pobj"]  # fmt: skip
            return self._resolve_one(counted[0], when, position) if counted else []
        return self._interpret(self._read(h), when, position)

    def _interpret(self, r: Reading, when: date | None, position: tuple[int, int]) -> list[Actor]:
        hm = r.head_match
        if hm is not None and hm.entry is not None:
            kind, value = hm.entry
            if kind == "person":
                assert isinstance(value, Person)
                return [_person_actor(value, r.text, r.span, when, _former(r))]
            if kind == "org":
                assert isinstance(value, Organisation)
                return [Actor(r.text, value.name, value.country, value.sector, r.span)]
            # Country names, capitals/seats and bare demonyms ("the Russians") stand for the government.
            assert isinstance(value, str)
            return [Actor(r.text, None, value, "GOV", r.span)]
        if hm is not None and hm.agent is not None:
            return self._agent_actors(r, hm.agent, when, position)
        if r.head.pos_ == "PROPN" or r.head.ent_type_ == "PERSON":
            return self._name_actors(r, position)
        return []

    def _agent_actors(
        self, r: Reading, agent: Agent, when: date | None, position: tuple[int, int]
    ) -> list[Actor]:
        """ "Russian troops", "a U.S. official", "the government of Sudan", "the Russian leader"."""
        sector = _sector(agent, r.agents(), _former(r))
        text, span = r.text, r.span
        countries, org = r.countries(), r.organisation()
        if not countries and org is None:
            of = _of_object(r.head)
            found = self._interpret(read_phrase(self.table, of), when, position) if of is not None else []
            found = [a for a in found if a.name not in self.table.people]  # "of Sudan", "of Hezbollah"
            if of is not None and found:
                text, span = _extend(r, of)
                named = [a for a in found if a.name]
                if named:
                    return [Actor(text, named[0].name, named[0].country, named[0].sector, span)]
                countries = [a.country for a in found if a.country]
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
            if name or sector in _NO_FALLBACK:
                return [Actor(text, name, None, sector, span)]
            return [self._fallback(Actor(text, name, None, sector, span), r.head, position)]
        return [Actor(text, name, c, sector, span) for c in countries]

    def _fallback(self, actor: Actor, head: Token, position: tuple[int, int]) -> Actor:
        """``actor`` with the country of the fall-back chain: a place in the phrase, the sentence's place,
        the article's dominant country (docs/actors.md); the step that found it is kept in ``bases``."""
        assert self.places is not None
        iso3, basis = self.places.in_phrase(head), "place"
        if iso3 is None:
            sentences = self.located.get(position[0], [])
            here = [countries for start, end, countries in sentences if start <= head.i < end]
            # Token.sent is slow: only a sentence that was never observed is looked up that way.
            located = here[0] if here else self.places.scan(head.sent)[1]
            dominant = self.tally.dominant()
            if len(located) == 1 or dominant in located:
                iso3, basis = (located[0] if len(located) == 1 else dominant), "sentence"
            else:
                iso3, basis = dominant, "article"
        if iso3 is None:
            return actor
        found = Actor(actor.text, actor.name, iso3, actor.sector, actor.span)
        self.bases[found] = basis
        return found

    def _retext(self, actors: list[Actor], text: str, span: tuple[int, int]) -> list[Actor]:
        """The antecedents' identities under the words of the referring mention, with their country basis."""
        out = _retext(actors, text, span)
        for old, new in zip(actors, out, strict=True):
            if old in self.bases:
                self.bases[new] = self.bases[old]
        return out

    def _person_reference(
        self, r: Reading, agent: Agent, countries: list[str], when: date | None, position: tuple[int, int]
    ) -> list[Actor] | None:
        """A role word that names a person: apposed name, "the two leaders", "the Russian leader"."""
        for child in r.head.children:
            if child.dep_ == "appos" and (child.pos_ == "PROPN" or child.ent_type_ == "PERSON"):
                found = self._interpret(read_phrase(self.table, child), when, position)
                if found and found[0].name:
                    person = found[0]
                    if countries and person.name not in self.table.people and person.country != countries[0]:
                        # "The US commander in Iraq, General X": the role's own nationality beats any
                        # country the unknown name got from a place or the article.
                        self.bases.pop(person, None)
                        person = Actor(person.text, person.name, countries[0], person.sector, person.span)
                    return [person]
        if r.plural:
            if any(self.table.words.get(c.lower_, ("",))[0] == "pair" for c in r.head.children):
                people = self._salient_people(position, 2)
                return (
                    [a for m in people for a in self._mention_actors(m, when)] if len(people) == 2 else None
                )
            return None
        if not r.definite:
            return None
        described = self._described(agent, countries, when, position)
        if described is not None:
            return self._mention_actors(described, when)
        if len(countries) == 1 and self.table.words.get(agent.word, ("",))[0] != "description":
            holder = _title_holder(self.table, countries[0], agent.word, when)
            if holder is not None:
                return [_person_actor(holder, r.text, r.span, when, False)]
        return None

    def _described(
        self, agent: Agent, countries: list[str], when: date | None, position: tuple[int, int]
    ) -> Mention | None:
        """Most recent person the description fits (country and role title)."""
        description = self.table.words.get(agent.word, ("",))[0] == "description"
        if agent.generic and not description:
            return None  # "the official", "the spokesman": usually a new, unnamed person
        for m in reversed(self.mentions):
            if m.position >= position or not m.is_person or not m.actors and m.person is None:
                continue
            actors = self._mention_actors(m, when)
            if countries and not any(a.country in countries for a in actors):
                continue
            title = m.person.role_at(when).title if m.person else m.title
            if description or _title_fits(title, agent.word):
                return m
        return None

    def _salient_people(self, position: tuple[int, int], count: int) -> list[Mention]:
        """The ``count`` people mentioned most often before ``position`` (ties: the more recent), in reading
        order: "the two leaders" are the article's protagonists, not the last two names (a spokesman
        quoted in between is not one of them)."""
        counts: dict[str, int] = {}
        last: dict[str, Mention] = {}
        for m in self.mentions:
            name = m.person.name if m.person else (m.actors[0].name or "" if m.actors else "")
            if m.position < position and m.is_person and name:
                counts[name] = counts.get(name, 0) + 1
                last[name] = m
        ranked = sorted(counts, key=lambda n: (counts[n], last[n].position), reverse=True)[:count]
        return sorted((last[n] for n in ranked), key=lambda m: m.position)

    def _pronoun(self, h: Token, value: str, when: date | None, position: tuple[int, int]) -> list[Actor]:
        """he/she -> the last person of agreeing gender, except that a subject pronoun with no person before
        it in its sentence prefers the previous sentence's subject ("Obama criticised Putin. Later he ...");
        they -> the last group, organisation or country; it/its -> :meth:`_it`."""
        span = (h.idx, h.idx + len(h.text))
        if value == "it":
            return self._retext(self._it(h, when, position), h.text, span)
        if value in ("m", "f") and h.dep_ in _SUBJECT_DEPS:
            subject = self._previous_subject(h, value, position)
            if subject is not None:
                return self._retext(self._mention_actors(subject, when), h.text, span)
        for m in reversed(self.mentions):
            if m.position >= position:
                continue
            if value == "plural" and not m.is_person:
                return self._retext(self._mention_actors(m, when), h.text, span)
            if value in ("m", "f") and m.is_person and m.gender in ("", value):
                return self._retext(self._mention_actors(m, when), h.text, span)
        return []

    def _previous_subject(self, h: Token, gender: str, position: tuple[int, int]) -> Mention | None:
        """The previous sentence's subject person, if of agreeing gender and no person comes between."""
        start = (position[0], h.sent.start)
        if any(start <= m.position < position and m.is_person for m in self.mentions):
            return None
        previous = [m for at, m in self.person_subjects if at < start]
        if previous and previous[-1] is not None and previous[-1].gender in ("", gender):
            return previous[-1]
        return None

    def _it(self, h: Token, when: date | None, position: tuple[int, int]) -> list[Actor]:
        """it/its -> the nearest subject before it in the sentence when that is a country or organisation
        ("North Korea said it would ..."); with no subject before it, the previous sentence's subject if
        that was a country or organisation.  Expletive "it" ("it is unclear") is no actor."""
        if not _referring_it(self.table, h):
            return []
        sent = h.sent
        for t in reversed(sent[: h.i - sent.start]):
            if t.dep_ in _SUBJECT_DEPS:
                return self._group_subject(t, when, position)
        key = (position[0], sent.start)
        previous = [actors for at, actors in self.subjects if at < key]
        return list(previous[-1]) if previous else []

    def _group_subject(
        self, t: Token, when: date | None, position: tuple[int, int], r: Reading | None = None
    ) -> list[Actor]:
        """Actors of subject ``t`` (phrase ``r`` when already read) when it names one country or
        organisation ("Russia", "NATO", "the ministry", "the North", an earlier "it"), else []."""
        if t.lower_ == "it":
            return self._pronoun(t, "it", when, position)
        if t.pos_ not in _NOMINAL:
            return []
        r = r or read_phrase(self.table, t)
        short = self._short(t)
        if short is not None:
            return [_short_actor(short, r)]
        hm = r.head_match
        if hm is None or t.tag_ in PRONOUN_TAGS:
            return []
        if hm.entry is not None and hm.entry[0] not in _GROUP_KINDS:
            return []
        if hm.agent is not None and (hm.agent.person or r.plural):
            return []
        actors = self._interpret(r, when, position)
        return actors if len(actors) == 1 and (actors[0].country or actors[0].name) else []

    def _short(self, h: Token) -> ShortRef | None:
        """The short reference ``h`` makes ("the North", "the bloc"), if the article named its referent."""
        ref = self.table.shorts.get(h.lower_)
        if ref is None or (ref.capital and not h.text[:1].isupper()):
            return None
        if not any(c.dep_ == "det" and c.lower_ == "the" for c in h.children):
            return None
        return ref if any(self.tally.seen(a) or a in self.names for a in ref.after) else None

    def _possessor(self, head: Token, when: date | None, position: tuple[int, int]) -> list[Actor]:
        """ "his troops", "its fighters", "the bloc's ministers": the actors of the possessor."""
        for child in head.children:
            if child.dep_ != "poss":
                continue
            word = self.table.words.get(child.lower_)
            if word is not None and word[0] == "pronoun":
                return self._pronoun(child, word[1], when, position)
            short = self._short(child)
            if short is not None:
                return [_short_actor(short, read_phrase(self.table, child))]
        return []

    def _mention_actors(self, m: Mention, when: date | None) -> list[Actor]:
        if m.person is not None:
            return [
                _person_actor(m.person, m.actors[0].text if m.actors else m.person.name, None, when, False)
            ]
        return list(m.actors)

    def _name_actors(self, r: Reading, position: tuple[int, int]) -> list[Actor]:
        """An unknown proper name: a person with a nationality or role, or an earlier person's last name."""
        start, end = name_tokens(r.head)
        name = r.head.doc[max(start, r.start) : end].text  # never the page furniture read_phrase dropped
        if not _person_like(r):
            return []
        if end - start == 1:
            for m in reversed(self.mentions):
                if m.position < position and m.is_person and m.person is None and m.last_name == r.head.text:
                    return self._retext(list(m.actors), r.text, r.span)
        countries, agents = r.countries(), r.agents()
        for child in r.head.children:
            if child.dep_ == "appos" and not (countries and agents):
                appos = read_phrase(self.table, child)
                countries = countries or appos.countries()
                agents = agents or [m.agent for m in appos.matches if m.agent]
        if not countries and not agents:
            return []
        sector = "ELI" if _former(r) else (_best(agents).sector if agents else "ELI")
        actor = Actor(r.text, name, countries[0] if countries else None, sector, r.span)
        # "police spokesman John Doe": a role without a country takes the fall-back country
        return [actor if countries or sector in _NO_FALLBACK else self._fallback(actor, r.head, position)]


def _retext(actors: list[Actor], text: str, span: tuple[int, int]) -> list[Actor]:
    """The antecedent's identity under the words of the referring mention."""
    return [Actor(text, a.name, a.country, a.sector, span) for a in actors]


def _person_actor(
    person: Person, text: str, span: tuple[int, int] | None, when: date | None, former: bool
) -> Actor:
    role = person.role_at(when)
    return Actor(text, person.name, role.country, "ELI" if former else role.sector, span)


def _person_like(r: Reading) -> bool:
    if r.head.ent_type_ == "PERSON":
        return True
    if r.head.pos_ != "PROPN" or r.head.ent_type_ in ("GPE", "LOC", "DATE", "TIME", "FAC", "EVENT"):
        return False
    return r.has_word("honorific") is not None or any(a.person and not a.generic for a in r.agents())


def _title(r: Reading) -> str:
    agents = r.agents()
    return _best(agents).word if agents else ""


def _best(agents: list[Agent]) -> Agent:
    """The most specific agent word: the first non-generic one."""
    return next((a for a in agents if not a.generic), agents[0])


def _sector(agent: Agent, modifiers: list[Agent], former: bool) -> str:
    if former and agent.person:
        return "ELI"
    if agent.generic and modifiers:
        return _best(modifiers).sector
    return agent.sector


def _former(r: Reading) -> bool:
    return r.has_word("former") is not None or any(a.sector == "ELI" for a in r.agents())


def _title_fits(title: str, word: str) -> bool:
    if title == word:
        return True
    parts = title.split()
    return len(parts) > 1 and parts[-1] == word and parts[0] not in _NOT_TITLE_HEADS


def _title_holder(table: ActorDictionary, country: str, word: str, when: date | None) -> Person | None:
    """The one person who held title ``word`` for ``country`` on ``when`` ("the U.S. president" in 2014)."""
    if when is None:
        return None
    holders = {}
    for person in table.titles.get((country, word), ()):
        held = person.held(when)
        if held is not None and held.title == word:
            holders[person.name] = person
    return next(iter(holders.values())) if len(holders) == 1 else None


def _of_object(head: Token) -> Token | None:
    for child in head.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            return next((c for c in child.children if c.dep_ == "pobj"), None)
    return None


def _extend(r: Reading, of: Token) -> tuple[str, tuple[int, int]]:
    doc = r.head.doc
    last = doc[of.right_edge.i]
    return doc[r.start : of.right_edge.i + 1].text, (doc[r.start].idx, last.idx + len(last.text))


def _org_name(table: ActorDictionary, r: Reading) -> str | None:
    """The name of an unlisted organisation whose head is an agent word ("Syrian Democratic Forces"); None
    when the dictionaries read every word of it ("the Defence Ministry", "Foreign Ministry of Russia")."""
    if r.head.pos_ == "PROPN" and r.head.ent_type_ == "ORG":
        start, end = name_tokens(r.head)
        start = max(start, r.start)
        doc = r.head.doc
        if doc[start].lower_ == "the":  # the entity often starts with the article; the name does not
            start += 1
        covered = {i for m in match_range(table, doc, start, end) for i in range(m.start, m.end)}
        if all(
            i in covered or doc[i].is_punct or doc[i].lower_ in _FUNCTION_WORDS for i in range(start, end)
        ):
            return None  # nothing but dictionary words: not a name
        return doc[start:end].text
    return None


def _short_actor(ref: ShortRef, r: Reading) -> Actor:
    """ "the North" -> North Korea's government; "the bloc" -> the European Union."""
    if ref.org is not None:
        return Actor(r.text, ref.org.name, ref.org.country, ref.org.sector, r.span)
    return Actor(r.text, None, ref.country, "GOV", r.span)


def _referring_it(table: ActorDictionary, h: Token) -> bool:
    """ "its" as a possessor, "it" as the subject of a verb that is not expletive ("it is", "it seems")."""
    if h.lower_ == "its":
        return h.dep_ == "poss"
    if h.dep_ == "nsubjpass":  # "it was reported that ...", "it is expected to ..."
        return not any(c.dep_ in ("ccomp", "xcomp") for c in h.head.children)
    if h.dep_ != "nsubj" or any(c.dep_ == "acomp" for c in h.head.children):  # "it remains unclear"
        return False
    return table.words.get(h.head.lemma_.lower(), ("",))[0] != "expletive"
