"""The fine-tuned sentence encoder of ``whimbrel classify``: artifact, numpy forward pass, marking, use."""

from __future__ import annotations

import hashlib
import pickle
from pathlib import Path

import numpy as np
import pytest

from whimbrel.classifier.marking import MARKS, mark, token_inputs
from whimbrel.classifier.pair_encoder import ADAPTER, EncoderPairClassifier
from whimbrel.errors import WhimbrelError

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def encoder() -> EncoderPairClassifier:
    return EncoderPairClassifier.load()


def _item(sentence: str, source: str, target: str) -> tuple[str, tuple[int, int], tuple[int, int]]:
    s, t = sentence.find(source), sentence.find(target)
    return sentence, (s, s + len(source)), (t, t + len(target))


def test_adapter_is_built_from_the_current_training_file(encoder: EncoderPairClassifier) -> None:
    digest = hashlib.sha256((ROOT / "training" / "plover_pairs.tsv").read_bytes())
    digest.update((ROOT / "whimbrel" / "classifier" / "marking.py").read_bytes())
    assert encoder.meta["data_hash"] == digest.hexdigest()[:16], (
        "whimbrel/classifier/encoder_adapter.npz is stale: rebuild it with training/finetune_encoder.py"
    )
    assert encoder.meta["heldout_accuracy"] > 0.8


def test_numpy_forward_pass_gives_the_probabilities_torch_gave(encoder: EncoderPairClassifier) -> None:
    canaries = [_item(*c) for c in encoder.meta["canaries"]]
    got = np.array([[p[label] for label in encoder.labels] for p in encoder.predict(canaries)])
    with np.load(ADAPTER) as npz:
        expected = npz["canary_probs"]
    assert got.shape == expected.shape
    np.testing.assert_allclose(got, expected, atol=5e-3)


@pytest.mark.parametrize(
    ("sentence", "source", "target", "label"),
    [
        ("Riot police in Nairobi arrested dozens of opposition supporters on Tuesday.", "Riot police",
         "opposition supporters", "COERCE"),
        ("Ankara accused Athens of violating its airspace with fighter jets.", "Ankara", "Athens", "ACCUSE"),
        ("Brazil's foreign minister held talks with his Argentine counterpart in Brasilia.",
         "Brazil's foreign minister", "his Argentine counterpart", "CONSULT"),
        ("Rebels shelled government positions outside the city overnight, killing four soldiers.", "Rebels",
         "government positions", "ASSAULT"),
        ("Thousands of teachers marched on parliament in Bucharest to demand higher pay.",
         "Thousands of teachers", "parliament", "PROTEST"),
    ],
)  # fmt: skip
def test_encoder_names_the_type(
    encoder: EncoderPairClassifier, sentence: str, source: str, target: str, label: str
) -> None:
    probs = encoder.predict([_item(sentence, source, target)])[0]
    assert max(probs, key=lambda k: probs[k]) == label
    assert sum(probs.values()) == pytest.approx(1.0, abs=1e-5)


def test_prediction_does_not_depend_on_the_batch(encoder: EncoderPairClassifier) -> None:
    short = _item("Iran condemned the strike.", "Iran", "the strike")
    long = _item("The United Nations sent tents, food and medicine to flood victims in Sindh province, its "
                 "humanitarian office said on Friday after a week of heavy rain.", "The United Nations",
                 "flood victims")  # fmt: skip
    alone = encoder.predict([short])[0]
    together = encoder.predict([long, short])[1]
    for label in alone:
        assert together[label] == pytest.approx(alone[label], abs=1e-4)


def test_encoder_pickles(encoder: EncoderPairClassifier) -> None:
    item = _item("Japan protested to China over the coast guard incident.", "Japan", "China")
    copy = pickle.loads(pickle.dumps(encoder))
    assert copy.predict([item])[0] == pytest.approx(encoder.predict([item])[0])


@pytest.mark.parametrize(
    ("sentence", "source", "target", "marked"),
    [
        ("Kenya thanked Uganda.", (0, 5), (14, 20), "<< Kenya >> thanked [[ Uganda ]]."),
        ("Kenya thanked Uganda.", (14, 20), (0, 5), "[[ Kenya ]] thanked << Uganda >>."),
        # overlapping spans: the later one becomes an empty point after the earlier one
        ("French and German leaders met.", (0, 25), (11, 17), "<< French and German leaders >>[[  ]] met."),
    ],
)
def test_mark(sentence: str, source: tuple[int, int], target: tuple[int, int], marked: str) -> None:
    assert mark(sentence, source, target) == marked


def test_token_inputs_keep_sep_and_point_a_cut_marker_at_cls(encoder: EncoderPairClassifier) -> None:
    words = " ".join(["word"] * 200)
    text = mark(f"Chad {words} Niger", (0, 4), (10 + len(words), 15 + len(words)))
    encodings = encoder.members[0][0]._tokenizer.encode_batch([text])
    ids, mask, src, tgt = token_inputs(encodings, [text], max_tokens=32)
    assert ids.shape == (1, 32) and mask.sum() == 32
    assert ids[0, -1] == encodings[0].ids[-1]  # [SEP] kept
    assert src[0] == 1 and tgt[0] == 0  # "<<" right after [CLS]; the target marker was cut off
    assert MARKS[0].strip() == "<<"


def test_unreadable_adapter_is_a_one_line_error(tmp_path: Path) -> None:
    bad = tmp_path / "adapter.npz"
    bad.write_bytes(b"not a zip file")
    with pytest.raises(WhimbrelError, match="cannot read encoder adapter"):
        EncoderPairClassifier.load(bad)


def test_classify_averages_both_classifiers() -> None:
    from whimbrel.classification import _average, _encoder

    assert _encoder(True) is not None  # installed by scripts/setup (requirements-encoder.lock)
    assert _encoder(False) is None
    averaged = _average({"AID": 0.8, "NONE": 0.2}, {"AID": 0.4, "NONE": 0.6})
    assert averaged == pytest.approx({"AID": 0.6, "NONE": 0.4})


def test_ensemble_members_share_the_unadapted_weights(encoder: EncoderPairClassifier) -> None:
    assert encoder.meta["members"] == len(encoder.members) >= 2
    first, second = encoder.members[0][0], encoder.members[1][0]
    assert first.params["word"] is second.params["word"]  # the embeddings are not adapted: one copy
    assert not np.array_equal(first.params["layers"][0]["qkv_w"], second.params["layers"][0]["qkv_w"])
