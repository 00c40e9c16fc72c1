"""Build one reconciled ``Incident`` from the analyses of its reports."""

from __future__ import annotations

import hashlib
import re
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import replace

from corroborate.reconcile.entities import fold, resolve_entities
from corroborate.reconcile.event_day import break_tie, outvoting_late_day
from corroborate.reconcile.facts import _SINGLE_VICTIMS, _report_figure, reconcile_slot
from corroborate.reconcile.sources import claim_source
from corroborate.reconcile.values import with_values
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


def _event_day(fact: Fact | None, analyses: Sequence[ReportAnalysis]) -> str | None:
    """The reconciled date, or the first publication day when no report dates the incident.

    News reports an incident on its day or soon after ("a shooting left two dead"), so
    the first report's day is the best estimate left (it carries no claim). It also wins
    over a date after it: only follow-ups (an arrest, a funeral) dated themselves then.
    Equally backed dates are told apart by the reports' wording (``event_day.break_tie``).
    Three or more reports agreeing on a later day outvote an odd first report
    (``event_day.outvoting_late_day``).
    """
    days = sorted(str(a.event_date) for a in analyses
                  if a.event_date and a.event_date_basis == "published")
    late = _day_outvoting_late(analyses)
    if late is not None:
        return late
    texts = {a.report.id: a.report.text for a in analyses}
    best = break_tie(fact, texts) if fact is not None else None
    if days and (best is None or (best[:4].isdigit() and best > days[0])):
        return days[0]
    return best


def _day_outvoting_late(analyses: Sequence[ReportAnalysis]) -> str | None:
    """A day after the first publication that most reports back (``outvoting_late_day``)."""
    published = sorted(str(a.report.published)[:10] for a in analyses
                       if a.report.published and str(a.report.published)[:4].isdigit())
    claims = _fill_years([c for a in analyses for c in a.claims if c.slot == "event_date"])
    return outvoting_late_day(claims, published[0]) if published else None


_MARK = "+report_figure"


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
    # Victims counted one by one, or a part ("two of them critical"), can be fewer than
    # the hospitalized; a report's own whole injured figure stands.
    partial = current is not None and current.extractor.startswith((_SINGLE_VICTIMS,
                                                                     "counts.partitive"))
    if current is not None and not (partial and int(figure.value) > int(current.value)):
        return injured
    derived = replace(figure, slot="injured", extractor=figure.extractor.removesuffix(_MARK)
                      + "+from_hospitalized" + _MARK)
    return [derived] + [replace(c, extractor=c.extractor.removesuffix(_MARK)) for c in injured]


# "Another person was injured", "a second man was wounded": someone other than the dead.
_ANOTHER = re.compile(r"\b(?:another|a\s+second|a\s+third)\s+(?:[a-z0-9'’-]+\s+){0,2}?"
                      r"(?:person|man|woman|victim|boy|girl|teen|officer|one)\s+(?:was|is|had\s+"
                      r"been|has\s+been)\s+(?:\w+ly\s+)?(?:injured|wounded|hurt)\b", re.I)
# Victims counted one by one from "shot", with no word of a wound, can be the dead.
_SHOT_WORD = re.compile(r"\bshot\b|\bshooting\b", re.I)
_WOUND_WORD = re.compile(r"\bwound|\binjur|\bhurt\b|\bcondition\b|\bhospital", re.I)


def _shot_victims(figure: Claim) -> bool:
    text = figure.text or ""
    return figure.extractor.startswith(_SINGLE_VICTIMS) and _SHOT_WORD.search(text) is not None \
        and _WOUND_WORD.search(text) is None


# "a woman who had shot herself in the chest": a wound no report of the dead accounts for.
_COUNT_SELF_WOUND = re.compile(r"\b(?:shot|shooting|wounded|wounding|injured)\s+"
                               r"(?:himself|herself)\b", re.I)


def _count_self_wound(figure: Claim) -> bool:
    return _COUNT_SELF_WOUND.search(figure.text or "") is not None


# "a trooper was shot in the elbow", "wounded a deputy": a wounded officer is rarely a dead
# victim told again (the dead in such reports is mostly the suspect), unless a death is told.
_COUNT_OFFICER_HURT = re.compile(
    r"\b(?:officer|deputy|trooper|agent|policeman)\s+(?:was\s+|has\s+been\s+|had\s+been\s+)?"
    r"(?:\w+ly\s+)?(?:shot|wounded|injured|hurt|struck)\b|\b(?:shot|wounded|injured|wounding|"
    r"injuring)\s+(?:a|an|the|one)\s+(?:[\w-]+\s+){0,2}?(?:officer|deputy|trooper|agent)\b", re.I)
