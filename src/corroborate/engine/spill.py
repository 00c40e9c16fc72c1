"""Where analyses wait between the per-report and the per-incident stage.

Two backends behind one small interface (``put``, ``get``, ``text``):
``MemoryAnalyses`` keeps them in a dict (a folder of reports, tests);
``SpillAnalyses`` writes them to a temporary SQLite file, so a run over a
large corpus holds only the clustering index in memory and reads each
incident's analyses back when it is reconciled.
"""

from __future__ import annotations

import pickle
import sqlite3
import tempfile
from collections.abc import Iterable, Sequence
from pathlib import Path
from types import TracebackType
from typing import Protocol

from corroborate.records import ReportAnalysis


class Analyses(Protocol):
    def put(self, analyses: Iterable[ReportAnalysis]) -> None: ...

    def get(self, ids: Sequence[str]) -> list[ReportAnalysis]: ...

    def text(self, report_id: str) -> str: ...


class MemoryAnalyses:
    """The in-memory twin."""

    def __init__(self, analyses: Iterable[ReportAnalysis] = ()) -> None:
        self._by_id = {a.report.id: a for a in analyses}

    def put(self, analyses: Iterable[ReportAnalysis]) -> None:
        self._by_id.update((a.report.id, a) for a in analyses)

    def get(self, ids: Sequence[str]) -> list[ReportAnalysis]:
        return [self._by_id[rid] for rid in ids]

    def text(self, report_id: str) -> str:
        return self._by_id[report_id].report.text


class SpillAnalyses:
    """Analyses pickled into a temporary SQLite file, deleted on ``close``.

    Pickle is safe here: the file is private to this process and lives only
    for one run.
    """

    def __init__(self, directory: str | Path | None = None) -> None:
        self._dir = tempfile.TemporaryDirectory(prefix="corroborate-spill-", dir=directory)
        self._db = sqlite3.connect(Path(self._dir.name) / "analyses.sqlite")
        self._db.execute("PRAGMA journal_mode=OFF")
        self._db.execute("PRAGMA synchronous=OFF")
        self._db.execute("CREATE TABLE analyses (id TEXT PRIMARY KEY, text TEXT, blob BLOB)")

    def put(self, analyses: Iterable[ReportAnalysis]) -> None:
        rows = [(a.report.id, a.report.text, pickle.dumps(a, protocol=pickle.HIGHEST_PROTOCOL))
                for a in analyses]
        self._db.executemany("INSERT OR REPLACE INTO analyses VALUES (?, ?, ?)", rows)

    def get(self, ids: Sequence[str]) -> list[ReportAnalysis]:
        out = []
        for rid in ids:
            row = self._db.execute("SELECT blob FROM analyses WHERE id = ?", (rid,)).fetchone()
            if row is None:
                raise KeyError(rid)
            out.append(pickle.loads(row[0]))
        return out

    def text(self, report_id: str) -> str:
        row = self._db.execute("SELECT text FROM analyses WHERE id = ?", (report_id,)).fetchone()
        if row is None:
            raise KeyError(report_id)
        return str(row[0])

    def close(self) -> None:
        self._db.close()
        self._dir.cleanup()

    def __enter__(self) -> SpillAnalyses:
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.close()


__all__ = ["Analyses", "MemoryAnalyses", "SpillAnalyses"]
