"""The command line, run as a user runs it (a real subprocess): formats, bad input, exit codes."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
ARTICLE = """url: https://example.org/news/1
outlet: Example News
published: 2016-09-02
title: Putin and Xi meet

Russian President Vladimir Putin met Chinese President Xi Jinping in Beijing on Monday.
"""


def run(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "whimbrel", *args],
        capture_output=True, text=True, input=stdin, cwd=ROOT, timeout=300,
    )  # fmt: skip


@pytest.fixture(scope="module")
def article(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("cli") / "a.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    return path


def test_code_jsonl_is_the_contract(article: Path) -> None:
    result = run("code", str(article))
    assert result.returncode == 0, result.stderr
    events = [json.loads(line) for line in result.stdout.splitlines()]
    assert events
    assert events[0]["article"]["url"] == "https://example.org/news/1"
    assert events[0]["article"]["outlet"] == "Example News"
    assert any(e["plover"] == "CONSULT" and e["date"]["start"] == "2016-08-29" for e in events)


def test_code_csv_and_table(article: Path) -> None:
    rows = list(csv.DictReader(io.StringIO(run("code", str(article), "--format", "csv").stdout)))
    assert rows and rows[0]["plover"] == "CONSULT" and rows[0]["source_country"] == "RUS"
    table = run("code", str(article), "--format", "table").stdout
    assert "CONSULT" in table and "Vladimir Putin" in table


def test_bad_files_are_skipped_with_one_line_each_and_exit_1(tmp_path: Path, article: Path) -> None:
    (tmp_path / "empty.txt").write_text("")
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02\xff" * 100)
    result = run("code", str(tmp_path / "empty.txt"), str(article), str(tmp_path / "binary.txt"),
                 str(tmp_path / "missing.md"))  # fmt: skip
    assert result.returncode == 1
    assert any(json.loads(line)["plover"] == "CONSULT" for line in result.stdout.splitlines())
    skipped = [line for line in result.stderr.splitlines() if line.startswith("whimbrel: skipped")]
    assert len(skipped) == 3
    assert "Traceback" not in result.stderr


def test_bad_published_option_is_a_usage_error(article: Path) -> None:
    result = run("code", str(article), "--published", "last tuesday")
    assert result.returncode == 2
    assert result.stderr.strip().count("\n") == 0 and "YYYY-MM-DD" in result.stderr


def test_classify_single_and_batch(tmp_path: Path) -> None:
    result = run("classify", "--source", "Police", "--target", "protesters", "--format", "jsonl",
                 "Police arrested dozens of protesters in the capital on Sunday.")  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["plover"] == "COERCE"
    tsv = tmp_path / "pairs.tsv"
    tsv.write_text(
        "uid\tsentence\tsource\ttarget\n"
        "a\tThe foreign minister praised Japan for its help.\tThe foreign minister\tJapan\n"
        "b\tRebels attacked an army base near the border.\tRebels\tan army base\n",
        encoding="utf-8",
    )
    out = [
        json.loads(line)
        for line in run("classify", "--tsv", str(tsv), "--format", "jsonl").stdout.splitlines()
    ]
    assert [o["uid"] for o in out] == ["a", "b"]
    assert set(out[0]) == {"uid", "plover", "cameo", "confidence"}
    assert out[1]["plover"] == "ASSAULT"
    # without the sentence encoder: the same answers here, from the sparse model and the patterns alone
    lines = run("classify", "--tsv", str(tsv), "--format", "jsonl", "--no-encoder").stdout.splitlines()
    alone = [json.loads(line) for line in lines]
    assert [o["plover"] for o in alone] == [o["plover"] for o in out]
    assert [o["confidence"] for o in alone] != [o["confidence"] for o in out]  # the encoder's opinion counted


def test_oversized_and_undecodable_files_fail_alone(tmp_path: Path, article: Path) -> None:
    big = tmp_path / "big.txt"
    with big.open("wb") as handle:  # sparse: 50 MB on paper, nothing on disk
        handle.seek(50 * 1024 * 1024)
        handle.write(b"x")
    garbled = tmp_path / "garbled.txt"
    garbled.write_bytes(bytes(range(128, 256)) * 50)
    result = run("code", str(big), str(garbled), str(article))
    assert result.returncode == 1
    assert "file too large" in result.stderr
    assert sum(line.startswith("whimbrel: skipped") for line in result.stderr.splitlines()) == 2
    assert any(json.loads(line)["plover"] == "CONSULT" for line in result.stdout.splitlines())


def test_html_with_scripts_codes_only_the_visible_text(tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_text(
        "<!doctype html><html><head><title>Talks</title><script>var x = 'Putin attacked Obama';</script>"
        "</head><body><nav>Home | World</nav><article><h1>Leaders meet</h1><p>Russian President Vladimir "
        "Putin met Chinese President Xi Jinping in Beijing on Monday, officials said. The two leaders "
        "discussed trade and security for several hours.</p></article></body></html>",
        encoding="utf-8",
    )
    result = run("code", str(page), "--published", "2019-06-05")
    assert result.returncode == 0, result.stderr
    events = [json.loads(line) for line in result.stdout.splitlines()]
    assert events and all("attacked" not in e["sentence"] for e in events)
    assert any(e["plover"] == "CONSULT" for e in events)


def test_user_actor_and_pattern_files_extend_the_coder(tmp_path: Path) -> None:
    text = tmp_path / "a.txt"
    text.write_text("Governor Tilda Varnholm rebuked the mayor of Lisbon on Monday.\n", encoding="utf-8")
    plain = [json.loads(x) for x in run("code", str(text), "--published", "2020-05-06").stdout.splitlines()]
    assert not any(e["source"]["name"] == "Tilda Varnholm" and e["cameo"] == "1121" for e in plain)
    people = tmp_path / "people.tsv"
    people.write_text(
        "name\taliases\tcountry\tsector\tstart\tend\trole\tgender\n"
        "Tilda Varnholm\tVarnholm\tPRT\tGOV\t2019-01-01\t\tgovernor\tf\n",
        encoding="utf-8",
    )
    patterns = tmp_path / "patterns.tsv"
    patterns.write_text(
        "id\ttrigger\tpos\trequires\ttarget\tflags\tcameo\tconfidence\tnote\n"
        "user.rebuke\trebuke\tV\t\t\t\t1121\t0.9\tour own pattern\n",
        encoding="utf-8",
    )
    result = run(
        "code", str(text), "--published", "2020-05-06", "--actors", str(people), "--patterns", str(patterns)
    )
    assert result.returncode == 0, result.stderr
    events = [json.loads(x) for x in result.stdout.splitlines()]
    assert any(
        e["source"]["name"] == "Tilda Varnholm" and e["source"]["country"] == "PRT" and e["cameo"] == "1121"
        for e in events
    ), events


def test_bad_user_file_is_one_line_with_its_line_number(tmp_path: Path, article: Path) -> None:
    patterns = tmp_path / "patterns.tsv"
    patterns.write_text(
        "id\ttrigger\tpos\trequires\ttarget\tflags\tcameo\tconfidence\tnote\nx\trebuke\tV\t\t\t\t9999\t0.9\t\n",
        encoding="utf-8",
    )
    result = run("code", str(article), "--patterns", str(patterns))
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1 and f"{patterns}:2:" in result.stderr


def test_targetless_keeps_one_sided_acts(tmp_path: Path) -> None:
    path = tmp_path / "one-sided.txt"
    path.write_text("The Kenyan minister warned against a hasty deal on Monday.\n", encoding="utf-8")
    dyadic = run("code", str(path), "--published", "2024-03-01")
    kept = run("code", str(path), "--published", "2024-03-01", "--targetless")
    assert dyadic.returncode == kept.returncode == 0, dyadic.stderr + kept.stderr
    assert dyadic.stdout.strip() == ""
    events = [json.loads(line) for line in kept.stdout.splitlines()]
    assert events and all(e["target"] is None for e in events)
    assert events[0]["source"]["country"] == "KEN"


def test_contents_keeps_the_act_asked_for(tmp_path: Path) -> None:
    path = tmp_path / "asked.txt"
    path.write_text(
        "The United States urged Iran on Monday to release the British sailors.\n", encoding="utf-8"
    )
    default = run("code", str(path), "--published", "2024-03-01")
    kept = run("code", str(path), "--published", "2024-03-01", "--contents")
    assert default.returncode == kept.returncode == 0, default.stderr + kept.stderr
    plain = {(e["plover"], e["status"]) for e in map(json.loads, default.stdout.splitlines())}
    more = {(e["plover"], e["status"]) for e in map(json.loads, kept.stdout.splitlines())}
    assert plain == {("REQUEST", "occurred")}
    assert more == {("REQUEST", "occurred"), ("CONCEDE", "hypothetical")}


def test_min_confidence_sets_the_floor(tmp_path: Path) -> None:
    path = tmp_path / "floor.txt"
    path.write_text(
        "Estonia's prime minister condemned Russia on Monday over the jamming of flights. Finland, Latvia "
        "and Lithuania also criticised Moscow and urged it to stop.\n",
        encoding="utf-8",
    )
    every = run("code", str(path), "--published", "2024-03-01")
    assert every.returncode == 0, every.stderr
    all_events = [json.loads(line) for line in every.stdout.splitlines()]
    floor = max(e["confidence"] for e in all_events)  # the surest event alone stays
    high = run("code", str(path), "--published", "2024-03-01", "--min-confidence", str(floor))
    assert high.returncode == 0, high.stderr
    kept = [json.loads(line) for line in high.stdout.splitlines()]
    assert kept == [e for e in all_events if e["confidence"] >= floor]
    assert 0 < len(kept) < len(all_events)
    bad = run("code", str(path), "--min-confidence", "2")
    assert bad.returncode == 2 and bad.stderr.count("\n") == 1 and "min_confidence" in bad.stderr


SCORER = """import json, pathlib, sys
_, mode, gold, articles, out = sys.argv
outs = sorted(p.stem for p in pathlib.Path(out).glob("*.jsonl"))
print(json.dumps({"mode": mode, "gold": gold, "articles": articles, "coded": outs, "core": 0}))
"""


def test_eval_team_codes_the_teams_own_set_with_the_shared_scorer(tmp_path: Path) -> None:
    # (tenth session) a stand-in scorer records what it was asked to score
    (tmp_path / "score.py").write_text(SCORER, encoding="utf-8")
    out = tmp_path / "out"
    result = run("eval", "--only", "team", "--eval-dir", str(tmp_path), "--out", str(out))
    assert result.returncode == 0, result.stderr
    summary = json.loads(result.stdout.splitlines()[0])["team"]
    team = ROOT / "eval" / "team"
    articles = sorted(p.stem for p in (team / "articles").glob("*.md"))
    assert summary["gold"] == str(Path("eval/team/gold")) and summary["mode"] == "articles"
    assert summary["coded"] == articles and len(articles) == 1356
    assert sorted(p.stem for p in (team / "gold").glob("*.json")) == articles
    missing = run("eval", "--only", "team", "--eval-dir", str(tmp_path), "--team-dir", str(tmp_path / "none"))
    assert missing.returncode == 2 and "no team evaluation set" in missing.stderr
