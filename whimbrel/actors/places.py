"""Countries of places, for agents whose phrase names no country ("police", "the army", "protesters").

The fall-back chain of docs/actors.md uses, in order: a place in the agent's own phrase ("police in Kyiv",
"students at Tehran University"), a place the sentence locates things in ("... in central Harare"), and the
article's dominant country (:class:`CountryTally`).  Places are read with the actor dictionary (countries,
capitals and seats, demonyms) and, for cities the dictionary lacks, with the gazetteer.
"""

from __future__ import annotations

from collections.abc import Container
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from whimbrel.actors.dictionary import ActorDictionary, Entry, norm
from whimbrel.actors.phrase import Phrases, Reading, ethnic, read_phrase
from whimbrel.geo import Gazetteer
from whimbrel.geo.gazetteer import PLACE
from whimbrel.geo.locate import PLACE_PARTS

# Entity labels that may name a place; NORP adds demonyms ("Iranian"), ORG seats ("the Kremlin") and PERSON
# the capitals the small model takes for people ("Khartoum") to the tally, where only the dictionary (never
# the gazetteer) reads them.
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
TALLY_LABELS = PLACE_LABELS | {"NORP", "ORG", "PERSON"}
LOCATED_LABELS = PLACE_LABELS | {"ORG"}
PLACE_KINDS = frozenset({"country", "seat", "adjective"})
# "police in Kyiv", "students at Tehran University", "protesters from Hong Kong", "police of Kharkiv".
PHRASE_PREPS = frozenset({"in", "at", "from", "of"})
# Nouns of places a nationality adjective may set in its country ("in the Iranian capital"; never "border").
_PLACE_NOUNS = frozenset(
    {"capital", "city", "town", "village", "province", "region", "district", "countryside"}
)
# Prepositions that locate a sentence's events ("... in central Harare", "... outside the parliament").
SENTENCE_PREPS = frozenset(
    {"in", "at", "near", "outside", "inside", "across", "around", "throughout", "through"}
)


# Heads whose "in X" names a meeting place rather than the country concerned.
_TALKS = frozenset(
    {"talk", "talks", "summit", "meeting", "conference", "negotiation", "negotiations", "sign", "meet",
     "hold", "gather", "convene", "forum", "session", "conversation"}
)  # fmt: skip
# ... and where someone spoke: "Tillerson, speaking in Sydney, urged the Gulf states" (twenty-first session;
# not "said": "In Beijing, a spokeswoman said" tells whose spokeswoman)
VENUE_HEADS = _TALKS | {"speak"}

# Heads a venue names as a compound: "the Pretoria deal", "the Doha talks", "the Minsk agreements".
NAMED_FOR_VENUES = _TALKS | {
    "deal", "agreement", "accord", "framework", "process", "declaration", "format"
}  # fmt: skip


