"""Actor pairs of natural news text from the team's annotated articles, labelled by their gold.

    python training/team_pairs.py [--team eval/team] [--out training/team_pairs.tsv]

The coder reads every article of the team's set (``eval/team``: articles the team wrote, with gold written
before any run; never ``eval/holdout`` or ``../shared/eval``).  Each coded event whose sentence and dyad a
gold event stands for (``whimbrel.calibration.gold``: the gold's piece of text in the sentence, source and
target agreeing by country, name or sector) gives one pair: the sentence, the coded source and target as
they stand in it, and a label taken from the gold (the coder's type when the gold lists it, else the gold's
first type).  Events no gold stands for give no row: a sentence the gold does not code may still report an
act the gold leaves out, so it is no sure negative.

The labels follow the pair classifier's conventions (``docs/classifier.md``), which differ from the article
gold's annotation guide in three places:

* an announced or intended act is the intent (AGREE for cooperation, THREATEN for conflict), as
  ``whimbrel/codes/reported.tsv`` converts it; a hypothetical act gives no row (the conventions leave it to
  the status module);
* signing, concluding or ratifying a formal agreement is SUPPORT (CAMEO 057 under PLOVER's table; the
  article guide codes it AGREE);
* imposing sanctions, an embargo or tariffs is COERCE (CAMEO 163 under PLOVER's table; the guide: SANCTION).

The group of a row is ``team:ARTICLE``, so that the classifier's held-out split holds out whole articles.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from whimbrel.api import load_coder  # noqa: E402
from whimbrel.calibration.gold import SYMMETRIC, dyad_ok, piece  # noqa: E402
from whimbrel.codes.reported import ReportedTypes  # noqa: E402
from whimbrel.config import Config  # noqa: E402
from whimbrel.readers import read_path  # noqa: E402
from whimbrel.records import Event  # noqa: E402

SIGNING = re.compile(r"\b(sign|signs|signed|signing|ratif\w*|conclud\w*|initial+ed)\b", re.I)
AGREEMENT = re.compile(r"\b(agreement|accord|pact|treaty|deal|memorandum|convention|protocol)s?\b", re.I)
SANCTIONS = re.compile(r"\b(sanction\w*|embargo\w*|tariffs?|blacklist\w*)\b", re.I)
CLEAN = re.compile(r"[\t\n\r]")


def act_label(
    coded: str, types: list[str], status: str | None, trigger: str, sentence: str, reported: ReportedTypes
) -> str | None:
    """The pair classifier's label for a coded event (type ``coded``, trigger word ``trigger``) that a gold
    event of ``types`` and ``status`` stands for, or None (no row)."""
    plover = coded if coded in types else types[0]
    if status == "hypothetical":
        return None
    if status == "planned":
        converted = reported.convert(plover, "planned", None)
        if converted is not None:
            plover = converted[0]
    if plover == "AGREE" and status != "planned" and SIGNING.search(trigger) and AGREEMENT.search(sentence):
        plover = "SUPPORT"
    if plover == "SANCTION" and SANCTIONS.search(sentence) and not re.search(r"\blift|eas", trigger, re.I):
        plover = "COERCE"
    return plover


def pair_label(labels: list[str | None]) -> str | None:
    """One label for a pair from those of every gold event of its dyad in the sentence (in gold order).

    "Called Aoun to congratulate him": the gold codes the call and the praise, two acts of one dyad; the
    pair's label is the act done in the call or meeting, the call alone is CONSULT (docs/classifier.md)."""
    if not labels or None in labels:
        return None
    acts = [t for t in labels if t != "CONSULT"]
    return acts[0] if acts else labels[0]


def label(event: Event, gold: dict, reported: ReportedTypes) -> str | None:
    """``act_label`` of a coded event and one gold event."""
    status = gold.get("status")
    status = status[0] if isinstance(status, list) else status
    return act_label(event.code.plover, gold["plover"], status, event.trigger or "", event.sentence, reported)


def first_at(sentence: str, phrase: str, start: int) -> bool:
    """Whether the phrase's first occurrence in the sentence is the one at ``start`` (the training file
    marks the first occurrence)."""
    return bool(phrase) and sentence.find(phrase) == start


def pairs(team: Path) -> tuple[list[tuple[str, str, str, str, str]], Counter[str]]:
    coder = load_coder(Config())
    reported = ReportedTypes.load()
    rows: list[tuple[str, str, str, str, str]] = []
    why: Counter[str] = Counter()
    seen: set[tuple[str, str, str]] = set()
    for gold_path in sorted((team / "gold").glob("*.json")):
        gold_events = json.loads(gold_path.read_text(encoding="utf-8"))["events"]
        article_path = team / "articles" / f"{gold_path.stem}.md"
        raw = re.sub(r"\s+", " ", article_path.read_text(encoding="utf-8"))
        for item in read_path(article_path):
            if isinstance(item, Exception):
                raise item
            for event in coder.code(item):
                if event.source is None or event.target is None:
                    why["one-sided"] += 1
                    continue
                golds = [
                    g
                    for g in gold_events
                    if piece(event, g) is not None
                    and (
                        dyad_ok(event.source, event.target, g)
                        or (set(g["plover"]) <= SYMMETRIC and dyad_ok(event.target, event.source, g))
                    )
                ]
                if not golds:
                    why["no gold for the dyad"] += 1
                    continue
                tag = pair_label([label(event, g, reported) for g in golds])
                if tag is None:
                    why["hypothetical"] += 1
                    continue
                sentence = CLEAN.sub(" ", event.sentence)
                offset = event.span[0]
                src, tgt = event.source, event.target
                if src.span is None or tgt.span is None or src.text == tgt.text:
                    why["no spans"] += 1
                    continue
                if not (
                    first_at(sentence, src.text, src.span[0] - offset)
                    and first_at(sentence, tgt.text, tgt.span[0] - offset)
                ):
                    why["actor not first in sentence"] += 1
                    continue
                if re.sub(r"\s+", " ", sentence) not in raw:
                    # a sentence the reader rewrote ("**Photo Agency / Reuters**TUNIS —": emphasis dropped
                    # and words glued) cannot be traced to its article: no row
                    why["not verbatim"] += 1
                    continue
                key = (sentence, src.text, tgt.text)
                if key in seen:
                    why["repeat"] += 1
                    continue
                seen.add(key)
                why["row"] += 1
                rows.append((sentence, src.text, tgt.text, tag, f"team:{gold_path.stem}"))
    return rows, why


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--team", type=Path, default=ROOT / "eval" / "team")
    parser.add_argument("--out", type=Path, default=ROOT / "training" / "team_pairs.tsv")
    args = parser.parse_args(argv)
    if "holdout" in args.team.resolve().parts:
        raise SystemExit(f"error: {args.team} is the held-out set: it is measured only, never trained on")
    rows, why = pairs(args.team)
    header = "# Generated by training/team_pairs.py from eval/team (articles + gold); do not edit\n"
    header += "sentence\tsource\ttarget\tlabel\tgroup\n"
    args.out.write_text(header + "".join("\t".join(r) + "\n" for r in rows), encoding="utf-8")
    print(dict(why.most_common()), file=sys.stderr)
    print(dict(Counter(r[3] for r in rows).most_common()), file=sys.stderr)


if __name__ == "__main__":
    main()
