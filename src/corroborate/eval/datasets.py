"""Read the common-format gold datasets (../shared/datasets/<name>/)."""

from __future__ import annotations

import gzip
import json
import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from corroborate.ingest.text import compose_text, normalise_text
from corroborate.records import Report

DATASETS = ("gvc", "ecbplus", "muc4", "gvdb")


def shared_dir() -> Path:
    """The shared folder: ``$CORROBORATE_SHARED`` or ``../shared`` beside the repo."""
    env = os.environ.get("CORROBORATE_SHARED")
    if env:
        return Path(env)
    here = Path(__file__).resolve()
    for parent in here.parents:
        candidate = parent.parent / "shared"
        if (candidate / "datasets").is_dir():
            return candidate
    return Path.cwd().parent / "shared"


def datasets_dir() -> Path:
    return shared_dir() / "datasets"


def _open_jsonl(path: Path) -> Iterator[dict[str, Any]]:
    if not path.exists() and path.with_suffix(".jsonl.gz").exists():
        path = path.with_suffix(".jsonl.gz")
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                yield json.loads(line)


@dataclass(frozen=True)
class GoldIncident:
    """One gold incident of a dataset (fields as in the datasets' README)."""

    incident_id: str
    doc_ids: tuple[str, ...]
    date: str | None
    location: dict[str, Any]
    killed: int | None
    injured: int | None
    perpetrators: tuple[str, ...]
    perpetrator_confidence: str | None
    incident_type: str | None
    notes: str
    extra: dict[str, Any] = field(default_factory=dict)


def load_docs(name: str, *, root: Path | None = None) -> list[Report]:
    """Return the documents of dataset ``name`` as ``Report``s (id = doc_id)."""
    base = (root or datasets_dir()) / name
    return [
        Report(
            id=str(d["doc_id"]), text=normalise_text(compose_text(d.get("title"), d["text"])),
            source=f"{name}:{d['doc_id']}",
            url=d.get("url"), published=d.get("published"), title=d.get("title"),
            language="en",
        )
        for d in _open_jsonl(base / "docs.jsonl")
    ]


def load_incidents(name: str, *, root: Path | None = None) -> list[GoldIncident]:
    """Return the gold incidents of dataset ``name``."""
    base = (root or datasets_dir()) / name
    out = []
    for d in _open_jsonl(base / "incidents.jsonl"):
        out.append(GoldIncident(
            incident_id=str(d["incident_id"]), doc_ids=tuple(str(x) for x in d["doc_ids"]),
            date=d.get("date"), location=d.get("location") or {}, killed=d.get("killed"),
            injured=d.get("injured"), perpetrators=tuple(d.get("perpetrators") or ()),
            perpetrator_confidence=d.get("perpetrator_confidence"),
            incident_type=d.get("incident_type"), notes=d.get("notes") or "",
        ))
    return out


def load_per_doc(name: str = "gvdb", *, root: Path | None = None) -> dict[str, dict[str, Any]]:
    """Return gvdb's per-article gold (``per_doc.jsonl``) keyed by doc id."""
    base = (root or datasets_dir()) / name
    return {str(d["doc_id"]): d for d in _open_jsonl(base / "per_doc.jsonl")}
