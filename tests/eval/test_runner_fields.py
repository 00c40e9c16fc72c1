"""Reconciled-field scoring: the predicted incident holding most of a gold incident is scored."""

from __future__ import annotations

from corroborate.eval.datasets import GoldIncident
from corroborate.eval.runner import _score_fields
from corroborate.records import Claim, Fact, Incident, Place


def _gold(iid: str, docs: tuple[str, ...], killed: int, injured: int,
          perpetrators: tuple[str, ...] = ()) -> GoldIncident:
    return GoldIncident(incident_id=iid, doc_ids=docs, date="2024-01-03",
                        location={"country": "Iran", "city": "Kerman"}, killed=killed,
                        injured=injured, perpetrators=perpetrators, perpetrator_confidence=None,
                        incident_type=None, notes="")


def _incident(iid: str, reports: tuple[str, ...], killed: int, injured: int,
              perpetrator: str | None = None) -> Incident:
    facts = {"killed": Fact(slot="killed", status="corroborated", best=killed),
             "injured": Fact(slot="injured", status="corroborated", best=injured)}
    if perpetrator:
        claim = Claim(slot="responsibility", value=perpetrator, report=reports[0], span=(0, 5),
                      qualifier="claimed")
        facts["responsibility"] = Fact(slot="responsibility", status="single_source",
                                       best=perpetrator, claims=(claim,), values=(perpetrator,))
    return Incident(id=iid, reports=reports, event_date="2024-01-03",
                    place=Place(name="Kerman", country_code="IR"), facts=facts)


def test_fields_exact_within_one_country_and_perpetrators() -> None:
    gold = [_gold("g1", ("a", "b"), killed=3, injured=10, perpetrators=("Islamic State",)),
            _gold("g2", ("c",), killed=1, injured=0)]
    predicted = [_incident("i1", ("a", "b"), killed=4, injured=10, perpetrator="Islamic State"),
                 _incident("i2", ("c",), killed=1, injured=3)]
    got = _score_fields(predicted, gold, {"a", "b", "c"})
    assert got["incident_killed"]["value"] == 0.5  # 4 != 3, 1 == 1
    assert got["incident_killed_within1"]["value"] == 1.0
    assert got["incident_injured_within1"]["value"] == 0.5  # 3 is not within 1 of 0
    assert got["incident_country"]["value"] == 1.0 and got["incident_city"]["value"] == 1.0
    assert got["incident_perpetrator_f1"]["value"] == 1.0


def test_fields_follow_the_incident_holding_most_of_the_gold_reports() -> None:
    gold = [_gold("g1", ("a", "b", "c"), killed=2, injured=0)]
    predicted = [_incident("i1", ("a",), killed=2, injured=0),
                 _incident("i2", ("b", "c"), killed=5, injured=0)]
    got = _score_fields(predicted, gold, {"a", "b", "c"})
    assert got["incident_killed"]["value"] == 0.0
    assert got["incident_perpetrator_f1"]["value"] == 0.0
