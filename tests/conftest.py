"""The one conftest: shared fixtures over real text read from ../shared (never copied here)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")


@pytest.fixture(scope="session")
def shared() -> Path:
    from corroborate.eval.datasets import shared_dir

    path = shared_dir()
    if not (path / "seeds").is_dir():
        pytest.skip(f"shared data not found at {path}; set CORROBORATE_SHARED")
    return path


@pytest.fixture(scope="session")
def seeds_dir(shared: Path) -> Path:
    return shared / "seeds"


@pytest.fixture(scope="session")
def gold(shared: Path) -> dict:
    import yaml

    return yaml.safe_load((shared / "gold" / "kerman-seeds.yaml").read_text())


@pytest.fixture(scope="session")
def nlp():
    from corroborate.extract.nlp import load_nlp

    return load_nlp()


@pytest.fixture(scope="session")
def pipeline():
    from corroborate.extract.pipeline import Pipeline

    return Pipeline()


@pytest.fixture(scope="session")
def seeds_run(seeds_dir: Path):
    """The main job on the two seed reports, run once for the session."""
    from corroborate.engine.local import run

    return run([seeds_dir])
