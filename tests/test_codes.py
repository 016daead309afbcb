"""CAMEO code table: values of known codes, user overrides and line-numbered validation errors."""

from __future__ import annotations

import pickle
from pathlib import Path

import pytest

from whimbrel.codes import CameoCode, CameoTable, quad_class_of_root
from whimbrel.errors import DataFileError
from whimbrel.records import PLOVER_TYPES, EventCode

HEADER = "cameo\tname\tgoldstein\tquad_class\tplover\n"


@pytest.fixture(scope="module")
def table() -> CameoTable:
    return CameoTable.load()


@pytest.mark.parametrize(
    ("cameo", "goldstein", "quad", "plover"),
    [
        ("010", 0.0, 1, None),
        ("013", 0.4, 1, None),
        ("020", 3.0, 1, "REQUEST"),
        ("036", 4.0, 1, "AGREE"),
        ("040", 1.0, 1, "CONSULT"),
        ("042", 1.9, 1, "CONSULT"),
        ("051", 3.4, 1, "SUPPORT"),
        ("057", 8.0, 1, "AGREE"),
        ("061", 6.4, 2, "COOPERATE"),
        ("073", 7.4, 2, "AID"),
        ("081", 5.0, 2, "CONCEDE"),
        ("0841", 7.0, 2, "CONCEDE"),
        ("0871", 9.0, 2, "CONCEDE"),
        ("091", -2.0, 3, "ACCUSE"),
        ("1041", -5.0, 3, "REQUEST"),
        ("111", -2.0, 3, "ACCUSE"),
        ("125", -5.0, 3, "REJECT"),
        ("138", -7.0, 3, "THREATEN"),
        ("141", -6.5, 4, "PROTEST"),
        ("154", -7.2, 4, "MOBILIZE"),
        ("163", -8.0, 4, "SANCTION"),
        ("173", -5.0, 4, "COERCE"),
        ("175", -9.0, 4, "ASSAULT"),
        ("186", -10.0, 4, "ASSAULT"),
        ("190", -10.0, 4, "ASSAULT"),
        ("195", -10.0, 4, "ASSAULT"),
        ("2042", -10.0, 4, "ASSAULT"),
    ],
)
def test_known_codes(table: CameoTable, cameo: str, goldstein: float, quad: int, plover: str | None) -> None:
    code = table.get(cameo)
    assert (code.goldstein, code.quad_class, code.plover) == (goldstein, quad, plover)
    if plover is None:
        assert table.event_code(cameo) is None
    else:
        assert table.event_code(cameo) == EventCode(cameo, plover, goldstein, quad)


def test_table_is_complete(table: CameoTable) -> None:
    codes = table.codes()
    assert len(table) == len(codes) > 300
    roots = {c.cameo for c in codes if len(c.cameo) == 2}
    assert roots == {f"{r:02d}" for r in range(1, 21)}
    # every 3- and 4-digit code has its parent in the table
    for code in codes:
        if len(code.cameo) > 2:
            assert code.cameo[:-1] in table or code.cameo[:2] in table, code.cameo
    assert {c.plover for c in codes if c.plover} == set(PLOVER_TYPES)
    assert all(c.plover is None for c in codes if c.cameo.startswith("01"))


@pytest.mark.parametrize(
    ("plover", "cameo"),
    [("CONSULT", "040"), ("ASSAULT", "190"), ("AGREE", "030"), ("COERCE", "170"), ("REQUEST", "020")],
)
def test_default_cameo(table: CameoTable, plover: str, cameo: str) -> None:
    assert table.default_cameo(plover) == cameo
    assert table.get(cameo).plover == plover


def test_every_plover_type_has_a_default(table: CameoTable) -> None:
    for plover in PLOVER_TYPES:
        assert table.get(table.default_cameo(plover)).plover == plover


def test_unknown_code_and_type(table: CameoTable) -> None:
    assert "999" not in table and "040" in table
    with pytest.raises(KeyError):
        table.get("999")
    with pytest.raises(KeyError):
        table.default_cameo("DANCE")


def test_quad_class_of_root() -> None:
    assert [quad_class_of_root(r) for r in (1, 5, 6, 8, 9, 13, 14, 20)] == [1, 1, 2, 2, 3, 3, 4, 4]
    with pytest.raises(ValueError):
        quad_class_of_root(21)


def test_user_file_overrides_and_adds(tmp_path: Path, table: CameoTable) -> None:
    user = tmp_path / "codes.tsv"
    user.write_text(
        HEADER + "# local decisions\n043\tHost a visit\t3.0\t1\tCONSULT\n0145\tNew code\t0.5\t1\t\n"
    )
    custom = CameoTable.load([user])
    assert custom.get("043") == CameoCode("043", "Host a visit", 3.0, 1, "CONSULT")
    assert custom.get("0145").plover is None
    assert custom.get("040") == table.get("040")
    assert table.get("043").goldstein == 2.8  # the packaged table is not changed


def test_default_cameo_follows_a_remapped_default(tmp_path: Path) -> None:
    user = tmp_path / "codes.tsv"
    user.write_text(HEADER + "040\tConsult\t1.0\t1\t\n")
    assert CameoTable.load([user]).default_cameo("CONSULT") == "041"


@pytest.mark.parametrize(
    ("row", "message"),
    [
        ("4\tToo short\t1.0\t1\t", "not 2-4 digits"),
        ("04a\tLetters\t1.0\t1\t", "not 2-4 digits"),
        ("21\tNo such root\t1.0\t4\t", "root 21"),
        ("00\tNo such root\t1.0\t1\t", "root 00"),
        ("040\tConsult\t12.5\t1\tCONSULT", "outside [-10, 10]"),
        ("040\tConsult\thigh\t1\tCONSULT", "not a number"),
        ("040\tConsult\t1.0\t2\tCONSULT", "should be 1"),
        ("190\tFight\t-10\t3\tASSAULT", "should be 4"),
        ("040\tConsult\t1.0\t1\tCHAT", "unknown PLOVER type"),
    ],
)
def test_validation_errors_carry_line_numbers(tmp_path: Path, row: str, message: str) -> None:
    user = tmp_path / "bad.tsv"
    user.write_text("# comment\n" + HEADER + "040\tConsult\t1.0\t1\tCONSULT\n\n" + row + "\n")
    with pytest.raises(DataFileError) as info:
        CameoTable.load([user])
    assert info.value.line == 5
    assert message in info.value.message
    assert str(user) in str(info.value)


def test_missing_column_is_reported(tmp_path: Path) -> None:
    user = tmp_path / "bad.tsv"
    user.write_text("cameo\tname\tplover\n040\tConsult\tCONSULT\n")
    with pytest.raises(DataFileError) as info:
        CameoTable.load([user])
    assert info.value.line == 1


def test_load_is_cached_and_pickles(table: CameoTable) -> None:
    assert CameoTable.load() is table
    copy = pickle.loads(pickle.dumps(table))
    assert copy.get("173") == table.get("173") and len(copy) == len(table)
