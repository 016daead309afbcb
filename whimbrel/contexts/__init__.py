"""Context (issue) tags of a sentence: ``cyber``, ``elections``, ``peace_talks``, ``sanctions``, ...

The vocabulary is the data file ``contexts.tsv`` of this package (PLOVER-style contexts, see
``docs/codes.md``).  A keyword is a lowercase word or phrase; each of its words matches a token whose
lowercased text or lemma equals it, so the lemma "election" also matches "elections"::

    tagger = ContextTagger.load()
    tagger.tag(doc[0:12].sent)   # ("military", "peace_talks")

Matching is two dict lookups per token plus a short check for phrases that start at the token.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from functools import lru_cache
from pathlib import Path

from spacy.tokens import Span, Token

from whimbrel.data import packaged, read_tsv
from whimbrel.errors import DataFileError

__all__ = ["ContextTagger"]

_NAME = re.compile(r"[a-z][a-z0-9_]*")
# Keyword words are split like spaCy splits hyphenated words ("cease-fire" -> cease, -, fire).
_WORD = re.compile(r"[^\W_]+(?:'[^\W_]+)?|[^\w\s]")

Phrase = tuple[str, ...]


def _keyword_words(path: Path, line: int, keyword: str) -> Phrase:
    if keyword != keyword.lower():
        raise DataFileError(path, line, f"keyword {keyword!r} is not lowercase")
    words = tuple(_WORD.findall(keyword))
    if not words:
        raise DataFileError(path, line, f"keyword {keyword!r} has no words")
    return words


def _read_contexts(path: Path) -> Iterable[tuple[str, list[Phrase]]]:
    for line, row in read_tsv(path, ("context", "keywords"), optional=("description",)):
        context = row["context"]
        if not _NAME.fullmatch(context):
            raise DataFileError(path, line, f"context name {context!r} must be lowercase letters, digits, _")
        keywords = [k.strip() for k in row["keywords"].split("|")]
        if any(not k for k in keywords):
            raise DataFileError(path, line, "empty keyword (doubled or trailing '|')")
        yield context, [_keyword_words(path, line, k) for k in keywords]


class ContextTagger:
    """Tags sentences with the contexts whose keywords occur in them (immutable, picklable)."""

    def __init__(self, keywords: Mapping[str, Iterable[Phrase]]) -> None:
        # word -> contexts for one-word keywords; first word -> [(phrase, context)] for phrases.
        words: dict[str, set[str]] = {}
        phrases: dict[str, list[tuple[Phrase, str]]] = {}
        for context, phrase_list in keywords.items():
            for phrase in phrase_list:
                if len(phrase) == 1:
                    words.setdefault(phrase[0], set()).add(context)
                else:
                    phrases.setdefault(phrase[0], []).append((phrase, context))
        self._words: dict[str, frozenset[str]] = {w: frozenset(c) for w, c in words.items()}
        self._phrases: dict[str, tuple[tuple[Phrase, str], ...]] = {w: tuple(p) for w, p in phrases.items()}
        self._contexts = tuple(sorted(keywords))

    @classmethod
    def load(cls, extra: Sequence[Path | str] = ()) -> ContextTagger:
        """The packaged vocabulary plus user files (same columns; their keywords are added to the context)."""
        if not extra:
            return _default_tagger()
        keywords: dict[str, list[Phrase]] = {}
        for path in (packaged("whimbrel.contexts", "contexts.tsv"), *map(Path, extra)):
            for context, phrases in _read_contexts(path):
                keywords.setdefault(context, []).extend(phrases)
        return cls(keywords)

    @property
    def contexts(self) -> tuple[str, ...]:
        """Every context name of the vocabulary, sorted."""
        return self._contexts

    def tag(self, sent: Span) -> tuple[str, ...]:
        """Sorted unique contexts whose keywords occur in ``sent`` (token text or lemma, phrases too)."""
        found: set[str] = set()
        words, phrases = self._words, self._phrases
        tokens = list(sent)
        for i, token in enumerate(tokens):
            lower, lemma = token.lower_, token.lemma_.lower()
            hit = words.get(lower)
            if hit:
                found |= hit
            if lemma != lower:
                hit = words.get(lemma)
                if hit:
                    found |= hit
            for key in (lower, lemma) if lemma != lower else (lower,):
                for phrase, context in phrases.get(key, ()):
                    if context not in found and _matches(phrase, tokens, i):
                        found.add(context)
        return tuple(sorted(found))


def _matches(phrase: Phrase, tokens: list[Token], start: int) -> bool:
    """Whether the words of ``phrase`` match the tokens from ``start`` (text or lemma, lowercased)."""
    if start + len(phrase) > len(tokens):
        return False
    for offset in range(1, len(phrase)):
        token = tokens[start + offset]
        word = phrase[offset]
        if token.lower_ != word and token.lemma_.lower() != word:
            return False
    return True


@lru_cache(maxsize=1)
def _default_tagger() -> ContextTagger:
    keywords: dict[str, list[Phrase]] = {}
    for context, phrases in _read_contexts(packaged("whimbrel.contexts", "contexts.tsv")):
        keywords.setdefault(context, []).extend(phrases)
    return ContextTagger(keywords)
