"""Declared acts (whimbrel.events.declared): "X said it would not cooperate" is also X rejecting; "X plans to
strike Y" is also X threatening Y with force; "X said it would free Y" is also X's intent to yield."""

from __future__ import annotations

import pytest

import whimbrel
from whimbrel.config import Config

PUB = "2020-03-10"

# sentence -> (source country, CAMEO, target country, status) that must be among the events
REFUSALS = [
    ("The prime minister said India would not hold talks with Pakistan.", ("IND", "125", "PAK", "occurred")),
    ("Russia will never release the Ukrainian sailors, Putin said.", ("RUS", "124", "UKR", "occurred")),
    ("Tokyo won't extend the loan to Cairo, the finance minister said.", ("JPN", "122", "EGY", "occurred")),
    ("Obama said he would not provide support to Israel.", ("USA", "120", "ISR", "occurred")),
    # a stance withheld in any tense is refused
    ("Belgrade does not recognise Kosovo.", ("SRB", "120", "XKX", "occurred")),
    ("Israel did not recognise the Palestinian state.", ("ISR", "120", "PSE", "occurred")),
    # refused or declined to, or no plans to: a refusal in any tense (thirteenth session)
    ("The European Union refused to ease its sanctions on Belarus.", (None, "124", "BLR", "occurred")),
    ("Canada said it had no plans to lift its sanctions on Iran.", ("CAN", "124", "IRN", "occurred")),
    ("Iran declined to meet the American envoy.", ("IRN", "125", "USA", "occurred")),
]  # fmt: skip


NOT_REFUSALS = [
    "Germany did not send weapons to Ukraine.",  # a past act that did not happen: nothing was refused
    "Analysts said Turkey would not extend the loan to Egypt.",  # someone else's forecast
    "Israel will not attack Iran, the defence minister said.",  # no cooperation refused
    "If talks fail, Ukraine would not ask its partners for weapons.",
]


@pytest.mark.parametrize("text", NOT_REFUSALS)
def test_no_rejection(text: str) -> None:
    events = whimbrel.code(text, published=PUB, fmt="text")
    assert not [e for e in events if e.code.plover == "REJECT"], [(e.code.cameo, e.trigger) for e in events]


# sentence -> (source country, CAMEO, target country, status) that must be among the events
THREATS = [
    ("Israel plans to strike Hezbollah targets in Lebanon.", ("ISR", "138", "LBN", "occurred")),
    ("Iran will strike Israel if it attacks Iranian nuclear sites, a commander said.",
     ("IRN", "138", "ISR", "occurred")),
    # the planned attack itself stays
    ("Israel plans to strike Hezbollah targets in Lebanon.", ("ISR", "190", "LBN", "planned")),
    # a measure told as possible or conditional by its own side: sanctions, cut aid, coercion
    ("Washington said it could sanction Nicaraguan officials.", ("USA", "1312", "NIC", "occurred")),
    ("Britain may cut aid to Rwanda if the war goes on, London said.", ("GBR", "1311", "RWA", "occurred")),
    ("Ankara will expel the Dutch ambassador if the rally goes ahead.", ("TUR", "1313", "NLD", "occurred")),
    ("Ireland said it would arrest the Sudanese general if he visited.", ("IRL", "132", "SDN", "occurred")),
    # the possible sanction itself stays, hypothetical
    ("Washington said it could sanction Nicaraguan officials.", ("USA", "163", "NIC", "hypothetical")),
    # a response announced under a condition is a threat (thirteenth session)
    ("Ethiopia said its army would respond decisively if Eritrean forces crossed the border.",
     ("ETH", "130", "ERI", "occurred")),
]  # fmt: skip


# a planned cooperative deed is also an intent to do it (CAMEO 03x), made when it is told
INTENTS = [
    ("Israel announced it would free 150 Palestinian prisoners.", ("ISR", "035", "PSE", "occurred")),
    ("Japan will send aid to Turkey, the foreign minister said.", ("JPN", "033", "TUR", "occurred")),
    ("Turkey will supply gas to Azerbaijan.", ("TUR", "033", "AZE", "occurred")),
    # the planned deed itself stays
    ("Israel announced it would free 150 Palestinian prisoners.", ("ISR", "0841", "PSE", "planned")),
]  # fmt: skip


