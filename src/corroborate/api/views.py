"""JSON views of store records for the API: summaries and enriched detail."""

from __future__ import annotations

from typing import Any

from corroborate.errors import NotFound
from corroborate.records import Incident, ReportAnalysis

# Order facts are shown in: disagreements first, as an analyst reads them.
STATUS_ORDER = {"contested": 0, "revised": 1, "single_source": 2, "corroborated": 3}
HEADLINE_SLOTS = ("killed", "injured")


def fact_order(incident: Incident) -> list[str]:
    return sorted(incident.facts,
                  key=lambda s: (STATUS_ORDER.get(incident.facts[s].status, 9), s))


def title_of(incident: Incident) -> str:
    place = incident.place.name or incident.place.admin1 or incident.place.country_code
    parts = [(incident.event_type or "incident").replace("_", " ").capitalize()]
    if place:
        parts.append(f"in {place}")
    if incident.event_date:
        parts.append(f"on {incident.event_date}")
    return " ".join(parts)


def incident_summary(incident: Incident) -> dict[str, Any]:
    """What the list shows: no claims, just the headline."""
    headline = {}
    for slot in HEADLINE_SLOTS:
        fact = incident.facts.get(slot)
        if fact is not None:
            headline[slot] = {"best": fact.best, "low": fact.low, "high": fact.high,
                              "status": fact.status}
    return {
        "id": incident.id,
        "title": title_of(incident),
        "event_date": incident.event_date,
        "event_type": incident.event_type,
        "place": incident.place.to_dict(),
        "reports": len(incident.reports),
        "headline": headline,
        "contested": [s for s in fact_order(incident)
                      if incident.facts[s].status == "contested"],
    }


def report_meta(analysis: ReportAnalysis, time: tuple[str, str] | None) -> dict[str, Any]:
    meta = analysis.report.to_dict(with_text=False)
    meta["time"], meta["time_basis"] = time if time else (None, None)
    return meta


def incident_detail(store: Any, incident: Incident) -> dict[str, Any]:
    """The record plus what the desk needs beside it: report metadata and places."""
    times = store.report_times(incident.reports)
    reports: list[dict[str, Any]] = []
    places: dict[tuple[Any, Any], dict[str, Any]] = {}
    for report_id in incident.reports:
        try:
            analysis = store.get_analysis(report_id)
        except NotFound:  # a record pointing at a missing report is shown, not hidden
            reports.append({"id": report_id, "missing": True})
            continue
        reports.append(report_meta(analysis, times.get(report_id)))
        for place in analysis.places:
            if place.lat is None or place.lon is None:
                continue
            key = (place.name or place.text, place.country_code)
            entry = places.setdefault(key, {
                "name": place.name or place.text, "kind": place.kind,
                "country_code": place.country_code, "lat": place.lat, "lon": place.lon,
                "mentions": 0})
            entry["mentions"] += 1
    reports.sort(key=lambda r: (r.get("time") or "", r["id"]))
    return {
        "incident": incident.to_dict(),
        "title": title_of(incident),
        "fact_order": fact_order(incident),
        "reports": reports,
        "places": sorted(places.values(), key=lambda p: (-p["mentions"], p["name"])),
    }


def report_detail(store: Any, analysis: ReportAnalysis) -> dict[str, Any]:
    """A report's text, metadata and everything extracted from it, with spans."""
    report_id = analysis.report.id
    times = store.report_times([report_id])
    return {
        "report": {**report_meta(analysis, times.get(report_id)), "text": analysis.report.text},
        "incident": store.incident_of(report_id),
        "claims": [c.to_dict() for c in analysis.claims],
        "entities": [e.to_dict() for e in analysis.entities],
        "places": [p.to_dict() for p in analysis.places],
        "event_date": analysis.event_date,
        "event_type": analysis.event_type,
        "diagnostics": [d.to_dict() for d in analysis.diagnostics],
    }
