"""Opening a store for reading, and running an analyst's own SQL with no way to write."""

from __future__ import annotations

from pathlib import Path

import duckdb

from whimbrel.errors import ConfigError


def connect(db: Path) -> duckdb.DuckDBPyConnection:
    """A fresh in-memory DuckDB connection with the store's views (``whimbrel.store.Store``)."""
    try:
        from whimbrel.store import Store
    except ImportError as exc:  # the store package is built separately; say so in one line
        raise ConfigError("the event store (whimbrel.store) is not available in this installation") from exc
    return Store.open(Path(db)).connect()


def lock_down(con: duckdb.DuckDBPyConnection, readable: Path, writable: tuple[Path, ...] = ()) -> None:
    """Forbid file access outside ``readable`` (the store folder) and ``writable`` files, for good.

    The views read Parquet files under the store folder, so that folder stays readable; everything else
    (other files, ATTACH, extension installs, changing these settings back) fails from here on.
    """
    root = Path(readable)
    folders = sorted({f"{root}/", f"{root.resolve()}/"})
    files = sorted({str(p) for w in writable for p in (Path(w), Path(w).resolve())})
    con.execute("SET autoinstall_known_extensions = false")
    con.execute("SET autoload_known_extensions = false")
    con.execute("SET allowed_directories = ?", [folders])
    if files:
        con.execute("SET allowed_paths = ?", [files])
    con.execute("SET enable_external_access = false")
    con.execute("SET lock_configuration = true")


def run_sql(con: duckdb.DuckDBPyConnection, sql: str) -> duckdb.DuckDBPyRelation:
    """Run one read-only statement (SELECT, WITH … SELECT, FROM …); anything else is a ConfigError."""
    try:
        statements = con.extract_statements(sql)
    except duckdb.Error as exc:
        raise ConfigError(f"--sql: {_one_line(exc)}") from exc
    if len(statements) != 1:
        raise ConfigError(f"--sql takes exactly one statement, got {len(statements)}")
    statement = statements[0]
    if statement.type != duckdb.StatementType.SELECT:
        kind = str(statement.type).rsplit(".", 1)[-1]
        raise ConfigError(f"--sql accepts only SELECT or WITH queries, not {kind}")
    try:
        return con.sql(statement.query)
    except duckdb.Error as exc:
        raise ConfigError(f"--sql: {_one_line(exc)}") from exc


def _one_line(exc: BaseException) -> str:
    return " ".join(str(exc).split())
