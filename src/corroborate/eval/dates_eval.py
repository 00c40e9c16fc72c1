"""Score ``analyze_dates`` event dates against gold (gvdb per-article, muc4 incidents).

gvdb: exact match of the predicted event date to the article's annotated date (docs with a
gold date). ``published`` is null in gvdb, so most articles carry only weekdays; the
``url_published`` variant passes the date found in the article URL as ``published`` to
show what publication metadata buys.
muc4: a doc counts as correct when the predicted date equals any of its gold incident dates
(docs whose gold dates are all null are left out).
"""

from __future__ import annotations

import argparse
import json
from collections import defaultdict
from typing import Any

from corroborate.eval.cache import parsed_dataset
from corroborate.eval.datasets import load_docs, load_incidents, load_per_doc
from corroborate.extract.dates import analyze_dates, date_from_url


def _gold_dates(dataset: str) -> dict[str, set[str]]:
    if dataset == "gvdb":
        return {k: {v["date"]} for k, v in load_per_doc("gvdb").items() if v.get("date")}
    gold: dict[str, set[str]] = defaultdict(set)
    for inc in load_incidents(dataset):
        for doc_id in inc.doc_ids:
            if inc.date:
                gold[doc_id].add(inc.date)
    return dict(gold)


def _month_day_match(pred: str | None, gold: set[str]) -> bool:
    return bool(pred) and any(pred[5:] == g[5:] for g in gold)  # type: ignore[index]


def evaluate_dates(dataset: str, limit: int | None = None, *,
                   url_published: bool = False) -> dict[str, Any]:
    """Return accuracy figures and per-doc errors for one dataset."""
    gold = _gold_dates(dataset)
    urls = {r.id: r.url for r in load_docs(dataset)} if url_published else {}
    n = exact = month_day = predicted = no_year = 0
    errors: list[dict[str, Any]] = []
    for report, doc in parsed_dataset(dataset, limit=limit):
        if report.id not in gold:
            continue
        published = report.published or (date_from_url(urls.get(report.id)) if urls else None)
        result = analyze_dates(doc, published=published, report_id=report.id)
        pred, want = result.event_date, gold[report.id]
        n += 1
        predicted += pred is not None
        no_year += bool(pred and pred.startswith("X"))
        exact += pred in want
        month_day += _month_day_match(pred, want)
        if pred not in want:
            errors.append({"doc": report.id, "pred": pred, "gold": sorted(want),
                           "basis": result.event_date_basis})
    return {"dataset": dataset, "url_published": url_published, "docs": n,
            "exact": round(exact / n, 4) if n else 0.0,
            "month_day": round(month_day / n, 4) if n else 0.0,
            "predicted": predicted, "year_unknown": no_year, "errors": errors}


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("dataset", choices=["gvdb", "muc4"])
    parser.add_argument("--limit", type=int)
    parser.add_argument("--url-published", action="store_true",
                        help="pass the date found in the URL as the publication date")
    parser.add_argument("--errors", type=int, default=0, help="print this many errors")
    args = parser.parse_args(argv)
    result = evaluate_dates(args.dataset, args.limit, url_published=args.url_published)
    errors = result.pop("errors")
    print(json.dumps(result, indent=1))
    for err in errors[:args.errors]:
        print(json.dumps(err))


if __name__ == "__main__":
    main()
