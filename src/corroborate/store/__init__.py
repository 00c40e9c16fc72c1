"""Persistent store of analyses, incidents and diagnostics ("living incidents").

``open_store(url)`` picks the backend:

- ``memory:`` -> ``MemoryStore`` (nothing persists)
- ``sqlite:///path/to.db``, a plain path, or None (``./corroborate.db``) -> ``SQLiteStore``
- ``postgresql://user:pw@host:port/db[?schema=NAME]`` -> ``PostgresStore``
"""

from __future__ import annotations

import re
from urllib.parse import parse_qsl, urlsplit

from corroborate.errors import ConfigError
from corroborate.store.base import INGESTED, PUBLISHED, Store
from corroborate.store.memory import MemoryStore
from corroborate.store.sqlite import SQLiteStore

DEFAULT_PATH = "corroborate.db"
ACCEPTED = ("memory:, sqlite:///path/to.db, a plain file path, "
            "or postgresql://user:password@host:port/dbname")
# A URL scheme; one letter followed by ':' is a Windows drive, i.e. a path.
_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]+):")


def open_store(url: str | None = None) -> Store:
    """Open (creating and migrating if needed) the store ``url`` names."""
    if url is None:
        return SQLiteStore(DEFAULT_PATH)
    url = url.strip()
    if not url:
        raise ConfigError(f"empty store location; accepted: {ACCEPTED}")
    match = _SCHEME.match(url)
    if match is None:
        return SQLiteStore(url)
    scheme = match.group(1).lower()
    if scheme == "memory":
        return MemoryStore()
    if scheme == "sqlite":
        return _open_sqlite(url)
    if scheme in ("postgresql", "postgres"):
        from corroborate.store.postgres import PostgresStore

        return PostgresStore(url)
    raise ConfigError(f"unknown store scheme {scheme!r} in {url!r}; accepted: {ACCEPTED}")


def _open_sqlite(url: str) -> SQLiteStore:
    # sqlite:///relative.db and sqlite:////absolute/path.db, as SQLAlchemy spells them.
    parts = urlsplit(url)
    if not url.lower().startswith("sqlite:///") or not parts.path.lstrip("/"):
        raise ConfigError(f"bad SQLite URL {url!r}: write sqlite:///path/to.db")
    options = dict(parse_qsl(parts.query))
    unknown = set(options) - {"synchronous"}
    if unknown:
        raise ConfigError(f"unknown SQLite URL option(s) {sorted(unknown)}; known: synchronous")
    return SQLiteStore(parts.path[1:], synchronous=options.get("synchronous", "FULL"))


__all__ = ["INGESTED", "PUBLISHED", "MemoryStore", "SQLiteStore", "Store", "open_store"]
