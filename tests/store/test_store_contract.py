"""The Store contract, run against every backend (memory, SQLite, PostgreSQL if configured)."""

from __future__ import annotations

import pytest
import store_helpers as H

from corroborate.errors import ConfigError, NotFound, StoreError
from corroborate.records import (
    Diagnostic,
    Entity,
    EntityMention,
    Fact,
    Incident,
    Place,
    PlaceMention,
    Report,
    ReportAnalysis,
)
from corroborate.store import Store, open_store

KINDS = ["memory", "sqlite", pytest.param("postgres", marks=pytest.mark.postgres)]


@pytest.fixture(params=KINDS)
def store(request, tmp_path):
    if request.param == "postgres" and not H.pg_dsn():
        pytest.skip(H.PG_SKIP)
    s = open_store(H.fresh_url(request.param, tmp_path))
    yield s
    H.drop(s)


def analysis(rid: str, text: str, *, title=None, published=None, place=None,
             entities=()) -> ReportAnalysis:
    places = ()
    if place:
        start = text.find(place)
        places = (PlaceMention(text=place, span=(start, start + len(place)), name=place),)
    mentions = tuple(EntityMention(text=e, type="ORG", span=(text.find(e), text.find(e) + len(e)))
                     for e in entities)
    return ReportAnalysis(report=Report(id=rid, text=text, title=title, published=published),
                          places=places, entities=mentions)


def incident(iid: str, reports, *, date=None, country=None, event_type=None, statuses=(),
             place=None, entities=()) -> Incident:
    facts = {f"slot{n}": Fact(slot=f"slot{n}", status=s) for n, s in enumerate(statuses)}
    return Incident(id=iid, reports=tuple(reports), event_date=date,
                    place=Place(name=place, country_code=country), event_type=event_type,
                    facts=facts, entities=tuple(Entity(name=e, type="ORG") for e in entities))


def seed_reports(store, n: int) -> list[str]:
    ids = [f"r{i}" for i in range(n)]
    store.add_analyses([analysis(r, f"Report {r} text.") for r in ids], ingested_at="2024-02-01")
    return ids


# ------------------------------------------------------------------ reports


def test_backend_implements_the_store_protocol(store):
    assert isinstance(store, Store)
    assert store.integrity_check() == [] and store.report_count() == 0


def test_add_analyses_is_idempotent_by_report_id(store):
    a, b = analysis("ra", "A bomb went off."), analysis("rb", "Gunmen attacked a bus.")
    assert store.add_analyses([a, b, a], ingested_at="2024-01-05T10:00:00Z") == ["ra", "rb"]
    assert store.add_analyses([b, analysis("rc", "Third.")], ingested_at="later") == ["rc"]
    assert store.add_analyses([], ingested_at="x") == []
    assert store.report_count() == 3
    assert store.has_report("rb") and not store.has_report("zz")


def test_get_analysis_round_trips_and_missing_raises_not_found(store):
    a = H.synthetic_analysis(7)
    store.add_analyses([a], ingested_at=H.INGESTED_AT)
    got = store.get_analysis(a.report.id)
    assert got == a and got.to_dict() == a.to_dict()
    with pytest.raises(NotFound):
        store.get_analysis("nope")
    with pytest.raises(KeyError):  # NotFound is a KeyError too
        store.get_analysis("nope")


def test_iter_analyses_keeps_ingest_order_or_the_given_order(store):
    analyses = [H.synthetic_analysis(i) for i in (5, 3, 9, 1)]
    store.add_analyses(analyses[:2], ingested_at="t1")
    store.add_analyses(analyses[2:], ingested_at="t2")
    assert [a.report.id for a in store.iter_analyses()] == [a.report.id for a in analyses]
    wanted = [analyses[3].report.id, analyses[0].report.id]
    assert [a.report.id for a in store.iter_analyses(wanted)] == wanted
    with pytest.raises(NotFound):
        list(store.iter_analyses(["missing"]))


def test_iter_analyses_pages_through_many_reports(store):
    ids = seed_reports(store, 1203)  # more than two SQL pages
    assert [a.report.id for a in store.iter_analyses()] == ids
    assert store.report_count() == 1203


def test_report_times_use_published_else_ingest_time(store):
    store.add_analyses([analysis("p", "Published one.", published="2024-01-03T08:00:00Z"),
                        analysis("u", "Undated one.")], ingested_at="2024-01-04T09:30:00Z")
    assert store.report_times(["p", "u", "missing"]) == {
        "p": ("2024-01-03T08:00:00Z", "published"),
        "u": ("2024-01-04T09:30:00Z", "ingested"),
    }
    # A re-ingest does not move the recorded time: the first sighting counts.
    store.add_analyses([analysis("u", "Undated one.")], ingested_at="2030-01-01")
    assert store.report_times(["u"])["u"] == ("2024-01-04T09:30:00Z", "ingested")


# ------------------------------------------------------------------ incidents


