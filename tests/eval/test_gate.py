"""Accuracy gate (trafilatura-style): the CI slice must stay above the pinned floors.

Floors live in tests/eval/baseline.json; lowering one is a reviewed change.
`corroborate eval --slice ci --gate` runs the same check from the command line.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from corroborate.eval.runner import BASELINE, evaluate, gate


@pytest.fixture(scope="module")
def floors() -> dict:
    return json.loads(Path(BASELINE).read_text())["ci"]


@pytest.mark.parametrize("dataset", ["gvdb", "muc4", "gvc", "ecbplus"])
def test_gate_ci_slice_meets_floors(shared, floors, dataset) -> None:
    if not (shared / "datasets" / dataset).is_dir():
        pytest.skip(f"dataset {dataset} not in {shared}")
    results = evaluate([dataset], slice_name="ci")
    failures = gate({**results, "slice": "ci"}, baseline=None)
    mine = [f for f in failures if f.startswith(f"{dataset}.")]
    assert not mine, mine
    assert set(floors[dataset]) <= set(results[dataset])


def test_gate_reports_a_drop_below_a_floor(tmp_path) -> None:
    baseline = tmp_path / "baseline.json"
    baseline.write_text(json.dumps({"ci": {"gvdb": {"killed_exact": 0.9}}}))
    results = {"slice": "ci", "gvdb": {"killed_exact": {"value": 0.5, "n": 10}}}
    assert gate(results, baseline=baseline) == [
        "gvdb.killed_exact = 0.5 is below the floor 0.9"]
