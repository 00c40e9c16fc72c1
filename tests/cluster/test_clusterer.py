from __future__ import annotations

import random
from dataclasses import replace

import pytest

from corroborate.cluster import (
    STRATEGY,
    ClusterConfig,
    assign_to_existing,
    cluster_analyses,
    get_strategy,
)
from corroborate.errors import ConfigError
from corroborate.records import EntityMention, ReferencedIncident, Report, ReportAnalysis


def _analysis(rid: str, text: str, *, names: tuple[str, ...] = (),
              referenced: tuple[tuple[int, int], ...] = ()) -> ReportAnalysis:
    ents = tuple(EntityMention(n, "PERSON" if " " in n else "GPE",
                               (text.index(n), text.index(n) + len(n))) for n in names)
    refs = tuple(ReferencedIncident(text[s:e], None, None, rid, (s, e)) for s, e in referenced)
    return ReportAnalysis(report=Report(id=rid, text=text), entities=ents,
                          referenced_incidents=refs)


A1 = ("Marcus Delgado, 34, was shot dead outside a bakery on Elmwood Avenue in Dayton on "
      "Saturday night. Dayton police said Delgado died at the scene.")
A2 = ("Police in Dayton identified the man killed on Elmwood Avenue as Marcus Delgado. "
      "Delgado was shot outside a bakery late Saturday, police said.")
B1 = ("Teresa Okafor, 19, was hurt by gunfire outside a gas station on Route 9 in Akron on "
      "Tuesday. Akron police are looking for the gunman who shot Okafor.")
B2 = ("A 19-year-old woman, Teresa Okafor, was shot at a Route 9 gas station in Akron on "
      "Tuesday and taken to hospital, Akron police said.")


@pytest.fixture(scope="module")
def analyses() -> list[ReportAnalysis]:
    return [
        _analysis("a1", A1, names=("Marcus Delgado", "Dayton")),
        _analysis("a2", A2, names=("Marcus Delgado", "Dayton")),
        _analysis("b1", B1, names=("Teresa Okafor", "Akron")),
        _analysis("b2", B2, names=("Teresa Okafor", "Akron")),
    ]


def test_clusterer_keeps_two_shootings_apart(analyses: list[ReportAnalysis]) -> None:
    clusters = cluster_analyses(analyses)
    assert [c.reports for c in clusters] == [("a1", "a2"), ("b1", "b2")]


def test_clusterer_links_keep_evidence(analyses: list[ReportAnalysis]) -> None:
    link = cluster_analyses(analyses)[0].links[0]
    assert (link.a, link.b) == ("a1", "a2")
    assert "delgado" in link.evidence["entities"]
    for key in ("embedding", "entities", "place", "date_gap_days", "numbers"):
        assert key in link.evidence


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_clusterer_is_order_independent(analyses: list[ReportAnalysis], seed: int) -> None:
    shuffled = list(analyses)
    random.Random(seed).shuffle(shuffled)
    assert cluster_analyses(shuffled) == cluster_analyses(analyses)


def test_clusterer_referenced_incident_does_not_pull(analyses: list[ReportAnalysis]) -> None:
    mention = ("Last month Teresa Okafor was shot at a Route 9 gas station in Akron, "
               "police said.")
    text = ("A house fire on Lake Street in Toledo killed a dog on Friday, firefighters said. "
            + mention)
    start = text.index(mention)
    other = _analysis("c1", text, names=("Teresa Okafor", "Toledo"),
                      referenced=((start, len(text)),))
    clusters = cluster_analyses([*analyses, other])
    assert ("c1",) in [c.reports for c in clusters]


def test_clusterer_assign_to_existing(analyses: list[ReportAnalysis]) -> None:
    existing = {"inc-a": analyses[:1], "inc-b": analyses[2:3]}
    fire = _analysis("f1", "A warehouse fire in Toledo burned for six hours on Monday.")
    result = assign_to_existing([analyses[1], analyses[3], fire], existing)
    assert result == {"a2": "inc-a", "b2": "inc-b", "f1": None}


def test_clusterer_registry() -> None:
    assert get_strategy(STRATEGY) is cluster_analyses
    with pytest.raises(ConfigError):
        get_strategy("corroborate.cluster.nope.v9")


