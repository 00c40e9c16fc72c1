"""Build one reconciled ``Incident`` from the analyses of its reports."""

from __future__ import annotations

import hashlib
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import replace

from corroborate.reconcile.entities import fold, resolve_entities
from corroborate.reconcile.facts import _report_figure, reconcile_slot
from corroborate.reconcile.sources import claim_source
from corroborate.records import (
    Claim,
    Fact,
    Incident,
    Link,
    Place,
    PlaceMention,
    ReferencedIncident,
    ReportAnalysis,
)

RULE = "corroborate.reconcile.incident.v2"


def incident_id(report_ids: Sequence[str]) -> str:
    """A stable id: derived from the smallest member report id."""
    return "i" + hashlib.sha256(min(report_ids).encode()).hexdigest()[:12]


def _fill_years(claims: list[Claim]) -> list[Claim]:
    """Give "XXXX-MM-DD" dates the year other reports state for the same day."""
    full = Counter(str(c.value) for c in claims if not str(c.value).startswith("XXXX"))
    out = []
    for claim in claims:
        value = str(claim.value)
        if value.startswith("XXXX"):
            same_day = [d for d in full if d.endswith(value[4:])]
            if same_day:
                best = max(same_day, key=lambda d: (full[d], d))
                claim = replace(claim, value=best,
                                extractor=claim.extractor + "+year_from_other_reports")
        out.append(claim)
    return out


def _not_after_first_report(claims: list[Claim],
                            analyses: Sequence[ReportAnalysis]) -> list[Claim]:
    """Drop event dates later than the first report's publication day.

    An incident happened before anyone reported it: a later date is a follow-up's own
    day (a victim died, an arrest, a hearing). Kept when nothing else is left.
    """
    published = sorted(str(a.report.published)[:10] for a in analyses
                       if a.report.published and str(a.report.published)[:4].isdigit())
    if not published:
        return claims
    kept = [c for c in claims if str(c.value)[:10] <= published[0]]
    return kept or claims


_MARK = "+report_figure"
_SINGLE_VICTIMS = "counts.single_victims"


def _injured_from_hospitalized(claims: list[Claim]) -> list[Claim]:
    """One report's injured claims, completed by its hospitalized figure where that says more.

    People taken to hospital after an attack are among its injured: a report saying only
    "sent 4 people to the hospital" (or counting one wounded victim by name beside "four
    others were in the hospital") states an injured figure of at least that many. A report
    with its own numeric injured figure keeps it: the two measures are never merged then.
    """
    injured = [c for c in claims if c.slot == "injured"]
    hosp = [c for c in claims if c.slot == "hospitalized"]
    if not hosp:
        return injured
    figure = _report_figure(hosp)
    current = _report_figure(injured) if injured else None
    if current is not None and not (current.extractor.startswith(_SINGLE_VICTIMS)
                                    and int(figure.value) > int(current.value)):
        return injured
    derived = replace(figure, slot="injured", extractor=figure.extractor.removesuffix(_MARK)
                      + "+from_hospitalized" + _MARK)
    return [derived] + [replace(c, extractor=c.extractor.removesuffix(_MARK)) for c in injured]


def _injured_after_deaths(injured: list[Claim], killed: list[Claim],
                          best_killed: int) -> list[Claim]:
    """Injured figures net of the wounded who later died (or were counted as shot).

    A report with fewer dead than the incident's best figure counted the others among
    its wounded ("a toddler in critical condition" who died the next day; "four shot"
    when one of them died): its injured figure drops by the difference, never below 0.
    """
    own_killed: dict[str, int] = {}
    published: dict[str, str] = {}
    for report in {c.report for c in killed}:
        figure = _report_figure([c for c in killed if c.report == report])
        own_killed[report] = int(figure.value)
        published[report] = figure.published or ""
    # When the deaths were reported: the first report giving the best figure.
    died = min((published[r] for r, n in own_killed.items() if n == best_killed), default="")
    by_report: dict[str, list[Claim]] = defaultdict(list)
    for claim in injured:
        by_report[claim.report].append(claim)
    out: list[Claim] = []
    for report, group in by_report.items():
        moved = best_killed - own_killed.get(report, 0)
        figure = _report_figure(group)
        if moved <= 0 or int(figure.value) <= 0 or (figure.published or "") > died:
            out.extend(group)
            continue
        left = max(0, int(figure.value) - moved)
        out.extend(replace(c, value=left, low=None, high=None,
                           extractor=c.extractor.removesuffix(_MARK) + "+net_of_later_deaths"
                           + _MARK) if c is figure else
                   replace(c, extractor=c.extractor.removesuffix(_MARK)) for c in group)
    return out


