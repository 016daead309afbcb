"""Dependency-parse features of a (sentence, source span, target span) item, when a spaCy Doc is given.

The text features of :mod:`whimbrel.classifier.features` see words near the actors; these see how the two
actors hang together in the parse: the lowest common ancestor (LCA) of the two actor heads (usually the
verb that relates them, "agreed" in "X agreed to release Y"), the verbs on the target's path up to it
("release"), the dependency labels of both paths, whether the source is the subject (or the ``by``-agent of
a passive), and negation or a modal on the governing verb.  Lemmas are also looked up in the trigger
lexicon so that a governing verb absent from the training sentences still contributes its type.  All of it
is a walk up the head chains: a few microseconds per item, and the parse is never re-run.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from whimbrel.classifier.features import TriggerLexicon, stem

_MAX_PATH = 4  # dependency labels kept per path (longer paths are rare and sparse)
_REPORTING = frozenset({"say", "tell", "state", "announce", "report", "claim", "add", "write"})


def locate(doc: Doc, sentence: str, span: tuple[int, int]) -> tuple[int, int] | None:
    """Token range (half-open) of the char ``span`` of ``sentence`` in ``doc``; the Doc may be the
    sentence itself or a larger text containing it (a paragraph).  None if it cannot be found."""
    shift = 0
    if doc.text != sentence:
        shift = doc.text.find(sentence) if sentence else -1
        if shift < 0:
            return None
    start, end = span[0] + shift, span[1] + shift
    if end <= start:
        return None
    chars = doc.char_span(start, end, alignment_mode="expand")
    if chars is None or len(chars) == 0:
        return None
    return chars.start, chars.end


def _head_of(doc: Doc, rng: tuple[int, int]) -> Token:
    """The token of the range whose head lies outside it (the phrase's syntactic head)."""
    for token in doc[rng[0] : rng[1]]:
        if not rng[0] <= token.head.i < rng[1] or token.head.i == token.i:
            return token
    return doc[rng[0]]


def _chain(token: Token) -> list[Token]:
    """The token and its ancestors up to the sentence root."""
    return [token, *token.ancestors]


def _types(lexicon: TriggerLexicon, token: Token) -> set[str]:
    """PLOVER types the lexicon gives the token's word or lemma (single-word triggers)."""
    found: set[str] = set()
    for word in {stem(token.text), stem(token.lemma_)}:
        found.update(lexicon.phrases.get((word,), ()))
    # a particle verb ("called off", "pulled out") is listed as a phrase in the lexicon
    for child in token.children:
        if child.dep_ == "prt":
            found.update(lexicon.phrases.get((stem(token.lemma_), stem(child.text)), ()))
    return found


def parse_features(
    doc: Doc, sentence: str, src: tuple[int, int], tgt: tuple[int, int], lexicon: TriggerLexicon
) -> list[str]:
    """Parse features (prefixed ``P``) of one item; ``["P:NOSPAN"]`` if an actor is not in the Doc."""
    s_rng, t_rng = locate(doc, sentence, src), locate(doc, sentence, tgt)
    if s_rng is None or t_rng is None:
        return ["P:NOSPAN"]
    s_head, t_head = _head_of(doc, s_rng), _head_of(doc, t_rng)
    s_chain, t_chain = _chain(s_head), _chain(t_head)
    t_ids = {tok.i: n for n, tok in enumerate(t_chain)}
    up = next((n for n, tok in enumerate(s_chain) if tok.i in t_ids), None)
    feats = [f"PSR:{s_head.dep_}", f"PTR:{t_head.dep_}"]
    if up is None:
        return [*feats, "P:NOLCA"]
    lca = s_chain[up]
    s_path, t_path = s_chain[:up], t_chain[: t_ids[lca.i]]
    s_labels = [tok.dep_ for tok in s_path][:_MAX_PATH]
    t_labels = [tok.dep_ for tok in t_path][:_MAX_PATH]
    feats += [f"PS:{'/'.join(s_labels)}", f"PT:{'/'.join(t_labels)}", f"PST:{s_labels[:1]}{t_labels[:1]}"]
    feats += _governor_features(lca, lexicon, s_labels)
    for tok in t_path[1:]:  # verbs between the target and the LCA: "agreed to *release* Y"
        if tok.pos_ in {"VERB", "NOUN"}:
            feats.append(f"PTV:{tok.lemma_.lower()}")
            feats += [f"PTVT:{kind}" for kind in _types(lexicon, tok)]
    for tok in s_path[1:]:  # nominal actions over the source: "*talks* between X and Y"
        if tok.pos_ in {"VERB", "NOUN"}:
            feats.append(f"PSV:{tok.lemma_.lower()}")
            feats += [f"PSVT:{kind}" for kind in _types(lexicon, tok)]
    if s_labels[:1] == ["pobj"] and s_path[1:2] and s_path[1].dep_ == "agent":
        feats.append("PAGENT")
    return feats


def _governor_features(lca: Token, lexicon: TriggerLexicon, s_labels: list[str]) -> list[str]:
    """Lemma, trigger types, negation and modality of the LCA (and of the verb above a nominal LCA)."""
    lemma = lca.lemma_.lower()
    kinds = _types(lexicon, lca)
    subject = s_labels[:1] in (["nsubj"], ["nsubjpass"], ["poss"]) or s_labels == []
    feats = [f"PL:{lemma}", f"PLP:{lca.pos_}", *(f"PLT:{k}" for k in kinds)]
    feats += [f"PLTS:{k}:{subject}" for k in kinds]
    if lemma in _REPORTING:
        feats.append("PREPORT")
    verb = lca if lca.pos_ in {"VERB", "AUX"} else next((a for a in lca.ancestors if a.pos_ == "VERB"), None)
    if verb is None:
        return feats
    if verb is not lca:
        feats.append(f"PGV:{verb.lemma_.lower()}")
        feats += [f"PGVT:{k}" for k in _types(lexicon, verb)]
    for child in verb.children:
        if child.dep_ == "neg":
            feats.append("PNEG")
        elif child.tag_ == "MD":
            feats.append(f"PMD:{child.lemma_.lower()}")
    return feats
