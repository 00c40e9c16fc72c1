"""Candidate generation: only reports that share a rare key are ever scored.

Keys are a report's heaviest TF-IDF terms, its rarest entity names (of
those some other report has: a key no one shares only fills a slot), and,
when extraction found them, date-window x place (x event type) keys. A key
held by more than ``max_block`` reports says nothing about identity
("police", "shooting") and is dropped, which keeps the number of scored pairs
linear in the corpus. Each pair is scored in exactly one block: the smallest
key the two reports share (so blocks can be scored independently, e.g. as Dask
tasks, without scoring a pair twice).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping
from itertools import combinations

from corroborate.cluster.features import WeightedReport

_WEEK = 7


def block_keys(report: WeightedReport, *, key_terms: int, key_entities: int) -> frozenset[str]:
    """The blocking keys of one report (per-report stage)."""
    keys: set[str] = set()
    # A term or name no other report has would only fill a slot: keep the heaviest shared ones.
    terms = sorted(((t, w) for t, w in report.terms.items() if t not in report.unshared),
                   key=lambda kv: (-kv[1], kv[0]))[:key_terms]
    keys.update("t:" + t for t, _ in terms)
    entities = sorted(((e, w) for e, w in report.entities.items()
                       if "e:" + e not in report.unshared),
                      key=lambda kv: (-kv[1], kv[0]))[:key_entities]
    keys.update("e:" + e for e, _ in entities)
    feats = report.features
    if feats.event_day is not None and feats.place is not None:
        where = f"{feats.place[0]}:{feats.place[1]}:{feats.event_type or '-'}"
        # Two overlapping week grids: dates up to 3 days apart share a window.
        keys.add(f"dp:{where}:{feats.event_day // _WEEK}")
        keys.add(f"dq:{where}:{(feats.event_day + 3) // _WEEK}")
    return frozenset(keys)


def build_blocks(keys: Mapping[str, frozenset[str]], *, max_block: int) -> dict[str, list[str]]:
    """Inverted index key -> sorted report ids, without singleton or oversized blocks."""
    index: dict[str, list[str]] = defaultdict(list)
    for rid in sorted(keys):
        for key in keys[rid]:
            index[key].append(rid)
    return {k: v for k, v in sorted(index.items()) if 2 <= len(v) <= max_block}


def block_pairs(key: str, members: Iterable[str], keys: Mapping[str, frozenset[str]],
                admissible: Mapping[str, list[str]]) -> Iterator[tuple[str, str]]:
    """Pairs of one block that are not owned by a smaller shared admissible key."""
    for a, b in combinations(sorted(members), 2):
        shared = (keys[a] & keys[b]) & admissible.keys()
        if min(shared) == key:
            yield a, b


__all__ = ["block_keys", "block_pairs", "build_blocks"]
