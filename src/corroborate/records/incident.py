"""Incidents: the reconciled record built from several reports."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from corroborate.records.analysis import ReferencedIncident
from corroborate.records.claim import Claim

# Statuses a fact can have across reports.
STATUSES = ("corroborated", "contested", "single_source", "revised")


@dataclass(frozen=True)
class Place:
    """A geocoded place."""

    name: str | None = None
    admin1: str | None = None
    country_code: str | None = None
    lat: float | None = None
    lon: float | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "admin1": self.admin1, "country_code": self.country_code,
                "lat": self.lat, "lon": self.lon}

    @classmethod
    def from_dict(cls, data: dict[str, Any] | None) -> Place:
        data = data or {}
        return cls(name=data.get("name"), admin1=data.get("admin1"),
                   country_code=data.get("country_code"), lat=data.get("lat"),
                   lon=data.get("lon"))


@dataclass(frozen=True)
class Fact:
    """One slot reconciled across reports.

    Attributes:
        slot: ``killed``, ``injured``, ``perpetrator``, ...
        status: ``corroborated`` (independent claims agree), ``contested`` (they
            disagree), ``single_source`` (one source only), ``revised`` (one source
            changed its figure over time and nobody disagrees).
        best: the most defensible value (UCDP "best").
        low, high: the range the claims allow (UCDP low / high).
        conservative: the lowest credible figure (ACLED's rule).
        claims: every claim, supporting and dissenting, ordered by report time.
        reports: number of reports behind the fact.
        sources: number of independent upstream sources behind it.
        timeline: ``[{"time", "value", "report", "source"}]`` in reporting order.
        note: a short human-readable explanation of the status.
        values: for slots where several values hold at once (perpetrators, targets,
            weapons): every distinct value, most reported first, spelling variants of one
            name given once (its fullest form); empty for other slots.
    """

    slot: str
    status: str
    best: Any = None
    low: Any = None
    high: Any = None
    conservative: Any = None
    claims: tuple[Claim, ...] = ()
    reports: int = 0
    sources: int = 0
    timeline: tuple[dict[str, Any], ...] = ()
    note: str = ""
    values: tuple[Any, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "status": self.status, "best": self.best, "low": self.low, "high": self.high,
            "conservative": self.conservative, "reports": self.reports,
            "sources": self.sources, "note": self.note,
            "timeline": [dict(t) for t in self.timeline],
            "claims": [c.to_dict() for c in self.claims],
        }
        out["values"] = list(self.values)
        return out

    @classmethod
    def from_dict(cls, slot: str, data: dict[str, Any]) -> Fact:
        return cls(
            slot=slot, status=data["status"], best=data.get("best"), low=data.get("low"),
            high=data.get("high"), conservative=data.get("conservative"),
            claims=tuple(Claim.from_dict(c) for c in data.get("claims", [])),
            reports=data.get("reports", 0), sources=data.get("sources", 0),
            timeline=tuple(data.get("timeline", [])), note=data.get("note", ""),
            values=tuple(data.get("values", ())),
        )


@dataclass(frozen=True)
class Entity:
    """A real-world entity merged across spellings and reports."""

    name: str
    type: str
    aliases: tuple[str, ...] = ()
    reports: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "type": self.type, "aliases": list(self.aliases),
                "reports": list(self.reports)}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Entity:
        return cls(name=data["name"], type=data["type"],
                   aliases=tuple(data.get("aliases", [])),
                   reports=tuple(data.get("reports", [])))


@dataclass(frozen=True)
class Link:
    """Why two reports were put in one incident: the evidence of one link."""

    a: str
    b: str
    score: float
    evidence: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {"a": self.a, "b": self.b, "score": round(self.score, 4),
                "evidence": dict(self.evidence)}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Link:
        return cls(a=data["a"], b=data["b"], score=data["score"],
                   evidence=dict(data.get("evidence", {})))


@dataclass(frozen=True)
class Incident:
    """The reconciled record of one real-world incident."""

    id: str
    reports: tuple[str, ...]
    event_date: str | None = None
    place: Place = field(default_factory=Place)
    event_type: str | None = None
    facts: dict[str, Fact] = field(default_factory=dict)
    entities: tuple[Entity, ...] = ()
    referenced_incidents: tuple[ReferencedIncident, ...] = ()
    framing: dict[str, dict[str, list[str]]] = field(default_factory=dict)
    links: tuple[Link, ...] = ()
    sources: dict[str, str] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "reports": list(self.reports),
            "event_date": self.event_date,
            "place": self.place.to_dict(),
            "event_type": self.event_type,
            "facts": {k: self.facts[k].to_dict() for k in sorted(self.facts)},
            "entities": [e.to_dict() for e in self.entities],
            "referenced_incidents": [r.to_dict() for r in self.referenced_incidents],
            "framing": {k: {r: list(t) for r, t in sorted(v.items())}
                        for k, v in sorted(self.framing.items())},
            "links": [lk.to_dict() for lk in self.links],
            "sources": dict(sorted(self.sources.items())),
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Incident:
        return cls(
            id=data["id"],
            reports=tuple(data["reports"]),
            event_date=data.get("event_date"),
            place=Place.from_dict(data.get("place")),
            event_type=data.get("event_type"),
            facts={k: Fact.from_dict(k, v) for k, v in (data.get("facts") or {}).items()},
            entities=tuple(Entity.from_dict(e) for e in data.get("entities", [])),
            referenced_incidents=tuple(
                ReferencedIncident.from_dict(r) for r in data.get("referenced_incidents", [])
            ),
            framing={k: {r: list(t) for r, t in v.items()}
                     for k, v in (data.get("framing") or {}).items()},
            links=tuple(Link.from_dict(x) for x in data.get("links", [])),
            sources=dict(data.get("sources") or {}),
        )
