"""Leaders in office 2023-2025 that people.tsv gained: heads of state and government, foreign and defence
ministers and heads of international organisations, resolved by date on sentences parsed by the real spaCy
model (the approach of the DATED table in test_actors.py, with its helpers and fixture)."""

from __future__ import annotations

from datetime import date

import pytest
import test_actors
from spacy.language import Language
from test_actors import _parse, _token

from whimbrel.actors import ActorResolver

resolver = test_actors.resolver  # test_actors' module-scoped fixture, asked for by name


CURRENT = [
    # EU member states
    (
        "Defence Minister Guido Crosetto met the ambassador.",
        "Crosetto",
        date(2024, 3, 1),
        ("Guido Crosetto", "ITA", "GOV"),
    ),
    ("President Rumen Radev met the ambassador.", "Radev", date(2024, 3, 1), ("Rumen Radev", "BGR", "GOV")),
    (
        "Prime Minister Andrej Plenković met the ambassador.",
        "Plenković",
        date(2024, 3, 1),
        ("Andrej Plenković", "HRV", "GOV"),
    ),
    # the ASCII spelling of an accented name
    ("Plenkovic criticised the decision.", "Plenkovic", date(2024, 3, 1), ("Andrej Plenković", "HRV", "GOV")),
    (
        "President Nikos Christodoulides met the ambassador.",
        "Christodoulides",
        date(2024, 3, 1),
        ("Nikos Christodoulides", "CYP", "GOV"),
    ),
    (
        "Foreign Minister Margus Tsahkna met the ambassador.",
        "Tsahkna",
        date(2024, 3, 1),
        ("Margus Tsahkna", "EST", "GOV"),
    ),
    (
        "Prime Minister Evika Silina met the ambassador.",
        "Silina",
        date(2024, 9, 1),
        ("Evika Siliņa", "LVA", "GOV"),
    ),
    (
        "President Gitanas Nauseda met the ambassador.",
        "Nauseda",
        date(2024, 3, 1),
        ("Gitanas Nausėda", "LTU", "GOV"),
    ),
    (
        "Prime Minister Luc Frieden met the ambassador.",
        "Frieden",
        date(2024, 3, 1),
        ("Luc Frieden", "LUX", "GOV"),
    ),
    (
        "Prime Minister Robert Abela met the ambassador.",
        "Abela",
        date(2024, 3, 1),
        ("Robert Abela", "MLT", "GOV"),
    ),
    (
        "Defence Minister Margarita Robles met the ambassador.",
        "Robles",
        date(2024, 3, 1),
        ("Margarita Robles", "ESP", "GOV"),
    ),
    (
        "Defence Minister Pål Jonson met the ambassador.",
        "Jonson",
        date(2024, 3, 1),
        ("Pål Jonson", "SWE", "GOV"),
    ),
    (
        "Kosiniak-Kamysz met the ambassador.",
        "Kamysz",
        date(2024, 3, 1),
        ("Władysław Kosiniak-Kamysz", "POL", "GOV"),
    ),
    (
        "President Natasa Pirc Musar met the ambassador.",
        "Musar",
        date(2024, 9, 1),
        ("Nataša Pirc Musar", "SVN", "GOV"),
    ),
    # G20 and neighbours
    (
        "Defence Minister Yasar Guler met the ambassador.",
        "Guler",
        date(2024, 3, 1),
        ("Yaşar Güler", "TUR", "GOV"),
    ),
    (
        "Defence Minister Richard Marles met the ambassador.",
        "Marles",
        date(2024, 8, 1),
        ("Richard Marles", "AUS", "GOV"),
    ),
    (
        "Saudi Defence Minister Khalid bin Salman met the envoy.",
        "Salman",
        date(2024, 3, 1),
        ("Khalid bin Salman", "SAU", "GOV"),
    ),
    ("Sjafrie inspected the troops.", "Sjafrie", date(2025, 3, 1), ("Sjafrie Sjamsoeddin", "IDN", "GOV")),
    # a Korean name written with a hyphen is headed by its last part
    (
        "Defence Minister Shin Won-sik met the ambassador.",
        "sik",
        date(2024, 3, 1),
        ("Shin Won-sik", "KOR", "GOV"),
    ),
    (
        "Premier Pak Thae Song visited the factory.",
        "Song",
        date(2025, 3, 1),
        ("Pak Thae-song", "PRK", "GOV"),
    ),
    # Europe beyond the EU, Asia, Africa, the Americas
    ("Kurti accused Belgrade of provocations.", "Kurti", date(2024, 3, 1), ("Albin Kurti", "XKX", "GOV")),
    (
        "Defence Minister Suren Papikyan met the ambassador.",
        "Papikyan",
        date(2024, 9, 1),
        ("Suren Papikyan", "ARM", "GOV"),
    ),
    (
        "Foreign Minister Murat Nurtleu met the ambassador.",
        "Nurtleu",
        date(2024, 3, 1),
        ("Murat Nurtleu", "KAZ", "GOV"),
    ),
    (
        "King Norodom Sihamoni met the ambassador.",
        "Sihamoni",
        date(2024, 3, 1),
        ("King Norodom Sihamoni", "KHM", "GOV"),
    ),
    (
        "Defence Minister Michel Menassa met the ambassador.",
        "Menassa",
        date(2025, 9, 1),
        ("Michel Menassa", "LBN", "GOV"),
    ),
    (
        "Foreign Minister Najla Mangoush met Eli Cohen.",
        "Mangoush",
        date(2023, 8, 1),
        ("Najla Mangoush", "LBY", "GOV"),
    ),
    (
        "Foreign Minister Najla Mangoush met Eli Cohen.",
        "Cohen",
        date(2023, 8, 1),
        ("Eli Cohen", "ISR", "GOV"),
    ),
    (
        "Samuel Okudzeto Ablakwa met the ambassador.",
        "Ablakwa",
        date(2025, 3, 1),
        ("Samuel Okudzeto Ablakwa", "GHA", "GOV"),
    ),
    ("Mudavadi met the Somali envoy.", "Mudavadi", date(2024, 3, 1), ("Musalia Mudavadi", "KEN", "GOV")),
    (
        "Prime Minister Ariel Henry met the ambassador.",
        "Henry",
        date(2023, 6, 1),
        ("Ariel Henry", "HTI", "GOV"),
    ),
    (
        "Padrino warned the opposition.",
        "Padrino",
        date(2024, 8, 1),
        ("Vladimir Padrino López", "VEN", "GOV"),
    ),
    (
        "Prime Minister Gustavo Adrianzen met the ambassador.",
        "Adrianzen",
        date(2024, 9, 1),
        ("Gustavo Adrianzén", "PER", "GOV"),
    ),
    # heads of international organisations
    ("Metsola addressed the parliament.", "Metsola", date(2024, 8, 1), ("Roberta Metsola", None, "IGO")),
    (
        "ICC prosecutor Karim Khan sought warrants.",
        "Khan",
        date(2024, 8, 1),
        ("Karim Khan", None, "IGO"),
    ),
    ("Ajay Banga met the minister.", "Banga", date(2024, 8, 1), ("Ajay Banga", None, "IGO")),
]