_COUNT_DEATH = re.compile(r"\b(?:died|dies|dead|death|killed|killing|fatal(?:ly)?)\b", re.I)


def _count_officer_hurt(figure: Claim) -> bool:
    text = figure.text or ""
    return _COUNT_OFFICER_HURT.search(text) is not None and _COUNT_DEATH.search(text) is None


def _without_unbacked_victims(injured: list[Claim], killed: list[Claim]) -> list[Claim]:
    """Discount wounded counted one by one when most reports tallying the dead name none.

    A report that tallies the dead and says nothing of wounded implies there were none;
    a victim counted from "was shot" in one report (often one who died, told apart by a
    missed name or pronoun) does not outweigh several such silences. Numeric figures
    ("two others were wounded") are never discounted. The claims stay on the record, each
    report's figure set to 0 and tagged, so a reader sees what was discounted and why.
    """
    figures = {r: _report_figure([c for c in injured if c.report == r])
               for r in {c.report for c in injured}}
    if any(not f.extractor.startswith(_SINGLE_VICTIMS) or _ANOTHER.search(f.text or "")
           or _count_self_wound(f) or _count_officer_hurt(f) for f in figures.values()):
        return injured
    silent = {c.report for c in killed} - set(figures)
    if len(silent) < len(figures):
        return injured
    chosen = {id(f) for f in figures.values()}
    return [replace(c, value=0, low=None, high=None, extractor=c.extractor.removesuffix(_MARK)
                    + "+unbacked_by_other_reports" + _MARK) if id(c) in chosen else
            replace(c, extractor=c.extractor.removesuffix(_MARK)) for c in injured]


# "three federal agents were injured": wounded officers are not the dead told apart (the
# dead in such reports is mostly the suspect), so their number is not net of deaths.
_COUNT_OFFICERS = re.compile(r"\b(?:\d+|two|three|four|five|six|seven|eight|nine|ten)\s+"
                             r"(?:[a-z.-]+\s+){0,3}?(?:officers|agents|deputies|troopers|"
                             r"marshals|policemen)\s+(?:were\s+|have\s+been\s+)?(?:wounded|"
                             r"injured|hurt)\b", re.I)


def _count_officers(figure: Claim) -> bool:
    return _COUNT_OFFICERS.search(figure.text or "") is not None


def _injured_after_deaths(injured: list[Claim], killed: list[Claim],
                          best_killed: int) -> list[Claim]:
    """Injured figures net of the wounded who later died (or were counted as shot).

    A report with fewer dead than the incident's best figure counted the others among
    its wounded ("a toddler in critical condition" who died the next day; "four shot"
    when one of them died): its injured figure drops by the difference, never below 0.
    """
    injured = _without_unbacked_victims(injured, killed)
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
        # People "shot" include every dead, whenever the report was written; a later
        # report's "wounded" figure is its own finding.
        shot = figure.extractor.startswith("counts.shot_total") or _shot_victims(figure)
        later = (figure.published or "") > died and not shot
        if moved <= 0 or int(figure.value) <= 0 or later or _count_officers(figure):
            out.extend(group)
            continue
        left = max(0, int(figure.value) - moved)
        out.extend(replace(c, value=left, low=None, high=None,
                           extractor=c.extractor.removesuffix(_MARK) + "+net_of_later_deaths"
                           + _MARK) if c is figure else
                   replace(c, extractor=c.extractor.removesuffix(_MARK)) for c in group)
    return out


_PlaceKey = tuple[str, str]
# A report's own choice counts fully when its score reaches this (a dateline alone, or a town
# named once in passing, scores below it; a town in the headline and the lead, above).
_CONFIDENT_SCORE = 5.0
_FLOOR = 0.25  # a report's choice never counts for less than this
_NAMED = 0.15  # the least support a report lends a town it names


def _place_key(p: PlaceMention) -> _PlaceKey:
    return (fold(p.name or p.text), p.country_code or "")


