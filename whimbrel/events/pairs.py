"""The trigger linking two given actors of a sentence (``whimbrel classify``): the candidate whose source and
target are those actors, else the pattern match nearest to the dependency path between them."""

from __future__ import annotations

from spacy.tokens import Span, Token

from whimbrel.events import arguments as args
from whimbrel.events.extractor import FALLBACK, Candidate, EventExtractor
from whimbrel.events.matching import Match


def pair_candidate(extractor: EventExtractor, sent: Span, source: Span, target: Span) -> Candidate | None:
    """Best trigger linking the actor spans ``source`` and ``target`` (None if the sentence has none)."""
    src_ids = set(range(source.start, source.end))
    tgt_ids = set(range(target.start, target.end))
    best: Candidate | None = None
    for cand in extractor.extract(sent):
        links = src_ids & set(cand.sources) and tgt_ids & set(cand.targets)
        if links and (best is None or cand.confidence > best.confidence):
            best = cand
    if best is not None:
        return best
    return _nearest_trigger(extractor, sent, source.root, target.root)


def _nearest_trigger(extractor: EventExtractor, sent: Span, src: Token, tgt: Token) -> Candidate | None:
    path = _path(src, tgt)
    best: tuple[int, Match] | None = None
    for m in extractor.matches(sent, extractor.scan(sent).heads):
        if m.token in (src, tgt):
            continue
        dist = min(args.tree_distance(m.token, p) for p in path)
        if best is None or dist < best[0]:
            best = (dist, m)
    if best is None:
        return None
    dist, m = best
    conf = m.pattern.confidence * FALLBACK * max(0.3, 1.0 - 0.1 * (dist + max(0, len(path) - 3)))
    return Candidate(
        trigger=(m.token.i, m.token.i + 1),
        cameo=m.pattern.cameo,
        sources=(src.i,),
        targets=(tgt.i,),
        confidence=min(1.0, max(0.0, conf)),
        pattern=m.pattern.id,
        trigger_head=m.token.i,
    )


def _path(a: Token, b: Token) -> list[Token]:
    """Tokens on the dependency path between ``a`` and ``b`` (both included)."""
    up_a = [a, *a.ancestors]
    pos = {t.i: n for n, t in enumerate(up_a)}
    down: list[Token] = []
    for t in [b, *b.ancestors]:
        if t.i in pos:
            return up_a[: pos[t.i] + 1] + down[::-1]
        down.append(t)
    return up_a + down[::-1]