def test_replace_incidents_upserts_with_membership(store):
    seed_reports(store, 4)
    store.replace_incidents([incident("i1", ["r0", "r1"]), incident("i2", ["r2"])])
    assert store.get_incident("i1").reports == ("r0", "r1")
    assert [store.incident_of(r) for r in ("r0", "r1", "r2", "r3")] == ["i1", "i1", "i2", None]
    # Update: r1 moves to i2 in the same call, i1 shrinks.
    store.replace_incidents([incident("i1", ["r0"]), incident("i2", ["r1", "r2", "r3"])])
    assert store.incident_of("r1") == "i2" and store.incident_of("r3") == "i2"
    assert store.integrity_check() == []


def test_replace_incidents_removes_and_adds_in_one_call(store):
    seed_reports(store, 3)
    store.replace_incidents([incident("a", ["r0"]), incident("b", ["r1", "r2"])])
    store.replace_incidents([incident("ab", ["r0", "r1", "r2"])], removed=["a", "b"])
    assert [i.id for i in store.list_incidents()] == ["ab"]
    assert {store.incident_of(r) for r in ("r0", "r1", "r2")} == {"ab"}
    with pytest.raises(NotFound):
        store.get_incident("a")
    store.replace_incidents([], removed=["ab"])
    assert store.list_incidents() == [] and store.incident_of("r0") is None
    assert store.integrity_check() == []


@pytest.mark.parametrize("bad", ["owned_elsewhere", "unknown_report", "twice_in_call"])
def test_refused_replacement_changes_nothing(store, bad):
    seed_reports(store, 3)
    store.replace_incidents([incident("keep", ["r0"]), incident("old", ["r1"])])
    before = [i.to_dict() for i in store.list_incidents()]
    batch = {
        "owned_elsewhere": [incident("new", ["r2", "r0"])],
        "unknown_report": [incident("new", ["r2", "ghost"])],
        "twice_in_call": [incident("new", ["r2"]), incident("new2", ["r2"])],
    }[bad]
    with pytest.raises(StoreError):
        store.replace_incidents(batch, removed=["old"])
    assert [i.to_dict() for i in store.list_incidents()] == before
    assert store.incident_of("r1") == "old" and store.incident_of("r2") is None
    assert store.integrity_check() == []


def test_get_incident_missing_raises_not_found(store):
    with pytest.raises(NotFound):
        store.get_incident("nope")


def test_list_incidents_orders_by_date_desc_then_id_undated_last(store):
    seed_reports(store, 5)
    store.replace_incidents([
        incident("b", ["r0"], date="2024-01-03"), incident("a", ["r1"], date="2024-01-03"),
        incident("c", ["r2"], date="2024-02-01"), incident("z", ["r3"]),
        incident("y", ["r4"], date="2023-12-31"),
    ])
    assert [i.id for i in store.list_incidents()] == ["c", "a", "b", "y", "z"]
    assert [i.id for i in store.list_incidents(limit=2, offset=1)] == ["a", "b"]
    assert store.list_incidents(limit=0) == []
    with pytest.raises(ConfigError):
        store.list_incidents(limit=-1)


def test_list_incidents_filters(store):
    seed_reports(store, 5)
    store.replace_incidents([
        incident("jan3", ["r0"], date="2024-01-03", country="IR", event_type="explosion",
                 statuses=["corroborated", "contested"]),
        incident("jan", ["r1"], date="2024-01", country="iq", event_type="shooting",
                 statuses=["single_source"]),
        incident("feb", ["r2"], date="2024-02-10", country="IR", event_type="explosion",
                 statuses=["revised"]),
        incident("nodate", ["r3"], country="IR"),
    ])

    def ids(**kw):
        return [i.id for i in store.list_incidents(**kw)]

    assert ids(date_from="2024-01-10") == ["feb", "jan"]  # month-precision overlaps
    assert ids(date_to="2024-01-02") == ["jan"]
    assert ids(date_from="2024-01-03", date_to="2024-01-03") == ["jan3", "jan"]
    assert ids(date_from="2024-02") == ["feb"]
    assert ids(country="ir") == ["feb", "jan3", "nodate"]
    assert ids(country="IQ") == ["jan"]
    assert ids(event_type="explosion", date_to="2024-01-31") == ["jan3"]
    assert ids(status="contested") == ["jan3"]
    assert ids(status="revised", country="IR") == ["feb"]
    assert ids(status="unknown") == []
    with pytest.raises(ConfigError):
        store.list_incidents(date_from="last tuesday")


