"""Score one pair of reports; every score keeps the evidence it was built from."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import numpy as np

from corroborate.cluster.features import WeightedReport, normalise_name


@dataclass(frozen=True)
class ScoreWeights:
    """Weights of the link score (a linear score, thresholded by the clusterer)."""

    terms: float = 1.0
    embedding: float = 0.5
    # Cosines below this say only "same kind of news"; only the excess counts.
    embedding_floor: float = 0.5
    entities: float = 0.5
    # Dates (only when both sides have one). The same day is strong evidence (a
    # logistic fit on scored pairs weighs it about a sixth of full term overlap on
    # both datasets); a far date is weak evidence against: follow-ups (arraignment,
    # trial, obituary) carry their own dates, and birth dates slip through.
    date_far: float = 0.15
    date_near: float = 0.15
    # A day apart: "yesterday" in a next-day story, a late-night incident.
    date_close: float = 0.05
    close_days: int = 1
    # Evidence only: the type label is noisy ("shooting" / "accident" /
    # "armed_attack" for one gun incident); 0.2 cost gvc 0.963 -> 0.957.
    type_conflict: float = 0.0
    # Place choice is still noisy on dev (0 = evidence only, no penalty).
    place_conflict: float = 0.0
    count_agree: float = 0.05
    count_conflict: float = 0.05
    # Lead person names of one report that the other never mentions (the smaller
    # share of the two sides). Evidence only for now: 0.3 lifts ecbplus precision
    # (0.87 -> 0.91) but costs gvc recall (0.93 -> 0.87), where briefs name
    # victims and follow-ups name suspects.
    missing_names: float = 0.0
    # Each side has a salient lead name (title, first sentence, or named twice)
    # that the other's lead lacks, and neither date nor figures agree. 0.1: gvc
    # 0.9528 -> 0.9525, ecbplus 0.8746 -> 0.8789 (precision 0.872 -> 0.906).
    missing_salient: float = 0.1
    # Names introduced by an office (a police spokesman, "Sgt. Lee") are weak
    # evidence: the share they keep when the dates are close or unknown (the
    # spokesman of one incident is quoted by every outlet); none when far apart.
    officials: float = 0.5
    # Extracted dates drift (follow-up stories, trial dates): only a big gap counts.
    date_tolerance_days: int = 30


def _outlet_boilerplate(a: WeightedReport, b: WeightedReport) -> frozenset[str]:
    """Keys that say only "same outlet" when both reports come from one outlet."""
    if a.features.outlet is None or a.features.outlet != b.features.outlet:
        return frozenset()
    return a.boilerplate & b.boilerplate


@lru_cache(maxsize=4096)
def _fragments(outlet: str) -> frozenset[str]:
    """Every run of three or more letters inside an outlet's name (TLD dropped)."""
    labels = outlet.split(".")
    name = "".join(labels[:-1] if len(labels) > 1 else labels)
    runs = re.findall(r"[a-z]{3,}", name.lower())
    return frozenset(r[i:j] for r in runs for i in range(len(r))
                     for j in range(i + 3, len(r) + 1))


def _shared_brand(a: WeightedReport, b: WeightedReport) -> frozenset[str]:
    """Words inside both outlets' names: sister stations' brand ("fox" of fox5atlanta
    and fox4kc), met in both reports' footers, says nothing about the incident.
    The reports' own place names stay evidence ("miami" of nbcmiami, miamiherald)."""
    oa, ob = a.features.outlet, b.features.outlet
    if not oa or not ob or oa == ob:
        return frozenset()
    common = _fragments(oa) & _fragments(ob)
    if not common:
        return frozenset()
    places = {w for p in (a.features.place, b.features.place) if p
              for part in p[1:] if part for w in normalise_name(part).split()}
    words = common - places
    return frozenset(words | {"e:" + w for w in words})


def _officials(a: WeightedReport, b: WeightedReport) -> frozenset[str]:
    """Names (as terms and ``e:`` entities) either side gives an office: no evidence."""
    names = a.features.officials | b.features.officials
    return names | frozenset("e:" + n for n in names)


def _cosine_terms(a: WeightedReport, b: WeightedReport, skip: frozenset[str] = frozenset(),
                  weak: frozenset[str] = frozenset(),
                  weak_weight: float = 1.0) -> tuple[float, list[str]]:
    small, large = (a.terms, b.terms) if len(a.terms) <= len(b.terms) else (b.terms, a.terms)
    shared = [(t, w * large[t] * (weak_weight if t in weak else 1.0))
              for t, w in small.items() if t in large and t not in skip]
    shared.sort(key=lambda kv: (-kv[1], kv[0]))
    return sum(w for _, w in shared), [t for t, _ in shared[:5]]


def _entity_overlap(a: WeightedReport, b: WeightedReport, skip: frozenset[str] = frozenset(),
                    weak: frozenset[str] = frozenset(),
                    weak_weight: float = 1.0) -> tuple[float, list[str]]:
    """IDF-weighted overlap coefficient: rare shared names weigh most."""
    shared = sorted((e for e in set(a.entities) & set(b.entities) if "e:" + e not in skip),
                    key=lambda e: (-a.entities[e], e))
    if not shared:
        return 0.0, []
    denominator = min(sum(a.entities.values()), sum(b.entities.values())) or 1.0
    total = sum(a.entities[e] * (weak_weight if "e:" + e in weak else 1.0) for e in shared)
    return total / denominator, shared[:8]


def _gap(a: WeightedReport, b: WeightedReport) -> int | None:
    if a.features.event_day is None or b.features.event_day is None:
        return None
    return abs(a.features.event_day - b.features.event_day)


def _embedding(a: WeightedReport, b: WeightedReport) -> float | None:
    if a.vector is None or b.vector is None:
        return None
    return float(np.dot(a.vector, b.vector))


