"""Per-fact reconciliation: status, UCDP-style low / best / high, ACLED's conservative value.

Every claim is kept, supporting and dissenting. Rules (versioned as ``RULE``):

- Each report gives one figure per count slot: its largest non-vague figure
  (smaller figures in one report are usually subsets: "two of the dead were
  children"), or an explicit update ("rose to") when it has one.
- A source's *current* figure is its latest one in reporting time; earlier
  figures from the same source are revisions, not disagreements.
- Status: one report (wire reprints of one story count once) -> ``single_source``;
  current figures of several reports equal -> ``corroborated`` (``revised`` when
  a source changed its figure and nobody disagrees); different current figures
  -> ``contested``. ``sources`` says how many independent upstream sources
  stand behind the reports: two outlets quoting one agency are 2 reports, 1 source.
- ``low`` / ``high`` span the current figures, ``conservative`` is the lowest
  (ACLED), ``best`` the figure most independent sources give, ties broken by
  the higher figure (tolls grow; follow-ups restate part of them), then by
  the latest report.
- Vague figures ("dozens") count only when a slot has no numeric claim.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from corroborate.reconcile.entities import fold
from corroborate.records import Claim, Fact
from corroborate.records.claim import COUNT_SLOTS

RULE = "corroborate.reconcile.facts.v2"

# Slots where several values can all be true at once (two perpetrators).
MULTI_VALUED = frozenset({"perpetrator", "suspected_perpetrator", "target", "weapon",
                          "characterisation"})


@dataclass(frozen=True)
class _Figure:
    """One report's figure for a slot, with its source and time."""

    value: Any
    key: str          # comparison key (folded text or the int)
    source: str
    time: str         # sortable: ISO time, or "" when unknown
    report: str
    order: int        # position of the report in the input, for stable ties
    weak: bool = False  # a count of victims told one by one, not a stated number


_SINGLE_VICTIMS = "counts.single_victims"


def _report_figure(claims: list[Claim]) -> Claim:
    """The single figure a report gives for a count slot.

    Extraction marks it (``+report_figure``: ``counts.report_count``'s choice);
    for claims from elsewhere, the largest non-vague figure or an update.
    """
    marked = [c for c in claims if c.extractor.endswith("+report_figure")]
    if marked:
        return marked[0]
    numeric = [c for c in claims if c.qualifier != "vague"] or claims
    updates = [c for c in numeric if "update" in c.extractor or "rose" in c.extractor]
    pool = updates or numeric
    return max(pool, key=lambda c: (int(c.value), -c.span[0]))


def _figures(claims: Sequence[Claim], *, is_count: bool, source_of: Callable[[Claim], str],
             report_order: dict[str, int]) -> list[_Figure]:
    by_report: dict[str, list[Claim]] = defaultdict(list)
    for claim in claims:
        by_report[claim.report].append(claim)
    figures = []
    for report, group in by_report.items():
        chosen = [_report_figure(group)] if is_count else _distinct(group)
        for claim in chosen:
            key = int(claim.value) if is_count else fold(str(claim.value))
            figures.append(_Figure(claim.value, str(key), source_of(claim),
                                   claim.published or "", report, report_order.get(report, 0),
                                   is_count and claim.extractor.startswith(_SINGLE_VICTIMS)))
    return figures


def _distinct(claims: list[Claim]) -> list[Claim]:
    seen: dict[str, Claim] = {}
    for claim in sorted(claims, key=lambda c: c.span):
        seen.setdefault(fold(str(claim.value)), claim)
    return list(seen.values())


def _current(figures: list[_Figure], *, multi: bool) -> tuple[list[_Figure], bool]:
    """Latest figure per source (all of them for multi-valued slots); revised?"""
    if multi:
        return figures, False
    by_source: dict[str, list[_Figure]] = defaultdict(list)
    for fig in figures:
        by_source[fig.source].append(fig)
    current: list[_Figure] = []
    revised = False
    for figs in by_source.values():
        figs.sort(key=lambda f: (f.time, f.order))
        latest = _latest_revision(figs)
        revised = revised or any(f.key != latest.key for f in figs)
        current.extend(f for f in figs if f.key == latest.key)
    return current, revised


