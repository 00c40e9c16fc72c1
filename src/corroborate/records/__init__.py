"""Records: frozen dataclasses that flow between stages. No I/O here.

Data flow: ``Report`` -> ``ReportAnalysis`` (mentions and ``Claim``s with spans)
-> ``Incident`` (reconciled ``Fact``s with every supporting and dissenting claim).
Every record serialises to plain JSON (``to_dict``) and back (``from_dict``)
without loss, so stores and exports need no knowledge of the classes.
"""

from corroborate.records.analysis import (
    EntityMention,
    PlaceMention,
    ReferencedIncident,
    ReportAnalysis,
)
from corroborate.records.claim import QUALIFIERS, Attribution, Claim
from corroborate.records.diagnostic import Diagnostic
from corroborate.records.incident import Entity, Fact, Incident, Link, Place
from corroborate.records.report import Report, report_id

__all__ = [
    "QUALIFIERS",
    "Attribution",
    "Claim",
    "Diagnostic",
    "Entity",
    "EntityMention",
    "Fact",
    "Incident",
    "Link",
    "Place",
    "PlaceMention",
    "ReferencedIncident",
    "Report",
    "ReportAnalysis",
    "report_id",
]
