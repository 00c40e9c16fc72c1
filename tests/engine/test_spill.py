"""The spill file and its in-memory twin honour one contract."""

from __future__ import annotations

from pathlib import Path

import pytest

from corroborate.engine.spill import MemoryAnalyses, SpillAnalyses
from corroborate.records import Claim, Report, ReportAnalysis


def _analysis(rid: str, text: str) -> ReportAnalysis:
    claim = Claim(slot="killed", value=3, qualifier="at least", report=rid, span=(0, 5),
                  text=text[:5])
    return ReportAnalysis(report=Report(id=rid, text=text), claims=(claim,))


@pytest.fixture(params=["memory", "spill"])
def backend(request, tmp_path: Path):
    if request.param == "memory":
        yield MemoryAnalyses()
        return
    spill = SpillAnalyses(tmp_path)
    yield spill
    spill.close()


def test_spill_round_trips_analyses_in_the_order_asked(backend) -> None:
    items = [_analysis("b", "Three people died."), _analysis("a", "At least three died.")]
    backend.put(items)
    assert backend.get(["a", "b"]) == [items[1], items[0]]
    assert backend.text("b") == "Three people died."


def test_spill_unknown_id_is_a_key_error(backend) -> None:
    backend.put([_analysis("a", "text")])
    with pytest.raises(KeyError):
        backend.get(["a", "zz"])
    with pytest.raises(KeyError):
        backend.text("zz")


def test_spill_file_is_removed_on_close(tmp_path: Path) -> None:
    with SpillAnalyses(tmp_path) as spill:
        spill.put([_analysis("a", "text")])
        assert any(tmp_path.iterdir())
    assert not any(tmp_path.iterdir())
