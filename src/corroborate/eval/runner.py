"""``corroborate eval``: score the whole pipeline on the gold datasets.

Per-report extraction is scored on gvdb (per-article gold) and muc4 (answer
keys); clustering and reconciled incident fields on gvc and ecbplus. Each
metric is a share of scored items, with its ``n``. The ``ci`` slice is a fixed
prefix of each dataset that runs in minutes; floors for it are pinned in
``tests/eval/baseline.json`` and gated in CI (trafilatura-style).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any

from corroborate.eval.datasets import load_docs, load_incidents, load_per_doc
from corroborate.eval.places import same_place
from corroborate.extract.nlp import DEFAULT_MODEL
from corroborate.reconcile.entities import fold
from corroborate.records import ReportAnalysis

# How many documents of each dataset the CI slice reads (a fixed prefix).
SLICES: dict[str, dict[str, int | None]] = {
    "ci": {"gvdb": 150, "muc4": 150, "gvc": 240, "ecbplus": 160},
    "full": {"gvdb": None, "muc4": None, "gvc": None, "ecbplus": None},
}
BASELINE = Path(__file__).resolve().parents[3] / "tests" / "eval" / "baseline.json"


def _share(hits: int, n: int) -> dict[str, Any]:
    return {"value": round(hits / n, 4) if n else None, "n": n}


def analyse_dataset(name: str, limit: int | None, model: str = DEFAULT_MODEL,
                    ) -> list[ReportAnalysis]:
    """Run the full per-report pipeline on a dataset prefix (parses are cached)."""
    from corroborate.eval.cache import parse_reports
    from corroborate.extract.pipeline import Pipeline

    reports = load_docs(name)
    if limit is not None:
        reports = reports[:limit]
    pipeline = Pipeline(model=model)
    docs = parse_reports(reports, model, key=f"{name}{limit or ''}")
    return [pipeline.analyse_doc(r, d) for r, d in zip(reports, docs, strict=True)]


def report_figure(analysis: ReportAnalysis, slot: str) -> int | None:
    """The one figure a report gives for a count slot (same rule as reconciliation)."""
    from corroborate.reconcile.facts import _report_figure

    claims = analysis.claims_for(slot)
    return int(_report_figure(claims).value) if claims else None


def score_gvdb(analyses: Sequence[ReportAnalysis]) -> dict[str, Any]:
    """Per-article killed / injured (on articles whose gold lists victims), date, city."""
    gold = load_per_doc("gvdb")
    killed = injured = dates = n_dates = cities = n_cities = n_victims = 0
    for a in analyses:
        g = gold.get(a.report.id)
        if g is None:
            continue
        if g.get("victims"):
            n_victims += 1
            killed += (report_figure(a, "killed") or 0) == (g["killed"] or 0)
            # gvdb's injured = injured or hospitalized (and not killed): one measure there.
            hurt = max(report_figure(a, "injured") or 0, report_figure(a, "hospitalized") or 0)
            injured += hurt == (g["injured"] or 0)
        if g.get("date"):
            n_dates += 1
            dates += a.event_date == g["date"]
        if g.get("city"):
            n_cities += 1
            cities += same_place(a.place.name if a.place else None, g["city"])
    return {"killed_exact": _share(killed, n_victims), "injured_exact": _share(injured, n_victims),
            "date": _share(dates, n_dates), "city": _share(cities, n_cities)}


def _perpetrator_hits(a: ReportAnalysis, gold: list[Any]) -> tuple[int, int, int]:
    """(matched, predicted, gold) perpetrators of one message, scored as actors_eval does."""
    from corroborate.eval.actors_eval import PERP_SLOTS, gold_entities, match, predictions
    from corroborate.extract.actors import ActorMention

    mentions = [ActorMention(slot=c.slot, value=str(c.value), confidence=c.qualifier,
                             start=c.span[0], end=c.span[1], sent_start=c.span[0])
                for c in a.claims if c.slot in PERP_SLOTS]
    preds, golds = predictions(mentions), gold_entities(gold)
    return len(match(preds, golds)), len(preds), len(golds)


def score_muc4(analyses: Sequence[ReportAnalysis]) -> dict[str, Any]:
    """Per-message date, place, perpetrators (P/R/F1, see actors_eval) and casualties."""
    by_doc: dict[str, list[Any]] = {}
    for inc in load_incidents("muc4"):
        for d in inc.doc_ids:
            by_doc.setdefault(d, []).append(inc)
    tp = n_pred = n_gold = 0
    date = n_date = city = n_city = country = n_country = 0
    for a in analyses:
        gold = by_doc.get(a.report.id, [])
        hits, preds, golds = _perpetrator_hits(a, gold)
        tp, n_pred, n_gold = tp + hits, n_pred + preds, n_gold + golds
        dates = {g.date for g in gold if g.date}
        if dates:
            n_date += 1
            date += a.event_date in dates
        cities = {g.location.get("city") for g in gold if g.location.get("city")}
        if cities:
            n_city += 1
            city += any(same_place(a.place.name if a.place else None, c) for c in cities)
        countries = {fold(g.location["country"]) for g in gold if g.location.get("country")}
        if countries:
            n_country += 1
            country += bool(countries & _country_names(a.place.country_code if a.place else None))
    return {"perpetrator_f1": _f1(tp, n_pred, n_gold),
            "date": _share(date, n_date), "city": _share(city, n_city),
            "country": _share(country, n_country)}




def score_clusters(name: str, analyses: Sequence[ReportAnalysis]) -> dict[str, Any]:
    """Clustering (B-cubed, CoNLL F1) and reconciled fields against gold incidents."""
    from corroborate.engine.local import cluster_and_reconcile
    from corroborate.eval.cluster_eval import bcubed, conll_f1

    ids = {a.report.id for a in analyses}
    gold = [tuple(d for d in g.doc_ids if d in ids) for g in load_incidents(name)]
    gold = [g for g in gold if g]
    incidents = cluster_and_reconcile(analyses)
    pred = [tuple(i.reports) for i in incidents]
    b3 = bcubed(pred, gold)
    out: dict[str, Any] = {"bcubed_f1": {"value": round(b3["f1"], 4), "n": len(ids),
                                         "precision": b3["p"],
                                         "recall": b3["r"]},
                           "conll_f1": {"value": round(conll_f1(pred, gold), 4), "n": len(ids)}}
    if name == "gvc":
        out.update(_score_fields(incidents, load_incidents(name), ids))
    return out


def _score_fields(incidents: Iterable[Any], gold: Iterable[Any], ids: set[str]) -> dict[str, Any]:
    """Reconciled fields of the predicted incident that holds most of each gold incident."""
    incidents = list(incidents)
    by_report = {r: inc for inc in incidents for r in inc.reports}
    by_id = {i.id: i for i in incidents}
    slots = ("killed", "injured", "killed_within1", "injured_within1", "date", "city", "country")
    counts = {k: [0, 0] for k in slots}
    perp = [0, 0, 0]  # matched, predicted, gold
    for g in gold:
        members = [d for d in g.doc_ids if d in ids]
        if not members:
            continue
        votes: dict[str, int] = {}
        for d in members:
            votes[by_report[d].id] = votes.get(by_report[d].id, 0) + 1
        pred = by_id[max(votes, key=lambda k: (votes[k], k))]
        for slot in ("killed", "injured"):
            fact = pred.facts.get(slot)
            best = fact.best if fact and isinstance(fact.best, int) else 0
            gold_value = getattr(g, slot)
            _tally(counts[slot], best == gold_value)
            _tally(counts[f"{slot}_within1"],
                   gold_value is not None and abs(best - gold_value) <= 1)
        if g.date:
            _tally(counts["date"], pred.event_date == g.date)
        if g.location.get("city"):
            _tally(counts["city"], same_place(pred.place.name, g.location["city"]))
        if g.location.get("country"):
            _tally(counts["country"],
                   fold(g.location["country"]) in _country_names(pred.place.country_code))
        for k, v in enumerate(_incident_perpetrator_hits(pred, g)):
            perp[k] += v
    out = {f"incident_{k}": _share(h, n) for k, (h, n) in counts.items()}
    out["incident_perpetrator_f1"] = _f1(*perp)
    return out


def _tally(count: list[int], hit: bool) -> None:
    count[0] += bool(hit)
    count[1] += 1


def _f1(tp: int, n_pred: int, n_gold: int) -> dict[str, Any]:
    precision = tp / n_pred if n_pred else 0.0
    recall = tp / n_gold if n_gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"value": round(f1, 4), "n": n_gold, "precision": round(precision, 4),
            "recall": round(recall, 4)}


def _incident_perpetrator_hits(incident: Any, gold: Any) -> tuple[int, int, int]:
    """(matched, predicted, gold) perpetrators of one reconciled incident (see actors_eval)."""
    from corroborate.eval.actors_eval import PERP_SLOTS, gold_entities, match, predictions
    from corroborate.extract.actors import ActorMention

    # The incident's reconciled values (``Fact.values``: name variants given once), each
    # with the qualifier of its first claim.
    mentions = [ActorMention(slot=slot, value=str(v), confidence=fact.claims[0].qualifier,
                             start=0, end=0, sent_start=0)
                for slot in PERP_SLOTS if (fact := incident.facts.get(slot)) is not None
                for v in fact.values]
    preds, golds = predictions(mentions), gold_entities([gold])
    return len(match(preds, golds)), len(preds), len(golds)


def _country_names(code: str | None) -> set[str]:
    """Every folded name of a country code: gold says "Bolivia", ISO "Bolivia, Plurinational
    State of"."""
    import pycountry

    country = pycountry.countries.get(alpha_2=code) if code else None
    if country is None:
        return set()
    names = (getattr(country, k, None) for k in ("name", "common_name", "official_name"))
    return {fold(n) for n in names if n}


