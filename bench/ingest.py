"""Ingest overhead: time to code N articles vs. time to code *and* store them (segments + dedup), one run.

    .venv/bin/python bench/ingest.py [--articles 400] [--batch 500]

Articles are the bundled examples, each copy given its own URL (so its own article id); the store is a fresh
temporary folder. Prints both times and the overhead (ingest / code − 1; target ≤ 10%).
"""

from __future__ import annotations

import argparse
import dataclasses
import tempfile
import time
from pathlib import Path

from whimbrel.api import load_coder
from whimbrel.readers import iter_article_paths, read_path
from whimbrel.records import Article
from whimbrel.store import Store


def articles(count: int) -> list[Article]:
    base = [a for p in iter_article_paths([Path("examples")]) if isinstance(p, Path) for a in read_path(p)
            if isinstance(a, Article)]  # fmt: skip
    return [
        dataclasses.replace(base[i % len(base)], url=f"https://bench.example.org/{i}", supplied_id=None)
        for i in range(count)
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=400)
    parser.add_argument("--batch", type=int, default=500)
    args = parser.parse_args()
    coder = load_coder()
    items = articles(args.articles)
    list(coder.code_many(items[:5]))  # warm up
    t0 = time.perf_counter()
    coded = list(coder.code_many(items))
    code_s = time.perf_counter() - t0
    events = sum(len(e) for _, e in coded)
    with tempfile.TemporaryDirectory() as tmp:
        store = Store.open(Path(tmp) / "store", create=True)
        t0 = time.perf_counter()
        with store.writer() as writer:
            for start in range(0, len(items), args.batch):
                for article, evs in coder.code_many(items[start : start + args.batch]):
                    writer.add(article, evs)
                writer.commit()
        ingest_s = time.perf_counter() - t0
    print(f"{len(items)} articles, {events} events, batches of {args.batch}")
    print(f"code only: {code_s:.2f} s   code + store + dedup: {ingest_s:.2f} s")
    print(f"ingest overhead: {ingest_s / code_s - 1:.1%} of coding time (target <= 10%)")


if __name__ == "__main__":
    main()
