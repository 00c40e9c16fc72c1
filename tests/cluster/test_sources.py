from __future__ import annotations

import pytest

from corroborate.cluster.sources import assign_sources, wire_credit
from corroborate.eval.datasets import shared_dir
from corroborate.records import Report, ReportAnalysis


def _analysis(rid: str, text: str) -> ReportAnalysis:
    return ReportAnalysis(report=Report(id=rid, text=text))


STORY = ("Two explosions struck a memorial ceremony in the city on Wednesday, killing at least "
         "eighty people and wounding more than two hundred others, officials said. The blasts "
         "went off minutes apart near the cemetery where thousands had gathered. Rescue "
         "workers carried the wounded to three hospitals while police sealed off the road.")
OTHER = ("A fire broke out in a textile warehouse on the edge of the port late on Monday. "
         "Firefighters needed six hours to put it out and nobody was hurt, the fire service "
         "said, adding that the cause was still under investigation by local inspectors.")


@pytest.mark.parametrize("prefix", ["", "Updated 10:42. "])
def test_sources_verbatim_reprint_is_one_source(prefix: str) -> None:
    analyses = [_analysis("a", STORY), _analysis("b", prefix + STORY), _analysis("c", OTHER)]
    keys = assign_sources(analyses)
    assert keys["a"] == keys["b"]
    assert keys["c"] == "c"
    assert len(set(keys.values())) == 2  # 3 reports, 2 sources


def test_sources_same_agency_credit_is_one_source() -> None:
    analyses = [_analysis("x", "KERMAN, Iran (AP) — " + STORY),
                _analysis("y", "TEHRAN (AP) -- Iran's officials gave a new toll on Thursday."),
                _analysis("z", "PARIS (AFP) -- " + OTHER)]
    keys = assign_sources(analyses)
    assert keys["x"] == keys["y"] == "wire:AP"
    assert keys["z"] == "wire:AFP"


@pytest.mark.parametrize(("text", "agency"), [
    ("BAGHDAD (Reuters) - Gunmen killed two.", "Reuters"),
    ("Gunmen killed two, Xinhua reported.", "Xinhua"),
    ("Gunmen killed two.\n— AFP", "AFP"),
    ("Gunmen killed two in the (ap) area - police", None),
    ("He drew a map - and left.", None),
])
def test_sources_wire_credit(text: str, agency: str | None) -> None:
    assert wire_credit(text) == agency


def test_sources_independent_reports_of_one_incident_stay_apart() -> None:
    a = _analysis("a", STORY)
    b = _analysis("b", "Officials in the city said the death toll from Wednesday's twin "
                       "bombing at the cemetery had risen to eighty, with hundreds wounded.")
    assert assign_sources([a, b]) == {"a": "a", "b": "b"}


def test_sources_real_seed_reports_are_independent() -> None:
    seeds = sorted((shared_dir() / "seeds").glob("*")) if shared_dir().exists() else []
    texts = [p.read_text(encoding="utf-8", errors="replace") for p in seeds if p.is_file()]
    if len(texts) < 2:
        pytest.skip("shared seeds not found (set CORROBORATE_SHARED)")
    analyses = [_analysis(f"s{i}", t) for i, t in enumerate(texts)]
    copy = _analysis("copy", texts[0])
    keys = assign_sources([*analyses, copy])
    assert keys["copy"] == keys["s0"]
    assert keys["s0"] != keys["s1"]


def test_sources_reprint_chain_checks_each_copy_once() -> None:
    """Five reprints of one story join one source; texts are re-read only for candidates."""
    from corroborate.cluster.sources import source_sketch, sources_from_sketches

    texts = {f"r{i}": f"Edition {i}. " + STORY for i in range(5)} | {"x": OTHER}
    reads: list[str] = []

    def text_of(rid: str) -> str:
        reads.append(rid)
        return texts[rid]

    keys = sources_from_sketches([source_sketch(r, t) for r, t in texts.items()], text_of)
    assert len({keys[f"r{i}"] for i in range(5)}) == 1
    assert keys["x"] == "x"
    assert "x" not in reads  # no band shared with the story: never compared
    assert len(reads) <= 2 * 4  # four joins, each reading at most two texts
