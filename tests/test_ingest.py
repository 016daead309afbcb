"""Ingest end to end with the real coder: idempotence, new versions, SIGKILL crash safety, a concurrent reader
process, bad files and the --quiet log (real subprocesses, real DuckDB; no mocks)."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from whimbrel.cli import main
from whimbrel.store import Store, ingest

ROOT = Path(__file__).resolve().parents[1]

STORIES = [
    ("Russian President Vladimir Putin met Chinese President Xi Jinping in Beijing on Monday.", "Wire A"),
    ("The United States will impose new sanctions on Iran next week, officials said.", "Wire B"),
    ("Israeli troops arrested three Palestinian protesters in Hebron on Tuesday.", "Wire A"),
    ("French President Emmanuel Macron called on Russia to withdraw its forces from Ukraine.", None),
    ("Police in Nairobi fired tear gas at opposition supporters on Wednesday.", "Wire C"),
    ("Germany pledged 50 million euros in humanitarian aid to Sudan on Thursday.", "Wire B"),
    ("Turkish President Recep Tayyip Erdogan will visit Qatar next month.", "Wire A"),
    ("North Korea accused South Korea of provoking a military confrontation.", "Wire C"),
    ("Protesters in Caracas demanded the resignation of President Nicolas Maduro on Friday.", None),
    ("Japan and India signed a defence cooperation agreement in Tokyo on Saturday.", "Wire B"),
    ("Egypt rejected Ethiopia's proposal on the dam talks, the foreign ministry said.", "Wire A"),
    ("Indian Prime Minister Narendra Modi met Japanese Prime Minister Fumio Kishida on Monday.", "Wire C"),
]


def write_articles(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for n, (text, outlet) in enumerate(STORIES, 1):
        head = f"url: https://news.example.org/{n}\npublished: 2024-05-{n:02d}\ntitle: Story {n}\n"
        head += f"outlet: {outlet}\n" if outlet else ""
        (folder / f"story{n:02d}.txt").write_text(f"{head}\n{text}\n", encoding="utf-8")
    return folder


def tables(path: Path) -> dict[str, list[str]]:
    """Every view as sorted JSON rows, without the columns that record when and in which batch."""
    con = Store.open(path).connect()
    try:
        out = {}
        for view in ("articles", "mentions", "events", "failures"):
            rel = con.sql(f"SELECT * EXCLUDE (segment) FROM {view}" if view in ("articles", "failures")
                          else f"SELECT * FROM {view}")  # fmt: skip
            names = [c for c in rel.columns if c != "coded_at"]
            out[view] = sorted(
                json.dumps({k: v for k, v in zip(rel.columns, row, strict=True) if k in names}, default=str)
                for row in rel.fetchall()
            )
        return out
    finally:
        con.close()


def cli(*args: str, **kwargs: Any) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "whimbrel", *args], capture_output=True, text=True,
                          cwd=ROOT, timeout=120, **kwargs)  # fmt: skip


@pytest.fixture(scope="module")
def news(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_articles(tmp_path_factory.mktemp("news") / "in")


@pytest.fixture(scope="module")
def reference(news: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[str]]:
    """The store of one uninterrupted in-process ingest."""
    store = tmp_path_factory.mktemp("ref") / "store"
    report = ingest([news], store, batch=5)
    assert (report.coded, report.skipped, report.failures) == (len(STORIES), 0, [])
    assert report.events > len(STORIES) // 2
    return tables(store)


def test_ingest_twice_is_idempotent_and_a_new_version_replaces(tmp_path: Path, reference: Any) -> None:
    folder = write_articles(tmp_path / "in")
    store = tmp_path / "store"
    ingest([folder], store, batch=3)
    first = tables(store)
    assert first == reference  # batch size does not matter
    segments = sorted(os.listdir(store / "segments"))
    again = ingest([folder], store, batch=3)
    assert (again.coded, again.skipped, again.events) == (0, len(STORIES), 0)
    assert tables(store) == first
    assert sorted(os.listdir(store / "segments")) == segments
    (folder / "story03.txt").write_text(
        "url: https://news.example.org/3\npublished: 2024-05-03\n\n"
        "Israeli police detained two journalists in Jerusalem on Tuesday.\n", encoding="utf-8")  # fmt: skip
    third = ingest([folder], store, batch=3)
    assert (third.coded, third.skipped) == (1, len(STORIES) - 1)
    con = Store.open(store).connect()
    sentences = [
        r[0] for r in con.sql("SELECT sentence FROM mentions WHERE article_id LIKE '%/3'").fetchall()
    ]
    assert sentences and all("journalists" in s for s in sentences)
    assert con.sql("SELECT count(*) FROM events WHERE sentence LIKE '%Hebron%'").fetchall() == [(0,)]
    assert con.sql("SELECT count(*) FROM articles").fetchall() == [(len(STORIES),)]


def kill_when(args: list[str], ready: Callable[[], bool], limit: float = 60.0) -> bool:
    """Run the CLI and SIGKILL it as soon as ``ready()``; True if it was killed while still running."""
    proc = subprocess.Popen([sys.executable, "-m", "whimbrel", *args], cwd=ROOT,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)  # fmt: skip
    deadline = time.monotonic() + limit
    try:
        while proc.poll() is None and time.monotonic() < deadline:
            if ready():
                proc.send_signal(signal.SIGKILL)
                break
            time.sleep(0.001)
    finally:
        if proc.poll() is None and time.monotonic() >= deadline:
            proc.kill()
        proc.wait()
    return proc.returncode == -signal.SIGKILL


def test_sigkill_at_any_point_then_rerun_gives_the_uninterrupted_store(
    tmp_path: Path, news: Path, reference: Any
) -> None:
    store = tmp_path / "store"
    args = ["ingest", str(news), "--db", str(store), "--batch", "2", "--quiet"]

    def segments() -> list[str]:
        try:
            return sorted(os.listdir(store / "segments"))
        except FileNotFoundError:
            return []

    def manifest() -> bytes:
        try:
            return (store / "manifest.json").read_bytes()
        except FileNotFoundError:
            return b""

    killed = []
    start = time.monotonic()
    killed.append(kill_when(args, lambda: time.monotonic() - start > 0.5))  # while it loads
    before = segments()
    killed.append(kill_when(args, lambda: len([s for s in segments() if s not in before]) > 0))
    killed.append(kill_when(args, lambda: any(s.startswith(".tmp-") for s in segments())))  # mid-write
    seen = manifest()
    killed.append(kill_when(args, lambda: manifest() != seen))  # right after a commit
    assert sum(killed) >= 3, killed
    partial = tables(store)
    assert set(partial["mentions"]) <= set(reference["mentions"])  # no half-written or foreign rows
    assert len(partial["articles"]) < len(STORIES)
    done = cli(*args)
    assert done.returncode == 0, done.stderr
    assert tables(store) == reference
    assert not [s for s in segments() if s.startswith(".tmp-")]


READER = """
import json, sys, time
from pathlib import Path
from whimbrel.store import Store
store, done = Path(sys.argv[1]), Path(sys.argv[2])
counts = []
deadline = time.monotonic() + 90
while time.monotonic() < deadline:
    finished = done.exists()
    con = Store.open(store).connect()
    counts.append(con.sql("SELECT count(*) FROM mentions").fetchall()[0][0])
    con.close()
    if finished:
        break
    time.sleep(0.01)
