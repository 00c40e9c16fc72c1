"""Score perpetrator extraction (``corroborate.extract.actors``) on MUC-4.

Scorer (per document, then micro-averaged over all documents):

* Gold: the union of the ``perpetrators`` of every gold incident of the document
  (individuals such as "TERRORISTS" and organisations such as "FARABUNDO MARTI
  NATIONAL LIBERATION FRONT"). Each gold filler is an *entity* with its aliases
  from ``notes`` ("perpetrator aliases: X = Y / Z"); entities sharing an alias merge.
* Predicted: the distinct values of ``perpetrator``, ``suspected_perpetrator`` and
  ``responsibility`` mentions (not "none claimed", not denials). A predicted
  lexicon group also carries its lexicon aliases (FMLN for the full name).
* Match: strings are lower-cased, punctuation becomes space, articles and "of"
  are dropped, plurals are folded (men -> man, -s). A prediction matches a gold
  entity when some alias pair is equal or the word set of one contains every word
  of the other (so "guerrillas" ~ "URBAN GUERRILLAS", "Shining Path" ~ "SHINING
  PATH MEMBERS"). Matching is one-to-one (greedy: exact pairs first), so a single
  vague prediction can satisfy at most one gold entity and extra ones count as
  false positives.
* Documents without gold incidents (irrelevant messages) add their predictions
  as false positives; documents with gold incidents but no perpetrators likewise.
* Org-only: gold organisations are the fillers named in "org confidence: ... for
  NAME" notes, else the last filler when the incident has a perpetrator
  confidence (slot 10 follows slot 9); predictions are lexicon groups plus state
  forces (army, armed forces, air force, police, national guard, government).
* Confidence accuracy: over matched organisations, the predicted confidence of the
  value (its most frequent confidence in the document, earliest on ties) mapped to
  MUC categories, against the gold category or one of its listed alternatives.

Splits: DEV-* (tuning) and TST1/TST2 (held-out check) are reported apart.
"""

from __future__ import annotations

import json
import re
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Any

from corroborate.eval.cache import parsed_dataset
from corroborate.eval.datasets import GoldIncident, load_incidents
from corroborate.extract.actors import ActorMention, canonical_group, extract_actors, group_aliases

PERP_SLOTS = ("perpetrator", "suspected_perpetrator", "responsibility")
_MUC_CONFIDENCE = {
    "reported_as_fact": {"REPORTED AS FACT"},
    "claimed": {"CLAIMED OR ADMITTED"},
    "accused": {"SUSPECTED OR ACCUSED", "SUSPECTED OR ACCUSED BY AUTHORITIES"},
    "suspected": {"SUSPECTED OR ACCUSED", "SUSPECTED OR ACCUSED BY AUTHORITIES"},
    "possible": {"POSSIBLE"},
}
_STATE = re.compile(r"\b(?:army|armed forces|air force|police|national guard|government|military"
                    r"|troops|soldiers)\b")
_STOP = {"the", "of", "a", "an", "s", "and"}


# ---------------------------------------------------------------- normalising


def _words(text: str) -> frozenset[str]:
    tokens = re.sub(r"[^\w]+", " ", text.lower()).split()
    out = set()
    for t in tokens:
        if t in _STOP:
            continue
        if t in ("men", "man"):
            t = "man"
        elif t.endswith("ies") and len(t) > 4:
            t = t[:-3] + "y"
        elif t.endswith("s") and not t.endswith("ss") and len(t) > 3:
            t = t[:-1]
        out.add(t)
    return frozenset(out)


@dataclass
class _Entity:
    aliases: set[frozenset[str]] = field(default_factory=set)
    org: bool = False
    confidence: set[str] = field(default_factory=set)


def _alias_map(notes: str) -> dict[str, list[str]]:
    """``{first alias: [other aliases]}`` from a MUC ``notes`` field."""
    out: dict[str, list[str]] = {}
    active = False
    for part in notes.split("; "):
        if part.startswith("perpetrator aliases: "):
            active, part = True, part[len("perpetrator aliases: "):]
        elif ":" in part:
            active = False
        if active and " = " in part:
            head, rest = part.split(" = ", 1)
            out[head.strip()] = [a.strip() for a in rest.split(" / ")]
    return out


def _org_confidences(inc: GoldIncident) -> dict[str, set[str]]:
    """Organisation filler -> accepted MUC confidence categories."""
    out: dict[str, set[str]] = {}
    for part in inc.notes.split("; "):
        text = part[len("org confidence: "):] if part.startswith("org confidence: ") else part
        m = re.match(r"^([A-Z ]+?)(?: \(alternatives: ([^)]*)\))? for (.+)$", text)
        if m and (part.startswith("org confidence: ") or out):
            cats = {m.group(1).strip()} | {a.strip() for a in (m.group(2) or "").split(",") if a}
            out[m.group(3).strip()] = cats
    if not out and inc.perpetrator_confidence and inc.perpetrators:
        out[inc.perpetrators[-1]] = {inc.perpetrator_confidence}
    return out