DECLARED = REFUSALS + THREATS + INTENTS


@pytest.mark.parametrize(("text", "expected"), DECLARED, ids=[f"{c[0][:40]}-{c[1][1]}" for c in DECLARED])
def test_a_declared_act_is_an_act(text: str, expected: tuple[str, str, str, str]) -> None:
    """A declared refusal is a rejection; a declared use of force is a threat."""
    events = whimbrel.code(text, published=PUB, fmt="text")
    got = [(e.source.country, e.code.cameo, e.target and e.target.country, e.status) for e in events]
    assert expected in got, got


@pytest.mark.parametrize(
    "text",
    [
        "Analysts said Russia would attack Kyiv.",  # someone else's forecast
        "Russia could attack Kyiv.",  # speculation, no condition
        "The EU could impose sanctions on Georgia.",  # speculation nobody is told saying
        "Analysts said the EU could impose sanctions on Georgia.",  # someone else's speculation
        "Russian forces attacked Kyiv on Monday.",  # the deed itself
        "Iran responded to the attack with a barrage of missiles.",  # a response made is no threat
        # (twenty-first session) a measure decided is taken; one others expect is a forecast
        "Bahrain decided on Monday to downgrade diplomatic relations with Qatar.",
        "The Arab League is expected to suspend Syria's membership.",
    ],
)
def test_no_threat(text: str) -> None:
    events = whimbrel.code(text, published=PUB, fmt="text")
    assert not [e for e in events if e.code.plover == "THREATEN"], [(e.code.cameo, e.status) for e in events]


def test_the_condition_of_a_threat_is_no_threat_of_its_doer() -> None:
    # "if Cambodian forces entered Thai territory": the act the threat is conditioned on (thirteenth session)
    text = "Thai troops would respond if Cambodian forces entered Thai territory, the army chief said."
    events = whimbrel.code(text, published=PUB, fmt="text")
    threats = [
        (e.source.country, e.target and e.target.country) for e in events if e.code.plover == "THREATEN"
    ]
    assert threats == [("THA", "KHM")], threats


@pytest.mark.parametrize(
    "text",
    [
        "Analysts said Japan would send aid to Turkey.",  # someone else's forecast
        "Japan sent aid to Turkey on Monday.",  # the deed itself
        "Japan could send aid to Turkey.",  # speculation
        "Putin will meet Erdogan in Sochi.",  # a planned meeting is the meeting, planned
    ],
)
def test_no_intent(text: str) -> None:
    events = whimbrel.code(text, published=PUB, fmt="text")
    assert not [e for e in events if e.code.cameo.startswith("03")], [
        (e.code.cameo, e.status) for e in events
    ]


def test_a_declared_act_is_dated_when_it_was_told() -> None:
    # 2020-03-10 is a Tuesday: the warning, and so the threat it makes, was Sunday; the strike is to come
    text = "Netanyahu warned on Sunday that Israel would strike Iran."
    events = whimbrel.code(text, published=PUB, fmt="text")
    dates = {(e.code.cameo, e.date.start.isoformat() if e.date.start else None) for e in events}
    assert ("138", "2020-03-08") in dates and ("130", "2020-03-08") in dates, dates


def test_the_act_refused_is_the_refusals_content() -> None:
    # (eighteenth session) the refusal stands for the act refused (on the team set 1 of 35 negated acts told
    # by a refusal matched an annotated event); Config(contents=True) keeps it, negated
    text = "The prime minister said India would not hold talks with Pakistan."
    default = whimbrel.code(text, published=PUB, fmt="text")
    assert [(e.code.cameo, e.status) for e in default] == [("125", "occurred")], default
    kept = whimbrel.code(text, published=PUB, fmt="text", config=Config(contents=True))
    assert ("040", "negated") in [(e.code.cameo, e.status) for e in kept], kept
