"""``corroborate bench``: throughput, peak memory and scaling.

Volume comes from replaying the datasets' texts under fresh report ids. Each
size runs in a fresh subprocess so peak RSS is that run's own. In the same
process, spaCy's own ``nlp.pipe`` is timed on the same texts, so the ratio of
end-to-end throughput to the model's throughput is measured, not guessed.
"""

from __future__ import annotations

import itertools
import json
import pickle
import resource
import subprocess
import sys
import time
from collections.abc import Iterator, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

from corroborate.eval.datasets import DATASETS, load_docs
from corroborate.extract.nlp import DEFAULT_MODEL
from corroborate.records import Report, ReportAnalysis

# Texts for the model-only baseline: enough to time, not the whole run.
BASELINE_DOCS = 300


def replay(n: int) -> Iterator[Report]:
    """``n`` reports cycling over every dataset's texts, each under a fresh id."""
    pool = [r for name in DATASETS for r in load_docs(name)]
    for i, r in zip(range(n), itertools.cycle(pool), strict=False):
        yield Report(id=f"bench{i:07d}", text=r.text, source=r.source, published=r.published,
                     language="en")


def _reid(analysis: ReportAnalysis, rid: str) -> ReportAnalysis:
    """The same analysis under a fresh report id (everywhere the id is recorded)."""
    return replace(analysis, report=replace(analysis.report, id=rid),
                   claims=tuple(replace(c, report=rid) for c in analysis.claims),
                   referenced_incidents=tuple(replace(r, report=rid)
                                              for r in analysis.referenced_incidents))


def _pool_path(model: str) -> Path:
    """The analyses cache, keyed by the extraction code: a pool made by older code
    would time today's clustering on yesterday's claims."""
    import hashlib

    import corroborate.extract
    from corroborate.eval.cache import cache_dir

    digest = hashlib.sha256()
    for path in sorted(Path(corroborate.extract.__file__).parent.rglob("*.py")):
        digest.update(path.read_bytes())
    return cache_dir() / f"bench-analyses-{model}-{digest.hexdigest()[:12]}.pickle"


def build_analysis_pool(model: str = DEFAULT_MODEL) -> Path:
    """Analyse every dataset once (parses cached) and keep the analyses for replay.

    Pickle is fine here: the file is this machine's own cache, written just now.
    """
    from corroborate.eval.runner import analyse_dataset

    path = _pool_path(model)
    if not path.exists():
        pool = [a for name in DATASETS for a in analyse_dataset(name, None, model)]
        tmp = path.with_suffix(".tmp")
        tmp.write_bytes(pickle.dumps(pool, protocol=pickle.HIGHEST_PROTOCOL))
        tmp.replace(path)
    return path


def replay_analyses(n: int, model: str = DEFAULT_MODEL) -> Iterator[ReportAnalysis]:
    """``n`` analyses cycling over the datasets' analyses, each under a fresh id."""
    pool = pickle.loads(build_analysis_pool(model).read_bytes())
    for i, a in zip(range(n), itertools.cycle(pool), strict=False):
        yield _reid(a, f"bench{i:07d}")


