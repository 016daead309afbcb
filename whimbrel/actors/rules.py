"""Rules the actor resolver applies to phrases and mentions: whether a title fits, the sector of an agent
phrase, which "it" refers, what an unlisted organisation is called.  Functions of their arguments only (no
article state), kept apart from :mod:`whimbrel.actors.resolver` so that each module stays small; the names
are private to the package."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from spacy.tokens import Token

from whimbrel.actors.dictionary import ActorDictionary, Agent, Person, ShortRef
from whimbrel.actors.phrase import PLURAL_TAGS, Reading, match_range, name_tokens
from whimbrel.actors.places import CountryTally
from whimbrel.records import Actor

# Nouns often named after the city where they happen: "the Minsk agreement", "the Oslo peace talks".
_VENUE_NAMED = frozenset(
    {"talk", "talks", "agreement", "agreements", "accord", "accords", "summit", "conference", "process",
     "protocol", "format", "declaration", "treaty", "peace", "ceasefire", "truce", "negotiation",
     "negotiations", "round", "forum", "headquarters", "meeting", "convention", "conventions", "statute",
     "consensus", "group", "club", "document", "communique", "memorandum"}
)  # fmt: skip

_NOT_TITLE_HEADS = frozenset({"vice", "deputy", "former", "first"})
_FUNCTION_WORDS = frozenset({"the", "of", "for", "and", "'s"})


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
    described: bool = False  # a person named only by a role ("Iran's chief negotiator")


def _plural_heads(subject: Token) -> frozenset[int]:
    """Token indices of a coordinated or plural subject ("Obama and Trump", "the ambassadors"), else none."""
    if subject.conjuncts or subject.tag_ in PLURAL_TAGS or subject.lower_ in ("they", "them"):
        return frozenset({subject.i, *(c.i for c in subject.conjuncts)})
    return frozenset()


def _retext(actors: list[Actor], text: str, span: tuple[int, int]) -> list[Actor]:
    """The antecedent's identity under the words of the referring mention."""
    return [Actor(text, a.name, a.country, a.sector, span) for a in actors]


def _person_actor(
    person: Person, text: str, span: tuple[int, int] | None, when: date | None, former: bool
) -> Actor:
    role = person.role_at(when)
    return Actor(text, person.name, role.country, "ELI" if former else role.sector, span)


def _titles(table: ActorDictionary, actors: Sequence[Actor], m: Mention | None = None) -> set[str]:
    """Official (non-ELI) role titles, with country, of the known people among ``actors`` (any date), or of
    the unknown person of ``m``."""
    found = {(r.country, r.title) for a in actors if a.name in table.people
             for r in table.people[a.name].roles if r.sector != "ELI"}  # fmt: skip
    if m is not None and m.person is None and m.title:
        found.update((a.country, m.title) for a in m.actors)
    return {f"{country} {title}" for country, title in found}


def _country_actors(actors: Sequence[Actor]) -> bool:
    """One actor that is a country (not an organisation): what "the country" may refer back to."""
    return len(actors) == 1 and actors[0].country is not None and actors[0].name is None


def _held_before(m: Mention, word: str, when: date | None) -> bool:
    """Whether the known person of ``m`` held a role titled ``word`` before ``when`` ("the former
    secretary of state" for a candidate who was one)."""
    if m.person is None or when is None:
        return False
    return any(r.end is not None and r.end <= when and _title_fits(r.title, word) for r in m.person.roles)


def _in_office(m: Mention, when: date | None) -> bool:
    """Whether the person of ``m`` holds an official (non-ELI, non-opposition) role on ``when``."""
    if m.person is None:
        return any(a.sector not in ("ELI", "OPP") for a in m.actors)
    held = m.person.held(when)
    return held is not None and held.sector not in ("ELI", "OPP")


def _person_like(r: Reading) -> bool:
    if r.head.ent_type_ == "PERSON" or r.head.pos_ == "PROPN" and r.has_word("honorific") is not None:
        return True  # "Ms May" is a person even where the model reads a date
    if r.head.pos_ != "PROPN" or r.head.ent_type_ in ("GPE", "LOC", "DATE", "TIME", "FAC", "EVENT"):
        return False
    if r.has_word("honorific") is not None or any(a.person and not a.generic for a in r.agents()):
        return True
    # "government spokeswoman Yolande Makolo" (the tagger read an organisation): a person's role word, even a
    # weak one, right before a name of two or more words that is no known organisation or country
    start, end = name_tokens(r.head)
    before = r.head.doc[start - 1] if start > 0 else None
    role = before is not None and any(a.person and a.word.split()[-1] == before.lower_ for a in r.agents())
    return role and end - start >= 2 and r.head.ent_type_ in ("", "ORG", "NORP") and r.head_match is None


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


