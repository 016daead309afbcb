"""Reading the event store: filtered selections, expectations, exports and dyad time series.

Every function takes a DuckDB connection with the store's views (``whimbrel.store.Store.open(p).connect()``,
columns in docs/store.md); values are always bound parameters, never SQL text.
"""

from whimbrel.query.export import EXPORT_FORMATS, GDELT_COLUMNS, export
from whimbrel.query.filters import Filters, expectations, select_events, select_mentions
from whimbrel.query.series import PERIODS, dyad_series, plot_series, series_files, write_series_csv
from whimbrel.query.sql import connect, lock_down, run_sql
from whimbrel.query.writers import ROW_FORMATS, write_rows

__all__ = [
    "EXPORT_FORMATS",
    "GDELT_COLUMNS",
    "PERIODS",
    "ROW_FORMATS",
    "Filters",
    "connect",
    "dyad_series",
    "expectations",
    "export",
    "lock_down",
    "plot_series",
    "run_sql",
    "select_events",
    "select_mentions",
    "series_files",
    "write_rows",
    "write_series_csv",
]
