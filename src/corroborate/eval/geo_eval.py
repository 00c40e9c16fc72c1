"""Score the chosen incident place against gold: ``python -m corroborate.eval.geo_eval gvdb``.

gvdb: per-article gold city/state (``per_doc.jsonl``). muc4: gold incident locations (a
prediction counts when it matches the city, or country, of any of the doc's incidents).
"""

from __future__ import annotations

import json
import sys
from collections import defaultdict
from typing import Any

from corroborate.eval.cache import parsed_dataset
from corroborate.eval.datasets import load_incidents, load_per_doc
from corroborate.eval.places import place_key
from corroborate.extract.geo import Gazetteer, choose_place, geocode_doc
from corroborate.records import PlaceMention


def _city_of(p: PlaceMention | None) -> str | None:
    if p is None or p.kind in ("admin1", "country"):
        return None
    return p.name or p.text


def _state_of(p: PlaceMention | None, gaz: Gazetteer) -> str | None:
    if p is None:
        return None
    return p.name if p.kind == "admin1" else p.admin1


def _country_name(p: PlaceMention | None, gaz: Gazetteer) -> str | None:
    if p is None or p.country_code is None:
        return None
    country = gaz.country(p.country_code)
    return country.name if country else None


def _predict(dataset: str, limit: int | None) -> list[tuple[str, PlaceMention | None]]:
    gaz = Gazetteer.default()
    out = []
    for report, doc in parsed_dataset(dataset, limit=limit):
        out.append((report.id, choose_place(geocode_doc(doc, gazetteer=gaz), doc)))
    return out


def _rate(hits: int, total: int) -> float:
    return round(hits / total, 4) if total else 0.0


def _eval_gvdb(preds: list[tuple[str, PlaceMention | None]], gaz: Gazetteer) -> dict[str, Any]:
    gold = load_per_doc("gvdb")
    city_hit = city_n = state_hit = state_n = 0
    misses = []
    for doc_id, p in preds:
        g = gold.get(doc_id, {})
        if g.get("city"):
            city_n += 1
            ok = place_key(_city_of(p)) == place_key(g["city"])
            city_hit += ok
            if not ok:
                misses.append((doc_id, g["city"], _city_of(p)))
        if g.get("state") and g["state"] != "Outside the USA":
            state_n += 1
            state_hit += place_key(_state_of(p, gaz)) == place_key(g["state"])
    return {"city_accuracy": _rate(city_hit, city_n), "city_n": city_n,
            "state_accuracy": _rate(state_hit, state_n), "state_n": state_n,
            "city_misses": misses[:40]}


def _eval_muc4(preds: list[tuple[str, PlaceMention | None]], gaz: Gazetteer) -> dict[str, Any]:
    by_doc: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for inc in load_incidents("muc4"):
        for doc_id in inc.doc_ids:
            by_doc[doc_id].append(inc.location)
    city_hit = city_n = country_hit = country_n = 0
    misses = []
    for doc_id, p in preds:
        locations = by_doc.get(doc_id, [])
        cities = {place_key(loc.get("city")) for loc in locations if loc.get("city")}
        countries = {place_key(loc.get("country")) for loc in locations if loc.get("country")}
        if cities:
            city_n += 1
            ok = place_key(_city_of(p)) in cities
            city_hit += ok
            if not ok:
                misses.append((doc_id, sorted(cities), _city_of(p)))
        if countries:
            country_n += 1
            country_hit += place_key(_country_name(p, gaz)) in countries
    return {"city_accuracy": _rate(city_hit, city_n), "city_n": city_n,
            "country_accuracy": _rate(country_hit, country_n), "country_n": country_n,
            "city_misses": misses[:40]}


def evaluate_geo(dataset: str, limit: int | None = None) -> dict[str, Any]:
    """Accuracy of ``choose_place`` on ``dataset`` (``gvdb`` or ``muc4``)."""
    gaz = Gazetteer.default()
    preds = _predict(dataset, limit)
    if dataset == "gvdb":
        return {"dataset": dataset, **_eval_gvdb(preds, gaz)}
    if dataset == "muc4":
        return {"dataset": dataset, **_eval_muc4(preds, gaz)}
    raise ValueError(f"no place gold for dataset {dataset!r} (use gvdb or muc4)")


if __name__ == "__main__":
    args = sys.argv[1:] or ["gvdb"]
    result = evaluate_geo(args[0], int(args[1]) if len(args) > 1 else None)
    misses = result.pop("city_misses")
    print(json.dumps(result, indent=2))
    for miss in misses:
        print("miss", *miss, sep="\t", file=sys.stderr)