def test_clusterer_empty_and_single() -> None:
    assert cluster_analyses([]) == []
    one = cluster_analyses([_analysis("z", A1)], config=ClusterConfig(use_embeddings=False))
    assert [c.reports for c in one] == [("z",)]


def test_score_missing_lead_names_evidence() -> None:
    """Two title defences by one champion: each names an opponent the other never does."""
    from corroborate.cluster.clusterer import prepare
    from corroborate.cluster.score import ScoreWeights, score_pair

    one = _analysis("k1", "Ivan Petrov beat Sam Rowe in Hamburg to keep his heavyweight title.",
                    names=("Ivan Petrov", "Sam Rowe"))
    two = _analysis("k2", "Ivan Petrov beat Leo Marsh in Hamburg to keep his heavyweight title.",
                    names=("Ivan Petrov", "Leo Marsh"))
    same = _analysis("k3", "Petrov kept the heavyweight title against Rowe in Hamburg.",
                     names=("Hamburg",))
    reports = prepare([one, two, same], ClusterConfig(use_embeddings=False))
    plain, evidence = score_pair(reports["k1"], reports["k2"], ScoreWeights())
    assert evidence["missing_names"] == ["rowe"] or evidence["missing_names"] == ["marsh"]
    penalised, _ = score_pair(reports["k1"], reports["k2"], ScoreWeights(missing_names=0.3))
    assert penalised < plain
    # k3 names no person in its lead, so nothing of it can be missing in k1.
    assert score_pair(reports["k1"], reports["k3"], ScoreWeights())[1]["missing_names"] == []


def test_salient_names_skip_credits_and_common_words() -> None:
    """Salient: heads the report or recurs; bylines and lower-cased words are not names."""
    from corroborate.cluster.features import report_features

    text = ("Police arrested a man after a shooting in Akron. By Jim Bradley. "
            "Officers said Nora Quill saw the gunman. The teen was unhurt. "
            "A witness, Ray Fenn, called 911. Quill spoke to reporters.")
    names = ("Jim Bradley", "Nora Quill", "Ray Fenn")
    ents = [*(EntityMention(n, "PERSON", (text.index(n), text.index(n) + len(n)))
              for n in names), EntityMention("The teen", "PERSON", (text.index("The teen"),
                                                                    text.index(" was unhurt")))]
    feats = report_features(ReportAnalysis(report=Report(id="s", text=text), entities=tuple(ents)))
    assert ("bradley",) in feats.lead_names and ("fenn",) in feats.lead_names
    # Quill recurs; Fenn is met once; Bradley wrote it; "teen" is a common word here.
    assert feats.salient_names == frozenset({("quill",)})


def test_score_missing_salient_names_only_without_agreement() -> None:
    """Each report is about someone the other's lead never names: penalised unless dates agree."""
    from dataclasses import replace

    from corroborate.cluster.clusterer import prepare
    from corroborate.cluster.score import ScoreWeights, score_pair

    one = _analysis("d1", "Chargers receiver Vance Hale was arrested for DUI. Hale was released.",
                    names=("Vance Hale",))
    two = _analysis("d2", "Chargers lineman Otis Brant was arrested for DUI. Brant was released.",
                    names=("Otis Brant",))
    reports = prepare([one, two], ClusterConfig(use_embeddings=False))
    off, _ = score_pair(reports["d1"], reports["d2"], ScoreWeights(missing_salient=0.0))
    on, evidence = score_pair(reports["d1"], reports["d2"], ScoreWeights(missing_salient=0.1))
    assert sorted(evidence["missing_salient_names"]) == ["brant", "hale"]
    assert on == pytest.approx(off - 0.1)
    dated = {k: replace(r, features=replace(r.features, event_day=700000))
             for k, r in reports.items()}
    agree, evidence = score_pair(dated["d1"], dated["d2"], ScoreWeights(missing_salient=0.1))
    assert evidence["missing_salient_names"] == []
    assert agree > on


class _TableScorer:
    """A stand-in scorer: 1.0 inside a group (first letter of the id), ``cross`` across."""

    def __init__(self, cross: float) -> None:
        self.cross = cross

    def __call__(self, a: str, b: str) -> float:
        return 1.0 if a[0] == b[0] else self.cross