def _place(analyses: Sequence[ReportAnalysis]) -> tuple[Place, PlaceMention | None]:
    """The place most reports chose; a town named by other reports too, or lying in the
    county or state that other reports chose, gains part of their weight (reports filed from a
    big city often choose it over the suburb where the shooting was)."""
    votes: Counter[tuple[str, str]] = Counter()
    chosen: dict[tuple[str, str], PlaceMention] = {}
    for analysis in analyses:
        p = analysis.place
        if p is None or p.country_code is None:
            continue
        key = (fold(p.name or p.text), p.country_code)
        votes[key] += 1
        chosen.setdefault(key, p)
    if not votes:
        return Place(), None
    # 0.4 per other report that names the town, 0.5 per report that chose its county or state
    support: defaultdict[tuple[str, str], float] = defaultdict(float)
    for analysis in analyses:
        own = analysis.place
        own_key = (fold(own.name or own.text), own.country_code) if own else None
        named = {(fold(q.name or q.text), q.country_code) for q in analysis.places
                 if q.kind == "city" and q.country_code}
        for key, p in chosen.items():
            if key == own_key or p.kind != "city":
                continue
            if key in named:
                support[key] += 0.4
            elif own is not None and own.kind in ("admin1", "admin2") and p.admin1 and (
                    own.country_code == p.country_code and own.admin1 == p.admin1):
                support[key] += 0.5

    def rank(key: tuple[str, str]) -> tuple[float, int, int, tuple[str, str]]:
        p = chosen[key]
        return (votes[key] + support[key], p.kind == "city", p.population or 0, key)

    best = chosen[max(votes, key=rank)]
    return Place(name=best.name, admin1=best.admin1, country_code=best.country_code,
                 lat=best.lat, lon=best.lon), best


def _referenced(analyses: Sequence[ReportAnalysis]) -> tuple[ReferencedIncident, ...]:
    seen: dict[tuple[str, str, str], ReferencedIncident] = {}
    for analysis in analyses:
        for ref in analysis.referenced_incidents:
            key = (ref.date or "", fold(ref.place or ""), ref.report if not ref.date else "")
            seen.setdefault(key, ref)
    return tuple(sorted(seen.values(), key=lambda r: (r.date or "", r.report, r.span)))


def _framing(analyses: Sequence[ReportAnalysis]) -> dict[str, dict[str, list[str]]]:
    out: dict[str, dict[str, list[str]]] = defaultdict(dict)
    for analysis in analyses:
        for referent, terms in analysis.framing.items():
            out[referent][analysis.report.id] = sorted(set(terms))
    return dict(out)


def build_incident(analyses: Sequence[ReportAnalysis], *,
                   upstream: Mapping[str, str] | None = None,
                   links: Sequence[Link] = (), incident_id_: str | None = None) -> Incident:
    """Reconcile the analyses of one incident's reports.

    Args:
        analyses: the member reports' analyses (any order: the result does not
            depend on it).
        upstream: report id -> upstream source key (wire copies share one).
        links: clustering evidence to keep with the record.
        incident_id_: keep an existing id (incremental updates).
    """
    analyses = sorted(analyses, key=lambda a: (a.report.published or "", a.report.id))
    ids = [a.report.id for a in analyses]
    order = {rid: i for i, rid in enumerate(ids)}
    place, _ = _place(analyses)
    upstream = dict(upstream or {})

    def source_of(claim: Claim) -> str:
        return claim_source(claim, report_upstream=upstream, country=place.country_code)

    by_slot: dict[str, list[Claim]] = defaultdict(list)
    for analysis in analyses:
        for claim in analysis.claims:
            if claim.slot != "injured":
                by_slot[claim.slot].append(claim)
        by_slot["injured"].extend(_injured_from_hospitalized(list(analysis.claims)))
    if not by_slot["injured"]:
        del by_slot["injured"]
    if "event_date" in by_slot:
        by_slot["event_date"] = _not_after_first_report(_fill_years(by_slot["event_date"]),
                                                        analyses)
    facts: dict[str, Fact] = {}
    if "killed" in by_slot and "injured" in by_slot:
        killed = reconcile_slot("killed", by_slot["killed"], source_of=source_of,
                                report_order=order, report_upstream=upstream)
        if killed is not None:
            by_slot["injured"] = _injured_after_deaths(by_slot["injured"], by_slot["killed"],
                                                       int(killed.best))
    for slot in sorted(by_slot):
        fact = reconcile_slot(slot, by_slot[slot], source_of=source_of, report_order=order,
                              report_upstream=upstream)
        if fact is not None:
            facts[slot] = fact
    event_date = facts["event_date"].best if "event_date" in facts else None
    types = Counter(a.event_type for a in analyses if a.event_type)
    return Incident(
        id=incident_id_ or incident_id(ids),
        reports=tuple(sorted(ids)),
        event_date=event_date if event_date and not str(event_date).startswith("XXXX") else None,
        place=place,
        event_type=max(types, key=lambda t: (types[t], t)) if types else None,
        facts=facts,
        entities=tuple(resolve_entities(analyses)),
        referenced_incidents=_referenced(analyses),
        framing=_framing(analyses),
        links=tuple(sorted(links, key=lambda lk: (lk.a, lk.b))),
        sources={rid: upstream.get(rid, rid) for rid in ids},
    )
