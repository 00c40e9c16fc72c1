"""Parse a dataset once and keep the spaCy docs on disk (DocBin) for dev loops.

Development and eval runs re-read the same corpora many times; parsing them is
the slow part, so the docs are cached under ``$CORROBORATE_CACHE`` (default
``~/.cache/corroborate``), keyed by dataset, model and a hash of the texts.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path
from typing import Any

from corroborate.eval.datasets import load_docs
from corroborate.extract.nlp import DEFAULT_MODEL, load_nlp
from corroborate.records import Report


def cache_dir() -> Path:
    path = Path(os.environ.get("CORROBORATE_CACHE", Path.home() / ".cache" / "corroborate"))
    path.mkdir(parents=True, exist_ok=True)
    return path


def parse_reports(reports: list[Report], model: str = DEFAULT_MODEL, *,
                  key: str = "adhoc") -> list[Any]:
    """Return spaCy docs for ``reports``, from the disk cache when it matches."""
    from spacy.tokens import DocBin

    nlp = load_nlp(model)
    digest = hashlib.sha256("\x00".join(r.text for r in reports).encode()).hexdigest()[:12]
    path = cache_dir() / f"{key}-{model}-{digest}.spacy"
    if path.exists():
        return list(DocBin().from_disk(path).get_docs(nlp.vocab))
    docs = list(nlp.pipe((r.text for r in reports), batch_size=32))
    DocBin(store_user_data=False, docs=docs).to_disk(path)
    return docs


def parsed_dataset(name: str, model: str = DEFAULT_MODEL,
                   limit: int | None = None) -> list[tuple[Report, Any]]:
    """Return ``(report, doc)`` pairs for a dataset (first ``limit`` docs)."""
    reports = load_docs(name)
    if limit is not None:
        reports = reports[:limit]
    docs = parse_reports(reports, model, key=f"{name}{limit or ''}")
    return list(zip(reports, docs, strict=True))
