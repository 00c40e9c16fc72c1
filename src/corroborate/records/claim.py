"""Claims: one value one report asserts, with its span and who it cites."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

# How a figure is hedged. ``vague`` covers "dozens", "scores", "several".
QUALIFIERS = ("exact", "at_least", "more_than", "about", "up_to", "at_most", "vague")

# Slots holding counts of people or things; reconciled as intervals.
COUNT_SLOTS = (
    "killed",
    "injured",
    "hospitalized",
    "missing",
    "arrested",
    "kidnapped",
    "explosions",
)


@dataclass(frozen=True)
class Attribution:
    """Who a report cites for a claim.

    Attributes:
        speaker: the person or body that said it ("Reza Fallah", "state media");
            None for the report's own voice.
        role: the speaker's title or function ("head of the provincial Red Crescent").
        channel: the medium it came through ("IRNA", "state TV", "Reuters").
        verb: the reporting verb ("told", "said", "reported", "according to").
    """

    speaker: str | None = None
    role: str | None = None
    channel: str | None = None
    verb: str | None = None

    @property
    def source_key(self) -> str | None:
        """The upstream source a claim traces back to: the channel, else the speaker."""
        return self.channel or self.speaker

    def to_dict(self) -> dict[str, Any]:
        return {"speaker": self.speaker, "role": self.role, "channel": self.channel,
                "verb": self.verb}

    @classmethod
    def from_dict(cls, data: dict[str, Any] | None) -> Attribution:
        data = data or {}
        return cls(speaker=data.get("speaker"), role=data.get("role"),
                   channel=data.get("channel"), verb=data.get("verb"))


@dataclass(frozen=True)
class Claim:
    """One value for one slot, as one report states it.

    Attributes:
        slot: what the value is about (``killed``, ``injured``, ``hospitalized``,
            ``event_date``, ``place``, ``perpetrator``, ``responsibility``,
            ``characterisation``, ``event_type``, ``weapon``, ...).
        value: the normalised value: an int for counts, ``YYYY-MM-DD`` for dates,
            a name for actors and places, a label for types.
        report: id of the report that states it.
        span: ``(start, end)`` character offsets of the evidence in the report text.
        text: the sentence that carries the claim.
        qualifier: one of ``QUALIFIERS``.
        low, high: the interval the wording allows, for counts (``high`` None = open).
        attribution: who the report cites.
        published: publication time of the report, or ingest time (see ``time_basis``).
        time_basis: ``published`` or ``ingested``: how ``published`` was obtained.
        extractor: versioned name of the rule that produced the claim.
    """

    slot: str
    value: Any
    report: str
    span: tuple[int, int]
    text: str = ""
    qualifier: str = "exact"
    low: int | None = None
    high: int | None = None
    attribution: Attribution = field(default_factory=Attribution)
    published: str | None = None
    time_basis: str | None = None
    extractor: str = ""

    def to_dict(self) -> dict[str, Any]:
        att = self.attribution
        return {
            "slot": self.slot,
            "report": self.report,
            "span": [self.span[0], self.span[1]],
            "text": self.text,
            "value": self.value,
            "qualifier": self.qualifier,
            "low": self.low,
            "high": self.high,
            "speaker": att.speaker,
            "role": att.role,
            "channel": att.channel,
            "verb": att.verb,
            "published": self.published,
            "time_basis": self.time_basis,
            "extractor": self.extractor,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Claim:
        return cls(
            slot=data["slot"],
            value=data["value"],
            report=data["report"],
            span=(int(data["span"][0]), int(data["span"][1])),
            text=data.get("text", ""),
            qualifier=data.get("qualifier", "exact"),
            low=data.get("low"),
            high=data.get("high"),
            attribution=Attribution.from_dict(data),
            published=data.get("published"),
            time_basis=data.get("time_basis"),
            extractor=data.get("extractor", ""),
        )
