"""REST API: every endpoint, its filters, and one error shape for every bad request."""

from __future__ import annotations

import json
import re
import warnings
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("starlette", reason="the web extra is not installed")
with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from starlette.testclient import TestClient

from corroborate.api import create_app
from corroborate.api.sample import sample_store
from corroborate.records import Claim, Incident, Report, ReportAnalysis

TOKEN = "s3cret-token"
AUTH = {"Authorization": f"Bearer {TOKEN}"}


class RecordingIngest:
    """Stands in for the engine: stores each report as its own one-report incident."""

    def __init__(self, fail: bool = False) -> None:
        self.calls: list[list[Report]] = []
        self.fail = fail

    def __call__(self, store: Any, reports: Sequence[Report]) -> dict[str, Any]:
        if self.fail:
            raise RuntimeError("secret internal detail")
        self.calls.append(list(reports))
        analyses = [ReportAnalysis(report=r, claims=(Claim("killed", 1, r.id, (0, 1)),))
                    for r in reports]
        added = store.add_analyses(analyses, ingested_at="2024-06-01T00:00:00Z")
        store.replace_incidents([Incident(id="i-" + r.id, reports=(r.id,)) for r in reports])
        return {"added": len(added), "unchanged": len(reports) - len(added),
                "incidents": ["i-" + r.id for r in reports], "diagnostics": []}


@pytest.fixture(params=["memory", "sqlite"])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Any]:
    url = "memory:" if request.param == "memory" else f"sqlite:///{tmp_path / 'desk.db'}"
    store = sample_store(url)
    yield store
    store.close()


def client_for(app: Any) -> TestClient:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return TestClient(app, raise_server_exceptions=False)


@pytest.fixture
def ingest() -> RecordingIngest:
    return RecordingIngest()


@pytest.fixture
def client(store: Any, ingest: RecordingIngest) -> TestClient:
    return client_for(create_app(store, ingest=ingest, token=TOKEN, max_body=20_000))


@pytest.fixture
def readonly(store: Any, ingest: RecordingIngest) -> TestClient:
    return client_for(create_app(store, ingest=ingest))


def assert_error(response: Any, status: int) -> dict[str, Any]:
    assert response.status_code == status, response.text
    body = response.json()
    assert set(body) == {"ok", "status", "error", "message"}
    assert body["ok"] is False and body["status"] == status
    assert isinstance(body["error"], str) and body["error"]
    assert len(body["message"]) > 10
    assert "default-src 'self'" in response.headers["content-security-policy"]
    return body


# ---------------------------------------------------------------- reading


def test_list_returns_summaries_newest_first(client: TestClient) -> None:
    body = client.get("/api/incidents").json()
    assert body["ok"] is True
    ids = [i["id"] for i in body["incidents"]]
    assert ids == ["i-lyon", "i-kerman"]
    kerman = body["incidents"][1]
    assert kerman["contested"] == ["killed"]
    assert kerman["headline"]["killed"]["low"] == 40
    assert kerman["reports"] == 2
    assert "Kerman" in kerman["title"]


@pytest.mark.parametrize(("query", "expected"), [
    ("country=ir", ["i-kerman"]),
    ("status=contested", ["i-kerman"]),
    ("status=single_source", ["i-lyon"]),
    ("event_type=shooting", ["i-lyon"]),
    ("date_from=2024-04", ["i-lyon"]),
    ("date_to=2024-03-31", ["i-kerman"]),
    ("q=kerman", ["i-kerman"]),
    ("q=nowhere", []),
    ("limit=1&offset=1", ["i-kerman"]),
])
def test_list_filters(client: TestClient, query: str, expected: list[str]) -> None:
    body = client.get(f"/api/incidents?{query}").json()
    assert [i["id"] for i in body["incidents"]] == expected


def test_incident_detail_has_facts_claims_timeline_reports(client: TestClient) -> None:
    body = client.get("/api/incidents/i-kerman").json()
    record = body["incident"]
    assert body["fact_order"][0] == "killed"  # contested first
    killed = record["facts"]["killed"]
    assert killed["status"] == "contested"
    assert {c["value"] for c in killed["claims"]} == {40, 84}
    assert [t["value"] for t in killed["timeline"]] == [40, 84]
    assert [r["id"] for r in body["reports"]] == ["rA", "rB"]  # by reporting time
    assert body["reports"][0]["outlet"] == "Daily Example"
    assert "text" not in body["reports"][0]
    assert body["places"][0]["name"] == "Kerman" and body["places"][0]["mentions"] == 2


def test_report_detail_spans_point_into_text(client: TestClient) -> None:
    body = client.get("/api/reports/rB").json()
    text = body["report"]["text"]
    assert body["incident"] == "i-kerman"
    assert body["report"]["time_basis"] == "published"
    for claim in body["claims"]:
        start, end = claim["span"]
        assert str(claim["value"]) in text[start:end]
        assert text[start:end] in claim["text"]
    entity = body["entities"][0]
    assert text[entity["span"][0]:entity["span"][1]] == entity["text"]


