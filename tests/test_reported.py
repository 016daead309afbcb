"""The type a sentence reports (whimbrel classify): intent → AGREE, refusal → REJECT; PLOVER's own table.

Sentences are the team's own.  The coder keeps the act's type and puts the status in ``status``; the
single-pair classifier names the reported type, as CAMEO and PLOVER code it.
"""

from __future__ import annotations

import json
import pickle
import subprocess
import sys
from pathlib import Path

import pytest

import whimbrel
from whimbrel.codes import CameoTable
from whimbrel.codes.reported import ReportedTypes
from whimbrel.errors import DataFileError

ROOT = Path(__file__).resolve().parents[1]

# sentence, source, target, expected PLOVER type, expected CAMEO code (None: any code of the type)
CASES = [
    # announced or promised cooperation: intent (CAMEO 03x)
    ("The ministry said on Monday that the rebels will free the two aid workers next week.",
     "the rebels", "the two aid workers", "AGREE", "035"),
    ("Kenya is ready to hold talks with the opposition coalition.", "Kenya", "the opposition coalition",
     "AGREE", "036"),
    ("Beijing plans to send medical supplies to Laos.", "Beijing", "Laos", "AGREE", "033"),
    ("Havana said it would allow the Red Cross to visit the prisons.", "Havana", "the Red Cross",
     "AGREE", None),
    # refused, declined or failed cooperation: rejection (CAMEO 12x)
    ("The prime minister refused to meet the striking doctors.", "The prime minister",
     "the striking doctors", "REJECT", "125"),
    ("Turkey will not lift its embargo on Armenia.", "Turkey", "Armenia", "REJECT", "124"),
    ("The two governments failed to reach agreement on fishing rights.", "The two governments",
     "fishing rights", "REJECT", None),
    # a decision is an act, not an intent
    ("The junta decided to lift the curfew in the capital.", "The junta", "the capital", "CONCEDE", None),
    # conflict keeps its type when denied; announced, it is a threat (CAMEO 13x)
    ("The army did not shell the village.", "The army", "the village", "ASSAULT", None),
    ("The government will extend the curfew in the northern provinces.", "The government",
     "the northern provinces", "THREATEN", "132"),
    ("Canada said it will impose sanctions on the Burmese generals.", "Canada", "the Burmese generals",
     "THREATEN", None),
    ("The students will hold a protest outside the French embassy on Friday.", "The students",
     "the French embassy", "THREATEN", "133"),
    # (the learned models were trained under PLOVER's table, 163 -> COERCE, and still say so here; the
    # coder's table says SANCTION: docs/codes.md)
    ("The EU decided to impose sanctions on the Burmese generals.", "The EU", "the Burmese generals",
     "COERCE", None),
    # acts that happened keep their type
    ("Ghana sent peacekeepers to Mali in March.", "Ghana", "Mali", "AID", "074"),
    ("Police arrested dozens of protesters on Sunday.", "Police", "protesters", "COERCE", None),
]  # fmt: skip


@pytest.mark.parametrize(
    ("sentence", "source", "target", "plover", "cameo"), CASES, ids=[c[0][:40] for c in CASES]
)
def test_classify_names_the_reported_type(
    sentence: str, source: str, target: str, plover: str, cameo: str | None
) -> None:
    result = whimbrel.classify(sentence, source, target)
    assert result.plover == plover, result
    if cameo is not None:
        assert result.cameo == cameo, result
    assert CameoTable.load().get(result.cameo or "").plover == plover


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the release is to come; announcing it is an intent to yield (events/declared.py)
        ("The rebels will free the two aid workers next week.", {("CONCEDE", "planned"),
                                                                 ("AGREE", "occurred")}),
        # an attack a planning verb takes as object is planned, not done (and a declared threat of force)
        ("Hamas planned an attack on Israel.", {("ASSAULT", "planned"), ("THREATEN", "occurred")}),
        # the refusal happened and stands for the meeting it refused, which did not (eighteenth session:
        # Config.contents keeps the meeting, negated)
        ("The prime minister refused to meet the striking doctors.", {("REJECT", "occurred")}),
        ("Moscow did not withdraw its troops from Moldova.", {("RETREAT", "negated")}),
    ],
)  # fmt: skip
def test_the_coder_keeps_the_act_and_reports_the_status(text: str, expected: set[tuple[str, str]]) -> None:
    events = whimbrel.code(text, published="2024-03-01", fmt="text")
    assert {(e.code.plover, e.status) for e in events} == expected


