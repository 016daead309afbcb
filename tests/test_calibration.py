"""Tests of the event confidence model (whimbrel.calibration): its labels, features, artifact and use."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from whimbrel.api import load_coder
from whimbrel.calibration import Calibrator
from whimbrel.calibration.features import article_features
from whimbrel.calibration.gold import labels, names_agree
from whimbrel.calibration.train import DEFAULT_TEAM, build, data_hash, fit, scores
from whimbrel.config import Config
from whimbrel.errors import ConfigError, WhimbrelError
from whimbrel.records import Actor, Article, DateRange, Event, EventCode

PUB = date(2016, 9, 2)
ARTICLE = Article(text="", published=PUB, supplied_id="t")


def event(
    sentence: str,
    source: tuple[str | None, str | None, str | None],
    target: tuple[str | None, str | None, str | None],
    plover: str = "ACCUSE",
    span: tuple[int, int] = (0, 10),
    confidence: float = 0.5,
) -> Event:
    """An event of our own: actors as (name, country, sector)."""
    src, tgt = (
        Actor(text=a[0] or a[1] or "x", name=a[0], country=a[1], sector=a[2]) for a in (source, target)
    )
    return Event(
        article=ARTICLE, sentence=sentence, span=span, trigger="condemned", trigger_span=(0, 1), source=src,
        target=tgt, code=EventCode(cameo="111", plover=plover, goldstein=-2.0, quad_class=3),
        date=DateRange(PUB, PUB, "text"), status="occurred", confidence=confidence,
    )  # fmt: skip


def gold(
    piece: str, source: list[dict[str, Any]], target: list[dict[str, Any]], plover: list[str]
) -> dict[str, Any]:
    return {"id": "e1", "sentence": piece, "source": source, "target": target, "plover": plover}


S = "Lithuania condemned Belarus over the border incident on Thursday, officials said."
LTU, BLR = ("", "LTU", "GOV"), (None, "BLR", "GOV")
G_LTU, G_BLR = (
    [{"country": "LTU", "sector": "GOV", "name": None}],
    [{"country": "BLR", "sector": "GOV", "name": None}],
)

# (events, gold events, expected labels): the rules of the annotation guide, one case each
LABELS_TABLE = [
    ([event(S, LTU, BLR)], [gold("condemned Belarus over the border", G_LTU, G_BLR, ["ACCUSE"])], [True]),
    # the type must be one the gold lists
    ([event(S, LTU, BLR, "THREATEN")], [gold("condemned Belarus over", G_LTU, G_BLR, ["ACCUSE"])], [False]),
    # the sentence must hold the gold's piece
    ([event("Belarus denied it.", LTU, BLR)], [gold("condemned Belarus", G_LTU, G_BLR, ["ACCUSE"])], [False]),
    # reversed actors are wrong for a directed type, right for a symmetric one
    ([event(S, BLR, LTU)], [gold("condemned Belarus", G_LTU, G_BLR, ["ACCUSE"])], [False]),
    ([event(S, BLR, LTU, "CONSULT")], [gold("condemned Belarus", G_LTU, G_BLR, ["CONSULT"])], [True]),
    # each dyad of a jointly acting list is right on its own (the event contract splits lists)
    ([event(S, LTU, BLR), event(S, (None, "LVA", "GOV"), BLR), event(S, (None, "POL", "GOV"), BLR)],
     [gold("condemned Belarus", [*G_LTU, {"country": "LVA"}], G_BLR, ["ACCUSE"])], [True, True, False]),
    # an actor without a country is matched by name
    ([event(S, ("Wagner Group", None, "MIL"), BLR)],
     [gold("condemned Belarus", [{"country": None, "name": "Wagner"}], G_BLR, ["ACCUSE"])], [True]),
    # within one country the two sides are told apart by sector
    ([event(S, (None, "BLR", "COP"), (None, "BLR", "CVL"), "COERCE")],
     [gold("condemned Belarus", [{"country": "BLR", "sector": "COP"}], [{"country": "BLR", "sector": "CVL"}],
           ["COERCE"])], [True]),
    ([event(S, (None, "BLR", None), (None, "BLR", None), "COERCE")],
     [gold("condemned Belarus", [{"country": "BLR", "sector": "COP"}], [{"country": "BLR", "sector": "CVL"}],
           ["COERCE"])], [False]),
]  # fmt: skip


@pytest.mark.parametrize(("events", "golds", "expected"), LABELS_TABLE)
def test_labels_follow_the_annotation_guide(
    events: list[Event], golds: list[dict[str, Any]], expected: list[bool]
) -> None:
    assert labels(events, golds) == expected


@pytest.mark.parametrize(
    ("a", "b", "agree"),
    [("United Nations", "UN", True), ("Islamic State", "ISIL", True), ("the Wagner Group", "Wagner", True),
     ("Hamas", "Hezbollah", False), ("National Union", "National Front", False), ("", "Hamas", False)],
)  # fmt: skip
def test_names_agree(a: str, b: str, agree: bool) -> None:
    assert names_agree(a, b) is agree


def test_features_count_a_split_list() -> None:
    """Three dyads of one listed act: the later ones know they are repeats of the sentence's type."""
    s = "France, Germany and Italy condemned Belarus over the incident."
    events = [event(s, (None, c, "GOV"), BLR) for c in ("FRA", "DEU", "ITA")]
    features = article_features([*events, event("Another sentence entirely.", LTU, BLR, span=(20, 40))])
    assert [("rank:0" in f, "rank:1" in f, "rank:2" in f) for f in features[:3]] == [
        (True, False, False), (False, True, False), (False, False, True)]  # fmt: skip
    assert all("same_type:3" in f and "in_sentence:3" in f for f in features[:3])
    assert "in_sentence:1" in features[3] and "rank:0" in features[3]


