"""Read reports from files, folders, JSON Lines and stdin.

Readers yield ``Report`` or ``Diagnostic`` items; a bad input never stops the
stream and is never dropped silently.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any, BinaryIO

from corroborate.ingest.html import html_to_report
from corroborate.ingest.text import compose_text, decode_bytes, normalise_text
from corroborate.records import Diagnostic, Report, report_id

SUFFIXES = {".txt", ".text", ".md", ".html", ".htm", ".jsonl", ".ndjson", ".json"}
DEFAULT_MAX_BYTES = 20_000_000

Item = Report | Diagnostic


def iter_paths(paths: Iterable[str | Path]) -> Iterator[Path | Diagnostic]:
    """Expand files and folders (recursively, sorted) into input files."""
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            for child in sorted(p for p in path.rglob("*") if p.is_file()):
                if child.suffix.lower() in SUFFIXES and not child.name.startswith("."):
                    yield child
        elif path.is_file():
            yield path
        else:
            yield Diagnostic("not_found", str(raw), f"{raw}: no such file or folder")


def read_reports(paths: Iterable[str | Path], *,
                 max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Item]:
    """Yield every report (or diagnostic) found under ``paths``; ``-`` reads stdin."""
    for item in iter_paths(p for p in paths if str(p) != "-"):
        if isinstance(item, Diagnostic):
            yield item
        else:
            yield from read_file(item, max_bytes=max_bytes)
    if any(str(p) == "-" for p in paths):
        yield from read_stream(sys.stdin.buffer, source="stdin", max_bytes=max_bytes)


def read_file(path: Path, *, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Item]:
    """Read one file: JSON Lines by suffix, HTML by suffix or sniffing, else text."""
    size = path.stat().st_size
    if size > max_bytes and path.suffix.lower() not in {".jsonl", ".ndjson"}:
        yield Diagnostic("too_large", str(path),
                         f"{path}: {size} bytes is over the {max_bytes}-byte limit; "
                         "split it or raise --max-bytes")
        return
    if path.suffix.lower() in {".jsonl", ".ndjson"}:
        with path.open("rb") as fh:
            yield from read_jsonl(fh, source=str(path), max_bytes=max_bytes)
        return
    yield from read_bytes(path.read_bytes(), source=str(path),
                                  is_html=path.suffix.lower() in {".html", ".htm"})


def read_stream(stream: BinaryIO, *, source: str, max_bytes: int) -> Iterator[Item]:
    """Read stdin: JSON Lines when the first non-blank byte is ``{``, else one report."""
    data = stream.read(max_bytes + 1)
    if len(data) > max_bytes:
        yield Diagnostic("too_large", source, f"{source}: over the {max_bytes}-byte limit")
        return
    if data.lstrip()[:1] == b"{":
        yield from read_jsonl(iter(data.splitlines(keepends=True)), source=source,
                              max_bytes=max_bytes)
    else:
        yield from read_bytes(data, source=source, is_html=None)


def read_jsonl(lines: Iterable[bytes], *, source: str, max_bytes: int) -> Iterator[Item]:
    """One report per line: ``text`` or ``html`` plus optional metadata."""
    for number, raw in enumerate(lines, start=1):
        where = f"{source}#{number}"
        if not raw.strip():
            continue
        if len(raw) > max_bytes:
            yield Diagnostic("too_large", where, f"{where}: line over {max_bytes} bytes")
            continue
        try:
            record = json.loads(raw)
        except (json.JSONDecodeError, UnicodeDecodeError) as exc:
            reason = exc.msg if isinstance(exc, json.JSONDecodeError) else str(exc)
            yield Diagnostic("bad_json", where, f"{where}: not valid JSON ({reason})")
            continue
        yield from _report_from_record(record, where)


def _report_from_record(record: Any, where: str) -> Iterator[Item]:
    if not isinstance(record, dict):
        yield Diagnostic("bad_record", where, f"{where}: expected a JSON object")
        return
    meta = {k: record.get(k) for k in ("url", "outlet", "published", "language", "title")}
    bad = [k for k, v in meta.items() if v is not None and not isinstance(v, str)]
    if bad:
        yield Diagnostic("bad_record", where, f"{where}: field(s) {', '.join(bad)} must be strings")
        return
    given_id = record.get("id") or record.get("doc_id")
    if isinstance(record.get("text"), str):
        yield from _finish(record["text"], where, meta, given_id, diagnostics=[])
    elif isinstance(record.get("html"), str):
        yield from _from_html(record["html"], where, meta, given_id)
    else:
        yield Diagnostic("bad_record", where, f"{where}: no 'text' or 'html' string field")


def read_bytes(data: bytes, *, source: str, is_html: bool | None) -> Iterator[Item]:
    text, diagnostics = decode_bytes(data, source=source)
    if text is None:
        yield from diagnostics
        return
    if is_html is None:
        is_html = text.lstrip()[:200].lower().startswith(("<!doctype html", "<html", "<head"))
    if is_html:
        yield from diagnostics
        yield from _from_html(text, source, {}, None)
    else:
        yield from _finish(text, source, {}, None, diagnostics=diagnostics)


def _from_html(html: str, source: str, meta: dict[str, Any], given_id: Any) -> Iterator[Item]:
    text, html_meta, diagnostics = html_to_report(html, source=source)
    if text is None:
        yield from diagnostics
        return
    merged = {k: meta.get(k) or html_meta.get(k) for k in set(meta) | set(html_meta)}
    yield from _finish(text, source, merged, given_id, diagnostics=diagnostics)


def _finish(text: str, source: str, meta: dict[str, Any], given_id: Any,
            *, diagnostics: list[Diagnostic]) -> Iterator[Item]:
    text = normalise_text(compose_text(meta.get("title"), text))
    yield from diagnostics
    if not text.strip():
        yield Diagnostic("empty", source, f"{source}: no text to read")
        return
    yield Report(
        id=str(given_id) if given_id else report_id(text),
        text=text,
        source=source,
        outlet=meta.get("outlet"),
        url=meta.get("url"),
        published=meta.get("published"),
        language=meta.get("language"),
        title=meta.get("title"),
    )
