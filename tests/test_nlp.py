"""Paragraph segmentation before parsing: datelines are pieces of their own, offsets stay article offsets."""

from __future__ import annotations

import pytest
from spacy.language import Language

from whimbrel.nlp import paragraphs

# (text, expected pieces)
CASES = [
    ("KABUL (Reuters) - Afghan police detained a diplomat.",
     ["KABUL (Reuters) -", "Afghan police detained a diplomat."]),
    ("MOSUL CAMP, Iraq, May 4 (Reuters) - Iraqi troops shelled the town.",
     ["MOSUL CAMP, Iraq, May 4 (Reuters) -", "Iraqi troops shelled the town."]),
    ("LIMA -- Peru expelled the envoy.", ["LIMA --", "Peru expelled the envoy."]),
    ("By A. Writer\nOSLO, June 2 (AP) — Norway hosted the talks.",
     ["By A. Writer", "OSLO, June 2 (AP) —", "Norway hosted the talks."]),
    ("Lagos, Nigeria (AP) — Soldiers freed the hostages.",
     ["Lagos, Nigeria (AP) —", "Soldiers freed the hostages."]),
    ('ANKARA — "We will respond," the minister said.', ["ANKARA —", '"We will respond," the minister said.']),
    # not datelines: a dash inside a sentence, short capitals, lower case after the dash
    ("US - China trade talks resumed on Monday.", ["US - China trade talks resumed on Monday."]),
    ("The talks - held in Geneva - ended.", ["The talks - held in Geneva - ended."]),
    ("NATO - the alliance - met in Brussels.", ["NATO - the alliance - met in Brussels."]),
    ("Putin met Xi.\n\nLater - Obama left.", ["Putin met Xi.", "Later - Obama left."]),
]  # fmt: skip


@pytest.mark.parametrize(("text", "pieces"), CASES, ids=[c[0][:30] for c in CASES])
def test_datelines_are_pieces_of_their_own(text: str, pieces: list[str]) -> None:
    got = list(paragraphs(text))
    assert [p.text for p in got] == pieces
    for p in got:
        assert text[p.start : p.start + len(p.text)] == p.text  # offsets index the article text


def test_dateline_place_is_not_the_source() -> None:
    import whimbrel

    events = whimbrel.code("CAIRO (Reuters) - Egyptian police arrested a Turkish reporter on Monday.",
                           published="2019-03-06", fmt="text")  # fmt: skip
    assert events and all(e.source.text != "CAIRO" for e in events)
    assert any(e.code.plover == "COERCE" and e.target and e.target.country == "TUR" for e in events)


@pytest.mark.parametrize(
    ("text", "word", "lemma"),
    [
        ("Students staged a sit-in outside the ministry.", "staged", "stage"),
        ("The unions are staging a walkout.", "staging", "stage"),
        ("The envoy hoped to meet the rebels.", "hoped", "hope"),
        ("The senator lambasted the treaty.", "lambasted", "lambaste"),
    ],
)
def test_lemma_corrections(nlp: Language, text: str, word: str, lemma: str) -> None:
    assert [t.lemma_ for t in nlp(text) if t.text == word] == [lemma]
