"""Engines: same events from every engine, input order, bounded streaming, real worker processes.

One process pool and one Dask local cluster (2 workers each) serve the whole module; a second, external
LocalCluster checks that a scheduler address works.  No mocks: real spawned processes, real Dask, SIGKILL.
"""

from __future__ import annotations

import itertools
import json
import logging
import os
import pickle
import random
import signal
import time
from collections.abc import Generator, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from whimbrel.config import Config
from whimbrel.engines import DaskEngine, EngineError, LocalEngine, ProcessEngine, make_engine
from whimbrel.engines.base import chunked, stream_ordered
from whimbrel.errors import ConfigError
from whimbrel.records import Article, Event

CONFIG = Config()
CHUNK = 3  # small chunks: ten articles make four chunks, so the in-flight window really slides

NEWS = [
    ("Moscow", "Russian President Vladimir Putin met Chinese President Xi Jinping in Beijing on Monday. "
     "The two leaders signed an agreement on energy cooperation."),
    ("Kyiv", "Ukrainian forces shelled positions held by Russian troops near Donetsk on Tuesday, the army "
     "said. Russia accused Ukraine of violating the ceasefire."),
    ("Washington", "The United States imposed new sanctions on Iran on Wednesday over its nuclear programme. "
     "Iran condemned the decision and threatened to retaliate."),
    ("Brussels", "The European Union will send 200 million euros in humanitarian aid to Sudan, officials "
     "said on Thursday. The aid will reach refugees in Darfur next month."),
    ("Ankara", "Turkish police arrested dozens of opposition activists in Istanbul on Friday. Protesters "
     "demonstrated against the government in Ankara."),
    ("Tokyo", "Japan and South Korea agreed to resume security talks, the Japanese foreign ministry said. "
     "Prime Minister Fumio Kishida will visit Seoul in March."),
    ("Cairo", "Egypt urged Israel and Hamas to accept a ceasefire in Gaza. Egyptian mediators met a Hamas "
     "delegation in Cairo on Saturday."),
    ("Caracas", "Venezuela expelled the Spanish ambassador on Sunday after Spain criticized the election. "
     "Spain denied interfering in Venezuelan affairs."),
    ("Nairobi", "Kenyan troops killed ten al-Shabaab militants in a raid near the Somali border, the Kenyan "
     "military said on Monday."),
    ("Berlin", "German Chancellor Olaf Scholz praised France for its support and promised to increase "
     "military aid to Ukraine. Scholz did not meet the Russian ambassador."),
]  # fmt: skip


def news_article(i: int, dateline: str, text: str) -> Article:
    return Article(
        text=f"{dateline} - {text}",
        title=None,
        published=date(2023, 3, 6) + (date(2023, 3, 7) - date(2023, 3, 6)) * (i % 5),
        outlet=f"wire{i % 3}",
        supplied_id=f"test-{i}",
    )


ARTICLES = [news_article(i, dateline, text) for i, (dateline, text) in enumerate(NEWS)]


def canonical(results: list[tuple[Article, list[Event]]]) -> str:
    """Every event dict, sorted and dumped: equal strings ⇔ identical events."""
    return json.dumps(
        sorted(json.dumps(e.to_dict(), sort_keys=True) for _, events in results for e in events)
    )


@pytest.fixture(scope="module")
def local() -> Iterator[LocalEngine]:
    with LocalEngine(CONFIG) as engine:
        yield engine


@pytest.fixture(scope="module")
def process() -> Iterator[ProcessEngine]:
    with ProcessEngine(CONFIG, workers=2, chunk=CHUNK) as engine:
        yield engine


@pytest.fixture(scope="module")
def dask() -> Iterator[DaskEngine]:
    with DaskEngine(CONFIG, workers=2, chunk=CHUNK) as engine:
        yield engine


@pytest.fixture(scope="module")
def expected(local: LocalEngine) -> list[tuple[Article, list[Event]]]:
    return list(local.code(ARTICLES))


def test_the_articles_have_events(expected: list[tuple[Article, list[Event]]]) -> None:
    # Identity on empty output would prove nothing: most of these articles must code to events.
    assert sum(1 for _, events in expected if events) >= 7
    assert sum(len(events) for _, events in expected) >= 12


@pytest.mark.parametrize("name", ["process", "dask"])
def test_engines_give_the_local_events_in_input_order(
    name: str, request: pytest.FixtureRequest, expected: list[tuple[Article, list[Event]]]
) -> None:
    engine = request.getfixturevalue(name)
    results = list(engine.code(ARTICLES))
    assert [a.id for a, _ in results] == [a.id for a in ARTICLES]
    assert [a for a, _ in results] == ARTICLES
    assert canonical(results) == canonical(expected)
    # Events also stay attached to their own article, in the coder's order.
    assert [[e.id for e in events] for _, events in results] == [[e.id for e in ev] for _, ev in expected]


