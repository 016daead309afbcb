"""A faster drop-in for the English rule lemmatizer: the same lemmas, worked out once per distinct word.

spaCy's rule lemmatizer caches its rules' result by (word, part of speech, morphology), but it decides base
forms (singular nouns, infinitives: most tokens of news text) before looking in that cache, reading each
token's morphology into a dict, and it sets every lemma through a new Token object.  A rule lemma depends on
nothing else, so ``FastLemmatizer`` reads the three columns as one array, asks spaCy's own ``lemmatize`` once
per distinct key and writes the lemmas back as one column.  Lemmas set before it (the attribute ruler's
exceptions and ``lemmas.tsv``) are kept unless the component overwrites, as in spaCy (``tests/test_nlp.py``
compares both token by token).
"""

from __future__ import annotations

from typing import Any, cast

from spacy.attrs import LEMMA, MORPH, ORTH, POS
from spacy.errors import Errors
from spacy.lang.en.lemmatizer import EnglishLemmatizer
from spacy.language import Language
from spacy.tokens import Doc
from thinc.types import Ints2d

FACTORY = "whimbrel_lemmatizer"
_MEMO_LIMIT = 200_000  # distinct (word, pos, morphology) keys kept; a long run's memo starts over past it


class FastLemmatizer(EnglishLemmatizer):
    """spaCy's English rule lemmatizer, each distinct key's lemma remembered (see the module docstring)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._memo: dict[tuple[int, int, int], int] = {}

    def __call__(self, doc: Doc) -> Doc:
        """Set the lemma of each token that has none (every token, when overwriting), as spaCy does."""
        if self.mode != "rule":
            return super().__call__(doc)
        if not self._validated:
            self._validate_tables(Errors.E1004)
        rows = doc.to_array([ORTH, POS, MORPH, LEMMA])
        memo, strings, changed = self._memo, self.vocab.strings, False
        for i, (orth, pos, morph, lemma) in enumerate(rows.tolist()):
            if lemma and not self.overwrite:
                continue
            key = (orth, pos, morph)
            value = memo.get(key)
            if value is None:
                if len(memo) >= _MEMO_LIMIT:
                    memo.clear()
                value = memo[key] = strings.add(self.lemmatize(doc[i])[0])
            rows[i, 3] = value
            changed = True
        if changed:
            doc.from_array([LEMMA], cast(Ints2d, rows[:, 3:4]))
        return doc


@Language.factory(
    FACTORY,
    assigns=["token.lemma"],
    default_config={
        "model": None,
        "mode": "rule",
        "overwrite": False,
        "scorer": {"@scorers": "spacy.lemmatizer_scorer.v1"},
    },
)
def make_fast_lemmatizer(
    nlp: Language, model: Any, name: str, mode: str, overwrite: bool, scorer: Any
) -> FastLemmatizer:  # pragma: no cover - called by spaCy's registry
    """spaCy factory of ``FastLemmatizer``."""
    return FastLemmatizer(nlp.vocab, model, name, mode=mode, overwrite=overwrite, scorer=scorer)


def speed_up_lemmas(nlp: Language, name: str = "lemmatizer") -> None:
    """Replace ``nlp``'s English rule lemmatizer in place by a ``FastLemmatizer`` with the same tables."""
    if name not in nlp.pipe_names:
        return
    old = nlp.get_pipe(name)
    if type(old) is not EnglishLemmatizer or old.mode != "rule":
        return  # another language's or mode's lemmatizer: left as it is
    fast = nlp.replace_pipe(name, FACTORY, config={"overwrite": old.overwrite})
    fast.lookups = old.lookups  # type: ignore[attr-defined]
