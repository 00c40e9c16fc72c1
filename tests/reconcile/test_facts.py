from __future__ import annotations

import itertools
from dataclasses import replace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from corroborate.reconcile.facts import reconcile_slot
from corroborate.reconcile.sources import claim_source, normalise_source
from corroborate.records import Attribution, Claim


def claim(slot, value, report, *, qualifier="exact", speaker=None, channel=None,
          published=None, start=0) -> Claim:
    return Claim(slot=slot, value=value, report=report, span=(start, start + 5),
                 qualifier=qualifier, published=published,
                 attribution=Attribution(speaker=speaker, channel=channel))


def reconcile(slot, claims):
    order = {r: i for i, r in enumerate(sorted({c.report for c in claims}))}
    return reconcile_slot(slot, claims, report_order=order,
                          source_of=lambda c: claim_source(c, report_upstream={}, country="IR"))


def test_facts_qualified_and_exact_figures_agree() -> None:
    fact = reconcile("killed", [claim("killed", 103, "a", qualifier="at_least"),
                                claim("killed", 103, "b")])
    assert (fact.status, fact.best, fact.low, fact.high) == ("corroborated", 103, 103, 103)
    assert fact.reports == 2 and fact.sources == 2


def test_facts_different_figures_are_contested_with_range() -> None:
    fact = reconcile("injured", [claim("injured", 171, "a", qualifier="at_least"),
                                 claim("injured", 211, "b", qualifier="at_least",
                                       speaker="Iranian media")])
    assert fact.status == "contested"
    assert (fact.low, fact.high, fact.conservative) == (171, 211, 171)
    assert {c.report for c in fact.claims} == {"a", "b"}


def test_facts_same_upstream_is_one_source() -> None:
    fact = reconcile("killed", [claim("killed", 103, "a", speaker="state media"),
                                claim("killed", 103, "b", speaker="Iranian media")])
    assert fact.reports == 2 and fact.sources == 1
    assert fact.status == "corroborated"


def test_facts_wire_reprint_is_one_report() -> None:
    claims = [claim("killed", 7, "a"), claim("killed", 7, "b")]
    fact = reconcile_slot("killed", claims, report_order={"a": 0, "b": 1},
                          report_upstream={"b": "a"},
                          source_of=lambda c: claim_source(c, report_upstream={"b": "a"}))
    assert (fact.status, fact.reports, fact.sources) == ("single_source", 2, 1)


def test_facts_later_figure_from_same_source_is_a_revision() -> None:
    claims = [claim("killed", v, f"r{i}", speaker="IRNA", published=f"2024-01-0{i + 3}")
              for i, v in enumerate([73, 103, 95])]
    fact = reconcile("killed", claims)
    assert fact.status == "revised" and fact.best == 95
    assert [t["value"] for t in fact.timeline] == [73, 103, 95]


def test_facts_vague_figures_do_not_contest_numbers() -> None:
    fact = reconcile("injured", [claim("injured", 171, "a"),
                                 claim("injured", 3, "a", qualifier="vague", start=50),
                                 claim("injured", 171, "b")])
    assert fact.status == "corroborated" and fact.best == 171


def test_sources_national_media_fold_to_one_key() -> None:
    assert normalise_source("state media", country="IR") == normalise_source("Iranian media")
    assert normalise_source("Reuters") != normalise_source("state media", country="IR")


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.sampled_from("abcde"), st.integers(1, 300),
                          st.sampled_from(["exact", "at_least", "about"]),
                          st.sampled_from([None, "IRNA", "Reuters", "police"])),
                min_size=1, max_size=8))
def test_facts_reconciliation_is_input_order_independent(rows) -> None:
    claims = [claim("killed", v, r, qualifier=q, speaker=s, start=i * 10)
              for i, (r, v, q, s) in enumerate(rows)]
    first = reconcile("killed", claims).to_dict()
    for perm in itertools.islice(itertools.permutations(claims), 5):
        assert reconcile("killed", list(perm)).to_dict() == first


@pytest.mark.parametrize("slot", ["responsibility", "characterisation"])
def test_facts_categorical_agreement(slot) -> None:
    fact = reconcile(slot, [claim(slot, "none claimed", "a"), claim(slot, "None claimed", "b")])
    assert fact.status == "corroborated"


def test_facts_equally_backed_figures_prefer_the_higher_toll() -> None:
    # Two independent outlets, one figure each: tolls grow, so the higher is best,
    # whichever report came later; the lower stays the conservative figure.
    for first, second in ((2, 3), (3, 2)):
        fact = reconcile("killed", [claim("killed", first, "a", published="2024-01-01"),
                                    claim("killed", second, "b", published="2024-01-02")])
        assert fact.status == "contested"
        assert (fact.best, fact.conservative) == (3, 2)


def test_facts_more_sources_beat_a_higher_figure() -> None:
    fact = reconcile("killed", [claim("killed", 2, "a"), claim("killed", 2, "b"),
                                claim("killed", 5, "c")])
    assert fact.best == 2


def test_facts_event_date_tie_goes_to_the_earlier_day() -> None:
    fact = reconcile("event_date", [claim("event_date", "2015-06-03", "a"),
                                    claim("event_date", "2015-06-01", "b")])
    assert fact.best == "2015-06-01"
    backed = reconcile("event_date", [claim("event_date", "2015-06-03", "a"),
                                      claim("event_date", "2015-06-03", "c"),
                                      claim("event_date", "2015-06-01", "b")])
    assert backed.best == "2015-06-03"


def test_facts_fewer_victims_told_one_by_one_do_not_revise_a_stated_figure() -> None:
    stated = claim("injured", 2, "a", speaker="police", published="2016-06-10")
    told = replace(claim("injured", 1, "b", speaker="police", published="2017-01-12"),
                   extractor="counts.single_victims.v1")
    assert reconcile("injured", [stated, told]).best == 2
    # a later stated figure still revises it, and more victims told one by one can
    restated = replace(told, extractor="counts.numeric_subject.v1")
    assert reconcile("injured", [stated, restated]).best == 1
    more = replace(told, value=3)
    assert reconcile("injured", [stated, more]).best == 3
