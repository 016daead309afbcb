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
# the mode of the act between the actors, read off the verbs from the target up to the governing verb: a
# promise or intent ("plans to send", "is ready to hold"), a threat ("threatened to impose"), a refusal
_MODE_WORDS = {
    **dict.fromkeys(("threaten", "warn"), "threat"),
    **dict.fromkeys(("refuse", "decline", "reject", "fail", "veto", "oppose", "resist"), "refuse"),
    **dict.fromkeys(
        ("plan", "intend", "ready", "willing", "prepared", "prepare", "pledge", "promise", "offer", "vow",
         "commit", "agree", "propose", "aim", "undertake", "expect", "consider", "seek", "want"),
        "intent",
    ),
}  # fmt: skip
_MODAL_MODE = {"will": "intent", "would": "intent", "shall": "intent", "'ll": "intent", "wo": "intent"}
_MODAL_MODE |= dict.fromkeys(("could", "may", "might", "can", "ca"), "hedge")
_MODAL_MODE |= dict.fromkeys(("must", "should"), "oblige")
# named-entity type of the target's head, coarsened: a person, a group, a state/place; common nouns by lemma
_ENT_CLASS = {"PERSON": "PER", "ORG": "GRP", "NORP": "GRP", "GPE": "GPE", "LOC": "LOC", "FAC": "LOC"}


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
    # a nominal LCA ("Slovenia and Croatia signed ...": the conjoined actors meet at a noun) is governed by
    # the first verb above it; the mode and the object are read up to that verb
    upper: list[Token] = [lca]
    if lca.pos_ not in {"VERB", "AUX"}:
        verb = next((a for a in lca.ancestors if a.pos_ in {"VERB", "AUX"}), None)
        if verb is not None:
            upper = [lca, *(a for a in lca.ancestors if a.i != verb.i and verb.is_ancestor(a)), verb]
    action = next((tok for tok in t_path[1:] if tok.pos_ == "VERB"), upper[-1])
    feats += _mode_features([*t_path[1:], *upper], action, lexicon)
    feats += _object_features(action, upper[-1], lexicon)
    feats += _target_features(t_head, action)
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


def _tense(verb: Token) -> str:
    """Coarse tense/aspect of a verb: past, perfect, progressive, present, passive, bare or nominal."""
    if verb.pos_ not in {"VERB", "AUX"}:
        return "nominal"
    aux = {child.lemma_.lower() for child in verb.children if child.dep_ in {"aux", "auxpass"}}
    if verb.tag_ == "VBN":
        return "perfect" if "have" in aux else "passive"
    if verb.tag_ == "VBG" and "be" in aux:
        return "progressive"
    return {"VBD": "past", "VBZ": "present", "VBP": "present"}.get(verb.tag_, "bare")


def _mode_features(path: list[Token], action: Token, lexicon: TriggerLexicon) -> list[str]:
    """Mode of the act (deed by tense, intent, threat, refusal, negation, hedge) read off the ``path`` from
    the target up to the governing verb (its last token), alone and crossed with the trigger types and
    lemma of the action verb (the verb nearest the target): "threatened to *impose* sanctions" is THREATEN,
    "plans to *send* aid" AGREE, "sent aid" AID."""
    modes: set[str] = set()
    for tok in path:
        mode = _MODE_WORDS.get(tok.lemma_.lower()) if tok.pos_ in {"VERB", "ADJ", "AUX"} else None
        if mode:
            modes.add(mode)
        for child in tok.children:
            if child.dep_ == "neg":
                modes.add("neg")
            elif child.tag_ == "MD":
                modes.add(_MODAL_MODE.get(child.lower_, "hedge"))
    if not modes:
        modes.add(_tense(path[-1]))
    # the action's own types and its object's ("threatened to impose *sanctions*": COERCE under a threat)
    kinds = _types(lexicon, action).union(*(_types(lexicon, c) for c in action.children if c.dep_ == "dobj"))
    lemma = action.lemma_.lower()
    feats = [f"PMODE:{m}" for m in modes] + [f"PMODEA:{m}:{lemma}" for m in modes]
    return feats + [f"PMODET:{m}:{k}" for m in modes for k in kinds]


def _object_features(action: Token, governor: Token, lexicon: TriggerLexicon) -> list[str]:
    """The direct object of the action verb and of the governing verb, crossed with the verb (signed *an
    agreement*, imposed *sanctions*, sent *peacekeepers*), with its compounds ("aid convoys") and types."""
    feats: list[str] = []
    for verb in {action.i: action, governor.i: governor}.values():
        lemma = verb.lemma_.lower()
        for obj in verb.children:
            if obj.dep_ != "dobj":
                continue
            nouns = [obj, *(c for c in obj.children if c.dep_ == "compound" and c.pos_ == "NOUN")]
            for noun in nouns:
                feats += [f"POBJ:{lemma}:{noun.lemma_.lower()}", f"POBJN:{noun.lemma_.lower()}"]
                feats += [f"POBJT:{k}" for k in _types(lexicon, noun)]
    return feats


def _target_features(t_head: Token, action: Token) -> list[str]:
    """What the target is (person, group, state/place, or a common noun by lemma) and the preposition that
    links it (to/with/against/on/from), each crossed with the action verb: "peacekeepers *to Mali*" vs
    "troops *to the border*", "talks *with*", "sanctions *on*"."""
    if t_head.ent_type_ in _ENT_CLASS:
        kind = _ENT_CLASS[t_head.ent_type_]
    elif t_head.pos_ == "NOUN":
        kind = "N:" + t_head.lemma_.lower()
    else:
        kind = t_head.pos_
    lemma = action.lemma_.lower()
    feats = [f"PTC:{kind}", f"PTCV:{lemma}:{kind}"]
    if t_head.dep_ == "pobj" and t_head.head.dep_ in {"prep", "dative", "agent"}:
        prep = t_head.head.lower_
        feats += [f"PPREP:{prep}", f"PPREPV:{t_head.head.head.lemma_.lower()}:{prep}", f"PTCP:{prep}:{kind}"]
    elif t_head.dep_ in {"dobj", "dative", "nsubjpass"}:
        feats.append(f"PPREPV:{t_head.head.lemma_.lower()}:{t_head.dep_}")
    return feats
