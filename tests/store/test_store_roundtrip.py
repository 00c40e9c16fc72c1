"""Property test: any analysis and incident survives a store round trip unchanged."""

from __future__ import annotations

import uuid
from dataclasses import replace

import pytest
import store_helpers as H
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from corroborate.records import (
    QUALIFIERS,
    Attribution,
    Claim,
    Diagnostic,
    Entity,
    EntityMention,
    Fact,
    Incident,
    Link,
    Place,
    PlaceMention,
    ReferencedIncident,
    Report,
    ReportAnalysis,
)
from corroborate.records.diagnostic import CODES
from corroborate.store import open_store

KINDS = ["memory", "sqlite", pytest.param("postgres", marks=pytest.mark.postgres)]

text = st.text(max_size=40)  # any unicode: quotes, NUL, surrogates excluded by default
opt_text = st.none() | text
nums = st.floats(allow_nan=False, allow_infinity=False)
opt_num = st.none() | nums
span = st.tuples(st.integers(0, 10_000), st.integers(0, 10_000))
json_value = st.recursive(
    st.none() | st.booleans() | st.integers(-10**12, 10**12) | nums | text,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(text, inner, max_size=3),
    max_leaves=6,
)
date_text = st.none() | st.dates().map(lambda d: d.isoformat()) | text

claims = st.builds(
    Claim, slot=text, value=json_value, report=text, span=span, text=text,
    qualifier=st.sampled_from(QUALIFIERS), low=st.none() | st.integers(0, 10**6),
    high=st.none() | st.integers(0, 10**6),
    attribution=st.builds(Attribution, speaker=opt_text, role=opt_text, channel=opt_text,
                          verb=opt_text),
    published=opt_text, time_basis=st.none() | st.sampled_from(["published", "ingested"]),
    extractor=text,
)
places = st.builds(PlaceMention, text=text, span=span, name=opt_text, kind=opt_text,
                   admin1=opt_text, country_code=opt_text, lat=opt_num, lon=opt_num,
                   population=st.integers(0, 10**9), geonameid=st.none() | st.integers(0, 10**8))
referenced = st.builds(ReferencedIncident, description=text, date=date_text, place=opt_text,
                       report=text, span=span, killed=st.none() | st.integers(0, 10**5))
diagnostics = st.builds(Diagnostic, code=st.sampled_from(sorted(CODES)), report=text,
                        message=text)
framing = st.dictionaries(text, st.lists(text, max_size=3), max_size=3)

analyses = st.builds(
    ReportAnalysis,
    report=st.builds(Report, id=st.just("placeholder"), text=st.text(max_size=300),
                     source=text, outlet=opt_text, url=opt_text, published=date_text,
                     language=opt_text, title=opt_text),
    claims=st.lists(claims, max_size=4).map(tuple),
    entities=st.lists(st.builds(EntityMention, text=text, type=text, span=span,
                                title=opt_text), max_size=3).map(tuple),
    places=st.lists(places, max_size=3).map(tuple),
    referenced_incidents=st.lists(referenced, max_size=2).map(tuple),
    event_date=date_text, event_date_basis=opt_text, place=st.none() | places,
    event_type=opt_text, framing=framing, reference_date=opt_text,
    diagnostics=st.lists(diagnostics, max_size=2).map(tuple),
    pipeline=st.lists(text, max_size=3).map(tuple),
)
facts = st.builds(
    Fact, slot=st.just("x"), status=st.sampled_from(
        ["corroborated", "contested", "single_source", "revised"]),
    best=json_value, low=json_value, high=json_value, conservative=json_value,
    claims=st.lists(claims, max_size=3).map(tuple), reports=st.integers(0, 100),
    sources=st.integers(0, 100),
    timeline=st.lists(st.dictionaries(text, json_value, max_size=3), max_size=3).map(tuple),
    note=text,
)
incidents = st.builds(
    Incident, id=st.just("placeholder"), reports=st.just(()), event_date=date_text,
    place=st.builds(Place, name=opt_text, admin1=opt_text, country_code=opt_text,
                    lat=opt_num, lon=opt_num),
    event_type=opt_text,
    facts=st.dictionaries(text, facts, max_size=3).map(
        lambda d: {k: replace(f, slot=k) for k, f in d.items()}),
    entities=st.lists(st.builds(Entity, name=text, type=text,
                                aliases=st.lists(text, max_size=2).map(tuple),
                                reports=st.lists(text, max_size=2).map(tuple)),
                      max_size=3).map(tuple),
    referenced_incidents=st.lists(referenced, max_size=2).map(tuple),
    framing=st.dictionaries(text, framing, max_size=2),
    links=st.lists(st.builds(Link, a=text, b=text,
                             score=st.floats(0, 1).map(lambda x: round(x, 4)),
                             evidence=st.dictionaries(text, json_value, max_size=3)),
                   max_size=2).map(tuple),
    sources=st.dictionaries(text, text, max_size=3),
)


@pytest.fixture(scope="module", params=KINDS)
def shared_store(request, tmp_path_factory):
    # One store per backend for all examples; every example uses fresh ids.
    if request.param == "postgres" and not H.pg_dsn():
        pytest.skip(H.PG_SKIP)
    store = open_store(H.fresh_url(request.param, tmp_path_factory.mktemp("rt")))
    yield store
    H.drop(store)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(analysis=analyses, incident=incidents)
def test_records_survive_a_store_round_trip(shared_store, analysis, incident):
    rid, iid = f"r{uuid.uuid4().hex}", f"i{uuid.uuid4().hex}"
    analysis = replace(analysis, report=replace(analysis.report, id=rid))
    incident = replace(incident, id=iid, reports=(rid,))
    assert shared_store.add_analyses([analysis], ingested_at="2024-01-01") == [rid]
    shared_store.replace_incidents([incident])
    assert shared_store.get_analysis(rid).to_dict() == analysis.to_dict()
    assert shared_store.get_incident(iid).to_dict() == incident.to_dict()
    assert next(iter(shared_store.iter_analyses([rid]))).to_dict() == analysis.to_dict()
