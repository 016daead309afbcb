"""Loading of the tab-separated data files that users can extend (dictionaries, code tables, patterns).

Format shared by every data file: UTF-8, one header line naming the columns, then one record per line,
fields separated by TAB.  Blank lines and lines starting with ``#`` are ignored.  Every problem is reported
as a :class:`~whimbrel.errors.DataFileError` carrying the file and the 1-based line number.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from importlib import resources
from pathlib import Path

from whimbrel.errors import DataFileError


def packaged(package: str, name: str) -> Path:
    """Path of a data file shipped in a whimbrel package: ``packaged("whimbrel.codes", "cameo.tsv")``."""
    return Path(str(resources.files(package).joinpath(name)))


def read_tsv(
    path: Path | str, required: Sequence[str], optional: Sequence[str] = ()
) -> Iterator[tuple[int, dict[str, str]]]:
    """Yield ``(line_number, row)`` for each record of a TSV data file.

    ``row`` maps every required and optional column to its stripped value ("" when an optional column is
    absent or empty).  Raises DataFileError for a missing column, a wrong number of fields or an empty
    required field.

    >>> # for line, row in read_tsv("my_actors.tsv", ["name", "country"]): ...
    """
    path = Path(path)
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except UnicodeDecodeError as exc:
        raise DataFileError(path, 1, f"not UTF-8 text ({exc.reason})") from exc
    except OSError as exc:
        raise DataFileError(path, 0, f"cannot read: {exc.strerror}") from exc
    header: list[str] | None = None
    for number, raw in enumerate(lines, start=1):
        if not raw.strip() or raw.lstrip().startswith("#"):
            continue
        fields = [f.strip() for f in raw.split("\t")]
        if header is None:
            header = fields
            missing = [c for c in required if c not in header]
            if missing:
                raise DataFileError(path, number, f"header lacks column(s) {', '.join(missing)}")
            continue
        if len(fields) > len(header):
            raise DataFileError(path, number, f"{len(fields)} fields, header has {len(header)}")
        fields += [""] * (len(header) - len(fields))
        row = dict(zip(header, fields, strict=True))
        for column in required:
            if not row[column]:
                raise DataFileError(path, number, f"empty required field {column!r}")
        yield number, {c: row.get(c, "") for c in (*required, *optional)}
    if header is None:
        raise DataFileError(path, 1, "no header line")