def _of_object(head: Token, speaks_for: bool = False) -> Token | None:
    """The object of "of" ("the government of Sudan"); also of "for" after a weak role word that speaks
    for someone (``speaks_for``: "a spokesperson for Human Rights Watch")."""
    preps = ("of", "for") if speaks_for else ("of",)
    for child in head.children:
        if child.dep_ == "prep" and child.lower_ in preps:
            return next((c for c in child.children if c.dep_ == "pobj"), None)
    return None


_ALLEGIANCE = frozenset({"loyal", "affiliated"})  # "forces loyal to Assad", "militants affiliated with IS"


def _allegiance(head: Token) -> Token | None:
    """Whom the people of ``head`` serve: the object of "loyal to" or "affiliated to/with" on it ("forces
    loyal to President Assad", "fighters loyal to the Tripoli government")."""
    for child in head.children:
        if child.dep_ in ("amod", "acl") and child.lower_ in _ALLEGIANCE and child.i > head.i:
            for prep in child.children:
                if prep.dep_ == "prep" and prep.lower_ in ("to", "with"):
                    return next((c for c in prep.children if c.dep_ == "pobj"), None)
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


def _short_ref(table: ActorDictionary, tally: CountryTally, names: set[str], h: Token) -> ShortRef | None:
    """The short reference ``h`` makes ("the North", "the bloc"), if the article named its referent (one of
    the countries of ``tally`` or the ``names`` of people and organisations it mentioned)."""
    ref = table.shorts.get(h.lower_)
    if ref is None or (ref.capital and not h.text[:1].isupper()):
        return None
    if not any(c.dep_ == "det" and c.lower_ == "the" for c in h.children):
        return None
    if any(c.dep_ == "compound" and c.pos_ == "NOUN" and not any(g.like_num for g in c.children)
           for c in h.children):  # fmt: skip
        return None  # "the settlement bloc", "the trade bloc" are other blocs; "the 27-member bloc" is one
    return ref if any(tally.seen(a) or a in names for a in ref.after) else None


def _referring_it(table: ActorDictionary, h: Token) -> bool:
    """ "its" as a possessor, "it" as the subject of a verb that is not expletive ("it is", "it seems")."""
    if h.lower_ == "its":
        return h.dep_ == "poss"
    if h.dep_ == "pobj":  # "fired at it", "sanctions against it": aimed at someone ("rejected it": a thing)
        return h.head.lower_ in ("at", "against")
    if h.dep_ == "nsubjpass":  # "it was reported that ...", "it is expected to ..."
        return not any(c.dep_ in ("ccomp", "xcomp") for c in h.head.children)
    if h.dep_ != "nsubj":
        return False
    complements = [c for c in h.head.children if c.dep_ == "acomp"]
    if complements:  # "it remains unclear", but "it was pleased by the decision"
        return _felt(h.head, complements)
    verb = h.head
    if verb.lemma_.lower() == "take" and any(
        c.dep_ == "dobj" and c.lemma_.lower() in _TAKEN_ACTS for c in verb.children
    ):
        return True  # "it took control of the town", "said it would take action" (not "it takes time")
    return table.words.get(verb.lemma_.lower(), ("",))[0] != "expletive"


# objects that make "it took …" a deed of whoever "it" is (fourteenth session)
_TAKEN_ACTS = frozenset({
    "action", "actions", "step", "steps", "measure", "measures", "countermeasure", "countermeasures",
    "control", "responsibility", "aim", "part", "power", "charge", "possession", "custody", "hostage",
    "hostages",
})  # fmt: skip


def _felt(verb: Token, complements: list[Token]) -> bool:
    """ "it was pleased by the decision", "it was grateful for the help": a predicate adjective about
    something named after a preposition, with no clause the "it" stands in for ("it is important for Iran to
    comply", "it is unclear whether")."""
    clauses = ("ccomp", "xcomp", "csubj", "advcl")
    if any(c.dep_ in clauses for t in (verb, *complements) for c in t.children):
        return False
    return any(c.dep_ in ("prep", "agent") for a in complements for c in a.children)


def _venue(head: Token, reading: Reading) -> bool:
    """A seat of government that only names where something happened ("the Minsk agreement", "the Oslo peace
    talks"): a place, not its government.  A country's own name stays an actor ("the Iran deal")."""
    if head.dep_ != "compound" or head.head.lemma_.lower() not in _VENUE_NAMED:
        return False
    match = reading.head_match
    return match is not None and match.entry is not None and match.entry[0] == "seat"
