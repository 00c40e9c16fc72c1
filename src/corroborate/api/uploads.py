"""Turn a POST /api/reports body into reports and diagnostics.

Two forms: JSON ``{"reports": [{text|html, url, outlet, published, language, title}]}``
and multipart uploads of ``.txt``, ``.html`` and ``.jsonl`` files (plus an
optional pasted ``text`` field). Upload names only pick the parser; nothing
from the request is ever used as a file-system path.
"""

from __future__ import annotations

import io
import json
from collections.abc import Iterator
from typing import Any

from corroborate.api.errors import ApiError
from corroborate.ingest import readers
from corroborate.records import Diagnostic, Report

Item = Report | Diagnostic
MAX_REPORTS = 500
META_FIELDS = ("url", "outlet", "published", "language", "title")
UPLOAD_KINDS = {".txt": "text", ".text": "text", ".md": "text", ".html": "html",
                ".htm": "html", ".jsonl": "jsonl", ".ndjson": "jsonl"}


def from_json(body: bytes, *, max_bytes: int) -> list[Item]:
    """Parse the JSON form; raise ApiError(400) when its shape is wrong."""
    try:
        data = json.loads(body)
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise ApiError(400, f"the body is not valid JSON ({exc}); send "
                            '{"reports": [{"text": "..."}]}') from None
    records = data.get("reports") if isinstance(data, dict) else None
    if not isinstance(records, list) or not records:
        raise ApiError(400, 'the body needs a non-empty "reports" list: '
                            '{"reports": [{"text": "...", "outlet": "...", "published": "..."}]}')
    if len(records) > MAX_REPORTS:
        raise ApiError(413, f"{len(records)} reports in one request; send at most {MAX_REPORTS}")
    items: list[Item] = []
    for number, record in enumerate(records, start=1):
        items.extend(_record(record, f"request#{number}", max_bytes))
    return items


def _record(record: Any, where: str, max_bytes: int) -> Iterator[Item]:
    # Reuse the JSON Lines reader so the API and the CLI accept the same records.
    line = json.dumps(record, ensure_ascii=False).encode("utf-8")
    for item in readers.read_jsonl([line], source="request", max_bytes=max_bytes):
        yield _relabel(item, where)


def _relabel(item: Item, where: str) -> Item:
    """Name the source after the request position, not the reader's ``request#1``."""
    if isinstance(item, Diagnostic):
        message = item.message.replace("request#1", where)
        report = where if item.report == "request#1" else item.report
        return Diagnostic(item.code, report, message)
    return Report(**{**item.to_dict(), "source": where})


def from_upload(name: str, data: bytes, *, index: int, max_bytes: int) -> list[Item]:
    """Parse one uploaded file by its suffix; unknown suffixes are a 400."""
    suffix = "." + name.rsplit(".", 1)[-1].lower() if "." in name else ""
    kind = UPLOAD_KINDS.get(suffix)
    where = f"upload#{index}"
    if kind is None:
        raise ApiError(400, f"upload {index} has an unsupported type {suffix or '(none)'!r}; "
                            "upload .txt, .html or .jsonl files")
    if kind == "jsonl":
        lines = io.BytesIO(data).readlines()
        return list(readers.read_jsonl(lines, source=where, max_bytes=max_bytes))
    # The reader's own sniffing would miss HTML fragments; the suffix decides.
    return list(readers.read_bytes(data, source=where, is_html=kind == "html"))


def from_pasted(text: str, meta: dict[str, str], *, max_bytes: int) -> list[Item]:
    """A report pasted into the form, with whatever metadata fields were filled."""
    record: dict[str, Any] = {"text": text}
    record.update({k: v for k, v in meta.items() if k in META_FIELDS and v})
    return list(_record(record, "pasted", max_bytes))
