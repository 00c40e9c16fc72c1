"""HTML page to article text and metadata, with trafilatura."""

from __future__ import annotations

import re
from typing import Any

from corroborate.records import Diagnostic

_CLOSING = re.compile(r"</html\s*>\s*$", re.IGNORECASE)


def html_to_report(html: str, *, source: str
                   ) -> tuple[str | None, dict[str, Any], list[Diagnostic]]:
    """Return ``(text, metadata, diagnostics)``; text None when the page has no article."""
    import trafilatura

    diagnostics = []
    if not _CLOSING.search(html.strip()[-200:]):
        diagnostics.append(Diagnostic("truncated", source,
                                      f"{source}: the HTML has no closing </html>; it may be "
                                      "truncated and the article partial"))
    text = trafilatura.extract(html, include_comments=False, include_tables=False,
                               favor_precision=True, deduplicate=True)
    if not text or len(text.split()) < 5:
        diagnostics.append(Diagnostic("no_article", source,
                                      f"{source}: no article text found in the HTML page"))
        return None, {}, diagnostics
    meta = trafilatura.extract_metadata(html)
    found: dict[str, Any] = {}
    if meta is not None:
        found = {"title": meta.title, "url": meta.url, "outlet": meta.sitename,
                 "published": meta.date}
    return text, {k: v for k, v in found.items() if v}, diagnostics
