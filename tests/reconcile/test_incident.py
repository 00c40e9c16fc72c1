from __future__ import annotations

from corroborate.reconcile.incident import build_incident
from corroborate.records import Claim, Report, ReportAnalysis


def _analysis(rid: str, *claims: tuple[str, int, str]) -> ReportAnalysis:
    report = Report(id=rid, text="x" * 200, published="2024-01-02")
    return ReportAnalysis(report=report, claims=tuple(
        Claim(slot=slot, value=value, report=rid, span=(i * 10, i * 10 + 5),
              extractor=f"counts.{rule}.v1+report_figure")
        for i, (slot, value, rule) in enumerate(claims)))


def test_hospitalized_stands_in_for_a_missing_injured_figure() -> None:
    inc = build_incident([_analysis("a", ("hospitalized", 4, "numeric_subject"))])
    assert inc.facts["injured"].best == 4
    assert inc.facts["hospitalized"].best == 4


def test_hospitalized_beats_one_counted_victim_but_not_a_numeric_injured() -> None:
    counted = build_incident([_analysis("a", ("injured", 1, "single_victims"),
                                        ("hospitalized", 4, "numeric_subject"))])
    assert counted.facts["injured"].best == 4
    stated = build_incident([_analysis("a", ("injured", 211, "numeric_subject"),
                                       ("hospitalized", 141, "numeric_subject"))])
    assert stated.facts["injured"].best == 211
    assert {c.value for c in stated.facts["injured"].claims} == {211}


def test_no_casualty_claims_make_no_injured_fact() -> None:
    inc = build_incident([_analysis("a", ("killed", 1, "single_victims"))])
    assert "injured" not in inc.facts
