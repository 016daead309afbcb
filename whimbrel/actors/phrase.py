"""Reading of the noun phrase around an argument head: what the dictionaries recognise in it.

The phrase is the head with its left modifiers (det, amod, compound, poss, nummod, ...), never its
coordinated siblings or clauses.  Its tokens are matched greedily, longest first, against the dictionary;
:class:`Reading` records what was found so that the resolver can turn it into actors.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from whimbrel.actors.dictionary import ActorDictionary, Agent, Entry, Organisation, Person, norm

# Dependents that belong to the noun phrase of their head.
PHRASE_DEPS = frozenset({
    "det", "amod", "compound", "nmod", "nummod", "poss", "flat", "predet", "quantmod", "case", "nn",
    "cc", "conj", "punct", "advmod", "npadvmod",
})  # fmt: skip
# cc/conj/punct/advmod only inside a modifier ("French and German leaders", "Saudi-led"), never directly under
# the head.
HEAD_ONLY_SKIP = frozenset({"cc", "conj", "punct", "advmod", "appos", "npadvmod"})
PRONOUN_TAGS = frozenset({"PRP", "PRP$"})
PLURAL_TAGS = frozenset({"NNS", "NNPS"})
# Heads whose phrase is a name: common nouns glued before the name that no dictionary knows are page
# furniture ("Image caption President X"), not part of the phrase.
NAME_ENTITIES = frozenset({"PERSON", "ORG", "GPE", "NORP"})
_PLACE_KINDS = frozenset({"country", "seat"})
COMMON_NOUN_TAGS = frozenset({"NN", "NNS"})


@dataclass
class Match:
    """A dictionary hit on tokens ``start``..``end`` (exclusive) of the Doc."""

    start: int
    end: int
    entry: Entry | None = None
    agent: Agent | None = None
    word: tuple[str, str] | None = None  # (kind, value) from words.tsv


@dataclass
class Reading:
    """What the phrase of ``head`` says.  ``start``/``end`` are Doc token indices of the phrase."""

    head: Token
    start: int
    end: int
    matches: list[Match] = field(default_factory=list)
    head_match: Match | None = None
    backed: list[str] = field(default_factory=list)  # countries of the phrase's backers ("Russian-backed")

    # A Reading is never changed once read_phrase returns it, and the resolver asks the same questions of it
    # many times (observing, then resolving the head at each event date): the answers are kept.  Callers
    # never modify the lists returned.
    _text: str | None = field(default=None, init=False, repr=False, compare=False)
    _span: tuple[int, int] | None = field(default=None, init=False, repr=False, compare=False)
    _modifiers: list[Match] | None = field(default=None, init=False, repr=False, compare=False)
    _agents: list[Agent] | None = field(default=None, init=False, repr=False, compare=False)
    _countries: list[str] | None = field(default=None, init=False, repr=False, compare=False)

    @property
    def text(self) -> str:
        """The phrase as written."""
        if self._text is None:
            doc, start, end = self.head.doc, self.start, self.end
            # Most phrases are one word: its text is the Span's, built faster.
            self._text = doc[start].text if end - start == 1 else doc[start:end].text
        return self._text

    @property
    def span(self) -> tuple[int, int]:
        """Doc-relative character offsets of the phrase."""
        if self._span is None:
            doc = self.head.doc
            self._span = doc[self.start].idx, doc[self.end - 1].idx + len(doc[self.end - 1].text)
        return self._span

    def modifiers(self) -> list[Match]:
        """Hits other than the one on the head, left to right."""
        if self._modifiers is None:
            self._modifiers = [m for m in self.matches if m is not self.head_match]
        return self._modifiers

    def countries(self, own: bool = False) -> list[str]:
        """Countries named by modifiers (names, adjectives, seats, people's and organisations' countries);
        ``own``: only the phrase's own words, not its possessor's ("Lavrov's Chinese counterpart": CHN)."""
        if own:
            skip = {i for c in self.head.children if c.dep_ == "poss"
                    for i in range(c.left_edge.i, c.right_edge.i + 1)}  # fmt: skip
            return self._find_countries(skip)
        if self._countries is None:
            self._countries = self._find_countries(set())
        return self._countries

    def _find_countries(self, skip: set[int]) -> list[str]:
        found: list[str] = []
        for m in self.modifiers():
            if m.start in skip or self._first_name(m) or ethnic(self.head.doc, m.start):
                continue
            iso3 = _country_of(m)
            if iso3 and iso3 not in found:
                found.append(iso3)
        return found

    def _first_name(self, m: Match) -> bool:
        """A known person's one-word name as the first name of someone else's ("Abbas" in "Abbas Zaki")."""
        head = self.head
        return (
            m.entry is not None and m.entry[0] == "person" and m.end - m.start == 1 and m.end == head.i
            and head.pos_ == "PROPN" and head.ent_type_ == "PERSON" and head.lower_ not in _NAMED_AFTER
        )  # fmt: skip

    def organisation(self) -> Organisation | None:
        """A modifier that is an organisation ("Hamas leaders", "NATO troops")."""
        for m in self.modifiers():
            if m.entry and m.entry[0] == "org":
                assert isinstance(m.entry[1], Organisation)
                return m.entry[1]
        return None

    def agents(self) -> list[Agent]:
        """Agent words among the modifiers."""
        if self._agents is None:
            self._agents = [m.agent for m in self.modifiers() if m.agent]
        return self._agents

    def has_word(self, kind: str) -> str | None:
        """Value of the first closed-class word of ``kind`` in the phrase ("former", "honorific"...)."""
        for m in self.matches:
            if m.word and m.word[0] == kind:
                return m.word[1]
        return None

    @property
    def plural(self) -> bool:
        return self.head.tag_ in PLURAL_TAGS

    @property
    def definite(self) -> bool:
        """The phrase points back: "the president", "Russia's leader", "both leaders"."""
        return any(c.dep_ in ("det", "poss", "predet") and c.lower_ in ("the", "both", "this", "that")
                   or c.dep_ == "poss" for c in self.head.children)  # fmt: skip


# things named after a person ("Trump Tower", "the Mandela Foundation"), which the parser may tag PERSON
_NAMED_AFTER = frozenset({
    "tower", "towers", "hotel", "plaza", "house", "building", "center", "centre", "foundation", "institute",
    "university", "airport", "doctrine", "administration", "era", "campaign", "stadium", "bridge", "street",
})  # fmt: skip


def ethnic(doc: Doc, i: int) -> bool:
    """Whether the word at ``i`` follows "ethnic": "ethnic Albanians", "ethnic Russian residents" are a people
    of wherever the story is, not the state their name is of."""
    return i > 0 and doc[i - 1].lower_ == "ethnic"


def _country_of(m: Match) -> str | None:
    if m.entry is None:
        return None
    kind, value = m.entry
    if kind in ("country", "seat", "adjective"):
        assert isinstance(value, str)
        return value
    if kind == "org":
        assert isinstance(value, Organisation)
        return value.country
    if kind == "person":
        assert isinstance(value, Person)
        return value.role_at(None).country
    return None


def phrase_range(head: Token) -> tuple[int, int]:
    """Token range of the noun phrase of ``head`` (left modifiers and their own modifiers)."""
    start = end = head.i
    if not head.n_lefts and not head.n_rights:  # most heads have no dependents at all
        return start, end + 1
    stack = [c for c in head.children if c.dep_ in PHRASE_DEPS and c.dep_ not in HEAD_ONLY_SKIP]
    while stack:
        token = stack.pop()
        if token.dep_ == "poss":  # the whole possessor: "the Russian president's"
            start, end = min(start, token.left_edge.i), max(end, token.right_edge.i)
            continue
        start, end = min(start, token.i), max(end, token.i)
        stack.extend(c for c in token.children if c.dep_ in PHRASE_DEPS)
    # Keep the phrase contiguous and never past a clause boundary on the right.
    return start, _hyphen_end(head.doc, end) + 1


def _hyphen_end(doc: Doc, end: int) -> int:
    """``end``, moved over the rest of a hyphenated name the parser split off ("President Moon Jae-in": the
    phrase of "Jae" leaves "-in" to the verb)."""
    last = doc[end]
    if (
        end + 2 < len(doc)
        and (last.pos_ == "PROPN" or last.ent_type_ == "PERSON")
        and not last.whitespace_
        and doc[end + 1].text == "-"
        and not doc[end + 1].whitespace_
        and doc[end + 2].is_alpha
        and doc[end + 2].head.i != end + 2  # (no verb of its own: "Jae-in" and never a clause)
    ):
        return end + 2
    return end


def match_range(table: ActorDictionary, doc: Doc, start: int, end: int) -> list[Match]:
    """Greedy longest-first dictionary hits on tokens ``start``..``end``."""
    found: list[Match] = []
    # The tokens and their texts once: each start position tries up to max_words + 2 candidate ends.
    tokens = [doc[k] for k in range(start, end)]  # no Span: slicing a Doc is slower than the lookups
    texts = [t.text for t in tokens]
    i, n, longest = 0, len(tokens), table.max_words + 2
    while i < n:
        if not _starts(table, texts[i], tokens[i]):
            i += 1
            continue
        hit = None
        for j in range(min(n, i + longest), i, -1):
            hit = _lookup(table, tokens, texts, i, j, start)
            if hit is not None:
                break
        if (
            hit is None
            or _cut_name(hit, texts[i], tokens, start)
            or _longer_party(hit, doc)
            or _name_part(hit, table, doc)
        ):
            i += 1
            continue
        found.append(hit)
        i = hit.end - start
    return found


def _cut_name(hit: Match, first: str, tokens: list[Token], base: int) -> bool:
    """A hit led by "the" that stops inside a longer name ("the West" in "the West Bank"): the name is
    looked up again from its own first word."""
    after = hit.end - base
    return first.lower() == "the" and after < len(tokens) and tokens[after].tag_ in ("NNP", "NNPS")


# capitalised words that make a party's one-word alias another party's name ("Social Democrats", "Christian
# Democrats", "Sweden Democrats" are no Democratic Party; seventeenth session)
_PARTY_QUALIFIERS = frozenset({
    "social", "christian", "liberal", "free", "sweden", "swiss", "european", "progressive", "radical",
})  # fmt: skip


def _longer_party(hit: Match, doc: Doc) -> bool:
    """A one-word organisation alias right after a capitalised qualifier that makes it another party."""
    if hit.entry is None or hit.entry[0] != "org" or hit.end - hit.start != 1 or hit.start == 0:
        return False
    before = doc[hit.start - 1]
    return before.text[:1].isupper() and before.lower_ in _PARTY_QUALIFIERS


def _name_part(hit: Match, table: ActorDictionary, doc: Doc) -> bool:
    """A person or organisation hit that is the second half of a hyphenated name ("Rendi-Wagner" is no
    Wagner Group): right after a hyphen written with no space, after a capitalised word the dictionaries do
    not know ("Russia-Ukraine", "US-Iran" stay two names; twenty-sixth session)."""
    if hit.entry is None or hit.entry[0] not in ("org", "person") or hit.start < 2:
        return False
    hyphen, before = doc[hit.start - 1], doc[hit.start - 2]
    return (
        hyphen.text == "-"
        and not hyphen.whitespace_
        and not before.whitespace_
        and before.text[:1].isupper()
        and not _starts(table, before.text, before)
    )


def may_start(table: ActorDictionary, token: Token) -> bool:
    """Whether any dictionary key can begin at ``token`` (most tokens of a sentence cannot: skip them)."""
    return _starts(table, token.text, token)


def _starts(table: ActorDictionary, text: str, token: Token) -> bool:
    first = norm(text).lower().split(" ")[0]
    words = table.first_words
    return first in words or first[:-1] in words or token.lemma_.lower() in words


# words that make "America(n)" a region of the Americas (twenty-fifth session)
_CONTINENT_PARTS = frozenset({"Latin", "South", "Central", "North", "Pan", "Ibero", "Hispanic"})

# agent words that, capitalised before another capitalised word, are part of a name (fifteenth session)
_NAME_WORDS = frozenset({"national"})


def _lookup(
    table: ActorDictionary, tokens: list[Token], texts: list[str], i: int, j: int, base: int
) -> Match | None:
    """The hit on ``tokens[i:j]`` (``texts`` are their texts; the list starts at Doc token ``base``)."""
    # (as written: "People's Liberation Army" has no space before its "'s")
    written = norm("".join(texts[k] + tokens[k].whitespace_ for k in range(i, j - 1)) + texts[j - 1])
    if not written:
        return None
    entries = table.exact.get(written)
    if entries is None:
        entries = table.lexicon.get(written.lower())
        # A capitalised alias ("Rice", "Moon") never matches a lower-case common noun.
        if entries and not written[0].isupper() and written.lower() not in table.lowercase_ok:
            entries = None
    if entries and _in_person_name(entries[0][0], tokens, i, j):
        entries = None  # "Victoria Nuland", "Chad Ochocinco": a first name, not the place it spells
    if entries and entries[0][0] == "adjective" and _surname(tokens[i], j - i):
        entries = None  # "Volker Turk", "Carl Deutsch": a surname, not the nationality it spells
    if entries and i > 0 and texts[i - 1] in _CONTINENT_PARTS and texts[i].startswith("America"):
        entries = None  # "Latin America", "South American nations": a region, not the United States
    if entries and entries[0][0] == "person" and _other_bearer(entries[0][1], tokens, i, j):
        entries = None  # "Hazem Qassem" is not Naim Qassem: a surname after another given name
    if entries and entries[0][0] == "org" and _inside_longer_name(table, tokens, i):
        entries = None  # "Social Democratic Party" is no "Democratic Party"
    if entries:
        return Match(base + i, base + j, entry=entries[0])
    lower = written.lower()
    agent = table.agents.get(lower)
    if agent is None and tokens[j - 1].tag_ in PLURAL_TAGS:  # "foreign ministers" -> "foreign minister"
        stem = " ".join([*(t.lower_ for t in tokens[i : j - 1]), tokens[j - 1].lemma_.lower()])
        agent = table.agents.get(norm(stem))
        if agent is None and lower.endswith("s"):  # capitalised plurals keep their "s" lemma ("Protesters")
            agent = table.agents.get(lower[:-1])
    named = lower in _NAME_WORDS and texts[i][:1].isupper() and j < len(tokens)
    if agent is not None and named and tokens[j].text[:1].isupper() and tokens[j].pos_ == "PROPN":
        agent = None  # "the National Security Committee": part of a name, no citizen
    if agent is not None:
        return Match(base + i, base + j, agent=agent)
    if j - i == 1 and lower in table.words:
        return Match(base + i, base + j, word=table.words[lower])
    return None


def _in_person_name(kind: str, tokens: list[Token], i: int, j: int) -> bool:
    """A one-word place inside a longer person's name the tagger found ("Victoria Nuland", "Lisa Monaco")."""
    if kind not in _PLACE_KINDS or j - i != 1:
        return False
    word = tokens[i]
    if word.ent_type_ != "PERSON":
        return False
    after = tokens[j] if j < len(tokens) else None
    opens = after is not None and after.ent_iob_ == "I" and after.ent_type_ == "PERSON"
    return word.ent_iob_ == "I" or opens


