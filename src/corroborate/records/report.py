"""The input unit: one news report, with whatever metadata came with it."""

from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass
from typing import Any


def report_id(text: str) -> str:
    """Return the stable id of a report: a hash of its normalised text.

    Whitespace is folded first so that the same article re-saved with other
    line endings keeps its id, which makes re-ingest a no-op.
    """
    folded = " ".join(text.split())
    return "r" + hashlib.sha256(folded.encode("utf-8")).hexdigest()[:16]


@dataclass(frozen=True)
class Report:
    """One report.

    Attributes:
        id: stable content hash (``report_id``) unless the input gave one.
        text: the article text every span points into.
        source: where it came from (file path, ``file.jsonl#line``, URL, ``stdin``).
        outlet: publishing outlet when known ("The National", "IranWire").
        url: canonical URL when known.
        published: ISO date or datetime of publication when known.
        language: ISO 639-1 code, given or detected.
        title: headline when known.
    """

    id: str
    text: str
    source: str = ""
    outlet: str | None = None
    url: str | None = None
    published: str | None = None
    language: str | None = None
    title: str | None = None

    def to_dict(self, *, with_text: bool = True) -> dict[str, Any]:
        data = asdict(self)
        if not with_text:
            data.pop("text")
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Report:
        kwargs: dict[str, Any] = {k: data.get(k) for k in cls.__dataclass_fields__ if k in data}
        return cls(**kwargs)