def _latest_revision(figs: list[_Figure]) -> _Figure:
    """A source's latest figure that can revise its earlier ones (``figs`` in time order).

    Victims a later report tells one by one ("a woman was also wounded") are often the
    ones it happens to mention, not a recount: fewer of them than the source's stated
    figure do not revise that figure down. More of them can (a victim died since).
    """
    stated = [int(f.key) for f in figs if not f.weak and f.key.lstrip("-").isdigit()]
    top = max(stated, default=None)
    revising = [f for f in figs if not (f.weak and top is not None and f.key.lstrip("-").isdigit()
                                        and int(f.key) < top)]
    return (revising or figs)[-1]


def _best(current: list[_Figure], slot: str = "") -> _Figure:
    support: dict[str, set[str]] = defaultdict(set)
    for fig in current:
        support[fig.key].add(fig.source)
    if slot == "event_date":
        # Follow-ups (a victim dies, an arrest, a trial) come later and tend to carry their
        # own, later day: between equally backed dates the earliest is the incident's.
        return min(current, key=lambda f: (-len(support[f.key]), str(f.value), f.order))

    # A toll counted from victims told one by one ("a man was killed", "he died") misses
    # those a report does not single out and can count one person twice: each report
    # backing a figure that way lends half the weight of one that states the number.
    weight: dict[str, float] = defaultdict(float)
    for key, sources in support.items():
        stated = {f.source for f in current if f.key == key and not f.weak}
        weight[key] = len(stated) + 0.5 * len(sources - stated)

    def rank(fig: _Figure) -> tuple[Any, ...]:
        # Casualty tallies grow as victims die and the missing are found, and follow-ups
        # (arrests, trials) restate only part of the toll: between equally backed figures of
        # different sources, the higher is the better estimate of the final count.
        higher = int(fig.key) if fig.key.lstrip("-").isdigit() else 0
        return (weight[fig.key], higher, fig.time, fig.order)

    return max(current, key=rank)


def reconcile_slot(slot: str, claims: Sequence[Claim], *, source_of: Callable[[Claim], str],
                   report_order: dict[str, int],
                   report_upstream: Mapping[str, str] | None = None) -> Fact | None:
    """Reconcile every claim of one slot into a ``Fact``."""
    if not claims:
        return None
    is_count = slot in COUNT_SLOTS
    multi = slot in MULTI_VALUED
    figures = _figures(claims, is_count=is_count, source_of=source_of,
                       report_order=report_order)
    if is_count:
        # "Dozens" does not contest "141": vague figures count only when nobody is precise.
        vague = {c.report for c in claims if c.qualifier == "vague"} - \
            {c.report for c in claims if c.qualifier != "vague"}
        figures = [f for f in figures if f.report not in vague] or figures
    current, revised = _current(figures, multi=multi)
    keys = {f.key for f in current}
    sources = {f.source for f in figures}
    upstream = report_upstream or {}
    if len({upstream.get(f.report, f.report) for f in figures}) == 1:
        status = "revised" if revised else "single_source"
    elif len(keys) == 1 or multi:
        status = "revised" if revised else "corroborated"
    else:
        status = "contested"
    best = _best(current, slot)
    ordered = sorted(claims, key=lambda c: (c.published or "", report_order.get(c.report, 0),
                                            c.span))
    timeline = tuple(
        {"time": f.time or None, "value": f.value, "report": f.report, "source": f.source}
        for f in sorted(figures, key=lambda f: (f.time, f.order))
    )
    low = high = conservative = None
    if is_count:
        values = sorted(int(f.key) for f in current)
        low, high, conservative = values[0], values[-1], values[0]
    note = _note(status, len({f.report for f in figures}), len(sources), keys)
    return Fact(slot=slot, status=status, best=best.value, low=low, high=high,
                conservative=conservative, claims=tuple(ordered),
                reports=len({f.report for f in figures}), sources=len(sources),
                timeline=timeline, note=note)


def _note(status: str, reports: int, sources: int, keys: set[str]) -> str:
    base = f"{reports} report{'s' * (reports != 1)}, {sources} independent source" + \
        ("s" * (sources != 1))
    if status == "contested":
        return f"{base}; they disagree ({', '.join(sorted(keys, key=_sort_key))})"
    if status == "revised":
        return f"{base}; a source revised its figure; its latest figure is used"
    return base


def _sort_key(key: str) -> tuple[int, Any]:
    return (0, int(key)) if key.lstrip("-").isdigit() else (1, key)