def _other_bearer(person: object, tokens: list[Token], i: int, j: int) -> bool:
    """A known person's alias continuing a name the tagger found, after a given name that is not theirs
    ("Hazem Qassem" for Naim Qassem; "Turki al-Maliki", three tokens, for Nouri al-Maliki: twenty-second
    session); initials ("Joe R. Biden") and titles never count."""
    if i == 0 or not isinstance(person, Person):
        return False
    k = i - 1  # (past the hyphen and particle of "al-Maliki" to the given name before them)
    while k > 0 and tokens[k].ent_iob_ == "I" and (tokens[k].text == "-" or tokens[k].text.islower()):
        k -= 1
    word, given = tokens[i], tokens[k]
    if word.ent_type_ != "PERSON" or word.ent_iob_ != "I" or given.ent_type_ != "PERSON":
        return False
    if given.pos_ != "PROPN" or not given.text[:1].isupper() or given.text.endswith("."):
        return False
    return given.text.lower() not in person.name.lower().split()


def _surname(word: Token, length: int) -> bool:
    """A one-word nationality that ends a person's name the tagger found, after a given name."""
    if length != 1 or word.ent_type_ != "PERSON" or word.ent_iob_ != "I" or word.i == 0:
        return False
    doc = word.doc
    after = doc[word.i + 1] if word.i + 1 < len(doc) else None
    if after is not None and after.ent_iob_ == "I" and after.ent_type_ == "PERSON":
        return False
    before = doc[word.i - 1]
    return before.tag_ == "NNP" and before.ent_type_ == "PERSON"


