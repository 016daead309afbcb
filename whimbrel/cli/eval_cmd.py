"""``whimbrel eval [--eval-dir ../shared/eval]``: score the coder on the development sets."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from whimbrel.cli import add_config_options, config_from
from whimbrel.errors import ConfigError

PARTS = ("plv", "petr2", "articles", "team")


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("eval", help="score the coder on the development evaluation sets")
    p.add_argument("--eval-dir", type=Path, default=Path("../shared/eval"))
    p.add_argument("--out", type=Path, default=Path("out/eval"), help="where the coded articles are written")
    p.add_argument("--team-dir", type=Path, default=Path("eval/team"), help="the team's own articles")
    p.add_argument("--only", choices=PARTS, action="append", help="run only these parts (repeatable)")
    add_config_options(p)
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from whimbrel.evaluation import eval_articles, eval_petr2, eval_plv  # loads the coder

    if not args.eval_dir.is_dir():
        raise ConfigError(f"no evaluation folder at {args.eval_dir}")
    config = config_from(args)
    parts = args.only or PARTS
    if "plv" in parts:
        print(json.dumps({"plv": eval_plv(args.eval_dir / "plv_dev.tsv", config)}))
    if "petr2" in parts:
        print(json.dumps({"petr2": eval_petr2(args.eval_dir / "petr2_gsr.xml", config)}))
    for part in ("articles", "team"):
        if part not in parts:
            continue
        if part == "articles":
            summary = eval_articles(args.eval_dir, args.out, config)
        elif args.team_dir.is_dir():
            summary = eval_articles(args.eval_dir, args.out / "team", config, articles_dir=args.team_dir)
        elif args.only:
            raise ConfigError(f"no team evaluation set at {args.team_dir}")
        else:
            continue  # (run from elsewhere than the repository: the team's set is not there)
        files = summary.pop("files")
        print(json.dumps({part: summary}))
        for row in files:
            print(
                json.dumps(
                    {
                        "file": row["file"],
                        "core": row["core"],
                        "found": row["core_found"],
                        "events": row["events"],
                        "correct": row["correct"],
                        "missed": row["missed"],
                    }
                )
            )
    return 0
