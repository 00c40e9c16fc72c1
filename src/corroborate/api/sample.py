"""A tiny hand-written store for trying the desk and for its tests.

Two short invented reports about one invented market explosion, disagreeing on
the death toll, plus a second incident; records are built by hand (no NLP), so
the desk can be shown without a model.
"""

from __future__ import annotations

from typing import Any

from corroborate.records import (
    Attribution,
    Claim,
    EntityMention,
    Fact,
    Incident,
    Place,
    PlaceMention,
    Report,
    ReportAnalysis,
)
from corroborate.store import open_store

TEXTS = {
    "rA": ("Two explosions hit a crowded market in Kerman on Friday. At least 40 people were "
           "killed, the provincial governor said. Dozens more were wounded."),
    "rB": ("The death toll from the Kerman market blasts rose to 84, state television "
           "reported on Saturday. Officials said 120 people were injured."),
    "rC": "A gunman opened fire at a bus stop in Lyon on Monday, killing 3 people, police said.",
}


def span_of(text: str, needle: str) -> tuple[int, int]:
    start = text.index(needle)
    return start, start + len(needle)


def sentence_of(text: str, needle: str) -> str:
    start = text.index(needle)
    left = max(text.rfind(". ", 0, start) + 2, 0) if ". " in text[:start] else 0
    right = text.find(". ", start)
    return text[left:right + 1 if right >= 0 else len(text)]


def claim(report: Report, slot: str, value: Any, needle: str, **extra: Any) -> Claim:
    return Claim(slot=slot, value=value, report=report.id, span=span_of(report.text, needle),
                 text=sentence_of(report.text, needle), published=report.published,
                 time_basis="published", **extra)


def analyses() -> list[ReportAnalysis]:
    a = Report(id="rA", text=TEXTS["rA"], outlet="Daily Example", published="2024-03-01T08:00:00",
               url="https://example.org/a", title="Blasts at Kerman market")
    b = Report(id="rB", text=TEXTS["rB"], outlet="Wire Service", published="2024-03-02T10:00:00")
    c = Report(id="rC", text=TEXTS["rC"], outlet="Courrier", published="2024-04-08T12:00:00")
    kerman = PlaceMention(text="Kerman", span=span_of(a.text, "Kerman"), name="Kerman",
                          kind="city", country_code="IR", lat=30.28, lon=57.08)
    lyon = PlaceMention(text="Lyon", span=span_of(c.text, "Lyon"), name="Lyon", kind="city",
                        country_code="FR", lat=45.76, lon=4.83)
    governor = Attribution(speaker="the provincial governor", verb="said")
    return [
        ReportAnalysis(report=a, places=(kerman,), place=kerman, event_type="explosion",
                       claims=(claim(a, "killed", 40, "At least 40", qualifier="at_least",
                                     low=40, attribution=governor),
                               claim(a, "injured", 24, "Dozens", qualifier="vague", low=24))),
        ReportAnalysis(report=b, places=(PlaceMention(**{**kerman.to_dict(),
                                                        "span": span_of(b.text, "Kerman")}),),
                       entities=(EntityMention("state television", "ORG",
                                               span_of(b.text, "state television")),),
                       event_type="explosion",
                       claims=(claim(b, "killed", 84, "rose to 84", low=84, high=84,
                                     attribution=Attribution(channel="state television")),
                               claim(b, "injured", 120, "120 people", low=120, high=120))),
        ReportAnalysis(report=c, places=(lyon,), place=lyon, event_type="shooting",
                       claims=(claim(c, "killed", 3, "killing 3", low=3, high=3),)),
    ]


def incidents(items: list[ReportAnalysis]) -> list[Incident]:
    a, b, c = items
    killed = (a.claims[0], b.claims[0])
    injured = (a.claims[1], b.claims[1])
    timeline = tuple({"time": x.published, "value": x.value, "report": x.report,
                      "source": x.attribution.source_key} for x in killed)
    market = Incident(
        id="i-kerman", reports=("rA", "rB"), event_date="2024-03-01",
        place=Place(name="Kerman", admin1="Kerman", country_code="IR", lat=30.28, lon=57.08),
        event_type="explosion",
        facts={
            "killed": Fact("killed", "contested", best=84, low=40, high=84, conservative=40,
                           claims=killed, reports=2, sources=2, timeline=timeline,
                           note="reports give 40+ and 84"),
            "injured": Fact("injured", "corroborated", best=120, low=24, high=120,
                            conservative=24, claims=injured, reports=2, sources=2,
                            timeline=tuple({"time": x.published, "value": x.value,
                                            "report": x.report, "source": None}
                                           for x in injured)),
        })
    shooting = Incident(
        id="i-lyon", reports=("rC",), event_date="2024-04-08",
        place=Place(name="Lyon", country_code="FR", lat=45.76, lon=4.83), event_type="shooting",
        facts={"killed": Fact("killed", "single_source", best=3, low=3, high=3, conservative=3,
                              claims=c.claims, reports=1, sources=1)})
    return [market, shooting]


def sample_store(url: str = "memory:") -> Any:
    """A store holding the sample reports and incidents."""
    store = open_store(url)
    items = analyses()
    store.add_analyses(items, ingested_at="2024-05-01T00:00:00Z")
    store.replace_incidents(incidents(items))
    return store
