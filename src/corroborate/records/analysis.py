"""What per-report extraction produces: mentions and claims of one report."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from corroborate.records.claim import Claim
from corroborate.records.diagnostic import Diagnostic
from corroborate.records.report import Report


@dataclass(frozen=True)
class EntityMention:
    """A named entity as written in one report.

    Attributes:
        text: the surface form ("Maj Gen Qassem Suleimani").
        type: PERSON, ORG, GPE, NORP, LOC, FAC.
        span: character offsets in the report text.
        title: a title stripped from the name ("Maj Gen"), if any.
    """

    text: str
    type: str
    span: tuple[int, int]
    title: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "type": self.type, "span": list(self.span),
                "title": self.title}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> EntityMention:
        return cls(text=data["text"], type=data["type"],
                   span=(data["span"][0], data["span"][1]), title=data.get("title"))


@dataclass(frozen=True)
class PlaceMention:
    """A place named in a report, geocoded when the gazetteer knows it.

    Attributes:
        text: as written ("Kerman", "Kerman province").
        span: character offsets.
        name: gazetteer name of the resolved place.
        kind: ``city``, ``admin2`` (county), ``admin1`` or ``country``.
        admin1: first-level division name ("Kerman").
        country_code: ISO 3166-1 alpha-2.
        lat, lon: coordinates (of the city, province centroid or country centroid).
        population: used for ranking between candidates.
        geonameid: id in the gazetteer when it has one.
    """

    text: str
    span: tuple[int, int]
    name: str | None = None
    kind: str | None = None
    admin1: str | None = None
    country_code: str | None = None
    lat: float | None = None
    lon: float | None = None
    population: int = 0
    geonameid: int | None = None

    @property
    def resolved(self) -> bool:
        return self.country_code is not None

    def to_dict(self) -> dict[str, Any]:
        return {
            "text": self.text, "span": list(self.span), "name": self.name, "kind": self.kind,
            "admin1": self.admin1, "country_code": self.country_code, "lat": self.lat,
            "lon": self.lon, "population": self.population, "geonameid": self.geonameid,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> PlaceMention:
        fields = dict(data)
        fields["span"] = (data["span"][0], data["span"][1])
        kwargs: dict[str, Any] = {k: fields.get(k) for k in cls.__dataclass_fields__
                                  if k in fields}
        return cls(**kwargs)


@dataclass(frozen=True)
class ReferencedIncident:
    """An older incident a report mentions (kept apart from the reported one).

    Attributes:
        description: the sentence (or clause) that mentions it.
        date: ``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY`` as far as the text tells.
        place: place name when one is mentioned with it.
        report: the report that mentions it.
        span: character offsets of the mention.
        killed: a death toll the report gives for it, if any.
    """

    description: str
    date: str | None
    place: str | None
    report: str
    span: tuple[int, int]
    killed: int | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"description": self.description, "date": self.date, "place": self.place,
                "report": self.report, "span": list(self.span), "killed": self.killed}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> ReferencedIncident:
        return cls(description=data["description"], date=data.get("date"),
                   place=data.get("place"), report=data["report"],
                   span=(data["span"][0], data["span"][1]), killed=data.get("killed"))


@dataclass(frozen=True)
class ReportAnalysis:
    """Everything extracted from one report.

    Claims about the reported incident are in ``claims``; claims about older,
    referenced incidents are not (they live in ``referenced_incidents``).

    Attributes:
        report: the report analysed.
        claims: claims about the main incident, every one with a span.
        entities: named-entity mentions.
        places: place mentions, geocoded where possible.
        referenced_incidents: older incidents the report mentions.
        event_date: the report's best guess of the incident date (``YYYY-MM-DD``).
        event_date_basis: how it was found (``explicit``, ``relative:published``,
            ``relative:anchor``, ``published``).
        place: the place chosen as the incident's location.
        event_type: coarse type (``explosion``, ``shooting``, ``armed_attack``, ...).
        framing: surface terms used for salient referents, e.g.
            ``{"death": ["assassination"], "attack": ["terrorist attack"]}``.
        reference_date: the date relative expressions were resolved against.
        diagnostics: problems met while analysing.
        pipeline: versioned names of the stages that ran (provenance).
    """

    report: Report
    claims: tuple[Claim, ...] = ()
    entities: tuple[EntityMention, ...] = ()
    places: tuple[PlaceMention, ...] = ()
    referenced_incidents: tuple[ReferencedIncident, ...] = ()
    event_date: str | None = None
    event_date_basis: str | None = None
    place: PlaceMention | None = None
    event_type: str | None = None
    framing: dict[str, list[str]] = field(default_factory=dict)
    reference_date: str | None = None
    diagnostics: tuple[Diagnostic, ...] = ()
    pipeline: tuple[str, ...] = ()

    def claims_for(self, slot: str) -> list[Claim]:
        return [c for c in self.claims if c.slot == slot]

    def to_dict(self) -> dict[str, Any]:
        return {
            "report": self.report.to_dict(),
            "claims": [c.to_dict() for c in self.claims],
            "entities": [e.to_dict() for e in self.entities],
            "places": [p.to_dict() for p in self.places],
            "referenced_incidents": [r.to_dict() for r in self.referenced_incidents],
            "event_date": self.event_date,
            "event_date_basis": self.event_date_basis,
            "place": self.place.to_dict() if self.place else None,
            "event_type": self.event_type,
            "framing": {k: list(v) for k, v in sorted(self.framing.items())},
            "reference_date": self.reference_date,
            "diagnostics": [d.to_dict() for d in self.diagnostics],
            "pipeline": list(self.pipeline),
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> ReportAnalysis:
        from corroborate.records.claim import Claim as _Claim

        return cls(
            report=Report.from_dict(data["report"]),
            claims=tuple(_Claim.from_dict(c) for c in data.get("claims", [])),
            entities=tuple(EntityMention.from_dict(e) for e in data.get("entities", [])),
            places=tuple(PlaceMention.from_dict(p) for p in data.get("places", [])),
            referenced_incidents=tuple(
                ReferencedIncident.from_dict(r) for r in data.get("referenced_incidents", [])
            ),
            event_date=data.get("event_date"),
            event_date_basis=data.get("event_date_basis"),
            place=PlaceMention.from_dict(data["place"]) if data.get("place") else None,
            event_type=data.get("event_type"),
            framing={k: list(v) for k, v in (data.get("framing") or {}).items()},
            reference_date=data.get("reference_date"),
            diagnostics=tuple(Diagnostic.from_dict(d) for d in data.get("diagnostics", [])),
            pipeline=tuple(data.get("pipeline", [])),
        )
