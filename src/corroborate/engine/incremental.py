"""Living incidents: add reports to a store and update only the incidents they touch.

Per batch: analyse the reports the store does not have yet, write them, find
candidate incidents near them (store blocking by date and country), assign
each new report to one of them or to a new incident, rebuild the affected
incidents from all their members' analyses, and replace them atomically.
Incident ids derive from their smallest report id, so the record does not
depend on the order reports arrived in.
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from corroborate.extract.nlp import DEFAULT_MODEL
from corroborate.extract.pipeline import Pipeline
from corroborate.ingest.readers import DEFAULT_MAX_BYTES, read_reports
from corroborate.reconcile.incident import build_incident
from corroborate.records import Diagnostic, Incident, Report, ReportAnalysis

BATCH = 64


@dataclass(frozen=True)
class IngestResult:
    """What one ingest did."""

    added: int
    unchanged: int
    incidents: tuple[str, ...]
    diagnostics: tuple[Diagnostic, ...]


def _now() -> str:
    # Ingest time is metadata about the store, never used to resolve dates in text.
    return dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")


def _stamp(analysis: ReportAnalysis, ingested_at: str) -> ReportAnalysis:
    """Claims of a report with no publication time carry the ingest time, marked as such."""
    if analysis.report.published:
        return analysis
    claims = tuple(replace(c, published=ingested_at, time_basis="ingested")
                   for c in analysis.claims)
    return replace(analysis, claims=claims)


def _batches(items: Iterable[Any], size: int) -> Iterator[list[Any]]:
    it = iter(items)
    while batch := list(itertools.islice(it, size)):
        yield batch


def ingest_reports(store: Any, items: Iterable[Report | Diagnostic], *,
                   model: str = DEFAULT_MODEL, ingested_at: str | None = None,
                   progress: Callable[[int], None] | None = None,
                   pipeline: Pipeline | None = None) -> IngestResult:
    """Add reports to ``store`` and update the incidents they belong to."""
    pipeline = pipeline or Pipeline(model=model)
    added = unchanged = 0
    touched: set[str] = set()
    diagnostics: list[Diagnostic] = []
    for batch in _batches(items, BATCH):
        diagnostics.extend(d for d in batch if isinstance(d, Diagnostic))
        reports = {r.id: r for r in batch if isinstance(r, Report)}
        fresh = [r for r in reports.values() if not store.has_report(r.id)]
        unchanged += len(reports) - len(fresh)
        stamp = ingested_at or _now()
        analyses = []
        for out in pipeline.pipe(fresh):
            if isinstance(out, Diagnostic):
                diagnostics.append(out)
            else:
                analyses.append(_stamp(out, stamp))
                diagnostics.extend(out.diagnostics)
        if diagnostics:
            store.add_diagnostics([d for d in diagnostics if d.skipped])
        if not analyses:
            continue
        added += len(store.add_analyses(analyses, ingested_at=stamp))
        touched.update(update_incidents(store, analyses))
        if progress:
            progress(len(reports))
    return IngestResult(added=added, unchanged=unchanged, incidents=tuple(sorted(touched)),
                        diagnostics=tuple(diagnostics))


def update_incidents(store: Any, analyses: Sequence[ReportAnalysis]) -> list[str]:
    """Assign new analyses to incidents and rebuild the affected ones; returns their ids."""
    from corroborate.cluster import assign_sources, assign_to_existing, cluster_analyses

    candidates: set[str] = set()
    for a in analyses:
        country = a.place.country_code if a.place else None
        # A date without its year ("XXXX-01-03") cannot bound a window: block by country only.
        day = a.event_date if a.event_date and not a.event_date.startswith("X") else None
        candidates.update(store.candidate_incidents(date=day, country=country))
    existing = {iid: list(store.iter_analyses(store.get_incident(iid).reports))
                for iid in sorted(candidates)}
    assignment = assign_to_existing(analyses, existing)
    groups: dict[str, list[ReportAnalysis]] = {}
    for a in analyses:
        target = assignment.get(a.report.id)
        if target is not None:
            groups.setdefault(target, list(existing[target])).append(a)
    loose = [a for a in analyses if assignment.get(a.report.id) is None]
    by_id = {a.report.id: a for a in loose}
    rebuilt: list[list[ReportAnalysis]] = list(groups.values())
    rebuilt += [[by_id[r] for r in c.reports] for c in cluster_analyses(loose)]
    incidents: list[Incident] = []
    for members in rebuilt:
        upstream = assign_sources(members)
        incidents.append(build_incident(members, upstream=upstream))
    new_ids = {i.id for i in incidents}
    store.replace_incidents(incidents, removed=sorted(set(groups) - new_ids))
    return sorted(new_ids)


def ingest_paths(store_url: str, paths: Sequence[str | Path], *, model: str = DEFAULT_MODEL,
                 max_bytes: int = DEFAULT_MAX_BYTES,
                 progress: Callable[[int], None] | None = None) -> IngestResult:
    """``corroborate ingest``: read files and add them to the store at ``store_url``."""
    from corroborate.store import open_store

    store = open_store(store_url)
    try:
        return ingest_reports(store, read_reports(list(paths), max_bytes=max_bytes),
                              model=model, progress=progress)
    finally:
        store.close()


def export(store_url: str, *, fmt: str = "json") -> str | bytes:
    """``corroborate export``: every incident in the store, as json, csv, geojson or parquet."""
    from corroborate.render.export import export_incidents
    from corroborate.store import open_store

    store = open_store(store_url)
    try:
        incidents = _all_incidents(store)
        reports = [a.report for a in store.iter_analyses()]
        return export_incidents(incidents, reports, store.diagnostics(), fmt=fmt)
    finally:
        store.close()


def _all_incidents(store: Any) -> list[Incident]:
    out: list[Incident] = []
    while page := store.list_incidents(limit=500, offset=len(out)):
        out.extend(page)
    return out


def show(store_url: str, incident: str, *, fmt: str = "md") -> str:
    """``corroborate show``: one incident, as Markdown or JSON."""
    import json

    from corroborate.render.markdown import render_incident
    from corroborate.store import open_store

    store = open_store(store_url)
    try:
        record = store.get_incident(incident)
        if fmt == "json":
            return json.dumps(record.to_dict(), ensure_ascii=False, indent=2) + "\n"
        reports = {a.report.id: a.report for a in store.iter_analyses(record.reports)}
        return "\n".join(render_incident(record, reports)) + "\n"
    finally:
        store.close()