print(json.dumps(counts))
"""


def test_a_reader_process_keeps_working_while_another_ingests(tmp_path: Path, news: Path) -> None:
    store, done = tmp_path / "store", tmp_path / "done"
    Store.open(store, create=True)
    reader = subprocess.Popen([sys.executable, "-c", READER, str(store), str(done)], cwd=ROOT,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)  # fmt: skip
    try:
        writer = cli("ingest", str(news), "--db", str(store), "--batch", "1", "--quiet")
        assert writer.returncode == 0, writer.stderr
    finally:
        done.touch()
        out, err = reader.communicate(timeout=120)
    assert reader.returncode == 0, err
    counts = json.loads(out)
    assert counts == sorted(counts)  # never goes back
    final = Store.open(store).connect().sql("SELECT count(*) FROM mentions").fetchall()[0][0]
    assert counts[-1] == final > 0
    assert len(set(counts)) >= 3, counts  # it really read while the batches came in


def test_bad_files_are_recorded_and_reported_with_quiet_logs(tmp_path: Path) -> None:
    folder = write_articles(tmp_path / "in")
    (folder / "empty.txt").write_text("")
    (folder / "binary.txt").write_bytes(b"\x00\x01\x02\xff" * 100)
    store = tmp_path / "store"
    stdin = "url: https://news.example.org/stdin\n\nIran summoned the British ambassador on Sunday.\n"
    result = cli("ingest", str(folder), "-", "--db", str(store), "--batch", "4", "--quiet", input=stdin)
    assert result.returncode == 1, result.stderr
    lines = result.stderr.splitlines()
    assert all(line.startswith("whimbrel: ") for line in lines), lines
    assert sum("committed batch" in line for line in lines) >= 3
    assert any(f"ingested {len(STORIES) + 1} article(s)" in line and "2 failed" in line for line in lines)
    assert any(line.endswith("empty.txt: empty file") for line in lines)
    assert any("binary.txt: " in line for line in lines)
    assert "\r" not in result.stderr  # no progress bar when stderr is not a terminal
    con = Store.open(store).connect()
    failed = sorted(Path(s).name for (s,) in con.sql("SELECT source FROM failures").fetchall())
    assert failed == ["binary.txt", "empty.txt"]
    assert con.sql("SELECT count(*) FROM articles WHERE url LIKE '%stdin'").fetchall() == [(1,)]
    again = cli("ingest", str(folder), "--db", str(store), "--quiet")
    assert again.returncode == 1 and f"{len(STORIES)} already stored" in again.stderr


def test_usage_errors_are_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "file").write_text("not a store")
    for args, message in (
        (["--db", str(tmp_path / "file")], "not a whimbrel store"),
        (["--db", str(tmp_path / "s"), "--batch", "0"], "batch must be 1 or more"),
        (["--db", str(tmp_path / "s"), "--window", "-1"], "window must be 0 or more"),
        (["--db", str(tmp_path / "s"), "--workers", "0"], "--workers must be 1 or more"),
    ):
        assert main(["ingest", str(tmp_path / "file"), *args]) == 2
        err = capsys.readouterr().err
        assert message in err and len(err.strip().splitlines()) == 1, err


def test_dask_and_multiprocess_ingest_give_the_single_process_store(
    tmp_path: Path, news: Path, reference: dict[str, list[str]]
) -> None:
    from whimbrel.config import Config
    from whimbrel.engines import make_engine

    for name in ("process", "dask"):
        store = tmp_path / name
        with make_engine(name, Config(), workers=2, chunk=3) as engine:
            report = ingest([news], store, engine=engine, batch=5)
        assert report.coded == len(STORIES)
        assert tables(store) == reference, name
