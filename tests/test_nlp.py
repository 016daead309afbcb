"""Paragraph segmentation before parsing: datelines are pieces of their own, offsets stay article offsets."""

from __future__ import annotations

import pytest
from spacy.language import Language
from spacy.tokens import Doc

import whimbrel
from whimbrel.nlp import paragraphs

# (text, expected pieces)
CASES = [
    ("KABUL (Reuters) - Afghan police detained a diplomat.",
     ["KABUL (Reuters) -", "Afghan police detained a diplomat."]),
    ("MOSUL CAMP, Iraq, May 4 (Reuters) - Iraqi troops shelled the town.",
     ["MOSUL CAMP, Iraq, May 4 (Reuters) -", "Iraqi troops shelled the town."]),
    ("LIMA -- Peru expelled the envoy.", ["LIMA --", "Peru expelled the envoy."]),
    ("NEW DELHI - Modi will travel to Washington.", ["NEW DELHI -", "Modi will travel to Washington."]),
    ("LA PAZ, Bolivia (AP) — Crowds blocked roads.", ["LA PAZ, Bolivia (AP) —", "Crowds blocked roads."]),
    ("By A. Writer\nOSLO, June 2 (AP) — Norway hosted the talks.",
     ["By A. Writer", "OSLO, June 2 (AP) —", "Norway hosted the talks."]),
    ("Lagos, Nigeria (AP) — Soldiers freed the hostages.",
     ["Lagos, Nigeria (AP) —", "Soldiers freed the hostages."]),
    ('ANKARA — "We will respond," the minister said.', ["ANKARA —", '"We will respond," the minister said.']),
    # a place in title case of two or three words, with its agency
    ("The Hague (AFP) - NATO leaders met.", ["The Hague (AFP) -", "NATO leaders met."]),
    ("Buenos Aires (Reuters) — Argentina recalled its envoy.",
     ["Buenos Aires (Reuters) —", "Argentina recalled its envoy."]),
    # a story filed from two places
    ("GAZA/JERUSALEM (Reuters) - Jets struck Gaza.", ["GAZA/JERUSALEM (Reuters) -", "Jets struck Gaza."]),
    # (twenty-fifth session) a headline glued onto the dateline
    ("Moldova expels envoy after riotsCHISINAU, April 9 (Reuters) - Moldova expelled the envoy.",
     ["Moldova expels envoy after riots", "CHISINAU, April 9 (Reuters) -", "Moldova expelled the envoy."]),
    # (twenty-seventh session) also with no region or date: with an agency, or a place of five letters
    ("Turkey warns Syria over jetANKARA/BRUSSELS (Reuters) - NATO met.",
     ["Turkey warns Syria over jet", "ANKARA/BRUSSELS (Reuters) -", "NATO met."]),
    ("Leaders to meet in JakartaYANGON — The junta said it would consider the plan.",
     ["Leaders to meet in Jakarta", "YANGON —", "The junta said it would consider the plan."]),
    # not datelines: a dash inside a sentence, short capitals, lower case after the dash
    ("US - China trade talks resumed on Monday.", ["US - China trade talks resumed on Monday."]),
    ("The talks - held in Geneva - ended.", ["The talks - held in Geneva - ended."]),
    ("NATO - the alliance - met in Brussels.", ["NATO - the alliance - met in Brussels."]),
    ("Putin met Xi.\n\nLater - Obama left.", ["Putin met Xi.", "Later - Obama left."]),
    ("Prime Minister Sharif (right) - who met Modi.", ["Prime Minister Sharif (right) - who met Modi."]),
    ("Talks in the capital - Moscow said.", ["Talks in the capital - Moscow said."]),
    ("A deal withNATO - Sweden joined.", ["A deal withNATO - Sweden joined."]),
]  # fmt: skip


@pytest.mark.parametrize(("text", "pieces"), CASES, ids=[c[0][:30] for c in CASES])
def test_datelines_are_pieces_of_their_own(text: str, pieces: list[str]) -> None:
    got = list(paragraphs(text))
    assert [p.text for p in got] == pieces
    for p in got:
        assert text[p.start : p.start + len(p.text)] == p.text  # offsets index the article text


def test_dateline_place_is_not_the_source() -> None:
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