ROLES_BY_DATE = [
    # an earlier and a later role of one person
    (
        "Mariya Gabriel met the ambassador.",
        "Gabriel",
        date(2020, 9, 1),
        ("Mariya Gabriel", None, "IGO"),
    ),
    (
        "Mariya Gabriel met the ambassador.",
        "Gabriel",
        date(2023, 9, 1),
        ("Mariya Gabriel", "BGR", "GOV"),
    ),
    (
        "Shirley Ayorkor Botchwey met the ambassador.",
        "Botchwey",
        date(2024, 3, 1),
        ("Shirley Ayorkor Botchwey", "GHA", "GOV"),
    ),
    (
        "Shirley Ayorkor Botchwey met the ambassador.",
        "Botchwey",
        date(2025, 6, 1),
        ("Shirley Ayorkor Botchwey", None, "IGO"),
    ),
    ("Dodik threatened secession.", "Dodik", date(2024, 3, 1), ("Milorad Dodik", "BIH", "GOV")),
    ("Dodik threatened secession.", "Dodik", date(2025, 10, 1), ("Milorad Dodik", "BIH", "PTY")),
    # between two roles, and after the last one: the nearest role's country, sector ELI
    ("Sarec met the ambassador.", "Sarec", date(2019, 9, 1), ("Marjan Šarec", "SVN", "GOV")),
    ("Sarec met the ambassador.", "Sarec", date(2021, 1, 1), ("Marjan Šarec", "SVN", "ELI")),
    ("Sarec met the ambassador.", "Sarec", date(2023, 9, 1), ("Marjan Šarec", "SVN", "GOV")),
    ("Karins met the ambassador.", "Karins", date(2024, 1, 10), ("Krišjānis Kariņš", "LVA", "GOV")),
    ("Karins met the ambassador.", "Karins", date(2024, 6, 1), ("Krišjānis Kariņš", "LVA", "ELI")),
    ("Mokhber met the Russian envoy.", "Mokhber", date(2024, 6, 1), ("Mohammad Mokhber", "IRN", "GOV")),
    ("Mokhber met the ambassador.", "Mokhber", date(2025, 1, 1), ("Mohammad Mokhber", "IRN", "ELI")),
    ("Crosetto met the ambassador.", "Crosetto", date(2021, 1, 1), ("Guido Crosetto", "ITA", "ELI")),
    # a role title held by one person at a time: the office holder on the date
    (
        "The Lithuanian defence minister met the ambassador.",
        "minister",
        date(2022, 6, 1),
        ("Arvydas Anušauskas", "LTU", "GOV"),
    ),
    (
        "The Lithuanian defence minister met the ambassador.",
        "minister",
        date(2024, 6, 1),
        ("Laurynas Kasčiūnas", "LTU", "GOV"),
    ),
    (
        "The Lithuanian defence minister met the ambassador.",
        "minister",
        date(2025, 3, 1),
        ("Dovilė Šakalienė", "LTU", "GOV"),
    ),
]


