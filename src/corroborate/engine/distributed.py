"""The per-report stage on Dask, for corpora that outgrow one process.

Per-report extraction is embarrassingly parallel: reports are split into
contiguous chunks, each chunk is analysed on a worker (which loads the spaCy
pipeline once and keeps it), and results come back in input order, so the
output is the same as the local engine's. Clustering and reconciliation then
run on the client (``engine.local.cluster_and_reconcile``); their per-block
stage is the next candidate for distribution.

Needs the ``distributed`` extra: ``pip install "corroborate[distributed]"``.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from typing import Any

from corroborate.errors import MissingExtra
from corroborate.extract.nlp import DEFAULT_MODEL
from corroborate.extract.pipeline import Pipeline
from corroborate.records import Diagnostic, Report, ReportAnalysis

# Reports per task: large enough to amortise scheduling, small enough to balance.
CHUNK = 64


@functools.lru_cache(maxsize=2)
def _worker_pipeline(model: str) -> Pipeline:
    return Pipeline(model=model)


def analyse_chunk(reports: Sequence[Report], model: str) -> list[ReportAnalysis | Diagnostic]:
    """Task body: analyse one chunk on a worker (the pipeline stays loaded there)."""
    return list(_worker_pipeline(model).pipe(reports))


def _client(address: str | None) -> tuple[Any, Any]:
    try:
        from dask.distributed import Client, LocalCluster
    except ImportError as exc:
        raise MissingExtra("distributed", "the Dask engine") from exc
    if address:
        return Client(address), None
    cluster = LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                           dashboard_address=None)
    return Client(cluster), cluster


def analyse_distributed(reports: Sequence[Report], *, model: str = DEFAULT_MODEL,
                        address: str | None = None, chunk: int = CHUNK,
                        ) -> list[ReportAnalysis | Diagnostic]:
    """Analyse ``reports`` on a Dask cluster (a local one when no address is given)."""
    client, cluster = _client(address)
    try:
        chunks = [list(reports[i:i + chunk]) for i in range(0, len(reports), chunk)]
        futures = client.map(analyse_chunk, chunks, model=model, pure=False)
        return [item for part in client.gather(futures) for item in part]
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