# Sentences written to reach every kind of rule in the model's attribute ruler: tags, word+tag exceptions,
# dependency-dependent pronouns and auxiliaries, multi-token rules ("gonna", "ain't", "y'all", "let's"),
# whitespace tokens, existential "there".
RULER_TEXTS = [
    "I ain't gonna sign that deal, the minister told reporters, and y'all know it.",
    "Let's be clear: there is no ceasefire, and there were never any talks.",
    "She gets the briefings daily and got one on Tuesday about it; he did not.",
    "The rebels, who had seized the town,  \n  withdrew after it was shelled by the army.",
    "Do they have the votes?  What does it mean for us, and for you, if it fails?",
    "Officials said that whoever fired the rockets would pay — 'we'll find them', one said.",
    "C'mon, the envoy gotta admit that isn't what the U.N. resolution 2334 says.",
    "Its neighbours' forces, theirs and ours, wouldn't've crossed the border at 3:45 p.m. on May 4th.",
]


def test_fast_attribute_ruler_equals_spacy() -> None:
    """The lookup ruler gives exactly the stock ruler's tags, parts of speech, morphology, lemmas, labels,
    also for rules added afterwards that it must leave to a Matcher (regex, several tokens, negative index)
    and for a later rule overriding an earlier one."""
    import spacy

    from whimbrel.config import MODEL
    from whimbrel.nlp.ruler import FastAttributeRuler, speed_up

    stock, fast = spacy.load(MODEL), spacy.load(MODEL)
    speed_up(fast)
    assert isinstance(fast.get_pipe("attribute_ruler"), FastAttributeRuler)
    for nlp in (stock, fast):
        ruler = nlp.get_pipe("attribute_ruler")
        ruler.add([[{"LOWER": {"REGEX": "^minist"}}]], {"LEMMA": "minister-x"})  # type: ignore[attr-defined]
        ruler.add([[{"LOWER": "the"}, {"TAG": "NN"}]], {"POS": "PROPN"}, index=-1)  # type: ignore[attr-defined]
        ruler.add([[{"TAG": "NNP"}]], {"MORPH": "Number=Sing|Foo=Bar"})  # type: ignore[attr-defined]
        ruler.add([[{"LOWER": {"NOT_IN": ["the", "a"]}, "TAG": "DT"}]], {"LEMMA": "det-x"})  # type: ignore[attr-defined]
        # an attribute the lookup ruler does not write back as an array: set token by token
        ruler.add([[{"LOWER": "ceasefire"}]], {"NORM": "truce", "LEMMA": "truce"})  # type: ignore[attr-defined]
        # a Matcher rule with a token that may be absent: the lookup ruler's gate asks nothing of it
        ruler.add([[{"LOWER": "no", "OP": "?"}, {"LOWER": "ceasefire"}]], {"TAG": "NNP"}, index=-1)  # type: ignore[attr-defined]

    def attrs(doc: Doc) -> list[tuple[str, ...]]:
        return [(t.tag_, t.pos_, str(t.morph), t.lemma_, t.dep_, t.norm_) for t in doc]

    got = [attrs(doc) for doc in fast.pipe(RULER_TEXTS)]
    assert got == [attrs(doc) for doc in stock.pipe(RULER_TEXTS)]
    flat = [token for doc in got for token in doc]
    assert any(t[3] == "minister-x" for t in flat) and any("Foo=Bar" in t[2] for t in flat)
    assert any(t[:2] == ("NN", "PROPN") for t in flat) and any(t[3] == "det-x" for t in flat)
    assert any(t[3] == t[5] == "truce" and t[0] == "NNP" for t in flat)


# Words written to reach every branch of the English rule lemmatizer: base forms (singular nouns,
# infinitives, present verbs, positive adjectives), inflections by rule and by exception, proper nouns,
# numbers, punctuation, spaces, and one word twice with two parts of speech ("talks", "meeting").
LEMMA_TEXTS = [
    *RULER_TEXTS,
    "The talks broke down as the envoy talks of geese, mice and better, bluer skies ahead.",
    "Meeting in Oslo, the ministers were meeting again; the meeting's leaders went home.",
    "Protesters were beaten, detained and fined 3,000 euros by Belarus's riot police in 2020.",
]


