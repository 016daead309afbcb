"""A faster drop-in for spaCy's attribute ruler: the same rules, the same result, matched by table lookup.

The small English model's ``attribute_ruler`` maps tags (and a few words) to coarse parts of speech,
morphology and lemma exceptions with about 190 one-token ``Matcher`` patterns.  The Matcher tries every
pattern at every token, which costs about 15% of the whole parse on one core (``bench/throughput.py`` times
the stock and whimbrel pipelines side by side).  A one-token pattern depends only on the token's tag, lower
form, dependency label and whether it is a space, so ``FastAttributeRuler`` evaluates the patterns once per
distinct combination of those four, remembers the merged attributes and writes parts of speech,
morphology, lemmas, tags and labels back as one array (``Doc.from_array``), not token by token; patterns it
cannot read that way (several tokens, regular expressions, other attributes or operators) still go through
a Matcher of their own, run only on a Doc that holds every word or label one of them needs.  Rules apply
in the order they were added, later rules winning, exactly as in spaCy's ``AttributeRuler``
(``tests/test_nlp.py`` compares both token by token).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any, cast

import numpy
from spacy.attrs import DEP, IS_SPACE, LEMMA, LOWER, MORPH, POS, TAG
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc
from spacy.tokens._retokenize import set_token_attrs
from spacy.vocab import Vocab
from thinc.types import Ints2d

FACTORY = "whimbrel_attribute_ruler"
_COLUMNS = {"TAG": 0, "LOWER": 1, "DEP": 2, "IS_SPACE": 3}  # column in the Doc.to_array below
_ARRAY = [TAG, LOWER, DEP, IS_SPACE]
_SET = [POS, MORPH, LEMMA, TAG, DEP]  # what the model's rules set: written back with one Doc.from_array
_SET_COLUMNS = {attr: column for column, attr in enumerate(_SET)}

Check = tuple[int, str, Any]  # (column, "eq" | "in" | "not_in", hash, frozenset of hashes or bool)
Key = tuple[int, int, int, int]
Need = tuple[
    str, frozenset[int], "re.Pattern[str] | None"
]  # ("lower" | "dep", hashes, or a regex of lower forms)


class FastAttributeRuler(AttributeRuler):
    """spaCy's ``AttributeRuler`` with the one-token patterns matched by lookup (see the module docstring)."""

    def __init__(
        self, vocab: Vocab, name: str = "attribute_ruler", *, validate: bool = False, scorer: Any = None
    ):
        super().__init__(vocab, name, validate=validate, scorer=scorer)
        self._compiled = -1  # number of rules the tables below were built for
        self._single: list[tuple[int, tuple[Check, ...]]] = []
        self._residual = Matcher(vocab)
        self._memo: dict[Key, tuple[int, ...]] = {}
        self._lowers: frozenset[int] | None = frozenset()  # words the checks name; None: any word may count
        self._plans: dict[tuple[int, ...], tuple[tuple[int, int], ...] | dict[Any, Any]] = {}
        # what each Matcher pattern needs of a Doc (see ``_gates``; None: the Matcher always runs)
        self._gates: tuple[tuple[Need, ...], ...] | None = None

    def __call__(self, doc: Doc) -> Doc:
        """Set the rules' attributes on ``doc``'s tokens (as ``AttributeRuler.__call__``)."""
        if self._compiled != len(self.attrs):
            self._compile()
        rows = doc.to_array(_ARRAY).tolist()
        extra: dict[int, list[int]] = {}  # token -> rules matched over several tokens
        if self._residual_may_match({row[1] for row in rows}, {row[2] for row in rows}):
            for match_id, start, end in self._residual(doc, allow_missing=True):
                rule = int(self.vocab.strings[match_id])
                target = range(start, end)[self.indices[rule]]
                extra.setdefault(target, []).append(rule)
        memo, lowers = self._memo, self._lowers
        columns = doc.to_array(_SET).tolist()  # the attributes rules set, written back as one array
        others: list[tuple[int, dict[Any, Any]]] = []  # tokens whose rules set other attributes too
        for i, row in enumerate(rows):
            # a word no check names is keyed as -1 (no hash is negative), so the memo stays as small as the
            # tag set times the named words, however many words a long run sees
            lower = row[1] if lowers is None or row[1] in lowers else -1
            key = (row[0], lower, row[2], row[3])
            rules = memo.get(key)
            if rules is None:
                rules = memo[key] = self._rules_for(key)
            if i in extra:
                rules = tuple(sorted((*rules, *extra[i])))
            if not rules:
                continue
            plan = self._plans.get(rules)
            if plan is None:
                plan = self._plans[rules] = self._plan(rules)
            if isinstance(plan, dict):
                others.append((i, plan))
                continue
            column = columns[i]
            for at, value in plan:
                column[at] = value
        array = numpy.asarray(columns, dtype=numpy.uint64).reshape((len(doc), len(_SET)))
        doc.from_array(_SET, cast(Ints2d, array))
        for i, attrs in others:
            set_token_attrs(doc[i], attrs)
        return doc

    def _plan(self, rules: tuple[int, ...]) -> tuple[tuple[int, int], ...] | dict[Any, Any]:
        """What ``rules`` set, merged (later rules win): (column of ``_SET``, value) pairs, or the merged
        attributes themselves when one is not in ``_SET`` (an extension, an entity), set token by token."""
        attrs = {k: v for rule in rules for k, v in self.attrs[rule].items()}
        if any(k not in _SET_COLUMNS or not isinstance(v, int) for k, v in attrs.items()):
            return attrs
        return tuple((_SET_COLUMNS[k], v) for k, v in attrs.items())

    def _residual_may_match(self, lowers: set[int], deps: set[int]) -> bool:
        """Whether any rule left to the Matcher may match a Doc of these lower forms and labels: a pattern
        needs every word, label or word shape its tokens name ("gon" "na", "let" "'s", an expletive "there"
        before "is"); the Matcher runs only when one pattern has them all (most paragraphs: none)."""
        if self._gates is None:
            return True
        strings = self.vocab.strings
        for needs in self._gates:
            if all(
                (not words.isdisjoint(deps if kind == "dep" else lowers))
                if regex is None
                else any(regex.search(strings[h]) for h in lowers)
                for kind, words, regex in needs
            ):
                return True
        return False

    def _rules_for(self, key: Key) -> tuple[int, ...]:
        """The one-token rules that hold for a token with these (tag, lower, dep, is_space) hashes."""
        single = self._single
        return tuple(rule for rule, checks in single if all(_holds(key[c], op, v) for c, op, v in checks))

    def _compile(self) -> None:
        strings = self.vocab.strings
        self._single, self._memo, self._plans = [], {}, {}
        self._residual = Matcher(self.vocab)
        residual: list[list[dict[str, Any]]] = []
        for rule in range(len(self.attrs)):
            patterns = self.matcher.get(str(rule))[1]
            for pattern in patterns:
                checks = _checks(pattern, strings.add) if len(pattern) == 1 else None
                if checks is None:
                    self._residual.add(str(rule), [pattern])
                    residual.append(pattern)
                else:
                    self._single.append((rule, checks))
        lower = [check for _, checks in self._single for check in checks if check[0] == _COLUMNS["LOWER"]]
        named = {value for _, op, value in lower if op == "eq"} | {
            v for _, op, vs in lower if op == "in" for v in vs
        }
        self._lowers = None if any(op == "not_in" for _, op, _ in lower) else frozenset(named)
        self._gates = _gates(residual, strings.add)
        self._compiled = len(self.attrs)


