"""Figures over time on real reports (GVC): revisions ordered by time, contests kept apart.

The incidents are chosen from ../shared/datasets/gvc because their articles,
published on different days, give different casualty figures: in some one source
(police) changes its figure in a later article (a revision), in others different
sources disagree (a contest). The test checks the definitions, not typed-in values.
"""

from __future__ import annotations

from collections import defaultdict

import pytest

from corroborate.eval.datasets import load_docs, load_incidents
from corroborate.reconcile.incident import build_incident

INCIDENTS = ("346085", "511436", "723643", "734157")


@pytest.fixture(scope="module")
def facts(shared, pipeline) -> list:
    gold = {g.incident_id: g for g in load_incidents("gvc")}
    wanted = {d: i for i in INCIDENTS for d in gold[i].doc_ids}
    reports = [r for r in load_docs("gvc") if r.id in wanted]
    docs = pipeline.nlp.pipe([r.text for r in reports])
    analyses = [pipeline.analyse_doc(r, d) for r, d in zip(reports, docs, strict=True)]
    by_incident = defaultdict(list)
    for a in analyses:
        by_incident[wanted[a.report.id]].append(a)
    out = []
    for members in by_incident.values():
        incident = build_incident(members)
        out += [f for slot, f in incident.facts.items() if slot in ("killed", "injured")]
    return out


def _current(fact) -> dict[str, object]:
    latest: dict[str, tuple[str, object]] = {}
    for t in fact.timeline:  # ordered by time: later entries overwrite earlier ones
        latest[t["source"]] = t["value"]
    return latest


def test_timeline_is_in_reporting_order(facts) -> None:
    for fact in facts:
        times = [t["time"] or "" for t in fact.timeline]
        assert times == sorted(times)
        assert all(t["time"] for t in fact.timeline)  # gvc articles carry a date


def test_timeline_revision_supersedes_and_contest_stays_apart(facts) -> None:
    revised = [f for f in facts if f.status == "revised"]
    contested = [f for f in facts if f.status == "contested"]
    assert revised and contested  # the chosen reports hold both kinds
    for fact in revised:
        by_source = defaultdict(list)
        for t in fact.timeline:
            by_source[t["source"]].append(t)
        changed = [s for s, ts in by_source.items() if len({t["value"] for t in ts}) > 1]
        assert changed, fact.timeline
        for source in changed:
            assert by_source[source][-1]["time"] > by_source[source][0]["time"]
            assert fact.best == by_source[source][-1]["value"]  # the latest figure wins
        assert len(set(map(str, _current(fact).values()))) == 1
    for fact in contested:
        assert len(set(map(str, _current(fact).values()))) > 1
        assert fact.low < fact.high and fact.conservative == fact.low
