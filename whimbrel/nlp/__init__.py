"""Language model loading and sentence segmentation.

The article text is split into paragraphs (blank-line separated) first, so that headlines, captions and
bylines never glue onto the next sentence; a news dateline at the start of a line ("KABUL, March 3 (Reuters)
- ", "CAIRO -- ") becomes a piece of its own too, so that its place is never read as the subject of the
sentence it introduces.  spaCy then parses each piece as one ``Doc`` and splits it into sentences.
Offsets inside a piece's Doc are shifted by the piece's start to give article offsets.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import cast

import spacy
from spacy.attrs import DEP
from spacy.language import Language
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc, Token
from spacy.util import compile_infix_regex

from whimbrel.config import MODEL
from whimbrel.data import packaged, read_tsv
from whimbrel.nlp.lemmatizer import speed_up_lemmas
from whimbrel.nlp.ruler import speed_up

DASHES = frozenset({"-", "–", "—", "--"})  # dash tokens that open or close a parenthesis
_TEXT_KEY = "whimbrel.text"  # Doc.user_data key of the cached text
MAX_PARAGRAPH_CHARS = 5_000  # longer blocks (a 1 MB line with no sentence end) are cut into windows

_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n+")
# A dateline: a place in capitals ("OFER PRISON", "WASHINGTON") or a place of one to three capitalised words
# followed by a news agency ("The Hague (AFP)"),
# optional ", Region" parts and a date, optional "(Agency)", then a dash.  Only at the start of a line.
# four capitals at least, or two words ("NEW DELHI", "LA PAZ"): not "US - China"
_ONE_PLACE = r"(?:[A-Z][A-Z.'-]{3,}|[A-Z][A-Z.'-]+(?= [A-Z][A-Z.'-]+))(?: [A-Z][A-Z.'-]+){0,3}"
# "GAZA/JERUSALEM", "DUBLIN/MADRID/OSLO": a story filed from several places
_PLACE = rf"{_ONE_PLACE}(?:/{_ONE_PLACE}){{0,3}}"
_PARTS = r"(?:, [A-Z][\w.'-]*(?: [\w.'-]+){0,3}){0,3}"
_AGENCY = r"\((?:[A-Z][\w.&-]*)(?: [A-Z][\w.&-]*){0,2}\)"
_DASH = r"(?:--|-|–|—)"
_TITLED = r"[A-Z][\w.'-]+(?: [A-Z][\w.'-]+){0,2}"  # "Geneva (AFP)", "The Hague (AFP)": only with the agency
# (a headline the page glued onto the dateline, "… after riotsCHISINAU, April 9 (Reuters) - ", ends where the
# capitals begin, when a region or date follows the place: twenty-fifth session)
# (or where the capitals take an agency or are a place of five letters at least: "… over jetANKARA
# (Reuters) -", "… summit in JakartaYANGON — "; twenty-seventh session)
_GLUED = (
    rf"(?<=[a-z])(?:{_PLACE}(?:, [A-Z][\w.'-]*(?: [\w.'-]+){{0,3}}){{1,3}}(?: {_AGENCY})?"
    rf"|{_PLACE} {_AGENCY}|[A-Z][A-Z'-]{{4,}}(?:/{_ONE_PLACE}){{0,3}})"
)
_DATELINE = re.compile(
    rf"(?:^[ \t]*(?:{_PLACE}{_PARTS}(?: {_AGENCY})?|{_TITLED}{_PARTS} {_AGENCY})|{_GLUED}) ?{_DASH}[ \t]+"
    rf"(?=[\"“A-Z])",
    re.M,
)


_ENDS = frozenset({".", "!", "?", '"', "”", "'", "’", ":"})
_STOPS = frozenset({".", "!", "?", ";"})  # where a clause looked for around a semicolon ends
_FINITE = frozenset({"VBD", "VBZ", "VBP", "MD"})


@Language.component("whimbrel_headline_semicolons")
def headline_semicolons(doc: Doc) -> Doc:
    """A headline joins two stories with a semicolon ("Court jails opposition leader; lawyers to appeal"):
    in a piece with no sentence-final punctuation each side becomes a sentence of its own, so that neither's
    status or arguments leak into the other; so does each side of a semicolon in running text when both
    have a finite verb.  (Runs before the parser, which keeps the boundary.)"""
    last = next((t for t in reversed(doc) if not t.is_space), None)
    if last is None:
        return doc
    if ";" not in doc_text(doc):  # (most paragraphs: no semicolon; the text is kept for the coder)
        return doc
    headline = last.text not in _ENDS
    for token in doc[:-1]:
        if token.text == ";" and (headline or _joins_clauses(doc, token.i)):
            doc[token.i + 1].is_sent_start = True
    return doc


def _joins_clauses(doc: Doc, at: int) -> bool:
    """A semicolon between two clauses with finite verbs of their own ("The Philippines lodged a protest;
    Beijing accused Manila of provocations"), not one inside a list."""

    def finite(tokens: Iterable[Token]) -> bool:
        for t in tokens:
            if t.text in _STOPS:
                return False
            if t.tag_ in _FINITE:
                return True
        return False

    return finite(reversed(doc[:at])) and finite(doc[at + 1 :])


_SUBJECTS = frozenset({"nsubj", "nsubjpass"})


@Language.component("whimbrel_nationality_subjects")
def nationality_subjects(doc: Doc) -> Doc:
    """A nationality word before a participle title ("Thai acting Prime Minister Phumtham Wechayachai
    agreed") is parsed as a subject of its own, beside the title's phrase or with that phrase as its
    appositive; it modifies the phrase: hang it on the word after it, as the parser does without the
    participle ("Cambodian Prime Minister Hun Manet"), and make the phrase the subject.  (Runs after the
    parser and the entity recogniser.)"""
    for ent in doc.ents:  # (the few nationality entities, not every token: this runs on every paragraph)
        token = ent[0]
        if ent.label_ != "NORP" or len(ent) != 1 or token.dep_ not in _SUBJECTS or token.n_lefts:
            continue
        nxt = token.nbor() if token.i + 1 < len(doc) else None
        if nxt is None or nxt.is_sent_start:
            continue
        rights = list(token.rights)
        phrase: Token | None = None
        if rights:  # "Thai" <- appos "Wongsakul": the name phrase is the subject
            if len(rights) == 1 and rights[0].dep_ == "appos" and rights[0].left_edge == nxt:
                phrase = rights[0]
                phrase.head, phrase.dep_ = token.head, token.dep_
        else:
            siblings = (c for c in token.head.children if c.dep_ in _SUBJECTS and c.i > token.i)
            phrase = next((c for c in siblings if c.left_edge == nxt), None)
        if phrase is None:
            continue
        token.head = nxt.head if nxt.dep_ in ("amod", "compound") and nxt.head.i > nxt.i else phrase
        token.dep_ = "amod"
    return doc


@Language.component("whimbrel_statement_clauses")
def statement_clauses(doc: Doc) -> Doc:
    """ "The ministry said in a statement that Mexico had abused ...": the parser often hangs the that-clause
    on the noun of the prepositional phrase ("statement", "interview", "a post on X") as its own (``acl``,
    or ``relcl`` with "that" for marker); it is what was said: hang it on the verb as its reported clause
    (``ccomp``), as the parser does for "said on Tuesday that ...".  Only a clause opened by the conjunction
    "that" (a relative "that" is the clause's subject or object, no marker), with at most two prepositional
    phrases between it and a verb before it that reports no other clause.  (Runs after the parser and the
    entity recogniser.)"""
    labels = {doc.vocab.strings.add(label) for label in ("acl", "relcl")}
    for i, dep in enumerate(doc.to_array(DEP).tolist()):  # (the labels as numbers: no Token per word)
        if dep not in labels:
            continue
        token = doc[i]
        if token.pos_ not in ("VERB", "AUX"):
            continue
        if not any(c.dep_ == "mark" and c.lower_ == "that" for c in token.children):
            continue
        up, steps = token.head, 0
        while up.dep_ in ("pobj", "prep") and steps < 4:
            up, steps = up.head, steps + 1
        if steps < 2 or up.pos_ not in ("VERB", "AUX") or up.i > token.i:
            continue
        if any(c.dep_ == "ccomp" for c in up.children):
            continue
        token.head, token.dep_ = up, "ccomp"
    return doc


_AFTER_ABBREVIATION = r"(?<=[A-Z]\.)-(?=[A-Za-z])"


@lru_cache(maxsize=2)
def load_nlp(model: str = MODEL) -> Language:
    """Load the spaCy pipeline once per process (a factory, cached; workers call it once each).

    The model's attribute ruler is swapped for ``ruler.FastAttributeRuler`` (the same rules, matched by
    lookup), and the lemma corrections of ``lemmas.tsv`` are added to it; it runs before the lemmatizer
    (that one leaves a lemma already set alone), itself swapped for ``lemmatizer.FastLemmatizer`` (the same
    lemmas, worked out once per distinct word).  :func:`headline_semicolons` splits headlines at
    semicolons; :func:`nationality_subjects` mends one misparse of a subject, :func:`statement_clauses` one
    of a reported clause.
    """
    nlp = spacy.load(model)
    # "U.S.-led forces", "U.N.-backed talks", "U.S.-China ties": a hyphen after an abbreviation's full stop
    # is split off as it is after a word ("Saudi-led"), so the abbreviation is read as the country it names
    tokenizer = cast(Tokenizer, nlp.tokenizer)
    infixes = [*(nlp.Defaults.infixes or ()), _AFTER_ABBREVIATION]
    tokenizer.infix_finditer = compile_infix_regex(infixes).finditer
    speed_up(nlp)
    speed_up_lemmas(nlp)
    if "parser" in nlp.pipe_names:
        nlp.add_pipe("whimbrel_headline_semicolons", before="parser")
        last = "ner" if "ner" in nlp.pipe_names else "parser"
        nlp.add_pipe("whimbrel_nationality_subjects", after=last)
        nlp.add_pipe("whimbrel_statement_clauses", after="whimbrel_nationality_subjects")
    if "attribute_ruler" in nlp.pipe_names:
        fixes = [([{"LOWER": row["word"].lower()}], row["lemma"]) for _, row in read_tsv(
            packaged("whimbrel.nlp", "lemmas.tsv"), required=("word", "lemma"))]  # fmt: skip
        ruler = nlp.get_pipe("attribute_ruler")
        for pattern, lemma in fixes:
            ruler.add([pattern], {"LEMMA": lemma})  # type: ignore[attr-defined]
    return nlp


@dataclass(frozen=True)
class Paragraph:
    start: int
    text: str
    dateline: bool = False  # a news dateline ("CAIRO —"): where the reporter files from, no content


def doc_text(doc: Doc) -> str:
    """``doc.text``, built once per Doc: spaCy joins every token's text on each access, and the coder slices
    a Doc's text for each event and reported clause."""
    text = doc.user_data.get(_TEXT_KEY)
    if text is None:
        text = doc.user_data[_TEXT_KEY] = doc.text
    return str(text)


def paragraphs(text: str) -> Iterator[Paragraph]:
    """Non-empty paragraphs of ``text`` with their start offsets; very long ones are cut at whitespace.

    A dateline opening a line is yielded as a paragraph of its own, before the rest.
    """
    pos = 0
    for match in [*_PARAGRAPH_BREAK.finditer(text), None]:
        end = match.start() if match else len(text)
        for line in _DATELINE.finditer(text, pos, end):
            yield from _windows(text, pos, line.start())
            yield from (replace(p, dateline=True) for p in _windows(text, line.start(), line.end()))
            pos = line.end()
        yield from _windows(text, pos, end)
        if match:
            pos = match.end()


def _windows(text: str, start: int, end: int) -> Iterator[Paragraph]:
    while start < end:
        while start < end and text[start].isspace():
            start += 1
        if start >= end:
            return
        stop = min(end, start + MAX_PARAGRAPH_CHARS)
        if stop < end:
            cut = text.rfind(" ", start + MAX_PARAGRAPH_CHARS // 2, stop)
            stop = cut if cut > start else stop
        chunk = text[start:stop].rstrip()
        if chunk:
            yield Paragraph(start, chunk)
        start = stop


def split_title(head: Token, after: Token | None) -> bool:
    """Whether ``head`` is a title the parser split off the name of the next conjunct ``after`` ("Kishida
    and Chinese Premier | Li Qiang"): a capitalised noun with nothing of its own after it but that name."""
    return (
        after is not None
        and head.dep_ == "conj"
        and head.tag_ == "NNP"
        and after.left_edge.i == head.i + 1
        and after.ent_type_ == "PERSON"
        and head.ent_type_ != "PERSON"
    )
