"""The in-process engine: reports in, reconciled incidents out.

Two stages with a clean seam, so a distributed engine can run them apart:
the per-report stage (``Pipeline.pipe``: parse and extract, embarrassingly
parallel) and the per-incident stage (clustering blocks, then
``build_incident`` per cluster).
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from corroborate.engine.spill import Analyses, MemoryAnalyses, SpillAnalyses
from corroborate.errors import ConfigError
from corroborate.extract.nlp import DEFAULT_MODEL
from corroborate.extract.pipeline import Pipeline
from corroborate.ingest.readers import DEFAULT_MAX_BYTES, read_reports
from corroborate.reconcile.incident import build_incident
from corroborate.records import Diagnostic, Incident, Link, Report, ReportAnalysis

if TYPE_CHECKING:
    from corroborate.cluster.index import ReportIndex

T = TypeVar("T")

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


def reconcile_clusters(index: Sequence[ReportIndex], analyses: Analyses) -> Iterator[Incident]:
    """Per-corpus, then per-incident stage: cluster the index, then build each incident.

    Incidents come out in cluster order (by smallest report id); only one
    incident's analyses are read from ``analyses`` at a time.
    """
    from corroborate.cluster.index import cluster_index, sources_index

    upstream = sources_index(index, analyses.text)
    for cluster in cluster_index(index):
        links: Sequence[Link] = cluster.links
        yield build_incident(analyses.get(cluster.reports), upstream=upstream, links=links)


def cluster_and_reconcile(analyses: Sequence[ReportAnalysis]) -> list[Incident]:
    """Group analyses into incidents and reconcile each."""
    from corroborate.cluster.index import index_reports

    ordered = sorted(analyses, key=lambda a: a.report.id)
    index = [i for batch in _batches(ordered, BATCH) for i in index_reports(batch)]
    incidents = list(reconcile_clusters(index, MemoryAnalyses(ordered)))
    incidents.sort(key=lambda i: (i.event_date or "", i.id))
    return incidents


ENGINES = ("local", "dask")
# Reports per embedding batch and per write to the spill.
BATCH = 64


def _batches(items: Iterable[T], size: int) -> Iterator[list[T]]:
    it = iter(items)
    while batch := list(itertools.islice(it, size)):
        yield batch


def _outputs(reports: Iterable[Report | Diagnostic], diagnostics: list[Diagnostic], *,
             model: str, engine: str, address: str | None) -> Iterator[ReportAnalysis]:
    """The per-report stage over a stream of unique reports; diagnostics go to the list."""
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
    for out in outputs:
        if isinstance(out, Diagnostic):
            diagnostics.append(out)
            continue
        diagnostics.extend(out.diagnostics)
        yield out


def analyse(reports: Iterable[Report | Diagnostic], *, model: str = DEFAULT_MODEL,
            progress: Callable[[int], None] | None = None, engine: str = "local",
            address: str | None = None,
            ) -> tuple[list[Report], list[ReportAnalysis], list[Diagnostic]]:
    """Run the per-report stage over a stream; de-duplicates repeated reports.

    ``engine="dask"`` runs it on a Dask cluster (``address``, or a local one);
    the result is the same as the in-process engine's.
    """
    diagnostics: list[Diagnostic] = []
    analyses: list[ReportAnalysis] = []
    for out in _outputs(reports, diagnostics, model=model, engine=engine, address=address):
        analyses.append(out)
        if progress:
            progress(1)
    return [a.report for a in analyses], analyses, diagnostics


@dataclass(frozen=True)
class StreamSummary:
    """What a streaming run did (its incidents went to the caller's sink)."""

    reports: int
    incidents: int
    diagnostics: tuple[Diagnostic, ...]


def stream(reports: Iterable[Report | Diagnostic], emit: Callable[[Incident], object], *,
           model: str = DEFAULT_MODEL, progress: Callable[[int], None] | None = None,
           engine: str = "local", address: str | None = None,
           spill_dir: str | Path | None = None) -> StreamSummary:
    """The main job for a corpus too big to hold: analyses wait on disk, not in memory.

    Memory grows by the clustering index only (features, embedding, MinHash
    sketch: about 15 kB a report, against ~100 kB for a kept analysis and its
    incident). Each incident is passed to ``emit`` as soon as it is built, in
    order of its smallest report id; the incidents equal ``run``'s.
    """
    diagnostics: list[Diagnostic] = []
    analyses = _outputs(reports, diagnostics, model=model, engine=engine, address=address)
    summary = stream_analyses(analyses, emit, progress=progress, spill_dir=spill_dir)
    return replace(summary, diagnostics=tuple(diagnostics))


def stream_analyses(analyses: Iterable[ReportAnalysis], emit: Callable[[Incident], object], *,
                    progress: Callable[[int], None] | None = None,
                    spill_dir: str | Path | None = None) -> StreamSummary:
    """``stream`` after the per-report stage: index and spill, then cluster and reconcile."""
    from corroborate.cluster.index import index_reports

    index: list[ReportIndex] = []
    emitted = 0
    with SpillAnalyses(spill_dir) as spill:
        for batch in _batches(analyses, BATCH):
            spill.put(batch)
            index.extend(index_reports(batch))
            if progress:
                progress(len(batch))
        for incident in reconcile_clusters(index, spill):
            emit(incident)
            emitted += 1
    return StreamSummary(reports=len(index), incidents=emitted, diagnostics=())


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
