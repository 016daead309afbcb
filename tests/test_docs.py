"""The README documents every CLI command and option, and its quick start uses the scripts that exist."""

from __future__ import annotations

import argparse
import re
from pathlib import Path

from whimbrel.cli import build_parser

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")


def subcommands() -> dict[str, argparse.ArgumentParser]:
    parser = build_parser()
    action = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    return dict(action.choices)


def test_every_command_is_in_the_readme() -> None:
    for name in subcommands():
        assert f"whimbrel {name}" in README, name


def test_every_option_is_in_the_readme() -> None:
    for name, parser in subcommands().items():
        for action in parser._actions:
            for option in action.option_strings:
                if option.startswith("--") and option != "--help":
                    assert option in README, f"{name} {option}"


def test_quick_start_scripts_exist_and_ci_runs_the_test_command() -> None:
    commands = re.findall(r"^bash (scripts/\w+)", README, flags=re.M)
    assert commands == ["scripts/demo", "scripts/test"]
    for script in commands:
        assert (ROOT / script).is_file()
    assert "bash scripts/test" in (ROOT / ".ci" / "run").read_text(encoding="utf-8")


def test_docs_linked_from_the_readme_exist() -> None:
    for link in re.findall(r"\]\(((?:docs/)?[\w./-]+\.md)\)", README):
        assert (ROOT / link).is_file(), link


def test_readme_python_example_gives_what_it_shows() -> None:
    import datetime

    import whimbrel

    events = whimbrel.code(
        "President Obama will meet Mr. Putin in Hangzhou on Sunday.", published="2016-09-02"
    )
    e = events[0]
    assert (e.source.name, e.code.plover, e.target and e.target.name, e.date.start, e.status) == (
        "Barack Obama", "CONSULT", "Vladimir Putin", datetime.date(2016, 9, 4), "planned",
    )  # fmt: skip
    assert "('Barack Obama', 'CONSULT', 'Vladimir Putin', datetime.date(2016, 9, 4), 'planned')" in README
    police = whimbrel.classify("Police arrested dozens of protesters in Minsk.", "Police", "protesters")
    assert police.plover == "COERCE"
