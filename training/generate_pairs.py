"""Generate ``training/plover_pairs.tsv`` from the hand-written pairs and the templates.

Run from the repository root:  ``python training/generate_pairs.py``  (deterministic: fixed seed).
Output columns: sentence, source, target, label, group (rows from one template share a group, so the
held-out split in training never sees a template it was trained on).
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from templates import ACTORS, DAYS, NONE_TEMPLATES, PLACES, PREFIXES, SUFFIXES, TEMPLATES  # noqa: E402

SEED = 20240611
PER_TYPE = 90
NONE_COUNT = 220
DISTRACTOR_NONE = 90
SPEAKERS = ["a senior official", "the foreign ministry", "a government spokesman", "analysts", "diplomats"]
WRAPPERS = [
    "{c}",
    "{c}",
    "{c}",
    "{c}",
    "{c}",
    "{w} said {c}",
    "{w} confirmed that {c}",
    "Reports said {c}",
    "It was unclear whether {c}",
    "{c}, but the claim could not be independently verified",
    "{w} denied reports that {c}",
    "{w} said it was not true that {c}",
    "{w} told reporters that {c}",
]
TAILS = [
    ", a day after {X} held talks in {P}",
    ", as {X} called for calm",
    ", while {X} condemned the violence",
    ", weeks after {X} imposed new sanctions",
    ", even as {X} pledged aid to the region",
    ", days after {X} threatened to retaliate",
    ", after {X} rejected a ceasefire proposal",
    ", as {X} deployed more troops",
    ", while {X} staged protests in {P}",
    ", after {X} arrested dozens",
]


def pick(rng: random.Random, roles: str, avoid: set[str]) -> str:
    """A random actor from the pools named by ``roles``, not overlapping any string in ``avoid``."""
    pool = [a for r in roles.split() for a in ACTORS[r]]
    while True:
        actor = rng.choice(pool)
        if all(actor.lower() not in x.lower() and x.lower() not in actor.lower() for x in avoid):
            return actor


def realise(rng: random.Random, template: str, tail: bool) -> tuple[str, str, str] | None:
    """Fill one template; returns (sentence, source, target), or None if the actors are not unique."""
    s_roles, t_roles, text = template.split("|")
    source = pick(rng, s_roles, set())
    target = pick(rng, t_roles, {source})
    clause = text.format(S=source, T=target, P=rng.choice(PLACES), D=rng.choice(DAYS))
    if tail and rng.random() < 0.25:
        other = pick(rng, "ST IG LD", {source, target})
        clause += rng.choice(TAILS).format(X=other, P=rng.choice(PLACES))
    wrapper = rng.choice(WRAPPERS)
    prefix = rng.choice(PREFIXES) if wrapper == "{c}" else ""
    if (wrapper != "{c}" or prefix) and clause.startswith(("The ", "A ")):
        clause = clause[0].lower() + clause[1:]  # "Officials said the ..." not "... said The ..."
    clause = prefix + wrapper.format(w=rng.choice(SPEAKERS).capitalize(), c=clause)
    sentence = clause[0].upper() + clause[1:] + rng.choice(SUFFIXES)
    if (
        sentence.count(source) < 1
        or sentence.count(target) < 1
        or sentence.find(source) == sentence.find(target)
    ):
        return None
    return sentence, source, target


def distractor_none(rng: random.Random, templates: list[str]) -> tuple[str, str, str]:
    """A positive sentence plus a bystander clause; the marked pair is the bystander and one actor."""
    while True:
        made = realise(rng, rng.choice(templates), tail=False)
        if made is None:
            continue
        sentence, source, target = made
        bystander = pick(rng, "ST LD IG", {source, target})
        clause = rng.choice(
            [
                "{X} said it was following the situation closely",
                "{X} held elections in {P} {D}",
                "{X} reported record exports",
                "{X} hosted a football tournament in {P}",
            ]
        )
        sentence = (
            sentence.rstrip(".")
            + "; separately, "
            + clause.format(X=bystander, P=rng.choice(PLACES), D=rng.choice(DAYS))
            + "."
        )
        return sentence, bystander, rng.choice([source, target])


DATELINES = ["GENEVA — ", "NAIROBI — ", "BEIRUT — ", "KYIV, Ukraine — ", "MANILA (Reuters) - ", "BOGOTA — "]
ATTRIBUTIONS = [
    ", officials said.",
    ", according to state media.",
    ", diplomats said on condition of anonymity.",
]
NATURAL_COPIES = 2  # natural rows are worth more than template rows: each also appears in a reworded copy


def natural_rows(rng: random.Random) -> list[str]:
    """Rows of ``natural.tsv`` plus, per row, copies with a dateline or an attribution added (the same
    group, so a held-out sentence is held out with its copies)."""
    out = []
    lines = (HERE / "natural.tsv").read_text(encoding="utf-8").splitlines()
    for number, line in enumerate(lines):
        if line.startswith("#") or line.startswith("sentence\t") or not line.strip():
            continue
        sentence, source, target, label = line.split("\t")
        out.append(f"{line}\tnat{number}")
        for _ in range(NATURAL_COPIES - 1):
            if "—" in sentence[:30] or rng.random() < 0.5:
                variant = sentence.rstrip(".") + rng.choice(ATTRIBUTIONS)
            else:
                variant = rng.choice(DATELINES) + sentence
            out.append("\t".join((variant, source, target, label, f"nat{number}")))
    return out


def main() -> None:
    """Write the combined training file."""
    rng = random.Random(SEED)
    out = [
        "# Generated by training/generate_pairs.py (handwritten.tsv, natural.tsv, templates.py); do not edit",
        "sentence\tsource\ttarget\tlabel\tgroup",
    ]
    for number, line in enumerate((HERE / "handwritten.tsv").read_text(encoding="utf-8").splitlines()):
        if line.startswith("#") or line.startswith("sentence\t") or not line.strip():
            continue
        out.append(f"{line}\thand{number}")
    out += natural_rows(rng)
    for label, templates in [*TEMPLATES.items(), ("NONE", NONE_TEMPLATES)]:
        count = NONE_COUNT if label == "NONE" else PER_TYPE
        made = 0
        while made < count:
            index = made % len(templates)
            row = realise(rng, templates[index], tail=label != "NONE")
            if row:
                out.append("\t".join((*row, label, f"{label}{index}")))
                made += 1
    all_templates = [t for ts in TEMPLATES.values() for t in ts]
    for n in range(DISTRACTOR_NONE):
        out.append("\t".join((*distractor_none(rng, all_templates), "NONE", f"bystander{n % 10}")))
    (HERE / "plover_pairs.tsv").write_text("\n".join(out) + "\n", encoding="utf-8")
    print(f"wrote {len(out) - 2} pairs to {HERE / 'plover_pairs.tsv'}")


if __name__ == "__main__":
    main()