def _place_conflict(a: WeightedReport, b: WeightedReport) -> tuple[bool, Any]:
    pa, pb = a.features.place, b.features.place
    if pa is None or pb is None:
        return False, None
    if pa[0] != pb[0] or (pa[1] and pb[1] and pa[1] != pb[1]):
        return True, [list(pa), list(pb)]
    return False, list(pa)


def _region_names(a: WeightedReport, b: WeightedReport) -> frozenset[str]:
    """The states or provinces of two reports placed apart, as terms and entities.

    Sharing the word "Pennsylvania" is no evidence when one report is placed in
    Pennsylvania and the other in Georgia (its "Pennsylvania Avenue").
    """
    names = {normalise_name(p[1]) for p in (a.features.place, b.features.place) if p and p[1]}
    words = {w for n in names for w in n.split()}
    return frozenset(words | {"e:" + n for n in names if n})


def _missing(a: WeightedReport, b: WeightedReport) -> list[str]:
    """Lead names of ``a`` that occur nowhere in ``b``."""
    return sorted(" ".join(n) for n in a.features.lead_names
                  if not all(w in b.features.words for w in n))


def _missing_salient(a: WeightedReport, b: WeightedReport) -> tuple[float, list[str]]:
    """1.0 when each side has a salient lead name the other's lead never names.

    Two same-kind incidents in one story line (two DUI arrests of one team's
    players) are each about someone the other report's lead does not name.
    Both sides must miss one: a brief about the victim and a follow-up about the
    suspect miss on both sides too, so the caller skips pairs whose date or
    casualty figures agree.
    """
    shown: list[str] = []
    for x, y in ((a, b), (b, a)):
        missing = sorted(" ".join(n) for n in x.features.salient_names
                         if n not in y.features.lead_names)
        if not missing:
            return 0.0, []
        shown += missing
    return 1.0, shown[:5]


def _missing_names(a: WeightedReport, b: WeightedReport) -> tuple[float, list[str]]:
    """The smaller share of one side's lead names that the other side lacks.

    The smaller of the two: a short brief naming only the victim is not in
    conflict with a long report that names the victim and ten officials; two
    different incidents each name someone the other never mentions.
    """
    shares = []
    for x, y in ((a, b), (b, a)):
        if not x.features.lead_names:
            return 0.0, []
        missing = _missing(x, y)
        shares.append((len(missing) / len(x.features.lead_names), missing))
    share, shown = min(shares)
    return share, shown[:5]


def _counts(a: WeightedReport, b: WeightedReport) -> tuple[int, list[Any]]:
    """+1 when a shared slot has a common value, -1 when values are disjoint."""
    verdict, shown = 0, []
    for slot in sorted(set(a.features.counts) & set(b.features.counts)):
        va, vb = a.features.counts[slot], b.features.counts[slot]
        common = sorted(va & vb)
        shown.append({"slot": slot, "a": sorted(va), "b": sorted(vb)})
        verdict = max(verdict, 1) if common else min(verdict, -1) if verdict <= 0 else verdict
    return verdict, shown


def score_pair(a: WeightedReport, b: WeightedReport,
               weights: ScoreWeights) -> tuple[float, dict[str, Any]]:
    """Return ``(score, evidence)`` for one pair."""
    boilerplate = _outlet_boilerplate(a, b) | _shared_brand(a, b)
    gap = _gap(a, b)
    officials = _officials(a, b)
    far = gap is not None and gap > weights.date_tolerance_days
    skip, weak = (boilerplate | officials, frozenset()) if far else (boilerplate, officials)
    place_conflict, place = _place_conflict(a, b)
    if place_conflict:
        skip |= _region_names(a, b)
    terms, shared_terms = _cosine_terms(a, b, skip, weak, weights.officials)
    entities, shared_entities = _entity_overlap(a, b, skip, weak, weights.officials)
    emb = _embedding(a, b)
    score = weights.terms * terms + weights.entities * entities
    if emb is not None:
        score += weights.embedding * max(0.0, emb - weights.embedding_floor)
    if gap is not None:
        if gap > weights.date_tolerance_days:
            score -= weights.date_far
        elif gap == 0:
            score += weights.date_near
        elif gap <= weights.close_days:
            score += weights.date_close
    elif a.features.month_day and a.features.month_day == b.features.month_day:
        # One side has no year ("on January 3"): the same day of the year still agrees.
        # (A yearless mismatch is no penalty: too often a birthday or a trial date.)
        gap = 0
        score += weights.date_near
    type_a, type_b = a.features.event_type, b.features.event_type
    conflict = bool(type_a and type_b and type_a != type_b)
    if conflict:
        score -= weights.type_conflict
    if place_conflict:
        score -= weights.place_conflict
    missing_share, missing = _missing_names(a, b)
    score -= weights.missing_names * missing_share
    counts, shown_counts = _counts(a, b)
    score += weights.count_agree if counts > 0 else -weights.count_conflict if counts < 0 else 0
    salient_share, salient_missing = (0.0, []) if gap == 0 or counts > 0 \
        else _missing_salient(a, b)
    score -= weights.missing_salient * salient_share
    evidence = {
        "terms": round(terms, 4), "shared_terms": shared_terms,
        "embedding": None if emb is None else round(emb, 4),
        "entities": shared_entities, "entity_overlap": round(entities, 4),
        "place": place, "place_conflict": place_conflict,
        "date_gap_days": gap, "event_types": [type_a, type_b] if conflict else type_a or type_b,
        "numbers": shown_counts, "missing_names": missing,
        "missing_salient_names": salient_missing,
        "outlet_boilerplate": sorted(boilerplate)[:8],
    }
    return score, evidence


__all__ = ["ScoreWeights", "score_pair"]
