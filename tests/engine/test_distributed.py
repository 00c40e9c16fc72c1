"""The Dask engine gives exactly the local engine's result, on a real LocalCluster."""

from __future__ import annotations

import pytest

pytest.importorskip("dask.distributed", reason="the 'distributed' extra is not installed")

from corroborate.engine.local import run
from corroborate.errors import ConfigError
from corroborate.render import render_json


def test_distributed_seeds_match_local_engine(seeds_dir, seeds_run) -> None:
    result = run([seeds_dir], engine="dask")
    assert result.incidents and result.reports
    expected = render_json(seeds_run.reports, seeds_run.incidents, seeds_run.diagnostics,
                           pipeline=seeds_run.pipeline)
    got = render_json(result.reports, result.incidents, result.diagnostics,
                      pipeline=result.pipeline)
    assert got == expected


def test_distributed_unknown_engine_is_a_config_error(seeds_dir) -> None:
    with pytest.raises(ConfigError, match="dask"):
        run([seeds_dir], engine="spark")