def _inside_longer_name(table: ActorDictionary, tokens: list[Token], i: int) -> bool:
    """The hit at ``tokens[i]`` continues a name the tagger began with an unknown capitalised word."""
    if i == 0 or tokens[i].ent_iob_ != "I" or tokens[i - 1].tag_ != "NNP":
        return False
    before = norm(tokens[i - 1].text)
    return before not in table.exact and before.lower() not in table.lexicon


def read_phrase(table: ActorDictionary, head: Token) -> Reading:
    """Match the phrase of ``head`` against the dictionaries."""
    start, end = phrase_range(head)
    end = _of_agent_end(table, head, start, end)
    matches = match_range(table, head.doc, start, end)
    backers = _backers(table, head.doc, start, end)
    backed: list[str] = []
    if backers:  # "Russian-backed separatists" are not Russian: the backer is no part of who they are
        backed = [c for m in matches if any(m.start <= i < m.end for i in backers) if (c := _country_of(m))]
        matches = [m for m in matches if not any(m.start <= i < m.end for i in backers)]
    cut = _trim_start(table, head, start, matches)
    if cut > start:
        start, matches = cut, [m for m in matches if m.start >= cut]
    reading = Reading(head, start, end, matches, backed=backed)
    for m in reading.matches:
        if m.start <= head.i < m.end:
            reading.head_match = m
    return reading