@pytest.mark.parametrize(
    ("cameo", "plover"),
    [("057", "AGREE"), ("050", "SUPPORT"), ("054", "SUPPORT"), ("163", "SANCTION"), ("175", "ASSAULT"),
     ("161", "SANCTION"), ("166", "SANCTION"), ("173", "COERCE"), ("191", "COERCE"), ("036", "AGREE")],
)  # fmt: skip
def test_cameo_table_follows_the_project_conversion(cameo: str, plover: str) -> None:
    assert CameoTable.load().get(cameo).plover == plover


def test_no_interaction_unless_the_pair_is_known_to_interact() -> None:
    sentence = "The mayor of Lyon was born in Marseille."
    free = whimbrel.classify(sentence, "The mayor of Lyon", "Marseille")
    forced = whimbrel.classify(sentence, "The mayor of Lyon", "Marseille", interacting=True)
    assert free.plover is None and free.confidence > 0.5
    assert forced.plover is not None and forced.cameo is not None
    assert forced.confidence < 1.0 - free.confidence + 1e-9  # "no interaction" still lowers it


def test_classify_can_be_called_again() -> None:
    # whimbrel.classify is the function, not a module of that name that shadows it after the first call
    first = whimbrel.classify("Rebels attacked an army base.", "Rebels", "an army base")
    second = whimbrel.classify("Rebels attacked an army base.", "Rebels", "an army base")
    assert first == second and first.plover == "ASSAULT"


HEADER = "status\tplover\tbecomes\tcameo\tunless\n"


def test_user_rows_override_and_pickle(tmp_path: Path) -> None:
    user = tmp_path / "mine.tsv"
    user.write_text(HEADER + "planned\tCONSULT\tCONSULT\t040\t\nnegated\tPROTEST\tREJECT\t120\t\n")
    table = ReportedTypes.load([user])
    assert table.convert("CONSULT", "planned", "will") == ("CONSULT", "040")
    assert table.convert("PROTEST", "negated", "not") == ("REJECT", "120")
    assert table.convert("CONCEDE", "planned", "decided to") is None  # packaged `unless`
    assert ReportedTypes.load().convert("CONSULT", "planned", "will") == ("AGREE", "036")
    assert pickle.loads(pickle.dumps(table)) == table


@pytest.mark.parametrize(
    ("row", "message"),
    [
        ("occurred\tCONSULT\tAGREE\t036\t", "status 'occurred'"),
        ("planned\tCHAT\tAGREE\t036\t", "'CHAT' is not a PLOVER type"),
        ("planned\tCONSULT\tAGREE\t999\t", "unknown CAMEO code '999'"),
        ("planned\tCONSULT\tAGREE\t040\t", "CAMEO 040 is CONSULT, not AGREE"),
    ],
)
def test_bad_rows_fail_with_their_line(tmp_path: Path, row: str, message: str) -> None:
    user = tmp_path / "bad.tsv"
    user.write_text("# mine\n" + HEADER + "planned\tAID\tAGREE\t033\t\n" + row + "\n")
    with pytest.raises(DataFileError) as info:
        ReportedTypes.load([user])
    assert info.value.line == 4 and message in info.value.message


def test_cli_interacting_flag(tmp_path: Path) -> None:
    args = ["--source", "The mayor of Lyon", "--target", "Marseille", "--format", "jsonl",
            "The mayor of Lyon was born in Marseille."]  # fmt: skip
    plain, forced = (
        subprocess.run([sys.executable, "-m", "whimbrel", "classify", *extra, *args],
                       capture_output=True, text=True, cwd=ROOT, timeout=300)
        for extra in ([], ["--interacting"])
    )  # fmt: skip
    assert plain.returncode == forced.returncode == 0, plain.stderr + forced.stderr
    assert json.loads(plain.stdout)["plover"] is None
    assert json.loads(forced.stdout)["plover"] is not None
