"""Actor dictionaries: countries, people with dated roles, organisations, agent words and closed-class words.

Everything is read from TSV data files (see docs/actors.md) with :func:`whimbrel.data.read_tsv`; user files
of the same columns extend the packaged ones.  :class:`ActorDictionary` holds the lookup tables the resolver
uses, all keyed by a normalised phrase (:func:`norm`) so that resolving a phrase is a few dict lookups.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Literal

from whimbrel.data import packaged, read_tsv
from whimbrel.errors import DataFileError
from whimbrel.records import SECTORS

Kind = Literal["person", "org", "country", "seat", "adjective"]
# When one written form names several things, the earlier kind wins ("Georgia" the country over nothing
# else; "Congress" the US body over the agent word).
KIND_ORDER: tuple[Kind, ...] = ("person", "org", "country", "seat", "adjective")
FILES = ("countries", "people", "organisations", "agents", "words")
COLUMNS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "countries": (("iso3", "name"), ("aliases", "adjectives", "seats")),
    "people": (("name", "sector"), ("aliases", "country", "start", "end", "role", "gender")),
    "organisations": (("name", "sector"), ("aliases", "country", "members")),
    "agents": (("word", "sector"), ("person", "generic", "alone", "means")),
    "words": (("word", "kind"), ("value", "after")),
}
WORD_KINDS = (
    "pronoun", "honorific", "former", "description", "pair", "quantity", "caption", "short", "expletive",
    "country", "organisation", "quantifier", "backer", "bare", "named",
)  # fmt: skip
_SPACES = re.compile(r"[\s\-–]+")
_ISO3 = re.compile(r"^[A-Z]{3}$")


@lru_cache(maxsize=65536)  # called for every token and phrase candidate; most strings repeat
def norm(text: str) -> str:
    """Normalised form of a phrase for lookups: curly quotes straightened, hyphens and runs of space as one
    space.  Case is kept; callers lowercase for case-insensitive tables."""
    return _SPACES.sub(" ", text.replace("\u2019", "'")).strip()


def case_sensitive(alias: str) -> bool:
    """Short all-capital aliases ("US", "UN", "WHO", "IS") only match when written in capitals, so that the
    pronouns "us", "who" and the verb "is" never become actors."""
    letters = [c for c in alias if c.isalpha()]
    return alias.isupper() and len(letters) <= 4


@dataclass(frozen=True)
class Role:
    """One dated role of a person.  ``start`` inclusive, ``end`` exclusive; None = open."""

    country: str | None
    sector: str
    start: date | None
    end: date | None
    title: str

    def covers(self, when: date) -> bool:
        """Whether the role was held on ``when``."""
        return (self.start is None or self.start <= when) and (self.end is None or when < self.end)

    def distance(self, when: date) -> int:
        """Days between ``when`` and the nearest day of the role (0 when it covers ``when``)."""
        if self.start is not None and when < self.start:
            return (self.start - when).days
        if self.end is not None and when >= self.end:
            return (when - self.end).days + 1
        return 0


@dataclass(frozen=True)
class Person:
    """A known person: canonical name, gender (m, f or "") and roles in file order."""

    name: str
    gender: str
    roles: tuple[Role, ...]

    def held(self, when: date | None) -> Role | None:
        """The role held on ``when`` (a non-ELI one where several overlap), else None."""
        if when is None:
            return None
        covering = [r for r in self.roles if r.covers(when)]
        if not covering:
            return None
        official = [r for r in covering if r.sector != "ELI"]
        return (official or covering)[-1]

    def role_at(self, when: date | None) -> Role:
        """Role for ``when``: the one held then; with no date the latest role; with no role held then, the
        nearest role's country with sector ELI (a former or future office holder)."""
        if when is None:
            return max(self.roles, key=lambda r: r.start or date.min)
        held = self.held(when)
        if held is not None:
            return held
        nearest = min(self.roles, key=lambda r: r.distance(when))
        return Role(nearest.country, "ELI", None, None, f"former {nearest.title}".strip())


@dataclass(frozen=True)
class Organisation:
    """A named organisation: canonical name, country (None = international) and sector."""

    name: str
    country: str | None
    sector: str
    members: tuple[str, ...] = ()  # a group of states named as one ("the E3"): their iso3 codes


@dataclass(frozen=True)
class Agent:
    """An agent word ("troops" -> MIL).  ``person``: names one person (a role); ``generic``: gives way to a
    more specific agent word in the same phrase."""

    word: str
    sector: str
    person: bool
    generic: bool
    alone: bool = True  # False: an actor only with a country, organisation or owner written ("office")


