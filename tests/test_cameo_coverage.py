"""bench/cameo_coverage.py: its scoring on hand-made events, and its sentence file (no coding run)."""

from __future__ import annotations

import importlib.util
import sys
from collections import Counter
from pathlib import Path
from types import ModuleType

import pytest

from whimbrel.codes import CameoTable
from whimbrel.errors import DataFileError
from whimbrel.records import Actor

BENCH = Path(__file__).resolve().parent.parent / "bench"


def _load_script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("cameo_coverage", BENCH / "cameo_coverage.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while the class is built
    spec.loader.exec_module(module)
    return module


cov = _load_script()
TABLE = CameoTable.load()
RUS, UKR = Actor("Russia", country="RUS"), Actor("Ukraine", country="UKR")


def _case(code: str, source: str = "RUS", target: str = "UKR") -> object:
    return cov.Case(1, code, source, target, "a sentence")


def _event(cameo: str, plover: str, source: Actor | None = RUS, target: Actor | None = UKR) -> object:
    return cov.Coded(cameo, plover, source, target)


@pytest.mark.parametrize(
    ("code", "events", "expected"),
    [
        ("112", [_event("112", "ACCUSE")], "EXACT"),
        ("112", [_event("1121", "ACCUSE")], "EXACT"),  # a 4-digit code counts as its 3-digit parent
        ("112", [_event("111", "ACCUSE")], "ROOT"),
        ("100", [_event("020", "REQUEST")], "TYPE"),  # demand coded as appeal: same PLOVER type
        ("112", [_event("112", "ACCUSE", UKR, RUS)], "ACTORS-WRONG"),  # swapped, and 112 is not symmetric
        ("046", [_event("046", "CONSULT", UKR, RUS)], "EXACT"),  # negotiating is symmetric
        ("112", [_event("112", "ACCUSE", RUS, None)], "ACTORS-WRONG"),
        ("112", [_event("190", "ASSAULT")], "WRONG-TYPE"),
        ("112", [], "NONE"),
        ("010", [_event("190", "ASSAULT")], "WRONG-TYPE"),  # 01x has no PLOVER type to share
    ],
)
def test_score_categories(code: str, events: list[object], expected: str) -> None:
    assert cov.score(_case(code), events, TABLE).category == expected


def test_score_keeps_the_best_event() -> None:
    wrong, root = _event("190", "ASSAULT"), _event("111", "ACCUSE")
    scored = cov.score(_case("112"), [wrong, root], TABLE)
    assert (scored.category, scored.best) == ("ROOT", root)
    assert scored.events == (wrong, root)


@pytest.mark.parametrize(
    ("expected", "actor", "matches"),
    [
        ("UN", Actor("U.N. human rights chief Volker Turk"), True),
        ("UN", Actor("the Security Council", name="United Nations Security Council"), True),
        ("UN", Actor("Kun Sokha"), False),
        ("IRQ|IS", Actor("IS fighters"), True),
        ("IRQ|IS", Actor("what is left"), False),  # "is" is not the Islamic State
        ("IRQ|IS", Actor("Iraqi forces", country="IRQ"), True),
        ("XKX", Actor("Kosovo", country="RKS"), True),
        ("RUS", None, False),
    ],
)
def test_actor_matches(expected: str, actor: Actor | None, matches: bool) -> None:
    assert cov.actor_matches(expected, actor) is matches


def test_sentence_file_has_three_known_codes_each() -> None:
    cases = cov.load_cases(cov.DEFAULT_TSV, TABLE)
    assert cases[0].line == 4  # the two '#' comment lines and the header are skipped
    per_code = Counter(c.code for c in cases)
    for code in ("010", "046", "112", "145", "204"):
        assert per_code[code] == 3, code
    assert set(per_code.values()) == {3}
    assert len(cases) == 441
    unknown = [code for code in per_code if code not in {c.cameo for c in TABLE.codes()}]
    assert unknown == []


def test_unknown_code_is_a_line_numbered_error(tmp_path: Path) -> None:
    path = tmp_path / "s.tsv"
    path.write_text("# comment\ncode\tsource_country\ttarget_country\tsentence\n999\tRUS\tUKR\tX.\n")
    with pytest.raises(DataFileError, match=r"s\.tsv:3: code '999'"):
        cov.load_cases(path, TABLE)
