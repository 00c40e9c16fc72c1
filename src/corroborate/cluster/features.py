"""Per-report stage: what clustering needs from one ``ReportAnalysis``.

Everything here is a function of one report, so it can run wherever the
report is (a Dask partition, an ingest worker). Corpus statistics (document
frequencies) are a separate, mergeable reduce step (``TermStats``); weighting
terms by them is per report again. Text inside sentences about older,
referenced incidents is left out so that a past attack a report only mentions
does not pull it towards that attack's reports.
"""

from __future__ import annotations

import hashlib
import math
import re
import sys
from bisect import bisect_left as _bisect_left
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field, replace
from datetime import date
from urllib.parse import urlsplit

import numpy as np

from corroborate.records import ReportAnalysis

_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)?", re.UNICODE)
_ENTITY_TYPES = frozenset({"PERSON", "ORG", "GPE", "FAC", "LOC", "NORP", "EVENT"})
_COUNT_SLOTS = ("killed", "injured")
_LEAD_NAME_TYPES = frozenset({"PERSON"})
# Lead tokens (title + opening) say what the report is about; weigh them up.
_LEAD_CHARS = 600
_LEAD_WEIGHT = 2.0


def _stop_words() -> frozenset[str]:
    try:
        from spacy.lang.en.stop_words import STOP_WORDS
    except ImportError:  # spaCy is a dependency, but the clusterer does not need it
        return frozenset()
    return frozenset(STOP_WORDS)


STOP_WORDS = _stop_words() | frozenset({"said", "says", "told", "according", "reported",
                                        "news", "reporter", "copyright", "rights", "reserved"})


def _word_hash(word: str) -> int:
    # A stable hash (not ``hash()``, which is salted per process): features made
    # in one process (a Dask worker) are compared in another.
    return int.from_bytes(hashlib.blake2b(word.encode(), digest_size=8).digest(), "big")


class WordSet:
    """A set of words stored as sorted 64-bit hashes: 8 bytes a word.

    Clustering keeps one per report for the whole run and only asks whether a
    word is in it; a ``frozenset`` of strings costs ten times the memory.
    """

    __slots__ = ("_hashes",)

    def __init__(self, words: Iterable[str] = ()) -> None:
        hashes = np.fromiter((_word_hash(w) for w in set(words)), dtype=np.uint64)
        hashes.sort()
        self._hashes = hashes

    def __contains__(self, word: object) -> bool:
        if not isinstance(word, str) or not len(self._hashes):
            return False
        key = np.uint64(_word_hash(word))
        i = int(np.searchsorted(self._hashes, key))
        return i < len(self._hashes) and self._hashes[i] == key

    def __len__(self) -> int:
        return len(self._hashes)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, WordSet) and np.array_equal(self._hashes, other._hashes)

    def __hash__(self) -> int:
        return hash(self._hashes.tobytes())

    def __reduce__(self) -> tuple[object, ...]:
        return (_wordset_from_hashes, (self._hashes,))


def _wordset_from_hashes(hashes: np.ndarray) -> WordSet:
    out = WordSet()
    out._hashes = hashes
    return out


@dataclass(frozen=True)
class ReportFeatures:
    """Clustering features of one report (weights not yet corpus-scaled).

    Attributes:
        id: report id.
        terms: content-word counts (lead counted double), outside referenced incidents.
        entities: normalised entity names (and person surnames).
        event_day: the incident date as a day ordinal, when extracted.
        month_day: ``MM-DD`` of the incident date, also when the year is unknown
            ("on January 3" with no year anywhere in the report).
        published_day: publication date as a day ordinal, when known.
        place: ``(country, admin1, name)`` of the chosen incident place.
        event_type: coarse type label.
        counts: ``{slot: frozenset(values)}`` for killed / injured claims.
        lead_names: people and organisations named in the lead (person: surname),
            each as a tuple of words; what the report is about.
        words: every content word of the report (title included), to test
            whether another report's lead names occur here at all (hashed).
        salient_names: the lead names the report is plainly about: named in the
            title or first sentence, or mentioned at least twice.
        outlet: who published it (the given outlet, else the URL's host), lower case.
        officials: people named by a police rank or as a spokesman, and not in the
            title: the names and their words. They speak for many
            incidents, so they say little about which one.
    """

    id: str
    terms: Mapping[str, float]
    entities: frozenset[str]
    event_day: int | None = None
    month_day: str | None = None
    published_day: int | None = None
    place: tuple[str | None, str | None, str | None] | None = None
    event_type: str | None = None
    counts: Mapping[str, frozenset[int]] = field(default_factory=dict)
    lead_names: frozenset[tuple[str, ...]] = frozenset()
    words: WordSet = field(default_factory=WordSet)
    salient_names: frozenset[tuple[str, ...]] = frozenset()
    outlet: str | None = None
    officials: frozenset[str] = frozenset()