def test_list_incidents_text_search(store):
    store.add_analyses([
        analysis("k1", "Twin blasts near the shrine killed dozens.", title="Kerman Attack",
                 place="shrine", entities=["Red Crescent"]),
        analysis("k2", "Officials said 84 died; 100% of roads closed_off."),
        analysis("m1", "A car bomb in the old city.", place="Mosul"),
    ], ingested_at="2024-01-04")
    store.replace_incidents([
        incident("kerman", ["k1", "k2"], date="2024-01-03", place="Kerman"),
        incident("mosul", ["m1"], date="2024-01-01", entities=["Nineveh Police"]),
    ])

    def ids(q):
        return [i.id for i in store.list_incidents(q=q)]

    assert ids("TWIN blasts") == ["kerman"]           # report text, case-insensitive
    assert ids("kerman attack") == ["kerman"]         # title and incident place
    assert ids("red crescent") == ["kerman"]          # entity mention
    assert ids("mosul") == ["mosul"]                  # place mention
    assert ids("nineveh") == ["mosul"]                # incident entity
    assert ids("twin mosul") == []                    # every term must match
    # LIKE wildcards in a query are literal characters.
    assert ids("ro%ds") == [] and ids("84_died") == []
    assert ids("100%") == ["kerman"] and ids("closed_off") == ["kerman"]
    assert ids("") == ["kerman", "mosul"]


def test_candidate_incidents_blocks_by_date_window_and_country(store):
    seed_reports(store, 6)
    store.replace_incidents([
        incident("near", ["r0"], date="2024-01-05", country="IR"),
        incident("edge", ["r1"], date="2024-01-17", country="IR"),
        incident("far", ["r2"], date="2024-01-18", country="IR"),
        incident("other", ["r3"], date="2024-01-10", country="IQ"),
        incident("undated", ["r4"], country="IR"),
        incident("nowhere", ["r5"], date="2024-01-09"),
    ])
    assert store.candidate_incidents(date="2024-01-10", country="IR") == [
        "edge", "near", "nowhere", "undated"]
    # Undated incidents (and those of unknown country) cannot be ruled out: they stay.
    assert store.candidate_incidents(date="2024-01-10", country=None, window_days=0) == [
        "other", "undated"]
    assert store.candidate_incidents(date=None, country="IQ") == ["nowhere", "other"]
    assert len(store.candidate_incidents(date=None, country=None)) == 6


def test_candidate_window_is_exact_in_days(store):
    seed_reports(store, 3)
    store.replace_incidents([incident("d0", ["r0"], date="2024-01-10"),
                             incident("d1", ["r1"], date="2024-01-11"),
                             incident("m", ["r2"], date="2024-02")])
    assert store.candidate_incidents(date="2024-01-10", country=None, window_days=0) == ["d0"]
    assert store.candidate_incidents(date="2024-01-10", country=None, window_days=1) == [
        "d0", "d1"]
    assert store.candidate_incidents(date="2024-01-25", country=None, window_days=7) == ["m"]


# ------------------------------------------------------------------ diagnostics


def test_diagnostics_keep_order_and_are_recorded_once(store):
    d1 = Diagnostic("empty", "a.txt", "the input has no text")
    d2 = Diagnostic("bad_json", "x.jsonl#3", "line 3 is not JSON " + "x" * 5000)
    store.add_diagnostics([d1, d2])
    store.add_diagnostics([d1, Diagnostic("empty", "b.txt", "the input has no text")])
    assert store.diagnostics() == [d1, d2, Diagnostic("empty", "b.txt", "the input has no text")]


def test_integrity_check_is_clean_on_a_populated_store(store):
    analyses = [H.synthetic_analysis(i) for i in range(120)]
    store.add_analyses(analyses, ingested_at=H.INGESTED_AT)
    by_key: dict[int, list] = {}
    for i, a in enumerate(analyses):
        by_key.setdefault(H.event_of(i), []).append(a)
    store.replace_incidents([H.synthetic_incident(k, v) for k, v in by_key.items()])
    assert store.integrity_check() == []
    assert len(store.list_incidents(limit=1000)) == H.EVENTS


def test_synthetic_queries_match_a_brute_force_oracle(store):
    analyses = [H.synthetic_analysis(i) for i in range(200)]
    store.add_analyses(analyses, ingested_at=H.INGESTED_AT)
    by_key: dict[int, list] = {}
    for i, a in enumerate(analyses):
        by_key.setdefault(H.event_of(i), []).append(a)
    incidents = [H.synthetic_incident(k, v) for k, v in by_key.items()]
    store.replace_incidents(incidents)
    texts = {i.id: " ".join(a.report.text.lower() for a in by_key[int(i.id[1:3])])
             for i in incidents}
    ordered = sorted(sorted(incidents, key=lambda i: i.id), key=lambda i: i.event_date,
                     reverse=True)
    queries = [
        ({"country": "PK"}, lambda i: i.place.country_code == "PK"),
        ({"date_from": "2024-02-01", "date_to": "2024-03-15"},
         lambda i: "2024-02-01" <= i.event_date <= "2024-03-15"),
        ({"event_type": "airstrike", "status": "contested"},
         lambda i: i.event_type == "airstrike" and i.facts["killed"].status == "contested"),
        ({"q": "drone quetta"}, lambda i: "drone" in texts[i.id] and "quetta" in texts[i.id]),
        ({"q": "amina reuters"}, lambda i: "amina" in texts[i.id]),
    ]
    for kwargs, keep in queries:
        expected = [i.id for i in ordered if keep(i)]
        assert expected, kwargs  # a query matching nothing would test nothing
        assert [i.id for i in store.list_incidents(limit=1000, **kwargs)] == expected, kwargs
