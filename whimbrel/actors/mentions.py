"""Choosing among the people an article mentioned: what a description ("the Russian leader", "his
successor") or a count ("the two leaders") refers back to.  Functions of the mention list they are given
(:class:`whimbrel.actors.resolver.ArticleActors` keeps it), kept apart so that each module stays small."""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from datetime import date

from spacy.tokens import Token

from whimbrel.actors.dictionary import ActorDictionary, Agent
from whimbrel.actors.rules import Mention, _held_before, _in_office, _person_actor, _title_fits, _titles
from whimbrel.nlp import DASHES
from whimbrel.records import Actor

_PREFERENCES = frozenset({"office", "out"})  # description values: who the description prefers
_ORGANISATION_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "pobj", "poss"})
_NONSTATE = frozenset({"INS", "REB", "TER", "OPP", "PTY", "NGO"})  # sectors "the group" may refer to
_NAME_REACH = 8  # tokens after "the group" where a dash may introduce its name
_ORGANISATION_REACH = 3  # paragraphs back that "the body" may look for its organisation


def mention_actors(m: Mention, when: date | None) -> list[Actor]:
    """The actors ``m`` names on ``when`` (a known person's country and sector at that date)."""
    if m.person is not None:
        return [_person_actor(m.person, m.actors[0].text if m.actors else m.person.name, None, when, False)]
    return list(m.actors)


def salient_people(mentions: Sequence[Mention], position: tuple[int, int], count: int) -> list[Mention]:
    """The ``count`` people mentioned most often before ``position`` (ties: the more recent), in reading
    order: "the two leaders" are the article's protagonists, not the last two names (a spokesman
    quoted in between is not one of them)."""
    counts: dict[str, int] = {}
    last: dict[str, Mention] = {}
    for m in mentions:
        name = m.person.name if m.person else (m.actors[0].name or "" if m.actors else "")
        if m.position < position and m.is_person and name:
            counts[name] = counts.get(name, 0) + 1
            last[name] = m
    ranked = sorted(counts, key=lambda n: (counts[n], last[n].position), reverse=True)[:count]
    return sorted((last[n] for n in ranked), key=lambda m: m.position)


def described_person(
    table: ActorDictionary,
    mentions: Sequence[Mention],
    agent: Agent,
    countries: list[str],
    when: date | None,
    position: tuple[int, int],
    excluded: set[str],
    foreign: set[str],
    former: bool = False,
    titles: set[str] | None = None,
) -> Mention | None:
    """Most recent person the description fits (country and role title), never one of ``excluded``
    (the possessor, the subject of the clause) nor of a ``foreign`` country; a description with a
    preference ("office": holds an official role on the date, "out": holds none) takes the most recent
    person who meets it, else the most recent who fits."""
    kind, value = table.words.get(agent.word, ("", ""))
    description = kind == "description"
    if agent.generic and not description:
        return None  # "the official", "the spokesman": usually a new, unnamed person
    fallback = None
    for m in reversed(mentions):
        if m.position >= position or not m.is_person or not m.actors and m.person is None:
            continue
        actors = mention_actors(m, when)
        if countries and not any(a.country in countries for a in actors):
            continue
        if any(a.name in excluded or a.country in foreign for a in actors):
            continue
        title = m.person.role_at(when).title if m.person else m.title
        if (
            not description
            and not _title_fits(title, agent.word)
            and not (former and _held_before(m, agent.word, when))
        ):
            continue
        if titles is not None and not titles & _titles(table, actors, m):
            continue  # "his successor": someone who held or will hold one of the possessor's offices
        if value not in _PREFERENCES or _in_office(m, when) == (value == "office"):
            return m
        fallback = fallback or m
    return fallback


def _nonstate_word(token: Token, agents: Mapping[str, Agent] | None) -> bool:
    agent = agents.get(token.lemma_.lower()) if agents is not None else None
    return agent is not None and agent.sector in _NONSTATE


def _named_after(head: Token) -> bool:
    """A name set off by a dash follows closely ("the group behind the attack — Ansar al-Sharia"): the
    phrase is named where it stands, not by an earlier mention."""
    doc = head.doc
    for k in range(head.i + 1, min(head.i + _NAME_REACH, len(doc) - 1)):
        if doc[k].text in DASHES and doc[k + 1].pos_ == "PROPN":
            return True
    return False


