"""The analyst's desk in headless Chromium: navigation, highlighting, XSS safety.

Screenshots go to a pytest temporary folder whose path is printed (run with -s).
The end-to-end test ingests the seed reports into a fresh store (or reads $CORROBORATE_TEST_STORE).
"""

from __future__ import annotations

import os
import socket
import threading
import time
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import pytest

pytestmark = pytest.mark.browser

CHROMIUM = "/usr/bin/chromium"
if not Path(CHROMIUM).exists():
    pytest.skip(f"{CHROMIUM} is not installed (apt-get install chromium)", allow_module_level=True)
sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")
uvicorn = pytest.importorskip("uvicorn", reason="uvicorn is not installed")

from corroborate.api import create_app  # noqa: E402
from corroborate.api.sample import sample_store  # noqa: E402
from corroborate.records import Claim, Fact, Incident, Place, Report, ReportAnalysis  # noqa: E402

TOKEN = "desk-test-token"
LAUNCH_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
               "--disable-component-update", "--disable-sync", "--no-first-run"]
PAYLOAD_TEXT = ("Officials said 5 people died in the attack. "
                "<script>window.__pwned=1;alert(1)</script> "
                "<img src=x onerror=\"window.__pwned=2;alert(2)\"> Witnesses fled.")
PAYLOAD_OUTLET = "<img src=x onerror=alert(3)><script>window.__pwned=3</script>Evil Outlet"


def fake_ingest(store: Any, reports: Sequence[Report]) -> dict[str, Any]:
    """Store each report as its own incident with one killed claim, no NLP."""
    analyses, incidents = [], []
    for report in reports:
        start = report.text.find("5 people")
        span = (start, start + 8) if start >= 0 else (0, 1)
        claims = (
            Claim("killed", 5, report.id, span, text=report.text.split(". ")[0] + ".",
                  published=report.published, low=5, high=5),
            Claim("perpetrator", report.outlet or "?", report.id, span,
                  published=report.published),
        )
        analyses.append(ReportAnalysis(report=report, claims=claims, event_type="armed_attack"))
        incidents.append(Incident(
            id="i-" + report.id, reports=(report.id,), event_date="2024-06-01",
            place=Place(name=report.outlet, country_code="ML", lat=12.6, lon=-8.0),
            event_type="armed_attack",
            facts={"killed": Fact("killed", "single_source", best=5, low=5, high=5,
                                  conservative=5, claims=claims[:1], reports=1, sources=1,
                                  timeline=({"time": report.published, "value": 5,
                                             "report": report.id, "source": None},)),
                   "perpetrator": Fact("perpetrator", "single_source", best=report.outlet,
                                       claims=claims[1:], reports=1, sources=1)}))
    added = store.add_analyses(analyses, ingested_at="2024-06-02T00:00:00Z")
    store.replace_incidents(incidents)
    return {"added": len(added), "unchanged": len(reports) - len(added),
            "incidents": [i.id for i in incidents], "diagnostics": []}


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def run_server(app: Any) -> Iterator[str]:
    port = free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not server.started:
        if time.monotonic() > deadline:
            raise RuntimeError("uvicorn did not start within 10 s")
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)


@pytest.fixture(scope="module")
def base_url() -> Iterator[str]:
    store = sample_store()
    yield from run_server(create_app(store, ingest=fake_ingest, token=TOKEN))
    store.close()


@pytest.fixture(scope="module")
def shots(tmp_path_factory: pytest.TempPathFactory) -> Path:
    # pytest keeps the last few runs' temp folders, so the pictures can be looked at.
    folder = tmp_path_factory.mktemp("desk-screenshots")
    print(f"\nscreenshots: {folder}")
    return folder


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with sync_api.sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=CHROMIUM, args=LAUNCH_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.errors = []  # type: ignore[attr-defined]
    page.on("pageerror", lambda exc: page.errors.append(str(exc)))
    yield page
    context.close()