def _checks(pattern: list[dict[str, Any]], add: Any) -> tuple[Check, ...] | None:
    """The one-token ``pattern`` as column checks over string hashes, or None if it is not that simple."""
    checks: list[Check] = []
    for attr, value in pattern[0].items():
        column = _COLUMNS.get(attr)
        if column is None:
            return None
        if attr == "IS_SPACE":
            if not isinstance(value, bool):
                return None
            checks.append((column, "eq", int(value)))
        elif isinstance(value, str):
            checks.append((column, "eq", add(value)))
        elif isinstance(value, dict) and len(value) == 1 and next(iter(value)) in ("IN", "NOT_IN"):
            op, values = next(iter(value.items()))
            checks.append((column, op.lower(), frozenset(add(v) for v in values)))
        else:
            return None
    return tuple(checks)


def _gates(patterns: list[list[dict[str, Any]]], add: Any) -> tuple[tuple[Need, ...], ...] | None:
    """For each pattern what its tokens need of a Doc: a lower form (or one of a list), a dependency label,
    or a lower form its regular expression accepts.  None when a pattern needs none of these (it may match
    anywhere)."""
    gates: list[tuple[Need, ...]] = []
    for pattern in patterns:
        needs: list[Need] = []
        for spec in pattern:
            if spec.get("OP", "+") not in ("+", "1"):
                continue  # a token that may be absent or must not match needs nothing of the Doc
            lower, dep = spec.get("LOWER"), spec.get("DEP")
            if isinstance(lower, str):
                needs.append(("lower", frozenset({add(lower)}), None))
            elif isinstance(lower, dict) and set(lower) == {"IN"}:
                needs.append(("lower", frozenset(add(v) for v in lower["IN"]), None))
            elif isinstance(lower, dict) and set(lower) == {"REGEX"}:
                needs.append(("lower", frozenset(), re.compile(lower["REGEX"])))
            if isinstance(dep, str):
                needs.append(("dep", frozenset({add(dep)}), None))
        if not needs:
            return None
        gates.append(tuple(needs))
    return tuple(gates)


def _holds(have: int, op: str, value: Any) -> bool:
    if op == "eq":
        return bool(have == value)
    if op == "in":
        return have in value
    return have not in value


@Language.factory(FACTORY, default_config={"validate": False, "scorer": None})
def make_fast_attribute_ruler(
    nlp: Language, name: str, validate: bool, scorer: Any
) -> FastAttributeRuler:  # pragma: no cover - called by spaCy's registry
    """spaCy factory of ``FastAttributeRuler``."""
    return FastAttributeRuler(nlp.vocab, name, validate=validate, scorer=scorer)


def speed_up(nlp: Language, name: str = "attribute_ruler") -> None:
    """Replace ``nlp``'s attribute ruler in place by a ``FastAttributeRuler`` holding the same rules."""
    if name not in nlp.pipe_names or isinstance(nlp.get_pipe(name), FastAttributeRuler):
        return
    patterns: Iterable[Any] = nlp.get_pipe(name).patterns  # type: ignore[attr-defined]
    fast = nlp.replace_pipe(name, FACTORY)
    fast.add_patterns(patterns)  # type: ignore[attr-defined]
