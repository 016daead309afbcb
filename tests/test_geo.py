"""Gazetteer lookups and event locations on hand-written, parsed news sentences."""

from __future__ import annotations

import pickle
from pathlib import Path

import pytest
from spacy.language import Language

from whimbrel.errors import DataFileError
from whimbrel.geo import Gazetteer, normalize_name
from whimbrel.records import Location


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return Gazetteer.load()


@pytest.mark.parametrize(
    ("name", "country"),
    [
        ("Moscow", "RUS"),
        ("Hangzhou", "CHN"),
        ("Paris", "FRA"),
        ("Washington", "USA"),
        ("Kiev", "UKR"),
        ("Bombay", "IND"),
        ("Khan Younis", "PSE"),
        ("Gaza City", "PSE"),
        ("Aleppo province", "SYR"),
        ("Donetsk region", "UKR"),
        ("Crimea", "UKR"),
        ("the Gaza Strip", "PSE"),
        ("West Bank", "PSE"),
        ("Darfur", "SDN"),
        ("Kashmir", "IND"),
        ("Ukraine", "UKR"),
        ("the United States", "USA"),
        ("U.S.", "USA"),
        ("Britain", "GBR"),
        ("Georgia", "GEO"),
        ("Ivory Coast", "CIV"),
        ("Sahel", None),
    ],
)
def test_lookup(gazetteer: Gazetteer, name: str, country: str | None) -> None:
    location = gazetteer.lookup(name)
    assert location is not None
    assert location.name == name
    assert location.country == country
    assert location.lat is not None and location.lon is not None


def test_coordinates(gazetteer: Gazetteer) -> None:
    moscow = gazetteer.lookup("Moscow")
    assert moscow is not None and moscow.lat is not None and moscow.lon is not None
    assert abs(moscow.lat - 55.75) < 0.1 and abs(moscow.lon - 37.6) < 0.1
    paris = gazetteer.lookup("Paris")
    assert paris is not None and paris.lat is not None and abs(paris.lat - 48.86) < 0.1  # not Paris, Texas
    # a country sits at its capital
    assert gazetteer.lookup("Russia") == Location("Russia", "RUS", moscow.lat, moscow.lon)


def test_unknown_names(gazetteer: Gazetteer) -> None:
    assert gazetteer.lookup("Blorptown") is None
    assert gazetteer.lookup("") is None


@pytest.mark.parametrize(
    ("raw", "key"),
    [
        ("The Gaza Strip", "gaza strip"),
        ("U.S.", "us"),
        ("Khān Yūnis", "khan yunis"),
        ("Ukraine's", "ukraine"),
    ],
)
def test_normalize_name(raw: str, key: str) -> None:
    assert normalize_name(raw) == key


# (sentence, trigger word, allow_destination, expected place name or None, expected country)
LOCATE_CASES = [
    ("Xi and Biden met in Hangzhou on Sunday.", "met", False, "Hangzhou", "CHN"),
    ("Clashes near Aleppo killed at least 12 fighters, a monitor said.", "Clashes", False, "Aleppo", "SYR"),
    ("The two sides held talks in Geneva on Monday.", "talks", False, "Geneva", "CHE"),
    ("Police arrested 40 protesters outside the parliament in Tbilisi.", "arrested", False, "Tbilisi", "GEO"),
    ("Fighting raged in the northern city of Kharkiv.", "Fighting", False, "Kharkiv", "UKR"),
    ("Protesters rallied in Aleppo province on Friday.", "rallied", False, "Aleppo province", "SYR"),
    ("Gunmen attacked a police station in the Gaza Strip.", "attacked", False, "Gaza Strip", "PSE"),
    ("Israeli aircraft carried out strikes on Rafah overnight.", "strikes", False, "Rafah", "PSE"),
    ("Tehran signed the agreement at the White House.", "signed", False, "White House", "USA"),
    ("Troops opened fire on demonstrators in Khartoum on Thursday.", "opened", False, "Khartoum", "SDN"),
    ("Iran seized an oil tanker in the Strait of Hormuz.", "seized", False, "Strait of Hormuz", None),
    ("The ambassador met with officials in Smallvillex.", "met", False, "Smallvillex", None),
    ("Modi will travel to Washington next week.", "travel", True, "Washington", "USA"),
    ("Blinken visited Kyiv on Wednesday.", "visited", True, "Kyiv", "UKR"),
    # negatives: an actor is not a location
    ("Russia said it would respond to the expulsions.", "said", False, None, None),
    ("Washington imposed sanctions on Russia over the war.", "imposed", False, None, None),
    ("Officials in Kyiv accused Moscow of lying.", "accused", False, None, None),
    ("Merkel met Macron on Friday.", "met", False, None, None),
    # a destination only counts for travel words
    ("Modi will travel to Washington next week.", "travel", False, None, None),
    ("The minister, speaking in Paris, condemned the attack.", "condemned", False, None, None),
]


@pytest.mark.parametrize(("sentence", "trigger", "destination", "name", "country"), LOCATE_CASES)
def test_locate(
    nlp: Language,
    gazetteer: Gazetteer,
    sentence: str,
    trigger: str,
    destination: bool,
    name: str | None,
    country: str | None,
) -> None:
    doc = nlp(sentence)
    token = next(t for t in doc if t.text == trigger)
    location = gazetteer.locate(token, allow_destination=destination)
    if name is None:
        assert location is None
    else:
        assert location is not None
        assert (location.name, location.country) == (name, country)


def test_user_places_file(tmp_path: Path) -> None:
    user = tmp_path / "places.tsv"
    user.write_text("name\taliases\tcountry\tlat\tlon\nZone Nine\tZ9|Sector Nine\tKEN\t1.5\t37.0\n")
    custom = Gazetteer.load(extra=[user])
    assert custom.lookup("Sector Nine") == Location("Sector Nine", "KEN", 1.5, 37.0)
    assert Gazetteer.load().lookup("Zone Nine") is None


@pytest.mark.parametrize(
    ("row", "message"),
    [
        ("Zone\t\tKenya\t1.0\t2.0", "ISO3"),
        ("Zone\t\tKEN\tnorth\t2.0", "bad coordinates"),
        ("Zone\t\tKEN\t95.0\t2.0", "out of range"),
    ],
)
def test_places_validation(tmp_path: Path, row: str, message: str) -> None:
    user = tmp_path / "places.tsv"
    user.write_text("name\taliases\tcountry\tlat\tlon\nOk Place\t\tKEN\t1.0\t2.0\n" + row + "\n")
    with pytest.raises(DataFileError) as info:
        Gazetteer.build(15000, [user])
    assert info.value.line == 3
    assert message in info.value.message


def test_min_population(gazetteer: Gazetteer) -> None:
    small = Gazetteer.load(min_population=5000)
    assert len(small) > len(gazetteer)
    assert gazetteer.lookup("Vuhledar") is None  # about 14,000 people
    vuhledar = small.lookup("Vuhledar")
    assert vuhledar is not None and vuhledar.country == "UKR"


def test_cached_and_pickles_by_reference(gazetteer: Gazetteer) -> None:
    assert Gazetteer.load() is gazetteer
    data = pickle.dumps(gazetteer)
    assert len(data) < 1000
    assert pickle.loads(data).lookup("Moscow") == gazetteer.lookup("Moscow")
