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

from whimbrel.actors.dictionary import ActorDictionary, Agent, Organisation, Person
from whimbrel.actors.phrase import PRONOUN_TAGS, Reading, name_tokens, read_phrase
from whimbrel.records import Actor

_DOC_TAG = "whimbrel.actors.paragraph"  # Doc.user_data key: (article token, paragraph number)
_NOMINAL = frozenset({"NOUN", "PROPN"})
_MODIFIER_DEPS = frozenset({"compound", "amod", "flat", "nmod", "nummod"})
_NOT_TITLE_HEADS = frozenset({"vice", "deputy", "former", "first"})
_LATER = 1 << 30  # position of a head in a Doc this article never observed: after every mention


@lru_cache(maxsize=1)
def _packaged_dictionary() -> ActorDictionary:
    return ActorDictionary.load()


class ActorResolver:
    """Resolve argument heads and free-text phrases to actors with the packaged and user dictionaries."""

    def __init__(self, table: ActorDictionary) -> None:
        self.table = table

    @classmethod
    def load(cls, extra: Sequence[Path] = ()) -> ActorResolver:
        """Packaged dictionaries plus user TSV files (each extends the dictionary its header names)."""
        return cls(ActorDictionary.load(extra) if extra else _packaged_dictionary())

    def article(self) -> ArticleActors:
        """Fresh coreference state for one article."""
        return ArticleActors(self.table)

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
    """Per-article state: mentions observed so far, in reading order."""

    table: ActorDictionary
    mentions: list[Mention] = field(default_factory=list)
    token: str = field(default_factory=lambda: secrets.token_hex(6))
    paragraphs: int = 0

    # ----- observing -------------------------------------------------------------------------------
    def observe(self, sent: Span, when: date | None) -> None:
        """Register the people, organisations, countries and groups a sentence mentions."""
        paragraph = self._paragraph(sent.doc, create=True)
        for token in sent:
            if token.pos_ not in _NOMINAL or token.dep_ in _MODIFIER_DEPS:
                continue
            mention = self._mention(read_phrase(self.table, token), (paragraph, token.i), when)
            if mention is not None:
                self.mentions.append(mention)

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
        if h.tag_ in PRONOUN_TAGS:
            return []  # "it", "this", "we": not resolved (see docs/actors.md)
        if word is not None and word[0] == "quantity":
            # "dozens of protesters", "a group of soldiers": the actor is the counted noun.
            counted = [g for c in h.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children
                       if g.dep_ == "pobj"]  # fmt: skip
            return self._resolve_one(counted[0], when, position) if counted else []
        return self._interpret(read_phrase(self.table, h), when, position)

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
        if not countries:
            countries = self._possessor_countries(r.head, when, position)
        if agent.person:
            referred = self._person_reference(r, agent, countries, when, position)
            if referred is not None:
                return _retext(referred, text, span)
        name = _org_name(r)
        if not countries:
            return [Actor(text, name, None, sector, span)]
        return [Actor(text, name, c, sector, span) for c in countries]

    def _person_reference(
        self, r: Reading, agent: Agent, countries: list[str], when: date | None, position: tuple[int, int]
    ) -> list[Actor] | None:
        """A role word that names a person: apposed name, "the two leaders", "the Russian leader"."""
        for child in r.head.children:
            if child.dep_ == "appos" and (child.pos_ == "PROPN" or child.ent_type_ == "PERSON"):
                found = self._interpret(read_phrase(self.table, child), when, position)
                if found and found[0].name:
                    return [found[0]]
        if r.plural:
            if any(self.table.words.get(c.lower_, ("",))[0] == "pair" for c in r.head.children):
                people = self._recent_people(position, 2)
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

    def _recent_people(self, position: tuple[int, int], count: int) -> list[Mention]:
        """The last ``count`` distinct people mentioned before ``position``, in reading order."""
        people: dict[str, Mention] = {}
        for m in reversed(self.mentions):
            name = m.person.name if m.person else (m.actors[0].name or "" if m.actors else "")
            if m.position < position and m.is_person and name and name not in people:
                people[name] = m
                if len(people) == count:
                    break
        return list(people.values())[::-1]

    def _pronoun(self, h: Token, value: str, when: date | None, position: tuple[int, int]) -> list[Actor]:
        """he/she -> the last person of agreeing gender; they -> the last group, organisation or country."""
        span = (h.idx, h.idx + len(h.text))
        for m in reversed(self.mentions):
            if m.position >= position:
                continue
            if value == "plural" and not m.is_person:
                return _retext(self._mention_actors(m, when), h.text, span)
            if value in ("m", "f") and m.is_person and m.gender in ("", value):
                return _retext(self._mention_actors(m, when), h.text, span)
        return []

    def _possessor_countries(self, head: Token, when: date | None, position: tuple[int, int]) -> list[str]:
        """ "his troops": the country of the pronoun's antecedent."""
        for child in head.children:
            word = self.table.words.get(child.lower_)
            if child.dep_ == "poss" and word is not None and word[0] == "pronoun":
                return [a.country for a in self._pronoun(child, word[1], when, position) if a.country]
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
        name = r.head.doc[start:end].text
        if not _person_like(r):
            return []
        if end - start == 1:
            for m in reversed(self.mentions):
                if m.position < position and m.is_person and m.person is None and m.last_name == r.head.text:
                    return [Actor(r.text, a.name, a.country, a.sector, r.span) for a in m.actors]
        countries, agents = r.countries(), r.agents()
        for child in r.head.children:
            if child.dep_ == "appos" and not (countries and agents):
                appos = read_phrase(self.table, child)
                countries = countries or appos.countries()
                agents = agents or [m.agent for m in appos.matches if m.agent]
        if not countries and not agents:
            return []
        sector = "ELI" if _former(r) else (_best(agents).sector if agents else "ELI")
        return [Actor(r.text, name, countries[0] if countries else None, sector, r.span)]


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


def _org_name(r: Reading) -> str | None:
    """The name of an unlisted organisation whose head is an agent word ("Syrian Democratic Forces")."""
    if r.head.pos_ == "PROPN" and r.head.ent_type_ == "ORG":
        start, end = name_tokens(r.head)
        return r.head.doc[start:end].text
    return None