@dataclass
class PlaceIndex:
    """Place name -> iso3, with the actor dictionary first and the gazetteer for other cities."""

    table: ActorDictionary
    gazetteer: Gazetteer | None = None
    phrases: Phrases | None = None  # the article's readings and entities of the current Doc, when shared

    def country(self, span: Span, gazetteer: bool = True) -> str | None:
        """Country of the place ``span`` names; None for unknown places and for named actors (people,
        organisations), which are not places."""
        if len(span) > 1 and span[-1].tag_ == "POS":
            span = span[:-1]  # the model's entity may end in the possessive: "Sri Lanka's" (as PERSON)
        text = norm(span.text)
        if text.lower().startswith("the "):
            text = text[4:]
        doc, end = span.doc, span.end
        if end + 1 < len(doc) and doc[end].text == "-" and not doc[end].whitespace_:
            # "Guinea-Bissau", "Timor-Leste": the model's entity often stops at the hyphen
            joined = f"{text} {doc[end + 1].text}"  # (the dictionaries key hyphens as spaces)
            if self._entries(joined):
                text = joined
        for kind, value in self._entries(text)[:1]:
            return value if kind in PLACE_KINDS and isinstance(value, str) else None
        if not gazetteer or self.gazetteer is None:
            return None
        entry = self.gazetteer.entry(span.text)
        return entry.country if entry is not None else None

    def scan(self, sent: Span) -> tuple[list[str], list[str]]:
        """(every country the sentence mentions: countries, capitals, demonyms and located cities, venues of
        talks excepted; the distinct countries of the places it locates something in: "in central Harare")."""
        mentioned: list[tuple[int, str]] = []  # (token, country): in the order of the text
        located: list[str] = []
        described: list[str] = []  # countries of places told by a nationality ("in the Iranian capital")
        # Span.ents rebuilds every entity span of the Doc on each call: the Doc's are built once.
        ents = sent.ents if self.phrases is None else _within(self.phrases.ents(sent.doc), sent)
        for ent in ents:
            label = ent.label_
            if label not in TALLY_LABELS:
                continue
            root = ent.root
            # The small model often labels a city ORG ("in central Harare"); the preposition makes it a place.
            # ... and sometimes PERSON ("in Dakar"): then only a capital or country the dictionaries know
            placed = _placed(root)
            locative = placed and (label in LOCATED_LABELS or label == "PERSON")
            iso3 = self.country(ent, gazetteer=label in PLACE_LABELS or (locative and label != "PERSON"))
            if not iso3 or ethnic(ent.doc, ent.start):
                continue  # (no country, or "ethnic Albanians": a people, not Albania; twenty-sixth session)
            # The venue of talks or a summit ("signed in Geneva") says where diplomats met, not whom the
            # article is about: it does not count towards the article's country.
            venue = (locative and root.head.head.lemma_.lower() in VENUE_HEADS) or (
                root.dep_ == "compound"
                and root.head.lemma_.lower() in NAMED_FOR_VENUES
                and not self._names_country(ent)
            )  # ("the Pretoria deal", "the Doha talks", "the Minsk agreements"; "the Iran deal" is Iran's)
            if not venue:
                mentioned.append((ent.start, iso3))
            # ... nor where the other acts of the sentence took place ("leaders meeting in Zimbabwe urged
            # ..., as rights groups said police had shot dead dozens": not Zimbabwe's police)
            if locative and not venue and iso3 not in located:
                located.append(iso3)
        for token in sent:
            # A country's name the small model tags as no entity at all ("suspends Madagascar", "Madagascar,
            # a former French colony, ..."): only the dictionary's countries, written as it keys them.
            if token.ent_iob_ == "O" and token.pos_ in ("PROPN", "ADJ") and token.text[:1].isupper():
                entries = self._entries(token.text)
                kind = entries[0][0] if entries else None
                # (and a nationality it tags as no entity before a title: "Mongolian Prime Minister X")
                demonym = (
                    kind == "adjective"
                    and token.dep_ in ("amod", "compound")
                    and not ethnic(sent.doc, token.i)
                )
                if (kind == "country" and token.pos_ == "PROPN" or demonym) and isinstance(
                    entries[0][1], str
                ):
                    mentioned.append((token.i, entries[0][1]))
            if (
                token.dep_ in ("amod", "compound")
                and token.head.lemma_.lower() in _PLACE_NOUNS
                and _placed(token.head, "in")
            ):
                # "stormed the Saudi embassy in the Iranian capital", "in a Nigerien village": a place of the
                # nationality's country, where the sentence names no place (twentieth session)
                entries = self._entries(token.text)
                if entries and entries[0][0] == "adjective" and isinstance(entries[0][1], str):
                    described.append(entries[0][1])
        if not located:
            located = list(dict.fromkeys(described))
        return [iso3 for _, iso3 in sorted(mentioned)], located

    def _names_country(self, span: Span) -> bool:
        """Whether ``span`` names a country itself (or its people), not a city in it."""
        entries = self._entries(norm(span.text))
        return bool(entries) and entries[0][0] in ("country", "adjective")

    def _entries(self, text: str) -> list[Entry]:
        """The dictionary's entries for ``text``: written as keyed (case-sensitive keys), else lowercased."""
        return self.table.exact.get(text) or self.table.lexicon.get(text.lower()) or []

    def in_phrase(self, head: Token, depth: int = 2) -> str | None:
        """Country of a place attached to ``head`` by in/at/from/of, one level down at most ("students at a
        university in Tehran")."""
        for prep in head.children:
            if prep.dep_ != "prep" or prep.lower_ not in PHRASE_PREPS:
                continue
            for obj in prep.children:
                if obj.dep_ != "pobj":
                    continue
                iso3 = self._object_country(obj)
                if iso3 is None and depth > 1:
                    iso3 = self.in_phrase(obj, depth - 1)
                if iso3:
                    return iso3
        return None

    def region_modifier(self, head: Token) -> str | None:
        """Country of a region of the gazetteer's own list (a province, state or region, never a city) that
        modifies the phrase: "Ontario Premier Doug Ford", "Jubaland forces", "Bavarian police", "Gagauzia's
        governor" are that country's (seventeenth session; the possessor: eighteenth)."""
        if self.gazetteer is None:
            return None
        doc = head.doc
        for t in head.subtree:
            if t.i >= head.i or t.dep_ not in ("compound", "nmod", "poss") or t.pos_ != "PROPN":
                continue
            for start in sorted({t.left_edge.i, t.i}):
                entry = self.gazetteer.entry(doc[start : t.i + 1].text)
                if entry is not None and entry.kind == PLACE and entry.country:
                    return entry.country
        return None

    def region(self, start: int, end: int, doc: Doc) -> str | None:
        """Country of the region of the gazetteer's own list that ``doc[start:end]`` names ("Ontario",
        "Texas", "Rivers State"), None for anything else."""
        if self.gazetteer is None:
            return None
        entry = self.gazetteer.entry(doc[start:end].text)
        return entry.country if entry is not None and entry.kind == PLACE else None

    def state_of(self, token: Token) -> str | None:
        """Country that ``token`` names as a state: a country or its capital ("Tehran", "Pakistan's"); a
        nationality adjective ("Kenyan protesters") is none."""
        hm = self._read(token).head_match
        if hm is not None and hm.entry is not None:
            kind, value = hm.entry
            return value if kind in ("country", "seat") and isinstance(value, str) else None
        return None

    def _object_country(self, obj: Token) -> str | None:
        reading = self._read(obj)
        hm = reading.head_match
        if hm is not None and hm.entry is not None:
            kind, value = hm.entry
            return value if kind in PLACE_KINDS and isinstance(value, str) else None
        if obj.ent_type_ in LOCATED_LABELS and obj.ent_iob_ != "O":
            ents = obj.doc.ents if self.phrases is None else self.phrases.ents(obj.doc)
            ent = next((e for e in ents if e.start <= obj.i < e.end), None)
            iso3 = self.country(ent) if ent is not None else None
            if iso3:
                return iso3
        countries = reading.countries()  # "Tehran University": a capital inside an institution's name
        return countries[0] if len(countries) == 1 else None

    def _read(self, token: Token) -> Reading:
        return read_phrase(self.table, token) if self.phrases is None else self.phrases.read(token)


