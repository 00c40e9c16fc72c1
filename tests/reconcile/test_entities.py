from __future__ import annotations

from corroborate.reconcile.entities import resolve_entities
from corroborate.records import EntityMention, Report, ReportAnalysis


def analysis(rid: str, *mentions: tuple[str, str, str | None]) -> ReportAnalysis:
    return ReportAnalysis(
        report=Report(id=rid, text="-"),
        entities=tuple(EntityMention(text=t, type=ty, span=(0, 1), title=title)
                       for t, ty, title in mentions))


def test_entities_spelling_variants_titles_and_acronyms_merge() -> None:
    ents = resolve_entities([
        analysis("a", ("Qassem Suleimani", "PERSON", "Maj Gen"), ("Suleimani", "PERSON", None),
                 ("Islamic Revolutionary Guard Corps", "ORG", None), ("IRGC", "ORG", None),
                 ("Islamic State militants", "ORG", None)),
        analysis("b", ("Qassem Soleimani", "PERSON", None), ("Soleimani", "PERSON", "General"),
                 ("Islamic State", "ORG", None), ("Ali Khamenei", "PERSON", None),
                 ("Ruhollah Khomeini", "PERSON", None)),
    ])
    by_alias = {a: e for e in ents for a in (e.name, *e.aliases)}
    assert by_alias["Suleimani"] is by_alias["Qassem Soleimani"] is by_alias["Soleimani"]
    assert by_alias["IRGC"] is by_alias["Islamic Revolutionary Guard Corps"]
    assert by_alias["Islamic State"] is by_alias["Islamic State militants"]
    assert by_alias["Ali Khamenei"] is not by_alias["Ruhollah Khomeini"]
    assert by_alias["Suleimani"].reports == ("a", "b")
    # A title stays an alias form ("Maj Gen Qassem Suleimani"), never the entity's name.
    assert by_alias["Suleimani"].name in ("Qassem Suleimani", "Qassem Soleimani")
    assert "General Soleimani" in by_alias["Suleimani"].aliases


def test_entities_place_granularity_merges_but_names_do_not_shrink() -> None:
    ents = resolve_entities([
        analysis("a", ("Kerman", "GPE", None), ("Islamic State", "ORG", None)),
        analysis("b", ("Kerman province", "GPE", None), ("Kermanshah", "GPE", None)),
    ])
    by_alias = {a: e for e in ents for a in (e.name, *e.aliases)}
    assert by_alias["Kerman"] is by_alias["Kerman province"]
    assert by_alias["Kermanshah"] is not by_alias["Kerman"]
    assert by_alias["Islamic State"].name == "Islamic State"


def test_entities_acronym_expanded_from_a_longer_name() -> None:
    ents = resolve_entities([
        analysis("a", ("National Liberation Army Urban Front", "ORG", None)),
        analysis("b", ("NLA", "ORG", None)),
    ])
    by_alias = {a: e for e in ents for a in (e.name, *e.aliases)}
    assert by_alias["NLA"] is by_alias["National Liberation Army"]
    assert by_alias["National Liberation Army Urban Front"] is not by_alias["NLA"]