def test_openapi_describes_every_api_route(client: TestClient) -> None:
    response = client.get("/api/openapi.json")
    doc = json.loads(response.text)
    assert doc["openapi"].startswith("3.")
    app_paths = {getattr(r, "path", "") for r in client.app.routes}  # type: ignore[attr-defined]
    api_paths = {p for p in app_paths if p.startswith("/api")}
    assert api_paths == set(doc["paths"])
    refs = re.findall(r'"#/components/schemas/(\w+)"', response.text)
    assert refs and set(refs) <= set(doc["components"]["schemas"])


def test_status_tells_whether_writable(client: TestClient, readonly: TestClient) -> None:
    assert client.get("/api/status").json()["writable"] is True
    body = readonly.get("/api/status").json()
    assert body["writable"] is False and body["reports"] == 3


# ---------------------------------------------------------------- writing


def test_post_json_reports(client: TestClient, ingest: RecordingIngest) -> None:
    payload = {"reports": [{"text": "A bomb killed 2 people in Mosul.", "outlet": "X",
                            "published": "2024-06-01", "url": "https://x.test/1"}]}
    body = client.post("/api/reports", json=payload, headers=AUTH).json()
    assert body["ok"] is True and body["added"] == 1 and body["received"] == 1
    report = ingest.calls[0][0]
    assert report.outlet == "X" and report.published == "2024-06-01"
    assert report.source == "request#1"
    assert client.get(f"/api/reports/{report.id}").json()["report"]["outlet"] == "X"


def test_post_reports_bad_records_become_diagnostics(client: TestClient,
                                                     ingest: RecordingIngest) -> None:
    payload = {"reports": [{"text": "Two people died in a fire in Oslo."},
                           {"outlet": "no text here"}, {"text": "   "}]}
    body = client.post("/api/reports", json=payload, headers=AUTH).json()
    assert body["received"] == 1
    codes = sorted(d["code"] for d in body["diagnostics"])
    assert codes == ["bad_record", "empty"]
    assert any(d["report"] == "request#2" for d in body["diagnostics"])


def test_post_multipart_uploads_and_pasted_text(client: TestClient,
                                                ingest: RecordingIngest) -> None:
    jsonl = b'{"text": "Fire in Lagos killed 4.", "outlet": "L"}\nnot json\n'
    paragraphs = ["An earthquake struck near Izmir on Tuesday, injuring 12 people.",
                  "Rescue teams searched collapsed buildings through the night.",
                  "The regional governor said schools would stay closed until Friday.",
                  "Residents described walls shaking for almost a minute."]
    html = ("<html><head><title>Quake</title></head><body><article><h1>Quake</h1>"
            + "".join(f"<p>{p} {p}</p>" for p in paragraphs)
            + "</article></body></html>").encode()
    files = [("file", ("a.txt", b"Flooding in Dhaka left 9 dead.", "text/plain")),
             ("file", ("b.jsonl", jsonl, "application/jsonl")),
             ("file", ("c.html", html, "text/html"))]
    body = client.post("/api/reports", files=files,
                       data={"text": "A pasted report about a blast.", "outlet": "Paste"},
                       headers=AUTH).json()
    sent = ingest.calls[0]
    assert "Flooding in Dhaka left 9 dead." in [r.text for r in sent]
    assert any(r.outlet == "L" for r in sent)
    assert any(r.outlet == "Paste" for r in sent)
    assert any("Izmir" in r.text and "<p>" not in r.text for r in sent)
    assert [d["code"] for d in body["diagnostics"]] == ["bad_json"]


def test_readonly_server_refuses_writes(readonly: TestClient, ingest: RecordingIngest) -> None:
    body = assert_error(readonly.post("/api/reports", json={"reports": [{"text": "x"}]},
                                      headers=AUTH), 403)
    assert "token" in body["message"]
    assert ingest.calls == []


def test_internal_error_hides_details(store: Any) -> None:
    client = client_for(create_app(store, ingest=RecordingIngest(fail=True), token=TOKEN))
    response = client.post("/api/reports", json={"reports": [{"text": "Some text."}]},
                           headers=AUTH)
    body = assert_error(response, 500)
    assert "secret" not in response.text and "Traceback" not in response.text
    assert body["error"] == "internal_error"


def test_body_over_limit_is_refused_without_content_length(client: TestClient) -> None:
    def chunks() -> Iterator[bytes]:
        yield b'{"reports": [{"text": "'
        for _ in range(30):
            yield b"x" * 1000
        yield b'"}]}'

    response = client.post("/api/reports", content=chunks(),
                           headers={**AUTH, "content-type": "application/json"})
    assert_error(response, 413)


BIG = {"reports": [{"text": "word " * 10_000}]}