SCORERS: dict[str, Callable[[list[ReportAnalysis]], dict[str, Any]]] = {
    "gvdb": score_gvdb,
    "muc4": score_muc4,
    "gvc": lambda a: score_clusters("gvc", a),
    "ecbplus": lambda a: score_clusters("ecbplus", a),
}


def evaluate(datasets: Sequence[str] | None = None, *, slice_name: str = "full",
             model: str = DEFAULT_MODEL) -> dict[str, Any]:
    """Score every dataset (or those named); returns ``{dataset: {metric: {value, n}}}``."""
    limits = SLICES.get(slice_name)
    if limits is None:
        from corroborate.errors import ConfigError

        raise ConfigError(f"unknown slice {slice_name!r}; choose one of {sorted(SLICES)}")
    results: dict[str, Any] = {"slice": slice_name, "model": model}
    for name in datasets or list(SCORERS):
        analyses = analyse_dataset(name, limits[name], model)
        results[name] = SCORERS[name](analyses)
    return results


def format_table(results: dict[str, Any]) -> str:
    lines = [f"slice: {results.get('slice')}  model: {results.get('model')}",
             f"{'dataset':<9} {'metric':<25} {'value':>7} {'n':>6}"]
    for name, metrics in results.items():
        if not isinstance(metrics, dict):
            continue
        for metric, m in metrics.items():
            value = "-" if m["value"] is None else f"{m['value']:.3f}"
            lines.append(f"{name:<9} {metric:<25} {value:>7} {m['n']:>6}")
    return "\n".join(lines)


def gate(results: dict[str, Any], *, baseline: Path | None = None) -> list[str]:
    """Failures: metrics below the floors pinned for this slice."""
    floors = json.loads((baseline or BASELINE).read_text()).get(results["slice"], {})
    failures = []
    for name, metrics in floors.items():
        for metric, floor in metrics.items():
            got = results.get(name, {}).get(metric, {}).get("value")
            if got is None or got < floor:
                failures.append(f"{name}.{metric} = {got} is below the floor {floor}")
    return failures
