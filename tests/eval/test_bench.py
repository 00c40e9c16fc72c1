"""The bench replays the datasets; the model-only baseline samples the same mix of texts."""

from __future__ import annotations

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