def bench_after_nlp(n: int, model: str = DEFAULT_MODEL, *,
                    show_progress: bool = False) -> dict[str, Any]:
    """Time everything after the NLP stage (index, spill, cluster, reconcile, write).

    The per-report NLP stage is linear and embarrassingly parallel; what can
    break at 100k reports is memory and the cost of clustering. Replaying
    analyses made once lets those be measured at sizes where parsing alone
    would take hours. Not a substitute for ``bench_one``: the NLP stage is not
    in these numbers.
    """
    import tempfile

    from tqdm import tqdm

    from corroborate.engine.local import stream_analyses

    bar = tqdm(total=n, desc=f"after-nlp {n}", unit="report", file=sys.stderr,
               disable=not show_progress, mininterval=5)
    start, cpu = time.perf_counter(), _cpu_s()
    with tempfile.TemporaryFile("w", encoding="utf-8") as out:
        summary = stream_analyses(replay_analyses(n, model),
                                  lambda inc: out.write(json.dumps(inc.to_dict()) + "\n"),
                                  progress=bar.update)
    bar.close()
    wall = time.perf_counter() - start
    return {"reports": n, "stage": "after-nlp", "wall_s": round(wall, 2),
            "cpu_s": round(_cpu_s() - cpu, 2), "reports_per_s": round(n / wall, 2),
            "incidents": summary.incidents,
            "peak_rss_mb": round(_peak_mb(), 1)}


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _cpu_s() -> float:
    """This process's CPU seconds (user + system), threads included.

    On a machine shared with other work, wall time grows with the load while CPU
    time does not, so scaling is also given in CPU seconds.
    """
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def _baseline_texts(n: int) -> list[str]:
    """An even sample of the ``n`` replayed texts for timing the model alone.

    The replay cycles through the datasets one after another, and their texts differ in
    length; a sample taken from the start only would time the model on one dataset while
    the run covers all of them.
    """
    step = max(1, n // BASELINE_DOCS)
    return [r.text for i, r in enumerate(replay(n)) if i % step == 0][:BASELINE_DOCS]


def bench_one(n: int, model: str = DEFAULT_MODEL, *, show_progress: bool = False) -> dict[str, Any]:
    """Time the whole job (analyse, cluster, reconcile, write) on ``n`` replayed reports.

    It runs ``corroborate.engine.local.stream``, the path for corpora too big to
    hold: analyses wait in a spill file, and each incident is written as a JSON
    line to a temporary file as soon as it is built.
    """
    import tempfile

    from tqdm import tqdm

    from corroborate.engine.local import stream
    from corroborate.extract.nlp import load_nlp

    nlp = load_nlp(model)
    texts = _baseline_texts(n)
    start = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=32):
        pass
    model_rps = len(texts) / (time.perf_counter() - start)
    del texts
    bar = tqdm(total=n, desc=f"bench {n}", unit="report", file=sys.stderr,
               disable=not show_progress, mininterval=5)
    analysed_at: list[float] = []
    done = [0]

    def progress(k: int) -> None:
        bar.update(k)
        done[0] += k
        if done[0] >= n:  # the last batch is analysed: what follows is cluster + reconcile
            analysed_at.append(time.perf_counter())

    start, cpu = time.perf_counter(), _cpu_s()
    with tempfile.TemporaryFile("w", encoding="utf-8") as out:
        summary = stream(replay(n), lambda inc: out.write(json.dumps(inc.to_dict()) + "\n"),
                         model=model, progress=progress)
    bar.close()
    wall = time.perf_counter() - start
    analysed = analysed_at[0] - start if analysed_at else None
    return {"reports": n, "wall_s": round(wall, 2), "cpu_s": round(_cpu_s() - cpu, 2),
            "analyse_s": None if analysed is None else round(analysed, 2),
            "cluster_reconcile_s": None if analysed is None else round(wall - analysed, 2),
            "reports_per_s": round(n / wall, 2), "model_reports_per_s": round(model_rps, 2),
            "ratio_to_model": round((n / wall) / model_rps, 3), "incidents": summary.incidents,
            "peak_rss_mb": round(_peak_mb(), 1)}


def bench(sizes: Sequence[int], model: str = DEFAULT_MODEL, *, show_progress: bool = False,
          after_nlp: bool = False) -> dict[str, Any]:
    """Run each size in its own subprocess; add the scaling ratio between sizes.

    ``after_nlp`` replays analyses instead of texts (see ``bench_after_nlp``).
    """
    runs = []
    func = "bench_after_nlp" if after_nlp else "bench_one"
    if after_nlp:  # made here, so the parses it needs do not count in a run's peak memory
        subprocess.run([sys.executable, "-c", "from corroborate.eval.bench import "
                        f"build_analysis_pool; build_analysis_pool({model!r})"], check=True)
    for n in sizes:
        out = subprocess.run(
            [sys.executable, "-c",
             f"import json,sys; from corroborate.eval.bench import {func}; "
             f"print(json.dumps({func}({int(n)}, {model!r}, show_progress={show_progress})))"],
            check=True, stdout=subprocess.PIPE, text=True)
        runs.append(json.loads(out.stdout.strip().splitlines()[-1]))
    return {"model": model, "stage": "after-nlp" if after_nlp else "end-to-end", "runs": runs,
            "scaling": scaling(runs)}


def scaling(runs: Sequence[dict[str, Any]]) -> dict[str, float]:
    """Each run's wall and CPU time over the run before it (the sub-quadratic check)."""
    out = {}
    for a, b in itertools.pairwise(runs):
        for key, name in (("wall_s", "time"), ("cpu_s", "cpu")):
            if a.get(key) and b.get(key):
                out[f"{name}({b['reports']})/{name}({a['reports']})"] = round(b[key] / a[key], 2)
    return out


def format_bench(results: dict[str, Any]) -> str:
    cols: tuple[str, ...] = ("reports", "wall_s", "cpu_s", "reports_per_s", "model_reports_per_s",
                             "ratio_to_model", "peak_rss_mb", "incidents")
    if results.get("stage") == "after-nlp":
        cols = ("reports", "wall_s", "cpu_s", "reports_per_s", "peak_rss_mb", "incidents")
    lines = ["  ".join(f"{c:>19}" for c in cols)]
    lines += ["  ".join(f"{r[c]:>19}" for c in cols) for r in results["runs"]]
    lines += [f"{k} = {v}" for k, v in results["scaling"].items()]
    return "\n".join(lines)
