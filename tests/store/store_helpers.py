"""Helpers for the store tests: backends, synthetic analyses, and an ingest worker.

Run as a script it is the worker the crash and concurrency tests start:

    python store_helpers.py URL --start 0 --end 1000 --batch 7 --incidents all

It ingests synthetic reports ``start..end-1`` in batches, one transaction per
batch, and prints one JSON line per batch *after* the commit returned
(``{"ack": [...ids], "new": [...ids newly added]}``), then, when asked, rebuilds
the incidents the batch touched in one ``replace_incidents`` call and prints
``{"incidents": [...ids]}``. Incident ids carry their report count
(``e07-n12``), so every update removes the old id and adds a new one: a crash
between the two would leave two incidents for one event, which the tests catch.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import uuid
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

from corroborate.records import (
    Attribution,
    Claim,
    EntityMention,
    Fact,
    Incident,
    Place,
    PlaceMention,
    Report,
    ReportAnalysis,
    report_id,
)

EVENTS = 50  # synthetic report i is about event i % EVENTS
INGESTED_AT = "2024-02-01T00:00:00+00:00"
PG_ENV = "CORROBORATE_PG_DSN"
PG_SKIP = (f"PostgreSQL tests need {PG_ENV} (e.g. export {PG_ENV}=\"$(bash "
           ".ci/postgres-setup.sh)\" as root)")

# (city, admin1, country, lat, lon) — written for these tests.
CITIES = [
    ("Kerman", "Kerman", "IR", 30.28, 57.08),
    ("Mosul", "Nineveh", "IQ", 36.34, 43.13),
    ("Kabul", "Kabul", "AF", 34.53, 69.17),
    ("Peshawar", "Khyber Pakhtunkhwa", "PK", 34.01, 71.58),
    ("Maiduguri", "Borno", "NG", 11.85, 13.16),
    ("Mogadishu", "Banaadir", "SO", 2.04, 45.34),
    ("Quetta", "Balochistan", "PK", 30.18, 66.98),
]
ATTACKS = [
    ("a car bomb exploded", "explosion"),
    ("a suicide bomber blew himself up", "suicide_bombing"),
    ("gunmen opened fire", "shooting"),
    ("a roadside bomb went off", "explosion"),
    ("a drone strike hit", "airstrike"),
]
SPEAKERS = [
    ("Reza Karimi", "the provincial governor", "IRNA"),
    ("Amina Yusuf", "a police spokeswoman", "Reuters"),
    ("Omar Haddad", "the health ministry spokesman", "state television"),
    ("Lena Morrow", "a hospital director", "AFP"),
]
OUTLETS = ["The Daily Ledger", "Frontier Post", "Gulf Observer", None]


def event_of(i: int) -> int:
    return i % EVENTS


def event_day(key: int) -> date:
    return date(2024, 1, 1) + timedelta(days=key * 3)


def synthetic_analysis(i: int) -> ReportAnalysis:
    """A small but realistic analysis of synthetic report ``i`` (deterministic)."""
    key, version = event_of(i), i // EVENTS
    city, admin1, country, lat, lon = CITIES[key % len(CITIES)]
    attack, event_type = ATTACKS[key % len(ATTACKS)]
    speaker, role, channel = SPEAKERS[i % len(SPEAKERS)]
    day = event_day(key)
    killed, injured = 8 + key + version % 4, 20 + 2 * key + version
    text = (
        f"{killed} people were killed and {injured} others wounded when {attack} near a "
        f"crowded market in {city}, {admin1} province, on {day:%A}, {speaker}, {role}, "
        f"told {channel}. Ambulances ferried the wounded to hospitals across the city, "
        f"dispatch {i} said."
    )
    rid = report_id(text)
    published = None if i % 3 == 0 else f"{day + timedelta(days=version % 3)}T0{i % 10}:15:00Z"
    report = Report(id=rid, text=text, source=f"synthetic#{i}", outlet=OUTLETS[i % 4],
                    published=published, language="en",
                    title=f"Deadly attack in {city}" if i % 2 else None)
    att = Attribution(speaker=speaker, role=role, channel=channel, verb="told")
    span = (0, text.index(" people"))
    claims = (
        Claim(slot="killed", value=killed, report=rid, span=span, text=text.split(". ")[0],
              low=killed, high=killed, attribution=att, published=published,
              time_basis="published" if published else "ingested", extractor="synthetic/1"),
        Claim(slot="injured", value=injured, report=rid,
              span=_find(text, f"{injured} others"), qualifier="exact", low=injured,
              high=injured, attribution=att, extractor="synthetic/1"),
    )
    start = text.index(city)
    place = PlaceMention(text=city, span=(start, start + len(city)), name=city, kind="city",
                         admin1=admin1, country_code=country, lat=lat, lon=lon,
                         population=500_000 + key)
    entities = (EntityMention(text=speaker, type="PERSON", span=_find(text, speaker)),
                EntityMention(text=channel, type="ORG", span=_find(text, channel)))
    return ReportAnalysis(
        report=report, claims=claims, entities=entities, places=(place,), place=place,
        event_date=day.isoformat(), event_date_basis="relative:published",
        event_type=event_type, framing={"attack": ["attack"]},
        reference_date=published[:10] if published else None, pipeline=("synthetic/1",),
    )


def synthetic_incident(key: int, analyses: list[ReportAnalysis]) -> Incident:
    """The incident of event ``key`` built from its stored analyses."""
    first = analyses[0]
    place = first.place
    counts = sorted(c.value for a in analyses for c in a.claims_for("killed"))
    status = "single_source" if len(analyses) == 1 else (
        "corroborated" if counts[0] == counts[-1] else "contested")
    fact = Fact(slot="killed", status=status, best=counts[len(counts) // 2], low=counts[0],
                high=counts[-1], conservative=counts[0], reports=len(analyses),
                sources=len({c.attribution.source_key for a in analyses
                             for c in a.claims_for("killed")}))
    return Incident(
        id=f"e{key:02d}-n{len(analyses)}",
        reports=tuple(sorted(a.report.id for a in analyses)),
        event_date=first.event_date,
        place=Place(name=place.name, admin1=place.admin1, country_code=place.country_code,
                    lat=place.lat, lon=place.lon) if place else Place(),
        event_type=first.event_type,
        facts={"killed": fact},
    )


def _find(text: str, needle: str) -> tuple[int, int]:
    start = text.index(needle)
    return start, start + len(needle)


# ------------------------------------------------------------------ backends


def pg_dsn() -> str | None:
    return os.environ.get(PG_ENV) or None


def fresh_url(kind: str, tmp_path: Path) -> str:
    """A store URL nobody used before: a new SQLite file or a new PostgreSQL schema."""
    if kind == "memory":
        return "memory:"
    if kind == "sqlite":
        return f"sqlite:///{tmp_path / f'store-{uuid.uuid4().hex[:8]}.db'}"
    dsn = pg_dsn()
    if not dsn:
        raise RuntimeError(PG_SKIP)
    sep = "&" if "?" in dsn else "?"
    return f"{dsn}{sep}schema=t_{os.getpid()}_{uuid.uuid4().hex[:10]}"


def drop(store: object) -> None:
    """Close a store, dropping its PostgreSQL schema so test runs leave nothing behind."""
    drop_schema = getattr(store, "drop_schema", None)
    if drop_schema is not None:
        drop_schema()
    store.close()  # type: ignore[attr-defined]


# ------------------------------------------------------------------ worker


def _batches(start: int, end: int, size: int) -> Iterator[list[int]]:
    for lo in range(start, end, size):
        yield list(range(lo, min(end, lo + size)))


def _wanted(key: int, mode: str) -> bool:
    if mode in ("all", "none"):
        return mode == "all"
    return (key % 2 == 0) == (mode == "even")


def _rebuild(store, keys: set[int], by_key: dict[int, list[ReportAnalysis]]) -> list[str]:
    incidents, removed = [], set()
    for key in sorted(keys):
        # Stored reports only: the other writer or an earlier run may have added some.
        stored = store.report_times([a.report.id for a in by_key[key]])  # one query
        analyses = [a for a in by_key[key] if a.report.id in stored]
        if not analyses:
            continue
        members = [a.report.id for a in analyses]
        incident = synthetic_incident(key, analyses)
        removed |= {store.incident_of(r) for r in members} - {None, incident.id}
        incidents.append(incident)
    store.replace_incidents(incidents, removed=sorted(removed))
    return [i.id for i in incidents]


def main(argv: list[str] | None = None) -> int:
    from corroborate.store import open_store

    parser = argparse.ArgumentParser()
    parser.add_argument("url")
    parser.add_argument("--start", type=int, default=0)
    parser.add_argument("--end", type=int, default=1000)
    parser.add_argument("--batch", type=int, default=7)
    parser.add_argument("--incidents", choices=("all", "even", "odd", "none"), default="all")
    args = parser.parse_args(argv)
    by_key: dict[int, list[ReportAnalysis]] = {}
    for i in range(args.end):
        by_key.setdefault(event_of(i), []).append(synthetic_analysis(i))
    store = open_store(args.url)
    for batch in _batches(args.start, args.end, args.batch):
        analyses = [synthetic_analysis(i) for i in batch]
        new = store.add_analyses(analyses, ingested_at=INGESTED_AT)
        print(json.dumps({"ack": [a.report.id for a in analyses], "new": new}), flush=True)
        keys = {event_of(i) for i in batch if _wanted(event_of(i), args.incidents)}
        if keys:
            print(json.dumps({"incidents": _rebuild(store, keys, by_key)}), flush=True)
    store.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
