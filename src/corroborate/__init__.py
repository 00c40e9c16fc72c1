"""corroborate: many news reports about one incident in, one reconciled record out.

The public API is what ``__all__`` lists; everything else may change.
"""

from __future__ import annotations

from corroborate.engine.local import RunResult, StreamSummary, cluster_and_reconcile, run, stream
from corroborate.errors import (
    ConfigError,
    CorroborateError,
    InputError,
    MissingExtra,
    ModelNotAvailable,
    NotFound,
    StoreError,
)
from corroborate.extract.pipeline import Pipeline, analyze_reports
from corroborate.ingest.readers import read_reports
from corroborate.reconcile.incident import build_incident
from corroborate.records import (
    Attribution,
    Claim,
    Diagnostic,
    Entity,
    Fact,
    Incident,
    Place,
    Report,
    ReportAnalysis,
)
from corroborate.render import render_csv, render_json, render_markdown

__version__ = "0.1.0"

__all__ = [
    "Attribution",
    "Claim",
    "ConfigError",
    "CorroborateError",
    "Diagnostic",
    "Entity",
    "Fact",
    "Incident",
    "InputError",
    "MissingExtra",
    "ModelNotAvailable",
    "NotFound",
    "Pipeline",
    "Place",
    "Report",
    "ReportAnalysis",
    "RunResult",
    "StoreError",
    "StreamSummary",
    "__version__",
    "analyze_reports",
    "build_incident",
    "cluster_and_reconcile",
    "read_reports",
    "render_csv",
    "render_json",
    "render_markdown",
    "run",
    "stream",
]