@dataclass
class Phrases:
    """Readings of the heads of the Doc last read, and its entities: observing a sentence and resolving its
    arguments read the same heads, and ``Doc.ents`` builds every entity span of the Doc on each access.
    A cache of spaCy objects: never shipped with the article state (see :meth:`__getstate__`)."""

    table: ActorDictionary
    doc: Doc | None = None
    readings: dict[int, Reading] = field(default_factory=dict)
    entities: tuple[Span, ...] | None = None

    def __getstate__(self) -> dict[str, object]:
        return {"table": self.table, "doc": None, "readings": {}, "entities": None}

    def read(self, token: Token) -> Reading:
        """:func:`read_phrase` of ``token``, read once per Doc."""
        if self.doc is not token.doc:
            self._switch(token.doc)
        reading = self.readings.get(token.i)
        if reading is None:
            reading = self.readings[token.i] = read_phrase(self.table, token)
        return reading

    def ents(self, doc: Doc) -> tuple[Span, ...]:
        """``doc.ents``, built once per Doc."""
        if self.doc is not doc:
            self._switch(doc)
        if self.entities is None:
            self.entities = tuple(doc.ents)
        return self.entities

    def _switch(self, doc: Doc) -> None:
        self.doc, self.readings, self.entities = doc, {}, None


