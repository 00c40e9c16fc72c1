"""The streaming engine (analyses spilled to disk) gives the in-memory engine's incidents."""

from __future__ import annotations

from pathlib import Path

import pytest

from corroborate.engine.local import analyse, cluster_and_reconcile, stream
from corroborate.ingest.readers import read_reports
from corroborate.records import Incident


def _dicts(incidents: list[Incident]) -> list[dict]:
    return sorted((i.to_dict() for i in incidents), key=lambda d: d["id"])


def test_stream_seeds_equal_run(seeds_dir: Path, seeds_run, tmp_path: Path) -> None:
    got: list[Incident] = []
    summary = stream(read_reports([seeds_dir]), got.append, spill_dir=tmp_path)
    assert summary.reports == len(seeds_run.reports) and summary.incidents == len(got)
    assert _dicts(got) == _dicts(list(seeds_run.incidents))
    assert not any(tmp_path.iterdir())  # the spill file is gone


def test_stream_many_incidents_equal_in_memory_engine(shared: Path, tmp_path: Path) -> None:
    from corroborate.eval.datasets import load_docs

    docs = load_docs("gvc")[:40]
    if len(docs) < 40:
        pytest.skip("gvc dataset not available")
    _, analyses, _ = analyse(docs)
    expected = cluster_and_reconcile(analyses)
    got: list[Incident] = []
    stream(docs, got.append, spill_dir=tmp_path)
    assert len(expected) > 5  # several incidents: clustering and order both matter
    assert _dicts(got) == _dicts(expected)
    assert [i.reports[0] for i in got] == sorted(i.reports[0] for i in got)
