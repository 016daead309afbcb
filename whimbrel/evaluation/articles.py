"""The annotated articles: code each ``articles/NNN.md`` to ``OUT/NNN.jsonl`` and run the set's own scorer."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

from whimbrel.api import load_coder
from whimbrel.config import Config
from whimbrel.readers import read_path


def eval_articles(
    eval_dir: Path, out_dir: Path, config: Config | None = None, *, articles_dir: Path | None = None
) -> dict[str, Any]:
    """Code the articles, write the JSON Lines, and return score.py's summary line (plus per-file rows).

    ``articles_dir`` (default ``eval_dir``) holds ``articles/`` and ``gold/``: the team's own set
    (``eval/team``) is scored with the scorer of ``eval_dir``."""
    articles_dir = articles_dir or eval_dir
    coder = load_coder(config or Config())
    out_dir.mkdir(parents=True, exist_ok=True)
    for path in sorted((articles_dir / "articles").glob("*.md")):
        lines: list[str] = []
        for item in read_path(path):
            if isinstance(item, Exception):
                raise item
            lines.extend(json.dumps(e.to_dict(), ensure_ascii=False) for e in coder.code(item))
        (out_dir / f"{path.stem}.jsonl").write_text("".join(line + "\n" for line in lines), encoding="utf-8")
    result = subprocess.run(
        [sys.executable, str(eval_dir / "score.py"), "articles", str(articles_dir / "gold"),
         str(articles_dir / "articles"), str(out_dir)],
        capture_output=True, text=True, check=True,
    )  # fmt: skip
    rows = [json.loads(line) for line in result.stdout.splitlines() if line.strip()]
    summary = rows[-1]
    summary["files"] = rows[:-1]
    return summary
