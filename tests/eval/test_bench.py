"""The bench replays the datasets; the model-only baseline samples the same mix of texts."""

from __future__ import annotations

from pathlib import Path

import pytest

from corroborate.eval.bench import BASELINE_DOCS, _baseline_texts, replay
from corroborate.eval.datasets import DATASETS, load_docs


@pytest.fixture(scope="module")
def pools(shared) -> dict[str, list[str]]:
    missing = [d for d in DATASETS if not (shared / "datasets" / d).is_dir()]
    if missing:
        pytest.skip(f"datasets {missing} not in {shared}")
    return {d: [r.text for r in load_docs(d)] for d in DATASETS}


def test_replay_gives_fresh_ids_over_the_datasets(pools) -> None:
    total = sum(len(p) for p in pools.values())
    reports = list(replay(total + 5))
    assert len({r.id for r in reports}) == total + 5
    assert reports[total].text == reports[0].text  # the replay cycles


def test_baseline_samples_every_dataset_of_a_large_run(pools) -> None:
    total = sum(len(p) for p in pools.values())
    texts = _baseline_texts(total)
    assert len(texts) == BASELINE_DOCS
    covered = {d for d, pool in pools.items() if set(texts) & set(pool)}
    assert covered == set(DATASETS)


def test_baseline_of_a_small_run_is_that_run(pools) -> None:
    assert _baseline_texts(10) == [r.text for r in replay(10)]


def test_analysis_pool_is_keyed_by_the_extraction_code(tmp_path, monkeypatch) -> None:
    """A pool analysed by older extraction code is not replayed as today's."""
    import shutil

    import corroborate.extract
    from corroborate.eval import bench

    monkeypatch.setenv("CORROBORATE_CACHE", str(tmp_path / "cache"))
    before = bench._pool_path("en_core_web_md")
    source = Path(corroborate.extract.__file__).parent
    copy = tmp_path / "extract"
    shutil.copytree(source, copy)
    (copy / "counts.py").write_text((copy / "counts.py").read_text() + "\n# changed\n")
    monkeypatch.setattr(corroborate.extract, "__file__", str(copy / "__init__.py"))
    after = bench._pool_path("en_core_web_md")
    assert before != after and before.parent == after.parent


def test_scaling_gives_wall_and_cpu_ratios_between_consecutive_sizes() -> None:
    from corroborate.eval.bench import format_bench, scaling

    runs = [{"reports": 10, "wall_s": 2.0, "cpu_s": 1.5, "reports_per_s": 5.0, "peak_rss_mb": 1.0,
             "incidents": 3},
            {"reports": 100, "wall_s": 30.0, "cpu_s": 12.0, "reports_per_s": 3.3,
             "peak_rss_mb": 2.0,
             "incidents": 20}]
    ratios = scaling(runs)
    assert ratios == {"time(100)/time(10)": 15.0, "cpu(100)/cpu(10)": 8.0}
    table = format_bench({"stage": "after-nlp", "runs": runs, "scaling": ratios})
    assert "cpu_s" in table.splitlines()[0] and "cpu(100)/cpu(10) = 8.0" in table
