from __future__ import annotations

import pytest

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


def _dated(rid: str, published: str, *claims: tuple[str, object]) -> ReportAnalysis:
    report = Report(id=rid, text="x" * 200, published=published)
    return ReportAnalysis(report=report, claims=tuple(
        Claim(slot=slot, value=value, report=rid, span=(i * 10, i * 10 + 5),
              published=published,
              extractor="counts.numeric_subject.v1+report_figure" if slot != "event_date"
              else "corroborate.dates.relative.v1")
        for i, (slot, value) in enumerate(claims)))


def test_event_date_prefers_the_earlier_of_equally_backed_days() -> None:
    inc = build_incident([_dated("a", "2015-03-09", ("event_date", "2015-03-08")),
                          _dated("b", "2015-03-12", ("event_date", "2015-03-11"))])
    assert inc.event_date == "2015-03-08"


def test_event_date_is_not_after_the_first_report() -> None:
    # A trial report dates "its" day later; the incident was reported before that.
    inc = build_incident([_dated("a", "2015-03-09", ("event_date", "2016-05-02")),
                          _dated("b", "2016-05-03", ("event_date", "2016-05-02")),
                          _dated("c", "2015-03-10", ("event_date", "2015-03-07"))])
    assert inc.event_date == "2015-03-07"


def test_wounded_who_later_died_leave_the_injured_figure() -> None:
    early = _dated("a", "2015-03-08", ("injured", 1))
    later = _dated("b", "2015-03-10", ("killed", 1))
    inc = build_incident([early, later])
    assert (inc.facts["killed"].best, inc.facts["injured"].best) == (1, 0)
    # A report published after the deaths were known keeps its own injured figure.
    after = _dated("c", "2015-03-11", ("injured", 2))
    inc = build_incident([later, after])
    assert inc.facts["injured"].best == 2


def test_one_counted_victim_is_discounted_when_other_tallies_name_no_wounded() -> None:
    lone = _analysis("a", ("killed", 1, "single_victims"), ("injured", 1, "single_victims"))
    silent = [_analysis(r, ("killed", 1, "numeric_subject")) for r in ("b", "c")]
    injured = build_incident([lone, *silent]).facts["injured"]
    assert injured.best == 0
    # the claim stays on the record, tagged with why it no longer counts
    assert [c.report for c in injured.claims] == ["a"]
    assert "unbacked_by_other_reports" in injured.claims[0].extractor
    # a numeric figure ("two others were wounded") is never discounted
    stated = _analysis("a", ("killed", 1, "single_victims"), ("injured", 2, "numeric_subject"))
    assert build_incident([stated, *silent]).facts["injured"].best == 2
    # nor counted victims that more reports give than stay silent
    again = _analysis("d", ("killed", 1, "single_victims"), ("injured", 1, "single_victims"))
    assert build_incident([lone, again, silent[0]]).facts["injured"].best == 1


def test_a_later_shot_total_is_net_of_all_the_dead() -> None:
    # "shot four of his family members" (3 left after the one death it names), written
    # after another report gave five dead: people shot include every dead.
    dead = _dated("a", "2015-03-08", ("killed", 5))
    shot = Report(id="b", text="x" * 200, published="2015-03-10")
    later = ReportAnalysis(report=shot, claims=(
        Claim(slot="killed", value=1, report="b", span=(0, 5), published="2015-03-10",
              extractor="counts.single_victims.v1+report_figure"),
        Claim(slot="injured", value=3, report="b", span=(10, 15), published="2015-03-10",
              extractor="counts.shot_total.v1+report_figure")))
    assert build_incident([dead, later]).facts["injured"].best == 0


def test_hospitalized_beats_a_part_of_the_wounded() -> None:
    # five people in hospital, of whom "two of the victims" are critical: a part, not the total
    inc = build_incident([_analysis("a", ("injured", 2, "partitive"),
                                    ("hospitalized", 5, "numeric_subject"))])
    assert inc.facts["injured"].best == 5