@dataclass(frozen=True)
class ShortRef:
    """A short definite reference ("the North", "the bloc") to a country or organisation, valid only once the
    article has mentioned one of ``after`` (iso3 codes or organisation names).  ``capital``: the word must be
    written with a capital letter ("the North", not "the north" of a country)."""

    word: str
    country: str | None
    org: Organisation | None
    after: frozenset[str]
    capital: bool


Entry = tuple[Kind, object]  # ("person", Person) / ("org", Organisation) / ("country", iso3) ...


@dataclass
class ActorDictionary:
    """All lookup tables.  ``lexicon`` is keyed by lowercase normalised phrase, ``exact`` by the phrase as
    written (short all-capital aliases); each value lists what the phrase may name, best first."""

    lexicon: dict[str, list[Entry]] = field(default_factory=dict)
    exact: dict[str, list[Entry]] = field(default_factory=dict)
    agents: dict[str, Agent] = field(default_factory=dict)
    words: dict[str, tuple[str, str]] = field(default_factory=dict)  # word -> (kind, value)
    shorts: dict[str, ShortRef] = field(default_factory=dict)  # lowercase word -> short reference
    organisations: dict[str, Organisation] = field(default_factory=dict)  # lowercase canonical name -> org
    countries: dict[str, str] = field(default_factory=dict)  # iso3 -> name
    people: dict[str, Person] = field(default_factory=dict)
    titles: dict[tuple[str, str], list[Person]] = field(default_factory=dict)  # (iso3, title) -> people
    lowercase_ok: set[str] = field(default_factory=set)  # keys with an alias written lower-case ("al-Qaeda")
    max_words: int = 1
    first_words: set[str] = field(default_factory=set)  # lowercase first words of every key: a quick filter

    @classmethod
    def load(cls, extra: Sequence[Path] = ()) -> ActorDictionary:
        """Read the packaged data files, then each user file (its kind taken from its header columns)."""
        found: dict[str, list[Path]] = {name: [packaged("whimbrel.actors", f"{name}.tsv")] for name in FILES}
        for path in extra:
            found[_kind_of(Path(path))].append(Path(path))
        table = cls()
        for path in found["countries"]:
            table._read_countries(path)
        people: dict[str, list[tuple[str, Role, str, list[str]]]] = {}
        for path in found["people"]:
            _read_people(path, table.countries, people)
        table._add_people(people)
        for path in found["organisations"]:
            table._read_organisations(path)
        for path in found["agents"]:
            table._read_agents(path)
        for path in found["words"]:
            table._read_words(path)
        for entries in (*table.lexicon.values(), *table.exact.values()):
            entries.sort(key=lambda e: KIND_ORDER.index(e[0]))
        phrase_words = [
            w for w, (kind, _) in table.words.items() if kind != "country"
        ]  # read on the head only
        for key in (*table.lexicon, *table.exact, *table.agents, *phrase_words):
            table.first_words.add(key.lower().split(" ")[0])
        return table

    def add(self, alias: str, entry: Entry) -> None:
        """Register one written form of a person, organisation or country."""
        key = norm(alias)
        if not key:
            return
        if key[0].islower():
            self.lowercase_ok.add(key.lower())
        target, key = (self.exact, key) if case_sensitive(key) else (self.lexicon, key.lower())
        entries = target.setdefault(key, [])
        if entry not in entries:
            entries.append(entry)
        self.max_words = max(self.max_words, key.count(" ") + 1)

    def _read_countries(self, path: Path) -> None:
        required, optional = COLUMNS["countries"]
        for line, row in read_tsv(path, required, optional):
            iso3 = row["iso3"]
            if not _ISO3.match(iso3):
                raise DataFileError(path, line, f"iso3 {iso3!r} is not three capital letters")
            self.countries[iso3] = row["name"]
            for alias in (row["name"], *_split(row["aliases"])):
                self.add(alias, ("country", iso3))
            for alias in _split(row["seats"]):
                self.add(alias, ("seat", iso3))
            for alias in _split(row["adjectives"]):
                self.add(alias, ("adjective", iso3))

    def _add_people(self, people: dict[str, list[tuple[str, Role, str, list[str]]]]) -> None:
        for name, rows in people.items():
            genders = {g for _, _, g, _ in rows if g}
            person = Person(name, genders.pop() if len(genders) == 1 else "", tuple(r for _, r, _, _ in rows))
            self.people[name] = person
            for alias in {name, *(a for _, _, _, aliases in rows for a in aliases)}:
                self.add(alias, ("person", person))
            for role in person.roles:
                if role.country and role.title:
                    self.titles.setdefault((role.country, role.title.lower()), []).append(person)

    def _read_organisations(self, path: Path) -> None:
        required, optional = COLUMNS["organisations"]
        for line, row in read_tsv(path, required, optional):
            country = _country(path, line, row["country"], self.countries)
            members = tuple(_country(path, line, m, self.countries) or "" for m in _split(row["members"]))
            org = Organisation(row["name"], country, _sector(path, line, row["sector"]), members)
            self.organisations[row["name"].lower()] = org
            for alias in (row["name"], *_split(row["aliases"])):
                self.add(alias, ("org", org))

    def _read_agents(self, path: Path) -> None:
        required, optional = COLUMNS["agents"]
        for line, row in read_tsv(path, required, optional):
            word = norm(row["word"]).lower()
            flags = [_flag(path, line, row[c]) for c in ("person", "generic", "alone")]
            alone = row["alone"].lower() != "no"  # empty = yes
            sector = _sector(path, line, row["sector"])
            means = norm(row["means"]).lower() or word  # "gov." is the title "governor"
            self.agents[word] = Agent(means, sector, flags[0], flags[1], alone)
            self.max_words = max(self.max_words, word.count(" ") + 1)

    def _read_words(self, path: Path) -> None:
        required, optional = COLUMNS["words"]
        for line, row in read_tsv(path, required, optional):
            if row["kind"] not in WORD_KINDS:
                raise DataFileError(path, line, f"kind {row['kind']!r} is not one of {', '.join(WORD_KINDS)}")
            if row["kind"] == "short":
                self.shorts[row["word"].lower()] = self._short(path, line, row)
            else:
                # normalised like every phrase key: "president-elect" is looked up as "president elect"
                self.words[norm(row["word"]).lower()] = (row["kind"], row["value"].lower())

    def _short(self, path: Path, line: int, row: dict[str, str]) -> ShortRef:
        """A ``short`` row: value and each ``after`` item must be an iso3 code or an organisation name."""
        for item in (row["value"], *_split(row["after"])):
            if item not in self.countries and item.lower() not in self.organisations:
                raise DataFileError(path, line, f"{item!r} is neither an iso3 code nor an organisation name")
        value = row["value"]
        org = self.organisations.get(value.lower()) if value not in self.countries else None
        # Organisations are remembered by canonical name, so "after" items are stored that way.
        items = _split(row["after"]) or [value]
        after = frozenset(i if i in self.countries else self.organisations[i.lower()].name for i in items)
        word = row["word"]
        return ShortRef(word.lower(), None if org else value, org, after, word[:1].isupper())


