"""Cluster reports into incidents; tell independent sources from copies.

Strategies are registered under versioned names (``STRATEGIES``); a change in
behaviour ships under a new name.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from corroborate.cluster.clusterer import (
    STRATEGY,
    Cluster,
    ClusterConfig,
    assign_to_existing,
    cluster_analyses,
)
from corroborate.cluster.embed import Embedder, default_embedder
from corroborate.cluster.score import ScoreWeights
from corroborate.cluster.sources import assign_sources
from corroborate.errors import ConfigError

STRATEGIES: dict[str, Callable[..., list[Cluster]]] = {STRATEGY: cluster_analyses}


def get_strategy(name: str) -> Callable[..., Any]:
    """The clusterer registered as ``name``."""
    try:
        return STRATEGIES[name]
    except KeyError:
        raise ConfigError(f"unknown clustering strategy {name!r}; "
                          f"available: {', '.join(sorted(STRATEGIES))}") from None


__all__ = ["STRATEGIES", "STRATEGY", "Cluster", "ClusterConfig", "Embedder", "ScoreWeights",
           "assign_sources", "assign_to_existing", "cluster_analyses", "default_embedder",
           "get_strategy"]
