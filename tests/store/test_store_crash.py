"""Crash safety and concurrency: SIGKILLed writers and two writers on one store.

The worker (store_helpers.py run as a script) prints each batch's ids only after
its commit returned; those are the "acknowledged" reports that must survive.
"""

from __future__ import annotations

import json
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
import store_helpers as H

from corroborate.store import open_store

WORKER = Path(__file__).with_name("store_helpers.py")


TOTAL = 1000
BACKENDS = ["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)]


def _start(url: str, *args: str) -> subprocess.Popen[str]:
    return subprocess.Popen([sys.executable, str(WORKER), url, *args],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def _lines(stdout: str) -> list[dict]:
    # A line cut by the kill has no newline: it is not counted as acknowledged.
    return [json.loads(line) for line in stdout.splitlines(keepends=True) if line.endswith("\n")]


def _acked(lines: list[dict]) -> set[str]:
    return {rid for line in lines for rid in line.get("ack", [])}


def _url(kind: str, tmp_path: Path) -> str:
    if kind == "postgres" and not H.pg_dsn():
        pytest.skip(H.PG_SKIP)
    return H.fresh_url(kind, tmp_path)


def _check_incidents(store) -> dict[int, str]:
    """Every event has at most one incident, and each incident is whole: {event: incident}."""
    by_event: dict[int, str] = {}
    for incident in store.list_incidents(limit=10_000):
        event, count = incident.id[1:].split("-n")
        assert int(event) not in by_event, f"two incidents for event {event}: a torn update"
        by_event[int(event)] = incident.id
        assert len(incident.reports) == int(count), incident.id
        assert all(store.incident_of(r) == incident.id for r in incident.reports)
    return by_event


@pytest.mark.parametrize("kind", BACKENDS)
def test_sigkill_loses_no_acknowledged_report_and_tears_no_incident(kind, tmp_path):
    url = _url(kind, tmp_path)
    rng = random.Random(20240103)
    acked: set[str] = set()
    kills = 0
    # Fewer rounds on PostgreSQL: each commit waits for the server's fsync.
    rounds = 12 if kind == "sqlite" else 4
    try:
        for n in range(rounds):
            # Start anywhere (so kills land on fresh inserts, not idempotent replays) and
            # skip the incident work every other round (so most of the run is spent
            # inside add_analyses transactions, where a kill is most telling).
            start = rng.randrange(0, TOTAL - 600)
            mode = "all" if n % 2 == 0 else "none"
            proc = _start(url, "--start", str(start), "--end", str(TOTAL), "--batch", "7",
                          "--incidents", mode)
            # Kill after a random number of acknowledged batches, then a random instant
            # inside the next one: the point is random, but always mid-ingest, however
            # fast or loaded the machine is.
            seen = "".join(proc.stdout.readline() for _ in range(rng.randint(1, 25)))
            time.sleep(rng.uniform(0.0, 0.05))
            if proc.poll() is None:
                proc.send_signal(signal.SIGKILL)
                kills += 1
            stdout, stderr = proc.communicate(timeout=60)
            assert proc.returncode in (0, -signal.SIGKILL), stderr
            acked |= _acked(_lines(seen + stdout))
            store = open_store(url)
            try:
                assert store.integrity_check() == []
                missing = [r for r in acked if not store.has_report(r)]
                assert missing == [], f"{len(missing)} acknowledged reports lost"
                _check_incidents(store)
            finally:
                store.close()
        assert kills == rounds, "the worker finished before a kill"
        proc = _start(url, "--end", str(TOTAL), "--batch", "7")
        stdout, stderr = proc.communicate(timeout=120)
        assert proc.returncode == 0, stderr
        store = open_store(url)
        assert store.integrity_check() == []
        assert store.report_count() == TOTAL
        by_event = _check_incidents(store)
        assert sorted(by_event.values()) == [f"e{k:02d}-n{TOTAL // H.EVENTS}"
                                             for k in range(H.EVENTS)]
    finally:
        if kind == "postgres":
            H.drop(open_store(url))


@pytest.mark.parametrize("kind", BACKENDS)
def test_two_concurrent_writers_lose_nothing(kind, tmp_path):
    url = _url(kind, tmp_path)
    open_store(url).close()  # create the schema first, as a deployment would
    try:
        # Overlapping ranges: reports 400..599 are offered by both processes.
        first = _start(url, "--start", "0", "--end", "600", "--batch", "5", "--incidents", "even")
        second = _start(url, "--start", "400", "--end", str(TOTAL), "--batch", "5",
                        "--incidents", "odd")
        outputs = [p.communicate(timeout=120) for p in (first, second)]
        for proc, (_, stderr) in zip((first, second), outputs, strict=True):
            assert proc.returncode == 0, stderr
        new = [rid for stdout, _ in outputs for line in _lines(stdout)
               for rid in line.get("new", [])]
        # Each report is "newly added" for exactly one of the two writers.
        assert len(new) == len(set(new)) == TOTAL
        store = open_store(url)
        assert store.report_count() == TOTAL
        assert store.integrity_check() == []
        _check_incidents(store)
    finally:
        if kind == "postgres":
            H.drop(open_store(url))
