"""Per-report extraction: one context flows through named, versioned stages.

Like spaCy's ``Language.__call__``: each stage reads some fields of a
``ReportContext`` and writes others (declared in ``STAGES``); the pipeline
checks at build time that every stage's inputs are written by an earlier one.
The result is a frozen ``ReportAnalysis``. Stages are pure functions of the
report (and its publication date); nothing here reads the wall clock.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from corroborate.errors import ConfigError
from corroborate.extract.attribution import RULE as ATTRIBUTION_RULE
from corroborate.extract.attribution import Attributor
from corroborate.extract.language import MIN_CONFIDENCE, detect_language
from corroborate.extract.nlp import DEFAULT_MODEL, doc_ents, doc_text, load_nlp
from corroborate.extract.titles import is_only_title, split_title
from corroborate.records import (
    Attribution,
    Claim,
    Diagnostic,
    EntityMention,
    PlaceMention,
    ReferencedIncident,
    Report,
    ReportAnalysis,
)

SUPPORTED_LANGUAGES = frozenset({"en"})


@dataclass
class ReportContext:
    """The mutable container stages read and write; frozen at the end."""

    report: Report
    doc: Any
    published: str | None
    claims: list[Claim] = field(default_factory=list)
    entities: list[EntityMention] = field(default_factory=list)
    places: list[PlaceMention] = field(default_factory=list)
    referenced: list[ReferencedIncident] = field(default_factory=list)
    skip_sentences: frozenset[int] = frozenset()
    event_date: str | None = None
    event_date_basis: str | None = None
    reference_date: str | None = None
    place: PlaceMention | None = None
    event_type: str | None = None
    framing: dict[str, list[str]] = field(default_factory=dict)
    attributor: Attributor | None = None
    diagnostics: list[Diagnostic] = field(default_factory=list)

    def claim(self, slot: str, value: Any, start: int, end: int, *, rule: str,
              sent_start: int | None = None, qualifier: str = "exact",
              low: int | None = None, high: int | None = None) -> Claim:
        """Build a claim with its sentence and attribution filled in."""
        assert self.attributor is not None
        sentence = _sentence_text(self.doc, start, end)
        made = Claim(slot=slot, value=value, report=self.report.id, span=(start, end),
                     text=sentence, qualifier=qualifier, low=low, high=high,
                     attribution=self.attributor.for_span(start, end),
                     published=self.published, time_basis="published" if self.published else None,
                     extractor=rule)
        self.claims.append(made)
        return made


def _sentence_text(doc: Any, start: int, end: int) -> str:
    text = doc_text(doc)
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return text[start:end]
    first, last = span[0].sent, span[-1].sent
    return text[first.start_char:last.end_char].strip()


# --- stages -------------------------------------------------------------------------------

_ENTITY_TYPES = ("PERSON", "ORG", "GPE", "NORP", "LOC", "FAC")
_GROUP_NOUNS = frozenset({"militants", "fighters", "group", "jihadists", "rebels", "insurgents",
                          "guerrillas", "gunmen", "militia", "militiamen"})


def stage_entities(ctx: ReportContext) -> None:
    """Named entities with titles split off ("Maj Gen Qassem Suleimani")."""
    for ent in doc_ents(ctx.doc):
        if ent.label_ not in _ENTITY_TYPES:
            continue
        text = ent.text.strip()
        start = ent.start_char
        if ent.label_ != "PERSON" and text.lower().startswith("the "):
            text, start = text[4:], start + 4
        title = None
        if ent.label_ == "PERSON":
            if is_only_title(text):  # "Maj Gen" alone: the md model tags it as a PERSON
                continue
            title, text = split_title(text)
        ctx.entities.append(EntityMention(text=text, type=ent.label_,
                                          span=(start, ent.end_char), title=title))
        follower = ctx.doc[ent.end] if ent.end < len(ctx.doc) else None
        if ent.label_ in ("ORG", "NORP") and follower is not None and \
                follower.lower_ in _GROUP_NOUNS:
            # "Islamic State militants": the form the report uses for the actor.
            ctx.entities.append(EntityMention(text=f"{text} {follower.text}", type=ent.label_,
                                              span=(start, follower.idx + len(follower.text))))


def stage_attribution(ctx: ReportContext) -> None:
    ctx.attributor = Attributor(ctx.doc)


def stage_dates(ctx: ReportContext) -> None:
    """Event date, reference date, and sentences about older incidents."""
    from corroborate.extract.dates import analyze_dates

    result = analyze_dates(ctx.doc, published=ctx.published, report_id=ctx.report.id)
    ctx.reference_date = result.reference_date
    ctx.event_date = result.event_date
    ctx.event_date_basis = result.event_date_basis
    ctx.skip_sentences = frozenset(result.past_sentences)
    ctx.referenced.extend(result.referenced)
    if result.event_date and result.event_span:
        ctx.claim("event_date", result.event_date, *result.event_span,
                  rule=f"corroborate.dates.{result.event_date_basis or 'event'}.v1")


def stage_places(ctx: ReportContext) -> None:
    from corroborate.extract.geo import choose_place, geocode_doc

    ctx.places = list(geocode_doc(ctx.doc))
    ctx.place = choose_place(ctx.places, ctx.doc, skip_sentences=ctx.skip_sentences)
    if ctx.place is not None:
        ctx.claim("place", ctx.place.name or ctx.place.text, *ctx.place.span,
                  rule="corroborate.geo.choose_place.v1")


REPORT_FIGURE = "+report_figure"


def stage_counts(ctx: ReportContext) -> None:
    """Count claims; the one figure the report gives per slot is marked ``+report_figure``."""
    from corroborate.extract.counts import extract_counts, report_count

    mentions = extract_counts(ctx.doc, skip_sentences=ctx.skip_sentences)
    chosen = {slot: report_count(mentions, slot) for slot in sorted({m.slot for m in mentions})}
    for m in mentions:
        pick = chosen.get(m.slot)
        is_figure = pick is not None and (pick.start, pick.end, pick.rule) == (m.start, m.end,
                                                                                 m.rule)
        if is_figure and pick is not None:
            m = pick  # may carry a derived value ("5 shot, 2 fatally" -> 3 injured)
        ctx.claim(m.slot, m.value, m.start, m.end,
                  rule=(m.rule or "corroborate.counts.v1") + (REPORT_FIGURE if is_figure else ""),
                  qualifier=m.qualifier, low=m.low, high=m.high)


def stage_actors(ctx: ReportContext) -> None:
    from corroborate.extract.actors import classify_event_type, extract_actors, framing_terms

    for m in extract_actors(ctx.doc, skip_sentences=ctx.skip_sentences):
        ctx.claim(m.slot, m.value, m.start, m.end, rule=m.rule or "corroborate.actors.v1",
                  qualifier=m.confidence or "exact")
    ctx.event_type = classify_event_type(ctx.doc, skip_sentences=ctx.skip_sentences)
    ctx.framing = framing_terms(ctx.doc)


@dataclass(frozen=True)
class Stage:
    name: str
    func: Callable[[ReportContext], None]
    requires: tuple[str, ...] = ()
    assigns: tuple[str, ...] = ()


STAGES: dict[str, Stage] = {
    s.name: s
    for s in (
        Stage("corroborate.entities.v1", stage_entities, assigns=("entities",)),
        Stage(ATTRIBUTION_RULE, stage_attribution, assigns=("attributor",)),
        Stage("corroborate.dates.v1", stage_dates, requires=("attributor",),
              assigns=("event_date", "skip_sentences", "referenced")),
        Stage("corroborate.places.v1", stage_places, requires=("attributor", "skip_sentences"),
              assigns=("places", "place")),
        Stage("corroborate.counts.v1", stage_counts, requires=("attributor", "skip_sentences"),
              assigns=("claims",)),
        Stage("corroborate.actors.v1", stage_actors, requires=("attributor", "skip_sentences"),
              assigns=("claims", "event_type", "framing")),
    )
}
DEFAULT_STAGES = tuple(STAGES)


def register_stage(stage: Stage) -> None:
    """Add a stage (plugins use this too); its name must be versioned (``...v1``)."""
    if not re.search(r"\.v\d+$", stage.name):
        raise ConfigError(f"stage name {stage.name!r} must end with a version, like '.v1'")
    STAGES[stage.name] = stage


def check_stages(names: Iterable[str]) -> list[Stage]:
    """Resolve stage names and check every input is written by an earlier stage."""
    written: set[str] = set()
    out = []
    for name in names:
        if name not in STAGES:
            raise ConfigError(f"unknown stage {name!r}; known: {', '.join(sorted(STAGES))}")
        stage = STAGES[name]
        missing = [r for r in stage.requires if r not in written]
        if missing:
            raise ConfigError(f"stage {name!r} needs {missing} written by an earlier stage")
        written.update(stage.assigns)
        out.append(stage)
    return out


class Pipeline:
    """Report -> ReportAnalysis. Loads the spaCy model once; ``pipe`` batches."""

    def __init__(self, *, model: str = DEFAULT_MODEL,
                 stages: Iterable[str] = DEFAULT_STAGES) -> None:
        self.model = model
        self.stages = check_stages(stages)
        self.nlp = load_nlp(model)
        self.names = (f"spacy:{model}", *(s.name for s in self.stages))

    def language_gate(self, report: Report) -> tuple[Report, Diagnostic | None]:
        """Detect the language; a report we cannot read gets a skipping diagnostic."""
        lang, score = detect_language(report.text)
        if report.language is None and lang is not None:
            report = Report(**{**report.to_dict(), "language": lang})
        given = (report.language or "").split("-")[0].lower()
        if given and given not in SUPPORTED_LANGUAGES and (score >= MIN_CONFIDENCE or
                                                           report.language != lang):
            return report, Diagnostic(
                "unsupported_language", report.id,
                f"{report.source or report.id}: language {given!r} has no pipeline here "
                f"(supported: {', '.join(sorted(SUPPORTED_LANGUAGES))}); the report was skipped")
        return report, None

    def analyse_doc(self, report: Report, doc: Any) -> ReportAnalysis:
        from corroborate.extract.dates import date_from_url, page_date

        published = _iso(report.published)
        diagnostics = []
        if report.published and published is None:
            diagnostics.append(Diagnostic("bad_date", report.id,
                                          f"published {report.published!r} is not a date; ignored"))
        # Many news URLs carry the publication date (/2016/01/27/), and many pages stamp
        # it at their top ("Posted: May 3, 2019"): the next best anchors.
        ctx = ReportContext(report=report, doc=doc,
                            published=published or date_from_url(report.url)
                            or page_date(doc.text),
                            diagnostics=diagnostics)
        for stage in self.stages:
            stage.func(ctx)
        return ReportAnalysis(
            report=report, claims=tuple(ctx.claims), entities=tuple(ctx.entities),
            places=tuple(ctx.places), referenced_incidents=tuple(ctx.referenced),
            event_date=ctx.event_date, event_date_basis=ctx.event_date_basis, place=ctx.place,
            event_type=ctx.event_type, framing=ctx.framing, reference_date=ctx.reference_date,
            diagnostics=tuple(ctx.diagnostics), pipeline=self.names,
        )

    def pipe(self, reports: Iterable[Report], *,
             batch_size: int = 32) -> Iterator[ReportAnalysis | Diagnostic]:
        """Analyse a stream of reports; unreadable ones come out as diagnostics."""
        def readable() -> Iterator[tuple[str, Report]]:
            for report in reports:
                report, problem = self.language_gate(report)
                if problem is not None:
                    skipped.append(problem)
                    continue
                yield report.text, report

        skipped: list[Diagnostic] = []
        for doc, report in self.nlp.pipe(readable(), as_tuples=True, batch_size=batch_size):
            yield from skipped
            skipped.clear()
            yield self.analyse_doc(report, doc)
        yield from skipped

    def __call__(self, report: Report) -> ReportAnalysis | Diagnostic:
        return next(iter(self.pipe([report])))


_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")


def _iso(value: str | None) -> str | None:
    """Normalise a metadata date to ``YYYY-MM-DD`` (None if unparseable)."""
    if not value:
        return None
    match = _DATE.match(value.strip())
    if match:
        return match.group(0)
    try:
        import dateparser

        parsed = dateparser.parse(value, settings={"RETURN_AS_TIMEZONE_AWARE": False,
                                                   "PREFER_DAY_OF_MONTH": "first"})
    except Exception:  # dateparser raises a zoo of types on odd input
        return None
    return parsed.date().isoformat() if parsed else None


def analyze_reports(reports: Iterable[Report], *, model: str = DEFAULT_MODEL,
                    batch_size: int = 32) -> Iterator[ReportAnalysis | Diagnostic]:
    """Convenience wrapper: ``Pipeline(model=model).pipe(reports)``."""
    yield from Pipeline(model=model).pipe(reports, batch_size=batch_size)


__all__ = ["DEFAULT_STAGES", "STAGES", "Attribution", "Pipeline", "ReportContext", "Stage",
           "analyze_reports", "check_stages", "register_stage"]
