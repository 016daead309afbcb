"""Throughput of ``whimbrel code`` against spaCy's bare parse of the same articles, side by side.

    .venv/bin/python bench/throughput.py [PATH ...] [--rounds 3] [--min-words 20000]

Runs on one core (BLAS threads pinned to 1), alternating rounds so that machine noise hits all alike, and
prints articles/s, words/s and the ratio coder/bare (target ≥ 0.8).  "bare" is the stock spaCy model as
``spacy.load`` gives it; "parse" is whimbrel's own parse stage alone (the same model with its attribute ruler
matched by lookup, ``whimbrel.nlp.ruler``, its lemmatizer remembering each word's lemma,
``whimbrel.nlp.lemmatizer``, the lemma fixes and two parse repairs), so coder/parse is what the coding adds.
"""

from __future__ import annotations

import os

for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

import argparse  # noqa: E402
import statistics  # noqa: E402
import time  # noqa: E402
from collections.abc import Callable  # noqa: E402
from pathlib import Path  # noqa: E402

import spacy  # noqa: E402

from whimbrel.api import load_coder  # noqa: E402
from whimbrel.config import Config  # noqa: E402
from whimbrel.nlp import paragraphs  # noqa: E402
from whimbrel.readers import iter_article_paths, read_path  # noqa: E402
from whimbrel.records import Article  # noqa: E402


def load_articles(paths: list[Path], min_words: int) -> list[Article]:
    base = [a for p in iter_article_paths(paths) if isinstance(p, Path) for a in read_path(p)
            if isinstance(a, Article)]  # fmt: skip
    if not base:
        raise SystemExit("no articles found")
    articles, words = [], 0
    while words < min_words:
        for a in base:
            articles.append(a)
            words += len(a.text.split())
    return articles


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="*", type=Path, default=[Path("examples")])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--min-words", type=int, default=20000)
    parser.add_argument("--no-classifier", action="store_true")
    args = parser.parse_args()
    coder = load_coder(Config(use_classifier=not args.no_classifier))
    articles = load_articles(args.paths, args.min_words)
    words = sum(len(a.text.split()) for a in articles)

    stock = spacy.load(coder.config.model)

    def streamed(nlp: spacy.language.Language) -> Callable[[], None]:
        def run() -> None:  # the same paragraphs, streamed through spaCy the way the coder streams them
            texts = (p.text for a in articles for p in paragraphs(a.text))
            for _ in nlp.pipe(texts, batch_size=coder.config.batch_size):
                pass

        return run

    def full() -> None:
        for _ in coder.code_many(articles):
            pass

    full()  # warm caches (gazetteer, dictionaries) before timing
    runs = (("bare", streamed(stock)), ("parse", streamed(coder.nlp)), ("full", full))
    times: dict[str, list[float]] = {name: [] for name, _ in runs}
    for _ in range(args.rounds):
        for name, fn in runs:
            t0 = time.perf_counter()
            fn()
            times[name].append(time.perf_counter() - t0)
    med = {k: statistics.median(v) for k, v in times.items()}
    for name, _ in runs:
        print(
            f"{name:>5}: {len(articles) / med[name]:8.1f} articles/s  {words / med[name]:9.0f} words/s"
            f"  (median of {args.rounds}, {len(articles)} articles, {words} words)"
        )
    print(f"ratio coder/bare parse: {med['bare'] / med['full']:.3f}")
    print(f"ratio coder/whimbrel's parse stage: {med['parse'] / med['full']:.3f}")


if __name__ == "__main__":
    main()
