"""Numbered schema migrations, one module each, applied in order and recorded in ``schema_version``.

Each migration holds the statements for both SQL backends (the schemas are the
same up to column types). Add ``mNNNN_<what>.py`` with a ``MIGRATION`` and list it
below; never edit a migration that has shipped.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Migration:
    """One schema step.

    Attributes:
        version: its number; applied in increasing order, each once.
        name: what it does, recorded with the version.
        sqlite: statements for SQLite.
        postgres: statements for PostgreSQL.
    """

    version: int
    name: str
    sqlite: tuple[str, ...]
    postgres: tuple[str, ...]


def all_migrations() -> tuple[Migration, ...]:
    from corroborate.store.migrations import m0001_initial

    found = (m0001_initial.MIGRATION,)
    versions = [m.version for m in found]
    if versions != list(range(1, len(found) + 1)):
        # A gap or a duplicate would silently skip a step on some databases.
        raise RuntimeError(f"migration versions must be 1..n in order, got {versions}")
    return found


def latest_version() -> int:
    return all_migrations()[-1].version
