"""The first schema: reports, incidents, membership, fact statuses, diagnostics.

``incident_statuses`` holds the distinct statuses of an incident's facts (the
``status`` filter); the facts themselves live in the incident document.

Diagnostics are deduplicated on ``key`` (a hash of code, report and message)
rather than on the message itself, which may be too long for a btree index.
"""

from __future__ import annotations

from corroborate.store.migrations import Migration

_SQLITE = (
    """CREATE TABLE reports (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        id TEXT NOT NULL UNIQUE,
        time TEXT NOT NULL,
        time_basis TEXT NOT NULL CHECK (time_basis IN ('published', 'ingested')),
        ingested_at TEXT NOT NULL,
        search TEXT NOT NULL,
        doc TEXT NOT NULL
    )""",
    """CREATE TABLE incidents (
        id TEXT PRIMARY KEY,
        event_date TEXT,
        day_lo TEXT,
        day_hi TEXT,
        country TEXT,
        event_type TEXT,
        search TEXT NOT NULL,
        doc TEXT NOT NULL
    )""",
    "CREATE INDEX incidents_day ON incidents (day_lo, day_hi)",
    "CREATE INDEX incidents_country ON incidents (country, day_lo)",
    "CREATE INDEX incidents_order ON incidents (event_date DESC, id)",
    # report_id is the key: a report belongs to at most one incident.
    """CREATE TABLE memberships (
        report_id TEXT PRIMARY KEY REFERENCES reports (id),
        incident_id TEXT NOT NULL REFERENCES incidents (id) ON DELETE CASCADE
    )""",
    "CREATE INDEX memberships_incident ON memberships (incident_id)",
    """CREATE TABLE incident_statuses (
        incident_id TEXT NOT NULL REFERENCES incidents (id) ON DELETE CASCADE,
        status TEXT NOT NULL,
        PRIMARY KEY (incident_id, status)
    )""",
    "CREATE INDEX incident_statuses_status ON incident_statuses (status, incident_id)",
    """CREATE TABLE diagnostics (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        key TEXT NOT NULL UNIQUE,
        code TEXT NOT NULL,
        report TEXT NOT NULL,
        message TEXT NOT NULL
    )""",
)

# COLLATE "C": order ids and dates by code point, as Python and SQLite do,
# whatever locale the server was initialised with.
_POSTGRES = (
    """CREATE TABLE reports (
        seq BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        id TEXT COLLATE "C" NOT NULL UNIQUE,
        time TEXT NOT NULL,
        time_basis TEXT NOT NULL CHECK (time_basis IN ('published', 'ingested')),
        ingested_at TEXT NOT NULL,
        search TEXT NOT NULL,
        doc TEXT NOT NULL
    )""",
    """CREATE TABLE incidents (
        id TEXT COLLATE "C" PRIMARY KEY,
        event_date TEXT COLLATE "C",
        day_lo TEXT COLLATE "C",
        day_hi TEXT COLLATE "C",
        country TEXT,
        event_type TEXT,
        search TEXT NOT NULL,
        doc TEXT NOT NULL
    )""",
    "CREATE INDEX incidents_day ON incidents (day_lo, day_hi)",
    "CREATE INDEX incidents_country ON incidents (country, day_lo)",
    "CREATE INDEX incidents_order ON incidents (event_date DESC NULLS LAST, id)",
    """CREATE TABLE memberships (
        report_id TEXT COLLATE "C" PRIMARY KEY REFERENCES reports (id),
        incident_id TEXT COLLATE "C" NOT NULL REFERENCES incidents (id) ON DELETE CASCADE
    )""",
    "CREATE INDEX memberships_incident ON memberships (incident_id)",
    """CREATE TABLE incident_statuses (
        incident_id TEXT COLLATE "C" NOT NULL REFERENCES incidents (id) ON DELETE CASCADE,
        status TEXT NOT NULL,
        PRIMARY KEY (incident_id, status)
    )""",
    "CREATE INDEX incident_statuses_status ON incident_statuses (status, incident_id)",
    """CREATE TABLE diagnostics (
        seq BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        key TEXT NOT NULL UNIQUE,
        code TEXT NOT NULL,
        report TEXT NOT NULL,
        message TEXT NOT NULL
    )""",
)

MIGRATION = Migration(version=1, name="initial", sqlite=_SQLITE, postgres=_POSTGRES)
