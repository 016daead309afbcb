"""The caches that keep actor resolution fast (phrase readings and entities per Doc, answers a Reading keeps):
they must give exactly what a fresh computation gives, and never travel with a pickled article."""

from __future__ import annotations

import pickle
from datetime import date

import pytest
from spacy.language import Language
from spacy.tokens import Doc, Token

from whimbrel.actors import ActorResolver
from whimbrel.actors.phrase import Phrases, Reading, read_phrase
from whimbrel.actors.places import _within

D2014 = date(2014, 5, 1)


@pytest.fixture(scope="module")
def resolver() -> ActorResolver:
    return ActorResolver.load()


def _token(doc: Doc, word: str) -> Token:
    return next(t for t in doc if t.text == word)


def _summary(r: Reading) -> tuple[object, ...]:
    return (r.start, r.end, r.text, r.span, r.matches, r.head_match, r.countries(), r.countries(own=True),
            r.agents(), r.organisation(), r.has_word("former"))  # fmt: skip


PHRASES = [
    # (sentence, head, text of the phrase as read)
    ("Foreign Minister Sergei Lavrov met his Chinese counterpart.", "counterpart", "his Chinese counterpart"),
    ("Russian Foreign Minister Sergei Lavrov left.", "Lavrov", "Russian Foreign Minister Sergei Lavrov"),
    ("Hundreds of Kenyan riot police stormed the camp.", "police", "Kenyan riot police"),
    ("The former U.S. secretary of state spoke.", "secretary", "The former U.S. secretary of state"),
    ("Protesters gathered outside the parliament.", "Protesters", "Protesters"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "head", "phrase"), PHRASES)
def test_cached_reading_is_the_fresh_reading(
    nlp: Language, resolver: ActorResolver, text: str, head: str, phrase: str
) -> None:
    doc = nlp(text)
    phrases = Phrases(resolver.table)
    cached = phrases.read(_token(doc, head))
    assert cached.text == phrase
    assert _summary(cached) == _summary(read_phrase(resolver.table, _token(doc, head)))
    assert phrases.read(_token(doc, head)) is cached  # read once per Doc, whichever Token object asks


def test_own_countries_are_not_the_cached_countries(nlp: Language, resolver: ActorResolver) -> None:
    doc = nlp("Sergei Lavrov met Lavrov's Chinese counterpart in Moscow.")
    reading = Phrases(resolver.table).read(_token(doc, "counterpart"))
    assert reading.countries() == ["RUS", "CHN"]
    assert reading.countries(own=True) == ["CHN"]
    assert reading.countries() == ["RUS", "CHN"]  # asking for its own countries changed nothing kept


def test_a_new_doc_starts_a_new_cache(nlp: Language, resolver: ActorResolver) -> None:
    phrases = Phrases(resolver.table)
    first, second = nlp("Russian troops crossed the border."), nlp("Ukrainian troops crossed the river.")
    assert phrases.read(first[1]).countries() == ["RUS"]
    assert phrases.read(second[1]).countries() == ["UKR"]  # same index, another Doc: never the old reading
    assert phrases.ents(second) == tuple(second.ents)
    assert phrases.read(first[1]).countries() == ["RUS"]


ENTITY_TEXTS = [
    "Putin met Merkel in Berlin. They spoke about Ukraine and Crimea. Obama called from Washington.",
    "The talks in Geneva ended. No entities here at all. Iran and the United States signed in Vienna.",
    "Protesters marched.",
]


@pytest.mark.parametrize("text", ENTITY_TEXTS)
def test_sentence_entities_are_those_spacy_selects(nlp: Language, text: str) -> None:
    doc = nlp(text)
    ents = tuple(doc.ents)
    sentences = list(doc.sents)
    assert len(sentences) > 0
    for sent in sentences:
        assert [(e.start, e.end, e.label_) for e in _within(ents, sent)] == [
            (e.start, e.end, e.label_) for e in sent.ents
        ]


def test_article_shares_its_readings_with_its_places_and_ships_none(
    nlp: Language, resolver: ActorResolver
) -> None:
    doc = nlp("Police in Kyiv detained two men. The army said it was investigating.")
    article = resolver.article()
    for sent in doc.sents:
        article.observe(sent, D2014)
    assert article.places is not None and article.places.phrases is article.phrases
    assert article.phrases.doc is doc and article.phrases.readings
    police = article.resolve(doc[0], D2014)
    assert [(a.country, a.sector) for a in police] == [("UKR", "COP")]
    restored = pickle.loads(pickle.dumps(article))
    assert (
        restored.phrases.doc is None and not restored.phrases.readings and restored.phrases.entities is None
    )
    assert restored.places is not None and restored.places.phrases is restored.phrases
    assert restored.resolve(doc[0], D2014) == police
