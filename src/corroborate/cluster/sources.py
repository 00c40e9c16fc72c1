"""Source independence: which reports trace back to one upstream source.

Two outlets that print the same wire story are one source, not two: a figure
they both carry was counted once, upstream. Two signals:

* shared text: Jaccard similarity of 5-word shingle sets (via MinHash with
  LSH banding, so only likely copies are compared);
* wire credits: a dateline or byline naming an agency ("PARIS (AFP) --",
  "(Reuters) -", "— AFP", "Reuters reported") maps the report to that agency.

Reports joined by either signal share one key: ``wire:<AGENCY>`` when a member
credits an agency, else the smallest report id of the group. Independent
reports keep their own id.
"""

from __future__ import annotations

import functools
import hashlib
import re
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from itertools import combinations

import numpy as np

from corroborate.records import ReportAnalysis

# Agency -> spellings seen in credits.
AGENCIES: dict[str, tuple[str, ...]] = {
    "AP": ("AP", "Associated Press", "The Associated Press"),
    "AFP": ("AFP", "Agence France-Presse", "Agence France Presse"),
    "Reuters": ("Reuters", "Thomson Reuters"),
    "IRNA": ("IRNA", "Islamic Republic News Agency"),
    "Xinhua": ("Xinhua",),
    "ANSA": ("ANSA",),
    "dpa": ("dpa", "DPA", "Deutsche Presse-Agentur"),
    "EFE": ("EFE",),
    "UPI": ("UPI", "United Press International"),
    "PTI": ("PTI", "Press Trust of India"),
    "Anadolu": ("Anadolu", "Anadolu Agency", "AA"),
    "TASS": ("TASS",),
    "Kyodo": ("Kyodo",),
    "Yonhap": ("Yonhap",),
    "ISNA": ("ISNA",),
    "Fars": ("Fars", "Fars News Agency"),
    "Tasnim": ("Tasnim",),
    "Mehr": ("Mehr", "Mehr News Agency"),
    "WAFA": ("WAFA",),
    "SANA": ("SANA",),
    "CNA": ("CNA",),
    "Bernama": ("Bernama",),
    "Antara": ("Antara",),
    "APP": ("APP",),
}
_SPELLING = {s.lower(): key for key, names in AGENCIES.items() for s in names}
_NAME = "|".join(sorted((re.escape(s) for names in AGENCIES.values() for s in names),
                        key=len, reverse=True))
# "(AP) --", "(Reuters) -": a dateline credit in the opening.
_DATELINE = re.compile(rf"\(({_NAME})\)\s*[-—–:]", re.IGNORECASE)
# "— AFP" / "-- Reuters" closing a paragraph, or "Reuters reported" in the lead.
_TRAILER = re.compile(rf"[—–-]{{1,2}}\s*({_NAME})\s*$", re.MULTILINE | re.IGNORECASE)
_REPORTED = re.compile(rf"\b({_NAME})\s+(?:reported|contributed to this report)\b",
                       re.IGNORECASE)
_LEAD = 400
_SHINGLE = 5
_PERMUTATIONS = 64
_BANDS = 16
_MASK = (1 << 61) - 1


@dataclass(frozen=True)
class SourceConfig:
    """Jaccard over 5-word shingles at or above ``copy_jaccard`` means a copy."""

    copy_jaccard: float = 0.5
    min_shingles: int = 8


def wire_credit(text: str) -> str | None:
    """The agency a report credits in its dateline or byline, if any."""
    lead = text[:_LEAD]
    for pattern, where in ((_DATELINE, lead), (_REPORTED, lead), (_TRAILER, text[-300:])):
        match = pattern.search(where)
        if match:
            name = match.group(1)
            key = _SPELLING.get(name.lower())
            # Names must be capitalised as names; short ones ("AP", "AA") all in caps.
            if key and name[0].isupper() and (len(name) > 3 or name.isupper()):
                return key
    return None


def shingles(text: str, size: int = _SHINGLE) -> frozenset[int]:
    words = re.findall(r"\w+", text.lower())
    grams = (" ".join(words[i:i + size]) for i in range(max(0, len(words) - size + 1)))
    return frozenset(int.from_bytes(hashlib.blake2b(g.encode(), digest_size=8).digest(), "big")
                     for g in grams)


