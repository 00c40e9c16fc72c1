"""Bytes to clean text: encoding detection, binary sniffing, normalisation."""

from __future__ import annotations

import unicodedata

from corroborate.records import Diagnostic

# Share of control characters above which a decoded file is taken as binary.
_MAX_CONTROL_SHARE = 0.02


def decode_bytes(data: bytes, *, source: str) -> tuple[str | None, list[Diagnostic]]:
    """Decode ``data`` as UTF-8, else a fallback; None when it is not text at all."""
    if not data.strip():
        return None, [Diagnostic("empty", source, f"{source}: the file is empty")]
    if b"\x00" in data[:8192] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return None, [Diagnostic("binary", source,
                                 f"{source}: binary content (NUL bytes); give text, HTML or JSONL")]
    for bom, codec in ((b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe", "utf-16"),
                       (b"\xfe\xff", "utf-16")):
        if data.startswith(bom):
            return data.decode(codec, errors="replace"), []
    try:
        text = data.decode("utf-8")
        diagnostics: list[Diagnostic] = []
    except UnicodeDecodeError:
        text, codec = _decode_fallback(data)
        diagnostics = [Diagnostic("encoding", source,
                                  f"{source}: not valid UTF-8; decoded as {codec}. "
                                  "Check accented characters, or re-save the file as UTF-8")]
    if _control_share(text) > _MAX_CONTROL_SHARE:
        return None, [Diagnostic("binary", source,
                                 f"{source}: mostly non-text bytes; give text, HTML or JSONL")]
    return text, diagnostics


def _decode_fallback(data: bytes) -> tuple[str, str]:
    # cp1252 is what most mislabelled Western news pages are; latin-1 never fails.
    try:
        return data.decode("cp1252"), "cp1252"
    except UnicodeDecodeError:
        return data.decode("latin-1"), "latin-1"


def _control_share(text: str) -> float:
    sample = text[:20000]
    if not sample:
        return 0.0
    bad = sum(1 for ch in sample if unicodedata.category(ch) == "Cc" and ch not in "\n\r\t\f")
    return bad / len(sample)


def normalise_text(text: str) -> str:
    """NFC, unified newlines, no trailing blanks. Spans point into this form."""
    text = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n")
    return text.strip()


def compose_text(title: str | None, body: str) -> str:
    """Headline and body, as a reader sees them; every span points into this text.

    Headlines often carry the figures the body leaves implicit ("2 killed, 4 hurt
    in drive-by"). A title the body already starts with is not repeated.
    """
    if not title or not title.strip():
        return body
    headline = " ".join(title.split())
    opening = " ".join(body[: len(headline) + 300].split())
    if headline.lower() in opening.lower():
        return body
    return f"{headline}\n\n{body}"