BAD_REQUESTS = [
    ("GET", "/api/incidents?limit=x", {}, 400),
    ("GET", "/api/incidents?limit=100000", {}, 400),
    ("GET", "/api/incidents?offset=-1", {}, 400),
    ("GET", "/api/incidents?date_from=yesterday", {}, 400),
    ("GET", "/api/incidents?date_to=2024-13-45", {}, 400),
    ("GET", "/api/incidents?country=Iran", {}, 400),
    ("GET", "/api/incidents?status=disputed", {}, 400),
    ("GET", "/api/incidents?colour=red", {}, 400),
    ("GET", "/api/incidents/nope", {}, 404),
    ("GET", "/api/incidents/..%2F..%2Fetc%2Fpasswd", {}, 404),
    ("GET", "/api/reports/nope", {}, 404),
    ("GET", "/api/reports/<script>", {}, 404),
    ("GET", "/api/nothing", {}, 404),
    ("GET", "/static/app.py", {}, 404),
    ("GET", "/static/..%2Fapp.py", {}, 404),
    ("GET", "/static/../app.py", {}, 404),
    ("DELETE", "/api/incidents", {}, 405),
    ("PUT", "/api/incidents/i-kerman", {}, 405),
    ("GET", "/api/reports", {}, 405),
    ("POST", "/api/openapi.json", {}, 405),
    ("POST", "/api/reports", {"json": {"reports": [{"text": "x"}]}}, 401),
    ("POST", "/api/reports", {"json": {"reports": []},
                              "headers": {"Authorization": "Basic abc"}}, 401),
    ("POST", "/api/reports", {"json": {"reports": [{"text": "x"}]},
                              "headers": {"Authorization": "Bearer wrong"}}, 403),
    ("POST", "/api/reports", {"content": b"{not json", "headers": {
        **AUTH, "content-type": "application/json"}}, 400),
    ("POST", "/api/reports", {"json": {"reports": []}, "headers": AUTH}, 400),
    ("POST", "/api/reports", {"json": ["a list"], "headers": AUTH}, 400),
    ("POST", "/api/reports", {"json": {"reports": [{"text": "x"}] * 501}, "headers": AUTH}, 413),
    ("POST", "/api/reports", {"json": BIG, "headers": AUTH}, 413),
    ("POST", "/api/reports", {"content": b"text", "headers": {
        **AUTH, "content-type": "text/plain"}}, 415),
    ("POST", "/api/reports", {"files": [("file", ("evil.exe", b"MZ", "x/y"))],
                              "headers": AUTH}, 400),
    ("POST", "/api/reports", {"data": {"outlet": "no text"},
                              "files": [("file", ("", b"", "application/octet-stream"))],
                              "headers": AUTH}, 400),
    ("POST", "/api/reports", {"content": b"--x\r\nbroken", "headers": {
        **AUTH, "content-type": "multipart/form-data; boundary=x"}}, 400),
]


@pytest.mark.parametrize(("method", "url", "kwargs", "status"), BAD_REQUESTS,
                         ids=[f"{m} {u[:40]} {s}" for m, u, _, s in BAD_REQUESTS])
def test_every_error_has_one_shape(client: TestClient, method: str, url: str,
                                   kwargs: dict[str, Any], status: int) -> None:
    assert_error(client.request(method, url, **kwargs), status)


def test_unauthorised_post_asks_for_bearer(client: TestClient) -> None:
    response = client.post("/api/reports", json={"reports": [{"text": "x"}]})
    assert response.headers["www-authenticate"].startswith("Bearer")


# ---------------------------------------------------------------- UI and safety


@pytest.mark.parametrize("path", ["/", "/static/app.js", "/static/app.css",
                                  "/static/countries.json", "/api/incidents"])
def test_security_headers_everywhere(client: TestClient, path: str) -> None:
    response = client.get(path)
    assert response.status_code == 200
    csp = response.headers["content-security-policy"]
    assert "default-src 'self'" in csp and "'unsafe-inline'" not in csp
    assert response.headers["x-content-type-options"] == "nosniff"
    assert response.headers["x-frame-options"] == "DENY"


def test_page_has_no_inline_script_and_js_never_uses_html_sinks(client: TestClient) -> None:
    page = client.get("/").text
    scripts = re.findall(r"<script\b[^>]*>(.*?)</script>", page, flags=re.S)
    assert scripts and all(not body.strip() for body in scripts)
    assert re.search(r"\son\w+\s*=", page) is None
    assert "style=" not in page
    js = client.get("/static/app.js").text
    for sink in ("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval("):
        assert sink not in js


def test_country_outlines_are_projected_paths(client: TestClient) -> None:
    data = client.get("/static/countries.json").json()
    by_code = {c["iso2"]: c for c in data["countries"] if c["iso2"]}
    assert len(by_code) > 190
    iran = by_code["IR"]
    x0, y0, x1, y1 = iran["bbox"]
    # Kerman (57.1E, 30.3N) projected lies inside Iran's box
    assert x0 < 57.1 + 180 < x1 and y0 < 90 - 30.3 < y1
    assert iran["d"].startswith("M") and "licence" in data