@pytest.mark.parametrize("name", ["local", "process", "dask"])
def test_empty_input_yields_nothing(name: str, request: pytest.FixtureRequest) -> None:
    assert list(request.getfixturevalue(name).code([])) == []


@pytest.mark.parametrize("name", ["local", "process", "dask"])
def test_engines_stream_an_endless_feed(name: str, request: pytest.FixtureRequest) -> None:
    engine = request.getfixturevalue(name)
    consumed = 0

    def feed() -> Iterator[Article]:  # never ends: an engine that reads ahead unboundedly hangs here
        nonlocal consumed
        for i in itertools.count():
            consumed += 1
            yield news_article(i, "Feed", NEWS[i % len(NEWS)][1] + f" Update {i}.")

    taken = list(itertools.islice(engine.code(feed()), 7))
    assert [a.supplied_id for a, _ in taken] == [f"test-{i}" for i in range(7)]
    if isinstance(engine, LocalEngine):  # spaCy's pipe reads one batch of paragraphs ahead
        assert consumed <= 7 + CONFIG.batch_size
    else:  # the window: 2 × workers chunks in flight, plus the chunk being read
        assert consumed <= 7 + 2 * engine.workers * CHUNK + CHUNK


def test_everything_shipped_to_workers_pickles(expected: list[tuple[Article, list[Event]]]) -> None:
    events = [e for _, ev in expected for e in ev]
    shipped: list[object] = [
        CONFIG,
        Config(actor_files=(Path("extra.tsv"),), use_classifier=False, batch_size=4),
        *ARTICLES,
        *events,
    ]
    for value in shipped:
        copy = pickle.loads(pickle.dumps(value))
        assert copy == value
    assert [e.to_dict() for e in pickle.loads(pickle.dumps(events))] == [e.to_dict() for e in events]


@pytest.mark.parametrize("name", ["process", "dask"])
def test_workers_stay_under_a_gigabyte(name: str, request: pytest.FixtureRequest) -> None:
    engine = request.getfixturevalue(name)
    list(engine.code(ARTICLES))
    peaks = engine.peak_memory()
    assert len(peaks) == 2
    for peak in peaks.values():
        assert 50 * 2**20 < peak < 2**30  # the language model is loaded, and the 1 GB target holds


def test_workers_are_single_threaded(process: ProcessEngine, dask: DaskEngine) -> None:
    pool = process._pool
    assert pool is not None
    assert pool.submit(os.getenv, "OPENBLAS_NUM_THREADS").result() == "1"
    client = dask._client
    assert client is not None
    assert set(client.run(os.getenv, "OMP_NUM_THREADS").values()) == {"1"}
    # and the stack sampler that would compete with spaCy for the worker's core is off
    assert set(client.run(_worker_profiling).values()) == {False}
    # and glibc keeps its default trimming (with the nanny's 64 KiB threshold bench/engines.py gave 1.37x)
    assert set(client.run(os.getenv, "MALLOC_TRIM_THRESHOLD_").values()) == {None}


def _worker_profiling() -> bool:
    import dask

    return bool(dask.config.get("distributed.worker.profile.enabled"))


BAD_OPTIONS = [
    ({"name": "spark"}, "unknown engine 'spark'"),
    ({"name": "process", "workers": 0}, "workers must be a positive integer"),
    ({"name": "dask", "workers": -2}, "workers must be a positive integer"),
    ({"name": "process", "chunk": 0}, "chunk must be a positive integer"),
    ({"name": "local", "scheduler": "tcp://127.0.0.1:8786"}, "needs the dask engine"),
    ({"name": "process", "scheduler": "tcp://127.0.0.1:8786"}, "needs the dask engine"),
]


@pytest.mark.parametrize(("options", "message"), BAD_OPTIONS)
def test_bad_options_are_config_errors(options: dict[str, object], message: str) -> None:
    name = str(options.pop("name"))
    with pytest.raises(ConfigError, match=message) as info:
        make_engine(name, CONFIG, **options)  # type: ignore[arg-type]
    assert "\n" not in str(info.value)


def test_make_engine_starts_the_local_engine() -> None:
    engine = make_engine("local", CONFIG)
    assert isinstance(engine, LocalEngine)
    assert [a for a, _ in engine.code(ARTICLES[:2])] == ARTICLES[:2]
    engine.close()
    engine.close()
    with pytest.raises(EngineError, match="after close"):
        engine.code(ARTICLES)


