"""Score per-report killed / injured counts against gvdb or muc4 gold.

gvdb: per-article gold (``per_doc.jsonl``) on articles that list victims; gold
``injured`` means injured or hospitalized and not killed, so the prediction takes
the larger of the injured and hospitalized figures.
muc4: gold per doc = sum of the non-null values over the doc's incidents; scored
on docs where that sum exists.

Run ``python -m corroborate.eval.counts_eval gvdb`` (or ``muc4``) for a table.
"""

from __future__ import annotations

import sys
from collections import defaultdict
from typing import Any

from corroborate.eval.cache import parsed_dataset
from corroborate.eval.datasets import load_incidents, load_per_doc
from corroborate.extract.counts import extract_counts, report_count


def predict(doc: Any) -> tuple[int, int]:
    """(killed, injured-or-hospitalized) a report gives, 0 when it gives none."""
    mentions = extract_counts(doc)
    killed = report_count(mentions, "killed")
    injured = report_count(mentions, "injured")
    hosp = report_count(mentions, "hospitalized")
    hurt = max(injured.value if injured else 0, hosp.value if hosp else 0)
    return (killed.value if killed else 0), hurt


def _gold(dataset: str) -> dict[str, tuple[int | None, int | None]]:
    if dataset == "gvdb":
        return {doc_id: (d["killed"], d["injured"])
                for doc_id, d in load_per_doc("gvdb").items() if d["victims"]}
    sums: dict[str, list[int | None]] = defaultdict(lambda: [None, None])
    for inc in load_incidents(dataset):
        for doc_id in inc.doc_ids:
            for i, value in enumerate((inc.killed, inc.injured)):
                if value is not None:
                    sums[doc_id][i] = (sums[doc_id][i] or 0) + value
    return {k: (v[0], v[1]) for k, v in sums.items()}


def evaluate_counts(dataset: str = "gvdb", limit: int | None = None) -> dict[str, Any]:
    """Exact-match accuracy of killed and injured per report, with the misses."""
    gold = _gold(dataset)
    scores = {"killed": [0, 0], "injured": [0, 0]}
    mistakes: list[dict[str, Any]] = []
    for report, doc in parsed_dataset(dataset, limit=limit):
        if report.id not in gold:
            continue
        pred = predict(doc)
        for i, slot in enumerate(("killed", "injured")):
            want = gold[report.id][i]
            if want is None:
                continue
            scores[slot][1] += 1
            if pred[i] == want:
                scores[slot][0] += 1
            else:
                mistakes.append({"doc_id": report.id, "slot": slot, "gold": want,
                                 "pred": pred[i]})
    return {
        "dataset": dataset,
        "n": max(scores["killed"][1], scores["injured"][1]),
        "n_killed": scores["killed"][1], "n_injured": scores["injured"][1],
        "killed_exact": scores["killed"][0] / max(1, scores["killed"][1]),
        "injured_exact": scores["injured"][0] / max(1, scores["injured"][1]),
        "mistakes": mistakes,
    }


def main(argv: list[str]) -> None:
    dataset = argv[0] if argv else "gvdb"
    limit = int(argv[1]) if len(argv) > 1 else None
    result = evaluate_counts(dataset, limit)
    print(f"{'dataset':<8} {'n':>5} {'killed_exact':>13} {'injured_exact':>14}")
    print(f"{dataset:<8} {result['n']:>5} {result['killed_exact']:>13.3f} "
          f"{result['injured_exact']:>14.3f}")
    print(f"mistakes: {len(result['mistakes'])} (see evaluate_counts(...)['mistakes'])")


if __name__ == "__main__":
    main(sys.argv[1:])