def latest_organisation(
    mentions: Sequence[Mention],
    head: Token,
    position: tuple[int, int],
    nonstate: bool = False,
    agents: Mapping[str, Agent] | None = None,
    sector: str | None = None,
) -> list[Actor]:
    """ "the body", "the organisation": the international organisation the article mentioned last before
    ``position`` (within a few paragraphs).  Only a bare definite phrase refers back: "the governing
    body", "the body of a man" and "the organisation's members" name something else or mean no group.
    ``nonstate``: "the group" refers to the armed group, party or NGO named last instead, also with an
    adjective that is a non-state agent word of ``agents`` ("the militant group") or a place it is based
    in ("the London-based group"); ``sector``: the phrase's modifiers named the kind of group ("the rights
    group": NGO), and only an organisation of that sector fits."""
    # (a preposition with no noun object is a misattached "of doing": "accused the group of sheltering")
    deps = {
        c.dep_
        for c in head.children
        if (c.dep_ != "prep" or any(g.dep_ == "pobj" for g in c.children))
        and not (nonstate and c.dep_ == "amod" and (_nonstate_word(c, agents) or _based(c)))
        and not (sector is not None and c.dep_ in ("amod", "compound") and c.i < head.i)
    }
    if head.dep_ not in _ORGANISATION_DEPS or deps & {"amod", "compound", "poss", "prep", "nmod"}:
        return []
    if not any(c.dep_ == "det" and c.lower_ == "the" for c in head.children):
        return []
    if nonstate and _named_after(head):
        return []
    for actor in recent_organisations(mentions, position):
        if sector is not None and actor.sector != sector:
            continue
        if (actor.sector in _NONSTATE) if nonstate else actor.country is None:
            return [actor]
    return []


def _based(token: Token) -> bool:
    """ "London-based", "Geneva-based": where a group is based, no kind of its own."""
    return token.lower_ == "based" and any(c.dep_ in ("npadvmod", "compound") for c in token.children)


def recent_organisations(mentions: Sequence[Mention], position: tuple[int, int]) -> Iterator[Actor]:
    """The named organisations (one-actor, non-person mentions) before ``position``, latest first, within
    the reach of a definite description."""
    for m in reversed(mentions):
        if m.position >= position:
            continue
        if position[0] - m.position[0] > _ORGANISATION_REACH:
            break
        if not m.is_person and len(m.actors) == 1 and m.actors[0].name:
            yield m.actors[0]


def named_by_head(mentions: Sequence[Mention], head: Token, position: tuple[int, int]) -> list[Actor]:
    """ "the court", "the agency", "the party": the organisation named last (within a few paragraphs) whose
    name ends in that word ("the International Criminal Court", "the International Atomic Energy Agency").
    Only a bare definite phrase refers back; [] when none fits (the word keeps its usual reading)."""
    bare = not any(c.dep_ in ("amod", "compound", "poss", "nmod") for c in head.children)
    if head.dep_ not in _ORGANISATION_DEPS or not bare:
        return []
    if not any(c.dep_ == "det" and c.lower_ == "the" for c in head.children):
        return []
    word = head.lemma_.lower()
    endings = _MEMBERS_OF.get(word, (word,))
    for actor in recent_organisations(mentions, position):
        if actor.name and _head_word(actor.name) in endings:
            return [actor]
        written = actor.text.replace("'s", "").replace("\u2019s", "")
        if written[-1:].isalpha() and _head_word(written) in endings and written.split()[-1][:1].isupper():
            # "the council" after "the AU's Peace and Security Council": the body's name as written
            # (twenty-eighth session)
            return [actor]
    return []


def _head_word(name: str) -> str:
    """The word a name is a kind of: its last word, or the one before "of" ("the International Court of
    Justice": court; "the Organization of American States": organization)."""
    words = name.lower().split()
    return words[words.index("of") - 1] if "of" in words[1:] else words[-1]


# "the judges" after "the International Court of Justice" are the court's (fourteenth session)
_MEMBERS_OF = {"judge": ("court", "tribunal", "justice"), "justice": ("court", "justice")}