def test_the_model_is_built_from_the_files_in_the_repository() -> None:
    """A stale artifact (team articles, gold, features or labels changed since) fails here: rebuild it."""
    model = Calibrator.load()
    assert model.meta["data_hash"] == data_hash(DEFAULT_TEAM)
    cv = model.meta["cross_validation"]
    # what the build measured: the model ranks and calibrates better than the rules' reliability did
    assert cv["model"]["auc"] > cv["rule_based"]["auc"] + 0.05
    assert cv["model"]["ece"] < 0.03 < cv["rule_based"]["ece"]


def test_coded_events_carry_the_calibrated_probability() -> None:
    text = (
        "Lithuania's foreign minister condemned Belarus on Thursday over the migrants pushed across the "
        "border. "
        "Poland and Latvia urged Minsk to stop the crossings."
    )
    article = Article(text=text, published=PUB, supplied_id="c")
    raw = load_coder(Config(calibrate=False)).code(article)
    kept = load_coder(Config()).code(article)
    assert raw and [e.id for e in kept] == [e.id for e in raw]  # by default every event is kept
    expected = Calibrator.load().probabilities(raw)
    assert [e.confidence for e in kept] == pytest.approx(expected, abs=1e-4)
    assert [e.confidence for e in kept] != [e.confidence for e in raw]
    floor = sorted(e.confidence for e in kept)[len(kept) // 2]
    assert load_coder(Config(min_confidence=floor)).code(article) == [
        e for e in kept if e.confidence >= floor
    ]


def test_the_floor_drops_what_the_model_doubts() -> None:
    model = Calibrator({"doubt": -5.0, "sure": 5.0}, 0.0)
    assert model.probability(["doubt"]) < 0.01 < 0.99 < model.probability(["sure"])
    assert model.probability(["doubt", "doubt"]) == model.probability(["doubt"])  # features are binary
    with pytest.raises(ConfigError, match="min_confidence"):
        Config(min_confidence=1.5)


def test_fit_learns_and_scores_measure(tmp_path: Path) -> None:
    rows = (
        [("a", ["good"], True, 0.5)] * 300
        + [("b", ["bad"], False, 0.5)] * 300
        + [("c", ["good"], False, 0.5)] * 30
    )
    model = fit(rows)
    assert model.probability(["good"]) > 0.8 > 0.2 > model.probability(["bad"])
    assert fit(rows) == model  # deterministic
    model.save(tmp_path / "m.json")
    assert Calibrator.load(tmp_path / "m.json").weights == pytest.approx(dict(model.weights), abs=1e-6)
    perfect = scores(np.array([0.9, 0.9, 0.1, 0.1]), np.array([1.0, 1.0, 0.0, 0.0]))
    assert perfect["auc"] == 1.0 and perfect["ece"] == pytest.approx(0.1)


def test_a_broken_artifact_is_one_clear_error(tmp_path: Path) -> None:
    bad = tmp_path / "model.json"
    bad.write_text("{not json", encoding="utf-8")
    with pytest.raises(WhimbrelError, match="cannot load confidence model .*rebuild it"):
        Calibrator.load(bad)


def test_build_runs_on_a_small_annotated_set(tmp_path: Path) -> None:
    """The whole build (code, label, cross-validate, fit) on two articles of our own."""
    (tmp_path / "articles").mkdir()
    (tmp_path / "gold").mkdir()
    texts = {
        "a1": "Estonia's prime minister condemned Russia on Monday over the jamming of flights.",
        "a2": "Chile's president met Argentina's president in Santiago on Tuesday to discuss the border.",
    }
    golds = {
        "a1": gold("condemned Russia on Monday", [{"country": "EST"}], [{"country": "RUS"}], ["ACCUSE"]),
        "a2": gold("met Argentina's president", [{"country": "CHL"}], [{"country": "ARG"}], ["CONSULT"]),
    }
    for name in texts:
        (tmp_path / "articles" / f"{name}.md").write_text(f"# {name}\n\n{texts[name]}\n", encoding="utf-8")
        doc = {"file": f"{name}.md", "published": "2016-09-02", "events": [{**golds[name], "core": True}]}
        (tmp_path / "gold" / f"{name}.json").write_text(json.dumps(doc), encoding="utf-8")
    model = build(tmp_path)
    cv = model.meta["cross_validation"]
    assert cv["events"] >= 2 and cv["right"] >= 2
    assert model.meta["data_hash"] == data_hash(tmp_path)
    assert replace(model, meta={}).probability([]) > 0.5  # every event of this set was right
