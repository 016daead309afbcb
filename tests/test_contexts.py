"""Context tags on hand-written news sentences, user vocabulary files and validation."""

from __future__ import annotations

import pickle
from pathlib import Path

import pytest
from spacy.language import Language

from whimbrel.contexts import ContextTagger
from whimbrel.errors import DataFileError


@pytest.fixture(scope="module")
def tagger() -> ContextTagger:
    return ContextTagger.load()


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Negotiators and rebel commanders agreed to a cease-fire after two days of peace talks.",
            {"peace_talks"},
        ),
        ("Hackers linked to the intelligence service hit the ministry with ransomware on Monday.", {"cyber"}),
        ("The opposition rejected the results of Sunday's presidential election.", {"elections"}),
        ("The European Union imposed fresh sanctions on three shipping companies.", {"sanctions"}),
        ("Inspectors said the plant had enriched uranium to 60 percent purity.", {"nuclear"}),
        ("A suicide bomber killed nine people at a checkpoint, police said.", {"terrorism"}),
        ("Rights groups accused the security forces of torture in detention centres.", {"human_rights"}),
        (
            "Thousands of refugees crossed the border after the fighting, the UN said.",
            {"migration", "territory"},
        ),
        ("The former governor was charged with embezzlement and bribery.", {"corruption", "legal"}),
        ("Dock workers went on strike to demand higher wages.", {"protest"}),
        ("A court in the capital sentenced the activist to four years in prison.", {"legal"}),
        ("Health officials reported a cholera outbreak in two camps.", {"health"}),
        ("The two countries agreed to cut tariffs on steel imports.", {"trade"}),
        ("The central bank raised interest rates to fight inflation.", {"economic"}),
        ("The foreign minister summoned the ambassador over the remarks.", {"diplomacy"}),
        ("Warplanes and artillery pounded rebel positions overnight.", {"military"}),
        ("The minister said he was in charge of the schedule.", set()),
        ("Police fired tear gas at the crowd in March.", set()),
    ],
)
def test_tags(nlp: Language, tagger: ContextTagger, sentence: str, expected: set[str]) -> None:
    sent = next(nlp(sentence).sents)
    tags = tagger.tag(sent)
    assert set(tags) == expected
    assert list(tags) == sorted(set(tags))


def test_phrase_needs_all_words(nlp: Language, tagger: ContextTagger) -> None:
    doc = nlp("Peace returned to the valley. The talks resumed in Geneva.")
    assert [tagger.tag(s) for s in doc.sents] == [(), ()]
    assert tagger.tag(nlp("The peace talks resumed.")[:]) == ("peace_talks",)


def test_user_file_adds_keywords_and_contexts(nlp: Language, tmp_path: Path) -> None:
    user = tmp_path / "contexts.tsv"
    user.write_text(
        "context\tkeywords\tdescription\n"
        "# comments are fine\n"
        "fisheries\tfishing boat|trawler|fishing quota\tFishing disputes\n"
        "cyber\tsatellite jamming\tmore cyber words\n"
    )
    custom = ContextTagger.load([user])
    assert "fisheries" in custom.contexts and "fisheries" not in ContextTagger.load().contexts
    doc = nlp("The coast guard seized two trawlers and reported satellite jamming.")
    assert custom.tag(doc[:]) == ("cyber", "fisheries")
    assert ContextTagger.load().tag(doc[:]) == ()


@pytest.mark.parametrize(
    ("row", "message"),
    [
        ("Cyber\thack\tupper-case name", "context name"),
        ("cyber\tHack\tupper-case keyword", "not lowercase"),
        ("cyber\thack||virus\tempty keyword", "empty keyword"),
        ("cyber\t\tno keywords", "empty required field"),
    ],
)
def test_validation_errors(tmp_path: Path, row: str, message: str) -> None:
    user = tmp_path / "bad.tsv"
    user.write_text("context\tkeywords\tdescription\ncyber\thack\tok\n" + row + "\n")
    with pytest.raises(DataFileError) as info:
        ContextTagger.load([user])
    assert info.value.line == 3
    assert message in info.value.message


def test_packaged_vocabulary(tagger: ContextTagger) -> None:
    assert ContextTagger.load() is tagger
    for name in ("cyber", "elections", "peace_talks", "sanctions", "nuclear", "terrorism", "human_rights",
                 "military", "economic", "trade", "migration", "corruption", "protest", "legal", "health",
                 "environment", "territory", "diplomacy"):  # fmt: skip
        assert name in tagger.contexts


def test_pickles(nlp: Language, tagger: ContextTagger) -> None:
    copy = pickle.loads(pickle.dumps(tagger))
    doc = nlp("Voters went to the polls in a snap election.")
    assert copy.tag(doc[:]) == tagger.tag(doc[:]) == ("elections",)
