"""A store in PostgreSQL (psycopg 3): the SQLite schema and logic on a server.

Open with ``open_store("postgresql://user:pw@host:5432/db")``. A ``schema=NAME``
query parameter (not a libpq option; it is stripped before connecting) keeps the
tables in their own schema, created if missing: tests use it to isolate runs.
"""

from __future__ import annotations

import random
import re
import threading
import time
from collections.abc import Callable, Iterable, Sequence
from typing import Any, TypeVar
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from corroborate.errors import MissingExtra, StoreError
from corroborate.store.migrations import Migration
from corroborate.store.sql import SqlStore, Tx

T = TypeVar("T")

# Transient failures worth retrying the whole transaction for.
RETRIES = 5
_SCHEMA_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]{0,62}$")


def _psycopg() -> Any:
    try:
        import psycopg
    except ImportError as exc:
        raise MissingExtra("postgres", "the PostgreSQL store") from exc
    return psycopg


class _Tx:
    """Runs ``?``-placeholder SQL on a psycopg connection."""

    def __init__(self, conn: Any) -> None:
        self._conn = conn

    def execute(self, sql: str, params: Sequence[Any] = ()) -> Any:
        return self._conn.execute(_to_pyformat(sql), tuple(params))

    def executemany(self, sql: str, params: Iterable[Sequence[Any]]) -> Any:
        cursor = self._conn.cursor()
        cursor.executemany(_to_pyformat(sql), [tuple(p) for p in params])
        return cursor


class PostgresStore(SqlStore):
    """A store in a PostgreSQL database (optionally in its own schema)."""

    dialect = "postgres"

    def __init__(self, dsn: str, *, schema: str | None = None) -> None:
        psycopg = _psycopg()
        dsn, from_url = split_schema(dsn)
        self.schema = schema or from_url
        if self.schema and not _SCHEMA_NAME.match(self.schema):
            raise StoreError(f"schema name {self.schema!r} must be letters, digits and _")
        self._errors = psycopg.errors
        self._lock = threading.RLock()
        try:
            self._conn = psycopg.connect(dsn, autocommit=True)
        except psycopg.Error as exc:
            raise StoreError(f"cannot connect to PostgreSQL: {exc}") from exc
        try:
            if self.schema:
                self._conn.execute(f'CREATE SCHEMA IF NOT EXISTS "{self.schema}"')
                self._conn.execute(f'SET search_path TO "{self.schema}"')
            self._migrate()
        except BaseException:
            self._conn.close()
            raise

    def __repr__(self) -> str:
        return f"PostgresStore(schema={self.schema!r})"

    def _statements(self, migration: Migration) -> tuple[str, ...]:
        return migration.postgres

    def _lock_schema(self, tx: Tx) -> None:
        # Two processes opening a fresh database must not both create the tables.
        tx.execute("SELECT pg_advisory_xact_lock(hashtext('corroborate:' || current_schema()))")

    def _rows(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        with self._lock:
            try:
                return list(self._conn.execute(_to_pyformat(sql), tuple(params)).fetchall())
            except self._errors.Error as exc:
                raise StoreError(f"PostgreSQL: {exc}") from exc

    def _write(self, work: Callable[[Tx], T]) -> T:
        transient = (self._errors.SerializationFailure, self._errors.DeadlockDetected,
                     self._errors.UniqueViolation)
        with self._lock:
            for attempt in range(RETRIES + 1):
                try:
                    with self._conn.transaction():
                        return work(_Tx(self._conn))
                except transient as exc:
                    # A concurrent writer won a race (e.g. both inserted the same
                    # membership); the retry sees its commit and decides again.
                    if attempt == RETRIES:
                        raise StoreError(f"PostgreSQL: {exc}") from exc
                    time.sleep(0.01 * 2 ** attempt * (0.5 + random.random()))
                except self._errors.Error as exc:
                    raise StoreError(f"PostgreSQL: {exc}") from exc
        raise AssertionError("unreachable")

    def integrity_check(self) -> list[str]:
        # The server enforces foreign keys itself; check the logical invariants.
        return super().integrity_check()

    def drop_schema(self) -> None:
        """Drop this store's schema with everything in it (tests; irreversible)."""
        if not self.schema:
            raise StoreError("drop_schema needs a store opened with a schema")
        with self._lock:
            self._conn.execute(f'DROP SCHEMA IF EXISTS "{self.schema}" CASCADE')

    def close(self) -> None:
        with self._lock:
            self._conn.close()


def split_schema(dsn: str) -> tuple[str, str | None]:
    """Take the ``schema`` query parameter out of a URL DSN: (dsn for libpq, schema)."""
    if "://" not in dsn:
        return dsn, None
    parts = urlsplit(dsn)
    query = parse_qsl(parts.query, keep_blank_values=True)
    schema = next((v for k, v in query if k == "schema"), None)
    rest = urlencode([(k, v) for k, v in query if k != "schema"])
    return urlunsplit(parts._replace(query=rest)), schema


def _to_pyformat(sql: str) -> str:
    # The shared SQL has no literal '?' or '%', so a plain replace is exact.
    return sql.replace("?", "%s")
