"""``whimbrel classify --source TEXT --target TEXT SENTENCE`` and ``whimbrel classify --tsv FILE``."""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import replace
from pathlib import Path

from whimbrel.cli import add_config_options, config_from


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("classify", help="PLOVER type and CAMEO code of source → target in a sentence")
    p.add_argument("sentence", nargs="?", help="the sentence (omit with --tsv)")
    p.add_argument("--source", help="the source actor as written in the sentence")
    p.add_argument("--target", help="the target actor as written in the sentence")
    p.add_argument("--tsv", type=Path, help="batch: TSV with header columns uid, sentence, source, target")
    p.add_argument(
        "--interacting",
        action="store_true",
        help="the pair is known to interact: always name the likeliest type, never 'none'",
    )
    p.add_argument(
        "--format", choices=("jsonl", "table"), default=None, help="jsonl (default for --tsv) or table"
    )
    p.add_argument(
        "--no-encoder",
        action="store_true",
        help="without the fine-tuned sentence encoder (faster, less accurate: docs/classifier.md)",
    )
    add_config_options(p)
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from whimbrel.classification import classify_many, read_pairs_tsv  # spaCy loads only when a command runs

    config = replace(config_from(args), use_encoder=not args.no_encoder and not args.no_classifier)
    if args.tsv is not None:
        rows = list(read_pairs_tsv(args.tsv))
        results = classify_many((r for _, r in rows), config=config, interacting=args.interacting)
        for (uid, _), result in zip(rows, results, strict=True):
            sys.stdout.write(json.dumps(result.to_dict(uid), ensure_ascii=False) + "\n")
        return 0
    if not (args.sentence and args.source and args.target):
        print("whimbrel: error: give SENTENCE with --source and --target, or --tsv FILE", file=sys.stderr)
        return 2
    result = next(
        classify_many(
            [(args.sentence, args.source, args.target)], config=config, interacting=args.interacting
        )
    )
    if args.format == "jsonl":
        print(json.dumps(result.to_dict(), ensure_ascii=False))
    else:
        print(
            f"plover: {result.plover or 'none'}\ncameo: {result.cameo or '-'}\n"
            f"confidence: {result.confidence:.2f}\ntrigger: {result.trigger or '-'}"
        )
    return 0
