"""One CSV row per incident, in ACLED/GTD-like columns."""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from typing import Any

from corroborate.records import Diagnostic, Incident, Report

COLUMNS = (
    "event_id", "event_date", "year", "event_type", "country_code", "admin1", "location",
    "latitude", "longitude", "fatalities", "fatalities_low", "fatalities_high",
    "fatalities_status", "injured", "injured_low", "injured_high", "injured_status",
    "hospitalized", "perpetrator", "suspected_perpetrator", "responsibility",
    "characterisation", "n_reports", "n_sources", "source", "notes",
)


def _fact(incident: Incident, slot: str, attr: str) -> Any:
    fact = incident.facts.get(slot)
    return getattr(fact, attr) if fact is not None else None


def _listed(incident: Incident, slot: str) -> str | None:
    """Every value of a multi-valued fact ("Jo Roe; Al Poe"), as GTD's gname, gname2..."""
    fact = incident.facts.get(slot)
    if fact is None:
        return None
    return "; ".join(str(v) for v in fact.values) if fact.values else fact.best


def incident_row(incident: Incident, outlets: dict[str, str]) -> dict[str, Any]:
    contested = sorted(s for s, f in incident.facts.items() if f.status == "contested")
    sources = {t["source"] for fact in incident.facts.values() for t in fact.timeline}
    return {
        "event_id": incident.id,
        "event_date": incident.event_date,
        "year": (incident.event_date or "")[:4] or None,
        "event_type": incident.event_type,
        "country_code": incident.place.country_code,
        "admin1": incident.place.admin1,
        "location": incident.place.name,
        "latitude": incident.place.lat,
        "longitude": incident.place.lon,
        # ACLED's fatalities column is the conservative figure.
        "fatalities": _fact(incident, "killed", "conservative"),
        "fatalities_low": _fact(incident, "killed", "low"),
        "fatalities_high": _fact(incident, "killed", "high"),
        "fatalities_status": _fact(incident, "killed", "status"),
        "injured": _fact(incident, "injured", "conservative"),
        "injured_low": _fact(incident, "injured", "low"),
        "injured_high": _fact(incident, "injured", "high"),
        "injured_status": _fact(incident, "injured", "status"),
        "hospitalized": _fact(incident, "hospitalized", "best"),
        "perpetrator": _listed(incident, "perpetrator"),
        "suspected_perpetrator": _listed(incident, "suspected_perpetrator"),
        "responsibility": _fact(incident, "responsibility", "best"),
        "characterisation": _fact(incident, "characterisation", "best"),
        "n_reports": len(incident.reports),
        "n_sources": len(sources) or len(set(incident.sources.values())),
        "source": "; ".join(sorted({outlets.get(r) or r for r in incident.reports})),
        "notes": ("contested: " + ", ".join(contested)) if contested else "",
    }


def render_csv(reports: Sequence[Report], incidents: Sequence[Incident],
               diagnostics: Sequence[Diagnostic] = (), *, pipeline: Sequence[str] = ()) -> str:
    outlets = {r.id: r.outlet or r.source for r in reports}
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    for incident in incidents:
        writer.writerow(incident_row(incident, outlets))
    return buffer.getvalue()
