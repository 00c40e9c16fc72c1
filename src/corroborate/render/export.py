"""Store exports: JSON, CSV, GeoJSON and Parquet over the same incident rows."""

from __future__ import annotations

import io
import json
from collections.abc import Sequence

from corroborate.errors import ConfigError, MissingExtra
from corroborate.records import Diagnostic, Incident, Report
from corroborate.render.csv import COLUMNS, incident_row, render_csv
from corroborate.render.json import render_json

FORMATS = ("json", "csv", "geojson", "parquet")


def render_geojson(incidents: Sequence[Incident], reports: Sequence[Report]) -> str:
    """One Point feature per geocoded incident; properties are the CSV columns."""
    outlets = {r.id: r.outlet or r.source for r in reports}
    features = []
    for incident in incidents:
        if incident.place.lat is None or incident.place.lon is None:
            continue
        features.append({
            "type": "Feature",
            "id": incident.id,
            "geometry": {"type": "Point",
                         "coordinates": [incident.place.lon, incident.place.lat]},
            "properties": incident_row(incident, outlets),
        })
    return json.dumps({"type": "FeatureCollection", "features": features},
                      ensure_ascii=False, indent=2) + "\n"


def _arrow_types() -> dict[str, object]:
    import pyarrow as pa

    ints = ("fatalities", "fatalities_low", "fatalities_high", "injured", "injured_low",
            "injured_high", "hospitalized", "n_reports", "n_sources")
    return {**{c: pa.int64() for c in ints}, "latitude": pa.float64(), "longitude": pa.float64()}


def render_parquet(incidents: Sequence[Incident], reports: Sequence[Report]) -> bytes:
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError as exc:
        raise MissingExtra("parquet", "Parquet export") from exc
    outlets = {r.id: r.outlet or r.source for r in reports}
    rows = [incident_row(i, outlets) for i in incidents]
    _ARROW_TYPES = _arrow_types()
    schema = pa.schema([(c, _ARROW_TYPES.get(c, pa.string())) for c in COLUMNS])
    table = pa.Table.from_pylist(rows, schema=schema)
    sink = io.BytesIO()
    pq.write_table(table, sink)
    return sink.getvalue()


def export_incidents(incidents: Sequence[Incident], reports: Sequence[Report],
                     diagnostics: Sequence[Diagnostic], *, fmt: str) -> str | bytes:
    if fmt == "json":
        return render_json(reports, incidents, diagnostics)
    if fmt == "csv":
        return render_csv(reports, incidents)
    if fmt == "geojson":
        return render_geojson(incidents, reports)
    if fmt == "parquet":
        return render_parquet(incidents, reports)
    raise ConfigError(f"unknown export format {fmt!r}; choose one of: {', '.join(FORMATS)}")
