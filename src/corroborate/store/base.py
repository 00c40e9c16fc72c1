"""The store interface and what every backend shares.

A store keeps three things: report analyses (idempotent by report id),
incidents with their membership (report -> incident, at most one), and run
diagnostics. Records are kept as JSON documents (``to_dict``) next to the few
indexed columns the queries need; the helpers here compute those columns so
that every backend indexes the same way and answers the same way.
"""

from __future__ import annotations

import calendar
import hashlib
import json
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any, Protocol, runtime_checkable

from corroborate.errors import ConfigError, StoreError
from corroborate.records import Diagnostic, Incident, ReportAnalysis

# Time bases a report's time can have (see ``Claim.time_basis``).
PUBLISHED = "published"
INGESTED = "ingested"


@runtime_checkable
class Store(Protocol):
    """What the engine needs from persistence. Backends: memory, sqlite, postgres."""

    def add_analyses(self, analyses: Sequence[ReportAnalysis], *, ingested_at: str) -> list[str]:
        """Add analyses not stored yet (one transaction); return the ids newly added."""
        ...

    def has_report(self, report_id: str) -> bool: ...

    def get_analysis(self, report_id: str) -> ReportAnalysis:
        """Raise ``NotFound`` when the report is not stored."""
        ...

    def iter_analyses(self, report_ids: Iterable[str] | None = None) -> Iterator[ReportAnalysis]:
        """All analyses in ingest order, or the given ids in that order (NotFound if absent)."""
        ...

    def report_count(self) -> int: ...

    def report_times(self, report_ids: Iterable[str]) -> dict[str, tuple[str, str]]:
        """``{id: (time, basis)}``, basis ``published`` or ``ingested``; unknown ids left out."""
        ...

    def replace_incidents(
        self, incidents: Sequence[Incident], *, removed: Sequence[str] = ()
    ) -> None:
        """Atomically delete ``removed`` and upsert ``incidents`` with their membership."""
        ...

    def get_incident(self, incident_id: str) -> Incident: ...

    def incident_of(self, report_id: str) -> str | None: ...

    def list_incidents(
        self, *, date_from: str | None = None, date_to: str | None = None,
        country: str | None = None, event_type: str | None = None, status: str | None = None,
        q: str | None = None, limit: int = 100, offset: int = 0,
    ) -> list[Incident]: ...

    def candidate_incidents(
        self, *, date: str | None, country: str | None, window_days: int = 7
    ) -> list[str]: ...

    def add_diagnostics(self, diagnostics: Sequence[Diagnostic]) -> None: ...

    def diagnostics(self) -> list[Diagnostic]: ...

    def integrity_check(self) -> list[str]: ...

    def close(self) -> None: ...


# ---------------------------------------------------------------- documents