def _day(value: str | None) -> int | None:
    if not value or len(value) < 10:
        return None
    try:
        return date.fromisoformat(value[:10]).toordinal()
    except ValueError:
        return None


def _background(analysis: ReportAnalysis) -> list[tuple[int, int]]:
    """Spans about older, referenced incidents, except any that start in the opening.

    A report's first sentence is about its own incident even when it dates it
    ("arrested in the 1967 killings of two women"): masking it would leave a
    short report with nothing that says which incident it is about.
    """
    end = _SENTENCE_END.search(analysis.report.text)
    opening = end.end() if end else len(analysis.report.text)
    return sorted(r.span for r in analysis.referenced_incidents if r.span[0] >= opening)


def _masked_text(analysis: ReportAnalysis) -> str:
    """The report text with referenced-incident spans blanked out (offsets kept)."""
    text = analysis.report.text
    spans = _background(analysis)
    if not spans:
        return text
    chars = list(text)
    for start, end in spans:
        chars[start:end] = " " * (max(0, min(end, len(text)) - start))
    return "".join(chars)


def _in_spans(span: tuple[int, int], spans: Iterable[tuple[int, int]]) -> bool:
    return any(s <= span[0] and span[1] <= e for s, e in spans)


def tokens(text: str) -> list[str]:
    """Lower-cased content words and numbers (no stop words, no 1-letter words)."""
    out = []
    for match in _WORD.finditer(text.lower()):
        word = match.group(0).replace("’", "'")
        if word in STOP_WORDS or len(word) < 2 or (len(word) < 3 and not word.isdigit()):
            continue
        out.append(word)
    return out


class Terms(Mapping[str, float]):
    """Term -> weight, stored as a tuple of interned terms and an array of weights.

    A run keeps every report's raw terms until document frequencies are known;
    a dict of a few hundred fresh strings and floats costs three times as much.
    """

    __slots__ = ("_terms", "_weights")

    def __init__(self, items: Mapping[str, float] | None = None) -> None:
        pairs = sorted((items or {}).items())
        self._terms = tuple(sys.intern(t) for t, _ in pairs)
        self._weights = np.array([w for _, w in pairs], dtype=np.float64)

    def __getitem__(self, key: str) -> float:
        i = _bisect_left(self._terms, key)
        if i < len(self._terms) and self._terms[i] == key:
            return float(self._weights[i])
        raise KeyError(key)

    def __iter__(self) -> Iterator[str]:
        return iter(self._terms)

    def __len__(self) -> int:
        return len(self._terms)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Mapping) and dict(self.items()) == dict(other.items())

    def __hash__(self) -> int:
        return hash(self._terms)

    def __reduce__(self) -> tuple[object, ...]:
        return (Terms, (dict(self.items()),))


def _terms(analysis: ReportAnalysis) -> Terms:
    text = _masked_text(analysis)
    counts: dict[str, float] = {}
    title = analysis.report.title or ""
    for word in tokens(title + "\n" + text[:_LEAD_CHARS]):
        counts[word] = counts.get(word, 0.0) + _LEAD_WEIGHT
    for word in tokens(text[_LEAD_CHARS:]):
        counts[word] = counts.get(word, 0.0) + 1.0
    return Terms({w: 1.0 + math.log(c) for w, c in counts.items()})


def normalise_name(text: str) -> str:
    words = [w for w in tokens(text) if w not in ("the",)]
    return " ".join(words)


def _entities(analysis: ReportAnalysis) -> frozenset[str]:
    skip = _background(analysis)
    names: set[str] = set()
    for ent in analysis.entities:
        if ent.type not in _ENTITY_TYPES or _in_spans(ent.span, skip):
            continue
        name = normalise_name(ent.text)
        if not name:
            continue
        names.add(name)
        if ent.type == "PERSON" and " " in name:
            names.add(name.rsplit(" ", 1)[1])  # "Eddie Holmes" ~ "Holmes"
    return frozenset(sys.intern(n) for n in names)


def _lead_names(analysis: ReportAnalysis) -> frozenset[tuple[str, ...]]:
    """Who the report is about: people and organisations named in its lead.

    Two incidents of one kind (two boxing title defences, two DUI arrests) share
    most words but not these names; a same-incident report mentions them too.
    """
    skip = _background(analysis)
    names = set()
    for ent in analysis.entities:
        if ent.type not in _LEAD_NAME_TYPES or ent.span[0] >= _LEAD_CHARS \
                or _in_spans(ent.span, skip):
            continue
        words = tuple(tokens(ent.text))
        if ent.type == "PERSON":
            words = words[-1:]  # "Tony Thompson" ~ "Thompson"
        if words and not all(w.isdigit() for w in words):
            names.add(words)
    return frozenset(names)


