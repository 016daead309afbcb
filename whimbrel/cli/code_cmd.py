"""``whimbrel code PATH... [--published YYYY-MM-DD] [--format jsonl|csv|table]``"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator
from pathlib import Path

from whimbrel.cli import add_config_options, config_from
from whimbrel.errors import InputError
from whimbrel.output import FORMATS, EventWriter
from whimbrel.readers import iter_article_paths, read_path
from whimbrel.records import Article


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("code", help="code the events of articles (files, directories, - for stdin)")
    p.add_argument("paths", nargs="+", type=Path, metavar="PATH")
    p.add_argument("--published", help="publication date (YYYY-MM-DD) for articles that do not give one")
    p.add_argument("--format", choices=FORMATS, default="jsonl")
    add_config_options(p)
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from whimbrel.api import code_articles, parse_published  # spaCy loads only when a command runs

    published = parse_published(args.published)
    config = config_from(args)
    writer = EventWriter(sys.stdout, args.format)
    failures: list[InputError] = []

    def articles() -> Iterator[Article]:
        for path in iter_article_paths(args.paths):
            if isinstance(path, InputError):
                failures.append(path)
                print(f"whimbrel: skipped {path}", file=sys.stderr)
                continue
            for item in read_path(path, published=published, max_bytes=config.max_bytes):
                if isinstance(item, InputError):
                    failures.append(item)
                    print(f"whimbrel: skipped {item}", file=sys.stderr)
                else:
                    yield item

    count = 0
    for _article, events in code_articles(articles(), config):
        writer.write(events)
        count += 1
    sys.stdout.flush()
    if failures:
        print(f"whimbrel: {len(failures)} input(s) failed, {count} article(s) coded", file=sys.stderr)
        return 1
    return 0
