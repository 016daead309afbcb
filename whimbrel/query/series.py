"""Dyad time series: deduplicated events per period for source → target, with mean Goldstein score."""

from __future__ import annotations

import csv
from collections.abc import Sequence
from datetime import timedelta
from pathlib import Path
from typing import Any

import duckdb

from whimbrel.errors import ConfigError
from whimbrel.query.filters import side_clause
from whimbrel.records import STATUSES

# period -> (date_trunc part, generate_series step): fixed SQL text, chosen by key, never taken from input.
PERIODS: dict[str, tuple[str, str]] = {
    "day": ("day", "INTERVAL 1 DAY"),
    "week": ("week", "INTERVAL 7 DAY"),
    "month": ("month", "INTERVAL 1 MONTH"),
    "year": ("year", "INTERVAL 1 YEAR"),
}
SERIES_COLUMNS = ("period_start", "count", "mean_goldstein")

_SERIES = """
WITH hits AS (
    SELECT CAST(date_trunc(?, date_start) AS DATE) AS period_start, goldstein
    FROM events
    WHERE date_start IS NOT NULL AND list_contains(?, status) AND {source} AND {target}
),
buckets AS (
    SELECT period_start, count(*) AS n, avg(goldstein) AS g FROM hits GROUP BY period_start
),
periods AS (
    SELECT CAST(unnest(generate_series(min(period_start), max(period_start), {step})) AS DATE) AS period_start
    FROM buckets
)
SELECT p.period_start, coalesce(b.n, 0) AS count, round(b.g, 4) AS mean_goldstein
FROM periods p LEFT JOIN buckets b USING (period_start)
ORDER BY p.period_start
"""


def dyad_series(
    con: duckdb.DuckDBPyConnection,
    source: str,
    target: str,
    period: str = "week",
    *,
    status: Sequence[str] = ("occurred",),
) -> list[dict[str, Any]]:
    """Deduplicated ``source`` → ``target`` events per period (weeks start on Monday), oldest first.

    ``source``/``target`` match a canonical name (case-insensitive) or an ISO3 country.  Each row is
    ``{"period_start": date, "count": int, "mean_goldstein": float | None}``; periods without events between
    the first and the last are included with count 0.  Only events whose status is in ``status`` count
    (default: occurred, so a planned visit is not counted before it happens); undated events drop out.
    """
    if period not in PERIODS:
        raise ConfigError(f"unknown period {period!r}; choose from {', '.join(PERIODS)}")
    for value in status:
        if value not in STATUSES:
            raise ConfigError(f"unknown status {value!r}; choose from {', '.join(STATUSES)}")
    part, step = PERIODS[period]
    sql = _SERIES.format(source=side_clause("source"), target=side_clause("target"), step=step)
    params: list[object] = [part, list(status), source, source, target, target]
    rows = con.execute(sql, params).fetchall()
    return [dict(zip(SERIES_COLUMNS, row, strict=True)) for row in rows]


def write_series_csv(rows: Sequence[dict[str, Any]], path: Path) -> None:
    """Write a series as CSV with the columns period_start, count, mean_goldstein (empty when no events)."""
    with open(path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(SERIES_COLUMNS)
        for row in rows:
            goldstein = row["mean_goldstein"]
            mean = "" if goldstein is None else goldstein
            writer.writerow([row["period_start"].isoformat(), row["count"], mean])


def plot_series(rows: Sequence[dict[str, Any]], path: Path, title: str, period: str = "week") -> None:
    """Write a PNG: event counts as bars, mean Goldstein as a line on a second axis (matplotlib, Agg)."""
    # The object-oriented API with an explicit Agg canvas: no pyplot global state, no display needed.
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    figure = Figure(figsize=(10, 4.5), dpi=100)
    FigureCanvasAgg(figure)
    counts_axis = figure.add_subplot()
    counts_axis.set_title(title)
    if rows:
        days = [row["period_start"] for row in rows]
        width = {"day": 0.8, "week": 6, "month": 26, "year": 330}[period]
        counts_axis.bar(days, [row["count"] for row in rows], width=width, align="edge", color="#8fa9c9")
        goldstein_axis = counts_axis.twinx()
        means = [float("nan") if r["mean_goldstein"] is None else r["mean_goldstein"] for r in rows]
        centres = [d + timedelta(days=width / 2) for d in days]
        marker = "o" if len(rows) <= 60 else None  # dots only where they stay readable
        goldstein_axis.plot(centres, means, color="#b2182b", marker=marker, markersize=3, linewidth=1.2)
        goldstein_axis.set_ylim(-10.5, 10.5)
        goldstein_axis.set_ylabel("mean Goldstein")
        figure.autofmt_xdate()
    else:
        counts_axis.text(0.5, 0.5, "no events", ha="center", va="center", transform=counts_axis.transAxes)
    counts_axis.set_ylabel(f"events per {period}")
    figure.tight_layout()
    figure.savefig(path, format="png")


def series_files(
    con: duckdb.DuckDBPyConnection,
    source: str,
    target: str,
    prefix: Path,
    period: str = "week",
    *,
    status: Sequence[str] = ("occurred",),
) -> tuple[Path, Path, list[dict[str, Any]]]:
    """Compute a dyad series and write ``PREFIX.csv`` and ``PREFIX.png``; returns both paths and the rows."""
    rows = dyad_series(con, source, target, period, status=status)
    csv_path = prefix.with_name(prefix.name + ".csv")
    png_path = prefix.with_name(prefix.name + ".png")
    write_series_csv(rows, csv_path)
    plot_series(rows, png_path, f"{source} → {target}: events per {period}", period)
    return csv_path, png_path, rows