_STANCES = frozenset({"pro", "anti"})  # "pro-Russian", "anti-American": a side taken, no nationality


def _backers(table: ActorDictionary, doc: Doc, start: int, end: int) -> set[int]:
    """Tokens naming a backer inside the phrase: the part before the hyphen of "Russian-backed",
    "Iranian-sponsored" (words.tsv kind ``backer``), and the side a stance is for or against ("the
    pro-Russian party", "anti-American militias": no Russians or Americans either)."""
    found: set[int] = set()
    if end - start < 4:  # "X - backed head" needs four tokens at least (most phrases have one or two)
        return found
    for i in range(start, end):
        word = doc[i]
        if table.words.get(word.lower_, ("",))[0] == "backer" and i >= 2 and doc[i - 1].text == "-":
            found.update(range(doc[i - 2].left_edge.i, i - 1))
        elif word.lower_ in _STANCES and i + 2 < end and doc[i + 1].text == "-" and not word.whitespace_:
            found.add(i + 2)
    return found


def _trim_start(table: ActorDictionary, head: Token, start: int, matches: list[Match]) -> int:
    """First token of the phrase once page furniture before it is dropped: everything up to the last
    ``caption`` word ("Media caption Trump"), and, before a named head, everything up to the nearest
    unknown common noun outside any entity ("Image copyright AP Image caption President X")."""
    doc = head.doc
    cut = start
    for i in range(start, head.i):
        if table.words.get(doc[i].lower_, ("",))[0] == "caption":
            cut = i + 1
    if head.ent_type_ in NAME_ENTITIES:
        covered = {i for m in matches for i in range(m.start, m.end)}
        for i in range(name_tokens(head)[0] - 1, cut - 1, -1):
            t = doc[i]
            if t.tag_ in COMMON_NOUN_TAGS and not t.ent_type_ and i not in covered:
                if t.head.i in covered and i < t.head.i < head.i:
                    continue  # "U.N. human rights chief Volker Turk": a modifier of the role, no furniture
                cut = i + 1
                break
    while cut < head.i and doc[cut].pos_ == "PUNCT":  # "the lake - Kenya": the dash is no part of the name
        cut += 1
    return cut


