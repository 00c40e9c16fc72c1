"""Living incidents: incremental ingest into a real SQLite store, on the seed reports."""

from __future__ import annotations

from pathlib import Path

import pytest

from corroborate.engine.incremental import ingest_reports
from corroborate.ingest.readers import read_reports
from corroborate.store import open_store

STAMP = "2024-01-05T12:00:00Z"  # one ingest time for every run, so records compare equal


@pytest.fixture(scope="module")
def seeds(seeds_dir: Path) -> list:
    return sorted(read_reports([seeds_dir]), key=lambda r: r.id)


def _records(store) -> list[dict]:
    return [i.to_dict() for i in sorted(store.list_incidents(), key=lambda i: i.id)]


def _ingest(tmp_path: Path, name: str, batches, pipeline) -> list[dict]:
    store = open_store(f"sqlite:///{tmp_path / name}")
    try:
        for batch in batches:
            ingest_reports(store, batch, ingested_at=STAMP, pipeline=pipeline)
        assert store.integrity_check() == []
        return _records(store)
    finally:
        store.close()


def test_incremental_order_does_not_change_the_record(tmp_path, seeds, pipeline) -> None:
    together = _ingest(tmp_path, "together.db", [seeds], pipeline)
    forward = _ingest(tmp_path, "forward.db", [[r] for r in seeds], pipeline)
    backward = _ingest(tmp_path, "backward.db", [[r] for r in reversed(seeds)], pipeline)
    assert len(together) == 1 and len(together[0]["reports"]) == len(seeds)
    assert forward == together
    assert backward == together


def test_incremental_reingest_changes_nothing(tmp_path, seeds, pipeline) -> None:
    store = open_store(f"sqlite:///{tmp_path / 'again.db'}")
    try:
        first = ingest_reports(store, seeds, ingested_at=STAMP, pipeline=pipeline)
        before = _records(store)
        again = ingest_reports(store, seeds, ingested_at="2030-01-01T00:00:00Z",
                               pipeline=pipeline)
        assert (first.added, again.added, again.unchanged) == (len(seeds), 0, len(seeds))
        assert _records(store) == before
        assert store.report_count() == len(seeds)
    finally:
        store.close()


def test_incremental_claims_without_publication_carry_ingest_time(tmp_path, seeds,
                                                                  pipeline) -> None:
    store = open_store("memory:")
    ingest_reports(store, seeds[:1], ingested_at=STAMP, pipeline=pipeline)
    (analysis,) = list(store.iter_analyses())
    assert analysis.report.published is None
    assert analysis.claims and all(c.published == STAMP and c.time_basis == "ingested"
                                   for c in analysis.claims)
