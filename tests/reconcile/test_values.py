"""Fact.values: the distinct values of multi-valued facts, name variants given once."""

from __future__ import annotations

from corroborate.reconcile.entities import resolve_entities
from corroborate.reconcile.values import with_values
from corroborate.records import Claim, EntityMention, Fact, Report, ReportAnalysis


def _fact(slot: str, *values: tuple[str, str]) -> Fact:
    claims = tuple(Claim(slot=slot, value=v, report=r, span=(0, 1)) for v, r in values)
    return Fact(slot=slot, status="corroborated", best=values[0][0], claims=claims)


def _persons(*names: str) -> list[ReportAnalysis]:
    return [ReportAnalysis(report=Report(id="a", text="-"), entities=tuple(
        EntityMention(text=n, type="PERSON", span=(0, 1)) for n in names))]


def test_surname_and_possessive_become_the_full_name_and_generics_go() -> None:
    facts = {"perpetrator": _fact("perpetrator", ("gunman", "a"), ("Dale Orcutt", "b")),
             "suspected_perpetrator": _fact("suspected_perpetrator", ("Orcutt’s", "c")),
             "weapon": _fact("weapon", ("firearm", "a"), ("firearm", "b"))}
    out = with_values(facts, resolve_entities(_persons("Dale Orcutt", "Orcutt")))
    assert out["perpetrator"].values == ("Dale Orcutt",)
    assert out["perpetrator"].best == "Dale Orcutt"  # not the description "gunman"
    assert out["suspected_perpetrator"].values == ("Dale Orcutt",)
    assert out["weapon"].values == ("firearm",)
    # every wording stays a claim
    assert [c.value for c in out["perpetrator"].claims] == ["gunman", "Dale Orcutt"]


def test_generic_descriptions_stay_when_nobody_is_named() -> None:
    facts = {"perpetrator": _fact("perpetrator", ("two men", "a"), ("gunmen", "b"),
                                  ("gunmen", "c"), ("Shining Path", "c"))}
    out = with_values(facts, [])
    assert out["perpetrator"].values == ("gunmen", "two men", "Shining Path")


def test_a_surname_two_people_share_stays_apart() -> None:
    facts = {"perpetrator": _fact("perpetrator", ("Lena Varga", "a"), ("Varga", "b")),
             "target": _fact("target", ("Tomas Varga", "a"))}
    entities = resolve_entities(_persons("Lena Varga", "Tomas Varga", "Varga"))
    names = {e.name for e in entities}
    assert {"Lena Varga", "Tomas Varga"} <= names
    out = with_values(facts, entities)
    # the surname a perpetrator claim gives is the named perpetrator
    assert out["perpetrator"].values == ("Lena Varga",)
    assert out["target"].values == ("Tomas Varga",)