# words that join a name's head to the rest of it ("Group of Seven", "Committee to Protect Journalists")
_NAME_JOINERS = frozenset({"of", "to", "for", "on", "against"})


def _of_agent_end(table: ActorDictionary, head: Token, start: int, end: int) -> int:
    """Extend the phrase over "of X" when that makes an agent phrase ("secretary of state") or a name the
    dictionaries know ("the Group of Seven", "the Organization of American States")."""
    doc = head.doc
    if end + 2 <= len(doc) and doc[end].lower_ in _NAME_JOINERS and head.i == end - 1:
        key = f"{head.lemma_.lower()} of {doc[end + 1].lower_}"
        if doc[end].lower_ == "of" and key in table.agents:
            return end + 2
        if head.tag_ in ("NNP", "NNPS"):
            # (from any capitalised word of the phrase: "the Democratic Party of Korea", "the European
            # Court of Human Rights"; "the Committee to Protect Journalists", "the Institute for the Study of
            # War": eighteenth session)
            firsts = [k for k in range(start, head.i + 1) if doc[k].text[:1].isupper()]
            for stop in range(min(len(doc), end + 9), end + 1, -1):
                for first in firsts:
                    written = norm(doc[first:stop].text)
                    if written in table.exact or written.lower() in table.lexicon:
                        return stop
    return end


def name_tokens(head: Token) -> tuple[int, int]:
    """Token range of the proper name ending at (or containing) ``head``: its entity, else the run of proper
    nouns that ends at the head."""
    doc = head.doc
    if head.ent_type_:
        start = head.i
        while start > 0 and doc[start].ent_iob_ == "I":
            start -= 1
        end = head.i + 1
        while end < len(doc) and doc[end].ent_iob_ == "I" and doc[end].dep_ != "case":
            end += 1  # never the possessive marker the entity sometimes takes in ("Nadia Cruz's")
        return start, end
    start = head.i
    while start > 0 and doc[start - 1].pos_ == "PROPN" and doc[start - 1].head.i >= start:
        start -= 1
    return start, head.i + 1
