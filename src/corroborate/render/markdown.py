"""A Markdown report a person reads: contested facts first, sources cited."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from corroborate.records import Claim, Diagnostic, Fact, Incident, Report

_STATUS_ORDER = {"contested": 0, "revised": 1, "single_source": 2, "corroborated": 3}
_QUALIFIER_WORDS = {"at_least": "at least ", "more_than": "more than ", "about": "about ",
                    "up_to": "up to ", "at_most": "at most ", "vague": "~"}


def _cell(text: Any) -> str:
    return str(text if text is not None else "").replace("|", "\\|").replace("\n", " ")


def _value(claim: Claim) -> str:
    return f"{_QUALIFIER_WORDS.get(claim.qualifier, '')}{claim.value}"


def _who(claim: Claim) -> str:
    att = claim.attribution
    who = att.speaker or "(report's own voice)"
    if att.role:
        who += f", {att.role}"
    if att.channel:
        who += f" via {att.channel}"
    return who


def _fact_lines(slot: str, fact: Fact, labels: dict[str, str]) -> list[str]:
    rng = f" (low {fact.low}, high {fact.high})" if fact.low is not None else ""
    # A multi-valued fact is all its values ("Jo Roe; Al Poe"), not one best.
    shown = "; ".join(str(v) for v in fact.values) if len(fact.values) > 1 else fact.best
    lines = [f"### {slot}: {shown}{rng} - **{fact.status}**", "", f"_{fact.note}_", ""]
    for claim in fact.claims:
        lines.append(f"- {labels[claim.report]}: **{_value(claim)}** - {_who(claim)}; "
                     f"chars {claim.span[0]}-{claim.span[1]}: \"{_cell(claim.text)}\"")
    lines.append("")
    return lines


def _side_by_side(incident: Incident, labels: dict[str, str]) -> list[str]:
    reports = list(incident.reports)
    head = "| fact | " + " | ".join(labels[r] for r in reports) + " |"
    lines = [head, "|---|" + "---|" * len(reports)]
    for slot, fact in _ordered(incident):
        cells = []
        for rid in reports:
            said = sorted({_value(c) for c in fact.claims if c.report == rid})
            cells.append(_cell(", ".join(said)) or "-")
        lines.append(f"| {slot} ({fact.status}) | " + " | ".join(cells) + " |")
    return [*lines, ""]


def _ordered(incident: Incident) -> list[tuple[str, Fact]]:
    return sorted(incident.facts.items(), key=lambda kv: (_STATUS_ORDER.get(kv[1].status, 9),
                                                          kv[0]))


def render_incident(incident: Incident, reports: dict[str, Report]) -> list[str]:
    labels = {rid: f"R{i + 1}" for i, rid in enumerate(incident.reports)}
    place = incident.place
    where = ", ".join(x for x in (place.name, place.admin1, place.country_code) if x) or "?"
    coords = f" ({place.lat:.3f}, {place.lon:.3f})" if place.lat is not None else ""
    lines = [f"## Incident {incident.id}: {incident.event_type or 'event'} in {where}", "",
             f"- **Date**: {incident.event_date or 'unknown'}",
             f"- **Place**: {where}{coords}", "", "**Reports**", ""]
    for rid in incident.reports:
        r = reports.get(rid)
        desc = (r.outlet or r.title or r.source) if r else rid
        lines.append(f"- {labels[rid]} = `{rid}`: {_cell(desc)}"
                     + (f", published {r.published}" if r and r.published else ""))
    lines += ["", "**What each report says**", "", *_side_by_side(incident, labels)]
    lines += ["**Facts (contested first)**", ""]
    for slot, fact in _ordered(incident):
        lines += _fact_lines(slot, fact, labels)
    if incident.entities:
        lines += ["**Entities**", ""]
        lines += [f"- {e.name} ({e.type})" + (f": also {', '.join(e.aliases)}" if e.aliases else "")
                  for e in incident.entities[:25]]
        lines.append("")
    if incident.framing:
        lines += ["**Framing**", ""]
        for referent, by_report in sorted(incident.framing.items()):
            said = "; ".join(f"{labels[r]}: {', '.join(t)}" for r, t in by_report.items())
            lines.append(f"- {referent}: {said}")
        lines.append("")
    if incident.referenced_incidents:
        lines += ["**Older incidents mentioned (kept apart)**", ""]
        for ref in incident.referenced_incidents:
            lines.append(f"- {ref.date or 'undated'}"
                         + (f", {ref.place}" if ref.place else "")
                         + f" ({labels.get(ref.report, ref.report)}): {_cell(ref.description)}")
        lines.append("")
    return lines


def render_markdown(reports: Sequence[Report], incidents: Sequence[Incident],
                    diagnostics: Sequence[Diagnostic] = (), *,
                    pipeline: Sequence[str] = ()) -> str:
    by_id = {r.id: r for r in reports}
    lines = ["# corroborate report", "",
             f"{len(reports)} reports, {len(incidents)} incidents.", ""]
    for incident in incidents:
        lines += render_incident(incident, by_id)
    if diagnostics:
        lines += ["## Diagnostics", ""]
        lines += [f"- `{d.code}` {d.report}: {d.message}" for d in diagnostics]
        lines.append("")
    lines += ["---", "Place data: GeoNames (CC-BY 4.0), countrystatecity (ODbL)."]
    return "\n".join(lines) + "\n"
