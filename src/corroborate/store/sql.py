"""The store logic both SQL backends share; they differ only in connections and dialect.

Subclasses provide ``_write`` (run a function in one write transaction, with
their own retry rules), ``_rows`` (a read query) and the schema statements of
their dialect. SQL here is written with ``?`` placeholders; PostgreSQL's
subclass rewrites them to ``%s``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Any, Protocol, TypeVar

from corroborate.errors import NotFound, StoreError
from corroborate.records import Diagnostic, Incident, ReportAnalysis
from corroborate.store import base
from corroborate.store.migrations import Migration, all_migrations, latest_version

T = TypeVar("T")

# Rows fetched per page when iterating every analysis; bounds memory on big stores.
PAGE = 500
# Ids per IN (...) query; far below SQLite's and PostgreSQL's parameter limits.
CHUNK = 500
# Reports per multi-row INSERT (6 parameters each).
INSERT_ROWS = 100

_LIKE = "LIKE ? ESCAPE '\\'"


class Tx(Protocol):
    """What a write transaction offers the shared logic."""

    def execute(self, sql: str, params: Sequence[Any] = ()) -> Any: ...

    def executemany(self, sql: str, params: Iterable[Sequence[Any]]) -> Any: ...


class SqlStore:
    """Store operations in portable SQL. Not used directly: see SQLiteStore, PostgresStore."""

    dialect = "sql"

    # -------------------------------------------------------- subclass hooks

    def _write(self, work: Callable[[Tx], T]) -> T:
        raise NotImplementedError

    def _rows(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        raise NotImplementedError

    def _statements(self, migration: Migration) -> tuple[str, ...]:
        raise NotImplementedError

    def _lock_schema(self, tx: Tx) -> None:
        """Serialise concurrent migrators (SQLite's BEGIN IMMEDIATE already does)."""

    def close(self) -> None:
        raise NotImplementedError

    # -------------------------------------------------------- schema

    def _migrate(self) -> None:
        def work(tx: Tx) -> None:
            self._lock_schema(tx)
            tx.execute(
                "CREATE TABLE IF NOT EXISTS schema_version ("
                "version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)"
            )
            current = _scalar(tx.execute("SELECT MAX(version) FROM schema_version")) or 0
            if current > latest_version():
                raise StoreError(
                    f"the database has schema version {current} but this corroborate knows "
                    f"only up to {latest_version()}: upgrade corroborate")
            for migration in all_migrations():
                if migration.version <= current:
                    continue
                for statement in self._statements(migration):
                    tx.execute(statement)
                tx.execute(
                    "INSERT INTO schema_version (version, name, applied_at) VALUES (?, ?, ?)",
                    (migration.version, migration.name, _now()),
                )

        self._write(work)

    def schema_version(self) -> int:
        return int(self._rows("SELECT MAX(version) FROM schema_version")[0][0] or 0)

    # -------------------------------------------------------- reports

    def add_analyses(self, analyses: Sequence[ReportAnalysis], *, ingested_at: str) -> list[str]:
        rows = [base.report_row(a, ingested_at) for a in analyses]

        first: dict[str, base.ReportRow] = {}
        for row in rows:
            first.setdefault(row.id, row)  # a report twice in one call counts once
        rows = list(first.values())

        def work(tx: Tx) -> list[str]:
            # RETURNING names only the rows this statement inserted, so two
            # concurrent writers never both report a report as new.
            inserted: set[str] = set()
            for start in range(0, len(rows), INSERT_ROWS):
                chunk = rows[start:start + INSERT_ROWS]
                values = ", ".join(["(?, ?, ?, ?, ?, ?)"] * len(chunk))
                params = [v for r in chunk for v in (r.id, r.time, r.time_basis,
                                                     r.ingested_at, r.search, r.doc)]
                cursor = tx.execute(
                    "INSERT INTO reports (id, time, time_basis, ingested_at, search, doc) "
                    f"VALUES {values} ON CONFLICT (id) DO NOTHING RETURNING id", params)
                inserted |= {rid for (rid,) in cursor.fetchall()}
            return [row.id for row in rows if row.id in inserted]

        return self._write(work) if rows else []

    def has_report(self, report_id: str) -> bool:
        return bool(self._rows("SELECT 1 FROM reports WHERE id = ?", (report_id,)))

    def get_analysis(self, report_id: str) -> ReportAnalysis:
        rows = self._rows("SELECT doc FROM reports WHERE id = ?", (report_id,))
        if not rows:
            raise NotFound(f"no report with id {report_id!r}")
        return ReportAnalysis.from_dict(base.loads(rows[0][0]))

    def iter_analyses(self, report_ids: Iterable[str] | None = None) -> Iterator[ReportAnalysis]:
        if report_ids is not None:
            for report_id in report_ids:
                yield self.get_analysis(report_id)
            return
        # Keyset paging on seq: no cursor stays open across the caller's own writes.
        last = 0
        while True:
            rows = self._rows(
                "SELECT seq, doc FROM reports WHERE seq > ? ORDER BY seq LIMIT ?", (last, PAGE))
            for seq, doc in rows:
                last = seq
                yield ReportAnalysis.from_dict(base.loads(doc))
            if len(rows) < PAGE:
                return

    def report_count(self) -> int:
        return int(self._rows("SELECT COUNT(*) FROM reports")[0][0])

    def report_times(self, report_ids: Iterable[str]) -> dict[str, tuple[str, str]]:
        found: dict[str, tuple[str, str]] = {}
        for chunk in _chunks(list(dict.fromkeys(report_ids))):
            marks = ", ".join("?" * len(chunk))
            for rid, time, basis in self._rows(
                    f"SELECT id, time, time_basis FROM reports WHERE id IN ({marks})", chunk):
                found[rid] = (time, basis)
        return found

    # -------------------------------------------------------- incidents

    def replace_incidents(
        self, incidents: Sequence[Incident], *, removed: Sequence[str] = ()
    ) -> None:
        rows = [base.incident_row(i) for i in incidents]

        def work(tx: Tx) -> None:
            wanted = list(dict.fromkeys(r for row in rows for r in row.reports))
            base.check_replacement(rows, removed, _owners(tx, wanted))
            for incident_id in {*removed, *(row.id for row in rows)}:
                # Membership first: a report may move between two touched incidents.
                tx.execute("DELETE FROM memberships WHERE incident_id = ?", (incident_id,))
                tx.execute("DELETE FROM incident_statuses WHERE incident_id = ?",
                           (incident_id,))
            for incident_id in removed:
                tx.execute("DELETE FROM incidents WHERE id = ?", (incident_id,))
            for row in rows:
                _upsert_incident(tx, row)

        if rows or removed:
            self._write(work)

    def get_incident(self, incident_id: str) -> Incident:
        rows = self._rows("SELECT doc FROM incidents WHERE id = ?", (incident_id,))
        if not rows:
            raise NotFound(f"no incident with id {incident_id!r}")
        return Incident.from_dict(base.loads(rows[0][0]))

    def incident_of(self, report_id: str) -> str | None:
        rows = self._rows("SELECT incident_id FROM memberships WHERE report_id = ?", (report_id,))
        return rows[0][0] if rows else None

    def list_incidents(
        self, *, date_from: str | None = None, date_to: str | None = None,
        country: str | None = None, event_type: str | None = None, status: str | None = None,
        q: str | None = None, limit: int = 100, offset: int = 0,
    ) -> list[Incident]:
        base.check_paging(limit, offset)
        lo, hi = base.filter_bounds(date_from, date_to)
        where: list[str] = []
        params: list[Any] = []
        if lo is not None:
            where.append("i.day_hi >= ?")
            params.append(lo)
        if hi is not None:
            where.append("i.day_lo <= ?")
            params.append(hi)
        if country:
            where.append("i.country = ?")
            params.append(country.upper())
        if event_type:
            where.append("i.event_type = ?")
            params.append(event_type)
        if status:
            where.append("EXISTS (SELECT 1 FROM incident_statuses f "
                         "WHERE f.incident_id = i.id AND f.status = ?)")
            params.append(status)
        for term in base.query_terms(q):
            where.append(
                f"(i.search {_LIKE} OR EXISTS (SELECT 1 FROM memberships m "
                f"JOIN reports r ON r.id = m.report_id "
                f"WHERE m.incident_id = i.id AND r.search {_LIKE}))")
            params += [base.like_pattern(term)] * 2
        sql = "SELECT i.doc FROM incidents i"
        if where:
            sql += " WHERE " + " AND ".join(where)
        sql += " ORDER BY i.event_date DESC NULLS LAST, i.id LIMIT ? OFFSET ?"
        rows = self._rows(sql, [*params, limit, offset])
        return [Incident.from_dict(base.loads(doc)) for (doc,) in rows]

    def candidate_incidents(
        self, *, date: str | None, country: str | None, window_days: int = 7
    ) -> list[str]:
        where: list[str] = []
        params: list[Any] = []
        span = base.window(date, window_days)
        if span is not None:
            # An undated incident cannot be ruled out by date: keep it a candidate.
            where.append("(i.day_lo IS NULL OR (i.day_hi >= ? AND i.day_lo <= ?))")
            params += [span[0], span[1]]
        if country:
            where.append("(i.country IS NULL OR i.country = ?)")
            params.append(country.upper())
        sql = "SELECT i.id FROM incidents i"
        if where:
            sql += " WHERE " + " AND ".join(where)
        return [rid for (rid,) in self._rows(sql + " ORDER BY i.id", params)]

    # -------------------------------------------------------- diagnostics

    def add_diagnostics(self, diagnostics: Sequence[Diagnostic]) -> None:
        def work(tx: Tx) -> None:
            for d in diagnostics:
                tx.execute(
                    "INSERT INTO diagnostics (key, code, report, message) VALUES (?, ?, ?, ?) "
                    "ON CONFLICT (key) DO NOTHING",
                    (base.diagnostic_key(d), d.code, d.report, d.message),
                )

        if diagnostics:
            self._write(work)

    def diagnostics(self) -> list[Diagnostic]:
        rows = self._rows("SELECT code, report, message FROM diagnostics ORDER BY seq")
        return [Diagnostic(code=c, report=r, message=m) for c, r, m in rows]

    # -------------------------------------------------------- consistency

    def integrity_check(self) -> list[str]:
        problems: list[str] = []
        version = self.schema_version()
        if version != latest_version():
            problems.append(f"schema version {version}, expected {latest_version()}")
        incident_reports: dict[str, list[str]] = {}
        for incident_id, doc in self._rows("SELECT id, doc FROM incidents ORDER BY id"):
            data = base.loads(doc)
            incident_reports[incident_id] = list(data.get("reports", []))
            if data.get("id") != incident_id:
                problems.append(f"incident row {incident_id} holds document {data.get('id')}")
            if base.fact_statuses(data) != self._statuses_of(incident_id):
                problems.append(f"incident {incident_id}: status index differs from its document")
        membership = self._rows("SELECT report_id, incident_id FROM memberships")
        known = [rid for (rid,) in self._rows("SELECT id FROM reports")]
        return problems + base.membership_problems(incident_reports, membership, known)

    def _statuses_of(self, incident_id: str) -> tuple[str, ...]:
        rows = self._rows("SELECT status FROM incident_statuses WHERE incident_id = ?",
                          (incident_id,))
        return tuple(sorted(status for (status,) in rows))


# ------------------------------------------------------------ helpers


def _owners(tx: Tx, report_ids: list[str]) -> dict[str, str | None]:
    """Stored reports among ``report_ids`` -> the incident each belongs to (or None)."""
    found: dict[str, str | None] = {}
    for chunk in _chunks(report_ids):
        marks = ", ".join("?" * len(chunk))
        cursor = tx.execute(
            "SELECT r.id, m.incident_id FROM reports r LEFT JOIN memberships m "
            f"ON m.report_id = r.id WHERE r.id IN ({marks})", chunk)
        found.update(dict(cursor.fetchall()))
    return found


def _upsert_incident(tx: Tx, row: base.IncidentRow) -> None:
    tx.execute(
        "INSERT INTO incidents (id, event_date, day_lo, day_hi, country, event_type, search, doc) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET "
        "event_date = excluded.event_date, day_lo = excluded.day_lo, day_hi = excluded.day_hi, "
        "country = excluded.country, event_type = excluded.event_type, "
        "search = excluded.search, doc = excluded.doc",
        (row.id, row.event_date, row.day_lo, row.day_hi, row.country, row.event_type,
         row.search, row.doc),
    )
    tx.executemany("INSERT INTO memberships (report_id, incident_id) VALUES (?, ?)",
                   [(report, row.id) for report in dict.fromkeys(row.reports)])
    if row.statuses:
        tx.executemany("INSERT INTO incident_statuses (incident_id, status) VALUES (?, ?)",
                       [(row.id, status) for status in row.statuses])


def _scalar(cursor: Any) -> Any:
    row = cursor.fetchone()
    return row[0] if row else None


def _chunks(items: list[str]) -> Iterator[list[str]]:
    for start in range(0, len(items), CHUNK):
        yield items[start:start + CHUNK]


def _now() -> str:
    # Only used to record when a migration ran; never feeds extraction.
    from datetime import UTC, datetime

    return datetime.now(UTC).isoformat(timespec="seconds")