# (sixteenth session) heads of state and government of countries the file lacked
HEADS = [
    ("President Luis Abinader met the ambassador.", "Abinader", date(2024, 10, 1),
     ("Luis Abinader", "DOM", "GOV")),
    ("Bukele criticised the decision.", "Bukele", date(2025, 3, 1), ("Nayib Bukele", "SLV", "GOV")),
    ("Arevalo met the ambassador.", "Arevalo", date(2024, 3, 1), ("Bernardo Arévalo", "GTM", "GOV")),
    ("Muizzu met the ambassador.", "Muizzu", date(2024, 3, 1), ("Mohamed Muizzu", "MDV", "GOV")),
    ("Doumbouya met the ambassador.", "Doumbouya", date(2025, 9, 1), ("Mamady Doumbouya", "GIN", "GOV")),
    ("King Mswati III met the ambassador.", "Mswati", date(2025, 7, 1), ("Mswati III", "SWZ", "GOV")),
    # dated roles: the president deposed is a former official afterwards; the commander became president
    ("Embalo met the ambassador.", "Embalo", date(2025, 1, 1), ("Umaro Sissoco Embaló", "GNB", "GOV")),
    ("Embalo met the ambassador.", "Embalo", date(2025, 12, 1), ("Umaro Sissoco Embaló", "GNB", "ELI")),
    ("Randrianirina met the ambassador.", "Randrianirina", date(2025, 10, 13),
     ("Michael Randrianirina", "MDG", "MIL")),
    ("Randrianirina met the ambassador.", "Randrianirina", date(2025, 11, 1),
     ("Michael Randrianirina", "MDG", "GOV")),
]  # fmt: skip


@pytest.mark.parametrize(("text", "head", "when", "expected"), CURRENT + ROLES_BY_DATE + HEADS)
def test_current_leaders(
    nlp: Language, resolver: ActorResolver, text: str, head: str, when: date, expected
) -> None:
    doc, article = _parse(nlp, resolver, text, when)
    [actor] = article.resolve(_token(doc, head), when)
    assert (actor.name, actor.country, actor.sector) == expected