def _victim(rid: str, published: str, slot: str, value: int, text: str) -> Claim:
    return Claim(slot=slot, value=value, report=rid, span=(0, 5), published=published,
                 text=text, extractor="counts.single_victims.v1+report_figure")


def test_victims_counted_from_shot_are_net_of_the_dead_even_in_a_later_report() -> None:
    dead = _dated("a", "2016-05-04", ("killed", 2))
    text = "A boy is accused of shooting his mother and his brother as they slept."
    later = [ReportAnalysis(report=Report(id=r, text="x" * 200, published="2016-05-06"),
                            claims=(_victim(r, "2016-05-06", "injured", 2, text),))
             for r in ("b", "e")]
    assert build_incident([dead, *later]).facts["injured"].best == 0
    # later reports that say their victims were wounded keep their own figure
    text = "Two people were shot and wounded in the attack."
    wounded = [ReportAnalysis(report=Report(id=r, text="x" * 200, published="2016-05-06"),
                              claims=(_victim(r, "2016-05-06", "injured", 2, text),))
               for r in ("c", "d")]
    assert build_incident([dead, *wounded]).facts["injured"].best == 2


def test_a_stated_toll_beats_dead_counted_one_by_one() -> None:
    # three reports name one dead each ("the gunman is dead"); two say "three are dead"
    counted = [_analysis(r, ("killed", 1, "single_victims")) for r in ("a", "b", "c")]
    stated = [_analysis(r, ("killed", 3, "numeric_subject")) for r in ("d", "e")]
    assert build_incident([*counted, *stated]).facts["killed"].best == 3
    # one stated figure does not outweigh three reports' counted victims
    assert build_incident([*counted, stated[0]]).facts["killed"].best == 1
    # the wounded alike
    hurt = [_analysis(r, ("injured", 1, "single_victims")) for r in ("a", "b", "c")]
    told = [_analysis(r, ("injured", 3, "numeric_subject")) for r in ("d", "e")]
    assert build_incident([*hurt, *told]).facts["injured"].best == 3


def _lone_wounded(wound: str) -> ReportAnalysis:
    """One report that tells a death and, in ``wound``, one wounded person."""
    return ReportAnalysis(report=Report(id="a", text="x" * 200, published="2017-04-02"),
                          claims=(_victim("a", "2017-04-02", "killed", 1, "The robber died."),
                                  _victim("a", "2017-04-02", "injured", 1, wound)))


@pytest.mark.parametrize(("wound", "silent_rule", "kept"), [
    ("Another person was injured in the shooting on Saturday evening.", "numeric_subject", 1),
    ("Deputies found a 41-year-old woman who had shot herself in the chest.",
     "single_victims", 1),
    ("The chief said a deputy was shot in the shoulder during the exchange.",
     "single_victims", 1),
    # a sentence that also tells a death is no proof of a wound the others left out
    ("A deputy was shot in the shoulder and the robber was killed.", "single_victims", 0),
])
def test_a_wound_the_silent_tallies_do_not_discount(wound: str, silent_rule: str,
                                                    kept: int) -> None:
    silent = [_analysis(r, ("killed", 1, silent_rule)) for r in ("b", "c")]
    assert build_incident([_lone_wounded(wound), *silent]).facts["injured"].best == kept


def test_wounded_officers_are_not_net_of_a_dead_suspect() -> None:
    dead = _dated("a", "2016-04-24", ("killed", 1))

    def officers(rid: str, text: str) -> ReportAnalysis:
        return ReportAnalysis(report=Report(id=rid, text="x" * 200, published="2016-04-23"),
                              claims=(Claim(slot="injured", value=3, report=rid, span=(0, 5),
                                            published="2016-04-23", text=text,
                                            extractor="counts.numeric_subject.v1"
                                            "+report_figure"),))

    agents = [officers(r, "Three federal agents were injured in the raid.") for r in "bc"]
    assert build_incident([dead, *agents]).facts["injured"].best == 3
    # people of no stated role may be the dead told apart earlier
    people = [officers(r, "Three people were injured in the raid.") for r in "bc"]
    assert build_incident([dead, *people]).facts["injured"].best == 2
