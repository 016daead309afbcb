"""Light coreference within an article: pronouns ("he", "they", "its"), "the country" and a sentence's
group subject, resolved to the people, groups and countries :class:`~whimbrel.actors.resolver.ArticleActors`
has observed so far (rules in docs/actors.md)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from spacy.tokens import Token

from whimbrel.actors.dictionary import ActorDictionary
from whimbrel.actors.mentions import mention_actors
from whimbrel.actors.phrase import PRONOUN_TAGS, Reading
from whimbrel.actors.places import CountryTally
from whimbrel.actors.rules import (
    Mention,
    _country_actors,
    _plural_heads,
    _referring_it,
    _short_actor,
    _short_ref,
)
from whimbrel.actors.rules import _retext as retext
from whimbrel.records import Actor

# monarchies called kingdoms in the news (Kuwait, Qatar and the UAE are emirates, Oman a sultanate)
_KINGDOM_STATES = frozenset({
    "SAU", "BHR", "JOR", "MAR", "GBR", "ESP", "NLD", "BEL", "NOR", "SWE", "DNK", "THA", "KHM", "BTN", "LSO",
    "SWZ", "TON",
})  # fmt: skip


def _kingdoms(actors: Sequence[Actor]) -> bool:
    """Country actors, all of kingdoms."""
    return _country_actors(actors) and all(a.country in _KINGDOM_STATES for a in actors if a.country)


NOMINAL = frozenset({"NOUN", "PROPN"})
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
_GROUP_KINDS = frozenset({"country", "seat", "org"})  # what "it" may refer to
_COUNTRY_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "poss"})  # where "the country" is resolved
FIRST_PERSON = frozenset({"we", "us", "our", "ours", "ourselves", "i", "me", "my", "myself"})
# Verbs whose subject speaks the quote they govern ('"We condemn ...," the minister told reporters').
_QUOTING = frozenset({"say", "tell", "add", "state", "write", "declare", "insist", "stress", "warn"})
_QUOTES = frozenset({'"', "\u201c", "\u201d"})


class References:
    """The pronoun and "the country" rules of :class:`~whimbrel.actors.resolver.ArticleActors`, which
    supplies the state and the phrase-level methods declared here."""

    table: ActorDictionary
    tally: CountryTally
    names: set[str]
    mentions: list[Mention]
    located: dict[int, list[tuple[int, int, list[str]]]]
    subjects: list[tuple[tuple[int, int], tuple[Actor, ...]]]
    person_subjects: list[tuple[tuple[int, int], Mention | None]]
    bases: dict[Actor, str]
    plural_subjects: list[tuple[tuple[int, int], tuple[Mention, ...]]]

    def resolve(self, head: Token, when: date | None) -> list[Actor]:
        raise NotImplementedError

    def _resolve_one(self, h: Token, when: date | None, position: tuple[int, int]) -> list[Actor]:
        raise NotImplementedError

    def _read(self, token: Token) -> Reading:
        raise NotImplementedError

    def _interpret(self, r: Reading, when: date | None, position: tuple[int, int]) -> list[Actor]:
        raise NotImplementedError

    def _retext(self, actors: list[Actor], text: str, span: tuple[int, int]) -> list[Actor]:
        """The antecedents' identities under the words of the referring mention, with their country basis."""
        out = retext(actors, text, span)
        for old, new in zip(actors, out, strict=True):
            if old in self.bases:
                self.bases[new] = self.bases[old]
        return out

    def _pronoun(self, h: Token, value: str, when: date | None, position: tuple[int, int]) -> list[Actor]:
        """he/she -> the last person of agreeing gender, except that a subject pronoun with no person before
        it in its sentence prefers the previous sentence's subject ("Obama criticised Putin. Later he ...");
        they -> the last group, organisation or country; it/its -> :meth:`_it`."""
        span = (h.idx, h.idx + len(h.text))
        if h.dep_ == "poss" and h.head.lower_ == "own" and h.head.dep_ not in SUBJECT_DEPS:
            # "Poland announced expulsions of their own": the subject's own, nobody it acts on (twenty-first
            # session; "their own nationals" are still theirs)
            return []
        if value == "it":
            return self._retext(self._it(h, when, position), h.text, span)
        # (also a possessor in the subject: "His visit to Cairo was postponed")
        in_subject = h.dep_ in SUBJECT_DEPS or (h.dep_ == "poss" and h.head.dep_ in SUBJECT_DEPS)
        if value in ("m", "f") and in_subject:
            subject = self._previous_subject(h, value, position)
            if subject is not None:
                return self._retext(mention_actors(subject, when), h.text, span)
        if value in ("m", "f") and h.dep_ not in SUBJECT_DEPS:
            bound = self._bound_pronoun(h, value, when, position)
            if bound:
                return self._retext(bound, h.text, span)
        if value == "plural":
            if self._partners_of_subject(h, when, position):
                return []  # "Saudi Arabia and Egypt denounced the strikes, with Riyadh calling them …"
            group = self._plural_subject(h, when, position)
            if group:
                return self._retext(group, h.text, span)
        # "Trump and Vance berated him": an object is never its own clause's subject, nor the same person
        # named before
        own = _own_subject(h) if value in ("m", "f") else None
        selves = (
            self._selves(own, position, when) if own is not None else (set[tuple[int, int]](), set[str]())
        )
        for m in reversed(self.mentions):
            if m.position >= position:
                continue
            if m.position in selves[0] or any(a.name in selves[1] for a in m.actors):
                continue
            if value == "plural" and not m.is_person:
                return self._retext(mention_actors(m, when), h.text, span)
            if value in ("m", "f") and m.is_person and m.gender in ("", value) and not m.described:
                return self._retext(mention_actors(m, when), h.text, span)
        return []

    def _selves(
        self, subject: Token, position: tuple[int, int], when: date | None
    ) -> tuple[set[tuple[int, int]], set[str]]:
        """The mentions inside a clause's subject, and the names they stand for, leaving out possessors
        ("Mugabe" in "Mugabe's critics blamed it on him")."""
        inside = [t for t in subject.subtree if not _possessor(t, subject)]
        names = {
            a.name
            for t in inside
            if t.pos_ == "PROPN" and t.text[:1].isupper()
            for a in self.resolve(t, when)
            if a.name
        }
        return {(position[0], t.i) for t in inside}, names

    def _speaker(self, h: Token, when: date | None, position: tuple[int, int]) -> list[Actor]:
        """we/our/I inside a quotation -> whoever the sentence says speaks it: the subject of the verb of
        saying the quoted clause hangs on ('"We condemn the attack," the minister said' -> the minister).
        [] outside quotation marks, for a quote with no verb of saying in its sentence (the rest of a long
        quotation), and for a speaker who is first person too."""
        first = self._sentence_start(h, position)
        if sum(t.text in _QUOTES for t in h.doc[first : h.i]) % 2 == 0:
            return []  # not inside a quotation
        verb = None
        node = h
        while verb is None:
            # the quoted clause is the complement of the verb of saying, or the verb of saying hangs on it
            # ('"We condemn it," he said' is parsed either way)
            if node.dep_ == "ccomp" and node.head.lemma_.lower() in _QUOTING:
                verb = node.head
            else:
                verb = next((c for c in node.children if c.dep_ == "parataxis"
                             and c.lemma_.lower() in _QUOTING), None)  # fmt: skip
            if node.head.i == node.i:
                break
            node = node.head
        if verb is None:
            return []
        subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if subj is None or subj.lower_ in FIRST_PERSON or subj.i == h.i:
            return []
        return self._retext(self.resolve(subj, when), h.text, (h.idx, h.idx + len(h.text)))

    def _partners_of_subject(self, h: Token, when: date | None, position: tuple[int, int]) -> bool:
        """Whether the object "them" stands where the sentence's coordinated subject is the only group before
        it and its own clause's subject is one of that group: the others acted alongside, they are not what
        is acted on ("Saudi Arabia and Egypt denounced the strikes, with Riyadh calling them a violation")."""
        if h.lower_ != "them" or h.dep_ not in ("dobj", "pobj", "dative"):
            return False
        verb = h.head.head if h.head.dep_ == "prep" else h.head
        own = next((c for c in verb.children if c.dep_ in SUBJECT_DEPS), None)
        if own is None:
            return False
        first = self._sentence_start(h, position)
        group = next(
            (t for t in h.doc[first : h.i] if t.dep_ in SUBJECT_DEPS and t.conjuncts and t.i != own.i), None
        )
        if group is None:
            return False
        members = self.resolve(group, when)
        mine = self.resolve(own, when)
        return any(a.country and any(a.country == m.country for m in members) for a in mine)

    def _plural_subject(self, h: Token, when: date | None, position: tuple[int, int]) -> list[Actor]:
        """they/their -> the nearest subject before it in its sentence when that is coordinated or plural
        ("China's and Russia's ambassadors said they ..."); with no subject before it, the previous
        sentence's coordinated or plural subject ("Obama and Trump met. They discussed ...").  [] when
        neither applies: the caller falls back to the last group mentioned."""
        first = self._sentence_start(h, position)
        verb = h.head.head if h.head.dep_ == "prep" else h.head
        passed = False  # whether the object's own clause subject was passed on the way back
        for t in reversed(h.doc[first : h.i]):
            if t.dep_ in SUBJECT_DEPS and h.lower_ == "them" and t.head.i == verb.i:
                passed = True
                continue  # "police had beaten them": an object is never its own clause's subject
            if t.dep_ in SUBJECT_DEPS:
                if t.pos_ not in NOMINAL and t.lower_ not in ("they", "them") or h.i <= t.right_edge.i:
                    return []  # "it said they ...", or "their" in the subject: "the rebels and their allies"
                group = self.resolve(t, when) if _plural_heads(t) else []
                # (an object "them" after another clause's plural subject is that group: "Protesters gathered
                # outside parliament, but riot police dispersed them"; twenty-seventh session)
                crowd = passed and t.tag_ in ("NNS", "NNPS") and len(group) == 1
                return group if len(group) > 1 or any(a.name for a in group) or crowd else []
        key = (position[0], first)
        subject = h.dep_ in SUBJECT_DEPS or h.dep_ == "poss" and h.head.dep_ in SUBJECT_DEPS  # "Their talks"
        if not subject or any(key <= m.position < position for m in self.mentions):
            return []  # an object "them", or a group named in between: the last group mentioned
        previous = [mentions for at, mentions in self.plural_subjects if at < key]
        if not previous or not previous[-1]:
            return []
        actors: list[Actor] = []
        for m in previous[-1]:
            actors.extend(a for a in mention_actors(m, when) if a not in actors)
        return actors

    def _bound_pronoun(
        self, h: Token, gender: str, when: date | None, position: tuple[int, int]
    ) -> list[Actor]:
        """his/him after a subject he of its sentence with no person between: that he ("He said his
        predecessor had failed")."""
        first = self._sentence_start(h, position)
        for t in reversed(h.doc[first : h.i]):
            if t.dep_ in SUBJECT_DEPS:
                if self.table.words.get(t.lower_) != ("pronoun", gender):
                    return []
                start = (position[0], t.i)
                if any(start < m.position < position and m.is_person for m in self.mentions):
                    return []
                return self._pronoun(t, gender, when, start)  # not resolve(): "he and his wife" loops
        return []

    def _previous_subject(self, h: Token, gender: str, position: tuple[int, int]) -> Mention | None:
        """The previous sentence's subject person, if of agreeing gender and no person comes between."""
        start = (position[0], self._sentence_start(h, position))
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
        first = self._sentence_start(h, position)
        verb = h.head.head if h.head.dep_ == "prep" else h.head
        for t in reversed(h.doc[first : h.i]):
            if t.left_edge.i <= h.i <= t.right_edge.i:
                continue  # "a delegation of its lawmakers would visit": no phrase is its own "its"
            # an object is not its own clause's subject ("Israel said a rocket was fired at it"), nor is a
            # plural ("Ukraine said Russian forces shelled its positions")
            own = h.dep_ not in SUBJECT_DEPS and (t.head.i == verb.i or verb.head.i == t.head.i)
            if t.dep_ in SUBJECT_DEPS and not (own and (t.head.i == verb.i or t.tag_ == "NNS")):
                found = self._group_subject(t, when, position)
                if found or not _person_inside_report(t, h, self._names_person(t)):
                    return found
                # "The presidency said Milei would not apologise, and it accused Spain": "it" is not the
                # person inside the report, but the subject of the verb its clause is joined to
        key = (position[0], first)
        previous = [actors for at, actors in self.subjects if at < key]
        return list(previous[-1]) if previous else []

    def _names_person(self, t: Token) -> bool:
        """Whether subject ``t`` names a person ("Milei", "the president")."""
        if t.ent_type_ == "PERSON":
            return True
        hm = self._read(t).head_match
        if hm is not None and hm.entry is not None:
            return hm.entry[0] == "person"
        return hm is not None and hm.agent is not None and hm.agent.person

    def _group_subject(
        self, t: Token, when: date | None, position: tuple[int, int], r: Reading | None = None
    ) -> list[Actor]:
        """Actors of subject ``t`` (phrase ``r`` when already read) when it names one country or
        organisation ("Russia", "NATO", "the ministry", "the North", an earlier "it"), else []."""
        if t.lower_ == "it":
            return self._pronoun(t, "it", when, position)
        if t.pos_ not in NOMINAL:
            return []
        r = r or self._read(t)
        short = _short_ref(self.table, self.tally, self.names, t)
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

    def _the_country(self, h: Token, when: date | None, position: tuple[int, int]) -> list[Actor]:
        """ "the country", "the isolated nation" as a subject, object or possessor -> the country that was
        the subject of the most recent sentence with a country subject (this sentence's first, before it);
        never the article's most mentioned country, nor "one country" or "across the country"."""
        if h.dep_ not in _COUNTRY_DEPS or not any(c.dep_ == "det" and c.lower_ == "the" for c in h.children):
            return []
        r = self._read(h)
        if r.countries() or r.organisation() is not None or any(c.dep_ == "poss" for c in h.children):
            return []  # "the Gulf country", "the bloc's countries": not a reference back
        found: list[Actor] = []
        # "the kingdom" is a monarchy's (twenty-fifth session: not the emirates named last)
        fits = _kingdoms if h.lemma_.lower() == "kingdom" else _country_actors
        first, owner = self._sentence_start(h, position), list[Actor]()
        for t in reversed(h.doc[first : h.i]):
            if t.dep_ in SUBJECT_DEPS and h.i > t.right_edge.i and t.head.i != h.head.i:
                found = self._group_subject(t, when, position)  # never its own clause's subject
                break
            owner = owner or (self._resolve_one(t, when, position) if t.dep_ == "poss" else [])
        # "The UN condemned Iran's launch ..., demanding that the isolated country halt": the possessor
        found = owner if not fits(found) and fits(owner) else found
        if not fits(found):
            key = (position[0], first)
            found = next((list(a) for at, a in reversed(self.subjects) if at < key and fits(a)), [])
        return self._retext(found, r.text, r.span) if fits(found) else []

    def _sentence_start(self, h: Token, position: tuple[int, int]) -> int:
        """Index of the first token of ``h``'s sentence, from what :meth:`observe` recorded (Token.sent is
        slow)."""
        for start, end, _ in self.located.get(position[0], ()):
            if start <= h.i < end:
                return start
        return h.sent.start


def _possessor(t: Token, top: Token) -> bool:
    """Whether ``t`` is inside a possessor below ``top`` ("Mugabe" in "Mugabe's critics")."""
    while t.i != top.i and t.head.i != t.i:
        if t.dep_ == "poss":
            return True
        t = t.head
    return False


def _own_subject(h: Token) -> Token | None:
    """The subject of the clause whose object ``h`` is ("him" in "Trump and Vance berated him", "thanked him
    for"); None for a pronoun that is no object."""
    if h.dep_ not in ("dobj", "dative", "pobj") or h.lower_ not in ("him", "her"):
        return None
    verb = h.head.head if h.dep_ == "pobj" and h.head.dep_ == "prep" else h.head
    return next((c for c in verb.children if c.dep_ in SUBJECT_DEPS), None)


def _person_inside_report(subject: Token, it: Token, person: bool) -> bool:
    """``subject`` heads a clause reported by a verb that ``it``'s clause is conjoined to ("said Milei would
    not apologise, and it accused …"), so "it" may refer past it (fourteenth session)."""
    clause, own = subject.head, it.head
    return clause.dep_ == "ccomp" and own.dep_ == "conj" and own.head.i == clause.head.i and person