def _two_groups_merged(cohesion: float, size: int = 5, cross: float = 0.5) -> bool:
    from itertools import combinations

    from corroborate.cluster.clusterer import merge

    ids = [f"{g}{i}" for g in "pq" for i in range(size)]
    scorer = _TableScorer(cross)
    edges = sorted(((scorer(a, b), a, b) for a, b in combinations(ids, 2)),
                   key=lambda e: (-e[0], e[1], e[2]))
    config = ClusterConfig(cohesion=cohesion, cohesion_size=5)
    groups, _ = merge(ids, edges, scorer, config)  # type: ignore[arg-type]
    return len(groups) == 1


def test_merge_keeps_two_cohesive_groups_apart() -> None:
    """Cross average 0.5 clears the threshold, but each group is far tighter inside."""
    assert _two_groups_merged(cohesion=0.0)
    assert not _two_groups_merged(cohesion=0.62)
    # Alike across as inside: one incident, merged whatever the cohesion bar.
    assert _two_groups_merged(cohesion=0.62, cross=0.9)
    # Groups below ``cohesion_size`` are too small to judge their own average.
    assert _two_groups_merged(cohesion=0.62, size=3)


def test_opening_sentence_is_never_masked_as_a_referenced_incident() -> None:
    """"Arrested in the 1967 killings" dates the report's own incident, not an older one."""
    from corroborate.cluster.features import report_features

    first = "Staunton police arrested Nora Quill in the 1967 killings of two women."
    later = " Police recalled that Ray Fenn was shot in Akron in 1980."
    text = first + later
    start = len(first) + 1
    analysis = _analysis("o", text, names=("Nora Quill", "Ray Fenn"),
                         referenced=((0, len(first)), (start, len(text))))
    feats = report_features(analysis)
    assert "quill" in feats.terms and "staunton" in feats.terms
    assert "nora quill" in feats.entities
    # The later sentence is about an older incident and stays masked.
    assert "fenn" not in feats.terms and "ray fenn" not in feats.entities


# A station's page furniture, invented: every one of its reports carries it.
_FOOTER = (" Watch Riverbend Channel Nine Nightwatch news, weather and sports. "
           "Copyright Riverbend Channel Nine Nightwatch. Spokeswoman Priya Lindqvist.")
_STATION = [  # (id, published, story): four unrelated shootings months apart
    ("s1", "2016-01-10", "Omar Feld was shot in the leg on Quarry Lane on Saturday."),
    ("s2", "2016-04-02", "A cashier named Dana Whitcombe was wounded during a robbery."),
    ("s3", "2016-07-19", "Two teenagers were hit by gunfire near Larkspur Park overnight."),
    ("s4", "2016-10-05", "Hollis Brandt died after a shooting at a Mercer Street bar."),
]


def _station_reports(outlet: str | None) -> list[ReportAnalysis]:
    return [ReportAnalysis(report=Report(id=rid, text=story + _FOOTER, published=day,
                                         url=f"https://{outlet}/news/{rid}" if outlet else None),
                           event_date=day)
            for rid, day, story in _STATION]


def test_outlet_boilerplate_is_what_an_outlet_repeats_across_months() -> None:
    from corroborate.cluster.features import outlet_boilerplate, report_features

    feats = [report_features(a) for a in _station_reports("www.riverbend9.example:80")]
    assert {f.outlet for f in feats} == {"riverbend9.example"}
    keys = outlet_boilerplate(feats, span_days=30, min_reports=3, min_share=0.5)
    found = keys["riverbend9.example"]
    assert {"riverbend", "nightwatch", "lindqvist"} <= found
    assert "whitcombe" not in found and "quarry" not in found
    # The same words within one month say nothing about the outlet's habits.
    close = [replace(f, published_day=f.published_day and 736000) for f in feats]
    assert outlet_boilerplate(close, span_days=30, min_reports=3, min_share=0.5) == {}


