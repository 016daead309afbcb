"""The pairs of the team's annotated articles that the sparse pair classifier also trains on
(``training/team_pairs.py``): labels under the classifier's conventions, and the shipped file's integrity."""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path

import pytest

from whimbrel.classifier.model import LABELS
from whimbrel.codes.reported import ReportedTypes
from whimbrel.data import read_tsv

ROOT = Path(__file__).resolve().parent.parent
_spec = importlib.util.spec_from_file_location("team_pairs", ROOT / "training" / "team_pairs.py")
assert _spec is not None and _spec.loader is not None
team_pairs = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(team_pairs)

# coded type, gold types, gold status, trigger, sentence -> label
ACT_CASES = [
    ("ASSAULT", ["ASSAULT"], "occurred", "shelled", "Rebels shelled the army base near Goma.", "ASSAULT"),
    ("CONSULT", ["REQUEST"], "occurred", "urged", "Oslo urged Caracas to free the activists.", "REQUEST"),
    ("REQUEST", ["ACCUSE", "REQUEST"], "occurred", "urged", "Oslo urged Caracas to stop.", "REQUEST"),
    # an announced act is the intent: cooperation AGREE, conflict THREATEN (codes/reported.tsv)
    ("CONCEDE", ["CONCEDE"], "planned", "release", "Minsk will release the two reporters.", "AGREE"),
    ("AID", ["AID"], "planned", "send", "Tokyo plans to send tents to Ankara.", "AGREE"),
    ("ASSAULT", ["ASSAULT"], "planned", "strike", "The army will strike the militants' camps.", "THREATEN"),
    ("COERCE", ["COERCE"], "planned", "ban", "Dhaka will ban the party's rallies.", "THREATEN"),
    ("CONSULT", ["CONSULT"], "hypothetical", "meet", "Seoul would meet Pyongyang if it halted tests.", None),
    # signing a formal agreement is SUPPORT (CAMEO 057 under PLOVER's table); a promise to sign stays AGREE
    ("AGREE", ["AGREE"], "occurred", "signed", "Peru and Chile signed a fishing accord.", "SUPPORT"),
    ("AGREE", ["AGREE"], "planned", "sign", "Peru and Chile will sign a fishing accord.", "AGREE"),
    ("AGREE", ["AGREE"], "occurred", "agreed", "Kiev agreed to a prisoner exchange deal.", "AGREE"),
    # imposing sanctions is COERCE (163); reducing relations stays SANCTION
    ("SANCTION", ["SANCTION"], "occurred", "imposed", "Canada imposed sanctions on six generals.", "COERCE"),
    ("SANCTION", ["SANCTION"], "occurred", "recalled", "Rabat recalled its envoy from Algiers.", "SANCTION"),
    ("SANCTION", ["SANCTION"], "negated", "cut", "Oslo did not cut aid to Kampala.", "SANCTION"),
]


@pytest.mark.parametrize(("coded", "types", "status", "trigger", "sentence", "want"), ACT_CASES)
def test_act_label(coded: str, types: list[str], status: str, trigger: str, sentence: str, want: str) -> None:
    reported = ReportedTypes.load()
    assert team_pairs.act_label(coded, types, status, trigger, sentence, reported) == want


@pytest.mark.parametrize(
    ("labels", "want"),
    [
        (["CONSULT", "SUPPORT"], "SUPPORT"),  # called X to congratulate him: the praise
        (["SUPPORT", "CONSULT"], "SUPPORT"),
        (["CONSULT", "AGREE"], "AGREE"),  # met and agreed to: the promise
        (["CONSULT"], "CONSULT"),
        (["ACCUSE", "REQUEST"], "ACCUSE"),  # two acts, neither a meeting: the first gold event's
        (["AGREE", None], None),  # a hypothetical reading of the dyad: no row
        ([], None),
    ],
)
def test_pair_label(labels: list[str | None], want: str | None) -> None:
    assert team_pairs.pair_label(labels) == want


def test_shipped_pairs_come_from_the_team_articles() -> None:
    """Every row's sentence stands in the team article its group names, its actors in the sentence, and
    nothing comes from the held-out set."""
    path = ROOT / "training" / "team_pairs.tsv"
    articles: dict[str, str] = {}
    rows = list(read_tsv(path, ["sentence", "source", "target", "label", "group"], []))
    assert len(rows) > 4000
    held_out = {p.stem for p in (ROOT / "eval" / "holdout" / "articles").glob("*.md")}
    for line, row in rows:
        name = row["group"].removeprefix("team:")
        assert row["group"] == f"team:{name}" and name not in held_out, (line, row["group"])
        if name not in articles:
            text = (ROOT / "eval" / "team" / "articles" / f"{name}.md").read_text(encoding="utf-8")
            articles[name] = re.sub(r"\s+", " ", text)
        assert re.sub(r"\s+", " ", row["sentence"]) in articles[name], (line, row["sentence"][:60])
        assert row["source"] in row["sentence"] and row["target"] in row["sentence"], line
        assert row["label"] in LABELS and row["label"] != "NONE", line


def test_the_held_out_set_is_refused(tmp_path: Path) -> None:
    with pytest.raises(SystemExit, match="held-out set"):
        team_pairs.main(["--team", str(ROOT / "eval" / "holdout"), "--out", str(tmp_path / "x.tsv")])
    assert not (tmp_path / "x.tsv").exists()