# Fixed affine permutations: deterministic across runs and machines. The mask keeps
# the low 61 bits, which only depend on the low bits of the operands, so uint64
# arithmetic that wraps at 2**64 gives exactly the big-integer result.
_MULTIPLIERS = np.array([((2 * k + 1) * 0x9E3779B97F4A7C15) & 0xFFFFFFFFFFFFFFFF
                         for k in range(_PERMUTATIONS)], dtype=np.uint64)
_OFFSETS = np.arange(_PERMUTATIONS, dtype=np.uint64)


def _minhash(sh: frozenset[int]) -> np.ndarray:
    xs = np.fromiter(sh, dtype=np.uint64, count=len(sh))
    with np.errstate(over="ignore"):
        values = (np.multiply.outer(_MULTIPLIERS, xs) + _OFFSETS[:, None]) & np.uint64(_MASK)
    return np.asarray(values.min(axis=1), dtype=np.uint64)


def jaccard(a: frozenset[int], b: frozenset[int]) -> float:
    return len(a & b) / len(a | b) if a or b else 0.0


@dataclass(frozen=True)
class SourceSketch:
    """What source independence needs from one report (per-report stage).

    ``signature`` is the MinHash of the report's shingles (None when the text
    is too short to call a copy); kept instead of the shingles: 512 bytes a
    report for the whole run.
    """

    id: str
    credit: str | None
    signature: np.ndarray | None


def source_sketch(report_id: str, text: str, config: SourceConfig | None = None) -> SourceSketch:
    config = config or SourceConfig()
    sh = shingles(text)
    signature = _minhash(sh) if len(sh) >= config.min_shingles else None
    return SourceSketch(id=report_id, credit=wire_credit(text), signature=signature)


def _candidate_pairs(sketches: Sequence[SourceSketch]) -> list[tuple[str, str]]:
    """Pairs that share a MinHash band: likely copies, still to be verified."""
    buckets: dict[tuple[int, bytes], list[str]] = defaultdict(list)
    rows = _PERMUTATIONS // _BANDS
    for sk in sorted(sketches, key=lambda s: s.id):
        if sk.signature is None:
            continue
        for band in range(_BANDS):
            buckets[(band, sk.signature[band * rows:(band + 1) * rows].tobytes())].append(sk.id)
    return sorted({pair for ids in buckets.values() for pair in combinations(ids, 2)})


class _UnionFind:
    def __init__(self, ids: Sequence[str]) -> None:
        self.parent = {rid: rid for rid in ids}

    def find(self, x: str) -> str:
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def sources_from_sketches(sketches: Sequence[SourceSketch], text_of: Callable[[str], str], *,
                          config: SourceConfig | None = None) -> dict[str, str]:
    """Report id -> upstream source key, from per-report sketches.

    Candidate pairs from MinHash banding are verified on exact shingle Jaccard,
    re-reading the two texts through ``text_of``; a pair already joined through
    other copies is not re-checked (ten reprints of one story need nine checks,
    not forty-five).
    """
    config = config or SourceConfig()
    ids = sorted({s.id for s in sketches})
    groups = _UnionFind(ids)
    by_agency: dict[str, list[str]] = defaultdict(list)
    for sk in sorted(sketches, key=lambda s: s.id):
        if sk.credit:
            by_agency[sk.credit].append(sk.id)
    for members in by_agency.values():
        for rid in members[1:]:
            groups.union(members[0], rid)
    shingles_of = functools.lru_cache(maxsize=512)(lambda rid: shingles(text_of(rid)))
    for a, b in _candidate_pairs(sketches):
        if groups.find(a) != groups.find(b) and \
                jaccard(shingles_of(a), shingles_of(b)) >= config.copy_jaccard:
            groups.union(a, b)
    credits = {s.id: s.credit for s in sketches}
    agency_of_root: dict[str, str] = {}
    for rid in ids:
        credit = credits[rid]
        if credit:
            agency_of_root.setdefault(groups.find(rid), "wire:" + credit)
    return {rid: agency_of_root.get(groups.find(rid), groups.find(rid)) for rid in ids}


def assign_sources(analyses: Sequence[ReportAnalysis], *,
                   config: SourceConfig | None = None) -> dict[str, str]:
    """Report id -> upstream source key (see the module docstring)."""
    texts = {a.report.id: a.report.text for a in analyses}
    sketches = [source_sketch(rid, text, config) for rid, text in sorted(texts.items())]
    return sources_from_sketches(sketches, texts.__getitem__, config=config)


__all__ = ["AGENCIES", "SourceConfig", "SourceSketch", "assign_sources", "jaccard", "shingles",
           "source_sketch", "sources_from_sketches", "wire_credit"]