def test_list_incident_click_value_highlights_source(page: Any, base_url: str,
                                                     shots: Path) -> None:
    page.goto(base_url + "/")
    page.wait_for_selector("#incident-table")
    page.screenshot(path=str(shots / "1-list.png"), full_page=True)
    page.click("text=Explosion in Kerman")
    page.wait_for_selector("#matrix")
    page.wait_for_selector("#map path.focus")
    # contested facts come first in the facts table
    first_fact = page.locator("#facts-table tbody tr").first
    assert "contested" in first_fact.inner_text()
    page.screenshot(path=str(shots / "2-incident.png"), full_page=True)
    page.locator("#matrix button.claim", has_text="84").click()
    mark = page.locator("#report-text mark.span")
    mark.wait_for()
    assert mark.is_visible()
    assert mark.inner_text() == "rose to 84"
    sentence = page.locator("#report-text mark.sentence").inner_text()
    assert sentence.startswith("The death toll from the Kerman market blasts")
    page.screenshot(path=str(shots / "3-source.png"), full_page=True)
    assert page.errors == []


def test_filter_by_status(page: Any, base_url: str) -> None:
    page.goto(base_url + "/#/?status=contested")
    page.wait_for_selector("#incident-table")
    titles = page.locator("#incident-table a.incident-link").all_inner_texts()
    assert any("Kerman" in t for t in titles)
    assert not any("Lyon" in t for t in titles)


def test_hostile_report_is_shown_as_text_and_nothing_runs(page: Any, base_url: str,
                                                          shots: Path) -> None:
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.goto(base_url + "/#/add")
    page.wait_for_selector("#add-form button.primary:not([disabled])")
    page.fill("input[name=token]", TOKEN)
    page.fill("textarea[name=text]", PAYLOAD_TEXT)
    page.fill("input[name=outlet]", PAYLOAD_OUTLET)
    page.fill("input[name=title]", "\"><svg onload=alert(4)>")
    page.click("#add-form button.primary")
    link = page.locator("#add-result a").first
    link.wait_for()
    link.click()
    page.wait_for_selector("#matrix")
    page.locator("#matrix button.claim", has_text="5").first.click()
    page.locator("#report-text mark.span").wait_for()
    page.screenshot(path=str(shots / "4-hostile.png"), full_page=True)
    shown = page.locator("#report-text").inner_text()
    assert "<script>window.__pwned=1" in shown  # shown as text, not parsed
    assert PAYLOAD_OUTLET in page.locator("#source-panel h2").inner_text()
    page.goto(base_url + "/#/")
    page.wait_for_selector("#incident-table")
    page.wait_for_timeout(300)
    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert dialogs == []
    assert page.locator("#main script, #main img[src=x]").count() == 0


@pytest.fixture(scope="module")
def seed_store_url(tmp_path_factory: Any) -> str:
    """The two seed reports ingested into a fresh SQLite store (or $CORROBORATE_TEST_STORE)."""
    url = os.environ.get("CORROBORATE_TEST_STORE")
    if url:
        return url
    from corroborate.engine.incremental import ingest_paths
    from corroborate.eval.datasets import shared_dir

    seeds = shared_dir() / "seeds"
    if not seeds.is_dir():
        pytest.skip(f"seed reports not found in {seeds}; set CORROBORATE_SHARED")
    url = f"sqlite:///{tmp_path_factory.mktemp('seedstore') / 'seeds.db'}"
    ingest_paths(url, [seeds])
    return url


def test_real_store_end_to_end(browser: Any, shots: Path, seed_store_url: str) -> None:
    """Seeds ingested: the Kerman incident shows injured contested, each figure -> its sentence."""
    from corroborate.store import open_store

    store = open_store(seed_store_url)
    try:
        (incident,) = [i for i in store.list_incidents() if "injured" in i.facts]
        injured = incident.facts["injured"]
        assert injured.status == "contested"
        figures = sorted({str(c.value) for c in injured.claims if c.qualifier != "vague"})
        for url in run_server(create_app(store)):
            context = browser.new_context(viewport={"width": 1280, "height": 900})
            page = context.new_page()
            page.goto(url + "/")
            page.locator("#incident-table a.incident-link").first.click()
            page.wait_for_selector("#matrix")
            for figure in figures:
                button = page.locator("#matrix button.claim", has_text=figure).first
                button.click()
                mark = page.locator("#report-text mark.span")
                mark.wait_for()
                assert figure in mark.inner_text()
                page.screenshot(path=str(shots / f"5-real-store-{figure}.png"), full_page=True)
            context.close()
    finally:
        store.close()
