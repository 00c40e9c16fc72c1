"""An in-memory store: the SQL stores' twin for unit tests and one-shot runs.

It keeps the same JSON documents and index rows as the SQL backends (so a
record that does not serialise fails here too) and answers every query the
same way, in the same order.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable, Iterator, Sequence

from corroborate.errors import NotFound
from corroborate.records import Diagnostic, Incident, ReportAnalysis
from corroborate.store import base


class MemoryStore:
    """A store that lives as long as the object."""

    dialect = "memory"

    def __init__(self) -> None:
        self._lock = threading.RLock()
        self._reports: dict[str, base.ReportRow] = {}  # insertion order = ingest order
        self._incidents: dict[str, base.IncidentRow] = {}
        self._owner: dict[str, str] = {}  # report id -> incident id
        self._diagnostics: dict[str, Diagnostic] = {}

    def __repr__(self) -> str:
        return "MemoryStore()"

    # -------------------------------------------------------- reports

    def add_analyses(self, analyses: Sequence[ReportAnalysis], *, ingested_at: str) -> list[str]:
        rows = [base.report_row(a, ingested_at) for a in analyses]
        added: list[str] = []
        with self._lock:
            for row in rows:
                if row.id not in self._reports:
                    self._reports[row.id] = row
                    added.append(row.id)
        return added

    def has_report(self, report_id: str) -> bool:
        return report_id in self._reports

    def get_analysis(self, report_id: str) -> ReportAnalysis:
        row = self._reports.get(report_id)
        if row is None:
            raise NotFound(f"no report with id {report_id!r}")
        return ReportAnalysis.from_dict(base.loads(row.doc))

    def iter_analyses(self, report_ids: Iterable[str] | None = None) -> Iterator[ReportAnalysis]:
        with self._lock:
            ids = list(self._reports) if report_ids is None else None
        for report_id in ids if ids is not None else report_ids or ():
            yield self.get_analysis(report_id)

    def report_count(self) -> int:
        return len(self._reports)

    def report_times(self, report_ids: Iterable[str]) -> dict[str, tuple[str, str]]:
        rows = (self._reports.get(rid) for rid in report_ids)
        return {row.id: (row.time, row.time_basis) for row in rows if row is not None}

    # -------------------------------------------------------- incidents

    def replace_incidents(
        self, incidents: Sequence[Incident], *, removed: Sequence[str] = ()
    ) -> None:
        rows = [base.incident_row(i) for i in incidents]
        with self._lock:
            wanted = {r for row in rows for r in row.reports}
            owners = {r: self._owner.get(r) for r in wanted if r in self._reports}
            base.check_replacement(rows, removed, owners)
            # Validated above, so nothing below can fail half-way.
            for incident_id in {*removed, *(row.id for row in rows)}:
                old = self._incidents.pop(incident_id, None)
                for report in old.reports if old else ():
                    self._owner.pop(report, None)
            for row in rows:
                self._incidents[row.id] = row
                for report in row.reports:
                    self._owner[report] = row.id

    def get_incident(self, incident_id: str) -> Incident:
        row = self._incidents.get(incident_id)
        if row is None:
            raise NotFound(f"no incident with id {incident_id!r}")
        return Incident.from_dict(base.loads(row.doc))

    def incident_of(self, report_id: str) -> str | None:
        return self._owner.get(report_id)

    def list_incidents(
        self, *, date_from: str | None = None, date_to: str | None = None,
        country: str | None = None, event_type: str | None = None, status: str | None = None,
        q: str | None = None, limit: int = 100, offset: int = 0,
    ) -> list[Incident]:
        base.check_paging(limit, offset)
        lo, hi = base.filter_bounds(date_from, date_to)
        terms = base.query_terms(q)
        with self._lock:
            rows = [row for row in self._incidents.values()
                    if _in_range(row, lo, hi)
                    and (not country or row.country == country.upper())
                    and (not event_type or row.event_type == event_type)
                    and (not status or status in row.statuses)
                    and all(self._mentions(row, term) for term in terms)]
        rows = _ordered(rows)[offset:offset + limit]
        return [Incident.from_dict(base.loads(row.doc)) for row in rows]

    def candidate_incidents(
        self, *, date: str | None, country: str | None, window_days: int = 7
    ) -> list[str]:
        span = base.window(date, window_days)
        with self._lock:
            rows = list(self._incidents.values())
        keep = [row.id for row in rows
                if (span is None or row.day_lo is None or _in_range(row, *span))
                and (not country or row.country is None or row.country == country.upper())]
        return sorted(keep)

    def _mentions(self, row: base.IncidentRow, term: str) -> bool:
        if term in row.search:
            return True
        return any(term in self._reports[r].search for r in row.reports if r in self._reports)

    # -------------------------------------------------------- diagnostics

    def add_diagnostics(self, diagnostics: Sequence[Diagnostic]) -> None:
        with self._lock:
            for d in diagnostics:
                self._diagnostics.setdefault(base.diagnostic_key(d), d)

    def diagnostics(self) -> list[Diagnostic]:
        return list(self._diagnostics.values())

    # -------------------------------------------------------- consistency

    def integrity_check(self) -> list[str]:
        with self._lock:
            docs = {iid: list(base.loads(row.doc)["reports"])
                    for iid, row in self._incidents.items()}
            membership = list(self._owner.items())
            return base.membership_problems(docs, membership, self._reports)

    def close(self) -> None:
        """Nothing to release; kept for the Store interface."""


def _in_range(row: base.IncidentRow, lo: str | None, hi: str | None) -> bool:
    if lo is None and hi is None:
        return True
    if row.day_lo is None or row.day_hi is None:
        return False
    return (lo is None or row.day_hi >= lo) and (hi is None or row.day_lo <= hi)


def _ordered(rows: list[base.IncidentRow]) -> list[base.IncidentRow]:
    """event_date descending (undated last), then id: the SQL stores' ORDER BY."""
    rows = sorted(rows, key=lambda r: r.id)
    dated = sorted((r for r in rows if r.event_date is not None),
                   key=lambda r: r.event_date or "", reverse=True)
    return dated + [r for r in rows if r.event_date is None]