def _place_votes(analysis: ReportAnalysis) -> dict[_PlaceKey, tuple[float, PlaceMention]]:
    """One report's weight for each place: its own choice by how well the report supports it
    (a town in the headline and the lead beats a bare dateline or a hospital's city), every
    other city it names in proportion to its score (0.4 at most)."""
    from corroborate.extract.geo import score_places

    own = analysis.place
    if own is None or own.country_code is None:
        return {}
    ranked = score_places(analysis.places, analysis.report.text) if analysis.places else []
    scores = {_place_key(s.place): s for s in ranked if s.place.country_code}
    own_key = _place_key(own)
    own_score = scores[own_key].score if own_key in scores else _CONFIDENT_SCORE
    out = {own_key: (max(_FLOOR, min(1.0, own_score / _CONFIDENT_SCORE)), own)}
    for key, s in scores.items():
        if key != own_key and s.place.kind == "city":
            out[key] = (0.4 * min(1.0, s.score / _CONFIDENT_SCORE), s.place)
    # a town named at all (its weight perhaps lent to the big city it seemed part of)
    for q in analysis.places:
        key = _place_key(q)
        if q.kind == "city" and q.country_code and key != own_key and key not in out:
            out[key] = (_NAMED, q)
        elif key in out and key != own_key:
            out[key] = (max(out[key][0], _NAMED), out[key][1])
    return out


def _place_within(p: PlaceMention, region: PlaceMention) -> bool:
    """The town ``p`` lies in the state or county ``region`` another report chose; a county
    named without its state ("Paulding County") counts when the town is one of its towns."""
    if p.kind != "city" or not p.admin1 or region.country_code != p.country_code:
        return False
    if region.kind == "admin1":
        return region.admin1 == p.admin1
    if region.kind != "admin2":
        return False
    from corroborate.extract.geo.gazetteer import Gazetteer

    if region.admin1 is not None and region.admin1 != p.admin1:
        return False
    inside = Gazetteer.default().in_county(p.name or p.text, region.name or region.text,
                                           p.admin1)
    if region.admin1 is None:  # no state to go by: only the county's own towns
        return inside is True
    return inside is not False


def _place(analyses: Sequence[ReportAnalysis]) -> tuple[Place, PlaceMention | None]:
    """The place the reports support most: each report votes for its own choice, weighted by
    how firmly the report places the incident there, and lends part of its weight to the other
    towns it names (reports filed from a big city often choose it over the suburb where the
    shooting was); a town lying in the county or state that other reports chose gains too."""
    from corroborate.extract.geo.choose import agreed_state, in_state

    weight: defaultdict[_PlaceKey, float] = defaultdict(float)
    chosen: dict[_PlaceKey, PlaceMention] = {}
    own_choices: list[PlaceMention] = []
    for analysis in analyses:
        votes = _place_votes(analysis)
        if analysis.place is not None and votes:
            own_choices.append(analysis.place)
            chosen.setdefault(_place_key(analysis.place), analysis.place)
        for key, (w, _p) in votes.items():
            weight[key] += w
    if not chosen:
        return Place(), None
    # 0.5 per report that chose the county or state a town lies in
    for own in own_choices:
        for key, p in chosen.items():
            if _place_within(p, own):
                weight[key] += 0.5

    def rank(key: _PlaceKey) -> tuple[float, bool, int, _PlaceKey]:
        p = chosen[key]
        return (round(weight[key], 6), p.kind == "city", p.population or 0, key)

    best = chosen[max(chosen, key=rank)]
    # the state most reports agree on settles a report's ambiguous name ("Floyd County" with
    # no state named in that report, or "Howland" read in the wrong state)
    state = agreed_state(own_choices)
    if state is not None:
        best = in_state(best, state)
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

    def report_source(claim: Claim) -> str:
        # A date is each report's own finding: a spokesman quoted by two outlets does not
        # make the later report's day (an arrest, a death) a revision of the first.
        return "report:" + upstream.get(claim.report, claim.report)

    for slot in sorted(by_slot):
        fact = reconcile_slot(slot, by_slot[slot], report_order=order, report_upstream=upstream,
                              source_of=report_source if slot == "event_date" else source_of)
        if fact is not None:
            facts[slot] = fact
    event_date = _event_day(facts.get("event_date"), analyses)
    types = Counter(a.event_type for a in analyses if a.event_type)
    entities = tuple(resolve_entities(analyses))
    return Incident(
        id=incident_id_ or incident_id(ids),
        reports=tuple(sorted(ids)),
        event_date=event_date if event_date and not str(event_date).startswith("XXXX") else None,
        place=place,
        event_type=max(types, key=lambda t: (types[t], t)) if types else None,
        facts=with_values(facts, entities),
        entities=entities,
        referenced_incidents=_referenced(analyses),
        framing=_framing(analyses),
        links=tuple(sorted(links, key=lambda lk: (lk.a, lk.b))),
        sources={rid: upstream.get(rid, rid) for rid in ids},
    )