PeopleRows = dict[str, list[tuple[str, Role, str, list[str]]]]


def _read_people(path: Path, countries: dict[str, str], out: PeopleRows) -> None:
    required, optional = COLUMNS["people"]
    for line, row in read_tsv(path, required, optional):
        start, end = _date(path, line, row["start"]), _date(path, line, row["end"])
        if start and end and end <= start:
            raise DataFileError(path, line, f"end {end} is not after start {start}")
        gender = row["gender"].lower()
        if gender not in ("", "m", "f"):
            raise DataFileError(path, line, f"gender {row['gender']!r} is not m, f or empty")
        country = _country(path, line, row["country"], countries)
        role = Role(country, _sector(path, line, row["sector"]), start, end, row["role"].lower())
        out.setdefault(row["name"], []).append((row["name"], role, gender, _split(row["aliases"])))


def _kind_of(path: Path) -> str:
    """Which dictionary a user file extends, from its header line."""
    header = _header(path)
    for name in FILES:
        # people and organisations share name+sector: a people file has role or date columns
        person_columns = "start" in header or "role" in header
        if all(c in header for c in COLUMNS[name][0]) and (name != "people" or person_columns):
            return name
    raise DataFileError(path, 1, "header matches no actor dictionary (see docs/actors.md for the columns)")


def _header(path: Path) -> list[str]:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise DataFileError(path, 0, f"cannot read: {exc}") from exc
    for raw in text.splitlines():
        if raw.strip() and not raw.lstrip().startswith("#"):
            return [c.strip() for c in raw.split("\t")]
    return []


def _split(value: str) -> list[str]:
    return [part.strip() for part in value.split("|") if part.strip()]


def _sector(path: Path, line: int, value: str) -> str:
    if value not in SECTORS:
        raise DataFileError(path, line, f"sector {value!r} is not one of {', '.join(SECTORS)}")
    return value


def _country(path: Path, line: int, value: str, countries: dict[str, str]) -> str | None:
    if value and value not in countries:
        raise DataFileError(path, line, f"country {value!r} is not an iso3 code in countries.tsv")
    return value or None


def _date(path: Path, line: int, value: str) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError as exc:
        raise DataFileError(path, line, f"{value!r} is not an ISO date (YYYY-MM-DD)") from exc


def _flag(path: Path, line: int, value: str) -> bool:
    if value.lower() not in ("", "yes", "no"):
        raise DataFileError(path, line, f"flag {value!r} is not yes, no or empty")
    return value.lower() == "yes"