def _placed(root: Token, prep: str | None = None) -> bool:
    """Whether a phrase sets the sentence in a place: "in Harare", "near Mansila, northern Burkina Faso" (a
    country apposed to a place the sentence is set in; twentieth session); ``prep``: by that one only."""
    if root.dep_ in ("appos", "poss"):
        root = root.head  # ("near Niamey's airport": the city owns the place the sentence is set at)
    preps = SENTENCE_PREPS if prep is None else (prep,)
    if root.dep_ == "pobj" and root.head.lower_ == "of" and root.head.head.lemma_.lower() in PLACE_PARTS:
        # "in the suburbs of Homs": a part of the place (twenty-eighth session)
        return _placed(root.head.head, prep)
    return root.dep_ == "pobj" and root.head.lower_ in preps


def _within(ents: tuple[Span, ...], sent: Span) -> list[Span]:
    """The entities of ``sent`` among its Doc's ``ents``, exactly as ``Span.ents`` selects them."""
    found = []
    start, end = sent.start, sent.end
    for ent in ents:
        if ent.start >= start:
            if ent.end > end:
                break
            found.append(ent)
    return found


@dataclass
class CountryTally:
    """How often, and first when, each country was mentioned in the sentences observed so far."""

    counts: dict[str, int] = field(default_factory=dict)
    first: dict[str, int] = field(default_factory=dict)
    dateline: str | None = None  # the dateline's country: breaks ties, or alone when nothing else was named
    filed_also: str | None = None  # a second dateline city's ("LONDON/MALE": the Maldives)

    def add(self, iso3: str) -> None:
        """Count one mention of ``iso3``."""
        self.counts[iso3] = self.counts.get(iso3, 0) + 1
        self.first.setdefault(iso3, len(self.first))

    def dominant(self) -> str | None:
        """The most mentioned country; a tie goes to the dateline's country ("CAIRO —", where the reporter
        files from), else to the one mentioned first (in the title, if any); the dateline's country alone
        when no other was mentioned."""
        if not self.counts:
            return self.dateline
        return max(self.counts, key=self._rank)

    def _rank(self, c: str) -> tuple[int, bool, int]:
        return (self.counts[c], c == self.dateline, -self.first[c])

    def leading(self, n: int, skip: Container[str] = ()) -> list[str]:
        """The ``n`` most mentioned countries not in ``skip`` (ties: the dateline's, then the first named)."""
        left = sorted(
            (c for c in self.counts if c not in skip),
            key=lambda c: (-self.counts[c], c != self.dateline, self.first[c]),
        )
        return left[:n]

    def dominant_except(self, skip: Container[str]) -> str | None:
        """:meth:`dominant` among the countries not in ``skip``."""
        left = [c for c in self.counts if c not in skip]
        if not left:
            return self.dateline if self.dateline not in skip else None
        return max(left, key=self._rank)

    def local(self) -> str | None:
        """The country the story is told from: the dateline's; of a story filed from two cities, the one of
        the country the story names more, the first on a tie ("LONDON/MALE" over a story of the Maldives,
        "WASHINGTON/CARACAS" over one of Venezuela; twenty-eighth session)."""
        first = self.counts.get(self.dateline or "", 0)
        if self.filed_also is not None and self.counts.get(self.filed_also, 0) > first:
            return self.filed_also
        return self.dateline

    def seen(self, iso3: str) -> bool:
        """Whether ``iso3`` was mentioned."""
        return iso3 in self.counts
