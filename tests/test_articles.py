"""Whole articles the team wrote in wire style, coded end to end: the events each rule of the seventh
and eighth sessions was made for, and the wrong dyads they removed, in the context of a full article
(datelines, coreference across paragraphs, the article's dominant country)."""

from __future__ import annotations

from pathlib import Path

import pytest

import whimbrel

ARTICLES = Path(__file__).resolve().parent / "articles"
Dyad = tuple[str | None, str, str | None]  # (source country, PLOVER type, target country)

# article -> dyads that must be coded, dyads that must not
CASES: list[tuple[str, list[Dyad], list[Dyad]]] = [
    ("dam-talks", [("ETH", "ACCUSE", "EGY"), ("ETH", "REJECT", "SDN"), ("USA", "SANCTION", "ETH")], []),
    ("tbilisi-protests", [("GEO", "COERCE", "GEO"), ("RUS", "ACCUSE", None)], [(None, "ACCUSE", None)]),
    ("chaman-shelling", [("PAK", "ACCUSE", "AFG"), ("AFG", "REJECT", "PAK"), (None, "ASSAULT", "PAK")],
     [("PAK", "PROTEST", "AFG")]),
    # ("both sides agreed to launch new talks": the article's two sides, China and the United States)
    ("blinken-beijing", [("USA", "THREATEN", "CHN"), ("USA", "CONSULT", "CHN"), ("CHN", "REJECT", "USA"),
                         ("CHN", "AGREE", "USA")], [("USA", "THREATEN", "USA")]),
    ("venezuela-asylum", [("USA", "REJECT", "VEN"), ("VEN", "ACCUSE", "VEN")],
     [("VEN", "ACCUSE", "ESP")]),
    ("hezbollah-fire", [("ISR", "ASSAULT", "LBN"), ("LBN", "ASSAULT", "ISR"), ("IRN", "CONSULT", "LBN")],
     [("LBN", "ASSAULT", "PSE")]),
    ("eu-iran-sanctions", [("IRN", "ACCUSE", "DEU"), ("HUN", "CONSULT", "DEU"), ("HUN", "CONSULT", "FRA")],
     [("IRN", "REJECT", "RUS"), ("DEU", "CONSULT", "FRA")]),
    ("sudan-talks", [("SDN", "ASSAULT", "SDN"), ("USA", "CONSULT", "SDN"), ("USA", "REQUEST", "SDN")], []),
    ("modi-visit", [("IND", "CONSULT", "USA"), ("USA", "REQUEST", "IND")], [("IND", "CONSULT", None)]),
    ("korea-launch", [("USA", "COOPERATE", "KOR"), ("KOR", "REQUEST", "PRK")], [("KOR", "MOBILIZE", "USA")]),
    ("armenia-azerbaijan", [("AZE", "CONCEDE", "ARM"), ("ARM", "CONCEDE", "AZE"), ("ARM", "ACCUSE", "AZE")],
     [("AZE", "CONCEDE", "AZE")]),
    # a coast guard ship acts for its country; "injuring three" is the nearest clause's deed
    ("shoal-water-cannon", [("CHN", "ASSAULT", "PHL"), ("PHL", "ACCUSE", "CHN"), ("USA", "ACCUSE", "CHN")],
     [("PHL", "ASSAULT", "CHN")]),
    # France does not act on its own junta
    ("niger-junta", [("FRA", "REJECT", "NER"), ("NER", "ACCUSE", "FRA")], [("FRA", "REJECT", "FRA")]),
    # the speaker's "urged" after a modal clause; the denial answers the accusers
    ("kyiv-missiles", [("RUS", "ASSAULT", "UKR"), ("UKR", "REQUEST", None), ("RUS", "REJECT", "UKR")], []),
    # (eighth session) "a cowardly act" condemns; an ordered departure of diplomats is an expulsion, not a
    # request; "both governments" are the two sides; praise of "the Honduran decision"
    ("honduras-expulsion", [("HND", "SANCTION", "VEN"), ("VEN", "ACCUSE", "HND"), ("VEN", "SANCTION", "HND"),
                            ("COL", "REQUEST", "VEN"), ("BRA", "REQUEST", "HND"), ("ARG", "SUPPORT", "HND")],
     [("VEN", "REQUEST", "HND")]),
]  # fmt: skip


@pytest.mark.parametrize(("name", "present", "absent"), CASES, ids=[c[0] for c in CASES])
def test_article(name: str, present: list[Dyad], absent: list[Dyad]) -> None:
    events = whimbrel.code_file(ARTICLES / f"{name}.md")
    got = {(e.source.country, e.code.plover, e.target.country if e.target else None) for e in events}
    assert not [d for d in present if d not in got], sorted(got, key=str)
    assert not [d for d in absent if d in got], sorted(got, key=str)


def test_having_a_treaty_is_no_event() -> None:
    # "The United States, which has a mutual defence treaty with the Philippines, condemned …"
    events = whimbrel.code_file(ARTICLES / "shoal-water-cannon.md")
    assert not [e for e in events if e.trigger == "treaty"], [(e.code.cameo, e.trigger) for e in events]


@pytest.mark.xfail(strict=True, reason="known shortcoming: unnamed people take the most-mentioned country")
def test_unnamed_people_a_foreign_state_sanctions() -> None:
    # "Washington last month imposed sanctions on 16 officials it accused of obstructing the vote": the
    # officials are Venezuelan, but with Spain's foreign minister now a known person the article names Spain
    # more often than Venezuela, and "16 officials" take the article's most-mentioned country
    events = whimbrel.code_file(ARTICLES / "venezuela-asylum.md")
    got = {(e.source.country, e.code.plover, e.target.country if e.target else None) for e in events}
    assert ("USA", "COERCE", "VEN") in got and ("USA", "COERCE", "ESP") not in got
