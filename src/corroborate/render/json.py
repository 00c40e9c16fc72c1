"""The JSON contract (``schema: corroborate/1``; see docs/json-contract.md)."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from corroborate.records import Diagnostic, Incident, Report

SCHEMA = "corroborate/1"


def report_entry(report: Report) -> dict[str, Any]:
    return {"id": report.id, "source": report.source, "outlet": report.outlet,
            "published": report.published, "language": report.language,
            "url": report.url, "title": report.title}


def to_document(reports: Sequence[Report], incidents: Sequence[Incident],
                diagnostics: Sequence[Diagnostic], *,
                pipeline: Sequence[str] = ()) -> dict[str, Any]:
    """The whole run as one JSON-ready dict, in a stable order."""
    return {
        "schema": SCHEMA,
        "pipeline": list(pipeline),
        "reports": [report_entry(r) for r in sorted(reports, key=lambda r: r.id)],
        "incidents": [i.to_dict() for i in incidents],
        "diagnostics": [d.to_dict() for d in diagnostics],
    }


def render_json(reports: Sequence[Report], incidents: Sequence[Incident],
                diagnostics: Sequence[Diagnostic], *, pipeline: Sequence[str] = ()) -> str:
    """Byte-stable JSON: same input and config, same bytes."""
    doc = to_document(reports, incidents, diagnostics, pipeline=pipeline)
    return json.dumps(doc, ensure_ascii=False, indent=2, sort_keys=False) + "\n"