@pytest.mark.parametrize("overwrite", [False, True])
def test_fast_lemmatizer_equals_spacy(overwrite: bool) -> None:
    """The remembering lemmatizer gives exactly spaCy's lemmas, over a stream that repeats words (each
    distinct word is worked out once), keeping the attribute ruler's lemmas unless it overwrites."""
    import spacy

    from whimbrel.config import MODEL
    from whimbrel.nlp.lemmatizer import FastLemmatizer, speed_up_lemmas

    stock, fast = spacy.load(MODEL), spacy.load(MODEL)
    for nlp in (stock, fast):
        nlp.get_pipe("lemmatizer").overwrite = overwrite  # type: ignore[attr-defined]
        nlp.get_pipe("attribute_ruler").add([[{"LOWER": "envoy"}]], {"LEMMA": "envoy-x"})  # type: ignore[attr-defined]
    speed_up_lemmas(fast)
    assert isinstance(fast.get_pipe("lemmatizer"), FastLemmatizer)
    assert fast.get_pipe("lemmatizer").overwrite is overwrite  # type: ignore[attr-defined]

    def lemmas(doc: Doc) -> list[tuple[str, str, str]]:
        return [(t.text, t.pos_, t.lemma_) for t in doc]

    texts = LEMMA_TEXTS * 2
    got = [lemmas(doc) for doc in fast.pipe(texts)]
    assert got == [lemmas(doc) for doc in stock.pipe(texts)]
    flat = {token for doc in got for token in doc}
    assert ("mice", "NOUN", "mouse") in flat and ("beaten", "VERB", "beat") in flat
    assert (("envoy", "NOUN", "envoy") in flat) is overwrite and (
        ("envoy", "NOUN", "envoy-x") in flat
    ) is not overwrite


def test_pipeline_uses_fast_lemmatizer(nlp: Language) -> None:
    from whimbrel.nlp.lemmatizer import FastLemmatizer

    assert isinstance(nlp.get_pipe("lemmatizer"), FastLemmatizer)


def test_pipeline_uses_fast_ruler(nlp: Language) -> None:
    from whimbrel.nlp.ruler import FastAttributeRuler

    assert isinstance(nlp.get_pipe("attribute_ruler"), FastAttributeRuler)


@pytest.mark.parametrize(
    ("text", "sentences"),
    [
        # a headline's two stories are two sentences
        ("Tanzanian court jails opposition leader; lawyers to appeal", 2),
        ("France to deliver howitzers to Armenia; Baku warns of arms race", 2),
        # in body text two clauses with finite verbs of their own are two sentences too ...
        ("The court jailed him; his lawyers said they would appeal.", 2),
        ("Manila lodged a protest with China; Beijing accused Manila of provocations.", 2),
        # ... but a list keeps its semicolons inside the sentence
        ("The envoys visited Paris, France; Rome, Italy; and Berlin, Germany.", 1),
        ("The ministers of Kenya and Uganda; the envoys of France; and the UN chief attended.", 1),
    ],
)
def test_headline_semicolons_split_sentences(nlp: Language, text: str, sentences: int) -> None:
    assert len(list(nlp(text).sents)) == sentences


def test_a_headline_story_keeps_its_own_status() -> None:
    events = whimbrel.code(
        "# Tanzanian court jails opposition leader; lawyers to appeal\n\nThe court ruled on Tuesday.",
        published="2026-03-04",
    )
    assert [(e.code.plover, e.status) for e in events] == [("COERCE", "occurred")]


@pytest.mark.parametrize(
    ("text", "clause", "head", "dep"),
    [
        # the that-clause of "said in a statement" is what was said, however the parser hung it
        ("Kenya's interior ministry said in a statement that Uganda had breached the border accord.",
         "breached", "said", "ccomp"),
        ("The Danish government said in an open letter that Iceland had abused its fishing rights.",
         "abused", "said", "ccomp"),
        ("The envoy said in a post on X that the talks had collapsed.", "collapsed", "said", "ccomp"),
        # a relative "that" is the clause's own subject: the clause stays on its noun
        ("He cited a report that was published on Monday.", "published", "report", "relcl"),
    ],
)  # fmt: skip
def test_a_clause_said_in_a_statement_hangs_on_the_verb(
    nlp: Language, text: str, clause: str, head: str, dep: str
) -> None:
    # (twenty-second session) whimbrel.nlp.statement_clauses
    token = next(t for t in nlp(text) if t.text == clause)
    assert (token.head.text, token.dep_) == (head, dep)
