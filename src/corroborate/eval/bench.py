"""``corroborate bench``: throughput, peak memory and scaling.

Volume comes from replaying the datasets' texts under fresh report ids. Each
size runs in a fresh subprocess so peak RSS is that run's own. In the same
process, spaCy's own ``nlp.pipe`` is timed on the same texts, so the ratio of
end-to-end throughput to the model's throughput is measured, not guessed.
"""

from __future__ import annotations

import itertools
import json
import resource
import subprocess
import sys
import time
from collections.abc import Iterator, Sequence
from typing import Any

from corroborate.eval.datasets import DATASETS, load_docs
from corroborate.extract.nlp import DEFAULT_MODEL
from corroborate.records import Report

# Texts for the model-only baseline: enough to time, not the whole run.
BASELINE_DOCS = 300


def replay(n: int) -> Iterator[Report]:
    """``n`` reports cycling over every dataset's texts, each under a fresh id."""
    pool = [r for name in DATASETS for r in load_docs(name)]
    for i, r in zip(range(n), itertools.cycle(pool), strict=False):
        yield Report(id=f"bench{i:07d}", text=r.text, source=r.source, published=r.published,
                     language="en")


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def bench_one(n: int, model: str = DEFAULT_MODEL) -> dict[str, Any]:
    """Time the whole job (analyse, cluster, reconcile) on ``n`` replayed reports."""
    from corroborate.engine.local import analyse, cluster_and_reconcile
    from corroborate.extract.nlp import load_nlp

    nlp = load_nlp(model)
    texts = [r.text for r in itertools.islice(replay(BASELINE_DOCS), min(n, BASELINE_DOCS))]
    start = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=32):
        pass
    model_rps = len(texts) / (time.perf_counter() - start)
    start = time.perf_counter()
    _, analyses, _ = analyse(replay(n), model=model)
    analysed = time.perf_counter() - start
    incidents = cluster_and_reconcile(analyses)
    wall = time.perf_counter() - start
    return {"reports": n, "wall_s": round(wall, 2), "analyse_s": round(analysed, 2),
            "cluster_reconcile_s": round(wall - analysed, 2),
            "reports_per_s": round(n / wall, 2), "model_reports_per_s": round(model_rps, 2),
            "ratio_to_model": round((n / wall) / model_rps, 3), "incidents": len(incidents),
            "peak_rss_mb": round(_peak_mb(), 1)}


def bench(sizes: Sequence[int], model: str = DEFAULT_MODEL) -> dict[str, Any]:
    """Run each size in its own subprocess; add the scaling ratio between sizes."""
    runs = []
    for n in sizes:
        out = subprocess.run(
            [sys.executable, "-c",
             "import json,sys; from corroborate.eval.bench import bench_one; "
             f"print(json.dumps(bench_one({int(n)}, {model!r})))"],
            check=True, capture_output=True, text=True)
        runs.append(json.loads(out.stdout.strip().splitlines()[-1]))
    scaling = {f"time({b['reports']})/time({a['reports']})": round(b["wall_s"] / a["wall_s"], 2)
               for a, b in itertools.pairwise(runs) if a["wall_s"]}
    return {"model": model, "runs": runs, "scaling": scaling}


def format_bench(results: dict[str, Any]) -> str:
    cols = ("reports", "wall_s", "reports_per_s", "model_reports_per_s", "ratio_to_model",
            "peak_rss_mb", "incidents")
    lines = ["  ".join(f"{c:>19}" for c in cols)]
    lines += ["  ".join(f"{r[c]:>19}" for c in cols) for r in results["runs"]]
    lines += [f"{k} = {v}" for k, v in results["scaling"].items()]
    return "\n".join(lines)