def dumps(doc: Mapping[str, Any]) -> str:
    """Serialise a record dict: sorted keys so equal records give equal text."""
    return json.dumps(doc, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def loads(text: str | bytes | Mapping[str, Any]) -> dict[str, Any]:
    # psycopg hands back jsonb as a dict already; TEXT columns come back as str.
    if isinstance(text, Mapping):
        return dict(text)
    return json.loads(text)


# ---------------------------------------------------------------- index columns


@dataclass(frozen=True)
class ReportRow:
    """The columns stored for one report analysis."""

    id: str
    time: str
    time_basis: str
    ingested_at: str
    search: str
    doc: str


@dataclass(frozen=True)
class IncidentRow:
    """The columns stored for one incident, plus its membership and fact statuses."""

    id: str
    event_date: str | None
    day_lo: str | None
    day_hi: str | None
    country: str | None
    event_type: str | None
    search: str
    doc: str
    reports: tuple[str, ...]
    statuses: tuple[str, ...]  # distinct statuses of its facts


def fold(text: str) -> str:
    """Case-fold and squeeze whitespace: the form search text is kept and matched in."""
    return " ".join(clean(text).casefold().split())


def clean(text: str) -> str:
    """Drop NUL characters from an index column: PostgreSQL text cannot hold them.

    Documents keep them (JSON escapes NUL), so records still round-trip exactly.
    """
    return text.replace("\x00", "")


def _clean_opt(text: str | None) -> str | None:
    return None if text is None else clean(text)


def report_row(analysis: ReportAnalysis, ingested_at: str) -> ReportRow:
    report = analysis.report
    if report.published:
        time, basis = report.published, PUBLISHED
    else:
        time, basis = ingested_at, INGESTED
    parts = [report.text, report.title or ""]
    for place in (*analysis.places, *([analysis.place] if analysis.place else [])):
        parts += [place.text, place.name or "", place.admin1 or ""]
    parts += [e.text for e in analysis.entities]
    return ReportRow(id=report.id, time=clean(time), time_basis=basis,
                     ingested_at=clean(ingested_at),
                     search=fold("\n".join(parts)), doc=dumps(analysis.to_dict()))


def incident_row(incident: Incident) -> IncidentRow:
    lo_hi = day_range(incident.event_date)
    parts = [incident.place.name or "", incident.place.admin1 or ""]
    for entity in incident.entities:
        parts += [entity.name, *entity.aliases]
    country = incident.place.country_code
    return IncidentRow(
        id=incident.id,
        event_date=_clean_opt(incident.event_date),
        day_lo=lo_hi[0] if lo_hi else None,
        day_hi=lo_hi[1] if lo_hi else None,
        country=clean(country).upper() if country else None,
        event_type=_clean_opt(incident.event_type),
        search=fold("\n".join(parts)),
        doc=dumps(incident.to_dict()),
        reports=tuple(incident.reports),
        statuses=fact_statuses(incident.to_dict()),
    )


def fact_statuses(doc: Mapping[str, Any]) -> tuple[str, ...]:
    """The distinct statuses of an incident document's facts, sorted."""
    facts = doc.get("facts") or {}
    return tuple(sorted({clean(str(f.get("status"))) for f in facts.values()}))


def day_range(value: str | None) -> tuple[str, str] | None:
    """The first and last day a date covers: ``2024-01`` -> (``2024-01-01``, ``2024-01-31``).

    Dates of lower precision than a day are kept by the records ("2024-01",
    "2024"), so queries test overlap of day ranges rather than equality.
    Unparseable values give None (such incidents match no date filter).
    """
    if not value:
        return None
    text = value.strip()[:10]
    try:
        if len(text) == 10:
            day = date.fromisoformat(text).isoformat()
            return day, day
        if len(text) == 7:
            year, month = int(text[:4]), int(text[5:7])
            last = calendar.monthrange(year, month)[1]
            return date(year, month, 1).isoformat(), date(year, month, last).isoformat()
        if len(text) == 4:
            year = int(text)
            return date(year, 1, 1).isoformat(), date(year, 12, 31).isoformat()
    except ValueError:
        return None
    return None


def window(value: str | None, days: int) -> tuple[str, str] | None:
    """The day range of ``value`` widened by ``days`` on each side."""
    lo_hi = day_range(value)
    if lo_hi is None:
        return None
    lo = date.fromisoformat(lo_hi[0]) - timedelta(days=days)
    hi = date.fromisoformat(lo_hi[1]) + timedelta(days=days)
    return lo.isoformat(), hi.isoformat()


def filter_bounds(date_from: str | None, date_to: str | None) -> tuple[str | None, str | None]:
    """Turn list filters into day bounds: ``date_to="2024-01"`` means up to 2024-01-31."""
    lo = day_range(date_from)
    hi = day_range(date_to)
    if date_from and lo is None:
        raise ConfigError(f"date_from {date_from!r} is not a date (YYYY-MM-DD, YYYY-MM or YYYY)")
    if date_to and hi is None:
        raise ConfigError(f"date_to {date_to!r} is not a date (YYYY-MM-DD, YYYY-MM or YYYY)")
    return (lo[0] if lo else None), (hi[1] if hi else None)


def query_terms(q: str | None) -> list[str]:
    """The terms of a text query; an incident must match every one."""
    return fold(q).split() if q else []


def like_pattern(term: str) -> str:
    """A LIKE pattern matching ``term`` anywhere, with LIKE's wildcards escaped."""
    escaped = term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def check_paging(limit: int, offset: int) -> None:
    if limit < 0 or offset < 0:
        raise ConfigError(f"limit and offset must be >= 0 (got limit={limit}, offset={offset})")


def diagnostic_key(diagnostic: Diagnostic) -> str:
    """What makes two diagnostics the same one: re-ingesting a file records it once."""
    text = "\x1f".join((diagnostic.code, diagnostic.report, diagnostic.message))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


# ---------------------------------------------------------------- consistency


def check_replacement(
    rows: Sequence[IncidentRow],
    removed: Sequence[str],
    owners: Mapping[str, str | None],
) -> None:
    """Refuse a ``replace_incidents`` call that would break membership; raise StoreError.

    Args:
        rows: the incidents to upsert.
        removed: the incident ids to delete.
        owners: every stored report among the rows' reports -> its incident now (or None).
    """
    touched = set(removed) | {row.id for row in rows}
    problems: list[str] = []
    ids = [row.id for row in rows]
    if len(set(ids)) != len(ids):
        problems.append("the same incident id is given twice")
    claimed: dict[str, str] = {}
    for row in rows:
        for report in row.reports:
            if report in claimed and claimed[report] != row.id:
                problems.append(f"report {report} is in incidents {claimed[report]} and {row.id}")
            claimed[report] = row.id
            owner = owners.get(report)
            if report not in owners:
                problems.append(f"incident {row.id} has report {report} that is not stored")
            elif owner is not None and owner not in touched:
                problems.append(f"report {report} already belongs to incident {owner}; "
                                f"update or remove {owner} in the same call")
    if problems:
        raise StoreError("replace_incidents refused: " + "; ".join(problems[:5]))




def membership_problems(
    incident_reports: Mapping[str, Sequence[str]],
    membership: Iterable[tuple[str, str]],
    known_reports: Iterable[str],
) -> list[str]:
    """Logical consistency between incident documents, membership rows and reports.

    Args:
        incident_reports: incident id -> the ``reports`` listed in its document.
        membership: ``(report_id, incident_id)`` rows.
        known_reports: ids of the stored reports.
    """
    problems: list[str] = []
    known = set(known_reports)
    rows: dict[str, set[str]] = {}
    owner: dict[str, str] = {}
    for report, incident in membership:
        if report in owner and owner[report] != incident:
            problems.append(f"report {report} is in incidents {owner[report]} and {incident}")
        owner[report] = incident
        rows.setdefault(incident, set()).add(report)
        if report not in known:
            problems.append(f"incident {incident} has report {report} that is not stored")
        if incident not in incident_reports:
            problems.append(f"membership row for missing incident {incident}")
    listed_in: dict[str, str] = {}
    for incident, reports in sorted(incident_reports.items()):
        if set(reports) != rows.get(incident, set()):
            problems.append(f"incident {incident} lists reports that differ from its membership")
        for report in reports:
            if report in listed_in and listed_in[report] != incident:
                problems.append(
                    f"report {report} is listed by incidents {listed_in[report]} and {incident}")
            listed_in[report] = incident
    return problems
