"""SQLite specifics and open_store: URLs, pragmas, migrations, integrity_check catching damage."""

from __future__ import annotations

import sqlite3

import pytest

from corroborate.errors import ConfigError, StoreError
from corroborate.records import Incident, Report, ReportAnalysis
from corroborate.store import MemoryStore, SQLiteStore, open_store
from corroborate.store.migrations import latest_version


def _analysis(rid: str) -> ReportAnalysis:
    return ReportAnalysis(report=Report(id=rid, text=f"Report {rid}: a blast in the port."))


def _populated(path) -> SQLiteStore:
    store = SQLiteStore(path)
    store.add_analyses([_analysis(r) for r in ("a", "b", "c")], ingested_at="2024-01-04")
    store.replace_incidents([Incident(id="i1", reports=("a", "b")),
                             Incident(id="i2", reports=("c",))])
    return store


@pytest.mark.parametrize("url, expected", [
    ("memory:", MemoryStore),
    ("MEMORY:", MemoryStore),
    ("sqlite:///rel.db", SQLiteStore),
    ("plain.db", SQLiteStore),
    ("sub/../plain2.db", SQLiteStore),
])
def test_open_store_picks_the_backend(url, expected, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    store = open_store(url)
    assert isinstance(store, expected)
    store.close()


def test_open_store_defaults_to_corroborate_db_in_cwd(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    open_store(None).close()
    assert (tmp_path / "corroborate.db").is_file()


def test_open_store_absolute_sqlite_url(tmp_path):
    path = tmp_path / "abs.db"
    store = open_store(f"sqlite:///{path}")
    store.add_analyses([_analysis("x")], ingested_at="t")
    store.close()
    assert open_store(str(path)).has_report("x")


@pytest.mark.parametrize("url", ["ftp://host/x", "mysql://u@h/db", "sqlite://", "sqlite:x.db",
                                 "", "sqlite:///x.db?journal=off"])
def test_open_store_rejects_unknown_locations_saying_what_is_accepted(url, tmp_path,
                                                                      monkeypatch):
    monkeypatch.chdir(tmp_path)
    with pytest.raises(ConfigError) as info:
        open_store(url)
    assert "sqlite" in str(info.value).lower()


def test_unknown_scheme_message_lists_every_accepted_form():
    with pytest.raises(ConfigError) as info:
        open_store("redis://localhost")
    for form in ("memory:", "sqlite:///", "postgresql://", "path"):
        assert form in str(info.value)


def test_open_store_errors_are_store_errors(tmp_path):
    with pytest.raises(StoreError, match="does not exist"):
        open_store(str(tmp_path / "no" / "such" / "dir.db"))
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"this is not a database file at all" * 100)
    with pytest.raises(StoreError):
        open_store(str(junk))


def test_unreachable_postgres_is_a_store_error():
    pytest.importorskip("psycopg")
    with pytest.raises(StoreError):
        open_store("postgresql://nobody:x@127.0.0.1:1/none?connect_timeout=2")


def test_wal_foreign_keys_and_schema_version(tmp_path):
    path = tmp_path / "s.db"
    store = SQLiteStore(path)
    assert store._rows("PRAGMA foreign_keys")[0][0] == 1
    assert store._rows("PRAGMA journal_mode")[0][0] == "wal"
    store.close()
    SQLiteStore(path).close()  # reopening applies nothing twice
    with sqlite3.connect(path) as raw:
        rows = raw.execute("SELECT version, name FROM schema_version").fetchall()
    assert rows == [(v, m) for v, m in rows] and [v for v, _ in rows] == list(
        range(1, latest_version() + 1))
    assert rows[0] == (1, "initial")


def test_a_newer_schema_is_refused(tmp_path):
    path = tmp_path / "new.db"
    SQLiteStore(path).close()
    with sqlite3.connect(path) as raw:
        raw.execute("INSERT INTO schema_version VALUES (99, 'future', 'x')")
    with pytest.raises(StoreError, match="upgrade corroborate"):
        SQLiteStore(path)


def test_data_survives_reopen(tmp_path):
    path = tmp_path / "p.db"
    _populated(path).close()
    store = SQLiteStore(path)
    assert store.report_count() == 3 and store.incident_of("b") == "i1"
    assert store.integrity_check() == []


@pytest.mark.parametrize("damage, expected", [
    ("DELETE FROM memberships WHERE report_id = 'b'", "differ from its membership"),
    ("INSERT INTO memberships VALUES ('ghost', 'i2')", "not stored"),
    ("UPDATE incidents SET doc = replace(doc, '\"c\"', '\"a\"') WHERE id = 'i2'", "listed by"),
    ("INSERT INTO incident_statuses VALUES ('i1', 'contested')", "status index"),
])
def test_integrity_check_reports_damage(tmp_path, damage, expected):
    path = tmp_path / "d.db"
    _populated(path).close()
    with sqlite3.connect(path) as raw:  # a raw connection: foreign keys are off here
        raw.execute(damage)
    store = SQLiteStore(path)
    problems = store.integrity_check()
    assert any(expected in p for p in problems), problems


def test_memory_store_integrity_check_reports_damage():
    store = MemoryStore()
    store.add_analyses([_analysis("a")], ingested_at="t")
    store.replace_incidents([Incident(id="i", reports=("a",))])
    assert store.integrity_check() == []
    store._owner.clear()  # simulate a torn update
    assert store.integrity_check() != []