def test_an_existing_scheduler_address_works(expected: list[tuple[Article, list[Event]]]) -> None:
    from distributed import LocalCluster

    cluster = LocalCluster(
        n_workers=1,
        threads_per_worker=1,
        processes=True,
        host="127.0.0.1",
        dashboard_address=None,
        scheduler_kwargs={"dashboard_address": "127.0.0.1:0"},
        silence_logs=logging.ERROR,
    )
    try:
        engine = make_engine("dask", CONFIG, scheduler=cluster.scheduler_address, chunk=4)
        assert isinstance(engine, DaskEngine)
        assert engine.scheduler_address == cluster.scheduler_address
        assert engine.workers == 1
        assert canonical(list(engine.code(ARTICLES))) == canonical(expected)
        engine.close()
        # The engine did not start this cluster, so closing the engine leaves it running.
        assert len(cluster.scheduler_info["workers"]) == 1
        with pytest.raises(EngineError, match="after close"):
            engine.code(ARTICLES)
    finally:
        cluster.close()


def test_an_unreachable_scheduler_is_one_line() -> None:
    with pytest.raises(EngineError, match="cannot reach scheduler") as info:
        DaskEngine(CONFIG, scheduler="tcp://127.0.0.1:9", timeout=1)
    assert "\n" not in str(info.value)


def test_a_killed_pool_worker_is_one_clear_error() -> None:
    engine = ProcessEngine(CONFIG, workers=1, chunk=2)
    (pid,) = [int(k.split(":")[1]) for k in engine.peak_memory()]
    os.kill(pid, signal.SIGKILL)
    with pytest.raises(EngineError, match="worker process died") as info:
        list(engine.code(ARTICLES))
    assert "\n" not in str(info.value)
    engine.close()
    engine.close()
    with pytest.raises(EngineError, match="after close"):
        engine.code(ARTICLES)


def test_a_killed_dask_worker_is_replaced_and_nothing_is_lost(
    dask: DaskEngine, expected: list[tuple[Article, list[Event]]]
) -> None:
    client = dask._client
    assert client is not None
    pids = list(client.run(os.getpid).values())
    stream = dask.code(ARTICLES)
    first = next(stream)  # chunks are in flight on both workers now
    os.kill(pids[0], signal.SIGKILL)
    results = [first, *stream]
    assert [a for a, _ in results] == ARTICLES
    assert canonical(results) == canonical(expected)
    client.wait_for_workers(2, timeout=60)  # the nanny has started a fresh worker


# --- the in-order window, on its own, with real threads finishing in random order ---


@settings(max_examples=40, deadline=None)
@given(
    n=st.integers(0, 40),
    chunk=st.integers(1, 6),
    limit=st.integers(1, 5),
    seed=st.integers(0, 2**16),
)
def test_window_keeps_order_and_bounds_what_is_in_flight(n: int, chunk: int, limit: int, seed: int) -> None:
    rng = random.Random(seed)
    delays = [rng.random() / 2000 for _ in range(n)]
    consumed = 0

    def items() -> Iterator[int]:
        nonlocal consumed
        for i in range(n):
            consumed += 1
            yield i

    def work(batch: list[int]) -> list[int]:
        time.sleep(sum(delays[i] for i in batch))  # later chunks often finish first
        return [i * i for i in batch]

    out: list[tuple[int, int]] = []
    with ThreadPoolExecutor(4) as pool:
        for item, result in stream_ordered(items(), lambda b: pool.submit(work, b), chunk=chunk, limit=limit):
            assert consumed - len(out) <= limit * chunk
            out.append((item, result))
    assert out == [(i, i * i) for i in range(n)]


def test_window_cancels_what_is_in_flight_when_the_consumer_stops() -> None:
    futures: list[Future[list[int]]] = []

    def slow(batch: list[int]) -> list[int]:
        time.sleep(0.05)
        return batch

    def submit(batch: list[int]) -> Future[list[int]]:
        futures.append(pool.submit(slow, batch))
        return futures[-1]

    with ThreadPoolExecutor(1) as pool:
        stream = stream_ordered(range(100), submit, chunk=2, limit=4)
        assert isinstance(stream, Generator)
        assert next(stream) == (0, 0)
        stream.close()
        assert len(futures) == 4
        assert any(f.cancelled() for f in futures)


def test_a_short_result_is_an_engine_error() -> None:
    with ThreadPoolExecutor(1) as pool, pytest.raises(EngineError, match="2 results for 3"):
        list(stream_ordered(range(3), lambda b: pool.submit(lambda: b[:2]), chunk=3, limit=1))


@pytest.mark.parametrize(
    ("n", "size", "sizes"), [(0, 3, []), (1, 3, [1]), (6, 3, [3, 3]), (7, 3, [3, 3, 1]), (5, 1, [1] * 5)]
)
def test_chunked(n: int, size: int, sizes: list[int]) -> None:
    batches = list(chunked(range(n), size))
    assert [len(b) for b in batches] == sizes
    assert [i for b in batches for i in b] == list(range(n))
