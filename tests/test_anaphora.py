"""Acts referred back to (whimbrel.events.anaphora): "condemned the attack" aims at whoever made it."""

from __future__ import annotations

import pytest

import whimbrel
from whimbrel.config import Config

PUB = "2020-03-10"

# article -> (source country, PLOVER type, target text) that must be among the events
REFERRED = [
    ("Syrian rebels shelled a Turkish border town on Monday. Ankara condemned the attack.",
     ("TUR", "ACCUSE", "Syrian rebels")),
    ("Iran expelled two British diplomats on Tuesday. Germany criticised the move.",
     ("DEU", "ACCUSE", "Iran")),
    # an unnamed attacker is still the one the condemnation is aimed at
    ("Masked gunmen attacked a police station in Kano on Friday, killing six officers. "
     "The Nigerian president condemned Friday's attack.", ("NGA", "ACCUSE", "Masked gunmen")),
    ("Police arrested dozens of opposition activists in Minsk on Sunday. The European Union condemned the "
     "crackdown.", (None, "ACCUSE", "Police")),
    ("Rebels kidnapped two Italian engineers in Niger last week. Rome denounced the abduction.",
     ("ITA", "ACCUSE", "Rebels")),
    # diplomatic recognition and a signed deal are deeds a decision or move may refer to
    ("Morocco recognised Israel on Thursday. Algeria regrets the decision.", ("DZA", "ACCUSE", "Morocco")),
    # "the proposal" answers the latest demand or offer by someone else
    ("Sudan asked the United States to join the talks as a mediator. Ethiopia rejected the proposal.",
     ("ETH", "REJECT", "Sudan")),
    # the attack of the trigger's own day, not the latest one told
    ("Gunmen stormed a hotel in Bamako on Friday. Malian troops have fought jihadists in the north for "
     "years. On Friday, the French president condemned the attack.", ("FRA", "ACCUSE", "Gunmen")),
    # "their arrest", "his detention": what was done to them, by whoever did it before (also as a passive
    # subject, and as the object of a feeling)
    ("Malian security agents detained three reporters on Monday. Their arrest was condemned by Amnesty "
     "International.", (None, "ACCUSE", "Malian security agents")),
    ("Malian security agents detained three reporters on Monday. The United States said it was concerned "
     "by their detention.", ("USA", "ACCUSE", "Malian security agents")),
    ("Iranian police arrested a French tourist on Sunday. Paris condemned the tourist's arrest.",
     ("FRA", "ACCUSE", "Iranian police")),
    # hostile words referred back to: whoever said them
    ("Modi accused Pakistan of sheltering militants on Tuesday. Islamabad rejected the remarks.",
     ("PAK", "REJECT", "Modi")),
    ("China threatened Taiwan with sanctions. Taipei dismissed the threats.", ("TWN", "REJECT", "China")),
    # a feeling about an act told before is about whoever did it ("it was pleased": no expletive it)
    ("The United States lifted visa restrictions on Ugandan students on Tuesday. Uganda said it was pleased "
     "by the decision.", ("UGA", "SUPPORT", "The United States")),
    ("Japan released two Chinese fishermen on Monday. Chinese President Xi Jinping said he was grateful for "
     "the move.", ("CHN", "SUPPORT", "Japan")),
    # the subject of an evaluation said of it (thirteenth session)
    ("A Bosnian court sentenced the regional leader to a year in prison on Wednesday. The Kremlin said the "
     "verdict was politically motivated.", ("RUS", "ACCUSE", "A Bosnian court")),
]  # fmt: skip


@pytest.mark.parametrize(("text", "expected"), REFERRED, ids=[c[0][:40] for c in REFERRED])
def test_a_definite_act_noun_names_its_doer(text: str, expected: tuple[str | None, str, str]) -> None:
    events = whimbrel.code(text, published=PUB, fmt="text")
    got = [(e.source.country, e.code.plover, e.target and e.target.text) for e in events]
    assert expected in got, got


# article -> (source country, target country) that must not be a dyad of the events
NOT_REFERRED = [
    # who undergoes an act is no party to a stance on it
    ("Iranian police arrested a French tourist on Sunday. Paris condemned the tourist's arrest.",
     ("FRA", "FRA")),
    # "the move" is a deed, never another party's words about it
    ("China condemned the move. Russia also criticised the move.", ("RUS", "CHN")),
    # an indefinite act noun refers to nothing told before
    ("Hezbollah fighters attacked an Israeli patrol. The Lebanese president warned against any attack.",
     ("LBN", "LBN")),
    # a fronted phrase of place is the setting, never the target
    ("In Geneva, the Iranian foreign minister criticised the decision.", ("IRN", "CHE")),
    ("In Washington, the Pakistani ambassador condemned the attack.", ("PAK", "USA")),
]  # fmt: skip


@pytest.mark.parametrize(("text", "dyad"), NOT_REFERRED, ids=[c[0][:40] for c in NOT_REFERRED])
def test_no_act_referred_to(text: str, dyad: tuple[str, str]) -> None:
    events = whimbrel.code(text, published=PUB, fmt="text", config=Config(targetless=True))
    got = [(e.source.country, e.target and e.target.country) for e in events]
    assert dyad not in got, got


def test_a_second_subject_is_no_target() -> None:
    # a title and a name parsed as two subjects of the trigger: the name is the speaker, never the target
    text = "The European Union's foreign policy chief Josep Borrell condemned the violence."
    events = whimbrel.code(text, published=PUB, fmt="text", config=Config(targetless=True))
    assert events and all(e.target is None or e.target.text != "Josep Borrell" for e in events), events


def test_the_teller_described_beside_the_subject_is_no_target() -> None:
    text = "RSF leader Mohamed Hamdan Dagalo, known as Hemedti, said his forces were ready to cooperate."
    events = whimbrel.code(text, published=PUB, fmt="text", config=Config(targetless=True))
    assert all(e.target is None or "Hemedti" not in e.target.text for e in events), events


def test_nothing_in_a_fronted_phrase_of_setting_is_a_target() -> None:
    text = "In his address to the United Nations, Obama hailed signs of hope."
    events = whimbrel.code(text, published=PUB, fmt="text", config=Config(targetless=True))
    assert all(e.target is None or "United Nations" not in e.target.text for e in events), events
