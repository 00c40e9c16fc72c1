"""Diagnostics: a recorded, counted problem with one input, never a silent drop."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

# Codes and what they mean; docs/json-contract.md lists the same table.
CODES = {
    "empty": "the input has no text",
    "binary": "the input is not text (NUL bytes or an undecodable byte stream)",
    "encoding": "the text was not UTF-8; it was decoded with a fallback encoding",
    "no_article": "the HTML page holds no article text that could be extracted",
    "unsupported_language": "no pipeline for the report's language; the report was skipped",
    "too_large": "the input is larger than the configured limit; it was skipped",
    "bad_json": "a JSON Lines record could not be parsed",
    "bad_record": "a JSON Lines record lacks text or html, or a field has the wrong type",
    "bad_date": "a metadata date could not be parsed; it was ignored",
    "not_found": "a path given on the command line does not exist",
    "truncated": "the HTML looks truncated; the text extracted from it may be partial",
}

# Codes after which the report is not processed at all.
SKIPPING = frozenset(
    {"empty", "binary", "no_article", "unsupported_language", "too_large", "bad_json",
     "bad_record", "not_found"}
)


@dataclass(frozen=True)
class Diagnostic:
    """A problem with one input.

    Attributes:
        code: one of ``CODES``.
        report: the report id, or the source (path, ``file#line``) when no id exists yet.
        message: what happened and what to do about it.
    """

    code: str
    report: str
    message: str

    @property
    def skipped(self) -> bool:
        """True when the input was not processed because of this problem."""
        return self.code in SKIPPING

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Diagnostic:
        return cls(code=data["code"], report=data["report"], message=data["message"])
