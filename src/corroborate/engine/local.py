"""The in-process engine: reports in, reconciled incidents out.

Two stages with a clean seam, so a distributed engine can run them apart:
the per-report stage (``Pipeline.pipe``: parse and extract, embarrassingly
parallel) and the per-incident stage (clustering blocks, then
``build_incident`` per cluster).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from corroborate.errors import ConfigError
from corroborate.extract.nlp import DEFAULT_MODEL
from corroborate.extract.pipeline import Pipeline
from corroborate.ingest.readers import DEFAULT_MAX_BYTES, read_reports
from corroborate.reconcile.incident import build_incident
from corroborate.records import Diagnostic, Incident, Link, Report, ReportAnalysis

SCHEMA = "corroborate/1"


@dataclass(frozen=True)
class RunResult:
    """Everything one run produced."""

    reports: tuple[Report, ...]
    analyses: tuple[ReportAnalysis, ...]
    incidents: tuple[Incident, ...]
    diagnostics: tuple[Diagnostic, ...]
    pipeline: tuple[str, ...] = field(default=())

    @property
    def skipped(self) -> int:
        """How many inputs were not processed."""
        return sum(1 for d in self.diagnostics if d.skipped)


def cluster_and_reconcile(analyses: Sequence[ReportAnalysis]) -> list[Incident]:
    """Group analyses into incidents and reconcile each."""
    from corroborate.cluster import assign_sources, cluster_analyses

    by_id = {a.report.id: a for a in analyses}
    upstream = assign_sources(analyses)
    incidents = []
    for cluster in cluster_analyses(analyses):
        members = [by_id[rid] for rid in cluster.reports]
        links: Sequence[Link] = cluster.links
        incidents.append(build_incident(members, upstream=upstream, links=links))
    incidents.sort(key=lambda i: (i.event_date or "", i.id))
    return incidents


ENGINES = ("local", "dask")


def analyse(reports: Iterable[Report | Diagnostic], *, model: str = DEFAULT_MODEL,
            progress: Callable[[int], None] | None = None, engine: str = "local",
            address: str | None = None,
            ) -> tuple[list[Report], list[ReportAnalysis], list[Diagnostic]]:
    """Run the per-report stage over a stream; de-duplicates repeated reports.

    ``engine="dask"`` runs it on a Dask cluster (``address``, or a local one);
    the result is the same as the in-process engine's.
    """
    diagnostics: list[Diagnostic] = []
    seen: set[str] = set()

    def unique() -> Iterator[Report]:
        for item in reports:
            if isinstance(item, Diagnostic):
                diagnostics.append(item)
            elif item.id not in seen:
                seen.add(item.id)
                yield item

    if engine == "local":
        outputs: Iterable[ReportAnalysis | Diagnostic] = Pipeline(model=model).pipe(unique())
    elif engine == "dask":
        from corroborate.engine.distributed import analyse_distributed

        outputs = analyse_distributed(list(unique()), model=model, address=address)
    else:
        raise ConfigError(f"unknown engine {engine!r}; choose one of: {', '.join(ENGINES)}")
    kept: list[Report] = []
    analyses: list[ReportAnalysis] = []
    for out in outputs:
        if isinstance(out, Diagnostic):
            diagnostics.append(out)
            continue
        kept.append(out.report)
        analyses.append(out)
        diagnostics.extend(out.diagnostics)
        if progress:
            progress(1)
    return kept, analyses, diagnostics


def run(paths: Iterable[str | Path] | None = None, *, reports: Iterable[Report] | None = None,
        model: str = DEFAULT_MODEL, max_bytes: int = DEFAULT_MAX_BYTES,
        progress: Callable[[int], None] | None = None, engine: str = "local",
        address: str | None = None) -> RunResult:
    """Read, analyse, cluster and reconcile; the main job of ``corroborate run``."""
    items: list[Report | Diagnostic] = list(reports or [])
    if paths is not None:
        items.extend(read_reports(list(paths), max_bytes=max_bytes))
    kept, analyses, diagnostics = analyse(items, model=model, progress=progress, engine=engine,
                                          address=address)
    incidents = cluster_and_reconcile(analyses)
    pipeline = analyses[0].pipeline if analyses else ()
    return RunResult(reports=tuple(kept), analyses=tuple(analyses),
                     incidents=tuple(incidents), diagnostics=tuple(diagnostics),
                     pipeline=pipeline)
