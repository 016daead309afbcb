"""What the confidence model sees of one coded event: binary features named by strings.

Everything is read off the event records the coder returns for one article (no parse, no text beyond the
trigger word), so the same function serves training and coding.
"""

from __future__ import annotations

from collections.abc import Sequence

from whimbrel.records import Actor, Event

# bucket edges of the coder's rule-based reliability and of the sentence's length in characters
_RELIABILITY = (0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8)
_LENGTH = (80, 150, 250, 400)


def _bucket(value: float, edges: Sequence[float]) -> int:
    return next((k for k, edge in enumerate(edges) if value < edge), len(edges))


def _actor(side: str, actor: Actor | None, plover: str) -> list[str]:
    if actor is None:
        return [f"{side}:none"]
    out = [
        f"{side}:named:{actor.name is not None}:country:{actor.country is not None}",
        f"{side}:sector:{actor.sector}",
        f"{side}:{plover}:{actor.sector}",
    ]
    if not actor.text:
        out.append(f"{side}:implied")
    return out


def article_features(events: Sequence[Event]) -> list[list[str]]:
    """The features of each of one article's events (in the order given).

    Besides the event's own fields: how many events its sentence gave, how many of them have its type, and
    how many of those came before it (a list of actors split into one event per dyad gives several)."""
    by_sentence: dict[tuple[int, int], list[Event]] = {}
    for event in events:
        by_sentence.setdefault(event.span, []).append(event)
    out = []
    for event in events:
        siblings = by_sentence[event.span]
        same = [e for e in siblings if e.code.plover == event.code.plover]
        rank = next(k for k, e in enumerate(same) if e is event)
        out.append(event_features(event, len(siblings), len(same), rank))
    return out


def event_features(event: Event, in_sentence: int, same_type: int, rank: int) -> list[str]:
    """The features of one event, given the counts :func:`article_features` takes from its sentence."""
    plover = event.code.plover
    source, target = event.source, event.target
    features = [
        f"reliability:{_bucket(event.confidence, _RELIABILITY)}",
        f"type:{plover}",
        f"root:{event.code.cameo[:2]}",
        f"status:{event.status}",
        f"trigger:{event.trigger.lower()}",
        f"basis:{event.date.basis}",
        f"length:{_bucket(len(event.sentence), _LENGTH)}",
        f"in_sentence:{min(in_sentence, 4)}",
        f"same_type:{min(same_type, 3)}",
        f"rank:{min(rank, 2)}",
        *_actor("source", source, plover),
        *_actor("target", target, plover),
    ]
    if target is not None and source.country is not None and source.country == target.country:
        features.append("domestic")
    if event.attribution is not None:
        features.append("attributed")
        features.append(f"attributed:same:{event.attribution.country == source.country}")
    return features
