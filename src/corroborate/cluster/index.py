"""The per-report clustering stage, and the per-corpus stage over its output.

A run keeps one ``ReportIndex`` per report, not the report's analysis:
clustering features (a few kilobytes), the lead embedding and the MinHash
sketch for source independence. Analyses can then wait on disk (see
``corroborate.engine.spill``) until their incident is reconciled, so memory
grows by the index alone, not by whole analyses.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np

from corroborate.cluster.clusterer import Cluster, ClusterConfig, cluster_weighted, weigh_all
from corroborate.cluster.embed import Embedder, default_embedder
from corroborate.cluster.features import ReportFeatures, report_features
from corroborate.cluster.sources import SourceSketch, source_sketch, sources_from_sketches
from corroborate.records import ReportAnalysis


@dataclass(frozen=True)
class ReportIndex:
    """What clustering and source independence need of one report."""

    features: ReportFeatures
    vector: np.ndarray | None
    sketch: SourceSketch

    @property
    def id(self) -> str:
        return self.features.id


def index_reports(analyses: Sequence[ReportAnalysis], *, config: ClusterConfig | None = None,
                  embedder: Embedder | None = None) -> list[ReportIndex]:
    """Per-report stage over one batch (embeddings are computed batch-wise)."""
    config = config or ClusterConfig()
    vectors: dict[str, np.ndarray] = {}
    if config.use_embeddings and analyses:
        vectors = (embedder or default_embedder()).embed_reports(
            [a.report for a in analyses], cache=False)
    return [ReportIndex(features=report_features(a), vector=vectors.get(a.report.id),
                        sketch=source_sketch(a.report.id, a.report.text))
            for a in analyses]


def cluster_index(index: Sequence[ReportIndex], *,
                  config: ClusterConfig | None = None) -> list[Cluster]:
    """Per-corpus stage: weigh by document frequencies, block, score and merge."""
    config = config or ClusterConfig()
    vectors = {i.id: i.vector for i in index if i.vector is not None}
    return cluster_weighted(weigh_all([i.features for i in index], vectors, config),
                            config=config)


def sources_index(index: Sequence[ReportIndex], text_of: Callable[[str], str]) -> dict[str, str]:
    """Report id -> upstream source key (wire copies and reprints share one)."""
    return sources_from_sketches([i.sketch for i in index], text_of)


__all__ = ["ReportIndex", "cluster_index", "index_reports", "sources_index"]
