"""Which coded events an annotated article's gold stands for: the labels the confidence model learns.

The gold files follow the annotation guide of the evaluation sets (``eval/team/README.md``): each gold event
names a verbatim piece of its sentence, lists of acceptable source and target actors (country, sector,
name) and of acceptable PLOVER types.  A coded event is right when its sentence holds the piece, its type is
listed, and its source and target agree with the gold actors (by country; by name for actors without one;
by sector too where both sides are of one country); CONSULT, AGREE and COOPERATE may have the two swapped.

The label is whether the *reading* is right, event by event: each dyad of a jointly acting list ("France and
Germany condemned ...", one gold event with two sources) is right on its own, as the event contract splits
such lists.  The evaluation sets' scorer counts only one coded event per gold event and sentence, so on the
team's articles it counts fewer events right than these labels do.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any

from whimbrel.records import Actor, Event

Gold = Mapping[str, Any]

SYMMETRIC = frozenset({"CONSULT", "AGREE", "COOPERATE"})
MAX_SENTENCE = 600  # characters: a longer evidence "sentence" is a window, not a sentence
# names of bodies without a country that differ in every word (facts about names)
_ALIASES = (
    frozenset({"united nations", "un", "u.n.", "security council"}),
    frozenset({"european union", "eu", "e.u.", "european commission"}),
    frozenset({"nato", "north atlantic treaty organization"}),
    frozenset({"islamic state", "isis", "isil", "daesh"}),
    frozenset({"red cross", "icrc"}),
)
_FILLER = frozenset(
    [
        "the",
        "of",
        "for",
        "and",
        "international",
        "committee",
        "group",
        "organization",
        "organisation",
        "council",
        "union",
        "national",
        "state",
        "states",
        "forces",
        "force",
        "party",
        "people",
        "government",
    ]
)


def _norm(text: str | None) -> str:
    return re.sub(r"\s+", " ", text or "").strip().lower()


def _has(name: str, phrase: str) -> bool:
    return re.search(r"(?<![\w.])" + re.escape(phrase) + r"(?!\w)", name) is not None


def _words(name: str) -> set[str]:
    return {w for w in re.findall(r"[a-z][a-z'-]+", name) if w not in _FILLER and len(w) > 2}


def names_agree(a: str | None, b: str | None) -> bool:
    """Two names of one body: one within the other, aliases, or a shared distinctive word."""
    a, b = _norm(a), _norm(b)
    if not a or not b:
        return False
    if _has(a, b) or _has(b, a):
        return True
    if any(any(_has(a, x) for x in group) and any(_has(b, x) for x in group) for group in _ALIASES):
        return True
    return bool(_words(a) & _words(b))


def _actor_ok(actor: Actor | None, gold: Sequence[Gold] | None) -> bool:
    if not gold or all(not g.get("country") and not g.get("name") for g in gold):
        return True  # the text names no actor here: any coding will do
    if actor is None:
        return False
    for g in gold:
        if g.get("country"):
            if actor.country == g["country"]:
                return True
        elif g.get("name") and (names_agree(actor.name, g["name"]) or names_agree(actor.text, g["name"])):
            return True
    return False


def _sector_ok(actor: Actor | None, gold: Sequence[Gold]) -> bool:
    wanted = {g.get("sector") for g in gold if g.get("sector")}
    return actor is not None and actor.sector is not None and (not wanted or actor.sector in wanted)


def dyad_ok(source: Actor | None, target: Actor | None, gold: Gold) -> bool:
    gs, gt = gold.get("source") or [], gold.get("target") or []
    if not (_actor_ok(source, gs) and _actor_ok(target, gt)):
        return False
    countries = {g.get("country") for g in [*gs, *gt] if g.get("country")}
    if len(countries) == 1 and gs and gt and any(g.get("sector") for g in [*gs, *gt]):
        # one country's two sides (police and protesters) are told apart by sector
        return _sector_ok(source, gs) or _sector_ok(target, gt)
    return True


def piece(event: Event, gold: Gold) -> str | None:
    """The gold event's piece of text (its sentence or an ``also_in``) that the event's sentence holds."""
    sentence = _norm(event.sentence)
    if not sentence or len(sentence) > MAX_SENTENCE:
        return None
    for text in [gold["sentence"], *gold.get("also_in", [])]:
        p = _norm(text)
        if p and (p in sentence or (len(sentence) > 15 and sentence in p)):
            return p
    return None


def matches(event: Event, gold: Gold) -> bool:
    """Whether the gold event stands for the coded event."""
    plover = event.code.plover
    if plover not in gold["plover"] or piece(event, gold) is None:
        return False
    return dyad_ok(event.source, event.target, gold) or (
        plover in SYMMETRIC and dyad_ok(event.target, event.source, gold)
    )


def labels(events: Sequence[Event], gold_events: Sequence[Gold]) -> list[bool]:
    """Whether each coded event's reading is right: some gold event of its sentence stands for it."""
    return [any(matches(event, gold) for gold in gold_events) for event in events]