_SENTENCE_END = re.compile(r"[.!?](?:\s|$)")
# Names of who wrote or photographed the story, not who it is about.
_CREDIT_BEFORE = re.compile(r"(?i)(?:\bby|photo|credit|courtesy|©)\W*$")
_CREDIT_AFTER = re.compile(r"(?i)^\s*(?:/|\||reports?\b|reported\b|writes\b|wrote\b)")


def _credited(text: str, span: tuple[int, int]) -> bool:
    return bool(_CREDIT_BEFORE.search(text[max(0, span[0] - 20):span[0]])
                or _CREDIT_AFTER.match(text[span[1]:span[1] + 12]))


def _salient_names(analysis: ReportAnalysis,
                   lead: frozenset[tuple[str, ...]]) -> frozenset[tuple[str, ...]]:
    """Lead names in the title or first sentence, or mentioned twice or more.

    A name met once deep in a short brief (a bystander, a spokesman) says little
    about which incident it is; the person a report is about recurs or heads it.
    Bylines and photo credits are left out, and so are words the report also
    uses in lower case ("teen", "bailiff": tagger slips, not names).
    """
    text = analysis.report.text
    credited = {tuple(tokens(e.text))[-1:] for e in analysis.entities
                if e.type in _LEAD_NAME_TYPES and _credited(text, e.span)}
    lower = set(_WORD.findall(text)) | set(_WORD.findall(analysis.report.title or ""))
    end = _SENTENCE_END.search(text)
    head = set(tokens((analysis.report.title or "") + "\n" + text[:end.end() if end else None]))
    counts = Counter(tokens(text))
    return frozenset(n for n in lead if n not in credited and not any(w in lower for w in n)
                     and (all(w in head for w in n) or min(counts[w] for w in n) >= 2))


# A police rank or a spokesman right before a name ("police spokesman Officer Joe
# Silva", "Sgt. Lee"). Not chiefs, sheriffs or coroners: adding them cost gvc recall
# (0.956 -> 0.951), they are quoted about fewer cases and are more often the story.
_OFFICE_BEFORE = re.compile(
    r"(?i)\b(?:spokes(?:man|woman|person)|officer|ofc|sgt|sergeant|lt|lieutenant|capt"
    r"|captain|cpl|corporal|det|detective|trooper)\.?\s+$")
# ... or after it: "Jose Estrada, a Chicago Police spokesman".
_OFFICE_AFTER = re.compile(r"(?i)^\s*,\s*(?:an?\s+|the\s+)?(?:[\w.'’-]+\s+){0,4}?"
                           r"spokes(?:man|woman|person)\b")


def _officials(analysis: ReportAnalysis) -> frozenset[str]:
    """Names of people introduced by their office, unless the title names them.

    A police spokesman or a county prosecutor is quoted about every case of a
    city, months apart; an officer the story is about ("Officer Stafford
    indicted") is in the title and stays evidence.
    """
    text, title = analysis.report.text, set(tokens(analysis.report.title or ""))
    out: set[str] = set()
    for ent in analysis.entities:
        if ent.type != "PERSON":
            continue
        if not (_OFFICE_BEFORE.search(text[max(0, ent.span[0] - 40):ent.span[0]])
                or _OFFICE_AFTER.match(text[ent.span[1]:ent.span[1] + 60])):
            continue
        words = tokens(ent.text)
        if not words or title & set(words):
            continue
        out.add(" ".join(words))
        out.update(words)
    return frozenset(sys.intern(w) for w in out)


def _place(analysis: ReportAnalysis) -> tuple[str | None, str | None, str | None] | None:
    place = analysis.place
    if place is None or not place.resolved:
        return None
    name = place.name if place.kind == "city" else None
    return (place.country_code, place.admin1, name)


def _counts(analysis: ReportAnalysis) -> dict[str, frozenset[int]]:
    out: dict[str, set[int]] = {}
    for claim in analysis.claims:
        if claim.slot in _COUNT_SLOTS and isinstance(claim.value, int):
            out.setdefault(claim.slot, set()).add(claim.value)
    return {k: frozenset(v) for k, v in out.items()}


def _outlet(analysis: ReportAnalysis) -> str | None:
    report = analysis.report
    if report.outlet:
        return report.outlet.strip().lower() or None
    host = urlsplit(report.url or "").hostname or ""
    return host.removeprefix("www.") or None


def report_features(analysis: ReportAnalysis) -> ReportFeatures:
    """The per-report stage."""
    lead = _lead_names(analysis)
    return ReportFeatures(
        id=analysis.report.id, terms=_terms(analysis), entities=_entities(analysis),
        event_day=_day(analysis.event_date),
        month_day=analysis.event_date[5:10] if analysis.event_date and
        len(analysis.event_date) >= 10 else None,
        published_day=_day(analysis.report.published),
        place=_place(analysis), event_type=analysis.event_type, counts=_counts(analysis),
        lead_names=lead,
        words=WordSet(tokens((analysis.report.title or "") + "\n" + analysis.report.text)),
        salient_names=_salient_names(analysis, lead), outlet=_outlet(analysis),
        officials=_officials(analysis),
    )


