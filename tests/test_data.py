"""The shared TSV data-file loader: records, comments, and line-numbered errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from whimbrel.data import read_tsv
from whimbrel.errors import DataFileError


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "data.tsv"
    path.write_text(text, encoding="utf-8")
    return path


def test_reads_rows_with_line_numbers_skipping_comments(tmp_path: Path) -> None:
    path = write(tmp_path, "# a comment\nname\tcountry\tnote\n\nPutin\tRUS\t\nMerkel\tDEU\tchancellor\n")
    rows = list(read_tsv(path, ["name", "country"], ["note"]))
    assert rows == [
        (4, {"name": "Putin", "country": "RUS", "note": ""}),
        (5, {"name": "Merkel", "country": "DEU", "note": "chancellor"}),
    ]


def test_missing_optional_column_reads_as_empty(tmp_path: Path) -> None:
    path = write(tmp_path, "name\tcountry\nPutin\tRUS\n")
    assert list(read_tsv(path, ["name"], ["note"])) == [(2, {"name": "Putin", "note": ""})]


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        ("name\nPutin\n", 1, "header lacks column(s) country"),
        ("name\tcountry\nPutin\t\n", 2, "empty required field 'country'"),
        ("name\tcountry\nPutin\tRUS\textra\n", 2, "3 fields, header has 2"),
        ("# only a comment\n", 1, "no header line"),
    ],
)
def test_errors_carry_the_line_number(tmp_path: Path, text: str, line: int, message: str) -> None:
    path = write(tmp_path, text)
    with pytest.raises(DataFileError) as info:
        list(read_tsv(path, ["name", "country"]))
    assert info.value.line == line
    assert message in str(info.value)
    assert str(info.value).startswith(f"{path}:{line}:")


def test_non_utf8_file_is_a_data_error(tmp_path: Path) -> None:
    path = tmp_path / "bad.tsv"
    path.write_bytes(b"name\tcountry\nZ\xfcrich\tCHE\n")
    with pytest.raises(DataFileError, match="not UTF-8"):
        list(read_tsv(path, ["name", "country"]))


def test_the_packaged_people_cover_more_than_a_hundred_countries() -> None:
    from whimbrel.actors.dictionary import ActorDictionary

    table = ActorDictionary.load()
    countries = {role.country for person in table.people.values() for role in person.roles if role.country}
    assert len(countries) > 100, len(countries)