def test_same_outlet_boilerplate_does_not_join_unrelated_reports() -> None:
    from corroborate.cluster.clusterer import prepare
    from corroborate.cluster.score import ScoreWeights, score_pair

    config = ClusterConfig(use_embeddings=False)
    station = prepare(_station_reports("riverbend9.example"), config)
    plain, evidence = score_pair(station["s1"], station["s2"], ScoreWeights())
    assert "riverbend" in evidence["outlet_boilerplate"]
    assert "riverbend" not in evidence["shared_terms"]
    # Without an outlet nothing is known to be boilerplate, and the footer counts.
    anonymous = prepare(_station_reports(None), config)
    assert score_pair(anonymous["s1"], anonymous["s2"], ScoreWeights())[0] > plain


def _mention(text: str, name: str, kind: str = "PERSON") -> EntityMention:
    start = text.index(name)
    return EntityMention(name, kind, (start, start + len(name)))


def _dated(rid: str, text: str, day: str, names: tuple[tuple[str, str], ...], *,
           title: str | None = None, url: str | None = None) -> ReportAnalysis:
    return ReportAnalysis(report=Report(id=rid, text=text, title=title, url=url),
                          event_date=day,
                          entities=tuple(_mention(text, n, k) for n, k in names))


_SPOKESMAN_1 = ("A man was shot on Harlow Street on Friday. Officer Dale Pruitt, a Corville "
                "police spokesman, said the wounded man was driven to a clinic.")
_SPOKESMAN_2 = ("Two people were wounded outside a bar on Ninth Street. Police spokesman "
                "Dale Pruitt said no arrests were made.")


def test_officials_are_people_named_by_a_police_rank_or_as_spokesman() -> None:
    from corroborate.cluster.features import report_features

    first = report_features(_dated("p1", _SPOKESMAN_1, "2016-01-08",
                                   (("Dale Pruitt", "PERSON"),)))
    second = report_features(_dated("p2", _SPOKESMAN_2, "2016-09-02",
                                    (("Dale Pruitt", "PERSON"),)))
    assert {"dale pruitt", "pruitt"} <= first.officials
    assert {"dale pruitt", "pruitt"} <= second.officials
    # An officer the story is about (named in the title) stays evidence.
    about = report_features(_dated("p3", _SPOKESMAN_1, "2016-01-08",
                                   (("Dale Pruitt", "PERSON"),),
                                   title="Officer Pruitt suspended"))
    assert about.officials == frozenset()


def test_a_spokesman_months_apart_is_no_evidence() -> None:
    from corroborate.cluster.clusterer import prepare
    from corroborate.cluster.score import ScoreWeights, score_pair

    config = ClusterConfig(use_embeddings=False)
    far = prepare([_dated("p1", _SPOKESMAN_1, "2016-01-08", (("Dale Pruitt", "PERSON"),)),
                   _dated("p2", _SPOKESMAN_2, "2016-09-02", (("Dale Pruitt", "PERSON"),))],
                  config)
    _, evidence = score_pair(far["p1"], far["p2"], ScoreWeights())
    assert evidence["entity_overlap"] == 0.0 and "pruitt" not in evidence["shared_terms"]
    # The same day, the name keeps part of its weight (one incident's spokesman).
    near = prepare([_dated("p1", _SPOKESMAN_1, "2016-01-08", (("Dale Pruitt", "PERSON"),)),
                    _dated("p2", _SPOKESMAN_2, "2016-01-08", (("Dale Pruitt", "PERSON"),))],
                   config)
    _, evidence = score_pair(near["p1"], near["p2"], ScoreWeights())
    assert 0.0 < evidence["entity_overlap"] < 1.0


def test_sister_outlets_brand_is_no_evidence() -> None:
    from corroborate.cluster.clusterer import prepare
    from corroborate.cluster.score import ScoreWeights, score_pair

    text_a = "A boy was hurt in Lenton on Monday. Watch Kestrel 5 at six for more."
    text_b = "A woman died in Marbury on Monday. Watch Kestrel 12 at ten for more."
    config = ClusterConfig(use_embeddings=False)

    def pair(url_a: str, url_b: str) -> dict[str, object]:
        reports = prepare([
            _dated("k1", text_a, "2016-03-07", (("Kestrel", "ORG"),), url=url_a),
            _dated("k2", text_b, "2016-03-07", (("Kestrel", "ORG"),), url=url_b)], config)
        return score_pair(reports["k1"], reports["k2"], ScoreWeights())[1]

    sisters = pair("https://kestrel5lenton.example/a", "https://kestrel12marbury.example/b")
    assert "kestrel" not in sisters["shared_terms"] and sisters["entities"] == []
    unrelated = pair("https://lentonpost.example/a", "https://marburytimes.example/b")
    assert "kestrel" in unrelated["entities"]


