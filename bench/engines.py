"""Scale-out benchmark: articles/s of the bare spaCy parse and of each engine on the same articles, one run.

    .venv/bin/python bench/engines.py [PATH ...] [--workers 2] [--chunk 8] [--rounds 2] [--min-words 40000]

Prints, for the bare parse (one process), LocalEngine, ProcessEngine(N) and DaskEngine(N local workers):
articles/s, words/s, the ratio to the bare parse, engine start-up time and peak resident memory per worker;
then the Dask-N / Local ratio against the issue's targets (≥ 1.7× on 2 workers, ≤ 1 GB per worker).
Start-up (spawning workers, loading the model) is timed apart; each engine codes the corpus once untimed to
warm its caches, then ``--rounds`` timed passes (median).  BLAS/OpenMP threads are pinned to 1 everywhere:
one process per core, no oversubscription.
"""

from __future__ import annotations

import os

for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "BLIS_NUM_THREADS"):
    os.environ[_var] = "1"

import argparse  # noqa: E402
import statistics  # noqa: E402
import time  # noqa: E402
from collections.abc import Callable  # noqa: E402
from pathlib import Path  # noqa: E402

import spacy  # noqa: E402
from throughput import load_articles  # noqa: E402  (bench/ is the script folder)

from whimbrel.config import Config  # noqa: E402
from whimbrel.engines import make_engine  # noqa: E402
from whimbrel.engines.worker import peak_rss  # noqa: E402
from whimbrel.nlp import paragraphs  # noqa: E402

MB = 2**20


def timed(fn: Callable[[], object], rounds: int) -> float:
    """Median wall time of ``rounds`` calls, after one untimed warm-up call."""
    fn()
    times = []
    for _ in range(rounds):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="*", type=Path, default=[Path("examples")])
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--chunk", type=int, default=8)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--min-words", type=int, default=40000)
    args = parser.parse_args()
    config = Config()
    articles = load_articles(args.paths, args.min_words)
    words = sum(len(a.text.split()) for a in articles)
    print(f"{len(articles)} articles, {words} words, {os.cpu_count()} CPUs, {args.workers} workers")
    stock = spacy.load(config.model)  # the stock model, as bench/throughput.py's "bare"

    def bare() -> None:  # the coder's paragraphs, streamed through spaCy the way the coder streams them
        texts = (p.text for a in articles for p in paragraphs(a.text))
        for _ in stock.pipe(texts, batch_size=config.batch_size):
            pass

    rows: dict[str, tuple[float, float, list[int]]] = {"bare parse": (0.0, timed(bare, args.rounds), [])}
    for name in ("local", "process", "dask"):
        t0 = time.perf_counter()
        engine = make_engine(name, config, workers=args.workers, chunk=args.chunk)
        startup = time.perf_counter() - t0
        try:
            seconds = timed(lambda e=engine: sum(1 for _ in e.code(articles)), args.rounds)  # type: ignore[misc]
            peaks = list(engine.peak_memory().values())  # type: ignore[attr-defined]
        finally:
            engine.close()
        label = name if name == "local" else f"{name}-{args.workers}"
        rows[label] = (startup, seconds, peaks if name != "local" else [peak_rss()])
    report(rows, len(articles), words, args.workers)


def report(rows: dict[str, tuple[float, float, list[int]]], n: int, words: int, workers: int) -> None:
    """Print the table and the issue's targets."""
    bare = rows["bare parse"][1]
    print(f"{'':<12}{'articles/s':>11}{'words/s':>10}{'× bare':>8}{'start s':>9}  peak RSS per worker (MB)")
    for label, (startup, seconds, peaks) in rows.items():
        mem = ", ".join(f"{p / MB:.0f}" for p in peaks) or "-"
        rates = f"{n / seconds:>11.1f}{words / seconds:>10.0f}{bare / seconds:>8.2f}"
        print(f"{label:<12}{rates}{startup:>9.1f}  {mem}")
    local = rows["local"][1]
    dask_speedup = local / rows[f"dask-{workers}"][1]
    verdict = "met" if dask_speedup >= 1.7 else "MISSED"
    print(f"dask-{workers} / local: {dask_speedup:.2f}×  (target ≥ 1.7× on 2 workers: {verdict})")
    print(f"process-{workers} / local: {local / rows[f'process-{workers}'][1]:.2f}×")
    worst = max(p for label, (_, _, peaks) in rows.items() if "-" in label for p in peaks) / MB
    print(f"largest worker peak RSS: {worst:.0f} MB  (target ≤ 1 GB: {'met' if worst <= 1024 else 'MISSED'})")


if __name__ == "__main__":
    main()
