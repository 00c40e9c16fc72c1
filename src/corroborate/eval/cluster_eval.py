"""Score clustering against gold incidents: B-cubed, MUC, CEAF-e, CoNLL F1.

``python -m corroborate.eval.cluster_eval gvc`` clusters all docs of the
dataset as one mixed pool and prints the scores and the clustering speed.
Until the full extraction pipeline is available, analyses carry only spaCy
entities (``dev_analyses`` degrades to that automatically).
"""

from __future__ import annotations

import argparse
import json
import time
from collections.abc import Iterable, Sequence
from typing import Any

from corroborate.records import EntityMention, ReportAnalysis

Clustering = Sequence[Iterable[str]]


def _membership(clusters: Clustering) -> dict[str, int]:
    return {item: i for i, c in enumerate(clusters) for item in c}


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def _prf(p: float, r: float) -> dict[str, float]:
    return {"p": round(p, 4), "r": round(r, 4), "f1": round(_f1(p, r), 4)}


def bcubed(pred: Clustering, gold: Clustering) -> dict[str, float]:
    """B-cubed precision/recall/F1 over the items present in gold."""
    pm, gm = _membership(pred), _membership(gold)
    items = [i for i in gm if i in pm]
    psets = [set(c) for c in pred]
    gsets = [set(c) for c in gold]
    p = r = 0.0
    for item in items:
        ps, gs = psets[pm[item]] & gm.keys(), gsets[gm[item]]
        both = len(ps & gs)
        p += both / len(ps)
        r += both / len(gs)
    n = len(items) or 1
    return _prf(p / n, r / n)


def _muc_side(keys: Clustering, responses: Clustering) -> float:
    rm = _membership(responses)
    num = den = 0
    for c in keys:
        c = list(c)
        parts = {rm.get(i, ("solo", i)) for i in c}
        num += len(c) - len(parts)
        den += len(c) - 1
    return num / den if den else 0.0


def muc(pred: Clustering, gold: Clustering) -> dict[str, float]:
    return _prf(_muc_side(pred, gold), _muc_side(gold, pred))


def _hungarian_max(weight: list[list[float]]) -> float:
    """Maximum-weight assignment total of a small dense matrix (rows <= cols)."""
    n, m = len(weight), len(weight[0])
    inf = float("inf")
    u, v, match, way = [0.0] * (n + 1), [0.0] * (m + 1), [0] * (m + 1), [0] * (m + 1)
    for i in range(1, n + 1):
        match[0], j0 = i, 0
        minv, used = [inf] * (m + 1), [False] * (m + 1)
        while True:
            used[j0] = True
            i0, delta, j1 = match[j0], inf, 0
            for j in range(1, m + 1):
                if not used[j]:
                    cur = -weight[i0 - 1][j - 1] - u[i0] - v[j]
                    if cur < minv[j]:
                        minv[j], way[j] = cur, j0
                    if minv[j] < delta:
                        delta, j1 = minv[j], j
            for j in range(m + 1):
                if used[j]:
                    u[match[j]] += delta
                    v[j] -= delta
                else:
                    minv[j] -= delta
            j0 = j1
            if match[j0] == 0:
                break
        while j0:
            j1 = way[j0]
            match[j0] = match[j1]
            j0 = j1
    return sum(weight[match[j] - 1][j - 1] for j in range(1, m + 1) if match[j])


def _components(edges: dict[tuple[int, int], float]) -> list[tuple[list[int], list[int]]]:
    """Connected components of the bipartite overlap graph (gold rows, pred cols)."""
    parent: dict[tuple[str, int], tuple[str, int]] = {}

    def find(x: tuple[str, int]) -> tuple[str, int]:
        while parent.setdefault(x, x) != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for g, p in edges:
        parent[find(("g", g))] = find(("p", p))
    groups: dict[tuple[str, int], tuple[list[int], list[int]]] = {}
    for node in sorted(parent):
        rows, cols = groups.setdefault(find(node), ([], []))
        (rows if node[0] == "g" else cols).append(node[1])
    return list(groups.values())


def ceafe(pred: Clustering, gold: Clustering) -> dict[str, float]:
    """Entity-based CEAF (phi4) with an optimal one-to-one alignment."""
    ps, gs = [set(c) for c in pred], [set(c) for c in gold]
    gm, pm = _membership(gold), _membership(pred)
    sim: dict[tuple[int, int], float] = {}
    for item in gm.keys() & pm.keys():
        g, p = gm[item], pm[item]
        sim[(g, p)] = 2 * len(gs[g] & ps[p]) / (len(gs[g]) + len(ps[p]))
    total = 0.0
    for rows, cols in _components(sim):
        matrix = [[sim.get((g, p), 0.0) for p in cols] for g in rows]
        if len(rows) > len(cols):
            matrix = [list(col) for col in zip(*matrix, strict=True)]
        total += _hungarian_max(matrix)
    return _prf(total / len(ps) if ps else 0.0, total / len(gs) if gs else 0.0)


def conll_f1(pred: Clustering, gold: Clustering) -> float:
    return round((muc(pred, gold)["f1"] + bcubed(pred, gold)["f1"]
                  + ceafe(pred, gold)["f1"]) / 3, 4)


def dev_analyses(dataset: str, limit: int | None = None) -> list[ReportAnalysis]:
    """Analyses for dev: the full extraction pipeline if present, else spaCy entities."""
    from corroborate.eval.cache import parsed_dataset

    pairs = parsed_dataset(dataset, limit=limit)
    try:
        from corroborate.extract.pipeline import Pipeline

        pipeline = Pipeline()
        return [pipeline.analyse_doc(report, doc) for report, doc in pairs]
    except (ImportError, AttributeError, TypeError):
        return [ReportAnalysis(report=report, entities=tuple(
            EntityMention(e.text, e.label_, (e.start_char, e.end_char)) for e in doc.ents))
            for report, doc in pairs]


def evaluate_clustering(dataset: str, limit: int | None = None,
                        analyses: Sequence[ReportAnalysis] | None = None,
                        config: Any = None) -> dict[str, Any]:
    """Cluster the dataset's docs as one pool and score against gold incidents."""
    from corroborate.cluster import cluster_analyses, default_embedder
    from corroborate.eval.datasets import load_incidents

    analyses = list(analyses) if analyses is not None else dev_analyses(dataset, limit)
    ids = {a.report.id for a in analyses}
    gold = [[d for d in inc.doc_ids if d in ids] for inc in load_incidents(dataset)]
    gold = [g for g in gold if g]
    default_embedder().embed_reports([a.report for a in analyses])  # timed apart
    start = time.perf_counter()
    clusters = cluster_analyses(analyses, config=config)
    seconds = time.perf_counter() - start
    pred = [c.reports for c in clusters]
    return {
        "dataset": dataset, "docs": len(analyses), "gold_incidents": len(gold),
        "pred_clusters": len(pred), "bcubed": bcubed(pred, gold), "muc": muc(pred, gold),
        "ceafe": ceafe(pred, gold), "conll_f1": conll_f1(pred, gold),
        "cluster_seconds": round(seconds, 2),
        "reports_per_second": round(len(analyses) / seconds, 1) if seconds else None,
    }


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("dataset")
    parser.add_argument("--limit", type=int, default=None)
    args = parser.parse_args(argv)
    print(json.dumps(evaluate_clustering(args.dataset, args.limit), indent=2))


if __name__ == "__main__":
    main()
