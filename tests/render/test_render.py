from __future__ import annotations

import csv
import io
import json

import pytest

from corroborate.records import Attribution, Claim, Fact, Incident, Place, Report
from corroborate.render import get_renderer, render_csv, render_json, render_markdown
from corroborate.render.export import export_incidents


@pytest.fixture
def incident() -> tuple[list[Report], Incident]:
    reports = [Report(id="ra", text="x", outlet="Outlet | A"), Report(id="rb", text="y")]
    claims = (Claim(slot="injured", value=12, report="ra", span=(0, 5), text="12 hurt",
                    qualifier="at_least"),
              Claim(slot="injured", value=15, report="rb", span=(3, 9), text="15 hurt",
                    attribution=Attribution(speaker="Police", channel="AP")))
    fact = Fact(slot="injured", status="contested", best=15, low=12, high=15, conservative=12,
                claims=claims, reports=2, sources=2)
    killed = Fact(slot="killed", status="corroborated", best=2, low=2, high=2, conservative=2,
                  reports=2, sources=2)
    inc = Incident(id="i1", reports=("ra", "rb"), event_date="2024-05-01",
                   place=Place(name="Springfield", admin1="Illinois", country_code="US",
                               lat=39.8, lon=-89.6),
                   facts={"injured": fact, "killed": killed})
    return reports, inc


def test_render_csv_one_row_per_incident_with_conservative_fatalities(incident) -> None:
    reports, inc = incident
    rows = list(csv.DictReader(io.StringIO(render_csv(reports, [inc]))))
    assert len(rows) == 1
    row = rows[0]
    assert (row["fatalities"], row["injured"], row["injured_low"], row["injured_high"]) == \
        ("2", "12", "12", "15")
    assert row["injured_status"] == "contested" and row["country_code"] == "US"


def test_render_markdown_lists_contested_first_and_cites_speakers(incident) -> None:
    reports, inc = incident
    text = render_markdown(reports, [inc])
    assert text.index("### injured") < text.index("### killed")
    assert "Police via AP" in text and "Outlet \\| A" in text


def test_render_json_round_trips(incident) -> None:
    reports, inc = incident
    doc = json.loads(render_json(reports, [inc], []))
    assert Incident.from_dict(doc["incidents"][0]) == inc


def test_render_geojson_and_parquet(incident) -> None:
    reports, inc = incident
    geo = json.loads(export_incidents([inc], reports, [], fmt="geojson"))
    assert geo["features"][0]["geometry"]["coordinates"] == [-89.6, 39.8]
    pq = pytest.importorskip("pyarrow.parquet")
    data = export_incidents([inc], reports, [], fmt="parquet")
    table = pq.read_table(io.BytesIO(data))
    assert table.column("fatalities").to_pylist() == [2]


def test_render_unknown_format_says_what_exists() -> None:
    from corroborate.errors import ConfigError

    with pytest.raises(ConfigError, match="json"):
        get_renderer("xml")