def gold_entities(incidents: list[GoldIncident]) -> list[_Entity]:
    """The merged gold perpetrator entities of one document."""
    entities: list[_Entity] = []
    for inc in incidents:
        aliases = _alias_map(inc.notes)
        orgs = _org_confidences(inc)
        for name in inc.perpetrators:
            forms = {_words(a) for a in [name, *aliases.get(name, [])]} - {frozenset()}
            if not forms:
                continue
            entity = next((e for e in entities if e.aliases & forms), None)
            if entity is None:
                entity = _Entity()
                entities.append(entity)
            entity.aliases |= forms
            if name in orgs:
                entity.org = True
                entity.confidence |= orgs[name]
    return entities


# ---------------------------------------------------------------- predictions


@dataclass(frozen=True)
class _Pred:
    value: str
    aliases: frozenset[frozenset[str]]
    confidence: str | None
    org: bool


def predictions(mentions: list[ActorMention]) -> list[_Pred]:
    by_value: dict[str, list[ActorMention]] = defaultdict(list)
    for m in mentions:
        if m.slot in PERP_SLOTS and m.value != "none claimed":
            by_value[m.value].append(m)
    out = []
    for value, ms in sorted(by_value.items()):
        counts = Counter(m.confidence for m in ms)
        first = {m.confidence: m.start for m in reversed(ms)}
        confidence = sorted(counts, key=lambda c: (-counts[c], first[c]))[0]
        named = canonical_group(value) is not None
        forms = {_words(a) for a in ([value, *group_aliases(value)] if named else [value])}
        out.append(_Pred(value, frozenset(forms - {frozenset()}), confidence,
                         named or bool(_STATE.search(value.lower()))))
    return out


def _match_kind(pred: _Pred, gold: _Entity) -> int:
    """2 = an alias pair is equal, 1 = word-set containment, 0 = no match."""
    if pred.aliases & gold.aliases:
        return 2
    for p in pred.aliases:
        for g in gold.aliases:
            if p <= g or g <= p:
                return 1
    return 0


def match(preds: list[_Pred], golds: list[_Entity]) -> list[tuple[_Pred, _Entity]]:
    """One-to-one greedy matching, exact alias matches first."""
    pairs = []
    for i, p in enumerate(preds):
        for j, g in enumerate(golds):
            kind = _match_kind(p, g)
            if kind:
                pairs.append((-kind, i, j))
    used_p: set[int] = set()
    used_g: set[int] = set()
    out = []
    for _, i, j in sorted(pairs):
        if i in used_p or j in used_g:
            continue
        used_p.add(i)
        used_g.add(j)
        out.append((preds[i], golds[j]))
    return out


# ---------------------------------------------------------------- scoring


@dataclass
class _Tally:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, n_pred: int, n_gold: int, n_match: int) -> None:
        self.tp += n_match
        self.fp += n_pred - n_match
        self.fn += n_gold - n_match

    def prf(self) -> dict[str, float]:
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return {"p": round(p, 3), "r": round(r, 3), "f1": round(f, 3),
                "tp": self.tp, "fp": self.fp, "fn": self.fn}


@dataclass
class _Split:
    all: _Tally = field(default_factory=_Tally)
    org: _Tally = field(default_factory=_Tally)
    conf_ok: int = 0
    conf_n: int = 0
    docs: int = 0

    def summary(self) -> dict[str, Any]:
        acc = round(self.conf_ok / self.conf_n, 3) if self.conf_n else None
        return {"docs": self.docs, "perpetrators": self.all.prf(), "orgs": self.org.prf(),
                "org_confidence_accuracy": acc, "org_confidence_n": self.conf_n}


def _score_doc(split: _Split, preds: list[_Pred], golds: list[_Entity]) -> None:
    split.docs += 1
    pairs = match(preds, golds)
    split.all.add(len(preds), len(golds), len(pairs))
    org_preds = [p for p in preds if p.org]
    org_golds = [g for g in golds if g.org]
    org_pairs = match(org_preds, org_golds)
    split.org.add(len(org_preds), len(org_golds), len(org_pairs))
    for pred, gold in org_pairs:
        split.conf_n += 1
        split.conf_ok += bool(_MUC_CONFIDENCE.get(pred.confidence or "", set()) & gold.confidence)


def _split_of(doc_id: str) -> str:
    return "dev" if doc_id.startswith("DEV") else "test"


def evaluate_actors(dataset: str = "muc4", limit: int | None = None) -> dict[str, Any]:
    """Perpetrator P/R/F1 (all and org-only) and org confidence accuracy, per split."""
    incidents: dict[str, list[GoldIncident]] = defaultdict(list)
    for inc in load_incidents(dataset):
        for doc_id in inc.doc_ids:
            incidents[doc_id].append(inc)
    splits: dict[str, _Split] = defaultdict(_Split)
    for report, doc in parsed_dataset(dataset, limit=limit):
        preds = predictions(extract_actors(doc))
        golds = gold_entities(incidents.get(report.id, []))
        _score_doc(splits[_split_of(report.id)], preds, golds)
        _score_doc(splits["all"], preds, golds)
    return {name: s.summary() for name, s in sorted(splits.items())}


if __name__ == "__main__":
    name = sys.argv[1] if len(sys.argv) > 1 else "muc4"
    lim = int(sys.argv[2]) if len(sys.argv) > 2 else None
    print(json.dumps(evaluate_actors(name, lim), indent=1))