@dataclass
class TermStats:
    """Document frequencies of terms and entities; merge partial stats with ``+``."""

    docs: int = 0
    df: Counter[str] = field(default_factory=Counter)

    def add(self, features: ReportFeatures) -> None:
        self.docs += 1
        self.df.update(features.terms.keys())
        self.df.update("e:" + e for e in features.entities)

    def __add__(self, other: TermStats) -> TermStats:
        return TermStats(self.docs + other.docs, self.df + other.df)

    def idf(self, key: str) -> float:
        return math.log((self.docs + 1) / (self.df.get(key, 0) + 1)) + 1.0


@dataclass(frozen=True)
class WeightedReport:
    """A report ready for scoring: unit TF-IDF terms, IDF-weighted entities, embedding."""

    features: ReportFeatures
    terms: Mapping[str, float]
    entities: Mapping[str, float]
    vector: np.ndarray | None
    # Terms and entities (``e:name``) the report shares with its outlet's unrelated reports.
    boilerplate: frozenset[str] = frozenset()
    # Its terms and entities (``e:name``) no other report has: useless as blocking keys.
    unshared: frozenset[str] = frozenset()

    @property
    def id(self) -> str:
        return self.features.id


def _report_day(features: ReportFeatures) -> int | None:
    return features.published_day if features.published_day is not None else features.event_day


def outlet_boilerplate(features: Iterable[ReportFeatures], *, span_days: int,
                       min_reports: int, min_share: float) -> dict[str, frozenset[str]]:
    """Per outlet: the terms and entities (``e:name``) it uses about unrelated events.

    Station names, page furniture ("weather sports"), bylines, photo credits and
    the press officer who speaks for every case recur across an outlet's
    reports; met in reports dated more than ``span_days`` apart, a key is not
    about one incident, and it would join that outlet's unrelated reports.
    Computed one outlet at a time: memory is one outlet's vocabulary.
    """
    by_outlet: dict[str, list[tuple[int, ReportFeatures]]] = {}
    for f in features:
        day = _report_day(f)
        if f.outlet and day is not None:
            by_outlet.setdefault(f.outlet, []).append((day, f))
    out: dict[str, frozenset[str]] = {}
    for outlet, group in sorted(by_outlet.items()):
        if len(group) < min_reports:
            continue
        seen: dict[str, tuple[int, int, int]] = {}  # key -> (reports, first day, last day)
        for day, f in group:
            for key in set(f.terms) | {"e:" + e for e in f.entities}:
                n, lo, hi = seen.get(key, (0, day, day))
                seen[key] = (n + 1, min(lo, day), max(hi, day))
        least = max(min_reports, min_share * len(group))
        keys = frozenset(k for k, (n, lo, hi) in seen.items()
                         if n >= least and hi - lo > span_days)
        if keys:
            out[outlet] = keys
    return out


def weigh(features: ReportFeatures, stats: TermStats, vector: np.ndarray | None,
          *, max_terms: int, boilerplate: frozenset[str] = frozenset()) -> WeightedReport:
    """Scale by IDF and keep the ``max_terms`` heaviest terms (bounded memory per report).

    The raw term counts are dropped from the kept features: only the weighted
    top terms are scored, and a run keeps one ``WeightedReport`` per report.
    Strings are interned so that reports sharing a term share one string.
    Of the outlet's ``boilerplate`` (see ``outlet_boilerplate``), the keys this
    report has are kept with it, for the scorer to discount.
    """
    scaled = {t: w * stats.idf(t) for t, w in features.terms.items()}
    top = sorted(scaled.items(), key=lambda kv: (-kv[1], kv[0]))[:max_terms]
    norm = math.sqrt(sum(w * w for _, w in top)) or 1.0
    entities = {sys.intern(e): stats.idf("e:" + e) for e in features.entities}
    terms = {sys.intern(t): w / norm for t, w in top}
    own = frozenset(k for k in boilerplate
                    if k in terms or (k.startswith("e:") and k[2:] in entities))
    unshared = frozenset([t for t in terms if stats.df.get(t, 0) < 2]
                         + ["e:" + e for e in entities if stats.df.get("e:" + e, 0) < 2])
    return WeightedReport(replace(features, terms=Terms()), terms, entities, vector, own,
                          unshared)


__all__ = ["ReportFeatures", "TermStats", "WeightedReport", "WordSet", "normalise_name",
           "outlet_boilerplate", "report_features", "tokens", "weigh"]