def test_state_name_shared_by_reports_placed_in_two_states_is_no_evidence() -> None:
    from corroborate.cluster.features import WeightedReport
    from corroborate.cluster.score import ScoreWeights, score_pair

    def report(rid: str, place: tuple[str, str, str | None]) -> WeightedReport:
        from corroborate.cluster.features import ReportFeatures
        feats = ReportFeatures(id=rid, terms={}, entities=frozenset({"pennsylvania"}),
                               place=place)
        return WeightedReport(feats, {"pennsylvania": 1.0}, {"pennsylvania": 3.0}, None)

    avenue = report("s1", ("US", "Georgia", "Savannah"))
    state = report("s2", ("US", "Pennsylvania", None))
    _, evidence = score_pair(avenue, state, ScoreWeights())
    assert evidence["entities"] == [] and evidence["terms"] == 0.0
    same = score_pair(report("s3", ("US", "Pennsylvania", "Erie")), state, ScoreWeights())[1]
    assert same["entities"] == ["pennsylvania"]


def test_blocking_keys_skip_terms_and_names_no_other_report_has() -> None:
    from corroborate.cluster.blocking import block_keys
    from corroborate.cluster.features import ReportFeatures, TermStats, weigh

    def feats(rid: str, terms: dict[str, float], names: set[str]) -> ReportFeatures:
        return ReportFeatures(id=rid, terms=terms, entities=frozenset(names))

    # "zorbel" and "quint" are each in one report only: heaviest by IDF, but no
    # other report can share them, so the one key slot goes to "couch" / "watrel".
    a = feats("a", {"zorbel": 3.0, "couch": 1.0}, {"quint", "watrel"})
    b = feats("b", {"couch": 1.0, "rounds": 1.0}, {"watrel"})
    c = feats("c", {"rounds": 1.0}, set())
    stats = TermStats()
    for f in (a, b, c):
        stats.add(f)
    keys = block_keys(weigh(a, stats, None, max_terms=80), key_terms=1, key_entities=1)
    assert keys == {"t:couch", "e:watrel"}
    assert keys & block_keys(weigh(b, stats, None, max_terms=80), key_terms=1, key_entities=1)


class _PairScorer:
    """Fixed pair scores (unlisted pairs score 0)."""

    def __init__(self, scores: dict[tuple[str, str], float]) -> None:
        self.scores = scores

    def __call__(self, a: str, b: str) -> float:
        return self.scores.get((min(a, b), max(a, b)), 0.0)


def test_attach_asks_more_of_a_lone_neighbour_than_of_a_cluster() -> None:
    from corroborate.cluster.clusterer import merge

    config = ClusterConfig()
    weak = config.attach_threshold + config.attach_solo_margin / 2  # between the two bars

    def attached(scores: dict[tuple[str, str], float], ids: list[str]) -> bool:
        scorer = _PairScorer(scores)
        edges = sorted(((s, a, b) for (a, b), s in scores.items()),
                       key=lambda e: (-e[0], e[1], e[2]))
        groups, _ = merge(ids, edges, scorer, config)  # type: ignore[arg-type]
        return any("x" in g and len(g) > 1 for g in groups.values())

    # Lone x, lone y: the weak score is not enough.
    assert not attached({("x", "y"): weak}, ["x", "y"])
    # Lone x next to a two-report cluster (y1, y2) at the same average: it joins.
    assert attached({("x", "y1"): weak, ("x", "y2"): weak, ("y1", "y2"): 1.0},
                    ["x", "y1", "y2"])
    # A clearly better lone neighbour still wins.
    assert attached({("x", "y"): config.attach_threshold + 2 * config.attach_solo_margin},
                    ["x", "y"])
