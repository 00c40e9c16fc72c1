"""Acceptance: the two Kerman seed reports against ../shared/gold/kerman-seeds.yaml.

Every expected value is read from the gold file; nothing is typed in here.
"""

from __future__ import annotations

import json
import math
from typing import Any

import pytest

from corroborate.render import render_json


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371 * 2 * math.asin(math.sqrt(a))


@pytest.fixture(scope="module")
def incident(seeds_run, gold) -> Any:
    stems = set(gold["reports"])
    main = [i for i in seeds_run.incidents if len(i.reports) == len(stems)]
    assert len(main) == 1, [i.reports for i in seeds_run.incidents]
    return main[0]


def _stem(seeds_run, report_id: str) -> str:
    by_id = {r.id: r for r in seeds_run.reports}
    return by_id[report_id].source.rsplit("/", 1)[-1].removesuffix(".txt")


def test_seeds_one_incident_with_both_reports(seeds_run, gold) -> None:
    assert len(seeds_run.reports) == len(gold["reports"])
    assert len(seeds_run.incidents) == 1


@pytest.mark.parametrize("slot", ["killed", "injured", "hospitalized"])
def test_seeds_count_facts_match_gold(seeds_run, incident, gold, slot) -> None:
    expected = gold["incident"]["facts"][slot]
    fact = incident.facts[slot]
    assert fact.status == expected["status"]
    values = expected["values"]
    if isinstance(values, list):  # agreed figure
        assert fact.best == values[0]
        assert {_stem(seeds_run, c.report) for c in fact.claims} >= set(expected["reports"])
    else:  # figure -> reports that state it
        for value, stems in values.items():
            said = {_stem(seeds_run, c.report) for c in fact.claims if c.value == value}
            assert said == set(stems), (slot, value, said)
    for bound in ("low", "high"):
        if bound in expected:
            assert getattr(fact, bound) == expected[bound]


def test_seeds_hospitalized_never_merges_into_injured(incident, gold) -> None:
    hosp = set(gold["incident"]["facts"]["hospitalized"]["values"])
    assert not {c.value for c in incident.facts["injured"].claims} & hosp


def test_seeds_hospitalized_speaker_and_channel(seeds_run, incident, gold) -> None:
    fact = incident.facts["hospitalized"]
    value = next(iter(gold["incident"]["facts"]["hospitalized"]["values"]))
    (stem,) = gold["incident"]["facts"]["hospitalized"]["values"][value]
    expected = next(a for a in gold["reports"][stem]["attributions"] if str(value) in a["says"])
    claim = next(c for c in fact.claims if c.value == value)
    assert claim.attribution.speaker == expected["speaker"]
    assert claim.attribution.channel == expected["channel"]
    gold_claim = next(c for c in gold["reports"][stem]["claims"] if c["slot"] == "hospitalized")
    assert claim.qualifier == gold_claim["qualifier"]


def test_seeds_claim_spans_point_at_gold_sentences(seeds_run, incident, gold) -> None:
    texts = {r.id: r.text for r in seeds_run.reports}
    for slot in ("killed", "injured", "hospitalized"):
        for claim in incident.facts[slot].claims:
            stem = _stem(seeds_run, claim.report)
            start, end = claim.span
            assert texts[claim.report][start:end].strip(), claim
            sentences = [c["sentence"] for c in gold["reports"][stem]["claims"]
                         if c["slot"] == slot]
            if claim.qualifier != "vague":
                assert any(s in claim.text for s in sentences), (slot, stem, claim.text)


def test_seeds_event_date_and_place(incident, gold) -> None:
    expected = gold["incident"]
    assert incident.event_date == str(expected["event_date"])
    place = expected["place"]
    assert incident.place.name == place["name"]
    assert incident.place.country_code == place["country_code"]
    assert _km(incident.place.lat, incident.place.lon, place["lat"], place["lon"]) <= \
        place["tolerance_km"]


def test_seeds_entities_merged(incident, gold) -> None:
    index = {name: e for e in incident.entities for name in (e.name, *e.aliases)}
    for group in gold["incident"]["entities_to_merge"]:
        found = {index[n].name for n in group if n in index}
        hits = [n for n in group if n in index]
        assert len(hits) >= 2, (group, sorted(index))
        assert len(found) == 1, (group, found)


def test_seeds_referenced_incidents_kept_apart(incident, gold) -> None:
    refs = incident.referenced_incidents
    for report in gold["reports"].values():
        for expected in report["referenced_incidents"]:
            year = str(expected["date"])[:4]
            assert any((r.date or "").startswith(year) for r in refs), (expected, refs)
            assert not str(incident.event_date).startswith(str(expected["date"]))
    killed = {c.value for c in incident.facts["killed"].claims}
    for report in gold["reports"].values():
        for expected in report["referenced_incidents"]:
            if "killed" in expected:
                assert expected["killed"] not in killed


def test_seeds_responsibility_and_characterisation(incident, gold) -> None:
    for slot in ("responsibility", "characterisation"):
        assert incident.facts[slot].status == gold["incident"]["facts"][slot]["status"]


def test_seeds_framing_by_report(seeds_run, incident, gold) -> None:
    terms = {_stem(seeds_run, rid): {t.lower() for ts in [v.get(rid, [])
                                                        for v in incident.framing.values()]
                                     for t in ts}
             for rid in incident.reports}
    death = gold["incident"]["framing"][0]
    for stem in gold["reports"]:
        expected = {w.lower() for w in death[stem] if " " not in w}
        assert expected & terms[stem], (stem, expected, terms[stem])


def test_seeds_json_contract_and_determinism(seeds_run, seeds_dir) -> None:
    from corroborate.engine.local import run

    text = render_json(seeds_run.reports, seeds_run.incidents, seeds_run.diagnostics,
                       pipeline=seeds_run.pipeline)
    doc = json.loads(text)
    assert doc["schema"] == "corroborate/1"
    assert set(doc) >= {"reports", "incidents", "diagnostics"}
    for rep in doc["reports"]:
        assert set(rep) >= {"id", "source", "outlet", "published", "language"}
    inc = doc["incidents"][0]
    assert set(inc) >= {"id", "reports", "event_date", "place", "facts", "entities",
                        "referenced_incidents"}
    for fact in inc["facts"].values():
        assert set(fact) >= {"status", "best", "low", "high", "conservative", "claims"}
        for c in fact["claims"]:
            assert set(c) >= {"report", "span", "text", "value", "qualifier", "speaker", "channel"}
    again = run([seeds_dir])
    assert render_json(again.reports, again.incidents, again.diagnostics,
                       pipeline=again.pipeline) == text
