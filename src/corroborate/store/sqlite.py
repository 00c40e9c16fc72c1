"""The default store: one SQLite file, WAL journal, foreign keys on.

Crash safety: every write is one ``BEGIN IMMEDIATE`` transaction, and with
``synchronous=FULL`` a call that returned has reached the disk, so a killed
process loses only the call it was in. Concurrency: several processes may
write the same file; a writer waits for the lock (``busy_timeout``) and the
whole transaction is retried if SQLite still reports the database busy.
"""

from __future__ import annotations

import random
import sqlite3
import threading
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, TypeVar

from corroborate.errors import StoreError
from corroborate.store.migrations import Migration
from corroborate.store.sql import SqlStore, Tx

T = TypeVar("T")

# How long one statement waits for another process's lock, in milliseconds.
BUSY_TIMEOUT_MS = 10_000
# How long a write transaction keeps retrying while the database stays busy, in seconds.
RETRY_FOR_S = 60.0


class SQLiteStore(SqlStore):
    """A store in one SQLite file (``":memory:"`` for a throwaway one)."""

    dialect = "sqlite"

    def __init__(self, path: str | Path = "corroborate.db", *, synchronous: str = "FULL") -> None:
        self.path = str(path)
        if synchronous.upper() not in ("OFF", "NORMAL", "FULL", "EXTRA"):
            raise StoreError(f"synchronous must be OFF, NORMAL, FULL or EXTRA, not {synchronous!r}")
        self._lock = threading.RLock()
        self._conn = _connect(self.path, synchronous.upper())
        try:
            self._migrate()
        except BaseException:
            self._conn.close()
            raise

    def __repr__(self) -> str:
        return f"SQLiteStore({self.path!r})"

    def _statements(self, migration: Migration) -> tuple[str, ...]:
        return migration.sqlite

    def _rows(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        with self._lock:
            try:
                return self._conn.execute(sql, tuple(params)).fetchall()
            except sqlite3.Error as exc:
                raise StoreError(f"{self.path}: {exc}") from exc

    def _write(self, work: Callable[[Tx], T]) -> T:
        deadline = time.monotonic() + RETRY_FOR_S
        attempt = 0
        with self._lock:
            while True:
                try:
                    return self._transaction(work)
                except sqlite3.OperationalError as exc:
                    if not _is_busy(exc) or time.monotonic() > deadline:
                        raise StoreError(f"{self.path}: {exc}") from exc
                # Jittered backoff so two writers that collided do not collide again.
                attempt += 1
                time.sleep(min(0.5, 0.01 * 2 ** attempt) * (0.5 + random.random()))

    def _transaction(self, work: Callable[[Tx], T]) -> T:
        conn = self._conn
        conn.execute("BEGIN IMMEDIATE")
        try:
            result = work(conn)
            conn.execute("COMMIT")
            return result
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise

    def integrity_check(self) -> list[str]:
        problems = [f"sqlite integrity_check: {msg}" for (msg,)
                    in self._rows("PRAGMA integrity_check") if msg != "ok"]
        problems += [f"foreign key violation in {table} row {rowid} -> {parent}"
                     for table, rowid, parent, _ in self._rows("PRAGMA foreign_key_check")]
        return problems + super().integrity_check()

    def close(self) -> None:
        with self._lock:
            self._conn.close()


def _connect(path: str, synchronous: str) -> sqlite3.Connection:
    if path != ":memory:":
        parent = Path(path).expanduser().resolve().parent
        if not parent.is_dir():
            raise StoreError(f"cannot open store {path}: directory {parent} does not exist")
    try:
        # isolation_level=None: we issue BEGIN/COMMIT ourselves (BEGIN IMMEDIATE
        # takes the write lock up front, so a transaction never fails half-way
        # on lock upgrade).
        conn = sqlite3.connect(path, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None,
                               check_same_thread=False)
    except sqlite3.Error as exc:
        raise StoreError(f"cannot open store {path}: {exc}") from exc
    try:
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute(f"PRAGMA synchronous = {synchronous}")
    except sqlite3.Error as exc:
        conn.close()
        raise StoreError(f"cannot open store {path}: {exc}") from exc
    return conn


def _is_busy(exc: sqlite3.OperationalError) -> bool:
    text = str(exc).lower()
    return "locked" in text or "busy" in text
